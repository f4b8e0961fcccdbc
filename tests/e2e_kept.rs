//! Nothing committed is lost on the paths found since the first trust work: git's merge driver
//! after a `kill -9` (the last remarks only in the journal), and while a kiroku is still
//! recording the file. Through the real binary in a pty and the real git.
#![cfg(unix)]
// Unix by nature: the binary in a Unix pseudo-terminal, with the real git and kill -9.

mod common;

use std::path::Path;
use std::time::Duration;

use common::git::{git, new_repo, run};
use common::{Pty, at, keys, pid};
use kiroku::model::Session;
use kiroku::storage::{load_session, save_session};

const WAIT: Duration = Duration::from_secs(10);

fn kiroku(args: &[&str]) -> std::process::Output {
    common::kiroku().args(args).output().unwrap()
}

/// A repository whose main branch has the meeting with its opening remark, and a branch
/// `baba` where 馬場 took down one more. Journals and locks are kept out of git, as the
/// README says.
fn repo_with_two_branches() -> Option<(tempfile::TempDir, std::path::PathBuf)> {
    let dir = new_repo()?;
    let repo = dir.path();
    std::fs::write(
        repo.join(".gitignore"),
        "sessions/*.journal\nsessions/*.lock\n",
    )
    .unwrap();
    let meeting = repo.join("sessions/meeting.ron");
    let mut s = Session::new(common::example_plan()).unwrap();
    s.live.clerk = Some("青木".into());
    s.set_speaker(pid("yamada"));
    s.add_remark("開会いたします。".into(), at(15, 0, 0), at(15, 0, 20));
    save_session(&meeting, &s).unwrap();
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "開会"]);
    git(repo, &["switch", "-q", "-c", "baba"]);
    s.live.clerk = Some("馬場".into());
    s.set_speaker(pid("ito"));
    s.add_remark("馬場が記録した発言".into(), at(15, 30, 0), at(15, 30, 20));
    save_session(&meeting, &s).unwrap();
    git(repo, &["commit", "-q", "-am", "馬場"]);
    git(repo, &["switch", "-q", "main"]);
    Some((dir, meeting))
}

/// 青木's own commit on main since the branch: git then merges the two with the driver.
fn commit_on_main(repo: &Path, meeting: &Path) {
    let mut s = load_session(meeting).unwrap();
    s.remarks[0].check_later = true;
    save_session(meeting, &s).unwrap();
    git(repo, &["commit", "-q", "-am", "要確認"]);
}

/// 青木 opens the meeting on main and takes down two remarks, each shown saved.
fn record_two(repo: &Path, meeting: &Path) -> Pty {
    let mut pty = Pty::spawn(
        &[
            "--lang",
            "ja",
            "--clerk",
            "青木",
            "open",
            meeting.to_str().unwrap(),
        ],
        repo,
        120,
        35,
    );
    assert!(
        pty.wait_for("北町市デジタル推進会議", WAIT),
        "{}",
        pty.screen()
    );
    pty.send(&keys::alt('2'));
    for text in ["ジャーナルだけの一", "ジャーナルだけの二"] {
        pty.type_text(text);
        pty.send(keys::ENTER);
        assert!(pty.wait_for(text, WAIT));
    }
    assert!(pty.wait_for("保存済", WAIT), "{}", pty.screen());
    pty
}

