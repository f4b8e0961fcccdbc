use chrono::{FixedOffset, NaiveDate, NaiveTime, TimeZone};

use super::*;
use crate::model::Layout;

fn at(h: u32, m: u32, s: u32) -> Timestamp {
    FixedOffset::east_opt(9 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 7, 3, h, m, s)
        .unwrap()
}

fn person(id: &str, slot: Option<u8>) -> Participant {
    Participant {
        id: ParticipantId(id.into()),
        role: format!("{id}の役職"),
        name: format!("{id} 名前"),
        honorific: None,
        outside: false,
        attendance: Attendance::Room,
        hotkey: slot,
        ..Default::default()
    }
}

fn item(no: ItemNo, public: bool) -> AgendaItem {
    AgendaItem {
        no,
        title: format!("議題{no}"),
        detail: None,
        public,
        minutes: Some(10),
        layout: Layout::Discussion,
        detail_public: false,
        heading: None,
        closed_reason: None,
        part_of: None,
    }
}

fn plan() -> Plan {
    Plan {
        meeting: Meeting {
            title: "第1回 テスト会議".into(),
            date: NaiveDate::from_ymd_opt(2026, 7, 3).unwrap(),
            start: NaiveTime::from_hms_opt(15, 0, 0).unwrap(),
            end: NaiveTime::from_hms_opt(16, 30, 0).unwrap(),
            place: "会議室".into(),
            language: "ja".into(),
            quorum: None,
            decision_results: Vec::new(),
            phrases: Vec::new(),
            texts: Vec::new(),
        },
        roster: vec![
            person("a", Some(1)),
            person("b", Some(2)),
            person("c", None),
        ],
        agenda: vec![item(1, true), item(2, true), item(3, false)],
    }
}

fn id(s: &str) -> Option<ParticipantId> {
    Some(ParticipantId(s.into()))
}

#[test]
fn add_remark_uses_current_speaker_item_and_times() {
    let mut s = Session::new(plan()).unwrap();
    s.set_speaker(id("b"));
    let rid = s.add_remark("発言です".into(), at(15, 0, 5), at(15, 0, 9));
    let r = &s.remarks[0];
    assert_eq!(r.id, rid);
    assert_eq!(r.item, 1);
    assert_eq!(r.speaker, id("b"));
    assert_eq!(r.began, at(15, 0, 5));
    assert_eq!(r.committed, at(15, 0, 9));
    assert!(!r.non_public);
    // The first remark starts the meeting at its first keystroke.
    assert_eq!(s.log.began(), Some(at(15, 0, 5)));
}

#[test]
fn remark_ids_are_unique_and_increasing() {
    let mut s = Session::new(plan()).unwrap();
    let a = s.add_remark("一".into(), at(15, 0, 0), at(15, 0, 1));
    let b = s.add_remark("二".into(), at(15, 0, 2), at(15, 0, 3));
    assert!(b > a);
    s.pop_remark();
    let c = s.add_remark("三".into(), at(15, 0, 4), at(15, 0, 5));
    assert!(c > b, "an undone id is not handed out again");
}

#[test]
fn switch_item_logs_actual_times() {
    let mut s = Session::new(plan()).unwrap();
    s.ensure_started(at(15, 0, 0));
    assert!(s.step_item(1, at(15, 10, 0)));
    assert_eq!(s.live.item, 2);
    assert_eq!(s.log.items[0].ended, Some(at(15, 10, 0)));
    assert_eq!(s.log.items[1].started, at(15, 10, 0));
    assert_eq!(s.log.seconds_in(1, at(16, 0, 0)), 600);
    assert!(
        !s.step_item(-5, at(15, 11, 0)),
        "cannot go before the first item"
    );
    assert!(s.step_item(-1, at(15, 12, 0)));
    assert_eq!(s.live.item, 1);
    assert_eq!(s.log.seconds_in(1, at(15, 13, 0)), 660);
    assert!(!s.switch_item(99, at(15, 14, 0)));
}

#[test]
fn off_record_and_closed_items_make_remarks_non_public() {
    let mut s = Session::new(plan()).unwrap();
    assert!(s.set_off_record(true, at(15, 1, 0)));
    s.add_remark("オフレコ".into(), at(15, 1, 1), at(15, 1, 2));
    assert!(!s.set_off_record(false, at(15, 2, 0)));
    s.add_remark("公開".into(), at(15, 2, 1), at(15, 2, 2));
    s.switch_item(3, at(15, 3, 0));
    s.add_remark("非公開議題".into(), at(15, 3, 1), at(15, 3, 2));
    let flags: Vec<bool> = s.remarks.iter().map(|r| r.non_public).collect();
    assert_eq!(flags, [true, false, true]);
    assert_eq!(s.log.off_record[0].end, Some(at(15, 2, 0)));
}

