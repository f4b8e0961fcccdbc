use serde::{Deserialize, Serialize};

use super::{ItemNo, ParticipantId, Timestamp};

/// Audio dropped out: the mark the note-taker inserts (C-k), in full-width brackets as
/// minutes print it. Cleanup finds it; the checks before publishing flag it.
pub const INAUDIBLE: &str = "［聞き取れず］";

/// A remark's stable id: never reused within a session.
pub type RemarkId = u64;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Remark {
    pub id: RemarkId,
    pub item: ItemNo,
    /// `None`: a note by the note-taker rather than something said.
    pub speaker: Option<ParticipantId>,
    pub text: String,
    /// When its first character was typed.
    pub began: Timestamp,
    /// When Enter was pressed.
    pub committed: Timestamp,
    /// Off the record or said in a closed item; never published.
    #[serde(default)]
    pub non_public: bool,
    /// To be checked against the recording before publishing.
    #[serde(default)]
    pub check_later: bool,
    /// A note by the clerk (no speaker) that the clerk released for the public minutes, such
    /// as a stage direction （動画上映）. Notes are internal unless this is set.
    #[serde(default, skip_serializing_if = "is_false")]
    pub publish_note: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Remark {
    /// Is this a note by the clerk rather than something said?
    pub fn is_note(&self) -> bool {
        self.speaker.is_none()
    }
}
