//! Finding places in RON source text. Serde gives no positions once a file has parsed, so
//! errors about how the parts refer to each other (a duplicate hotkey, an unknown speaker)
//! are placed by finding the offending `field: value` in the text.

use crate::model::ModelError;
pub use crate::text_file::line_col;

/// The top-level struct name (`Agenda`, `Session`), skipping comments and `#![...]`.
pub fn top_level_name(text: &str) -> Option<&str> {
    let rest = skip_trivia(text);
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

fn skip_trivia(mut s: &str) -> &str {
    loop {
        s = s.trim_start();
        if let Some(r) = s.strip_prefix("//") {
            s = r.find('\n').map_or("", |i| &r[i..]);
        } else if let Some(r) = s.strip_prefix("/*") {
            s = r.find("*/").map_or("", |i| &r[i + 2..]);
        } else if let Some(r) = s.strip_prefix("#!") {
            s = r.find(']').map_or("", |i| &r[i + 1..]);
        } else {
            return s;
        }
    }
}

/// Byte offsets where `field:` is followed by `value` (optionally inside `Some(...)`).
fn find_field_values<'a>(
    text: &'a str,
    field: &'a str,
    value: &'a str,
) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(field).filter_map(move |(i, _)| {
        let before_ok = text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        if !before_ok {
            return None;
        }
        let rest = text[i + field.len()..].trim_start();
        let rest = rest.strip_prefix(':')?.trim_start();
        let rest = rest
            .strip_prefix("Some")
            .map(|r| r.trim_start().strip_prefix('(').unwrap_or(r).trim_start())
            .unwrap_or(rest);
        let after = rest.strip_prefix(value)?;
        let boundary = after
            .chars()
            .next()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        boundary.then_some(i)
    })
}

fn nth_field(text: &str, field: &str, value: &str, nth: usize) -> Option<(usize, usize)> {
    find_field_values(text, field, value)
        .nth(nth)
        .map(|i| line_col(text, i))
}

/// The schema version and where it stands, if the file states one.
pub fn version(text: &str) -> Option<(u64, (usize, usize))> {
    text.match_indices("version").find_map(|(i, _)| {
        let rest = text[i + "version".len()..].trim_start().strip_prefix(':')?;
        let digits: String = rest
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().ok().map(|v| (v, line_col(text, i)))
    })
}

/// Where in `text` the thing `err` complains about stands.
pub fn model_error(text: &str, err: &ModelError) -> Option<(usize, usize)> {
    let quoted = |s: &str| format!("\"{s}\"");
    match err {
        ModelError::EmptyAgenda => nth_field(text, "agenda", "[", 0),
        ModelError::DuplicateParticipant(id) => nth_field(text, "id", &quoted(id.as_str()), 1),
        ModelError::EmptyParticipantId => nth_field(text, "id", "\"", 0),
        ModelError::DuplicateHotkey { slot, .. } => nth_field(text, "hotkey", &slot.to_string(), 1),
        ModelError::HotkeyOutOfRange { slot, .. } => {
            nth_field(text, "hotkey", &slot.to_string(), 0)
        }
        ModelError::DuplicateItem(no) => nth_field(text, "no", &no.to_string(), 1),
        ModelError::MinutesOutOfRange { minutes, .. } => {
            nth_field(text, "minutes", &minutes.to_string(), 0)
        }
        ModelError::DuplicateRemark(id) => nth_field(text, "id", &id.to_string(), 1),
        ModelError::UnknownSpeaker { speaker, .. } => {
            nth_field(text, "speaker", &quoted(speaker.as_str()), 0)
        }
        ModelError::UnknownItem { item, .. } | ModelError::UnknownLoggedItem(item) => {
            nth_field(text, "item", &item.to_string(), 0)
        }
        ModelError::UnknownCurrentItem(item) => nth_field(text, "item", &item.to_string(), 0),
        ModelError::UnknownCurrentSpeaker(id) => {
            nth_field(text, "speaker", &quoted(id.as_str()), 0)
                .or_else(|| nth_field(text, "previous", &quoted(id.as_str()), 0))
        }
        ModelError::UnknownStandIn { absent, .. } => {
            nth_field(text, "stands_in_for", &quoted(absent.as_str()), 0)
        }
        ModelError::EmptyQuorumGroup(group) => nth_field(text, "group", &quoted(group), 0),
        ModelError::UnknownPresence(id) => nth_field(text, "who", &quoted(id.as_str()), 0),
        ModelError::BadPart { of, .. } => nth_field(text, "part_of", &of.to_string(), 0),
        ModelError::EndBeforeStart { end, .. } => {
            nth_field(text, "end", &format!("\"{}\"", end.format("%H:%M:%S")), 0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let t = "ab\n日本語x";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 3), (2, 1));
        assert_eq!(line_col(t, 3 + "日本語".len()), (2, 4));
    }

    #[test]
    fn top_level_name_skips_comments_and_attributes() {
        assert_eq!(
            top_level_name("// c\n#![enable(implicit_some)]\n/* x */ Session(\n"),
            Some("Session")
        );
        assert_eq!(top_level_name("(version: 1)"), None);
    }

    #[test]
    fn finds_nth_field_value() {
        let t = "(hotkey: 1),\n(hotkey: Some(2)),\n(hotkey: 12),\n(hotkey: 1)";
        assert_eq!(nth_field(t, "hotkey", "1", 0), Some((1, 2)));
        assert_eq!(nth_field(t, "hotkey", "1", 1), Some((4, 2)));
        assert_eq!(nth_field(t, "hotkey", "2", 0), Some((2, 2)));
        assert_eq!(nth_field(t, "otkey", "2", 0), None);
    }

    #[test]
    fn reads_the_version() {
        assert_eq!(version("Agenda(\n  version: 7,"), Some((7, (2, 3))));
        assert_eq!(version("Agenda()"), None);
    }
}
