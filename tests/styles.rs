//! The style language: every council layout point expressed in a style file of one's own, and
//! a style file's mistakes reported at their line and column.

mod common;

use common::{at, minutes_session};
use kiroku::export::{Audience, Format, Style, export};
use kiroku::model::{MeetingText, OffRecord, TextAt};

const DEFAULT: &str = include_str!("../styles/default.ron");

/// The default style with some of its lines replaced, read as a style file.
fn style_with(changes: &[(&str, &str)]) -> Result<Style, kiroku::storage::LoadError> {
    let mut text = DEFAULT.to_owned();
    for (from, to) in changes {
        assert!(text.contains(from), "the default style has `{from}`");
        text = text.replacen(from, to, 1);
    }
    Style::parse(std::path::Path::new("mine.ron"), &text)
}

fn text(session: &kiroku::model::Session, style: &Style, audience: Audience) -> String {
    String::from_utf8(export(session, audience, style, Format::Text).unwrap()).unwrap()
}

#[test]
fn an_unknown_field_is_an_error_at_its_line_and_column() {
    let err = style_with(&[(
        "title: \"{title} 議事要旨\"",
        "title: \"{speaker} 議事要旨\"",
    )])
    .unwrap_err();
    let line = DEFAULT
        .lines()
        .position(|l| l.trim_start().starts_with("title:"))
        .unwrap()
        + 1;
    assert_eq!(err.position, Some((line, 12)), "{err}");
    let message = err.to_string();
    assert!(
        message.starts_with(&format!(
            "mine.ron:{line}:12: `title`: unknown field `{{speaker}}`"
        )),
        "{message}"
    );
    assert!(
        message.contains("the fields here are {title} {date} {era}"),
        "{message}"
    );
    // Nested templates are found too.
    let err = style_with(&[("entry: \"{role_mark}", "entry: \"{time}{role_mark}")]).unwrap_err();
    let line = DEFAULT.lines().position(|l| l.contains("entry:")).unwrap() + 1;
    assert_eq!(err.position.map(|p| p.0), Some(line), "{err}");
    assert!(
        err.to_string()
            .contains("`attendance.entry`: unknown field `{time}`"),
        "{err}"
    );
}

#[test]
fn an_empty_template_that_must_print_is_an_error_and_others_leave_their_part_out() {
    let err =
        style_with(&[("speaker: \"{role} {name}{honorific}\"", "speaker: \"\"")]).unwrap_err();
    assert!(err.to_string().contains("`speaker`: is empty"), "{err}");
    let err = style_with(&[("title: \"{title} 議事要旨\"", "title: \"  \"")]).unwrap_err();
    assert!(err.to_string().contains("`title`: is empty"), "{err}");
    // An unclosed brace is caught, not printed.
    let err = style_with(&[(
        "item_heading_plain: \"{no} {title}\"",
        "item_heading_plain: \"{no {title}\"",
    )])
    .unwrap_err();
    assert!(err.to_string().contains("without a closing"), "{err}");
    // Empty labels and headings: the value alone, no heading, no empty line.
    let style = style_with(&[
        ("date_label: \"日時\"", "date_label: \"\""),
        (
            "item_heading: \"{no} {title}（{detail}）\"",
            "item_heading: \"\"",
        ),
    ])
    .unwrap();
    let minutes = text(&minutes_session(), &style, Audience::Public);
    assert!(
        minutes.contains("議事要旨\n\n令和8年7月3日（金）\n\n場所"),
        "{minutes}"
    );
    assert!(!minutes.contains("\n2 報告事項"), "no heading: {minutes}");
    assert!(!minutes.contains("\n\n\n"), "{minutes}");
}

