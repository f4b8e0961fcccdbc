//! Signals: the ones that end a meeting, the one that suspends it, and the resize.

use std::io;
use std::os::unix::net::UnixStream;
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

/// Stops the process as the shell's Ctrl+Z would, until `fg`.
pub fn suspend_self() -> io::Result<()> {
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)
}

/// A socket that SIGWINCH writes a byte to, so a wait on the terminal wakes on a resize.
pub struct ResizeSignal {
    reader: UnixStream,
    id: Option<signal_hook::SigId>,
}

impl ResizeSignal {
    pub fn new() -> io::Result<Self> {
        let (reader, writer) = UnixStream::pair()?;
        reader.set_nonblocking(true)?;
        let id = signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, writer)?;
        Ok(Self {
            reader,
            id: Some(id),
        })
    }

    /// One that never fires: for parsing without a terminal.
    pub fn none() -> io::Result<Self> {
        Ok(Self {
            reader: UnixStream::pair()?.0,
            id: None,
        })
    }

    pub fn socket(&self) -> &UnixStream {
        &self.reader
    }

    /// Takes the bytes the signal wrote, so the next wait sleeps again.
    pub fn drain(&mut self) {
        let mut buf = [0u8; 64];
        while matches!(io::Read::read(&mut self.reader, &mut buf), Ok(n) if n > 0) {}
    }
}

impl Drop for ResizeSignal {
    fn drop(&mut self) {
        if let Some(id) = self.id.take() {
            signal_hook::low_level::unregister(id);
        }
    }
}
