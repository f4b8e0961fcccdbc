//! Nothing typed is ever lost: the real binary killed at random moments, hung up on, sent
//! SIGTERM, panicking; damaged files at every offset; and the modes of every file written.
#![cfg(unix)]
// Unix by nature: signals and kill -9 of the binary in a Unix pseudo-terminal.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::{EXAMPLE, Pty, keys};
use kiroku::storage::journal::journal_path;
use kiroku::storage::{SessionLock, Store, load_session};

const WAIT: Duration = Duration::from_secs(10);

fn new_session(dir: &Path) -> (PathBuf, Pty) {
    new_session_env(dir, &[])
}

/// `kiroku new` in a pty with `env` set, once its screen is up.
fn new_session_env(dir: &Path, env: &[(&str, &str)]) -> (PathBuf, Pty) {
    let path = dir.join("s.ron");
    let pty = Pty::spawn_env(
        &["new", EXAMPLE, "-o", path.to_str().unwrap()],
        dir,
        100,
        30,
        env,
    );
    assert!(pty.wait_for("Roster", WAIT), "{}", pty.screen());
    (path, pty)
}

fn kill(pty: &mut Pty, signal: &str) {
    let pid = pty.child.process_id().unwrap();
    let ok = Command::new("kill")
        .args([signal, &pid.to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
}

/// A small random number generator, so a failing trial can be rerun from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const WORDS: &[&str] = &[
    "利用率",
    "推移",
    "について",
    "伺いたい",
    "前年度比",
    "二割",
    "増加",
    "です",
    "。",
];

/// One trial: type remarks (each confirmed on screen), then an unfinished remark, then kill
/// -9 at a random moment. Returns the number of remarks checked.
fn kill_trial(seed: u64) -> usize {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let dir = tempfile::tempdir().unwrap();
    let (path, mut pty) = new_session(dir.path());
    let remarks = rng.below(4) as usize;
    let mut committed = Vec::new();
    for i in 0..remarks {
        let text: String = (0..1 + rng.below(5))
            .map(|_| WORDS[rng.below(WORDS.len() as u64) as usize])
            .collect::<String>()
            + &format!("#{i}");
        pty.send(&keys::alt(char::from(b'1' + (i % 6) as u8)));
        pty.type_text(&text);
        pty.send(keys::ENTER);
        // Committed = processed: its text is in the timeline and the input box is empty.
        assert!(
            pty.wait_for(&format!("#{i}"), WAIT),
            "seed {seed}: {}",
            pty.screen()
        );
        committed.push(text);
    }
    let draft: String = (0..rng.below(6))
        .map(|_| WORDS[rng.below(9) as usize])
        .collect();
    let quiet = rng.below(4) == 0;
    let mut typed_at = Instant::now();
    if !draft.is_empty() {
        pty.type_text(&draft);
        typed_at = Instant::now();
    }
    if quiet {
        // Long enough for the once-a-second draft record, with room to spare.
        std::thread::sleep(Duration::from_millis(2500));
    } else {
        std::thread::sleep(Duration::from_millis(rng.below(400)));
    }
    let quiet_for = typed_at.elapsed();
    kill(&mut pty, "-9");
    pty.wait_exit(WAIT).expect("killed");

    let (session, _store, _) = Store::open(&path)
        .unwrap_or_else(|e| panic!("seed {seed}: every file loads after kill -9: {e}"));
    let texts: Vec<&str> = session.remarks.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(
        texts, committed,
        "seed {seed}: every committed remark, nothing else"
    );
    let recovered = session.live.draft.map(|d| d.text).unwrap_or_default();
    assert!(
        draft.starts_with(&recovered),
        "seed {seed}: {recovered:?} is a prefix of {draft:?}"
    );
    if quiet && quiet_for >= Duration::from_millis(2500) {
        assert_eq!(
            recovered, draft,
            "seed {seed}: input typed 2.5 s before the kill is saved"
        );
    }
    committed.len()
}

#[test]
fn kill_9_at_random_moments_loses_no_committed_remark() {
    let trials: u64 = std::env::var("KIROKU_CRASH_TRIALS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let base = std::env::var("KIROKU_CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x6b69726f6b75_u64);
    // The trials mostly wait on the terminal, so four run at a time even on two cores.
    let handles: Vec<_> = (0..4)
        .map(|lane| {
            std::thread::spawn(move || {
                (0..trials)
                    .filter(|t| t % 4 == lane)
                    .map(|t| kill_trial(base + t))
                    .sum::<usize>()
            })
        })
        .collect();
    let checked: usize = handles.into_iter().map(|h| h.join().unwrap()).sum();
    eprintln!("kill -9: {trials} trials, {checked} committed remarks checked, 0 lost");
}

fn typed_then_signalled(signal: &str) {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut pty) = new_session(dir.path());
    pty.commit_one_and_leave_one();
    let start = Instant::now();
    kill(&mut pty, signal);
    let status = pty.wait_exit(WAIT).expect("kiroku exits");
    let took = start.elapsed();
    let s = load_session(&path).unwrap();
    common::kept_one_and_one(&s);
    assert!(
        took < Duration::from_secs(8),
        "exits within seconds ({took:?}): {status:?}"
    );
    assert!(status.success(), "{signal} is a normal end: {status:?}");
    let out = String::from_utf8_lossy(&pty.raw_output()).into_owned();
    assert!(out.contains("\x1b[?1049l"), "the terminal was restored");
}

