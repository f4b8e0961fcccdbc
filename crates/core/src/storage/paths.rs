//! Where a session's files are. Every file kiroku keeps beside a session is named here, and
//! nowhere else.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use crate::model::Plan;

/// A session file and the files kiroku keeps beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionFiles {
    session: PathBuf,
}

impl SessionFiles {
    pub fn new(session: &Path) -> Self {
        Self {
            session: session.to_path_buf(),
        }
    }

    fn with(path: &Path, suffix: impl AsRef<OsStr>) -> PathBuf {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    }

    pub fn session(&self) -> &Path {
        &self.session
    }

    /// `<session>.journal`: every edit since the last full save.
    pub fn journal(&self) -> PathBuf {
        Self::with(&self.session, ".journal")
    }

    /// `<session>.lock`: held while a kiroku records into the session, naming it.
    pub fn lock(&self) -> PathBuf {
        Self::with(&self.session, ".lock")
    }

    /// `<session>.recovery`: written if kiroku panics, offered by `kiroku open`.
    pub fn recovery(&self) -> PathBuf {
        Self::with(&self.session, ".recovery")
    }

    /// Where `open --discard-recovery` sets the recovery file aside.
    pub fn recovery_discarded(&self) -> PathBuf {
        Self::with(&self.recovery(), ".discarded")
    }

    /// Where the recovery file goes once `open --recover` has taken it up.
    pub fn recovery_used(&self) -> PathBuf {
        Self::with(&self.recovery(), ".recovered")
    }

    /// `<journal>.damaged-<stamp>[-n]`: a damaged journal, kept as it was.
    pub fn damaged_journal(&self, stamp: &str, n: u32) -> PathBuf {
        let suffix = if n > 1 {
            format!(".damaged-{stamp}-{n}")
        } else {
            format!(".damaged-{stamp}")
        };
        Self::with(&self.journal(), suffix)
    }

    /// `<session>.rescued.ron`: suggested for save-as when the disk fails.
    pub fn rescued(&self) -> PathBuf {
        Self::with(&self.session, ".rescued.ron")
    }
}

/// The temporary file an atomic save of `name` writes first, by process `pid`: hidden,
/// named after the file it becomes and after its writer, so that one left by a killed
/// kiroku is known and removed (`.NAME.kiroku-PID-` + random + `.tmp`).
pub fn temp_prefix(name: &str, pid: u32) -> String {
    format!(".{name}.kiroku-{pid}-")
}

/// The suffix of every temporary file of an atomic save.
pub const TEMP_SUFFIX: &str = ".tmp";

/// The writer of a temporary file kiroku left, if `name` is one: `(the file it was to
/// become, pid)`.
pub fn temp_owner(name: &str) -> Option<(&str, u32)> {
    let rest = name.strip_prefix('.')?.strip_suffix(TEMP_SUFFIX)?;
    let (target, tail) = rest.rsplit_once(".kiroku-")?;
    let pid = tail.split_once('-')?.0.parse().ok()?;
    Some((target, pid))
}

/// Which of the files kiroku keeps beside a session `path` names, if any: a journal, a lock,
/// a recovery file, a damaged journal kept aside, or a temporary file of a save. A name such
/// as `minutes.lock` counts only where its session (`minutes`) or the file itself is there.
pub fn sibling_kind(path: &Path) -> Option<&'static str> {
    let name = path.file_name()?.to_str()?;
    if temp_owner(name).is_some() {
        return Some("temporary file");
    }
    let beside = |suffix: &str| {
        name.strip_suffix(suffix).is_some_and(|stem| {
            !stem.is_empty()
                && (path.with_file_name(stem).exists() || std::fs::symlink_metadata(path).is_ok())
        })
    };
    if name.contains(".journal.damaged-") {
        return Some("damaged journal kept aside");
    }
    for (suffix, what) in [
        (".journal", "journal"),
        (".lock", "lock"),
        (".recovery", "recovery file"),
        (".recovery.discarded", "recovery file"),
        (".recovery.recovered", "recovery file"),
    ] {
        if beside(suffix) {
            return Some(what);
        }
    }
    None
}

/// `<session>.journal`, beside the session file.
pub fn journal_path(session: &Path) -> PathBuf {
    SessionFiles::new(session).journal()
}

/// `<session>.lock`, beside the session file.
pub fn lock_path(session: &Path) -> PathBuf {
    SessionFiles::new(session).lock()
}

/// `<session>.recovery`: written if kiroku panics, offered by `kiroku open`.
pub fn recovery_path(session: &Path) -> PathBuf {
    SessionFiles::new(session).recovery()
}

/// `DIR/2026-07-03-第3回-北町デジタル推進会議.ron`, with `-2`, `-3` … added if taken.
pub fn default_session_path(dir: &Path, plan: &Plan) -> PathBuf {
    let title: String = plan
        .meeting
        .title
        .chars()
        .map(|c| {
            if c.is_whitespace() || "/\\:*?\"<>|".contains(c) {
                '-'
            } else {
                c
            }
        })
        .collect();
    let stem = format!("{}-{}", plan.meeting.date.format("%Y-%m-%d"), title);
    let mut path = dir.join(format!("{stem}.ron"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{stem}-{n}.ron"));
        n += 1;
    }
    path
}
