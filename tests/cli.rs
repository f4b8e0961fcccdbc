//! The command line as documented: `kiroku keys`, a keymap file, the start screen, and the
//! README's keymap table against the real bindings.

mod common;

#[cfg(unix)]
use std::time::Duration;

use common::EXAMPLE;
#[cfg(unix)]
use common::{Pty, keys};
use kiroku::app::Keymap;

#[test]
fn keys_prints_a_keymap_file_that_loads_back() {
    let out = common::kiroku().arg("keys").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let map = Keymap::parse(std::path::Path::new("keys.ron"), &text).unwrap();
    assert_eq!(map, Keymap::default());
    assert!(text.contains("(\"C-o\", toggle_off_record)"), "{text}");
}

#[test]
fn a_user_keymap_file_changes_a_binding_and_a_bad_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("keymap.ron");
    std::fs::write(
        &good,
        "Keymap(live: [(\"C-r\", toggle_off_record), (\"C-x\", toggle_review)])\n",
    )
    .unwrap();
    let out = common::kiroku()
        .arg("--keymap")
        .arg(&good)
        .arg("keys")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("(\"C-r\", toggle_off_record)")
    );

    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "Keymap(\n  live: [(\"C-r\", toggle_of_record)],\n)\n").unwrap();
    let out = common::kiroku()
        .arg("--keymap")
        .arg(&bad)
        .arg("keys")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with(&format!("kiroku: {}:2:", bad.display())),
        "{stderr}"
    );

    // The README's old example took away the only key into cleanup: refused, at that key.
    let unreachable = dir.path().join("unreachable.ron");
    std::fs::write(
        &unreachable,
        "Keymap(\n  live: [(\"C-r\", toggle_off_record)],\n)\n",
    )
    .unwrap();
    let out = common::kiroku()
        .arg("--keymap")
        .arg(&unreachable)
        .arg("keys")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with(&format!(
            "kiroku: {}:2:11: no key is left for `toggle_review` in `live` (`C-r` was its key): cleanup mode could not be reached",
            unreachable.display()
        )),
        "{stderr}"
    );
}

// A terminal: the binary in a Unix pseudo-terminal (tests/e2e_wine.rs on Windows).
#[cfg(unix)]
#[test]
fn the_start_screen_starts_a_meeting_from_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sessions")).unwrap();
    std::fs::copy(EXAMPLE, dir.path().join("sessions/example-agenda.ron")).unwrap();
    let config = dir.path().join("config");
    let env = [("XDG_CONFIG_HOME", config.to_str().unwrap())];
    let mut pty = Pty::spawn_env(&["--lang", "en"], dir.path(), 100, 30, &env);
    let wait = Duration::from_secs(10);
    assert!(
        pty.wait_for("Agenda files (start a meeting)", wait),
        "{}",
        pty.screen()
    );
    assert!(pty.wait_for("example-agenda.ron", wait));
    pty.send(keys::ENTER);
    // A new clerk is asked their name once.
    assert!(
        pty.wait_for("Who takes the record down", wait),
        "{}",
        pty.screen()
    );
    pty.type_text("青木");
    pty.send(keys::ENTER);
    assert!(pty.wait_for("Roster", wait), "{}", pty.screen());
    assert!(pty.wait_for("clerk 青木", wait), "{}", pty.screen());
    pty.send(&keys::alt('1'));
    pty.type_text("開会します。");
    pty.send(keys::ENTER);
    pty.send(keys::CTRL_Q);
    assert!(pty.wait_exit(wait).expect("quits").success());
    let created = dir
        .path()
        .join("sessions/2026-07-03-第3回-北町市デジタル推進会議.ron");
    let s = kiroku::storage::load_session(&created).unwrap();
    assert_eq!(s.remarks[0].text, "開会します。");
    assert_eq!(s.remarks[0].clerk.as_deref(), Some("青木"));
    assert_eq!(
        std::fs::read_to_string(config.join("kiroku/clerk")).unwrap(),
        "青木\n"
    );

    // Back at the start screen, the session is listed first with its remark count, and
    // opening it asks nothing.
    let mut pty = Pty::spawn_env(&["--lang", "en"], dir.path(), 100, 30, &env);
    assert!(pty.wait_for("1 remarks", wait), "{}", pty.screen());
    pty.send(keys::ENTER);
    assert!(pty.wait_for("Roster", wait), "{}", pty.screen());
    assert!(!pty.screen().contains("Who takes the record down"));
    pty.send(keys::CTRL_Q);
    assert!(pty.wait_exit(wait).expect("quits").success());
}

#[test]
fn without_a_terminal_recording_is_refused_plainly_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("s.ron");
    let out = common::kiroku()
        .args(["new", EXAMPLE, "-o"])
        .arg(&out_path)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("needs a terminal"), "{stderr}");
    assert!(!out_path.exists());
}

