//! Export: the default layout character for character, golden files for every format and
//! shipped style, the checks, and a style file of one's own.

mod common;

use common::{minutes_session, minutes_session_full};
use kiroku::export::{Audience, Format, Style, build, export, render};

/// The text export of `session` in `style` for `audience`.
fn minutes(session: &kiroku::model::Session, style: &str, audience: Audience) -> String {
    let style = kiroku::commands::load_style(style).unwrap();
    String::from_utf8(export(session, audience, &style, Format::Text).unwrap()).unwrap()
}

const EXPECTED_DEFAULT: &str = "\
第3回 北町デジタル推進会議 議事要旨

日時

令和8年7月3日（金）

場所

会場及びオンラインのハイブリッド開催

議事次第

- 1 開会挨拶
デジタル推進局長 山田 太郎
- 2 報告事項
電子申請の利用状況
- 3 意見交換（非公開）

1 開会挨拶（デジタル推進局長 山田 太郎）

本日はお集まりいただき、ありがとうございます。

今年度の重点は三つある。

2 報告事項（電子申請の利用状況）

（南町CIO 佐藤 花子 様）

利用率の推移について伺いたい。

（デジタル推進局 企画部長 鈴木 一郎）

前年度比で二割増えている。
";

#[test]
fn the_default_style_matches_the_councils_layout_exactly() {
    let out = export(
        &minutes_session(),
        Audience::Public,
        &Style::default_style(),
        Format::Text,
    )
    .unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), EXPECTED_DEFAULT);
}

/// The text inside a docx: each paragraph's runs joined, one paragraph a line.
pub fn docx_paragraphs(bytes: &[u8]) -> (Vec<String>, String) {
    let xml = common::docx_part(bytes, "word/document.xml");
    let mut paragraphs = Vec::new();
    for p in xml.split("<w:p>").skip(1).chain(xml.split("<w:p ").skip(1)) {
        let body = p.split("</w:p>").next().unwrap_or("");
        let mut text = String::new();
        let mut rest = body;
        while let Some(start) = rest.find("<w:t") {
            let after = &rest[start..];
            let Some(open_end) = after.find('>') else {
                break;
            };
            let content = &after[open_end + 1..];
            let Some(close) = content.find("</w:t>") else {
                break;
            };
            text.push_str(&content[..close]);
            rest = &content[close..];
        }
        if !text.is_empty() {
            paragraphs.push(text);
        }
    }
    let styles = common::docx_part(bytes, "word/styles.xml");
    (paragraphs, xml + &styles)
}

#[test]
fn golden_files_for_every_format_style_and_audience() {
    for (name, session, style) in common::golden_cases() {
        for audience in [Audience::Public, Audience::Internal] {
            let doc = build(&session, audience, &style);
            let who = match audience {
                Audience::Public => "public",
                Audience::Internal => "internal",
            };
            // The PDF's golden text is in tests/publish.rs, set in named fonts.
            for format in Format::ALL.into_iter().filter(|f| *f != Format::Pdf) {
                let bytes = render(&doc, format).unwrap();
                let (ext, text) = match format {
                    Format::Docx => {
                        let (paras, xml) = docx_paragraphs(&bytes);
                        assert!(xml.contains("ＭＳ 明朝"), "Japanese font set");
                        ("docx", paras.join("\n") + "\n")
                    }
                    Format::Text => ("txt", String::from_utf8(bytes).unwrap()),
                    Format::Markdown => ("md", String::from_utf8(bytes).unwrap()),
                    Format::Html => ("html", String::from_utf8(bytes).unwrap()),
                    Format::Json => ("json", String::from_utf8(bytes).unwrap()),
                    Format::Pdf => unreachable!("left out above"),
                };
                insta::assert_snapshot!(format!("{name}-{who}.{ext}"), text);
            }
        }
    }
}

