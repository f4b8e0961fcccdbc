//! A Word document with the same structure, A4, in a Japanese Mincho font, numbered pages and
//! (for an internal record) the warning at the top of every page: clerks finish the minutes
//! in Word, or print them from LibreOffice.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, Docx, Footer, Header, LineSpacing, PageMargin, PageNum,
    Paragraph as DocxParagraph, Run, RunFonts, SpecialIndentType, Style, StyleType,
};
use unicode_width::UnicodeWidthStr;

use crate::export::document::{Block, Document, Paragraph};
use crate::model::TextAt;

/// Body font. ＭＳ 明朝 is on every Japanese Windows and in Office for Mac, and LibreOffice's
/// font replacement table maps it to the Mincho it has (IPA明朝, Noto Serif CJK JP); a name it
/// does not know (游明朝) falls back to a Gothic face. The font table (`package`) names its
/// other spellings.
pub const MINCHO: &str = "ＭＳ 明朝";
/// Latin text: a serif every system and LibreOffice's table know.
pub const LATIN: &str = "Times New Roman";

fn run(text: &str) -> Run {
    // One run per line, with explicit breaks, keeps each paragraph's text contiguous.
    let mut r = Run::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(docx_rs::BreakType::TextWrapping);
        }
        // XML forbids most control characters, and Word refuses a file with one: every
        // entrance drops them already, and so does this last step (a style's own text).
        r = r.add_text(crate::model::clean::strip_controls(line));
    }
    r
}

/// Space after each paragraph, in twentieths of a point: minutes read as separate blocks.
const AFTER: u32 = 120;
const BEFORE_HEADING: u32 = 240;
/// The width of one half-width character at 10.5 pt, in twentieths of a point.
const HALF_CHAR: i32 = 105;
const INDENT: i32 = 420;

fn para(text: &str) -> DocxParagraph {
    DocxParagraph::new()
        .add_run(run(text))
        .line_spacing(LineSpacing::new().after(AFTER))
}

fn indented(text: &str) -> DocxParagraph {
    para(text).indent(Some(INDENT), None, None, None)
}

fn heading(text: &str, style: &str) -> DocxParagraph {
    DocxParagraph::new()
        .add_run(run(text))
        .style(style)
        .keep_next(true)
        .line_spacing(LineSpacing::new().before(BEFORE_HEADING).after(AFTER))
}

/// A remark's paragraph. A visible bullet (`・`) hangs: the lines after the first start under
/// the text, not under the bullet. A bullet of spaces is a first-line indent and is kept as
/// typed.
fn remark(p: &Paragraph) -> DocxParagraph {
    let out = para(&p.line());
    let bullet = p.bullet.as_str();
    if p.lead.is_some() || bullet.trim().is_empty() || bullet.trim_matches('　').is_empty() {
        return out;
    }
    let hang = bullet.width() as i32 * HALF_CHAR;
    out.indent(
        Some(hang),
        Some(SpecialIndentType::Hanging(hang)),
        None,
        None,
    )
}

/// An agenda entry as Word shows it: the list mark or indent written for plain text is left
/// to the paragraph's own indent.
fn agenda_text(text: &str) -> &str {
    text.trim_start_matches("- ")
        .trim_start_matches(['　', ' '])
}

fn texts(doc: &Document, at: TextAt, mut d: Docx) -> Docx {
    for t in doc.texts.iter().filter(|t| t.at == at) {
        if let Some(l) = &t.label {
            d = d.add_paragraph(heading(l, "Heading1"));
        }
        for p in &t.paragraphs {
            d = d.add_paragraph(para(p));
        }
    }
    d
}

fn styles(d: Docx) -> Docx {
    d.add_style(
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .size(32)
            .bold()
            .align(AlignmentType::Center),
    )
    .add_style(
        Style::new("Heading1", StyleType::Paragraph)
            .name("Heading 1")
            .size(23)
            .bold(),
    )
    .add_style(
        Style::new("Heading2", StyleType::Paragraph)
            .name("Heading 2")
            .size(21)
            .bold(),
    )
    .add_style(
        Style::new("Heading3", StyleType::Paragraph)
            .name("Heading 3")
            .size(21),
    )
    .add_style(
        Style::new("Speaker", StyleType::Paragraph)
            .name("Speaker")
            .size(21),
    )
}

