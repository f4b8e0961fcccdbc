//! Reading agenda and session files. Every failure names the file and, where it has one, the
//! line and column; nothing here ever writes.

use std::path::Path;

use super::format::{AgendaIn, CURRENT_VERSION, FileKind, SessionIn, Versioned, ron_options};
use super::locate;
use crate::model::{ModelError, Plan, Session};
use crate::text_file::{LoadError, LoadErrorKind};

/// What a file turned out to hold.
#[derive(Debug)]
pub enum Loaded {
    Agenda(Box<Plan>),
    Session(Box<Session>),
}

pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    let text = read_text(path)?;
    match locate::top_level_name(&text) {
        Some("Session") => parse_session(path, &text).map(|s| Loaded::Session(Box::new(s))),
        _ => parse_agenda(path, &text).map(|p| Loaded::Agenda(Box::new(p))),
    }
}

pub fn load_session(path: &Path) -> Result<Session, LoadError> {
    parse_session(path, &read_session_text(path)?)
}

/// The text of a session file; an agenda file given where a session belongs is refused.
pub(super) fn read_session_text(path: &Path) -> Result<String, LoadError> {
    let text = read_text(path)?;
    if locate::top_level_name(&text) == Some("Agenda") {
        return Err(LoadError::new(
            path,
            LoadErrorKind::Invalid,
            Some((1, 1)),
            "this is an agenda file, not a session: start a session from it with `kiroku new`",
        ));
    }
    Ok(text)
}

pub(super) fn read_text(path: &Path) -> Result<String, LoadError> {
    let bytes = super::files::read_regular(path).map_err(|e| {
        LoadError::new(
            path,
            LoadErrorKind::Io,
            None,
            format!("cannot read the file: {e}"),
        )
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]);
        LoadError::new(
            path,
            LoadErrorKind::NotUtf8,
            Some(locate::line_col(&prefix, prefix.len())),
            format!(
                "invalid UTF-8 at byte {valid}: expected a text file in UTF-8 (save it as UTF-8, not Shift_JIS)"
            ),
        )
    })?;
    if text.trim().is_empty() {
        return Err(LoadError::new(
            path,
            LoadErrorKind::Empty,
            Some(locate::line_col(&text, text.len())),
            "the file is empty: expected an agenda `Agenda(...)` or a session `Session(...)`",
        ));
    }
    Ok(text)
}

pub fn parse_agenda(path: &Path, text: &str) -> Result<Plan, LoadError> {
    let parsed: AgendaIn = parse_versioned(path, text, FileKind::Agenda)?;
    let mut plan = Plan {
        meeting: parsed.meeting,
        roster: parsed.roster,
        agenda: parsed.agenda,
    };
    plan.strip_controls();
    plan.validate().map_err(|e| invalid(path, text, e))?;
    plan.normalize();
    Ok(plan)
}

pub fn parse_session(path: &Path, text: &str) -> Result<Session, LoadError> {
    let parsed: SessionIn = parse_versioned(path, text, FileKind::Session)?;
    let mut plan = Plan {
        meeting: parsed.meeting,
        roster: parsed.roster,
        agenda: parsed.agenda,
    };
    let mut remarks = parsed.remarks;
    let mut log = parsed.log;
    let mut live = parsed.live;
    // A file kiroku wrote holds no control character; one edited by hand, or by someone
    // else, may, in any field: every string is cleaned then.
    if crate::model::clean::needs_cleaning(text) {
        plan.strip_controls();
        remarks
            .iter_mut()
            .for_each(crate::model::Remark::strip_controls);
        log.strip_controls();
        live.strip_controls();
    }
    Session::from_parts(plan, log, remarks, live).map_err(|e| invalid(path, text, e))
}

/// Parses the typed file, but reports a version this build cannot read before any
/// field-level complaint, since a newer file is expected to have fields we do not know.
fn parse_versioned<T: serde::de::DeserializeOwned + Versioned>(
    path: &Path,
    text: &str,
    kind: FileKind,
) -> Result<T, LoadError> {
    if let Some((version, pos)) = locate::version(text) {
        check_version(path, version, pos)?;
    }
    let value: T = ron_options().from_str(text).map_err(|e| {
        let what = match kind {
            FileKind::Agenda => "agenda",
            FileKind::Session => "session",
        };
        // An error where the text runs out is the typical sign of a cut-off file.
        let end = locate::line_col(text, text.trim_end().len());
        let hint = if (e.span.end.line, e.span.end.col) >= end {
            "; the file ends here: is it truncated?"
        } else {
            ""
        };
        // chrono's words for a date or time that cannot be: say which and what would do.
        let code = e.code.to_string();
        let code = match code.as_str() {
            c if c.contains("input is out of range") => format!(
                "{c}: no such date or time (the month has fewer days, or the hour is past 23): expected a real date \"YYYY-MM-DD\" and time \"HH:MM:SS\""
            ),
            c if c.contains("input contains invalid characters") || c.contains("premature end of input") => format!(
                "{c}: expected a date as \"2026-07-03\" and a time as \"15:00:00\""
            ),
            c => c.to_owned(),
        };
        LoadError::new(
            path,
            LoadErrorKind::Syntax,
            Some((e.span.start.line, e.span.start.col)),
            format!("{code} (reading this as {what} file){hint}"),
        )
    })?;
    let pos = locate::version(text).map_or((1, 1), |(_, pos)| pos);
    check_version(path, u64::from(value.version()), pos)?;
    // Older versions would be migrated here; version 1 is the first schema, so there is
    // nothing to migrate yet.
    Ok(value)
}

fn check_version(path: &Path, version: u64, pos: (usize, usize)) -> Result<(), LoadError> {
    if version > u64::from(CURRENT_VERSION) {
        return Err(LoadError::new(
            path,
            LoadErrorKind::NewerVersion,
            Some(pos),
            format!(
                "schema version {version} was written by a newer kiroku; this one reads versions up to {CURRENT_VERSION}: update kiroku"
            ),
        ));
    }
    if version == 0 {
        return Err(LoadError::new(
            path,
            LoadErrorKind::UnknownVersion,
            Some(pos),
            format!("unknown schema version 0: expected 1 to {CURRENT_VERSION}"),
        ));
    }
    Ok(())
}

fn invalid(path: &Path, text: &str, err: ModelError) -> LoadError {
    LoadError::new(
        path,
        LoadErrorKind::Invalid,
        locate::model_error(text, &err),
        err.to_string(),
    )
}
