use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::{
    ActionItem, AgendaItem, Attendance, DECISION_RESULTS, Decision, ItemNo, ItemSpan, MAX_SLOT,
    Meeting, MeetingEvent, MeetingLog, OffRecord, Participant, ParticipantId, Presence,
    PresenceEvent, Proceeding, Remark, RemarkId, Timestamp, Votes,
};

/// How long after 閉会 the key takes it back.
pub const TAKE_BACK: chrono::TimeDelta = chrono::TimeDelta::minutes(10);

/// The longest an agenda item can be planned for, in minutes: a day.
pub const MAX_MINUTES: u32 = 24 * 60;

/// What is known before the meeting: the content of an agenda file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub meeting: Meeting,
    pub roster: Vec<Participant>,
    pub agenda: Vec<AgendaItem>,
}

/// The unfinished input, kept so that a crash or a quit loses nothing typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    pub text: String,
    pub began: Timestamp,
    /// Some of it was typed off the record or in a closed item (or it was a non-public
    /// remark taken back by undo): it is committed non-public, whatever the state at Enter.
    #[serde(default, skip_serializing_if = "is_false")]
    pub non_public: bool,
    /// The item it belongs to, when it is a remark taken back by undo: Enter commits it there
    /// again. `None`: the item current at Enter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemNo>,
    /// "Check later" was pressed while typing it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub check_later: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Where the note-taker is: the state that live mode resumes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LiveState {
    pub item: ItemNo,
    #[serde(default)]
    pub speaker: Option<ParticipantId>,
    #[serde(default)]
    pub previous: Option<ParticipantId>,
    #[serde(default)]
    pub draft: Option<Draft>,
    /// The id the next remark gets. Kept in the file so an id taken back by undo is never
    /// handed out again, even after a restart.
    #[serde(default)]
    pub next_remark_id: RemarkId,
    /// Who is taking the record down now (`--clerk`, or the last 交代).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clerk: Option<String>,
}

/// Everything about one meeting: the plan plus everything recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub plan: Plan,
    pub log: MeetingLog,
    pub remarks: Vec<Remark>,
    pub live: LiveState,
}

/// A broken rule about how the parts of a session refer to each other.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    #[error("the agenda has no items")]
    EmptyAgenda,
    #[error("participant id \"{0}\" is used twice")]
    DuplicateParticipant(ParticipantId),
    #[error("participant id must not be empty")]
    EmptyParticipantId,
    #[error("hotkey {slot} is given to both \"{first}\" and \"{second}\"")]
    DuplicateHotkey {
        slot: u8,
        first: ParticipantId,
        second: ParticipantId,
    },
    #[error("hotkey {slot} of \"{id}\" is out of range: expected 1 to {MAX_SLOT}")]
    HotkeyOutOfRange { id: ParticipantId, slot: u8 },
    #[error("agenda item number {0} is used twice")]
    DuplicateItem(ItemNo),
    #[error("\"{who}\" stands in for \"{absent}\", who is not on the roster")]
    UnknownStandIn {
        who: ParticipantId,
        absent: ParticipantId,
    },
    #[error("the meeting ends ({end}) before it starts ({start}): expected an end after the start")]
    EndBeforeStart {
        start: chrono::NaiveTime,
        end: chrono::NaiveTime,
    },
    #[error(
        "agenda item {item} is a part of item {of}: expected an item listed before it that is not itself a part"
    )]
    BadPart { item: ItemNo, of: ItemNo },
    #[error("the quorum counts group \"{0}\", but nobody on the roster is in it")]
    EmptyQuorumGroup(String),
    #[error("the meeting log names participant \"{0}\", who is not on the roster")]
    UnknownPresence(ParticipantId),
    #[error(
        "agenda item {item} is planned for {minutes} minutes: expected at most {MAX_MINUTES} (a day)"
    )]
    MinutesOutOfRange { item: ItemNo, minutes: u32 },
    #[error("remark id {0} is used twice")]
    DuplicateRemark(RemarkId),
    #[error("remark {remark} names speaker \"{speaker}\", who is not on the roster")]
    UnknownSpeaker {
        remark: RemarkId,
        speaker: ParticipantId,
    },
    #[error("remark {remark} belongs to agenda item {item}, which is not on the agenda")]
    UnknownItem { remark: RemarkId, item: ItemNo },
    #[error("the meeting log names agenda item {0}, which is not on the agenda")]
    UnknownLoggedItem(ItemNo),
    #[error("the current agenda item {0} is not on the agenda")]
    UnknownCurrentItem(ItemNo),
    #[error("the current speaker \"{0}\" is not on the roster")]
    UnknownCurrentSpeaker(ParticipantId),
}

