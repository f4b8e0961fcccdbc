//! The real binary in a pseudo-terminal: a short meeting typed as a note-taker would, and two
//! kirokus on one session.
#![cfg(unix)]
// Unix by nature: the binary in a Unix pseudo-terminal; on Windows, tests/e2e_wine.rs drives kiroku.exe.

mod common;

use std::process::Command;
use std::time::Duration;

use common::{EXAMPLE, Pty, TestClock, keys, pid};
use kiroku::storage::load_session;

const WAIT: Duration = Duration::from_secs(10);

#[test]
fn a_short_meeting_ends_up_in_the_session_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meeting.ron");
    let p = path.to_str().unwrap();
    // The test keeps the clock: each remark is stamped with the time set before it.
    let clock = TestClock::new(dir.path(), "2026-05-17T14:00:00+09:00");
    let mut pty = Pty::spawn_env(
        &["--lang", "ja", "new", EXAMPLE, "-o", p],
        dir.path(),
        100,
        30,
        &[clock.env()],
    );
    assert!(
        pty.wait_for("北町市デジタル推進会議", WAIT),
        "{}",
        pty.screen()
    );

    pty.send(&keys::alt('1'));
    pty.type_text("本日はお集まりいただき、ありがとうございます。");
    pty.send(keys::ENTER);
    assert!(
        pty.wait_for("ありがとうございます。", WAIT),
        "{}",
        pty.screen()
    );

    clock.set("2026-05-17T14:03:10+09:00");
    pty.send(keys::CTRL_N);
    pty.send(keys::F3);
    pty.type_text("利用率の推移について伺いたい。");
    pty.send(keys::ENTER);

    assert!(pty.wait_for("伺いたい。", WAIT), "{}", pty.screen());
    clock.set("2026-05-17T14:07:00+09:00");
    pty.send(&keys::alt('2'));
    pty.send(keys::CTRL_O);
    assert!(pty.wait_for("OFF THE RECORD", WAIT), "{}", pty.screen());
    pty.type_text("ここだけの話ですが、予算は厳しい。");
    pty.send(keys::ENTER);
    pty.send(keys::CTRL_O);

    assert!(pty.wait_for("厳しい。", WAIT), "{}", pty.screen());
    clock.set("2026-05-17T14:12:30+09:00");
    pty.send(keys::F5);
    pty.type_text("商工会議所としても協力したい。");
    pty.send(keys::ENTER);
    assert!(pty.wait_for("協力したい。", WAIT), "{}", pty.screen());
    pty.send(keys::CTRL_Q);
    let status = pty.wait_exit(WAIT).expect("kiroku quits on C-q");
    assert!(status.success());

    let s = load_session(&path).unwrap();
    let got: Vec<_> = s
        .remarks
        .iter()
        .map(|r| (r.speaker.clone(), r.item, r.non_public, r.text.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                pid("yamada"),
                1,
                false,
                "本日はお集まりいただき、ありがとうございます。"
            ),
            (pid("sato"), 2, false, "利用率の推移について伺いたい。"),
            (pid("suzuki"), 2, true, "ここだけの話ですが、予算は厳しい。"),
            (pid("ito"), 2, false, "商工会議所としても協力したい。"),
        ]
    );
    let began: Vec<String> = s.remarks.iter().map(|r| r.began.to_rfc3339()).collect();
    assert_eq!(
        began,
        [
            "2026-05-17T14:00:00+09:00",
            "2026-05-17T14:03:10+09:00",
            "2026-05-17T14:07:00+09:00",
            "2026-05-17T14:12:30+09:00",
        ]
    );
    for r in &s.remarks {
        assert!(r.began <= r.committed);
        assert_eq!(
            r.began.offset().local_minus_utc(),
            9 * 3600,
            "taken in TZ's zone"
        );
    }
    assert_eq!(s.log.items.len(), 2);
    assert_eq!(s.log.items[0].ended, Some(s.log.items[1].started));
    assert_eq!(
        s.log.items[1].started.to_rfc3339(),
        "2026-05-17T14:03:10+09:00"
    );
    assert_eq!(s.log.off_record.len(), 1);
    assert_eq!(
        s.log.off_record[0].start.to_rfc3339(),
        "2026-05-17T14:07:00+09:00"
    );
    assert!(s.log.off_record[0].end.is_some());
    // The terminal was given back: alternate screen left, bracketed paste off.
    let out = String::from_utf8_lossy(&pty.raw_output()).into_owned();
    assert!(out.contains("\x1b[?1049l"), "left the alternate screen");
    assert!(out.contains("\x1b[?2004l"), "bracketed paste off");
}

#[test]
fn a_second_kiroku_is_refused_until_the_first_dies() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let p = path.to_str().unwrap();
    let mut first = Pty::spawn(&["new", EXAMPLE, "-o", p], dir.path(), 100, 30);
    assert!(
        first.wait_for("北町市デジタル推進会議", WAIT),
        "{}",
        first.screen()
    );
    let holder = first.child.process_id().unwrap();

    let out = common::kiroku().args(["open", p]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let host = gethostname();
    assert!(
        stderr.contains(&format!(
            "is open in another kiroku (process {holder} on {host}, since "
        )),
        "{stderr}"
    );

    let killed = Command::new("kill")
        .args(["-9", &holder.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    first.wait_exit(WAIT).expect("the holder died");

    let mut second = Pty::spawn(&["open", p], dir.path(), 100, 30);
    assert!(
        second.wait_for("北町市デジタル推進会議", WAIT),
        "{}",
        second.screen()
    );
    second.send(keys::CTRL_Q);
    assert!(second.wait_exit(WAIT).expect("quits").success());
}

fn gethostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|s| s.trim().to_owned())
        .unwrap_or_default()
}

