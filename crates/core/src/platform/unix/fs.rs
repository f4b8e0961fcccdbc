//! Files on Unix: opening without following a link or blocking on a pipe, what kind of thing
//! sits at a path, a file's identity, modes, and the session lock.

use std::fs::{File, Metadata, OpenOptions, TryLockError};
use std::io;
use std::os::unix::fs::{
    FileTypeExt as _, MetadataExt as _, OpenOptionsExt as _, PermissionsExt as _,
};
use std::path::Path;

/// Options that never follow a symbolic link at the last component of the path (it fails,
/// see [`is_link_refusal`]) and never wait for the other end of a named pipe.
pub fn no_follow(options: &mut OpenOptions) -> &mut OpenOptions {
    options
        .custom_flags((rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK).bits() as i32)
}

/// Options that never wait for the other end of a named pipe (a link is followed).
pub fn no_block(options: &mut OpenOptions) -> &mut OpenOptions {
    options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
}

/// Options that create a file with `mode`.
pub fn with_mode(options: &mut OpenOptions, mode: u32) -> &mut OpenOptions {
    options.mode(mode)
}

/// Did opening fail because the path is a symbolic link (see [`no_follow`])?
pub fn is_link_refusal(e: &io::Error) -> bool {
    e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error())
}

/// What sort of thing `meta` describes, for messages: "a symbolic link", "a named pipe" …
pub fn kind(meta: &Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_symlink() {
        "a symbolic link"
    } else if t.is_dir() {
        "a folder"
    } else if t.is_fifo() {
        "a named pipe"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "not a regular file"
    }
}

/// The identity of what sits at `path` (not through a link): the same pair as long as it
/// is the same file; `None` when nothing is there.
pub fn identity_at(path: &Path) -> io::Result<Option<(u64, u64)>> {
    match std::fs::symlink_metadata(path) {
        Ok(m) => Ok(Some((m.dev(), m.ino()))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// The identity of an open file, as [`identity_at`] gives it for its path.
pub fn identity_of(file: &File) -> io::Result<(u64, u64)> {
    let m = file.metadata()?;
    Ok((m.dev(), m.ino()))
}

/// Sets a file's permission bits.
pub fn set_mode(file: &File, mode: u32) -> io::Result<()> {
    file.set_permissions(std::fs::Permissions::from_mode(mode))
}

/// Makes the file at `path` readable by its owner alone (mode 0600) if others could read it,
/// never through a link: git, a copy or an unzip writes files for everyone to read.
pub fn make_private(path: &Path) -> io::Result<()> {
    let file = no_follow(OpenOptions::new().read(true)).open(path)?;
    if file.metadata()?.mode() & 0o077 != 0 {
        set_mode(&file, 0o600)?;
    }
    Ok(())
}

/// Makes a rename into `dir` durable.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// A name the system will not give a file of its own: none on Unix.
pub fn forbidden_name(_path: &Path) -> Option<&'static str> {
    None
}

/// Is `e` another program holding the file open (Word, Excel)? Unix lets it be written.
pub fn held_by_another_program(_path: &Path, _e: &io::Error) -> bool {
    false
}

/// Is `e`, met replacing a file, something that passes in a moment? A rename on Unix never
/// waits for other programs.
pub fn may_pass(_e: &io::Error) -> bool {
    false
}

/// Takes the session lock on `file`: exclusive, or shared to see whether anyone holds it.
pub fn try_lock(file: &File, exclusive: bool) -> Result<(), TryLockError> {
    if exclusive {
        file.try_lock()
    } else {
        file.try_lock_shared()
    }
}
