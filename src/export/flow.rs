//! The body of the minutes, item by item: headings, speakers, paragraphs, the meeting's own
//! events and decisions in time order, and where the public minutes leave something out.

use std::collections::HashMap;

use super::dates::{item_number, number};
use super::document::{Audience, Block, Paragraph, Section};
use super::names::{fill_person, speaker_label};
use super::style::{Gap, Style, fill};
use crate::model::{
    AgendaItem, ItemNo, Layout, OffRecord, Participant, ParticipantId, Proceeding, Remark, Session,
    Timestamp,
};

pub fn item_is_public(session: &Session, no: ItemNo) -> bool {
    session.plan.item(no).is_some_and(|i| i.public)
}

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
fn fill_speaker(
    template: &str,
    session: &Session,
    item: &AgendaItem,
    p: &Participant,
    style: &Style,
) -> String {
    let label = speaker_label(p, style);
    let with_item = fill_fields(template, &item_fields(session, item, style, true), &[]);
    fill_person(&with_item, p, style, &[("speaker", &label)])
}

fn layout(item: &AgendaItem, style: &Style) -> Layout {
    if style.discussion_everywhere {
        Layout::Discussion
    } else {
        item.layout
    }
}

/// A part's heading sits under its item's.
fn level(item: &AgendaItem, style: &Style) -> u8 {
    if style.parts.is_some() && item.part_of.is_some() {
        2
    } else {
        1
    }
}

fn plain_heading(
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
    // An empty heading template leaves the heading out, not an empty line.
    (!template.is_empty()).then(|| {
        closed(
            fill_heading(template, session, item, style),
            item,
            style,
            audience,
        )
    })
}

fn closed(mut heading: String, item: &AgendaItem, style: &Style, audience: Audience) -> String {
    if !item.public && audience == Audience::Internal {
        heading.push_str(&style.closed_mark);
    }
    heading
}

/// One remark as paragraphs: each paragraph typed (A-Enter) is one, the first with the time,
/// the marks and the speaker's lead.
fn paragraphs(
    session: &Session,
    r: &Remark,
    audience: Audience,
    style: &Style,
    lead: Option<String>,
) -> Vec<Block> {
    let internal = audience == Audience::Internal;
    let mut marks = Vec::new();
    if internal && !session.is_public(r) {
        marks.push(style.non_public_mark.clone());
    }
    // Another clerk's version still waits for review.
    if internal && (r.check_later || !r.alternatives.is_empty()) {
        marks.push(style.check_mark.clone());
    }
    let mut texts: Vec<&str> = r
        .text
        .split('\n')
        .filter(|p| !p.trim().is_empty())
        .collect();
    if texts.is_empty() {
        texts.push("");
    }
    texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let first = i == 0;
            Block::Paragraph(Paragraph {
                bullet: style.paragraph_bullet.clone(),
                time: (internal && first).then(|| r.began.format("%H:%M").to_string()),
                offset: (internal && first)
                    .then(|| session.log.recording_offset(r.began))
                    .flatten(),
                marks: marks.clone(),
                lead: lead.clone().filter(|_| first),
                continued: !first,
                text: text.to_owned(),
            })
        })
        .collect()
}

fn clock_text(t: Timestamp, style: &Style) -> String {
    style.date_forms().clock(t.time())
}

/// The agenda item under discussion at `at`: an event before any item belongs to the first
/// item visited, one after the last to the last.
fn under(session: &Session, at: Timestamp) -> Option<ItemNo> {
    let log = &session.log;
    log.items
        .iter()
        .find(|s| s.started <= at && s.ended.is_none_or(|e| at < e))
        .or_else(|| log.items.iter().rev().find(|s| s.ended == Some(at)))
        .or_else(|| log.items.first().filter(|s| at < s.started))
        .or_else(|| log.items.last())
        .map(|s| s.item)
}

fn position(session: &Session, no: ItemNo) -> usize {
    session
        .plan
        .agenda
        .iter()
        .position(|i| i.no == no)
        .unwrap_or(usize::MAX)
}

/// Where an off-the-record stretch is marked in the public minutes: its beginning in the
/// first public item it touched (at the stretch's start, or when that item began within it),
/// its end in the item it ended in, or in the first one if that item is closed. `None`: the
/// stretch touched no public item.
struct Marked {
    from: (Timestamp, ItemNo),
    to: Option<(Timestamp, ItemNo)>,
}

