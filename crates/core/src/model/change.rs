//! Reversible changes to a session, for cleanup after the meeting. Each change records what
//! it replaced, so undo restores the session exactly and redo applies it again.

use super::{
    AgendaItem, ItemNo, Meeting, MeetingLog, Participant, ParticipantId, Remark, RemarkId, Session,
};

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Change {
    /// Remarks `index..index + removed.len()` were replaced by `inserted`. Covers editing,
    /// reassigning, moving, flagging, deleting, merging and splitting.
    Remarks {
        index: usize,
        removed: Vec<Remark>,
        inserted: Vec<Remark>,
        /// The id counter before and after (a split hands out a new id).
        next_id: (RemarkId, RemarkId),
    },
    /// A roster entry was added or changed; `before` is `None` for an addition at the end.
    Participant {
        index: usize,
        before: Option<Box<Participant>>,
        after: Box<Participant>,
    },
    /// The meeting header.
    Meeting {
        before: Box<Meeting>,
        after: Box<Meeting>,
    },
    /// Agenda item `index`'s title, detail, public flag or planned minutes. Items are never
    /// added or removed here, so every remark's item stays valid.
    AgendaItem {
        index: usize,
        before: AgendaItem,
        after: AgendaItem,
    },
    /// The meeting log corrected in cleanup: an event's time, an arrival, a decision, the
    /// recording mark, the observers' count.
    Log {
        before: Box<MeetingLog>,
        after: Box<MeetingLog>,
    },
    /// Several changes made by one command (a reassignment of several remarks).
    Group(Vec<Change>),
}

impl Change {
    pub fn is_empty(&self) -> bool {
        match self {
            Change::Remarks {
                removed, inserted, ..
            } => removed == inserted,
            Change::Participant { before, after, .. } => before.as_ref() == Some(after),
            Change::Meeting { before, after } => before == after,
            Change::Log { before, after } => before == after,
            Change::AgendaItem { before, after, .. } => before == after,
            Change::Group(changes) => changes.iter().all(Change::is_empty),
        }
    }
}

impl Session {
    /// Could `change` be applied (or, with `reverting`, reverted) to the session as it is?
    /// Journal replay checks this so a record that does not fit stops the replay instead of
    /// corrupting the session.
    pub fn fits(&self, change: &Change, reverting: bool) -> bool {
        match change {
            Change::Remarks {
                index,
                removed,
                inserted,
                ..
            } => {
                let expect = if reverting { inserted } else { removed };
                self.remarks.get(*index..*index + expect.len()) == Some(expect.as_slice())
            }
            Change::Participant {
                index,
                before,
                after,
            } => match (before, reverting) {
                // An addition must not bring back an id or a hotkey someone has now.
                (None, false) => {
                    *index == self.plan.roster.len()
                        && self.plan.participant(&after.id).is_none()
                        && after
                            .hotkey
                            .is_none_or(|slot| self.plan.by_slot(slot).is_none())
                }
                // Taking someone back off the roster: only if nothing refers to them now.
                (None, true) => {
                    self.plan.roster.get(*index) == Some(after) && !self.refers_to(&after.id)
                }
                (Some(b), false) => self.plan.roster.get(*index) == Some(b),
                (Some(_), true) => self.plan.roster.get(*index) == Some(after),
            },
            Change::Meeting { before, after } => {
                &self.plan.meeting == if reverting { &**after } else { &**before }
            }
            Change::Log { before, after } => {
                &self.log == if reverting { &**after } else { &**before }
            }
            Change::AgendaItem {
                index,
                before,
                after,
            } => self.plan.agenda.get(*index) == Some(if reverting { after } else { before }),
            Change::Group(changes) => {
                // Check step by step on a scratch copy; groups are small.
                let mut scratch = self.clone();
                if reverting {
                    changes.iter().rev().all(|c| {
                        let ok = scratch.fits(c, true);
                        if ok {
                            scratch.revert(c);
                        }
                        ok
                    })
                } else {
                    changes.iter().all(|c| {
                        let ok = scratch.fits(c, false);
                        if ok {
                            scratch.apply(c);
                        }
                        ok
                    })
                }
            }
        }
    }

