//! Every command that writes a file, given every hostile place to write it: the session
//! itself, its journal (holding remarks not yet folded into the file), its lock and recovery
//! file, an agenda, an existing file where a new one is promised, a link to the journal, a
//! dangling link, a folder and a named pipe. The command refuses with exit code 1, names the
//! path, and nothing in the folder changes; the journal's remarks are still read.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::files::{kiroku_within, snapshot};
use common::{EXAMPLE, at, pid};
use kiroku::model::{Edit, Session};
use kiroku::storage::Store;

const LIMIT: Duration = Duration::from_secs(20);

/// A session whose last two remarks are in its journal alone, as after `kill -9`, and the
/// files around it.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let path = d.join("s.ron");
    let mut s = Session::new(common::example_plan()).unwrap();
    s.set_speaker(pid("yamada"));
    s.add_remark("ファイルにある発言".into(), at(15, 0, 0), at(15, 0, 10));
    let mut store = Store::create(&path, &s).unwrap();
    for (text, m) in [("ジャーナルだけの一", 1), ("ジャーナルだけの二", 2)] {
        s.add_remark(text.into(), at(15, m, 0), at(15, m, 10));
        let edit = Edit::Append(s.remarks.last().unwrap().clone());
        store.record(vec![edit], true, Instant::now()).unwrap();
    }
    drop(store);
    std::fs::write(d.join("s.ron.lock"), "pid=1 host=x since=y\n").unwrap();
    std::fs::copy(&path, d.join("s.ron.recovery")).unwrap();
    std::fs::copy(EXAMPLE, d.join("agenda.ron")).unwrap();
    std::fs::copy(&path, d.join("b.ron")).unwrap();
    std::fs::write(d.join("other.txt"), "someone's notes").unwrap();
    std::fs::write(d.join("議事次第.txt"), "第1回 会議\n1 開会\n").unwrap();
    std::fs::create_dir(d.join("folder.ron")).unwrap();
    // Links and a named pipe as Unix has them (Windows' links need an administrator).
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        symlink("s.ron.journal", d.join("to-journal.ron")).unwrap();
        symlink("nowhere/at-all.ron", d.join("dangling.ron")).unwrap();
        common::files::mkfifo(&d.join("pipe.ron"));
    }
    dir
}

/// Where no file of kiroku's may be written, by any command.
fn never() -> Vec<&'static str> {
    let mut all = vec![
        "s.ron",
        "s.ron.journal",
        "s.ron.lock",
        "s.ron.recovery",
        "agenda.ron",
        "folder.ron",
    ];
    if cfg!(unix) {
        all.push("to-journal.ron");
    }
    all
}

/// Where a command that promises a new file may not write, besides those.
fn not_new() -> Vec<&'static str> {
    let mut all = vec!["b.ron", "other.txt"];
    if cfg!(unix) {
        all.extend(["dangling.ron", "pipe.ron"]);
    }
    all
}

fn refused(dir: &Path, args: &[&str]) {
    let before = snapshot(dir);
    let o = kiroku_within(args, dir, LIMIT);
    let said = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{args:?} was not refused: {said}");
    let target = args.last().unwrap();
    assert!(said.contains(target), "{args:?}: {said}");
    assert!(!said.contains("panicked"), "{said}");
    assert_eq!(snapshot(dir), before, "{args:?} changed the folder");
}

fn journal_still_read(dir: &Path) {
    let o = common::kiroku()
        .args(["check", "s.ron"])
        .current_dir(dir)
        .output()
        .unwrap();
    let summary = String::from_utf8_lossy(&o.stdout);
    assert!(summary.contains("3 remarks"), "{summary}");
}

#[test]
fn a_new_file_is_never_written_over_anything() {
    let dir = folder();
    let d = dir.path();
    for target in never().iter().chain(&not_new()) {
        refused(d, &["merge", "s.ron", "b.ron", "-o", target]);
        refused(d, &["agenda", "import", "議事次第.txt", "-o", target]);
        refused(d, &["new", "agenda.ron", "-o", target]);
    }
    journal_still_read(d);
}

#[test]
fn the_minutes_are_never_written_over_a_kiroku_file() {
    let dir = folder();
    let d = dir.path();
    for target in never() {
        for format in ["text", "docx"] {
            refused(d, &["export", "s.ron", "-f", format, "-o", target]);
        }
    }
    journal_still_read(d);
    // An ordinary file is the minutes' to replace, as `-o` says.
    let o = kiroku_within(&["export", "s.ron", "-o", "other.txt"], d, LIMIT);
    assert!(o.status.success(), "{o:?}");
    let minutes = std::fs::read_to_string(d.join("other.txt")).unwrap();
    assert!(minutes.contains("ジャーナルだけの二"), "{minutes}");
}

/// A merge or an export killed halfway leaves its temporary file; the next write into that
/// folder removes it (its writer is gone), and leaves a living writer's alone.
#[test]
fn temporary_files_a_killed_kiroku_left_are_removed() {
    let dir = folder();
    let d = dir.path();
    let dead = d.join(".m.ron.kiroku-999999999-aBcDeF.tmp");
    let alive = d.join(format!(".m.ron.kiroku-{}-aBcDeF.tmp", std::process::id()));
    std::fs::write(&dead, vec![b'x'; 1 << 20]).unwrap();
    std::fs::write(&alive, "being written").unwrap();
    let o = kiroku_within(&["export", "s.ron", "-o", "minutes.txt"], d, LIMIT);
    assert!(o.status.success());
    assert!(!dead.exists(), "a dead writer's temporary file is removed");
    assert!(alive.exists(), "a living writer's is not");
    // Nor may one be named as an output.
    let name = alive.file_name().unwrap().to_str().unwrap().to_owned();
    refused(d, &["export", "s.ron", "-o", &name]);
}

/// A session file gone (git switched branches, say) with its journal left beside its name:
/// a new session or agenda is never made there, as it would take the journal's remarks for
/// its own or throw them away.
#[test]
fn a_journal_left_behind_keeps_its_place() {
    let dir = folder();
    let d = dir.path();
    std::fs::remove_file(d.join("s.ron")).unwrap();
    for args in [
        vec!["new", "agenda.ron", "-o", "s.ron"],
        vec!["agenda", "import", "議事次第.txt", "-o", "s.ron"],
        vec!["merge", "b.ron", "agenda.ron", "-o", "s.ron"],
    ] {
        let before = snapshot(d);
        let o = kiroku_within(&args, d, LIMIT);
        let said = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {said}");
        assert!(said.contains("s.ron.journal"), "{args:?}: {said}");
        assert_eq!(snapshot(d), before, "{args:?} changed the folder");
    }
}
