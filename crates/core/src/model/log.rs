use serde::{Deserialize, Serialize};

use super::{ItemNo, ParticipantId, Timestamp};

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

/// What the meeting itself does, as a council's rules name it: 開会, 休憩, 再開, 閉会.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Proceeding {
    /// 開会: the chair opens the meeting.
    Open,
    /// 休憩: a recess begins; the clocks stop.
    Recess,
    /// 再開: the meeting resumes after a recess.
    Resume,
    /// 閉会: the meeting ends; the clocks stop for good.
    Close,
}

/// One of the meeting's own events, and when it happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingEvent {
    pub at: Timestamp,
    pub what: Proceeding,
    /// The item under discussion when it happened: within one second the clock cannot tell
    /// a recess before an item change from one after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemNo>,
    /// Pressed while the record was not public (off the record, a closed item): the public
    /// minutes neither print it nor take the hours from it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub non_public: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clerk: Option<String>,
}

/// 交代: one clerk handed the record to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Handover {
    pub at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    pub to: String,
}

/// Someone came or went during the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Presence {
    /// Came in: late (遅参), or back after leaving.
    Arrived,
    /// Went out: for good (早退・退席), or for a while (一時退席, 除斥).
    Left,
    /// Took part online from then on.
    Online,
    /// Took part in the room from then on.
    Room,
}

impl Presence {
    /// An arrival or a departure (not a change of place).
    pub fn is_coming_or_going(self) -> bool {
        matches!(self, Self::Arrived | Self::Left)
    }
}

/// One coming or going, timed, and whether it happened where the record was not public (a
/// closed item, off the record): then the public minutes do not mention it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PresenceEvent {
    pub at: Timestamp,
    pub who: ParticipantId,
    pub what: Presence,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub non_public: bool,
    /// The item under discussion then: closing it later in cleanup withholds this too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemNo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clerk: Option<String>,
}

/// The results a decision may have unless the agenda file lists its own.
pub const DECISION_RESULTS: &[&str] = &["承認", "了承", "原案どおり可決", "否決", "継続審議"];

/// How a decision may be reached.
pub const DECISION_METHODS: &[&str] = &["異議なし", "挙手", "起立", "記名投票"];

/// A count of votes: 賛成, 反対, 棄権.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Votes {
    pub yes: u32,
    pub no: u32,
    #[serde(default)]
    pub abstain: u32,
}

/// Something to be done after the meeting, and by whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionItem {
    pub what: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub who: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<chrono::NaiveDate>,
}

/// What an agenda item decided, and how. Non-public when taken where the record was not
/// (off the record, a closed item): then no public minutes print it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub item: ItemNo,
    pub at: Timestamp,
    /// 承認, 了承, 原案どおり可決 …
    pub result: String,
    /// 異議なし, 挙手, 起立, 記名投票.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub votes: Option<Votes>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<ActionItem>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub non_public: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clerk: Option<String>,
}

/// What actually happened, as opposed to the plan.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingLog {
    #[serde(default)]
    pub items: Vec<ItemSpan>,
    #[serde(default)]
    pub off_record: Vec<OffRecord>,
    /// 開会, 休憩, 再開, 閉会 in the order they happened (absent from older session files).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<MeetingEvent>,
    /// Arrivals and departures in the order they happened.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub presence: Vec<PresenceEvent>,
    /// What the items decided, in the order they were recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
    /// When the meeting's recording started: remarks are also placed by their offset into
    /// it, to be checked against the audio.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recording: Option<Timestamp>,
    /// 傍聴者数: members of the public watching, once counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observers: Option<u32>,
    /// 交代: who handed the record to whom, and when.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub handovers: Vec<Handover>,
}

impl MeetingLog {
    /// When the meeting began: the start of the first item visited.
    pub fn began(&self) -> Option<Timestamp> {
        self.items.first().map(|s| s.started)
    }

    pub fn is_off_record(&self) -> bool {
        self.off_record.last().is_some_and(|o| o.end.is_none())
    }

