//! The meeting log as cleanup lists it: every event, arrival and departure, decision, the
//! recording mark and the observers' count, one row each, in time order; and the corrections
//! cleanup makes to it (a time, a count, a removal), each one undoable change of the log.

use crate::i18n::Strings;
use crate::model::{MeetingLog, Presence, Proceeding, Session, Timestamp};

/// Which part of the log a row stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogRef {
    Event(usize),
    Presence(usize),
    Decision(usize),
    /// Where stretch `i` off the record began, or ended.
    OffStart(usize),
    OffEnd(usize),
    Recording,
    Observers,
}

/// One row of the list: when, and what, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    pub at: Option<Timestamp>,
    pub what: String,
    pub of: LogRef,
}

/// Every row, timed ones in time order, then the observers' count.
pub fn log_entries(session: &Session, s: &Strings) -> Vec<LogEntry> {
    let log = &session.log;
    let mut rows = Vec::new();
    let withheld = session.events_withheld();
    for (i, e) in log.events.iter().enumerate() {
        let what = match e.what {
            Proceeding::Open => s.meeting_opened,
            Proceeding::Recess => s.recess_began,
            Proceeding::Resume => s.recess_ended,
            Proceeding::Close => s.meeting_closed_word,
        };
        let badge = if withheld[i] { s.non_public } else { "" };
        rows.push(LogEntry {
            at: Some(e.at),
            what: format!("{what}{badge}"),
            of: LogRef::Event(i),
        });
    }
    for (i, e) in log.presence.iter().enumerate() {
        let name = session
            .plan
            .participant(&e.who)
            .map_or_else(|| e.who.to_string(), |p| p.name.clone());
        let did = match e.what {
            Presence::Arrived => s.arrived_word,
            Presence::Left => s.left_word,
            Presence::Online => s.online,
            Presence::Room => s.room,
        };
        let badge = if session.presence_is_public(e) {
            ""
        } else {
            s.non_public
        };
        rows.push(LogEntry {
            at: Some(e.at),
            what: format!("{name} {did}{badge}"),
            of: LogRef::Presence(i),
        });
    }
    for (i, d) in log.decisions.iter().enumerate() {
        let how = d
            .method
            .as_deref()
            .map(|m| format!("（{m}）"))
            .unwrap_or_default();
        let badge = if session.decision_is_public(d) {
            ""
        } else {
            s.non_public
        };
        rows.push(LogEntry {
            at: Some(d.at),
            what: format!("{} {} {}{how}{badge}", d.item, s.decided, d.result),
            of: LogRef::Decision(i),
        });
    }
    for (i, o) in log.off_record.iter().enumerate() {
        rows.push(LogEntry {
            at: Some(o.start),
            what: s.off_record_from.to_owned(),
            of: LogRef::OffStart(i),
        });
        if let Some(end) = o.end {
            rows.push(LogEntry {
                at: Some(end),
                what: s.off_record_to.to_owned(),
                of: LogRef::OffEnd(i),
            });
        }
    }
    if let Some(at) = log.recording {
        rows.push(LogEntry {
            at: Some(at),
            what: s.recording_marked.to_owned(),
            of: LogRef::Recording,
        });
    }
    rows.sort_by_key(|r| r.at);
    rows.push(LogEntry {
        at: None,
        what: match log.observers {
            Some(n) => format!("{} {n}", s.observers),
            None => format!("{} -", s.observers),
        },
        of: LogRef::Observers,
    });
    rows
}

/// The log with the row's time set to `at`; events are kept in time order, since the last
/// of them says whether the meeting is in a recess or closed. `None`: a stretch off the
/// record would end before it began.
pub fn retimed(log: &MeetingLog, of: LogRef, at: Timestamp) -> Option<MeetingLog> {
    let mut log = log.clone();
    // Moved into a stretch off the record, a row becomes non-public; moved out, it stays as
    // it was (a correction never publishes). It belongs to the item under discussion then.
    let off = log.off_record_at(at);
    let item = log
        .items
        .iter()
        .find(|s| s.started <= at && s.ended.is_none_or(|e| at < e))
        .map(|s| s.item);
    match of {
        LogRef::Event(i) => {
            if let Some(e) = log.events.get_mut(i) {
                e.at = at;
                e.non_public |= off;
                e.item = item.or(e.item);
            }
            log.events.sort_by_key(|e| e.at);
        }
        LogRef::Presence(i) => {
            if let Some(e) = log.presence.get_mut(i) {
                e.at = at;
                e.non_public |= off;
                e.item = item.or(e.item);
            }
            log.presence.sort_by_key(|e| e.at);
        }
        LogRef::Decision(i) => {
            if let Some(d) = log.decisions.get_mut(i) {
                d.at = at;
                d.non_public |= off;
            }
        }
        LogRef::OffStart(i) => {
            let o = log.off_record.get_mut(i)?;
            if o.end.is_some_and(|e| e < at) {
                return None;
            }
            o.start = at;
            log.off_record.sort_by_key(|o| o.start);
        }
        LogRef::OffEnd(i) => {
            let o = log.off_record.get_mut(i)?;
            if at < o.start {
                return None;
            }
            o.end = Some(at);
        }
        LogRef::Recording => log.recording = Some(at),
        LogRef::Observers => {}
    }
    Some(log)
}

/// The log without the row.
pub fn without(log: &MeetingLog, of: LogRef) -> MeetingLog {
    let mut log = log.clone();
    match of {
        LogRef::Event(i) if i < log.events.len() => {
            log.events.remove(i);
        }
        LogRef::Presence(i) if i < log.presence.len() => {
            log.presence.remove(i);
        }
        LogRef::Decision(i) if i < log.decisions.len() => {
            log.decisions.remove(i);
        }
        // A stretch goes whole: either of its rows removes it.
        LogRef::OffStart(i) | LogRef::OffEnd(i) if i < log.off_record.len() => {
            log.off_record.remove(i);
        }
        LogRef::Recording => log.recording = None,
        LogRef::Observers => log.observers = None,
        _ => {}
    }
    log
}
