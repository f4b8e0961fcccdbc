//! What is Windows' own, through kiroku.exe (run under Wine when built on Linux): the names
//! Windows keeps for its devices, a file Word or Excel holds open, the session lock and the
//! note of who holds it, the settings under %APPDATA%, and Japanese names with spaces.
#![cfg(windows)]

mod common;

use std::os::windows::fs::OpenOptionsExt as _;
use std::path::Path;

use common::{EXAMPLE, minutes_session_full};

fn kiroku_in(dir: &Path, args: &[&str]) -> std::process::Output {
    common::kiroku()
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn session_in(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("s.ron");
    kiroku::storage::save_session(&path, &minutes_session_full()).unwrap();
    path
}

#[test]
fn device_names_and_names_windows_forbids_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    session_in(d);
    std::fs::copy(EXAMPLE, d.join("agenda.ron")).unwrap();
    std::fs::write(d.join("議事次第.txt"), "第1回 会議\n1 開会\n").unwrap();
    for target in [
        "CON",
        "nul.txt",
        "COM1.docx",
        "LPT2",
        "a<b.txt",
        "minutes.",
        "\\\\.\\PhysicalDrive0",
    ] {
        for args in [
            vec!["export", "s.ron", "-o", target],
            vec!["merge", "s.ron", "s.ron", "-o", target],
            vec!["agenda", "import", "議事次第.txt", "-o", target],
            vec!["new", "agenda.ron", "-o", target],
        ] {
            let o = kiroku_in(d, &args);
            let said = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(1), "{args:?}: {said}");
            assert!(
                said.contains("Windows") || said.contains("device"),
                "{args:?}: {said}"
            );
        }
    }
    // Read as an input, a device name is refused before it is opened (CON would wait for
    // the keyboard).
    let o = kiroku_in(d, &["agenda", "import", "CON", "-o", "a.ron"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!d.join("a.ron").exists());
}

#[test]
fn a_file_held_open_by_another_program_is_named_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    session_in(d);
    let held = d.join("議事要旨.docx");
    std::fs::write(&held, b"Word's copy").unwrap();
    // As Word holds a document it has open: nobody else may share it.
    let _word = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .share_mode(0)
        .open(&held)
        .unwrap();
    let o = kiroku_in(d, &["export", "s.ron", "-f", "docx", "-o", "議事要旨.docx"]);
    let said = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{said}");
    assert!(said.contains("open in another program"), "{said}");
    drop(_word);
    assert_eq!(std::fs::read(&held).unwrap(), b"Word's copy");
    // Closed in Word, the export goes through.
    let o = kiroku_in(d, &["export", "s.ron", "-f", "docx", "-o", "議事要旨.docx"]);
    assert!(o.status.success(), "{o:?}");
}

/// A virus scanner or the search indexer opens a file just written for a moment; a save that
/// meets it waits for it rather than failing the clerk's quit.
#[test]
fn a_save_waits_out_a_moments_open_by_a_scanner() {
    let dir = tempfile::tempdir().unwrap();
    let path = session_in(dir.path());
    let (opened, wait_open) = std::sync::mpsc::channel();
    let scanned = path.clone();
    let scanner = std::thread::spawn(move || {
        // As a scanner reads: others may read and write, not delete or rename over it.
        let file = std::fs::OpenOptions::new()
            .read(true)
            .share_mode(1 | 2)
            .open(&scanned)
            .unwrap();
        opened.send(()).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(200));
        drop(file);
    });
    wait_open.recv().unwrap();
    let mut s = minutes_session_full();
    s.plan.meeting.title = "走査の後".into();
    kiroku::storage::save_session(&path, &s).unwrap();
    scanner.join().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("走査の後"), "the new version is in place");
}

