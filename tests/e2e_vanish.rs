//! The terminal goes away under kiroku. This has a test binary of its own: a pty's hang-up
//! only happens once every copy of its master descriptor is closed, and pseudo-terminal
//! programs spawned by tests running alongside would inherit copies.

mod common;

use std::time::{Duration, Instant};

use common::{EXAMPLE, Pty, keys};
use kiroku::storage::load_session;

#[test]
fn a_vanished_terminal_saves_everything_and_exits() {
    let wait = Duration::from_secs(10);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let mut pty = Pty::spawn(
        &["new", EXAMPLE, "-o", path.to_str().unwrap()],
        dir.path(),
        100,
        30,
    );
    assert!(pty.wait_for("Roster", wait), "{}", pty.screen());
    pty.send(&keys::alt('3'));
    pty.type_text("確定した発言");
    pty.send(keys::ENTER);
    assert!(pty.wait_for("確定した発言", wait));
    pty.type_text("途中まで打った");
    assert!(pty.wait_for("途中まで打った", wait));
    let start = Instant::now();
    pty.close_terminal();
    pty.wait_exit(wait)
        .expect("kiroku exits when its terminal is gone");
    assert!(start.elapsed() < Duration::from_secs(8), "within seconds");
    let s = load_session(&path).unwrap();
    assert_eq!(s.remarks.last().unwrap().text, "確定した発言");
    assert_eq!(
        s.live.draft.unwrap().text,
        "途中まで打った",
        "everything typed is on disk"
    );
}