fn marked(session: &Session, o: &OffRecord) -> Option<Marked> {
    let public = |no: Option<ItemNo>| no.filter(|&n| item_is_public(session, n));
    let from = match public(under(session, o.start)) {
        Some(no) => (o.start, no),
        None => session
            .log
            .items
            .iter()
            .find(|s| {
                s.started > o.start
                    && o.end.is_none_or(|e| s.started < e)
                    && item_is_public(session, s.item)
            })
            .map(|s| (s.started, s.item))?,
    };
    let to = o
        .end
        .map(|e| (e, public(under(session, e)).unwrap_or(from.1)));
    Some(Marked { from, to })
}

/// Does a marked stretch stand around `r` in the minutes: does it overlap the remark's time,
/// with the remark's item between the two markers in reading order?
fn covered(session: &Session, r: &Remark) -> bool {
    session.log.off_record.iter().any(|o| {
        let overlaps = o.start <= r.committed && o.end.is_none_or(|e| r.began <= e);
        overlaps
            && marked(session, o).is_some_and(|m| {
                let at = position(session, r.item);
                let last = m.to.map_or(usize::MAX, |(_, no)| position(session, no));
                position(session, m.from.1) <= at && at <= last
            })
    })
}

/// What a marker says at `at`, as the style's gap says it: the first of a pair, or the second.
fn gap_marker(style: &Style, at: Timestamp, second: bool) -> Option<Block> {
    let text = match (&style.non_public_gap, second) {
        (Gap::Nothing, _) | (Gap::Line(_), true) => return None,
        (Gap::Line(text), false) => text.clone(),
        (Gap::Timed(start, _), false) => fill(start, &[("time", &clock_text(at, style))]),
        (Gap::Timed(_, end), true) => fill(end, &[("time", &clock_text(at, style))]),
    };
    Some(Block::Marker { text })
}

/// The markers of the off-the-record stretches in `item`, one pair per stretch however many
/// items it crossed, even when nothing was typed in it.
fn stretch_markers(
    session: &Session,
    item: &AgendaItem,
    style: &Style,
) -> Vec<(Timestamp, Vec<Block>)> {
    let mut out = Vec::new();
    for m in session
        .log
        .off_record
        .iter()
        .filter_map(|o| marked(session, o))
    {
        if m.from.1 == item.no {
            out.extend(gap_marker(style, m.from.0, false).map(|b| (m.from.0, vec![b])));
        }
        if let Some((at, no)) = m.to
            && no == item.no
        {
            out.extend(gap_marker(style, at, true).map(|b| (at, vec![b])));
        }
    }
    out
}

/// The public minutes of one agenda item, as the cleanup preview shows them; `None` for a
/// closed item, which has no section of its own there.
pub fn preview_item(session: &Session, no: ItemNo, style: &Style) -> Option<Vec<Section>> {
    let item = session.plan.item(no)?;
    item.public
        .then(|| item_sections(session, item, Audience::Public, style))
}

