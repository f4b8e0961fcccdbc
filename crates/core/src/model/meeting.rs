use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// The meeting as announced: what the minutes' header is made of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// e.g. 第3回 北町デジタル推進会議
    pub title: String,
    pub date: NaiveDate,
    /// Scheduled start, e.g. "15:00:00".
    pub start: NaiveTime,
    /// Scheduled end.
    pub end: NaiveTime,
    /// e.g. 会場及びオンラインのハイブリッド開催; empty (or left out of the file) for a
    /// meeting whose minutes name no place.
    #[serde(default)]
    pub place: String,
    /// Language of the minutes as a BCP 47 tag ("ja", "en").
    #[serde(default = "default_language")]
    pub language: String,
    /// 定足数: how many of one group must be present for the meeting to proceed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quorum: Option<Quorum>,
    /// Results a decision may have, besides 承認, 了承, 原案どおり可決, 否決 and 継続審議.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decision_results: Vec<String>,
    /// Stock phrases for A-p, instead of the usual ones (〔「異議なし」と呼ぶ者あり〕 …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phrases: Vec<String>,
    /// Text of the minutes that is not said in the meeting: 概要, 配付資料, a closing note.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub texts: Vec<MeetingText>,
}

/// A block of text the agenda file gives for the minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingText {
    /// `配付資料`; empty: the text alone.
    #[serde(default)]
    pub label: String,
    /// Paragraphs separated by a line break.
    pub text: String,
    #[serde(default)]
    pub at: TextAt,
    /// `false`: the internal record only.
    #[serde(default = "public_by_default")]
    pub public: bool,
}

fn public_by_default() -> bool {
    true
}

/// Where a meeting's text stands in the minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum TextAt {
    /// After the header and the attendance list, before the agenda.
    BeforeAgenda,
    /// After the agenda list, before what was said.
    #[default]
    AfterAgenda,
    /// At the end of the minutes.
    End,
}

impl Meeting {
    /// A meeting in Japanese with nothing but its title, date and hours.
    pub fn new(
        title: impl Into<String>,
        date: chrono::NaiveDate,
        start: chrono::NaiveTime,
        end: chrono::NaiveTime,
    ) -> Self {
        Self {
            title: title.into(),
            date,
            start,
            end,
            place: String::new(),
            language: default_language(),
            quorum: None,
            decision_results: Vec::new(),
            phrases: Vec::new(),
            texts: Vec::new(),
        }
    }
}

/// The stock phrases when the agenda file gives none.
pub const PHRASES: &[&str] = &[
    "〔「異議なし」と呼ぶ者あり〕",
    "（資料説明）",
    "（動画上映）",
    "暫時休憩",
];

/// `quorum: (group: "委員", needed: 5)`: at least five of the 委員 present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quorum {
    pub group: String,
    pub needed: u32,
}

fn default_language() -> String {
    "ja".to_owned()
}
