//! Everything that depends on the operating system, one folder per system: `unix/` (Linux
//! and macOS) and `windows/`. Each gives the same small interface, and nothing outside this
//! module names a system:
//!
//! - `input`: reading the terminal, every waiting event before a frame (`TermInput`), and
//!   telling a terminal that went away from a fault (`gone`);
//! - `signals`: the ends of a session (signals on Unix; Ctrl+C, Ctrl+Break, the console
//!   window closed, logoff and shutdown on Windows), and suspending;
//! - `fs`: opening files without following a link or waiting on a pipe, what sits at a path,
//!   a file's identity, modes, syncing a folder, names the system forbids, a file another
//!   program holds open, and the session lock's own byte;
//! - `claim`: the session lock that has no file (Linux), `process`: is a process alive,
//!   `dirs`: where the user's settings live and whether the local time zone is known.

mod event;

pub use event::Event;

#[cfg(unix)]
mod unix;
#[cfg(unix)]
pub use unix::{claim, dirs, fs, input, process, signals};

#[cfg(windows)]
mod windows;
#[cfg(windows)]
pub use windows::{claim, dirs, fs, input, process, signals};

#[cfg(not(any(unix, windows)))]
compile_error!("kiroku runs on Unix (Linux, macOS) and Windows");
