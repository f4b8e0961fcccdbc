//! Cleanup in the real binary: open a session with --review, fix a typo, reassign a remark,
//! move one to another item, merge two, quit; the file holds exactly those changes.
#![cfg(unix)]
// Unix by nature: the binary in a Unix pseudo-terminal; on Windows, tests/e2e_wine.rs drives kiroku.exe.

mod common;

use std::time::Duration;

use common::{Pty, keys, minutes_session, pid};
use kiroku::storage::{save_session, session_to_string};

#[test]
fn a_cleanup_changes_exactly_what_was_done() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let mut session = minutes_session();
    session.remarks[2].text = "利用率の推位について伺いたい。".into();
    save_session(&path, &session).unwrap();

    let mut expected = session.clone();
    let merge = expected.merge_remarks(1, 2).unwrap();
    expected.apply(&merge);
    let fix = expected
        .change_remark(3, |r| r.text = "利用率の推移について伺いたい。".into())
        .unwrap();
    expected.apply(&fix);
    let reassign = expected
        .change_remark(4, |r| r.speaker = pid("yamada"))
        .unwrap();
    expected.apply(&reassign);
    let moved = expected.change_remark(5, |r| r.item = 2).unwrap();
    expected.apply(&moved);

    let p = path.to_str().unwrap();
    let mut pty = Pty::spawn(
        &["--lang", "ja", "open", p, "--review"],
        dir.path(),
        120,
        35,
    );
    let wait = Duration::from_secs(10);
    assert!(pty.wait_for("整理 CLEANUP", wait), "{}", pty.screen());
    pty.send(b"\x1b[H"); // Home
    pty.send(b"J");
    pty.send(b"j");
    pty.send(keys::ENTER);
    pty.send(b"\x1b[H"); // Home: start of the line
    for _ in 0..6 {
        pty.send(b"\x1b[C"); // Right
    }
    pty.send(b"\x7f"); // Backspace
    pty.type_text("移");
    pty.send(keys::ENTER);
    pty.send(b"j");
    pty.send(&keys::alt('1'));
    pty.send(b"j");
    pty.send(b"<");
    assert!(pty.wait_for("保存済", wait), "{}", pty.screen());
    pty.send(keys::CTRL_Q);
    assert!(pty.wait_exit(wait).expect("quits").success());

    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(written, session_to_string(&expected));
}

/// The meeting log (L) and the replace preview (F) say what the public minutes withhold, as
/// the record does: a recess taken off the record, a remark said in a stretch.
#[test]
fn the_log_and_the_replace_preview_mark_what_is_withheld() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let mut s = common::minutes_session_full();
    s.set_off_record(true, common::at(15, 56, 0));
    s.toggle_recess(common::at(15, 56, 30));
    s.toggle_recess(common::at(15, 57, 0));
    s.set_off_record(false, common::at(15, 58, 0));
    save_session(&path, &s).unwrap();
    let wait = Duration::from_secs(10);
    let mut pty = Pty::spawn(
        &["--lang", "ja", "open", path.to_str().unwrap(), "--review"],
        dir.path(),
        120,
        35,
    );
    assert!(pty.wait_for("整理 CLEANUP", wait), "{}", pty.screen());
    pty.send(b"L");
    assert!(
        pty.wait_for("15:56:30 休憩[非公開]", wait),
        "{}",
        pty.screen()
    );
    assert!(pty.screen().contains("15:57:00 再開[非公開]"));
    pty.send(b"\x1b");
    // Replace: the remark said off the record is shown with its item, time, speaker and badge.
    pty.send(b"F");
    pty.type_text("記録に残さない");
    pty.send(b"\t");
    pty.type_text("残さない");
    pty.send(keys::ENTER);
    assert!(
        pty.wait_for("15:49:10 デジタル推進局 企画部長 鈴木 一郎 [非公開]", wait),
        "{}",
        pty.screen()
    );
    pty.send(b"\x1b");
    pty.send(b"\x1b");
    pty.send(keys::CTRL_Q);
    assert!(pty.wait_exit(wait).is_some());
}
