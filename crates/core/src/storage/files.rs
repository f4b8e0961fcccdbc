//! How kiroku opens files: never through a symbolic link when it writes, never in place of
//! something that is not a regular file, and never reading from a pipe or a device that could
//! hang or fill memory. What differs between systems is in `platform::fs`.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// The largest agenda, session, style or keymap file kiroku reads: far above a day-long
/// meeting (100,000 remarks make about 40 MB), far below what would exhaust memory.
pub const MAX_READ: u64 = 512 * 1024 * 1024;

use crate::platform::fs::{is_link_refusal, kind, no_block, no_follow, with_mode};

/// The error for a path that is a link or not a regular file, in plain words.
pub fn not_regular(path: &Path, what: &str) -> io::Error {
    io::Error::other(format!("{} is {what}, not a regular file", path.display()))
}

/// A name the system keeps for a device or will not give a file (Windows' `CON`, `NUL`,
/// `COM1` …), as an error naming it.
pub fn refuse_forbidden_name(path: &Path) -> io::Result<()> {
    match crate::platform::fs::forbidden_name(path) {
        Some(why) => Err(io::Error::other(format!("{} is {why}", path.display()))),
        None => Ok(()),
    }
}

/// `e` as the user should read it: a file another program holds open (Word, Excel) says so.
pub fn explained(path: &Path, e: io::Error) -> io::Error {
    if crate::platform::fs::held_by_another_program(path, &e) {
        io::Error::other(format!(
            "{} is open in another program (Word or Excel?): close it there, then try again",
            path.display()
        ))
    } else {
        e
    }
}

