//! The terminal loop: set the terminal up, turn events into actions, carry out effects, and
//! put the terminal back on every way out (normal exit, error, panic, the ends of a session
//! the system signals: SIGHUP/SIGTERM/SIGQUIT, a console window closed).

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use crate::app::{Action, App, Effect};
use crate::app::{StartChoice, StartScreen};
use crate::clock::Clock;
use crate::i18n::Lang;
use crate::platform::Event;
use crate::platform::input::TermInput;
use crate::recorder::Recorder;
use crate::storage::{session_to_string_with_draft, write_atomic};
use crate::ui;
/// The longest the loop sleeps, so a signal is noticed promptly.
const MAX_WAIT: Duration = Duration::from_millis(250);
/// The longest a burst of waiting events holds back the next frame.
const BURST: Duration = Duration::from_millis(30);

/// Where ratatui writes a frame: kept until the frame is complete and then written with one
/// system call, where the backend would flush after the cells, after showing the cursor and
/// after moving it.
#[derive(Clone, Default)]
struct FrameWriter {
    buf: std::rc::Rc<std::cell::RefCell<Vec<u8>>>,
}

impl io::Write for FrameWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buf.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl FrameWriter {
    /// Writes what the last terminal operation queued, in one piece.
    fn send(&self) -> io::Result<()> {
        let mut buf = self.buf.borrow_mut();
        if buf.is_empty() {
            return Ok(());
        }
        let mut out = io::stdout().lock();
        out.write_all(&buf)?;
        buf.clear();
        out.flush()
    }
}

/// A terminal whose frames go out through a [`FrameWriter`] kept beside it.
struct Term {
    inner: Terminal<CrosstermBackend<FrameWriter>>,
    out: FrameWriter,
}

fn send(terminal: &mut Term) -> io::Result<()> {
    terminal.out.send()
}

/// The terminal in raw mode on the alternate screen with bracketed paste; restored on drop,
/// and by the panic hook that `ratatui::init` installs (extended here for bracketed paste).
struct TerminalGuard {
    terminal: Term,
}

impl TerminalGuard {
    fn enter() -> io::Result<Self> {
        install_panic_hook();
        let terminal = init_terminal()?;
        // A console without it (Windows' own) pastes as keys, which the reader tells apart.
        let _ = execute!(io::stdout(), EnableBracketedPaste);
        Ok(Self { terminal })
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        // Never `ratatui::restore`, which prints its own error and so panics when the
        // terminal has hung up: the panic hook would then abort the process.
        let _ = ratatui::try_restore();
    }
}

/// Raw mode on the alternate screen, as `ratatui::try_init` does but without the panic hook
/// it installs each time: that hook restores with `ratatui::restore`, which panics inside the
/// panic if the terminal has hung up, and the process aborts. Ours is installed once.
fn init_terminal() -> io::Result<Term> {
    ratatui::crossterm::terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen
    )?;
    // A fixed viewport, resized on the terminal's own resize event: ratatui would otherwise
    // ask the terminal its size (open, ioctl, close) at every frame.
    let (w, h) = ratatui::crossterm::terminal::size()?;
    let out = FrameWriter::default();
    let inner = Terminal::with_options(
        CrosstermBackend::new(out.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        },
    )?;
    let mut terminal = Term { inner, out };
    send(&mut terminal)?;
    Ok(terminal)
}

fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(io::stdout(), DisableBracketedPaste);
            let _ = ratatui::try_restore();
            previous(info);
        }));
    });
}

use crate::platform::signals::termination_flag;

