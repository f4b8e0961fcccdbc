//! Session + audience + style → document. This is the one place where anything is left out:
//! renderers draw whatever the document holds.

use std::collections::HashMap;

use super::document::{
    AgendaEntry, AttendeeGroup, Attendees, Audience, Block, Document, Field, Header, Paragraph,
    Section,
};
use super::era::{japanese_clock, japanese_date, japanese_time_range};
use super::style::{DateForm, Gap, Style, fill};
use crate::model::{
    AgendaItem, Attendance, Layout, Participant, ParticipantId, Presence, PresenceEvent,
    Proceeding, Remark, Session, Timestamp,
};

pub fn build(session: &Session, audience: Audience, style: &Style) -> Document {
    let meeting = &session.plan.meeting;
    let header = Header {
        inline_separator: style.label_separator.clone(),
        fields: vec![
            Field {
                label: style.date_label.clone(),
                value: date_value(session, style),
            },
            Field {
                label: style.place_label.clone(),
                value: meeting.place.clone(),
            },
        ],
    };
    let agenda = session
        .plan
        .agenda
        .iter()
        .map(|item| {
            let item = &listed(item, audience);
            AgendaEntry {
                text: agenda_text(item, style),
                detail: item.detail.clone().filter(|_| style.agenda_detail),
                closed: !item.public,
            }
        })
        .collect();
    let sections = session
        .plan
        .agenda
        .iter()
        .filter(|item| item.public || audience == Audience::Internal)
        .flat_map(|item| item_sections(session, item, audience, style))
        .collect();
    Document {
        audience,
        language: meeting.language.clone(),
        notice: (audience == Audience::Internal).then(|| style.internal_notice.clone()),
        title: fill(&style.title, &[("title", &meeting.title)]),
        header,
        attendance: attendees(session, audience, style),
        agenda_label: style.agenda_label.clone(),
        agenda,
        sections,
    }
}

/// The attendance list, grouped as the roster groups people, those who never came under
/// the absent label. Arrivals and departures logged where the record was not public (off the
/// record, a closed item) are not dated in the public minutes: a late arrival then reads as
/// present, and a departure is not mentioned.
fn attendees(session: &Session, audience: Audience, style: &Style) -> Option<Attendees> {
    let a = style.attendance.as_ref()?;
    let roster = &session.plan.roster;
    if a.when_grouped && roster.iter().all(|p| p.group.is_none()) {
        return None;
    }
    let mut groups: Vec<AttendeeGroup> = Vec::new();
    let mut absent = Vec::new();
    for p in &session.plan.roster {
        let events: Vec<&PresenceEvent> = session
            .log
            .presence
            .iter()
            .filter(|e| e.who == p.id && e.what.is_coming_or_going())
            .collect();
        // Online at any time the audience may know of.
        let online = p.attendance == Attendance::Online
            || session.log.presence.iter().any(|e| {
                e.who == p.id
                    && e.what == Presence::Online
                    && (audience == Audience::Internal
                        || (!e.non_public && e.item.is_none_or(|no| item_is_public(session, no))))
            });
        let shown = |e: &&&PresenceEvent| {
            audience == Audience::Internal
                || (!e.non_public && e.item.is_none_or(|no| item_is_public(session, no)))
        };
        let expected = session.here_at_start(p);
        let entry = attendee(p, &a.entry, style);
        if !expected && !events.iter().any(|e| e.what == Presence::Arrived) {
            absent.push(entry);
            continue;
        }
        let mut line = entry;
        if online {
            line.push_str(&a.online_mark);
        }
        if let Some(other) = p
            .stands_in_for
            .as_ref()
            .and_then(|id| session.plan.participant(id))
            .filter(|_| !a.stand_in_mark.is_empty())
        {
            line.push_str(&fill(&a.stand_in_mark, &[("absent", &other.name)]));
        }
        // Late: the first arrival after the opening of someone not there at it.
        let opened = session.log.opened();
        let late = events
            .iter()
            .find(|e| e.what == Presence::Arrived && opened.is_none_or(|o| e.at > o))
            .filter(|_| !expected)
            .filter(shown);
        if let Some(e) = late.filter(|_| !a.late_mark.is_empty()) {
            line.push_str(&fill(&a.late_mark, &[("time", &clock_text(e.at, style))]));
        }
        // Out for a while after the opening (除斥 for an item, a call outside): each time
        // both the going and the coming back may be shown.
        if !a.away_mark.is_empty() {
            for pair in events.windows(2) {
                let (out, back) = (pair[0], pair[1]);
                let after_opening = opened.is_none_or(|o| out.at > o);
                if out.what == Presence::Left
                    && back.what == Presence::Arrived
                    && after_opening
                    && shown(&&out)
                    && shown(&&back)
                {
                    let (from, to) = (clock_text(out.at, style), clock_text(back.at, style));
                    line.push_str(&fill(&a.away_mark, &[("from", &from), ("to", &to)]));
                }
            }
        }
        let gone = events
            .last()
            .filter(|e| e.what == Presence::Left)
            .filter(shown);
        if let Some(e) = gone.filter(|_| !a.left_mark.is_empty()) {
            line.push_str(&fill(&a.left_mark, &[("time", &clock_text(e.at, style))]));
        }
        let heading = p
            .group
            .as_ref()
            .filter(|_| !a.group_heading.is_empty())
            .map(|g| fill(&a.group_heading, &[("group", g)]));
        match groups.iter_mut().find(|g| g.heading == heading) {
            Some(g) => g.entries.push(line),
            None => groups.push(AttendeeGroup {
                heading,
                entries: vec![line],
            }),
        }
    }
    if !absent.is_empty() && !a.absent_label.is_empty() {
        groups.push(AttendeeGroup {
            heading: Some(a.absent_label.clone()),
            entries: absent,
        });
    }
    let observers = session
        .log
        .observers
        .filter(|_| !a.observers.is_empty())
        .map(|n| fill(&a.observers, &[("count", &n.to_string())]));
    Some(Attendees {
        label: a.label.clone(),
        groups,
        note: (!a.note.is_empty()).then(|| a.note.clone()),
        observers,
    })
}

