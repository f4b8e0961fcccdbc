//! Export: the session becomes one document model for an audience and a style, and each
//! format renders that model.

mod build;
mod checks;
pub mod dates;
pub mod document;
pub mod era;
mod flow;
mod gaps;
mod items;
mod lines;
mod names;
pub mod render;
pub mod style;
pub mod style_check;
pub mod styles;
pub mod template;

pub use build::build;
pub use checks::{At, Warning, check};
pub use document::{Audience, Document};
pub use flow::preview_item;
pub use names::speaker_label;
pub use render::pdf::PdfError;
pub use style::Style;

use crate::model::Session;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Docx,
    Pdf,
    Json,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Text,
        Format::Markdown,
        Format::Html,
        Format::Docx,
        Format::Pdf,
        Format::Json,
    ];

    /// A file format, not text: never written to a terminal.
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Docx | Format::Pdf)
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        match s {
            "text" | "txt" => Ok(Format::Text),
            "markdown" | "md" => Ok(Format::Markdown),
            "html" => Ok(Format::Html),
            "docx" => Ok(Format::Docx),
            "pdf" => Ok(Format::Pdf),
            "json" => Ok(Format::Json),
            _ => Err(format!(
                "`{s}`: expected text, markdown, html, docx, pdf or json"
            )),
        }
    }
}

impl Audience {
    pub fn parse(s: &str) -> Result<Self, String> {
        match s {
            "public" => Ok(Audience::Public),
            "internal" => Ok(Audience::Internal),
            _ => Err(format!("`{s}`: expected public or internal")),
        }
    }
}

/// Renders a built document in `format`; a PDF in the system's default fonts. Only a PDF
/// can fail: no font for a character it must show.
pub fn render(doc: &Document, format: Format) -> Result<Vec<u8>, PdfError> {
    Ok(match format {
        Format::Text => render::text::render(doc).into_bytes(),
        Format::Markdown => render::markdown::render(doc).into_bytes(),
        Format::Html => render::html::render(doc).into_bytes(),
        Format::Json => render::json::render(doc).into_bytes(),
        Format::Docx => render::docx::render(doc),
        Format::Pdf => render::pdf::render(doc, render::pdf::Fonts::system()?)?,
    })
}

/// The whole export: build for the audience, then render.
pub fn export(
    session: &Session,
    audience: Audience,
    style: &Style,
    format: Format,
) -> Result<Vec<u8>, PdfError> {
    render(&build(session, audience, style), format)
}
