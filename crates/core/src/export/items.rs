//! How an agenda item is written in the body of the minutes: its fields, its headings (a
//! part one level under its item), the speaker lines under it, and a closed item's section.

use super::dates::item_number;
use super::document::{Audience, Block, Section};
use super::names::{person_fields, speaker_label};
use super::style::{Style, fill};
use crate::model::{AgendaItem, Layout, Participant, Session};

/// The item's fields: `{no}` as the style numbers items, `{title}` (the heading's own title
/// where the agenda gives one and `heading` is asked for), `{detail}`, and for a part,
/// `{part}` with `{no}` its item's number.
fn item_fields(
    session: &Session,
    item: &AgendaItem,
    style: &Style,
    heading: bool,
) -> Vec<(&'static str, String)> {
    let (no, part) = match item.part_of.filter(|_| style.parts.is_some()) {
        Some(of) => {
            let ordinal = session
                .plan
                .agenda
                .iter()
                .filter(|i| i.part_of == Some(of))
                .position(|i| i.no == item.no)
                .map_or(1, |p| p as u32 + 1);
            (of, item_number(ordinal, style.part_numbering))
        }
        None => (item.no, String::new()),
    };
    let title = match (&item.heading, heading) {
        (Some(h), true) => h.clone(),
        _ => item.title.clone(),
    };
    vec![
        ("no", item_number(no, style.numbering)),
        ("title", title),
        ("detail", item.detail.clone().unwrap_or_default()),
        ("part", part),
    ]
}

fn fill_fields(
    template: &str,
    fields: &[(&'static str, String)],
    extra: &[(&str, &str)],
) -> String {
    let mut all: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    all.extend_from_slice(extra);
    fill(template, &all)
}

/// A template with the item's fields, as the agenda list gives them.
pub fn fill_item(
    template: &str,
    session: &Session,
    item: &AgendaItem,
    style: &Style,
    extra: &[(&str, &str)],
) -> String {
    fill_fields(template, &item_fields(session, item, style, false), extra)
}

/// A template with the item's fields, as a heading gives them.
fn fill_heading(template: &str, session: &Session, item: &AgendaItem, style: &Style) -> String {
    fill_fields(template, &item_fields(session, item, style, true), &[])
}

/// Fills `{speaker}`, the speaker's fields and the item's in a heading, speaker-line or lead
/// template.
pub fn fill_speaker(
    template: &str,
    session: &Session,
    item: &AgendaItem,
    p: &Participant,
    style: &Style,
) -> String {
    let label = speaker_label(p, style);
    // One pass over all the fields: a title that reads like a field is not filled again.
    let mut fields = item_fields(session, item, style, true);
    fields.extend(person_fields(p, style));
    fill_fields(template, &fields, &[("speaker", &label)])
}

pub fn layout(item: &AgendaItem, style: &Style) -> Layout {
    if style.discussion_everywhere {
        Layout::Discussion
    } else {
        item.layout
    }
}

/// Does a speech heading name the speaker (`{speaker}` or a person's field)? One that does
/// not is the item's heading, printed once, and each speaker's run is then named as in a
/// discussion (`speaker_line` or `inline_speaker`), never dropped.
pub fn names_speaker(template: &str) -> bool {
    super::template::fields(template)
        .iter()
        .any(|f| *f == "speaker" || super::style_check::PERSON.contains(f))
}

/// The heading of a `Speeches` item whose speech heading names no speaker; empty: none.
pub fn speech_heading(
    session: &Session,
    item: &AgendaItem,
    style: &Style,
    audience: Audience,
) -> Option<String> {
    heading_from(&style.speech_heading, session, item, style, audience)
}

/// `template` filled as the item's heading; an empty one leaves the heading out, not an
/// empty line.
fn heading_from(
    template: &str,
    session: &Session,
    item: &AgendaItem,
    style: &Style,
    audience: Audience,
) -> Option<String> {
    (!template.is_empty()).then(|| {
        closed(
            fill_heading(template, session, item, style),
            item,
            style,
            audience,
        )
    })
}

/// A part's heading sits under its item's.
pub fn level(item: &AgendaItem, style: &Style) -> u8 {
    if style.parts.is_some() && item.part_of.is_some() {
        2
    } else {
        1
    }
}

pub fn plain_heading(
    session: &Session,
    item: &AgendaItem,
    style: &Style,
    audience: Audience,
) -> Option<String> {
    let with_detail = item.detail.is_some() && layout(item, style) == Layout::Discussion;
    let template = match (&style.parts, item.part_of) {
        (Some(p), Some(_)) if with_detail => &p.heading,
        (Some(p), Some(_)) => &p.heading_plain,
        _ if with_detail => &style.item_heading,
        _ => &style.item_heading_plain,
    };
    heading_from(template, session, item, style, audience)
}

pub fn closed(mut heading: String, item: &AgendaItem, style: &Style, audience: Audience) -> String {
    if !item.public && audience == Audience::Internal {
        heading.push_str(&style.closed_mark);
    }
    heading
}

/// A closed item in the public minutes: nothing, or the style's heading and line.
pub fn closed_section(session: &Session, item: &AgendaItem, style: &Style) -> Vec<Section> {
    let Some(c) = &style.closed_item else {
        return Vec::new();
    };
    let reason = item
        .closed_reason
        .clone()
        .unwrap_or_else(|| c.reason.clone());
    // The title as the agenda list gives it: a heading of its own may say more.
    let fields = item_fields(session, item, style, false);
    vec![Section {
        heading: (!c.heading.is_empty()).then(|| fill_fields(&c.heading, &fields, &[])),
        level: level(item, style),
        blocks: vec![Block::Marker {
            text: fill_fields(&c.line, &fields, &[("reason", &reason)]),
        }],
    }]
}