    /// Applies `change`, which must have been made against the session as it is now.
    pub fn apply(&mut self, change: &Change) {
        match change {
            Change::Remarks {
                index,
                removed,
                inserted,
                next_id,
            } => {
                self.remarks
                    .splice(*index..*index + removed.len(), inserted.iter().cloned());
                // The counter only ever grows: an id handed out once, by a split or a live
                // commit made since, is never handed out again.
                self.live.next_remark_id = self.live.next_remark_id.max(next_id.1);
            }
            Change::Participant {
                index,
                before,
                after,
            } => match before {
                None => self.plan.roster.insert(*index, (**after).clone()),
                Some(_) => self.plan.roster[*index] = (**after).clone(),
            },
            Change::Meeting { after, .. } => self.plan.meeting = (**after).clone(),
            Change::Log { after, .. } => self.log = (**after).clone(),
            Change::AgendaItem { index, after, .. } => self.plan.agenda[*index] = after.clone(),
            Change::Group(changes) => changes.iter().for_each(|c| self.apply(c)),
        }
    }

    /// Takes `change` back; the session must be as `apply` left it.
    pub fn revert(&mut self, change: &Change) {
        match change {
            Change::Remarks {
                index,
                removed,
                inserted,
                next_id,
            } => {
                self.remarks
                    .splice(*index..*index + inserted.len(), removed.iter().cloned());
                // Undoing a split does not give its id back for reuse.
                self.live.next_remark_id = self.live.next_remark_id.max(next_id.0);
            }
            Change::Participant { index, before, .. } => match before {
                None => {
                    self.plan.roster.remove(*index);
                }
                Some(b) => self.plan.roster[*index] = (**b).clone(),
            },
            Change::Meeting { before, .. } => self.plan.meeting = (**before).clone(),
            Change::Log { before, .. } => self.log = (**before).clone(),
            Change::AgendaItem { index, before, .. } => {
                self.plan.agenda[*index] = before.clone();
            }
            Change::Group(changes) => changes.iter().rev().for_each(|c| self.revert(c)),
        }
    }

    /// Does anything in the record name participant `id`: a remark, the current or previous
    /// speaker, an arrival or departure, a stand-in?
    pub fn refers_to(&self, id: &ParticipantId) -> bool {
        self.remarks.iter().any(|r| r.speaker.as_ref() == Some(id))
            || self.live.speaker.as_ref() == Some(id)
            || self.live.previous.as_ref() == Some(id)
            || self.log.presence.iter().any(|e| &e.who == id)
            || self
                .plan
                .roster
                .iter()
                .any(|p| p.stands_in_for.as_ref() == Some(id))
    }

    fn index_of(&self, id: RemarkId) -> Option<usize> {
        self.remarks.iter().position(|r| r.id == id)
    }

    /// A change that replaces remark `id` with what `edit` makes of it.
    pub fn change_remark(&self, id: RemarkId, edit: impl FnOnce(&mut Remark)) -> Option<Change> {
        let index = self.index_of(id)?;
        let before = self.remarks[index].clone();
        let mut after = before.clone();
        edit(&mut after);
        Some(Change::Remarks {
            index,
            removed: vec![before],
            inserted: vec![after],
            next_id: (self.live.next_remark_id, self.live.next_remark_id),
        })
    }

    pub fn delete_remark(&self, id: RemarkId) -> Option<Change> {
        let index = self.index_of(id)?;
        Some(Change::Remarks {
            index,
            removed: vec![self.remarks[index].clone()],
            inserted: Vec::new(),
            next_id: (self.live.next_remark_id, self.live.next_remark_id),
        })
    }

