//! Two or more clerks' records of one meeting made one: relay (each took a stretch) and
//! double-keying (both took the same stretch), and the three-way merge git asks for when two
//! branches changed one session file. Nothing here is lost or published by the merge: every
//! remark of every side is kept (a second version as an alternative for review), and what
//! either side had non-public stays non-public.

use std::collections::{HashMap, HashSet};

use super::{
    Alternative, Decision, Handover, ItemSpan, MeetingEvent, MeetingLog, ModelError, OffRecord,
    Participant, ParticipantId, Plan, PresenceEvent, Remark, Session, Timestamp,
};

/// Two events of the same kind recorded by two clerks this close together are one event.
const SAME_EVENT: chrono::TimeDelta = chrono::TimeDelta::seconds(120);
/// Two clerks' decisions on one item with one result this close together are one decision.
const SAME_DECISION: chrono::TimeDelta = chrono::TimeDelta::minutes(10);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error(
        "these are records of different meetings: \"{0}\" on {1} and \"{2}\" on {3} (a meeting is known by its title and date)"
    )]
    DifferentMeetings(String, chrono::NaiveDate, String, chrono::NaiveDate),
    #[error("nothing to merge")]
    Nothing,
    #[error("the merged record does not hold together: {0}")]
    Invalid(#[from] ModelError),
}

/// A merged session, and what needs a look in cleanup.
#[derive(Debug, Clone)]
pub struct Merged {
    pub session: Session,
    /// Remarks that carry another version (double-keyed, or corrected on both sides).
    pub to_review: usize,
    /// Three-way only: things both sides changed differently (each kept as an alternative, or
    /// ours kept where there is no place for theirs).
    pub conflicts: usize,
}

fn same_meeting(a: &Session, b: &Session) -> Result<(), MergeError> {
    let (x, y) = (&a.plan.meeting, &b.plan.meeting);
    if x.title.trim() == y.title.trim() && x.date == y.date {
        Ok(())
    } else {
        Err(MergeError::DifferentMeetings(
            x.title.clone(),
            x.date,
            y.title.clone(),
            y.date,
        ))
    }
}

/// Merges the records of one meeting. The result does not depend on the order of `sessions`,
/// and a session merged with itself comes back unchanged.
pub fn merge(sessions: &[Session]) -> Result<Merged, MergeError> {
    let first = sessions.first().ok_or(MergeError::Nothing)?;
    for s in sessions {
        same_meeting(first, s)?;
    }
    // One order whatever the order given: each session's own text decides.
    let mut sorted: Vec<&Session> = sessions.iter().collect();
    sorted.sort_by_cached_key(|s| format!("{s:?}"));
    sorted.dedup_by(|a, b| a == b);
    let base = sorted[0];
    let mut plan = base.plan.clone();
    let mut maps = Vec::new();
    for s in &sorted {
        maps.push(join_roster(&mut plan, &s.plan.roster));
        for item in &s.plan.agenda {
            if plan.item(item.no).is_none() {
                plan.agenda.push(item.clone());
            }
        }
    }
    let sides: Vec<Session> = sorted
        .iter()
        .zip(&maps)
        .map(|(s, map)| renamed(s, map))
        .collect();
    let log = join_logs(&sides.iter().map(|s| &s.log).collect::<Vec<_>>());
    let remarks = interleave(&sides.iter().map(|s| &s.remarks[..]).collect::<Vec<_>>());
    let (remarks, to_review) = double_keyed(remarks);
    // Where the record stands now: the side that recorded last.
    let latest = sides
        .iter()
        .max_by_key(|s| s.remarks.iter().map(|r| r.committed).max())
        .unwrap_or(&sides[0]);
    let session = finish(plan, log, remarks, latest.live.clone(), &sides)?;
    Ok(Merged {
        session,
        to_review,
        conflicts: 0,
    })
}

