//! Where the public minutes mark what they leave out: the stretches off the record, and
//! remarks withheld one by one. The flow of each item puts a raw edge ([`Piece::Edge`]) where
//! a withheld stretch of its record begins and ends, within each visit of the item; [`settle`]
//! then reads the whole body in reading order and makes them markers: a gap that begins while
//! another is open, or as one closes with nothing public between (an item heading is not), is
//! the same gap. So a stretch that went on across items is one pair of markers, and markers
//! never cross.

use super::document::{Block, Section};
use super::style::{Gap, Style, fill};
use crate::model::{ItemNo, Remark, Session, Timestamp};

/// The agenda item under discussion at `at`: an event before any item belongs to the first
/// item visited, one after the last to the last.
pub fn under(session: &Session, at: Timestamp) -> Option<ItemNo> {
    let log = &session.log;
    log.items
        .iter()
        .find(|s| s.started <= at && s.ended.is_none_or(|e| at < e))
        .or_else(|| log.items.iter().rev().find(|s| s.ended == Some(at)))
        .or_else(|| log.items.first().filter(|s| at < s.started))
        .or_else(|| log.items.last())
        .map(|s| s.item)
}

/// A part of a stretch off the record within one visit of an item: from, and to (`None`:
/// still off).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fragment {
    pub from: Timestamp,
    pub to: Option<Timestamp>,
    /// The stretch did not end with the record back on (it is still going, or a 閉会 pressed
    /// off the record ended it): its closing marker is printed only if something public
    /// follows it, which it must stand before.
    pub soft: bool,
}

/// The parts of the stretches off the record that fell while `item` was under discussion;
/// a stretch while no item was (before the meeting began, after it closed) is the part of
/// the item it is nearest, as [`under`] finds it.
pub fn fragments(session: &Session, item: ItemNo) -> Vec<Fragment> {
    let log = &session.log;
    let mut out = Vec::new();
    // A stretch still going (the record was never put back on) ends, as far as the minutes
    // can say, where the record ends: its markers stay a pair around what is withheld.
    let last = latest(session);
    let closed_off = log
        .events
        .iter()
        .filter(|e| e.what == crate::model::Proceeding::Close && !session.event_is_public(e))
        .map(|e| e.at)
        .collect::<Vec<_>>();
    let stretches = log.off_record.iter().map(|o| {
        let soft = o.end.is_none_or(|e| closed_off.contains(&e));
        let o = crate::model::OffRecord {
            start: o.start,
            end: o.end.or_else(|| last.map(|l| l.max(o.start))),
        };
        (o, soft)
    });
    for (o, soft) in stretches {
        let o = &o;
        let mut in_a_visit = false;
        for v in &log.items {
            let from = o.start.max(v.started);
            let to = match (o.end, v.ended) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            // A stretch of no length (C-o twice in a second) is marked where it was.
            let point = o.end == Some(o.start)
                && v.started <= o.start
                && v.ended.is_none_or(|e| o.start < e);
            if to.is_none_or(|t| from < t) || point {
                in_a_visit = true;
                if v.item == item {
                    // A part that ends where its item's visit did is followed by the next.
                    out.push(Fragment {
                        from,
                        to,
                        soft: soft && to == o.end,
                    });
                }
            }
        }
        if !in_a_visit && under(session, o.start) == Some(item) {
            out.push(Fragment {
                from: o.start,
                to: o.end,
                soft,
            });
        }
    }
    out.sort_by_key(|f| f.from);
    out
}

/// The latest time anything in the record was taken.
fn latest(session: &Session) -> Option<Timestamp> {
    let log = &session.log;
    session
        .remarks
        .iter()
        .map(|r| r.committed)
        .chain(log.events.iter().map(|e| e.at))
        .chain(log.presence.iter().map(|e| e.at))
        .chain(log.decisions.iter().map(|d| d.at))
        .chain(log.off_record.iter().map(|o| o.start))
        .chain(
            log.items
                .iter()
                .flat_map(|s| [Some(s.started), s.ended])
                .flatten(),
        )
        .max()
}

/// Is withheld remark `r` inside a stretch's part in its own item (its gap is that part's),
/// or a gap of its own?
pub fn covered(fragments: &[Fragment], r: &Remark) -> bool {
    fragments
        .iter()
        .any(|f| f.from <= r.committed && f.to.is_none_or(|t| r.began <= t))
}

