//! The two ways kiroku writes: replacing a file atomically, and appending to a journal. Going
//! through this trait lets tests put a disk that fills up, fails, or loses power underneath.

use std::fs::{File, OpenOptions};
use std::io;
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::Path;
use std::sync::{Arc, Mutex, mpsc};

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
        Ok(Box::new(BackgroundSync::new(file)?))
    }
}

/// A journal file whose fsync runs on a thread of its own: a commit appends (microseconds)
/// and starts the sync without waiting the milliseconds a disk takes. A failed sync is
/// reported by the next write or sync, so an error is never lost, only late by one call.
struct BackgroundSync {
    file: File,
    wake: mpsc::Sender<()>,
    error: Arc<Mutex<Option<io::Error>>>,
}

impl BackgroundSync {
    fn new(file: File) -> io::Result<Self> {
        let syncer = file.try_clone()?;
        let (wake, requests) = mpsc::channel::<()>();
        let error = Arc::new(Mutex::new(None));
        let report = Arc::clone(&error);
        std::thread::Builder::new()
            .name("journal-sync".into())
            .spawn(move || {
                while requests.recv().is_ok() {
                    // Requests that piled up while syncing are served by this one sync.
                    while requests.try_recv().is_ok() {}
                    if let Err(e) = syncer.sync_data()
                        && let Ok(mut slot) = report.lock()
                    {
                        *slot = Some(e);
                    }
                }
            })?;
        Ok(Self { file, wake, error })
    }

    fn take_error(&self) -> io::Result<()> {
        match self.error.lock().ok().and_then(|mut e| e.take()) {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

impl Sink for BackgroundSync {
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.take_error()?;
        io::Write::write_all(&mut self.file, bytes)
    }

    fn sync(&mut self) -> io::Result<()> {
        self.take_error()?;
        // The thread only ends when this sender is dropped, so sending cannot fail but by a
        // bug; fall back to syncing here.
        if self.wake.send(()).is_err() {
            self.file.sync_data()?;
        }
        Ok(())
    }
}
