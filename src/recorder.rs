//! When what is typed reaches the disk: the edits each update step returns go to the journal
//! at once (synced at every commit), a sync a second, a full save a minute and on quit, and
//! retries after a failed write. It writes nothing of the app's own: what it has to say (a
//! save finished or failed, a file was changed behind its back) goes back as actions. The
//! terminal loop calls it; so do tests, with a simulated disk and a simulated clock.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::app::{Action, App, Effect, SaveStatus, Step};
use crate::model::{Edit, Timestamp};
use crate::storage::{SessionLock, Store};

/// After a failed write, kiroku tries again this often.
pub const RETRY_EVERY: Duration = Duration::from_secs(1);
/// A due full save waits for a pause in typing this long…
pub const PAUSE_BEFORE_FOLD: Duration = Duration::from_secs(2);
/// …but no longer than this: the journal keeps everything safe meanwhile.
pub const FOLD_AT_LATEST: Duration = Duration::from_secs(300);

pub struct Recorder {
    store: Store,
    /// A quit was refused because saving failed; the next quit goes through.
    quit_armed: bool,
    /// A save is written and its fsync asked for but not finished: "saved" waits for it.
    awaiting_sync: bool,
    retry_at: Instant,
    /// The last key or paste, so full saves wait for a pause.
    input_at: Instant,
    /// When a full save became due and is waiting for a pause.
    fold_due_since: Option<Instant>,
    /// The session's lock, and those of sessions moved with save-as; held until the end.
    locks: Vec<SessionLock>,
    /// When the lock file was last checked (once a second).
    lock_checked: Instant,
}

impl Recorder {
    pub fn new(store: Store, now: Instant) -> Self {
        Self {
            store,
            quit_armed: false,
            awaiting_sync: false,
            retry_at: now,
            input_at: now,
            fold_due_since: None,
            locks: Vec::new(),
            lock_checked: now,
        }
    }

