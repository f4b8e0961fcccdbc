//! The docx package: the parts besides the document (content types, relationships, styles,
//! settings, the font table, the page header and footer, the metadata), and the zip.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::wml::{self, Fonts, PPr, Para, RPr, Spacing, StyleDef, Xml};
use super::{LATIN, MINCHO};
use crate::export::document::Document;

pub const FOOTER_ID: &str = "rIdFooter";
pub const HEADER_ID: &str = "rIdHeader";

const CONTENT: &str = "application/vnd.openxmlformats-officedocument";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn content_types(header: bool) -> String {
    let mut x = Xml::new();
    x.open(
        "Types",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/content-types",
        )],
    );
    x.empty(
        "Default",
        &[
            ("Extension", "rels"),
            (
                "ContentType",
                "application/vnd.openxmlformats-package.relationships+xml",
            ),
        ],
    );
    x.empty(
        "Default",
        &[("Extension", "xml"), ("ContentType", "application/xml")],
    );
    let parts: Vec<(&str, String)> = [
        (
            "/word/document.xml",
            format!("{CONTENT}.wordprocessingml.document.main+xml"),
        ),
        (
            "/word/styles.xml",
            format!("{CONTENT}.wordprocessingml.styles+xml"),
        ),
        (
            "/word/settings.xml",
            format!("{CONTENT}.wordprocessingml.settings+xml"),
        ),
        (
            "/word/fontTable.xml",
            format!("{CONTENT}.wordprocessingml.fontTable+xml"),
        ),
        (
            "/word/footer1.xml",
            format!("{CONTENT}.wordprocessingml.footer+xml"),
        ),
        ("/word/theme/theme1.xml", format!("{CONTENT}.theme+xml")),
        (
            "/docProps/core.xml",
            "application/vnd.openxmlformats-package.core-properties+xml".to_owned(),
        ),
        (
            "/docProps/app.xml",
            format!("{CONTENT}.extended-properties+xml"),
        ),
    ]
    .into_iter()
    .chain(header.then(|| {
        (
            "/word/header1.xml",
            format!("{CONTENT}.wordprocessingml.header+xml"),
        )
    }))
    .collect();
    for (name, kind) in &parts {
        x.empty("Override", &[("PartName", name), ("ContentType", kind)]);
    }
    x.close("Types");
    x.finish()
}

fn relationships(rels: &[(&str, &str, &str)]) -> String {
    let mut x = Xml::new();
    x.open(
        "Relationships",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/relationships",
        )],
    );
    for (id, kind, target) in rels {
        x.empty(
            "Relationship",
            &[("Id", id), ("Type", kind), ("Target", target)],
        );
    }
    x.close("Relationships");
    x.finish()
}

fn package_rels() -> String {
    relationships(&[
        (
            "rId1",
            &format!("{REL}/officeDocument"),
            "word/document.xml",
        ),
        (
            "rId2",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml",
        ),
        (
            "rId3",
            &format!("{REL}/extended-properties"),
            "docProps/app.xml",
        ),
    ])
}

fn document_rels(header: bool) -> String {
    let (styles, settings, fonts, footer, head, theme) = (
        format!("{REL}/styles"),
        format!("{REL}/settings"),
        format!("{REL}/fontTable"),
        format!("{REL}/footer"),
        format!("{REL}/header"),
        format!("{REL}/theme"),
    );
    let mut rels = vec![
        ("rIdStyles", styles.as_str(), "styles.xml"),
        ("rIdTheme", theme.as_str(), "theme/theme1.xml"),
        ("rIdSettings", settings.as_str(), "settings.xml"),
        ("rIdFonts", fonts.as_str(), "fontTable.xml"),
        (FOOTER_ID, footer.as_str(), "footer1.xml"),
    ];
    if header {
        rels.push((HEADER_ID, head.as_str(), "header1.xml"));
    }
    relationships(&rels)
}

/// The document's language as Word's lang wants it for Latin and East Asian text.
fn languages(doc: &Document) -> (String, String) {
    match doc.language.as_str() {
        "ja" | "" => ("ja-JP".into(), "ja-JP".into()),
        "en" => ("en-US".into(), "ja-JP".into()),
        other => (other.to_owned(), "ja-JP".into()),
    }
}

