//! Cleanup mode through its keys: each operation, its undo and redo, search with Japanese,
//! and the preview of the public minutes.

mod common;

use common::{app_with, at, minutes_session_full, pid, press, render, screen_text};
use kiroku::app::App;
use kiroku::i18n::Lang;

const T: fn() -> kiroku::model::Timestamp = || at(17, 0, 0);

fn review() -> App {
    let mut app = app_with(minutes_session_full(), Lang::Ja);
    let _ = press(&mut app, "<C-r>", T());
    assert!(app.review.is_some());
    // The loop draws (and measures the screen) before it reads the first key.
    render(&mut app, 80, 24, T());
    app
}

fn selected(app: &App) -> &kiroku::model::Remark {
    let id = app.review.as_ref().unwrap().selected.unwrap();
    app.session.remarks.iter().find(|r| r.id == id).unwrap()
}

/// Selects the remark whose text starts with `start`, by moving as a user would.
fn go_to(app: &mut App, start: &str) {
    let _ = press(app, "<Home>", T());
    for _ in 0..app.session.remarks.len() {
        if selected(app).text.starts_with(start) {
            return;
        }
        let _ = press(app, "<Down>", T());
    }
    panic!("no remark starting with {start}");
}

/// Applies `keys`, checks `check`, then undoes and redoes and checks both ends.
fn undoable(app: &mut App, keys: &str, check: impl Fn(&App)) {
    let before = app.session.clone();
    let _ = press(app, keys, T());
    check(app);
    let after = app.session.clone();
    assert_ne!(before, after, "{keys} changed something");
    let _ = press(app, "u", T());
    // Undo restores everything but the id counter: an id a split handed out stays used.
    let mut undone = app.session.clone();
    assert!(undone.live.next_remark_id >= before.live.next_remark_id);
    undone.live.next_remark_id = before.live.next_remark_id;
    assert_eq!(undone, before, "undo of {keys}");
    let _ = press(app, "U", T());
    assert_eq!(app.session, after, "redo of {keys}");
}

#[test]
fn the_list_is_grouped_by_item_with_the_last_remark_selected() {
    let mut app = review();
    assert_eq!(
        selected(&app).text,
        "（委員の音声が途切れる。接続を再確認）"
    );
    let _ = press(&mut app, "<Home>", T());
    let screen = screen_text(&render(&mut app, 120, 40, T()));
    let h1 = screen.find("1 開会挨拶").unwrap();
    let h2 = screen.find("2 報告事項").unwrap();
    let h3 = screen
        .find("3 意見交換[非公開]")
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(h1 < h2 && h2 < h3, "{screen}");
    // Remarks of item 2 recorded after item 3 still show under item 2.
    let late = screen.find("公開に戻って補足する。").unwrap();
    assert!(h2 < late && late < h3, "{screen}");
    assert!(screen.contains("整理 CLEANUP"), "{screen}");
}

#[test]
fn moving_around() {
    let mut app = review();
    let _ = press(&mut app, "<Home>", T());
    assert!(selected(&app).text.starts_with("本日は"));
    let _ = press(&mut app, "<C-n>", T());
    assert!(
        selected(&app).text.starts_with("利用率の推移"),
        "first of the next item"
    );
    let _ = press(&mut app, "c", T());
    assert!(selected(&app).check_later);
    let _ = press(&mut app, "<Home>i", T());
    assert!(selected(&app).text.contains("［聞き取れず］"));
    go_to(&mut app, "前年度比");
    let _ = press(&mut app, "s", T());
    assert!(
        selected(&app).text.starts_with("ここからは"),
        "next by 鈴木"
    );
    let _ = press(&mut app, "S", T());
    assert!(selected(&app).text.starts_with("前年度比"));
    let _ = press(&mut app, "<End>", T());
    assert!(
        selected(&app).text.starts_with("調達"),
        "the closed item comes last"
    );
    let _ = press(&mut app, "<C-p>", T());
    assert!(selected(&app).text.starts_with("利用率の推移"));
}

