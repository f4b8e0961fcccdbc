//! A journal that began on another version of its session file (git replaced the file under
//! it in a checkout or a fast-forward, or someone copied an older file over it) cannot be
//! replayed record by record: its records point at remarks the file may not have. What it
//! committed is still taken: every remark it holds that the file lacks, the people it added,
//! its meeting log joined with the file's, as a merge of the two records would.

use super::{Change, Edit, Remark, Session};

/// What a salvaged journal gave.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Salvaged {
    /// Remarks the file lacked, now in it.
    pub added: usize,
    /// Cleanup changes to remarks the journal did not commit itself: they were made to
    /// another version and are left out (the journal's copy keeps them).
    pub left_out: usize,
}

impl Session {
    /// Takes what `edits` (a journal of another version of this session) committed, as far
    /// as it goes with this version. Nothing this session holds is lost or published by it:
    /// the logs are joined as a merge joins them, the strictest side's non-public kept.
    pub fn salvage(&mut self, edits: &[Edit]) -> Salvaged {
        let mut out = Salvaged::default();
        // The remarks the journal committed, as it left them.
        let mut committed: Vec<Remark> = Vec::new();
        let mut log = None;
        for edit in edits {
            match edit {
                Edit::Append(r) => committed.push(r.clone()),
                // An undo of a remark the file has keeps it: taking it out could lose it.
                Edit::Pop => {
                    committed.pop();
                }
                Edit::Apply(c) => out.left_out += apply_to(&mut committed, c, false),
                Edit::Revert(c) => out.left_out += apply_to(&mut committed, c, true),
                Edit::Log(l) => log = Some(l.clone()),
                Edit::AddParticipant(p) => {
                    if self.plan.participant(&p.id).is_none() {
                        self.plan.roster.push(p.clone());
                    }
                }
                Edit::Live(_) | Edit::Draft { .. } => {
                    // Where the clerk was and what was being typed: taken where it fits.
                    let _ = self.replay(edit);
                }
                Edit::Folded { .. } => {}
            }
        }
        for mut r in committed {
            let known = self.remarks.iter().any(|x| x.identity() == r.identity());
            let fits = self.plan.item(r.item).is_some()
                && r.speaker
                    .as_ref()
                    .is_none_or(|s| self.plan.participant(s).is_some());
            if known || !fits {
                out.left_out += usize::from(!known);
                continue;
            }
            if self.remarks.iter().any(|x| x.id == r.id) {
                r.id = self.live.next_remark_id;
            }
            self.live.next_remark_id = self.live.next_remark_id.max(r.id + 1);
            self.remarks.push(r);
            out.added += 1;
        }
        // In the order they were said, the file's and the journal's together.
        self.remarks.sort_by_key(|r| r.began);
        let after_last = self.remarks.iter().map(|r| r.id).max().unwrap_or(0) + 1;
        self.live.next_remark_id = self.live.next_remark_id.max(after_last);
        if let Some(l) = log {
            self.log = super::merge::join_logs(&[&self.log, &l]);
        }
        out
    }
}

/// Applies a cleanup change to the journal's own remarks; `1` if it touched a remark the
/// journal did not commit (it is left out).
fn apply_to(committed: &mut Vec<Remark>, change: &Change, reverting: bool) -> usize {
    match change {
        Change::Remarks {
            removed, inserted, ..
        } => {
            let (gone, new) = if reverting {
                (inserted, removed)
            } else {
                (removed, inserted)
            };
            let ours = |r: &Remark| committed.iter().position(|c| c.identity() == r.identity());
            if !gone.iter().all(|r| ours(r).is_some()) {
                return 1;
            }
            let at = gone
                .iter()
                .filter_map(ours)
                .min()
                .unwrap_or(committed.len());
            committed.retain(|c| gone.iter().all(|g| g.identity() != c.identity()));
            let at = at.min(committed.len());
            committed.splice(at..at, new.iter().cloned());
            0
        }
        Change::Group(all) => {
            let mut left = 0;
            let list: Vec<&Change> = if reverting {
                all.iter().rev().collect()
            } else {
                all.iter().collect()
            };
            for c in list {
                left += apply_to(committed, c, reverting);
            }
            left
        }
        _ => 1,
    }
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
}
