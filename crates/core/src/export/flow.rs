//! The body of the minutes, item by item: headings, speakers, paragraphs, the meeting's own
//! events and decisions in time order, and where the public minutes leave something out.

use std::collections::HashMap;

use super::document::{Audience, Block, Paragraph, Section};
use super::gaps::{Draft, Piece, covered, fragments, settle};
use super::items::{
    closed, closed_section, fill_speaker, layout, level, names_speaker, plain_heading,
    speech_heading,
};
use super::lines::{decision_blocks, proceeding_lines};
use super::style::Style;
use crate::model::{
    AgendaItem, ItemNo, Layout, Participant, ParticipantId, Proceeding, Remark, Session, Timestamp,
};

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

/// What stands in an item's flow between its remarks, at a time.
enum Timed {
    /// One of the meeting's events or a decision, as printed.
    Line(Option<Proceeding>, Vec<Block>),
    /// A stretch off the record marked in this item opens (`true`) or closes here; a soft
    /// close (see [`super::gaps::Fragment::soft`]) with `soft`.
    Edge(bool, bool),
    /// A stretch that opened in this same second closes.
    LateClose(bool),
}

impl Timed {
    /// At one second a stretch closes first, then the meeting's lines, then a stretch
    /// opens: what was pressed after the record came back stands after its marker. A
    /// stretch that opened and closed within the second closes after it opened.
    fn rank(&self) -> u8 {
        match self {
            Timed::Edge(false, _) => 0,
            Timed::Line(..) => 1,
            Timed::Edge(true, _) => 2,
            Timed::LateClose(_) => 3,
        }
    }
}

/// The body of one item as it is written: its sections so far, and the speaker whose run is
/// being written.
struct Flow<'s> {
    sections: Vec<Draft>,
    level: u8,
    /// The speaker of the run being written; `None` when a new run must start.
    run: Option<Option<&'s Participant>>,
    /// The style marks a gap: an edge of one names the speaker after it again.
    gaps_shown: bool,
}

impl<'s> Flow<'s> {
    /// Lines and markers among the remarks: after one, the speaker is named again.
    fn interrupt(&mut self, blocks: impl IntoIterator<Item = Block>) {
        let blocks: Vec<Block> = blocks.into_iter().collect();
        if !blocks.is_empty() {
            self.run = None;
            push_blocks(&mut self.sections, blocks, self.level);
        }
    }

    /// Where something withheld begins or ends (`off`: a stretch off the record); [`settle`]
    /// makes it a marker or nothing.
    fn edge(&mut self, opens: bool, at: Timestamp, off: bool, soft: bool) {
        if self.gaps_shown {
            self.run = None;
        }
        push(
            &mut self.sections,
            vec![Piece::Edge {
                opens,
                at,
                off,
                soft,
            }],
            self.level,
        );
    }

    /// One of the timed things of the item, in its turn.
    fn timed(&mut self, at: Timestamp, t: Timed) {
        match t {
            Timed::Line(_, blocks) => self.interrupt(blocks),
            Timed::Edge(opens, soft) => self.edge(opens, at, true, soft),
            Timed::LateClose(soft) => self.edge(false, at, true, soft),
        }
    }
}

/// The public minutes of one agenda item, as the cleanup preview shows them; `None` for a
/// closed item, which has no section of its own there.
pub fn preview_item(session: &Session, no: ItemNo, style: &Style) -> Option<Vec<Section>> {
    let item = session.plan.item(no)?;
    item.public
        .then(|| settle(item_sections(session, item, Audience::Public, style), style))
}