#[test]
fn a_bad_style_file_stops_the_export_with_its_position_and_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.ron");
    kiroku::storage::save_session(&session, &minutes_session()).unwrap();
    let style = dir.path().join("bad.ron");
    let bad = DEFAULT.replace(
        "speaker_line: \"（{speaker}）\"",
        "speaker_line: \"（{speker}）\"",
    );
    std::fs::write(&style, &bad).unwrap();
    let out = common::kiroku()
        .args(["export", "--style"])
        .arg(&style)
        .arg(&session)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    let line = bad.lines().position(|l| l.contains("{speker}")).unwrap() + 1;
    assert!(
        stderr.contains(&format!(
            "bad.ron:{line}:19: `speaker_line`: unknown field `{{speker}}`"
        )),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&style).unwrap(),
        bad,
        "the file is left as it was"
    );
}

#[test]
fn the_speaker_inline_with_family_names_marks_and_display_names() {
    let mut session = minutes_session();
    session.plan.roster[1].mark = Some("〇".into());
    session.plan.roster[2].display = Some("事務局".into());
    let style = style_with(&[
        ("speaker: \"{role} {name}{honorific}\"", "speaker: \"{family}{role}\""),
        (
            "speaker_line: \"（{speaker}）\"",
            "speaker_line: \"\",\n    inline_speaker: InlineSpeaker(lead: \"{mark}{speaker}　\", mark: \"○\")",
        ),
    ])
    .unwrap();
    let minutes = text(&session, &style, Audience::Public);
    assert!(
        minutes.contains("\n〇佐藤南町CIO　利用率の推移について伺いたい。\n"),
        "{minutes}"
    );
    assert!(
        minutes.contains("\n○事務局　前年度比で二割増えている。\n"),
        "{minutes}"
    );
    assert!(!minutes.contains("（南町CIO"), "no speaker line: {minutes}");
}

#[test]
fn dates_numbers_and_item_numbers_in_every_form() {
    let style = style_with(&[
        ("kanji_numerals: false,", "kanji_numerals: false,\n    numerals: FullWidth,\n    numbering: Circled,\n    dates: DateTemplates(date: \"{era}{era_year}年（{year}年）{month}月{day}日（{weekday_long}）\", time: (\"{h}時{mm}分\", \"{h}時{mm}分\"), hours: \"{start}～{end}\", date_hours: \"{date}{hours}\"),"),
        ("time_range: false", "time_range: true"),
    ])
    .unwrap();
    let minutes = text(&minutes_session(), &style, Audience::Public);
    assert!(
        minutes.contains("令和８年（２０２６年）７月３日（金曜日）１５時００分～１６時３０分"),
        "{minutes}"
    );
    assert!(minutes.contains("- ① 開会挨拶"), "{minutes}");
    let kanji = style_with(&[
        (
            "kanji_numerals: false,",
            "kanji_numerals: true,\n    numbering: Kanji,",
        ),
        (
            "agenda_item: \"- {no} {title}\"",
            "agenda_item: \"日程第{no}　{title}\"",
        ),
    ])
    .unwrap();
    let minutes = text(&minutes_session(), &kanji, Audience::Public);
    assert!(minutes.contains("日程第二　報告事項"), "{minutes}");
    assert!(minutes.contains("令和八年七月三日（金）"), "{minutes}");
}

#[test]
fn a_closed_item_gets_its_line_and_a_stretch_one_pair_of_markers() {
    let mut session = minutes_session();
    session.plan.agenda[2].closed_reason = Some("北町市情報公開条例第7条第2号".into());
    // A stretch from item 2 into item 3, and one in item 2 with nothing typed in it.
    let started = |n| {
        session
            .log
            .items
            .iter()
            .find(|s| s.item == n)
            .map(|s| s.started)
    };
    let into_3 = started(3).unwrap_or(at(15, 20, 0));
    session.log.off_record.push(OffRecord {
        start: at(15, 7, 0),
        end: Some(at(15, 8, 0)),
    });
    session.log.off_record.push(OffRecord {
        start: into_3 - chrono::Duration::minutes(1),
        end: Some(into_3 + chrono::Duration::minutes(1)),
    });
    let style = style_with(&[
        (
            "non_public_gap: Nothing",
            "non_public_gap: Timed(\"〔{time}非公開に入る〕\", \"〔{time}公開に戻る〕\")",
        ),
        (
            "speech_heading:",
            "closed_item: ClosedItem(heading: \"{no} {title}\", line: \"（{reason}により非公開）\"),\n    speech_heading:",
        ),
    ])
    .unwrap();
    let minutes = text(&session, &style, Audience::Public);
    assert!(
        minutes.contains("3 意見交換\n\n（北町市情報公開条例第7条第2号により非公開）"),
        "{minutes}"
    );
    assert!(
        minutes.contains("〔午後3時7分非公開に入る〕\n\n〔午後3時8分公開に戻る〕"),
        "{minutes}"
    );
    let entering = minutes.matches("非公開に入る").count();
    assert_eq!(entering, 2, "one pair per stretch: {minutes}");
    assert_eq!(minutes.matches("公開に戻る").count(), 2, "{minutes}");
}

