//! The application: state, the actions keys are bound to, and the update step that turns
//! (state, action, now) into the next state plus the effects (save, quit) the terminal loop
//! carries out. Nothing here touches the disk or the terminal.

mod action;
mod clerk;
mod event;
mod help;
mod input_history;
mod keymap;
mod keys;
mod log_entries;
mod outbox;
mod overlay;
mod overlay_update;
mod review;
mod start;
mod take_in;
mod update;

pub use action::{ACTIONS, Action, Row};
pub use event::Event;
pub use help::{footer_entries, footer_help, help_rows, keymap_markdown};
pub use keymap::{Binding, KeyChord, Keymap, Mode};
pub use keys::{KeyCode, KeyModifiers};
pub use log_entries::{LogEntry, LogRef, log_entries};
pub use overlay::{
    Field, FieldLabel, FieldValue, Form, FormPurpose, Overlay, Picker, PickerPurpose,
};
pub use review::{History, ReplacePreview, Review, display_order, matches_query};
pub use start::{EntryKind, StartChoice, StartEntry, StartScreen};

use crate::editor::Editor;
use crate::i18n::Lang;
use crate::model::{Draft, Session, Timestamp};

/// What one update step produced: what the loop should do, and every edit it made to the
/// record, for the journal. This is the one way anything reaches the record on disk.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
#[must_use]
pub struct Step {
    pub effects: Vec<Effect>,
    pub edits: Vec<crate::model::Edit>,
}

/// The unfinished input is journaled at most this often while it changes.
pub const DRAFT_EVERY: chrono::TimeDelta = chrono::TimeDelta::seconds(1);

/// What the update step asks the loop to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Make the journal durable now (fsync): after a commit or a cleanup change.
    Sync,
    /// Fold the journal into the session file: write the file anew with everything, then
    /// empty the journal (C-s, and before quitting).
    Fold,
    /// Write the session to another path from now on (after a storage error).
    SaveAs(std::path::PathBuf),
    Quit,
    /// Everything is saved; give the terminal back and stop until resumed.
    Suspend,
    /// Keep the clerk's name for next time (the config file).
    RememberClerk(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    Saved(Timestamp),
    Unsaved,
    Error(String),
}

/// What the update step needs to know of the screen, measured by the views after each frame
/// (and so after every resize): how many remarks a page of the record shows, and how wide
/// the text of a remark is in the cleanup list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View {
    pub timeline_page: usize,
    pub review_text_width: usize,
}

impl Default for View {
    fn default() -> Self {
        Self {
            timeline_page: 10,
            review_text_width: 60,
        }
    }
}

/// Width of the text inside the input box, `total_width` cells wide with a border each side.
pub fn input_text_width(total_width: u16) -> usize {
    usize::from(total_width.saturating_sub(2)).max(1)
}

/// Settings that do not change while the app runs.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub lang: Lang,
    pub no_color: bool,
    /// ASCII borders, for terminals that draw ambiguous-width characters wide.
    pub ascii: bool,
    /// Shown in the header when the time zone could not be found.
    pub zone_warning: Option<String>,
}

pub struct App {
    pub session: Session,
    pub keymap: Keymap,
    pub settings: Settings,
    /// The remark being typed.
    pub editor: Editor,
    /// When the first character of the remark being typed was typed.
    pub draft_began: Option<Timestamp>,
    /// "Check later" pressed while typing: applies at commit.
    pub draft_check_later: bool,
    /// Some of the input was typed off the record or in a closed item, or it is a
    /// non-public remark taken back by undo: it commits non-public whatever the state then.
    pub draft_non_public: bool,
    /// The item a remark taken back by undo belongs to: Enter commits it there again.
    pub draft_item: Option<crate::model::ItemNo>,
    pub overlay: Overlay,
    /// How many of the newest remarks are scrolled out of view below.
    pub scroll_back: usize,
    /// Terminal size in cells.
    pub size: (u16, u16),
    /// The screen as the views last measured it.
    pub view: View,
    pub save: SaveStatus,
    /// Something changed since the last save.
    pub dirty: bool,
    /// A one-off note for the footer (cleared by the next key).
    pub message: Option<String>,
    /// What happened to the session's files behind kiroku's back; stays in the header.
    pub notice: Option<String>,
    /// Cleanup mode, when it is on.
    pub review: Option<Review>,
    /// Undo and redo of cleanup changes; kept across saves.
    pub history: History,
    /// Undo inside the input box.
    input_history: input_history::InputHistory,
    /// Edits made during the step under way; `update` hands them on in its [`Step`].
    pub(super) outbox: Vec<crate::model::Edit>,
    /// The unfinished input as the journal (or the session file) has it, and when it was
    /// journaled.
    journaled_draft: Option<Draft>,
    draft_journaled_at: Option<Timestamp>,
    /// Where the session is saved (shown when offering save-as).
    pub save_path: std::path::PathBuf,
    /// Counts the update steps that changed the session, so views can tell when what they
    /// drew from it is out of date without comparing the session itself.
    pub revision: u64,
    /// Counts the steps that changed the remarks or the roster and agenda they are drawn
    /// with; a new speaker or item, or the meeting log, leaves it as it was.
    pub record_revision: u64,
}

