//! A session file replaced under a running kiroku (git's fast-forward or checkout brought the
//! other clerk's record, someone copied a file over it): what the file there holds and this
//! record lacks is merged in, as `kiroku merge` would, before this kiroku writes its record
//! whole again. The merge keeps the strictest side's non-public state.

use super::App;
use crate::model::{Change, Edit, Session};

impl App {
    pub(super) fn take_in(&mut self, there: Session) {
        let s = self.settings.lang.strings();
        let merged = match crate::model::merge::merge(&[self.session.clone(), there]) {
            Ok(m) => m.session,
            // Another meeting's file: this record is written over it as it was; the notice
            // of the change says so.
            Err(_) => return,
        };
        let mut taken = merged.clone();
        // Where the clerk is, and what is being typed, stay this kiroku's.
        taken.live = crate::model::LiveState {
            next_remark_id: merged
                .live
                .next_remark_id
                .max(self.session.live.next_remark_id),
            ..self.session.live.clone()
        };
        if taken.plan.item(taken.live.item).is_none() {
            taken.live.item = self.session.live.item;
        }
        if taken == self.session {
            return;
        }
        for p in taken
            .plan
            .roster
            .iter()
            .skip(self.session.plan.roster.len())
        {
            self.outbox.push(Edit::AddParticipant(p.clone()));
        }
        if taken.remarks != self.session.remarks {
            self.outbox.push(Edit::Apply(Change::Remarks {
                index: 0,
                removed: self.session.remarks.clone(),
                inserted: taken.remarks.clone(),
                next_id: (self.session.live.next_remark_id, taken.live.next_remark_id),
            }));
        }
        if taken.log != self.session.log {
            self.outbox.push(Edit::Log(taken.log.clone()));
        }
        self.session = taken;
        self.message = Some(s.taken_in.to_owned());
    }
}
