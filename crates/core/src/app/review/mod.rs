//! Cleanup mode: the record grouped by agenda item, one remark selected, and every change
//! undoable. Changes go through `model::Change`, so undo restores the session exactly. The
//! state and the dispatch of keys are here; selection, changes, in-place editing and search
//! each have a file of their own.

mod arrange;
pub use arrange::ReplacePreview;
mod changes;
mod edit;
mod search;
mod select;

use std::collections::BTreeSet;

use super::{Action, App, Effect, Overlay, Picker, PickerPurpose};
use crate::editor::Editor;
use crate::model::INAUDIBLE;
use crate::model::{Change, RemarkId, Session};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    pub undo: Vec<Change>,
    pub redo: Vec<Change>,
}

impl History {
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Review {
    pub selected: Option<RemarkId>,
    /// Remarks marked with Space: commands apply to all of them.
    pub marked: BTreeSet<RemarkId>,
    /// The selected remark's text being edited.
    pub editing: Option<Editor>,
    /// The query being typed after `/`.
    pub search: Option<Editor>,
    /// The last query: highlighted, and what `n` / `N` look for.
    pub query: String,
    /// Where the selection was when the search began, for Esc.
    pub search_origin: Option<RemarkId>,
    /// The public-minutes preview beside the list.
    pub preview: bool,
}

/// Remark indices in reading order: by agenda item, then as recorded.
pub fn display_order(session: &Session) -> Vec<usize> {
    let agenda = &session.plan.agenda;
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); agenda.len()];
    for (i, r) in session.remarks.iter().enumerate() {
        let pos = agenda.iter().position(|a| a.no == r.item).unwrap_or(0);
        buckets[pos].push(i);
    }
    buckets.into_iter().flatten().collect()
}

/// Does remark `i` match `query` (in its text or its speaker's name or role)?
pub fn matches_query(session: &Session, i: usize, query: &str) -> bool {
    if query.is_empty() {
        return false;
    }
    let r = &session.remarks[i];
    let q = query.to_lowercase();
    r.text.to_lowercase().contains(&q)
        || r.speaker
            .as_ref()
            .and_then(|id| session.plan.participant(id))
            .is_some_and(|p| p.label().to_lowercase().contains(&q))
}

impl App {
    pub fn enter_review(&mut self) {
        let selected = self.session.remarks.last().map(|r| r.id);
        self.review = Some(Review {
            selected,
            preview: true,
            ..Review::default()
        });
    }