impl Plan {
    /// Checks that ids, hotkeys and item numbers are unique and in range.
    pub fn validate(&self) -> Result<(), ModelError> {
        if self.agenda.is_empty() {
            return Err(ModelError::EmptyAgenda);
        }
        let m = &self.meeting;
        if m.end < m.start {
            return Err(ModelError::EndBeforeStart {
                start: m.start,
                end: m.end,
            });
        }
        let mut ids = HashSet::new();
        let mut slots: Vec<Option<&ParticipantId>> = vec![None; MAX_SLOT as usize + 1];
        for p in &self.roster {
            if p.id.0.trim().is_empty() {
                return Err(ModelError::EmptyParticipantId);
            }
            if !ids.insert(&p.id) {
                return Err(ModelError::DuplicateParticipant(p.id.clone()));
            }
            if let Some(slot) = p.hotkey {
                if slot == 0 || slot > MAX_SLOT {
                    return Err(ModelError::HotkeyOutOfRange {
                        id: p.id.clone(),
                        slot,
                    });
                }
                if let Some(first) = slots[slot as usize] {
                    return Err(ModelError::DuplicateHotkey {
                        slot,
                        first: first.clone(),
                        second: p.id.clone(),
                    });
                }
                slots[slot as usize] = Some(&p.id);
            }
        }
        for p in &self.roster {
            if let Some(absent) = p.stands_in_for.as_ref().filter(|a| !ids.contains(a)) {
                return Err(ModelError::UnknownStandIn {
                    who: p.id.clone(),
                    absent: absent.clone(),
                });
            }
        }
        if let Some(q) = &self.meeting.quorum
            && !self
                .roster
                .iter()
                .any(|p| p.group.as_deref() == Some(q.group.as_str()))
        {
            return Err(ModelError::EmptyQuorumGroup(q.group.clone()));
        }
        let mut nos = HashSet::new();
        for item in &self.agenda {
            if !nos.insert(item.no) {
                return Err(ModelError::DuplicateItem(item.no));
            }
            if let Some(of) = item.part_of {
                let parent = self
                    .agenda
                    .iter()
                    .take_while(|i| i.no != item.no)
                    .find(|i| i.no == of);
                if parent.is_none_or(|p| p.part_of.is_some()) {
                    return Err(ModelError::BadPart { item: item.no, of });
                }
            }
            if let Some(minutes) = item.minutes.filter(|m| *m > MAX_MINUTES) {
                return Err(ModelError::MinutesOutOfRange {
                    item: item.no,
                    minutes,
                });
            }
        }
        Ok(())
    }

    pub fn participant(&self, id: &ParticipantId) -> Option<&Participant> {
        self.roster.iter().find(|p| &p.id == id)
    }

    pub fn by_slot(&self, slot: u8) -> Option<&Participant> {
        self.roster.iter().find(|p| p.hotkey == Some(slot))
    }

    pub fn item(&self, no: ItemNo) -> Option<&AgendaItem> {
        self.agenda.iter().find(|i| i.no == no)
    }

