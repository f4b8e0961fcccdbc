//! The ends of a session on Windows: Ctrl+Break (Ctrl+C is a key in raw mode, bound to save
//! and quit), the console window closed, logoff and shutdown. Each ends the loop as a signal
//! does on Unix, and everything is saved. Windows ends the process as soon as the handler
//! returns from a close, logoff or shutdown (and gives it a few seconds at most), so the
//! handler waits there until the loop says everything is saved.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use windows_sys::Win32::Foundation::{FALSE, TRUE};
use windows_sys::Win32::System::Console::{
    CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT, SetConsoleCtrlHandler,
};

/// The flags each loop watches, set by the handler.
static FLAGS: Mutex<Vec<Arc<AtomicBool>>> = Mutex::new(Vec::new());
/// Everything is saved: a close, logoff or shutdown may end the process now.
static SAVED: AtomicBool = AtomicBool::new(false);
/// Windows gives a closed console about five seconds before it ends the process.
const CLOSE_GRACE: Duration = Duration::from_millis(4500);

unsafe extern "system" fn handler(event: u32) -> windows_sys::core::BOOL {
    if let Ok(flags) = FLAGS.lock() {
        for f in flags.iter() {
            f.store(true, Ordering::Relaxed);
        }
    }
    if matches!(
        event,
        CTRL_CLOSE_EVENT | CTRL_LOGOFF_EVENT | CTRL_SHUTDOWN_EVENT
    ) {
        let until = Instant::now() + CLOSE_GRACE;
        while !SAVED.load(Ordering::Relaxed) && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    TRUE
}

/// A flag set by Ctrl+Break, the console window closing, logoff and shutdown.
pub fn termination_flag() -> io::Result<Arc<AtomicBool>> {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    let mut result = Ok(());
    INSTALLED.call_once(|| {
        // SAFETY: `handler` is a valid handler routine for the process's lifetime.
        if unsafe { SetConsoleCtrlHandler(Some(handler), TRUE) } == FALSE {
            result = Err(io::Error::last_os_error());
        }
    });
    result?;
    let flag = Arc::new(AtomicBool::new(false));
    FLAGS
        .lock()
        .map_err(|_| io::Error::other("the console handler's flags are poisoned"))?
        .push(Arc::clone(&flag));
    Ok(flag)
}

/// Everything is saved: a console closing may take the process now.
pub fn saved_after_termination() {
    SAVED.store(true, Ordering::Relaxed);
}

/// Windows has no job control: A-z leaves the meeting on screen.
pub const CAN_SUSPEND: bool = false;

pub fn suspend_self() -> io::Result<()> {
    Ok(())
}
