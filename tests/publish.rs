//! What a council publishes, checked by tools no one here wrote: every shipped style ×
//! audience × sample meeting as docx through `openxml-audit` (the Open XML SDK's rules, as
//! Word for Microsoft 365 applies them), also with hostile content.
//!
//! The same as PDF through poppler (tagged, titled, A4, fonts embedded, the text a reader gets,
//! a page drawn), and as HTML through axe-core in Debian's chromium (WCAG 2.1 A and AA).
//!
//! The tools come from outside the Rust toolchain (PyPI's openxml-audit and
//! axe-playwright-python, Debian's poppler-utils, chromium and fonts); `.ci/run` installs them.
//! Without them a test says so and passes, except in CI on Linux.

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
            !common::tools_required(),
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
    kiroku::export::styles::SHIPPED
        .iter()
        .map(|(n, _)| (*n, kiroku::commands::load_style(n).unwrap()))
        .collect()
}

/// Every sample × style × audience, named `sample-style-audience`.
fn cases() -> Vec<(String, Session, Audience, kiroku::export::Style)> {
    let mut out = Vec::new();
    for (name, session) in samples() {
        for (style_name, style) in styles() {
            for (who, audience) in [
                ("public", Audience::Public),
                ("internal", Audience::Internal),
            ] {
                let label = format!("{name}-{style_name}-{who}");
                out.push((label, session.clone(), audience, style.clone()));
            }
        }
    }
    // The layouts of one's own (a title on two lines, counted lists, spread names) too.
    for (name, session, style) in common::golden_cases() {
        if name.starts_with("own-") {
            for (who, audience) in [
                ("public", Audience::Public),
                ("internal", Audience::Internal),
            ] {
                out.push((
                    format!("{name}-{who}"),
                    session.clone(),
                    audience,
                    style.clone(),
                ));
            }
        }
    }
    out
}

