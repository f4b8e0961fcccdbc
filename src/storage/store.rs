//! A session on disk: the RON file, the journal beside it, and when each is written. Edits go
//! to the journal at once and are synced at every commit and at least once a second; the RON
//! file is rewritten atomically from time to time and on quit, and the journal then starts
//! afresh. Nothing here ever truncates the session file or writes half of it.

use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::journal::{self, Journal, content_hash, journal_path};
use super::{LoadError, LoadErrorKind, parse_session, session_to_string, write_atomic};
use crate::model::{Edit, Session};

/// Unsynced journal records wait at most this long.
pub const SYNC_EVERY: Duration = Duration::from_secs(1);
/// The RON file is rewritten at least this often while edits come in.
pub const FOLD_EVERY: Duration = Duration::from_secs(60);
/// …or when the journal holds this many records.
pub const FOLD_RECORDS: usize = 5_000;

/// What opening a session found in its journal.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Recovered {
    /// Edits replayed on top of the session file.
    pub replayed: usize,
    /// The journal's last record was cut short and dropped.
    pub torn_tail: bool,
    /// Where a damaged journal was copied before anything was written, and why.
    pub damaged: Option<(PathBuf, String)>,
}

#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    journal: Option<Journal>,
    /// Edits not yet in the journal because appending failed; retried.
    pending: Vec<Edit>,
    last_sync: Instant,
    last_fold: Instant,
}

fn io_error(path: &Path, e: &io::Error) -> String {
    format!("{}: {e}", path.display())
}

impl Store {
    /// A new session file (and journal) at `path`.
    pub fn create(path: &Path, session: &Session) -> io::Result<Self> {
        let mut store = Self {
            path: path.to_path_buf(),
            journal: None,
            pending: Vec::new(),
            last_sync: Instant::now(),
            last_fold: Instant::now(),
        };
        store.fold(session)?;
        Ok(store)
    }

