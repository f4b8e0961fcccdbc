use chrono::{FixedOffset, NaiveDate, NaiveTime, TimeZone};
use proptest::prelude::*;

use super::*;
use crate::model::{AgendaItem, Attendance, Meeting};

fn at(h: u32, m: u32, s: u32) -> Timestamp {
    FixedOffset::east_opt(9 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 7, 3, h, m, s)
        .unwrap()
}

fn pid(s: &str) -> Option<ParticipantId> {
    Some(ParticipantId(s.into()))
}

fn plan() -> Plan {
    let person = |id: &str, role: &str, name: &str| Participant {
        id: ParticipantId(id.into()),
        role: role.into(),
        name: name.into(),
        attendance: Attendance::Room,
        ..Default::default()
    };
    let item = |no, public| AgendaItem {
        public,
        ..AgendaItem::new(no, format!("議題{no}"))
    };
    Plan {
        meeting: Meeting::new(
            "第1回 二人の記録",
            NaiveDate::from_ymd_opt(2026, 7, 3).unwrap(),
            NaiveTime::from_hms_opt(15, 0, 0).unwrap(),
            NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
        ),
        roster: vec![
            person("chair", "座長", "山田 太郎"),
            person("sato", "委員", "佐藤 花子"),
        ],
        agenda: vec![item(1, true), item(2, true), item(3, false)],
    }
}

fn clerk(name: &str) -> Session {
    let mut s = Session::new(plan()).unwrap();
    s.live.clerk = Some(name.into());
    s
}

fn say(
    s: &mut Session,
    who: &str,
    text: &str,
    began: Timestamp,
    secs: i64,
) -> crate::model::RemarkId {
    s.set_speaker(pid(who));
    s.add_remark(text.into(), began, began + chrono::TimeDelta::seconds(secs))
}

fn texts(s: &Session) -> Vec<&str> {
    s.remarks.iter().map(|r| r.text.as_str()).collect()
}

#[test]
fn relay_keeps_each_remark_once_in_time_order() {
    let mut a = clerk("青木");
    say(&mut a, "chair", "開会します。", at(15, 0, 0), 10);
    say(&mut a, "sato", "質問です。", at(15, 5, 0), 20);
    // B starts from a copy of A's session, A hands over.
    let mut b = a.clone();
    a.hand_over("馬場", at(15, 10, 0));
    b.live.clerk = Some("馬場".into());
    b.switch_item(2, at(15, 10, 30));
    say(&mut b, "chair", "議題2に移ります。", at(15, 11, 0), 10);
    let m = merge(&[a.clone(), b.clone()]).unwrap();
    assert_eq!(
        texts(&m.session),
        ["開会します。", "質問です。", "議題2に移ります。"]
    );
    assert_eq!(m.to_review, 0);
    assert_eq!(m.session.log.handovers.len(), 1);
    assert_eq!(m.session.remarks[2].clerk.as_deref(), Some("馬場"));
    let ids: HashSet<_> = m.session.remarks.iter().map(|r| r.id).collect();
    assert_eq!(ids.len(), 3, "ids are unique");
    assert_eq!(m.session, merge(&[b, a]).unwrap().session);
}

#[test]
fn double_keying_groups_the_same_stretch_as_alternatives() {
    let mut a = clerk("青木");
    let mut b = clerk("馬場");
    say(&mut a, "chair", "それでは始めます。", at(15, 0, 0), 20);
    say(
        &mut b,
        "chair",
        "それでは始めたいと思います。",
        at(15, 0, 5),
        20,
    );
    say(&mut a, "sato", "よろしくお願いします。", at(15, 1, 0), 5);
    // B missed the second remark; A missed a third.
    say(&mut b, "chair", "議題1です。", at(15, 2, 0), 5);
    let m = merge(&[a, b]).unwrap();
    assert_eq!(
        texts(&m.session),
        [
            "それでは始めます。",
            "よろしくお願いします。",
            "議題1です。"
        ]
    );
    let first = &m.session.remarks[0];
    assert_eq!(first.alternatives.len(), 1);
    assert_eq!(first.alternatives[0].text, "それでは始めたいと思います。");
    assert_eq!(first.alternatives[0].clerk.as_deref(), Some("馬場"));
    assert_eq!(m.to_review, 1);
}

