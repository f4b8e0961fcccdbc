//! A burst of input without bracketed paste (a terminal that does not support it, or an ssh
//! session catching up after a stall) arrives whole, however large, and leaves the process
//! idle afterwards rather than spinning on input it cannot see.
#![cfg(unix)]
// Unix by nature: the binary in a Unix pseudo-terminal; on Windows, tests/e2e_wine.rs drives kiroku.exe.

mod common;

use std::time::Duration;

use common::{EXAMPLE, Pty};
use kiroku::storage::read_session;

const WAIT: Duration = Duration::from_secs(20);

/// CPU time (user + system) the process has used, in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // The command name may hold spaces: count fields after its closing parenthesis.
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

fn burst(size: usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let mut pty = Pty::spawn(
        &["--lang", "en", "new", EXAMPLE, "-o", path.to_str().unwrap()],
        dir.path(),
        100,
        30,
    );
    assert!(pty.wait_for("Roster", WAIT), "{}", pty.screen());
    // Japanese and ASCII, no line breaks: one long unfinished remark.
    let unit = "議事録のテストdata、";
    let mut text = String::new();
    while text.len() + unit.len() <= size {
        text.push_str(unit);
    }
    // An end that no line break splits (a Latin word), to see it arrive.
    text.push_str("END");
    pty.send_detached(text.as_bytes().to_vec());
    // kiroku reads it all: the write finishes, and the end shows in the input box.
    assert!(pty.join_writer(WAIT), "kiroku stopped reading the burst");
    assert!(pty.wait_for("END", WAIT), "{}", pty.screen());
    let pid = pty.child.process_id().unwrap();
    // Idle afterwards: over a second, a few ticks at most (a spinning loop uses ~100).
    std::thread::sleep(Duration::from_millis(300));
    let before = cpu_ticks(pid);
    std::thread::sleep(Duration::from_secs(1));
    let used = cpu_ticks(pid) - before;
    // A tick is 10 ms: a loop spinning on input uses about 100 in that second, an idle one
    // none or one. The bound is far from both, so a busy machine does not make it flaky.
    assert!(
        used < 30,
        "{used} ticks of CPU in a second of idling after a {size}-byte burst"
    );
    pty.send(b"\x11");
    assert!(pty.wait_exit(WAIT).is_some_and(|s| s.success()));
    let s = read_session(&path).unwrap().session;
    assert_eq!(
        s.live.draft.map(|d| d.text),
        Some(text),
        "the whole burst is in the unfinished input"
    );
}

#[test]
fn a_burst_just_over_a_kilobyte_arrives_whole() {
    burst(1_100);
}

#[test]
fn a_64_kb_burst_arrives_whole_and_the_process_idles_afterwards() {
    burst(64 * 1024);
}
