//! The two ways kiroku writes: replacing a file atomically, and appending to a journal. Going
//! through this trait lets tests put a disk that fills up, fails, or loses power underneath.

use std::fs::File;
use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, mpsc};

use super::journal::Sink;

pub trait Fs {
    /// Replaces `path` atomically and durably (mode 0600).
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()>;
    /// Opens `path` for appending.
    fn append(&self, path: &Path) -> io::Result<Box<dyn Sink>>;
    /// What sits at `path` now, not following a link, to tell whether someone else changed a
    /// file kiroku wrote. `Ok(None)`: nothing there. A disk that cannot tell (a simulation)
    /// answers `Err` and is trusted.
    fn fingerprint(&self, _path: &Path) -> io::Result<Option<Fingerprint>> {
        Err(io::ErrorKind::Unsupported.into())
    }
}

/// A file's identity and length: a file kiroku wrote keeps all three until kiroku writes it
/// again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    pub dev: u64,
    pub ino: u64,
    pub len: u64,
    /// A regular file (not a link, pipe or device put in its place).
    pub regular: bool,
}

/// The real disk.
#[derive(Debug, Default, Clone, Copy)]
pub struct RealFs;

impl Fs for RealFs {
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        super::write_atomic(path, bytes)
    }

    fn append(&self, path: &Path) -> io::Result<Box<dyn Sink>> {
        let file = super::files::open_append(path)?;
        Ok(Box::new(BackgroundSync::new(file)?))
    }

    fn fingerprint(&self, path: &Path) -> io::Result<Option<Fingerprint>> {
        match std::fs::symlink_metadata(path) {
            Ok(m) => {
                let Some((dev, ino)) = crate::platform::fs::identity_at(path)? else {
                    return Ok(None);
                };
                Ok(Some(Fingerprint {
                    dev,
                    ino,
                    len: m.len(),
                    regular: m.file_type().is_file(),
                }))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// A journal file whose fsync runs on a thread of its own: a commit appends (microseconds)
/// and starts the sync without waiting the milliseconds a disk takes. A failed sync is
/// reported by the next write or sync, so an error is never lost, only late by one call.
struct BackgroundSync {
    file: File,
    wake: mpsc::Sender<u64>,
    error: Arc<Mutex<Option<io::Error>>>,
    /// Syncs asked for, and (written by the thread) the last one finished.
    requested: u64,
    finished: Arc<AtomicU64>,
}

impl BackgroundSync {
    fn new(file: File) -> io::Result<Self> {
        let syncer = file.try_clone()?;
        let (wake, requests) = mpsc::channel::<u64>();
        let error = Arc::new(Mutex::new(None));
        let report = Arc::clone(&error);
        let finished = Arc::new(AtomicU64::new(0));
        let done = Arc::clone(&finished);
        std::thread::Builder::new()
            .name("journal-sync".into())
            .spawn(move || {
                while let Ok(mut asked) = requests.recv() {
                    // Requests that piled up while syncing are served by this one sync.
                    while let Ok(later) = requests.try_recv() {
                        asked = later;
                    }
                    match syncer.sync_data() {
                        Ok(()) => done.store(asked, Ordering::Release),
                        Err(e) => {
                            if let Ok(mut slot) = report.lock() {
                                *slot = Some(e);
                            }
                        }
                    }
                }
            })?;
        Ok(Self {
            file,
            wake,
            error,
            requested: 0,
            finished,
        })
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
        self.requested += 1;
        // The thread only ends when this sender is dropped, so sending cannot fail but by a
        // bug; fall back to syncing here.
        if self.wake.send(self.requested).is_err() {
            self.file.sync_data()?;
            self.finished.store(self.requested, Ordering::Release);
        }
        Ok(())
    }

    fn synced(&self) -> bool {
        self.finished.load(Ordering::Acquire) >= self.requested
    }
}
