//! The real binary in a pseudo-terminal, read through a terminal emulator: Unix's ptys.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use kiroku::model::Session;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use super::{BIN, NO_CONFIG};

/// The real binary in a pseudo-terminal.
pub struct Pty {
    pub child: Box<dyn Child + Send + Sync>,
    writer: Option<Box<dyn Write + Send>>,
    output: Arc<Mutex<Vec<u8>>>,
    master: Option<Box<dyn MasterPty + Send>>,
    size: (u16, u16),
    /// Tells the reader thread to let go of its end of the terminal.
    closing: Arc<std::sync::atomic::AtomicBool>,
    /// A write in progress on a thread of its own.
    detached: Option<std::thread::JoinHandle<Box<dyn Write + Send>>>,
}

impl Pty {
    pub fn spawn(args: &[&str], cwd: &Path, cols: u16, rows: u16) -> Self {
        Self::spawn_env(args, cwd, cols, rows, &[])
    }

    /// kiroku started by a shell that stays, as from a terminal's own shell: when the
    /// terminal goes, the shell (the session's leader) is hung up and kiroku's terminal reads
    /// as ended.
    pub fn spawn_in_shell(args: &[&str], cwd: &Path, cols: u16, rows: u16) -> Self {
        let mut cmd = CommandBuilder::new("sh");
        // Not the last command of the script, so the shell cannot become kiroku by exec.
        cmd.args(["-c", "\"$0\" \"$@\"; exit $?", BIN]);
        cmd.args(args);
        Self::spawn_command(cmd, cwd, cols, rows, &[])
    }

    pub fn spawn_env(
        args: &[&str],
        cwd: &Path,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Self {
        let mut cmd = CommandBuilder::new(BIN);
        cmd.args(args);
        Self::spawn_command(cmd, cwd, cols, rows, env)
    }

    /// Another program in the pty, as kiroku would be (Wine running kiroku.exe).
    pub fn spawn_program(
        program: &str,
        args: &[&str],
        cwd: &Path,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Self {
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        Self::spawn_command(cmd, cwd, cols, rows, env)
    }

    fn spawn_command(
        mut cmd: CommandBuilder,
        cwd: &Path,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        cmd.cwd(cwd);
        cmd.env("TERM", "xterm-256color");
        cmd.env("TZ", "Asia/Tokyo");
        cmd.env("LANG", "C.UTF-8");
        cmd.env("XDG_CONFIG_HOME", NO_CONFIG);
        cmd.env_remove("KIROKU_CLERK");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("kiroku starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&output);
        let closing = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stop = Arc::clone(&closing);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || stop.load(std::sync::atomic::Ordering::Relaxed) {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Self {
            child,
            writer: Some(writer),
            output,
            master: Some(pair.master),
            size: (cols, rows),
            closing,
            detached: None,
        }
    }

    fn writer(&mut self) -> &mut Box<dyn Write + Send> {
        self.writer.as_mut().expect("the terminal is open")
    }

    /// Closes the terminal side: as when a terminal window is closed under the program.
    /// Every descriptor of the terminal's side goes: the reader's on its next wake-up, which
    /// the program's once-a-second clock provides.
    pub fn close_terminal(&mut self) {
        self.closing
            .store(true, std::sync::atomic::Ordering::Relaxed);
        self.writer = None;
        self.master = None;
    }

    pub fn send(&mut self, bytes: &[u8]) {
        self.writer().write_all(bytes).unwrap();
        self.writer().flush().unwrap();
        // Separate writes keep an escape sequence from running into the next key.
        std::thread::sleep(Duration::from_millis(30));
    }

    /// Writes `bytes` from a thread of its own, so a program that stops reading makes the
    /// test fail on its own timeout instead of hanging it; `join_writer` takes the terminal
    /// back.
    pub fn send_detached(&mut self, bytes: Vec<u8>) {
        let mut writer = self.writer.take().expect("the terminal is open");
        self.detached = Some(std::thread::spawn(move || {
            writer.write_all(&bytes).unwrap();
            writer.flush().unwrap();
            writer
        }));
    }

    /// Waits for a [`Pty::send_detached`] write to finish; `false` if it did not within
    /// `timeout`.
    pub fn join_writer(&mut self, timeout: Duration) -> bool {
        let end = Instant::now() + timeout;
        while self.detached.as_ref().is_some_and(|h| !h.is_finished()) {
            if Instant::now() > end {
                return false;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        if let Some(h) = self.detached.take() {
            self.writer = Some(h.join().unwrap());
        }
        true
    }

    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            let mut b = [0u8; 4];
            let bytes = c.encode_utf8(&mut b).as_bytes().to_vec();
            self.writer().write_all(&bytes).unwrap();
        }
        self.writer().flush().unwrap();
        std::thread::sleep(Duration::from_millis(30));
    }

    pub fn raw_output(&self) -> Vec<u8> {
        self.output.lock().unwrap().clone()
    }

    /// The screen as a terminal would show it now.
    pub fn screen(&self) -> String {
        let mut parser = vt100::Parser::new(self.size.1, self.size.0, 0);
        parser.process(&self.raw_output());
        parser.screen().contents()
    }

    pub fn wait_for(&self, what: &str, timeout: Duration) -> bool {
        let end = Instant::now() + timeout;
        while Instant::now() < end {
            if self.screen().contains(what) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }

    /// Speaker 3 says 確定した発言 (committed), then 途中まで打った is typed and left
    /// unfinished: what [`kept_one_and_one`] then checks survived.
    pub fn commit_one_and_leave_one(&mut self) {
        let wait = Duration::from_secs(10);
        self.send(&keys::alt('3'));
        self.type_text("確定した発言");
        self.send(keys::ENTER);
        assert!(self.wait_for("確定した発言", wait), "{}", self.screen());
        self.type_text("途中まで打った");
        assert!(self.wait_for("途中まで打った", wait), "{}", self.screen());
    }

    /// `kill -9`: the process ends at once, with no chance to save (the pty's own `kill`
    /// hangs the terminal up first, which kiroku answers by saving everything).
    pub fn kill_9(&mut self) {
        let pid = self.child.process_id().expect("kiroku is running");
        let ok = std::process::Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status()
            .expect("kill runs");
        assert!(ok.success(), "kill -9 {pid}");
        assert!(self.wait_exit(Duration::from_secs(10)).is_some(), "killed");
    }

    /// Waits for the process to end; `None` if it is still running after `timeout`.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<portable_pty::ExitStatus> {
        let end = Instant::now() + timeout;
        while Instant::now() < end {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// Key bytes as an xterm sends them.
pub mod keys {
    pub const ENTER: &[u8] = b"\r";
    pub const CTRL_F: &[u8] = b"\x06";
    pub const CTRL_N: &[u8] = b"\x0e";
    pub const CTRL_O: &[u8] = b"\x0f";
    pub const CTRL_Q: &[u8] = b"\x11";
    pub const CTRL_Z: &[u8] = b"\x1a";
    pub const F3: &[u8] = b"\x1bOR";
    pub const F5: &[u8] = b"\x1b[15~";

    pub fn alt(c: char) -> Vec<u8> {
        format!("\x1b{c}").into_bytes()
    }
}

/// The session holds what [`Pty::commit_one_and_leave_one`] typed: the remark committed,
/// and the unfinished input.
pub fn kept_one_and_one(s: &Session) {
    assert_eq!(s.remarks.last().unwrap().text, "確定した発言");
    assert_eq!(
        s.live.draft.as_ref().unwrap().text,
        "途中まで打った",
        "everything typed is on disk"
    );
}
