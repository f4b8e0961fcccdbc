//! A session on disk: the RON file, the journal beside it, and when each is written. Edits go
//! to the journal at once and are synced at every commit and at least once a second; the RON
//! file is rewritten atomically from time to time and on quit, and the journal then starts
//! afresh. Nothing here ever truncates the session file or writes half of it. Time comes in
//! as an argument, so tests can run an hour of saving in a moment.

use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::fs::Fingerprint;
use super::journal::{Journal, content_hash, journal_path};
use super::{Fs, LoadError, LoadErrorKind, RealFs, parse_session, session_to_string};
use crate::model::{Draft, Edit, Session};

/// Unsynced journal records wait at most this long.
pub const SYNC_EVERY: Duration = Duration::from_secs(1);
/// The RON file is rewritten at least this often while edits come in.
pub const FOLD_EVERY: Duration = Duration::from_secs(60);
/// The files are checked against what this process wrote at least this often.
pub const VERIFY_EVERY: Duration = Duration::from_secs(1);
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

pub struct Store {
    fs: Box<dyn Fs>,
    path: PathBuf,
    journal: Option<Journal>,
    /// Edits not yet in the journal because appending failed; retried.
    pending: Vec<Edit>,
    /// The journal was broken off by an error: the next write starts a fresh file.
    needs_fold: bool,
    last_sync: Instant,
    last_fold: Instant,
    /// The session file and the journal as this process last left them.
    session_print: Option<Fingerprint>,
    journal_print: Option<Fingerprint>,
    /// What someone else did to the files, once noticed: reported once, after everything
    /// was written anew.
    tampered: Option<String>,
    last_verify: Instant,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("pending", &self.pending.len())
            .finish_non_exhaustive()
    }
}

fn io_error(path: &Path, e: &io::Error) -> String {
    format!("{}: {e}", path.display())
}

impl Store {
    /// A new session file (and journal) at `path`.
    pub fn create(path: &Path, session: &Session) -> io::Result<Self> {
        Self::create_with(Box::new(RealFs), path, session, Instant::now())
    }

    /// As [`Store::create`], writing through `fs`.
    pub fn create_with(
        fs: Box<dyn Fs>,
        path: &Path,
        session: &Session,
        now: Instant,
    ) -> io::Result<Self> {
        let mut store = Self::unopened(fs, path, now);
        store.fold(session, now)?;
        Ok(store)
    }

    /// A store with no journal open yet.
    fn unopened(fs: Box<dyn Fs>, path: &Path, now: Instant) -> Self {
        Self {
            fs,
            path: path.to_path_buf(),
            journal: None,
            pending: Vec::new(),
            needs_fold: false,
            last_sync: now,
            last_fold: now,
            session_print: None,
            journal_print: None,
            tampered: None,
            last_verify: now,
        }
    }