    /// Opens the session at `path` and replays its journal if the journal extends exactly
    /// this file. A damaged journal is copied aside first; its intact records are kept.
    pub fn open(path: &Path) -> Result<(Session, Self, Recovered), LoadError> {
        let bytes = std::fs::read(path).map_err(|e| {
            LoadError::new(
                path,
                LoadErrorKind::Io,
                None,
                format!("cannot read the file: {e}"),
            )
        })?;
        let text = String::from_utf8(bytes.clone()).map_err(|_| {
            // load_session gives the precise message and position.
            super::load_session(path).err().unwrap_or_else(|| {
                LoadError::new(path, LoadErrorKind::NotUtf8, None, "invalid UTF-8")
            })
        })?;
        if text.trim().is_empty() {
            return Err(super::load_session(path).expect_err("an empty file does not load"));
        }
        let mut session = parse_session(path, &text)?;
        let mut recovered = Recovered::default();
        let jpath = journal_path(path);
        if let Ok(jbytes) = std::fs::read(&jpath) {
            let contents = journal::parse(&jbytes);
            if let Some((line, why)) = &contents.damage {
                let copy = damaged_copy_path(&jpath);
                std::fs::copy(&jpath, &copy).map_err(|e| {
                    LoadError::new(
                        &jpath,
                        LoadErrorKind::Io,
                        None,
                        format!("cannot keep a copy of the damaged journal: {e}"),
                    )
                })?;
                recovered.damaged = Some((copy, format!("{}:{line}: {why}", jpath.display())));
            }
            let matches = contents.base == Some(content_hash(&bytes));
            if !matches && !contents.edits.is_empty() && recovered.damaged.is_none() {
                // The file changed after the journal began (edited by hand?): the journal's
                // records may be missing from it, so keep them where they can be read.
                let copy = damaged_copy_path(&jpath);
                std::fs::copy(&jpath, &copy).map_err(|e| {
                    LoadError::new(
                        &jpath,
                        LoadErrorKind::Io,
                        None,
                        format!("cannot keep a copy of the journal: {e}"),
                    )
                })?;
                recovered.damaged = Some((
                    copy,
                    format!(
                        "{}: the journal belongs to another version of the session file; not replayed",
                        jpath.display()
                    ),
                ));
            }
            if matches {
                for (i, edit) in contents.edits.iter().enumerate() {
                    if let Err(e) = session.replay(edit) {
                        let copy = damaged_copy_path(&jpath);
                        let _ = std::fs::copy(&jpath, &copy);
                        recovered.damaged =
                            Some((copy, format!("{}:{}: {e}", jpath.display(), i + 2)));
                        break;
                    }
                    recovered.replayed += 1;
                }
                recovered.torn_tail = contents.torn_tail;
            }
        }
        let mut store = Self {
            path: path.to_path_buf(),
            journal: None,
            pending: Vec::new(),
            last_sync: Instant::now(),
            last_fold: Instant::now(),
        };
        // Fold what was replayed into the file now, so the journal starts clean.
        if recovered.replayed > 0 {
            store.fold(&session).map_err(|e| {
                LoadError::new(path, LoadErrorKind::Io, None, format!("cannot save: {e}"))
            })?;
        } else {
            store.journal = Some(Journal::create(&jpath, content_hash(&bytes)).map_err(|e| {
                LoadError::new(
                    &jpath,
                    LoadErrorKind::Io,
                    None,
                    format!("cannot start the journal: {e}"),
                )
            })?);
        }
        Ok((session, store, recovered))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Rewrites the RON file and starts a new journal on it.
    pub fn fold(&mut self, session: &Session) -> io::Result<()> {
        let text = session_to_string(session);
        write_atomic(&self.path, text.as_bytes())?;
        // The file now holds everything; anything pending is in it too.
        self.pending.clear();
        self.journal = Some(Journal::create(
            &journal_path(&self.path),
            content_hash(text.as_bytes()),
        )?);
        self.last_fold = Instant::now();
        self.last_sync = Instant::now();
        Ok(())
    }

    /// Appends edits; `sync_now` (a commit) forces them to disk before returning.
    pub fn record(&mut self, edits: Vec<Edit>, sync_now: bool) -> Result<(), String> {
        self.pending.extend(edits);
        let journal = self
            .journal
            .as_mut()
            .ok_or_else(|| format!("{}: no journal", self.path.display()))?;
        while !self.pending.is_empty() {
            journal
                .append(&self.pending[0])
                .map_err(|e| io_error(&journal_path(&self.path), &e))?;
            self.pending.remove(0);
        }
        if sync_now {
            self.sync()?;
        }
        Ok(())
    }

    pub fn sync(&mut self) -> Result<(), String> {
        if let Some(j) = self.journal.as_mut() {
            j.sync()
                .map_err(|e| io_error(&journal_path(&self.path), &e))?;
        }
        self.last_sync = Instant::now();
        Ok(())
    }

    /// Is anything written but not yet synced, or not yet written at all?
    pub fn has_unsynced(&self) -> bool {
        !self.pending.is_empty() || self.journal.as_ref().is_some_and(Journal::has_unsynced)
    }

    /// Time-driven work: a sync a second, a fold a minute. Returns whether a fold is due.
    pub fn tick(&mut self) -> Result<bool, String> {
        if self.has_unsynced() && self.last_sync.elapsed() >= SYNC_EVERY {
            if !self.pending.is_empty() {
                self.record(Vec::new(), false)?;
            }
            self.sync()?;
        }
        let records = self.journal.as_ref().map_or(0, |j| j.records);
        Ok(records > 0 && (self.last_fold.elapsed() >= FOLD_EVERY || records >= FOLD_RECORDS))
    }

    /// Moves the session to `path` (save-as after a storage error): everything is written
    /// there, and the old files are left as they were.
    pub fn relocate(&mut self, path: &Path, session: &Session) -> io::Result<()> {
        let old = std::mem::replace(&mut self.path, path.to_path_buf());
        let journal = self.journal.take();
        if let Err(e) = self.fold(session) {
            self.path = old;
            self.journal = journal;
            return Err(e);
        }
        Ok(())
    }
}

/// `<journal>.damaged-YYYYmmdd-HHMMSS`, a copy that nothing will overwrite.
fn damaged_copy_path(jpath: &Path) -> PathBuf {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let mut name = jpath.as_os_str().to_owned();
    name.push(format!(".damaged-{stamp}"));
    let mut path = PathBuf::from(name);
    let mut n = 2;
    while path.exists() {
        let mut name = jpath.as_os_str().to_owned();
        name.push(format!(".damaged-{stamp}-{n}"));
        path = PathBuf::from(name);
        n += 1;
    }
    path
}
