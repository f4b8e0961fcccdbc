//! Live mode through its keys: key events in, a TestBackend screen and the session out.

mod common;

use common::emulator::Emulator;
use common::{app_with, at, check, example_plan, pid, press, render, sample_session, screen_text};
use kiroku::app::{Action, Effect};
use kiroku::i18n::Lang;
use kiroku::model::Session;
use kiroku::ui::Screen;

fn fresh() -> kiroku::app::App {
    app_with(Session::new(example_plan()).unwrap(), Lang::En)
}

#[test]
fn alt_digit_and_f_keys_switch_the_speaker_shown_on_the_input_box() {
    let mut app = fresh();
    let _ = press(&mut app, "<A-3>", at(15, 0, 0));
    assert_eq!(app.session.live.speaker, pid("sato"));
    let screen = screen_text(&render(&mut app, 100, 30, at(15, 0, 0)));
    let input_title = screen
        .lines()
        .find(|l| l.contains("3 南町CIO 佐藤 花子 様"))
        .unwrap();
    assert!(input_title.starts_with("┌"), "{screen}");
    let _ = press(&mut app, "<F2>", at(15, 0, 1));
    assert_eq!(app.session.live.speaker, pid("suzuki"));
    assert_eq!(app.session.live.previous, pid("sato"));
    let screen = screen_text(&render(&mut app, 100, 30, at(15, 0, 1)));
    assert!(
        screen.contains("2 デジタル推進局 企画部長 鈴木 一郎"),
        "{screen}"
    );
    // The roster marks the current and the previous speaker in text, not only colour.
    assert!(
        screen.contains(">  2 room 鈴木 一郎") || screen.contains("> 2 room 鈴木 一郎"),
        "{screen}"
    );
    assert!(
        screen.contains("<  3 web 佐藤 花子") || screen.contains("< 3 web 佐藤 花子"),
        "{screen}"
    );
    let _ = press(&mut app, "<Tab>", at(15, 0, 2));
    assert_eq!(app.session.live.speaker, pid("sato"));
    let _ = press(&mut app, "<A-0>", at(15, 0, 3));
    assert_eq!(
        app.session.live.speaker,
        pid("sato"),
        "an empty slot changes nothing"
    );
    assert!(app.message.is_some());
}

#[test]
fn enter_commits_with_speaker_item_flags_and_the_first_keystroke_time() {
    let mut app = fresh();
    let _ = press(&mut app, "<A-1>本", at(15, 0, 5));
    let _ = press(&mut app, "日は", at(15, 0, 9));
    let effects = press(&mut app, "<Enter>", at(15, 0, 20));
    assert_eq!(effects.effects, vec![Effect::Sync]);
    let r = &app.session.remarks[0];
    assert_eq!(r.text, "本日は");
    assert_eq!(r.speaker, pid("yamada"));
    assert_eq!(r.item, 1);
    assert_eq!(r.began, at(15, 0, 5));
    assert_eq!(r.committed, at(15, 0, 20));
    assert!(!r.non_public && !r.check_later);
    assert!(app.editor.is_empty());
    // Enter on empty input does nothing.
    assert_eq!(
        press(&mut app, "<Enter>", at(15, 1, 0)),
        kiroku::app::Step::default()
    );
    let _ = press(&mut app, "   <Enter>", at(15, 1, 0));
    assert_eq!(app.session.remarks.len(), 1);
}

#[test]
fn off_the_record_and_closed_items_make_remarks_non_public() {
    let mut app = fresh();
    let _ = press(&mut app, "<A-2>公開<Enter>", at(15, 0, 0));
    let _ = press(&mut app, "<C-o>", at(15, 1, 0));
    let screen = screen_text(&render(&mut app, 80, 24, at(15, 1, 1)));
    assert!(screen.contains("OFF THE RECORD"), "{screen}");
    let _ = press(&mut app, "内緒<Enter><C-o>", at(15, 1, 5));
    let _ = press(&mut app, "また公開<Enter>", at(15, 2, 0));
    let _ = press(&mut app, "<C-n><C-n><C-n>非公開議題で<Enter>", at(15, 3, 0));
    let flags: Vec<bool> = app.session.remarks.iter().map(|r| r.non_public).collect();
    assert_eq!(flags, [false, true, false, true]);
    assert_eq!(app.session.remarks[3].item, 4);
    let screen = screen_text(&render(&mut app, 80, 24, at(15, 3, 1)));
    assert!(screen.contains("CLOSED ITEM"), "{screen}");
    assert!(screen.matches("[non-public]").count() >= 2, "{screen}");
}

#[test]
fn ctrl_n_and_ctrl_p_move_through_the_agenda_and_log_times() {
    let mut app = fresh();
    let _ = press(&mut app, "x<Enter>", at(15, 0, 0));
    let _ = press(&mut app, "<C-n>", at(15, 5, 0));
    let _ = press(&mut app, "<C-n>", at(15, 20, 0));
    let _ = press(&mut app, "<C-p>", at(15, 22, 0));
    assert_eq!(app.session.live.item, 2);
    let spans: Vec<_> = app
        .session
        .log
        .items
        .iter()
        .map(|s| (s.item, s.started, s.ended))
        .collect();
    assert_eq!(
        spans,
        vec![
            (1, at(15, 0, 0), Some(at(15, 5, 0))),
            (2, at(15, 5, 0), Some(at(15, 20, 0))),
            (3, at(15, 20, 0), Some(at(15, 22, 0))),
            (2, at(15, 22, 0), None),
        ]
    );
    let screen = screen_text(&render(&mut app, 80, 24, at(15, 23, 0)));
    // Item 2 has had 15 + 1 minutes of its planned 25.
    assert!(screen.contains("2 報告事項  16:00/25:00"), "{screen}");
}