/// A meeting opened, recessed, resumed and closed on its keys in the real binary: the events
/// are in the session file at the times the clock read, the header stops at the close, and the
/// proceedings minutes print them with the hours the meeting kept.
#[test]
fn a_meeting_opens_recesses_and_closes_in_a_pty() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meeting.ron");
    let p = path.to_str().unwrap();
    let clock = TestClock::new(dir.path(), "2026-07-03T15:00:00+09:00");
    let mut pty = Pty::spawn_env(
        &["--lang", "en", "new", EXAMPLE, "-o", p],
        dir.path(),
        100,
        30,
        &[clock.env()],
    );
    assert!(
        pty.wait_for("北町市デジタル推進会議", WAIT),
        "{}",
        pty.screen()
    );
    // 高橋 has not come yet when the meeting opens.
    pty.send(&keys::alt('a'));
    pty.type_text("高橋");
    pty.send(keys::ENTER);
    assert!(
        pty.wait_for("高橋 誠 went out at 15:00", WAIT),
        "{}",
        pty.screen()
    );
    pty.send(&keys::alt('o'));
    assert!(pty.wait_for("opened at 15:00", WAIT), "{}", pty.screen());
    pty.send(&keys::alt('1'));
    pty.type_text("開会いたします。");
    pty.send(keys::ENTER);
    clock.set("2026-07-03T15:05:00+09:00");
    pty.send(&keys::alt('a'));
    pty.type_text("高橋");
    pty.send(keys::ENTER);
    assert!(
        pty.wait_for("高橋 誠 came in at 15:05", WAIT),
        "{}",
        pty.screen()
    );
    clock.set("2026-07-03T15:10:00+09:00");
    pty.send(&keys::alt('r'));
    assert!(pty.wait_for("RECESS", WAIT), "{}", pty.screen());
    clock.set("2026-07-03T15:25:00+09:00");
    pty.send(&keys::alt('r'));
    assert!(pty.wait_for("resumed at 15:25", WAIT), "{}", pty.screen());
    pty.type_text("再開します。");
    pty.send(keys::ENTER);
    // On to the report, decided by a show of hands.
    clock.set("2026-07-03T15:27:00+09:00");
    pty.send(keys::CTRL_N);
    pty.send(&keys::alt('v'));
    pty.type_text("  ");
    pty.send(b"\t");
    pty.type_text("  ");
    pty.send(b"\t");
    pty.type_text("5 2 0");
    pty.send(keys::ENTER);
    assert!(
        pty.wait_for("decided: 原案どおり可決（挙手）", WAIT),
        "{}",
        pty.screen()
    );
    // 伊藤 leaves early.
    clock.set("2026-07-03T15:30:00+09:00");
    pty.send(&keys::alt('a'));
    pty.type_text("伊藤");
    pty.send(keys::ENTER);
    assert!(
        pty.wait_for("伊藤 美咲 went out at 15:30", WAIT),
        "{}",
        pty.screen()
    );
    clock.set("2026-07-03T15:40:00+09:00");
    pty.send(&keys::alt('c'));
    assert!(pty.wait_for("CLOSED 閉会 15:40", WAIT), "{}", pty.screen());
    // An hour later the running time still reads 25 minutes: 40 less the 15 of the recess.
    clock.set("2026-07-03T16:40:00+09:00");
    assert!(pty.wait_for("elapsed 25:00", WAIT), "{}", pty.screen());
    pty.send(keys::CTRL_Q);
    assert!(pty.wait_exit(WAIT).expect("quits").success());

    let s = load_session(&path).unwrap();
    let events: Vec<(String, kiroku::model::Proceeding)> = s
        .log
        .events
        .iter()
        .map(|e| (e.at.format("%H:%M").to_string(), e.what))
        .collect();
    use kiroku::model::Proceeding::*;
    assert_eq!(
        events,
        [
            ("15:00".to_owned(), Open),
            ("15:10".to_owned(), Recess),
            ("15:25".to_owned(), Resume),
            ("15:40".to_owned(), Close),
        ]
    );
    let out = common::kiroku()
        .args(["export", p, "--style", "proceedings"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let minutes = String::from_utf8(out.stdout).unwrap();
    for line in [
        "十五時から十五時四十分まで",
        "〔午後三時開会〕",
        "〔午後三時十分休憩〕",
        "〔午後三時二十五分再開〕",
        "〔午後三時四十分閉会〕",
        "出席者",
        "〔原案どおり可決（挙手）　賛成五　反対二　棄権〇〕",
        "【座長】東都大学 教授　高橋誠（午後三時五分出席）",
        "北町商工会議所 専務理事　伊藤美咲（オンライン出席）（午後三時三十分退席）",
    ] {
        assert!(minutes.contains(line), "`{line}` in:\n{minutes}");
    }
    // The internal record has the remarks with their times, and the same proceedings.
    let out = common::kiroku()
        .args(["export", p, "-a", "internal"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let internal = String::from_utf8(out.stdout).unwrap();
    for line in [
        "[15:00] 開会いたします。",
        "[15:25] 再開します。",
        "（結果）原案どおり可決（挙手）　賛成5、反対2、棄権0",
        "伊藤 美咲 様（オンライン）（午後3時30分退席）",
    ] {
        assert!(internal.contains(line), "`{line}` in:\n{internal}");
    }
}