/// The README's first day: a pasted 議事次第 and a Shift_JIS 名簿 to a running meeting with its
/// two commands, and the picker finds someone by the reading the 名簿 gave, in romaji.
// A terminal: the binary in a Unix pseudo-terminal (tests/e2e_wine.rs on Windows).
#[cfg(unix)]
#[test]
fn the_first_day_from_a_pasted_agenda_and_a_spreadsheet_roster() {
    let readme = include_str!("../README.md");
    let commands: Vec<Vec<&str>> = readme
        .lines()
        .filter(|l| {
            l.starts_with("kiroku agenda import ") || l == &"kiroku new sessions/my-agenda.ron"
        })
        .map(|l| l.split_whitespace().skip(1).collect())
        .collect();
    assert_eq!(commands.len(), 2, "the README gives the two commands");
    let dir = tempfile::tempdir().unwrap();
    let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/sessions/first-day");
    std::fs::create_dir_all(dir.path().join("sessions/first-day")).unwrap();
    for f in ["議事次第.txt", "名簿.csv"] {
        std::fs::copy(
            format!("{samples}/{f}"),
            dir.path().join("sessions/first-day").join(f),
        )
        .unwrap();
    }
    let out = common::kiroku()
        .args(&commands[0])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let agenda = dir.path().join("sessions/my-agenda.ron");
    let plan = kiroku::storage::load_agenda(&agenda).unwrap();
    assert_eq!(plan.meeting.title, "第4回 北町市デジタル推進会議");
    assert_eq!(plan.roster.len(), 6);
    assert!(
        !plan
            .agenda
            .iter()
            .find(|i| i.title == "意見交換")
            .unwrap()
            .public
    );
    // Not written over: an agenda corrected by hand stays as it is.
    let again = common::kiroku()
        .args(&commands[0])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1));

    let mut pty = Pty::spawn(&commands[1], dir.path(), 100, 30);
    let wait = Duration::from_secs(10);
    assert!(
        pty.wait_for("Roster", wait) || pty.wait_for("出席者", wait),
        "{}",
        pty.screen()
    );
    pty.send(keys::CTRL_F);
    pty.type_text("hayashi");
    pty.send(keys::ENTER);
    pty.type_text("ご報告します。");
    pty.send(keys::ENTER);
    pty.send(keys::CTRL_Q);
    assert!(pty.wait_exit(wait).expect("quits").success());
    let created = std::fs::read_dir(dir.path().join("sessions"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.to_string_lossy().contains("第4回") && p.extension().is_some_and(|e| e == "ron")
        })
        .expect("the session file");
    let s = kiroku::storage::load_session(&created).unwrap();
    let speaker = s.remarks[0].speaker.as_ref().unwrap();
    assert_eq!(s.plan.participant(speaker).unwrap().name, "林 健");
}

/// With a Japanese locale the command line speaks Japanese: the checks' warnings (one line
/// each), a missing terminal, a session open in another kiroku.
#[test]
fn a_japanese_locale_gets_japanese_messages() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    kiroku::storage::save_session(&path, &common::minutes_session_full()).unwrap();
    let out = common::kiroku()
        .env("LANG", "ja_JP.UTF-8")
        .args(["export", "--check"])
        .arg(&path)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("kiroku: 注意: 議題2 報告事項"), "{stderr}");
    assert!(stderr.contains("要確認の印が残っています"), "{stderr}");
    assert!(
        stderr.lines().all(|l| l.starts_with("kiroku: ")),
        "one line each: {stderr}"
    );
    let out = common::kiroku()
        .env("LANG", "ja_JP.UTF-8")
        .arg("open")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("記録には端末が必要です"), "{stderr}");
    // A file that is not there, and a broken one: the position stays, the lead is Japanese.
    let out = common::kiroku()
        .env("LANG", "ja_JP.UTF-8")
        .args(["export", "/nonexistent/s.ron"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("kiroku: /nonexistent/s.ron: ファイルを読めません（"),
        "{stderr}"
    );
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "Agenda(\n  version: 1,\n  meeting: 5,\n)\n").unwrap();
    let out = common::kiroku()
        .env("LANG", "ja_JP.UTF-8")
        .arg("check")
        .arg(&broken)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(":3:") && stderr.contains("書き方に誤りがあります"),
        "{stderr}"
    );
    assert!(
        stderr.contains("議事次第ファイルとして読んでいます"),
        "{stderr}"
    );
    // The same in English with --lang en.
    let out = common::kiroku()
        .env("LANG", "ja_JP.UTF-8")
        .args(["--lang", "en", "export", "--check"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("kiroku: warning: item 2")
    );
}

/// The start screen offers a 議事次第 saved as text for import, with the roster beside it,
/// and starts the meeting from the agenda file it makes.
// A terminal: the binary in a Unix pseudo-terminal (tests/e2e_wine.rs on Windows).
#[cfg(unix)]
#[test]
fn the_start_screen_imports_a_pasted_agenda() {
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessions");
    std::fs::create_dir(&sessions).unwrap();
    let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/sessions/first-day");
    for f in ["議事次第.txt", "名簿.csv"] {
        std::fs::copy(format!("{samples}/{f}"), sessions.join(f)).unwrap();
    }
    let mut pty = Pty::spawn_env(
        &["--lang", "en", "--clerk", "青木"],
        dir.path(),
        110,
        30,
        &[],
    );
    let wait = Duration::from_secs(10);
    assert!(pty.wait_for("as text (import", wait), "{}", pty.screen());
    assert!(
        pty.wait_for("議事次第.txt + 名簿.csv", wait),
        "{}",
        pty.screen()
    );
    pty.send(keys::ENTER);
    assert!(pty.wait_for("Roster", wait), "{}", pty.screen());
    assert!(pty.wait_for("林 健", wait), "{}", pty.screen());
    pty.send(keys::CTRL_Q);
    assert!(pty.wait_exit(wait).expect("quits").success());
    let plan = kiroku::storage::load_agenda(&sessions.join("議事次第.ron")).unwrap();
    assert_eq!(plan.meeting.title, "第4回 北町市デジタル推進会議");
    assert_eq!(plan.roster.len(), 6);
}