#[test]
fn the_docx_has_the_documents_structure() {
    let session = minutes_session();
    let bytes = export(
        &session,
        Audience::Public,
        &Style::default_style(),
        Format::Docx,
    )
    .unwrap();
    let (paras, xml) = docx_paragraphs(&bytes);
    // The agenda's list mark is the text layout's; Word gets plain paragraphs.
    let expected: Vec<&str> = EXPECTED_DEFAULT
        .split("\n\n")
        .flat_map(|b| b.lines())
        .map(|l| l.trim_start_matches("- "))
        .collect();
    assert_eq!(paras, expected);
    assert!(xml.contains("w:pStyle w:val=\"Title\""), "title styled");
    assert!(
        xml.contains("w:pStyle w:val=\"Heading1\""),
        "headings styled"
    );
    assert!(xml.contains("w:w=\"11906\""), "A4 width");
    // Numbered pages; no header on the public minutes.
    let footer = common::docx_part(&bytes, "word/footer1.xml");
    assert!(footer.contains("PAGE"), "{footer}");
    assert!(!xml.contains("headerReference"));
    // The document's own metadata, and a Mincho that LibreOffice's table knows, declared
    // as a serif of the Japanese character set.
    let core = common::docx_part(&bytes, "docProps/core.xml");
    assert!(
        core.contains("<dc:title>第3回 北町デジタル推進会議 議事要旨</dc:title>"),
        "{core}"
    );
    assert!(core.contains("<dc:creator>kiroku</dc:creator>"), "{core}");
    assert!(!core.contains("1970"), "{core}");
    let fonts = common::docx_part(&bytes, "word/fontTable.xml");
    assert!(
        fonts.contains(r#"<w:font w:name="ＭＳ 明朝"><w:altName w:val="MS Mincho"/>"#)
            && fonts.contains(r#"<w:charset w:val="80"/><w:family w:val="roman"/>"#),
        "{fonts}"
    );
    // An internal record carries its warning at the top of every page.
    let internal = export(
        &session,
        Audience::Internal,
        &Style::default_style(),
        Format::Docx,
    )
    .unwrap();
    let doc = common::docx_part(&internal, "word/document.xml");
    assert!(doc.contains("headerReference"), "a page header");
    let header = common::docx_part(&internal, "word/header1.xml");
    assert!(header.contains("【取扱注意】"), "{header}");
}

#[test]
fn html_is_one_printable_page_in_japanese() {
    let html = String::from_utf8(
        export(
            &minutes_session(),
            Audience::Public,
            &Style::default_style(),
            Format::Html,
        )
        .unwrap(),
    )
    .unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"ja\">"));
    assert!(html.contains("@page { size: A4"));
    assert!(
        !html.contains("<link") && !html.contains("<script"),
        "self-contained"
    );
}

#[test]
fn internal_records_say_so_and_keep_everything_with_times() {
    let session = minutes_session_full();
    let text = common::exported(&session, Audience::Internal, Format::Text);
    assert!(text.starts_with("【取扱注意】"), "{text}");
    assert!(
        text.contains("[15:49] 【非公開】ここからは記録に残さないでほしい。"),
        "{text}"
    );
    assert!(
        text.contains(
            "3 意見交換（非公開）\n\n（南町CIO 佐藤 花子 様）\n\n[15:21] 【非公開】調達の見込み"
        ),
        "{text}"
    );
    assert!(text.contains("【要確認】利用率は"), "{text}");
}

#[test]
fn the_gap_where_non_public_remarks_were_is_a_style_setting() {
    let session = minutes_session_full();
    let text = |style: &str| minutes(&session, style, Audience::Public);
    let default = text("default");
    assert!(!default.contains("記録に残さない"));
    // Where the style prints nothing for the gap, the speaker's run goes on across it.
    assert!(
        default.contains("前年度比で二割増えている。\n\n公開に戻って補足する。"),
        "one speaker line over a withheld remark: {default}"
    );
    assert!(text("bracket").contains("（非公開部分省略）"));
    let proceedings = text("proceedings");
    assert!(
        proceedings.contains("〔午後三時四十九分非公開に入る〕\n\n〔午後三時五十二分公開に戻る〕"),
        "{proceedings}"
    );
    assert!(
        proceedings.contains("◯南町CIO（佐藤花子君）"),
        "{proceedings}"
    );
    let bracket = text("bracket");
    assert!(
        bracket.contains("日時：令和8年7月3日（金） 15時から16時30分まで\n場所：会場及び"),
        "{bracket}"
    );
    assert!(bracket.contains("【南町CIO 佐藤 花子 氏】"), "{bracket}");
    assert!(
        bracket.contains("・前年度比で二割増えている。"),
        "{bracket}"
    );
    let english = text("english");
    assert!(english.starts_with("Minutes of 第3回"), "{english}");
    assert!(
        english.contains("Date: Friday, 3 July 2026, 15:00–16:30"),
        "{english}"
    );
    assert!(
        english.contains("3. 意見交換 (closed session)"),
        "{english}"
    );
}