fn styles(doc: &Document) -> String {
    let mut x = Xml::new();
    x.open("w:styles", &[("xmlns:w", wml::W)]);
    x.open("w:docDefaults", &[]);
    x.open("w:rPrDefault", &[]);
    RPr {
        fonts: Some(Fonts {
            latin: LATIN,
            east_asia: MINCHO,
        }),
        // Half-points: 10.5pt, the usual size of Japanese documents.
        size: Some(21),
        lang: Some(languages(doc)),
        ..RPr::default()
    }
    .write(&mut x);
    x.close("w:rPrDefault");
    x.open("w:pPrDefault", &[]);
    x.close("w:pPrDefault");
    x.close("w:docDefaults");
    x.open(
        "w:style",
        &[
            ("w:type", "paragraph"),
            ("w:default", "1"),
            ("w:styleId", "Normal"),
        ],
    );
    x.empty("w:name", &[("w:val", "Normal")]);
    x.empty("w:qFormat", &[]);
    x.close("w:style");
    let heading = |id, name, size, bold, outline| StyleDef {
        id,
        name,
        ppr: PPr {
            outline,
            ..PPr::default()
        },
        rpr: RPr {
            bold,
            size: Some(size),
            ..RPr::default()
        },
    };
    let title = StyleDef {
        id: "Title",
        name: "Title",
        ppr: PPr {
            jc: Some(wml::Jc::Center),
            spacing: Some(Spacing {
                before: 0,
                after: 240,
            }),
            ..PPr::default()
        },
        rpr: RPr {
            bold: true,
            size: Some(32),
            ..RPr::default()
        },
    };
    for s in [
        title,
        heading("Heading1", "heading 1", 23, true, Some(0)),
        heading("Heading2", "heading 2", 21, true, Some(1)),
        heading("Heading3", "heading 3", 21, false, Some(2)),
        heading("Speaker", "Speaker", 21, false, None),
    ] {
        s.write(&mut x);
    }
    x.close("w:styles");
    x.finish()
}

fn settings() -> String {
    let mut x = Xml::new();
    x.open("w:settings", &[("xmlns:w", wml::W)]);
    x.empty("w:zoom", &[("w:percent", "100")]);
    x.empty("w:defaultTabStop", &[("w:val", "840")]);
    // 禁則 and the narrower punctuation Japanese documents set.
    x.empty(
        "w:characterSpacingControl",
        &[("w:val", "compressPunctuation")],
    );
    x.open("w:compat", &[]);
    x.empty(
        "w:compatSetting",
        &[
            ("w:name", "compatibilityMode"),
            ("w:uri", "http://schemas.microsoft.com/office/word"),
            ("w:val", "15"),
        ],
    );
    x.close("w:compat");
    x.close("w:settings");
    x.finish()
}

/// The fonts the document names, with the other spellings of the Mincho (Word matches a
/// font by any of them) and its family, so that a program without it picks a serif.
fn font_table() -> String {
    let mut x = Xml::new();
    x.open("w:fonts", &[("xmlns:w", wml::W)]);
    for (name, alt, panose, charset, pitch) in [
        (
            MINCHO,
            Some("MS Mincho"),
            "02020609040205080304",
            "80",
            "fixed",
        ),
        (LATIN, None, "02020603050405020304", "00", "variable"),
    ] {
        x.open("w:font", &[("w:name", name)]);
        if let Some(alt) = alt {
            x.empty("w:altName", &[("w:val", alt)]);
        }
        x.empty("w:panose1", &[("w:val", panose)]);
        x.empty("w:charset", &[("w:val", charset)]);
        x.empty("w:family", &[("w:val", "roman")]);
        x.empty("w:pitch", &[("w:val", pitch)]);
        x.close("w:font");
    }
    x.close("w:fonts");
    x.finish()
}

/// A header or footer part (`w:hdr`, `w:ftr`) holding one paragraph.
fn margin_part(tag: &str, p: &Para) -> String {
    let mut x = Xml::new();
    x.open(tag, &[("xmlns:w", wml::W), ("xmlns:r", wml::R)]);
    p.write(&mut x);
    x.close(tag);
    x.finish()
}