/// One attendee as the style's entry template writes them.
fn attendee(p: &Participant, template: &str, style: &Style) -> String {
    let honorific = honorific(p, style);
    let compact: String = p.name.chars().filter(|c| !c.is_whitespace()).collect();
    let s = fill(
        template,
        &[
            ("role_mark", p.role_mark.as_deref().unwrap_or_default()),
            ("role", &p.role),
            ("name", &p.name),
            ("name_compact", &compact),
            ("honorific", &honorific),
            ("group", p.group.as_deref().unwrap_or_default()),
        ],
    );
    s.trim().to_owned()
}

/// The honorific as the style gives it, with a leading space, or nothing.
fn honorific(p: &Participant, style: &Style) -> String {
    let honorific = if p.is_outside() {
        style
            .outside_honorific
            .clone()
            .or_else(|| p.honorific.clone())
    } else {
        p.honorific.clone()
    };
    honorific
        .filter(|h| !h.trim().is_empty())
        .map(|h| format!(" {h}"))
        .unwrap_or_default()
}

/// An agenda item as the audience may see it: a closed item's detail (its subject can be
/// what is confidential) is left out of the public minutes unless the agenda file says it is
/// public, wherever a template would print it.
fn listed(item: &AgendaItem, audience: Audience) -> AgendaItem {
    let mut item = item.clone();
    if audience == Audience::Public && !item.public && !item.detail_public {
        item.detail = None;
    }
    item
}

/// The hours the date line gives: as the meeting kept them when the style asks and the
/// meeting has opened and closed, else as scheduled.
/// The hours the date line gives, if any: with `time_range`, always (kept or scheduled);
/// with `actual_hours` alone, once the meeting's kept hours are known.
fn hours(session: &Session, style: &Style) -> Option<(chrono::NaiveTime, chrono::NaiveTime)> {
    let (start, end, kept) = hours_kept_or_planned(session, style);
    (style.time_range || (style.actual_hours && kept)).then_some((start, end))
}