/// The body of one item, with the raw edges of what it withholds: [`settle`] turns those of
/// the whole document into markers.
pub fn item_sections<'s>(
    session: &'s Session,
    item: &AgendaItem,
    audience: Audience,
    style: &'s Style,
) -> Vec<Draft> {
    if !item.public && audience == Audience::Public {
        return closed_section(session, item, style)
            .into_iter()
            .map(Draft::from)
            .collect();
    }
    let public = audience == Audience::Public;
    let layout = layout(item, style);
    // The meeting's events, the item's decisions and (public) the edges of the stretches
    // off the record, in time order, to stand among the remarks where they happened.
    let fragments = if public {
        fragments(session, item.no)
    } else {
        Vec::new()
    };
    let edges = fragments.iter().flat_map(|f| {
        let late = f.to == Some(f.from);
        std::iter::once((f.from, Timed::Edge(true, false))).chain(f.to.map(|to| {
            let close = if late {
                Timed::LateClose(f.soft)
            } else {
                Timed::Edge(false, f.soft)
            };
            (to, close)
        }))
    });
    let mut timed: Vec<(Timestamp, Timed)> = proceeding_lines(session, item, audience, style)
        .into_iter()
        .map(|(at, what, text)| (at, Timed::Line(Some(what), vec![Block::Marker { text }])))
        .chain(
            decision_blocks(session, item, audience, style)
                .into_iter()
                .map(|(at, blocks)| (at, Timed::Line(None, blocks))),
        )
        .chain(edges)
        .collect();
    timed.sort_by_key(|(at, t)| (*at, t.rank()));
    let mut timed = timed.into_iter().peekable();
    // The minutes follow time, whatever order the file keeps.
    let mut remarks: Vec<&Remark> = session.remarks_in(item.no).collect();
    remarks.sort_by_key(|r| r.began);
    let mut flow = Flow {
        sections: Vec::new(),
        level: level(item, style),
        run: None,
        gaps_shown: style.non_public_gap != crate::export::style::Gap::Nothing,
    };
    // The opening stands before the item's heading, as 〔午後一時開会〕 does before 日程第一.
    let first_said = remarks.first().map(|r| r.began);
    let mut opening = Vec::new();
    while let Some((_, Timed::Line(_, blocks))) = timed.next_if(|(at, t)| {
        matches!(t, Timed::Line(Some(Proceeding::Open), _)) && first_said.is_none_or(|b| *at <= b)
    }) {
        opening.extend(blocks);
    }
    if !opening.is_empty() {
        flow.sections.push(Draft {
            heading: None,
            level: flow.level,
            pieces: opening.into_iter().map(Piece::Block).collect(),
        });
    }
    let heading = || Draft {
        heading: plain_heading(session, item, style, audience),
        level: level(item, style),
        pieces: Vec::new(),
    };
    if layout == Layout::Discussion {
        flow.sections.push(heading());
    }
    // Speeches under a heading that names no one: one heading, the speakers named in runs.
    let layout = if layout == Layout::Speeches && !names_speaker(&style.speech_heading) {
        if let Some(h) = speech_heading(session, item, style, audience) {
            flow.sections.push(Draft {
                heading: Some(h),
                level: flow.level,
                pieces: Vec::new(),
            });
        }
        Layout::Discussion
    } else {
        layout
    };
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
    let mut speaker_text = |p: &'s Participant| {
        filled
            .entry(&p.id)
            .or_insert_with(|| fill_speaker(template, session, item, p, style))
            .clone()
    };
    for r in remarks {
        // What happened before it; a stretch that closed as it began, too.
        while let Some((at, t)) = timed.next_if(|(at, t)| {
            *at < r.began || (*at == r.began && matches!(t, Timed::Edge(false, _)))
        }) {
            flow.timed(at, t);
        }
        if public && !session.is_public(r) {
            // A note by the clerk is internal: it leaves no gap in what was said. A remark
            // inside a marked stretch is in that stretch's gap; any other is a gap of its own.
            if !r.is_note() && !covered(&fragments, r) {
                flow.edge(true, r.began, false, false);
                flow.edge(false, r.committed, false, false);
            }
            continue;
        }
        let speaker = r
            .speaker
            .as_ref()
            .and_then(|id| session.plan.participant(id));
        let mut lead = None;
        let new_run = flow.run != Some(speaker);
        if new_run {
            flow.run = Some(speaker);
        }
        match (layout, speaker) {
            (Layout::Discussion, Some(p)) if inline.is_some_and(|i| new_run || i.every_remark) => {
                lead = Some(speaker_text(p));
            }
            (Layout::Discussion, Some(_)) if inline.is_some() => {}
            (Layout::Discussion, Some(p)) if new_run && !template.is_empty() => {
                let text = speaker_text(p);
                push_blocks(
                    &mut flow.sections,
                    vec![Block::Speaker { text }],
                    flow.level,
                );
            }
            (Layout::Speeches, _) if new_run => {
                let heading = match speaker {
                    Some(p) => Some(speaker_text(p)).filter(|h| !h.is_empty()),
                    None => plain_heading(session, item, style, audience),
                };
                flow.sections.push(Draft {
                    heading: heading.map(|h| closed(h, item, style, audience)),
                    level: flow.level,
                    pieces: Vec::new(),
                });
            }
            _ => {}
        }
        let blocks = paragraphs(session, r, audience, style, lead);
        push_blocks(&mut flow.sections, blocks, flow.level);
    }
    // What happened after the last remark; an item with nothing said but that gets its
    // heading first.
    for (at, t) in timed {
        if flow.sections.is_empty() {
            flow.sections.push(heading());
        }
        flow.timed(at, t);
    }
    let mut sections = flow.sections;
    if sections.is_empty() {
        sections.push(heading());
    }
    sections
}

fn push_blocks(sections: &mut Vec<Draft>, blocks: Vec<Block>, level: u8) {
    push(
        sections,
        blocks.into_iter().map(Piece::Block).collect(),
        level,
    );
}

fn push(sections: &mut Vec<Draft>, pieces: Vec<Piece>, level: u8) {
    if pieces.is_empty() {
        return;
    }
    match sections.last_mut() {
        Some(s) => s.pieces.extend(pieces),
        None => sections.push(Draft {
            heading: None,
            level,
            pieces,
        }),
    }
}
