//! What the terminal said, in the app's terms, on every system.

use super::KeyChord;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A key pressed (releases and repeats are left out).
    Key(KeyChord),
    /// A paste: bracketed on Unix; on Windows a burst of keys that holds a line break.
    Paste(String),
    /// The terminal's new size: columns, rows.
    Resize(u16, u16),
}