#[test]
fn edit_text_in_place_with_the_cursor_for_the_ime() {
    let mut app = review();
    go_to(&mut app, "前年度比");
    let _ = press(&mut app, "<Enter><End><Left>", T());
    let mut terminal = render(&mut app, 120, 40, T());
    let screen = screen_text(&terminal);
    let row = screen
        .lines()
        .position(|l| l.starts_with("│    前年度比で二割増えている。"))
        .unwrap();
    // Four cells of gutter and indent after the border; 前年度比で二割増えている is 24 cells.
    terminal
        .backend_mut()
        .assert_cursor_position((1 + 4 + 24, u16::try_from(row).unwrap()));
    let _ = press(&mut app, "<Esc>", T());
    assert_eq!(
        selected(&app).text,
        "前年度比で二割増えている。",
        "Esc cancels"
    );
    undoable(&mut app, "<Enter><End><Left>と聞いて<Enter>", |app| {
        assert_eq!(selected(app).text, "前年度比で二割増えていると聞いて。");
    });
}

#[test]
fn reassign_by_hotkey_picker_and_for_several_remarks() {
    let mut app = review();
    go_to(&mut app, "利用率の推移");
    undoable(&mut app, "<A-3>", |app| {
        assert_eq!(selected(app).speaker, pid("suzuki"))
    });
    undoable(&mut app, "<F1>", |app| {
        assert_eq!(selected(app).speaker, pid("yamada"))
    });
    undoable(&mut app, "<C-f>鈴木<Enter>", |app| {
        assert_eq!(selected(app).speaker, pid("suzuki"));
    });
    go_to(&mut app, "本日は");
    undoable(&mut app, "<Space><Space><A-2>", |app| {
        assert_eq!(app.session.remarks[0].speaker, pid("sato"));
        assert_eq!(app.session.remarks[1].speaker, pid("sato"));
    });
    let _ = press(&mut app, "<Esc>", T());
    assert!(app.review.as_ref().unwrap().marked.is_empty());
}

#[test]
fn reassign_to_someone_new_adds_them_in_one_undoable_step() {
    let mut app = review();
    go_to(&mut app, "利用率の推移");
    undoable(
        &mut app,
        "<C-f>中村<Enter><Up>西町 課長<Enter>",
        |app| {
            let p = app.session.plan.roster.last().unwrap();
            assert_eq!(p.name, "中村");
            assert_eq!(selected(app).speaker, Some(p.id.clone()));
        },
    );
}

/// Someone added in cleanup, undone; someone else added in live mode takes the same id and
/// hotkey; redo is then refused rather than bringing back a second person with that id.
#[test]
fn redo_never_brings_back_an_id_or_hotkey_taken_since() {
    let mut app = review();
    go_to(&mut app, "利用率の推移");
    let _ = press(&mut app, "<C-f>中村<Enter><Up>西町 課長<Enter>", T());
    let added = app.session.plan.roster.last().unwrap().clone();
    let _ = press(
        &mut app,
        "u<C-r><C-f>山本<Enter><Up>東町 課長<Enter><C-r>U",
        T(),
    );
    assert!(app.message.is_some(), "the redo is refused, and says so");
    let ids: Vec<_> = app.session.plan.roster.iter().map(|p| &p.id).collect();
    assert_eq!(
        ids.iter().filter(|id| ***id == added.id).count(),
        1,
        "{ids:?}"
    );
    let s = &app.session;
    let text = kiroku::storage::session_to_string(s);
    kiroku::storage::parse_session(std::path::Path::new("s.ron"), &text)
        .expect("the session loads");
}

/// Someone added in cleanup and made the speaker in live mode: undoing the addition would
/// leave the session naming someone who is not on the roster, so it is refused.
#[test]
fn undo_never_takes_back_someone_the_record_still_names() {
    let mut app = review();
    go_to(&mut app, "利用率の推移");
    let _ = press(&mut app, "<C-f>中村<Enter><Up>西町 課長<Enter>", T());
    let added = app.session.plan.roster.last().unwrap().clone();
    let slot = added.hotkey.unwrap();
    let _ = press(
        &mut app,
        &format!("<C-r><A-{slot}>新しい発言<Enter><C-r>u"),
        T(),
    );
    let _ = press(&mut app, "u", T());
    assert!(
        app.session.plan.participant(&added.id).is_some(),
        "still on the roster"
    );
    let text = kiroku::storage::session_to_string(&app.session);
    kiroku::storage::parse_session(std::path::Path::new("s.ron"), &text)
        .expect("the session loads");
}

