use serde::{Deserialize, Serialize};

use super::{ItemNo, ParticipantId, Timestamp};

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
}
