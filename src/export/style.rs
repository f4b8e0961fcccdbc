//! A style is the layout of one council's minutes, as data: labels, date form, heading and
//! speaker-line templates, bullets, and how a non-public stretch shows. Templates name their
//! fields in braces: `{no}`, `{title}`, `{detail}`, `{speaker}`, `{role}`, `{name}`,
//! `{name_compact}` (the name without spaces), `{honorific}` (with a leading space, or empty)
//! and `{time}`.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::storage::{LoadError, LoadErrorKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateForm {
    /// 令和8年7月3日（金）
    Era,
    /// 2026年7月3日（金）
    Western,
    /// Friday, 3 July 2026
    English,
}

/// What stands where non-public remarks were left out of a public item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Gap {
    /// Nothing: the text simply goes on.
    Nothing,
    /// A fixed line, such as （非公開部分省略）.
    Line(String),
    /// A line where the stretch began and one where it ended, each with `{time}`:
    /// 〔{time}非公開に入る〕 and 〔{time}公開に戻る〕.
    Timed(String, String),
}

/// The attendance list (出席者) and how each attendee is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttendanceStyle {
    /// The list's label: `出席者`.
    pub label: String,
    /// Print the list only when the agenda file groups the roster (`group`): a council whose
    /// minutes name no attendees keeps its layout for agendas written without groups.
    #[serde(default)]
    pub when_grouped: bool,
    /// Above each group of the roster: `（{group}）`; empty: no group headings.
    #[serde(default)]
    pub group_heading: String,
    /// One attendee, with the speaker's fields and `{role_mark}`, `{group}`:
    /// `{role_mark}{role} {name}{honorific}`.
    pub entry: String,
    /// After someone who took part online: `（オンライン）`.
    #[serde(default)]
    pub online_mark: String,
    /// After a stand-in, `{absent}` the name of the one attended for: `（{absent}代理）`.
    #[serde(default)]
    pub stand_in_mark: String,
    /// After someone who came late, with `{time}`: `（{time}から出席）`.
    #[serde(default)]
    pub late_mark: String,
    /// After someone who left and did not come back, with `{time}`: `（{time}退席）`.
    #[serde(default)]
    pub left_mark: String,
    /// After someone who went out for a while, with `{from}` and `{to}`:
    /// `（{from}～{to}退席）`; once for each time.
    #[serde(default)]
    pub away_mark: String,
    /// The heading of those who did not attend: `欠席者`; empty: they are not listed.
    #[serde(default)]
    pub absent_label: String,
    /// After the list: `（敬称略）`.
    #[serde(default)]
    pub note: String,
    /// The observers' count (傍聴者数), with `{count}`, once entered: `傍聴者　{count}名`.
    #[serde(default)]
    pub observers: String,
}

/// How a decision prints under its item. Each part is a template; an empty one prints
/// nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionStyle {
    /// The decision, with `{result}`, `{method}` and `{votes}` (the two below, filled):
    /// `【結果】{result}{method}{votes}`.
    pub line: String,
    /// `{method}`: `（{method}）`.
    #[serde(default)]
    pub method: String,
    /// `{votes}`, with `{yes}`, `{no}`, `{abstain}`: `　賛成{yes}、反対{no}、棄権{abstain}`.
    #[serde(default)]
    pub votes: String,
    /// One action item, with `{what}`, `{who}` and `{due}` (the two below, filled):
    /// `・{what}{who}{due}`.
    #[serde(default)]
    pub action: String,
    /// `{who}`: `（担当：{who}）`.
    #[serde(default)]
    pub who: String,
    /// `{due}`, the date as the style writes dates: `（期限：{due}）`.
    #[serde(default)]
    pub due: String,
}

/// The templates of the meeting's own events in the minutes; an empty one prints nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProceedingLines {
    #[serde(default)]
    pub open: String,
    #[serde(default)]
    pub recess: String,
    #[serde(default)]
    pub resume: String,
    #[serde(default)]
    pub close: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Style", deny_unknown_fields)]
