//! Everything that depends on the operating system, in one place: signals, waiting on and
//! reading the terminal, suspending, opening files without following links, file modes and
//! identities, and the session lock that has no file. Today that is Unix (Linux and macOS);
//! a Windows port is this module's work and nothing else's.

#[cfg(not(unix))]
compile_error!(
    "kiroku runs on Unix (Linux, macOS) today; the platform module is where a port begins"
);

pub mod fs;
mod lock_claim;
pub mod process;
pub mod signals;
pub mod tty;

pub use lock_claim::claim;
