//! The document model every format renders: built once from a session, an audience and a
//! style, with everything the audience may not see already left out. The JSON format is this
//! model serialized; its schema is in the README.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// The published minutes: nothing non-public.
    Public,
    /// The full record with times and marks, for the office.
    Internal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Document {
    pub audience: Audience,
    /// BCP 47 language of the minutes ("ja").
    pub language: String,
    /// Internal records only: the warning that opens the document.
    pub notice: Option<String>,
    pub title: String,
    pub header: Header,
    /// The attendance list (出席者), when the style has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attendance: Option<Attendees>,
    pub agenda_label: String,
    pub agenda: Vec<AgendaEntry>,
    /// The agenda file's own texts (概要, 配付資料, a closing note), each where it stands.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub texts: Vec<TextBlock>,
    /// A heading before the body: 議事概要.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body_heading: Option<String>,
    pub sections: Vec<Section>,
    /// When the record was last written to (RFC 3339), for a format's metadata.
    #[serde(skip)]
    pub as_of: Option<String>,
}

/// A block of text given by the agenda file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextBlock {
    pub at: crate::model::TextAt,
    /// 配付資料; none: the paragraphs alone.
    pub label: Option<String>,
    pub paragraphs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Header {
    /// `Some(separator)`: each field on one line, `label{separator}value`.
    pub inline_separator: Option<String>,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    /// Empty: the value alone.
    pub label: String,
    pub value: String,
}

impl Field {
    /// `label{separator}value`, or the value alone where the style gives no label.
    pub fn inline(&self, separator: &str) -> String {
        if self.label.is_empty() {
            self.value.clone()
        } else {
            format!("{}{separator}{}", self.label, self.value)
        }
    }
}

/// Who attended, as the style groups and words them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attendees {
    /// 出席者
    pub label: String,
    pub groups: Vec<AttendeeGroup>,
    /// After the list: （敬称略）.
    pub note: Option<String>,
    /// 傍聴者　3名, once counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub observers: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttendeeGroup {
    /// （委員）, or none for a list without groups; 欠席者 for the absent.
    pub heading: Option<String>,
    /// One line each: `【座長】東都大学 教授 高橋 誠 様（オンライン）`.
    pub entries: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgendaEntry {
    /// The entry as printed: `- 3 意見交換（非公開）`.
    pub text: String,
    /// The subject or presenter, printed under the entry.
    pub detail: Option<String>,
    pub closed: bool,
    /// A part of the item before it (（1）…), listed under it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub part: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    pub heading: Option<String>,
    /// 1 for an item's heading, 2 for a part's or a speech's under a part.
    pub level: u8,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// Names who speaks next: `（南町CIO 佐藤 花子 様）`.
    Speaker { text: String },
    /// One paragraph of a remark.
    Paragraph(Paragraph),
    /// Where non-public remarks were left out, as the style says; or one of the meeting's
    /// own events (〔午後三時十分休憩〕).
    Marker { text: String },
    /// What the item decided: `【結果】承認（挙手）　賛成5、反対2、棄権0`.
    Decision { text: String },
    /// Something to be done after the meeting: `・資料の修正（担当：事務局）`.
    Action { text: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    /// The style's bullet, or empty.
    pub bullet: String,
    /// Internal records: when the remark began, `HH:MM`.
    pub time: Option<String>,
    /// Internal records: where the remark began in the meeting's recording, `00:12:34`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<String>,
    /// Internal records: 【非公開】, 【要確認】.
    pub marks: Vec<String>,
    /// The speaker named before the text (`○議長（山田太郎君）　`), where the style names
    /// speakers inline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// A later paragraph of the same remark (typed after A-Enter).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub continued: bool,
    pub text: String,
}

impl Paragraph {
    /// The paragraph as one line of text: bullet (or the speaker), time, marks, text.
    pub fn line(&self) -> String {
        let mut s = self.prefix();
        s.push_str(&self.text);
        s
    }

    /// What stands before the text: the bullet unless the speaker is named, the time and
    /// marks, and the speaker.
    pub fn prefix(&self) -> String {
        let mut s = if self.lead.is_some() {
            String::new()
        } else {
            self.bullet.clone()
        };
        match (&self.time, &self.offset) {
            (Some(t), Some(o)) => s.push_str(&format!("[{t} {o}] ")),
            (Some(t), None) => s.push_str(&format!("[{t}] ")),
            _ => {}
        }
        for m in &self.marks {
            s.push_str(m);
        }
        if let Some(lead) = &self.lead {
            s.push_str(lead);
        }
        s
    }
}

/// `text` on one line, for what cannot hold a line break (a Markdown heading, the title in a
/// document's properties or a browser's tab): each break a space.
pub fn one_line(text: &str) -> String {
    if !text.contains('\n') {
        return text.to_owned();
    }
    text.split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
