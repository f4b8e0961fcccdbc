//! Reading a session the way every command must: the session file with its journal applied
//! in memory. Export, check, the start screen and `open` all see every committed remark,
//! even straight after a crash or while a kiroku is recording into the session. Nothing
//! here writes, locks or repairs anything.

use std::path::{Path, PathBuf};

use super::journal::{self, content_hash, journal_path};
use super::load::{parse_agenda, parse_session, read_session_text, read_text};
use super::lock::{LockHolder, holder};
use super::paths::recovery_path;
use super::{LoadError, locate};
use crate::model::{Plan, Session};

/// What applying a journal to its session file found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Replay {
    /// Edits applied on top of the session file.
    pub replayed: usize,
    /// The journal's last record was cut short (a crash mid-append) and dropped.
    pub torn_tail: bool,
    /// Why some of the journal could not be applied: a damaged line, a record that does not
    /// fit, or a journal that belongs to another version of the file.
    pub problem: Option<String>,
    /// The journal extends another version of the session file than the one read.
    pub foreign: bool,
}

/// Applies the journal at `jpath` (if there is one) to `session`, parsed from `file_bytes`.
/// Records are applied up to the first that is damaged or does not fit.
pub fn replay_journal(session: &mut Session, file_bytes: &[u8], jpath: &Path) -> Replay {
    let mut out = Replay::default();
    let jbytes = match super::files::read_regular(jpath) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return out,
        Err(e) => {
            out.problem = Some(format!("{}: cannot read the journal: {e}", jpath.display()));
            return out;
        }
    };
    let contents = journal::parse(&jbytes);
    if let Some((line, why)) = &contents.damage {
        out.problem = Some(format!("{}:{line}: {why}", jpath.display()));
    }
    let file_hash = content_hash(file_bytes);
    // The journal extends this file, or a merge folded it into this file up to a mark.
    let start = if contents.base == Some(file_hash) {
        0
    } else if let Some(mark) = contents
        .edits
        .iter()
        .rposition(|e| *e == crate::model::Edit::Folded { into: file_hash })
    {
        mark + 1
    } else {
        out.foreign = !contents.edits.is_empty();
        if out.foreign {
            // The file was replaced after the journal began (git, a copy): its records do
            // not fit it one by one, but what it committed is still taken.
            let got = session.salvage(&contents.edits);
            out.replayed = got.added;
            let left = if got.left_out > 0 {
                format!(
                    "; {} correction(s) made to the other version are left out",
                    got.left_out
                )
            } else {
                String::new()
            };
            out.problem.get_or_insert(format!(
                "{}: the journal belongs to another version of the session file (replaced by git or a copy): its {} remark(s) missing from the file were merged in{left}",
                jpath.display(),
                got.added
            ));
        }
        return out;
    };
    // A record that does not fit is skipped, not the rest: every later commit still counts.
    for (i, edit) in contents.edits.iter().enumerate().skip(start) {
        if matches!(edit, crate::model::Edit::Folded { .. }) {
            continue;
        }
        match session.replay(edit) {
            Ok(()) => out.replayed += 1,
            Err(e) => {
                if out.problem.is_none() {
                    out.problem = Some(format!("{}:{}: {e}", jpath.display(), i + 2));
                }
            }
        }
    }
    out.torn_tail = contents.torn_tail;
    out
}

/// A session as a reader sees it, and what the reader should be told about it.
#[derive(Debug)]
pub struct SessionRead {
    pub session: Session,
    pub replay: Replay,
    /// A kiroku is recording into it now: what was read is the latest committed state.
    pub held_by: Option<LockHolder>,
    /// A crash left this recovery file, which may hold more than the session and journal.
    pub recovery: Option<PathBuf>,
}

impl SessionRead {
    /// One line each for standard error: what the reader should know before trusting it.
    pub fn notices(&self, path: &Path) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(h) = &self.held_by {
            out.push(format!(
                "{} is open in kiroku (process {} on {}, since {}): read with every remark committed so far",
                path.display(),
                h.pid,
                h.host,
                h.since
            ));
        }
        if self.replay.replayed > 0 && self.held_by.is_none() {
            out.push(format!(
                "{}: {} change(s) not yet folded into the file were read from its journal",
                path.display(),
                self.replay.replayed
            ));
        }
        match &self.replay.problem {
            Some(why) if self.replay.foreign => {
                out.push(format!("{why}; `kiroku open` keeps a copy of the journal"));
            }
            Some(why) => out.push(format!(
                "{why}: what follows it in the journal is not included; `kiroku open` keeps a copy"
            )),
            None => {}
        }
        if let Some(r) = &self.recovery {
            out.push(format!(
                "{} exists: kiroku stopped on an error and wrote the session there; \
                 `kiroku open {} --recover` takes it up, and this reading does not include it",
                r.display(),
                path.display()
            ));
        }
        out
    }
}

/// The session at `path` with its journal applied, read-only.
pub fn read_session(path: &Path) -> Result<SessionRead, LoadError> {
    // A running kiroku replaces the file and then starts a new journal: read between the
    // two, they do not belong together. Read again in a moment, as that moment passes.
    let mut tries = 0;
    loop {
        let read = session_from_text(path, &read_session_text(path)?)?;
        tries += 1;
        if !read.replay.foreign || tries == 3 {
            return Ok(read);
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// The session file at `path` (a copy, such as the version git hands its merge driver) read
/// through the journal `journal` that belongs to the working file it is a copy of: the
/// journal is replayed if it extends exactly these bytes.
pub fn read_session_with_journal(path: &Path, journal: &Path) -> Result<SessionRead, LoadError> {
    let text = read_session_text(path)?;
    let mut session = parse_session(path, &text)?;
    let replay = replay_journal(&mut session, text.as_bytes(), journal);
    Ok(SessionRead {
        session,
        replay,
        held_by: None,
        recovery: None,
    })
}

fn session_from_text(path: &Path, text: &str) -> Result<SessionRead, LoadError> {
    let mut session = parse_session(path, text)?;
    let replay = replay_journal(&mut session, text.as_bytes(), &journal_path(path));
    let recovery = Some(recovery_path(path)).filter(|r| r.exists());
    Ok(SessionRead {
        session,
        replay,
        held_by: holder(path),
        recovery,
    })
}

/// An agenda file, or a session read through its journal.
pub enum Read {
    Agenda(Box<crate::model::Plan>),
    Session(Box<SessionRead>),
}

/// Reads whichever kind of file `path` is; sessions through their journal, as
/// [`read_session`] does (reading again if a save was caught half done).
pub fn read_any(path: &Path) -> Result<Read, LoadError> {
    let text = read_text(path)?;
    match locate::top_level_name(&text) {
        Some("Session") => read_session(path).map(|s| Read::Session(Box::new(s))),
        _ => parse_agenda(path, &text).map(|p| Read::Agenda(Box::new(p))),
    }
}

/// The plan of an agenda file, or of a session (read through its journal, so people added
/// during the meeting are on the roster).
pub fn load_agenda(path: &Path) -> Result<Plan, LoadError> {
    match read_any(path)? {
        Read::Agenda(plan) => Ok(*plan),
        Read::Session(s) => Ok(s.session.plan),
    }
}