/// Shows the start screen until the user picks a file or quits.
pub fn run_start(
    mut screen: StartScreen,
    keymap: &crate::app::Keymap,
    lang: Lang,
    no_color: bool,
    ascii: bool,
) -> io::Result<StartChoice> {
    let stop = termination_flag()?;
    let mut guard = TerminalGuard::enter()?;
    let mut input = TermInput::new()?;
    let theme = ui::theme::Theme::new(no_color, ascii);
    loop {
        if stop.load(Ordering::Relaxed) {
            return Ok(StartChoice::Quit);
        }
        guard
            .terminal
            .inner
            .draw(|f| ui::start::draw(f, &screen, lang, &theme))?;
        send(&mut guard.terminal)?;
        input.wait(MAX_WAIT)?;
        while let Some(ev) = input.next_event() {
            match ev {
                Event::Key(chord) => {
                    let action = keymap.lookup(&[crate::app::Mode::Start], chord);
                    if let Some(choice) = action.and_then(|a| screen.handle(a)) {
                        return Ok(choice);
                    }
                }
                Event::Resize(w, h) => resize(&mut guard.terminal, w, h)?,
                Event::Paste(_) => {}
            }
        }
    }
}

use crate::platform::input::gone as terminal_gone;

/// How `run_live` ended when it did not end normally.
#[derive(Debug)]
pub enum LiveError {
    Terminal(io::Error),
    /// A bug: the session and the unfinished input were written to this file.
    Panicked(Option<PathBuf>),
}

pub use crate::storage::recovery_path;

/// Runs live mode on `app`, recording into `store`, until the user quits, a signal arrives or
/// the terminal goes away. Whatever ends it, everything typed is written before it returns.
pub fn run_live(app: &mut App, recorder: &mut Recorder, clock: Clock) -> Result<(), LiveError> {
    let stop = termination_flag().map_err(LiveError::Terminal)?;
    let _watchdog = Watchdog::start(Arc::clone(&stop));
    let mut guard = TerminalGuard::enter().map_err(LiveError::Terminal)?;
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        event_loop(app, recorder, clock, &mut guard, &stop)
    }));
    let result = match outcome {
        // A terminal that went away (its window closed, ssh dropped) ends the meeting the
        // way SIGHUP does: everything is saved below, and that is a normal end.
        Ok(Err(e)) if terminal_gone(&e) => Ok(()),
        Ok(r) => r.map_err(LiveError::Terminal),
        Err(_) => {
            // The panic hook has given the terminal back. Write out everything this
            // process knows, in a file of its own: the state may be the bug.
            let path = recovery_path(recorder.store().path());
            let text = session_to_string_with_draft(&app.session, app.draft());
            drop(guard);
            return Err(LiveError::Panicked(
                write_atomic(&path, text.as_bytes()).ok().map(|()| path),
            ));
        }
    };
    // Quit, signal or a dead terminal: fold everything into the session file.
    recorder.fold(app, clock.now(), Instant::now());
    crate::platform::signals::saved_after_termination();
    drop(guard);
    let _ = io::stdout().flush();
    result
}

/// How long a termination signal may go unanswered before the process ends itself.
const STUCK_AFTER: Duration = Duration::from_secs(10);

/// Ends the process when a termination signal is not answered within [`STUCK_AFTER`]: the
/// loop is stuck somewhere (in terminal code, say) and would otherwise hold the session's lock
/// for good. Everything committed is in the journal already, as after `kill -9`, and the lock
/// goes with the process. Dropping the watchdog (the loop has finished) stands it down.
struct Watchdog {
    done: Arc<AtomicBool>,
}

impl Watchdog {
    fn start(stop: Arc<AtomicBool>) -> Self {
        let done = Arc::new(AtomicBool::new(false));
        let finished = Arc::clone(&done);
        std::thread::spawn(move || {
            let mut asked = None;
            while !finished.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(250));
                if stop.load(Ordering::Relaxed) {
                    let since = *asked.get_or_insert_with(Instant::now);
                    if since.elapsed() >= STUCK_AFTER && !finished.load(Ordering::Relaxed) {
                        let _ = ratatui::try_restore();
                        std::process::exit(1);
                    }
                }
            }
        });
        Self { done }
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.done.store(true, Ordering::Relaxed);
    }
}

/// Gives the terminal back, stops until the shell's `fg`, then takes it again. Where the
/// system has no job control (Windows), the meeting stays on screen.
fn suspend(guard: &mut TerminalGuard) -> io::Result<()> {
    if !crate::platform::signals::CAN_SUSPEND {
        return Ok(());
    }
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    let _ = ratatui::try_restore();
    crate::platform::signals::suspend_self()?;
    // Resumed.
    guard.terminal = init_terminal()?;
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    guard.terminal.inner.clear()?;
    send(&mut guard.terminal)
}

