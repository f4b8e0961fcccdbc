//! What was said off the record stays out of every public output, on the paths found since
//! the first trust work: a 閉会 pressed by mistake and taken back while off the record, two
//! clerks' records merged where only one had the record off (`kiroku merge` and git's merge
//! driver), and remarks moved or retimed into a stretch. Each through the real binary, the
//! public minutes read in every shipped style and format.
#![cfg(unix)]
// Unix by nature: the binary in a Unix pseudo-terminal, with the real git.

mod common;

use std::path::Path;
use std::time::Duration;

use common::git::{git, new_repo, run as run_in};
use common::{EXAMPLE, Pty, at, keys, pid};
use kiroku::model::{ActionItem, Session};
use kiroku::storage::{load_session, save_session};

const WAIT: Duration = Duration::from_secs(10);
const DOWN: &[u8] = b"\x1b[B";
const TAB: &[u8] = b"\t";
const STYLES: [&str; 7] = [
    "default",
    "bracket",
    "proceedings",
    "english",
    "kaigiroku",
    "gijiroku",
    "youroku",
];

fn run(args: &[&str]) -> std::process::Output {
    common::kiroku().args(args).output().unwrap()
}

/// Every public style in every format, and what the exports said on standard error.
fn every_public_export(path: &Path) -> String {
    let p = path.to_str().unwrap();
    let mut all = String::new();
    for style in STYLES {
        for format in ["text", "markdown", "html", "json"] {
            let o = run(&["export", p, "-s", style, "-f", format]);
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            all.push_str(&String::from_utf8(o.stdout).unwrap());
            all.push_str(&String::from_utf8(o.stderr).unwrap());
        }
        let docx = path.with_extension(format!("{style}.docx"));
        let o = run(&["export", p, "-s", style, "-f", "docx", "-o"]
            .into_iter()
            .chain([docx.to_str().unwrap()])
            .collect::<Vec<_>>());
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        all.push_str(&common::docx_part(
            &std::fs::read(&docx).unwrap(),
            "word/document.xml",
        ));
        if common::pdf::available() {
            let pdf = path.with_extension(format!("{style}.pdf"));
            let o = run(&["export", p, "-s", style, "-f", "pdf", "-o"]
                .into_iter()
                .chain([pdf.to_str().unwrap()])
                .collect::<Vec<_>>());
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            all.push_str(&String::from_utf8(o.stderr).unwrap());
            all.push_str(&common::pdf::text(&std::fs::read(&pdf).unwrap()));
        }
    }
    all
}

fn internal(path: &Path) -> String {
    let o = run(&["export", path.to_str().unwrap(), "-a", "internal"]);
    assert!(o.status.success());
    String::from_utf8(o.stdout).unwrap()
}

/// In the proceedings style the markers alternate, 入る then 戻る, and nothing public stands
/// between a pair.
fn markers_in_order(text: &str, public_words: &[&str]) {
    let mut inside = false;
    for line in text.lines() {
        if line.contains("非公開に入る") {
            assert!(!inside, "two openings in a row:\n{text}");
            inside = true;
        } else if line.contains("公開に戻る") {
            assert!(inside, "a closing with no opening:\n{text}");
            inside = false;
        } else if inside {
            for w in public_words {
                assert!(!line.contains(w), "{w} stands inside a gap:\n{text}");
            }
        }
    }
}

