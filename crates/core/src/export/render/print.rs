//! The document as a printed page sets it: paragraphs in reading order, each with its role,
//! its indent and its hanging bullet, and lists kept as lists. The docx and the PDF are both
//! laid out from this, so that both print the same paragraphs in the same places.

use unicode_width::UnicodeWidthStr;

use crate::export::document::{Block, Document, Paragraph};
use crate::model::TextAt;

/// What a paragraph is, which sets its type and its spacing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The internal record's warning, in bold.
    Notice,
    Title,
    /// 1: a label or an item; 2: a part, or an item under a body heading; 3: below that.
    Heading(u8),
    Body,
    /// A decision, in bold.
    Strong,
    /// Names who speaks next; kept with the remark after it.
    Speaker,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    pub role: Role,
    pub text: String,
    /// Steps of indent (two full-width characters each).
    pub indent: u8,
    /// A bullet that hangs, in display cells: the lines after the first start under the
    /// text, not under the bullet.
    pub hang: usize,
    /// Never left alone at the foot of a page: a heading, a speaker's name, an agenda entry
    /// with its detail.
    pub keep_next: bool,
}

impl Para {
    fn new(role: Role, text: &str) -> Self {
        Self {
            role,
            text: text.to_owned(),
            indent: 0,
            hang: 0,
            keep_next: matches!(role, Role::Title | Role::Heading(_) | Role::Speaker),
        }
    }

    fn body(text: &str) -> Self {
        Self::new(Role::Body, text)
    }

    fn indented(text: &str, indent: u8) -> Self {
        Self {
            indent,
            ..Self::body(text)
        }
    }
}

/// A list as a list (the agenda, a group of attendees): a reader is told it is one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct List {
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The entry and what is printed under it.
    pub paras: Vec<Para>,
    /// The parts of an agenda item.
    pub sub: Option<List>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Para(Para),
    List(List),
}

impl List {
    fn push_paras<'a>(&'a self, out: &mut Vec<&'a Para>) {
        for item in &self.items {
            out.extend(&item.paras);
            if let Some(sub) = &item.sub {
                sub.push_paras(out);
            }
        }
    }
}

/// Every paragraph of the flow, in reading order, lists opened out.
pub fn paragraphs(flow: &[Piece]) -> Vec<&Para> {
    let mut out = Vec::new();
    for piece in flow {
        match piece {
            Piece::Para(p) => out.push(p),
            Piece::List(l) => l.push_paras(&mut out),
        }
    }
    out
}

/// A remark's paragraph. A visible bullet (`・`) hangs; a bullet of spaces is a first-line
/// indent and is kept as typed.
fn remark(p: &Paragraph) -> Para {
    let mut out = Para::body(&p.line());
    let bullet = p.bullet.as_str();
    if p.lead.is_none() && !bullet.trim().is_empty() && !bullet.trim_matches('　').is_empty() {
        out.hang = bullet.width();
    }
    out
}

/// An agenda entry as a page shows it: the list mark or indent written for plain text is
/// left to the paragraph's own indent.
fn agenda_text(text: &str) -> &str {
    text.trim_start_matches("- ")
        .trim_start_matches(['　', ' '])
}

fn texts(doc: &Document, at: TextAt, out: &mut Vec<Piece>) {
    for t in doc.texts.iter().filter(|t| t.at == at) {
        if let Some(l) = &t.label {
            out.push(Piece::Para(Para::new(Role::Heading(1), l)));
        }
        out.extend(t.paragraphs.iter().map(|p| Piece::Para(Para::body(p))));
    }
}

fn agenda(doc: &Document) -> List {
    let mut list = List::default();
    for e in &doc.agenda {
        let level = u8::from(e.part);
        let mut paras = vec![Para {
            keep_next: e.detail.is_some(),
            ..Para::indented(agenda_text(&e.text), level)
        }];
        paras.extend(e.detail.iter().map(|d| Para::indented(d, level + 1)));
        let item = Item { paras, sub: None };
        match list.items.last_mut() {
            Some(parent) if e.part => parent
                .sub
                .get_or_insert_with(List::default)
                .items
                .push(item),
            _ => list.items.push(item),
        }
    }
    list
}