/// A closed item in the public minutes: nothing, or the style's heading and line.
fn closed_section(session: &Session, item: &AgendaItem, style: &Style) -> Vec<Section> {
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

/// What stands in the flow at a time: one of the meeting's events, a decision, or a marker.
type Timed = (Timestamp, Option<Proceeding>, Vec<Block>);

pub fn item_sections<'a>(
    session: &'a Session,
    item: &AgendaItem,
    audience: Audience,
    style: &Style,
) -> Vec<Section> {
    if !item.public && audience == Audience::Public {
        return closed_section(session, item, style);
    }
    let level = level(item, style);
    let public = audience == Audience::Public;
    let mut sections: Vec<Section> = Vec::new();
    let layout = layout(item, style);
    // The meeting's events, the item's decisions and (public) the off-the-record markers, in
    // time order, to stand among the remarks where they happened.
    let mut timed: Vec<Timed> = proceeding_lines(session, item, audience, style)
        .into_iter()
        .map(|(at, what, text)| (at, Some(what), vec![Block::Marker { text }]))
        .chain(
            decision_blocks(session, item, audience, style)
                .into_iter()
                .map(|(at, blocks)| (at, None, blocks)),
        )
        .chain(
            stretch_markers(session, item, style)
                .into_iter()
                .filter(|_| public)
                .map(|(at, blocks)| (at, None, blocks)),
        )
        .collect();
    timed.sort_by_key(|(at, ..)| *at);
    let mut events = timed.into_iter().peekable();
    // The opening stands before the item's heading, as 〔午後一時開会〕 does before 日程第一.
    let first_said = session.remarks_in(item.no).next().map(|r| r.began);
    let mut opening = Vec::new();
    while let Some((_, _, blocks)) = events.next_if(|(at, what, _)| {
        *what == Some(Proceeding::Open) && first_said.is_none_or(|b| *at <= b)
    }) {
        opening.extend(blocks);
    }
    if !opening.is_empty() {
        sections.push(Section {
            heading: None,
            level,
            blocks: opening,
        });
    }
    let heading = || Section {
        heading: plain_heading(session, item, style, audience),
        level,
        blocks: Vec::new(),
    };
    if layout == Layout::Discussion {
        sections.push(heading());
    }
    // The speaker of the run being written; `None` when a new run must start.
    let mut run: Option<Option<&Participant>> = None;
    // A speaker's line is the same every time they speak under this item: fill it once.
    let mut filled: HashMap<&ParticipantId, String> = HashMap::new();
    let inline = style
        .inline_speaker
        .as_ref()
        .filter(|_| layout == Layout::Discussion);
    let template = match (layout, inline) {
        (Layout::Discussion, Some(i)) => &i.lead,
        (Layout::Discussion, None) => &style.speaker_line,
        (Layout::Speeches, _) => &style.speech_heading,
    };
    let mut speaker_text = |p: &'a Participant| {
        filled
            .entry(&p.id)
            .or_insert_with(|| fill_speaker(template, session, item, p, style))
            .clone()
    };
    // A run of remarks left out one by one (flagged, not in a marked stretch): its first and
    // last remark. Its opening marker is out; the closing one waits for the run's end.
    let mut gap: Option<(&Remark, &Remark)> = None;
    for r in session.remarks_in(item.no) {
        // A note by the clerk is internal: it leaves no gap in what was said.
        let left = public && !session.is_public(r);
        let alone = left && !r.is_note() && !covered(session, r);
        let mut due = Vec::new();
        if alone && gap.is_none() {
            while let Some((_, _, blocks)) = events.next_if(|(at, ..)| *at < r.began) {
                due.extend(blocks);
            }
            due.extend(gap_marker(style, r.began, false));
            gap = Some((r, r));
        }
        // At the same second, the remark was said first: its text began before the key.
        while let Some((_, _, blocks)) = events.next_if(|(at, ..)| *at < r.began) {
            due.extend(blocks);
            // After a recess or a marker the speaker is named again.
            run = None;
        }
        push_blocks(&mut sections, due, level);
        if left {
            if !r.is_note() {
                if let Some((_, last)) = gap.as_mut().filter(|_| alone) {
                    *last = r;
                }
                run = None;
            }
            continue;
        }
        if let Some((_, last)) = gap.take() {
            let end = gap_marker(style, last.committed, true);
            push_blocks(&mut sections, end.into_iter().collect(), level);
        }
        let speaker = r
            .speaker
            .as_ref()
            .and_then(|id| session.plan.participant(id));
        let mut lead = None;
        let new_run = run != Some(speaker);
        if new_run {
            run = Some(speaker);
        }
        match (layout, speaker) {
            (Layout::Discussion, Some(p)) if inline.is_some_and(|i| new_run || i.every_remark) => {
                lead = Some(speaker_text(p));
            }
            (Layout::Discussion, Some(_)) if inline.is_some() => {}
            (Layout::Discussion, Some(p)) if new_run && !template.is_empty() => {
                let text = speaker_text(p);
                push_blocks(&mut sections, vec![Block::Speaker { text }], level);
            }
            (Layout::Speeches, _) if new_run => {
                let heading = match speaker {
                    Some(p) => Some(speaker_text(p)).filter(|h| !h.is_empty()),
                    None => plain_heading(session, item, style, audience),
                };
                sections.push(Section {
                    heading: heading.map(|h| closed(h, item, style, audience)),
                    level,
                    blocks: Vec::new(),
                });
            }
            _ => {}
        }
        push_blocks(
            &mut sections,
            paragraphs(session, r, audience, style, lead),
            level,
        );
    }
    if let Some((_, last)) = gap.take() {
        let end = gap_marker(style, last.committed, true);
        push_blocks(&mut sections, end.into_iter().collect(), level);
    }
    let rest: Vec<Block> = events.flat_map(|(_, _, blocks)| blocks).collect();
    if sections.is_empty() && !rest.is_empty() {
        sections.push(heading());
    }
    push_blocks(&mut sections, rest, level);
    if sections.is_empty() {
        sections.push(heading());
    }
    // A section with neither heading nor blocks would print as nothing but space.
    sections.retain(|s| s.heading.is_some() || !s.blocks.is_empty());
    sections
}