    /// The plan as every reader takes it: each item's parts right under it, in the order
    /// the file gives them (a part written after a later item still belongs to its own), and
    /// the parts of a closed item closed.
    pub fn normalize(&mut self) {
        let parts_of = |no: ItemNo, agenda: &[AgendaItem]| -> Vec<AgendaItem> {
            agenda
                .iter()
                .filter(|i| i.part_of == Some(no))
                .cloned()
                .collect()
        };
        if self.agenda.iter().any(|i| i.part_of.is_some()) {
            let mut ordered = Vec::with_capacity(self.agenda.len());
            for item in self.agenda.iter().filter(|i| i.part_of.is_none()) {
                ordered.push(item.clone());
                ordered.extend(parts_of(item.no, &self.agenda));
            }
            // A part whose item is missing was refused by `validate`; kept all the same.
            for item in &self.agenda {
                if !ordered.iter().any(|o| o.no == item.no) {
                    ordered.push(item.clone());
                }
            }
            self.agenda = ordered;
        }
        self.close_parts_of_closed_items();
    }

    /// A part of a closed item is closed too: what is said under it is as closed as the item.
    fn close_parts_of_closed_items(&mut self) {
        let closed: Vec<ItemNo> = self
            .agenda
            .iter()
            .filter(|i| !i.public)
            .map(|i| i.no)
            .collect();
        for item in &mut self.agenda {
            if item.part_of.is_some_and(|of| closed.contains(&of)) {
                item.public = false;
            }
        }
    }

    fn item_index(&self, no: ItemNo) -> Option<usize> {
        self.agenda.iter().position(|i| i.no == no)
    }
}

impl Session {
    /// A fresh session from a plan: nothing recorded, the first item current.
    pub fn new(mut plan: Plan) -> Result<Self, ModelError> {
        plan.validate()?;
        plan.normalize();
        let item = plan.agenda[0].no;
        Ok(Self {
            plan,
            log: MeetingLog::default(),
            remarks: Vec::new(),
            live: LiveState {
                item,
                speaker: None,
                previous: None,
                draft: None,
                next_remark_id: 1,
                clerk: None,
            },
        })
    }

    /// Rebuilds a session from its parts (as read from a file) and checks every reference.
    pub fn from_parts(
        mut plan: Plan,
        log: MeetingLog,
        remarks: Vec<Remark>,
        live: LiveState,
    ) -> Result<Self, ModelError> {
        plan.validate()?;
        plan.normalize();
        let mut seen = HashSet::new();
        for r in &remarks {
            if !seen.insert(r.id) {
                return Err(ModelError::DuplicateRemark(r.id));
            }
            if plan.item(r.item).is_none() {
                return Err(ModelError::UnknownItem {
                    remark: r.id,
                    item: r.item,
                });
            }
            let speakers = r
                .alternatives
                .iter()
                .filter_map(|a| a.speaker.as_ref())
                .chain(&r.speaker);
            if let Some(s) = speakers.into_iter().find(|s| plan.participant(s).is_none()) {
                return Err(ModelError::UnknownSpeaker {
                    remark: r.id,
                    speaker: s.clone(),
                });
            }
        }
        if let Some(span) = log.items.iter().find(|s| plan.item(s.item).is_none()) {
            return Err(ModelError::UnknownLoggedItem(span.item));
        }
        if let Some(e) = log
            .presence
            .iter()
            .find(|e| plan.participant(&e.who).is_none())
        {
            return Err(ModelError::UnknownPresence(e.who.clone()));
        }
        if let Some(d) = log.decisions.iter().find(|d| plan.item(d.item).is_none()) {
            return Err(ModelError::UnknownLoggedItem(d.item));
        }
        if plan.item(live.item).is_none() {
            return Err(ModelError::UnknownCurrentItem(live.item));
        }
        for s in [&live.speaker, &live.previous].into_iter().flatten() {
            if plan.participant(s).is_none() {
                return Err(ModelError::UnknownCurrentSpeaker(s.clone()));
            }
        }
        let mut live = live;
        let after_last = remarks.iter().map(|r| r.id).max().unwrap_or(0) + 1;
        live.next_remark_id = live.next_remark_id.max(after_last);
        Ok(Self {
            plan,
            log,
            remarks,
            live,
        })
    }

