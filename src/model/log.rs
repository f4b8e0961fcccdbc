use serde::{Deserialize, Serialize};

use super::{ItemNo, Timestamp};

/// When an agenda item was actually under discussion. An item may be visited more than once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemSpan {
    pub item: ItemNo,
    pub started: Timestamp,
    #[serde(default)]
    pub ended: Option<Timestamp>,
}

/// A stretch the chair declared off the record; `end` is `None` while it lasts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OffRecord {
    pub start: Timestamp,
    #[serde(default)]
    pub end: Option<Timestamp>,
}

/// What actually happened, as opposed to the plan.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingLog {
    #[serde(default)]
    pub items: Vec<ItemSpan>,
    #[serde(default)]
    pub off_record: Vec<OffRecord>,
}

impl MeetingLog {
    /// When the meeting began: the start of the first item visited.
    pub fn began(&self) -> Option<Timestamp> {
        self.items.first().map(|s| s.started)
    }

    pub fn is_off_record(&self) -> bool {
        self.off_record.last().is_some_and(|o| o.end.is_none())
    }

    /// The item under discussion now, if the meeting is running.
    pub fn open_span(&self) -> Option<&ItemSpan> {
        self.items.last().filter(|s| s.ended.is_none())
    }

    /// Seconds spent on `item` up to `now`, over all its visits.
    pub fn seconds_in(&self, item: ItemNo, now: Timestamp) -> i64 {
        self.items
            .iter()
            .filter(|s| s.item == item)
            .map(|s| (s.ended.unwrap_or(now) - s.started).num_seconds().max(0))
            .sum()
    }

    pub fn was_visited(&self, item: ItemNo) -> bool {
        self.items.iter().any(|s| s.item == item)
    }
}