fn hours_kept_or_planned(
    session: &Session,
    style: &Style,
) -> (chrono::NaiveTime, chrono::NaiveTime, bool) {
    let m = &session.plan.meeting;
    let log = &session.log;
    // An opening or a close pressed where the record was not public does not give its time.
    let public = |e: &crate::model::MeetingEvent| {
        !e.non_public && e.item.is_none_or(|no| item_is_public(session, no))
    };
    let open = match log.events.iter().find(|e| e.what == Proceeding::Open) {
        Some(e) => public(e).then_some(e.at),
        None => log
            .items
            .first()
            .filter(|s| item_is_public(session, s.item))
            .map(|s| s.started),
    };
    let close = log
        .events
        .last()
        .filter(|e| e.what == Proceeding::Close && public(e))
        .map(|e| e.at);
    match (style.actual_hours, open, close) {
        (true, Some(open), Some(close)) => (open.time(), close.time(), true),
        _ => (m.start, m.end, false),
    }
}

fn item_is_public(session: &Session, no: crate::model::ItemNo) -> bool {
    session.plan.item(no).is_some_and(|i| i.public)
}

fn date_value(session: &Session, style: &Style) -> String {
    let m = &session.plan.meeting;
    let k = style.kanji_numerals;
    let hours = hours(session, style);
    match style.date {
        DateForm::English => {
            let mut s = m.date.format("%A, %-d %B %Y").to_string();
            if let Some((start, end)) = hours {
                s.push_str(&format!(
                    ", {}–{}",
                    start.format("%H:%M"),
                    end.format("%H:%M")
                ));
            }
            s
        }
        form => {
            let mut s = japanese_date(m.date, form == DateForm::Era, k, true);
            if let Some((start, end)) = hours {
                s.push(' ');
                s.push_str(&japanese_time_range(start, end, k));
            }
            s
        }
    }
}

fn item_fields(item: &AgendaItem) -> [(&'static str, String); 3] {
    [
        ("no", item.no.to_string()),
        ("title", item.title.clone()),
        ("detail", item.detail.clone().unwrap_or_default()),
    ]
}

fn fill_item(template: &str, item: &AgendaItem, extra: &[(&str, &str)]) -> String {
    let fields = item_fields(item);
    let mut all: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    all.extend_from_slice(extra);
    fill(template, &all)
}

fn agenda_text(item: &AgendaItem, style: &Style) -> String {
    let mut s = fill_item(&style.agenda_item, item, &[]);
    if !item.public {
        s.push_str(&style.closed_mark);
    }
    s
}

/// How the style names a participant.
pub fn speaker_label(p: &Participant, style: &Style) -> String {
    let honorific = honorific(p, style);
    let compact: String = p.name.chars().filter(|c| !c.is_whitespace()).collect();
    let s = fill(
        &style.speaker,
        &[
            ("role", &p.role),
            ("name", &p.name),
            ("name_compact", &compact),
            ("honorific", &honorific),
        ],
    );
    s.trim().trim_end_matches(',').trim().to_owned()
}

/// Fills `{speaker}` and the speaker's own fields in a heading or speaker-line template.
fn fill_speaker(template: &str, item: &AgendaItem, p: &Participant, style: &Style) -> String {
    let label = speaker_label(p, style);
    let compact: String = p.name.chars().filter(|c| !c.is_whitespace()).collect();
    fill_item(
        template,
        item,
        &[
            ("speaker", &label),
            ("role", &p.role),
            ("name", &p.name),
            ("name_compact", &compact),
        ],
    )
}

fn layout(item: &AgendaItem, style: &Style) -> Layout {
    if style.discussion_everywhere {
        Layout::Discussion
    } else {
        item.layout
    }
}

fn plain_heading(item: &AgendaItem, style: &Style, audience: Audience) -> String {
    let template = if item.detail.is_some() && layout(item, style) == Layout::Discussion {
        &style.item_heading
    } else {
        &style.item_heading_plain
    };
    closed(fill_item(template, item, &[]), item, style, audience)
}

fn closed(mut heading: String, item: &AgendaItem, style: &Style, audience: Audience) -> String {
    if !item.public && audience == Audience::Internal {
        heading.push_str(&style.closed_mark);
    }
    heading
}

fn paragraph(session: &Session, r: &Remark, audience: Audience, style: &Style) -> Block {
    let internal = audience == Audience::Internal;
    let mut marks = Vec::new();
    if internal && !session.is_public(r) {
        marks.push(style.non_public_mark.clone());
    }
    if internal && r.check_later {
        marks.push(style.check_mark.clone());
    }
    Block::Paragraph(Paragraph {
        bullet: style.paragraph_bullet.clone(),
        time: internal.then(|| r.began.format("%H:%M").to_string()),
        offset: internal
            .then(|| session.log.recording_offset(r.began))
            .flatten(),
        marks,
        text: r.text.clone(),
    })
}

fn clock_text(t: Timestamp, style: &Style) -> String {
    match style.date {
        DateForm::English => t.format("%H:%M").to_string(),
        _ => japanese_clock(t.time(), style.kanji_numerals),
    }
}

/// The off-the-record stretch that holds `r`, if one does.
fn stretch_of<'a>(session: &'a Session, r: &Remark) -> Option<&'a crate::model::OffRecord> {
    session
        .log
        .off_record
        .iter()
        .find(|o| o.start <= r.began && o.end.is_none_or(|e| r.began <= e))
}

