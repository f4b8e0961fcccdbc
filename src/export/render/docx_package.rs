//! The two parts of a docx package that docx-rs writes fixed: the metadata (creator
//! `unknown`, created 1970-01-01) and the font table (no Japanese font at all). Both are
//! written anew here; every other part is copied as packed.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::docx::{LATIN, MINCHO};
use crate::export::document::Document;

fn xml_escape(s: &str) -> String {
    crate::model::clean::strip_controls(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn core(doc: &Document) -> String {
    let when = doc.as_of.as_deref().unwrap_or("2000-01-01T00:00:00Z");
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title>",
            "<dc:language>{language}</dc:language>",
            "<dc:creator>kiroku</dc:creator>",
            "<cp:lastModifiedBy>kiroku</cp:lastModifiedBy>",
            "<cp:keywords>{audience}</cp:keywords>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>"#,
            "<cp:revision>1</cp:revision>",
            "</cp:coreProperties>"
        ),
        title = xml_escape(&doc.title),
        language = xml_escape(&doc.language),
        audience = match doc.audience {
            crate::export::Audience::Public => "public",
            crate::export::Audience::Internal => "internal",
        },
        when = xml_escape(when),
    )
}

/// The fonts the document names, with the other spellings of the Mincho (Word matches a
/// font by any of them) and its family, so that a program without it picks a serif.
fn font_table() -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
            r#"<w:font w:name="{mincho}"><w:altName w:val="MS Mincho"/><w:panose1 w:val="02020609040205080304"/><w:charset w:val="80"/><w:family w:val="roman"/><w:pitch w:val="fixed"/></w:font>"#,
            r#"<w:font w:name="{latin}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>"#,
            r#"<w:font w:name="Symbol"><w:charset w:val="02"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>"#,
            r#"<w:font w:name="Arial"><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>"#,
            "</w:fonts>"
        ),
        mincho = MINCHO,
        latin = LATIN,
    )
}

/// The package with its metadata and font table written anew. Everything happens in memory;
/// a failure is a bug in the package docx-rs wrote.
pub fn finish(packed: Vec<u8>, doc: &Document) -> Vec<u8> {
    let mut input = ZipArchive::new(Cursor::new(packed)).expect("docx-rs writes a zip");
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for i in 0..input.len() {
        let file = input.by_index(i).expect("the zip's own entry reads");
        let own = match file.name() {
            "docProps/core.xml" => Some(core(doc)),
            "word/fontTable.xml" => Some(font_table()),
            _ => None,
        };
        match own {
            Some(text) => {
                let name = file.name().to_owned();
                drop(file);
                out.start_file(name, options).expect("a zip entry starts");
                out.write_all(text.as_bytes())
                    .expect("memory takes the bytes");
            }
            None => out.raw_copy_file(file).expect("a zip entry copies"),
        }
    }
    out.finish().expect("the zip finishes").into_inner()
}

/// One part of a package, as text (tests and checks read the package back).
pub fn part(bytes: &[u8], name: &str) -> Option<String> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut file = zip.by_name(name).ok()?;
    let mut s = String::new();
    file.read_to_string(&mut s).ok()?;
    Some(s)
}