fn proceedings(path: &Path) -> String {
    let o = run(&["export", path.to_str().unwrap(), "-s", "proceedings"]);
    assert!(o.status.success());
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn what_is_recorded_between_a_close_and_its_take_back_stays_off_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    // The clock moves on a few seconds between the clerk's keys, as in a meeting.
    let clock = common::TestClock::new(dir.path(), "2026-07-03T15:00:00+09:00");
    let mut second = 0;
    let mut tick = || {
        second += 7;
        clock.set(&format!(
            "2026-07-03T15:{:02}:{:02}+09:00",
            second / 60,
            second % 60
        ));
    };
    let mut pty = Pty::spawn_env(
        &["--lang", "ja", "new", EXAMPLE, "-o", path.to_str().unwrap()],
        dir.path(),
        120,
        35,
        &[clock.env()],
    );
    assert!(pty.wait_for("北町市デジタル推進会議", WAIT));
    pty.send(&keys::alt('1'));
    pty.type_text("公開の冒頭発言");
    tick();
    pty.send(keys::ENTER);
    tick();
    pty.send(keys::CTRL_O);
    tick();
    pty.send(&keys::alt('2'));
    pty.type_text("記録外の発言");
    tick();
    pty.send(keys::ENTER);
    tick();
    // 閉会 by mistake, off the record.
    pty.send(&keys::alt('c'));
    tick();
    assert!(pty.wait_for("閉会", WAIT), "{}", pty.screen());
    pty.type_text("閉会中の発言ZQ");
    tick();
    pty.send(keys::ENTER);
    tick();
    // A decision with an action item, and someone going out.
    pty.send(&keys::alt('v'));
    assert!(pty.wait_for("議決", WAIT), "{}", pty.screen());
    for k in [&b" "[..], TAB, b"  ", TAB, TAB] {
        pty.send(k);
    }
    pty.type_text("閉会中の宿題ZQ");
    pty.send(keys::ENTER);
    tick();
    pty.send(&keys::alt('a'));
    pty.send(DOWN);
    pty.send(keys::ENTER);
    tick();
    // Taken back within ten minutes: the stretch goes on; then the record comes back on.
    pty.send(&keys::alt('c'));
    tick();
    pty.send(keys::CTRL_O);
    tick();
    pty.send(&keys::alt('1'));
    pty.type_text("記録に戻った発言");
    tick();
    pty.send(keys::ENTER);
    assert!(pty.wait_for("記録に戻った発言", WAIT), "{}", pty.screen());
    pty.send(keys::CTRL_Q);
    assert!(pty.wait_exit(WAIT).is_some_and(|s| s.success()));

    let session = load_session(&path).unwrap();
    assert!(session.log.closed().is_none(), "the close was taken back");
    assert_eq!(session.log.decisions.len(), 1, "{:?}", session.log);
    let left = &session.log.presence[0];
    let who = session
        .plan
        .participant(&left.who)
        .unwrap()
        .name
        .replace(' ', "");
    let out = every_public_export(&path);
    for word in ["記録外の発言", "閉会中の発言ZQ", "閉会中の宿題ZQ"] {
        assert!(!out.contains(word), "published: {word}");
    }
    // Nobody's going out is dated in the public attendance list.
    let json = String::from_utf8(
        run(&[
            "export",
            path.to_str().unwrap(),
            "-s",
            "proceedings",
            "-f",
            "json",
        ])
        .stdout,
    )
    .unwrap();
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let entries = doc["attendance"]["groups"].to_string();
    let entry = entries
        .split('"')
        .find(|e| e.replace(' ', "").contains(&who))
        .unwrap_or_else(|| panic!("{who} listed: {entries}"));
    assert!(!entry.contains("退席"), "{entry}");
    for word in ["公開の冒頭発言", "記録に戻った発言"] {
        assert!(out.contains(word), "missing: {word}");
    }
    let record = internal(&path);
    for word in ["記録外の発言", "閉会中の発言ZQ", "記録に戻った発言"] {
        assert!(
            record.contains(word),
            "lost from the internal record: {word}"
        );
    }
    let minutes = proceedings(&path);
    assert!(!minutes.contains("閉会〕"), "no 閉会 line: {minutes}");
    markers_in_order(&minutes, &["公開の冒頭発言", "記録に戻った発言"]);
}

/// 青木's copy with the record off from 15:01 to 15:03; 馬場's, who missed it, with a remark,
/// a decision with an action item, a recess and the resumption, and someone going out in
/// that window.
fn two_clerks(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let plan = common::example_plan();
    let mut base = Session::new(plan).unwrap();
    base.set_speaker(pid("yamada"));
    base.add_remark("開会いたします。".into(), at(15, 0, 0), at(15, 0, 20));
    base.open_meeting(at(15, 0, 0));
    let mut a = base.clone();
    a.live.clerk = Some("青木".into());
    a.set_off_record(true, at(15, 1, 0));
    a.set_off_record(false, at(15, 3, 0));
    a.set_speaker(pid("sato"));
    a.add_remark("記録に戻りました。".into(), at(15, 3, 10), at(15, 3, 30));
    let mut b = base.clone();
    b.live.clerk = Some("馬場".into());
    b.set_speaker(pid("suzuki"));
    b.add_remark("窓の中の発言ZQ".into(), at(15, 1, 30), at(15, 1, 50));
    b.decide(
        "了承".into(),
        None,
        None,
        vec![ActionItem {
            what: "窓の中の宿題ZQ".into(),
            who: None,
            due: None,
        }],
        at(15, 2, 0),
    );
    b.toggle_recess(at(15, 2, 10));
    b.toggle_recess(at(15, 2, 40));
    b.toggle_presence(&pid("sato").unwrap(), at(15, 2, 50));
    let (pa, pb) = (dir.join("aoki.ron"), dir.join("baba.ron"));
    save_session(&pa, &a).unwrap();
    save_session(&pb, &b).unwrap();
    (pa, pb)
}