    /// Opens the session at `path` and replays its journal if the journal extends exactly
    /// this file. A damaged journal is copied aside first; its intact records are kept.
    pub fn open(path: &Path) -> Result<(Session, Self, Recovered), LoadError> {
        let now = Instant::now();
        let text = super::load::read_text(path)?;
        let bytes = text.as_bytes();
        let mut session = parse_session(path, &text)?;
        // It holds non-public content: written by git (a merge, a checkout), it is anyone's.
        let _ = crate::platform::fs::make_private(path);
        let mut recovered = Recovered::default();
        let files = super::SessionFiles::new(path);
        let jpath = files.journal();
        let keep_copy = |why: String| -> Result<(PathBuf, String), LoadError> {
            keep_damaged_copy(&jpath, &files)
                .map(|copy| (copy, why))
                .map_err(|e| {
                    LoadError::new(
                        &jpath,
                        LoadErrorKind::Io,
                        None,
                        format!("cannot keep a copy of the journal: {e}"),
                    )
                })
        };
        let replay = super::read::replay_journal(&mut session, bytes, &jpath);
        if let Some(why) = replay.problem {
            recovered.damaged = Some(keep_copy(why)?);
        }
        recovered.replayed = replay.replayed;
        recovered.torn_tail = replay.torn_tail;
        let mut store = Self::unopened(Box::new(RealFs), path, now);
        // Fold what was replayed into the file now, so the journal starts clean.
        let result = if recovered.replayed > 0 {
            store.fold(&session, now)
        } else {
            Journal::create(store.fs.as_ref(), &jpath, content_hash(bytes)).map(|j| {
                store.journal = Some(j);
                store.session_print = store.fs.fingerprint(path).ok().flatten();
                store.journal_print = store.fs.fingerprint(&jpath).ok().flatten();
            })
        };
        result.map_err(|e| {
            LoadError::new(path, LoadErrorKind::Io, None, format!("cannot save: {e}"))
        })?;
        Ok((session, store, recovered))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Rewrites the RON file and starts a new journal on it.
    pub fn fold(&mut self, session: &Session, now: Instant) -> io::Result<()> {
        self.fold_text(session_to_string(session), now)
    }

    /// As [`Store::fold`], with `draft` as the unfinished input.
    pub fn fold_with_draft(
        &mut self,
        session: &Session,
        draft: Option<Draft>,
        now: Instant,
    ) -> io::Result<()> {
        self.fold_text(super::session_to_string_with_draft(session, draft), now)
    }

    fn fold_text(&mut self, text: String, now: Instant) -> io::Result<()> {
        self.session_print = None;
        self.journal_print = None;
        self.fs.write_atomic(&self.path, text.as_bytes())?;
        self.session_print = self.fs.fingerprint(&self.path).ok().flatten();
        // The file now holds everything: pending edits are in it too, and the old journal
        // is no longer needed.
        self.pending.clear();
        self.journal = None;
        self.last_fold = now;
        self.last_sync = now;
        self.journal = Some(Journal::create(
            self.fs.as_ref(),
            &journal_path(&self.path),
            content_hash(text.as_bytes()),
        )?);
        self.journal_print = self
            .fs
            .fingerprint(&journal_path(&self.path))
            .ok()
            .flatten();
        self.needs_fold = false;
        Ok(())
    }

    /// Are the session file and the journal as this process left them? If someone deleted,
    /// replaced, emptied or appended to either, only writing everything anew makes the
    /// files whole again: the journal would not replay onto the file that is there now.
    fn verify(&mut self) -> Result<(), String> {
        if self.needs_fold {
            return Ok(());
        }
        let jpath = journal_path(&self.path);
        let journal_len = self.journal.as_ref().map(|j| j.bytes);
        let checks = [
            (self.path.clone(), self.session_print, None),
            (jpath, self.journal_print, journal_len),
        ];
        for (path, expected, len) in checks {
            let Some(expected) = expected else { continue };
            // A disk that cannot tell is trusted.
            let Ok(now) = self.fs.fingerprint(&path) else {
                continue;
            };
            let what = match now {
                None => Some("was deleted"),
                Some(f) if !f.regular => Some("was replaced by something that is not a file"),
                Some(f) if (f.dev, f.ino) != (expected.dev, expected.ino) => {
                    Some("was replaced by another file")
                }
                Some(f) if f.len != len.unwrap_or(expected.len) => Some("was changed"),
                Some(_) => None,
            };
            if let Some(what) = what {
                let reason = format!(
                    "{} {what} outside kiroku; everything was written again",
                    path.display()
                );
                self.needs_fold = true;
                self.tampered = Some(reason.clone());
                return Err(reason);
            }
        }
        Ok(())
    }

    /// The session someone else put in this session's place (git's fast-forward or checkout,
    /// a copy), as it reads on its own, when the files were found changed and before they are
    /// written anew: what it holds is taken in first, so that writing this record does not
    /// drop it. `None` when nothing was changed, or what is there is no session.
    pub fn replaced_by(&self) -> Option<Session> {
        self.tampered.as_ref()?;
        super::load::load_session(&self.path).ok()
    }

    /// What someone else did to the files, once, after it was repaired by a full save.
    pub fn take_tampered(&mut self) -> Option<String> {
        if self.needs_fold {
            return None;
        }
        self.tampered.take()
    }

    /// Keeps edits in memory without writing (while saving fails): the next full save
    /// covers them, and they are not lost meanwhile.
    pub fn keep(&mut self, edits: Vec<Edit>) {
        self.pending.extend(edits);
    }

    /// Appends edits; `sync_now` (a commit) forces them to disk before returning. Edits
    /// that could not be written wait in memory and go first next time.
    pub fn record(&mut self, edits: Vec<Edit>, sync_now: bool, now: Instant) -> Result<(), String> {
        self.pending.extend(edits);
        self.verify()?;
        if self.needs_fold {
            return Err(format!(
                "{}: waiting to be saved again",
                self.path.display()
            ));
        }
        let jpath = journal_path(&self.path);
        let Some(journal) = self.journal.as_mut() else {
            self.needs_fold = true;
            return Err(format!("{}: no journal", jpath.display()));
        };
        while let Some(edit) = self.pending.first() {
            if let Err(e) = journal.append(edit) {
                // A failed append may have left part of a line: only a fresh journal after
                // a full save is trustworthy now.
                self.needs_fold = true;
                return Err(io_error(&jpath, &e));
            }
            self.pending.remove(0);
        }
        if sync_now {
            self.sync(now)?;
        }
        Ok(())
    }

    pub fn sync(&mut self, now: Instant) -> Result<(), String> {
        if let Some(j) = self.journal.as_mut()
            && let Err(e) = j.sync()
        {
            self.needs_fold = true;
            return Err(io_error(&journal_path(&self.path), &e));
        }
        self.last_sync = now;
        Ok(())
    }

    /// Is anything not yet durable?
    pub fn has_unsynced(&self) -> bool {
        self.needs_fold
            || !self.pending.is_empty()
            || self.journal.as_ref().is_some_and(Journal::has_unsynced)
    }

    /// After a failed write, only a full save makes things whole again.
    pub fn needs_fold(&self) -> bool {
        self.needs_fold
    }

    /// Time-driven work: a sync a second. Returns whether a full save is due.
    pub fn tick(&mut self, now: Instant) -> Result<bool, String> {
        // Checked once a second (the loop ticks far more often while typing), so tampering
        // between commits is noticed within a second.
        if now.duration_since(self.last_verify) >= VERIFY_EVERY {
            self.last_verify = now;
            if self.verify().is_err() {
                return Ok(true);
            }
        }
        if self.needs_fold {
            return Ok(true);
        }
        if self.has_unsynced() && now.duration_since(self.last_sync) >= SYNC_EVERY {
            if !self.pending.is_empty() {
                self.record(Vec::new(), false, now)?;
            }
            self.sync(now)?;
        }
        let records = self.journal.as_ref().map_or(0, |j| j.records);
        Ok(records > 0
            && (now.duration_since(self.last_fold) >= FOLD_EVERY || records >= FOLD_RECORDS))
    }

    /// Moves the session to `path` (save-as after a storage error): everything is written
    /// there, and the old files are left as they were.
    pub fn relocate(
        &mut self,
        path: &Path,
        session: &Session,
        draft: Option<Draft>,
        now: Instant,
    ) -> io::Result<()> {
        let old = std::mem::replace(&mut self.path, path.to_path_buf());
        let journal = self.journal.take();
        if let Err(e) = self.fold_with_draft(session, draft, now) {
            self.path = old;
            self.journal = journal;
            self.needs_fold = true;
            return Err(e);
        }
        Ok(())
    }
}

/// Copies the journal to `<journal>.damaged-YYYYmmdd-HHMMSS`, a new file that nothing will
/// overwrite: created exclusively, never through a link that happens to have that name.
fn keep_damaged_copy(jpath: &Path, files: &super::SessionFiles) -> io::Result<PathBuf> {
    use std::io::Write as _;
    let bytes = super::files::read_regular(jpath)?;
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S").to_string();
    for n in 1.. {
        let path = files.damaged_journal(&stamp, n);
        match super::files::create_new(&path) {
            Ok(mut f) => {
                f.write_all(&bytes)?;
                f.sync_all()?;
                return Ok(path);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    unreachable!("an unused name is found before the numbers run out")
}