#[test]
fn checks_find_what_to_fix_before_publishing() {
    let mut session = minutes_session_full();
    session.plan.roster[1].honorific = None;
    let warnings = kiroku::export::check(&session, &Style::default_style(), Audience::Internal);
    let said = |lang| {
        warnings
            .iter()
            .map(|w| w.say(lang))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let all = said(kiroku::i18n::Lang::En);
    let ja = said(kiroku::i18n::Lang::Ja);
    assert!(ja.contains("要確認の印が残っています"), "{ja}");
    assert!(
        ja.contains("外部の出席者「佐藤 花子」（sato）に敬称（様・氏）がありません"),
        "{ja}"
    );
    assert!(all.contains("a note with no speaker"), "{all}");
    assert!(all.contains("still marked check later"), "{all}");
    assert!(all.contains("inaudible mark"), "{all}");
    assert!(
        all.contains("\"佐藤 花子\" (sato) has no honorific"),
        "{all}"
    );
    let mut quiet = minutes_session();
    quiet.plan.agenda.push(kiroku::model::AgendaItem {
        no: 9,
        title: "その他".into(),
        detail: None,
        public: true,
        minutes: None,
        layout: kiroku::model::Layout::Discussion,
        detail_public: false,
        heading: None,
        closed_reason: None,
        part_of: None,
    });
    let warnings = kiroku::export::check(&quiet, &Style::default_style(), Audience::Public);
    // Data until it is said: the item, not a sentence to pick apart.
    assert_eq!(
        warnings,
        vec![kiroku::export::Warning::SilentItem(9, "その他".into())]
    );
    assert_eq!(
        warnings[0].say(kiroku::i18n::Lang::En),
        "public item 9 その他 has no public remarks"
    );
}

fn write_session(dir: &std::path::Path, session: &kiroku::model::Session) -> std::path::PathBuf {
    let path = dir.join("s.ron");
    kiroku::storage::save_session(&path, session).unwrap();
    path
}

#[test]
fn the_command_line_exports_checks_and_is_strict_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let session = write_session(dir.path(), &minutes_session());
    let out = common::kiroku()
        .arg("export")
        .arg(&session)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), EXPECTED_DEFAULT);

    let internal = dir.path().join("internal.docx");
    let out = common::kiroku()
        .args(["export", "-f", "docx", "-a", "internal", "-o"])
        .arg(&internal)
        .arg(&session)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Modes are Unix's: on Windows the user's folder keeps it the user's.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&internal).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the internal record is private");
    }

    let full = write_session(dir.path(), &minutes_session_full());
    let out = common::kiroku()
        .args(["export", "--check"])
        .arg(&full)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("kiroku: warning: item "), "{stderr}");
    let out = common::kiroku()
        .args(["export", "--strict"])
        .arg(&full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "nothing exported");

    let out = common::kiroku()
        .args(["export", "--style", "nosuch"])
        .arg(&full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("shipped styles: default, bracket")
    );
}

#[test]
fn a_style_file_of_ones_own_changes_the_layout_without_a_rebuild() {
    // Written from the README: copy a shipped style, change what you need.
    let dir = tempfile::tempdir().unwrap();
    let session = write_session(dir.path(), &minutes_session());
    let mine = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/styles/default.ron"))
        .unwrap()
        .replace("name: \"default\"", "name: \"mine\"")
        .replace(
            "title: \"{title} 議事要旨\"",
            "title: \"{title}　議事概要\"",
        )
        .replace(
            "speaker_line: \"（{speaker}）\"",
            "speaker_line: \"○{speaker}\"",
        )
        .replace("paragraph_bullet: \"\"", "paragraph_bullet: \"・\"");
    let path = dir.path().join("mine.ron");
    std::fs::write(&path, mine).unwrap();
    let out = common::kiroku()
        .args(["export", "--style"])
        .arg(&path)
        .arg(&session)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("第3回 北町デジタル推進会議　議事概要\n"),
        "{text}"
    );
    assert!(
        text.contains("○南町CIO 佐藤 花子 様\n\n・利用率の推移"),
        "{text}"
    );

    std::fs::write(&path, "Style(name: \"broken\")").unwrap();
    let out = common::kiroku()
        .args(["export", "--style"])
        .arg(&path)
        .arg(&session)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with(&format!("kiroku: {}:1:", path.display())),
        "{stderr}"
    );
}