fn texts(path: &Path) -> Vec<String> {
    let o = kiroku(&["export", path.to_str().unwrap(), "-a", "internal"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let record = String::from_utf8(o.stdout).unwrap();
    [
        "開会いたします。",
        "ジャーナルだけの一",
        "ジャーナルだけの二",
        "馬場が記録した発言",
    ]
    .into_iter()
    .filter(|t| record.contains(t))
    .map(str::to_owned)
    .collect()
}

#[test]
fn the_merge_driver_reads_this_branch_through_its_journal_after_kill_9() {
    let Some((dir, meeting)) = repo_with_two_branches() else {
        return;
    };
    let repo = dir.path();
    commit_on_main(repo, &meeting);
    record_two(repo, &meeting).kill_9();
    // The file is still the committed one: the two remarks are in its journal alone.
    let status = git(repo, &["status", "--porcelain"]);
    let diff = git(repo, &["diff"]);
    assert!(
        status.stdout.is_empty(),
        "{status:?} {}",
        String::from_utf8_lossy(&diff.stdout)
    );
    let out = run(repo, "git", &["merge", "--no-edit", "baba"]);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(texts(&meeting).len(), 4, "every remark of both sides");
    let o = kiroku(&["check", meeting.to_str().unwrap()]);
    let summary = String::from_utf8_lossy(&o.stdout);
    assert!(summary.contains("4 remarks"), "{summary}");
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(
        !said.contains("another version"),
        "the journal is not taken for another version's: {said}"
    );
    // Opened again: nothing set aside as damaged, nothing lost, and the file is private.
    let mut pty = Pty::spawn(
        &["--lang", "ja", "open", meeting.to_str().unwrap()],
        repo,
        120,
        35,
    );
    assert!(pty.wait_for("馬場が記録した発言", WAIT), "{}", pty.screen());
    pty.send(keys::CTRL_Q);
    assert!(pty.wait_exit(WAIT).is_some_and(|s| s.success()));
    let damaged = std::fs::read_dir(repo.join("sessions"))
        .unwrap()
        .flatten()
        .any(|e| e.file_name().to_string_lossy().contains("damaged"));
    assert!(!damaged, "no journal set aside");
    assert_eq!(load_session(&meeting).unwrap().remarks.len(), 4);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&meeting).unwrap().permissions().mode();
        assert_eq!(
            mode & 0o777,
            0o600,
            "git wrote it for everyone; kiroku made it private"
        );
    }
}

#[test]
fn the_merge_driver_refuses_while_the_session_is_being_recorded() {
    let Some((dir, meeting)) = repo_with_two_branches() else {
        return;
    };
    let repo = dir.path();
    commit_on_main(repo, &meeting);
    let mut pty = record_two(repo, &meeting);
    let out = run(repo, "git", &["merge", "--no-edit", "baba"]);
    assert!(!out.status.success(), "git reports the merge as not done");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("being recorded in kiroku"), "{said}");
    // The running kiroku loses nothing, and says it wrote the session anew if git touched it.
    pty.type_text("マージ後の発言");
    pty.send(keys::ENTER);
    assert!(pty.wait_for("マージ後の発言", WAIT));
    pty.send(keys::CTRL_Q);
    assert!(pty.wait_exit(WAIT).is_some_and(|s| s.success()));
    let kept = texts(&meeting);
    assert_eq!(kept.len(), 3, "{kept:?}");
    // Closed in kiroku, the merge is run again as the message says, and takes both sides:
    // what kiroku wrote and the other branch.
    let out = run(repo, "git", &["checkout", "-m", "sessions/meeting.ron"]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(texts(&meeting).len(), 4);
    let record =
        String::from_utf8(kiroku(&["export", meeting.to_str().unwrap(), "-a", "internal"]).stdout)
            .unwrap();
    assert!(record.contains("マージ後の発言"), "{record}");
    git(repo, &["commit", "-q", "-am", "統合"]);
}