#[test]
fn the_session_lock_holds_and_says_who_holds_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = session_in(dir.path());
    let lock = kiroku::storage::SessionLock::acquire(&path, "2026-07-03T15:00:00+09:00").unwrap();
    let holder = kiroku::storage::holder(&path).expect("held");
    assert_eq!(holder.pid, std::process::id(), "the note stays readable");
    match kiroku::storage::SessionLock::acquire(&path, "later") {
        Err(kiroku::storage::LockError::Held { holder, .. }) => {
            assert_eq!(holder.pid, std::process::id());
        }
        other => panic!("a second writer was let in: {other:?}"),
    }
    // Another process is refused too, and told who holds it.
    let o = kiroku_in(dir.path(), &["check", "s.ron"]);
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("is open in kiroku"),
        "{o:?}"
    );
    drop(lock);
    // A note left behind by a kiroku that was killed holds nothing: the system let go.
    std::fs::write(
        kiroku::storage::lock_path(&path),
        "pid=4242\nhost=x\nsince=y\n",
    )
    .unwrap();
    assert!(kiroku::storage::holder(&path).is_none());
    kiroku::storage::SessionLock::acquire(&path, "now").expect("a stale lock is taken over");
}

#[test]
fn settings_live_under_appdata() {
    let dir = tempfile::tempdir().unwrap();
    // SAFETY: this test binary runs its tests in one thread for this variable's sake.
    unsafe { std::env::set_var("APPDATA", dir.path()) };
    assert_eq!(
        kiroku::config::dir().unwrap(),
        dir.path().join("kiroku"),
        "%APPDATA%\\kiroku"
    );
    kiroku::config::remember_clerk("青木 一郎").unwrap();
    assert_eq!(kiroku::config::clerk(None).as_deref(), Some("青木 一郎"));
    let keymap = kiroku::commands::default_keymap_path().unwrap();
    assert_eq!(keymap, dir.path().join("kiroku").join("keymap.ron"));
}

#[test]
fn japanese_names_with_spaces_work_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("会議 資料");
    std::fs::create_dir(&d).unwrap();
    std::fs::write(
        d.join("第4回 議事次第.txt"),
        std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/sessions/first-day/議事次第.txt"
        ))
        .unwrap(),
    )
    .unwrap();
    std::fs::write(
        d.join("委員名簿.csv"),
        std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/sessions/first-day/名簿.csv"
        ))
        .unwrap(),
    )
    .unwrap();
    let o = kiroku_in(
        &d,
        &[
            "agenda",
            "import",
            "第4回 議事次第.txt",
            "--roster",
            "委員名簿.csv",
            "-o",
            "第4回 会議.ron",
        ],
    );
    assert!(o.status.success(), "{o:?}");
    let o = kiroku_in(&d, &["check", "第4回 会議.ron"]);
    let summary = String::from_utf8(o.stdout).expect("UTF-8 on standard output");
    assert!(summary.contains("第4回 会議.ron"), "{summary}");
    assert!(summary.contains("北町市デジタル推進会議"), "{summary}");
}

/// A PDF needs a Mincho: Windows 10 and 11 ship Yu Mincho and MS Mincho in %SystemRoot%\Fonts,
/// which is where kiroku looks (and in the per-user font folders, for fonts installed without
/// administrator rights). Under Wine, .ci/windows puts IPAex Mincho there in their place.
#[test]
fn the_pdf_is_set_in_a_mincho_from_the_windows_fonts_folder() {
    let fonts = match kiroku::export::render::pdf::Fonts::system() {
        Ok(fonts) => fonts,
        Err(e) => {
            assert!(
                std::env::var_os("KIROKU_WINDOWS_FONTS").is_none(),
                "a Mincho was put in C:\\Windows\\Fonts, but {e}"
            );
            eprintln!("skipped: {e}");
            return;
        }
    };
    let dir = tempfile::tempdir().unwrap();
    session_in(dir.path());
    let o = kiroku_in(
        dir.path(),
        &["export", "-f", "pdf", "-o", "議事要旨.pdf", "s.ron"],
    );
    assert!(o.status.success(), "{o:?}");
    let pdf = std::fs::read(dir.path().join("議事要旨.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "a PDF");
    // The Japanese text is there only if the Mincho went in: a subset of it, embedded.
    assert!(
        pdf.windows(b"/FontFile".len()).any(|w| w == b"/FontFile"),
        "an embedded font in the PDF set in {}",
        fonts.mincho()
    );
}