/// When a run of left-out remarks beginning with `first` began: its stretch's start.
fn gap_from(session: &Session, first: &Remark) -> Timestamp {
    stretch_of(session, first).map_or(first.began, |o| o.start)
}

/// The marker where a run of left-out remarks begins, as the style says.
fn gap_start(session: &Session, first: &Remark, style: &Style) -> Vec<Block> {
    match &style.non_public_gap {
        Gap::Nothing => Vec::new(),
        Gap::Line(text) => vec![Block::Marker { text: text.clone() }],
        Gap::Timed(start, _) => {
            let from = gap_from(session, first);
            vec![Block::Marker {
                text: fill(start, &[("time", &clock_text(from, style))]),
            }]
        }
    }
}

/// The marker where the run ends (timed styles only), timed by the stretch that holds it.
fn gap_end(session: &Session, first: &Remark, last: &Remark, style: &Style) -> Vec<Block> {
    match &style.non_public_gap {
        Gap::Timed(_, end) => {
            let to = stretch_of(session, first)
                .and_then(|o| o.end)
                .unwrap_or(last.committed);
            vec![Block::Marker {
                text: fill(end, &[("time", &clock_text(to, style))]),
            }]
        }
        _ => Vec::new(),
    }
}

/// The public minutes of one agenda item, as the cleanup preview shows them; `None` for a
/// closed item, which has no section at all.
pub fn preview_item(
    session: &Session,
    no: crate::model::ItemNo,
    style: &Style,
) -> Option<Vec<Section>> {
    let item = session.plan.item(no)?;
    item.public
        .then(|| item_sections(session, item, Audience::Public, style))
}

