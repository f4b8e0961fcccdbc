//! Markdown: the title, labels and items as headings (a part one level below its item), the
//! agenda and attendance as lists, speakers in bold. Text is escaped, so a remark or a style's
//! wording never turns into markup of its own; the structure comes from the document.

use crate::export::document::{Block, Document};
use crate::model::TextAt;

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

/// A list item's text without the list mark or indent the style wrote for plain text: the
/// list itself is the mark here.
fn list_text(text: &str) -> &str {
    text.trim_start_matches("- ")
        .trim_start_matches(['・', '　', ' '])
}

/// A heading is one line in Markdown: a line break the style wrote in it becomes a space.
fn heading(level: usize, text: &str) -> String {
    let one_line = crate::export::document::one_line(text);
    format!("{} {}", "#".repeat(level.min(6)), escape(&one_line))
}

fn texts(doc: &Document, at: TextAt, blocks: &mut Vec<String>) {
    for t in doc.texts.iter().filter(|t| t.at == at) {
        if let Some(l) = &t.label {
            blocks.push(heading(2, l));
        }
        blocks.extend(t.paragraphs.iter().map(|p| escape(p)));
    }
}

pub fn render(doc: &Document) -> String {
    let mut blocks: Vec<String> = Vec::new();
    if let Some(n) = &doc.notice {
        blocks.push(format!("> **{}**", escape(n)));
    }
    blocks.push(heading(1, &doc.title));
    match &doc.header.inline_separator {
        Some(sep) => blocks.push(
            doc.header
                .fields
                .iter()
                .map(|f| {
                    if f.label.is_empty() {
                        escape(&f.value)
                    } else {
                        format!(
                            "**{}**{}{}",
                            escape(&f.label),
                            escape(sep),
                            escape(&f.value)
                        )
                    }
                })
                .collect::<Vec<_>>()
                .join("  \n"),
        ),
        None => {
            for f in &doc.header.fields {
                if !f.label.is_empty() {
                    blocks.push(heading(2, &f.label));
                }
                blocks.push(escape(&f.value));
            }
        }
    }
    if let Some(a) = &doc.attendance {
        if !a.label.is_empty() {
            blocks.push(heading(2, &a.label));
        }
        for g in &a.groups {
            if let Some(h) = &g.heading {
                blocks.push(format!("**{}**", escape(h)));
            }
            let items: Vec<String> = g
                .entries
                .iter()
                .map(|e| format!("- {}", escape(list_text(e))))
                .collect();
            blocks.push(items.join("\n"));
        }
        for n in a.note.iter().chain(&a.observers) {
            blocks.push(escape(n));
        }
    }
    texts(doc, TextAt::BeforeAgenda, &mut blocks);
    if !doc.agenda_label.is_empty() {
        blocks.push(heading(2, &doc.agenda_label));
    }
    let items: Vec<String> = doc
        .agenda
        .iter()
        .map(|e| {
            // A part is a list inside its item's entry.
            let indent = if e.part { "  " } else { "" };
            let text = escape(list_text(&e.text));
            match &e.detail {
                Some(d) => format!("{indent}- {text}  \n{indent}  {}", escape(d)),
                None => format!("{indent}- {text}"),
            }
        })
        .collect();
    blocks.push(items.join("\n"));
    texts(doc, TextAt::AfterAgenda, &mut blocks);
    // Under a body heading, the items' headings go one level down.
    let base = if let Some(b) = &doc.body_heading {
        blocks.push(heading(2, b));
        3
    } else {
        2
    };
    for s in &doc.sections {
        if let Some(h) = &s.heading {
            blocks.push(heading(base + usize::from(s.level) - 1, h));
        }
        for b in &s.blocks {
            blocks.push(match b {
                Block::Speaker { text } => format!("**{}**", escape(text)),
                Block::Marker { text } => escape(text),
                Block::Decision { text } => format!("**{}**", escape(text)),
                Block::Action { text } => format!("- {}", escape(list_text(text))),
                Block::Paragraph(p) => escape(&p.line()),
            });
        }
    }
    texts(doc, TextAt::End, &mut blocks);
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