#[test]
fn sigint_saves_everything_and_exits() {
    typed_then_signalled("-INT");
}

#[test]
fn sighup_saves_everything_and_exits() {
    typed_then_signalled("-HUP");
}

#[test]
fn sigterm_saves_everything_and_exits() {
    typed_then_signalled("-TERM");
}

#[test]
fn sigquit_saves_everything_and_exits() {
    typed_then_signalled("-QUIT");
}

/// The loop stuck for good (here on purpose, at the second commit) does not answer SIGTERM;
/// the watchdog ends the process, the lock goes with it, and the journal holds what was typed.
#[test]
fn a_stuck_loop_still_ends_on_sigterm_and_lets_go_of_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut pty) = new_session_env(dir.path(), &[("KIROKU_INJECT_HANG", "1")]);
    pty.type_text("確定した発言");
    pty.send(keys::ENTER);
    assert!(pty.wait_for("確定した発言", WAIT));
    pty.type_text("途中の入力");
    // The unfinished input reaches the journal within a second.
    std::thread::sleep(Duration::from_millis(1500));
    pty.send(keys::ENTER);
    std::thread::sleep(Duration::from_millis(300));
    kill(&mut pty, "-TERM");
    let status = pty
        .wait_exit(Duration::from_secs(30))
        .expect("the watchdog ends a stuck kiroku");
    assert!(!status.success());
    assert!(
        SessionLock::acquire(&path, "test").is_ok(),
        "the lock is free"
    );
    // As after kill -9: the session file and its journal together.
    let (s, _store, _) = Store::open(&path).unwrap();
    let texts: Vec<&str> = s.remarks.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts, ["確定した発言"]);
    assert_eq!(s.live.draft.unwrap().text, "途中の入力");
}

#[test]
fn a_panic_restores_the_terminal_and_leaves_a_recovery_file_that_open_offers() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut pty) = new_session_env(dir.path(), &[("KIROKU_INJECT_PANIC", "1")]);
    let p = path.to_str().unwrap();
    pty.type_text("パニック前の入力");
    pty.send(keys::ENTER);
    let status = pty.wait_exit(WAIT).expect("exits");
    assert!(!status.success());
    let out = String::from_utf8_lossy(&pty.raw_output()).into_owned();
    assert!(out.contains("\x1b[?1049l"), "alternate screen left");
    assert!(out.contains("\x1b[?2004l"), "bracketed paste off");
    let rescue = dir.path().join("s.ron.recovery");
    assert!(
        out.contains("s.ron.recovery"),
        "the message names the file: {out}"
    );
    let r = load_session(&rescue).unwrap();
    assert_eq!(r.live.draft.unwrap().text, "パニック前の入力");
    let mode = std::fs::metadata(&rescue).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);

    let out = common::kiroku().args(["open", p]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let msg = String::from_utf8(out.stderr).unwrap();
    assert!(
        msg.contains("--recover") && msg.contains("s.ron.recovery"),
        "{msg}"
    );

    let mut pty = Pty::spawn(&["open", p, "--recover"], dir.path(), 100, 30);
    assert!(pty.wait_for("パニック前の入力", WAIT), "{}", pty.screen());
    pty.send(keys::CTRL_Q);
    assert!(pty.wait_exit(WAIT).unwrap().success());
    assert_eq!(
        load_session(&path).unwrap().live.draft.unwrap().text,
        "パニック前の入力"
    );
    assert!(!rescue.exists(), "the recovery file is set aside once used");
}