/// The meeting's own events: the proceedings style prints the hours the meeting kept and a
/// line where it opened, recessed, resumed and closed, each under the item it happened in;
/// a recess during a closed item is not published; the default style does not change.
#[test]
fn the_meeting_opens_recesses_and_closes_in_the_minutes() {
    use common::at;
    let mut s = minutes_session();
    let default_before = export(
        &s,
        Audience::Public,
        &kiroku::commands::load_style("default").unwrap(),
        Format::Text,
    )
    .unwrap();
    // Opened before the first remark at 15:00:05; a recess in the report item, another in
    // the closed item, and the close after it.
    s.log.events.push(kiroku::model::MeetingEvent {
        at: at(15, 0, 0),
        what: kiroku::model::Proceeding::Open,
        item: Some(1),
        non_public: false,
        clerk: None,
    });
    assert_eq!(
        s.toggle_recess(at(15, 10, 0)),
        Some(kiroku::model::Proceeding::Recess)
    );
    assert_eq!(
        s.toggle_recess(at(15, 15, 0)),
        Some(kiroku::model::Proceeding::Resume)
    );
    // The fixture was recorded ahead of these events: the first recess was in item 2.
    for e in &mut s.log.events[1..3] {
        e.item = Some(2);
        e.non_public = false;
    }
    assert_eq!(
        s.toggle_recess(at(15, 25, 0)),
        Some(kiroku::model::Proceeding::Recess)
    );
    assert_eq!(
        s.toggle_recess(at(15, 26, 0)),
        Some(kiroku::model::Proceeding::Resume)
    );
    assert!(s.close_meeting(at(16, 12, 0)));
    let text = |style: &str, audience| minutes(&s, style, audience);
    let public = text("proceedings", Audience::Public);
    assert!(
        // It closed in the closed item: the close gives no time to the public minutes.
        public.contains("開会日時　令和八年七月三日（金） 十五時から十六時三十分まで"),
        "{public}"
    );
    let order = [
        "〔午後三時開会〕",
        "日程第1　開会挨拶",
        "本日はお集まりいただき",
        "日程第2　報告事項",
        "前年度比で二割増えている。",
        "〔午後三時十分休憩〕",
        "〔午後三時十五分再開〕",
    ];
    let mut from = 0;
    for line in order {
        let at = public[from..]
            .find(line)
            .unwrap_or_else(|| panic!("`{line}` after byte {from}:\n{public}"));
        from += at + line.len();
    }
    // The second recess and the close happened in the closed item: only the internal
    // record has them.
    assert!(!public.contains("午後三時二十五分"), "{public}");
    assert!(!public.contains("〔午後四時十二分閉会〕"), "{public}");
    let internal = text("proceedings", Audience::Internal);
    assert!(internal.contains("〔午後三時二十五分休憩〕"), "{internal}");
    assert!(internal.contains("〔午後四時十二分閉会〕"), "{internal}");
    // A style without these lines prints none, and the default style's output is as it was
    // (its hours are the scheduled ones, and it has no such lines).
    assert_eq!(
        export(
            &s,
            Audience::Public,
            &kiroku::commands::load_style("default").unwrap(),
            Format::Text,
        )
        .unwrap(),
        default_before
    );
}