/// A section of the body while it is written: its blocks, with the raw edges of what it
/// withholds among them.
pub struct Draft {
    pub heading: Option<String>,
    pub level: u8,
    pub pieces: Vec<Piece>,
}

pub enum Piece {
    Block(Block),
    /// Where a withheld stretch of the record begins (`opens`) or ends: a stretch off the
    /// record (`off`), or remarks withheld one by one.
    Edge {
        opens: bool,
        at: Timestamp,
        off: bool,
        /// A closing printed only where something public follows (see [`Fragment::soft`]).
        soft: bool,
    },
}

impl From<Section> for Draft {
    fn from(s: Section) -> Self {
        Self {
            heading: s.heading,
            level: s.level,
            pieces: s.blocks.into_iter().map(Piece::Block).collect(),
        }
    }
}

/// The sections as printed: the raw edges of the whole body, in reading order, made the
/// style's markers. One opening where a gap begins, one closing where it ends, none where one
/// gap runs straight into the next with nothing public between (an item's heading is not).
/// A section left with neither heading nor blocks is dropped: it would print as nothing.
pub fn settle(drafts: Vec<Draft>, style: &Style) -> Vec<Section> {
    // Does a gap open next with nothing public between, and run on from the one closing at
    // `at`: at once (a stretch that went on into the next item), or with remarks withheld one
    // by one on either side (nothing public was said between)? Two stretches off the record
    // with the record on between stay two, though nothing was typed between them.
    let pieces: Vec<&Piece> = drafts.iter().flat_map(|d| &d.pieces).collect();
    let opens_next = |after: &[&Piece], at: Timestamp, off: bool| {
        for p in after {
            match p {
                Piece::Edge {
                    opens: true,
                    at: next,
                    off: next_off,
                    ..
                } => return *next <= at || !off || !next_off,
                Piece::Edge { opens: false, .. } => {}
                Piece::Block(_) => return false,
            }
        }
        false
    };
    let mut depth = 0usize;
    // A closing was left out because a gap opens right after it: that opening goes too.
    let mut runs_on = false;
    let mut shown: Vec<Option<Block>> = Vec::with_capacity(pieces.len());
    for (n, piece) in pieces.iter().enumerate() {
        let out = match **piece {
            Piece::Block(ref b) => Some(b.clone()),
            Piece::Edge {
                opens: true, at, ..
            } => {
                depth += 1;
                let first = depth == 1 && !std::mem::take(&mut runs_on);
                first.then(|| marker(style, at, false)).flatten()
            }
            // A close whose opening was not printed (it opened where nothing is public).
            Piece::Edge { opens: false, .. } if depth == 0 => None,
            Piece::Edge {
                opens: false,
                at,
                off,
                soft,
            } => {
                depth -= 1;
                let public_after = pieces[n + 1..].iter().any(|p| matches!(p, Piece::Block(_)));
                if depth == 0 && opens_next(&pieces[n + 1..], at, off) {
                    runs_on = true;
                    None
                } else if soft && !public_after {
                    // Nothing public follows: the gap stays open to the end, and a gap
                    // opening later is the same one.
                    runs_on = true;
                    None
                } else {
                    (depth == 0).then(|| marker(style, at, true)).flatten()
                }
            }
        };
        shown.push(out);
    }
    let mut shown = shown.into_iter();
    drafts
        .into_iter()
        .map(|d| Section {
            heading: d.heading,
            level: d.level,
            blocks: d
                .pieces
                .iter()
                .filter_map(|_| shown.next().flatten())
                .collect(),
        })
        .filter(|s| s.heading.is_some() || !s.blocks.is_empty())
        .collect()
}

/// What a marker says at `at`, as the style's gap says it: the first of a pair, or the second.
fn marker(style: &Style, at: Timestamp, second: bool) -> Option<Block> {
    let clock = |t: Timestamp| style.date_forms().clock(t.time());
    let text = match (&style.non_public_gap, second) {
        (Gap::Nothing, _) | (Gap::Line(_), true) => return None,
        (Gap::Line(text), false) => text.clone(),
        (Gap::Timed(start, _), false) => fill(start, &[("time", &clock(at))]),
        (Gap::Timed(_, end), true) => fill(end, &[("time", &clock(at))]),
    };
    Some(Block::Marker { text })
}
