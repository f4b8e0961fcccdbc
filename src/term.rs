//! The terminal loop: set the terminal up, turn events into actions, carry out effects, and
//! put the terminal back on every way out (normal exit, error, panic, SIGHUP/SIGTERM/SIGQUIT).

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;

use crate::app::{Action, App, Effect, KeyChord, SaveStatus};
use crate::clock::Clock;
use crate::i18n::Lang;
use crate::start::{StartChoice, StartScreen};
use crate::storage::{session_to_string, write_atomic};
use crate::ui;

/// Unsaved changes are written at least this often while typing goes on.
const AUTOSAVE: Duration = Duration::from_secs(2);
/// The longest the loop sleeps, so a signal is noticed promptly.
const MAX_WAIT: Duration = Duration::from_millis(250);

/// The terminal in raw mode on the alternate screen with bracketed paste; restored on drop,
/// and by the panic hook that `ratatui::init` installs (extended here for bracketed paste).
struct TerminalGuard {
    terminal: DefaultTerminal,
}

impl TerminalGuard {
    fn enter() -> io::Result<Self> {
        install_panic_hook();
        let terminal = ratatui::try_init()?;
        execute!(io::stdout(), EnableBracketedPaste)?;
        Ok(Self { terminal })
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        ratatui::restore();
    }
}

fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(io::stdout(), DisableBracketedPaste);
            ratatui::restore();
            previous(info);
        }));
    });
}

/// Set by SIGHUP (terminal closed, ssh dropped), SIGTERM and SIGQUIT.
fn termination_flag() -> io::Result<Arc<AtomicBool>> {
    let flag = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGQUIT,
    ] {
        signal_hook::flag::register(sig, Arc::clone(&flag))?;
    }
    Ok(flag)
}

/// Shows the start screen until the user picks a file or quits.
pub fn run_start(dir: &Path, lang: Lang, no_color: bool) -> io::Result<StartChoice> {
    let mut screen = StartScreen::scan(dir);
    let stop = termination_flag()?;
    let mut guard = TerminalGuard::enter()?;
    let theme = ui::theme::Theme::new(no_color);
    loop {
        if stop.load(Ordering::Relaxed) {
            return Ok(StartChoice::Quit);
        }
        guard
            .terminal
            .draw(|f| ui::start::draw(f, &screen, lang, &theme))?;
        if event::poll(MAX_WAIT)?
            && let Event::Key(k) = event::read()?
            && let Some(chord) = KeyChord::from_event(&k)
            && let Some(choice) = screen.handle(chord)
        {
            return Ok(choice);
        }
    }
}

/// Runs live mode on `app`, saving to `path`, until the user quits or a signal arrives.
pub fn run_live(app: &mut App, path: &Path, clock: Clock) -> io::Result<()> {
    let stop = termination_flag()?;
    let mut guard = TerminalGuard::enter()?;
    let size = guard.terminal.size()?;
    app.update(Action::Resize(size.width, size.height), clock.now());
    let mut saver = Saver {
        path: path.to_path_buf(),
        last: Instant::now(),
        quit_armed: false,
    };
    let mut drawn_at = None;
    let mut redraw = true;
    let result = loop {
        if stop.load(Ordering::Relaxed) {
            break Ok(());
        }
        let now = clock.now();
        if redraw || drawn_at != Some(now) {
            if let Err(e) = guard.terminal.draw(|f| ui::draw(f, app, now)) {
                break Err(e);
            }
            drawn_at = Some(now);
            redraw = false;
        }
        // Wake for the next clock second, or sooner for a signal.
        let ms_into_second =
            u64::from(chrono::Timelike::nanosecond(&chrono::Utc::now()) / 1_000_000);
        let wait = Duration::from_millis(1000 - ms_into_second.min(999)).min(MAX_WAIT);
        match event::poll(wait) {
            Ok(false) => {}
            Ok(true) => {
                let ev = match event::read() {
                    Ok(ev) => ev,
                    Err(e) => break Err(e),
                };
                redraw = true;
                let action = match ev {
                    Event::Key(k) => KeyChord::from_event(&k).and_then(|c| app.action_for_key(c)),
                    Event::Paste(text) => Some(Action::Paste(text)),
                    Event::Resize(w, h) => Some(Action::Resize(w, h)),
                    _ => None,
                };
                if let Some(action) = action {
                    let effects = app.update(action, clock.now());
                    if saver.carry_out(app, &effects, clock) {
                        break Ok(());
                    }
                }
            }
            // The terminal is gone (read error, hang-up without a signal): save and leave.
            Err(e) => break Err(e),
        }
        if app.dirty && saver.last.elapsed() >= AUTOSAVE {
            saver.save(app, clock);
        }
    };
    // Whatever ended the loop, what was typed is written before the terminal is given back.
    if app.dirty {
        saver.save(app, clock);
    }
    drop(guard);
    let _ = io::stdout().flush();
    result
}

struct Saver {
    path: PathBuf,
    last: Instant,
    /// A quit was refused because the save failed; the next quit goes through.
    quit_armed: bool,
}

impl Saver {
    /// Carries out effects; `true` when the app should end.
    fn carry_out(&mut self, app: &mut App, effects: &[Effect], clock: Clock) -> bool {
        let mut quit = false;
        for e in effects {
            match e {
                Effect::Save => self.save(app, clock),
                Effect::Quit => quit = true,
            }
        }
        if quit && matches!(app.save, SaveStatus::Error(_)) && !self.quit_armed {
            // Leaving now would lose what could not be written: say so, and let a second
            // quit mean it.
            self.quit_armed = true;
            app.message = Some(app.settings.lang.strings().quit_unsaved.to_owned());
            return false;
        }
        quit
    }

    fn save(&mut self, app: &mut App, clock: Clock) {
        let text = session_to_string(app.session_for_save());
        let result = write_atomic(&self.path, text.as_bytes())
            .map_err(|e| format!("{}: {e}", self.path.display()));
        self.last = Instant::now();
        app.update(Action::Saved(result), clock.now());
    }
}