#[test]
fn ctrl_z_returns_the_last_remark_to_the_input_box() {
    let before = || Session::new(example_plan()).unwrap();
    check(
        before(),
        "<A-1>一つ目<Enter><A-2>二つ目<Enter><A-4><+60><C-z>",
        |app, screen| {
            assert_eq!(app.session.remarks.len(), 1);
            assert_eq!(app.editor.text(), "二つ目");
            assert_eq!(
                app.session.live.speaker,
                pid("suzuki"),
                "its speaker is current again"
            );
            assert!(
                screen.contains("2 デジタル推進局 企画部長 鈴木 一郎"),
                "{screen}"
            );
        },
    );
    check(
        before(),
        "<A-1>一つ目<Enter><A-2>二つ目<Enter><+60><C-z><+5><Enter>",
        |app, _| {
            assert_eq!(app.session.remarks[1].text, "二つ目");
            assert_eq!(
                app.session.remarks[1].began,
                at(15, 0, 0),
                "its begin time is kept"
            );
            assert_eq!(app.session.remarks[1].committed, at(15, 1, 5));
        },
    );
    check(
        before(),
        "<A-1>一つ目<Enter><A-2>二つ目<Enter><C-z><C-z><C-z>",
        |app, _| {
            assert!(app.session.remarks.is_empty());
            assert_eq!(app.editor.text(), "一つ目二つ目");
        },
    );
}

#[test]
fn check_later_and_inaudible_marks() {
    let before = || Session::new(example_plan()).unwrap();
    check(
        before(),
        "<A-3>音声が<C-k>です<C-t><Enter>",
        |app, screen| {
            let r = &app.session.remarks[0];
            assert_eq!(r.text, "音声が［聞き取れず］です");
            assert!(r.check_later);
            assert!(screen.contains("[check]"), "{screen}");
        },
    );
    check(
        before(),
        "<A-3>音声が<C-k>です<C-t><Enter><C-t>",
        |app, screen| {
            assert!(
                !app.session.remarks[0].check_later,
                "empty input: toggles the last remark"
            );
            assert!(!screen.contains("[check]"), "{screen}");
        },
    );
}

const PARAGRAPH: &str = "本日はお忙しいところお集まりいただきまして誠にありがとうございます。";

fn three_hundred_chars() -> String {
    PARAGRAPH.chars().cycle().take(300).collect()
}

#[test]
fn a_long_japanese_paragraph_wraps_by_display_width_and_the_cursor_follows() {
    let mut app = fresh();
    let text = three_hundred_chars();
    let _ = press(&mut app, "<A-1>", at(15, 0, 0));
    let _ = press(&mut app, &text, at(15, 0, 1));
    let mut terminal = render(&mut app, 80, 24, at(15, 0, 2));
    // 78 cells inside the box hold 39 full-width characters a line: 300 = 7×39 + 27, so the
    // cursor sits after the 27th character of the 8th line, in cell 54 of it. The box shows
    // at most half of the 21 rows left over (10 rows, 8 of text), all of it here.
    let screen = screen_text(&terminal);
    let rows: Vec<&str> = screen.lines().collect();
    let first = rows
        .iter()
        .position(|l| l.starts_with("│本日はお忙しい"))
        .unwrap();
    for row in &rows[first..first + 7] {
        assert_eq!(kiroku::text::width(row), 80);
        assert!(row.ends_with("│"));
    }
    let last_row = u16::try_from(first + 7).unwrap();
    terminal
        .backend_mut()
        .assert_cursor_position((1 + 54, last_row));

    let _ = press(&mut app, "<Enter>", at(15, 0, 3));
    let terminal = render(&mut app, 80, 24, at(15, 0, 4));
    let screen = screen_text(&terminal);
    // In the timeline the text is indented 2 cells in a pane 50 cells wide (80 minus the side
    // column of 24, minus borders): 24 characters a line, never a half character.
    let wrapped: Vec<&str> = screen.lines().filter(|l| l.contains("│  ")).collect();
    assert!(wrapped.len() >= 10, "{screen}");
    for row in wrapped {
        assert!(kiroku::text::width(row) == 80, "{row}");
    }
}

#[test]
fn the_cursor_sits_at_the_insertion_point_in_cells() {
    let mut app = fresh();
    let _ = press(&mut app, "議事abc<Left><Left>", at(15, 0, 0));
    let mut terminal = render(&mut app, 80, 24, at(15, 0, 0));
    // "議事a" is 5 cells: the cursor is in the sixth cell inside the left border.
    terminal.backend_mut().assert_cursor_position((1 + 5, 21));
}

#[test]
fn up_and_down_move_within_the_wrapped_paragraph() {
    let mut app = fresh();
    let _ = press(&mut app, &"あ".repeat(60), at(15, 0, 0));
    // 39 per line at 80 columns: the cursor is on line 2 at cell 42.
    let _ = press(&mut app, "<Up>", at(15, 0, 0));
    assert_eq!(app.editor.cursor(), "あ".len() * 21);
    let _ = press(&mut app, "<Home>", at(15, 0, 0));
    assert_eq!(app.editor.cursor(), 0);
    let _ = press(&mut app, "<Down><End>", at(15, 0, 0));
    assert_eq!(app.editor.cursor(), "あ".len() * 60);
}

