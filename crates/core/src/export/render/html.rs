//! One self-contained page for the council's website, in the minutes' language: one `h1`,
//! headings that never skip a level, lists as lists, nothing told by colour, and a print
//! stylesheet for A4. An accessibility checker in a browser holds it to WCAG 2.1 AA
//! (tests/publish.rs).

use crate::export::document::{Block, Document};
use crate::model::TextAt;

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = "\
@page { size: A4; margin: 30mm 25mm 25mm; }
body { font-family: \"Yu Mincho\", \"YuMincho\", \"Hiragino Mincho ProN\", \"Noto Serif CJK JP\", \"IPAexMincho\", \"MS Mincho\", serif;
  font-size: 11pt; line-height: 1.8; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #000; background: #fff; }
h1 { font-size: 15pt; text-align: center; margin: 0 0 1.5em; }
h2 { font-size: 11.5pt; margin: 1.6em 0 0.6em; }
h3, h4, h5, h6 { font-size: 11pt; margin: 1.2em 0 0.4em; }
p { margin: 0 0 0.8em; }
p.speaker { margin-bottom: 0.3em; }
p.continued { margin-top: -0.4em; }
p.notice { border: 2px solid #000; padding: 0.5em; font-weight: bold; }
ul.agenda, ul.attendance, ul.actions { list-style: none; padding-left: 0; }
ul.attendance, ul.actions { padding-left: 2em; }
ul.agenda ul.parts { list-style: none; padding-left: 2em; }
ul.agenda .detail { padding-left: 2em; }
.time { font-family: monospace; margin-right: 0.5em; }
.mark { font-weight: bold; }
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 10.5pt; }
  h1, h2, h3, h4, h5, h6, p.speaker { break-after: avoid; page-break-after: avoid; }
  p, li { orphans: 2; widows: 2; }
}
";

/// Heading levels as a page outline needs them: one `h1`, and none deeper than one below
/// the heading before it, whatever the style's layout.
struct Levels {
    last: usize,
}

impl Levels {
    fn heading(&mut self, h: &mut String, want: usize, text: &str) {
        let n = want.clamp(1, self.last + 1).min(6);
        self.last = n;
        h.push_str(&format!("<h{n}>{}</h{n}>\n", esc(text)));
    }
}

fn texts(doc: &Document, at: TextAt, levels: &mut Levels, h: &mut String) {
    for t in doc.texts.iter().filter(|t| t.at == at) {
        if let Some(l) = &t.label {
            levels.heading(h, 2, l);
        }
        for p in &t.paragraphs {
            h.push_str(&format!("<p>{}</p>\n", esc(p)));
        }
    }
}

fn agenda(doc: &Document, h: &mut String) {
    if doc.agenda.is_empty() {
        return;
    }
    h.push_str("<ul class=\"agenda\">\n");
    let mut in_parts = false;
    for (i, e) in doc.agenda.iter().enumerate() {
        let text = e
            .text
            .trim_start_matches("- ")
            .trim_start_matches(['　', ' ']);
        if e.part && !in_parts {
            h.push_str("<ul class=\"parts\">\n");
            in_parts = true;
        }
        h.push_str(&format!("<li>{}", esc(text)));
        if let Some(d) = &e.detail {
            h.push_str(&format!("<div class=\"detail\">{}</div>", esc(d)));
        }
        // An item's entry closes after its parts' list.
        let next_is_part = doc.agenda.get(i + 1).is_some_and(|n| n.part);
        if e.part {
            h.push_str("</li>\n");
            if !next_is_part {
                h.push_str("</ul></li>\n");
                in_parts = false;
            }
        } else if !next_is_part {
            h.push_str("</li>\n");
        } else {
            h.push('\n');
        }
    }
    h.push_str("</ul>\n");
}

fn paragraph(p: &crate::export::document::Paragraph, h: &mut String) {
    h.push_str(if p.continued {
        "<p class=\"continued\">"
    } else {
        "<p>"
    });
    if p.lead.is_none() {
        h.push_str(&esc(&p.bullet));
    }
    if let Some(t) = &p.time {
        h.push_str(&format!("<span class=\"time\">{}</span>", esc(t)));
    }
    if let Some(o) = &p.offset {
        h.push_str(&format!("<span class=\"time\">{}</span>", esc(o)));
    }
    for m in &p.marks {
        h.push_str(&format!("<span class=\"mark\">{}</span>", esc(m)));
    }
    if let Some(l) = &p.lead {
        h.push_str(&format!("<span class=\"speaker\">{}</span>", esc(l)));
    }
    h.push_str(&esc(&p.text));
    h.push_str("</p>\n");
}

