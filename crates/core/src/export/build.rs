//! Session + audience + style → document. This (with `flow`, the body of each item) is the
//! one place where anything is left out: renderers draw whatever the document holds.

use super::document::{
    AgendaEntry, AttendeeGroup, Attendees, Audience, Document, Field, Header, TextBlock,
};
use super::flow::item_sections;
use super::items::fill_item;
use super::names::fill_person;
use super::style::{Style, fill};
use crate::model::{
    AgendaItem, Attendance, Participant, Presence, PresenceEvent, Proceeding, Session, Timestamp,
};

pub fn build(session: &Session, audience: Audience, style: &Style) -> Document {
    let meeting = &session.plan.meeting;
    // A field the style gives no label and the meeting no value is left out; a label left
    // empty prints the value alone.
    let no_label = String::new();
    let fields = [
        (&style.date_label, date_value(session, style)),
        (&style.place_label, meeting.place.clone()),
        (&no_label, opening_line(session, audience, style)),
    ]
    .into_iter()
    .filter(|(_, value)| !value.trim().is_empty())
    .map(|(label, value)| Field {
        label: label.clone(),
        value,
    })
    .collect();
    let header = Header {
        inline_separator: style.label_separator.clone(),
        fields,
    };
    let agenda = session
        .plan
        .agenda
        .iter()
        .map(|item| {
            let item = &listed(item, audience);
            let part = style.parts.is_some() && item.part_of.is_some();
            AgendaEntry {
                text: agenda_text(session, item, style),
                detail: item.detail.clone().filter(|_| style.agenda_detail),
                closed: !item.public,
                part,
            }
        })
        .collect();
    // Where something was left out is settled in reading order across the items.
    let sections = super::gaps::settle(
        session
            .plan
            .agenda
            .iter()
            .flat_map(|item| item_sections(session, &listed(item, audience), audience, style))
            .collect(),
        style,
    );
    let texts = meeting
        .texts
        .iter()
        .filter(|t| t.public || audience == Audience::Internal)
        .map(|t| TextBlock {
            at: t.at,
            label: (!t.label.trim().is_empty()).then(|| t.label.clone()),
            paragraphs: t
                .text
                .split('\n')
                .filter(|p| !p.trim().is_empty())
                .map(str::to_owned)
                .collect(),
        })
        .collect();
    Document {
        audience,
        language: meeting.language.clone(),
        notice: (audience == Audience::Internal).then(|| style.internal_notice.clone()),
        title: title(session, style),
        header,
        attendance: attendees(session, audience, style),
        agenda_label: style.agenda_label.clone(),
        agenda,
        texts,
        body_heading: (!style.body_heading.is_empty()).then(|| style.body_heading.clone()),
        sections,
        as_of: as_of(session, audience),
    }
}

