//! What `kiroku agenda import` and the start screen read is guarded like a session file: a
//! named pipe, a device or a huge file is refused at once, never waited on or read without
//! end; control characters a pasted document carries never reach a file or a terminal; a
//! roster whose quote is never closed is refused with the row that opened it.

mod common;

#[cfg(unix)]
use std::os::unix::fs::symlink;
#[cfg(unix)]
use std::path::Path;
use std::time::Duration;

#[cfg(unix)]
use common::Pty;
use common::files::kiroku_within;
#[cfg(unix)]
use common::files::{mkfifo, snapshot};

const LIMIT: Duration = Duration::from_secs(20);
const AGENDA: &str = "第1回 北町市会議\n日時：令和8年7月3日（金）15時から16時まで\n場所：第1会議室\n1 開会\n2 議題\n";

#[cfg(unix)]
fn refused_quickly(dir: &Path, args: &[&str], says: &str) {
    let before = snapshot(dir);
    let o = kiroku_within(args, dir, LIMIT);
    let said = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{args:?}: {said}");
    assert!(said.contains(says), "{args:?}: {said}");
    assert!(
        !said.contains("panicked") && !said.contains("backtrace"),
        "{said}"
    );
    assert_eq!(snapshot(dir), before, "{args:?} wrote something");
}

// Named pipes and /dev/zero are Unix's; Windows' device names are in tests/windows.rs.
#[cfg(unix)]
#[test]
fn pipes_devices_and_huge_files_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("議事次第.txt"), AGENDA).unwrap();
    mkfifo(&d.join("pipe.txt"));
    mkfifo(&d.join("pipe.csv"));
    symlink("/dev/zero", d.join("zero.txt")).unwrap();
    // 600 MiB that take no room: a file this size is refused before a byte is read.
    let huge = std::fs::File::create(d.join("huge.txt")).unwrap();
    huge.set_len(600 * 1024 * 1024).unwrap();
    drop(huge);
    for (input, says) in [
        ("pipe.txt", "not a regular file"),
        ("zero.txt", "not a regular file"),
        ("/dev/zero", "not a regular file"),
        ("huge.txt", "bytes"),
    ] {
        refused_quickly(d, &["agenda", "import", input, "-o", "a.ron"], says);
    }
    for roster in ["pipe.csv", "zero.txt", "huge.txt"] {
        refused_quickly(
            d,
            &[
                "agenda",
                "import",
                "議事次第.txt",
                "--roster",
                roster,
                "-o",
                "a.ron",
            ],
            roster,
        );
    }
}

// A Unix pseudo-terminal, named pipes and /dev/zero.
#[cfg(unix)]
#[test]
fn the_start_screen_passes_over_a_pipe_or_a_device_named_txt() {
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessions");
    std::fs::create_dir(&sessions).unwrap();
    std::fs::copy(common::EXAMPLE, sessions.join("example-agenda.ron")).unwrap();
    mkfifo(&sessions.join("pipe.txt"));
    symlink("/dev/zero", sessions.join("zero.txt")).unwrap();
    std::fs::write(sessions.join("議事次第.txt"), AGENDA).unwrap();
    let mut pty = Pty::spawn(&["--lang", "ja"], dir.path(), 100, 30);
    assert!(
        pty.wait_for("北町市会議", Duration::from_secs(10)),
        "the screen comes up, with the readable ones: {}",
        pty.screen()
    );
    assert!(pty.screen().contains("北町市デジタル推進会議"));
    pty.send(b"q");
    assert!(pty.wait_exit(Duration::from_secs(10)).is_some());
}

