//! Control characters are dropped wherever text comes in: typed, pasted, or read from a
//! file. A vertical tab from a PDF makes a Word file invalid, and an escape sequence in a
//! title would drive the terminal that prints it. Line feeds and tabs are text and stay.

use std::borrow::Cow;

use super::{LiveState, Participant, Plan, Remark};

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

fn clean_participant(p: &mut Participant) {
    clean(&mut p.id.0);
    clean(&mut p.role);
    clean(&mut p.name);
    for s in [&mut p.honorific, &mut p.group, &mut p.role_mark]
        .into_iter()
        .flatten()
    {
        clean(s);
    }
}

impl Plan {
    /// Drops stray control characters from every text of the plan.
    pub fn strip_controls(&mut self) {
        let m = &mut self.meeting;
        for s in [&mut m.title, &mut m.place, &mut m.language] {
            clean(s);
        }
        self.roster.iter_mut().for_each(clean_participant);
        for item in &mut self.agenda {
            clean(&mut item.title);
            if let Some(d) = &mut item.detail {
                clean(d);
            }
        }
    }
}

impl Remark {
    /// Drops stray control characters from the remark's text and speaker id.
    pub fn strip_controls(&mut self) {
        clean(&mut self.text);
        if let Some(s) = &mut self.speaker {
            clean(&mut s.0);
        }
    }
}

impl LiveState {
    /// Drops stray control characters from the unfinished input and the speaker ids.
    pub fn strip_controls(&mut self) {
        if let Some(d) = &mut self.draft {
            clean(&mut d.text);
        }
        for s in [&mut self.speaker, &mut self.previous]
            .into_iter()
            .flatten()
        {
            clean(&mut s.0);
        }
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
}
