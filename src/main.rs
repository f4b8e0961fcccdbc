//! The `kiroku` command: argument parsing, then the library does the rest.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::FixedOffset;
use clap::{Parser, Subcommand};

use kiroku::clock::{Clock, parse_offset};
use kiroku::commands::{self, CommandError, Options};
use kiroku::export::{Audience, Format};
use kiroku::i18n::Lang;

/// Live note-taking for hybrid council meetings: type what is said, kiroku keeps who said
/// it, when, under which agenda item, and whether it may be published.
#[derive(Parser)]
#[command(name = "kiroku", version)]
struct Cli {
    /// Interface language (default: from LANG / LC_ALL).
    #[arg(long, global = true, value_parser = Lang::parse)]
    lang: Option<Lang>,
    /// Time zone of the remark times as a UTC offset, e.g. +09:00 (default: TZ, then the
    /// system's zone).
    #[arg(long, global = true, value_parser = parse_offset, allow_hyphen_values = true)]
    utc_offset: Option<FixedOffset>,
    /// Draw borders with + - | : for terminals set to draw ambiguous-width characters (the
    /// box-drawing ones among them) two cells wide.
    #[arg(long, global = true)]
    ascii: bool,
    /// Keymap file (default: ~/.config/kiroku/keymap.ron if it exists).
    #[arg(long, global = true)]
    keymap: Option<PathBuf>,
    /// Folder of session and agenda files for the start screen and new sessions.
    #[arg(long, global = true, default_value = "sessions")]
    sessions_dir: PathBuf,
    /// Who takes the record down, kept with every remark and event (default: KIROKU_CLERK,
    /// then ~/.config/kiroku/clerk, else asked once).
    #[arg(long, global = true)]
    clerk: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Start recording a meeting from an agenda file.
    New {
        /// The agenda file (RON).
        agenda: PathBuf,
        /// Where to write the session (default: sessions/DATE-TITLE.ron).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Resume recording a session, or clean it up with --review.
    Open {
        /// The session file (RON).
        session: PathBuf,
        /// Start in cleanup mode (C-r switches between cleanup and recording).
        #[arg(long)]
        review: bool,
        /// Continue from the recovery file a crash left.
        #[arg(long, conflicts_with = "discard_recovery")]
        recover: bool,
        /// Set a crash's recovery file aside and continue from the session file.
        #[arg(long)]
        discard_recovery: bool,
    },
    /// Check an agenda or session file and print a one-line summary.
    Check {
        /// The file to check.
        file: PathBuf,
    },
    /// Print the key bindings in force, as a keymap file you can edit.
    Keys,
    /// Export a session as minutes: public (non-public content withheld) or internal.
    Export {
        /// The session file (RON).
        session: PathBuf,
        /// text, markdown, html, docx, pdf or json.
        #[arg(long, short, default_value = "text", value_parser = Format::parse)]
        format: Format,
        /// public: the published minutes; internal: the full record with times.
        #[arg(long, short, default_value = "public", value_parser = Audience::parse)]
        audience: Audience,
        /// A shipped style (see `kiroku styles`) or a style file.
        #[arg(long, short, default_value = "default")]
        style: String,
        /// Write here (atomically) instead of to standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Only check the session for what to fix before publishing.
        #[arg(long)]
        check: bool,
        /// Treat warnings as errors: exit 1 and export nothing.
        #[arg(long)]
        strict: bool,
        /// The PDF's Japanese (Mincho) face: an installed family or a font file.
        #[arg(long, value_name = "FONT")]
        font: Option<String>,
        /// The PDF's Latin (serif) face: an installed family or a font file.
        #[arg(long, value_name = "FONT")]
        latin_font: Option<String>,
    },
    /// List the shipped export styles.
    Styles,
    /// Agenda files from the documents you have.
    Agenda {
        #[command(subcommand)]
        command: AgendaCommand,
    },
    /// Merge several clerks' sessions of one meeting (relay or double-keying) into one.
    Merge {
        /// The session files (RON), read with their journals.
        #[arg(required = true, num_args = 2..)]
        sessions: Vec<PathBuf>,
        /// The merged session: a new file.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Git's merge driver for session files: `kiroku merge-driver %O %A %B %P`. Exit 0: merged;
    /// 1: merged with conflicting changes kept as alternatives; 2: could not merge.
    MergeDriver {
        /// The common ancestor (%O).
        base: PathBuf,
        /// This branch's version, where the result is written (%A).
        ours: PathBuf,
        /// The other branch's version (%B).
        theirs: PathBuf,
        /// The file's name in the repository, for messages (%P).
        name: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum AgendaCommand {
    /// An agenda file from a 議事次第 as text (pasted from Word) and a roster as CSV or TSV
    /// (UTF-8 or Shift_JIS): what could not be read is reported by line.
    Import {
        /// The 議事次第 as plain text.
        text: PathBuf,
        /// The 名簿: columns 所属・役職, 氏名, よみ, 区分, 会場/オンライン, 敬称.
        #[arg(long)]
        roster: Option<PathBuf>,
        /// The agenda file to write (a new file).
        #[arg(short, long)]
        output: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let opts = Options {
        lang: cli.lang.unwrap_or_else(Lang::from_env),
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        ascii: cli.ascii,
        keymap: cli.keymap,
        clock: Clock::detect(cli.utc_offset),
        sessions_dir: cli.sessions_dir,
        clerk: kiroku::config::clerk(cli.clerk),
        ask_clerk: false,
    };
    let opts_lang = opts.lang;
    commands::ja::set_lang(opts.lang);
    if let Some(Command::MergeDriver {
        base,
        ours,
        theirs,
        name,
    }) = &cli.command
    {
        return match commands::merge::merge_driver(base, ours, theirs, name.as_deref()) {
            Ok(commands::merge::DriverOutcome::Clean) => ExitCode::SUCCESS,
            Ok(commands::merge::DriverOutcome::Conflicts(_)) => ExitCode::from(1),
            Err(e) => {
                commands::report(&commands::localized(&e, opts_lang));
                ExitCode::from(2)
            }
        };
    }
    let result: Result<(), CommandError> = match cli.command {
        None => commands::start(&opts),
        Some(Command::New { agenda, output }) => commands::new(&agenda, output.as_deref(), &opts),
        Some(Command::Open {
            session,
            review,
            recover,
            discard_recovery,
        }) => {
            let choice = match (recover, discard_recovery) {
                (true, _) => commands::RecoveryChoice::Recover,
                (_, true) => commands::RecoveryChoice::Discard,
                _ => commands::RecoveryChoice::Ask,
            };
            commands::open(&session, review, choice, &opts)
        }
        Some(Command::Check { file }) => commands::check(&file).map(|s| {
            let _ = commands::print_out(&format!("{s}\n"));
        }),
        Some(Command::Export {
            session,
            format,
            audience,
            style,
            output,
            check,
            strict,
            font,
            latin_font,
        }) => commands::export(&commands::ExportRequest {
            lang: opts.lang,
            session,
            format,
            audience,
            style,
            output,
            check_only: check,
            strict,
            fonts: kiroku::export::render::pdf::FontChoice {
                mincho: font,
                latin: latin_font,
            },
        }),
        Some(Command::Styles) => commands::styles().map(|s| {
            let _ = commands::print_out(&s);
        }),
        Some(Command::Agenda {
            command:
                AgendaCommand::Import {
                    text,
                    roster,
                    output,
                },
        }) => commands::agenda::import(
            &text,
            roster.as_deref(),
            &output,
            opts.clock.now().date_naive(),
        )
        .map(|s| {
            let next = format!(
                "{s}; next: kiroku check {o} && kiroku new {o}",
                o = commands::shell_quoted(&output)
            );
            commands::report(&commands::ja::say(&next));
        }),
        Some(Command::Merge { sessions, output }) => commands::merge::merge(&sessions, &output)
            .map(|s| commands::report(&commands::ja::say(&s))),
        // Handled above: its exit codes are git's.
        Some(Command::MergeDriver { .. }) => Ok(()),
        Some(Command::Keys) => commands::keymap(opts.keymap.as_deref()).map(|k| {
            let _ = commands::print_out(&k.to_ron());
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // Not `eprintln!`, which panics if standard error has gone with the terminal.
            commands::report(&commands::localized(&e, opts_lang));
            ExitCode::FAILURE
        }
    }
}
