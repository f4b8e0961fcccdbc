//! Style templates: text with `{field}` placeholders. Filling never fails; checking a style
//! file finds what filling would print wrong (an unknown field, an unclosed brace) before
//! anything is exported.

/// Fills `{key}` fields of `template` in one pass; a field not given stays as written (a
/// checked style names only known fields, so that happens only in code). `{{` and `}}` write
/// a brace itself.
pub fn fill(template: &str, fields: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(at) = rest.find(['{', '}']) {
        out.push_str(&rest[..at]);
        let brace = &rest[at..at + 1];
        let after = &rest[at + 1..];
        // A doubled brace is the brace itself; a lone `}` is text.
        if after.starts_with(brace) {
            out.push_str(brace);
            rest = &after[1..];
            continue;
        }
        if brace == "}" {
            out.push('}');
            rest = after;
            continue;
        }
        match after.find('}') {
            Some(close) => {
                let key = &after[..close];
                match fields.iter().find(|(k, _)| *k == key) {
                    Some((_, value)) => out.push_str(value),
                    None => out.push_str(&rest[at..at + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[at..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The fields `template` names, in order (a doubled brace names none), or `None` when a
/// brace is left open.
fn scan(template: &str) -> Option<Vec<&str>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        if let Some(escaped) = after.strip_prefix('{') {
            rest = escaped;
            continue;
        }
        let close = after.find('}').filter(|&c| !after[..c].contains('{'))?;
        out.push(&after[..close]);
        rest = &after[close + 1..];
    }
    Some(out)
}

/// The fields a checked `template` names, in order.
pub fn fields(template: &str) -> Vec<&str> {
    scan(template).unwrap_or_default()
}

/// What is wrong with a template, given the fields its place fills; `None` when nothing is.
pub fn problem(template: &str, allowed: &[&str]) -> Option<String> {
    let Some(named) = scan(template) else {
        return Some(format!(
            "`{{` without a closing `}}` in \"{template}\" (write `{{{{` for a brace itself); the fields here are {}",
            list(allowed)
        ));
    };
    let key = named.into_iter().find(|k| !allowed.contains(k))?;
    Some(format!(
        "unknown field `{{{key}}}` in \"{template}\"; the fields here are {}",
        list(allowed)
    ))
}

fn list(allowed: &[&str]) -> String {
    if allowed.is_empty() {
        return "none (this is plain text)".to_owned();
    }
    allowed
        .iter()
        .map(|k| format!("{{{k}}}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where the value of `path` (field names, outermost first) starts in a style file's text, as
/// a 1-based (line, column): the style's errors point at the template to fix. Falls back to
/// the outermost field found, then to the file's start.
pub fn locate(text: &str, path: &[&str]) -> (usize, usize) {
    let mut from = 0;
    for key in path {
        match find_key(&text[from..], key) {
            Some(at) => from += at,
            None => break,
        }
    }
    let before = &text[..from];
    let line = before.matches('\n').count() + 1;
    let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (line, col)
}

/// The offset just after `key:` (and any spaces) where `key` stands as a field name: not inside
/// a string or a comment, and not the tail of a longer name.
fn find_key(text: &str, key: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut in_string = false;
    while i < bytes.len() {
        let c = bytes[i];
        if in_string {
            match c {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
            i += 1;
            continue;
        }
        if c == b'"' {
            in_string = true;
            i += 1;
            continue;
        }
        if text[i..].starts_with("//") {
            i += text[i..].find('\n').unwrap_or(text.len() - i);
            continue;
        }
        let starts_word = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
        if starts_word && text[i..].starts_with(key) {
            let tail = text[i + key.len()..].trim_start();
            if let Some(value) = tail.strip_prefix(':') {
                let skipped = value.len() - value.trim_start().len();
                return Some(text.len() - value.len() + skipped);
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_known_fields_only() {
        assert_eq!(
            fill("{no} {title}（{x}）", &[("no", "1"), ("title", "挨拶")]),
            "1 挨拶（{x}）"
        );
        // A value that itself looks like a field is not filled again.
        assert_eq!(fill("{a}{b}", &[("a", "{b}"), ("b", "x")]), "{b}x");
        assert_eq!(fill("open { brace", &[]), "open { brace");
    }

    #[test]
    fn doubled_braces_write_a_brace() {
        assert_eq!(
            fill("{{{no}}} {{title}}", &[("no", "1"), ("title", "x")]),
            "{1} {title}"
        );
        assert_eq!(fill("a } b", &[]), "a } b");
        assert_eq!(problem("{{speaker}} {no}", &["no"]), None);
        assert_eq!(problem("}}{{", &[]), None);
        assert_eq!(fields("{{x}} {no}{title}"), vec!["no", "title"]);
    }

    #[test]
    fn problems_name_the_field_and_what_is_allowed() {
        assert_eq!(problem("{no} {title}", &["no", "title"]), None);
        let p = problem("{date} {title}", &["no", "title"]).unwrap();
        assert!(p.contains("`{date}`") && p.contains("{no} {title}"), "{p}");
        assert!(
            problem("{no", &["no"])
                .unwrap()
                .contains("without a closing")
        );
        assert!(
            problem("{no {title}", &["no", "title"])
                .unwrap()
                .contains("without a closing")
        );
    }

    #[test]
    fn locate_finds_the_nested_field_not_a_longer_name_or_a_string() {
        let text = "Style(\n  // title: no\n  subtitle: \"title: x\",\n  title: \"{t}\",\n  attendance: A(\n    entry: \"e\",\n  ),\n)";
        assert_eq!(locate(text, &["title"]), (4, 10));
        assert_eq!(locate(text, &["attendance", "entry"]), (6, 12));
        assert_eq!(locate(text, &["nothing"]), (1, 1));
    }
}
