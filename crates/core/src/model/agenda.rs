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
    /// The title in the minutes' heading when it differs from the agenda list's:
    /// `議事次第` says 報告事項, the heading says 報告事項　電子申請の利用状況について.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// Why a closed item is closed, as the public minutes may say it:
    /// `北町市附属機関等の会議の公開に関する要綱第5条第2号`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_reason: Option<String>,
    /// A part of an earlier item (報告 → （1）…, （2）…): listed and headed under it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<ItemNo>,
}

impl AgendaItem {
    /// A public item laid out as a discussion, with nothing else said of it.
    pub fn new(no: ItemNo, title: impl Into<String>) -> Self {
        Self {
            no,
            title: title.into(),
            detail: None,
            public: true,
            minutes: None,
            layout: Layout::Discussion,
            detail_public: false,
            heading: None,
            closed_reason: None,
            part_of: None,
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn yes() -> bool {
    true
}
