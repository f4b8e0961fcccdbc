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
    /// Who took it down (`--clerk`), when the session knows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clerk: Option<String>,
    /// Where it was first taken down, `clerk:id`: the same remark in another clerk's copy of
    /// the session, whatever number a merge gave it there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// Other versions of this remark from a merge (two clerks keyed the same stretch, or both
    /// corrected it), to be reviewed in cleanup; never printed in the public minutes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<Alternative>,
}

/// Another clerk's version of a remark: its words, and when and how they were taken down,
/// which the remark takes on with them if this version is kept (words said off the record
/// stay withheld).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alternative {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clerk: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<ParticipantId>,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub began: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committed: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub non_public: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Remark {
    /// Is this a note by the clerk rather than something said?
    pub fn is_note(&self) -> bool {
        self.speaker.is_none()
    }

    /// What makes two copies of a session's remark the same remark: its origin, or (taken
    /// down without a clerk) its number and begin time.
    pub fn identity(&self) -> String {
        self.origin
            .clone()
            .unwrap_or_else(|| format!("#{}@{}", self.id, self.began.to_rfc3339()))
    }
}
