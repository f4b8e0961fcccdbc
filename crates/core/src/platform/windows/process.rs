//! Other processes on this machine.

use windows_sys::Win32::Foundation::{CloseHandle, STILL_ACTIVE};
use windows_sys::Win32::System::Threading::{
    GetExitCodeProcess, OpenProcess, PROCESS_QUERY_LIMITED_INFORMATION,
};

/// Is process `pid` running? One we may not look into (another user's) still is.
pub fn alive(pid: u32) -> bool {
    // SAFETY: OpenProcess takes no pointers; the handle is closed below.
    let handle = unsafe { OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid) };
    if handle.is_null() {
        // No such process, or one we are denied: only the first means it is gone.
        return std::io::Error::last_os_error().raw_os_error() == Some(5);
    }
    let mut code = 0u32;
    // SAFETY: a valid process handle and a valid pointer to a u32.
    let ok = unsafe { GetExitCodeProcess(handle, &mut code) };
    // SAFETY: the handle was opened above and is closed once.
    unsafe { CloseHandle(handle) };
    ok != 0 && code == STILL_ACTIVE as u32
}