fn blocks(blocks: &[Block], h: &mut String) {
    let mut actions = false;
    for b in blocks {
        // Things to be done after the meeting are a list of their own.
        let action = matches!(b, Block::Action { .. });
        if action && !actions {
            h.push_str("<ul class=\"actions\">\n");
        } else if !action && actions {
            h.push_str("</ul>\n");
        }
        actions = action;
        match b {
            Block::Speaker { text } => {
                h.push_str(&format!("<p class=\"speaker\">{}</p>\n", esc(text)));
            }
            Block::Marker { text } => {
                h.push_str(&format!("<p class=\"marker\">{}</p>\n", esc(text)));
            }
            Block::Decision { text } => {
                h.push_str(&format!(
                    "<p class=\"decision\"><strong>{}</strong></p>\n",
                    esc(text)
                ));
            }
            // The style's own mark (・) stays in the text; the list draws none.
            Block::Action { text } => h.push_str(&format!("<li>{}</li>\n", esc(text))),
            Block::Paragraph(p) => paragraph(p, h),
        }
    }
    if actions {
        h.push_str("</ul>\n");
    }
}

pub fn render(doc: &Document) -> String {
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n");
    h.push_str(&format!("<html lang=\"{}\">\n<head>\n", esc(&doc.language)));
    h.push_str("<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str(&format!(
        "<title>{}</title>\n",
        esc(&crate::export::document::one_line(&doc.title))
    ));
    h.push_str(&format!(
        "<style>\n{CSS}</style>\n</head>\n<body>\n<main>\n"
    ));
    if let Some(n) = &doc.notice {
        h.push_str(&format!("<p class=\"notice\">{}</p>\n", esc(n)));
    }
    h.push_str(&format!("<h1>{}</h1>\n", esc(&doc.title)));
    let mut levels = Levels { last: 1 };
    match &doc.header.inline_separator {
        Some(sep) => {
            for f in &doc.header.fields {
                h.push_str(&format!("<p class=\"field\">{}</p>\n", esc(&f.inline(sep))));
            }
        }
        None => {
            for f in &doc.header.fields {
                if !f.label.is_empty() {
                    levels.heading(&mut h, 2, &f.label);
                }
                h.push_str(&format!("<p>{}</p>\n", esc(&f.value)));
            }
        }
    }
    if let Some(a) = &doc.attendance {
        let group = if a.label.is_empty() {
            2
        } else {
            levels.heading(&mut h, 2, &a.label);
            3
        };
        for g in &a.groups {
            if let Some(head) = &g.heading {
                levels.heading(&mut h, group, head);
            }
            h.push_str("<ul class=\"attendance\">\n");
            for e in &g.entries {
                h.push_str(&format!("<li>{}</li>\n", esc(e)));
            }
            h.push_str("</ul>\n");
        }
        for n in a.note.iter().chain(&a.observers) {
            h.push_str(&format!("<p>{}</p>\n", esc(n)));
        }
    }
    texts(doc, TextAt::BeforeAgenda, &mut levels, &mut h);
    if !doc.agenda_label.is_empty() {
        levels.heading(&mut h, 2, &doc.agenda_label);
    }
    agenda(doc, &mut h);
    texts(doc, TextAt::AfterAgenda, &mut levels, &mut h);
    // Under a body heading, the items' headings go one level down.
    let base = if let Some(b) = &doc.body_heading {
        levels.heading(&mut h, 2, b);
        3
    } else {
        2
    };
    for s in &doc.sections {
        h.push_str("<section>\n");
        if let Some(head) = &s.heading {
            levels.heading(&mut h, base + usize::from(s.level).max(1) - 1, head);
        }
        blocks(&s.blocks, &mut h);
        h.push_str("</section>\n");
    }
    texts(doc, TextAt::End, &mut levels, &mut h);
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_heading_is_more_than_one_level_below_the_one_before() {
        let mut h = String::new();
        let mut levels = Levels { last: 1 };
        levels.heading(&mut h, 3, "a");
        levels.heading(&mut h, 4, "b");
        levels.heading(&mut h, 2, "c");
        levels.heading(&mut h, 9, "d");
        assert_eq!(h, "<h2>a</h2>\n<h3>b</h3>\n<h2>c</h2>\n<h3>d</h3>\n");
    }
}