    /// Keeps the session's lock, and puts its file back if someone removes it.
    pub fn hold(&mut self, lock: SessionLock) {
        self.locks.push(lock);
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    fn report(&mut self, app: &mut App, wall: Timestamp, result: Result<(), String>) {
        self.tell(app, Action::Saved(result), wall);
    }

    /// Journals `edits`; a commit (or `sync`) is made durable at once.
    fn journal(
        &mut self,
        app: &mut App,
        edits: Vec<Edit>,
        wall: Timestamp,
        now: Instant,
        sync: bool,
    ) {
        if edits.is_empty() && !sync {
            return;
        }
        let sync = sync || edits.iter().any(|e| !matches!(e, Edit::Live(_)));
        let result = self.store.record(edits, sync, now);
        let failing = matches!(app.save, SaveStatus::Error(_));
        if result.is_err() && self.store.needs_fold() && !failing {
            // The files are not as this process left them, or a write failed: only writing
            // everything anew makes them whole, so try that at once (and then once a second,
            // from `tick`, while it keeps failing).
            self.fold(app, wall, now);
            return;
        }
        self.report_when_durable(app, wall, sync, result);
    }

    /// Reports a write: an error at once, success only once the disk has everything (the
    /// journal's fsync runs on a thread of its own); until then the header says unsaved and
    /// `tick` reports it when the sync has finished.
    fn report_when_durable(
        &mut self,
        app: &mut App,
        wall: Timestamp,
        asked: bool,
        result: Result<(), String>,
    ) {
        match result {
            Err(e) => self.report(app, wall, Err(e)),
            Ok(()) if self.store.has_unsynced() => self.awaiting_sync |= asked,
            Ok(()) if asked => {
                self.awaiting_sync = false;
                self.report(app, wall, Ok(()));
            }
            Ok(()) => {}
        }
    }

    /// Everything into the session file itself, written anew; the journal is emptied.
    pub fn fold(&mut self, app: &mut App, wall: Timestamp, now: Instant) {
        // The file was replaced under this kiroku (git, a copy): what the file there holds
        // and this record lacks is merged in first, so the full save below keeps it.
        if let Some(there) = self.store.replaced_by() {
            let step = app.update(Action::TakeIn(Box::new(there)), wall);
            self.store.keep(step.edits);
        }
        let result = self
            .store
            .fold_with_draft(&app.session, app.draft(), now)
            .map_err(|e| format!("{}: {e}", self.store.path().display()));
        if result.is_ok() {
            self.tell(app, Action::Folded, wall);
        }
        self.report_when_durable(app, wall, true, result);
        if let Some(what) = self.store.take_tampered() {
            self.tell(app, Action::Notice(what), wall);
        }
    }

    /// Reports back to the app; what the app does with it changes nothing in the record.
    fn tell(&mut self, app: &mut App, action: Action, wall: Timestamp) {
        let step = app.update(action, wall);
        debug_assert!(
            step.edits.is_empty() && step.effects.is_empty(),
            "a report changed the record"
        );
    }

    /// Journals the step of a key and carries out its effects; `true` when the app should
    /// end. A key is typing: the next full save waits for a pause after it.
    pub fn carry_out(&mut self, app: &mut App, step: Step, wall: Timestamp, now: Instant) -> bool {
        self.input_at = now;
        self.carry_out_own(app, step, wall, now)
    }

    /// As [`Recorder::carry_out`], for a step of the loop's own (a resize, the views'
    /// measurements): no key was pressed, so no pause in typing is broken.
    pub fn carry_out_own(
        &mut self,
        app: &mut App,
        step: Step,
        wall: Timestamp,
        now: Instant,
    ) -> bool {
        let Step { effects, edits } = step;
        let mut quit = false;
        self.journal(app, edits, wall, now, effects.contains(&Effect::Sync));
        for e in &effects {
            match e {
                Effect::Sync => {}
                Effect::Fold => self.fold(app, wall, now),
                Effect::SaveAs(path) => self.save_as(app, wall, now, path),
                Effect::Quit => quit = true,
                // The terminal loop stops the process; everything is journaled by now.
                Effect::Suspend => {}
                Effect::RememberClerk(name) => {
                    // Only a convenience: failing, kiroku asks again next time.
                    if let Err(e) = crate::config::remember_clerk(name) {
                        self.tell(app, Action::Notice(format!("{name}: {e}")), wall);
                    }
                }
            }
        }
        if quit && matches!(app.save, SaveStatus::Error(_)) && !self.quit_armed {
            // Leaving now would lose what could not be written: say so, and let a second
            // quit mean it.
            self.quit_armed = true;
            self.tell(app, Action::QuitRefused, wall);
            return false;
        }
        quit
    }

    fn save_as(&mut self, app: &mut App, wall: Timestamp, now: Instant, path: &Path) {
        // Save-as makes a new session file; it never replaces one that is there (another
        // meeting, perhaps).
        let files = crate::storage::SessionFiles::new(path);
        if let Some(there) = [path.to_path_buf(), files.journal()]
            .into_iter()
            .find(|p| std::fs::symlink_metadata(p).is_ok())
        {
            let why = format!("{} already exists: choose a new name", there.display());
            return self.report(app, wall, Err(why));
        }
        if let Err(refused) = crate::storage::check_output(path, crate::storage::Intent::New) {
            return self.report(app, wall, Err(refused.say(app.settings.lang)));
        }
        let lock = match SessionLock::acquire(path, &wall.to_rfc3339()) {
            Ok(lock) => lock,
            Err(e) => return self.report(app, wall, Err(e.to_string())),
        };
        let result = self
            .store
            .relocate(path, &app.session, app.draft(), now)
            .map_err(|e| format!("{}: {e}", path.display()));
        if result.is_ok() {
            self.locks.push(lock);
            self.tell(app, Action::Folded, wall);
            self.tell(app, Action::SavedAs(path.to_path_buf()), wall);
        }
        self.report(app, wall, result);
    }

    /// The clock's work, called several times a second.
    pub fn tick(&mut self, app: &mut App, wall: Timestamp, now: Instant) {
        let lock_due = now.duration_since(self.lock_checked) >= Duration::from_secs(1);
        if lock_due {
            self.lock_checked = now;
        }
        if let Some(lock) = self.locks.first_mut().filter(|_| lock_due)
            && let Ok(true) = lock.repair()
        {
            let what = format!(
                "{} was removed outside kiroku and was put back; the session stayed locked",
                lock.path().display()
            );
            self.tell(app, Action::Notice(what), wall);
        }
        // The clock's step: the unfinished input, if it changed, comes back as an edit.
        let step = app.update(Action::Tick, wall);
        if matches!(app.save, SaveStatus::Error(_)) {
            // A failed write is retried once a second; everything is still in memory.
            self.store.keep(step.edits);
            if now.duration_since(self.retry_at) >= RETRY_EVERY {
                self.retry_at = now;
                self.fold(app, wall, now);
            }
            return;
        }
        self.journal(app, step.edits, wall, now, false);
        let was_unsynced = self.store.has_unsynced();
        match self.store.tick(now) {
            Ok(true) => {
                // The full save waits for a pause in typing, so it never holds up a key.
                let since = *self.fold_due_since.get_or_insert(now);
                if now.duration_since(self.input_at) >= PAUSE_BEFORE_FOLD
                    || now.duration_since(since) >= FOLD_AT_LATEST
                    || self.store.needs_fold()
                {
                    self.fold_due_since = None;
                    self.fold(app, wall, now);
                }
            }
            Ok(false) => {
                if (was_unsynced || self.awaiting_sync)
                    && !self.store.has_unsynced()
                    && app.draft_is_journaled()
                {
                    self.awaiting_sync = false;
                    self.report(app, wall, Ok(()));
                }
            }
            Err(e) => self.report(app, wall, Err(e)),
        }
    }
}
