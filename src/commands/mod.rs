//! What each subcommand does, apart from parsing its arguments.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::app::{App, Keymap, Settings};
use crate::app::{EntryKind, StartChoice, StartEntry, StartScreen};
use crate::clock::Clock;
use crate::export::render::pdf::{FontChoice, Fonts};
use crate::export::{Audience, Format, Style};
use crate::i18n::Lang;
use crate::model::Session;
use crate::recorder::Recorder;
use crate::storage::{self, LoadError, SessionLock, Store, default_session_path, load_agenda};
use crate::term::LiveError;

pub mod agenda;
pub mod ja;
pub mod merge;

/// An error for the user: one line, exit code 1.
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error("{0}")]
    Load(#[from] LoadError),
    #[error("{0}")]
    Lock(#[from] storage::LockError),
    #[error("{0}")]
    Refused(#[from] storage::Refusal),
    #[error("{0}")]
    Other(String),
}

/// Options every command that opens a session shares.
#[derive(Debug, Clone)]
pub struct Options {
    pub lang: Lang,
    pub no_color: bool,
    /// ASCII borders (`--ascii`).
    pub ascii: bool,
    pub keymap: Option<PathBuf>,
    pub clock: Clock,
    pub sessions_dir: PathBuf,
    /// Who takes the record down (`--clerk`, `KIROKU_CLERK`, the config file).
    pub clerk: Option<String>,
    /// Ask who takes the record down when nothing says (coming from the start screen).
    pub ask_clerk: bool,
}

/// A line on standard error, `kiroku: …`. A control character a file name or a file's text
/// brought in is dropped: an escape sequence would drive the clerk's terminal. A failed write
/// is no error: standard error may have gone with the terminal.
pub fn report(line: &str) {
    let line = crate::model::clean::strip_controls(line);
    let _ = writeln!(std::io::stderr(), "kiroku: {line}");
}

/// Text for standard output (a summary, a list, the minutes as text), its control
/// characters dropped where standard output is a terminal.
pub fn print_out(text: &str) -> std::io::Result<()> {
    use std::io::IsTerminal;
    let mut out = std::io::stdout().lock();
    if out.is_terminal() {
        out.write_all(crate::model::clean::strip_controls(text).as_bytes())?;
    } else {
        out.write_all(text.as_bytes())?;
    }
    out.flush()
}

/// `path` as a shell takes it, for a command to copy: as it is where that is safe, else in
/// single quotes (`'議事 次第.ron'`).
pub fn shell_quoted(path: &Path) -> String {
    let s = path.display().to_string();
    let plain = !s.is_empty()
        && s.chars().all(|c| {
            !c.is_whitespace() && !"'\"\\$`!*?[]{}()<>|&;#~=%^,".contains(c) && !c.is_control()
        });
    if plain {
        s
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// `kiroku check FILE`: a one-line summary, or the first error.
pub fn check(path: &Path) -> Result<String, CommandError> {
    let summary = match storage::read_any(path)? {
        storage::Read::Agenda(plan) => format!(
            "{}: agenda file \"{}\" ({}): {} participants, {} agenda items",
            path.display(),
            plan.meeting.title,
            plan.meeting.date,
            plan.roster.len(),
            plan.agenda.len()
        ),
        storage::Read::Session(read) => {
            for n in read.notices(path) {
                report(&ja::say(&n));
            }
            let s = &read.session;
            format!(
                "{}: session \"{}\" ({}): {} participants, {} agenda items, {} remarks",
                path.display(),
                s.plan.meeting.title,
                s.plan.meeting.date,
                s.plan.roster.len(),
                s.plan.agenda.len(),
                s.remarks.len()
            )
        }
    };
    Ok(summary)
}

/// The keymap: the defaults, with the user's file merged over them if there is one.
pub fn keymap(explicit: Option<&Path>) -> Result<Keymap, CommandError> {
    let load = |p: &Path| -> Result<Keymap, CommandError> {
        let text = storage::read_utf8(p).map_err(|e| {
            LoadError::new(
                p,
                storage::LoadErrorKind::Io,
                None,
                format!("cannot read the keymap: {e}"),
            )
        })?;
        Ok(Keymap::parse(p, &text)?)
    };
    if let Some(p) = explicit {
        return load(p);
    }
    match default_keymap_path() {
        Some(p) if p.exists() => load(&p),
        _ => Ok(Keymap::default()),
    }
}

/// `$XDG_CONFIG_HOME/kiroku/keymap.ron`, else `~/.config/kiroku/keymap.ron`.
pub fn default_keymap_path() -> Option<PathBuf> {
    Some(crate::config::dir()?.join("keymap.ron"))
}

/// `kiroku new AGENDA [-o SESSION]`: creates the session file, then records into it.
pub fn new(agenda: &Path, output: Option<&Path>, opts: &Options) -> Result<(), CommandError> {
    let plan = load_agenda(agenda)?;
    let keymap = keymap(opts.keymap.as_deref())?;
    let path = match output {
        Some(p) => p.to_path_buf(),
        None => {
            std::fs::create_dir_all(&opts.sessions_dir).map_err(|e| {
                CommandError::Other(format!(
                    "cannot create {}: {e}",
                    opts.sessions_dir.display()
                ))
            })?;
            default_session_path(&opts.sessions_dir, &plan)
        }
    };
    refuse_odd_place(&path)?;
    if path.exists() {
        let is_session = matches!(storage::read_any(&path), Ok(storage::Read::Session(_)));
        return Err(CommandError::Other(if is_session {
            format!(
                "{} already exists: resume it with `kiroku open {}`",
                path.display(),
                shell_quoted(&path)
            )
        } else {
            format!(
                "{} exists and is no session: give the new session another name with -o",
                path.display()
            )
        }));
    }
    storage::check_output(&path, storage::Intent::New)?;
    let session = Session::new(plan)
        .map_err(|e| CommandError::Other(format!("{}: {e}", agenda.display())))?;
    // Before anything is written: a session file nobody can record into helps no one.
    need_terminal(opts.lang)?;
    let lock = SessionLock::acquire(&path, &opts.clock.now().to_rfc3339())?;
    let store = Store::create(&path, &session)
        .map_err(|e| CommandError::Other(format!("cannot write {}: {e}", path.display())))?;
    live(session, store, lock, keymap, false, None, opts)
}

/// What to do with a recovery file left by a crash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RecoveryChoice {
    /// Refuse to open while one exists, and say how to choose.
    #[default]
    Ask,
    /// Continue from the recovery file.
    Recover,
    /// Set it aside and continue from the session file and its journal.
    Discard,
}

/// `kiroku open SESSION`: resumes recording (or cleanup with `review`).
pub fn open(
    path: &Path,
    review: bool,
    recovery: RecoveryChoice,
    opts: &Options,
) -> Result<(), CommandError> {
    let keymap = keymap(opts.keymap.as_deref())?;
    refuse_odd_place(path)?;
    // Lock first: another kiroku may be writing this file right now.
    let lock = SessionLock::acquire(path, &opts.clock.now().to_rfc3339())?;
    let files = storage::SessionFiles::new(path);
    let rescue = files.recovery();
    let mut from_rescue = None;
    if rescue.exists() {
        match recovery {
            RecoveryChoice::Ask => {
                return Err(CommandError::Other(format!(
                    "kiroku stopped on an error last time and wrote everything to {r}. \
                     Continue from it with `kiroku open {p} --recover`, or set it aside with \
                     `kiroku open {p} --discard-recovery` (the file is kept as {r}.discarded)",
                    r = rescue.display(),
                    p = path.display()
                )));
            }
            RecoveryChoice::Recover => from_rescue = Some(storage::load_session(&rescue)?),
            RecoveryChoice::Discard => {
                std::fs::rename(&rescue, files.recovery_discarded()).map_err(|e| {
                    CommandError::Other(format!("cannot set {} aside: {e}", rescue.display()))
                })?;
            }
        }
    }
    let (mut session, mut store, recovered) = Store::open(path)?;
    let mut notice = None;
    if let Some(rescued) = from_rescue {
        session = rescued;
        store
            .fold(&session, std::time::Instant::now())
            .map_err(|e| CommandError::Other(format!("cannot write {}: {e}", path.display())))?;
        let _ = std::fs::rename(&rescue, files.recovery_used());
        notice = Some(format!("recovered from {}", rescue.display()));
    }
    if recovered.replayed > 0 {
        notice = Some(format!(
            "recovered {} change(s) from the journal{}",
            recovered.replayed,
            if recovered.torn_tail {
                " (a cut-off last record was dropped)"
            } else {
                ""
            }
        ));
    }
    if let Some((copy, why)) = &recovered.damaged {
        report(&ja::say(&format!(
            "warning: {why}; a copy is kept at {}",
            copy.display()
        )));
        notice = Some(format!("journal damaged: copy kept at {}", copy.display()));
    }
    live(session, store, lock, keymap, review, notice, opts)
}

/// A session is recorded into a regular file of its own: never through a symbolic link
/// (every save would replace the link, not the file it names), a pipe or a device.
fn refuse_odd_place(path: &Path) -> Result<(), CommandError> {
    storage::check_writable_place(path).map_err(|e| {
        let hint = match storage::resolve_links(path) {
            Ok(target) if target != path => {
                format!(": open the file itself, {}", target.display())
            }
            _ => String::new(),
        };
        CommandError::Other(format!("{e}{hint}"))
    })
}

/// Live and cleanup mode draw on a terminal; say so plainly when there is none.
fn need_terminal(lang: Lang) -> Result<(), CommandError> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(CommandError::Other(match lang {
            Lang::Ja => "記録には端末が必要です（標準入力と標準出力が端末ではありません）。\
                         `kiroku check` と `kiroku export` は端末なしで使えます"
                .to_owned(),
            Lang::En => {
                "kiroku needs a terminal to record in (standard input and output are not one); \
                         `kiroku check` and `kiroku export` work without"
                    .to_owned()
            }
        }))
    }
}

/// The error as the command line says it, in Japanese when the locale or `--lang` says so:
/// a session open elsewhere, and the messages the commands word themselves. A bad file's
/// position stays as it is, with the detail in English.
pub fn localized(e: &CommandError, lang: Lang) -> String {
    use storage::LockError;
    match (lang, e) {
        (Lang::Ja, CommandError::Lock(LockError::Held { path, holder })) => format!(
            "{} は別の kiroku で開かれています（{} のプロセス {}、{} から）。そちらを閉じてから開いてください",
            path.display(),
            holder.host,
            holder.pid,
            holder.since
        ),
        (Lang::Ja, CommandError::Lock(LockError::HeldWithoutNote(path))) => format!(
            "{} はこのマシンの別の kiroku で開かれています（ロックファイルは消されています）。そちらを閉じてから開いてください",
            path.display()
        ),
        (Lang::Ja, CommandError::Lock(LockError::Io { path, source })) => {
            format!("{} をロックできません: {source}", path.display())
        }
        (Lang::Ja, CommandError::Load(e)) => ja::load_error(e),
        (lang, CommandError::Refused(r)) => r.say(lang),
        (Lang::Ja, CommandError::Other(s)) => ja::phrase(s),
        _ => e.to_string(),
    }
}

fn live(
    session: Session,
    store: Store,
    lock: SessionLock,
    keymap: Keymap,
    review: bool,
    notice: Option<String>,
    opts: &Options,
) -> Result<(), CommandError> {
    let settings = Settings {
        lang: opts.lang,
        no_color: opts.no_color,
        ascii: opts.ascii,
        zone_warning: opts.clock.warning().map(str::to_owned),
    };
    need_terminal(opts.lang)?;
    let mut app = App::new(session, keymap, settings);
    app.save_path = store.path().to_path_buf();
    let mut recorder = Recorder::new(store, std::time::Instant::now());
    // Held until the recorder is done: the last save happens under the lock.
    recorder.hold(lock);
    app.message = notice;
    if review {
        app.enter_review();
    }
    // Who records from now on: through the update step, so that the journal has it (and a
    // 交代 when the session was another clerk's).
    match &opts.clerk {
        Some(name) => {
            let now = opts.clock.now();
            let step = app.update(crate::app::Action::SetClerk(name.clone()), now);
            recorder.carry_out(&mut app, step, now, std::time::Instant::now());
        }
        None if opts.ask_clerk && app.session.live.clerk.is_none() => app.ask_clerk(),
        None => {}
    }
    let store_path = recorder.store().path().to_path_buf();
    match crate::term::run_live(&mut app, &mut recorder, opts.clock) {
        Ok(()) => {}
        Err(LiveError::Terminal(e)) => {
            return Err(CommandError::Other(format!(
                "terminal error: {e} (everything typed was saved to {})",
                store_path.display()
            )));
        }
        Err(LiveError::Panicked(file)) => {
            return Err(CommandError::Other(match file {
                Some(f) => format!(
                    "kiroku stopped on an internal error; the session and the unfinished input \
                     were written to {}: `kiroku open {} --recover` continues from it",
                    f.display(),
                    store_path.display()
                ),
                None => format!(
                    "kiroku stopped on an internal error; the journal beside {} holds what was typed",
                    store_path.display()
                ),
            }));
        }
    }
    if let crate::app::SaveStatus::Error(e) = &app.save {
        return Err(CommandError::Other(format!("the last save failed: {e}")));
    }
    // The terminal may be gone (closed, ssh dropped): a failed write is no error here.
    let _ = writeln!(std::io::stdout(), "{}", app.save_path.display());
    Ok(())
}

/// What `kiroku export` was asked for.
#[derive(Debug, Clone)]
pub struct ExportRequest {
    pub session: PathBuf,
    pub format: Format,
    pub audience: Audience,
    pub style: String,
    pub output: Option<PathBuf>,
    /// Only run the checks.
    pub check_only: bool,
    /// Warnings are errors.
    pub strict: bool,
    /// The language of the warnings.
    pub lang: Lang,
    /// The PDF's faces, where not the system's first.
    pub fonts: FontChoice,
}

/// `kiroku export`: warnings go to standard error, the document to `-o` or standard output.
pub fn export(req: &ExportRequest) -> Result<(), CommandError> {
    let mut messages = Vec::new();
    let result = export_bytes(req, &mut messages);
    for m in &messages {
        report(m.strip_prefix("kiroku: ").unwrap_or(m));
    }
    let Some(bytes) = result? else {
        return Ok(());
    };
    match &req.output {
        Some(path) => {
            storage::check_output(path, storage::Intent::Minutes)?;
            // The internal record holds non-public content: only its owner may read it.
            let mode = match req.audience {
                Audience::Internal => 0o600,
                Audience::Public => 0o644,
            };
            storage::write_output(path, &bytes, mode)
                .map_err(|e| CommandError::Other(format!("cannot write {}: {e}", path.display())))
        }
        None => {
            use std::io::IsTerminal;
            // A Word file is a zip and a PDF binary: on a terminal they are noise, and their
            // bytes could drive it.
            if req.format.is_binary() && std::io::stdout().is_terminal() {
                let ext = if req.format == Format::Pdf {
                    "pdf"
                } else {
                    "docx"
                };
                return Err(CommandError::Other(if req.lang == Lang::Ja {
                    format!(
                        "{ext} ファイルは端末には出せません。-o FILE.{ext} で書き出してください"
                    )
                } else {
                    format!("a {ext} file is not for the terminal: write it with -o FILE.{ext}")
                }));
            }
            let text = String::from_utf8_lossy(&bytes);
            match req.format {
                Format::Docx | Format::Pdf => std::io::stdout()
                    .lock()
                    .write_all(&bytes)
                    .and_then(|()| std::io::stdout().lock().flush()),
                _ => print_out(&text),
            }
            .map_err(|e| CommandError::Other(format!("cannot write the export: {e}")))
        }
    }
}

/// What `kiroku export` writes, and (into `messages`) the lines it prints on standard error:
/// `None` when only the checks were asked for. Tests read both, since a public export must
/// not quote what it withholds on either.
pub fn export_bytes(
    req: &ExportRequest,
    messages: &mut Vec<String>,
) -> Result<Option<Vec<u8>>, CommandError> {
    let read = storage::read_session(&req.session)?;
    messages.extend(
        read.notices(&req.session)
            .into_iter()
            .map(|n| format!("kiroku: {}", ja::say(&n))),
    );
    let session = read.session;
    let style = load_style(&req.style)?;
    let warnings = crate::export::check(&session, &style, req.audience);
    messages.extend(
        warnings
            .iter()
            .map(|w| ExportSays::Warning(w).say(req.lang)),
    );
    if req.strict && !warnings.is_empty() {
        return Err(CommandError::Other(
            ExportSays::Strict(warnings.len()).say(req.lang),
        ));
    }
    if req.check_only {
        if warnings.is_empty() {
            messages.push(ExportSays::NoProblems(&req.session).say(req.lang));
        }
        return Ok(None);
    }
    let doc = crate::export::build(&session, req.audience, &style);
    let bytes = match req.format {
        Format::Pdf if req.fonts != FontChoice::default() => {
            let fonts =
                Fonts::find(&req.fonts).map_err(|e| CommandError::Other(e.say(req.lang)))?;
            crate::export::render::pdf::render(&doc, &fonts)
        }
        format => crate::export::render(&doc, format),
    }
    .map_err(|e| CommandError::Other(e.say(req.lang)))?;
    Ok(Some(bytes))
}

/// What `kiroku export` says besides the minutes, as data until it is said.
enum ExportSays<'a> {
    Warning(&'a crate::export::Warning),
    /// This many warnings, and `--strict`.
    Strict(usize),
    NoProblems(&'a Path),
}

impl ExportSays<'_> {
    /// Each worded in both languages here, where it is defined.
    fn say(&self, lang: Lang) -> String {
        let (ja, en) = match self {
            ExportSays::Warning(w) => (
                format!("kiroku: 注意: {}", w.say(lang)),
                format!("kiroku: warning: {}", w.say(lang)),
            ),
            ExportSays::Strict(n) => (
                format!("注意が{n}件あり --strict のため、何も書き出していません"),
                format!("{n} warning(s) and --strict: nothing exported"),
            ),
            ExportSays::NoProblems(path) => (
                format!("kiroku: {}: 問題は見つかりませんでした", path.display()),
                format!("kiroku: {}: no problems found", path.display()),
            ),
        };
        match lang {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
}

/// A shipped style by name, or a style file by path.
pub fn load_style(name_or_path: &str) -> Result<Style, storage::LoadError> {
    if let Some(shipped) = Style::shipped(name_or_path) {
        return shipped;
    }
    let path = Path::new(name_or_path);
    let text = storage::read_utf8(path).map_err(|e| storage::LoadError {
        path: path.to_path_buf(),
        position: None,
        kind: storage::LoadErrorKind::Io,
        message: format!(
            "cannot read the style: {e} (shipped styles: {})",
            Style::shipped_names()
        ),
    })?;
    Style::parse(path, &text)
}

/// `kiroku styles`: the shipped styles, one a line.
pub fn styles() -> Result<String, CommandError> {
    let mut out = String::new();
    for (name, _) in crate::export::styles::SHIPPED {
        let s = load_style(name)?;
        out.push_str(&format!("{name:<12} {}\n", s.description));
    }
    out.push_str("A style file of your own works too: kiroku export SESSION --style FILE.ron\n");
    Ok(out)
}

/// The start screen over the `.ron` files in `dir`, each session read through its journal.
pub fn start_screen(dir: &Path) -> StartScreen {
    let mut entries: Vec<(std::time::SystemTime, StartEntry)> = Vec::new();
    let files = std::fs::read_dir(dir).into_iter().flatten().flatten();
    let all: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|f| f.path())
        .collect();
    for f in files {
        let path = f.path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext == "txt" {
            // A 議事次第 saved as text: offered for import, with the roster beside it (the
            // CSV of the same name, else the folder's only one).
            let csvs: Vec<&PathBuf> = all
                .iter()
                .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("csv" | "tsv")))
                .collect();
            let roster = csvs
                .iter()
                .find(|p| p.file_stem() == path.file_stem())
                .or_else(|| (csvs.len() == 1).then(|| &csvs[0]))
                .map(|p| (*p).clone());
            // Read as the import reads it: a pipe or a device is not offered at all.
            let Ok(text) = agenda::read_text(&path) else {
                continue;
            };
            let title = text
                .lines()
                .find(|l| !l.trim().is_empty())
                .map(|l| l.trim().to_owned())
                .unwrap_or_default();
            entries.push((
                std::time::UNIX_EPOCH,
                StartEntry {
                    path,
                    kind: EntryKind::AgendaText { roster },
                    title,
                    date: String::new(),
                    saved: String::new(),
                },
            ));
            continue;
        }
        if ext != "ron" {
            continue;
        }
        let modified = f
            .metadata()
            .and_then(|m| m.modified())
            .unwrap_or(std::time::UNIX_EPOCH);
        let saved = chrono::DateTime::<chrono::Local>::from(modified)
            .format("%Y-%m-%d %H:%M")
            .to_string();
        let (kind, title, date) = match storage::read_any(&path) {
            Ok(storage::Read::Session(read)) => (
                EntryKind::Session {
                    remarks: read.session.remarks.len(),
                },
                read.session.plan.meeting.title.clone(),
                read.session.plan.meeting.date.to_string(),
            ),
            Ok(storage::Read::Agenda(p)) => (
                EntryKind::Agenda,
                p.meeting.title.clone(),
                p.meeting.date.to_string(),
            ),
            Err(e) => (
                EntryKind::Broken(e.to_string()),
                String::new(),
                String::new(),
            ),
        };
        entries.push((
            modified,
            StartEntry {
                path,
                kind,
                title,
                date,
                saved,
            },
        ));
    }
    StartScreen::new(dir, entries)
}

