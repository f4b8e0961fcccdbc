//! Undo inside the input box (A-u) and clearing it (C-u). The text comes back with what it
//! carries (when it began, non-public, its pinned item, check later), and what was captured
//! non-public stays so: no undo here makes text taken off the record public.

use super::App;
use crate::editor::Editor;
use crate::model::{ItemNo, Timestamp};

/// The input box and what travels with its text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct InputState {
    text: String,
    cursor: usize,
    began: Option<Timestamp>,
    non_public: bool,
    item: Option<ItemNo>,
    check_later: bool,
}

/// What an edit was, so that a run of typing (or of deleting) is undone as one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EditKind {
    #[default]
    None,
    Typing,
    Deleting,
    /// Pasting, deleting a word, clearing: each one step.
    Other,
}

/// The input box as it was before each step, the newest last.
#[derive(Debug, Clone, Default)]
pub struct InputHistory {
    undo: Vec<InputState>,
    last: EditKind,
}

/// Steps kept: plenty for one remark.
const KEPT: usize = 200;

impl App {
    fn input_state(&self) -> InputState {
        InputState {
            text: self.editor.text().to_owned(),
            cursor: self.editor.cursor(),
            began: self.draft_began,
            non_public: self.draft_non_public,
            item: self.draft_item,
            check_later: self.draft_check_later,
        }
    }

    /// Remembers the input before an edit of `kind`.
    pub(super) fn remember_input(&mut self, kind: EditKind) {
        let h = &mut self.input_history;
        let same_run = kind == h.last && matches!(kind, EditKind::Typing | EditKind::Deleting);
        h.last = kind;
        if same_run {
            return;
        }
        let state = self.input_state();
        let h = &mut self.input_history;
        if h.undo.last() != Some(&state) {
            h.undo.push(state);
            if h.undo.len() > KEPT {
                h.undo.remove(0);
            }
        }
    }

    /// A cursor move ends a run of typing: the next letters are a step of their own.
    pub(super) fn break_input_run(&mut self) {
        self.input_history.last = EditKind::None;
    }

    /// The input is committed or taken back: its history is another remark's.
    pub(super) fn forget_input(&mut self) {
        self.input_history = InputHistory::default();
    }

    /// C-u: the input box empties (A-u brings it back).
    pub(super) fn clear_input(&mut self) {
        if self.editor.is_empty() {
            return;
        }
        self.remember_input(EditKind::Other);
        self.editor = Editor::default();
        self.after_edit();
    }

    /// A-u: the input as it was before the last step. `false` when there is none.
    pub(super) fn undo_input(&mut self) -> bool {
        let Some(s) = self.input_history.undo.pop() else {
            return false;
        };
        // Non-public text typed since the step stays counted: the strictest of the two.
        let non_public = s.non_public || (self.draft_non_public && !self.editor.is_empty());
        let mut editor = Editor::new(s.text);
        editor.set_cursor(s.cursor);
        self.editor = editor;
        self.draft_began = s.began;
        self.draft_non_public = non_public;
        self.draft_item = s.item;
        self.draft_check_later = s.check_later;
        self.input_history.last = EditKind::None;
        self.after_edit();
        true
    }
}
