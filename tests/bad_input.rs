//! Every kind of bad file, tried the way a user would: `kiroku check` and `kiroku open` say
//! `path:line:column: what was expected`, exit 1, and leave the file's bytes alone.

mod common;

use std::path::Path;

use common::EXAMPLE;

fn example() -> String {
    std::fs::read_to_string(EXAMPLE).unwrap()
}

fn session_text() -> String {
    kiroku::storage::session_to_string(&common::sample_session())
}

/// Runs `kiroku ARGS FILE` on `bytes`; returns stderr after checking the exit code and that
/// the file is untouched.
fn run_on(args: &[&str], bytes: &[u8]) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    std::fs::write(&path, bytes).unwrap();
    let out = common::kiroku()
        .args(args)
        .arg(&path)
        .env("TZ", "Asia/Tokyo")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{args:?} exits 1");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the file was not touched"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (stderr, path.display().to_string())
}

fn expect(args: &[&str], bytes: &[u8], position: Option<(usize, usize)>, words: &str) {
    let (stderr, path) = run_on(args, bytes);
    let prefix = match position {
        Some((l, c)) => format!("kiroku: {path}:{l}:{c}: "),
        None => format!("kiroku: {path}: "),
    };
    assert!(
        stderr.starts_with(&prefix),
        "expected {prefix:?}, got {stderr:?}"
    );
    assert!(stderr.contains(words), "expected {words:?} in {stderr:?}");
    assert_eq!(stderr.lines().count(), 1, "one clear line: {stderr:?}");
}

#[test]
fn empty_file() {
    expect(&["check"], b"", Some((1, 1)), "the file is empty");
    expect(&["check"], b"  \n\n", Some((3, 1)), "the file is empty");
}

#[test]
fn truncated_file() {
    let text = example();
    let cut = &text.as_bytes()[..text.find("hotkey: 4").unwrap() + 3];
    let lines = String::from_utf8_lossy(cut).lines().count();
    let (stderr, _) = run_on(&["check"], cut);
    assert!(stderr.contains(&format!(":{lines}:")), "{stderr}");
    assert!(stderr.contains("truncated"), "{stderr}");
}

#[test]
fn truncated_at_every_tenth_byte_never_panics_and_names_a_position() {
    let text = example();
    let bytes = text.as_bytes();
    for n in (1..bytes.len()).step_by(97) {
        let cut = &bytes[..n];
        if std::str::from_utf8(cut).is_err() {
            continue;
        }
        let e =
            kiroku::storage::parse_agenda(Path::new("t.ron"), std::str::from_utf8(cut).unwrap());
        let e = e.expect_err("a cut file does not load");
        assert!(
            e.position.is_some() || cut.iter().all(u8::is_ascii_whitespace),
            "{e}"
        );
    }
}

#[test]
fn syntax_error() {
    let text = example().replace("name: \"鈴木 一郎\",", "name: \"鈴木 一郎\"");
    expect(
        &["check"],
        text.as_bytes(),
        Some((35, 13)),
        "Expected comma",
    );
}

#[test]
fn missing_field() {
    let text = example().replace("        place: \"北町市役所", "        plaec: \"北町市役所");
    expect(&["check"], text.as_bytes(), Some((11, 9)), "`plaec`");
    let text = example().replace("        title: \"第3回 北町市デジタル推進会議\",\n", "");
    expect(
        &["check"],
        text.as_bytes(),
        Some((14, 5)),
        "missing field named `title`",
    );
}

#[test]
fn unknown_field() {
    let text = example().replace(
        "language: \"ja\",",
        "language: \"ja\",\n        colour: \"red\",",
    );
    expect(
        &["check"],
        text.as_bytes(),
        Some((13, 9)),
        "Unexpected field named `colour`",
    );
}