#[test]
fn paste_inserts_without_committing() {
    let mut app = fresh();
    let _ = app.update(Action::Paste("一行目\r\n二行目".into()), at(15, 0, 0));
    assert_eq!(app.editor.text(), "一行目\n二行目");
    assert!(app.session.remarks.is_empty());
}

#[test]
fn picker_filters_and_adds_a_participant_with_the_next_free_slot() {
    let mut app = fresh();
    let _ = press(&mut app, "<C-f>佐藤<Enter>", at(15, 0, 0));
    assert_eq!(app.session.live.speaker, pid("sato"));
    let _ = press(&mut app, "<C-f>教授", at(15, 0, 0));
    let screen = screen_text(&render(&mut app, 80, 24, at(15, 0, 0)));
    assert!(screen.contains("東都大学 教授 高橋 誠 様"), "{screen}");
    assert!(
        !screen.contains(" 5 北町商工会議所"),
        "filtered out: {screen}"
    );
    let _ = press(&mut app, "<Esc>", at(15, 0, 0));
    assert_eq!(app.session.live.speaker, pid("sato"), "Esc changes nothing");

    let _ = press(&mut app, "<C-f>中村<Enter>", at(15, 1, 0));
    let _ = press(
        &mut app,
        "<Up>西町 副市長<Tab><Tab>様<Tab> <Enter>",
        at(15, 1, 0),
    );
    let added = app.session.current_speaker().unwrap().clone();
    assert_eq!(added.label(), "西町 副市長 中村 様");
    assert_eq!(added.hotkey, Some(7));
    assert_eq!(added.attendance, kiroku::model::Attendance::Online);
    let _ = press(&mut app, "<A-1><A-7>", at(15, 1, 1));
    assert_eq!(app.session.live.speaker, Some(added.id));
}

/// The help overlay's lines, page after page to the end, at `w`×`h`.
fn help_pages(app: &mut kiroku::app::App, w: u16, h: u16) -> Vec<String> {
    let _ = press(app, "<C-g>", at(15, 0, 0));
    let mut lines = Vec::new();
    let mut last = String::new();
    loop {
        let screen = screen_text(&render(app, w, h, at(15, 0, 0)));
        if screen == last {
            break;
        }
        lines.extend(screen.lines().map(str::to_owned));
        last = screen;
        let _ = press(app, "<PageDown>", at(15, 0, 0));
    }
    let _ = press(app, "<Esc>", at(15, 0, 0));
    assert_eq!(app.overlay, kiroku::app::Overlay::None);
    lines
}

#[test]
fn help_shows_every_row_of_the_action_table_at_every_size() {
    for (w, h) in [(80, 24), (120, 35), (200, 60)] {
        for lang in [Lang::En, Lang::Ja] {
            let mut app = app_with(Session::new(example_plan()).unwrap(), lang);
            let rows = kiroku::app::help_rows(&app);
            let lines = help_pages(&mut app, w, h);
            for (key, description) in rows {
                // The key, then its description, on one line of the overlay; a heading alone.
                let start: String = description.chars().take(8).collect();
                let shown = lines.iter().any(|line| {
                    if key.is_empty() {
                        return line.contains(&start);
                    }
                    line.match_indices(key.as_str()).any(|(at, _)| {
                        let after = &line[at + key.len()..];
                        after.trim_start().starts_with(start.as_str())
                    })
                });
                assert!(
                    shown,
                    "{w}x{h} {lang:?}: `{key}  {description}` missing:\n{}",
                    lines.join("\n")
                );
            }
        }
    }
}

#[test]
fn the_footer_shows_whole_entries_of_the_action_table_or_leaves_them_out() {
    for w in [40, 60, 80, 100, 120, 200] {
        for lang in [Lang::En, Lang::Ja] {
            let mut app = app_with(Session::new(example_plan()).unwrap(), lang);
            let screen = screen_text(&render(&mut app, w, 24, at(15, 0, 0)));
            let footer = screen.lines().last().unwrap().to_owned();
            let entries = kiroku::app::footer_entries(&app);
            let mut shown = 0;
            for (key, label) in &entries {
                let whole = format!("{key} {label}");
                if footer.contains(&whole) {
                    shown += 1;
                } else {
                    // Left out entirely: its key is not there as a bare word either.
                    assert!(
                        !footer.split_whitespace().any(|word| word == key),
                        "{w} {lang:?}: bare `{key}` in `{footer}`"
                    );
                }
            }
            // The most used come first: what is shown is a leading run of the table.
            for (key, label) in entries.iter().take(shown) {
                assert!(
                    footer.contains(&format!("{key} {label}")),
                    "{w}: `{footer}`"
                );
            }
            let (help_key, help_label) = kiroku::app::footer_help(&app);
            if w >= 60 {
                assert!(
                    footer
                        .trim_end()
                        .ends_with(&format!("{help_key} {help_label}")),
                    "{w}: `{footer}`"
                );
            }
            if w >= 120 {
                assert!(shown >= 6, "{w}: only {shown} entries in `{footer}`");
            }
        }
    }
}

#[test]
fn scrolling_back_and_forth() {
    let mut app = app_with(sample_session(), Lang::En);
    for i in 0..40 {
        let _ = press(&mut app, &format!("発言{i}<Enter>"), at(16, 0, 0));
    }
    render(&mut app, 80, 24, at(16, 0, 0));
    let _ = press(&mut app, "<PageUp>", at(16, 0, 0));
    assert!(app.scroll_back > 0);
    let screen = screen_text(&render(&mut app, 80, 24, at(16, 0, 0)));
    assert!(!screen.contains("発言39"), "{screen}");
    assert!(screen.contains("scrolled back"), "{screen}");
    let _ = press(&mut app, "<Esc>", at(16, 0, 0));
    assert_eq!(app.scroll_back, 0);
}