/// What 馬場 recorded in 青木's stretch is in the merged internal record and in no public
/// output: no remark, no action item, no recess line (午後三時二分十秒 …), no departure.
fn window_withheld(merged: &Path) {
    let out = every_public_export(merged);
    for word in ["窓の中の発言ZQ", "窓の中の宿題ZQ", "休憩", "再開", "退席"] {
        assert!(!out.contains(word), "published: {word}");
    }
    assert!(out.contains("記録に戻りました。"));
    let record = internal(merged);
    for word in ["窓の中の発言ZQ", "窓の中の宿題ZQ"] {
        assert!(record.contains(word), "lost: {word}");
    }
    markers_in_order(
        &proceedings(merged),
        &["開会いたします。", "記録に戻りました。"],
    );
}

#[test]
fn a_merge_withholds_what_one_clerk_recorded_in_the_other_s_stretch() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = two_clerks(dir.path());
    let merged = dir.path().join("merged.ron");
    let o = run(&[
        "merge",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "-o",
        merged.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    window_withheld(&merged);
}

#[test]
fn the_git_merge_driver_withholds_it_too() {
    let Some(repo) = new_repo() else {
        return;
    };
    let repo = repo.path();
    let (a, b) = two_clerks(repo);
    let meeting = repo.join("sessions/meeting.ron");
    let mut base = load_session(&a).unwrap();
    base.log.off_record.clear();
    base.remarks.truncate(1);
    save_session(&meeting, &base).unwrap();
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "opening"]);
    git(repo, &["switch", "-q", "-c", "baba"]);
    std::fs::copy(&b, &meeting).unwrap();
    git(repo, &["commit", "-q", "-am", "馬場"]);
    git(repo, &["switch", "-q", "main"]);
    std::fs::copy(&a, &meeting).unwrap();
    git(repo, &["commit", "-q", "-am", "青木"]);
    let out = run_in(repo, "git", &["merge", "--no-edit", "baba"]);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    window_withheld(&meeting);
}

/// In cleanup: a public remark traded with an off-the-record one (A-Up), and another retimed
/// into the stretch (T): each now falls in the stretch and is withheld; the markers stay in
/// order.
#[test]
fn remarks_moved_in_time_into_a_stretch_take_its_state() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let mut s = Session::new(common::example_plan()).unwrap();
    s.step_item(1, at(15, 5, 0));
    s.set_speaker(pid("sato"));
    s.add_remark("前の公開発言AQ".into(), at(15, 6, 0), at(15, 6, 20));
    s.add_remark("動かす公開発言BQ".into(), at(15, 7, 0), at(15, 7, 20));
    s.set_off_record(true, at(15, 8, 0));
    s.set_speaker(pid("suzuki"));
    s.add_remark("記録外の発言CQ".into(), at(15, 8, 10), at(15, 8, 30));
    s.set_off_record(false, at(15, 9, 0));
    s.add_remark("後の公開発言DQ".into(), at(15, 9, 10), at(15, 9, 30));
    save_session(&path, &s).unwrap();
    let mut pty = Pty::spawn(
        &["--lang", "ja", "open", path.to_str().unwrap(), "--review"],
        dir.path(),
        120,
        35,
    );
    assert!(pty.wait_for("後の公開発言DQ", WAIT), "{}", pty.screen());
    // The last remark is selected: up to 記録外の発言CQ, then A-Up trades it with BQ.
    pty.send(b"k");
    pty.send(b"\x1b[1;3A");
    // DQ's time corrected into the stretch: 15:08:40.
    pty.send(b"G");
    pty.send(b"T");
    pty.send(b"\x15");
    pty.type_text("15:08:40");
    pty.send(keys::ENTER);
    pty.send(keys::CTRL_Q);
    assert!(
        pty.wait_exit(WAIT).is_some_and(|s| s.success()),
        "{}",
        pty.screen()
    );
    let after = load_session(&path).unwrap();
    let moved = after
        .remarks
        .iter()
        .find(|r| r.text.contains("BQ"))
        .unwrap();
    assert_eq!(moved.began, at(15, 8, 10), "the two traded times");
    let retimed = after
        .remarks
        .iter()
        .find(|r| r.text.contains("DQ"))
        .unwrap();
    assert_eq!(retimed.began, at(15, 8, 40));
    let out = every_public_export(&path);
    for word in ["動かす公開発言BQ", "記録外の発言CQ", "後の公開発言DQ"] {
        assert!(!out.contains(word), "published: {word}");
    }
    assert!(out.contains("前の公開発言AQ"));
    markers_in_order(&proceedings(&path), &["AQ", "BQ", "CQ", "DQ"]);
    assert!(internal(&path).contains("記録外の発言CQ"));
}
