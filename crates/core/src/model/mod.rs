//! The meeting as data: what was planned (meeting, roster, agenda) and what was recorded
//! (remarks, the meeting log). Nothing here knows about terminals or files.

mod agenda;
mod arrange;
mod change;
pub mod clean;
mod edit;
pub mod kana;
mod log;
mod meeting;
pub mod merge;
mod remark;
mod roster;
mod salvage;
mod session;

pub use agenda::{AgendaItem, ItemNo, Layout};
pub use change::Change;
pub use edit::{Edit, ReplayError, draft_edit};
pub use log::{
    ActionItem, DECISION_METHODS, DECISION_RESULTS, Decision, Handover, ItemSpan, MeetingEvent,
    MeetingLog, OffRecord, Presence, PresenceEvent, Proceeding, Votes,
};
pub use meeting::{Meeting, MeetingText, PHRASES, Quorum, TextAt};
pub use remark::{Alternative, INAUDIBLE, Remark, RemarkId};
pub use roster::{Attendance, MAX_SLOT, Participant, ParticipantId};
pub use salvage::Salvaged;
pub use session::{Draft, LiveState, MAX_MINUTES, ModelError, Plan, Session};

/// Every timestamp kiroku stores: the wall-clock time with the offset it was taken in, so a
/// session opened in another time zone still shows the times of the meeting.
pub type Timestamp = chrono::DateTime<chrono::FixedOffset>;