#[test]
fn flag_and_check_later() {
    let mut s = Session::new(plan()).unwrap();
    let rid = s.add_remark("要確認".into(), at(15, 0, 0), at(15, 0, 1));
    assert!(s.flag_non_public(rid, true));
    assert!(s.set_check_later(rid, true));
    assert!(s.remarks[0].non_public && s.remarks[0].check_later);
    assert!(s.flag_non_public(rid, false));
    assert!(!s.remarks[0].non_public);
    assert!(!s.flag_non_public(999, true));
}

#[test]
fn find_participant_by_slot() {
    let p = plan();
    assert_eq!(p.by_slot(2).unwrap().id.as_str(), "b");
    assert!(p.by_slot(3).is_none());
}

#[test]
fn speaker_swap_and_cycle() {
    let mut s = Session::new(plan()).unwrap();
    s.set_speaker(id("a"));
    s.set_speaker(id("b"));
    s.swap_speaker();
    assert_eq!(s.live.speaker, id("a"));
    assert_eq!(s.live.previous, id("b"));
    s.cycle_speaker(1);
    assert_eq!(s.live.speaker, id("b"));
    s.cycle_speaker(1);
    s.cycle_speaker(1);
    assert_eq!(s.live.speaker, id("a"), "cycling wraps around");
    s.cycle_speaker(-1);
    assert_eq!(s.live.speaker, id("c"));
}

#[test]
fn add_participant_mid_meeting_gets_next_free_slot() {
    let mut s = Session::new(plan()).unwrap();
    let new = s.add_participant(
        "南町CIO".into(),
        "佐藤 花子".into(),
        Some("様".into()),
        Attendance::Online,
    );
    let p = s.plan.participant(&new).unwrap();
    assert_eq!(p.hotkey, Some(3));
    assert_eq!(p.label(), "南町CIO 佐藤 花子 様");
    assert!(s.plan.validate().is_ok());
    let other = s.add_participant(
        "委員".into(),
        "田中".into(),
        Some(" ".into()),
        Attendance::Room,
    );
    assert_ne!(new, other);
    assert_eq!(s.plan.participant(&other).unwrap().honorific, None);
}

#[test]
fn validation_rejects_broken_references() {
    let mut p = plan();
    p.roster[1].hotkey = Some(1);
    assert!(matches!(
        p.validate(),
        Err(ModelError::DuplicateHotkey { slot: 1, .. })
    ));
    let mut p = plan();
    p.roster[0].hotkey = Some(13);
    assert!(matches!(
        p.validate(),
        Err(ModelError::HotkeyOutOfRange { .. })
    ));
    let mut p = plan();
    p.agenda[1].no = 1;
    assert_eq!(p.validate(), Err(ModelError::DuplicateItem(1)));

    let mut s = Session::new(plan()).unwrap();
    s.add_remark("x".into(), at(15, 0, 0), at(15, 0, 1));
    let mut remarks = s.remarks.clone();
    remarks[0].speaker = id("nobody");
    let err = Session::from_parts(s.plan.clone(), s.log.clone(), remarks, s.live.clone());
    assert!(matches!(err, Err(ModelError::UnknownSpeaker { .. })));
    let mut remarks = s.remarks.clone();
    remarks[0].item = 42;
    let err = Session::from_parts(s.plan.clone(), s.log.clone(), remarks, s.live.clone());
    assert!(matches!(err, Err(ModelError::UnknownItem { item: 42, .. })));
}

#[test]
fn participant_search_ignores_spaces_and_case() {
    let p = plan();
    assert!(p.roster[0].matches("a名前"));
    assert!(p.roster[0].matches("A"));
    assert!(!p.roster[0].matches("zzz"));
}

#[test]
fn a_recess_stops_the_clocks_and_the_close_stops_them_for_good() {
    let mut s = Session::new(plan()).unwrap();
    assert!(s.log.running_seconds(at(10, 0, 0)).is_none(), "not opened");
    assert!(
        s.toggle_recess(at(10, 0, 0)).is_none(),
        "no recess before 開会"
    );
    assert!(s.open_meeting(at(10, 0, 0)));
    assert!(!s.open_meeting(at(10, 1, 0)), "opened once");
    assert_eq!(s.toggle_recess(at(10, 20, 0)), Some(Proceeding::Recess));
    assert!(s.log.in_recess());
    assert_eq!(s.log.running_seconds(at(10, 25, 0)), Some(20 * 60));
    assert_eq!(s.toggle_recess(at(10, 30, 0)), Some(Proceeding::Resume));
    assert!(!s.log.in_recess());
    assert!(s.step_item(1, at(10, 40, 0)));
    assert!(s.close_meeting(at(11, 0, 0)));
    assert!(!s.close_meeting(at(11, 5, 0)), "closed once");
    assert_eq!(s.log.closed(), Some(at(11, 0, 0)));
    // An hour, less the ten-minute recess; and it stays so however late it is read.
    assert_eq!(s.log.running_seconds(at(11, 0, 0)), Some(50 * 60));
    assert_eq!(s.log.running_seconds(at(18, 0, 0)), Some(50 * 60));
    assert_eq!(s.log.seconds_in(1, at(18, 0, 0)), 30 * 60);
    assert_eq!(s.log.seconds_in(2, at(18, 0, 0)), 20 * 60);
    assert_eq!(
        s.log.open_span(),
        None,
        "the last item ended with the close"
    );
    assert!(!s.step_item(1, at(11, 10, 0)), "items stay as they ended");
    assert!(
        s.toggle_recess(at(11, 10, 0)).is_none(),
        "no recess after 閉会"
    );
    // A remark after the close does not start the clocks again.
    s.add_remark("閉会後のメモ".into(), at(11, 2, 0), at(11, 2, 10));
    assert_eq!(s.log.running_seconds(at(18, 0, 0)), Some(50 * 60));
}

