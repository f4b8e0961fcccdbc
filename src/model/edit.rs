//! Everything that changes a session, as small records: what the journal appends after each
//! keystroke that matters, and replays after a crash.

use serde::{Deserialize, Serialize};

use super::{Change, LiveState, MeetingLog, Participant, Remark, Session};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Edit {
    /// A remark was committed.
    Append(Remark),
    /// The last remark was taken back (undo of a commit).
    Pop,
    /// A cleanup change.
    Apply(Change),
    /// A cleanup change undone.
    Revert(Change),
    /// Speaker, current item, id counter, unfinished input.
    Live(LiveState),
    /// Item times and off-the-record stretches.
    Log(MeetingLog),
    /// Someone added to the roster mid-meeting.
    AddParticipant(Participant),
}

/// Why an edit could not be replayed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the record does not fit the session: {0}")]
pub struct ReplayError(pub &'static str);

impl Session {
    /// Replays one edit; refuses (leaving the session as it was) if it does not fit.
    pub fn replay(&mut self, edit: &Edit) -> Result<(), ReplayError> {
        match edit {
            Edit::Append(r) => {
                if self.remarks.iter().any(|x| x.id == r.id) {
                    return Err(ReplayError("a remark with that id exists"));
                }
                if self.plan.item(r.item).is_none()
                    || r.speaker
                        .as_ref()
                        .is_some_and(|s| self.plan.participant(s).is_none())
                {
                    return Err(ReplayError("unknown item or speaker"));
                }
                self.remarks.push(r.clone());
                self.live.next_remark_id = self.live.next_remark_id.max(r.id + 1);
            }
            Edit::Pop => {
                self.remarks
                    .pop()
                    .ok_or(ReplayError("no remark to take back"))?;
            }
            Edit::Apply(c) => {
                if !self.fits(c, false) {
                    return Err(ReplayError("change does not apply"));
                }
                self.apply(c);
            }
            Edit::Revert(c) => {
                if !self.fits(c, true) {
                    return Err(ReplayError("change does not revert"));
                }
                self.revert(c);
            }
            Edit::Live(live) => {
                if self.plan.item(live.item).is_none() {
                    return Err(ReplayError("unknown current item"));
                }
                self.live = live.clone();
            }
            Edit::Log(log) => self.log = log.clone(),
            Edit::AddParticipant(p) => {
                if self.plan.participant(&p.id).is_some() {
                    return Err(ReplayError("a participant with that id exists"));
                }
                self.plan.roster.push(p.clone());
            }
        }
        Ok(())
    }
}