/// `kiroku` alone: the start screen, then whatever was picked there.
pub fn start(opts: &Options) -> Result<(), CommandError> {
    need_terminal(opts.lang)?;
    let screen = start_screen(&opts.sessions_dir);
    let keys = keymap(opts.keymap.as_deref())?;
    let choice = crate::term::run_start(screen, &keys, opts.lang, opts.no_color, opts.ascii)
        .map_err(|e| CommandError::Other(format!("terminal error: {e}")))?;
    // The way in for a new clerk: asked their name once, kept for next time.
    let opts = &Options {
        ask_clerk: true,
        ..opts.clone()
    };
    match choice {
        StartChoice::Quit => Ok(()),
        StartChoice::Open(p) => open(&p, false, RecoveryChoice::Ask, opts),
        StartChoice::New(p) => new(&p, None, opts),
        StartChoice::Import { text, roster } => {
            // The agenda file goes beside the text, under a name not taken.
            let stem = text
                .file_stem()
                .map_or_else(|| "agenda".into(), |s| s.to_string_lossy().into_owned());
            let folder = text.parent().unwrap_or(Path::new("."));
            let agenda = (1..)
                .map(|n| match n {
                    1 => folder.join(format!("{stem}.ron")),
                    n => folder.join(format!("{stem}-{n}.ron")),
                })
                .find(|p| !p.exists())
                .unwrap_or_else(|| folder.join(format!("{stem}.ron")));
            let today = opts.clock.now().date_naive();
            let summary = agenda::import(&text, roster.as_deref(), &agenda, today)?;
            report(&ja::say(&summary));
            new(&agenda, None, opts)
        }
    }
}
