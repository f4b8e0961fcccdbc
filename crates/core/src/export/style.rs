//! A style is the layout of one council's minutes, as data: labels, date and number forms,
//! heading and speaker templates, bullets, and how a non-public stretch or a closed item
//! shows. Templates name their fields in braces (`{no}`, `{title}`, `{speaker}`); which fields
//! each template may use is checked when the style is read (`check`).

use serde::{Deserialize, Serialize};

pub use super::dates::{DateForm, DateTemplates, Numbering, Numerals};

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

/// The speaker named at the start of their remark's first paragraph, as 会議録 and 議事録 print
/// it (`○議長（山田太郎君）　ただいまから…`, `山田座長: それでは…`), instead of on a line of
/// their own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InlineSpeaker {
    /// Before the text, with the speaker's fields, `{speaker}` and `{mark}`:
    /// `{mark}{speaker}　`, `{family}{role}: `.
    pub lead: String,
    /// The mark for `{mark}` of anyone the roster gives none (`mark: "〇"` there): `○`.
    #[serde(default)]
    pub mark: String,
    /// Name the speaker before every remark of a run, not only its first.
    #[serde(default)]
    pub every_remark: bool,
}

/// A closed item in the public minutes: by default it has no section at all; with this, a
/// heading and a line saying why it was closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClosedItem {
    /// The item's heading, with the item's fields: `{no}　{title}`; empty: none.
    #[serde(default)]
    pub heading: String,
    /// The line, with the item's fields and `{reason}` (the agenda's `closed_reason`, else
    /// `reason` below): `（{reason}により非公開）`.
    pub line: String,
    /// `{reason}` for an item whose agenda entry gives none.
    #[serde(default)]
    pub reason: String,
}

/// Parts of an item (`part_of` in the agenda file): 報告 → （1）…（2）…. Without this, parts
/// are laid out as items of their own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartStyle {
    /// In the agenda list, with the item's fields and `{part}`: `　（{part}）{title}`.
    pub agenda: String,
    /// The part's heading with a detail line: `（{part}）{title}（{detail}）`.
    pub heading: String,
    /// Without one: `（{part}）{title}`.
    pub heading_plain: String,
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
    /// Numbers in dates, times and counts in kanji (令和八年七月三日); `numerals` says more.
    pub kanji_numerals: bool,
    /// `Arabic`, `FullWidth` or `Kanji` numbers in dates, times and counts; without it, as
    /// `kanji_numerals` says.
    #[serde(default)]
    pub numerals: Option<Numerals>,
    /// How `{no}` numbers items: `Arabic`, `FullWidth`, `Kanji` (日程第一), `Circled` (①).
    #[serde(default)]
    pub numbering: Numbering,
    /// How `{part}` numbers the parts of an item.
    #[serde(default)]
    pub part_numbering: Numbering,
    /// The date and time templates; each one not given follows `date`.
    #[serde(default)]
    pub dates: Option<DateTemplates>,
    /// Add the hours to the date: `15時から16時30分まで`.
    pub time_range: bool,
    /// Those hours as the meeting kept them (開会 to 閉会) once it has opened and closed,
    /// rather than as scheduled; without `time_range`, the kept hours once known and
    /// otherwise none.
    #[serde(default)]
    pub actual_hours: bool,
    /// A line in the header, after the date and the place, with `{time}` the 開会's as
    /// `dates.clock` writes it: `{time}開議` (午後一時二分開議). Printed once the meeting has
    /// opened on the record; empty: none.
    #[serde(default)]
    pub opening_line: String,
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
    /// The parts of an item; `None`: parts are laid out as items.
    #[serde(default)]
    pub parts: Option<PartStyle>,
    /// A closed item's heading and line in the public minutes; `None`: nothing.
    #[serde(default)]
    pub closed_item: Option<ClosedItem>,
    /// A heading before the body of the minutes: `議事概要`; empty: none.
    #[serde(default)]
    pub body_heading: String,
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
    /// The speaker at the start of the remark instead of on a line of their own; `None`:
    /// `speaker_line`.
    #[serde(default)]
    pub inline_speaker: Option<InlineSpeaker>,
    /// `{name_spaced}` spreads a name to this many characters with full-width spaces between
    /// family and given name (`林　　　誠`), as attendance lists align names.
    #[serde(default = "five")]
    pub name_width: usize,
    /// `{role_spaced}` spreads a role to this many characters with full-width spaces between
    /// its characters (`会　　長` at four), as 出席者 lists align roles; 0: as written.
    #[serde(default)]
    pub role_width: usize,
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

fn five() -> usize {
    5
}

impl Style {
    /// The numerals of dates, times and counts.
    pub fn numerals(&self) -> Numerals {
        self.numerals.unwrap_or(if self.kanji_numerals {
            Numerals::Kanji
        } else {
            Numerals::Arabic
        })
    }

    /// The date and time forms, resolved.
    pub fn date_forms(&self) -> super::dates::DateForms {
        super::dates::DateForms::new(self.date, self.dates.as_ref(), self.numerals())
    }
}

pub use super::template::fill;
