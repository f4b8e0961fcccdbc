//! Files on Windows: opening without going through a symbolic link, junction or other
//! reparse point, what sits at a path, a file's identity, the names Windows keeps for its
//! devices, a file another program holds open, and the session lock's byte.

use std::fs::{File, Metadata, OpenOptions, TryLockError};
use std::io;
use std::os::windows::fs::{MetadataExt as _, OpenOptionsExt as _};
use std::os::windows::io::AsRawHandle as _;
use std::path::Path;

use windows_sys::Win32::Foundation::{ERROR_IO_PENDING, ERROR_LOCK_VIOLATION};
use windows_sys::Win32::Storage::FileSystem::{
    BY_HANDLE_FILE_INFORMATION, FILE_ATTRIBUTE_REPARSE_POINT, FILE_FLAG_BACKUP_SEMANTICS,
    FILE_FLAG_OPEN_REPARSE_POINT, FILE_SHARE_DELETE, FILE_SHARE_READ, FILE_SHARE_WRITE,
    GetFileInformationByHandle, LOCKFILE_EXCLUSIVE_LOCK, LOCKFILE_FAIL_IMMEDIATELY, LockFileEx,
};
use windows_sys::Win32::System::IO::OVERLAPPED;

/// Options that open a reparse point (a symbolic link, a junction) itself, never what it
/// names: the opened file is then refused as not a regular one.
pub fn no_follow(options: &mut OpenOptions) -> &mut OpenOptions {
    options.custom_flags(FILE_FLAG_OPEN_REPARSE_POINT)
}

/// Named pipes on Windows have names of their own (`\\.\pipe\…`), refused by
/// [`forbidden_name`]: an ordinary path never waits.
pub fn no_block(options: &mut OpenOptions) -> &mut OpenOptions {
    options
}

/// Modes are Unix's; a file in the user's folders is the user's by its folder's rights.
pub fn with_mode(options: &mut OpenOptions, _mode: u32) -> &mut OpenOptions {
    options
}

/// [`no_follow`] never fails on a link: the link itself is opened and then refused.
pub fn is_link_refusal(_e: &io::Error) -> bool {
    false
}

/// What sort of thing `meta` describes, for messages.
pub fn kind(meta: &Metadata) -> &'static str {
    if meta.file_attributes() & FILE_ATTRIBUTE_REPARSE_POINT != 0 || meta.file_type().is_symlink() {
        "a symbolic link"
    } else if meta.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

fn identity_from(handle: std::os::windows::io::RawHandle) -> io::Result<(u64, u64)> {
    // SAFETY: an all-zero BY_HANDLE_FILE_INFORMATION is a valid value to be written over.
    let mut info: BY_HANDLE_FILE_INFORMATION = unsafe { std::mem::zeroed() };
    // SAFETY: `handle` is an open file's, and `info` a valid place to write.
    if unsafe { GetFileInformationByHandle(handle, &mut info) } == 0 {
        return Err(io::Error::last_os_error());
    }
    let index = (u64::from(info.nFileIndexHigh) << 32) | u64::from(info.nFileIndexLow);
    Ok((u64::from(info.dwVolumeSerialNumber), index))
}