impl App {
    pub fn new(session: Session, keymap: Keymap, settings: Settings) -> Self {
        // What the session was read with is what the journal holds.
        let journaled_draft = session.live.draft.clone();
        let (editor, draft_began, draft_non_public, draft_item, draft_check_later) =
            match &session.live.draft {
                Some(d) => (
                    Editor::new(d.text.clone()),
                    Some(d.began),
                    d.non_public,
                    d.item,
                    d.check_later,
                ),
                None => (Editor::default(), None, false, None, false),
            };
        Self {
            session,
            keymap,
            settings,
            editor,
            draft_began,
            draft_check_later,
            draft_non_public,
            draft_item,
            overlay: Overlay::None,
            scroll_back: 0,
            size: (80, 24),
            view: View::default(),
            save: SaveStatus::Unsaved,
            dirty: false,
            message: None,
            notice: None,
            review: None,
            history: History::default(),
            input_history: input_history::InputHistory::default(),
            outbox: Vec::new(),
            journaled_draft,
            draft_journaled_at: None,
            save_path: std::path::PathBuf::new(),
            revision: 0,
            record_revision: 0,
        }
    }

    /// The unfinished input as it would be saved.
    pub fn draft(&self) -> Option<Draft> {
        match (self.editor.is_empty(), self.draft_began) {
            (false, Some(began)) => Some(Draft {
                text: self.editor.text().to_owned(),
                began,
                non_public: self.draft_non_public,
                item: self.draft_item,
                check_later: self.draft_check_later,
            }),
            _ => None,
        }
    }

    /// Does the journal hold the unfinished input as it is now? (Compared in place: the
    /// input may be a 10 MB paste.)
    pub fn draft_is_journaled(&self) -> bool {
        let typed = !self.editor.is_empty() && self.draft_began.is_some();
        match &self.journaled_draft {
            None => !typed,
            Some(d) => {
                typed
                    && d.text == self.editor.text()
                    && Some(d.began) == self.draft_began
                    && d.non_public == self.draft_non_public
                    && d.item == self.draft_item
                    && d.check_later == self.draft_check_later
            }
        }
    }

    /// The modes whose bindings apply now, most specific first.
    pub fn modes(&self) -> &'static [Mode] {
        match (&self.overlay, &self.review) {
            (Overlay::None, Some(r)) if r.editing.is_some() => &[Mode::ReviewEdit, Mode::Edit],
            (Overlay::None, Some(r)) if r.search.is_some() => &[Mode::Search, Mode::Edit],
            (Overlay::None, Some(_)) => &[Mode::Review],
            (Overlay::None, None) => &[Mode::Live, Mode::Edit],
            (Overlay::Help(_), _) => &[Mode::Help],
            (
                Overlay::Picker(_)
                | Overlay::Phrases(_)
                | Overlay::Log(_)
                | Overlay::Versions(_)
                | Overlay::Replace(_),
                _,
            ) => &[Mode::Picker, Mode::Edit],
            (Overlay::Form(_), _) => &[Mode::Form, Mode::Edit],
        }
    }

    /// Turns a key into an action: a binding of the current mode, else typed text. Save and
    /// quit work from every overlay too.
    pub fn action_for_key(&self, chord: KeyChord) -> Option<Action> {
        if let Some(a) = self.keymap.lookup(self.modes(), chord) {
            return Some(a.clone());
        }
        if let Some(a @ (Action::Quit | Action::Save | Action::Suspend)) =
            self.keymap.lookup(&[Mode::Live], chord)
        {
            return Some(a.clone());
        }
        match chord.code {
            KeyCode::Char(c)
                if !chord
                    .mods
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(Action::Insert(c))
            }
            _ => None,
        }
    }

    /// The stock phrases for A-p: the agenda file's, else the keymap file's, else the usual.
    pub fn phrases(&self) -> Vec<String> {
        if self.session.plan.meeting.phrases.is_empty() && !self.keymap.phrases.is_empty() {
            return self.keymap.phrases.clone();
        }
        self.session.phrases()
    }

    /// Would the text in the input box be committed non-public? The box title says so from
    /// the first keystroke that makes it so.
    pub fn input_is_non_public(&self) -> bool {
        let item_closed = self
            .draft_item
            .and_then(|no| self.session.plan.item(no))
            .is_some_and(|i| !i.public);
        self.draft_non_public || item_closed || self.session.is_non_public_now()
    }

    /// Width of the text area of the input box, for moving up and down wrapped lines.
    pub fn input_width(&self) -> usize {
        input_text_width(self.size.0)
    }
}
