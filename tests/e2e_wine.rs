//! kiroku.exe under Wine, driven from Linux in a pseudo-terminal as a clerk would type into
//! Windows Terminal: a meeting in Japanese with speakers, off the record and a closed item,
//! quit, reopen, cleanup, export; the Windows process killed mid-meeting; its terminal closed;
//! a burst of input. The promises hold: every committed remark is kept, nothing withheld is
//! published.
//!
//! It needs a Windows build: `KIROKU_WINDOWS_EXE` names kiroku.exe, and Wine's settings come
//! from the environment (`.ci/windows` sets them). Without it the tests say so and pass,
//! unless `KIROKU_WINDOWS_REQUIRED` is set, as CI sets it.
#![cfg(unix)]
// Unix by nature: Wine runs on Linux, and the pty is Unix's.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{EXAMPLE, Pty, keys};

/// Wine starts slowly, the first time in a prefix most of all.
const WAIT: Duration = Duration::from_secs(60);

fn exe() -> Option<PathBuf> {
    match std::env::var_os("KIROKU_WINDOWS_EXE") {
        Some(p) => Some(PathBuf::from(p)),
        None => {
            assert!(
                std::env::var_os("KIROKU_WINDOWS_REQUIRED").is_none(),
                "KIROKU_WINDOWS_EXE is not set, and the Windows build is required here"
            );
            eprintln!("KIROKU_WINDOWS_EXE is not set: kiroku.exe under Wine is not tried");
            None
        }
    }
}

/// A Windows path for `p` as Wine maps the Linux filesystem (drive Z:).
fn win(p: &Path) -> String {
    format!("Z:{}", p.display()).replace('/', "\\")
}

/// kiroku.exe under Wine in a pty, in `dir`.
fn wine(exe: &Path, args: &[&str], dir: &Path) -> Pty {
    let mut all = vec![exe.to_str().unwrap()];
    all.extend_from_slice(args);
    Pty::spawn_program("wine", &all, dir, 120, 35, &[("WINEDEBUG", "-all")])
}