/// Three-way: `base` is the common ancestor, `ours` and `theirs` the two sides. A change made
/// on one side only wins; additions from both are kept; the same thing changed differently on
/// both sides keeps both (a remark's other version as an alternative) and counts a conflict.
pub fn merge3(base: &Session, ours: &Session, theirs: &Session) -> Result<Merged, MergeError> {
    same_meeting(base, ours)?;
    same_meeting(ours, theirs)?;
    let mut conflicts = 0;
    let mut plan = ours.plan.clone();
    plan.meeting = pick(
        &base.plan.meeting,
        &ours.plan.meeting,
        &theirs.plan.meeting,
        &mut conflicts,
    )
    .clone();
    for item in plan.agenda.iter_mut() {
        if let (Some(o), Some(t)) = (base.plan.item(item.no), theirs.plan.item(item.no)) {
            *item = pick(o, item, t, &mut conflicts).clone();
        }
    }
    for item in &theirs.plan.agenda {
        if plan.item(item.no).is_none() {
            plan.agenda.push(item.clone());
        }
    }
    for p in plan.roster.iter_mut() {
        let theirs_p = theirs.plan.participant(&p.id);
        if let (Some(o), Some(t)) = (base.plan.participant(&p.id), theirs_p) {
            *p = pick(o, p, t, &mut conflicts).clone();
        }
    }
    // Someone in the common ancestor is the same person on both sides, however each side
    // corrected them; only people added since are matched by role and name.
    let added: Vec<Participant> = theirs
        .plan
        .roster
        .iter()
        .filter(|p| base.plan.participant(&p.id).is_none())
        .cloned()
        .collect();
    for p in &theirs.plan.roster {
        if plan.participant(&p.id).is_none() && base.plan.participant(&p.id).is_some() {
            plan.roster.push(p.clone());
        }
    }
    let theirs_map = join_roster(&mut plan, &added);
    let theirs = renamed(theirs, &theirs_map);
    let log = MeetingLog {
        items: three_way_list(&base.log.items, &ours.log.items, &theirs.log.items),
        off_record: union_stretches(&three_way_list(
            &base.log.off_record,
            &ours.log.off_record,
            &theirs.log.off_record,
        )),
        events: same_events(three_way_list(
            &base.log.events,
            &ours.log.events,
            &theirs.log.events,
        )),
        presence: same_presence(three_way_list(
            &base.log.presence,
            &ours.log.presence,
            &theirs.log.presence,
        )),
        decisions: same_decisions(three_way_list(
            &base.log.decisions,
            &ours.log.decisions,
            &theirs.log.decisions,
        )),
        recording: *pick(
            &base.log.recording,
            &ours.log.recording,
            &theirs.log.recording,
            &mut conflicts,
        ),
        observers: *pick(
            &base.log.observers,
            &ours.log.observers,
            &theirs.log.observers,
            &mut conflicts,
        ),
        handovers: three_way_list(
            &base.log.handovers,
            &ours.log.handovers,
            &theirs.log.handovers,
        ),
    };
    let log = MeetingLog {
        items: spans(log.items),
        ..log
    };
    let remarks = three_way_remarks(base, ours, &theirs, &mut conflicts);
    let (remarks, doubled) = double_keyed(remarks);
    let to_review = doubled;
    let session = finish(
        plan,
        log,
        remarks,
        ours.live.clone(),
        &[ours.clone(), theirs],
    )?;
    Ok(Merged {
        session,
        to_review,
        conflicts,
    })
}

/// The one side that changed, or ours (and a conflict) when both did, differently.
fn pick<'a, T: PartialEq>(base: &'a T, ours: &'a T, theirs: &'a T, conflicts: &mut usize) -> &'a T {
    if ours == base {
        theirs
    } else if theirs == base || theirs == ours {
        ours
    } else {
        *conflicts += 1;
        ours
    }
}

/// What both sides kept, and what each side added.
fn three_way_list<T: PartialEq + Clone>(base: &[T], ours: &[T], theirs: &[T]) -> Vec<T> {
    let mut out: Vec<T> = ours
        .iter()
        .filter(|x| theirs.contains(x) || !base.contains(x))
        .cloned()
        .collect();
    for x in theirs {
        if !base.contains(x) && !out.contains(x) {
            out.push(x.clone());
        }
    }
    out
}

