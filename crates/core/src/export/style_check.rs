//! Which fields each template of a style may use, and which templates must print something.
//! One table, so the check, the README's reference and the filling code agree.

use super::dates::{DATE_FIELDS, TIME_FIELDS};
use super::style::{Gap, Style};
use super::template::problem;

/// An agenda item's fields.
pub const ITEM: &[&str] = &["no", "title", "detail"];
/// A person's fields, wherever a template names someone.
pub const PERSON: &[&str] = &[
    "role",
    "role_spaced",
    "name",
    "name_spread",
    "name_compact",
    "name_spaced",
    "family",
    "given",
    "honorific",
    "role_mark",
    "group",
    "mark",
];

fn with(a: &[&'static str], b: &[&'static str]) -> Vec<&'static str> {
    a.iter().chain(b).copied().collect()
}

/// The first problem in `style`: the field path (outermost first) and what is wrong.
pub fn check(style: &Style) -> Option<(Vec<&'static str>, String)> {
    let item = ITEM.to_vec();
    let item_speaker = with(&with(ITEM, PERSON), &["speaker"]);
    let item_part = with(ITEM, &["part"]);
    let person = PERSON.to_vec();
    let none: Vec<&str> = Vec::new();
    let time = vec!["time"];
    // (path, template, fields, must print something)
    let mut all: Vec<(Vec<&'static str>, &str, Vec<&'static str>, bool)> = vec![
        (
            vec!["title"],
            &style.title,
            with(&["title", "date"], DATE_FIELDS),
            true,
        ),
        (vec!["agenda_item"], &style.agenda_item, item.clone(), true),
        (vec!["speaker"], &style.speaker, person.clone(), true),
        (
            vec!["speech_heading"],
            &style.speech_heading,
            item_speaker.clone(),
            false,
        ),
        (
            vec!["item_heading"],
            &style.item_heading,
            item.clone(),
            false,
        ),
        (
            vec!["item_heading_plain"],
            &style.item_heading_plain,
            item.clone(),
            false,
        ),
        (
            vec!["speaker_line"],
            &style.speaker_line,
            item_speaker.clone(),
            false,
        ),
        (vec!["closed_mark"], &style.closed_mark, none.clone(), false),
        (vec!["date_label"], &style.date_label, none.clone(), false),
        (vec!["place_label"], &style.place_label, none.clone(), false),
        (
            vec!["agenda_label"],
            &style.agenda_label,
            none.clone(),
            false,
        ),
        (
            vec!["body_heading"],
            &style.body_heading,
            none.clone(),
            false,
        ),
        (
            vec!["paragraph_bullet"],
            &style.paragraph_bullet,
            none.clone(),
            false,
        ),
        (
            vec!["internal_notice"],
            &style.internal_notice,
            none.clone(),
            true,
        ),
        (
            vec!["non_public_mark"],
            &style.non_public_mark,
            none.clone(),
            true,
        ),
        (vec!["check_mark"], &style.check_mark, none.clone(), true),
    ];
    all.push((
        vec!["opening_line"],
        &style.opening_line,
        time.clone(),
        false,
    ));
    if let Some(h) = &style.outside_honorific {
        all.push((vec!["outside_honorific"], h, none.clone(), false));
    }
    match &style.non_public_gap {
        Gap::Nothing => {}
        Gap::Line(l) => all.push((vec!["non_public_gap"], l, none.clone(), true)),
        Gap::Timed(a, b) => {
            all.push((vec!["non_public_gap"], a, time.clone(), true));
            all.push((vec!["non_public_gap"], b, time.clone(), true));
        }
    }
    if let Some(i) = &style.inline_speaker {
        all.push((
            vec!["inline_speaker", "lead"],
            &i.lead,
            item_speaker.clone(),
            true,
        ));
        all.push((vec!["inline_speaker", "mark"], &i.mark, none.clone(), false));
    }
    if let Some(c) = &style.closed_item {
        all.push((
            vec!["closed_item", "heading"],
            &c.heading,
            item_part.clone(),
            false,
        ));
        all.push((
            vec!["closed_item", "line"],
            &c.line,
            with(ITEM, &["part", "reason"]),
            true,
        ));
        all.push((
            vec!["closed_item", "reason"],
            &c.reason,
            none.clone(),
            false,
        ));
    }
    if let Some(p) = &style.parts {
        all.push((vec!["parts", "agenda"], &p.agenda, item_part.clone(), true));
        all.push((
            vec!["parts", "heading"],
            &p.heading,
            item_part.clone(),
            false,
        ));
        all.push((
            vec!["parts", "heading_plain"],
            &p.heading_plain,
            item_part,
            false,
        ));
    }
    if let Some(l) = &style.proceeding_lines {
        for (key, t) in [
            ("open", &l.open),
            ("recess", &l.recess),
            ("resume", &l.resume),
            ("close", &l.close),
        ] {
            all.push((vec!["proceeding_lines", key], t, time.clone(), false));
        }
    }
    if let Some(d) = &style.decision {
        let k = "decision";
        all.push((
            vec![k, "line"],
            &d.line,
            vec!["result", "method", "votes"],
            true,
        ));
        all.push((vec![k, "method"], &d.method, vec!["method"], false));
        all.push((
            vec![k, "votes"],
            &d.votes,
            vec!["yes", "no", "abstain"],
            false,
        ));
        all.push((
            vec![k, "action"],
            &d.action,
            vec!["what", "who", "due"],
            false,
        ));
        all.push((vec![k, "who"], &d.who, vec!["who"], false));
        all.push((vec![k, "due"], &d.due, vec!["due"], false));
    }
    if let Some(a) = &style.attendance {
        let k = "attendance";
        all.push((vec![k, "label"], &a.label, vec!["count", "online"], false));
        all.push((
            vec![k, "group_heading"],
            &a.group_heading,
            vec!["group", "count"],
            false,
        ));
        all.push((vec![k, "entry"], &a.entry, person.clone(), true));
        all.push((vec![k, "online_mark"], &a.online_mark, none.clone(), false));
        all.push((
            vec![k, "stand_in_mark"],
            &a.stand_in_mark,
            vec!["absent"],
            false,
        ));
        all.push((vec![k, "late_mark"], &a.late_mark, time.clone(), false));
        all.push((vec![k, "left_mark"], &a.left_mark, time.clone(), false));
        all.push((
            vec![k, "away_mark"],
            &a.away_mark,
            vec!["from", "to"],
            false,
        ));
        all.push((
            vec![k, "absent_label"],
            &a.absent_label,
            vec!["count"],
            false,
        ));
        all.push((vec![k, "note"], &a.note, none.clone(), false));
        all.push((vec![k, "observers"], &a.observers, vec!["count"], false));
    }
    if let Some(d) = &style.dates {
        let k = "dates";
        // An empty date leaves the header's date out (a layout without one); a due date is
        // a field of the decision's `due` template, which is left empty instead.
        for (key, t, required) in [("date", &d.date, false), ("due", &d.due, true)] {
            if let Some(t) = t {
                all.push((vec![k, key], t, DATE_FIELDS.to_vec(), required));
            }
        }
        for (key, pair) in [("time", &d.time), ("clock", &d.clock)] {
            if let Some((a, b)) = pair {
                all.push((vec![k, key], a, TIME_FIELDS.to_vec(), true));
                all.push((vec![k, key], b, TIME_FIELDS.to_vec(), true));
            }
        }
        if let Some(t) = &d.hours {
            all.push((vec![k, "hours"], t, vec!["start", "end"], false));
        }
        if let Some(t) = &d.date_hours {
            all.push((vec![k, "date_hours"], t, vec!["date", "hours"], false));
        }
    }
    // Spreading names wider than a line helps no list, and a huge width would fill memory.
    for (key, width) in [
        ("name_width", style.name_width),
        ("role_width", style.role_width),
    ] {
        if width > 40 {
            return Some((vec![key], format!("is {width}: expected at most 40")));
        }
    }
    for (path, template, fields, required) in all {
        if required && template.trim().is_empty() {
            return Some((
                path,
                "is empty, and this template must print something".to_owned(),
            ));
        }
        if let Some(p) = problem(template, &fields) {
            return Some((path, p));
        }
    }
    None
}

/// The plain texts of a style (labels and marks, which fill no field), with each doubled
/// brace made one: they are printed as they are, never filled. The same texts the table in
/// [`check`] checks against no fields.
pub fn unescape_plain(style: &mut Style) {
    let plain = |t: &mut String| {
        if t.contains("{{") || t.contains("}}") {
            *t = super::template::fill(t, &[]);
        }
    };
    for t in [
        &mut style.closed_mark,
        &mut style.date_label,
        &mut style.place_label,
        &mut style.agenda_label,
        &mut style.body_heading,
        &mut style.paragraph_bullet,
        &mut style.internal_notice,
        &mut style.non_public_mark,
        &mut style.check_mark,
    ] {
        plain(t);
    }
    for t in [&mut style.outside_honorific, &mut style.label_separator]
        .into_iter()
        .flatten()
    {
        plain(t);
    }
    if let Gap::Line(l) = &mut style.non_public_gap {
        plain(l);
    }
    if let Some(i) = &mut style.inline_speaker {
        plain(&mut i.mark);
    }
    if let Some(c) = &mut style.closed_item {
        plain(&mut c.reason);
    }
    if let Some(a) = &mut style.attendance {
        plain(&mut a.online_mark);
        plain(&mut a.note);
    }
}