pub fn render(doc: &Document) -> Vec<u8> {
    let fonts = RunFonts::new()
        .east_asia(MINCHO)
        .ascii(LATIN)
        .hi_ansi(LATIN);
    let footer = Footer::new().add_paragraph(
        DocxParagraph::new()
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text("- "))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(" -")),
    );
    let mut d = styles(
        Docx::new()
            .default_fonts(fonts)
            .default_size(21) // half-points: 10.5pt, the usual size of Japanese documents
            .page_size(11906, 16838) // A4 in twentieths of a point
            .page_margin(
                PageMargin::new()
                    .top(1701)
                    .bottom(1418)
                    .left(1418)
                    .right(1418)
                    .header(851)
                    .footer(567),
            )
            .footer(footer),
    );
    if let Some(n) = &doc.notice {
        // On every page, so that no printed page of an internal record passes for public.
        d = d.header(
            Header::new().add_paragraph(
                DocxParagraph::new()
                    .align(AlignmentType::Center)
                    .add_run(run(n).bold().size(18)),
            ),
        );
        d = d.add_paragraph(
            DocxParagraph::new()
                .add_run(run(n).bold())
                .line_spacing(LineSpacing::new().after(AFTER)),
        );
    }
    d = d.add_paragraph(heading(&doc.title, "Title"));
    match &doc.header.inline_separator {
        Some(sep) => {
            for f in &doc.header.fields {
                d = d.add_paragraph(para(&f.inline(sep)));
            }
        }
        None => {
            for f in &doc.header.fields {
                if !f.label.is_empty() {
                    d = d.add_paragraph(heading(&f.label, "Heading1"));
                }
                d = d.add_paragraph(para(&f.value));
            }
        }
    }
    if let Some(a) = &doc.attendance {
        if !a.label.is_empty() {
            d = d.add_paragraph(heading(&a.label, "Heading1"));
        }
        for g in &a.groups {
            if let Some(h) = &g.heading {
                d = d.add_paragraph(para(h));
            }
            for e in &g.entries {
                d = d.add_paragraph(indented(e));
            }
        }
        for n in a.note.iter().chain(&a.observers) {
            d = d.add_paragraph(para(n));
        }
    }
    d = texts(doc, TextAt::BeforeAgenda, d);
    if !doc.agenda_label.is_empty() {
        d = d.add_paragraph(heading(&doc.agenda_label, "Heading1"));
    }
    for e in &doc.agenda {
        let level = if e.part { 1 } else { 0 };
        d = d.add_paragraph(para(agenda_text(&e.text)).indent(
            Some(INDENT * level),
            None,
            None,
            None,
        ));
        if let Some(detail) = &e.detail {
            d = d.add_paragraph(para(detail).indent(Some(INDENT * (level + 1)), None, None, None));
        }
    }
    d = texts(doc, TextAt::AfterAgenda, d);
    let base = if let Some(b) = &doc.body_heading {
        d = d.add_paragraph(heading(b, "Heading1"));
        2
    } else {
        1
    };
    for s in &doc.sections {
        if let Some(h) = &s.heading {
            let level = (base + usize::from(s.level) - 1).min(3);
            d = d.add_paragraph(heading(h, &format!("Heading{level}")));
        }
        for b in &s.blocks {
            d = d.add_paragraph(match b {
                Block::Speaker { text } => para(text).style("Speaker").keep_next(true),
                Block::Marker { text } => para(text),
                Block::Decision { text } => DocxParagraph::new()
                    .add_run(run(text).bold())
                    .line_spacing(LineSpacing::new().after(AFTER)),
                Block::Action { text } => indented(text),
                Block::Paragraph(p) => remark(p),
            });
        }
    }
    d = texts(doc, TextAt::End, d);
    let mut out = Cursor::new(Vec::new());
    // Packing into memory has no I/O to fail; an error here is a bug in the document.
    d.build().pack(&mut out).expect("the docx packs");
    super::docx_package::finish(out.into_inner(), doc)
}