#[test]
fn people_added_on_both_sides_are_one_when_the_same_and_apart_otherwise() {
    let mut a = clerk("青木");
    let mut b = clerk("馬場");
    let same_a = a.add_participant("委員".into(), "林 誠".into(), None, Attendance::Room);
    let same_b = b.add_participant("委員".into(), "林 誠".into(), None, Attendance::Room);
    assert_ne!(same_a, same_b, "ids never collide across clerks");
    let other = b.add_participant("事務局".into(), "森 一".into(), None, Attendance::Room);
    say(&mut a, same_a.as_str(), "林です。", at(15, 0, 0), 5);
    say(
        &mut b,
        same_b.as_str(),
        "林です、よろしく。",
        at(15, 3, 0),
        5,
    );
    say(&mut b, other.as_str(), "事務局です。", at(15, 4, 0), 5);
    let m = merge(&[a, b]).unwrap();
    let hayashi: Vec<_> = m
        .session
        .plan
        .roster
        .iter()
        .filter(|p| p.name == "林 誠")
        .collect();
    assert_eq!(hayashi.len(), 1);
    let speakers: HashSet<_> = m.session.remarks[..2]
        .iter()
        .map(|r| r.speaker.clone())
        .collect();
    assert_eq!(speakers.len(), 1, "both remarks name the one 林");
    assert!(m.session.plan.participant(&other).is_some());
    // Without clerks, one id for two people: the second is renamed, not merged.
    let mut x = Session::new(plan()).unwrap();
    let mut y = Session::new(plan()).unwrap();
    let px = x.add_participant("委員".into(), "林 誠".into(), None, Attendance::Room);
    let py = y.add_participant("委員".into(), "森 花".into(), None, Attendance::Room);
    assert_eq!(px, py);
    say(&mut y, py.as_str(), "森です。", at(15, 0, 0), 5);
    let m = merge(&[x, y]).unwrap();
    let mori = m
        .session
        .plan
        .roster
        .iter()
        .find(|p| p.name == "森 花")
        .unwrap();
    assert_ne!(mori.id, px);
    assert_eq!(m.session.remarks[0].speaker.as_ref(), Some(&mori.id));
}

#[test]
fn off_the_record_on_either_side_stays_off_the_record() {
    let mut a = clerk("青木");
    let mut b = clerk("馬場");
    a.set_off_record(true, at(15, 0, 0));
    say(&mut a, "chair", "ここからは記録しない。", at(15, 0, 10), 5);
    a.set_off_record(false, at(15, 1, 0));
    // B missed the off-the-record key.
    say(
        &mut b,
        "chair",
        "ここからは記録しないで。",
        at(15, 0, 12),
        5,
    );
    let m = merge(&[a, b]).unwrap();
    assert_eq!(m.session.remarks.len(), 1);
    assert!(m.session.remarks[0].non_public);
    assert_eq!(m.session.log.off_record.len(), 1);
}

#[test]
fn different_meetings_are_refused() {
    let a = clerk("青木");
    let mut b = clerk("馬場");
    b.plan.meeting.date = NaiveDate::from_ymd_opt(2026, 7, 4).unwrap();
    let err = merge(&[a, b]).unwrap_err();
    assert!(matches!(err, MergeError::DifferentMeetings(..)), "{err}");
    assert!(err.to_string().contains("2026-07-04"));
}

#[test]
fn three_way_one_side_wins_and_both_sides_conflict_as_alternatives() {
    let mut base = clerk("青木");
    let r1 = say(&mut base, "chair", "開会します。", at(15, 0, 0), 5);
    let r2 = say(&mut base, "sato", "質問です。", at(15, 1, 0), 5);
    let mut ours = base.clone();
    let mut theirs = base.clone();
    theirs.live.clerk = Some("馬場".into());
    // Ours corrects r1; theirs corrects r2 and adds a remark; both correct r2's flag/text.
    ours.remark_mut(r1).unwrap().text = "ただいまから開会します。".into();
    theirs.remark_mut(r2).unwrap().text = "一点、質問です。".into();
    ours.remark_mut(r2).unwrap().text = "質問があります。".into();
    ours.remark_mut(r2).unwrap().non_public = true;
    say(&mut theirs, "chair", "お答えします。", at(15, 2, 0), 5);
    let m = merge3(&base, &ours, &theirs).unwrap();
    assert_eq!(
        texts(&m.session),
        [
            "ただいまから開会します。",
            "質問があります。",
            "お答えします。"
        ]
    );
    assert_eq!(m.conflicts, 1);
    let r = &m.session.remarks[1];
    assert!(r.non_public, "non-public on one side stays non-public");
    assert_eq!(r.alternatives[0].text, "一点、質問です。");
    // A remark deleted on one side and untouched on the other is gone.
    let mut gone = base.clone();
    gone.remarks.retain(|r| r.id != r1);
    let m = merge3(&base, &gone, &base).unwrap();
    assert_eq!(texts(&m.session), ["質問です。"]);
    assert_eq!(m.conflicts, 0);
}

