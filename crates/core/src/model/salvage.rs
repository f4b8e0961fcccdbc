//! A journal that began on another version of its session file (git replaced the file under
//! it in a checkout or a fast-forward, or someone copied an older file over it) cannot be
//! replayed record by record: its records point at remarks the file may not have. What it
//! committed is still taken, as a merge of two clerks' records takes it: the journal's side is
//! the file as the journal would have left it (its remarks added, its corrections applied
//! where they still fit, its meeting log), merged with the file that is there. Nothing either
//! holds is lost (a correction that no longer fits becomes a version to review), and the
//! strictest side's non-public state is kept.

use super::{AgendaItem, Change, Edit, Remark, RemarkId, Session};

/// What a salvaged journal gave.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Salvaged {
    /// Remarks the file lacked, now in it.
    pub added: usize,
    /// Corrections made to another version that no longer fit this one: their withholding
    /// was taken, their words are versions to review (V), the rest is in the journal's copy.
    pub left_out: usize,
}

impl Session {
    /// Takes what `edits` (a journal of another version of this session) committed, merged
    /// into this session. Nothing this session holds is lost or published by it.
    pub fn salvage(&mut self, edits: &[Edit]) -> Salvaged {
        let mut out = Salvaged::default();
        let mut side = self.clone();
        // The remarks the journal itself committed, newest last: an undo takes back only these.
        let mut appended: Vec<RemarkId> = Vec::new();
        for edit in edits {
            match edit {
                Edit::Append(r) => {
                    if side.remarks.iter().any(|x| x.identity() == r.identity()) {
                        continue;
                    }
                    let fits = side.plan.item(r.item).is_some()
                        && r.speaker
                            .as_ref()
                            .is_none_or(|s| side.plan.participant(s).is_some());
                    if !fits {
                        out.left_out += 1;
                        continue;
                    }
                    let mut r = r.clone();
                    let free = side.remarks.iter().map(|x| x.id + 1).max().unwrap_or(1);
                    side.live.next_remark_id = side.live.next_remark_id.max(free);
                    if side.remarks.iter().any(|x| x.id == r.id) {
                        r.id = side.live.next_remark_id;
                    }
                    side.live.next_remark_id = side.live.next_remark_id.max(r.id + 1);
                    appended.push(r.id);
                    side.remarks.push(r);
                }
                Edit::Pop => {
                    if let Some(id) = appended.pop() {
                        side.remarks.retain(|x| x.id != id);
                    }
                }
                Edit::Apply(c) => out.left_out += side.take_change(c, false),
                Edit::Revert(c) => out.left_out += side.take_change(c, true),
                Edit::Log(l) => side.log = l.clone(),
                Edit::AddParticipant(p) => {
                    if side.plan.participant(&p.id).is_none() {
                        side.plan.roster.push(p.clone());
                    }
                }
                // Where the clerk was and what was being typed: taken where it fits.
                Edit::Live(_) | Edit::Draft { .. } => {
                    let next = side.live.next_remark_id;
                    let _ = side.replay(edit);
                    side.live.next_remark_id = side.live.next_remark_id.max(next);
                }
                Edit::Folded { .. } => {}
            }
        }
        // Each side in the order things were said, as a merge reads them.
        side.remarks.sort_by_key(|r| r.began);
        let before: Vec<String> = self.remarks.iter().map(Remark::identity).collect();
        if let Ok(merged) = super::merge::merge(&[self.clone(), side]) {
            *self = merged.session;
        }
        out.added = self
            .remarks
            .iter()
            .filter(|r| !before.contains(&r.identity()))
            .count();
        out
    }

