//! The terminal's side of what depends on the operating system, one folder per system:
//! `unix/` (Linux and macOS) and `windows/`. Each gives the same small interface, and nothing
//! outside this module names a system:
//!
//! - `input`: reading the terminal, every waiting event before a frame (`TermInput`), and
//!   telling a terminal that went away from a fault (`gone`);
//! - `signals`: the ends of a session (signals on Unix; Ctrl+C, Ctrl+Break, the console
//!   window closed, logoff and shutdown on Windows), and suspending.
//!
//! Files, processes, the session lock and the user's folders are the core's
//! (`kiroku_core::platform`), here under the same names.

pub use kiroku_core::app::Event;
pub use kiroku_core::platform::{claim, dirs, fs, process};

#[cfg(unix)]
mod unix;
#[cfg(unix)]
pub use unix::{input, signals};

#[cfg(windows)]
mod windows;
#[cfg(windows)]
pub use windows::{input, signals};
