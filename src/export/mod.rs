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
pub mod template;

pub use build::build;
pub use checks::check;
pub use document::{Audience, Document};
pub use flow::preview_item;
pub use names::speaker_label;
pub use style::Style;

use crate::model::Session;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Docx,
    Json,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Text,
        Format::Markdown,
        Format::Html,
        Format::Docx,
        Format::Json,
    ];

    pub fn parse(s: &str) -> Result<Self, String> {
        match s {
            "text" | "txt" => Ok(Format::Text),
            "markdown" | "md" => Ok(Format::Markdown),
            "html" => Ok(Format::Html),
            "docx" => Ok(Format::Docx),
            "json" => Ok(Format::Json),
            _ => Err(format!(
                "`{s}`: expected text, markdown, html, docx or json"
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

/// Renders a built document in `format`.
pub fn render(doc: &Document, format: Format) -> Vec<u8> {
    match format {
        Format::Text => render::text::render(doc).into_bytes(),
        Format::Markdown => render::markdown::render(doc).into_bytes(),
        Format::Html => render::html::render(doc).into_bytes(),
        Format::Json => render::json::render(doc).into_bytes(),
        Format::Docx => render::docx::render(doc),
    }
}

/// The whole export: build for the audience, then render.
pub fn export(session: &Session, audience: Audience, style: &Style, format: Format) -> Vec<u8> {
    render(&build(session, audience, style), format)
}
