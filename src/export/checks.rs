//! What to fix before publishing: each finding is one line for standard error.

use super::style::Style;
use crate::editor_marks::INAUDIBLE;
use crate::model::{Layout, Session};

fn excerpt(text: &str) -> String {
    let first: String = text.chars().take(20).collect();
    if first.len() < text.len() {
        format!("{first}…")
    } else {
        first
    }
}

pub fn check(session: &Session, style: &Style) -> Vec<String> {
    let mut warnings = Vec::new();
    for r in &session.remarks {
        let at = r.began.format("%H:%M");
        let item = session.plan.item(r.item);
        if r.speaker.is_none() && item.is_some_and(|i| i.layout == Layout::Discussion) {
            warnings.push(format!(
                "remark {} ({at}) in item {} has no speaker: \"{}\"",
                r.id,
                r.item,
                excerpt(&r.text)
            ));
        }
        if r.check_later {
            warnings.push(format!(
                "remark {} ({at}) is still marked check later: \"{}\"",
                r.id,
                excerpt(&r.text)
            ));
        }
        if r.text.contains(INAUDIBLE) {
            warnings.push(format!(
                "remark {} ({at}) still has an inaudible mark {INAUDIBLE}: \"{}\"",
                r.id,
                excerpt(&r.text)
            ));
        }
    }
    for item in &session.plan.agenda {
        if item.public && session.remarks_in(item.no).next().is_none() {
            warnings.push(format!(
                "public item {} {} has no remarks",
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
