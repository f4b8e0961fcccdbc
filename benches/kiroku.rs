//! `cargo bench`: what a keystroke, a commit, a paste, a page of scrolling, opening, saving
//! and exporting cost at 10 to 100,000 remarks, plus peak memory and idle CPU. Ends with a
//! plain table; the README keeps the latest one.

#[cfg(unix)]
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{FixedOffset, TimeZone};
use kiroku::app::{Action, App, Keymap, Settings};
use kiroku::export::{Audience, Format, Style, export};
use kiroku::i18n::Lang;
use kiroku::model::{ParticipantId, Session, Timestamp};
use kiroku::recorder::Recorder;
use kiroku::storage::{Store, load_agenda, load_session, save_session};
use kiroku::ui::Screen;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [usize; 4] = [10, 1_000, 10_000, 100_000];
const PHRASES: &[&str] = &[
    "本日はお忙しいところお集まりいただき、誠にありがとうございます。",
    "電子申請の利用率は前年度比で二割増加しております。",
    "窓口業務のオンライン化について、住民の皆様の声を伺いたい。",
    "システム調達の方針については、次回までに整理してお示しします。",
    "高齢者の方への支援策も併せて検討すべきではないか。",
    "ご指摘の点は重要であり、関係部局と連携して対応いたします。",
];

fn at(s: i64) -> Timestamp {
    FixedOffset::east_opt(9 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 7, 3, 15, 0, 0)
        .unwrap()
        + chrono::Duration::seconds(s)
}

/// A meeting of `n` remarks: 30 to 300 characters each, six speakers, five items.
fn session(n: usize) -> Session {
    let agenda = concat!(env!("CARGO_MANIFEST_DIR"), "/sessions/example-agenda.ron");
    let mut s = Session::new(load_agenda(Path::new(agenda)).unwrap()).unwrap();
    let ids: Vec<ParticipantId> = s.plan.roster.iter().map(|p| p.id.clone()).collect();
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    for i in 0..n {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        if i > 0 && i % (n / 5).max(1) == 0 {
            s.step_item(1, at(i as i64 * 20));
        }
        s.set_speaker(Some(ids[(seed % 6) as usize].clone()));
        let len = 30 + (seed % 270) as usize;
        let text: String = PHRASES[(seed % 6) as usize]
            .chars()
            .cycle()
            .take(len)
            .collect();
        s.add_remark(text, at(i as i64 * 20), at(i as i64 * 20 + 15));
    }
    s
}

fn app(session: Session) -> App {
    let settings = Settings {
        lang: Lang::Ja,
        no_color: false,
        ascii: false,
        zone_warning: None,
    };
    let mut app = App::new(session, Keymap::default(), settings);
    let _ = app.update(Action::Resize(120, 40), at(0));
    app
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(120, 40)).unwrap()
}

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    samples[((samples.len() - 1) as f64 * p) as usize]
}

fn fmt(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us < 1000.0 {
        format!("{us:.0} µs")
    } else {
        format!("{:.1} ms", us / 1000.0)
    }
}

struct Row {
    what: &'static str,
    size: usize,
    value: String,
}

fn time<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let t = Instant::now();
    let out = f();
    (t.elapsed(), out)
}

/// `count` typed characters, each drawn; the input is emptied every 200 so the box
/// keeps growing and shrinking as it does in a meeting. Returns p50 and p99.
fn keystrokes(a: &mut App, term: &mut Terminal<TestBackend>, count: usize) -> (Duration, Duration) {
    let chars: Vec<char> = PHRASES.concat().chars().collect();
    let mut samples = Vec::with_capacity(count);
    let mut screen = Screen::new();
    for i in 0..count {
        // Seven characters a second, on a clock that reads whole seconds as the real one does.
        let now = at(i as i64 / 7);
        let action = a.action_for_key(kiroku::app::KeyChord::new(
            kiroku::app::KeyCode::Char(chars[i % chars.len()]),
            kiroku::app::KeyModifiers::NONE,
        ));
        let (d, ()) = time(|| {
            let _ = a.update(action.unwrap(), now);
            screen.show(term, a, now).unwrap();
        });
        samples.push(d);
        if i % 200 == 199 {
            a.editor.take();
        }
    }
    (
        percentile(&mut samples, 0.5),
        percentile(&mut samples, 0.99),
    )
}