/// Refuses a path where something other than a regular file (or nothing) sits, without
/// following a link: kiroku writes its own files only where a file of its own may go.
pub fn check_writable_place(path: &Path) -> io::Result<()> {
    refuse_forbidden_name(path)?;
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_file() => Ok(()),
        Ok(m) => Err(not_regular(path, kind(&m))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Opens `path` for reading and writing, creating it (mode `mode`) if `create`, never
/// through a symbolic link, and only if it is a regular file.
pub fn open_rw(path: &Path, create: bool, mode: u32) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options
        .read(true)
        .write(true)
        .create(create)
        .truncate(false);
    let file = no_follow(with_mode(&mut options, mode))
        .open(path)
        .map_err(|e| link_error(path, e))?;
    regular(path, file)
}

/// Opens `path` for appending, never through a symbolic link, only if it is a regular file.
pub fn open_append(path: &Path) -> io::Result<File> {
    let file = no_follow(OpenOptions::new().append(true))
        .open(path)
        .map_err(|e| link_error(path, e))?;
    regular(path, file)
}

/// Creates `path` new (it must not exist, not even as a dangling link) with mode 0600.
pub fn create_new(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    no_follow(with_mode(&mut options, 0o600)).open(path)
}

/// Opens `path` read-only, not through a link, if it is a regular file; `None` if absent.
pub fn open_existing_nofollow(path: &Path) -> io::Result<Option<File>> {
    match no_follow(OpenOptions::new().read(true)).open(path) {
        Ok(f) => regular(path, f).map(Some),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(link_error(path, e)),
    }
}

/// The largest document `kiroku agenda import` reads (a 議事次第 as text, a 名簿 as CSV):
/// a few kilobytes as councils write them, and never hundreds of megabytes.
pub const MAX_DOCUMENT: u64 = 4 * 1024 * 1024;

/// Reads a whole file that must be a regular one of at most `MAX_READ` bytes. Opening does
/// not block (a named pipe would wait for a writer forever), and a device is refused before a
/// byte is read.
pub fn read_regular(path: &Path) -> io::Result<Vec<u8>> {
    read_regular_at_most(path, MAX_READ)
}

/// As [`read_regular`], for a document to import: at most `MAX_DOCUMENT` bytes.
pub fn read_document(path: &Path) -> io::Result<Vec<u8>> {
    read_regular_at_most(path, MAX_DOCUMENT)
}

fn read_regular_at_most(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    refuse_forbidden_name(path)?;
    let file = no_block(OpenOptions::new().read(true))
        .open(path)
        .map_err(|e| explained(path, e))?;
    let file = regular(path, file)?;
    let len = file.metadata()?.len();
    if len > limit {
        return Err(io::Error::other(format!(
            "{} is {len} bytes; kiroku reads files of this kind of at most {limit} bytes",
            path.display()
        )));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    // A file that grows while it is read is still cut at the limit.
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(io::Error::other(format!(
            "{} grew past {limit} bytes while it was read",
            path.display()
        )));
    }
    Ok(bytes)
}

/// As [`read_regular`], for a text file in UTF-8.
pub fn read_utf8(path: &Path) -> io::Result<String> {
    String::from_utf8(read_regular(path)?).map_err(|e| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "invalid UTF-8 at byte {}: expected a text file in UTF-8",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

fn regular(path: &Path, file: File) -> io::Result<File> {
    let meta = file.metadata()?;
    if meta.file_type().is_file() {
        Ok(file)
    } else {
        Err(not_regular(path, kind(&meta)))
    }
}

/// `O_NOFOLLOW` on a link fails with ELOOP, whose own message ("too many levels of symbolic
/// links") says nothing useful here.
fn link_error(path: &Path, e: io::Error) -> io::Error {
    if is_link_refusal(&e) {
        not_regular(path, "a symbolic link")
    } else {
        e
    }
}

/// Where a chain of symbolic links at `path` ends (the path itself if it is no link), even if
/// the end does not exist yet.
pub fn resolve_links(path: &Path) -> io::Result<std::path::PathBuf> {
    let mut at = path.to_path_buf();
    // As the kernel does, give up after 40 links.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = std::fs::read_link(&at)?;
                at = match at.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => return Ok(at),
        }
    }
    Err(io::Error::other(format!(
        "{}: too many symbolic links",
        path.display()
    )))
}

/// Writes an export to `path` as a user would expect of `-o`: a regular file (or a new one)
/// is replaced atomically, through any symbolic link that names it; standard output, a
/// device such as /dev/null or a named pipe is written to as it is, never replaced.
pub fn write_output(path: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    use std::io::Write as _;
    // Standard output named as a file (`-o /dev/stdout >> log`) is written through the
    // descriptor the shell set up, with its own flags (append), never reopened by name.
    let std_stream = |fd: &str| {
        [format!("/dev/fd/{fd}"), format!("/proc/self/fd/{fd}")]
            .iter()
            .any(|p| Path::new(p) == path)
    };
    if path == Path::new("/dev/stdout") || std_stream("1") {
        let mut out = io::stdout().lock();
        out.write_all(bytes)?;
        return out.flush();
    }
    if path == Path::new("/dev/stderr") || std_stream("2") {
        return io::stderr().lock().write_all(bytes);
    }
    if is_kiroku_file(path) {
        return Err(io::Error::other(format!(
            "{} is a kiroku file (a session, agenda or journal): the minutes are never written over it",
            path.display()
        )));
    }
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => Err(not_regular(path, "a folder")),
        Ok(m) if !m.is_file() => {
            let mut out = OpenOptions::new().write(true).open(path)?;
            out.write_all(bytes)?;
            out.flush()
        }
        Ok(_) => super::write_atomic_mode(&resolve_links(path)?, bytes, mode),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            super::write_atomic_mode(&resolve_links(path)?, bytes, mode)
        }
        Err(e) => Err(e),
    }
}

/// Does `path` hold one of kiroku's own files: a session or agenda (RON) or a journal?
pub fn is_kiroku_file(path: &Path) -> bool {
    let Ok(file) = no_block(OpenOptions::new().read(true)).open(path) else {
        return false;
    };
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        return false;
    }
    let mut head = Vec::new();
    if file.take(64 * 1024).read_to_end(&mut head).is_err() {
        return false;
    }
    let text = String::from_utf8_lossy(&head);
    // A lock file names its holder (`pid=…`), or is empty once let go: known by its name
    // beside the session it locks.
    let lock_of_a_session = path
        .to_str()
        .and_then(|p| p.strip_suffix(".lock"))
        .is_some_and(|session| Path::new(session).is_file());
    text.starts_with("kiroku-journal ")
        || text.starts_with("pid=")
        || lock_of_a_session
        || matches!(
            super::locate::top_level_name(&text),
            Some("Session" | "Agenda")
        )
}
