//! A Word document with the same structure, A4, in a Japanese Mincho font, numbered pages and
//! (for an internal record) the warning at the top of every page: clerks finish the minutes
//! in Word, or print them from LibreOffice. WordprocessingML is written by kiroku itself,
//! through typed parts whose writers keep the schema's order (`wml`), so that Word opens the
//! file as it is, with nothing to repair.

mod package;
mod wml;

pub use package::part;

use wml::{Ind, Inline, Jc, PPr, Para, RPr, Spacing, Xml};

use super::print::{self, Role};
use crate::export::document::Document;

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

/// One printed paragraph as Word's: its role is a paragraph style or bold, its indent and
/// hanging bullet the paragraph's own indents.
fn paragraph(p: &print::Para) -> Para {
    let mut out = match p.role {
        Role::Notice | Role::Strong => bold(&p.text),
        Role::Title => heading(&p.text, "Title"),
        Role::Heading(n) => heading(
            &p.text,
            ["Heading1", "Heading2", "Heading3"][usize::from(n.clamp(1, 3)) - 1],
        ),
        Role::Speaker => {
            let mut s = para(&p.text);
            s.ppr.style = Some("Speaker");
            s
        }
        Role::Body => para(&p.text),
    };
    out.ppr.keep_next = p.keep_next;
    if p.hang > 0 {
        let hang = u32::try_from(p.hang).unwrap_or(0) * HALF_CHAR;
        out.ppr.ind = Some(Ind {
            left: hang,
            hanging: hang,
        });
    } else if p.indent > 0 {
        out.ppr.ind = Some(Ind {
            left: INDENT * u32::from(p.indent),
            hanging: 0,
        });
    }
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
    for p in print::paragraphs(&print::flow(doc)) {
        paragraph(p).write(&mut x);
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
