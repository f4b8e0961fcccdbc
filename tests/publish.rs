//! What a council publishes, checked by tools no one here wrote: every shipped style ×
//! audience × sample meeting as docx through `openxml-audit` (the Open XML SDK's rules, as
//! Word for Microsoft 365 applies them), also with hostile content.
//!
//! The tools come from outside the Rust toolchain (`pip install openxml-audit`); `.ci/run`
//! installs them. Without them a test says so and passes, unless `CI` is set.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use kiroku::export::{Audience, Format, export};
use kiroku::model::Session;

/// A tool on the PATH, or `None` with a note (a failure in CI, which installs it).
fn tool(name: &str, probe: &[&str]) -> Option<()> {
    let found = Command::new(name)
        .args(probe)
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{name} is missing, and CI installs it"
        );
        eprintln!("{name} is not installed: this check is skipped");
        return None;
    }
    Some(())
}

/// Every sample meeting the repository ships, read as `kiroku export` reads it.
fn samples() -> Vec<(String, Session)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let mut out: Vec<(String, Session)> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "ron")
                && std::fs::read_to_string(p).is_ok_and(|t| t.contains("Session("))
        })
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, kiroku::storage::read_session(&p).unwrap().session)
        })
        .collect();
    out.push(("full".into(), common::minutes_session_full()));
    out.push(("hostile".into(), hostile()));
    out
}

/// Content that once made Word refuse a file or that no sample has: characters outside the
/// BMP, a very long paragraph, markup characters, paragraphs typed with A-Enter, a decision
/// with an action item, parts, texts, a stretch off the record.
fn hostile() -> Session {
    use common::at;
    let mut s = common::minutes_session_full();
    s.set_speaker(common::pid("sato"));
    let long = "𠮷野家の𩸽（ほっけ）について<b>&amp;</b>\"引用\"と'」'。".repeat(200);
    s.add_remark(long, at(16, 0, 0), at(16, 1, 0));
    s.add_remark(
        "一段落目。\n二段落目。\n\n三段落目。".into(),
        at(16, 2, 0),
        at(16, 2, 30),
    );
    s.decide(
        "原案どおり可決".into(),
        Some("挙手".into()),
        Some(kiroku::model::Votes {
            yes: 5,
            no: 2,
            abstain: 1,
        }),
        vec![kiroku::model::ActionItem {
            what: "資料<修正>".into(),
            who: Some("事務局".into()),
            due: chrono::NaiveDate::from_ymd_opt(2026, 9, 30),
        }],
        at(16, 3, 0),
    );
    s.plan.meeting.texts.push(kiroku::model::MeetingText {
        label: "配付資料".into(),
        text: "資料1 𠀋\n資料2 & <>".into(),
        at: kiroku::model::TextAt::AfterAgenda,
        public: true,
    });
    s
}

fn styles() -> Vec<(&'static str, kiroku::export::Style)> {
    kiroku::export::style::SHIPPED
        .iter()
        .map(|(n, _)| (*n, kiroku::commands::load_style(n).unwrap()))
        .collect()
}

/// Every style × audience × sample, in `format`, written into `dir`.
fn write_all(dir: &Path, format: Format, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for (name, session) in samples() {
        for (style_name, style) in styles() {
            for (who, audience) in [
                ("public", Audience::Public),
                ("internal", Audience::Internal),
            ] {
                let path = dir.join(format!("{name}-{style_name}-{who}.{ext}"));
                std::fs::write(&path, export(&session, audience, &style, format)).unwrap();
                out.push(path);
            }
        }
    }
    out
}

#[test]
fn every_docx_is_valid_office_open_xml() {
    if tool("openxml-audit", &["--help"]).is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let files = write_all(dir.path(), Format::Docx, "docx");
    let o = Command::new("openxml-audit")
        .args(["-f", "microsoft365", "-r", "-o", "json", "-m", "20"])
        .arg(dir.path())
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stderr)));
    let checked = report.as_array().expect("one entry per file");
    assert_eq!(checked.len(), files.len(), "every file was checked");
    let bad: Vec<String> = checked
        .iter()
        .filter(|f| f["error_count"].as_u64() != Some(0))
        .map(|f| format!("{}: {}", f["file"], f["errors"]))
        .collect();
    assert!(bad.is_empty(), "{} invalid:\n{}", bad.len(), bad.join("\n"));
}