    pub fn current_item(&self) -> &AgendaItem {
        self.plan
            .item(self.live.item)
            .unwrap_or(&self.plan.agenda[0])
    }

    pub fn current_speaker(&self) -> Option<&Participant> {
        self.live
            .speaker
            .as_ref()
            .and_then(|id| self.plan.participant(id))
    }

    /// Would a remark committed now be non-public? Also after a 閉会 pressed where the record
    /// was not public: taken back, the close leaves the stretch it ended going on, and what
    /// was recorded meanwhile is in that stretch.
    pub fn is_non_public_now(&self) -> bool {
        self.log.is_off_record()
            || !self.current_item().public
            || self
                .log
                .events
                .last()
                .is_some_and(|e| e.what == Proceeding::Close && e.non_public)
    }

    /// Does `r` belong in the public minutes? Not if it was captured or flagged non-public,
    /// sits in a closed item, falls in a stretch off the record (however it got there: a
    /// close taken back, another clerk's stretch merged in, a time corrected), or is a note
    /// by the clerk that was not released. Every reader (the cleanup list, the preview, each
    /// export) asks this one question.
    pub fn is_public(&self, r: &Remark) -> bool {
        !r.non_public
            && self.item_is_public(r.item)
            && (!r.is_note() || r.publish_note)
            && !self.log.off_record_during(r.began, r.committed)
    }

    /// Is agenda item `no` open to the public?
    pub fn item_is_public(&self, no: ItemNo) -> bool {
        self.plan.item(no).is_some_and(|i| i.public)
    }

    /// Does a meeting log record taken at `at` in `item` belong in the public minutes? The
    /// same rule as a remark's: not if it was taken where the record was not public, its item
    /// is closed, or `at` falls in a stretch off the record.
    fn logged_public(&self, non_public: bool, item: Option<ItemNo>, at: Timestamp) -> bool {
        !non_public && item.is_none_or(|no| self.item_is_public(no)) && !self.log.off_record_at(at)
    }

    /// May the public minutes print this 開会, 休憩, 再開 or 閉会 (and take the hours from it)?
    pub fn event_is_public(&self, e: &MeetingEvent) -> bool {
        self.logged_public(e.non_public, e.item, e.at)
    }

