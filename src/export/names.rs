//! How a style names people: every person field a template may use (`style_check::PERSON`),
//! filled from the roster.

use super::style::{Style, fill};
use crate::model::Participant;

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

/// The name spread to `width` characters with full-width spaces between family and given
/// name, at least one: `林　　　誠`, `山田　太郎` at five.
fn spaced(family: &str, given: &str, width: usize) -> String {
    if given.is_empty() {
        return family.to_owned();
    }
    let len = family.chars().count() + given.chars().count();
    let gap = width.saturating_sub(len).max(1);
    format!("{family}{}{given}", "　".repeat(gap))
}

/// Every person field, for `fill`.
pub fn person_fields(p: &Participant, style: &Style) -> Vec<(&'static str, String)> {
    let mut words = p.name.split_whitespace();
    let first = words.next().unwrap_or_default().to_owned();
    let given: String = words.collect::<Vec<_>>().join(" ");
    let family = p.family.clone().unwrap_or_else(|| first.clone());
    let compact: String = p.name.chars().filter(|c| !c.is_whitespace()).collect();
    let mark = p
        .mark
        .clone()
        .or_else(|| style.inline_speaker.as_ref().map(|i| i.mark.clone()))
        .unwrap_or_default();
    vec![
        ("role", p.role.clone()),
        ("name", p.name.clone()),
        ("name_compact", compact),
        ("name_spaced", spaced(&first, &given, style.name_width)),
        ("family", family),
        ("given", given),
        ("honorific", honorific(p, style)),
        ("role_mark", p.role_mark.clone().unwrap_or_default()),
        ("group", p.group.clone().unwrap_or_default()),
        ("mark", mark),
    ]
}

pub fn fill_person(
    template: &str,
    p: &Participant,
    style: &Style,
    extra: &[(&str, &str)],
) -> String {
    let fields = person_fields(p, style);
    let mut all: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    all.extend_from_slice(extra);
    fill(template, &all)
}

/// How the style names a participant as a speaker: the roster's `display` if it gives one.
pub fn speaker_label(p: &Participant, style: &Style) -> String {
    if let Some(d) = &p.display {
        return d.clone();
    }
    let s = fill_person(&style.speaker, p, style, &[]);
    s.trim().trim_end_matches(',').trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_spread_to_the_width() {
        assert_eq!(spaced("林", "誠", 5), "林　　　誠");
        assert_eq!(spaced("山田", "太郎", 5), "山田　太郎");
        assert_eq!(spaced("長谷川", "一二三", 5), "長谷川　一二三");
        assert_eq!(spaced("Smith", "", 5), "Smith");
    }
}
