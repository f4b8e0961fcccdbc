//! The journal beside a session file: every edit appended as one checksummed line, so a crash
//! loses nothing that was journaled. The first line names the exact session file the journal
//! extends (by a hash of its bytes); after a full save the journal starts afresh on the new
//! file. A torn last line (a crash mid-append) is dropped; a damaged line further up is
//! skipped and reported with its line, and the intact records after it are still read.
//!
//! ```text
//! kiroku-journal 1 base=5f1c0a2b9d3e4f60
//! 0c4e1d2a {"Append":{"id":12,"item":2,"speaker":"sato","text":"…",…}}
//! ```

use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

use crate::model::Edit;

const MAGIC: &str = "kiroku-journal 1 base=";

pub use super::paths::journal_path;

/// A stable hash of a session file's bytes: which file a journal extends.
pub fn content_hash(bytes: &[u8]) -> u64 {
    crate::hash::fnv1a(bytes)
}

/// Where journal bytes go: a file, or in tests a simulated disk that can lose power.
pub trait Sink {
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()>;
    /// Asks for what was written to reach the disk; it may finish later (see `synced`).
    fn sync(&mut self) -> io::Result<()>;
    /// Has every sync asked for so far finished? Only then is anything shown as saved.
    fn synced(&self) -> bool {
        true
    }
}

impl Sink for File {
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        Write::write_all(self, bytes)
    }

    fn sync(&mut self) -> io::Result<()> {
        self.sync_data()
    }
}

/// One edit as a journal line.
pub fn encode(edit: &Edit) -> Vec<u8> {
    // JSON escapes newlines inside strings, so a record is always one line, and it is fast
    // where a 10 MB paste is journaled.
    let body = serde_json::to_string(edit).expect("edits serialize to JSON");
    let crc = crc32fast::hash(body.as_bytes());
    format!("{crc:08x} {body}\n").into_bytes()
}

/// Appends to the journal at `path` the mark that everything in it so far is in the session
/// file whose bytes hash to `into`, and syncs it. Never through a link.
pub fn mark_folded(path: &Path, into: u64) -> io::Result<()> {
    let mut file = super::files::open_append(path)?;
    Write::write_all(&mut file, &encode(&Edit::Folded { into }))?;
    file.sync_data()
}

pub fn header(base: u64) -> Vec<u8> {
    format!("{MAGIC}{base:016x}\n").into_bytes()
}

impl Sink for Box<dyn Sink> {
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        (**self).write_all(bytes)
    }

    fn sync(&mut self) -> io::Result<()> {
        (**self).sync()
    }

    fn synced(&self) -> bool {
        (**self).synced()
    }
}

/// An open journal, appending.
pub struct Journal<S: Sink = Box<dyn Sink>> {
    sink: S,
    /// Bytes written since the last sync.
    unsynced: bool,
    /// Records appended since the journal was started.
    pub records: usize,
    /// Bytes in the file, header included, as far as this process wrote them: a journal of
    /// another length was changed by someone else.
    pub bytes: u64,
}

impl Journal<Box<dyn Sink>> {
    /// Starts a new journal at `path` for the session file whose bytes hash to `base`,
    /// replacing any old one, with mode 0600.
    pub fn create(fs: &dyn super::Fs, path: &Path, base: u64) -> io::Result<Self> {
        // The header goes in atomically so there is never a journal without one.
        let head = header(base);
        fs.write_atomic(path, &head)?;
        let mut journal = Self::new(fs.append(path)?);
        journal.bytes = head.len() as u64;
        Ok(journal)
    }
}

impl<S: Sink> Journal<S> {
    pub fn new(sink: S) -> Self {
        Self {
            sink,
            unsynced: false,
            records: 0,
            bytes: 0,
        }
    }

    pub fn append(&mut self, edit: &Edit) -> io::Result<()> {
        let line = encode(edit);
        self.sink.write_all(&line)?;
        self.unsynced = true;
        self.records += 1;
        self.bytes += line.len() as u64;
        Ok(())
    }

    /// Forces what was appended to the disk.
    pub fn sync(&mut self) -> io::Result<()> {
        // Asked again while an earlier sync has not finished, so a failure of that one is
        // surfaced here rather than waiting for the next write.
        if self.unsynced || !self.sink.synced() {
            self.sink.sync()?;
            self.unsynced = false;
        }
        Ok(())
    }

    /// Is anything appended not yet on the disk (not asked for, or not finished)?
    pub fn has_unsynced(&self) -> bool {
        self.unsynced || !self.sink.synced()
    }
}