#[test]
fn unknown_speaker_in_a_session() {
    let text = session_text().replace("speaker: \"sato\",", "speaker: \"nobody\",");
    let line = text.lines().position(|l| l.contains("\"nobody\"")).unwrap() + 1;
    expect(
        &["check"],
        text.as_bytes(),
        Some((line, 13)),
        "speaker \"nobody\"",
    );
    expect(
        &["open"],
        text.as_bytes(),
        Some((line, 13)),
        "not on the roster",
    );
}

#[test]
fn unknown_agenda_item_in_a_session() {
    let text = session_text();
    let at = text.find("remarks:").unwrap();
    let rel = text[at..].find("item: 2,").unwrap() + at;
    let text = format!(
        "{}item: 42,{}",
        &text[..rel],
        &text[rel + "item: 2,".len()..]
    );
    let line = text[..rel].lines().count();
    expect(
        &["check"],
        text.as_bytes(),
        Some((line, 13)),
        "agenda item 42",
    );
    expect(
        &["open"],
        text.as_bytes(),
        Some((line, 13)),
        "not on the agenda",
    );
}

#[test]
fn duplicate_hotkeys() {
    let text = example().replace("hotkey: 3,", "hotkey: 1,");
    expect(
        &["check"],
        text.as_bytes(),
        Some((46, 13)),
        "hotkey 1 is given to both",
    );
}

#[test]
fn invalid_utf8() {
    let mut bytes = example().into_bytes();
    // Shift_JIS for 会議, pasted into the title.
    let at = bytes.windows(3).position(|w| w == "第".as_bytes()).unwrap();
    bytes.splice(at..at, [0x89, 0xEF, 0x8B, 0x63]);
    expect(&["check"], &bytes, Some((7, 17)), "invalid UTF-8");
}

#[test]
fn not_ron_at_all() {
    expect(
        &["check"],
        b"{\"meeting\": {\"title\": \"x\"}}\n",
        Some((1, 1)),
        "Expected",
    );
    expect(
        &["check"],
        b"Hello, this is a letter.\n",
        Some((1, 1)),
        "Expected struct",
    );
    expect(&["check"], &[0u8, 159, 146, 150], Some((1, 2)), "UTF-8");
}

#[test]
fn newer_version() {
    let text = example().replace("version: 1,", "version: 9,");
    expect(&["check"], text.as_bytes(), Some((5, 5)), "newer kiroku");
    let text = session_text().replace("version: 1,", "version: 9,");
    expect(&["open"], text.as_bytes(), Some((3, 5)), "newer kiroku");
}

#[test]
fn a_missing_file_is_an_error_not_a_panic() {
    let out = common::kiroku()
        .args(["check", "/nonexistent/x.ron"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("kiroku: /nonexistent/x.ron: cannot read the file"),
        "{stderr}"
    );
}

#[test]
fn check_accepts_the_sample_and_a_session() {
    let out = common::kiroku().args(["check", EXAMPLE]).output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("6 participants, 5 agenda items"),
        "{stdout}"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    std::fs::write(&path, session_text()).unwrap();
    let out = common::kiroku().arg("check").arg(&path).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout).unwrap().contains("5 remarks"));
}

#[test]
fn impossible_dates_and_times_say_what_is_wrong() {
    let text = example().replace("date: \"2026-07-03\"", "date: \"2026-11-31\"");
    let line = text.lines().position(|l| l.contains("2026-11-31")).unwrap() + 1;
    let (stderr, _) = run_on(&["check"], text.as_bytes());
    assert!(stderr.contains(&format!(":{line}:")), "{stderr}");
    assert!(stderr.contains("no such date or time"), "{stderr}");
    let text = example().replace("end: \"16:30:00\"", "end: \"14:00:00\"");
    let line = text.lines().position(|l| l.contains("14:00:00")).unwrap() + 1;
    expect(
        &["check"],
        text.as_bytes(),
        Some((line, 9)),
        "the meeting ends (14:00:00) before it starts (15:00:00)",
    );
}