fn three_way_remarks(
    base: &Session,
    ours: &Session,
    theirs: &Session,
    conflicts: &mut usize,
) -> Vec<Remark> {
    let index = |s: &Session| -> HashMap<String, Remark> {
        s.remarks
            .iter()
            .map(|r| (r.identity(), r.clone()))
            .collect()
    };
    let (o, a, b) = (index(base), index(ours), index(theirs));
    let same = |x: &Remark, y: &Remark| {
        Remark {
            id: y.id,
            ..x.clone()
        } == *y
    };
    let mut kept: HashMap<String, Remark> = HashMap::new();
    let keys: HashSet<&String> = a.keys().chain(b.keys()).collect();
    for key in keys {
        let merged = match (o.get(key), a.get(key), b.get(key)) {
            (_, Some(x), None) | (_, None, Some(x)) if !o.contains_key(key) => Some(x.clone()),
            // Taken out on one side: gone, unless the other side changed it meanwhile.
            (Some(orig), Some(x), None) | (Some(orig), None, Some(x)) => {
                (!same(orig, x)).then(|| {
                    *conflicts += 1;
                    x.clone()
                })
            }
            (orig, Some(x), Some(y)) => Some(match orig {
                Some(orig) if same(orig, x) => y.clone(),
                Some(orig) if same(orig, y) => x.clone(),
                _ if same(x, y) => x.clone(),
                _ => {
                    *conflicts += 1;
                    // Their correction, named by the clerk on their side, not by the one
                    // who first took the remark down.
                    let corrected = Remark {
                        clerk: theirs.live.clerk.clone().or_else(|| y.clerk.clone()),
                        ..y.clone()
                    };
                    with_version(x.clone(), &corrected)
                }
            }),
            _ => None,
        };
        if let Some(r) = merged {
            kept.insert(key.clone(), r);
        }
    }
    let ordered = interleave(&[&ours.remarks[..], &theirs.remarks[..]]);
    ordered
        .into_iter()
        .filter_map(|r| kept.remove(&r.identity()))
        .collect()
}

/// `keep` with `other`'s words as an alternative where they differ, and the strictest flags
/// of the two: non-public if either is, released only if both are.
fn with_version(mut keep: Remark, other: &Remark) -> Remark {
    keep.non_public |= other.non_public;
    keep.check_later |= other.check_later;
    keep.publish_note &= other.publish_note;
    let version = Alternative {
        clerk: other.clerk.clone(),
        speaker: other.speaker.clone(),
        text: other.text.clone(),
        began: Some(other.began),
        committed: Some(other.committed),
        non_public: other.non_public,
    };
    let differs = other.text != keep.text || other.speaker != keep.speaker;
    let known = keep.alternatives.iter().any(|a| {
        a.text == version.text && a.speaker == version.speaker && a.clerk == version.clerk
    });
    if differs && !known {
        keep.alternatives.push(version);
    }
    for a in &other.alternatives {
        if !keep.alternatives.contains(a) {
            keep.alternatives.push(a.clone());
        }
    }
    keep
}

/// Each session's remarks in its own order, merged by time, once per identity; two copies of
/// one remark that differ become one with the other as its alternative.
fn interleave(lists: &[&[Remark]]) -> Vec<Remark> {
    let mut at = vec![0; lists.len()];
    let mut out: Vec<Remark> = Vec::new();
    let mut placed: HashMap<String, usize> = HashMap::new();
    loop {
        let next = (0..lists.len())
            .filter(|&k| at[k] < lists[k].len())
            .min_by_key(|&k| (lists[k][at[k]].began, k));
        let Some(k) = next else { break };
        let r = &lists[k][at[k]];
        at[k] += 1;
        match placed.get(&r.identity()) {
            Some(&i) => {
                let same = Remark {
                    id: out[i].id,
                    ..r.clone()
                } == out[i];
                if !same {
                    out[i] = with_version(out[i].clone(), r);
                }
            }
            None => {
                placed.insert(r.identity(), out.len());
                out.push(r.clone());
            }
        }
    }
    out
}

/// Two clerks' remarks of one speaker over the same stretch of time are one remark said once:
/// the earlier-begun stays, the other becomes its alternative. Remarks without a clerk are
/// never grouped (they cannot be told apart from one clerk's own).
fn double_keyed(remarks: Vec<Remark>) -> (Vec<Remark>, usize) {
    let mut out: Vec<Remark> = Vec::with_capacity(remarks.len());
    for r in remarks {
        let twin = out.iter().rposition(|x| {
            x.clerk.is_some()
                && r.clerk.is_some()
                && x.clerk != r.clerk
                && x.speaker == r.speaker
                && x.item == r.item
                && x.began <= r.committed
                && r.began <= x.committed
                && x.alternatives.iter().all(|a| a.clerk != r.clerk)
        });
        match twin {
            Some(i) => out[i] = with_version(out[i].clone(), &r),
            None => out.push(r),
        }
    }
    let to_review = out.iter().filter(|r| !r.alternatives.is_empty()).count();
    (out, to_review)
}