/// With nothing committed on main since the branch, git fast-forwards: the driver is not
/// run, and the file is replaced under the journal. What the journal committed is merged
/// into the file that is there, by every reader, and kept by `kiroku open`.
#[test]
fn a_fast_forward_under_a_journal_loses_nothing() {
    let Some((dir, meeting)) = repo_with_two_branches() else {
        return;
    };
    let repo = dir.path();
    record_two(repo, &meeting).kill_9();
    let out = run(repo, "git", &["merge", "--ff-only", "baba"]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(texts(&meeting).len(), 4, "every remark of both sides");
    let o = kiroku(&["check", meeting.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("4 remarks"));
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(
        said.contains("merged in"),
        "the reader says what it did: {said}"
    );
    let mut pty = Pty::spawn(
        &["--lang", "ja", "open", meeting.to_str().unwrap()],
        repo,
        120,
        35,
    );
    assert!(pty.wait_for("ジャーナルだけの二", WAIT), "{}", pty.screen());
    pty.send(keys::CTRL_Q);
    assert!(pty.wait_exit(WAIT).is_some_and(|s| s.success()));
    let s = load_session(&meeting).unwrap();
    assert_eq!(s.remarks.len(), 4, "{:?}", s.remarks);
    let mut ids: Vec<u64> = s.remarks.iter().map(|r| r.id).collect();
    ids.dedup();
    assert_eq!(ids.len(), 4, "each remark its own number");
}

/// A withholding made in cleanup, in the journal alone when git replaces the file by a
/// fast-forward, is kept: the remark stays out of the public minutes; and the session the
/// readers merge keeps every remark under a number of its own, through `open` and quit.
#[test]
fn a_fast_forward_keeps_a_withholding_made_in_the_journal() {
    let Some((dir, meeting)) = repo_with_two_branches() else {
        return;
    };
    let repo = dir.path();
    let mut pty = record_two(repo, &meeting);
    // Cleanup: the opening remark (the first) withheld with p.
    pty.send(b"\x12");
    assert!(pty.wait_for("整理", WAIT), "{}", pty.screen());
    pty.send(b"g");
    pty.send(b"p");
    assert!(pty.wait_for("保存済", WAIT), "{}", pty.screen());
    std::thread::sleep(Duration::from_millis(500));
    pty.kill_9();
    let out = run(repo, "git", &["merge", "--ff-only", "baba"]);
    assert!(out.status.success(), "{out:?}");
    let o = kiroku(&["export", meeting.to_str().unwrap()]);
    let minutes = String::from_utf8_lossy(&o.stdout);
    assert!(
        !minutes.contains("開会いたします。"),
        "published: {minutes}"
    );
    assert!(minutes.contains("馬場が記録した発言"), "{minutes}");
    let mut pty = Pty::spawn(
        &["--lang", "ja", "open", meeting.to_str().unwrap()],
        repo,
        120,
        35,
    );
    assert!(pty.wait_for("ジャーナルだけの二", WAIT), "{}", pty.screen());
    pty.send(keys::CTRL_Q);
    assert!(pty.wait_exit(WAIT).is_some_and(|s| s.success()));
    let o = kiroku(&["check", meeting.to_str().unwrap()]);
    assert!(o.status.success(), "the file reads: {o:?}");
    assert_eq!(texts(&meeting).len(), 4);
    let o = kiroku(&["export", meeting.to_str().unwrap()]);
    assert!(!String::from_utf8_lossy(&o.stdout).contains("開会いたします。"));
}

/// A fast-forward while a kiroku is recording the session: git replaces the file under it
/// (no driver is asked). The running kiroku takes in what the file there holds before it
/// writes its record again, so the other clerk's remark stays.
#[test]
fn a_fast_forward_under_a_running_kiroku_loses_nothing() {
    let Some((dir, meeting)) = repo_with_two_branches() else {
        return;
    };
    let repo = dir.path();
    let mut pty = record_two(repo, &meeting);
    let out = run(repo, "git", &["merge", "--ff-only", "baba"]);
    assert!(out.status.success(), "{out:?}");
    assert!(pty.wait_for("取り込んで", WAIT), "{}", pty.screen());
    assert!(pty.wait_for("馬場が記録した発言", WAIT), "{}", pty.screen());
    pty.type_text("取り込み後の発言");
    pty.send(keys::ENTER);
    assert!(pty.wait_for("取り込み後の発言", WAIT));
    pty.send(keys::CTRL_Q);
    assert!(pty.wait_exit(WAIT).is_some_and(|s| s.success()));
    assert_eq!(texts(&meeting).len(), 4, "both clerks' remarks");
    let s = load_session(&meeting).unwrap();
    assert!(s.remarks.iter().any(|r| r.text == "取り込み後の発言"));
}
