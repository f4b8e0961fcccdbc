//! The promise that nothing said in closed session is published, through the real binary in
//! a pseudo-terminal: each path that once broke it, typed as a clerk would, then exported
//! with `kiroku export` in every format; and readers after `kill -9`.
#![cfg(unix)]
// Unix by nature: the binary in a Unix pseudo-terminal; on Windows, tests/e2e_wine.rs drives kiroku.exe.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{EXAMPLE, Pty, keys};

const WAIT: Duration = Duration::from_secs(10);
const CTRL_P: &[u8] = b"\x10";
const CTRL_R: &[u8] = b"\x12";
const LEFT: &[u8] = b"\x1b[D";
const UP: &[u8] = b"\x1b[A";

/// A new meeting from the sample agenda, in a pty, recording into `dir/s.ron`.
fn meeting(dir: &Path) -> (Pty, PathBuf) {
    let path = dir.join("s.ron");
    let pty = Pty::spawn(
        &["--lang", "ja", "new", EXAMPLE, "-o", path.to_str().unwrap()],
        dir,
        120,
        35,
    );
    assert!(
        pty.wait_for("北町市デジタル推進会議", WAIT),
        "{}",
        pty.screen()
    );
    (pty, path)
}

fn quit(mut pty: Pty) {
    pty.send(keys::CTRL_Q);
    let status = pty.wait_exit(WAIT).expect("kiroku quits on C-q");
    assert!(status.success());
}

fn run(args: &[&str]) -> std::process::Output {
    common::kiroku()
        .args(args)
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap()
}

