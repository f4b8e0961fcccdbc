//! Cleanup changes that arrange the record: a missed remark inserted, a remark's time
//! corrected, two remarks of an item put in the order they were said, and words replaced
//! everywhere. Each is one undoable [`Change`]; none changes what is public.

use super::{Change, Remark, RemarkId, Session, Timestamp};

impl Session {
    fn position(&self, id: RemarkId) -> Option<usize> {
        self.remarks.iter().position(|r| r.id == id)
    }

    /// The remarks of `i`'s item just before and after it, by position.
    fn item_neighbours(&self, i: usize) -> (Option<usize>, Option<usize>) {
        let item = self.remarks[i].item;
        let before = self.remarks[..i].iter().rposition(|r| r.item == item);
        let after = self.remarks[i + 1..]
            .iter()
            .position(|r| r.item == item)
            .map(|p| i + 1 + p);
        (before, after)
    }

    /// A missed remark, inserted before or after remark `id`: its item, speaker and
    /// non-public state, and its time (the selected one's start, or its end).
    pub fn insert_remark(&self, id: RemarkId, before: bool, text: String) -> Option<Change> {
        let i = self.position(id)?;
        let near = &self.remarks[i];
        let at = if before { near.began } else { near.committed };
        let new_id = self.live.next_remark_id;
        let remark = Remark {
            id: new_id,
            item: near.item,
            speaker: near.speaker.clone(),
            text,
            began: at,
            committed: at,
            non_public: near.non_public,
            check_later: false,
            publish_note: false,
            clerk: self.live.clerk.clone(),
            origin: self.origin_of(new_id),
            alternatives: Vec::new(),
        };
        let index = if before { i } else { i + 1 };
        Some(Change::Remarks {
            index,
            removed: Vec::new(),
            inserted: vec![remark],
            next_id: (new_id, new_id + 1),
        })
    }

    /// Remark `id` began at `at` after all. It must stay in order with the remarks of its
    /// item on either side: `Err` gives the earliest and latest time it may have.
    pub fn retime_remark(
        &self,
        id: RemarkId,
        at: Timestamp,
    ) -> Result<Change, (Option<Timestamp>, Option<Timestamp>)> {
        let i = self.position(id).ok_or((None, None))?;
        let (before, after) = self.item_neighbours(i);
        let earliest = before.map(|b| self.remarks[b].began);
        let latest = after.map(|a| self.remarks[a].began);
        if earliest.is_some_and(|e| at < e) || latest.is_some_and(|l| at > l) {
            return Err((earliest, latest));
        }
        self.change_remark(id, |r| {
            r.began = at;
            r.committed = r.committed.max(at);
        })
        .ok_or((earliest, latest))
    }

    /// Remark `id` trades places with the one before (`up`) or after it in its item, and
    /// their times trade too, so the record stays in the order of time.
    pub fn move_remark(&self, id: RemarkId, up: bool) -> Option<Change> {
        let i = self.position(id)?;
        let (before, after) = self.item_neighbours(i);
        let j = if up { before? } else { after? };
        let (lo, hi) = (i.min(j), i.max(j));
        let removed: Vec<Remark> = self.remarks[lo..=hi].to_vec();
        let mut inserted = removed.clone();
        let (mut a, mut b) = (removed[0].clone(), removed[hi - lo].clone());
        std::mem::swap(&mut a.began, &mut b.began);
        std::mem::swap(&mut a.committed, &mut b.committed);
        inserted[0] = b;
        inserted[hi - lo] = a;
        Some(Change::Remarks {
            index: lo,
            removed,
            inserted,
            next_id: (self.live.next_remark_id, self.live.next_remark_id),
        })
    }

