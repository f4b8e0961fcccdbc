//! Two clerks, one record, through the real `git`: a repository set up with the README's own
//! lines, two branches where two clerks each record a stretch and correct an earlier remark,
//! and `git merge` running `kiroku merge-driver`.
#![cfg(unix)]
// Unix by nature: the real git running kiroku as its merge driver, from a Unix shell.

mod common;

use std::path::Path;

use common::git::{git, new_repo, run};
use common::{at, pid};
use kiroku::model::Session;
use kiroku::storage::{load_session, save_session};

fn edit(path: &Path, f: impl FnOnce(&mut Session)) {
    let mut s = load_session(path).unwrap();
    f(&mut s);
    save_session(path, &s).unwrap();
}

fn text_of(s: &Session, id: u64) -> &str {
    &s.remarks.iter().find(|r| r.id == id).unwrap().text
}

#[test]
fn two_clerks_merge_their_branches_with_the_readme_s_driver() {
    let Some(dir) = new_repo() else {
        return;
    };
    let repo = dir.path();
    let meeting = repo.join("sessions/meeting.ron");
    let plan = kiroku::storage::load_agenda(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sessions/example-agenda.ron"
    )))
    .unwrap();
    let mut base = Session::new(plan).unwrap();
    base.live.clerk = Some("青木".into());
    base.set_speaker(pid("yamada"));
    let first = base.add_remark("開会いたします。".into(), at(15, 0, 0), at(15, 0, 20));
    base.set_speaker(pid("sato"));
    let second = base.add_remark("質問がございます。".into(), at(15, 2, 0), at(15, 2, 30));
    save_session(&meeting, &base).unwrap();
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "before the meeting"]);

    // 青木 records a stretch and corrects the opening.
    git(repo, &["switch", "-q", "-c", "aoki"]);
    edit(&meeting, |s| {
        s.set_speaker(pid("watanabe"));
        s.add_remark(
            "資料1をご説明します。".into(),
            at(15, 10, 0),
            at(15, 10, 30),
        );
        s.remark_mut(first).unwrap().text = "ただいまから開会いたします。".into();
    });
    git(repo, &["commit", "-q", "-am", "第1部（青木）"]);
    // 馬場 takes over from the same file, records the next stretch, and corrects the opening
    // differently and the question (which 青木 left alone).
    git(repo, &["switch", "-q", "-c", "baba", "main"]);
    edit(&meeting, |s| {
        s.hand_over("馬場", at(15, 30, 0));
        s.set_speaker(pid("ito"));
        s.add_remark(
            "事業者向けから進めてほしい。".into(),
            at(15, 38, 0),
            at(15, 38, 30),
        );
        s.remark_mut(first).unwrap().text = "これより開会いたします。".into();
        s.remark_mut(second).unwrap().text = "一点、質問がございます。".into();
    });
    git(repo, &["commit", "-q", "-am", "第2部（馬場）"]);

    git(repo, &["switch", "-q", "aoki"]);
    let out = run(repo, "git", &["merge", "--no-edit", "baba"]);
    assert!(
        !out.status.success(),
        "the differing corrections are a conflict"
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("CONFLICT"), "{said}");
    let text = std::fs::read_to_string(&meeting).unwrap();
    assert!(!text.contains("<<<<<<<"), "no conflict markers in the RON");
    let merged = load_session(&meeting).unwrap();
    let texts: Vec<&str> = merged.remarks.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "ただいまから開会いたします。",
            "一点、質問がございます。",
            "資料1をご説明します。",
            "事業者向けから進めてほしい。",
        ],
        "every remark once, in time order; a one-sided correction wins"
    );
    let opening = &merged.remarks[0];
    assert_eq!(opening.alternatives.len(), 1);
    assert_eq!(opening.alternatives[0].text, "これより開会いたします。");
    assert_eq!(merged.log.handovers.len(), 1);
    assert_eq!(text_of(&merged, second), "一点、質問がございます。");
    // Reviewed, it is committed like any file.
    git(repo, &["add", "sessions/meeting.ron"]);
    git(repo, &["commit", "-q", "--no-edit"]);

    // Without a differing correction, git merges cleanly.
    git(repo, &["switch", "-q", "-c", "later", "aoki"]);
    edit(&meeting, |s| {
        s.set_speaker(pid("yamada"));
        s.add_remark("閉会いたします。".into(), at(16, 5, 0), at(16, 5, 10));
    });
    git(repo, &["commit", "-q", "-am", "閉会"]);
    git(repo, &["switch", "-q", "aoki"]);
    edit(&meeting, |s| {
        s.remark_mut(second).unwrap().check_later = true;
    });
    git(repo, &["commit", "-q", "-am", "要確認"]);
    git(repo, &["merge", "-q", "--no-edit", "later"]);
    let merged = load_session(&meeting).unwrap();
    assert_eq!(merged.remarks.len(), 5);
    assert!(
        merged
            .remarks
            .iter()
            .find(|r| r.id == second)
            .unwrap()
            .check_later
    );
}

/// An agenda file under sessions/ matches the README's pattern too: the driver merges it as
/// text, so edits to different lines on two branches both arrive.
#[test]
fn an_agenda_file_merges_as_text() {
    let Some(dir) = new_repo() else {
        return;
    };
    let repo = dir.path();
    let agenda = repo.join("sessions/agenda.ron");
    let text = std::fs::read_to_string(common::EXAMPLE).unwrap();
    std::fs::write(&agenda, &text).unwrap();
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "agenda"]);
    git(repo, &["switch", "-q", "-c", "place"]);
    std::fs::write(&agenda, text.replace("7階大会議室", "8階会議室")).unwrap();
    git(repo, &["commit", "-q", "-am", "place"]);
    git(repo, &["switch", "-q", "-c", "title", "main"]);
    std::fs::write(
        &agenda,
        text.replace("title: \"開会挨拶\"", "title: \"開会\""),
    )
    .unwrap();
    git(repo, &["commit", "-q", "-am", "title"]);
    git(repo, &["merge", "-q", "--no-edit", "place"]);
    let merged = kiroku::storage::load_agenda(&agenda).unwrap();
    assert!(merged.meeting.place.contains("8階会議室"));
    assert_eq!(merged.agenda[0].title, "開会");
}