#[test]
fn paragraphs_stay_paragraphs_in_every_format() {
    let mut session = minutes_session();
    let r = session
        .remarks
        .iter_mut()
        .find(|r| r.text.contains("利用率"))
        .unwrap();
    r.text = "一点目です。\n二点目です。".into();
    let style = style_with(&[("paragraph_bullet: \"\"", "paragraph_bullet: \"・\"")]).unwrap();
    let minutes = text(&session, &style, Audience::Public);
    assert!(
        minutes.contains("・一点目です。\n\n・二点目です。"),
        "{minutes}"
    );
    let json = String::from_utf8(export(&session, Audience::Public, &style, Format::Json).unwrap())
        .unwrap();
    assert!(
        !json.contains("\\n"),
        "no line break inside a paragraph: {json}"
    );
    assert!(json.contains("\"continued\": true"), "{json}");
    let html = String::from_utf8(export(&session, Audience::Public, &style, Format::Html).unwrap())
        .unwrap();
    assert!(!html.contains("<br>"), "{html}");
    assert!(
        html.contains("<p>・一点目です。</p>\n<p class=\"continued\">・二点目です。</p>"),
        "{html}"
    );
    // In Word the bullet hangs: the lines after the first start under the text.
    let docx = export(&session, Audience::Public, &style, Format::Docx).unwrap();
    let xml = common::docx_part(&docx, "word/document.xml");
    assert!(xml.contains("w:hanging=\"210\""), "{xml}");
}

#[test]
fn markdown_has_real_headings_and_lists() {
    let mut session = minutes_session();
    session.plan.meeting.texts.push(MeetingText {
        label: "配付資料".into(),
        text: "資料1\n資料2".into(),
        at: TextAt::AfterAgenda,
        public: true,
    });
    session.plan.meeting.texts.push(MeetingText {
        label: "内部メモ".into(),
        text: "公開しないこと".into(),
        at: TextAt::End,
        public: false,
    });
    let md = common::exported(&session, Audience::Public, Format::Markdown);
    assert!(
        md.contains("\n## 議事次第\n\n- 1 開会挨拶  \n  デジタル推進局長 山田 太郎\n- 2 報告事項"),
        "{md}"
    );
    assert!(
        md.contains("\n## 2 報告事項（電子申請の利用状況）\n"),
        "{md}"
    );
    assert!(md.contains("\n## 配付資料\n\n資料1\n\n資料2\n"), "{md}");
    assert!(
        !md.contains("\\#") && !md.contains("公開しないこと"),
        "{md}"
    );
    let internal = common::exported(&session, Audience::Internal, Format::Text);
    assert!(
        internal.ends_with("内部メモ\n\n公開しないこと\n"),
        "{internal}"
    );
}

