//! What reading any of kiroku's own text files shares (sessions, agendas, styles, keymaps):
//! the error that names the file, line and column, positions in a text, and the RON options
//! every file is read with. A leaf: the readers above it use it, it uses none of them.

use std::fmt;
use std::path::{Path, PathBuf};

/// Why a file could not be loaded; printed as `path:line:column: message`.
#[derive(Debug)]
pub struct LoadError {
    pub path: PathBuf,
    /// 1-based line and column, where the problem has a place in the file.
    pub position: Option<(usize, usize)>,
    pub kind: LoadErrorKind,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadErrorKind {
    Io,
    Empty,
    NotUtf8,
    Syntax,
    NewerVersion,
    UnknownVersion,
    Invalid,
}

impl LoadError {
    pub fn new(
        path: &Path,
        kind: LoadErrorKind,
        position: Option<(usize, usize)>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            path: path.to_path_buf(),
            position,
            kind,
            message: message.into(),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some((line, col)) = self.position {
            write!(f, ":{line}:{col}")?;
        }
        // The message may quote the file, and the file may hold escape sequences: show them
        // as text rather than let them drive the terminal.
        write!(f, ": {}", self.message.escape_default_controls())
    }
}

impl std::error::Error for LoadError {}

trait EscapeControls {
    fn escape_default_controls(&self) -> String;
}

impl EscapeControls for String {
    fn escape_default_controls(&self) -> String {
        self.chars()
            .map(|c| {
                if crate::model::clean::is_stray_control(c) || c == '\n' {
                    c.escape_default().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect()
    }
}

/// 1-based line and column (in characters) of byte offset `at`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The options every file is read with: `implicit_some` lets optional fields be written bare
/// (`hotkey: 1` rather than `hotkey: Some(1)`).
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}
