//! Atomic, durable file replacement: the new content goes to a temporary file in the same
//! folder, is synced, renamed over the old one, and the folder is synced. A crash at any point
//! leaves either the old file or the new one, never a mix.

use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::Path;

use atomic_write_file::unix::OpenOptionsExt as _;

/// Writes `bytes` to `path` atomically; the file gets mode 0600 since it may hold
/// non-public content.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, bytes, || Ok(()))
}

/// As [`write_atomic`] with another mode, for files that hold nothing non-public.
pub fn write_atomic_mode(path: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    write_file(path, bytes, mode, || Ok(()))
}

/// As [`write_atomic`], calling `before_commit` after the temporary file is complete and
/// before it replaces `path`; an error from it abandons the write. Tests inject faults here.
pub fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    before_commit: impl FnOnce() -> io::Result<()>,
) -> io::Result<()> {
    write_file(path, bytes, 0o600, before_commit)
}

fn write_file(
    path: &Path,
    bytes: &[u8],
    mode: u32,
    before_commit: impl FnOnce() -> io::Result<()>,
) -> io::Result<()> {
    let mut options = atomic_write_file::OpenOptions::new();
    options.preserve_mode(false).mode(mode);
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    before_commit()?;
    // Dropping an uncommitted file discards the temporary, so the `?`s above leave `path`
    // untouched.
    file.commit()
}