#[test]
fn every_file_that_can_hold_non_public_content_has_mode_0600() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut pty) = new_session(dir.path());
    pty.send(keys::CTRL_O);
    pty.type_text("非公開の発言");
    pty.send(keys::ENTER);
    assert!(pty.wait_for("非公開の発言", WAIT));
    let internal = dir.path().join("internal.txt");
    for f in [
        path.clone(),
        journal_path(&path),
        kiroku::storage::lock_path(&path),
    ] {
        let mode = std::fs::metadata(&f).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", f.display());
    }
    pty.send(keys::CTRL_Q);
    pty.wait_exit(WAIT).unwrap();
    let out = common::kiroku()
        .args(["export", "-a", "internal", "-o"])
        .arg(&internal)
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    for f in [path.clone(), journal_path(&path), internal] {
        let mode = std::fs::metadata(&f).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", f.display());
    }
}

/// A session and its journal with real records, as kiroku leaves them after a crash.
fn crashed_session(dir: &Path) -> PathBuf {
    let (path, mut pty) = new_session(dir);
    for (i, text) in ["一つ目の発言", "二つ目の発言", "三つ目の発言"]
        .iter()
        .enumerate()
    {
        pty.send(&keys::alt(char::from(b'1' + i as u8)));
        pty.type_text(text);
        pty.send(keys::ENTER);
        assert!(pty.wait_for(text, WAIT));
    }
    kill(&mut pty, "-9");
    pty.wait_exit(WAIT).unwrap();
    path
}

#[test]
fn a_journal_cut_at_every_byte_keeps_every_whole_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = crashed_session(dir.path());
    let session_bytes = std::fs::read(&path).unwrap();
    let jpath = journal_path(&path);
    let journal = std::fs::read(&jpath).unwrap();
    let (full, _, _) = Store::open(&path).unwrap();
    assert_eq!(full.remarks.len(), 3, "the journal held all three");
    let mut last = 0;
    for n in 0..=journal.len() {
        std::fs::write(&path, &session_bytes).unwrap();
        std::fs::write(&jpath, &journal[..n]).unwrap();
        let (s, _, rec) = Store::open(&path).unwrap_or_else(|e| panic!("cut at {n}: {e}"));
        // Never more than was journaled, never fewer than the whole lines before the cut.
        assert!(s.remarks.len() >= last, "cut at {n}");
        assert!(s.remarks.len() <= 3);
        last = s.remarks.len();
        assert!(rec.damaged.is_none(), "a cut is not damage (at {n})");
    }
    assert_eq!(last, 3);
}

#[test]
fn a_flipped_byte_in_the_journal_is_reported_and_a_copy_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = crashed_session(dir.path());
    let jpath = journal_path(&path);
    let mut journal = std::fs::read(&jpath).unwrap();
    let second_line = journal.iter().position(|b| *b == b'\n').unwrap() + 1;
    journal[second_line + 20] ^= 0x01;
    std::fs::write(&jpath, &journal).unwrap();
    let damaged = journal.clone();
    let (_, _, rec) = Store::open(&path).unwrap();
    let (copy, why) = rec.damaged.expect("damage reported");
    assert!(why.contains(":2: damaged record"), "{why}");
    assert_eq!(
        std::fs::read(copy).unwrap(),
        damaged,
        "the damaged journal is kept as it was"
    );
}

#[test]
fn a_damaged_session_file_is_refused_precisely_and_never_touched() {
    let dir = tempfile::tempdir().unwrap();
    let path = crashed_session(dir.path());
    // Fold the journal in, so the session file has everything.
    let _ = Store::open(&path).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    for n in (0..bytes.len()).step_by(7) {
        std::fs::write(&path, &bytes[..n]).unwrap();
        match Store::open(&path) {
            Ok(_) => panic!("a session cut at {n} loaded"),
            Err(e) => {
                assert!(e.position.is_some() || n < 40, "cut at {n}: {e}");
                assert_eq!(
                    std::fs::read(&path).unwrap(),
                    &bytes[..n],
                    "never rewritten"
                );
            }
        }
    }
    for (i, flip) in [(120, b'@'), (400, b'\xff'), (bytes.len() / 2, b'(')] {
        let mut b = bytes.clone();
        b[i] = flip;
        std::fs::write(&path, &b).unwrap();
        if let Err(e) = Store::open(&path) {
            assert!(
                e.to_string().starts_with(&path.display().to_string()),
                "{e}"
            );
            assert_eq!(std::fs::read(&path).unwrap(), b, "never rewritten");
        }
    }
    std::fs::write(&path, b"").unwrap();
    assert!(
        Store::open(&path)
            .unwrap_err()
            .to_string()
            .contains("empty")
    );
    let wrong = String::from_utf8(bytes.clone())
        .unwrap()
        .replace("version: 1,", "version: 7,");
    std::fs::write(&path, &wrong).unwrap();
    assert!(
        Store::open(&path)
            .unwrap_err()
            .to_string()
            .contains("newer kiroku")
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), wrong);
}

