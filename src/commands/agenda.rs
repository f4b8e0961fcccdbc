//! `kiroku agenda import`: an agenda file from a pasted 議事次第 and a spreadsheet 名簿.

use std::path::Path;

use super::CommandError;
use crate::import;

/// A document to import, as text: a regular file of a sensible size (never a pipe that
/// would wait forever, nor a device that never ends), with stray control characters dropped.
pub fn read_text(path: &Path) -> Result<String, CommandError> {
    let bytes = crate::storage::read_document(path)
        .map_err(|e| CommandError::Other(format!("{}: cannot read: {e}", path.display())))?;
    let text = import::roster::decode(&bytes)
        .map_err(|e| CommandError::Other(format!("{}: {e}", path.display())))?;
    Ok(crate::model::clean::strip_controls(&text).into_owned())
}

/// Writes the agenda file and says on standard error what to look at; returns the summary.
pub fn import(
    text: &Path,
    roster: Option<&Path>,
    output: &Path,
    today: chrono::NaiveDate,
) -> Result<String, CommandError> {
    if output.exists() || output.is_symlink() {
        return Err(CommandError::Other(format!(
            "{} exists: give a new file name with -o (an agenda you corrected by hand is not written over)",
            output.display()
        )));
    }
    crate::storage::check_output(output, crate::storage::Intent::New)?;
    let agenda = read_text(text)?;
    let people = roster.map(read_text).transpose()?;
    let imported = import::import(&agenda, people.as_deref(), today).map_err(|p| {
        let name = roster.map_or_else(String::new, |r| r.display().to_string());
        CommandError::Other(format!("{name}:{}: {}", p.line, p.message))
    })?;
    let names: Vec<String> = std::iter::once(text)
        .chain(roster)
        .map(|p| p.display().to_string())
        .collect();
    let sources: Vec<&str> = names.iter().map(String::as_str).collect();
    let written = import::render(&imported, &sources);
    // What is written must be an agenda `kiroku check` accepts.
    crate::storage::parse_agenda(output, &written).map_err(|e| {
        CommandError::Other(format!("the imported agenda does not hold together: {e}"))
    })?;
    crate::storage::write_atomic_mode(output, written.as_bytes(), 0o644)
        .map_err(|e| CommandError::Other(format!("cannot write {}: {e}", output.display())))?;
    for (file, p) in &imported.problems {
        let name = sources.get(*file).copied().unwrap_or("?");
        match p.line {
            0 => super::report(&format!("{name}: {}", super::ja::say(&p.message))),
            n => super::report(&format!("{name}:{n}: {}", super::ja::say(&p.message))),
        }
    }
    let plan = &imported.plan;
    Ok(format!(
        "wrote {}: \"{}\" ({}), {} agenda items, {} participants",
        output.display(),
        plan.meeting.title,
        plan.meeting.date,
        plan.agenda.len(),
        plan.roster.len(),
    ))
}