    /// Which of the meeting's events the public minutes leave out, one flag per event: those
    /// [`Session::event_is_public`] withholds, and the other half of a recess whose one half
    /// is withheld, so that no 〔再開〕 stands without its 〔休憩〕.
    pub fn events_withheld(&self) -> Vec<bool> {
        let events = &self.log.events;
        let mut out: Vec<bool> = events.iter().map(|e| !self.event_is_public(e)).collect();
        let mut recess: Option<usize> = None;
        for (i, e) in events.iter().enumerate() {
            match e.what {
                Proceeding::Recess => recess = Some(i),
                Proceeding::Resume => {
                    if let Some(r) = recess.take()
                        && (out[r] || out[i])
                    {
                        out[r] = true;
                        out[i] = true;
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// May the public minutes date this coming or going, or this switch of place?
    pub fn presence_is_public(&self, e: &PresenceEvent) -> bool {
        self.logged_public(e.non_public, e.item, e.at)
    }

    /// May the public minutes print this decision?
    pub fn decision_is_public(&self, d: &Decision) -> bool {
        self.logged_public(d.non_public, Some(d.item), d.at)
    }

    /// Opens the current item in the meeting log if the meeting has not begun (and has not
    /// closed: a note typed after 閉会 does not start the clocks again).
    pub fn ensure_started(&mut self, now: Timestamp) {
        if self.log.open_span().is_none() && self.log.closed().is_none() {
            self.log.items.push(ItemSpan {
                item: self.live.item,
                started: now,
                ended: None,
            });
        }
    }

    /// Commits a remark of the current speaker in the current item.
    pub fn add_remark(&mut self, text: String, began: Timestamp, now: Timestamp) -> RemarkId {
        self.commit_remark(text, began, now, false, None)
    }

    /// Commits a remark of the current speaker into `item` (the current one if `None`). It
    /// is non-public if `non_public` says part of it was captured so, if the record is off
    /// now, or if its item is closed: the state travels with the text, never the reverse.
    pub fn commit_remark(
        &mut self,
        text: String,
        began: Timestamp,
        now: Timestamp,
        non_public: bool,
        item: Option<ItemNo>,
    ) -> RemarkId {
        self.ensure_started(began.min(now));
        let id = self.live.next_remark_id;
        self.live.next_remark_id += 1;
        let item = item
            .filter(|no| self.plan.item(*no).is_some())
            .unwrap_or(self.live.item);
        let non_public = non_public
            || self.is_non_public_now()
            || self.plan.item(item).is_some_and(|i| !i.public);
        self.remarks.push(Remark {
            id,
            item,
            speaker: self.live.speaker.clone(),
            text,
            began,
            committed: now,
            non_public,
            check_later: false,
            publish_note: false,
            clerk: self.live.clerk.clone(),
            origin: self.origin_of(id),
            alternatives: Vec::new(),
        });
        id
    }

    /// The origin a remark taken down now with number `id` gets: `clerk:id`, when the
    /// session knows its clerk.
    pub fn origin_of(&self, id: RemarkId) -> Option<String> {
        self.live.clerk.as_ref().map(|c| format!("{c}:{id}"))
    }

    /// 交代: `to` takes the record down from now on. `false` when they already do.
    pub fn hand_over(&mut self, to: &str, now: Timestamp) -> bool {
        let to = to.trim();
        if to.is_empty() || self.live.clerk.as_deref() == Some(to) {
            return false;
        }
        self.log.handovers.push(super::Handover {
            at: now,
            from: self.live.clerk.clone(),
            to: to.to_owned(),
        });
        self.live.clerk = Some(to.to_owned());
        true
    }

    /// Takes back the newest remark (for undo of a commit).
    pub fn pop_remark(&mut self) -> Option<Remark> {
        self.remarks.pop()
    }

    pub fn remark_mut(&mut self, id: RemarkId) -> Option<&mut Remark> {
        self.remarks.iter_mut().find(|r| r.id == id)
    }

    /// 開会: the meeting opens now, and its current item with it. `false` if it had opened
    /// (by this key) already.
    pub fn open_meeting(&mut self, now: Timestamp) -> bool {
        let opened = self.log.events.iter().any(|e| e.what == Proceeding::Open);
        if opened || self.log.closed().is_some() {
            return false;
        }
        self.log.events.push(MeetingEvent {
            at: now,
            what: Proceeding::Open,
            item: Some(self.live.item),
            non_public: self.is_non_public_now(),
            clerk: self.live.clerk.clone(),
        });
        self.ensure_started(now);
        true
    }

    /// 休憩 or 再開, whichever is due; `None` when the meeting is not running (not opened,
    /// or closed). The item under discussion stays current through the recess.
    pub fn toggle_recess(&mut self, now: Timestamp) -> Option<Proceeding> {
        if self.log.opened().is_none() || self.log.closed().is_some() {
            return None;
        }
        let what = if self.log.in_recess() {
            Proceeding::Resume
        } else {
            Proceeding::Recess
        };
        self.log.events.push(MeetingEvent {
            at: now,
            what,
            item: Some(self.live.item),
            non_public: self.is_non_public_now(),
            clerk: self.live.clerk.clone(),
        });
        Some(what)
    }

    /// 閉会: the current item and any off-the-record stretch end now, and the clocks stop.
    /// `false` if the meeting had closed already.
    pub fn close_meeting(&mut self, now: Timestamp) -> bool {
        // Nothing to close before the meeting began.
        if self.log.closed().is_some() || self.log.opened().is_none() {
            return false;
        }
        self.ensure_started(now);
        let non_public = self.is_non_public_now();
        if let Some(last) = self.log.items.last_mut()
            && last.ended.is_none()
        {
            last.ended = Some(now);
        }
        self.set_off_record(false, now);
        self.log.events.push(MeetingEvent {
            at: now,
            what: Proceeding::Close,
            item: Some(self.live.item),
            non_public,
            clerk: self.live.clerk.clone(),
        });
        true
    }

    /// Was `who` expected at the start: on the roster, not known to be absent, and not
    /// attended for by a stand-in (代理出席)?
    pub fn expected(&self, who: &Participant) -> bool {
        !who.absent
            && !self
                .plan
                .roster
                .iter()
                .any(|p| p.stands_in_for.as_ref() == Some(&who.id))
    }

    /// Was `who` there when the meeting opened: expected, and not marked away before (a
    /// clerk marks someone not yet come that way; their arrival is then a late one)?
    pub fn here_at_start(&self, who: &Participant) -> bool {
        match self.log.opened() {
            Some(open) => self.present_at(who, open),
            None => self.present(who),
        }
    }

    /// Is `who` in the meeting at `at`, from the plan and the arrivals and departures?
    pub fn present_at(&self, who: &Participant, at: Timestamp) -> bool {
        self.log
            .presence
            .iter()
            .rfind(|e| e.who == who.id && e.at <= at && e.what.is_coming_or_going())
            .map_or_else(|| self.expected(who), |e| e.what == Presence::Arrived)
    }

    /// Is `who` in the meeting now (after every arrival and departure logged)?
    pub fn present(&self, who: &Participant) -> bool {
        self.log
            .presence
            .iter()
            .rfind(|e| e.who == who.id && e.what.is_coming_or_going())
            .map_or_else(|| self.expected(who), |e| e.what == Presence::Arrived)
    }

    /// Where `who` takes part from now: the roster's place, then any switch logged since.
    pub fn place(&self, who: &Participant) -> Attendance {
        self.log
            .presence
            .iter()
            .rfind(|e| e.who == who.id && !e.what.is_coming_or_going())
            .map_or(who.attendance, |e| {
                if e.what == Presence::Online {
                    Attendance::Online
                } else {
                    Attendance::Room
                }
            })
    }

    /// Logs `who` switching between the room and online, now; returns the new place's event.
    pub fn switch_place(&mut self, who: &ParticipantId, now: Timestamp) -> Option<Presence> {
        let p = self.plan.participant(who)?;
        let what = match self.place(p) {
            Attendance::Room => Presence::Online,
            Attendance::Online => Presence::Room,
        };
        Some(self.log_presence(who, what, now))
    }

    /// Logs `who` coming in if away, or going out if present; returns which. The event is
    /// non-public when the record is (off the record, a closed item).
    pub fn toggle_presence(&mut self, who: &ParticipantId, now: Timestamp) -> Option<Presence> {
        let p = self.plan.participant(who)?;
        let what = if self.present(p) {
            Presence::Left
        } else {
            Presence::Arrived
        };
        Some(self.log_presence(who, what, now))
    }

    /// Logs `what` for `who` now, in the current item, non-public when the record is.
    fn log_presence(&mut self, who: &ParticipantId, what: Presence, now: Timestamp) -> Presence {
        let non_public = self.is_non_public_now();
        self.log.presence.push(PresenceEvent {
            at: now,
            who: who.clone(),
            what,
            non_public,
            item: Some(self.live.item),
            clerk: self.live.clerk.clone(),
        });
        what
    }

    /// Present members of the quorum's group, and the quorum, if the agenda sets one.
    pub fn quorum_now(&self) -> Option<(u32, u32)> {
        let q = self.plan.meeting.quorum.as_ref()?;
        let present = self
            .plan
            .roster
            .iter()
            .filter(|p| p.group.as_deref() == Some(q.group.as_str()) && self.present(p))
            .count();
        Some((u32::try_from(present).unwrap_or(u32::MAX), q.needed))
    }

    /// The stock phrases: the agenda file's own, or the usual ones.
    pub fn phrases(&self) -> Vec<String> {
        if self.plan.meeting.phrases.is_empty() {
            super::PHRASES.iter().map(|p| (*p).to_owned()).collect()
        } else {
            // An empty phrase would be an empty remark.
            self.plan
                .meeting
                .phrases
                .iter()
                .filter(|p| !p.trim().is_empty())
                .cloned()
                .collect()
        }
    }

    /// Commits `text` as the clerk's own note (no speaker), now, leaving the current speaker
    /// as it is.
    pub fn commit_note(&mut self, text: String, now: Timestamp) -> RemarkId {
        let speaker = self.live.speaker.take();
        let id = self.commit_remark(text, now, now, false, None);
        self.live.speaker = speaker;
        id
    }

    /// The results a decision may have: the usual ones, then the agenda file's own.
    pub fn decision_results(&self) -> Vec<String> {
        let mut all: Vec<String> = DECISION_RESULTS.iter().map(|r| (*r).to_owned()).collect();
        for r in &self.plan.meeting.decision_results {
            if !all.contains(r) {
                all.push(r.clone());
            }
        }
        all
    }

    /// Records what the current item decided, now; non-public when the record is.
    pub fn decide(
        &mut self,
        result: String,
        method: Option<String>,
        votes: Option<Votes>,
        actions: Vec<ActionItem>,
        now: Timestamp,
    ) {
        let non_public = self.is_non_public_now();
        self.log.decisions.push(Decision {
            item: self.live.item,
            at: now,
            result,
            method,
            votes,
            actions,
            non_public,
            clerk: self.live.clerk.clone(),
        });
    }

    /// Takes back a 閉会 pressed by mistake: the meeting runs on in the item it closed in,
    /// as if it had never closed.
    pub fn reopen_meeting(&mut self, now: Timestamp) -> bool {
        // Only right after: a close kept for longer is corrected in cleanup, where it can be
        // undone, not by a key that would lose its time.
        let Some(closed) = self.log.closed().filter(|c| now - *c <= TAKE_BACK) else {
            return false;
        };
        self.log.events.pop();
        if let Some(last) = self.log.items.last_mut()
            && last.ended == Some(closed)
        {
            last.ended = None;
        }
        // An off-the-record stretch the close ended goes on, and covers any begun since:
        // what was recorded meanwhile, and what is said next, is off the record.
        if let Some(i) = self
            .log
            .off_record
            .iter()
            .rposition(|o| o.end == Some(closed))
        {
            self.log.off_record.truncate(i + 1);
            self.log.off_record[i].end = None;
        }
        true
    }

    /// Makes `no` the current item and logs when the old one ended and the new one began.
    /// After 閉会 the items stay as they ended.
    pub fn switch_item(&mut self, no: ItemNo, now: Timestamp) -> bool {
        if self.plan.item(no).is_none() || self.log.closed().is_some() {
            return false;
        }
        if no == self.live.item && self.log.open_span().is_some() {
            return true;
        }
        if let Some(last) = self.log.items.last_mut()
            && last.ended.is_none()
        {
            last.ended = Some(now);
        }
        self.live.item = no;
        self.log.items.push(ItemSpan {
            item: no,
            started: now,
            ended: None,
        });
        true
    }

    /// Moves `step` items along the agenda (+1 next, -1 previous); stays at either end.
    pub fn step_item(&mut self, step: isize, now: Timestamp) -> bool {
        let idx = self.plan.item_index(self.live.item).unwrap_or(0) as isize;
        let target = idx + step;
        if target < 0 || target as usize >= self.plan.agenda.len() {
            return false;
        }
        let no = self.plan.agenda[target as usize].no;
        self.switch_item(no, now)
    }

    /// Turns off-the-record on or off; returns the new state.
    pub fn set_off_record(&mut self, on: bool, now: Timestamp) -> bool {
        match (on, self.log.is_off_record()) {
            (true, false) => self.log.off_record.push(OffRecord {
                start: now,
                end: None,
            }),
            (false, true) => {
                if let Some(o) = self.log.off_record.last_mut() {
                    o.end = Some(now);
                }
            }
            _ => {}
        }
        self.log.is_off_record()
    }

    /// Makes `id` the current speaker (`None`: the note-taker's own note). The one before
    /// becomes the previous speaker, for swapping back.
    pub fn set_speaker(&mut self, id: Option<ParticipantId>) {
        if id == self.live.speaker {
            return;
        }
        self.live.previous = std::mem::replace(&mut self.live.speaker, id);
    }

    /// Swaps the current and the previous speaker: the back and forth of questions and answers.
    pub fn swap_speaker(&mut self) {
        std::mem::swap(&mut self.live.speaker, &mut self.live.previous);
    }

    /// The next participant in roster order after the current one (wrapping).
    pub fn cycle_speaker(&mut self, step: isize) {
        let n = self.plan.roster.len() as isize;
        if n == 0 {
            return;
        }
        let idx = self
            .live
            .speaker
            .as_ref()
            .and_then(|id| self.plan.roster.iter().position(|p| &p.id == id))
            .map(|i| i as isize)
            .unwrap_or(if step > 0 { -1 } else { 0 });
        let next = (idx + step).rem_euclid(n) as usize;
        let id = self.plan.roster[next].id.clone();
        self.set_speaker(Some(id));
    }

    /// The lowest hotkey slot no one holds.
    pub fn free_slot(&self) -> Option<u8> {
        (1..=MAX_SLOT).find(|s| self.plan.by_slot(*s).is_none())
    }

    /// A new roster entry for someone who was not on the roster: a fresh id and the next
    /// free hotkey slot.
    pub fn new_participant(
        &self,
        role: String,
        name: String,
        honorific: Option<String>,
        attendance: Attendance,
    ) -> Participant {
        // Two clerks adding people to copies of one session give them different ids.
        let suffix = self
            .live
            .clerk
            .as_ref()
            .map(|c| format!("-{}", c.split_whitespace().collect::<String>()))
            .unwrap_or_default();
        let id = (self.plan.roster.len() + 1..)
            .map(|n| ParticipantId(format!("p{n}{suffix}")))
            .find(|id| self.plan.participant(id).is_none())
            .unwrap_or_else(|| ParticipantId(format!("p{}", self.live.next_remark_id)));
        let honorific = honorific.filter(|h| !h.trim().is_empty());
        Participant {
            id,
            role,
            name,
            outside: honorific.is_some(),
            honorific,
            attendance,
            hotkey: self.free_slot(),
            added_off_record: self.is_non_public_now(),
            ..Default::default()
        }
    }

    /// Adds someone who was not on the roster mid-meeting; they get the next free slot.
    pub fn add_participant(
        &mut self,
        role: String,
        name: String,
        honorific: Option<String>,
        attendance: Attendance,
    ) -> ParticipantId {
        let p = self.new_participant(role, name, honorific, attendance);
        let id = p.id.clone();
        self.plan.roster.push(p);
        id
    }

    /// Sets or clears the non-public flag of a remark.
    pub fn flag_non_public(&mut self, id: RemarkId, non_public: bool) -> bool {
        self.remark_mut(id)
            .map(|r| r.non_public = non_public)
            .is_some()
    }

    pub fn set_check_later(&mut self, id: RemarkId, on: bool) -> bool {
        self.remark_mut(id).map(|r| r.check_later = on).is_some()
    }

    pub fn remarks_in(&self, item: ItemNo) -> impl Iterator<Item = &Remark> {
        self.remarks.iter().filter(move |r| r.item == item)
    }
}

#[cfg(test)]
mod tests;
