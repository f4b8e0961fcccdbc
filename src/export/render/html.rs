//! One self-contained, printable HTML page (A4), in the minutes' language.

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
@page { size: A4; margin: 20mm 18mm; }
body { font-family: \"Yu Mincho\", \"YuMincho\", \"Hiragino Mincho ProN\", \"Noto Serif CJK JP\", \"MS Mincho\", serif;
  font-size: 11pt; line-height: 1.8; max-width: 46em; margin: 2em auto; color: #000; }
h1 { font-size: 15pt; text-align: center; margin: 0 0 1.5em; }
h2 { font-size: 11.5pt; margin: 1.6em 0 0.6em; page-break-after: avoid; }
p { margin: 0 0 0.8em; }
p.speaker { margin-bottom: 0.3em; page-break-after: avoid; }
p.continued { margin-top: -0.4em; }
p.notice { border: 2px solid #000; padding: 0.5em; font-weight: bold; }
ul.agenda, ul.attendance { list-style: none; padding-left: 0; }
ul.agenda ul.parts { list-style: none; padding-left: 1em; }
ul.agenda .detail { padding-left: 1em; }
.time { font-family: monospace; margin-right: 0.5em; }
.mark { font-weight: bold; }
@media print { body { margin: 0; max-width: none; } }
";

fn texts(doc: &Document, at: TextAt, h: &mut String) {
    for t in doc.texts.iter().filter(|t| t.at == at) {
        if let Some(l) = &t.label {
            h.push_str(&format!("<h2>{}</h2>\n", esc(l)));
        }
        for p in &t.paragraphs {
            h.push_str(&format!("<p>{}</p>\n", esc(p)));
        }
    }
}

fn agenda(doc: &Document, h: &mut String) {
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

pub fn render(doc: &Document) -> String {
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n");
    h.push_str(&format!("<html lang=\"{}\">\n<head>\n", esc(&doc.language)));
    h.push_str("<meta charset=\"utf-8\">\n");
    h.push_str(&format!("<title>{}</title>\n", esc(&doc.title)));
    h.push_str(&format!("<style>\n{CSS}</style>\n</head>\n<body>\n"));
    if let Some(n) = &doc.notice {
        h.push_str(&format!("<p class=\"notice\">{}</p>\n", esc(n)));
    }
    h.push_str(&format!("<h1>{}</h1>\n", esc(&doc.title)));
    match &doc.header.inline_separator {
        Some(sep) => {
            for f in &doc.header.fields {
                h.push_str(&format!("<p class=\"field\">{}</p>\n", esc(&f.inline(sep))));
            }
        }
        None => {
            for f in &doc.header.fields {
                if !f.label.is_empty() {
                    h.push_str(&format!("<h2>{}</h2>\n", esc(&f.label)));
                }
                h.push_str(&format!("<p>{}</p>\n", esc(&f.value)));
            }
        }
    }
    if let Some(a) = &doc.attendance {
        if !a.label.is_empty() {
            h.push_str(&format!("<h2>{}</h2>\n", esc(&a.label)));
        }
        for g in &a.groups {
            if let Some(head) = &g.heading {
                h.push_str(&format!("<h3>{}</h3>\n", esc(head)));
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
    texts(doc, TextAt::BeforeAgenda, &mut h);
    if !doc.agenda_label.is_empty() {
        h.push_str(&format!("<h2>{}</h2>\n", esc(&doc.agenda_label)));
    }
    agenda(doc, &mut h);
    texts(doc, TextAt::AfterAgenda, &mut h);
    // Under a body heading, the items' headings go one level down.
    let base = if let Some(b) = &doc.body_heading {
        h.push_str(&format!("<h2>{}</h2>\n", esc(b)));
        3
    } else {
        2
    };
    for s in &doc.sections {
        h.push_str("<section>\n");
        if let Some(head) = &s.heading {
            let n = (base + usize::from(s.level) - 1).min(6);
            h.push_str(&format!("<h{n}>{}</h{n}>\n", esc(head)));
        }
        for b in &s.blocks {
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
                Block::Action { text } => {
                    h.push_str(&format!("<p class=\"action\">{}</p>\n", esc(text)));
                }
                Block::Paragraph(p) => {
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
            }
        }
        h.push_str("</section>\n");
    }
    texts(doc, TextAt::End, &mut h);
    h.push_str("</body>\n</html>\n");
    h
}
