//! The two RON file shapes. An agenda file is what the note-taker writes before the meeting;
//! a session file is the agenda plus everything recorded. Both carry a schema version.

pub use crate::text_file::ron_options;
use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::{Deserialize, Serialize};

use crate::model::{
    AgendaItem, Draft, LiveState, Meeting, MeetingLog, Participant, Remark, Session,
};

/// The schema version this build writes and the newest it reads.
pub const CURRENT_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Agenda,
    Session,
}

#[derive(Deserialize)]
#[serde(rename = "Agenda", deny_unknown_fields)]
pub(crate) struct AgendaIn {
    pub version: u32,
    pub meeting: Meeting,
    #[serde(default)]
    pub roster: Vec<Participant>,
    pub agenda: Vec<AgendaItem>,
}

// Field order is the reading order: the plan first, the long list of remarks last.
#[derive(Serialize)]
#[serde(rename = "Session")]
pub(crate) struct SessionOut<'a> {
    pub version: u32,
    pub meeting: &'a Meeting,
    pub roster: &'a [Participant],
    pub agenda: &'a [AgendaItem],
    pub live: &'a LiveState,
    pub log: &'a MeetingLog,
    pub remarks: &'a [Remark],
}

#[derive(Serialize)]
#[serde(rename = "Agenda")]
struct AgendaOut<'a> {
    version: u32,
    meeting: &'a Meeting,
    roster: &'a [Participant],
    agenda: &'a [AgendaItem],
}

/// An agenda file's text for `plan`, as `kiroku agenda import` writes it.
pub fn agenda_to_string(plan: &crate::model::Plan) -> String {
    to_ron(&AgendaOut {
        version: CURRENT_VERSION,
        meeting: &plan.meeting,
        roster: &plan.roster,
        agenda: &plan.agenda,
    })
}

#[derive(Deserialize)]
#[serde(rename = "Session", deny_unknown_fields)]
pub(crate) struct SessionIn {
    pub version: u32,
    pub meeting: Meeting,
    #[serde(default)]
    pub roster: Vec<Participant>,
    pub agenda: Vec<AgendaItem>,
    pub live: LiveState,
    #[serde(default)]
    pub log: MeetingLog,
    #[serde(default)]
    pub remarks: Vec<Remark>,
}

/// Both file shapes state their schema version.
pub(crate) trait Versioned {
    fn version(&self) -> u32;
}

impl Versioned for AgendaIn {
    fn version(&self) -> u32 {
        self.version
    }
}

impl Versioned for SessionIn {
    fn version(&self) -> u32 {
        self.version
    }
}

/// Pretty, diff-friendly and deterministic: `\n` everywhere, raw UTF-8, struct names.
/// Strings are written as they are (a remark's line breaks are line breaks in the file, and
/// one with quotes becomes a raw string `r#"…"#`): escaping every character costs ten times
/// more, and the full save of a long meeting is what it would slow down.
fn pretty() -> PrettyConfig {
    PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .struct_names(true)
        .escape_strings(false)
        .extensions(Extensions::IMPLICIT_SOME)
}

fn to_ron<T: Serialize>(value: &T) -> String {
    let mut s = ron::ser::to_string_pretty(value, pretty())
        // Serializing plain data into a String has no failure path but a bug.
        .expect("the model serializes to RON");
    s.push('\n');
    s
}

pub fn session_to_string(session: &Session) -> String {
    session_text(session, &session.live)
}

/// The session as written with `draft` as its unfinished input (the app keeps the input in
/// its editor, not in the session).
pub fn session_to_string_with_draft(session: &Session, draft: Option<Draft>) -> String {
    let live = LiveState {
        draft,
        ..session.live.clone()
    };
    session_text(session, &live)
}

fn session_text(session: &Session, live: &LiveState) -> String {
    to_ron(&SessionOut {
        version: CURRENT_VERSION,
        meeting: &session.plan.meeting,
        roster: &session.plan.roster,
        agenda: &session.plan.agenda,
        live,
        log: &session.log,
        remarks: &session.remarks,
    })
}