#[test]
fn names_spread_and_parts_of_items() {
    let mut session = minutes_session();
    session.plan.roster[0].group = Some("事務局".into());
    let mut part = session.plan.agenda[1].clone();
    part.no = 21;
    part.title = "質疑応答".into();
    part.detail = None;
    part.part_of = Some(2);
    session.plan.agenda.insert(2, part);
    session.plan.validate().unwrap();
    // The default style lists and heads parts under their item.
    let style = style_with(&[(
        "entry: \"{role_mark}{role} {name}{honorific}\"",
        "entry: \"{name_spaced}\"",
    )])
    .unwrap();
    let minutes = text(&session, &style, Audience::Public);
    assert!(minutes.contains("\n山田　太郎\n"), "{minutes}");
    assert!(
        minutes.contains("- 2 報告事項\n電子申請の利用状況\n　（1）質疑応答\n"),
        "{minutes}"
    );
    assert!(
        minutes.contains("\n（1）質疑応答\n"),
        "an empty part still has its heading: {minutes}"
    );
    // A part must follow an item that is not a part.
    let mut bad = session.plan.clone();
    bad.agenda[2].part_of = Some(3);
    assert!(bad.validate().is_err());
}

/// The layouts of one's own in tests/fixtures/own-layouts, on their meeting, as text.
fn own(name: &str, format: Format) -> String {
    let (_, session, style) = common::golden_cases()
        .into_iter()
        .find(|(n, _, _)| n == &format!("own-{name}"))
        .unwrap();
    String::from_utf8(export(&session, Audience::Public, &style, format).unwrap()).unwrap()
}

#[test]
fn a_title_holds_the_date_and_a_line_break_in_every_format() {
    let text = own("zenbun", Format::Text);
    assert!(
        text.starts_with("2023.2.8 北町市地域交通検討会（第８回）\n議事（全文）\n\n出席者"),
        "the date in the title, none in the header: {text}"
    );
    let md = own("zenbun", Format::Markdown);
    assert!(
        md.starts_with("# 2023.2.8 北町市地域交通検討会（第８回） 議事（全文）\n"),
        "{md}"
    );
    let html = own("zenbun", Format::Html);
    assert!(html.contains("<title>2023.2.8 北町市地域交通検討会（第８回） 議事（全文）</title>"));
    assert!(html.contains("<h1>2023.2.8 北町市地域交通検討会（第８回）<br>議事（全文）</h1>"));
}

#[test]
fn the_opening_time_stands_in_the_header_and_counts_in_the_attendance_headings() {
    let minutes = own("kaigiroku", Format::Text);
    assert!(
        minutes.contains(
            "令和五年二月八日（水曜日）（一三時〇二分から一五時一〇分まで）\n午後一時二分開議\n\n出席委員　三名\n会　　長　草　川　　健\n副　会長　森　田　　由　紀　子（オンライン）\n"
        ),
        "{minutes}"
    );
    assert!(
        minutes.contains("\n欠席委員　一名\n委　　員　上　野　　一\n"),
        "{minutes}"
    );
    assert!(
        minutes.contains("\n交通政策課長　西　　大　輔\n"),
        "a long role as written: {minutes}"
    );
    let zenbun = own("zenbun", Format::Text);
    assert!(
        zenbun.contains("出席者　4名（うちオンライン1名）\n\n出席委員　3名\n"),
        "{zenbun}"
    );
    // Off the record, the opening gives no time to the public.
    let mut session = kiroku::storage::read_session(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/own-layouts/meeting.ron"
    )))
    .unwrap()
    .session;
    session.log.off_record.push(OffRecord {
        start: session.log.events[0].at - chrono::Duration::minutes(1),
        end: Some(session.log.events[0].at + chrono::Duration::minutes(1)),
    });
    let style = common::golden_cases().pop().unwrap().2;
    let public = text(&session, &style, Audience::Public);
    assert!(!public.contains("開議"), "{public}");
    assert!(text(&session, &style, Audience::Internal).contains("午後一時二分開議"));
}

