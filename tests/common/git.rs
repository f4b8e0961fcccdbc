//! The real `git`, for the tests of the merge driver: a repository set up with the README's
//! own lines, and the kiroku under test first on the PATH as `kiroku`.

use std::path::Path;
use std::process::{Command, Output};

const README: &str = include_str!("../../README.md");

/// `program` (git, or a shell for the README's lines) in `dir`, with the kiroku under test
/// first on the PATH and nobody's own git settings.
pub fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
    let bin = Path::new(super::BIN).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("PATH", path)
        .env("GIT_AUTHOR_NAME", "clerk")
        .env("GIT_AUTHOR_EMAIL", "clerk@example.org")
        .env("GIT_COMMITTER_NAME", "clerk")
        .env("GIT_COMMITTER_EMAIL", "clerk@example.org")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .env("LANG", "C.UTF-8")
        .env("TZ", "Asia/Tokyo")
        .env("XDG_CONFIG_HOME", super::NO_CONFIG)
        .env_remove("KIROKU_CLERK")
        .output()
        .unwrap()
}

/// `git ARGS` in `dir`, which must succeed.
pub fn git(dir: &Path, args: &[&str]) -> Output {
    let out = run(dir, "git", args);
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The README's lines that set a repository up for kiroku, exactly as written.
pub fn readme_setup() -> Vec<&'static str> {
    let lines: Vec<&str> = README
        .lines()
        .filter(|l| l.starts_with("echo 'sessions/*.ron merge=kiroku'") || l.starts_with("git "))
        .filter(|l| l.contains("kiroku") || l.contains("gitattributes"))
        .collect();
    assert!(
        lines.iter().any(|l| l.contains("merge.kiroku.driver")),
        "the README gives the driver line: {lines:?}"
    );
    lines
}

/// A new repository with a sessions folder, set up as the README says. `None` where git is
/// not installed, said so; in CI (`CI` set), which installs git, a missing git fails.
pub fn new_repo() -> Option<tempfile::TempDir> {
    if Command::new("git").arg("--version").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "git is missing, and CI installs it: the merge driver cannot be tested"
        );
        eprintln!("git is not installed: the git merge driver test is skipped");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q", "-b", "main"]);
    std::fs::create_dir(dir.path().join("sessions")).unwrap();
    for line in readme_setup() {
        let out = run(dir.path(), "sh", &["-c", line]);
        assert!(out.status.success(), "{line}: {out:?}");
    }
    Some(dir)
}
