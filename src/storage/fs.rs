//! The two ways kiroku writes: replacing a file atomically, and appending to a journal. Going
//! through this trait lets tests put a disk that fills up, fails, or loses power underneath.

use std::fs::OpenOptions;
use std::io;
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::Path;

use super::journal::Sink;

pub trait Fs {
    /// Replaces `path` atomically and durably (mode 0600).
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()>;
    /// Opens `path` for appending.
    fn append(&self, path: &Path) -> io::Result<Box<dyn Sink>>;
}

/// The real disk.
#[derive(Debug, Default, Clone, Copy)]
pub struct RealFs;

impl Fs for RealFs {
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        super::write_atomic(path, bytes)
    }

    fn append(&self, path: &Path) -> io::Result<Box<dyn Sink>> {
        let file = OpenOptions::new().append(true).mode(0o600).open(path)?;
        Ok(Box::new(file))
    }
}