/// kiroku.exe run to its end under Wine, outside a terminal.
fn wine_run(exe: &Path, args: &[&str], dir: &Path) -> std::process::Output {
    std::process::Command::new("wine")
        .arg(exe)
        .args(args)
        .current_dir(dir)
        .env("WINEDEBUG", "-all")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

/// Waits until what a reader reads of `session` satisfies `done`: Wine's console draws
/// kiroku's screen askew (it lays out the escape sequences its own way), so these tests read
/// the record kiroku.exe wrote, through its journal, rather than the screen.
fn wait_record(
    pty: &Pty,
    session: &Path,
    what: &str,
    done: impl Fn(&kiroku::model::Session) -> bool,
) {
    let end = std::time::Instant::now() + WAIT;
    while std::time::Instant::now() < end {
        if let Ok(read) = kiroku::storage::read_session(session)
            && done(&read.session)
        {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("{what}: not in the record\n{}", pty.screen());
}

/// Waits until kiroku.exe has created its session and taken its lock.
fn wait_started(pty: &Pty, session: &Path) {
    let lock = kiroku::storage::lock_path(session);
    let end = std::time::Instant::now() + WAIT;
    while std::time::Instant::now() < end {
        if std::fs::read_to_string(&lock).is_ok_and(|t| t.contains("pid=")) && session.exists() {
            // The first frame and the console's input set up.
            std::thread::sleep(Duration::from_secs(2));
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("kiroku.exe did not start\n{}", pty.screen());
}

fn has_remark(text: &'static str) -> impl Fn(&kiroku::model::Session) -> bool {
    move |s| s.remarks.iter().any(|r| r.text == text)
}

fn quit(mut pty: Pty) {
    pty.send(keys::CTRL_Q);
    assert!(
        pty.wait_exit(WAIT).is_some_and(|s| s.success()),
        "kiroku.exe quits on C-q"
    );
}

/// The public minutes in every format kiroku.exe writes, docx read from its document part.
fn public_minutes(exe: &Path, session: &Path, dir: &Path) -> String {
    let mut all = String::new();
    for format in ["text", "markdown", "html"] {
        let o = wine_run(exe, &["export", &win(session), "-f", format], dir);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        all.push_str(&String::from_utf8(o.stdout).unwrap());
    }
    let docx = dir.join("minutes.docx");
    let o = wine_run(
        exe,
        &["export", &win(session), "-f", "docx", "-o", &win(&docx)],
        dir,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    all.push_str(&common::docx_part(
        &std::fs::read(&docx).unwrap(),
        "word/document.xml",
    ));
    all
}

#[test]
fn a_meeting_typed_into_kiroku_exe_keeps_its_promises() {
    let Some(exe) = exe() else { return };
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("会議 記録.ron");
    let mut pty = wine(
        &exe,
        &[
            "--lang",
            "ja",
            "new",
            &win(Path::new(EXAMPLE)),
            "-o",
            &win(&session),
        ],
        dir.path(),
    );
    wait_started(&pty, &session);
    pty.send(&keys::alt('1'));
    pty.type_text("本日はお集まりいただきありがとうございます。");
    pty.send(keys::ENTER);
    pty.send(&keys::alt('3'));
    // An input method's commit: several characters at once.
    pty.type_text("利用率の推移について伺いたい。");
    pty.send(keys::ENTER);
    wait_record(
        &pty,
        &session,
        "the second remark",
        has_remark("利用率の推移について伺いたい。"),
    );
    pty.send(keys::CTRL_O);
    pty.send(&keys::alt('2'));
    pty.type_text("ここだけの話で記録外です。");
    pty.send(keys::ENTER);
    pty.send(keys::CTRL_O);
    for _ in 0..3 {
        pty.send(keys::CTRL_N);
    }
    pty.type_text("非公開の議題での発言です。");
    pty.send(keys::ENTER);
    wait_record(&pty, &session, "the remark in a closed item", |s| {
        s.remarks
            .iter()
            .any(|r| r.text == "非公開の議題での発言です。" && r.item == 4)
    });
    let s = kiroku::storage::read_session(&session).unwrap().session;
    let speakers: Vec<Option<&str>> = s
        .remarks
        .iter()
        .map(|r| r.speaker.as_ref().map(|p| p.0.as_str()))
        .collect();
    assert_eq!(
        speakers[..2],
        [Some("yamada"), Some("sato")],
        "Alt+digit chose each speaker"
    );
    quit(pty);
    // Reopened into cleanup, the last remark selected: 要確認 (t), and quit.
    let mut pty = wine(
        &exe,
        &["--lang", "ja", "open", &win(&session), "--review"],
        dir.path(),
    );
    wait_started(&pty, &session);
    pty.send(b"t");
    wait_record(
        &pty,
        &session,
        "the check-later mark made in cleanup",
        |s| s.remarks.last().is_some_and(|r| r.check_later),
    );
    quit(pty);
    let minutes = public_minutes(&exe, &session, dir.path());
    for said in [
        "本日はお集まりいただきありがとうございます。",
        "利用率の推移について伺いたい。",
    ] {
        assert!(minutes.contains(said), "missing: {said}\n{minutes}");
    }
    for withheld in ["ここだけの話で記録外です。", "非公開の議題での発言です。"]
    {
        assert!(!minutes.contains(withheld), "published: {withheld}");
    }
}

#[test]
fn killing_the_windows_process_loses_nothing_committed() {
    let Some(exe) = exe() else { return };
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.ron");
    let mut pty = wine(
        &exe,
        &[
            "--lang",
            "ja",
            "new",
            &win(Path::new(EXAMPLE)),
            "-o",
            &win(&session),
        ],
        dir.path(),
    );
    wait_started(&pty, &session);
    pty.send(&keys::alt('2'));
    for text in ["一つ目の発言", "二つ目の発言", "三つ目の発言"] {
        pty.type_text(text);
        pty.send(keys::ENTER);
    }
    wait_record(&pty, &session, "three remarks", |s| s.remarks.len() == 3);
    // The Windows process itself, as Task Manager ends it (the bracket keeps pkill from
    // matching its own command line).
    let killed = std::process::Command::new("pkill")
        .args(["-9", "-f", "[k]iroku[.]exe"])
        .status()
        .unwrap();
    assert!(killed.success(), "kiroku.exe was running");
    assert!(pty.wait_exit(WAIT).is_some(), "killed");
    let o = wine_run(&exe, &["check", &win(&session)], dir.path());
    let summary = String::from_utf8_lossy(&o.stdout);
    assert!(summary.contains("3 remarks"), "{summary} {o:?}");
    let minutes = public_minutes(&exe, &session, dir.path());
    for text in ["一つ目の発言", "二つ目の発言", "三つ目の発言"] {
        assert!(minutes.contains(text), "{text} lost");
    }
}

#[test]
fn closing_the_terminal_saves_everything() {
    let Some(exe) = exe() else { return };
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.ron");
    let mut pty = wine(
        &exe,
        &[
            "--lang",
            "ja",
            "new",
            &win(Path::new(EXAMPLE)),
            "-o",
            &win(&session),
        ],
        dir.path(),
    );
    wait_started(&pty, &session);
    pty.send(&keys::alt('1'));
    pty.type_text("閉じる前の発言");
    pty.send(keys::ENTER);
    pty.type_text("打ちかけの文");
    wait_record(&pty, &session, "the unfinished input", |s| {
        s.live
            .draft
            .as_ref()
            .is_some_and(|d| d.text == "打ちかけの文")
    });
    pty.close_terminal();
    assert!(
        pty.wait_exit(WAIT).is_some(),
        "kiroku.exe ends with its terminal"
    );
    let s = kiroku::storage::read_session(&session).unwrap().session;
    assert_eq!(s.remarks.last().unwrap().text, "閉じる前の発言");
    assert_eq!(
        s.live.draft.as_ref().map(|d| d.text.as_str()),
        Some("打ちかけの文")
    );
}

#[test]
fn a_burst_of_input_arrives_whole() {
    let Some(exe) = exe() else { return };
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.ron");
    let mut pty = wine(
        &exe,
        &[
            "--lang",
            "ja",
            "new",
            &win(Path::new(EXAMPLE)),
            "-o",
            &win(&session),
        ],
        dir.path(),
    );
    wait_started(&pty, &session);
    pty.send(&keys::alt('1'));
    // About four kilobytes at once, as an ssh session catching up or a paste would send it.
    let burst: String = (0..120).map(|i| format!("議事{i:03}を進める。")).collect();
    pty.type_text(&burst);
    let whole = burst.clone();
    wait_record(
        &pty,
        &session,
        "the whole burst in the input box",
        move |s| s.live.draft.as_ref().is_some_and(|d| d.text == whole),
    );
    pty.send(keys::ENTER);
    quit(pty);
    let s = kiroku::storage::load_session(&session).unwrap();
    assert_eq!(
        s.remarks.last().unwrap().text,
        burst,
        "every character, in order"
    );
}
