//! Someone else changes a session's files while kiroku records into it: the journal emptied,
//! deleted or appended to, the session file deleted or put back to an older copy, the lock
//! file removed. kiroku notices within a second, says so in the header, writes everything
//! anew, and a `kill -9` afterwards loses nothing; a second kiroku is still refused.
#![cfg(unix)]
// Unix by nature: the binary in a Unix pseudo-terminal, and inode-level tampering.

mod common;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{EXAMPLE, Pty, keys};
use kiroku::storage::{journal::journal_path, lock_path, read_session};

const WAIT: Duration = Duration::from_secs(10);

fn start(dir: &Path) -> (Pty, PathBuf) {
    let path = dir.join("s.ron");
    let mut pty = Pty::spawn(
        &["--lang", "en", "new", EXAMPLE, "-o", path.to_str().unwrap()],
        dir,
        160,
        35,
    );
    assert!(pty.wait_for("Roster", WAIT), "{}", pty.screen());
    pty.send(&keys::alt('1'));
    for text in ["first remark", "second remark"] {
        pty.type_text(text);
        pty.send(keys::ENTER);
        assert!(pty.wait_for(text, WAIT), "{}", pty.screen());
    }
    assert!(pty.wait_for("saved", WAIT), "{}", pty.screen());
    (pty, path)
}

/// After the tampering: kiroku says so, a third remark is committed, and after `kill -9`
/// every remark is read back.
fn survives(mut pty: Pty, path: &Path, says: &str) {
    assert!(
        pty.wait_for(says, WAIT),
        "no notice {says:?}:\n{}",
        pty.screen()
    );
    pty.type_text("third remark");
    pty.send(keys::ENTER);
    assert!(pty.wait_for("third remark", WAIT));
    std::thread::sleep(Duration::from_millis(1500));
    pty.kill_9();
    let read = read_session(path).expect("the session reads");
    let texts: Vec<&str> = read
        .session
        .remarks
        .iter()
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(
        texts,
        ["first remark", "second remark", "third remark"],
        "nothing lost"
    );
}

#[test]
fn an_emptied_journal_is_noticed_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let (pty, path) = start(dir.path());
    std::fs::OpenOptions::new()
        .write(true)
        .open(journal_path(&path))
        .unwrap()
        .set_len(0)
        .unwrap();
    survives(pty, &path, "outside kiroku");
}

#[test]
fn a_deleted_journal_is_noticed_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let (pty, path) = start(dir.path());
    std::fs::remove_file(journal_path(&path)).unwrap();
    survives(pty, &path, "outside kiroku");
}

#[test]
fn garbage_appended_to_the_journal_is_noticed_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let (pty, path) = start(dir.path());
    let mut j = std::fs::OpenOptions::new()
        .append(true)
        .open(journal_path(&path))
        .unwrap();
    j.write_all(b"garbage that is no record\n").unwrap();
    survives(pty, &path, "outside kiroku");
}

#[test]
fn a_deleted_session_file_is_noticed_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let (pty, path) = start(dir.path());
    std::fs::remove_file(&path).unwrap();
    survives(pty, &path, "outside kiroku");
}

#[test]
fn a_session_file_put_back_to_an_older_copy_is_noticed_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let old = dir.path().join("old.ron");
    // The copy is of the session as it was created, before any remark.
    let mut pty = Pty::spawn(
        &["--lang", "en", "new", EXAMPLE, "-o", path.to_str().unwrap()],
        dir.path(),
        160,
        35,
    );
    assert!(pty.wait_for("Roster", WAIT), "{}", pty.screen());
    std::fs::copy(&path, &old).unwrap();
    pty.send(&keys::alt('1'));
    for text in ["first remark", "second remark"] {
        pty.type_text(text);
        pty.send(keys::ENTER);
        assert!(pty.wait_for(text, WAIT), "{}", pty.screen());
    }
    // Saved into the file itself (C-s), then the file is put back to the older copy.
    pty.send(b"\x13");
    std::thread::sleep(Duration::from_millis(500));
    std::fs::rename(&old, &path).unwrap();
    survives(pty, &path, "outside kiroku");
}

#[test]
fn a_removed_lock_file_is_put_back_and_a_second_kiroku_is_still_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (mut pty, path) = start(dir.path());
    std::fs::remove_file(lock_path(&path)).unwrap();
    // At once, before kiroku puts the file back: a second writer is refused all the same.
    let second = common::kiroku()
        .args(["open", path.to_str().unwrap()])
        .current_dir(dir.path())
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    assert_eq!(second.status.code(), Some(1));
    let err = String::from_utf8_lossy(&second.stderr);
    assert!(err.contains("is open in another kiroku"), "{err}");
    assert!(pty.wait_for("put back", WAIT), "{}", pty.screen());
    assert!(lock_path(&path).exists());
    let holder = kiroku::storage::holder(&path).expect("the session is held");
    assert_eq!(holder.pid, pty.child.process_id().unwrap());
    pty.send(&keys::alt('1'));
    survives(pty, &path, "put back");
}
