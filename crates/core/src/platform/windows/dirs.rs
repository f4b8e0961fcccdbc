//! Where things live on Windows.

use std::path::PathBuf;

/// `%APPDATA%\kiroku` (the user's roaming settings, `C:\Users\NAME\AppData\Roaming\kiroku`).
pub fn config_dir() -> Option<PathBuf> {
    std::env::var_os("APPDATA")
        .filter(|v| !v.is_empty())
        .map(|a| PathBuf::from(a).join("kiroku"))
}

/// Windows always knows its local time zone (the Settings app sets it).
pub fn zone_known() -> bool {
    true
}
