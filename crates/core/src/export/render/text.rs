//! Plain text in the council's layout: blocks separated by a blank line.

use crate::export::document::{Block, Document, TextBlock};
use crate::model::TextAt;

fn texts(doc: &Document, at: TextAt, blocks: &mut Vec<String>) {
    for t in doc.texts.iter().filter(|t| t.at == at) {
        let TextBlock {
            label, paragraphs, ..
        } = t;
        blocks.extend(label.clone());
        blocks.extend(paragraphs.iter().cloned());
    }
}

fn push(blocks: &mut Vec<String>, text: &str) {
    if !text.is_empty() {
        blocks.push(text.to_owned());
    }
}

pub fn render(doc: &Document) -> String {
    let mut blocks: Vec<String> = Vec::new();
    if let Some(n) = &doc.notice {
        blocks.push(n.clone());
    }
    blocks.push(doc.title.clone());
    match &doc.header.inline_separator {
        Some(sep) => blocks.push(
            doc.header
                .fields
                .iter()
                .map(|f| f.inline(sep))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        None => {
            for f in &doc.header.fields {
                push(&mut blocks, &f.label);
                blocks.push(f.value.clone());
            }
        }
    }
    if let Some(a) = &doc.attendance {
        push(&mut blocks, &a.label);
        for g in &a.groups {
            let mut lines: Vec<String> = g.heading.iter().cloned().collect();
            lines.extend(g.entries.iter().cloned());
            blocks.push(lines.join("\n"));
        }
        blocks.extend(a.note.clone());
        blocks.extend(a.observers.clone());
    }
    texts(doc, TextAt::BeforeAgenda, &mut blocks);
    push(&mut blocks, &doc.agenda_label);
    let mut agenda = Vec::new();
    for e in &doc.agenda {
        agenda.push(e.text.clone());
        if let Some(d) = &e.detail {
            agenda.push(d.clone());
        }
    }
    blocks.push(agenda.join("\n"));
    texts(doc, TextAt::AfterAgenda, &mut blocks);
    blocks.extend(doc.body_heading.clone());
    for s in &doc.sections {
        if let Some(h) = &s.heading {
            blocks.push(h.clone());
        }
        for b in &s.blocks {
            blocks.push(match b {
                Block::Speaker { text }
                | Block::Marker { text }
                | Block::Decision { text }
                | Block::Action { text } => text.clone(),
                Block::Paragraph(p) => p.line(),
            });
        }
    }
    texts(doc, TextAt::End, &mut blocks);
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}
