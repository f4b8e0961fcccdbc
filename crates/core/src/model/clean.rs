//! Control characters are dropped wherever text comes in: typed, pasted, or read from a
//! file. A vertical tab from a PDF makes a Word file invalid, and an escape sequence in a
//! title would drive the terminal that prints it. Line feeds and tabs are text and stay.

use std::borrow::Cow;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{LiveState, MeetingLog, Plan, Remark};

/// C0 controls other than line feed and tab, DEL, C1 controls, and the two noncharacters
/// XML forbids.
pub fn is_stray_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || c == '\u{FFFE}' || c == '\u{FFFF}'
}

/// `s` without stray control characters; borrowed when there are none (the usual case).
pub fn strip_controls(s: &str) -> Cow<'_, str> {
    if s.chars().any(is_stray_control) {
        Cow::Owned(s.chars().filter(|c| !is_stray_control(*c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

fn clean(s: &mut String) {
    if let Cow::Owned(o) = strip_controls(s) {
        *s = o;
    }
}

/// Could `text`, as read from a file, give a string a stray control character: one written
/// raw (a carriage return counts), or an escape (`\u{1b}` in RON, `\u001b` in JSON) that
/// reads as one? Cheap, so that the thorough cleaning below runs only when it can matter.
pub fn needs_cleaning(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().enumerate().any(|(i, &c)| match c {
        b'\n' | b'\t' => false,
        0..=0x1f | 0x7f => true,
        // U+0080..U+009F (C1), and the start of U+FFFE / U+FFFF.
        0xc2 => b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
        0xef => b.get(i + 1) == Some(&0xbf) && b.get(i + 2).is_some_and(|n| *n >= 0xbe),
        b'\\' => matches!(b.get(i + 1), Some(b'u' | b'x')),
        _ => false,
    })
}

/// `value` with stray control characters dropped from every string in it, whatever its
/// type: no field of a file, present or added later, can carry one past this.
pub fn strip_controls_deep<T: Serialize + DeserializeOwned>(value: T) -> T {
    fn walk(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::String(s) => clean(s),
            serde_json::Value::Array(a) => a.iter_mut().for_each(walk),
            serde_json::Value::Object(o) => o.values_mut().for_each(walk),
            _ => {}
        }
    }
    let Ok(mut tree) = serde_json::to_value(&value) else {
        return value;
    };
    walk(&mut tree);
    // Every type here reads back what it wrote; should one not, it stays as it was read.
    serde_json::from_value(tree).unwrap_or(value)
}

impl Plan {
    /// Drops stray control characters from every text of the plan.
    pub fn strip_controls(&mut self) {
        self.meeting = strip_controls_deep(self.meeting.clone());
        let roster = std::mem::take(&mut self.roster);
        self.roster = strip_controls_deep(roster);
        let agenda = std::mem::take(&mut self.agenda);
        self.agenda = strip_controls_deep(agenda);
    }
}

impl Remark {
    /// Drops stray control characters from everything the remark holds.
    pub fn strip_controls(&mut self) {
        *self = strip_controls_deep(self.clone());
    }
}

impl LiveState {
    /// Drops stray control characters from the unfinished input, the speaker ids and the
    /// clerk's name.
    pub fn strip_controls(&mut self) {
        *self = strip_controls_deep(self.clone());
    }
}

impl MeetingLog {
    /// Drops stray control characters from every text of the log (decisions, clerks …).
    pub fn strip_controls(&mut self) {
        let log = std::mem::take(self);
        *self = strip_controls_deep(log);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_text_line_feeds_and_tabs() {
        let all: String = (0u32..0x20).filter_map(char::from_u32).collect();
        assert_eq!(
            strip_controls(&format!("あ{all}\u{7f}\u{85}い")),
            "あ\t\nい"
        );
        assert!(matches!(strip_controls("普通の文"), Cow::Borrowed(_)));
    }

    #[test]
    fn every_string_of_a_value_is_cleaned() {
        let texts = vec![crate::model::MeetingText {
            label: "配付\u{1b}]0;x\u{7}資料".into(),
            text: "資料1\u{0}\u{b}\u{c}\u{8}\u{7f}\n資料2".into(),
            at: crate::model::TextAt::AfterAgenda,
            public: true,
        }];
        let clean = strip_controls_deep(texts);
        assert_eq!(clean[0].label, "配付]0;x資料");
        assert_eq!(clean[0].text, "資料1\n資料2");
    }

    #[test]
    fn what_may_hold_a_control_character_is_noticed() {
        assert!(!needs_cleaning("Session(text: \"普通の文\\n次の行\")\n\t"));
        for bad in [
            "a\u{1b}b",
            "a\rb",
            "a\u{85}b",
            "a\u{fffe}",
            "\"\\u{1b}\"",
            "\\u001b",
            "\\x1b",
        ] {
            assert!(needs_cleaning(bad), "{bad:?}");
        }
    }
}