/// The attendance list: grouped as the roster groups people, with the role mark, online and
/// stand-in marks, a late arrival and a departure dated, the absent listed apart; what was
/// logged off the record is not dated in the public minutes.
#[test]
fn the_attendance_list_says_who_was_there_and_how() {
    use common::at;
    use kiroku::model::{Attendance, Participant, ParticipantId};
    let mut s = minutes_session();
    let roster = &mut s.plan.roster;
    roster[0].group = Some("事務局".into());
    roster[1].group = Some("委員".into());
    roster[1].role_mark = Some("【座長】".into());
    roster[1].attendance = Attendance::Online;
    roster[2].group = Some("事務局".into());
    roster.push(Participant {
        id: ParticipantId("kato".into()),
        role: "東町長".into(),
        name: "加藤 正".into(),
        honorific: Some("様".into()),
        group: Some("委員".into()),
        ..Default::default()
    });
    roster.push(Participant {
        id: ParticipantId("kimura".into()),
        role: "東町 総務課長".into(),
        name: "木村 直子".into(),
        honorific: Some("様".into()),
        group: Some("委員".into()),
        stands_in_for: Some(ParticipantId("kato".into())),
        ..Default::default()
    });
    roster.push(Participant {
        id: ParticipantId("mori".into()),
        role: "西町CIO".into(),
        name: "森 健二".into(),
        honorific: Some("様".into()),
        group: Some("委員".into()),
        absent: true,
        ..Default::default()
    });
    // 森 comes late after all, at 15:10; 鈴木 leaves at 15:40, in the closed item: only the
    // internal record dates that.
    s.log.presence.push(kiroku::model::PresenceEvent {
        at: at(15, 10, 0),
        who: ParticipantId("mori".into()),
        what: kiroku::model::Presence::Arrived,
        non_public: false,
        item: Some(2),
        clerk: None,
    });
    let leaves = s.toggle_presence(&ParticipantId("suzuki".into()), at(15, 40, 0));
    assert_eq!(leaves, Some(kiroku::model::Presence::Left));
    let text = |audience| minutes(&s, "bracket", audience);
    let public = text(Audience::Public);
    let list = "出席者\n\n【事務局】\nデジタル推進局長 山田 太郎\nデジタル推進局 企画部長 鈴木 一郎\n\n\
        【委員】\n【座長】南町CIO 佐藤 花子 氏（オンライン）\n東町 総務課長 木村 直子 氏（加藤 正代理）\n\
        西町CIO 森 健二 氏（午後3時10分から出席）\n\n欠席者\n東町長 加藤 正 氏";
    assert!(public.contains(list), "{public}");
    assert!(!public.contains("退席"), "{public}");
    let internal = text(Audience::Internal);
    assert!(
        internal.contains("デジタル推進局 企画部長 鈴木 一郎（午後3時40分退席）"),
        "{internal}"
    );
    // The default style lists them once the roster is grouped (its council's own minutes,
    // from an agenda without groups, name nobody: see the golden test).
    let default = minutes(&s, "default", Audience::Public);
    assert!(
        default.contains("出席者\n\n（事務局）\nデジタル推進局長 山田 太郎"),
        "{default}"
    );
    let mut ungrouped = s.clone();
    ungrouped
        .plan
        .roster
        .iter_mut()
        .for_each(|p| p.group = None);
    let default = minutes(&ungrouped, "default", Audience::Public);
    assert!(!default.contains("出席者"), "{default}");
}

