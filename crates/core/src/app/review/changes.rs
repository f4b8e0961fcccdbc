//! Cleanup: the changes a command makes to the targeted remarks, each one undoable, and
//! undo and redo themselves.

use super::display_order;
use crate::app::{App, Effect};
use crate::model::{Change, ParticipantId, RemarkId, Session};

impl App {
    /// The remarks a command applies to: the marked ones, else the selected one.
    pub(in crate::app) fn targets(&self) -> Vec<RemarkId> {
        let Some(r) = &self.review else {
            return Vec::new();
        };
        if r.marked.is_empty() {
            r.selected.into_iter().collect()
        } else {
            r.marked.iter().copied().collect()
        }
    }

    /// Applies a change, records it for undo, and asks for a save.
    pub(in crate::app) fn commit_change(&mut self, change: Change) -> Vec<Effect> {
        if change.is_empty() {
            return Vec::new();
        }
        self.session.apply(&change);
        self.outbox.push(crate::model::Edit::Apply(change.clone()));
        self.history.undo.push(change);
        self.history.redo.clear();
        self.dirty = true;
        vec![Effect::Sync]
    }

    /// One change per remark in `ids`, each made against the session as the ones before it
    /// left it, committed as a single undoable step.
    pub(in crate::app) fn commit_each(
        &mut self,
        ids: Vec<RemarkId>,
        make: impl Fn(&Session, RemarkId) -> Option<Change>,
    ) -> Vec<Effect> {
        let mut changes = Vec::new();
        for id in ids {
            if let Some(c) = make(&self.session, id) {
                self.session.apply(&c);
                changes.push(c);
            }
        }
        for c in changes.iter().rev() {
            self.session.revert(c);
        }
        match changes.len() {
            0 => Vec::new(),
            1 => self.commit_change(changes.remove(0)),
            _ => self.commit_change(Change::Group(changes)),
        }
    }

    pub(in crate::app) fn change_targets(
        &mut self,
        edit: impl Fn(&mut crate::model::Remark),
    ) -> Vec<Effect> {
        let targets = self.targets();
        self.commit_each(targets, |s, id| s.change_remark(id, &edit))
    }

    /// Makes `speaker` the speaker of the targeted remarks.
    pub(in crate::app) fn reassign(&mut self, speaker: Option<ParticipantId>) -> Vec<Effect> {
        self.change_targets(|r| r.speaker = speaker.clone())
    }

    /// Undo (`forward == false`) or redo the last step, journaling it as it goes.
    pub(in crate::app) fn step_history(&mut self, forward: bool) {
        let s = self.settings.lang.strings();
        let (from, to) = if forward {
            (&mut self.history.redo, &mut self.history.undo)
        } else {
            (&mut self.history.undo, &mut self.history.redo)
        };
        let Some(c) = from.pop() else {
            self.message = Some(
                if forward {
                    s.nothing_to_redo
                } else {
                    s.nothing_to_undo
                }
                .to_owned(),
            );
            return;
        };
        // The record may have changed since (a remark marked in live mode, a participant
        // added there): a change that no longer fits is never forced on it, or the session
        // in memory and the journal's replay would part ways.
        if !self.session.fits(&c, !forward) {
            self.history.clear();
            self.message = Some(s.history_stale.to_owned());
            return;
        }
        if forward {
            self.session.apply(&c);
            self.outbox.push(crate::model::Edit::Apply(c.clone()));
        } else {
            self.session.revert(&c);
            self.outbox.push(crate::model::Edit::Revert(c.clone()));
        }
        to.push(c);
        self.dirty = true;
        self.keep_selection_valid();
    }

    pub(in crate::app) fn move_to_item(&mut self, step: isize) -> Vec<Effect> {
        let agenda = &self.session.plan.agenda;
        let targets = self.targets();
        let mut moves = Vec::new();
        for id in targets {
            let Some(r) = self.session.remarks.iter().find(|r| r.id == id) else {
                continue;
            };
            let pos = agenda.iter().position(|a| a.no == r.item).unwrap_or(0) as isize;
            if let Some(next) = agenda
                .get((pos + step).max(0) as usize)
                .filter(|_| pos + step >= 0)
            {
                moves.push((id, next.no));
            }
        }
        let ids = moves.iter().map(|(id, _)| *id).collect();
        self.commit_each(ids, |s, id| {
            let no = moves.iter().find(|(m, _)| *m == id)?.1;
            // Said in a closed item, it stays non-public wherever it is moved: only an
            // explicit unflag publishes it.
            let was_closed = s
                .plan
                .item(s.remarks.iter().find(|r| r.id == id)?.item)
                .is_some_and(|i| !i.public);
            s.change_remark(id, |r| {
                r.item = no;
                r.non_public |= was_closed;
            })
        })
    }

    pub(in crate::app) fn merge_next(&mut self) -> Vec<Effect> {
        let order = display_order(&self.session);
        let Some(pos) = self.selected_pos(&order) else {
            return Vec::new();
        };
        let Some(&next) = order.get(pos + 1) else {
            return Vec::new();
        };
        let first = self.session.remarks[order[pos]].id;
        let second = self.session.remarks[next].id;
        match self.session.merge_remarks(first, second) {
            Some(c) => self.commit_change(c),
            None => {
                self.message = Some(self.settings.lang.strings().cannot_merge.to_owned());
                Vec::new()
            }
        }
    }

    pub(in crate::app) fn delete_targets(&mut self) -> Vec<Effect> {
        let targets = self.targets();
        let effects = self.commit_each(targets, Session::delete_remark);
        if let Some(r) = &mut self.review {
            r.marked.clear();
        }
        self.keep_selection_valid();
        effects
    }

    /// Flags the targets non-public. Flagging never makes anything public: if every target
    /// is already withheld, it says how to release one instead.
    pub(in crate::app) fn flag_non_public(&mut self) -> Vec<Effect> {
        let targets = self.targets();
        let all_flagged = targets.iter().all(|id| {
            self.session
                .remarks
                .iter()
                .find(|r| r.id == *id)
                .is_none_or(|r| r.non_public)
        });
        if all_flagged {
            self.message = Some(self.settings.lang.strings().already_non_public.to_owned());
            return Vec::new();
        }
        self.change_targets(|r| r.non_public = true)
    }

    /// Makes the selected remark public again: the one explicit way out of non-public. It
    /// applies to the selection alone, never to marks, and not inside a closed item.
    pub(in crate::app) fn release(&mut self) -> Vec<Effect> {
        let s = self.settings.lang.strings();
        let Some(r) = self.selected_remark() else {
            return Vec::new();
        };
        let item_public = self.session.plan.item(r.item).is_some_and(|i| i.public);
        if !item_public {
            self.message = Some(s.release_closed_item.to_owned());
            return Vec::new();
        }
        // Said while the record was off: what decides is the stretch, corrected in L.
        if self.session.log.off_record_during(r.began, r.committed) {
            self.message = Some(s.release_off_record.to_owned());
            return Vec::new();
        }
        if self.session.is_public(r) {
            self.message = Some(s.already_public.to_owned());
            return Vec::new();
        }
        let id = r.id;
        let change = self.session.change_remark(id, |r| {
            r.non_public = false;
            if r.is_note() {
                r.publish_note = true;
            }
        });
        match change {
            Some(c) => {
                self.message = Some(s.released.to_owned());
                self.commit_change(c)
            }
            None => Vec::new(),
        }
    }
}
