//! Plain text in the council's layout: blocks separated by a blank line.

use crate::export::document::{Block, Document};

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
                .map(|f| format!("{}{sep}{}", f.label, f.value))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        None => {
            for f in &doc.header.fields {
                blocks.push(f.label.clone());
                blocks.push(f.value.clone());
            }
        }
    }
    if let Some(a) = &doc.attendance {
        blocks.push(a.label.clone());
        for g in &a.groups {
            let mut lines: Vec<String> = g.heading.iter().cloned().collect();
            lines.extend(g.entries.iter().cloned());
            blocks.push(lines.join("\n"));
        }
        blocks.extend(a.note.clone());
        blocks.extend(a.observers.clone());
    }
    blocks.push(doc.agenda_label.clone());
    let mut agenda = Vec::new();
    for e in &doc.agenda {
        agenda.push(e.text.clone());
        if let Some(d) = &e.detail {
            agenda.push(d.clone());
        }
    }
    blocks.push(agenda.join("\n"));
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
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}