/// Decisions print under their item with how they were reached and what is to be done; one
/// taken off the record, or in a closed item, is in the internal record only.
#[test]
fn decisions_print_under_their_item_and_only_where_public() {
    use common::at;
    use kiroku::model::{ActionItem, Votes};
    let mut s = minutes_session();
    // Item 3 (closed) is current: go back to the report item and decide there.
    s.switch_item(2, at(15, 30, 0));
    s.decide(
        "原案どおり可決".into(),
        Some("挙手".into()),
        Some(Votes {
            yes: 5,
            no: 2,
            abstain: 1,
        }),
        vec![ActionItem {
            what: "利用状況を次回報告".into(),
            who: Some("事務局".into()),
            due: chrono::NaiveDate::from_ymd_opt(2026, 9, 30),
        }],
        at(15, 31, 0),
    );
    s.set_off_record(true, at(15, 32, 0));
    s.decide(
        "了承".into(),
        Some("異議なし".into()),
        None,
        Vec::new(),
        at(15, 33, 0),
    );
    s.set_off_record(false, at(15, 34, 0));
    s.switch_item(3, at(15, 40, 0));
    s.decide("継続審議".into(), None, None, Vec::new(), at(15, 45, 0));
    let text = |style: &str, audience| minutes(&s, style, audience);
    let public = text("bracket", Audience::Public);
    assert!(
        public.contains(
            "【結果】原案どおり可決（挙手）　賛成5、反対2、棄権1\n\n・利用状況を次回報告（担当：事務局）（期限：令和8年9月30日）"
        ),
        "{public}"
    );
    assert!(!public.contains("了承"), "off the record: {public}");
    assert!(!public.contains("継続審議"), "a closed item: {public}");
    let internal = text("bracket", Audience::Internal);
    assert!(internal.contains("【結果】了承（異議なし）"), "{internal}");
    assert!(internal.contains("【結果】継続審議"), "{internal}");
    let english = text("english", Audience::Public);
    assert!(
        english.contains("Decision: 原案どおり可決 (挙手), 5 for, 2 against, 1 abstaining"),
        "{english}"
    );
    assert!(english.contains("Action: 利用状況を次回報告 (事務局), by 30 September 2026"));
    // The JSON carries them as blocks of their own kind.
    let json = String::from_utf8(
        export(
            &s,
            Audience::Public,
            &kiroku::commands::load_style("proceedings").unwrap(),
            Format::Json,
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(json.matches("\"kind\": \"decision\"").count(), 1, "{json}");
    assert_eq!(json.matches("\"kind\": \"action\"").count(), 1, "{json}");
    // The default style prints them its own way; a withheld one carries the internal mark.
    let default = text("default", Audience::Internal);
    assert!(
        default.contains("（結果）原案どおり可決（挙手）"),
        "{default}"
    );
    assert!(
        default.contains("【非公開】（結果）了承（異議なし）"),
        "{default}"
    );
}

/// A recess inside an off-the-record stretch: one pair of markers, in time order (it once
/// printed the stretch twice), and the recess itself only in the internal record.
#[test]
fn a_recess_off_the_record_stands_between_one_pair_of_markers() {
    use common::at;
    let mut s = minutes_session();
    s.switch_item(2, at(15, 30, 0));
    s.log.events.push(kiroku::model::MeetingEvent {
        at: at(15, 0, 0),
        what: kiroku::model::Proceeding::Open,
        item: Some(1),
        non_public: false,
        clerk: None,
    });
    s.set_speaker(common::pid("suzuki"));
    s.set_off_record(true, at(15, 58, 0));
    s.add_remark("記録に残さない一".into(), at(15, 58, 10), at(15, 58, 20));
    s.toggle_recess(at(15, 59, 0));
    s.toggle_recess(at(16, 0, 0));
    s.add_remark("記録に残さない二".into(), at(16, 0, 10), at(16, 0, 20));
    s.set_off_record(false, at(16, 1, 0));
    s.add_remark("公開に戻って話す。".into(), at(16, 1, 10), at(16, 1, 20));
    let public = minutes(&s, "proceedings", Audience::Public);
    // The recess, pressed off the record, is itself off the record.
    let want = "〔午後三時五十八分非公開に入る〕\n\n〔午後四時一分公開に戻る〕\n\n\
        ◯デジタル推進局 企画部長（鈴木一郎君）\n\n　公開に戻って話す。";
    assert!(public.contains(want), "{public}");
    assert_eq!(public.matches("非公開に入る").count(), 1, "{public}");
    assert!(!public.contains("記録に残さない"), "{public}");
    let internal = minutes(&s, "proceedings", Audience::Internal);
    assert!(internal.contains("〔午後三時五十九分休憩〕"), "{internal}");
}

/// Once the recording is marked, the internal record places each remark in it too.
#[test]
fn the_internal_record_gives_each_remark_its_recording_offset() {
    let mut s = minutes_session();
    s.log.recording = Some(common::at(15, 0, 0));
    let internal = minutes(&s, "default", Audience::Internal);
    assert!(
        internal.contains("[15:06 00:06:00] 利用率の推移について伺いたい。"),
        "{internal}"
    );
    let public = minutes(&s, "default", Audience::Public);
    assert!(!public.contains("00:06:00"), "{public}");
}

/// The shipped sample meeting (sessions/example-meeting.ron, recorded in kiroku with the
/// sample agenda): its minutes carry the attendance list, the hours the meeting kept, its
/// decisions among the remarks, and nothing of its closed items.
#[test]
fn the_sample_meeting_exports_with_attendance_hours_and_decisions() {
    let out = common::kiroku()
        .args([
            "export",
            "sessions/example-meeting.ron",
            "--style",
            "bracket",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let minutes = String::from_utf8(out.stdout).unwrap();
    for line in [
        "日時：令和8年7月3日（金） 15時から16時10分まで",
        "出席者",
        "【委員】",
        "北町商工会議所 専務理事 伊藤 美咲 氏（オンライン）（午後3時8分から出席）",
        "【結果】了承（異議なし）",
        "・年代別の利用状況を次回報告（担当：情報政策課）（期限：令和8年9月30日）",
        "【結果】原案どおり可決（挙手）　賛成5、反対0、棄権1",
    ] {
        assert!(minutes.contains(line), "`{line}` in:\n{minutes}");
    }
    assert!(
        !minutes.contains("個別の調達案件"),
        "a closed item's words: {minutes}"
    );
    assert!(
        !minutes.contains("午後3時55分"),
        "a departure in a closed item: {minutes}"
    );
    // The default style too: `kiroku export` as it comes.
    let out = common::kiroku()
        .args(["export", "sessions/example-meeting.ron"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let default = String::from_utf8(out.stdout).unwrap();
    for line in [
        "令和8年7月3日（金） 15時から16時10分まで",
        "出席者\n\n（事務局）",
        "（結果）原案どおり可決（挙手）　賛成5、反対0、棄権1",
    ] {
        assert!(default.contains(line), "`{line}` in:\n{default}");
    }
    let proceedings = common::kiroku()
        .args([
            "export",
            "sessions/example-meeting.ron",
            "--style",
            "proceedings",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let proceedings = String::from_utf8(proceedings.stdout).unwrap();
    for line in [
        "〔午後三時開会〕",
        "〔午後三時二十分休憩〕",
        "〔午後三時三十分再開〕",
        "〔午後四時十分閉会〕",
    ] {
        assert!(proceedings.contains(line), "`{line}` in:\n{proceedings}");
    }
}

/// Events and comings and goings where the record was not public stay out of the public
/// minutes, the hours they would give too; a recess half of which is withheld is withheld
/// whole; someone in before the opening is not late.
#[test]
fn what_happened_off_the_record_gives_nothing_away() {
    use common::{at, pid};
    use kiroku::model::ParticipantId;
    let mut s = minutes_session();
    s.plan.roster[2].group = Some("委員".into());
    s.switch_item(2, at(15, 30, 0));
    s.log.events.clear();
    s.log.items.clear();
    s.switch_item(1, at(14, 59, 0));
    // 佐藤 was marked away before the opening, and came in before it too.
    s.toggle_presence(&ParticipantId("sato".into()), at(14, 58, 0));
    s.toggle_presence(&ParticipantId("sato".into()), at(14, 59, 30));
    s.open_meeting(at(15, 0, 0));
    s.switch_item(2, at(15, 5, 0));
    // Off the record: a recess, and 鈴木 going out.
    s.set_off_record(true, at(15, 10, 0));
    s.toggle_recess(at(15, 11, 0));
    s.toggle_presence(&ParticipantId("suzuki".into()), at(15, 12, 0));
    s.set_off_record(false, at(15, 13, 0));
    s.toggle_recess(at(15, 14, 0));
    // Closed in the closed item.
    s.switch_item(3, at(15, 40, 0));
    s.set_speaker(pid("yamada"));
    s.close_meeting(at(16, 5, 0));
    let text = |style: &str, audience| minutes(&s, style, audience);
    let public = text("proceedings", Audience::Public);
    assert!(!public.contains("休憩"), "{public}");
    assert!(!public.contains("再開"), "a lone 再開: {public}");
    assert!(!public.contains("閉会〕"), "{public}");
    assert!(
        public.contains("十五時から十六時三十分まで"),
        "a close in a closed item gives no time: {public}"
    );
    assert!(!public.contains("退席"), "{public}");
    assert!(
        !public.contains("出席）"),
        "in before the opening is not late: {public}"
    );
    let internal = text("proceedings", Audience::Internal);
    assert!(internal.contains("〔午後三時十一分休憩〕"), "{internal}");
    assert!(internal.contains("〔午後四時五分閉会〕"), "{internal}");
}

/// Out for a while and back: the minutes say from when to when, once each time.
#[test]
fn a_while_out_is_dated_from_and_to() {
    use common::at;
    use kiroku::model::ParticipantId;
    let mut s = minutes_session();
    s.switch_item(2, at(15, 30, 0));
    s.open_meeting(at(15, 30, 0));
    s.toggle_presence(&ParticipantId("sato".into()), at(15, 40, 0));
    s.toggle_presence(&ParticipantId("sato".into()), at(15, 45, 0));
    let text = minutes(&s, "bracket", Audience::Public);
    assert!(
        text.contains("南町CIO 佐藤 花子 氏（午後3時40分～午後3時45分退席）"),
        "{text}"
    );
}

/// A part written in the file after a later item is still listed and headed under its own
/// item, numbered in its turn: `kiroku export` on a session whose parts come last.
#[test]
fn parts_written_after_a_later_item_stand_under_their_own() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sessions/sample-gijiroku.ron"
    ))
    .unwrap();
    // Item 3 (閉会) moved up before the parts of item 2.
    let close = "        AgendaItem(\n            no: 3,\n            title: \"閉会\",\n            layout: Discussion,\n        ),\n";
    assert!(text.contains(close));
    let moved = text.replace(close, "").replace(
        "        AgendaItem(\n            no: 21,",
        &format!("{close}        AgendaItem(\n            no: 21,"),
    );
    let path = dir.path().join("s.ron");
    std::fs::write(&path, moved).unwrap();
    let o = common::kiroku()
        .args(["export", path.to_str().unwrap(), "-s", "gijiroku"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{o:?}");
    let out = String::from_utf8(o.stdout).unwrap();
    let at = |s: &str| out.find(s).unwrap_or_else(|| panic!("{s} missing:\n{out}"));
    let (first, second, close) = (
        at("（1）デジタル手続法の施行状況について"),
        at("（2）自治体の取組事例"),
        at("３．閉会"),
    );
    assert!(first < second && second < close, "{out}");
}

/// A stretch off the record that went on across C-n is one pair of markers, the first in
/// the item it began in and the second in the item it ended in; one still going when the
/// record ends has no closing marker, nor has one a 閉会 pressed off the record ended.
#[test]
fn a_stretch_across_items_is_one_pair_and_an_unended_one_has_no_return() {
    use common::at;
    let style = kiroku::commands::load_style("proceedings").unwrap();
    let minutes = |s: &kiroku::model::Session| {
        String::from_utf8(export(s, Audience::Public, &style, Format::Text).unwrap()).unwrap()
    };
    let mut s = kiroku::model::Session::new(common::example_plan()).unwrap();
    s.set_speaker(common::pid("sato"));
    s.add_remark("冒頭の発言".into(), at(15, 0, 10), at(15, 0, 30));
    s.step_item(1, at(15, 1, 0));
    s.add_remark("報告の発言".into(), at(15, 1, 10), at(15, 1, 30));
    s.set_off_record(true, at(15, 2, 0));
    s.add_remark("記録外の一".into(), at(15, 2, 10), at(15, 2, 30));
    s.step_item(1, at(15, 3, 0));
    s.add_remark("記録外の二".into(), at(15, 3, 10), at(15, 3, 30));
    s.set_off_record(false, at(15, 4, 0));
    s.add_remark("議題の発言".into(), at(15, 4, 10), at(15, 4, 30));
    let out = minutes(&s);
    assert_eq!(out.matches("非公開に入る").count(), 1, "{out}");
    assert_eq!(out.matches("公開に戻る").count(), 1, "{out}");
    assert!(out.contains("〔午後三時四分公開に戻る〕"), "{out}");
    assert!(!out.contains("記録外"), "{out}");
    // Off the record again, and never back on: no return is printed.
    s.set_off_record(true, at(15, 5, 0));
    s.add_remark("最後の記録外".into(), at(15, 5, 10), at(15, 5, 30));
    let out = minutes(&s);
    assert_eq!(out.matches("非公開に入る").count(), 2, "{out}");
    assert_eq!(out.matches("公開に戻る").count(), 1, "{out}");
    // Closed off the record: the close ends the stretch, and the minutes do not date it.
    s.close_meeting(at(15, 10, 0));
    let out = minutes(&s);
    assert_eq!(out.matches("公開に戻る").count(), 1, "{out}");
    assert!(
        !out.contains("三時十分"),
        "the withheld close's time: {out}"
    );
}

/// Someone added with C-f while the record was off, who spoke only off the record, is not
/// named in the public attendance list; nor does a public docx date what it withholds.
#[test]
fn who_joined_off_the_record_and_when_it_ended_are_not_published() {
    use common::at;
    let mut s = kiroku::model::Session::new(common::example_plan()).unwrap();
    s.set_speaker(common::pid("sato"));
    s.add_remark("公開の発言".into(), at(15, 0, 10), at(15, 0, 30));
    s.set_off_record(true, at(15, 1, 0));
    let id = s.add_participant(
        "参考人".into(),
        "証人 ZQ太郎".into(),
        None,
        kiroku::model::Attendance::Room,
    );
    s.set_speaker(Some(id));
    s.add_remark("証言です".into(), at(15, 2, 0), at(15, 9, 30));
    let style = kiroku::commands::load_style("proceedings").unwrap();
    let public =
        String::from_utf8(export(&s, Audience::Public, &style, Format::Text).unwrap()).unwrap();
    assert!(!public.contains("ZQ太郎"), "{public}");
    let internal =
        String::from_utf8(export(&s, Audience::Internal, &style, Format::Text).unwrap()).unwrap();
    assert!(internal.contains("ZQ太郎"), "{internal}");
    let docx = export(&s, Audience::Public, &style, Format::Docx).unwrap();
    let core = common::docx_part(&docx, "docProps/core.xml");
    assert!(
        !core.contains("06:09"),
        "the withheld remark's time (UTC) in {core}"
    );
}