/// Every case in `format`, written into `dir`.
fn write_all(dir: &Path, format: Format, ext: &str) -> Vec<PathBuf> {
    cases()
        .into_iter()
        .map(|(label, session, audience, style)| {
            let path = dir.join(format!("{label}.{ext}"));
            std::fs::write(&path, export(&session, audience, &style, format).unwrap()).unwrap();
            path
        })
        .collect()
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

/// Every case as a PDF, with the document it was built from.
fn every_pdf() -> Vec<(String, kiroku::export::Document, Vec<u8>)> {
    cases()
        .into_iter()
        .map(|(label, session, audience, style)| {
            let doc = kiroku::export::build(&session, audience, &style);
            let bytes = kiroku::export::render(&doc, Format::Pdf)
                .unwrap_or_else(|e| panic!("{label}: {e}"));
            (label, doc, bytes)
        })
        .collect()
}

/// `Key: value` lines of pdfinfo.
fn info(bytes: &[u8]) -> String {
    String::from_utf8(common::pdf::run("pdfinfo", &[], bytes, &[]).stdout).unwrap()
}

#[test]
fn every_pdf_is_tagged_a4_titled_and_embeds_its_fonts() {
    if !common::pdf::available() {
        return;
    }
    for (what, doc, bytes) in every_pdf() {
        let info = info(&bytes);
        let field = |key: &str| {
            info.lines()
                .find_map(|l| l.strip_prefix(key).map(|v| v.trim().to_owned()))
                .unwrap_or_else(|| panic!("{what}: no {key} in\n{info}"))
        };
        assert_eq!(field("Tagged:"), "yes", "{what}");
        let title = kiroku::export::document::one_line(&doc.title);
        assert_eq!(field("Title:"), title, "{what}: the title on one line");
        assert!(field("Page size:").ends_with("(A4)"), "{what}: {info}");
        assert!(field("PDF version:").starts_with("1.7"), "{what}");
        // pdfinfo -meta: the XMP says PDF/UA-1 and the language.
        let meta =
            String::from_utf8(common::pdf::run("pdfinfo", &["-meta"], &bytes, &[]).stdout).unwrap();
        assert!(
            meta.contains("<pdfuaid:part>1</pdfuaid:part>"),
            "{what}: {meta}"
        );
        assert!(
            meta.contains(&doc.language),
            "{what}: no language in {meta}"
        );
        let fonts =
            String::from_utf8(common::pdf::run("pdffonts", &[], &bytes, &[]).stdout).unwrap();
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{what}: no fonts");
        for row in rows {
            // name type encoding emb sub uni object ID: embedded, as a subset, with a
            // Unicode map (so text can be copied and read aloud).
            let cols: Vec<&str> = row.split_whitespace().collect();
            let n = cols.len();
            assert_eq!(cols[n - 5..n - 2], ["yes", "yes", "yes"], "{what}: {row}");
        }
    }
}

/// Whitespace gone: where a line breaks is the layout's, not the text's.
fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_public_pdf_shows_what_is_public_and_nothing_withheld() {
    if !common::pdf::available() {
        return;
    }
    for (name, session) in samples() {
        for (style_name, style) in styles() {
            let bytes = export(&session, Audience::Public, &style, Format::Pdf).unwrap();
            let text = squeezed(&common::pdf::text(&bytes));
            for r in &session.remarks {
                // The first paragraph's start: the text as typed, before any layout.
                let first: String = squeezed(r.text.lines().next().unwrap_or(""))
                    .chars()
                    .take(12)
                    .collect();
                if first.is_empty() {
                    continue;
                }
                assert_eq!(
                    text.contains(&first),
                    session.is_public(r),
                    "{name} {style_name}: {first} (public: {})",
                    session.is_public(r)
                );
            }
        }
    }
}

/// The first page at 20 dpi, in grey: the share of it that is ink.
fn ink(bytes: &[u8]) -> f64 {
    let out = common::pdf::run(
        "pdftoppm",
        &["-gray", "-r", "20", "-f", "1", "-l", "1"],
        bytes,
        &[],
    );
    // A PGM (P5): the magic, width, height and maximum, then one byte a pixel.
    let pgm = out.stdout;
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&pgm[start..at]).into_owned());
    }
    assert_eq!(fields[0], "P5");
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let pixels = &pgm[at + 1..];
    assert_eq!(pixels.len(), w * h);
    pixels.iter().filter(|p| **p < 128).count() as f64 / pixels.len() as f64
}

#[test]
fn a_page_of_the_pdf_drawn_is_not_blank() {
    if !common::pdf::available() {
        return;
    }
    let session = common::minutes_session_full();
    for (style_name, style) in styles() {
        let bytes = export(&session, Audience::Internal, &style, Format::Pdf).unwrap();
        let share = ink(&bytes);
        assert!(
            (0.005..0.5).contains(&share),
            "{style_name}: {share:.4} of the first page is ink"
        );
    }
}

/// The faces the golden text is set in: where a line breaks depends on them.
fn golden_fonts() -> Option<kiroku::export::render::pdf::Fonts> {
    let choice = kiroku::export::render::pdf::FontChoice {
        mincho: Some("IPAexMincho".into()),
        latin: Some("Liberation Serif".into()),
    };
    match kiroku::export::render::pdf::Fonts::find(&choice) {
        Ok(f) => Some(f),
        Err(e) => {
            assert!(
                !common::tools_required(),
                "CI installs fonts-ipaexfont-mincho and fonts-liberation: {e}"
            );
            eprintln!("golden PDF text skipped: {e}");
            None
        }
    }
}

#[test]
fn golden_pdf_text_for_every_style_and_audience() {
    if !common::pdf::available() {
        return;
    }
    let Some(fonts) = golden_fonts() else {
        return;
    };
    for (name, session, style) in common::golden_cases() {
        for (who, audience) in [
            ("public", Audience::Public),
            ("internal", Audience::Internal),
        ] {
            let doc = kiroku::export::build(&session, audience, &style);
            let bytes = kiroku::export::render::pdf::render(&doc, &fonts).unwrap();
            let text = common::pdf::text(&bytes).replace('\u{c}', "\n──── page ────\n");
            insta::assert_snapshot!(format!("{name}-{who}.pdf"), text);
        }
    }
}