/// The terminal has a new size: the next frame is drawn whole at it.
fn resize(terminal: &mut Term, w: u16, h: u16) -> io::Result<()> {
    terminal.inner.resize(Rect::new(0, 0, w, h))?;
    send(terminal)
}

fn event_loop(
    app: &mut App,
    saver: &mut Recorder,
    clock: Clock,
    guard: &mut TerminalGuard,
    stop: &AtomicBool,
) -> io::Result<()> {
    let size = guard.terminal.inner.size()?;
    let step = app.update(Action::Resize(size.width, size.height), clock.now());
    saver.carry_out_own(app, step, clock.now(), Instant::now());
    let inject_panic = std::env::var_os("KIROKU_INJECT_PANIC").is_some();
    let inject_hang = std::env::var_os("KIROKU_INJECT_HANG").is_some();
    let mut drawn_at = None;
    let mut redraw = true;
    let mut screen = ui::Screen::new();
    let mut input = TermInput::new()?;
    let mut measured = None;
    loop {
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        let now = clock.now();
        if redraw || drawn_at != Some(now) {
            screen.show(&mut guard.terminal.inner, app, now)?;
            send(&mut guard.terminal)?;
            drawn_at = Some(now);
            redraw = false;
            // Measuring wraps the visible remarks: only when what it depends on changed.
            let key = (
                app.size,
                app.revision,
                app.scroll_back,
                screen.input_rows(),
                app.review.as_ref().map(|r| r.preview),
            );
            if measured != Some(key) {
                measured = Some(key);
                let view = ui::measure(app);
                if view != app.view {
                    let step = app.update(Action::View(view), now);
                    saver.carry_out_own(app, step, now, Instant::now());
                }
            }
        }
        // Wake for the next clock second, or sooner for a signal.
        let ms_into_second =
            u64::from(chrono::Timelike::nanosecond(&chrono::Utc::now()) / 1_000_000);
        let wait = Duration::from_millis(1000 - ms_into_second.min(999)).min(MAX_WAIT);
        // A read error means the terminal is gone (hang-up without a signal): leave, and
        // the caller saves. Everything already waiting (an input method's burst, a held key,
        // text typed into a terminal without bracketed paste) is read and taken before the
        // next frame, so drawing never falls behind typing.
        let mut waiting = input.wait(wait)?;
        let burst_began = Instant::now();
        while waiting {
            let Some(ev) = input.next_event() else { break };
            redraw = true;
            let action = match ev {
                Event::Key(chord) => app.action_for_key(chord),
                Event::Paste(text) => Some(Action::Paste(text)),
                Event::Resize(w, h) => {
                    resize(&mut guard.terminal, w, h)?;
                    screen.invalidate();
                    Some(Action::Resize(w, h))
                }
            };
            if let Some(action) = action {
                if inject_panic && action == Action::Commit {
                    panic!("injected panic (KIROKU_INJECT_PANIC)");
                }
                // Stuck for good, as in a read that never returns: only the watchdog ends it.
                while inject_hang && action == Action::Commit && app.session.remarks.len() == 1 {
                    std::thread::sleep(Duration::from_secs(1));
                }
                let step = app.update(action, clock.now());
                let suspend_now = step.effects.contains(&Effect::Suspend);
                if saver.carry_out(app, step, clock.now(), Instant::now()) {
                    return Ok(());
                }
                if suspend_now {
                    suspend(guard)?;
                    screen.invalidate();
                    break;
                }
            }
            // The reader took everything the terminal had; what arrives meanwhile waits for
            // the next round (asking again here would cost a system call per key).
            waiting = burst_began.elapsed() < BURST && input.has_events();
        }
        let (save, notice) = (app.save.clone(), app.notice.clone());
        saver.tick(app, clock.now(), Instant::now());
        // A save that became durable, or a notice about the files, shows at once.
        redraw |= app.save != save || app.notice != notice;
    }
}
