//! The start screen's state: the files in the sessions folder, to resume or to start from.

use std::path::{Path, PathBuf};

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::app::KeyChord;
use crate::storage::{Loaded, read_any};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryKind {
    Session {
        remarks: usize,
    },
    Agenda,
    /// A file that does not load; shown with its error, not selectable.
    Broken(String),
}

#[derive(Debug, Clone)]
pub struct StartEntry {
    pub path: PathBuf,
    pub kind: EntryKind,
    pub title: String,
    pub date: String,
    /// Last modified, as local time text.
    pub saved: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartChoice {
    Open(PathBuf),
    New(PathBuf),
    Quit,
}

#[derive(Debug, Clone, Default)]
pub struct StartScreen {
    pub dir: PathBuf,
    pub entries: Vec<StartEntry>,
    pub selected: usize,
}

impl StartScreen {
    /// Reads every `.ron` file in `dir`: sessions first, most recently saved on top.
    pub fn scan(dir: &Path) -> Self {
        let mut entries: Vec<(std::time::SystemTime, StartEntry)> = Vec::new();
        let files = std::fs::read_dir(dir).into_iter().flatten().flatten();
        for f in files {
            let path = f.path();
            if path.extension().and_then(|e| e.to_str()) != Some("ron") {
                continue;
            }
            let modified = f
                .metadata()
                .and_then(|m| m.modified())
                .unwrap_or(std::time::UNIX_EPOCH);
            let saved = chrono::DateTime::<chrono::Local>::from(modified)
                .format("%Y-%m-%d %H:%M")
                .to_string();
            let (kind, title, date) = match read_any(&path).map(Loaded::from) {
                Ok(Loaded::Session(s)) => (
                    EntryKind::Session {
                        remarks: s.remarks.len(),
                    },
                    s.plan.meeting.title.clone(),
                    s.plan.meeting.date.to_string(),
                ),
                Ok(Loaded::Agenda(p)) => (
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
        let rank = |k: &EntryKind| match k {
            EntryKind::Session { .. } => 0,
            EntryKind::Agenda => 1,
            EntryKind::Broken(_) => 2,
        };
        entries.sort_by(|(ta, a), (tb, b)| {
            rank(&a.kind)
                .cmp(&rank(&b.kind))
                .then(tb.cmp(ta))
                .then(a.path.cmp(&b.path))
        });
        let entries: Vec<StartEntry> = entries.into_iter().map(|(_, e)| e).collect();
        let selected = entries
            .iter()
            .position(|e| !matches!(e.kind, EntryKind::Broken(_)))
            .unwrap_or(0);
        Self {
            dir: dir.to_path_buf(),
            entries,
            selected,
        }
    }

    fn selectable(&self, i: usize) -> bool {
        self.entries
            .get(i)
            .is_some_and(|e| !matches!(e.kind, EntryKind::Broken(_)))
    }

    fn step(&mut self, step: isize) {
        let mut i = self.selected as isize;
        loop {
            i += step;
            if i < 0 || i as usize >= self.entries.len() {
                return;
            }
            if self.selectable(i as usize) {
                self.selected = i as usize;
                return;
            }
        }
    }

    pub fn handle(&mut self, chord: KeyChord) -> Option<StartChoice> {
        let ctrl = chord.mods.contains(KeyModifiers::CONTROL);
        match chord.code {
            KeyCode::Up | KeyCode::Char('k') if !ctrl => self.step(-1),
            KeyCode::Down | KeyCode::Char('j') if !ctrl => self.step(1),
            KeyCode::Char('p') if ctrl => self.step(-1),
            KeyCode::Char('n') if ctrl => self.step(1),
            KeyCode::Enter if self.selectable(self.selected) => {
                let e = &self.entries[self.selected];
                return Some(match e.kind {
                    EntryKind::Agenda => StartChoice::New(e.path.clone()),
                    _ => StartChoice::Open(e.path.clone()),
                });
            }
            KeyCode::Esc | KeyCode::Char('q') if !ctrl => return Some(StartChoice::Quit),
            KeyCode::Char('q' | 'c') if ctrl => return Some(StartChoice::Quit),
            _ => {}
        }
        None
    }
}
