//! A Word document with the same structure, A4, in a Japanese Mincho font: clerks finish the
//! minutes in Word.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, Docx, LineSpacing, PageMargin, Paragraph as DocxParagraph, Run, RunFonts, Style,
    StyleType,
};

use crate::export::document::{Block, Document};

/// Body font: Yu Mincho where Word has it; LibreOffice substitutes a Mincho it has.
const MINCHO: &str = "游明朝";
const LATIN: &str = "Century";

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

fn para(text: &str) -> DocxParagraph {
    DocxParagraph::new()
        .add_run(run(text))
        .line_spacing(LineSpacing::new().after(AFTER))
}

fn heading(text: &str, style: &str) -> DocxParagraph {
    DocxParagraph::new()
        .add_run(run(text))
        .style(style)
        .keep_next(true)
        .line_spacing(LineSpacing::new().before(BEFORE_HEADING).after(AFTER))
}

pub fn render(doc: &Document) -> Vec<u8> {
    let fonts = RunFonts::new()
        .east_asia(MINCHO)
        .ascii(LATIN)
        .hi_ansi(LATIN);
    let mut d = Docx::new()
        .default_fonts(fonts)
        .default_size(21) // half-points: 10.5pt, the usual size of Japanese documents
        .page_size(11906, 16838) // A4 in twentieths of a point
        .page_margin(
            PageMargin::new()
                .top(1701)
                .bottom(1418)
                .left(1418)
                .right(1418),
        )
        .add_style(
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
            Style::new("Speaker", StyleType::Paragraph)
                .name("Speaker")
                .size(21),
        );
    if let Some(n) = &doc.notice {
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
                d = d.add_paragraph(para(&format!("{}{sep}{}", f.label, f.value)));
            }
        }
        None => {
            for f in &doc.header.fields {
                d = d.add_paragraph(heading(&f.label, "Heading1"));
                d = d.add_paragraph(para(&f.value));
            }
        }
    }
    if let Some(a) = &doc.attendance {
        d = d.add_paragraph(heading(&a.label, "Heading1"));
        for g in &a.groups {
            if let Some(h) = &g.heading {
                d = d.add_paragraph(para(h));
            }
            for e in &g.entries {
                d = d.add_paragraph(para(e).indent(Some(420), None, None, None));
            }
        }
        for n in a.note.iter().chain(&a.observers) {
            d = d.add_paragraph(para(n));
        }
    }
    d = d.add_paragraph(heading(&doc.agenda_label, "Heading1"));
    for e in &doc.agenda {
        d = d.add_paragraph(para(&e.text));
        if let Some(detail) = &e.detail {
            d = d.add_paragraph(para(detail).indent(Some(420), None, None, None));
        }
    }
    for s in &doc.sections {
        if let Some(h) = &s.heading {
            d = d.add_paragraph(heading(h, "Heading1"));
        }
        for b in &s.blocks {
            d = d.add_paragraph(match b {
                Block::Speaker { text } => para(text).style("Speaker").keep_next(true),
                Block::Marker { text } => DocxParagraph::new()
                    .add_run(run(text).italic())
                    .line_spacing(LineSpacing::new().after(AFTER)),
                Block::Decision { text } => DocxParagraph::new()
                    .add_run(run(text).bold())
                    .line_spacing(LineSpacing::new().after(AFTER)),
                Block::Action { text } => para(text).indent(Some(420), None, None, None),
                Block::Paragraph(p) => para(&p.line()),
            });
        }
    }
    let mut out = Cursor::new(Vec::new());
    // Packing into memory has no I/O to fail; an error here is a bug in the document.
    d.build().pack(&mut out).expect("the docx packs");
    out.into_inner()
}