/// The latest time anything the audience may know of was recorded (a document's metadata
/// must not date what the minutes withhold).
fn as_of(session: &Session, audience: Audience) -> Option<String> {
    let log = &session.log;
    let all = audience == Audience::Internal;
    session
        .remarks
        .iter()
        .filter(|r| all || session.is_public(r))
        .map(|r| r.committed)
        .chain(
            log.events
                .iter()
                .filter(|e| all || session.event_is_public(e))
                .map(|e| e.at),
        )
        .chain(
            log.items
                .iter()
                .filter(|s| all || session.item_is_public(s.item))
                .flat_map(|s| [Some(s.started), s.ended])
                .flatten()
                .filter(|t| all || !log.off_record_at(*t)),
        )
        .max()
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
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
    // Each group of the roster with its entries; headings are filled once they are counted.
    let mut groups: Vec<(Option<&String>, Vec<String>)> = Vec::new();
    let mut absent = Vec::new();
    let mut online_count = 0;
    let forms = style.date_forms();
    let clock = |t: Timestamp| forms.clock(t.time());
    for p in &session.plan.roster {
        // Someone who joined where the record was not public and said nothing public since
        // is not named to the public at all.
        let unnamed = p.added_off_record
            && !session
                .remarks
                .iter()
                .any(|r| r.speaker.as_ref() == Some(&p.id) && session.is_public(r));
        if audience == Audience::Public && unnamed {
            continue;
        }
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
                    && (audience == Audience::Internal || session.presence_is_public(e))
            });
        let shown =
            |e: &&&PresenceEvent| audience == Audience::Internal || session.presence_is_public(e);
        let expected = session.here_at_start(p);
        let entry = attendee(p, &a.entry, style);
        if !expected && !events.iter().any(|e| e.what == Presence::Arrived) {
            absent.push(entry);
            continue;
        }
        let mut line = entry;
        if online {
            online_count += 1;
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
            line.push_str(&fill(&a.late_mark, &[("time", &clock(e.at))]));
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
                    let (from, to) = (clock(out.at), clock(back.at));
                    line.push_str(&fill(&a.away_mark, &[("from", &from), ("to", &to)]));
                }
            }
        }
        let gone = events
            .last()
            .filter(|e| e.what == Presence::Left)
            .filter(shown);
        if let Some(e) = gone.filter(|_| !a.left_mark.is_empty()) {
            line.push_str(&fill(&a.left_mark, &[("time", &clock(e.at))]));
        }
        let group = p.group.as_ref().filter(|_| !a.group_heading.is_empty());
        match groups.iter_mut().find(|(g, _)| *g == group) {
            Some((_, entries)) => entries.push(line),
            None => groups.push((group, vec![line])),
        }
    }
    let count = |n: usize| super::dates::number(n as u32, style.numerals());
    let present: usize = groups.iter().map(|(_, e)| e.len()).sum();
    let mut groups: Vec<AttendeeGroup> = groups
        .into_iter()
        .map(|(group, entries)| AttendeeGroup {
            heading: group.map(|g| {
                fill(
                    &a.group_heading,
                    &[("group", g), ("count", &count(entries.len()))],
                )
            }),
            entries,
        })
        .collect();
    if !absent.is_empty() && !a.absent_label.is_empty() {
        groups.push(AttendeeGroup {
            heading: Some(fill(&a.absent_label, &[("count", &count(absent.len()))])),
            entries: absent,
        });
    }
    let observers = session
        .log
        .observers
        .filter(|_| !a.observers.is_empty())
        .map(|n| {
            let count = super::dates::number(n, style.numerals());
            fill(&a.observers, &[("count", &count)])
        });
    Some(Attendees {
        label: fill(
            &a.label,
            &[("count", &count(present)), ("online", &count(online_count))],
        ),
        groups,
        note: (!a.note.is_empty()).then(|| a.note.clone()),
        observers,
    })
}

/// One attendee as the style's entry template writes them.
fn attendee(p: &Participant, template: &str, style: &Style) -> String {
    fill_person(template, p, style, &[]).trim().to_owned()
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
    let open = match log.events.iter().find(|e| e.what == Proceeding::Open) {
        Some(e) => session.event_is_public(e).then_some(e.at),
        None => log
            .items
            .first()
            .filter(|s| session.item_is_public(s.item) && !log.off_record_at(s.started))
            .map(|s| s.started),
    };
    let close = log
        .events
        .last()
        .filter(|e| e.what == Proceeding::Close && session.event_is_public(e))
        .map(|e| e.at);
    match (style.actual_hours, open, close) {
        (true, Some(open), Some(close)) => (open.time(), close.time(), true),
        _ => (m.start, m.end, false),
    }
}

/// The document's title: the meeting's, and its date as the header gives it or in parts.
fn title(session: &Session, style: &Style) -> String {
    let meeting = &session.plan.meeting;
    let forms = style.date_forms();
    let mut fields = forms.date_fields(meeting.date);
    fields.push(("title", meeting.title.clone()));
    fields.push(("date", forms.date(meeting.date)));
    let all: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(&style.title, &all)
}

/// The header's opening line, once the meeting opened (for the public, on the record).
fn opening_line(session: &Session, audience: Audience, style: &Style) -> String {
    if style.opening_line.is_empty() {
        return String::new();
    }
    let opened = session
        .log
        .events
        .iter()
        .find(|e| e.what == Proceeding::Open)
        .filter(|e| audience == Audience::Internal || session.event_is_public(e));
    opened.map_or_else(String::new, |e| {
        let time = style.date_forms().clock(e.at.time());
        fill(&style.opening_line, &[("time", &time)])
    })
}

fn date_value(session: &Session, style: &Style) -> String {
    style
        .date_forms()
        .date_line(session.plan.meeting.date, hours(session, style))
}

fn agenda_text(session: &Session, item: &AgendaItem, style: &Style) -> String {
    let template = match (&style.parts, item.part_of) {
        (Some(parts), Some(_)) => &parts.agenda,
        _ => &style.agenda_item,
    };
    let mut s = fill_item(template, session, item, style, &[]);
    if !item.public {
        s.push_str(&style.closed_mark);
    }
    s
}
