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

/// `text` spread to `width` characters with full-width spaces evenly between its characters,
/// the first gaps taking any left over: `会　　長`, `副会長` → `副　会　長` at five. Text as
/// long or longer, or a single character, is left as it is.
fn spread(text: &str, width: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let gaps = chars.len().saturating_sub(1);
    let room = width.saturating_sub(chars.len());
    if gaps == 0 || room == 0 {
        return text.to_owned();
    }
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        out.push(*c);
        if i < gaps {
            let n = room / gaps + usize::from(i < room % gaps);
            out.push_str(&"　".repeat(n));
        }
    }
    out
}

/// Each character of the family and of the given name a full-width space apart, and the
/// two names two apart: `草　川　　健`.
fn letter_spaced(family: &str, given: &str) -> String {
    let spaced = |s: &str| s.chars().map(String::from).collect::<Vec<_>>().join("　");
    if given.is_empty() {
        return spaced(family);
    }
    format!("{}　　{}", spaced(family), spaced(given))
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
        ("role_spaced", spread(&p.role, style.role_width)),
        ("name", p.name.clone()),
        ("name_compact", compact),
        ("name_spaced", spaced(&first, &given, style.name_width)),
        ("name_spread", letter_spaced(&first, &given)),
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

    #[test]
    fn roles_spread_evenly_and_names_letter_by_letter() {
        assert_eq!(spread("会長", 4), "会　　長");
        assert_eq!(spread("副会長", 5), "副　会　長");
        assert_eq!(spread("副会長", 4), "副　会長");
        assert_eq!(spread("委員", 2), "委員");
        assert_eq!(spread("事務局長補佐", 4), "事務局長補佐");
        assert_eq!(spread("長", 4), "長");
        assert_eq!(spread("会長", 0), "会長");
        assert_eq!(letter_spaced("草川", "健"), "草　川　　健");
        assert_eq!(letter_spaced("林", ""), "林");
    }
}
