use serde::{Deserialize, Serialize};

/// The agenda item's number as printed (1, 2, 3 …); also its stable id.
pub type ItemNo = u32;

/// How an item is laid out in the minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Layout {
    /// A heading per speaker, as for greetings.
    Speeches,
    /// One heading for the item, then a speaker line before each run of remarks.
    #[default]
    Discussion,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    pub no: ItemNo,
    /// 挨拶, 報告事項 …
    pub title: String,
    /// A subject (電子申請の利用状況) or the presenter.
    #[serde(default)]
    pub detail: Option<String>,
    /// `false` for items closed to the public (非公開).
    #[serde(default = "yes")]
    pub public: bool,
    /// Planned length in minutes.
    #[serde(default)]
    pub minutes: Option<u32>,
    #[serde(default)]
    pub layout: Layout,
    /// A closed item's detail may be printed in the public agenda list. Without this, a
    /// closed item is listed by its title alone: its subject can itself be confidential.
    #[serde(default, skip_serializing_if = "is_false")]
    pub detail_public: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn yes() -> bool {
    true
}