/// Adds `roster`'s people to `plan`: the same person (same role and name) under another id
/// becomes one; another person under an id already taken gets a new one. The map gives each
/// renamed id its new one.
fn join_roster(plan: &mut Plan, roster: &[Participant]) -> HashMap<ParticipantId, ParticipantId> {
    let mut map = HashMap::new();
    for p in roster {
        let same =
            |q: &Participant| q.role.trim() == p.role.trim() && q.name.trim() == p.name.trim();
        if plan.participant(&p.id).is_some_and(same) {
            continue;
        }
        if let Some(q) = plan.roster.iter().find(|q| same(q)) {
            map.insert(p.id.clone(), q.id.clone());
            continue;
        }
        let mut p = p.clone();
        if plan.participant(&p.id).is_some() {
            let id = (2..)
                .map(|n| ParticipantId(format!("{}~{n}", p.id)))
                .find(|id| plan.participant(id).is_none() && !roster.iter().any(|q| &q.id == id))
                .unwrap_or_else(|| p.id.clone());
            map.insert(p.id.clone(), id.clone());
            p.id = id;
        }
        if p.hotkey.is_some_and(|k| plan.by_slot(k).is_some()) {
            p.hotkey = None;
        }
        plan.roster.push(p);
    }
    // A stand-in refers to someone who may have been renamed too.
    for p in plan.roster.iter_mut() {
        if let Some(to) = p.stands_in_for.as_ref().and_then(|s| map.get(s)) {
            p.stands_in_for = Some(to.clone());
        }
    }
    map
}

/// `s` with its participants' ids renamed as `map` says, everywhere they are named.
fn renamed(s: &Session, map: &HashMap<ParticipantId, ParticipantId>) -> Session {
    let mut s = s.clone();
    if map.is_empty() {
        return s;
    }
    let rename = |id: &mut Option<ParticipantId>| {
        if let Some(to) = id.as_ref().and_then(|i| map.get(i)) {
            *id = Some(to.clone());
        }
    };
    for r in &mut s.remarks {
        rename(&mut r.speaker);
        for a in &mut r.alternatives {
            rename(&mut a.speaker);
        }
    }
    for e in &mut s.log.presence {
        if let Some(to) = map.get(&e.who) {
            e.who = to.clone();
        }
    }
    rename(&mut s.live.speaker);
    rename(&mut s.live.previous);
    s
}

/// The logs of several clerks as one: each list joined, one event kept of two clerks' records
/// of it, the off-the-record stretches joined so that whatever either had off the record is.
pub(super) fn join_logs(logs: &[&MeetingLog]) -> MeetingLog {
    let first = logs[0];
    if logs.iter().all(|l| l == &first) {
        return first.clone();
    }
    fn all<T: Clone + PartialEq>(lists: Vec<&Vec<T>>) -> Vec<T> {
        let mut out: Vec<T> = Vec::new();
        for list in lists {
            for x in list {
                if !out.contains(x) {
                    out.push(x.clone());
                }
            }
        }
        out
    }
    let mut handovers: Vec<Handover> = all(logs.iter().map(|l| &l.handovers).collect());
    handovers.sort_by_key(|h| h.at);
    // Both clerks pressed A-h for one 交代: the first is kept.
    let mut kept: Vec<Handover> = Vec::new();
    for h in handovers {
        let twice = kept
            .iter()
            .any(|k| k.from == h.from && k.to == h.to && (h.at - k.at).abs() <= SAME_EVENT);
        if !twice {
            kept.push(h);
        }
    }
    let handovers = kept;
    MeetingLog {
        items: spans(all(logs.iter().map(|l| &l.items).collect())),
        off_record: union_stretches(&all(logs.iter().map(|l| &l.off_record).collect())),
        events: same_events(all(logs.iter().map(|l| &l.events).collect())),
        presence: same_presence(all(logs.iter().map(|l| &l.presence).collect())),
        decisions: same_decisions(all(logs.iter().map(|l| &l.decisions).collect())),
        recording: logs.iter().filter_map(|l| l.recording).min(),
        observers: logs.iter().filter_map(|l| l.observers).max(),
        handovers,
    }
}

