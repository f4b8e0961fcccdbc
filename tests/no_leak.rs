//! The promise of the public minutes: for any session, no word of a non-public remark or of a
//! non-public item reaches a public export in any format, docx included, and every public
//! remark does.

mod common;

use common::at;
use kiroku::export::{Audience, Format, Style, build, render};
use kiroku::model::{
    AgendaItem, Attendance, Layout, Meeting, Participant, ParticipantId, Plan, Session,
};
use proptest::prelude::*;

#[derive(Debug, Clone)]
struct RemarkSpec {
    item: usize,
    speaker: Option<usize>,
    off_record: bool,
    check_later: bool,
    filler: String,
}

#[derive(Debug, Clone)]
struct SessionSpec {
    items: Vec<(bool, bool, bool)>, // public, speeches layout, has detail
    people: usize,
    remarks: Vec<RemarkSpec>,
    flips: Vec<(usize, bool)>,
}

fn spec() -> impl Strategy<Value = SessionSpec> {
    (
        proptest::collection::vec((any::<bool>(), any::<bool>(), any::<bool>()), 1..6),
        1usize..6,
    )
        .prop_flat_map(|(items, people)| {
            let n_items = items.len();
            let remark = (
                0..n_items,
                proptest::option::of(0..people),
                any::<bool>(),
                any::<bool>(),
                "[あ-んア-ン一-十a-z。、]{0,30}",
            )
                .prop_map(
                    |(item, speaker, off_record, check_later, filler)| RemarkSpec {
                        item,
                        speaker,
                        off_record,
                        check_later,
                        filler,
                    },
                );
            (
                Just(items),
                Just(people),
                proptest::collection::vec(remark, 0..40),
                proptest::collection::vec((0usize..40, any::<bool>()), 0..8),
            )
        })
        .prop_map(|(items, people, remarks, flips)| SessionSpec {
            items,
            people,
            remarks,
            flips,
        })
}

/// A token that marks remark `i` and cannot be part of another's.
fn token(i: usize) -> String {
    format!("R{i}X")
}

fn make(spec: &SessionSpec) -> Session {
    let plan = Plan {
        meeting: Meeting {
            title: "第1回 検証会議".into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 7, 3).unwrap(),
            start: chrono::NaiveTime::from_hms_opt(15, 0, 0).unwrap(),
            end: chrono::NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
            place: "会議室".into(),
            language: "ja".into(),
            quorum: None,
            decision_results: Vec::new(),
            phrases: Vec::new(),
            // The agenda file's own text: one for the public, one for the office only.
            texts: vec![
                kiroku::model::MeetingText {
                    label: "配付資料".into(),
                    text: "資料PUBX".into(),
                    at: kiroku::model::TextAt::AfterAgenda,
                    public: true,
                },
                kiroku::model::MeetingText {
                    label: "内部".into(),
                    text: "メモMEMOX".into(),
                    at: kiroku::model::TextAt::End,
                    public: false,
                },
            ],
        },
        roster: (0..spec.people)
            .map(|i| Participant {
                id: ParticipantId(format!("p{i}")),
                role: format!("委員{i}"),
                name: format!("氏名 {i}"),
                honorific: (i % 2 == 1).then(|| "様".to_owned()),
                outside: i % 2 == 1,
                attendance: Attendance::Room,
                hotkey: Some(i as u8 + 1),
                ..Default::default()
            })
            .collect(),
        agenda: spec
            .items
            .iter()
            .enumerate()
            .map(|(i, (public, speeches, detail))| AgendaItem {
                no: i as u32 + 1,
                title: format!("議題{}", i + 1),
                detail: detail.then(|| format!("説明{}", i + 1)),
                public: *public,
                minutes: None,
                layout: if *speeches {
                    Layout::Speeches
                } else {
                    Layout::Discussion
                },
                detail_public: false,
                heading: None,
                closed_reason: None,
                part_of: None,
            })
            .collect(),
    };
    let mut s = Session::new(plan).unwrap();
    for (i, r) in spec.remarks.iter().enumerate() {
        let t = at(15, 0, 0) + chrono::Duration::seconds(10 * i as i64);
        s.switch_item(r.item as u32 + 1, t);
        s.set_speaker(r.speaker.map(|p| ParticipantId(format!("p{p}"))));
        s.set_off_record(r.off_record, t);
        let id = s.add_remark(format!("{}{}", r.filler, token(i)), t, t);
        s.set_check_later(id, r.check_later);
    }
    for (i, flag) in &spec.flips {
        if let Some(r) = s.remarks.get(*i) {
            let id = r.id;
            s.flag_non_public(id, *flag);
        }
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: common::cases(96), ..ProptestConfig::default() })]

    #[test]
    fn public_exports_never_leak_and_never_drop(spec in spec()) {
        let session = make(&spec);
        let styles: Vec<Style> = kiroku::export::styles::SHIPPED
            .iter()
            .map(|(n, _)| kiroku::commands::load_style(n).unwrap())
            .collect();
        for style in &styles {
            let doc = build(&session, Audience::Public, style);
            for format in common::pdf::formats() {
                let out = common::pdf::readable(format, render(&doc, format).unwrap());
                prop_assert!(!out.contains("MEMOX"), "{:?} {} leaked the internal text", format, style.name);
                prop_assert!(out.contains("PUBX"), "{:?} {} dropped the public text", format, style.name);
                for (i, r) in session.remarks.iter().enumerate() {
                    let item_public = session.plan.item(r.item).unwrap().public;
                    let shown = out.contains(&token(i));
                    // A note by the clerk (no speaker) is internal unless released; a
                    // remark said off the record stays withheld even with its flag cleared,
                    // unless it fell in the stretch's very first second (its flag decides).
                    let off = spec.remarks[i].off_record
                        && i > 0
                        && spec.remarks[i - 1].off_record;
                    if r.non_public || !item_public || r.speaker.is_none() || off {
                        prop_assert!(!shown, "{:?} {} leaked remark {}: {}", format, style.name, i, r.text);
                    } else {
                        prop_assert!(shown, "{:?} {} dropped remark {}: {}", format, style.name, i, r.text);
                    }
                }
            }
        }
    }

    #[test]
    fn internal_exports_keep_everything(spec in spec()) {
        let session = make(&spec);
        let doc = build(&session, Audience::Internal, &Style::default_style());
        let out = String::from_utf8(render(&doc, Format::Text).unwrap()).unwrap();
        for i in 0..session.remarks.len() {
            prop_assert!(out.contains(&token(i)));
        }
        prop_assert!(out.contains("MEMOX") && out.contains("PUBX"));
    }
}
