//! The styles that ship with kiroku, and reading a style file: parsed, every template checked
//! (`style_check`), doubled braces of its plain texts made one.

use std::path::Path;

use super::style::Style;
use crate::text_file::{LoadError, LoadErrorKind, ron_options};

/// The styles that ship with kiroku: (name, RON source).
pub const SHIPPED: &[(&str, &str)] = &[
    ("default", include_str!("../../../../styles/default.ron")),
    ("bracket", include_str!("../../../../styles/bracket.ron")),
    (
        "proceedings",
        include_str!("../../../../styles/proceedings.ron"),
    ),
    ("english", include_str!("../../../../styles/english.ron")),
    (
        "kaigiroku",
        include_str!("../../../../styles/kaigiroku.ron"),
    ),
    ("gijiroku", include_str!("../../../../styles/gijiroku.ron")),
    ("youroku", include_str!("../../../../styles/youroku.ron")),
];

impl Style {
    /// Reads a style file, and checks every template in it: a field the template cannot fill
    /// or a template that must print something and is empty is an error at its line and
    /// column, not a literal `{date}` in the minutes.
    pub fn parse(path: &Path, text: &str) -> Result<Self, LoadError> {
        let style: Style = ron_options().from_str(text).map_err(|e| LoadError {
            path: path.to_path_buf(),
            position: Some((e.span.start.line, e.span.start.col)),
            kind: LoadErrorKind::Syntax,
            message: format!("{} (reading this as a style file)", e.code),
        })?;
        // A style's words go into the minutes: no control character comes in with them.
        let style = if crate::model::clean::needs_cleaning(text) {
            crate::model::clean::strip_controls_deep(style)
        } else {
            style
        };
        match super::style_check::check(&style) {
            None => {
                let mut style = style;
                super::style_check::unescape_plain(&mut style);
                Ok(style)
            }
            Some((at, message)) => Err(LoadError {
                path: path.to_path_buf(),
                position: Some(super::template::locate(text, &at)),
                kind: LoadErrorKind::Invalid,
                message: format!("`{}`: {message}", at.join(".")),
            }),
        }
    }

    /// A shipped style by name; `None` when no shipped style has that name (the command
    /// layer then reads it as a file: export itself reads no files).
    pub fn shipped(name: &str) -> Option<Result<Self, LoadError>> {
        SHIPPED
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(name, text)| Self::parse(Path::new(&format!("<style {name}>")), text))
    }

    /// The shipped styles' names, for messages.
    pub fn shipped_names() -> String {
        SHIPPED
            .iter()
            .map(|(n, _)| *n)
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn default_style() -> Self {
        Self::default_ref().clone()
    }

    /// The default style, parsed once (the cleanup preview draws with it every frame).
    pub fn default_ref() -> &'static Self {
        static DEFAULT: std::sync::OnceLock<Style> = std::sync::OnceLock::new();
        // The shipped styles are checked by tests; failing here is a bug.
        DEFAULT.get_or_init(|| {
            Self::shipped("default")
                .and_then(Result::ok)
                .expect("the default style parses")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_style_parses() {
        for (name, _) in SHIPPED {
            let s = Style::shipped(name).unwrap().unwrap();
            assert_eq!(&s.name, name);
        }
    }
}
