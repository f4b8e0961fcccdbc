//! Shared by the integration tests: a sample session built with fixed times, and a
//! pseudo-terminal that runs the real binary and reads its screen.
#![allow(dead_code)]

pub mod emulator;
pub mod files;
pub mod git;

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{FixedOffset, TimeZone};
use kiroku::model::{ParticipantId, Plan, Session, Timestamp};
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/sessions/example-agenda.ron");
pub const BIN: &str = env!("CARGO_BIN_EXE_kiroku");

/// The real binary as a command, in the environment every test runs it in: UTF-8, Japan's
/// time zone, nothing on standard input. The one way tests start it outside a terminal.
/// The time a kiroku started with [`TestClock::env`] reads: tests set it instead of sleeping.
#[allow(dead_code)]
pub struct TestClock {
    path: std::path::PathBuf,
}

#[allow(dead_code)]
impl TestClock {
    /// A clock in `dir` that reads `at` (RFC 3339) until set again.
    pub fn new(dir: &Path, at: &str) -> Self {
        let clock = Self {
            path: dir.join("clock.txt"),
        };
        clock.set(at);
        clock
    }

    /// From now on kiroku reads `at`. Replaced whole, so a read never sees half a time.
    pub fn set(&self, at: &str) {
        let fresh = self.path.with_extension("new");
        std::fs::write(&fresh, at).unwrap();
        std::fs::rename(&fresh, &self.path).unwrap();
    }

    /// The environment that puts kiroku on this clock.
    pub fn env(&self) -> (&'static str, &str) {
        (kiroku::clock::TEST_CLOCK, self.path.to_str().unwrap())
    }
}

pub fn kiroku() -> std::process::Command {
    let mut cmd = std::process::Command::new(BIN);
    cmd.env("LANG", "C.UTF-8")
        .env("TZ", "Asia/Tokyo")
        // The user's own settings (a keymap, a clerk's name) never reach a test.
        .env("XDG_CONFIG_HOME", NO_CONFIG)
        .env_remove("KIROKU_CLERK")
        .stdin(std::process::Stdio::null());
    cmd
}

/// A settings folder that cannot exist, even for root: its parent is a device.
pub const NO_CONFIG: &str = "/dev/null/kiroku-test-config";

/// 2026-07-03 (the sample meeting's date) at h:m:s, Japan time.
pub fn at(h: u32, m: u32, s: u32) -> Timestamp {
    FixedOffset::east_opt(9 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 7, 3, h, m, s)
        .unwrap()
}

pub fn example_plan() -> Plan {
    kiroku::storage::load_agenda(Path::new(EXAMPLE)).expect("the sample agenda loads")
}

pub fn pid(s: &str) -> Option<ParticipantId> {
    Some(ParticipantId(s.to_owned()))
}

/// The sample meeting with remarks in public, off-the-record and closed parts.
pub fn sample_session() -> Session {
    let mut s = Session::new(example_plan()).unwrap();
    s.set_speaker(pid("yamada"));
    s.add_remark(
        "本日はお集まりいただき、ありがとうございます。".into(),
        at(15, 0, 10),
        at(15, 0, 40),
    );
    s.step_item(1, at(15, 5, 0));
    s.set_speaker(pid("sato"));
    s.add_remark(
        "利用率の推移について伺いたい。".into(),
        at(15, 6, 0),
        at(15, 6, 20),
    );
    s.set_speaker(pid("suzuki"));
    s.add_remark(
        "前年度比で二割増えている。".into(),
        at(15, 6, 30),
        at(15, 7, 0),
    );
    s.set_off_record(true, at(15, 8, 0));
    s.add_remark(
        "ここだけの話ですが、予算は厳しい。".into(),
        at(15, 8, 10),
        at(15, 8, 30),
    );
    s.set_off_record(false, at(15, 9, 0));
    s.step_item(1, at(15, 20, 0));
    s.step_item(1, at(15, 40, 0));
    s.set_speaker(pid("takahashi"));
    s.add_remark(
        "調達方針の素案に賛成する。".into(),
        at(15, 41, 0),
        at(15, 41, 30),
    );
    s
}

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

