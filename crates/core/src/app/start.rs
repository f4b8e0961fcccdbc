//! The start screen's state: the files in the sessions folder, to resume or to start from.
//! Reading the folder is the command layer's work (`commands::start_screen`).

use std::path::{Path, PathBuf};

use super::Action;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryKind {
    Session {
        remarks: usize,
    },
    Agenda,
    /// A 議事次第 as text (`.txt`), to import into an agenda file and start from, with the
    /// roster file beside it if there is one.
    AgendaText {
        roster: Option<PathBuf>,
    },
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
    /// Import this 議事次第 (and roster), then start from the agenda file made of it.
    Import {
        text: PathBuf,
        roster: Option<PathBuf>,
    },
    Quit,
}

#[derive(Debug, Clone, Default)]
pub struct StartScreen {
    pub dir: PathBuf,
    pub entries: Vec<StartEntry>,
    pub selected: usize,
}

impl StartScreen {
    /// The start screen over `entries` (each with when it was last modified): sessions
    /// first, most recently saved on top, the first file that loads selected.
    pub fn new(dir: &Path, mut entries: Vec<(std::time::SystemTime, StartEntry)>) -> Self {
        let rank = |k: &EntryKind| match k {
            EntryKind::Session { .. } => 0,
            EntryKind::Agenda => 1,
            EntryKind::AgendaText { .. } => 2,
            EntryKind::Broken(_) => 3,
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

    /// What an action of the start screen's keymap does here.
    pub fn handle(&mut self, action: &Action) -> Option<StartChoice> {
        match action {
            Action::SelectPrev => self.step(-1),
            Action::SelectNext => self.step(1),
            Action::Confirm if self.selectable(self.selected) => {
                let e = &self.entries[self.selected];
                return Some(match &e.kind {
                    EntryKind::Agenda => StartChoice::New(e.path.clone()),
                    EntryKind::AgendaText { roster } => StartChoice::Import {
                        text: e.path.clone(),
                        roster: roster.clone(),
                    },
                    _ => StartChoice::Open(e.path.clone()),
                });
            }
            Action::Quit | Action::Cancel => return Some(StartChoice::Quit),
            _ => {}
        }
        None
    }
}