#[test]
fn move_flag_check_delete() {
    let mut app = review();
    go_to(&mut app, "前年度比");
    undoable(&mut app, ">", |app| assert_eq!(selected(app).item, 3));
    // Redone, the remark is in item 3; back one is item 2.
    // Out of a closed item, it stays non-public: only a release (P) publishes it.
    undoable(&mut app, "<", |app| {
        assert_eq!(selected(app).item, 2);
        assert!(selected(app).non_public);
    });
    undoable(&mut app, "P", |app| assert!(!selected(app).non_public));
    undoable(&mut app, "p", |app| assert!(selected(app).non_public));
    undoable(&mut app, "t", |app| assert!(selected(app).check_later));
    let count = app.session.remarks.len();
    undoable(&mut app, "d", |app| {
        assert_eq!(app.session.remarks.len(), count - 1);
        assert!(
            !app.session
                .remarks
                .iter()
                .any(|r| r.text.starts_with("前年度比"))
        );
    });
}

#[test]
fn merge_with_the_next_and_split_at_the_cursor() {
    let mut app = review();
    go_to(&mut app, "本日は");
    undoable(&mut app, "J", |app| {
        assert_eq!(
            selected(app).text,
            "本日はお集まりいただき、ありがとうございます。今年度の重点は三つある。"
        );
        assert_eq!(app.session.remarks.len(), 9);
    });
    go_to(&mut app, "利用率の推移");
    let before = app.session.clone();
    let _ = press(&mut app, "J", T());
    assert!(
        app.message.is_some(),
        "the next is by someone else: refused"
    );
    assert_eq!(app.session, before);
    go_to(&mut app, "本日は");
    undoable(&mut app, "<Enter><Home><Right><Right><Right><A-s>", |app| {
        // The merge above was redone, so the second half runs on to its end.
        assert_eq!(
            selected(app).text,
            "お集まりいただき、ありがとうございます。今年度の重点は三つある。"
        );
        let first = &app.session.remarks[0];
        assert_eq!(first.text, "本日は");
        assert!(
            first.began <= selected(app).began && selected(app).began <= selected(app).committed
        );
    });
}

#[test]
fn corrections_to_roster_meeting_and_agenda_show_everywhere() {
    let mut app = review();
    go_to(&mut app, "利用率の推移");
    go_to(&mut app, "利用率の推移");
    undoable(&mut app, "R<End>子<Enter>", |app| {
        assert_eq!(app.session.plan.roster[1].name, "佐藤 花子子");
    });
    let screen = screen_text(&render(&mut app, 120, 40, T()));
    assert!(
        screen.matches("佐藤 花子子").count() >= 2,
        "every remark shows it: {screen}"
    );
    undoable(&mut app, "E<End>（臨時）<Enter>", |app| {
        assert_eq!(
            app.session.plan.meeting.title,
            "第3回 北町デジタル推進会議（臨時）"
        );
    });
    undoable(&mut app, "A<Tab><Tab> <Enter>", |app| {
        assert!(!app.session.plan.agenda[1].public, "item 2 closed");
    });
    let _ = press(
        &mut app,
        "E<Tab><C-w><C-w><C-w><C-w><C-w>2026-13-40<Enter>",
        T(),
    );
    let screen = screen_text(&render(&mut app, 120, 40, T()));
    assert!(screen.contains("日付は 2026-07-03 の形で"), "{screen}");
}

