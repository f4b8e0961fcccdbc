//! The user's own settings files under `$XDG_CONFIG_HOME/kiroku` (else `~/.config/kiroku`):
//! the keymap, and who takes the record down (`clerk`: `--clerk`, else `KIROKU_CLERK`, else
//! the name kept there, written the first time kiroku asks).

use std::path::PathBuf;

/// The settings folder: `$XDG_CONFIG_HOME/kiroku` (else `~/.config/kiroku`) on Unix,
/// `%APPDATA%\kiroku` on Windows.
pub fn dir() -> Option<PathBuf> {
    crate::platform::dirs::config_dir()
}

/// The file that keeps the clerk's name: one line.
pub fn clerk_path() -> Option<PathBuf> {
    dir().map(|d| d.join("clerk"))
}

fn clean(name: &str) -> Option<String> {
    let name: String = name.chars().filter(|c| !c.is_control()).collect();
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_owned())
}

/// The clerk's name from the flag, the environment or the config file; `None` when none
/// gives one (the start of recording then asks).
pub fn clerk(flag: Option<String>) -> Option<String> {
    flag.as_deref()
        .and_then(clean)
        .or_else(|| {
            std::env::var("KIROKU_CLERK")
                .ok()
                .as_deref()
                .and_then(clean)
        })
        .or_else(|| {
            let text = std::fs::read_to_string(clerk_path()?).ok()?;
            clean(text.lines().next()?)
        })
}

/// Keeps `name` for next time, creating the config folder; a failure only means kiroku asks
/// again next time.
pub fn remember_clerk(name: &str) -> std::io::Result<()> {
    let Some(path) = clerk_path() else {
        return Ok(());
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    crate::storage::write_atomic_mode(&path, format!("{}\n", name.trim()).as_bytes(), 0o644)
}
