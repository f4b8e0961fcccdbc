//! Keys as the app knows them: a code and its modifiers. The terminal layer translates what
//! the terminal sends into these, so nothing above it depends on a terminal library.

/// A key, apart from its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    Char(char),
    /// F1 … F24.
    F(u8),
    Enter,
    Esc,
    Tab,
    /// Shift+Tab, as terminals send it.
    BackTab,
    Backspace,
    Delete,
    Insert,
    Home,
    End,
    PageUp,
    PageDown,
    Up,
    Down,
    Left,
    Right,
}

bitflags::bitflags! {
    /// Ctrl, Alt (Meta) and Shift: the modifiers a key binding can name.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub struct KeyModifiers: u8 {
        const NONE = 0;
        const SHIFT = 1;
        const CONTROL = 1 << 1;
        const ALT = 1 << 2;
    }
}
