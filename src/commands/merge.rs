//! `kiroku merge` (several clerks' sessions of one meeting into one) and `kiroku
//! merge-driver` (git's three-way merge of a session file).

use std::path::{Path, PathBuf};

use super::CommandError;
use crate::model::Session;
use crate::model::merge::{self, MergeError, Merged};
use crate::storage;

/// Reads a session through its journal, saying so when it is being recorded into now.
fn read(path: &Path) -> Result<Session, CommandError> {
    let read = storage::read_session(path)?;
    for n in read.notices(path) {
        super::report(&super::ja::say(&n));
    }
    Ok(read.session)
}

fn refused(e: MergeError, paths: &[&Path]) -> CommandError {
    let files: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    CommandError::Other(format!("cannot merge {}: {e}", files.join(", ")))
}

/// What was merged, for standard error.
fn summary(m: &Merged, out: &Path) -> String {
    let mut s = format!(
        "merged into {}: {} remarks",
        out.display(),
        m.session.remarks.len()
    );
    if m.to_review > 0 {
        s.push_str(&format!(
            ", {} with another clerk's version to review (cleanup, V)",
            m.to_review
        ));
    }
    s
}

/// `kiroku merge A.ron B.ron … -o OUT.ron`.
pub fn merge(inputs: &[PathBuf], output: &Path) -> Result<String, CommandError> {
    if inputs.len() < 2 {
        return Err(CommandError::Other(
            "give at least two session files to merge".to_owned(),
        ));
    }
    // The output is a new file: written over an input, that input's journal would replay onto
    // the merged record; written over a journal, a lock or an agenda, what they held is gone.
    let out = storage::resolve_links(output).unwrap_or_else(|_| output.to_path_buf());
    for input in inputs {
        let same = storage::resolve_links(input).is_ok_and(|p| p == out);
        if same {
            return Err(CommandError::Other(format!(
                "{} is one of the sessions being merged: write the merged record to a new file",
                output.display()
            )));
        }
    }
    storage::check_output(output, storage::Intent::New)?;
    let sessions = inputs
        .iter()
        .map(|p| read(p))
        .collect::<Result<Vec<_>, _>>()?;
    let paths: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    let merged = merge::merge(&sessions).map_err(|e| refused(e, &paths))?;
    storage::save_session(output, &merged.session)
        .map_err(|e| CommandError::Other(format!("cannot write {}: {e}", output.display())))?;
    Ok(summary(&merged, output))
}

/// `git merge-file`: the three versions merged line by line into `ours`, with conflict
/// markers where both sides changed the same lines.
fn merge_as_text(base: &Path, ours: &Path, theirs: &Path) -> Result<DriverOutcome, CommandError> {
    let status = std::process::Command::new("git")
        .arg("merge-file")
        .args([ours, base, theirs])
        .status()
        .map_err(|e| CommandError::Other(format!("git merge-file for an agenda file: {e}")))?;
    match status.code() {
        Some(0) => Ok(DriverOutcome::Clean),
        Some(n) if n > 0 => Ok(DriverOutcome::Conflicts(n as usize)),
        _ => Err(CommandError::Other(
            "git merge-file could not merge the agenda file".to_owned(),
        )),
    }
}

/// How git's merge driver ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DriverOutcome {
    /// Merged cleanly: exit 0.
    Clean,
    /// Merged, with conflicting changes kept as alternatives: exit 1, so git reports a
    /// conflict, while the file stays a valid session.
    Conflicts(usize),
}

/// `kiroku merge-driver %O %A %B [%P]`: merges into `ours` (the file git reads back). On an
/// error `ours` is left as it was.
///
/// `name` (%P) is the working file, which git writes the result into afterwards. This
/// branch's version is read from it through its journal, which holds what was committed
/// since the file was last written whole (after a `kill -9`, say); the journal is then marked
/// as folded into the result, so that reading the merged file does not take it for another
/// version's. While a kiroku records into the working file, the merge is refused and ours
/// kept: that kiroku would write its own record over the merged file.
pub fn merge_driver(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    name: Option<&Path>,
) -> Result<DriverOutcome, CommandError> {
    let shown = name.unwrap_or(ours);
    // An agenda file is written by hand: merged as text, as git would merge any text.
    if matches!(storage::read_any(ours), Ok(storage::Read::Agenda(_))) {
        return merge_as_text(base, ours, theirs);
    }
    storage::check_output(ours, storage::Intent::Replace)?;
    let working = name.filter(|p| p.is_file());
    // Held until the result is written: no kiroku starts recording into it meanwhile.
    let _lock = match working {
        Some(w) => Some(
            storage::SessionLock::acquire(w, &chrono::Local::now().to_rfc3339()).map_err(
                |e| match e {
                    storage::LockError::Held { holder, .. } => CommandError::Other(format!(
                        "{} is being recorded in kiroku (process {} on {}, since {}): close it there, then merge it again with `git checkout -m {}`; this branch's version was kept",
                        shown.display(),
                        holder.pid,
                        holder.host,
                        holder.since,
                        shown.display()
                    )),
                    storage::LockError::HeldWithoutNote(_) => CommandError::Other(format!(
                        "{} is being recorded in kiroku on this machine: close it there, then merge it again with `git checkout -m {}`; this branch's version was kept",
                        shown.display(),
                        shown.display()
                    )),
                    e => CommandError::Lock(e),
                },
            )?,
        ),
        None => None,
    };
    let context = |e: CommandError| CommandError::Other(format!("{}: {e}", shown.display()));
    // This branch's record is the working file as a reader reads it, through its journal:
    // git's copy of the committed file, or more (what kiroku wrote since, as when a merge
    // refused here is run again with `git checkout -m`).
    let from_working = working.and_then(|w| storage::read_session(w).ok());
    let (ours_session, journal) = match from_working {
        Some(read) => {
            let journal = working
                .map(storage::journal_path)
                .filter(|_| read.replay.replayed > 0);
            (read.session, journal)
        }
        None => (read(ours).map_err(context)?, None),
    };
    let (o, b) = (read(base).map_err(context)?, read(theirs).map_err(context)?);
    let merged = merge::merge3(&o, &ours_session, &b).map_err(|e| refused(e, &[shown]))?;
    let text = storage::session_to_string(&merged.session);
    storage::write_atomic(ours, text.as_bytes())
        .map_err(|e| CommandError::Other(format!("cannot write {}: {e}", ours.display())))?;
    if let Some(j) = journal {
        storage::journal::mark_folded(&j, storage::journal::content_hash(text.as_bytes()))
            .map_err(|e| CommandError::Other(format!("{}: {e}", j.display())))?;
        super::report(&super::ja::say(&format!(
            "{}: what its journal held that the file did not yet was merged too",
            shown.display()
        )));
    }
    if merged.conflicts > 0 {
        let said = format!(
            "{}: {} change(s) made differently on both sides: a remark keeps both versions as alternatives to review (kiroku open {} --review, then V); anything else keeps this branch's",
            shown.display(),
            merged.conflicts,
            shown.display()
        );
        super::report(&super::ja::say(&said));
        Ok(DriverOutcome::Conflicts(merged.conflicts))
    } else {
        Ok(DriverOutcome::Clean)
    }
}