    /// Joins remark `first` and remark `second` (by the same speaker) into one: the text run
    /// together, the first's begin time, the second's commit time. A non-public or "check
    /// later" flag on either carries over, so a merge never publishes what was withheld.
    pub fn merge_remarks(&self, first: RemarkId, second: RemarkId) -> Option<Change> {
        let i = self.index_of(first)?;
        let j = self.index_of(second)?;
        let (a, b) = (&self.remarks[i], &self.remarks[j]);
        if a.speaker != b.speaker || a.item != b.item || i == j {
            return None;
        }
        let mut merged = a.clone();
        let joiner = match (a.text.chars().last(), b.text.chars().next()) {
            (Some(x), Some(y)) if x.is_ascii_alphanumeric() && y.is_ascii_alphanumeric() => " ",
            _ => "",
        };
        merged.text = format!("{}{joiner}{}", a.text, b.text);
        merged.began = a.began.min(b.began);
        merged.committed = a.committed.max(b.committed);
        merged.non_public = a.non_public || b.non_public;
        merged.check_later = a.check_later || b.check_later;
        merged.publish_note = a.publish_note && b.publish_note;
        let next = (self.live.next_remark_id, self.live.next_remark_id);
        // Remove the later one and replace the earlier, as one change over the span.
        let (lo, hi) = (i.min(j), i.max(j));
        let removed: Vec<Remark> = self.remarks[lo..=hi].to_vec();
        let mut inserted = removed.clone();
        inserted[i - lo] = merged;
        inserted.remove(j - lo);
        Some(Change::Remarks {
            index: lo,
            removed,
            inserted,
            next_id: next,
        })
    }

    /// Splits remark `id` at byte `at` of its text. The second part gets a new id and
    /// begins at the point of the first's span proportional to where the split falls, so the
    /// order of times stays true; the first part is committed at that moment.
    pub fn split_remark(&self, id: RemarkId, at: usize) -> Option<Change> {
        let index = self.index_of(id)?;
        let r = &self.remarks[index];
        if at == 0 || at >= r.text.len() || !r.text.is_char_boundary(at) {
            return None;
        }
        let head = r.text[..at].trim_end().to_owned();
        let tail = r.text[at..].trim_start_matches('\n').to_owned();
        if head.is_empty() || tail.trim().is_empty() {
            return None;
        }
        let total = r.text.chars().count().max(1) as i64;
        let before = r.text[..at].chars().count() as i64;
        let span = r.committed - r.began;
        let cut = r.began
            + span * i32::try_from(before).unwrap_or(i32::MAX)
                / i32::try_from(total).unwrap_or(i32::MAX);
        let cut = chrono::SubsecRound::trunc_subsecs(cut, 0);
        let mut first = r.clone();
        first.text = head;
        first.committed = cut;
        let mut second = r.clone();
        second.id = self.live.next_remark_id;
        second.origin = self.origin_of(second.id);
        second.text = tail;
        second.began = cut;
        Some(Change::Remarks {
            index,
            removed: vec![r.clone()],
            inserted: vec![first, second],
            next_id: (self.live.next_remark_id, self.live.next_remark_id + 1),
        })
    }

    /// A change to roster entry `index` (role, name, honorific …); remarks refer to ids, so
    /// a corrected name shows in every remark.
    pub fn change_participant(&self, index: usize, after: Participant) -> Option<Change> {
        let before = self.plan.roster.get(index)?.clone();
        Some(Change::Participant {
            index,
            before: Some(Box::new(before)),
            after: Box::new(after),
        })
    }

    pub fn change_meeting(&self, meeting: Meeting) -> Change {
        Change::Meeting {
            before: Box::new(self.plan.meeting.clone()),
            after: Box::new(meeting),
        }
    }

    /// A change to agenda item `no`; its number stays, since remarks refer to it.
    pub fn change_agenda_item(
        &self,
        no: ItemNo,
        edit: impl FnOnce(&mut AgendaItem),
    ) -> Option<Change> {
        let index = self.plan.agenda.iter().position(|i| i.no == no)?;
        let before = self.plan.agenda[index].clone();
        let mut after = before.clone();
        edit(&mut after);
        after.no = before.no;
        Some(Change::AgendaItem {
            index,
            before,
            after,
        })
    }

