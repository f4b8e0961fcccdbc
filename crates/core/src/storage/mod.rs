//! Files on disk: the RON formats, loading with precise errors, atomic saves, the session lock.

mod atomic;
mod files;
mod format;
mod fs;
mod guard;
pub mod journal;
mod load;
mod locate;
mod lock;
mod paths;
mod read;
mod store;

pub use crate::text_file::{LoadError, LoadErrorKind};
pub use atomic::{write_atomic, write_atomic_mode, write_atomic_with};
pub use files::{
    MAX_DOCUMENT, MAX_READ, check_writable_place, read_document, read_regular, read_utf8,
    resolve_links, write_output,
};
pub use format::ron_options;
pub use format::{
    CURRENT_VERSION, FileKind, agenda_to_string, session_to_string, session_to_string_with_draft,
};
pub use fs::{Fs, RealFs};
pub use guard::{Intent, Refusal, check_output};
pub use load::{Loaded, load_file, load_session, parse_agenda, parse_session};
pub use locate::line_col;
pub use lock::{LockError, LockHolder, SessionLock, holder};
pub use paths::{
    SessionFiles, default_session_path, journal_path, lock_path, recovery_path, sibling_kind,
};
pub use read::{
    Read, Replay, SessionRead, load_agenda, read_any, read_session, read_session_with_journal,
    replay_journal,
};
pub use store::{Recovered, Store};

use std::path::Path;

use crate::model::Session;

/// Writes the session file atomically and durably, with mode 0600.
pub fn save_session(path: &Path, session: &Session) -> std::io::Result<()> {
    write_atomic(path, session_to_string(session).as_bytes())
}
