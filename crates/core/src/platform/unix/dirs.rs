//! Where things live on Unix.

use std::path::PathBuf;

/// `$XDG_CONFIG_HOME/kiroku`, else `~/.config/kiroku`.
pub fn config_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("kiroku"))
}

/// Does the system say what its local time zone is? Without `/etc/localtime` (a container,
/// say) the C library falls back to UTC without a word.
pub fn zone_known() -> bool {
    std::path::Path::new("/etc/localtime").exists()
}
