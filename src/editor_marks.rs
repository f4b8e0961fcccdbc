//! Marks the note-taker inserts into remark text.

/// Audio dropped out: in full-width brackets, as minutes print it.
pub const INAUDIBLE: &str = "［聞き取れず］";