#[test]
fn search_as_you_type_in_japanese_with_highlight() {
    let mut app = review();
    let _ = press(&mut app, "<Home>/利用率", T());
    assert!(selected(&app).text.starts_with("利用率の推移"));
    let terminal = render(&mut app, 120, 40, T());
    let screen = screen_text(&terminal);
    assert!(screen.contains("検索 /利用率"), "{screen}");
    // The match is highlighted cell by cell: 利用率 is three wide characters, six cells.
    let buf = terminal.backend().buffer();
    let row = screen
        .lines()
        .position(|l| l.contains("    利用率の推移"))
        .unwrap() as u16;
    let col = 1 + 4;
    let hl = buf[(col, row)].style();
    assert_eq!(buf[(col + 4, row)].style(), hl);
    assert_ne!(
        buf[(col + 6, row)].style(),
        hl,
        "の is not part of the match"
    );
    let _ = press(&mut app, "<Enter>n", T());
    assert!(
        selected(&app).text.starts_with("利用率は"),
        "{}",
        selected(&app).text
    );
    let _ = press(&mut app, "N", T());
    assert!(selected(&app).text.starts_with("利用率の推移"));
    let _ = press(&mut app, "/佐藤<Enter>", T());
    assert_eq!(
        selected(&app).speaker,
        pid("sato"),
        "speakers are searched too"
    );
    let _ = press(&mut app, "/存在しない語<Esc>", T());
    assert_eq!(selected(&app).speaker, pid("sato"), "Esc goes back");
}

#[test]
fn the_preview_shows_what_the_public_minutes_will_say() {
    let mut app = review();
    go_to(&mut app, "ここからは");
    let screen = screen_text(&render(&mut app, 120, 40, T()));
    let preview: String = screen
        .lines()
        .map(|l| l.split("││").nth(1).unwrap_or(""))
        .collect();
    assert!(
        preview.contains("2 報告事項（電子申請の利用状況）"),
        "{screen}"
    );
    assert!(
        !preview.contains("ここからは"),
        "a non-public remark is not in the preview"
    );
    // Said off the record: P is refused, and the stretch is what decides.
    let _ = press(&mut app, "P", T());
    let screen = screen_text(&render(&mut app, 120, 40, T()));
    assert!(screen.contains("L でその区間を直して"), "{screen}");
    assert!(!app.session.is_public(selected(&app)));
    // The stretch's end corrected in L to before the remark: then P releases it.
    let _ = press(&mut app, "L", T());
    let screen = screen_text(&render(&mut app, 120, 40, T()));
    assert!(screen.contains("記録外（非公開）ここまで"), "{screen}");
    let rows = kiroku::app::log_entries(&app.session, Lang::Ja.strings());
    let end = rows
        .iter()
        .position(|r| matches!(r.of, kiroku::app::LogRef::OffEnd(0)))
        .unwrap();
    let _ = press(&mut app, "<Home>", T());
    for _ in 0..end {
        let _ = press(&mut app, "<Down>", T());
    }
    let _ = press(&mut app, "<Enter><C-u>15:49:05<Enter><Esc>", T());
    let screen = screen_text(&render(&mut app, 120, 40, T()));
    assert_eq!(
        app.session.log.off_record[0].end,
        Some(at(15, 49, 5)),
        "{screen}"
    );
    let _ = press(&mut app, "P", T());
    let screen = screen_text(&render(&mut app, 120, 40, T()));
    let preview: String = screen
        .lines()
        .map(|l| l.split("││").nth(1).unwrap_or(""))
        .collect();
    assert!(
        preview.contains("ここからは"),
        "released, it would be published: {screen}"
    );
    let _ = press(&mut app, "<End>", T());
    let screen = screen_text(&render(&mut app, 120, 40, T()));
    assert!(screen.contains("非公開の議題"), "{screen}");
    let _ = press(&mut app, "v", T());
    let screen = screen_text(&render(&mut app, 120, 40, T()));
    assert!(!screen.contains("公開版の見え方"), "{screen}");
}