#[test]
fn japanese_interface() {
    let mut app = app_with(sample_session(), Lang::Ja);
    let screen = screen_text(&render(&mut app, 80, 24, at(15, 42, 0)));
    assert!(
        screen.contains("議事次第") && screen.contains("出席者"),
        "{screen}"
    );
    assert!(screen.contains("[非公開]"), "{screen}");
}

#[test]
fn no_color_draws_without_colours() {
    let mut app = app_with(sample_session(), Lang::En);
    app.settings.no_color = true;
    let _ = press(&mut app, "<C-o>", at(15, 42, 0));
    let terminal = render(&mut app, 120, 40, at(15, 42, 0));
    let buf = terminal.backend().buffer();
    for cell in buf.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset);
        assert_eq!(cell.bg, ratatui::style::Color::Reset);
    }
    assert!(screen_text(&terminal).contains("OFF THE RECORD"));
}

#[test]
fn snapshot_80x24() {
    let mut app = app_with(sample_session(), Lang::Ja);
    let _ = press(&mut app, "<A-2>前年度比で", at(15, 42, 0));
    let terminal = render(&mut app, 80, 24, at(15, 42, 30));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn snapshot_120x40() {
    let mut app = app_with(sample_session(), Lang::En);
    let _ = press(&mut app, "<A-3><C-o>Off the record, for now", at(15, 42, 0));
    let terminal = render(&mut app, 120, 40, at(15, 50, 30));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn tiny_and_huge_terminals_do_not_panic() {
    let mut app = app_with(sample_session(), Lang::Ja);
    let _ = press(&mut app, &three_hundred_chars(), at(15, 0, 0));
    for (w, h) in [
        (1, 1),
        (10, 3),
        (20, 5),
        (300, 100),
        (0, 0),
        (2, 40),
        (200, 2),
    ] {
        render(&mut app, w, h, at(15, 0, 0));
        let _ = press(&mut app, "<C-g>", at(15, 0, 0));
        render(&mut app, w, h, at(15, 0, 0));
        let _ = press(&mut app, "<Esc><C-f>", at(15, 0, 0));
        render(&mut app, w, h, at(15, 0, 0));
        let _ = press(&mut app, "<C-a>", at(15, 0, 0));
        render(&mut app, w, h, at(15, 0, 0));
        let _ = press(&mut app, "<Esc>", at(15, 0, 0));
    }
}

#[test]
fn ascii_borders_leave_no_ambiguous_width_characters_in_the_chrome() {
    let mut app = app_with(sample_session(), Lang::Ja);
    app.settings.ascii = true;
    let screen = screen_text(&render(&mut app, 80, 24, at(15, 42, 0)));
    for c in screen.chars() {
        assert!(
            !('\u{2500}'..='\u{257F}').contains(&c) && c != '…',
            "{c:?} is ambiguous-width:\n{screen}"
        );
    }
    assert!(screen.contains("+--"), "{screen}");
}

/// The loop's screen against a new terminal shown the same frame from nothing.
fn same_as_fresh(terminal: &Emulator, app: &kiroku::app::App, now: kiroku::model::Timestamp) {
    let mut fresh = Emulator::new(terminal.size);
    fresh.draw(|f| kiroku::ui::draw(f, app, now));
    assert_eq!(terminal.shows(), fresh.shows());
}

/// The sample meeting on a `w`×`h` emulated terminal, its first frame drawn.
fn on_screen(w: u16, h: u16) -> (kiroku::app::App, Emulator, Screen) {
    let mut app = app_with(sample_session(), Lang::Ja);
    let _ = app.update(Action::Resize(w, h), at(16, 0, 0));
    let mut terminal = Emulator::new(app.size);
    let mut screen = Screen::new();
    terminal.show(&mut screen, &app, at(16, 0, 0));
    (app, terminal, screen)
}

#[test]
fn a_keystroke_sends_only_what_changed_in_the_input_box() {
    let (mut app, mut terminal, mut screen) = on_screen(120, 40);
    let now = at(16, 0, 0);
    let whole = terminal.sent;
    for (i, c) in "発言です".chars().enumerate() {
        let _ = press(&mut app, &c.to_string(), now);
        terminal.show(&mut screen, &app, now);
        // The character, the input box title's badge, cursor moves and colours: a few dozen
        // bytes. (The first key also turns the header's save state to unsaved.)
        if i > 0 {
            assert!(terminal.sent < 150, "{} bytes for one key", terminal.sent);
        }
        same_as_fresh(&terminal, &app, now);
    }
    assert!(
        whole > 3000,
        "the first frame is the whole screen: {whole} bytes"
    );
    // The clock moves on: the header and agenda redraw, the record does not.
    let later = now + chrono::Duration::seconds(1);
    terminal.show(&mut screen, &app, later);
    assert!(
        terminal.sent < whole / 4,
        "{} bytes for a tick",
        terminal.sent
    );
    same_as_fresh(&terminal, &app, later);
    // A commit changes the record, and the screen follows.
    let _ = press(&mut app, "<Enter>", later);
    terminal.show(&mut screen, &app, later);
    same_as_fresh(&terminal, &app, later);
    assert!(terminal.parser.screen().contents().contains("発言です"));
}

#[test]
fn an_overlay_closing_leaves_no_trace() {
    let (mut app, mut terminal, mut screen) = on_screen(100, 30);
    let now = at(16, 0, 0);
    for keys in ["<C-g>", "<C-g>", "<C-f>", "ij", "<Esc>", "<C-o>", "<C-o>"] {
        let _ = press(&mut app, keys, now);
        terminal.show(&mut screen, &app, now);
        same_as_fresh(&terminal, &app, now);
    }
}

#[test]
fn after_a_resume_everything_is_sent_again() {
    let (app, terminal, mut screen) = on_screen(100, 30);
    let now = at(16, 0, 0);
    let whole = terminal.sent;
    // The shell had the terminal: what it showed is gone.
    screen.invalidate();
    let mut resumed = Emulator::new(app.size);
    resumed.show(&mut screen, &app, now);
    assert_eq!(resumed.sent, whole);
    same_as_fresh(&resumed, &app, now);
}

#[test]
fn the_meeting_opens_recesses_and_closes_on_keys_and_the_clocks_follow() {
    let before = || Session::new(example_plan()).unwrap();
    // Opened at 15:00:00; ten minutes in, a recess of five.
    check(before(), "<A-o><+600><A-r><+300>", |app, screen| {
        assert!(app.session.log.in_recess());
        assert!(screen.contains("RECESS"), "{screen}");
        assert!(screen.contains("elapsed 10:00"), "{screen}");
    });
    check(
        before(),
        "<A-o><+600><A-r><+300><A-r><+60>",
        |app, screen| {
            assert!(!app.session.log.in_recess());
            assert!(!screen.contains("RECESS"), "{screen}");
            assert!(screen.contains("elapsed 11:00"), "{screen}");
        },
    );
    // Closed at 15:20: the clocks stop there, and the item may not change any more.
    check(
        before(),
        "<A-o><+600><A-r><+300><A-r><+300><A-c><+3600><C-n>",
        |app, screen| {
            assert_eq!(app.session.log.closed(), Some(at(15, 20, 0)));
            assert!(screen.contains("CLOSED 閉会 15:20"), "{screen}");
            assert!(screen.contains("elapsed 15:00"), "{screen}");
            assert_eq!(
                app.session.live.item, 1,
                "C-n after the close moves nothing"
            );
            assert!(screen.contains("the meeting is closed"), "{screen}");
        },
    );
    // A-c again takes the close back.
    check(before(), "<A-o><+60><A-c><+60><A-c>", |app, screen| {
        assert_eq!(app.session.log.closed(), None);
        assert!(!screen.contains("CLOSED"), "{screen}");
        assert!(screen.contains("elapsed 2:00"), "{screen}");
    });
    // Nothing to recess before the opening.
    check(before(), "<A-r>", |app, screen| {
        assert!(app.session.log.events.is_empty());
        assert!(screen.contains("not running"), "{screen}");
    });
}

#[test]
fn attendance_is_logged_from_the_picker_and_the_quorum_follows() {
    let before = || Session::new(example_plan()).unwrap();
    check(before(), "", |_, screen| {
        assert!(screen.contains("present 3 quorum 2"), "{screen}");
    });
    // 佐藤 (a 委員) goes out at 15:10, and the roster says so in words.
    check(before(), "<+600><A-a>佐藤<Enter>", |app, screen| {
        assert_eq!(app.overlay, kiroku::app::Overlay::None);
        let e = &app.session.log.presence[0];
        assert_eq!((e.who.as_str(), e.at), ("sato", at(15, 10, 0)));
        assert!(screen.contains("佐藤 花子 went out at 15:10"), "{screen}");
        assert!(screen.contains("佐藤 花子[away]"), "{screen}");
        assert!(screen.contains("present 2 quorum 2"), "{screen}");
    });
    // Two of three out: short of the quorum; one back.
    check(
        before(),
        "<A-a>佐藤<Enter><A-a>高橋<Enter><+60><A-a>佐藤<Enter>",
        |app, screen| {
            assert_eq!(app.session.log.presence.len(), 3);
            assert!(screen.contains("佐藤 花子 came in at 15:01"), "{screen}");
            assert!(screen.contains("present 2 quorum 2"), "{screen}");
        },
    );
    // The picker marks who is away while choosing.
    check(before(), "<A-a>佐藤<Enter><A-a>", |_, screen| {
        assert!(screen.contains("Attendance"), "{screen}");
        assert!(screen.contains("南町CIO 佐藤 花子 様[away]"), "{screen}");
    });
}

#[test]
fn a_decision_is_recorded_from_its_form() {
    let before = || Session::new(example_plan()).unwrap();
    // A-d; Space steps the result (承認 → 了承 → 原案どおり可決), Tab to the method, Space
    // twice (none → 異議なし → 挙手), Tab to the votes.
    check(
        before(),
        "<A-v>  <Tab>  <Tab>5 2 1<Tab>資料の修正<Tab>事務局<Tab>2026-09-30",
        |app, screen| {
            assert!(screen.contains("Decision"), "{screen}");
            assert!(screen.contains("◀ 原案どおり可決 ▶"), "{screen}");
            assert!(screen.contains("◀ 挙手 ▶"), "{screen}");
            assert!(app.session.log.decisions.is_empty(), "not until Enter");
        },
    );
    check(
        before(),
        "<C-n><A-v>  <Tab>  <Tab>5 2 1<Tab>資料の修正<Tab>事務局<Tab>2026-09-30<Enter>",
        |app, screen| {
            let d = &app.session.log.decisions[0];
            assert_eq!(d.item, 2);
            assert_eq!(d.result, "原案どおり可決");
            assert_eq!(d.method.as_deref(), Some("挙手"));
            let v = d.votes.unwrap();
            assert_eq!((v.yes, v.no, v.abstain), (5, 2, 1));
            assert_eq!(d.actions[0].who.as_deref(), Some("事務局"));
            assert!(!d.non_public);
            assert!(
                screen.contains("decided: 原案どおり可決（挙手）"),
                "{screen}"
            );
        },
    );
    // Votes that are not numbers keep the form open and say why.
    check(before(), "<A-v><Tab><Tab>many<Enter>", |app, screen| {
        assert!(app.session.log.decisions.is_empty());
        assert!(
            screen.contains("votes are for, against, abstaining"),
            "{screen}"
        );
    });
    // In a closed item, the decision is non-public.
    check(before(), "<C-n><C-n><C-n><A-v><Enter>", |app, _| {
        assert!(app.session.log.decisions[0].non_public);
    });
}

#[test]
fn stock_phrases_go_to_the_cursor_or_become_a_note_of_their_own() {
    let before = || Session::new(example_plan()).unwrap();
    check(before(), "<A-p>", |_, screen| {
        assert!(
            screen.contains("1 〔「異議なし」と呼ぶ者あり〕"),
            "{screen}"
        );
        assert!(screen.contains("4 暫時休憩"), "{screen}");
    });
    check(
        before(),
        "<A-2>説明します<A-p><Down><Enter>",
        |app, _| {
            assert_eq!(app.editor.text(), "説明します（資料説明）");
            assert_eq!(app.overlay, kiroku::app::Overlay::None);
        },
    );
    check(before(), "<A-p>1", |app, _| {
        assert_eq!(app.editor.text(), "〔「異議なし」と呼ぶ者あり〕");
    });
    // A-Enter commits it as the clerk's note; what is being typed, and who, stay.
    check(
        before(),
        "<A-1>発言の途中<A-p><Down><Down><A-Enter>",
        |app, _| {
            let r = &app.session.remarks[0];
            assert_eq!(
                (r.text.as_str(), r.speaker.as_ref()),
                ("（動画上映）", None)
            );
            assert_eq!(app.editor.text(), "発言の途中");
            assert_eq!(app.session.live.speaker, pid("yamada"));
        },
    );
}

/// Found by trying to break the meeting's events: each of these once went wrong.
#[test]
fn the_meeting_events_keep_the_record_as_it_was() {
    let before = || Session::new(example_plan()).unwrap();
    // A close taken back returns to off the record: what is said next stays non-public.
    check(
        before(),
        "<A-o><C-o><+60><A-c><A-c><A-1>まだオフレコ<Enter>",
        |app, screen| {
            assert!(app.session.log.is_off_record());
            assert!(app.session.remarks[0].non_public);
            assert!(screen.contains("OFF THE RECORD"), "{screen}");
        },
    );
    // A recess and an item change within one second: the recess is the item's where it
    // was pressed.
    check(before(), "<A-o><C-n><C-n><+60><A-r><C-n>", |app, _| {
        let e = app.session.log.events.last().unwrap();
        assert_eq!(
            (e.what, e.item),
            (kiroku::model::Proceeding::Recess, Some(3))
        );
    });
    // Nothing to close before the meeting began.
    check(before(), "<A-c>", |app, screen| {
        assert!(app.session.log.events.is_empty());
        assert!(app.session.log.items.is_empty());
        assert!(screen.contains("not running"), "{screen}");
    });
    // After the close, a recess is refused with the close's own words.
    check(before(), "<A-o><A-c><A-r>", |_, screen| {
        assert!(screen.contains("the meeting is closed"), "{screen}");
    });
    // A pasted tab is a space: the box has no width to show a tab with.
    let mut app = app_with(before(), Lang::En);
    let _ = app.update(Action::Paste("A\tB".into()), at(15, 0, 0));
    assert_eq!(app.editor.text(), "A B");
}

/// A mode's own key never hides the text-editing key it sits over where whole paragraphs
/// are edited: the live input box and cleanup's edit box. (One-line boxes, the picker's and
/// search's, take Up and Down for choosing on purpose.)
#[test]
fn no_default_key_shadows_an_editing_key_in_the_same_place() {
    use kiroku::app::{Keymap, Mode};
    let keymap = Keymap::default();
    let edit: Vec<_> = keymap
        .bindings()
        .iter()
        .filter(|b| b.mode == Mode::Edit)
        .collect();
    for b in keymap
        .bindings()
        .iter()
        .filter(|b| matches!(b.mode, Mode::Live | Mode::ReviewEdit))
    {
        if let Some(e) = edit
            .iter()
            .find(|e| e.chord == b.chord && e.action != b.action)
        {
            panic!(
                "{} in {:?} ({:?}) hides {:?} of the input box",
                b.chord, b.mode, b.action, e.action
            );
        }
    }
}

#[test]
fn the_begin_time_moves_back_for_a_late_start_and_remarks_carry_their_recording_offset() {
    let before = || Session::new(example_plan()).unwrap();
    // Recording from 15:00:00; typing starts at 15:01:00 but the speaker began 15 s earlier.
    check(
        before(),
        "<A-m><+60><A-2>遅れて入力<A-,><A-,><A-,><A-,><A-.><Enter>",
        |app, screen| {
            let r = &app.session.remarks[0];
            assert_eq!(r.began, at(15, 0, 45));
            assert_eq!(app.session.log.recording, Some(at(15, 0, 0)));
            assert!(screen.contains("15:00:45 ▶00:00:45"), "{screen}");
        },
    );
    // Never later than now, and nothing to move without text.
    check(before(), "<A-2>今<A-.>", |_, screen| {
        assert!(
            screen.contains("this remark begins at 15:00:00"),
            "{screen}"
        );
    });
    check(before(), "<A-,>", |_, screen| {
        assert!(screen.contains("nothing is being typed"), "{screen}");
    });
}

/// A pop-up's left border stays on screen when it falls on the right half of a wide
/// character under it, at every width (it once vanished at about forty of them).
#[test]
fn pop_up_borders_survive_wide_characters_beneath() {
    for w in 60u16..=130 {
        let (mut app, mut terminal, mut screen) = on_screen(w, 30);
        let now = at(16, 0, 0);
        let _ = press(&mut app, "<A-p>", now);
        terminal.show(&mut screen, &app, now);
        let phrases = app.phrases().len() as u16;
        let (pw, ph) = (60.min(w), phrases + 2);
        let (x, y) = ((w - pw) / 2, (30 - ph) / 2);
        let shown = terminal.parser.screen();
        for row in y..y + ph {
            let edge = shown.cell(row, x).map(|c| c.contents()).unwrap_or_default();
            assert!(
                matches!(edge, "│" | "┌" | "└"),
                "width {w}, row {row}: `{edge}` where the border is\n{}",
                shown.contents()
            );
        }
        same_as_fresh(&terminal, &app, now);
    }
}

/// Found by trying to break attendance, decisions and timing: each once went wrong.
#[test]
fn the_new_keys_keep_times_and_facts_as_they_were() {
    let before = || Session::new(example_plan()).unwrap();
    // A close kept for a while is not taken back by the key: its time would be lost.
    check(before(), "<A-o><+60><A-c><+700><A-c>", |app, screen| {
        assert_eq!(app.session.log.closed(), Some(at(15, 1, 0)));
        assert!(screen.contains("the close is kept"), "{screen}");
    });
    // A second recording mark would move every offset: refused.
    check(before(), "<A-m><+60><A-m>", |app, screen| {
        assert_eq!(app.session.log.recording, Some(at(15, 0, 0)));
        assert!(screen.contains("correct it in cleanup"), "{screen}");
    });
    // The attendance picker adds nobody: a name not on the roster is said so.
    check(before(), "<A-a>知らない人<Enter>", |app, screen| {
        assert!(app.session.log.presence.is_empty());
        assert_eq!(app.session.live.speaker, None);
        assert!(screen.contains("not on the roster"), "{screen}");
    });
    // The begin time never goes back past the remark before.
    check(
        before(),
        "<A-1>一つ目<Enter><+10><A-2>二つ目<A-,><A-,><A-,><Enter>",
        |app, _| {
            assert_eq!(app.session.remarks[1].began, app.session.remarks[0].began);
        },
    );
    // Full-width digits from an input method are digits.
    check(
        before(),
        "<A-v><Tab><Tab>５ ２ １<Tab>a<Tab><Tab>２０２６－０９－３０<Enter>",
        |app, _| {
            let d = &app.session.log.decisions[0];
            assert_eq!(d.votes.map(|v| (v.yes, v.no, v.abstain)), Some((5, 2, 1)));
            assert_eq!(
                d.actions[0].due.map(|d| d.to_string()).as_deref(),
                Some("2026-09-30")
            );
        },
    );
}

#[test]
fn someone_switches_between_the_room_and_online_from_the_attendance_picker() {
    check(
        Session::new(example_plan()).unwrap(),
        "<+300><A-a>鈴木<A-o>",
        |app, screen| {
            let e = &app.session.log.presence[0];
            assert_eq!(
                (e.who.as_str(), e.what),
                ("suzuki", kiroku::model::Presence::Online)
            );
            assert!(
                app.session.present(&app.session.plan.roster[1]),
                "still present"
            );
            assert!(screen.contains("web 鈴木 一郎"), "{screen}");
            assert!(screen.contains("鈴木 一郎 → web 15:05"), "{screen}");
        },
    );
}

/// A keymap file may give the clerk's own stock phrases, used where the agenda file names none.
#[test]
fn stock_phrases_may_come_from_the_keymap_file() {
    let keymap = kiroku::app::Keymap::parse(
        std::path::Path::new("keymap.ron"),
        r#"Keymap(phrases: ["（拍手）", "", "（休憩）"])"#,
    )
    .unwrap();
    let mut app = app_with(Session::new(example_plan()).unwrap(), Lang::En);
    app.keymap = keymap;
    assert_eq!(
        app.phrases(),
        ["（拍手）", "（休憩）"],
        "an empty phrase is dropped"
    );
    let _ = press(&mut app, "<A-p>2", at(15, 0, 0));
    assert_eq!(app.editor.text(), "（休憩）");
    // The agenda file's own list wins.
    app.session.plan.meeting.phrases = vec!["（資料配布）".into()];
    assert_eq!(app.phrases(), ["（資料配布）"]);
}

/// With every badge up at 80 columns, the save state is still there whole: the item's title
/// gives way first.
#[test]
fn the_save_state_stays_in_view_when_the_header_is_full() {
    for lang in [Lang::En, Lang::Ja] {
        let mut app = app_with(Session::new(example_plan()).unwrap(), lang);
        let _ = press(&mut app, "<A-o><C-n><C-n><C-n><A-r><C-o>x", at(15, 0, 0));
        let screen = screen_text(&render(&mut app, 80, 24, at(15, 0, 1)));
        let header = screen.lines().nth(1).unwrap();
        let unsaved = lang.strings().unsaved;
        assert!(header.trim_end().ends_with(unsaved), "`{header}`");
        assert!(header.contains("4 "), "the item's number stays: `{header}`");
    }
}

/// 交代: A-h asks who takes over; the header names them, the log says who handed to whom and
/// when, and their remarks carry their name. The journal's edits rebuild all of it.
#[test]
fn a_handover_names_the_next_clerk_everywhere() {
    let mut before = sample_session();
    before.live.clerk = Some("青木".into());
    check(
        before,
        "<A-1>開会します。<Enter><A-h>馬場<Enter><+30>続けます。<Enter>",
        |app, screen| {
            assert!(screen.contains("clerk 馬場"), "{screen}");
            let s = &app.session;
            assert_eq!(s.live.clerk.as_deref(), Some("馬場"));
            assert_eq!(s.log.handovers.len(), 1);
            assert_eq!(s.log.handovers[0].from.as_deref(), Some("青木"));
            let n = s.remarks.len();
            let clerks: Vec<_> = s.remarks[n - 2..]
                .iter()
                .map(|r| r.clerk.as_deref())
                .collect();
            assert_eq!(clerks, [Some("青木"), Some("馬場")]);
            let last = &s.remarks[n - 1];
            assert_eq!(last.origin, Some(format!("馬場:{}", last.id)));
        },
    );
    // An empty name is refused in the form, and nothing is handed over.
    let mut before = sample_session();
    before.live.clerk = Some("青木".into());
    check(before, "<A-h><Enter>", |app, screen| {
        assert!(app.session.log.handovers.is_empty());
        assert!(screen.contains("Clerk is required"), "{screen}");
    });
}

/// C-u empties the input box and A-u brings back what was there, step by step; text typed off
/// the record comes back non-public even when the record is on again by then.
#[test]
fn the_input_box_clears_and_undoes_without_losing_its_non_public_state() {
    check(sample_session(), "<A-1>利用率は<C-u>", |app, _| {
        assert!(app.editor.is_empty());
    });
    check(sample_session(), "<A-1>利用率は<C-u><A-u>", |app, _| {
        assert_eq!(app.editor.text(), "利用率は");
    });
    // A run of typing is one step; a deletion another.
    check(
        sample_session(),
        "<A-1>ab<Left>cd<Backspace><A-u>",
        |app, _| {
            assert_eq!(app.editor.text(), "acdb");
        },
    );
    check(
        sample_session(),
        "<A-1>ab<Left>cd<Backspace><A-u><A-u>",
        |app, _| {
            assert_eq!(app.editor.text(), "ab");
        },
    );
    let before = sample_session();
    let count = before.remarks.len();
    check(
        before,
        "<A-1><C-o>ここだけの話<C-u><C-o><A-u><Enter>",
        |app, _| {
            let r = &app.session.remarks[count];
            assert_eq!(r.text, "ここだけの話");
            assert!(r.non_public, "captured off the record, it stays non-public");
        },
    );
}

/// S-Tab goes to the previous participant, as Shift-Tab goes back everywhere else.
#[test]
fn shift_tab_goes_to_the_previous_participant() {
    check(sample_session(), "<A-2><S-Tab>", |app, _| {
        let first = &app.session.plan.roster[0].id;
        assert_eq!(app.session.live.speaker.as_ref(), Some(first));
    });
}

/// A-g goes to item N; the record shows where each item's stretch begins, so a remark made
/// after going back to an earlier item says where it belongs.
#[test]
fn going_to_item_n_and_the_record_s_item_separators() {
    let keys = "<A-g>３<Enter><A-1>三の発言<Enter><A-g>2<Enter><A-1>二の発言<Enter><A-g>3<Enter><A-1>また三<Enter>";
    check(sample_session(), keys, |app, screen| {
        assert_eq!(app.session.live.item, 3);
        let title = |no| {
            let i = app.session.plan.item(no).unwrap();
            format!("── {} {} ──", i.no, i.title)
        };
        assert_eq!(screen.matches(&title(3)).count(), 2, "{screen}");
        assert_eq!(screen.matches(&title(2)).count(), 2, "{screen}");
    });
    check(sample_session(), "<A-g>99<Enter>", |app, screen| {
        assert!(matches!(app.overlay, kiroku::app::Overlay::Form(_)));
        assert!(screen.contains("no agenda item numbered 99"), "{screen}");
    });
}

/// Lines in the record break by the Japanese rules: none starts with 。 or 、 at any width.
#[test]
fn the_record_wraps_by_kinsoku() {
    let text = "これは、テストの発言です。".repeat(6);
    let keys = format!("<A-1>{text}<Enter>");
    for (w, h) in [(80, 24), (120, 35), (97, 30), (63, 24)] {
        let mut app = app_with(sample_session(), Lang::Ja);
        let _ = press(&mut app, &keys, at(16, 0, 0));
        let screen = screen_text(&render(&mut app, w, h, at(16, 0, 0)));
        for line in screen.lines() {
            for cell in ["│  。", "│  、", "│  」"] {
                assert!(!line.contains(cell), "{w}x{h}: {line}\n{screen}");
            }
        }
        assert!(screen.contains("テストの"), "{screen}");
    }
}