fn bench_size(n: usize, rows: &mut Vec<Row>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let s = session(n);
    let mut row = |what, value| {
        rows.push(Row {
            what,
            size: n,
            value,
        })
    };

    // One keystroke: key event → update → full frame.
    let mut a = app(s.clone());
    let mut term = terminal();
    let (p50, p99) = keystrokes(&mut a, &mut term, 5000);
    row("keystroke p50", fmt(p50));
    row("keystroke p99", fmt(p99));

    // One commit: what the keystroke waits for (the journal append; the fsync starts on its
    // own thread), and how long until the disk has it and the header may say saved.
    let store = Store::create(&path, &a.session).unwrap();
    let mut rec = Recorder::new(store, Instant::now());
    let mut samples = Vec::new();
    let mut durable = Vec::new();
    for i in 0..200 {
        for c in "発言を確定します".chars() {
            let _ = a.update(Action::Insert(c), at(i));
        }
        let start = Instant::now();
        let step = a.update(Action::Commit, at(i));
        rec.carry_out(&mut a, step, at(i), Instant::now());
        samples.push(start.elapsed());
        while rec.store().has_unsynced() {
            std::thread::yield_now();
        }
        durable.push(start.elapsed());
    }
    row(
        "commit (journal append) p50",
        fmt(percentile(&mut samples, 0.5)),
    );
    row(
        "commit until synced (fsync done) p50",
        fmt(percentile(&mut durable, 0.5)),
    );

    // A Japanese paste of 10 KB, drawn.
    let paste: String = PHRASES.concat().chars().cycle().take(3400).collect();
    a.editor.take();
    let mut screen = Screen::new();
    term.draw(|f| screen.draw(f, &a, at(1))).unwrap();
    let (d, ()) = time(|| {
        let _ = a.update(Action::Paste(paste.clone()), at(1));
        term.draw(|f| screen.draw(f, &a, at(1))).unwrap();
    });
    row("paste 10 KB Japanese", fmt(d));
    a.editor.take();

    // Scrolling the timeline one page back.
    let mut samples = Vec::new();
    for i in 0..50 {
        let (d, ()) = time(|| {
            let _ = a.update(Action::ScrollUp, at(i));
            term.draw(|f| screen.draw(f, &a, at(i))).unwrap();
        });
        samples.push(d);
    }
    row("scroll one page p50", fmt(percentile(&mut samples, 0.5)));

    // Files: the median of five runs (one at 100,000 remarks, where a run takes seconds).
    let runs = if n >= 100_000 { 1 } else { 5 };
    let median = |f: &mut dyn FnMut()| {
        let mut samples: Vec<Duration> = (0..runs).map(|_| time(&mut *f).0).collect();
        fmt(percentile(&mut samples, 0.5))
    };
    save_session(&path, &s).unwrap();
    row(
        "open session file",
        median(&mut || drop(load_session(&path).unwrap())),
    );
    row(
        "full atomic save",
        median(&mut || save_session(&path, &s).unwrap()),
    );
    let style = Style::default_style();
    row(
        "export text (public)",
        median(&mut || drop(export(&s, Audience::Public, &style, Format::Text).unwrap())),
    );
    row(
        "export docx (public)",
        median(&mut || drop(export(&s, Audience::Public, &style, Format::Docx).unwrap())),
    );
}

/// Peak memory of a process that opens a session and draws it: this benchmark run again.
fn peak_memory(n: usize) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    save_session(&path, &session(n)).unwrap();
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .env("KIROKU_BENCH_HOLD", &path)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

fn hold(path: &str) {
    let s = load_session(Path::new(path)).unwrap();
    let mut a = app(s);
    let mut term = terminal();
    term.draw(|f| kiroku::ui::draw(f, &a, at(0))).unwrap();
    let _ = a.update(Action::Insert('あ'), at(1));
    term.draw(|f| kiroku::ui::draw(f, &a, at(1))).unwrap();
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let hwm = status
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .map(|l| {
            l.split_whitespace()
                .nth(1)
                .unwrap_or("0")
                .parse::<u64>()
                .unwrap_or(0)
        })
        .unwrap_or(0);
    println!("{:.0} MB", hwm as f64 / 1024.0);
}

/// CPU used by the recording loop sitting idle: measured in a Unix pseudo-terminal, from
/// /proc.
#[cfg(not(unix))]
fn idle_cpu() -> String {
    "not measured here (a Unix pseudo-terminal and /proc)".to_owned()
}