/// What a journal file holds.
#[derive(Debug, Default)]
pub struct JournalContents {
    /// The session file it extends; `None` if the header is missing or damaged.
    pub base: Option<u64>,
    pub edits: Vec<Edit>,
    /// The last line was cut short (a crash while appending): dropped, nothing else lost.
    pub torn_tail: bool,
    /// The first damaged line before the end: (line, message).
    pub damage: Option<(usize, String)>,
}

/// Reads a journal's bytes, keeping every intact record.
pub fn parse(bytes: &[u8]) -> JournalContents {
    let mut out = JournalContents::default();
    let mut lines = bytes
        .split_inclusive(|b| *b == b'\n')
        .enumerate()
        .peekable();
    let Some((_, first)) = lines.next() else {
        return out;
    };
    let head = String::from_utf8_lossy(first);
    match head
        .trim_end()
        .strip_prefix(MAGIC)
        .and_then(|h| u64::from_str_radix(h, 16).ok())
    {
        Some(base) if first.ends_with(b"\n") => out.base = Some(base),
        // Cut off while the header was written: nothing was recorded yet.
        _ if !first.ends_with(b"\n")
            && MAGIC
                .as_bytes()
                .starts_with(&first[..first.len().min(MAGIC.len())]) =>
        {
            out.torn_tail = true;
            return out;
        }
        _ => {
            out.damage = Some((
                1,
                "the journal's first line is not a kiroku journal header".into(),
            ));
            return out;
        }
    }
    while let Some((i, line)) = lines.next() {
        let last = lines.peek().is_none();
        let complete = line.ends_with(b"\n");
        let decoded = std::str::from_utf8(line)
            .ok()
            .and_then(|l| l.trim_end_matches('\n').split_once(' '))
            .filter(|(crc, body)| {
                u32::from_str_radix(crc, 16).ok() == Some(crc32fast::hash(body.as_bytes()))
            })
            .and_then(|(_, body)| {
                let edit = serde_json::from_str::<Edit>(body).ok()?;
                // A record kiroku wrote holds no control character; a forged one may.
                Some(if crate::model::clean::needs_cleaning(body) {
                    crate::model::clean::strip_controls_deep(edit)
                } else {
                    edit
                })
            });
        match decoded {
            Some(edit) if complete => out.edits.push(edit),
            _ if last => {
                out.torn_tail = true;
                break;
            }
            _ => {
                // Later records may still be intact (garbage written into the middle of the
                // file): keep reading; replay stops at the first one that does not fit.
                if out.damage.is_none() {
                    out.damage = Some((i + 1, "damaged record (checksum or syntax)".into()));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LiveState, MeetingLog};

    fn edits() -> Vec<Edit> {
        vec![
            Edit::Log(MeetingLog::default()),
            Edit::Live(LiveState {
                item: 2,
                speaker: None,
                previous: None,
                draft: None,
                next_remark_id: 5,
                clerk: None,
            }),
            Edit::Pop,
        ]
    }

    fn journal_bytes() -> Vec<u8> {
        let mut b = header(42);
        for e in edits() {
            b.extend(encode(&e));
        }
        b
    }

    #[test]
    fn round_trip() {
        let j = parse(&journal_bytes());
        assert_eq!(j.base, Some(42));
        assert_eq!(j.edits, edits());
        assert!(!j.torn_tail && j.damage.is_none());
    }

    #[test]
    fn a_torn_tail_is_dropped_and_the_rest_kept() {
        let full = journal_bytes();
        let cut = &full[..full.len() - 3];
        let j = parse(cut);
        assert_eq!(j.edits, edits()[..2]);
        assert!(j.torn_tail);
        assert!(j.damage.is_none());
    }

    #[test]
    fn damage_in_the_middle_is_reported_with_its_line() {
        let mut b = journal_bytes();
        let second = b
            .iter()
            .enumerate()
            .filter(|(_, c)| **c == b'\n')
            .nth(1)
            .unwrap()
            .0;
        b[second + 12] ^= 0x20;
        let j = parse(&b);
        let all = edits();
        assert_eq!(
            j.edits,
            vec![all[0].clone(), all[2].clone()],
            "read past the damage"
        );
        assert_eq!(j.damage.as_ref().map(|d| d.0), Some(3));
    }

    #[test]
    fn every_truncation_parses_without_panic() {
        let full = journal_bytes();
        for n in 0..full.len() {
            let j = parse(&full[..n]);
            assert!(j.edits.len() <= 3);
        }
    }

    #[test]
    fn the_hash_is_stable() {
        assert_eq!(content_hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(content_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