/// Drives the app as a user would: `press(&mut app, "<A-2>発言です<Enter>", now)`. Text
/// outside `<…>` is typed character by character; `<…>` is a key as keymap files write it.
/// Returns the steps' effects and edits, in order, as one step.
pub fn press(app: &mut kiroku::app::App, keys: &str, now: Timestamp) -> kiroku::app::Step {
    use kiroku::app::KeyChord;
    use kiroku::app::{KeyCode, KeyModifiers};
    let mut all = kiroku::app::Step::default();
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let chord = if c == '<' && rest.contains('>') {
            let end = rest.find('>').unwrap();
            let name = &rest[1..end];
            rest = &rest[end + 1..];
            KeyChord::parse(name).unwrap_or_else(|e| panic!("{e}"))
        } else {
            rest = &rest[c.len_utf8()..];
            KeyChord::new(KeyCode::Char(c), KeyModifiers::NONE)
        };
        if let Some(action) = app.action_for_key(chord) {
            let step = app.update(action, now);
            all.effects.extend(step.effects);
            all.edits.extend(step.edits);
        }
    }
    all
}

/// A live-mode app on `session` with English strings and colours off unless asked.
/// A test as before / keys / after: `before` is opened in live mode (English, 120×35, at
/// 15:00:00), `keys` are pressed (`<A-2>`, `<Enter>`, `<C-z>` as in a keymap file; `<+N>`
/// moves the clock on N seconds), and `after` is handed the app and the screen as text. On
/// the way it holds the promise every key keeps: the edits the steps returned, replayed onto
/// `before`, give exactly the session the app holds.
#[allow(dead_code)]
pub fn check(before: Session, keys: &str, after: impl FnOnce(&kiroku::app::App, &str)) {
    let mut app = app_with(before.clone(), kiroku::i18n::Lang::En);
    let mut now = at(15, 0, 0);
    let _ = render(&mut app, 120, 35, now);
    let mut edits = Vec::new();
    let mut rest = keys;
    while !rest.is_empty() {
        if let Some(tail) = rest.strip_prefix("<+") {
            let end = tail.find('>').expect("<+N> is closed");
            now += chrono::Duration::seconds(tail[..end].parse().expect("<+N> counts seconds"));
            rest = &tail[end + 1..];
            continue;
        }
        let next = rest.find("<+").unwrap_or(rest.len());
        edits.extend(press(&mut app, &rest[..next], now).edits);
        rest = &rest[next..];
    }
    let screen = screen_text(&render(&mut app, 120, 35, now));
    // The clock's step a little later journals the unfinished input too.
    let later = now + chrono::Duration::seconds(2);
    edits.extend(app.update(kiroku::app::Action::Tick, later).edits);
    let mut replayed = before;
    for edit in &edits {
        replayed.replay(edit).expect("every edit replays");
    }
    let mut expected = app.session.clone();
    expected.live.draft = app.draft();
    assert_eq!(
        replayed, expected,
        "the journal's edits rebuild the session"
    );
    after(&app, &screen);
}

pub fn app_with(session: Session, lang: kiroku::i18n::Lang) -> kiroku::app::App {
    let settings = kiroku::app::Settings {
        lang,
        no_color: false,
        ascii: false,
        zone_warning: None,
    };
    kiroku::app::App::new(session, kiroku::app::Keymap::default(), settings)
}

/// How many random cases a property test tries: its own number, or `PROPTEST_CASES` for a
/// longer run by hand.
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Draws the app on a `w`×`h` test terminal at `now`.
pub fn render(
    app: &mut kiroku::app::App,
    w: u16,
    h: u16,
    now: Timestamp,
) -> ratatui::Terminal<ratatui::backend::TestBackend> {
    let _ = app.update(kiroku::app::Action::Resize(w, h), now);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| kiroku::ui::draw(f, app, now)).unwrap();
    // As the loop does after each frame.
    let view = kiroku::ui::measure(app);
    let _ = app.update(kiroku::app::Action::View(view), now);
    terminal
}

/// The buffer's text, row by row, wide characters once.
pub fn screen_text(terminal: &ratatui::Terminal<ratatui::backend::TestBackend>) -> String {
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let symbol = buf[(x, y)].symbol();
            out.push_str(symbol);
            // The cell after a wide character is covered by it.
            x += u16::try_from(kiroku::text::width(symbol).max(1)).unwrap_or(1);
        }
        out.push('\n');
    }
    out
}

