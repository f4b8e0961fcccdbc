//! When what is typed reaches the disk: journal edits at once (synced at every commit), the
//! unfinished input at most once a second, a sync a second, a full save a minute and on
//! quit, and retries after a failed write. The terminal loop calls it; so do tests, with a
//! simulated disk and a simulated clock.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::app::{Action, App, Effect, SaveStatus};
use crate::model::{Draft, Edit, Timestamp, draft_edit};
use crate::storage::{SessionLock, Store};

/// The unfinished input is journaled at most this often while it changes.
pub const DRAFT_EVERY: Duration = Duration::from_secs(1);
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
    /// The unfinished input as last journaled.
    draft: Option<Draft>,
    draft_at: Instant,
    retry_at: Instant,
    /// The last key or paste, so full saves wait for a pause.
    input_at: Instant,
    /// When a full save became due and is waiting for a pause.
    fold_due_since: Option<Instant>,
    /// The session's lock, and those of sessions moved with save-as; held until the end.
    locks: Vec<SessionLock>,
}

impl Recorder {
    pub fn new(store: Store, draft: Option<Draft>, now: Instant) -> Self {
        Self {
            store,
            quit_armed: false,
            awaiting_sync: false,
            draft,
            draft_at: now,
            retry_at: now,
            input_at: now,
            fold_due_since: None,
            locks: Vec::new(),
        }
    }

    /// Keeps the session's lock, and puts its file back if someone removes it.
    pub fn hold(&mut self, lock: SessionLock) {
        self.locks.push(lock);
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    fn report(app: &mut App, wall: Timestamp, result: Result<(), String>) {
        app.update(Action::Saved(result), wall);
    }

    /// Journals what the last steps changed; a commit (or `sync`) is made durable at once.
    fn journal(&mut self, app: &mut App, wall: Timestamp, now: Instant, sync: bool) {
        let mut edits = app.take_outbox();
        if edits.is_empty() && !sync {
            return;
        }
        // A commit empties the input box: record that with it, or a crash right after would
        // bring the committed text back as unfinished input. A change of the input's
        // non-public state or pinned item goes at once too: after a crash the text must come
        // back as non-public as it was, even if the record was put on again meanwhile.
        let meta_now = (!app.editor.is_empty() && app.draft_began.is_some())
            .then_some((app.draft_non_public, app.draft_item));
        let meta_journaled = self.draft.as_ref().map(|d| (d.non_public, d.item));
        if meta_now != meta_journaled
            || edits
                .iter()
                .any(|e| matches!(e, Edit::Append(_) | Edit::Pop))
        {
            let draft = app.draft();
            edits.push(draft_edit(self.draft.as_ref(), draft.as_ref()));
            self.draft = draft;
        }
        let sync = sync || edits.iter().any(|e| !matches!(e, Edit::Live(_)));
        let result = self.store.record(edits, sync, now);
        if result.is_err() && self.store.needs_fold() {
            // The files are not as this process left them, or a write failed: only writing
            // everything anew makes them whole, so try that at once.
            self.flush(app, wall, now, true);
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
            Err(e) => Self::report(app, wall, Err(e)),
            Ok(()) if self.store.has_unsynced() => self.awaiting_sync |= asked,
            Ok(()) if asked => {
                self.awaiting_sync = false;
                Self::report(app, wall, Ok(()));
            }
            Ok(()) => {}
        }
    }

    /// Everything to disk: with `full`, into the session file itself.
    pub fn flush(&mut self, app: &mut App, wall: Timestamp, now: Instant, full: bool) {
        self.journal(app, wall, now, false);
        let result = if full || self.store.needs_fold() {
            self.store
                .fold(app.session_for_save(), now)
                .map_err(|e| format!("{}: {e}", self.store.path().display()))
        } else {
            self.store.sync(now)
        };
        if result.is_ok() {
            self.draft = app.draft();
        }
        self.report_when_durable(app, wall, true, result);
        if let Some(what) = self.store.take_tampered() {
            app.update(Action::Notice(what), wall);
        }
    }

    /// Carries out effects; `true` when the app should end.
    pub fn carry_out(
        &mut self,
        app: &mut App,
        effects: &[Effect],
        wall: Timestamp,
        now: Instant,
    ) -> bool {
        let mut quit = false;
        self.input_at = now;
        self.journal(app, wall, now, effects.contains(&Effect::Save));
        for e in effects {
            match e {
                Effect::Save => {}
                Effect::SaveFull => self.flush(app, wall, now, true),
                Effect::SaveAs(path) => self.save_as(app, wall, now, path),
                Effect::Quit => quit = true,
                // The terminal loop stops the process; everything is journaled by now.
                Effect::Suspend => {}
            }
        }
        if quit && matches!(app.save, SaveStatus::Error(_)) && !self.quit_armed {
            // Leaving now would lose what could not be written: say so, and let a second
            // quit mean it.
            self.quit_armed = true;
            app.message = Some(app.settings.lang.strings().quit_unsaved.to_owned());
            return false;
        }
        quit
    }

    fn save_as(&mut self, app: &mut App, wall: Timestamp, now: Instant, path: &Path) {
        let lock = match SessionLock::acquire(path, &wall.to_rfc3339()) {
            Ok(lock) => lock,
            Err(e) => return Self::report(app, wall, Err(e.to_string())),
        };
        let result = self
            .store
            .relocate(path, app.session_for_save(), now)
            .map_err(|e| format!("{}: {e}", path.display()));
        if result.is_ok() {
            self.locks.push(lock);
            app.save_path = path.to_path_buf();
            app.message = Some(format!(
                "{} {}",
                app.settings.lang.strings().saved_as,
                path.display()
            ));
        }
        Self::report(app, wall, result);
    }

    /// The clock's work, called several times a second.
    pub fn tick(&mut self, app: &mut App, wall: Timestamp, now: Instant) {
        if let Some(lock) = self.locks.first_mut()
            && let Ok(true) = lock.repair()
        {
            let what = format!(
                "{} was removed outside kiroku and was put back; the session stayed locked",
                lock.path().display()
            );
            app.update(Action::Notice(what), wall);
        }
        if matches!(app.save, SaveStatus::Error(_)) {
            // A failed write is retried once a second; everything is still in memory.
            if now.duration_since(self.retry_at) >= RETRY_EVERY {
                self.retry_at = now;
                self.flush(app, wall, now, true);
            }
            return;
        }
        let draft = app.draft();
        if draft != self.draft && now.duration_since(self.draft_at) >= DRAFT_EVERY {
            app.outbox
                .push(draft_edit(self.draft.as_ref(), draft.as_ref()));
            self.draft = draft;
            self.draft_at = now;
            self.journal(app, wall, now, false);
        }
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
                    self.flush(app, wall, now, true);
                }
            }
            Ok(false) => {
                if (was_unsynced || self.awaiting_sync)
                    && !self.store.has_unsynced()
                    && app.draft() == self.draft
                {
                    self.awaiting_sync = false;
                    Self::report(app, wall, Ok(()));
                }
            }
            Err(e) => Self::report(app, wall, Err(e)),
        }
    }
}