    /// Was the record off at `at`: strictly inside a stretch? The clock reads whole seconds,
    /// so at a stretch's first or last second the order of the keys decides, and that is
    /// what a record's own non-public flag says (set when it was taken).
    pub fn off_record_at(&self, at: Timestamp) -> bool {
        self.off_record
            .iter()
            .any(|o| o.start < at && o.end.is_none_or(|e| at < e))
    }

    /// Was the record off at some moment strictly between `from` and `to` (a remark's first
    /// key and its Enter; one instant when they are equal)? As for
    /// [`MeetingLog::off_record_at`], a shared second is the record's own flag's to say.
    pub fn off_record_during(&self, from: Timestamp, to: Timestamp) -> bool {
        self.off_record
            .iter()
            .any(|o| o.start < to && o.end.is_none_or(|e| from < e))
    }

    /// The item under discussion now, if the meeting is running.
    pub fn open_span(&self) -> Option<&ItemSpan> {
        self.items.last().filter(|s| s.ended.is_none())
    }

    /// Seconds spent on `item` up to `now` (or the close), over all its visits, recesses
    /// left out.
    pub fn seconds_in(&self, item: ItemNo, now: Timestamp) -> i64 {
        let until = self.until(now);
        self.items
            .iter()
            .filter(|s| s.item == item)
            .map(|s| self.running_between(s.started, s.ended.unwrap_or(until).min(until)))
            .sum()
    }

    /// Where `at` falls in the recording, `h:mm:ss` from its start (`00:12:34`), once a
    /// recording was marked and if `at` is not before it.
    pub fn recording_offset(&self, at: Timestamp) -> Option<String> {
        let start = self.recording?;
        let s = (at - start).num_seconds();
        (s >= 0).then(|| format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60))
    }

    /// When the meeting opened: its 開会, or (a forgotten 開会) when its first item began.
    pub fn opened(&self) -> Option<Timestamp> {
        self.events
            .iter()
            .find(|e| e.what == Proceeding::Open)
            .map(|e| e.at)
            .or_else(|| self.began())
    }

    /// When the meeting closed, if it has.
    pub fn closed(&self) -> Option<Timestamp> {
        self.events
            .last()
            .filter(|e| e.what == Proceeding::Close)
            .map(|e| e.at)
    }

    /// Is the meeting in a recess now?
    pub fn in_recess(&self) -> bool {
        self.events
            .iter()
            .rev()
            .find(|e| {
                matches!(
                    e.what,
                    Proceeding::Recess | Proceeding::Resume | Proceeding::Close
                )
            })
            .is_some_and(|e| e.what == Proceeding::Recess)
    }

    /// The recesses as `(from, to)`; one still running ends at the close, or at `now`.
    pub fn recesses(&self, now: Timestamp) -> Vec<(Timestamp, Timestamp)> {
        let mut out = Vec::new();
        let mut from = None;
        for e in &self.events {
            match e.what {
                Proceeding::Recess => from = from.or(Some(e.at)),
                Proceeding::Resume | Proceeding::Close => {
                    if let Some(f) = from.take() {
                        out.push((f, e.at));
                    }
                }
                Proceeding::Open => {}
            }
        }
        if let Some(f) = from {
            out.push((f, self.until(now)));
        }
        out
    }

    /// The time the clocks read up to: the close, or `now`.
    fn until(&self, now: Timestamp) -> Timestamp {
        self.closed().map_or(now, |c| c.min(now))
    }

    /// Seconds from `from` to `to` that were not in a recess.
    fn running_between(&self, from: Timestamp, to: Timestamp) -> i64 {
        if to <= from {
            return 0;
        }
        let paused: i64 = self
            .recesses(to)
            .iter()
            .map(|&(a, b)| (b.min(to) - a.max(from)).num_seconds().max(0))
            .sum();
        ((to - from).num_seconds() - paused).max(0)
    }

    /// Seconds the meeting has run: from its opening to the close (or `now`), recesses left
    /// out; `None` before it opened.
    pub fn running_seconds(&self, now: Timestamp) -> Option<i64> {
        self.opened()
            .map(|open| self.running_between(open, self.until(now)))
    }

    pub fn was_visited(&self, item: ItemNo) -> bool {
        self.items.iter().any(|s| s.item == item)
    }
}