/// CPU used by the recording loop sitting idle (clock ticking) for ten seconds, on a session
/// of 10,000 remarks: this benchmark run again in a pseudo-terminal, as `kiroku open`.
#[cfg(unix)]
fn idle_cpu() -> String {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("idle.ron");
    save_session(&path, &session(10_000)).unwrap();
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(std::env::current_exe().unwrap());
    cmd.env("KIROKU_BENCH_OPEN", &path);
    cmd.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    let mut reader = pair.master.try_clone_reader().unwrap();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = std::io::Read::read(&mut reader, &mut buf) {
            if n == 0 {
                break;
            }
        }
    });
    std::thread::sleep(Duration::from_secs(3));
    let pid = child.process_id().unwrap();
    let ticks = || -> u64 {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let fields: Vec<&str> = stat
            .rsplit(')')
            .next()
            .unwrap_or("")
            .split_whitespace()
            .collect();
        fields
            .get(11)
            .and_then(|u| u.parse::<u64>().ok())
            .unwrap_or(0)
            + fields
                .get(12)
                .and_then(|s| s.parse::<u64>().ok())
                .unwrap_or(0)
    };
    let (t0, c0) = (Instant::now(), ticks());
    std::thread::sleep(Duration::from_secs(10));
    let (secs, used) = (t0.elapsed().as_secs_f64(), ticks() - c0);
    let mut w = pair.master.take_writer().unwrap();
    let _ = w.write_all(b"\x11");
    let _ = child.wait();
    // Clock ticks are 1/100 s on Linux.
    format!("{:.2} % of one core", used as f64 / 100.0 / secs * 100.0)
}

/// One measurement run long enough for a profiler: `KIROKU_BENCH_PROFILE=keys:100000`
/// (or `open:10000`, `docx:10000`).
fn profile(what: &str) {
    let (kind, n) = what.split_once(':').unwrap_or((what, "10000"));
    let n: usize = n.parse().unwrap_or(10_000);
    let s = session(n);
    let mut samples: Vec<Duration> = match kind {
        "keys" => {
            let (p50, p99) = keystrokes(&mut app(s), &mut terminal(), 30_000);
            return println!("keystroke p50 {} p99 {}", fmt(p50), fmt(p99));
        }
        "open" => {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("s.ron");
            save_session(&path, &s).unwrap();
            (0..30)
                .map(|_| time(|| load_session(&path).unwrap()).0)
                .collect()
        }
        _ => {
            let style = Style::default_style();
            (0..10)
                .map(|_| time(|| export(&s, Audience::Public, &style, Format::Docx).unwrap()).0)
                .collect()
        }
    };
    println!("{kind} p50 {}", fmt(percentile(&mut samples, 0.5)));
}

/// The recording loop, as `kiroku open PATH` runs it, for [`idle_cpu`].
fn open_live(path: &str) {
    let opts = kiroku::commands::Options {
        lang: Lang::Ja,
        no_color: false,
        ascii: false,
        keymap: None,
        clock: kiroku::clock::Clock::detect(None),
        sessions_dir: std::env::temp_dir(),
        clerk: None,
        ask_clerk: false,
    };
    kiroku::commands::open(
        Path::new(path),
        false,
        kiroku::commands::RecoveryChoice::Ask,
        &opts,
    )
    .unwrap();
}

fn main() {
    if let Ok(path) = std::env::var("KIROKU_BENCH_HOLD") {
        return hold(&path);
    }
    if let Ok(path) = std::env::var("KIROKU_BENCH_OPEN") {
        return open_live(&path);
    }
    if let Ok(what) = std::env::var("KIROKU_BENCH_PROFILE") {
        return profile(&what);
    }
    // `cargo bench -- --quick` stops at 10,000 remarks.
    let quick = std::env::args().any(|a| a == "--quick");
    let mut rows = Vec::new();
    for n in SIZES {
        if quick && n > 10_000 {
            continue;
        }
        eprintln!("measuring {n} remarks…");
        bench_size(n, &mut rows);
    }
    for n in [10_000, 100_000] {
        if quick && n > 10_000 {
            continue;
        }
        let value = peak_memory(n);
        rows.push(Row {
            what: "peak memory (open + draw)",
            size: n,
            value,
        });
    }
    rows.push(Row {
        what: "idle CPU (clock ticking)",
        size: 10_000,
        value: idle_cpu(),
    });
    println!();
    println!("{:<40} {:>9}  {:>12}", "measurement", "remarks", "value");
    for r in &rows {
        let size = if r.size == 0 {
            "-".to_owned()
        } else {
            r.size.to_string()
        };
        println!("{:<40} {:>9}  {:>12}", r.what, size, r.value);
    }
}
