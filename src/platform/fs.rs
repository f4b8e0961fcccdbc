//! Files: opening without following a link or blocking on a pipe, what kind of thing sits at
//! a path, a file's identity, and modes.

use std::fs::{File, Metadata, OpenOptions};
use std::io;
use std::os::unix::fs::{
    FileTypeExt as _, MetadataExt as _, OpenOptionsExt as _, PermissionsExt as _,
};

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

/// A file's identity: the same pair as long as it is the same file.
pub fn identity(meta: &Metadata) -> (u64, u64) {
    (meta.dev(), meta.ino())
}

/// Sets a file's permission bits.
pub fn set_mode(file: &File, mode: u32) -> io::Result<()> {
    file.set_permissions(std::fs::Permissions::from_mode(mode))
}

/// Makes the file at `path` readable by its owner alone (mode 0600) if others could read it,
/// never through a link: git, a copy or an unzip writes files for everyone to read.
pub fn make_private(path: &std::path::Path) -> io::Result<()> {
    let file = no_follow(OpenOptions::new().read(true)).open(path)?;
    if file.metadata()?.mode() & 0o077 != 0 {
        set_mode(&file, 0o600)?;
    }
    Ok(())
}
