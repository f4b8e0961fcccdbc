//! Odd and hostile files around a session: links where kiroku's files go, exports to devices,
//! pipes and links, special and oversized inputs, control characters, and a disk that keeps
//! failing. The promises hold anyway: nothing outside the session is written through a link,
//! nothing kiroku did not make is replaced, and nothing hangs.
#![cfg(unix)]
// Unix by nature: symbolic links, named pipes and devices as Unix has them.

mod common;

use std::os::unix::fs::{FileTypeExt as _, symlink};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{BIN, EXAMPLE, minutes_session_full};
use kiroku::storage::{journal::journal_path, lock_path, save_session};

fn run_in(args: &[&str], dir: &Path) -> Output {
    common::kiroku()
        .args(args)
        .current_dir(dir)
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// Runs kiroku, killing it if it takes longer than `limit` (a hang is the failure).
fn kiroku_within(args: &[&str], dir: &Path, limit: Duration) -> Output {
    let mut child = common::kiroku()
        .args(args)
        .current_dir(dir)
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("kiroku {args:?} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn session_in(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("s.ron");
    save_session(&path, &minutes_session_full()).unwrap();
    path
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

/// A file of someone else's, and a link to it at `link`, where kiroku keeps a file.
fn linked_victim(dir: &Path, link: &Path) -> std::path::PathBuf {
    let victim = dir.join("precious.txt");
    std::fs::write(&victim, "大切な内容").unwrap();
    symlink(&victim, link).unwrap();
    victim
}

#[test]
fn a_symlinked_lock_file_is_refused_and_its_target_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = session_in(dir.path());
    let victim = linked_victim(dir.path(), &lock_path(&path));
    let o = run_in(&["open", "s.ron"], dir.path());
    assert!(!o.status.success());
    assert!(stderr(&o).contains("symbolic link"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "大切な内容");
    // Taking the lock directly is refused just the same.
    let e = kiroku::storage::SessionLock::acquire(&path, "test").unwrap_err();
    assert!(e.to_string().contains("symbolic link"), "{e}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "大切な内容");
}

#[test]
fn a_symlinked_journal_or_session_is_refused_without_writing_through_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = session_in(dir.path());
    let victim = linked_victim(dir.path(), &journal_path(&path));
    let before = std::fs::read(&path).unwrap();
    let e = kiroku::storage::Store::open(&path).unwrap_err();
    assert!(e.to_string().contains("symbolic link"), "{e}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "大切な内容");
    assert_eq!(std::fs::read(&path).unwrap(), before);

    // A session file that is itself a link: `open` names the file to open instead.
    let link = dir.path().join("link.ron");
    symlink(&path, &link).unwrap();
    let o = run_in(&["open", "link.ron"], dir.path());
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains("symbolic link") && err.contains("s.ron"),
        "{err}"
    );
    // `new` into a dangling link does not create its target.
    let dangling = dir.path().join("dangling.ron");
    symlink(dir.path().join("nowhere.ron"), &dangling).unwrap();
    let o = run_in(&["new", EXAMPLE, "-o", "dangling.ron"], dir.path());
    assert!(!o.status.success());
    assert!(!dir.path().join("nowhere.ron").exists());
}

#[test]
fn export_writes_through_devices_pipes_and_links() {
    let dir = tempfile::tempdir().unwrap();
    session_in(dir.path());
    // /dev/null stays a device.
    let o = run_in(&["export", "s.ron", "-o", "/dev/null"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let meta = std::fs::metadata("/dev/null").unwrap();
    assert!(
        meta.file_type().is_char_device(),
        "/dev/null is still a device"
    );

    // /dev/stdout with standard output redirected to a pipe: the minutes arrive there.
    let o = run_in(&["export", "s.ron", "-o", "/dev/stdout"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("議事要旨"));

    // A named pipe is written to, not replaced.
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let o = kiroku_within(
        &["export", "s.ron", "-o", "pipe"],
        dir.path(),
        Duration::from_secs(20),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(reader.join().unwrap().contains("議事要旨"));
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );

    // A link is written through: the link stays, its target gets the minutes.
    let target = dir.path().join("minutes.txt");
    std::fs::write(&target, "old").unwrap();
    let link = dir.path().join("latest.txt");
    symlink("minutes.txt", &link).unwrap();
    let o = run_in(&["export", "s.ron", "-o", "latest.txt"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("議事要旨")
    );
}

#[test]
fn special_and_oversized_inputs_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("agenda.ron");
    mkfifo(&fifo);
    for args in [
        &["check", "agenda.ron"][..],
        &["open", "agenda.ron"][..],
        &["export", "agenda.ron"][..],
        &["check", "/dev/zero"][..],
    ] {
        let o = kiroku_within(args, dir.path(), Duration::from_secs(10));
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = stderr(&o);
        assert!(
            err.contains("not a regular file") || err.contains("is a named pipe"),
            "{args:?}: {err}"
        );
    }
    // `open` did not keep the lock while refusing.
    assert!(!lock_path(&fifo).exists());

    // A file over the size limit is refused before it is read.
    let big = dir.path().join("big.ron");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(kiroku::storage::MAX_READ + 1).unwrap();
    let o = kiroku_within(&["check", "big.ron"], dir.path(), Duration::from_secs(10));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("at most"), "{}", stderr(&o));
}

#[test]
fn an_impossible_planned_length_is_refused_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(EXAMPLE).unwrap();
    let first = text
        .find("minutes: 5")
        .expect("the sample plans 5 minutes somewhere");
    let broken = format!(
        "{}minutes: 4294967295{}",
        &text[..first],
        &text[first + "minutes: 5".len()..]
    );
    let path = dir.path().join("a.ron");
    std::fs::write(&path, &broken).unwrap();
    let o = run_in(&["check", "a.ron"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let (line, col) = kiroku::storage::line_col(&broken, first);
    assert!(
        err.contains(&format!("a.ron:{line}:{col}:")) && err.contains("at most 1440"),
        "{err}"
    );
}

#[test]
fn control_characters_never_reach_the_files_or_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let all: String = (0u32..0x20)
        .chain([0x7f, 0x85])
        .filter_map(char::from_u32)
        .collect();
    // A session file with every control character in a title, a name and a remark.
    let mut s = minutes_session_full();
    s.plan.meeting.title = format!("会議{all}題名");
    s.plan.roster[0].name = format!("山田{all}太郎");
    s.remarks[0].text = format!("本文{all}続き");
    let path = dir.path().join("s.ron");
    save_session(&path, &s).unwrap();
    let o = run_in(&["check", "s.ron"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    // Line feeds and tabs are text; no other control character is printed.
    assert!(
        !out.chars().any(kiroku::model::clean::is_stray_control) && out.contains("会議\t\n題名"),
        "{out:?}"
    );
    for audience in ["public", "internal"] {
        let o = run_in(
            &[
                "export", "s.ron", "-f", "docx", "-a", audience, "-o", "m.docx",
            ],
            dir.path(),
        );
        assert!(o.status.success(), "{}", stderr(&o));
        let bytes = std::fs::read(dir.path().join("m.docx")).unwrap();
        for part in ["word/document.xml", "docProps/core.xml"] {
            let xml = common::docx_part(&bytes, part);
            if let Err(e) = roxmltree::Document::parse(&xml) {
                panic!("{audience} {part} is not valid XML: {e}");
            }
        }
    }
    // Pasted text loses them too (a vertical tab and a form feed from a PDF); a tab, which
    // the input box could not show, becomes a space.
    assert_eq!(
        kiroku::editor::normalize_pasted("一行目\u{b}二行目\u{c}\r\n三行目\t終"),
        "一行目二行目\n三行目 終"
    );
}

/// A disk that fails every write for a minute of retries leaves nothing behind but the
/// session's own files, and everything is saved once it recovers.
#[test]
fn sixty_failed_saves_leave_no_temporary_file() {
    use std::cell::Cell;
    use std::rc::Rc;

    use kiroku::storage::journal::Sink;
    use kiroku::storage::{Fs, RealFs, Store, write_atomic_with};

    /// The real disk, with every atomic write failing after its temporary file is complete
    /// while `failing` is set.
    struct Flaky(Rc<Cell<bool>>);
    impl Fs for Flaky {
        fn write_atomic(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
            let failing = self.0.get();
            write_atomic_with(path, bytes, || {
                if failing {
                    Err(std::io::Error::other("injected fault"))
                } else {
                    Ok(())
                }
            })
        }
        fn append(&self, path: &Path) -> std::io::Result<Box<dyn Sink>> {
            RealFs.append(path)
        }
    }

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let failing = Rc::new(Cell::new(false));
    let session = kiroku::model::Session::new(common::example_plan()).unwrap();
    let start = Instant::now();
    let store =
        Store::create_with(Box::new(Flaky(Rc::clone(&failing))), &path, &session, start).unwrap();
    let mut app = common::app_with(session, kiroku::i18n::Lang::Ja);
    let mut rec = kiroku::recorder::Recorder::new(store, start);
    let wall = common::at(15, 0, 0);
    let effects = common::press(&mut app, "<A-1>発言<Enter>", wall);
    rec.carry_out(&mut app, effects, wall, start);
    failing.set(true);
    let effects = common::press(&mut app, "<C-s>", wall);
    rec.carry_out(&mut app, effects, wall, start);
    assert!(matches!(app.save, kiroku::app::SaveStatus::Error(_)));
    for second in 1..=60 {
        rec.tick(&mut app, wall, start + Duration::from_secs(second));
    }
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| n == "s.ron" || n == "s.ron.journal"),
        "left behind: {names:?}"
    );
    failing.set(false);
    rec.tick(&mut app, wall, start + Duration::from_secs(62));
    assert!(matches!(app.save, kiroku::app::SaveStatus::Saved(_)));
    let s = kiroku::storage::load_session(&path).unwrap();
    assert_eq!(s.remarks.len(), 1);
}

#[test]
fn export_never_writes_over_a_kiroku_file_and_appends_to_redirected_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let path = session_in(dir.path());
    let before = std::fs::read(&path).unwrap();
    std::fs::write(dir.path().join("s.ron.lock"), "").unwrap();
    for target in ["s.ron", "s.ron.journal", "s.ron.lock"] {
        if target.ends_with("journal") {
            kiroku::storage::Store::open(&path).unwrap();
        }
        let o = run_in(&["export", "s.ron", "-o", target], dir.path());
        assert_eq!(o.status.code(), Some(1), "{target}");
        let said = stderr(&o);
        assert!(
            said.contains("kiroku file") || said.contains("beside a session"),
            "{said}"
        );
    }
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the session is untouched"
    );
    // `-o /dev/stdout >> log` appends, as the shell was asked to.
    std::fs::write(dir.path().join("log.txt"), "earlier line\n").unwrap();
    let status = Command::new("sh")
        .args([
            "-c",
            &format!("{BIN} export s.ron -o /dev/stdout >> log.txt"),
        ])
        .current_dir(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    let log = std::fs::read_to_string(dir.path().join("log.txt")).unwrap();
    assert!(
        log.starts_with("earlier line\n") && log.contains("議事要旨"),
        "{log}"
    );
}