/// The theme Word requires of every document: its colours and fonts, with the Mincho as the
/// East Asian face; the three fill, line and effect styles DrawingML's schema asks for.
fn theme() -> String {
    let mut x = Xml::new();
    x.open(
        "a:theme",
        &[
            (
                "xmlns:a",
                "http://schemas.openxmlformats.org/drawingml/2006/main",
            ),
            ("name", "kiroku"),
        ],
    );
    x.open("a:themeElements", &[]);
    x.open("a:clrScheme", &[("name", "kiroku")]);
    let colours = [
        ("a:dk1", "000000"),
        ("a:lt1", "FFFFFF"),
        ("a:dk2", "1F1F1F"),
        ("a:lt2", "EEEEEE"),
        ("a:accent1", "2F5597"),
        ("a:accent2", "C55A11"),
        ("a:accent3", "548235"),
        ("a:accent4", "7F6000"),
        ("a:accent5", "7030A0"),
        ("a:accent6", "404040"),
        ("a:hlink", "0563C1"),
        ("a:folHlink", "954F72"),
    ];
    for (name, rgb) in colours {
        x.open(name, &[]);
        x.empty("a:srgbClr", &[("val", rgb)]);
        x.close(name);
    }
    x.close("a:clrScheme");
    x.open("a:fontScheme", &[("name", "kiroku")]);
    for group in ["a:majorFont", "a:minorFont"] {
        x.open(group, &[]);
        x.empty("a:latin", &[("typeface", LATIN)]);
        x.empty("a:ea", &[("typeface", MINCHO)]);
        x.empty("a:cs", &[("typeface", LATIN)]);
        x.close(group);
    }
    x.close("a:fontScheme");
    x.open("a:fmtScheme", &[("name", "kiroku")]);
    let solid = |x: &mut Xml| {
        x.open("a:solidFill", &[]);
        x.empty("a:schemeClr", &[("val", "phClr")]);
        x.close("a:solidFill");
    };
    let fills = |x: &mut Xml, list: &str| {
        x.open(list, &[]);
        for _ in 0..3 {
            solid(x);
        }
        x.close(list);
    };
    fills(&mut x, "a:fillStyleLst");
    x.open("a:lnStyleLst", &[]);
    for w in ["6350", "12700", "19050"] {
        x.open("a:ln", &[("w", w)]);
        solid(&mut x);
        x.close("a:ln");
    }
    x.close("a:lnStyleLst");
    x.open("a:effectStyleLst", &[]);
    for _ in 0..3 {
        x.open("a:effectStyle", &[]);
        x.empty("a:effectLst", &[]);
        x.close("a:effectStyle");
    }
    x.close("a:effectStyleLst");
    // DrawingML puts the background fills after the effects.
    fills(&mut x, "a:bgFillStyleLst");
    x.close("a:fmtScheme");
    x.close("a:themeElements");
    x.close("a:theme");
    x.finish()
}

fn core(doc: &Document) -> String {
    let when = doc.as_of.as_deref().unwrap_or("2000-01-01T00:00:00Z");
    let mut x = Xml::new();
    x.open(
        "cp:coreProperties",
        &[
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:dcmitype", "http://purl.org/dc/dcmitype/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ],
    );
    x.text(
        "dc:title",
        &[],
        &crate::export::document::one_line(&doc.title),
    );
    x.text("dc:language", &[], &doc.language);
    x.text("dc:creator", &[], "kiroku");
    x.text(
        "cp:keywords",
        &[],
        match doc.audience {
            crate::export::Audience::Public => "public",
            crate::export::Audience::Internal => "internal",
        },
    );
    x.text("cp:lastModifiedBy", &[], "kiroku");
    x.text("cp:revision", &[], "1");
    let dated = [("xsi:type", "dcterms:W3CDTF")];
    x.text("dcterms:created", &dated, when);
    x.text("dcterms:modified", &dated, when);
    x.close("cp:coreProperties");
    x.finish()
}

fn app() -> String {
    let mut x = Xml::new();
    x.open(
        "Properties",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
        )],
    );
    x.text("Application", &[], "kiroku");
    x.close("Properties");
    x.finish()
}

/// The whole package, in memory: `[Content_Types].xml` first, as readers expect.
pub fn pack(doc: &Document, document: String, footer: Para, header: Option<Para>) -> Vec<u8> {
    let mut parts: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", content_types(header.is_some())),
        ("_rels/.rels", package_rels()),
        ("docProps/core.xml", core(doc)),
        ("docProps/app.xml", app()),
        ("word/document.xml", document),
        (
            "word/_rels/document.xml.rels",
            document_rels(header.is_some()),
        ),
        ("word/styles.xml", styles(doc)),
        ("word/settings.xml", settings()),
        ("word/fontTable.xml", font_table()),
        ("word/theme/theme1.xml", theme()),
        ("word/footer1.xml", margin_part("w:ftr", &footer)),
    ];
    if let Some(h) = &header {
        parts.push(("word/header1.xml", margin_part("w:hdr", h)));
    }
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    // In memory there is no I/O to fail: an error here is a bug.
    for (name, text) in parts {
        out.start_file(name, options).expect("a zip entry starts");
        out.write_all(text.as_bytes())
            .expect("memory takes the bytes");
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