#[test]
fn a_forgotten_opening_is_taken_from_the_first_remark_and_a_close_can_be_taken_back() {
    let mut s = Session::new(plan()).unwrap();
    s.add_remark("はじめます".into(), at(13, 2, 0), at(13, 2, 30));
    assert_eq!(s.log.opened(), Some(at(13, 2, 0)));
    assert!(s.close_meeting(at(14, 0, 0)));
    assert!(s.reopen_meeting(at(14, 5, 0)));
    assert_eq!(s.log.closed(), None);
    assert!(s.log.open_span().is_some(), "the item runs on");
    assert_eq!(s.log.running_seconds(at(14, 30, 0)), Some(88 * 60));
    // A recess still running at the close ends with it.
    assert_eq!(s.toggle_recess(at(14, 30, 0)), Some(Proceeding::Recess));
    assert!(s.close_meeting(at(14, 40, 0)));
    assert_eq!(
        s.log.recesses(at(20, 0, 0)),
        vec![(at(14, 30, 0), at(14, 40, 0))]
    );
    assert!(!s.log.in_recess());
}

#[test]
fn closing_ends_an_off_the_record_stretch() {
    let mut s = Session::new(plan()).unwrap();
    s.open_meeting(at(9, 0, 0));
    s.set_off_record(true, at(9, 30, 0));
    s.close_meeting(at(9, 45, 0));
    assert!(!s.log.is_off_record());
    assert_eq!(s.log.off_record[0].end, Some(at(9, 45, 0)));
}

#[test]
fn presence_follows_the_plan_then_the_comings_and_goings() {
    let mut p = plan();
    p.roster[0].group = Some("委員".into());
    p.roster[1].group = Some("委員".into());
    p.roster[1].absent = true;
    p.meeting.quorum = Some(crate::model::Quorum {
        group: "委員".into(),
        needed: 2,
    });
    let mut s = Session::new(p).unwrap();
    let a = s.plan.roster[0].id.clone();
    let b = s.plan.roster[1].id.clone();
    assert_eq!(s.quorum_now(), Some((1, 2)), "one of two is expected");
    assert_eq!(s.toggle_presence(&b, at(10, 5, 0)), Some(Presence::Arrived));
    assert_eq!(s.quorum_now(), Some((2, 2)));
    assert_eq!(s.toggle_presence(&a, at(10, 30, 0)), Some(Presence::Left));
    assert_eq!(s.quorum_now(), Some((1, 2)));
    let first = s.plan.roster[0].clone();
    assert!(s.present_at(&first, at(10, 29, 59)));
    assert!(!s.present_at(&first, at(10, 30, 0)));
    assert!(!s.log.presence[1].non_public);
    // Going out while off the record is itself off the record.
    s.set_off_record(true, at(10, 40, 0));
    s.toggle_presence(&b, at(10, 41, 0));
    assert!(s.log.presence[2].non_public);
    assert_eq!(
        s.toggle_presence(&ParticipantId("nobody".into()), at(10, 42, 0)),
        None
    );
}

#[test]
fn a_stand_in_makes_the_one_they_attend_for_absent_and_must_name_someone_on_the_roster() {
    let mut p = plan();
    p.roster[1].stands_in_for = Some(p.roster[0].id.clone());
    let s = Session::new(p.clone()).unwrap();
    assert!(!s.expected(&s.plan.roster[0]));
    assert!(s.expected(&s.plan.roster[1]));
    p.roster[1].stands_in_for = Some(ParticipantId("ghost".into()));
    assert!(matches!(
        Session::new(p.clone()),
        Err(ModelError::UnknownStandIn { .. })
    ));
    p.roster[1].stands_in_for = None;
    p.meeting.quorum = Some(crate::model::Quorum {
        group: "幹事".into(),
        needed: 1,
    });
    assert!(matches!(
        Session::new(p),
        Err(ModelError::EmptyQuorumGroup(_))
    ));
}
