use serde::{Deserialize, Serialize};

/// Highest hotkey slot (F12).
pub const MAX_SLOT: u8 = 12;

/// A participant's stable id, chosen by whoever writes the agenda file (e.g. "yamada").
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ParticipantId(pub String);

impl ParticipantId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for ParticipantId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a participant takes part from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Attendance {
    #[default]
    Room,
    Online,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    pub id: ParticipantId,
    /// Affiliation and title as the minutes write it: `北町CIO`, `デジタル推進局 企画部長`.
    pub role: String,
    /// `佐藤 花子`
    pub name: String,
    /// `様` or `氏` for outside participants; none for the host's own officials.
    #[serde(default)]
    pub honorific: Option<String>,
    /// Not one of the host's own officials: minutes give them an honorific.
    #[serde(default)]
    pub outside: bool,
    #[serde(default)]
    pub attendance: Attendance,
    /// Hotkey slot 1–12 (Alt+digit, F-key).
    #[serde(default)]
    pub hotkey: Option<u8>,
    /// How the attendance list groups them: 委員, 事務局, 説明員, オブザーバー.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Before the name in the attendance list: 【座長】.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_mark: Option<String>,
    /// Known beforehand not to attend (欠席).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub absent: bool,
    /// Attends in place of this participant (代理出席), who is then absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stands_in_for: Option<ParticipantId>,
    /// The family name when it alone names them and the name's first word will not do:
    /// `山田（太）` beside another 山田.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// How the minutes name them as a speaker, whatever the style: `議長（山田太郎君）`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
    /// How the name is read (やまだ たろう): the picker finds them by it, in kana or romaji.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
    /// Their own mark before their name where a style marks speakers (`〇` for the clerks'
    /// side where members get `○`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark: Option<String>,
    /// Added during the meeting where the record was not public (off the record, a closed
    /// item): the public minutes name them only once they have said something public.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub added_off_record: bool,
}

impl Participant {
    /// `role name[ honorific]`, the way a speaker line names someone.
    pub fn label(&self) -> String {
        let mut s = String::new();
        if !self.role.is_empty() {
            s.push_str(&self.role);
            s.push(' ');
        }
        s.push_str(&self.name);
        if let Some(h) = &self.honorific {
            s.push(' ');
            s.push_str(h);
        }
        s
    }

    /// Outside participants are those marked so, or given an honorific.
    pub fn is_outside(&self) -> bool {
        self.outside || self.honorific.is_some()
    }

    /// Does `query` match the name, the role, the id or the reading? Spaces are ignored so
    /// `佐藤花子` finds `佐藤 花子`; ASCII is matched case-insensitively; katakana and
    /// hiragana match each other, and romaji matches the reading (`hayashi`, `はやし` and
    /// `ハヤシ` all find 林).
    pub fn matches(&self, query: &str) -> bool {
        let q = normalise_for_search(query);
        let reading = self.reading.as_deref().map(normalise_for_search);
        q.is_empty()
            || normalise_for_search(&self.name).contains(&q)
            || normalise_for_search(&self.role).contains(&q)
            || normalise_for_search(self.id.as_str()).contains(&q)
            || reading.as_ref().is_some_and(|r| {
                r.contains(&q) || super::kana::romaji(r).contains(&super::kana::romaji(&q))
            })
    }
}

/// Without spaces, lower case, katakana as hiragana, full-width letters as ASCII.
fn normalise_for_search(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfkc()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .map(super::kana::hiragana)
        .collect()
}
