//! One writer per session: an exclusive advisory lock on `<session>.lock`, a file of its own
//! because the session file itself is replaced by rename on every save. The kernel drops the
//! lock when its holder dies, so the lock of a killed process is taken over without asking.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::os::unix::fs::OpenOptionsExt as _;
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
}

impl SessionLock {
    pub fn acquire(session: &Path, since: &str) -> Result<Self, LockError> {
        let path = lock_path(session);
        let io_err = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(&path)
            .map_err(io_err)?;
        match file.try_lock() {
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
        file.set_len(0).map_err(io_err)?;
        file.rewind().map_err(io_err)?;
        file.write_all(note.as_bytes()).map_err(io_err)?;
        file.sync_data().map_err(io_err)?;
        Ok(Self { file, path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
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
    let path = lock_path(session);
    let mut file = OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32)
        .open(&path)
        .ok()?;
    match file.try_lock_shared() {
        Ok(()) => None,
        Err(TryLockError::WouldBlock) => {
            let mut text = String::new();
            let _ = file.read_to_string(&mut text);
            Some(parse_holder(&text))
        }
        Err(TryLockError::Error(_)) => None,
    }
}
