//! The command line as documented: `kiroku keys`, a keymap file, the start screen, and the
//! README's keymap table against the real bindings.

mod common;

use std::time::Duration;

use common::{EXAMPLE, Pty, keys};
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
    std::fs::write(&good, "Keymap(live: [(\"C-r\", toggle_off_record)])\n").unwrap();
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
}

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