/// The fictional meeting of the export issue's example, recorded.
pub fn minutes_session() -> Session {
    use kiroku::model::{AgendaItem, Attendance, Layout, Meeting, Participant};
    let person = |id: &str, role: &str, name: &str, honorific: Option<&str>, slot| Participant {
        id: ParticipantId(id.into()),
        role: role.into(),
        name: name.into(),
        honorific: honorific.map(Into::into),
        outside: honorific.is_some(),
        attendance: Attendance::Room,
        hotkey: Some(slot),
        ..Default::default()
    };
    let item = |no, title: &str, detail: Option<&str>, public, layout| AgendaItem {
        no,
        title: title.into(),
        detail: detail.map(Into::into),
        public,
        minutes: Some(10),
        layout,
        detail_public: false,
        heading: None,
        closed_reason: None,
        part_of: None,
    };
    let plan = Plan {
        meeting: Meeting {
            title: "第3回 北町デジタル推進会議".into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 7, 3).unwrap(),
            start: chrono::NaiveTime::from_hms_opt(15, 0, 0).unwrap(),
            end: chrono::NaiveTime::from_hms_opt(16, 30, 0).unwrap(),
            place: "会場及びオンラインのハイブリッド開催".into(),
            language: "ja".into(),
            quorum: None,
            decision_results: Vec::new(),
            phrases: Vec::new(),
            texts: Vec::new(),
        },
        roster: vec![
            person("yamada", "デジタル推進局長", "山田 太郎", None, 1),
            person("sato", "南町CIO", "佐藤 花子", Some("様"), 2),
            person("suzuki", "デジタル推進局 企画部長", "鈴木 一郎", None, 3),
        ],
        agenda: vec![
            item(
                1,
                "開会挨拶",
                Some("デジタル推進局長 山田 太郎"),
                true,
                Layout::Speeches,
            ),
            item(
                2,
                "報告事項",
                Some("電子申請の利用状況"),
                true,
                Layout::Discussion,
            ),
            item(3, "意見交換", None, false, Layout::Discussion),
        ],
    };
    let mut s = Session::new(plan).unwrap();
    s.set_speaker(pid("yamada"));
    s.add_remark(
        "本日はお集まりいただき、ありがとうございます。".into(),
        at(15, 0, 5),
        at(15, 0, 30),
    );
    s.add_remark(
        "今年度の重点は三つある。".into(),
        at(15, 1, 0),
        at(15, 1, 20),
    );
    s.step_item(1, at(15, 5, 0));
    s.set_speaker(pid("sato"));
    s.add_remark(
        "利用率の推移について伺いたい。".into(),
        at(15, 6, 0),
        at(15, 6, 10),
    );
    s.set_speaker(pid("suzuki"));
    s.add_remark(
        "前年度比で二割増えている。".into(),
        at(15, 6, 20),
        at(15, 6, 40),
    );
    s.step_item(1, at(15, 20, 0));
    s.set_speaker(pid("sato"));
    s.add_remark(
        "調達の見込みについて率直に申し上げる。".into(),
        at(15, 21, 0),
        at(15, 21, 30),
    );
    s
}

/// `minutes_session` plus an off-the-record stretch inside the public report item, a note
/// without a speaker, and open marks, to exercise every part of a style.
pub fn minutes_session_full() -> Session {
    let mut s = minutes_session();
    s.switch_item(2, at(15, 30, 0));
    s.set_speaker(pid("suzuki"));
    s.set_off_record(true, at(15, 49, 0));
    s.add_remark(
        "ここからは記録に残さないでほしい。".into(),
        at(15, 49, 10),
        at(15, 49, 30),
    );
    s.set_off_record(false, at(15, 52, 0));
    s.add_remark(
        "公開に戻って補足する。".into(),
        at(15, 52, 10),
        at(15, 52, 40),
    );
    let id = s.add_remark(
        "利用率は［聞き取れず］％である。".into(),
        at(15, 53, 0),
        at(15, 53, 20),
    );
    s.set_check_later(id, true);
    s.set_speaker(None);
    // A stage direction the clerk released for the public minutes…
    let id = s.add_remark("（資料2に基づき説明）".into(), at(15, 54, 0), at(15, 54, 5));
    s.remark_mut(id).unwrap().publish_note = true;
    // …and a note of the clerk's own, which stays internal.
    s.add_remark(
        "（委員の音声が途切れる。接続を再確認）".into(),
        at(15, 55, 0),
        at(15, 55, 5),
    );
    s
}

/// One part of a docx (a zip of XML files), e.g. `word/document.xml`.
pub fn docx_part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut xml).unwrap();
    xml
}
