//! A Word document with the same structure, A4, in a Japanese Mincho font, numbered pages and
//! (for an internal record) the warning at the top of every page: clerks finish the minutes
//! in Word, or print them from LibreOffice. WordprocessingML is written by kiroku itself,
//! through typed parts whose writers keep the schema's order (`wml`), so that Word opens the
//! file as it is, with nothing to repair.

mod package;
mod wml;

pub use package::part;

use unicode_width::UnicodeWidthStr;
use wml::{Ind, Inline, Jc, PPr, Para, RPr, Spacing, Xml};

use crate::export::document::{Block, Document, Paragraph};
use crate::model::TextAt;

/// Body font. ＭＳ 明朝 is on every Japanese Windows and in Office for Mac, and LibreOffice's
/// font replacement table maps it to the Mincho it has (IPA明朝, Noto Serif CJK JP); a name it
/// does not know (游明朝) falls back to a Gothic face. The font table names its other
/// spellings.
pub const MINCHO: &str = "ＭＳ 明朝";
/// Latin text: a serif every system and LibreOffice's table know.
pub const LATIN: &str = "Times New Roman";

/// Space after each paragraph, in twentieths of a point: minutes read as separate blocks.
const AFTER: u32 = 120;
const BEFORE_HEADING: u32 = 240;
/// The width of one half-width character at 10.5 pt, in twentieths of a point.
const HALF_CHAR: u32 = 105;
const INDENT: u32 = 420;

fn spaced() -> PPr {
    PPr {
        spacing: Some(Spacing {
            before: 0,
            after: AFTER,
        }),
        ..PPr::default()
    }
}

fn para(text: &str) -> Para {
    Para::text(spaced(), RPr::default(), text)
}

fn indented(text: &str, level: u32) -> Para {
    let mut p = para(text);
    if level > 0 {
        p.ppr.ind = Some(Ind {
            left: INDENT * level,
            hanging: 0,
        });
    }
    p
}

fn heading(text: &str, style: &'static str) -> Para {
    Para::text(
        PPr {
            style: Some(style),
            keep_next: true,
            spacing: Some(Spacing {
                before: BEFORE_HEADING,
                after: AFTER,
            }),
            ..PPr::default()
        },
        RPr::default(),
        text,
    )
}

fn bold(text: &str) -> Para {
    Para::text(
        spaced(),
        RPr {
            bold: true,
            ..RPr::default()
        },
        text,
    )
}

/// A remark's paragraph. A visible bullet (`・`) hangs: the lines after the first start under
/// the text, not under the bullet. A bullet of spaces is a first-line indent and is kept as
/// typed.
fn remark(p: &Paragraph) -> Para {
    let mut out = para(&p.line());
    let bullet = p.bullet.as_str();
    if p.lead.is_some() || bullet.trim().is_empty() || bullet.trim_matches('　').is_empty() {
        return out;
    }
    let hang = u32::try_from(bullet.width()).unwrap_or(0) * HALF_CHAR;
    out.ppr.ind = Some(Ind {
        left: hang,
        hanging: hang,
    });
    out
}

/// An agenda entry as Word shows it: the list mark or indent written for plain text is left
/// to the paragraph's own indent.
fn agenda_text(text: &str) -> &str {
    text.trim_start_matches("- ")
        .trim_start_matches(['　', ' '])
}

fn texts(doc: &Document, at: TextAt, out: &mut Vec<Para>) {
    for t in doc.texts.iter().filter(|t| t.at == at) {
        if let Some(l) = &t.label {
            out.push(heading(l, "Heading1"));
        }
        out.extend(t.paragraphs.iter().map(|p| para(p)));
    }
}

/// The body: every paragraph of the document, in order.
fn body(doc: &Document) -> Vec<Para> {
    let mut out = Vec::new();
    if let Some(n) = &doc.notice {
        out.push(bold(n));
    }
    out.push(heading(&doc.title, "Title"));
    match &doc.header.inline_separator {
        Some(sep) => out.extend(doc.header.fields.iter().map(|f| para(&f.inline(sep)))),
        None => {
            for f in &doc.header.fields {
                if !f.label.is_empty() {
                    out.push(heading(&f.label, "Heading1"));
                }
                out.push(para(&f.value));
            }
        }
    }
    if let Some(a) = &doc.attendance {
        if !a.label.is_empty() {
            out.push(heading(&a.label, "Heading1"));
        }
        for g in &a.groups {
            if let Some(h) = &g.heading {
                out.push(para(h));
            }
            out.extend(g.entries.iter().map(|e| indented(e, 1)));
        }
        out.extend(a.note.iter().chain(&a.observers).map(|n| para(n)));
    }
    texts(doc, TextAt::BeforeAgenda, &mut out);
    if !doc.agenda_label.is_empty() {
        out.push(heading(&doc.agenda_label, "Heading1"));
    }
    for e in &doc.agenda {
        let level = u32::from(e.part);
        out.push(indented(agenda_text(&e.text), level));
        if let Some(detail) = &e.detail {
            out.push(indented(detail, level + 1));
        }
    }
    texts(doc, TextAt::AfterAgenda, &mut out);
    let base = if let Some(b) = &doc.body_heading {
        out.push(heading(b, "Heading1"));
        2
    } else {
        1
    };
    for s in &doc.sections {
        if let Some(h) = &s.heading {
            let level = (base + usize::from(s.level) - 1).min(3);
            out.push(heading(h, ["Heading1", "Heading2", "Heading3"][level - 1]));
        }
        for b in &s.blocks {
            out.push(match b {
                Block::Speaker { text } => {
                    let mut p = para(text);
                    p.ppr.style = Some("Speaker");
                    p.ppr.keep_next = true;
                    p
                }
                Block::Marker { text } => para(text),
                Block::Decision { text } => bold(text),
                Block::Action { text } => indented(text, 1),
                Block::Paragraph(p) => remark(p),
            });
        }
    }
    texts(doc, TextAt::End, &mut out);
    out
}

/// `- N -`, centred: the page number in the footer.
fn footer() -> Para {
    let text = |t: &str| Inline::Run(RPr::default(), t.to_owned());
    Para {
        ppr: PPr {
            jc: Some(Jc::Center),
            ..PPr::default()
        },
        inlines: vec![text("- "), Inline::PageNumber, text(" -")],
    }
}

/// The internal record's warning, at the top of every page: no printed page of it passes
/// for public.
fn header(notice: &str) -> Para {
    Para::text(
        PPr {
            jc: Some(Jc::Center),
            ..PPr::default()
        },
        RPr {
            bold: true,
            size: Some(18),
            ..RPr::default()
        },
        notice,
    )
}

pub fn render(doc: &Document) -> Vec<u8> {
    let mut x = Xml::new();
    x.open("w:document", &[("xmlns:w", wml::W), ("xmlns:r", wml::R)]);
    x.open("w:body", &[]);
    for p in body(doc) {
        p.write(&mut x);
    }
    wml::Section {
        header: doc.notice.as_ref().map(|_| package::HEADER_ID),
        footer: Some(package::FOOTER_ID),
    }
    .write(&mut x);
    x.close("w:body");
    x.close("w:document");
    package::pack(doc, x.finish(), footer(), doc.notice.as_deref().map(header))
}