/// A clerk's random session of one meeting: remarks by the two members and notes, some off
/// the record, some in the closed item.
type Step = (u8, u32, i64, bool);

fn steps() -> impl Strategy<Value = Vec<Step>> {
    prop::collection::vec((0..3u8, 0..3u32, 0..600i64, any::<bool>()), 0..6)
}

/// Plays `steps` into `s` as clerk `name`, each remark's words its own.
fn play(s: &mut Session, name: &str, steps: &[Step]) {
    s.live.clerk = Some(name.into());
    let mut t = s.remarks.last().map_or(at(15, 0, 0), |r| r.committed);
    let first = s.remarks.len();
    for (n, &(who, item, gap, off)) in steps.iter().enumerate() {
        let n = first + n;
        t += chrono::TimeDelta::seconds(gap);
        s.switch_item(item + 1, t);
        s.set_off_record(off, t);
        s.set_speaker(match who {
            0 => pid("chair"),
            1 => pid("sato"),
            _ => None,
        });
        s.add_remark(
            format!("{name}{n}発言"),
            t,
            t + chrono::TimeDelta::seconds(20),
        );
    }
}

fn session_of(name: &'static str) -> impl Strategy<Value = Session> {
    steps().prop_map(move |steps| {
        let mut s = clerk(name);
        play(&mut s, name, &steps);
        s
    })
}

fn public_words(s: &Session) -> HashSet<String> {
    s.remarks
        .iter()
        .filter(|r| s.is_public(r))
        .map(|r| r.text.clone())
        .collect()
}

proptest! {
    // PROPTEST_CASES raises the count for a long run.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64),
        ..ProptestConfig::default()
    })]

    #[test]
    fn merging_is_independent_of_order_and_idempotent(
        a in session_of("青木"),
        b in session_of("馬場"),
    ) {
        let ab = merge(&[a.clone(), b.clone()]).unwrap().session;
        let ba = merge(&[b.clone(), a.clone()]).unwrap().session;
        prop_assert_eq!(&ab, &ba);
        prop_assert_eq!(&merge(&[a.clone(), a.clone()]).unwrap().session, &a);
        prop_assert_eq!(&merge(&[ab.clone(), ab.clone()]).unwrap().session, &ab);
        // Nothing lost: every remark's words are the kept text or an alternative.
        for r in a.remarks.iter().chain(&b.remarks) {
            let kept = ab.remarks.iter().any(|x| {
                x.text == r.text || x.alternatives.iter().any(|v| v.text == r.text)
            });
            prop_assert!(kept, "{} lost", r.text);
        }
        // Nothing published that either side withheld.
        let public = public_words(&ab);
        for s in [&a, &b] {
            for r in s.remarks.iter().filter(|r| !s.is_public(r)) {
                prop_assert!(!public.contains(&r.text), "{} published", r.text);
            }
        }
    }

    #[test]
    fn relay_and_three_way_lose_nothing_and_publish_nothing_withheld(
        start in steps(),
        mine in steps(),
        yours in steps(),
    ) {
        let mut base = clerk("青木");
        play(&mut base, "青木", &start);
        let mut ours = base.clone();
        play(&mut ours, "青木", &mine);
        let mut theirs = base.clone();
        play(&mut theirs, "馬場", &yours);
        for merged in [
            merge(&[ours.clone(), theirs.clone()]).unwrap().session,
            merge3(&base, &ours, &theirs).unwrap().session,
        ] {
            for s in [&ours, &theirs] {
                for r in &s.remarks {
                    let kept = merged.remarks.iter().any(|x| {
                        x.text == r.text || x.alternatives.iter().any(|v| v.text == r.text)
                    });
                    prop_assert!(kept, "{} lost", r.text);
                    if !s.is_public(r) {
                        prop_assert!(!public_words(&merged).contains(&r.text), "{} published", r.text);
                    }
                }
            }
        }
        prop_assert_eq!(
            merge(&[ours.clone(), theirs.clone()]).unwrap().session,
            merge(&[theirs, ours]).unwrap().session
        );
    }
}