    /// Every remark whose text holds `find`, with `find` replaced by `with`: the ids and the
    /// texts before and after, for a preview.
    pub fn replacements(&self, find: &str, with: &str) -> Vec<(RemarkId, String, String)> {
        if find.is_empty() {
            return Vec::new();
        }
        self.remarks
            .iter()
            .filter(|r| r.text.contains(find))
            .map(|r| (r.id, r.text.clone(), r.text.replace(find, with)))
            .collect()
    }

    /// The replacements as one change.
    pub fn replace_all(&self, find: &str, with: &str) -> Option<Change> {
        let mut s = self.clone();
        let mut changes = Vec::new();
        for (id, _, after) in self.replacements(find, with) {
            if let Some(c) = s.change_remark(id, |r| r.text = after.clone()) {
                s.apply(&c);
                changes.push(c);
            }
        }
        (!changes.is_empty()).then_some(Change::Group(changes))
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::model::ParticipantId;

    fn at(h: u32, m: u32, s: u32) -> Timestamp {
        chrono::FixedOffset::east_opt(9 * 3600)
            .unwrap()
            .with_ymd_and_hms(2026, 7, 3, h, m, s)
            .unwrap()
    }

    fn session() -> Session {
        let plan = crate::model::Plan {
            meeting: crate::model::Meeting::new(
                "会議",
                chrono::NaiveDate::from_ymd_opt(2026, 7, 3).unwrap(),
                chrono::NaiveTime::from_hms_opt(15, 0, 0).unwrap(),
                chrono::NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
            ),
            roster: vec![crate::model::Participant {
                id: ParticipantId("chair".into()),
                name: "山田 太郎".into(),
                role: "座長".into(),
                ..Default::default()
            }],
            agenda: vec![crate::model::AgendaItem::new(1, "議題")],
        };
        let mut s = Session::new(plan).unwrap();
        s.set_speaker(Some(ParticipantId("chair".into())));
        s.add_remark("一".into(), at(15, 0, 0), at(15, 0, 10));
        s.add_remark("二".into(), at(15, 1, 0), at(15, 1, 10));
        s.add_remark("三".into(), at(15, 2, 0), at(15, 2, 10));
        s
    }

    fn texts(s: &Session) -> Vec<&str> {
        s.remarks.iter().map(|r| r.text.as_str()).collect()
    }

    #[test]
    fn insert_retime_move_and_replace_each_undo_exactly() {
        let base = session();
        let check = |c: Change, expect: &[&str]| {
            let mut s = base.clone();
            s.apply(&c);
            assert_eq!(texts(&s), expect);
            s.revert(&c);
            assert_eq!(s.remarks, base.remarks);
        };
        check(
            base.insert_remark(2, false, "二の後".into()).unwrap(),
            &["一", "二", "二の後", "三"],
        );
        check(
            base.insert_remark(1, true, "冒頭".into()).unwrap(),
            &["冒頭", "一", "二", "三"],
        );
        check(base.move_remark(2, true).unwrap(), &["二", "一", "三"]);
        check(base.move_remark(2, false).unwrap(), &["一", "三", "二"]);
        assert!(
            base.move_remark(1, true).is_none(),
            "the first has none before it"
        );
        // Moved, the two trade times: the record stays in time order.
        let mut s = base.clone();
        s.apply(&base.move_remark(2, true).unwrap());
        assert!(s.remarks[0].began < s.remarks[1].began);
        // A time between the neighbours is taken; one outside them says the bounds.
        let ok = base.retime_remark(2, at(15, 1, 30)).unwrap();
        let mut s = base.clone();
        s.apply(&ok);
        assert_eq!(s.remarks[1].began, at(15, 1, 30));
        assert!(s.remarks[1].committed >= s.remarks[1].began);
        assert_eq!(
            base.retime_remark(2, at(15, 5, 0)).unwrap_err(),
            (Some(at(15, 0, 0)), Some(at(15, 2, 0)))
        );
        let replace = base.replace_all("二", "弐").unwrap();
        check(replace, &["一", "弐", "三"]);
        assert!(base.replace_all("無", "x").is_none());
    }
}
