//! Markdown: the title and headings as headings, the agenda as a list, speakers in bold.

use crate::export::document::{Block, Document};

/// Escapes what Markdown would read as markup, so remark text prints as typed.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.split('\n') {
        if !out.is_empty() {
            out.push_str("  \n");
        }
        let starts_block = line.starts_with(['#', '-', '+', '>', '=', '|'])
            || line
                .split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        if starts_block {
            out.push('\\');
        }
        for c in line.chars() {
            if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|') {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

pub fn render(doc: &Document) -> String {
    let mut blocks: Vec<String> = Vec::new();
    if let Some(n) = &doc.notice {
        blocks.push(format!("> **{}**", escape(n)));
    }
    blocks.push(format!("# {}", escape(&doc.title)));
    match &doc.header.inline_separator {
        Some(sep) => blocks.push(
            doc.header
                .fields
                .iter()
                .map(|f| {
                    format!(
                        "**{}**{}{}",
                        escape(&f.label),
                        escape(sep),
                        escape(&f.value)
                    )
                })
                .collect::<Vec<_>>()
                .join("  \n"),
        ),
        None => {
            for f in &doc.header.fields {
                blocks.push(format!("## {}", escape(&f.label)));
                blocks.push(escape(&f.value));
            }
        }
    }
    if let Some(a) = &doc.attendance {
        blocks.push(format!("## {}", escape(&a.label)));
        for g in &a.groups {
            if let Some(h) = &g.heading {
                blocks.push(format!("**{}**", escape(h)));
            }
            let items: Vec<String> = g
                .entries
                .iter()
                .map(|e| format!("- {}", escape(e)))
                .collect();
            blocks.push(items.join("\n"));
        }
        for n in a.note.iter().chain(&a.observers) {
            blocks.push(escape(n));
        }
    }
    blocks.push(format!("## {}", escape(&doc.agenda_label)));
    let items: Vec<String> = doc
        .agenda
        .iter()
        .map(|e| {
            let text = e.text.trim_start_matches("- ").trim_start_matches('・');
            match &e.detail {
                Some(d) => format!("- {}  \n  {}", escape(text), escape(d)),
                None => format!("- {}", escape(text)),
            }
        })
        .collect();
    blocks.push(items.join("\n"));
    for s in &doc.sections {
        if let Some(h) = &s.heading {
            blocks.push(format!("## {}", escape(h)));
        }
        for b in &s.blocks {
            blocks.push(match b {
                Block::Speaker { text } => format!("**{}**", escape(text)),
                Block::Marker { text } => format!("*{}*", escape(text)),
                Block::Decision { text } => format!("**{}**", escape(text)),
                Block::Action { text } => format!("- {}", escape(text.trim_start_matches('・'))),
                Block::Paragraph(p) => escape(&p.line()),
            });
        }
    }
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_in_remarks_stays_text() {
        assert_eq!(escape("a*b*_c_"), "a\\*b\\*\\_c\\_");
        assert_eq!(escape("# 見出しではない"), "\\# 見出しではない");
        assert_eq!(escape("1. 一"), "\\1. 一");
        assert_eq!(escape("一行目\n二行目"), "一行目  \n二行目");
    }
}