#[test]
fn braces_numbers_past_twenty_and_speeches_under_a_heading_without_a_speaker() {
    let minutes = own("zenbun", Format::Text);
    // `{{次第}}` in a label, a title with braces in the agenda: printed as they are.
    assert!(
        minutes.contains(
            "\n{次第}\n\n①　開会\n②　バス路線の再編について\n㉑　{仮称}交通計画の報告\n㊱　閉会\n"
        ),
        "{minutes}"
    );
    // The greeting's heading once, each speaker named by the speaker line.
    assert!(
        minutes.contains("\n①　開会\n\n【草川会長】\n\nただいまから第８回検討会を開会します。\n\n【西交通政策課長】\n"),
        "{minutes}"
    );
    // A brace in a template: `{{` and `}}`.
    let style = style_with(&[(
        "speaker_line: \"（{speaker}）\"",
        "speaker_line: \"{{{speaker}}}\"",
    )])
    .unwrap();
    let out = text(&minutes_session(), &style, Audience::Public);
    assert!(out.contains("\n{南町CIO 佐藤 花子 様}\n"), "{out}");
    let err = style_with(&[(
        "speaker_line: \"（{speaker}）\"",
        "speaker_line: \"{speaker\"",
    )])
    .unwrap_err();
    assert!(
        err.to_string().contains("write `{{` for a brace itself"),
        "{err}"
    );
}

#[test]
fn hours_in_kanji_as_numbers_or_digit_by_digit() {
    let session = minutes_session();
    for (time, hours) in [
        ("(\"{h}時{m}分\", \"{h}時\")", "十五時から十六時三十分まで"),
        (
            "(\"{hh}時{mm}分\", \"{hh}時\")",
            "一五時から一六時三〇分まで",
        ),
    ] {
        let kanji = format!("kanji_numerals: true,\n    dates: DateTemplates(time: {time}),");
        let style = style_with(&[
            ("kanji_numerals: false,", kanji.as_str()),
            ("time_range: false,", "time_range: true,"),
            ("actual_hours: true,", "actual_hours: false,"),
        ])
        .unwrap();
        let out = text(&session, &style, Audience::Public);
        assert!(out.contains(hours), "{time}: {out}");
    }
}

#[test]
fn a_layout_without_a_date_line_or_a_place() {
    let style = style_with(&[(
        "    date: Era,",
        "    date: Era,\n    dates: DateTemplates(date: \"\"),",
    )])
    .unwrap();
    let mut session = minutes_session();
    session.plan.meeting.place = String::new();
    let out = text(&session, &style, Audience::Public);
    assert!(!out.contains("日時") && !out.contains("場所"), "{out}");
    assert!(
        out.contains("議事要旨\n\n出席者") || out.contains("議事要旨\n\n議事次第"),
        "{out}"
    );
    // A meeting written without a place reads.
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/own-layouts/meeting.ron"
    ))
    .unwrap();
    assert!(!text.contains("place:"));
}

/// A doubled brace prints one brace wherever a style file writes it, a template or a plain
/// label alike: every non-empty text of a style gets `{{x}}`, and no output holds `{{`.
#[test]
fn a_doubled_brace_prints_one_in_every_text_of_a_style() {
    let own = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/own-layouts/zenbun.ron"
    );
    for source in [DEFAULT.to_owned(), std::fs::read_to_string(own).unwrap()] {
        // Each string literal that is not empty, outside comments.
        let braced: String = source
            .lines()
            .map(|line| {
                if line.trim_start().starts_with("//") {
                    return line.to_owned();
                }
                let parts: Vec<&str> = line.split('"').collect();
                parts
                    .iter()
                    .enumerate()
                    .map(|(i, p)| {
                        if i % 2 == 1 && !p.is_empty() {
                            format!("{p}{{{{x}}}}")
                        } else {
                            (*p).to_owned()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\"")
            })
            .collect::<Vec<_>>()
            .join("\n");
        let style = Style::parse(std::path::Path::new("braced.ron"), &braced).unwrap();
        for audience in [Audience::Public, Audience::Internal] {
            let out = text(&minutes_session(), &style, audience);
            assert!(!out.contains("{{"), "{out}");
            assert!(out.contains("{x}"), "{out}");
        }
    }
}