/// The identity of what sits at `path` (not through a link): its volume and file index,
/// the same as long as it is the same file; `None` when nothing is there.
pub fn identity_at(path: &Path) -> io::Result<Option<(u64, u64)>> {
    let opened = OpenOptions::new()
        .access_mode(0)
        .share_mode(FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE)
        .custom_flags(FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OPEN_REPARSE_POINT)
        .open(path);
    match opened {
        Ok(f) => identity_from(f.as_raw_handle()).map(Some),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// The identity of an open file, as [`identity_at`] gives it for its path.
pub fn identity_of(file: &File) -> io::Result<(u64, u64)> {
    identity_from(file.as_raw_handle())
}

pub fn set_mode(_file: &File, _mode: u32) -> io::Result<()> {
    Ok(())
}

/// A file in the user's profile is the user's: nothing to tighten.
pub fn make_private(_path: &Path) -> io::Result<()> {
    Ok(())
}

/// A rename is recorded in NTFS's own journal; a folder cannot be flushed as a file is.
pub fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// The device names Windows keeps in every folder (`CON`, `NUL`, `COM1` …, whatever the
/// extension), the device namespace (`\\.\`), and names Windows will not give a file
/// (`<>:"|?*`, a control character, a trailing dot or space): what is wrong with `path`.
pub fn forbidden_name(path: &Path) -> Option<&'static str> {
    let text = path.as_os_str().to_string_lossy();
    if text.starts_with(r"\\.\") || text.starts_with("//./") || text.starts_with(r"\\?\GLOBALROOT")
    {
        return Some("a device path, not a file");
    }
    let name = path.file_name()?.to_string_lossy().into_owned();
    let stem = name
        .split('.')
        .next()
        .unwrap_or("")
        .trim_end()
        .to_uppercase();
    let device = matches!(
        stem.as_str(),
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$"
    ) || ["COM", "LPT"].iter().any(|p| {
        stem.strip_prefix(p).is_some_and(|n| {
            n.len() == 1 && n.chars().all(|c| c.is_ascii_digit() || "¹²³".contains(c))
        })
    });
    if device {
        return Some("a device name Windows keeps for itself");
    }
    if name
        .chars()
        .any(|c| "<>:\"|?*".contains(c) || c.is_control())
    {
        return Some("a name with a character Windows does not allow (<>:\"|?*)");
    }
    if name.ends_with('.') || name.ends_with(' ') {
        return Some("a name ending in a dot or a space, which Windows drops");
    }
    None
}

/// Is `e`, met writing or replacing `path`, another program holding the file open (Word or
/// Excel keeps its document so)? Replacing such a file is "access denied"; opening it to
/// write then says who is in the way.
pub fn held_by_another_program(path: &Path, e: &io::Error) -> bool {
    // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION.
    let held = |e: &io::Error| matches!(e.raw_os_error(), Some(32 | 33));
    held(e)
        || (e.raw_os_error() == Some(5)
            && OpenOptions::new()
                .write(true)
                .open(path)
                .is_err_and(|e| held(&e)))
}

/// Is `e`, met replacing a file, what a moment's open by another program gives (a virus
/// scanner, the search indexer or a sync client reading the file just written): worth trying
/// again shortly. Access denied, a sharing or a lock violation.
pub fn may_pass(e: &io::Error) -> bool {
    matches!(e.raw_os_error(), Some(5 | 32 | 33))
}

/// The byte of the lock file the session lock is taken on, far past its note: Windows locks
/// ranges against reading too, and the note (who holds it) must stay readable.
const LOCK_OFFSET: u64 = 1 << 62;

/// Takes the session lock on `file`: exclusive, or shared to see whether anyone holds it.
pub fn try_lock(file: &File, exclusive: bool) -> Result<(), TryLockError> {
    let mut flags = LOCKFILE_FAIL_IMMEDIATELY;
    if exclusive {
        flags |= LOCKFILE_EXCLUSIVE_LOCK;
    }
    // SAFETY: an all-zero OVERLAPPED is valid; the offset is set below.
    let mut at: OVERLAPPED = unsafe { std::mem::zeroed() };
    at.Anonymous.Anonymous.Offset = LOCK_OFFSET as u32;
    at.Anonymous.Anonymous.OffsetHigh = (LOCK_OFFSET >> 32) as u32;
    // SAFETY: an open file's handle and a valid OVERLAPPED for a synchronous call.
    let ok = unsafe { LockFileEx(file.as_raw_handle(), flags, 0, 1, 0, &mut at) };
    if ok != 0 {
        return Ok(());
    }
    let e = io::Error::last_os_error();
    match e.raw_os_error().and_then(|n| u32::try_from(n).ok()) {
        Some(ERROR_LOCK_VIOLATION | ERROR_IO_PENDING) => Err(TryLockError::WouldBlock),
        _ => Err(TryLockError::Error(e)),
    }
}