#[test]
fn undo_survives_a_save_and_live_mode_continues() {
    let mut app = review();
    go_to(&mut app, "前年度比");
    let effects = press(&mut app, "p", T());
    assert!(
        effects.effects.contains(&kiroku::app::Effect::Sync),
        "each change is saved"
    );
    let _ = app.update(kiroku::app::Action::Saved(Ok(())), T());
    let _ = press(&mut app, "u", T());
    assert!(!selected(&app).non_public, "undo after a save");
    let _ = press(&mut app, "<C-r>", T());
    assert!(app.review.is_none());
    let _ = press(&mut app, "<A-1>続けて発言<Enter>", T());
    assert_eq!(app.session.remarks.last().unwrap().text, "続けて発言");
}

#[test]
fn cleanup_snapshot_80x24() {
    let mut app = review();
    go_to(&mut app, "前年度比");
    let _ = press(&mut app, "<Space>", T());
    let terminal = render(&mut app, 80, 24, T());
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn tiny_screens_in_cleanup_mode_do_not_panic() {
    let mut app = review();
    for (w, h) in [(1, 1), (10, 3), (20, 5), (300, 100), (0, 0)] {
        render(&mut app, w, h, T());
        let _ = press(&mut app, "<Enter>", T());
        render(&mut app, w, h, T());
        let _ = press(&mut app, "<Esc>/x", T());
        render(&mut app, w, h, T());
        let _ = press(&mut app, "<Esc>E", T());
        render(&mut app, w, h, T());
        let _ = press(&mut app, "<Esc>", T());
    }
}

/// The meeting log corrected in cleanup: an event's time, a removal, the observers' count;
/// each undoable, and the journal's edits rebuild the result.
#[test]
fn the_meeting_log_is_corrected_in_cleanup() {
    use kiroku::model::Proceeding;
    let mut session = minutes_session_full();
    session.log.events.push(kiroku::model::MeetingEvent {
        at: at(15, 0, 0),
        what: Proceeding::Open,
        item: Some(1),
        non_public: false,
        clerk: None,
    });
    session.toggle_recess(at(15, 40, 0));
    session.toggle_recess(at(15, 50, 0));
    let mut app = app_with(session, Lang::Ja);
    let _ = press(&mut app, "<C-r>", T());
    render(&mut app, 100, 30, T());
    let _ = press(&mut app, "L", T());
    let screen = screen_text(&render(&mut app, 100, 30, T()));
    assert!(screen.contains("15:40:00 休憩"), "{screen}");
    assert!(screen.contains("傍聴者数 -"), "{screen}");
    // The opening was really at 14:59:30.
    undoable(
        &mut app,
        "<Enter><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace>14:59:30<Enter>",
        |app| {
            let open = &app.session.log.events[0];
            assert_eq!((open.what, open.at), (Proceeding::Open, at(14, 59, 30)));
        },
    );
    // The recess was pressed by mistake: both rows go, the list staying open (the stretch
    // off the record from 15:49 stands between them).
    let _ = press(&mut app, "L<Down><Delete><Down><Delete><Esc>", T());
    assert_eq!(app.session.log.off_record.len(), 1, "the stretch stays");
    assert_eq!(
        app.session.log.events.len(),
        1,
        "{:?}",
        app.session.log.events
    );
    // Twelve members of the public watched: the last row.
    undoable(&mut app, "L<Down><Down><Down><Enter>12<Enter>", |app| {
        assert_eq!(app.session.log.observers, Some(12));
    });
    let minutes = kiroku::export::export(
        &app.session,
        kiroku::export::Audience::Public,
        &kiroku::commands::load_style("proceedings").unwrap(),
        kiroku::export::Format::Text,
    )
    .unwrap();
    let minutes = String::from_utf8(minutes).unwrap();
    assert!(minutes.contains("傍聴者　十二名"), "{minutes}");
    assert!(minutes.contains("〔午後二時五十九分開会〕"), "{minutes}");
}

/// A decision recorded live is corrected in cleanup through its own form, undoably.
#[test]
fn a_decision_is_corrected_in_cleanup() {
    let mut session = minutes_session_full();
    session.switch_item(2, at(15, 30, 0));
    session.decide(
        "承認".into(),
        Some("挙手".into()),
        None,
        Vec::new(),
        at(15, 31, 0),
    );
    let mut app = app_with(session, Lang::Ja);
    let _ = press(&mut app, "<C-r>", T());
    render(&mut app, 100, 30, T());
    // The log lists the decision; Enter opens its form with what was recorded; Space steps
    // the result on to 了承, Tab twice to the votes.
    undoable(&mut app, "L<Enter> <Tab><Tab>3 1<Enter>", |app| {
        let d = &app.session.log.decisions[0];
        assert_eq!(d.result, "了承");
        assert_eq!(d.method.as_deref(), Some("挙手"));
        assert_eq!(d.votes.map(|v| (v.yes, v.no)), Some((3, 1)));
        assert_eq!(d.at, at(15, 31, 0));
    });
}

/// Search says which match of how many is selected, goes round past the end, and says when
/// nothing matches.
#[test]
fn search_counts_wraps_and_says_when_nothing_matches() {
    let mut app = review();
    let _ = press(&mut app, "<Home>/利用率", T());
    let total = app
        .session
        .remarks
        .iter()
        .filter(|r| r.text.contains("利用率"))
        .count();
    assert!(total >= 2, "the session has several matches");
    assert_eq!(
        app.message.as_deref(),
        Some(format!("1/{total}件").as_str())
    );
    let _ = press(&mut app, "<Enter>", T());
    for k in 2..=total {
        let _ = press(&mut app, "n", T());
        assert_eq!(
            app.message.as_deref(),
            Some(format!("{k}/{total}件").as_str())
        );
    }
    let _ = press(&mut app, "n", T());
    let m = app.message.clone().unwrap();
    assert!(
        m.starts_with(&format!("1/{total}件")) && m.contains("反対側"),
        "{m}"
    );
    assert!(selected(&app).text.contains("利用率"));
    let _ = press(&mut app, "/存在しない語", T());
    assert_eq!(app.message.as_deref(), Some("見つかりません: 存在しない語"));
}

/// o / O insert a missed remark, T corrects a time (only between the neighbours), A-Up and
/// A-Down reorder within the item, F replaces after a preview; each undoes and redoes.
#[test]
fn insert_retime_reorder_and_replace_in_cleanup() {
    let mut app = review();
    go_to(&mut app, "前年度比");
    let count = app.session.remarks.len();
    undoable(&mut app, "o抜けていた発言<Enter>", |app| {
        assert_eq!(app.session.remarks.len(), count + 1);
        assert_eq!(selected(app).text, "抜けていた発言");
    });
    go_to(&mut app, "前年度比");
    undoable(&mut app, "O冒頭の発言<Enter>", |app| {
        let i = app
            .session
            .remarks
            .iter()
            .position(|r| r.text == "冒頭の発言")
            .unwrap();
        assert!(app.session.remarks[i + 1].text.starts_with("前年度比"));
    });
    go_to(&mut app, "前年度比");
    undoable(&mut app, "T<C-u>15:06:30<Enter>", |app| {
        assert_eq!(
            selected(app).began.format("%H:%M:%S").to_string(),
            "15:06:30"
        );
    });
    let before = app.session.clone();
    let _ = press(&mut app, "T<C-u>16:59:00<Enter>", T());
    assert_eq!(app.session, before, "outside its neighbours: refused");
    assert!(matches!(app.overlay, kiroku::app::Overlay::Form(_)));
    let _ = press(&mut app, "<Esc>", T());
    go_to(&mut app, "前年度比");
    undoable(&mut app, "<A-Up>", |app| {
        let i = app
            .session
            .remarks
            .iter()
            .position(|r| r.text.starts_with("前年度比"))
            .unwrap();
        assert_eq!(
            app.session.remarks[i + 1].text,
            "冒頭の発言",
            "the one before it is after it"
        );
        assert!(app.session.remarks[i].began <= app.session.remarks[i + 1].began);
    });
    undoable(&mut app, "F二割<Tab>2割<Enter><Enter>", |app| {
        assert!(
            app.session
                .remarks
                .iter()
                .any(|r| r.text.contains("前年度比で2割"))
        );
        assert!(!app.session.remarks.iter().any(|r| r.text.contains("二割")));
    });
}