pub struct Style {
    pub name: String,
    pub description: String,
    /// The document title: `{title} 議事要旨`.
    pub title: String,
    pub date_label: String,
    pub place_label: String,
    pub agenda_label: String,
    /// `None`: each label is a block of its own, its value below. `Some("：")`: `日時：…` on
    /// one line.
    pub label_separator: Option<String>,
    pub date: DateForm,
    pub kanji_numerals: bool,
    /// Add the hours to the date: `15時から16時30分まで`.
    pub time_range: bool,
    /// Those hours as the meeting kept them (開会 to 閉会) once it has opened and closed,
    /// rather than as scheduled; without `time_range`, the kept hours once known and
    /// otherwise none.
    #[serde(default)]
    pub actual_hours: bool,
    /// Lines in the flow of the minutes where the meeting opened, recessed, resumed and
    /// closed, each with `{time}`: `〔{time}開会〕`. Left out when not given.
    #[serde(default)]
    pub proceeding_lines: Option<ProceedingLines>,
    /// Decisions under their items; none when not given.
    #[serde(default)]
    pub decision: Option<DecisionStyle>,
    /// The attendance list after the header; none when not given.
    #[serde(default)]
    pub attendance: Option<AttendanceStyle>,
    /// One agenda entry: `- {no} {title}`.
    pub agenda_item: String,
    /// Put the item's detail line (subject or presenter) under it.
    pub agenda_detail: bool,
    /// After a closed item's title in the agenda list: `（非公開）`.
    pub closed_mark: String,
    /// Heading of each speaker's run in a `Speeches` item: `{no} {title}（{speaker}）`.
    pub speech_heading: String,
    /// Heading of a `Discussion` item with a detail line: `{no} {title}（{detail}）`.
    pub item_heading: String,
    /// Heading of an item without a detail line, or a speech by no one: `{no} {title}`.
    pub item_heading_plain: String,
    /// Lay every item out as a discussion, greetings too: proceedings name each speaker on a
    /// line of their own.
    #[serde(default)]
    pub discussion_everywhere: bool,
    /// Before each run of remarks by one speaker in a `Discussion` item: `（{speaker}）`.
    pub speaker_line: String,
    /// How a speaker is named: `{role} {name}{honorific}`.
    pub speaker: String,
    /// Replaces the roster's honorific for outside participants (様 or 氏), if set.
    pub outside_honorific: Option<String>,
    /// Before each paragraph: empty, or `・`.
    pub paragraph_bullet: String,
    pub non_public_gap: Gap,
    /// First line of an internal record.
    pub internal_notice: String,
    /// Internal record: before non-public paragraphs.
    pub non_public_mark: String,
    /// Internal record: before paragraphs marked "check later".
    pub check_mark: String,
}

/// The styles that ship with kiroku: (name, RON source).
pub const SHIPPED: &[(&str, &str)] = &[
    ("default", include_str!("../../styles/default.ron")),
    ("bracket", include_str!("../../styles/bracket.ron")),
    ("proceedings", include_str!("../../styles/proceedings.ron")),
    ("english", include_str!("../../styles/english.ron")),
];

impl Style {
    pub fn parse(path: &Path, text: &str) -> Result<Self, LoadError> {
        crate::storage::ron_options()
            .from_str(text)
            .map_err(|e| LoadError {
                path: path.to_path_buf(),
                position: Some((e.span.start.line, e.span.start.col)),
                kind: LoadErrorKind::Syntax,
                message: format!("{} (reading this as a style file)", e.code),
            })
    }

    /// A shipped style by name; `None` when no shipped style has that name (the command
    /// layer then reads it as a file: export itself reads no files).
    pub fn shipped(name: &str) -> Option<Result<Self, LoadError>> {
        SHIPPED
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(name, text)| Self::parse(Path::new(&format!("<style {name}>")), text))
    }

    /// The shipped styles' names, for messages.
    pub fn shipped_names() -> String {
        SHIPPED
            .iter()
            .map(|(n, _)| *n)
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn default_style() -> Self {
        Self::default_ref().clone()
    }

    /// The default style, parsed once (the cleanup preview draws with it every frame).
    pub fn default_ref() -> &'static Self {
        static DEFAULT: std::sync::OnceLock<Style> = std::sync::OnceLock::new();
        // The shipped styles are checked by tests; failing here is a bug.
        DEFAULT.get_or_init(|| {
            Self::shipped("default")
                .and_then(Result::ok)
                .expect("the default style parses")
        })
    }
}

/// Fills `{key}` fields of `template`; unknown fields stay as written so a typo shows.
pub fn fill(template: &str, fields: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (key, value) in fields {
        out = out.replace(&format!("{{{key}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_style_parses() {
        for (name, _) in SHIPPED {
            let s = Style::shipped(name).unwrap().unwrap();
            assert_eq!(&s.name, name);
        }
    }

    #[test]
    fn fill_replaces_known_fields_only() {
        assert_eq!(
            fill("{no} {title}（{x}）", &[("no", "1"), ("title", "挨拶")]),
            "1 挨拶（{x}）"
        );
    }
}