    pub(super) fn update_review(&mut self, action: Action) -> Vec<Effect> {
        let Some(review) = self.review.as_mut() else {
            return Vec::new();
        };
        if let Some(mut editor) = review.editing.take() {
            return self.update_review_edit(&mut editor, action);
        }
        if let Some(mut query) = review.search.take() {
            self.update_search(&mut query, action);
            return Vec::new();
        }
        match action {
            Action::ToggleReview => {
                self.review = None;
                self.scroll_back = 0;
            }
            Action::SelectNext => self.select_step(1),
            Action::SelectPrev => self.select_step(-1),
            Action::ScrollDown => self.select_step(10),
            Action::ScrollUp => self.select_step(-10),
            Action::SelectFirst => self.select_step(isize::MIN / 2),
            Action::SelectLast => self.select_step(isize::MAX / 2),
            Action::NextItem | Action::PrevItem => {
                let forward = action == Action::NextItem;
                let item = self.selected_remark().map(|r| r.item);
                self.select_where(forward, |s, i| Some(s.remarks[i].item) != item);
                if !forward {
                    // Land on the first remark of that item, not its last.
                    let item = self.selected_remark().map(|r| r.item);
                    while self
                        .peek_prev()
                        .is_some_and(|i| Some(self.session.remarks[i].item) == item)
                    {
                        self.select_step(-1);
                    }
                }
            }
            Action::NextCheck => {
                self.select_where(true, |s, i| s.remarks[i].check_later);
            }
            Action::PrevCheck => {
                self.select_where(false, |s, i| s.remarks[i].check_later);
            }
            Action::NextInaudible => {
                self.select_where(true, |s, i| s.remarks[i].text.contains(INAUDIBLE));
            }
            Action::PrevInaudible => {
                self.select_where(false, |s, i| s.remarks[i].text.contains(INAUDIBLE));
            }
            Action::NextSameSpeaker | Action::PrevSameSpeaker => {
                let speaker = self.selected_remark().map(|r| r.speaker.clone());
                let forward = action == Action::NextSameSpeaker;
                self.select_where(forward, |s, i| {
                    Some(&s.remarks[i].speaker) == speaker.as_ref()
                });
            }
            Action::EditRemark => {
                let text = self.selected_remark().map(|r| r.text.clone());
                if let (Some(text), Some(review)) = (text, self.review.as_mut()) {
                    review.editing = Some(Editor::new(text));
                }
            }
            Action::ToggleMark => {
                if let Some(review) = self.review.as_mut()
                    && let Some(id) = review.selected
                    && !review.marked.remove(&id)
                {
                    review.marked.insert(id);
                }
                self.select_step(1);
            }
            Action::Cancel => {
                if let Some(review) = self.review.as_mut() {
                    review.marked.clear();
                    review.query.clear();
                }
            }
            Action::SpeakerSlot(n) => match self.session.plan.by_slot(n) {
                Some(p) => {
                    let id = p.id.clone();
                    return self.reassign(Some(id));
                }
                None => self.message = Some(self.settings.lang.strings().no_such_slot.to_owned()),
            },
            Action::NoSpeaker => return self.reassign(None),
            Action::OpenPicker => {
                self.overlay = Overlay::Picker(Picker::new(PickerPurpose::Reassign));
            }
            Action::MoveToNextItem => return self.move_to_item(1),
            Action::MoveToPrevItem => return self.move_to_item(-1),
            Action::FlagNonPublic => return self.flag_non_public(),
            Action::InsertAfter => self.insert_form(false),
            Action::InsertBefore => self.insert_form(true),
            Action::EditTime => self.time_form(),
            Action::MoveUp => return self.move_within_item(true),
            Action::MoveDown => return self.move_within_item(false),
            Action::Replace => self.replace_form(),
            Action::Release => return self.release(),
            Action::CheckLater => {
                // All targets take the opposite of the selected remark's state.
                let on = !self.selected_remark().is_some_and(|r| r.check_later);
                return self.change_targets(|r| r.check_later = on);
            }
            Action::DeleteRemark => return self.delete_targets(),
            Action::MergeNext => return self.merge_next(),
            Action::Undo | Action::UndoCommit => self.step_history(false),
            Action::Redo => self.step_history(true),
            Action::StartSearch => {
                if let Some(review) = self.review.as_mut() {
                    review.search_origin = review.selected;
                    review.search = Some(Editor::default());
                    review.query.clear();
                }
            }
            Action::SearchNext | Action::SearchPrev => {
                let query = self
                    .review
                    .as_ref()
                    .map(|r| r.query.clone())
                    .unwrap_or_default();
                let forward = action == Action::SearchNext;
                self.search_step(&query, forward);
            }
            Action::TogglePreview => {
                if let Some(review) = self.review.as_mut() {
                    review.preview = !review.preview;
                }
            }
            Action::EditMeeting => self.overlay = Overlay::Form(self.meeting_form()),
            Action::EditLog => self.overlay = Overlay::Log(0),
            Action::Versions => {
                if self
                    .selected_remark()
                    .is_some_and(|r| !r.alternatives.is_empty())
                {
                    self.overlay = Overlay::Versions(0);
                } else {
                    self.message = Some(self.settings.lang.strings().no_versions.to_owned());
                }
            }
            Action::EditParticipant => {
                let index = self
                    .selected_remark()
                    .and_then(|r| r.speaker.clone())
                    .and_then(|id| self.session.plan.roster.iter().position(|p| p.id == id));
                if let Some(form) = index.and_then(|i| self.participant_form(i)) {
                    self.overlay = Overlay::Form(form);
                }
            }
            Action::EditAgendaItem => {
                let no = self
                    .selected_remark()
                    .map_or(self.session.live.item, |r| r.item);
                if let Some(form) = self.item_form(no) {
                    self.overlay = Overlay::Form(form);
                }
            }
            Action::ToggleHelp => self.overlay = Overlay::Help(0),
            _ => {}
        }
        Vec::new()
    }
}