fn item_sections<'a>(
    session: &'a Session,
    item: &AgendaItem,
    audience: Audience,
    style: &Style,
) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    let layout = layout(item, style);
    // The meeting's events and the item's decisions, in time order, to stand among the
    // remarks where they happened.
    let mut timed: Vec<(Timestamp, Option<Proceeding>, Vec<Block>)> =
        proceeding_lines(session, item, audience, style)
            .into_iter()
            .map(|(at, what, text)| (at, Some(what), vec![Block::Marker { text }]))
            .chain(
                decision_blocks(session, item, audience, style)
                    .into_iter()
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
            blocks: opening,
        });
    }
    if layout == Layout::Discussion {
        sections.push(Section {
            heading: Some(plain_heading(item, style, audience)),
            blocks: Vec::new(),
        });
    }
    // The speaker of the run being written; `None` when a new run must start.
    let mut run: Option<Option<&Participant>> = None;
    // A speaker's line is the same every time they speak under this item: fill it once.
    let mut filled: HashMap<&ParticipantId, String> = HashMap::new();
    let template = match layout {
        Layout::Discussion => &style.speaker_line,
        Layout::Speeches => &style.speech_heading,
    };
    let mut speaker_text = |p: &'a Participant| {
        filled
            .entry(&p.id)
            .or_insert_with(|| fill_speaker(template, item, p, style))
            .clone()
    };
    // The run of left-out remarks being written: its first and last remark. Its opening
    // marker is out; the closing one waits for the run's end, so that the meeting's events
    // inside the stretch stand between the two.
    let mut gap: Option<(&Remark, &Remark)> = None;
    for r in session.remarks_in(item.no) {
        // A note by the clerk is internal: it leaves no gap in what was said.
        let left = audience == Audience::Public && !session.is_public(r);
        let mut due = Vec::new();
        if left && !r.is_note() && gap.is_none() {
            let from = gap_from(session, r);
            while let Some((_, _, blocks)) = events.next_if(|(at, ..)| *at < from) {
                due.extend(blocks);
            }
            due.extend(gap_start(session, r, style));
            gap = Some((r, r));
        }
        // At the same second, the remark was said first: its text began before the key.
        while let Some((_, _, blocks)) = events.next_if(|(at, ..)| *at < r.began) {
            due.extend(blocks);
            // After a recess the speaker is named again.
            run = None;
        }
        push_blocks(&mut sections, due);
        if left {
            if !r.is_note() {
                if let Some((_, last)) = &mut gap {
                    *last = r;
                }
                run = None;
            }
            continue;
        }
        if let Some((first, last)) = gap.take() {
            push_blocks(&mut sections, gap_end(session, first, last, style));
        }
        let speaker = r
            .speaker
            .as_ref()
            .and_then(|id| session.plan.participant(id));
        if run != Some(speaker) {
            run = Some(speaker);
            match layout {
                Layout::Discussion => {
                    if let Some(p) = speaker {
                        let text = speaker_text(p);
                        push_blocks(&mut sections, vec![Block::Speaker { text }]);
                    }
                }
                Layout::Speeches => {
                    let heading = match speaker {
                        Some(p) => speaker_text(p),
                        None => fill_item(&style.item_heading_plain, item, &[]),
                    };
                    sections.push(Section {
                        heading: Some(closed(heading, item, style, audience)),
                        blocks: Vec::new(),
                    });
                }
            }
        }
        push_blocks(&mut sections, vec![paragraph(session, r, audience, style)]);
    }
    if let Some((first, last)) = gap.take() {
        push_blocks(&mut sections, gap_end(session, first, last, style));
    }
    let rest: Vec<Block> = events.flat_map(|(_, _, blocks)| blocks).collect();
    if sections.is_empty() && !rest.is_empty() {
        sections.push(Section {
            heading: Some(plain_heading(item, style, audience)),
            blocks: Vec::new(),
        });
    }
    push_blocks(&mut sections, rest);
    if sections.is_empty() {
        sections.push(Section {
            heading: Some(plain_heading(item, style, audience)),
            blocks: Vec::new(),
        });
    }
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
                let (yes, no, abstain) =
                    (v.yes.to_string(), v.no.to_string(), v.abstain.to_string());
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
                .map(|date| fill(&d.due, &[("due", &due_text(date, style))]))
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

fn due_text(date: chrono::NaiveDate, style: &Style) -> String {
    match style.date {
        DateForm::English => date.format("%-d %B %Y").to_string(),
        form => japanese_date(date, form == DateForm::Era, style.kanji_numerals, false),
    }
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
    let log = &session.log;
    let under = |at: Timestamp| {
        log.items
            .iter()
            .find(|s| s.started <= at && s.ended.is_none_or(|e| at < e))
            .or_else(|| log.items.iter().rev().find(|s| s.ended == Some(at)))
            .or_else(|| log.items.first().filter(|s| at < s.started))
            .or_else(|| log.items.last())
            .map(|s| s.item)
    };
    let withheld = withheld_events(session);
    log.events
        .iter()
        .enumerate()
        .filter(|(i, _)| audience == Audience::Internal || !withheld.contains(i))
        .map(|(_, e)| e)
        .filter(|e| e.item.or_else(|| under(e.at)) == Some(item.no))
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

fn push_blocks(sections: &mut Vec<Section>, blocks: Vec<Block>) {
    if blocks.is_empty() {
        return;
    }
    match sections.last_mut() {
        Some(s) => s.blocks.extend(blocks),
        None => sections.push(Section {
            heading: None,
            blocks,
        }),
    }
}
