//! The PDF as a reader gets it, through poppler's tools (pdftotext, pdfinfo, pdffonts,
//! pdftoppm): the independent check of what kiroku writes. Without poppler or a Mincho font
//! the PDF checks are skipped with a message, except in CI on Linux, where that fails.

use std::process::Command;
use std::sync::OnceLock;

use kiroku::export::Format;

fn tool(name: &str) -> bool {
    Command::new(name)
        .arg("-v")
        .output()
        .is_ok_and(|o| o.status.success() || !o.stderr.is_empty())
}

/// Whether PDFs can be written and read here.
pub fn available() -> bool {
    static HERE: OnceLock<bool> = OnceLock::new();
    *HERE.get_or_init(|| {
        let fonts = kiroku::export::render::pdf::Fonts::system();
        let poppler = ["pdftotext", "pdfinfo", "pdffonts", "pdftoppm"]
            .into_iter()
            .all(tool);
        let why = match (&fonts, poppler) {
            (Ok(_), true) => return true,
            (Err(e), _) => e.to_string(),
            (Ok(_), false) => {
                "poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm) is not installed".into()
            }
        };
        assert!(!super::tools_required(), "CI must check the PDF, but {why}");
        eprintln!("PDF checks skipped: {why}");
        false
    })
}

/// The formats to check: all of them, the PDF where it can be read.
pub fn formats() -> Vec<Format> {
    Format::ALL
        .into_iter()
        .filter(|f| *f != Format::Pdf || available())
        .collect()
}

/// Runs a poppler tool on `bytes` as a file, with `args` before it and `after` after it.
pub fn run(tool: &str, args: &[&str], bytes: &[u8], after: &[&str]) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("minutes.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new(tool)
        .args(args)
        .arg(&path)
        .args(after)
        .current_dir(dir.path())
        .output()
        .unwrap_or_else(|e| panic!("{tool}: {e}"));
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The text a reader copies out of the PDF, in the order it is drawn (which is the order of
/// its structure: kiroku draws in reading order).
pub fn text(bytes: &[u8]) -> String {
    let out = run("pdftotext", &["-raw", "-enc", "UTF-8"], bytes, &["-"]);
    String::from_utf8(out.stdout).unwrap()
}

/// What a test reads of an export: the text, the XML of a docx, the text of a PDF.
pub fn readable(format: Format, bytes: Vec<u8>) -> String {
    match format {
        Format::Docx => super::docx_part(&bytes, "word/document.xml"),
        Format::Pdf => text(&bytes),
        _ => String::from_utf8(bytes).unwrap(),
    }
}
