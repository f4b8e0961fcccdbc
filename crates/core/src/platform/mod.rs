//! What depends on the operating system below the terminal, one folder per system: `unix/`
//! (Linux and macOS) and `windows/`. Each gives the same small interface, and nothing outside
//! this module names a system (the terminal's side, reading keys and the ends of a session, is
//! the kiroku crate's `platform`, built the same way):
//!
//! - `fs`: opening files without following a link or waiting on a pipe, what sits at a path,
//!   a file's identity, modes, syncing a folder, names the system forbids, a file another
//!   program holds open, and the session lock's own byte;
//! - `claim`: the session lock that has no file (Linux), `process`: is a process alive,
//!   `dirs`: where the user's settings live and whether the local time zone is known.

#[cfg(unix)]
mod unix;
#[cfg(unix)]
pub use unix::{claim, dirs, fs, process};

#[cfg(windows)]
mod windows;
#[cfg(windows)]
pub use windows::{claim, dirs, fs, process};

#[cfg(not(any(unix, windows)))]
compile_error!("kiroku runs on Unix (Linux, macOS) and Windows");