#[test]
fn a_character_no_font_has_stops_the_pdf_and_is_named() {
    // Needs a Mincho to get as far as the missing character.
    if !common::pdf::available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meeting.ron");
    let mut s = common::minutes_session_full();
    s.set_speaker(common::pid("sato"));
    // A private-use character in the last plane: no installed face has it.
    s.add_remark(
        "記号\u{10FFFD}について".into(),
        common::at(16, 0, 0),
        common::at(16, 0, 5),
    );
    kiroku::storage::save_session(&path, &s).unwrap();
    let out_path = dir.path().join("minutes.pdf");
    let out = common::kiroku()
        .args(["export", "-f", "pdf", "-o"])
        .arg(&out_path)
        .arg(&path)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("U+10FFFD") && err.contains("記号"), "{err}");
    assert!(!out_path.exists(), "nothing written");
    // A font that is not there is named too.
    let out = common::kiroku()
        .args(["export", "-f", "pdf", "--font", "No Such Mincho", "-o"])
        .arg(&out_path)
        .arg(&path)
        .env("LANG", "ja_JP.UTF-8")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("「No Such Mincho」"), "{err}");
    assert!(!out_path.exists());
}

/// The heading levels of a page, in order.
fn heading_levels(html: &str) -> Vec<u8> {
    html.match_indices("<h")
        .filter_map(|(at, _)| {
            let b = html.as_bytes();
            let d = *b.get(at + 2)?;
            (d.is_ascii_digit() && b.get(at + 3) == Some(&b'>')).then(|| d - b'0')
        })
        .collect()
}

#[test]
fn every_html_page_stands_alone_with_one_h1_and_no_skipped_level() {
    let dir = tempfile::tempdir().unwrap();
    for path in write_all(dir.path(), Format::Html, "html") {
        let html = std::fs::read_to_string(&path).unwrap();
        let what = path.display();
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\""), "{what}");
        assert!(
            html.contains("<title>") && html.contains("<main>"),
            "{what}"
        );
        // Nothing fetched from elsewhere: the page is whole on its own.
        assert!(
            !html.contains("<link") && !html.contains("<script") && !html.contains("src="),
            "{what}"
        );
        let levels = heading_levels(&html);
        assert_eq!(
            levels.iter().filter(|l| **l == 1).count(),
            1,
            "{what}: {levels:?}"
        );
        assert_eq!(levels.first(), Some(&1), "{what}");
        for w in levels.windows(2) {
            assert!(w[1] <= w[0] + 1, "{what}: h{} after h{}", w[1], w[0]);
        }
        assert!(html.contains("@media print"), "{what}");
    }
}

#[test]
fn every_html_page_passes_axe_in_a_browser() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/axe_check.py");
    let ready = Command::new("python3")
        .args(["-c", "import axe_playwright_python, playwright"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ready || tool("chromium", &["--version"]).is_none() {
        assert!(
            !common::tools_required(),
            "CI installs chromium and axe-playwright-python"
        );
        eprintln!("axe-core or chromium is not installed: the accessibility check is skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let files = write_all(dir.path(), Format::Html, "html");
    let o = Command::new("python3")
        .arg(&script)
        .args(&files)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stderr)));
    assert_eq!(
        report["checked"].as_array().map(Vec::len),
        Some(files.len()),
        "every page was checked"
    );
    assert!(report["axe"].is_string(), "axe-core ran: {report}");
    let violations = report["violations"].as_object().unwrap();
    assert!(
        violations.is_empty(),
        "WCAG 2.1 A/AA violations:\n{}",
        serde_json::to_string_pretty(violations).unwrap()
    );
    assert!(o.status.success());
}
