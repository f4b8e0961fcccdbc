//! Shared by the integration tests: a sample session built with fixed times, and a
//! pseudo-terminal that runs the real binary and reads its screen.
#![allow(dead_code)]

pub mod emulator;
pub mod files;
pub mod git;
pub mod pdf;
#[cfg(unix)]
pub mod pty;

#[cfg(unix)]
#[allow(unused_imports)]
pub use pty::{Pty, kept_one_and_one, keys};

use std::path::Path;

use chrono::{FixedOffset, TimeZone};
use kiroku::model::{ParticipantId, Plan, Session, Timestamp};

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
/// Whether a check with a tool from outside the Rust toolchain (poppler, openxml-audit, a
/// browser) must run: in CI on Linux, which installs them. The Windows build's tests run under
/// Wine, where Linux's tools cannot be started; the Linux run checks the same output.
pub fn tools_required() -> bool {
    cfg!(unix) && std::env::var_os("CI").is_some()
}

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

/// The layouts the golden files show, with the meeting each is shown on: every shipped style
/// (the council layouts on their fictional sample meetings, the first four on the common test
/// meeting), and the layouts of one's own in tests/fixtures/own-layouts, written from the
/// README's style reference alone.
pub fn golden_cases() -> Vec<(String, Session, kiroku::export::Style)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out: Vec<(String, Session, kiroku::export::Style)> = kiroku::export::styles::SHIPPED
        .iter()
        .map(|(name, _)| {
            let sample = root.join(format!("sessions/sample-{name}.ron"));
            let session = if sample.exists() {
                kiroku::storage::read_session(&sample).unwrap().session
            } else {
                minutes_session_full()
            };
            let style = kiroku::commands::load_style(name).unwrap();
            ((*name).to_owned(), session, style)
        })
        .collect();
    let own = root.join("tests/fixtures/own-layouts");
    let meeting = kiroku::storage::read_session(&own.join("meeting.ron"))
        .unwrap()
        .session;
    for name in ["zenbun", "kaigiroku"] {
        let style = kiroku::commands::load_style(own.join(format!("{name}.ron")).to_str().unwrap())
            .unwrap();
        out.push((format!("own-{name}"), meeting.clone(), style));
    }
    out
}

/// A text format of `session` for `audience`, in the default style.
pub fn exported(
    session: &Session,
    audience: kiroku::export::Audience,
    format: kiroku::export::Format,
) -> String {
    let bytes = kiroku::export::export(
        session,
        audience,
        &kiroku::export::Style::default_style(),
        format,
    )
    .expect("a text format");
    String::from_utf8(bytes).expect("UTF-8")
}

/// One part of a docx (a zip of XML files), e.g. `word/document.xml`.
pub fn docx_part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut xml).unwrap();
    xml
}
