//! Everything that changes a session, as small records: what the journal appends after each
//! keystroke that matters, and replays after a crash.

use serde::{Deserialize, Serialize};

use super::{Change, Draft, LiveState, MeetingLog, Participant, Remark, Session, Timestamp};

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
    /// Speaker, current item, id counter (the unfinished input goes by `Draft`).
    Live(LiveState),
    /// The unfinished input: the first `keep` bytes of the previous one, then `tail`; `None`
    /// for `began` means the input box is empty. Typing at the end makes small records even
    /// when a long text was pasted.
    Draft {
        keep: usize,
        tail: String,
        began: Option<Timestamp>,
        /// The input's non-public state and pinned item travel with it through a crash.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        non_public: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        item: Option<super::ItemNo>,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        check_later: bool,
    },
    /// Item times and off-the-record stretches.
    Log(MeetingLog),
    /// Someone added to the roster mid-meeting.
    AddParticipant(Participant),
    /// Everything before this record is in the session file whose bytes hash to `into`
    /// (git's merge driver merged it in): read against that file, only what follows is
    /// replayed. A no-op on any other.
    Folded { into: u64 },
}

/// Why an edit could not be replayed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the record does not fit the session: {0}")]
pub struct ReplayError(pub &'static str);

/// The record that turns unfinished input `old` into `new`.
pub fn draft_edit(old: Option<&Draft>, new: Option<&Draft>) -> Edit {
    let (old_text, new_text) = (
        old.map_or("", |d| d.text.as_str()),
        new.map_or("", |d| d.text.as_str()),
    );
    let mut keep = old_text
        .bytes()
        .zip(new_text.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !new_text.is_char_boundary(keep) {
        keep -= 1;
    }
    // A new remark's draft, or a changed begin time, starts from nothing.
    if old.map(|d| d.began) != new.map(|d| d.began) {
        keep = 0;
    }
    Edit::Draft {
        keep,
        tail: new_text[keep..].to_owned(),
        began: new.map(|d| d.began),
        non_public: new.is_some_and(|d| d.non_public),
        item: new.and_then(|d| d.item),
        check_later: new.is_some_and(|d| d.check_later),
    }
}

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
                // Records read from a journal were cleaned of control characters there.
                self.live.next_remark_id = self.live.next_remark_id.max(r.id + 1);
                self.remarks.push(r.clone());
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
                let unknown = |s: &Option<super::ParticipantId>| {
                    s.as_ref()
                        .is_some_and(|s| self.plan.participant(s).is_none())
                };
                if unknown(&live.speaker) || unknown(&live.previous) {
                    return Err(ReplayError("unknown current speaker"));
                }
                let draft = self.live.draft.take();
                self.live = LiveState {
                    draft,
                    ..live.clone()
                };
            }
            Edit::Draft {
                keep,
                tail,
                began,
                non_public,
                item,
                check_later,
            } => {
                self.live.draft = match began {
                    None => None,
                    Some(began) => {
                        let old = self.live.draft.as_ref().map_or("", |d| d.text.as_str());
                        let kept = old
                            .get(..*keep)
                            .ok_or(ReplayError("the unfinished input is shorter than recorded"))?;
                        Some(Draft {
                            text: format!("{kept}{tail}"),
                            began: *began,
                            non_public: *non_public,
                            item: item.filter(|no| self.plan.item(*no).is_some()),
                            check_later: *check_later,
                        })
                    }
                };
            }
            Edit::Log(log) => self.log = log.clone(),
            Edit::Folded { .. } => {}
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
