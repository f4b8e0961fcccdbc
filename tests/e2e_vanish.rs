//! The terminal goes away under kiroku. This has a test binary of its own, and its tests take
//! turns: a pty's hang-up only happens once every copy of its master descriptor is closed,
//! and programs spawned by tests running alongside would inherit copies.
#![cfg(unix)]
// Unix by nature: a Unix terminal hung up under the binary.

mod common;

use std::time::{Duration, Instant};

use common::{EXAMPLE, Pty};
use kiroku::storage::{SessionLock, load_session};

static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[test]
fn a_vanished_terminal_saves_everything_and_exits() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let (_, _, status) = type_then_vanish(Pty::spawn);
    // A closed terminal is a normal end, not a crash (it once aborted restoring the terminal).
    assert!(status.success(), "{status:?}");
}

/// The window closed under a shell that started kiroku: the terminal is hung up, and reading
/// it gives nothing, forever. kiroku must neither spin on it nor keep the session locked.
#[test]
fn a_hung_up_terminal_under_a_shell_saves_everything_and_exits() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let (dir, path, _) = type_then_vanish(Pty::spawn_in_shell);
    // The lock went with the process: the session opens again at once.
    let again = Pty::spawn(&["open", path.to_str().unwrap()], dir.path(), 100, 30);
    assert!(
        again.wait_for("Roster", Duration::from_secs(10)),
        "{}",
        again.screen()
    );
}

/// Starts a session with `spawn`, commits a remark, types another without committing, closes
/// the terminal, and checks that kiroku lets go of the session within seconds with both on
/// disk. Returns the folder, the session's path and how the spawned process ended.
fn type_then_vanish(
    spawn: fn(&[&str], &std::path::Path, u16, u16) -> Pty,
) -> (
    tempfile::TempDir,
    std::path::PathBuf,
    portable_pty::ExitStatus,
) {
    let wait = Duration::from_secs(10);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let mut pty = spawn(
        &["new", EXAMPLE, "-o", path.to_str().unwrap()],
        dir.path(),
        100,
        30,
    );
    assert!(pty.wait_for("Roster", wait), "{}", pty.screen());
    pty.commit_one_and_leave_one();
    let start = Instant::now();
    pty.close_terminal();
    let status = pty
        .wait_exit(wait)
        .expect("kiroku (or its shell) exits when the terminal is gone");
    // kiroku has finished when its session lock is free: it is let go only after the last save.
    let lock = loop {
        match SessionLock::acquire(&path, "test") {
            Ok(lock) => break lock,
            Err(_) if start.elapsed() < Duration::from_secs(8) => {
                std::thread::sleep(Duration::from_millis(50));
            }
            Err(e) => panic!("kiroku still holds the session 8 s after its terminal went: {e}"),
        }
    };
    drop(lock);
    let s = load_session(&path).unwrap();
    common::kept_one_and_one(&s);
    (dir, path, status)
}
