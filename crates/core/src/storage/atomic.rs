//! Atomic, durable file replacement: the new content goes to a temporary file in the same
//! folder, is synced, renamed over the old one, and the folder is synced. A crash at any point
//! leaves either the old file or the new one, never a mix, and a failure at any step removes
//! the temporary file (a disk that fails for an hour must not fill up with copies).

use std::io::{self, Write};
use std::path::Path;

use super::files::check_writable_place;
use super::paths::{TEMP_SUFFIX, temp_owner, temp_prefix};

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
    // A link, a pipe or a device at `path` is never replaced by a file of ours.
    check_writable_place(path)?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    remove_stale_temps(dir);
    // The temporary file is created with mode 0600 and removed when dropped: every `?` below
    // leaves `path` untouched and no temporary file behind.
    let mut temp = tempfile::Builder::new()
        .prefix(&temp_prefix(&name, std::process::id()))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    if mode != 0o600 {
        crate::platform::fs::set_mode(temp.as_file(), mode)?;
    }
    temp.as_file().sync_all()?;
    before_commit()?;
    replace(temp, path)?;
    crate::platform::fs::sync_dir(dir)
}

/// Renames `temp` over `path`. On Windows a rename fails while anyone has the old file open,
/// which a virus scanner or the search indexer does for a moment after each write: try again
/// for two and a half seconds before giving up (the temporary file is then removed).
fn replace(mut temp: tempfile::NamedTempFile, path: &Path) -> io::Result<()> {
    let mut wait = std::time::Duration::from_millis(10);
    for _ in 0..8 {
        match temp.persist(path) {
            Ok(_) => return Ok(()),
            Err(e) if crate::platform::fs::may_pass(&e.error) => {
                temp = e.file;
                std::thread::sleep(wait);
                wait *= 2;
            }
            Err(e) => return Err(super::files::explained(path, e.error)),
        }
    }
    temp.persist(path)
        .map(|_| ())
        .map_err(|e| super::files::explained(path, e.error))
}

/// Removes the temporary files in `dir` that a kiroku killed mid-save left (its process is
/// gone): nothing else would, and a session's can be many megabytes.
fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some((_, pid)) = name.to_str().and_then(temp_owner) else {
            continue;
        };
        let regular = entry.file_type().is_ok_and(|t| t.is_file());
        if regular && pid != std::process::id() && !crate::platform::process::alive(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