#[test]
fn a_10_mb_paste_is_kept_and_saved_exactly() {
    use kiroku::app::Action;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let session = kiroku::model::Session::new(common::example_plan()).unwrap();
    let store = Store::create(&path, &session).unwrap();
    let mut app = common::app_with(session, kiroku::i18n::Lang::Ja);
    let mut rec = kiroku::recorder::Recorder::new(store, Instant::now());
    let line = "議事録の貼り付け試験です。Paste test, 10 MB.\n";
    let big = line.repeat(10 * 1024 * 1024 / line.len());
    let _ = app.update(Action::Paste(big.clone()), common::at(15, 0, 0));
    let _ = app.update(Action::Insert('了'), common::at(15, 0, 1));
    common::render(&mut app, 120, 40, common::at(15, 0, 1));
    // Let a second pass so the unfinished input is journaled, then die without a save.
    rec.tick(
        &mut app,
        common::at(15, 0, 2),
        Instant::now() + Duration::from_secs(2),
    );
    rec.tick(
        &mut app,
        common::at(15, 0, 3),
        Instant::now() + Duration::from_secs(3),
    );
    drop(rec);
    let (s, _, rec) = Store::open(&path).unwrap();
    assert!(rec.replayed > 0);
    assert_eq!(
        s.live.draft.unwrap().text,
        format!("{big}了"),
        "saved exactly"
    );
}

#[test]
fn after_a_save_error_ctrl_s_offers_to_save_elsewhere() {
    use kiroku::app::{Action, Effect, Overlay, SaveStatus};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let session = kiroku::model::Session::new(common::example_plan()).unwrap();
    let store = Store::create(&path, &session).unwrap();
    let mut app = common::app_with(session, kiroku::i18n::Lang::En);
    app.save_path = path.clone();
    let mut rec = kiroku::recorder::Recorder::new(store, Instant::now());
    let _ = common::press(
        &mut app,
        "<A-1>保存先を変える前の発言<Enter>",
        common::at(15, 0, 0),
    );
    let _ = app.update(
        Action::Saved(Err("s.ron: No space left on device".into())),
        common::at(15, 0, 1),
    );
    let screen = common::screen_text(&common::render(&mut app, 100, 30, common::at(15, 0, 1)));
    assert!(
        screen.contains("SAVE ERROR: s.ron: No space left on device"),
        "{screen}"
    );
    let _ = common::press(&mut app, "<C-s>", common::at(15, 0, 2));
    assert!(
        matches!(app.overlay, Overlay::Form(_)),
        "save-as is offered"
    );
    let elsewhere = dir.path().join("elsewhere.ron");
    // Clear the suggested path and type another.
    let _ = common::press(&mut app, "<C-a>", common::at(15, 0, 2));
    for _ in 0..path.as_os_str().len() + 20 {
        let _ = common::press(&mut app, "<Delete>", common::at(15, 0, 2));
    }
    let effects = common::press(
        &mut app,
        &format!("{}<Enter>", elsewhere.display()),
        common::at(15, 0, 3),
    );
    assert_eq!(effects.effects, vec![Effect::SaveAs(elsewhere.clone())]);
    // A file already there (another meeting, perhaps) is never replaced by save-as.
    std::fs::write(&elsewhere, "another meeting").unwrap();
    rec.carry_out(
        &mut app,
        kiroku::app::Step {
            effects: effects.effects.clone(),
            edits: Vec::new(),
        },
        common::at(15, 0, 3),
        Instant::now(),
    );
    assert!(matches!(app.save, SaveStatus::Error(ref e) if e.contains("already exists")));
    assert_eq!(
        std::fs::read_to_string(&elsewhere).unwrap(),
        "another meeting"
    );
    std::fs::remove_file(&elsewhere).unwrap();
    rec.carry_out(&mut app, effects, common::at(15, 0, 3), Instant::now());
    assert!(matches!(app.save, SaveStatus::Saved(_)), "{:?}", app.save);
    assert_eq!(app.save_path, elsewhere);
    let moved = load_session(&elsewhere).unwrap();
    assert_eq!(moved.remarks[0].text, "保存先を変える前の発言");
    assert!(
        kiroku::storage::lock_path(&elsewhere).exists(),
        "the new path is locked"
    );
}
