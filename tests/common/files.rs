//! Odd things to put where kiroku reads or writes, and running kiroku against them with a
//! time limit (a hang is the failure).

use std::path::Path;
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

/// A named pipe at `path`.
#[cfg(unix)]
pub fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

/// Runs kiroku in `dir`, killing it if it takes longer than `limit`.
pub fn kiroku_within(args: &[&str], dir: &Path, limit: Duration) -> Output {
    let mut child = super::kiroku()
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("kiroku {args:?} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// Every file under `dir` with its bytes (a link as where it points), to see that a refused
/// command changed nothing.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        let t = e.file_type().unwrap();
        let bytes = if t.is_symlink() {
            std::fs::read_link(e.path())
                .unwrap()
                .to_string_lossy()
                .as_bytes()
                .to_vec()
        } else if t.is_file() {
            std::fs::read(e.path()).unwrap()
        } else {
            b"(not a file)".to_vec()
        };
        out.push((name, bytes));
    }
    out
}
