//! The lines the meeting itself puts in the minutes, under the item they happened in: its
//! events (開会, 休憩, 再開, 閉会) and what each item decided, as the style prints them. The
//! public minutes print only those [`Session`] says the public may know of.

use super::dates::number;
use super::document::{Audience, Block};
use super::gaps::under;
use super::style::{Style, fill};
use crate::model::{AgendaItem, Proceeding, Session, Timestamp};

/// What `item` decided, as the style prints it; a decision taken where the record was not
/// public (off the record) is in the internal record only.
pub fn decision_blocks(
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
    let shown = session.log.decisions.iter().filter(|x| {
        x.item == item.no && (audience == Audience::Internal || session.decision_is_public(x))
    });
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
        if audience == Audience::Internal && !session.decision_is_public(x) {
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

/// The meeting's own events that happened under `item`, in time order, as the style prints
/// them: `(time, what, line)`. An event belongs to the item under discussion at its time; an
/// opening before any item to the first item visited, a close to the item it ended.
pub fn proceeding_lines(
    session: &Session,
    item: &AgendaItem,
    audience: Audience,
    style: &Style,
) -> Vec<(Timestamp, Proceeding, String)> {
    let Some(lines) = &style.proceeding_lines else {
        return Vec::new();
    };
    let withheld = session.events_withheld();
    session
        .log
        .events
        .iter()
        .enumerate()
        .filter(|(i, _)| audience == Audience::Internal || !withheld[*i])
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
                let text = fill(
                    template,
                    &[("time", &style.date_forms().clock(e.at.time()))],
                );
                (e.at, e.what, text)
            })
        })
        .collect()
}