/// What `item` decided, as the style prints it; a decision taken where the record was not
/// public (off the record) is in the internal record only.
fn decision_blocks(
    session: &Session,
    item: &AgendaItem,
    audience: Audience,
    style: &Style,
) -> Vec<(Timestamp, Vec<Block>)> {
    let Some(d) = &style.decision else {
        return Vec::new();
    };
    let n = |v: u32| number(v, style.numerals());
    let mut all = Vec::new();
    let shown = session
        .log
        .decisions
        .iter()
        .filter(|x| x.item == item.no && (audience == Audience::Internal || !x.non_public));
    for x in shown {
        let method = x
            .method
            .as_deref()
            .map(|m| fill(&d.method, &[("method", m)]))
            .unwrap_or_default();
        let votes = x
            .votes
            .map(|v| {
                let (yes, no, abstain) = (n(v.yes), n(v.no), n(v.abstain));
                fill(
                    &d.votes,
                    &[("yes", &yes), ("no", &no), ("abstain", &abstain)],
                )
            })
            .unwrap_or_default();
        let mut text = fill(
            &d.line,
            &[
                ("result", &x.result),
                ("method", &method),
                ("votes", &votes),
            ],
        );
        // The internal record says which decisions the public minutes leave out.
        if audience == Audience::Internal && (x.non_public || !item.public) {
            text.insert_str(0, &style.non_public_mark);
        }
        let mut out = vec![Block::Decision { text }];
        for a in x.actions.iter().filter(|_| !d.action.is_empty()) {
            let who = a
                .who
                .as_deref()
                .map(|w| fill(&d.who, &[("who", w)]))
                .unwrap_or_default();
            let due = a
                .due
                .map(|date| fill(&d.due, &[("due", &style.date_forms().due(date))]))
                .unwrap_or_default();
            let text = fill(
                &d.action,
                &[("what", &a.what), ("who", &who), ("due", &due)],
            );
            out.push(Block::Action { text });
        }
        all.push((x.at, out));
    }
    all
}

/// The events the public minutes leave out (by index): those pressed where the record was not
/// public, and the other half of a recess whose one half is left out, so that no 〔再開〕
/// stands without its 〔休憩〕.
fn withheld_events(session: &Session) -> Vec<usize> {
    let events = &session.log.events;
    let private = |e: &crate::model::MeetingEvent| {
        e.non_public || e.item.is_some_and(|no| !item_is_public(session, no))
    };
    let mut out: Vec<usize> = (0..events.len()).filter(|&i| private(&events[i])).collect();
    let mut recess: Option<usize> = None;
    for (i, e) in events.iter().enumerate() {
        match e.what {
            Proceeding::Recess => recess = Some(i),
            Proceeding::Resume => {
                if let Some(r) = recess.take()
                    && (out.contains(&r) || out.contains(&i))
                {
                    out.extend([r, i]);
                }
            }
            _ => {}
        }
    }
    out
}

/// The meeting's own events that happened under `item`, in time order, as the style prints
/// them: `(time, what, line)`. An event belongs to the item under discussion at its time; an
/// opening before any item to the first item visited, a close to the item it ended.
fn proceeding_lines(
    session: &Session,
    item: &AgendaItem,
    audience: Audience,
    style: &Style,
) -> Vec<(Timestamp, Proceeding, String)> {
    let Some(lines) = &style.proceeding_lines else {
        return Vec::new();
    };
    let withheld = withheld_events(session);
    session
        .log
        .events
        .iter()
        .enumerate()
        .filter(|(i, _)| audience == Audience::Internal || !withheld.contains(i))
        .map(|(_, e)| e)
        .filter(|e| e.item.or_else(|| under(session, e.at)) == Some(item.no))
        .filter_map(|e| {
            let template = match e.what {
                Proceeding::Open => &lines.open,
                Proceeding::Recess => &lines.recess,
                Proceeding::Resume => &lines.resume,
                Proceeding::Close => &lines.close,
            };
            (!template.is_empty()).then(|| {
                let text = fill(template, &[("time", &clock_text(e.at, style))]);
                (e.at, e.what, text)
            })
        })
        .collect()
}

fn push_blocks(sections: &mut Vec<Section>, blocks: Vec<Block>, level: u8) {
    if blocks.is_empty() {
        return;
    }
    match sections.last_mut() {
        Some(s) => s.blocks.extend(blocks),
        None => sections.push(Section {
            heading: None,
            level,
            blocks,
        }),
    }
}