    /// Applies a cleanup change of the journal's own (reverted with `reverting`): by the
    /// remarks it names, wherever they stand now; `1` if it no longer fits, in which case
    /// what it withheld is withheld all the same.
    fn take_change(&mut self, change: &Change, reverting: bool) -> usize {
        match change {
            Change::Remarks {
                removed, inserted, ..
            } => {
                let (gone, new) = if reverting {
                    (inserted, removed)
                } else {
                    (removed, inserted)
                };
                let here: Option<Vec<usize>> = gone
                    .iter()
                    .map(|g| {
                        self.remarks
                            .iter()
                            .position(|r| r.identity() == g.identity() && same_words(r, g))
                    })
                    .collect();
                if let Some(at) = here {
                    let first = at.iter().copied().min().unwrap_or(self.remarks.len());
                    let mut at = at;
                    at.sort_unstable_by(|a, b| b.cmp(a));
                    for i in at {
                        self.remarks.remove(i);
                    }
                    let first = first.min(self.remarks.len());
                    for (k, r) in new.iter().enumerate() {
                        let mut r = r.clone();
                        if self.remarks.iter().any(|x| x.id == r.id) {
                            r.id = self.live.next_remark_id;
                        }
                        self.live.next_remark_id = self.live.next_remark_id.max(r.id + 1);
                        self.remarks.insert(first + k, r);
                    }
                    return 0;
                }
                // It no longer fits: the remarks it withheld stay withheld.
                for n in new.iter().filter(|n| n.non_public) {
                    if let Some(r) = self
                        .remarks
                        .iter_mut()
                        .find(|r| r.identity() == n.identity())
                    {
                        r.non_public = true;
                    }
                }
                1
            }
            Change::Group(all) => {
                let mut left = 0;
                if reverting {
                    for c in all.iter().rev() {
                        left += self.take_change(c, true);
                    }
                } else {
                    for c in all {
                        left += self.take_change(c, false);
                    }
                }
                left
            }
            Change::AgendaItem { before, after, .. } => {
                let to: &AgendaItem = if reverting { before } else { after };
                match self.plan.agenda.iter_mut().find(|i| i.no == to.no) {
                    // Closing an item withholds; anything else is the other version's to say.
                    Some(item) if !to.public => {
                        item.public = false;
                        0
                    }
                    _ => 1,
                }
            }
            other => {
                if self.fits(other, reverting) {
                    if reverting {
                        self.revert(other);
                    } else {
                        self.apply(other);
                    }
                    0
                } else {
                    1
                }
            }
        }
    }
}

/// The same remark, as far as a correction is concerned: its words, speaker, item and flags.
fn same_words(a: &Remark, b: &Remark) -> bool {
    Remark {
        id: b.id,
        ..a.clone()
    } == *b
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AgendaItem, Meeting, ParticipantId, Plan};
    use chrono::TimeZone;

    fn at(m: u32) -> crate::model::Timestamp {
        chrono::FixedOffset::east_opt(9 * 3600)
            .unwrap()
            .with_ymd_and_hms(2026, 7, 3, 15, m, 0)
            .unwrap()
    }

    fn session() -> Session {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 7, 3).unwrap();
        let t = |h| chrono::NaiveTime::from_hms_opt(h, 0, 0).unwrap();
        let mut s = Session::new(Plan {
            meeting: Meeting::new("会議", date, t(15), t(16)),
            roster: vec![crate::model::Participant {
                id: ParticipantId("a".into()),
                name: "山田".into(),
                ..Default::default()
            }],
            agenda: vec![AgendaItem::new(1, "議題")],
        })
        .unwrap();
        s.live.clerk = Some("青木".into());
        s.set_speaker(Some(ParticipantId("a".into())));
        s.add_remark("一".into(), at(0), at(1));
        s
    }

    #[test]
    fn a_journal_of_another_version_gives_its_remarks_and_takes_none() {
        let base = session();
        // The journal's side: two remarks committed, the second corrected.
        let mut mine = base.clone();
        let mut edits = Vec::new();
        for (text, m) in [("二", 2), ("三", 3)] {
            mine.add_remark(text.into(), at(m), at(m));
            edits.push(Edit::Append(mine.remarks.last().unwrap().clone()));
        }
        let id = mine.remarks[2].id;
        let fix = mine
            .change_remark(id, |r| r.text = "三（訂正）".into())
            .unwrap();
        mine.apply(&fix);
        edits.push(Edit::Apply(fix));
        // The file that is there now: another clerk's remark numbered 2 too.
        let mut theirs = base.clone();
        theirs.live.clerk = Some("馬場".into());
        theirs.add_remark("馬場の発言".into(), at(4), at(5));
        let mut read = theirs.clone();
        let got = read.salvage(&edits);
        assert_eq!(
            got,
            Salvaged {
                added: 2,
                left_out: 0
            }
        );
        let texts: Vec<&str> = read.remarks.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["一", "二", "三（訂正）", "馬場の発言"]);
        let mut ids: Vec<u64> = read.remarks.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 4, "no number twice");
        // Taken again, nothing is added twice.
        assert_eq!(read.clone().salvage(&edits).added, 0);
    }

    #[test]
    fn a_withholding_made_to_another_version_is_kept() {
        let base = session();
        let id = base.remarks[0].id;
        let flag = base.change_remark(id, |r| r.non_public = true).unwrap();
        // The file now holds another clerk's correction of the same remark.
        let mut theirs = base.clone();
        theirs.remarks[0].text = "一（別の訂正）".into();
        let mut read = theirs;
        let got = read.salvage(&[Edit::Apply(flag)]);
        assert_eq!(got.left_out, 1);
        assert!(
            read.remarks[0].non_public,
            "never published by the replacement"
        );
        let again = Session::from_parts(read.plan, read.log, read.remarks, read.live);
        assert!(again.is_ok(), "{again:?}");
    }
}
