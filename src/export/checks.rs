//! What to fix before publishing: each finding is one line for standard error. A remark is
//! named the way the screen shows it (its item, its time, its first words), and a warning
//! for the public minutes never quotes what they withhold: standard error is often captured
//! into the same file as the minutes.

use super::document::Audience;
use super::style::Style;
use crate::model::INAUDIBLE;
use crate::model::{Remark, Session};

fn excerpt(text: &str) -> String {
    let line = text.lines().next().unwrap_or("");
    let first: String = line.chars().take(20).collect();
    if first.len() < text.len() {
        format!("{first}…")
    } else {
        first
    }
}

/// `item 2 報告事項, 15:06 "利用率の推移について…"`, or `(non-public)` in place of the words
/// when the audience may not read them.
fn name(session: &Session, r: &Remark, audience: Audience) -> String {
    let title = session.plan.item(r.item).map_or("", |i| i.title.as_str());
    let words = if audience == Audience::Public && !session.is_public(r) {
        "(non-public: words not shown)".to_owned()
    } else {
        format!("\"{}\"", excerpt(&r.text))
    };
    format!(
        "item {} {title}, {} {words}",
        r.item,
        r.began.format("%H:%M:%S")
    )
}

pub fn check(session: &Session, style: &Style, audience: Audience) -> Vec<String> {
    let mut warnings = Vec::new();
    for r in &session.remarks {
        let at = name(session, r, audience);
        let item_public = session.plan.item(r.item).is_some_and(|i| i.public);
        if r.is_note() && !r.publish_note && !r.non_public && item_public {
            warnings.push(format!(
                "{at}: a note with no speaker, left out of the public minutes (give it a speaker, or release it with P in cleanup)"
            ));
        }
        if r.check_later {
            warnings.push(format!("{at}: still marked check later"));
        }
        if !r.alternatives.is_empty() {
            warnings.push(format!(
                "{at}: has {} other version(s) from a merge: keep one in cleanup (V)",
                r.alternatives.len()
            ));
        }
        if r.text.contains(INAUDIBLE) {
            warnings.push(format!("{at}: still has an inaudible mark {INAUDIBLE}"));
        }
    }
    for item in &session.plan.agenda {
        // An item whose parts hold the discussion (議事 → （1）…) needs no remarks of its own.
        let has_parts = session
            .plan
            .agenda
            .iter()
            .any(|p| p.part_of == Some(item.no));
        if item.public && !has_parts && !session.remarks_in(item.no).any(|r| session.is_public(r)) {
            warnings.push(format!(
                "public item {} {} has no public remarks",
                item.no, item.title
            ));
        }
    }
    let style_gives_one = style.outside_honorific.is_some();
    for p in &session.plan.roster {
        if p.outside && p.honorific.is_none() && !style_gives_one {
            warnings.push(format!(
                "outside participant \"{}\" ({}) has no honorific (様 or 氏)",
                p.name, p.id
            ));
        }
    }
    warnings
}