/// Control characters in a block after the items (配付資料), in a title and an item:
/// dropped from the agenda file and from every export, so that a pasted escape sequence can
/// neither break a file nor drive the terminal the minutes are printed on.
#[test]
fn control_characters_of_a_pasted_document_reach_no_file_and_no_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let nasty = "\u{0}\u{1b}]0;乗っ取り\u{7}\u{8}\u{b}\u{c}\u{7f}\u{1b}[31m";
    let text = format!(
        "第1回 北町市会議{nasty}\n日時：令和8年7月3日（金）15時から16時まで\n場所：第1会議室\n1 開会{nasty}\n2 議題\n\n配付資料\n資料1 {nasty}利用状況\n資料2 計画{nasty}\n"
    );
    std::fs::write(d.join("議事次第.txt"), text).unwrap();
    let o = kiroku_within(
        &["agenda", "import", "議事次第.txt", "-o", "agenda.ron"],
        d,
        LIMIT,
    );
    assert!(o.status.success(), "{o:?}");
    let clean = |bytes: &[u8], what: &str| {
        let text = String::from_utf8_lossy(bytes);
        let bad: Vec<char> = text
            .chars()
            .filter(|c| c.is_control() && *c != '\n' && *c != '\t')
            .collect();
        assert!(bad.is_empty(), "{what} holds {bad:?}");
    };
    clean(
        &std::fs::read(d.join("agenda.ron")).unwrap(),
        "the agenda file",
    );
    clean(&o.stderr, "the import's report");
    let plan = kiroku::storage::load_agenda(&d.join("agenda.ron")).unwrap();
    assert!(plan.meeting.texts[0].text.contains("利用状況"));
    let session = kiroku::model::Session::new(plan).unwrap();
    kiroku::storage::save_session(&d.join("s.ron"), &session).unwrap();
    for format in ["text", "markdown", "html", "json"] {
        let o = kiroku_within(&["export", "s.ron", "-f", format], d, LIMIT);
        assert!(o.status.success());
        clean(&o.stdout, format);
    }
    // A session file edited by hand to hold them, in any field: dropped as it is read.
    let edited = std::fs::read_to_string(d.join("s.ron"))
        .unwrap()
        .replace("利用状況", "利用\\u{1b}]0;x\\u{7}状況")
        .replace("第1会議室", "第1\\u{1b}[2J会議室");
    std::fs::write(d.join("edited.ron"), edited).unwrap();
    let o = kiroku_within(&["export", "edited.ron"], d, LIMIT);
    assert!(o.status.success(), "{o:?}");
    clean(&o.stdout, "an export of a file edited by hand");
    // Only the control characters go: what followed them stays, harmless as text.
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("第1[2J会議室"), "{out}");
}

#[test]
fn a_roster_quote_left_open_is_refused_at_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("議事次第.txt"), AGENDA).unwrap();
    std::fs::write(
        d.join("名簿.csv"),
        "氏名,所属・役職\n山田 太郎,\"北町市 局長\n佐藤 花子,南町\n鈴木 一郎,東町\n",
    )
    .unwrap();
    let o = kiroku_within(
        &[
            "agenda",
            "import",
            "議事次第.txt",
            "--roster",
            "名簿.csv",
            "-o",
            "a.ron",
        ],
        d,
        LIMIT,
    );
    let said = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{said}");
    assert!(said.contains("名簿.csv:2:"), "{said}");
    assert!(said.contains("never closed"), "{said}");
    assert!(!d.join("a.ron").exists());
}

// A POSIX shell runs the command as the clerk would paste it.
#[cfg(unix)]
#[test]
fn the_next_command_the_import_suggests_can_be_pasted_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("議事次第.txt"), AGENDA).unwrap();
    let o = kiroku_within(
        &["agenda", "import", "議事次第.txt", "-o", "第1回 会議.ron"],
        d,
        LIMIT,
    );
    assert!(o.status.success(), "{o:?}");
    let said = String::from_utf8_lossy(&o.stderr);
    let next = said
        .lines()
        .find_map(|l| l.split("next: ").nth(1))
        .unwrap_or_else(|| panic!("{said}"));
    assert!(next.contains("kiroku check '第1回 会議.ron'"), "{next}");
    // The shell runs it as it stands (with the kiroku under test as `kiroku`).
    let bin = Path::new(common::BIN).parent().unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let check = next.split(" && ").next().unwrap();
    let o = std::process::Command::new("sh")
        .args(["-c", check])
        .current_dir(d)
        .env("PATH", path)
        .output()
        .unwrap();
    assert!(o.status.success(), "{check}: {o:?}");
}