/// Every public format's output and what `kiroku export` printed on standard error.
fn public_exports(path: &Path) -> (String, String) {
    let p = path.to_str().unwrap();
    let mut out = String::new();
    let mut err = String::new();
    for format in ["text", "markdown", "html", "json"] {
        let o = run(&["export", p, "-f", format]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        out.push_str(&String::from_utf8(o.stdout).unwrap());
        err.push_str(&String::from_utf8(o.stderr).unwrap());
    }
    let docx = path.with_extension("docx");
    let o = run(&["export", p, "-f", "docx", "-o", docx.to_str().unwrap()]);
    assert!(o.status.success());
    err.push_str(&String::from_utf8(o.stderr).unwrap());
    out.push_str(&common::docx_part(
        &std::fs::read(&docx).unwrap(),
        "word/document.xml",
    ));
    // The session's own path (a random temporary folder) is no part of what is checked.
    let err = err.replace(&path.display().to_string(), "SESSION");
    (out, err)
}

fn internal_export(path: &Path) -> String {
    let o = run(&["export", path.to_str().unwrap(), "-a", "internal"]);
    assert!(o.status.success());
    String::from_utf8(o.stdout).unwrap()
}

/// `text` is in the full record and nowhere in what the public sees.
fn withheld(path: &Path, text: &str) {
    let (out, err) = public_exports(path);
    assert!(!out.contains(text), "published: {text}\n{out}");
    assert!(
        !err.contains(text),
        "quoted on standard error: {text}\n{err}"
    );
    assert!(internal_export(path).contains(text), "lost: {text}");
}

fn published(path: &Path, text: &str) {
    let (out, _) = public_exports(path);
    assert!(
        out.contains(text),
        "missing from the minutes: {text}\n{out}"
    );
}

#[test]
fn undo_and_commit_again_keeps_an_off_the_record_remark_non_public() {
    let dir = tempfile::tempdir().unwrap();
    let (mut pty, path) = meeting(dir.path());
    pty.send(keys::CTRL_O);
    pty.send(&keys::alt('2'));
    pty.type_text("記録外の発言");
    pty.send(keys::ENTER);
    pty.send(keys::CTRL_O);
    assert!(pty.wait_for("記録外の発言", WAIT));
    pty.send(keys::CTRL_Z);
    // Back in the input box, it still says where it will go.
    assert!(pty.wait_for("[非公開] ─", WAIT), "{}", pty.screen());
    pty.send(keys::ENTER);
    quit(pty);
    withheld(&path, "記録外の発言");
}

#[test]
fn undo_and_commit_again_keeps_a_remark_in_its_closed_item() {
    let dir = tempfile::tempdir().unwrap();
    let (mut pty, path) = meeting(dir.path());
    for _ in 0..3 {
        pty.send(keys::CTRL_N);
    }
    pty.send(&keys::alt('2'));
    pty.type_text("非公開議題での発言");
    pty.send(keys::ENTER);
    assert!(pty.wait_for("非公開議題での発言", WAIT));
    pty.send(CTRL_P);
    pty.send(keys::CTRL_Z);
    pty.send(keys::ENTER);
    quit(pty);
    withheld(&path, "非公開議題での発言");
    let s = kiroku::storage::load_session(&path).unwrap();
    assert_eq!(s.remarks[0].item, 4, "committed back into its own item");
}

#[test]
fn text_typed_off_the_record_stays_non_public_when_the_record_goes_on_before_enter() {
    let dir = tempfile::tempdir().unwrap();
    let (mut pty, path) = meeting(dir.path());
    pty.send(&keys::alt('2'));
    pty.send(keys::CTRL_O);
    pty.type_text("オフ中に入力");
    pty.send(keys::CTRL_O);
    assert!(pty.wait_for("[非公開] ─", WAIT), "{}", pty.screen());
    pty.send(keys::ENTER);
    // In closed item 4, then back to item 3 before Enter.
    for _ in 0..3 {
        pty.send(keys::CTRL_N);
    }
    pty.type_text("閉じた議題で入力");
    pty.send(CTRL_P);
    pty.send(keys::ENTER);
    assert!(pty.wait_for("閉じた議題で入力", WAIT));
    quit(pty);
    withheld(&path, "オフ中に入力");
    withheld(&path, "閉じた議題で入力");
}

#[test]
fn a_note_by_the_clerk_is_internal_until_released() {
    let dir = tempfile::tempdir().unwrap();
    let (mut pty, path) = meeting(dir.path());
    pty.send(&keys::alt('1'));
    pty.type_text("開会します。");
    pty.send(keys::ENTER);
    pty.send(&keys::alt('n'));
    pty.type_text("（委員の音声が途切れる）");
    pty.send(keys::ENTER);
    pty.type_text("（動画上映）");
    pty.send(keys::ENTER);
    assert!(pty.wait_for("（動画上映）", WAIT));
    // Cleanup: release the stage direction alone (the last remark is selected).
    pty.send(CTRL_R);
    assert!(pty.wait_for("整理", WAIT), "{}", pty.screen());
    pty.send(b"P");
    assert!(pty.wait_for("公開に戻しました", WAIT), "{}", pty.screen());
    quit(pty);
    withheld(&path, "（委員の音声が途切れる）");
    published(&path, "（動画上映）");
    published(&path, "開会します。");
}

#[test]
fn flagging_over_marks_never_unflags_and_a_moved_closed_remark_stays_withheld() {
    let dir = tempfile::tempdir().unwrap();
    let (mut pty, path) = meeting(dir.path());
    pty.send(&keys::alt('1'));
    pty.type_text("公開の一");
    pty.send(keys::ENTER);
    pty.type_text("公開の二");
    pty.send(keys::ENTER);
    pty.send(keys::CTRL_O);
    pty.type_text("非公開の三");
    pty.send(keys::ENTER);
    pty.send(keys::CTRL_O);
    for _ in 0..3 {
        pty.send(keys::CTRL_N);
    }
    pty.type_text("閉じた議題の四");
    pty.send(keys::ENTER);
    assert!(pty.wait_for("閉じた議題の四", WAIT));
    pty.send(CTRL_R);
    assert!(pty.wait_for("整理", WAIT), "{}", pty.screen());
    // On 閉じた議題の四: p, then move it to item 3.
    pty.send(b"p");
    pty.send(b"<");
    // Mark 一, 二, 三 (the cursor moves on to the non-public one), then p.
    for _ in 0..3 {
        pty.send(UP);
    }
    pty.send(b" ");
    pty.send(b" ");
    pty.send(b" ");
    pty.send(b"p");
    quit(pty);
    withheld(&path, "非公開の三");
    withheld(&path, "閉じた議題の四");
    withheld(&path, "公開の一");
    let s = kiroku::storage::load_session(&path).unwrap();
    assert!(s.remarks.iter().all(|r| r.non_public), "{:?}", s.remarks);
}

#[test]
fn a_closed_items_detail_is_not_in_the_public_agenda() {
    let dir = tempfile::tempdir().unwrap();
    let (pty, path) = meeting(dir.path());
    quit(pty);
    let (out, _) = public_exports(&path);
    assert!(out.contains("意見交換"), "the closed item is listed");
    assert!(!out.contains("次期基幹システム調達の方針"), "{out}");
    assert!(internal_export(&path).contains("次期基幹システム調達の方針"));
}

#[test]
fn split_undo_commit_redo_leaves_a_session_that_loads() {
    let dir = tempfile::tempdir().unwrap();
    let (mut pty, path) = meeting(dir.path());
    pty.send(&keys::alt('1'));
    pty.type_text("前半の文。後半の文。");
    pty.send(keys::ENTER);
    assert!(pty.wait_for("後半の文。", WAIT));
    pty.send(CTRL_R);
    pty.send(b"e");
    for _ in 0..5 {
        pty.send(LEFT);
    }
    pty.send(&keys::alt('s'));
    pty.send(b"u");
    pty.send(CTRL_R);
    pty.type_text("新しい発言");
    pty.send(keys::ENTER);
    pty.send(CTRL_R);
    pty.send(b"U");
    quit(pty);
    let o = run(&["check", path.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let s = kiroku::storage::load_session(&path).unwrap();
    let mut ids: Vec<u64> = s.remarks.iter().map(|r| r.id).collect();
    ids.dedup();
    assert_eq!(ids.len(), s.remarks.len());
}

#[test]
fn export_check_and_the_start_screen_read_the_journal_after_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let (mut pty, path) = meeting(dir.path());
    pty.send(&keys::alt('1'));
    for text in ["一つ目の発言", "二つ目の発言", "三つ目の発言"] {
        pty.type_text(text);
        pty.send(keys::ENTER);
        assert!(pty.wait_for(text, WAIT));
    }
    // Committed is journaled: the header says so once it is durable.
    assert!(pty.wait_for("保存済", WAIT), "{}", pty.screen());
    pty.kill_9();

    let p = path.to_str().unwrap();
    let o = run(&["export", p]);
    assert!(o.status.success());
    let minutes = String::from_utf8(o.stdout).unwrap();
    for text in ["一つ目の発言", "二つ目の発言", "三つ目の発言"] {
        assert!(
            minutes.contains(text),
            "{text} missing after kill -9:\n{minutes}"
        );
    }
    let o = run(&["check", p]);
    let summary = String::from_utf8(o.stdout).unwrap();
    assert!(summary.contains("3 remarks"), "{summary}");
    let screen = kiroku::commands::start_screen(dir.path());
    let entry = screen
        .entries
        .iter()
        .find(|e| e.path == path)
        .expect("listed");
    assert_eq!(
        entry.kind,
        kiroku::app::EntryKind::Session { remarks: 3 },
        "the start screen counts what the journal holds"
    );
    // Readers wrote nothing: the journal is still there for `kiroku open`.
    assert!(kiroku::storage::journal::journal_path(&path).exists());
}

#[test]
fn export_while_recording_says_so_and_reads_the_latest_state() {
    let dir = tempfile::tempdir().unwrap();
    let (mut pty, path) = meeting(dir.path());
    pty.send(&keys::alt('1'));
    pty.type_text("録音中の発言");
    pty.send(keys::ENTER);
    assert!(pty.wait_for("保存済", WAIT), "{}", pty.screen());
    let o = run(&["export", path.to_str().unwrap()]);
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("is open in kiroku"), "{err}");
    assert!(
        String::from_utf8(o.stdout)
            .unwrap()
            .contains("録音中の発言")
    );
    quit(pty);
}

mod random {
    //! The whole-program property again, through the real binary: random live keys typed
    //! into a pty, the meeting quit, then `kiroku export`. The test keeps its own account of
    //! what was typed in which state.
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    pub enum Key {
        Speaker(u8),
        Note,
        Type,
        Enter,
        OffRecord,
        Next,
        Prev,
        Undo,
    }

    fn key() -> impl Strategy<Value = Key> {
        prop_oneof![
            2 => (1u8..4).prop_map(Key::Speaker),
            1 => Just(Key::Note),
            5 => Just(Key::Type),
            4 => Just(Key::Enter),
            2 => Just(Key::OffRecord),
            2 => Just(Key::Next),
            1 => Just(Key::Prev),
            2 => Just(Key::Undo),
        ]
    }

    struct Committed {
        canaries: Vec<u32>,
        /// Captured off the record or in a closed item: travels back with undo.
        non_public: bool,
        /// A note (no speaker): giving it a speaker before committing it again publishes it.
        note: bool,
        speaker: Option<u8>,
    }

    fn closed(item: u32) -> bool {
        item >= 4
    }

    fn run_keys(keys: &[Key]) -> Result<(), TestCaseError> {
        let dir = tempfile::tempdir().unwrap();
        let (mut pty, path) = meeting(dir.path());
        let (mut off, mut item, mut speaker) = (false, 1u32, None::<u8>);
        let mut input: Vec<u32> = Vec::new();
        let mut input_np = false;
        let mut remarks: Vec<Committed> = Vec::new();
        let mut n = 0;
        for k in keys {
            match k {
                Key::Speaker(s) => {
                    pty.send(&keys::alt(char::from(b'0' + s)));
                    speaker = Some(*s);
                }
                Key::Note => {
                    pty.send(&keys::alt('n'));
                    speaker = None;
                }
                Key::Type => {
                    n += 1;
                    pty.type_text(&format!("発言Q{n}Z。"));
                    input.push(n);
                }
                Key::Enter => {
                    pty.send(keys::ENTER);
                    if !input.is_empty() {
                        remarks.push(Committed {
                            canaries: std::mem::take(&mut input),
                            non_public: input_np || off || closed(item),
                            note: speaker.is_none(),
                            speaker,
                        });
                        input_np = false;
                    }
                }
                Key::OffRecord => {
                    pty.send(keys::CTRL_O);
                    off = !off;
                }
                Key::Next => {
                    pty.send(keys::CTRL_N);
                    item = (item + 1).min(5);
                }
                Key::Prev => {
                    pty.send(CTRL_P);
                    item = (item - 1).max(1);
                }
                Key::Undo => {
                    pty.send(keys::CTRL_Z);
                    if let Some(r) = remarks.pop() {
                        input_np = (input_np && !input.is_empty()) || r.non_public;
                        input.splice(0..0, r.canaries);
                        speaker = r.speaker;
                    }
                }
            }
            if !input.is_empty() && (off || closed(item)) {
                input_np = true;
            }
        }
        quit(pty);
        let (out, err) = public_exports(&path);
        for r in &remarks {
            for c in &r.canaries {
                let word = format!("Q{c}Z");
                if r.non_public || r.note {
                    prop_assert!(!out.contains(&word), "published {word}\n{out}");
                    prop_assert!(!err.contains(&word), "quoted {word}\n{err}");
                } else {
                    prop_assert!(out.contains(&word), "dropped {word}\n{out}");
                }
            }
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: common::cases(6), ..ProptestConfig::default() })]

        #[test]
        fn nothing_non_public_is_published_through_the_binary(
            keys in proptest::collection::vec(key(), 1..24)
        ) {
            run_keys(&keys)?;
        }
    }
}