/// The whole document, in order.
pub fn flow(doc: &Document) -> Vec<Piece> {
    let mut out = Vec::new();
    let para = |out: &mut Vec<Piece>, p: Para| out.push(Piece::Para(p));
    if let Some(n) = &doc.notice {
        para(&mut out, Para::new(Role::Notice, n));
    }
    para(&mut out, Para::new(Role::Title, &doc.title));
    match &doc.header.inline_separator {
        Some(sep) => {
            for f in &doc.header.fields {
                para(&mut out, Para::body(&f.inline(sep)));
            }
        }
        None => {
            for f in &doc.header.fields {
                if !f.label.is_empty() {
                    para(&mut out, Para::new(Role::Heading(1), &f.label));
                }
                para(&mut out, Para::body(&f.value));
            }
        }
    }
    if let Some(a) = &doc.attendance {
        if !a.label.is_empty() {
            para(&mut out, Para::new(Role::Heading(1), &a.label));
        }
        for g in &a.groups {
            if let Some(h) = &g.heading {
                para(&mut out, Para::body(h));
            }
            let items = g
                .entries
                .iter()
                .map(|e| Item {
                    paras: vec![Para::indented(e, 1)],
                    sub: None,
                })
                .collect();
            out.push(Piece::List(List { items }));
        }
        for n in a.note.iter().chain(&a.observers) {
            para(&mut out, Para::body(n));
        }
    }
    texts(doc, TextAt::BeforeAgenda, &mut out);
    if !doc.agenda_label.is_empty() {
        para(&mut out, Para::new(Role::Heading(1), &doc.agenda_label));
    }
    if !doc.agenda.is_empty() {
        out.push(Piece::List(agenda(doc)));
    }
    texts(doc, TextAt::AfterAgenda, &mut out);
    // Under a body heading, the items' headings go one level down.
    let base = if let Some(b) = &doc.body_heading {
        para(&mut out, Para::new(Role::Heading(1), b));
        2
    } else {
        1
    };
    for s in &doc.sections {
        if let Some(h) = &s.heading {
            let level = (base + s.level).saturating_sub(1).clamp(1, 3);
            para(&mut out, Para::new(Role::Heading(level), h));
        }
        for b in &s.blocks {
            para(
                &mut out,
                match b {
                    Block::Speaker { text } => Para::new(Role::Speaker, text),
                    Block::Marker { text } => Para::body(text),
                    Block::Decision { text } => Para::new(Role::Strong, text),
                    Block::Action { text } => Para::indented(text, 1),
                    Block::Paragraph(p) => remark(p),
                },
            );
        }
    }
    texts(doc, TextAt::End, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::document::{AgendaEntry, Audience, Header};

    fn entry(text: &str, part: bool) -> AgendaEntry {
        AgendaEntry {
            text: text.to_owned(),
            detail: Some(format!("{text}の説明")),
            closed: false,
            part,
        }
    }

    #[test]
    fn an_items_parts_are_a_list_inside_its_entry() {
        let doc = Document {
            audience: Audience::Public,
            language: "ja".into(),
            notice: None,
            title: "会議録".into(),
            header: Header {
                inline_separator: None,
                fields: Vec::new(),
            },
            attendance: None,
            agenda_label: "議事".into(),
            agenda: vec![
                entry("1 開会", false),
                entry("2 報告", false),
                entry("（1）予算", true),
                entry("（2）決算", true),
                entry("3 閉会", false),
            ],
            texts: Vec::new(),
            body_heading: None,
            sections: Vec::new(),
            as_of: None,
        };
        let flow = flow(&doc);
        let Some(Piece::List(list)) = flow.last() else {
            panic!("the agenda is a list: {flow:?}");
        };
        assert_eq!(list.items.len(), 3);
        let parts = list.items[1].sub.as_ref().expect("2 has parts");
        assert_eq!(parts.items.len(), 2);
        assert_eq!(parts.items[0].paras[0].text, "（1）予算");
        assert_eq!(parts.items[0].paras[0].indent, 1);
        assert_eq!(parts.items[0].paras[1].indent, 2);
        // Opened out, the order is the page's: an entry, its detail, then its parts.
        let texts: Vec<&str> = paragraphs(&flow).iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts[..6],
            [
                "会議録",
                "議事",
                "1 開会",
                "1 開会の説明",
                "2 報告",
                "2 報告の説明"
            ]
        );
        assert_eq!(texts[6], "（1）予算");
    }

    #[test]
    fn a_visible_bullet_hangs_and_spaces_do_not() {
        let p = |bullet: &str| Paragraph {
            bullet: bullet.into(),
            time: None,
            offset: None,
            marks: Vec::new(),
            lead: None,
            continued: false,
            text: "発言".into(),
        };
        assert_eq!(remark(&p("・")).hang, 2);
        assert_eq!(remark(&p("　")).hang, 0);
        assert_eq!(remark(&p("")).hang, 0);
    }
}
