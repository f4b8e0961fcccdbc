//! One writer per session: an exclusive advisory lock on `<session>.lock`, a file of its own
//! because the session file itself is replaced by rename on every save. The kernel drops the
//! lock when its holder dies, so the lock of a killed process is taken over without asking.
//!
//! A lock file can be deleted under its holder, and a second kiroku would then lock a new
//! one. So on Linux the holder also binds an abstract socket named after the session (the
//! folder's device and inode, and the file name): it has no file to delete, the kernel frees
//! it with the process, and a second bind fails. The lock file still names the holder, and
//! still guards a folder shared between machines.

use std::fs::{File, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

use super::paths::lock_path;

/// Who holds a session, as written in the lock file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockHolder {
    pub pid: u32,
    pub host: String,
    pub since: String,
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "{path} is open in another kiroku on this machine (its lock file was removed); close it there first",
        path = .0.display()
    )]
    HeldWithoutNote(PathBuf),
    #[error(
        "{path} is open in another kiroku (process {pid} on {host}, since {since}); close it there first",
        path = .path.display(),
        pid = .holder.pid,
        host = .holder.host,
        since = .holder.since
    )]
    Held { path: PathBuf, holder: LockHolder },
    #[error("cannot lock {path}: {source}", path = .path.display())]
    Io { path: PathBuf, source: io::Error },
}

/// Held for as long as the session is open; dropping it releases the lock.
#[derive(Debug)]
pub struct SessionLock {
    file: File,
    path: PathBuf,
    note: String,
    _claim: crate::platform::claim::Claim,
}

impl SessionLock {
    pub fn acquire(session: &Path, since: &str) -> Result<Self, LockError> {
        let path = lock_path(session);
        let io_err = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        // A lock file that is a link is refused before anything is written through it.
        let mut file = super::files::open_rw(&path, true, 0o600).map_err(io_err)?;
        let claim = match crate::platform::claim::take(session) {
            Ok(Some(c)) => c,
            Ok(None) => {
                let mut text = String::new();
                let _ = file.read_to_string(&mut text);
                return Err(if text.trim().is_empty() {
                    LockError::HeldWithoutNote(session.to_path_buf())
                } else {
                    LockError::Held {
                        path: session.to_path_buf(),
                        holder: parse_holder(&text),
                    }
                });
            }
            Err(e) => return Err(io_err(e)),
        };
        match crate::platform::fs::try_lock(&file, true) {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut text = String::new();
                // An unreadable holder note still means the session is held.
                let _ = file.read_to_string(&mut text);
                return Err(LockError::Held {
                    path: session.to_path_buf(),
                    holder: parse_holder(&text),
                });
            }
            Err(TryLockError::Error(e)) => return Err(io_err(e)),
        }
        let note = format!(
            "pid={}\nhost={}\nsince={since}\n",
            std::process::id(),
            gethostname::gethostname().to_string_lossy()
        );
        write_note(&mut file, &note).map_err(io_err)?;
        Ok(Self {
            file,
            path,
            note,
            _claim: claim,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Puts the lock file back if someone removed or replaced it, so the next kiroku is told
    /// who holds the session; `true` if it had to. The session stays held all the while.
    pub fn repair(&mut self) -> io::Result<bool> {
        use crate::platform::fs::{identity_at, identity_of};
        let ours = identity_of(&self.file)?;
        match identity_at(&self.path)? {
            Some(there) if there == ours => return Ok(false),
            Some(_) => std::fs::remove_file(&self.path)?,
            None => {}
        }
        let mut file = super::files::create_new(&self.path)?;
        match crate::platform::fs::try_lock(&file, true) {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(io::Error::other(
                    "the new lock file is held by another process",
                ));
            }
            Err(TryLockError::Error(e)) => return Err(e),
        }
        write_note(&mut file, &self.note)?;
        self.file = file;
        Ok(true)
    }
}

fn write_note(file: &mut File, note: &str) -> io::Result<()> {
    file.set_len(0)?;
    file.rewind()?;
    file.write_all(note.as_bytes())?;
    file.sync_data()
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // Clear the note so a stale file names no one; the kernel releases the lock itself.
        let _ = self.file.set_len(0);
    }
}

fn parse_holder(text: &str) -> LockHolder {
    let field = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
            .unwrap_or("?")
            .to_owned()
    };
    LockHolder {
        pid: field("pid").parse().unwrap_or(0),
        host: field("host"),
        since: field("since"),
    }
}

/// Who holds `session` open right now, if anyone: for readers (export, check, the start
/// screen), which take no lock and write nothing. A missing lock file means nobody.
pub fn holder(session: &Path) -> Option<LockHolder> {
    let unknown = || LockHolder {
        pid: 0,
        host: "?".into(),
        since: "?".into(),
    };
    let file = super::files::open_existing_nofollow(&lock_path(session))
        .ok()
        .flatten();
    if let Some(mut file) = file {
        match crate::platform::fs::try_lock(&file, false) {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut text = String::new();
                let _ = file.read_to_string(&mut text);
                return Some(parse_holder(&text));
            }
            Err(TryLockError::Error(_)) => {}
        }
    }
    crate::platform::claim::held(session).then(unknown)
}