    /// Adds a participant at the end of the roster, as a change that can be undone.
    pub fn add_participant_change(&self, participant: Participant) -> Change {
        Change::Participant {
            index: self.plan.roster.len(),
            before: None,
            after: Box::new(participant),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{FixedOffset, TimeZone};

    use super::*;
    use crate::model::{Attendance, ParticipantId, Plan};

    fn at(m: u32, s: u32) -> crate::model::Timestamp {
        FixedOffset::east_opt(9 * 3600)
            .unwrap()
            .with_ymd_and_hms(2026, 7, 3, 15, m, s)
            .unwrap()
    }

    fn session() -> Session {
        let plan = Plan {
            meeting: Meeting {
                title: "会議".into(),
                date: chrono::NaiveDate::from_ymd_opt(2026, 7, 3).unwrap(),
                start: chrono::NaiveTime::from_hms_opt(15, 0, 0).unwrap(),
                end: chrono::NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
                place: "室".into(),
                language: "ja".into(),
                quorum: None,
                decision_results: Vec::new(),
                phrases: Vec::new(),
                texts: Vec::new(),
            },
            roster: vec![Participant {
                id: ParticipantId("a".into()),
                role: "委員".into(),
                name: "甲".into(),
                honorific: None,
                outside: false,
                attendance: Attendance::Room,
                hotkey: Some(1),
                ..Default::default()
            }],
            agenda: vec![AgendaItem::new(1, "議題")],
        };
        let mut s = Session::new(plan).unwrap();
        s.set_speaker(Some(ParticipantId("a".into())));
        s.add_remark("利用率の".into(), at(0, 0), at(0, 10));
        s.add_remark("推移について".into(), at(0, 20), at(0, 30));
        s.add_remark("abc".into(), at(1, 0), at(1, 40));
        s
    }

    #[test]
    fn merge_and_undo() {
        let mut s = session();
        let original = s.clone();
        let c = s.merge_remarks(1, 2).unwrap();
        s.apply(&c);
        assert_eq!(s.remarks.len(), 2);
        assert_eq!(s.remarks[0].text, "利用率の推移について");
        assert_eq!(
            (s.remarks[0].began, s.remarks[0].committed),
            (at(0, 0), at(0, 30))
        );
        s.revert(&c);
        assert_eq!(s, original);
    }

    #[test]
    fn split_keeps_times_in_order_and_hands_out_a_new_id() {
        let mut s = session();
        let original = s.clone();
        let c = s.split_remark(3, 1).unwrap();
        s.apply(&c);
        let (a, b) = (&s.remarks[2], &s.remarks[3]);
        assert_eq!((a.text.as_str(), b.text.as_str()), ("a", "bc"));
        assert_eq!(b.id, 4);
        // One third of the way through a 40 s remark.
        assert_eq!(b.began, at(1, 13));
        assert_eq!(a.committed, b.began);
        assert!(s.split_remark(3, 0).is_none() && s.split_remark(3, 1).is_none());
        s.revert(&c);
        assert_eq!(s.remarks, original.remarks);
        assert_eq!(
            s.live.next_remark_id, 5,
            "the split's id is not handed out again"
        );
    }

    #[test]
    fn merge_refuses_different_speakers_and_carries_flags() {
        let mut s = session();
        s.remarks[1].non_public = true;
        let c = s.merge_remarks(1, 2).unwrap();
        s.apply(&c);
        assert!(s.remarks[0].non_public, "never publishes what was withheld");
        s.remarks[1].speaker = None;
        assert!(s.merge_remarks(1, 3).is_none());
    }

    #[test]
    fn groups_revert_in_reverse() {
        let mut s = session();
        let original = s.clone();
        let a = s.change_remark(1, |r| r.text = "一".into()).unwrap();
        s.apply(&a);
        let b = s.delete_remark(1).unwrap();
        s.revert(&a);
        let group = Change::Group(vec![a, b]);
        s.apply(&group);
        assert_eq!(s.remarks.len(), 2);
        s.revert(&group);
        assert_eq!(s, original);
    }
}
