//! The ends of a session on Unix (SIGHUP, SIGTERM, SIGQUIT, SIGINT), and suspending.

use std::io;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// Set by SIGHUP (terminal closed, ssh dropped), SIGTERM, SIGQUIT and SIGINT (`kill -INT`;
/// Ctrl+C itself is a key in raw mode, bound to save and quit).
pub fn termination_flag() -> io::Result<Arc<AtomicBool>> {
    let flag = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGQUIT,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(sig, Arc::clone(&flag))?;
    }
    Ok(flag)
}

/// Everything is saved after a termination was asked for. A signal's process simply exits
/// afterwards; nothing waits for this on Unix.
pub fn saved_after_termination() {}

/// Whether [`suspend_self`] can stop the process (job control).
pub const CAN_SUSPEND: bool = true;

/// Stops the process as the shell's Ctrl+Z would, until `fg`.
pub fn suspend_self() -> io::Result<()> {
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)
}
