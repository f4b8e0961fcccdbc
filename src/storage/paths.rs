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