/// Item spans in time order, two records of one visit made one, and no two overlapping.
fn spans(mut all: Vec<ItemSpan>) -> Vec<ItemSpan> {
    all.sort_by_key(|s| (s.started, s.item));
    let mut out: Vec<ItemSpan> = Vec::new();
    for s in all {
        match out.last_mut() {
            Some(last) if last.ended.is_none_or(|e| s.started < e) => {
                if last.item == s.item {
                    last.ended = match (last.ended, s.ended) {
                        (Some(a), Some(b)) => Some(a.max(b)),
                        _ => None,
                    };
                    continue;
                }
                last.ended = Some(s.started);
                out.push(s);
            }
            _ => out.push(s),
        }
    }
    out
}

/// Stretches off the record joined where they overlap: off the record on either side is off
/// the record.
fn union_stretches(all: &[OffRecord]) -> Vec<OffRecord> {
    let mut sorted = all.to_vec();
    sorted.sort_by_key(|o| o.start);
    let mut out: Vec<OffRecord> = Vec::new();
    for o in sorted {
        match out.last_mut() {
            Some(last) if last.end.is_none_or(|e| o.start <= e) => {
                last.end = match (last.end, o.end) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
            }
            _ => out.push(o),
        }
    }
    out
}

/// Keeps the first of two records of one thing by different clerks, made non-public if
/// either was; `same` says which two are one.
fn one_of_each<T: Clone>(
    mut all: Vec<T>,
    at: impl Fn(&T) -> Timestamp,
    same: impl Fn(&T, &T) -> bool,
    non_public: impl Fn(&mut T) -> &mut bool,
) -> Vec<T> {
    all.sort_by_key(&at);
    let mut out: Vec<T> = Vec::new();
    for mut x in all {
        match out.iter_mut().rev().find(|y| same(y, &x)) {
            Some(y) => {
                let hidden = *non_public(&mut x);
                *non_public(y) |= hidden;
            }
            None => out.push(x),
        }
    }
    out
}

fn same_events(all: Vec<MeetingEvent>) -> Vec<MeetingEvent> {
    one_of_each(
        all,
        |e| e.at,
        |a, b| a.what == b.what && a.clerk != b.clerk && (b.at - a.at).abs() <= SAME_EVENT,
        |e| &mut e.non_public,
    )
}

fn same_presence(all: Vec<PresenceEvent>) -> Vec<PresenceEvent> {
    one_of_each(
        all,
        |e| e.at,
        |a, b| {
            a.who == b.who
                && a.what == b.what
                && a.clerk != b.clerk
                && (b.at - a.at).abs() <= SAME_EVENT
        },
        |e| &mut e.non_public,
    )
}

fn same_decisions(all: Vec<Decision>) -> Vec<Decision> {
    one_of_each(
        all,
        |d| d.at,
        |a, b| {
            a.item == b.item
                && a.result == b.result
                && a.clerk != b.clerk
                && (b.at - a.at).abs() <= SAME_DECISION
        },
        |d| &mut d.non_public,
    )
}

/// Gives every remark a number of its own (the first to hold a number keeps it) and checks
/// the whole.
fn finish(
    plan: Plan,
    log: MeetingLog,
    mut remarks: Vec<Remark>,
    mut live: super::LiveState,
    sides: &[Session],
) -> Result<Session, MergeError> {
    let mut next = sides
        .iter()
        .map(|s| s.live.next_remark_id)
        .chain(remarks.iter().map(|r| r.id + 1))
        .max()
        .unwrap_or(1);
    let mut used = HashSet::new();
    for r in &mut remarks {
        if !used.insert(r.id) {
            r.id = next;
            used.insert(next);
            next += 1;
        }
    }
    live.next_remark_id = next;
    if plan.item(live.item).is_none() {
        live.item = plan.agenda[0].no;
    }
    Ok(Session::from_parts(plan, log, remarks, live)?)
}

#[cfg(test)]
mod tests;
