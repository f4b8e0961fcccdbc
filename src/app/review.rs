//! Cleanup mode: the record grouped by agenda item, one remark selected, and every change
//! undoable. Changes go through `model::Change`, so undo restores the session exactly.

use std::collections::BTreeSet;

use super::update::edit;
use super::{Action, App, Effect, Overlay, Picker, PickerPurpose};
use crate::editor::{Editor, normalize_pasted};
use crate::model::INAUDIBLE;
use crate::model::{Change, ParticipantId, RemarkId, Session};

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

    /// Position of the selection in reading order.
    fn selected_pos(&self, order: &[usize]) -> Option<usize> {
        let id = self.review.as_ref()?.selected?;
        order.iter().position(|&i| self.session.remarks[i].id == id)
    }

    fn select_index(&mut self, index: usize) {
        let id = self.session.remarks.get(index).map(|r| r.id);
        if let Some(r) = &mut self.review {
            r.selected = id;
        }
    }

    /// Moves the selection `step` remarks in reading order, stopping at the ends.
    fn select_step(&mut self, step: isize) {
        let order = display_order(&self.session);
        if order.is_empty() {
            return;
        }
        let pos = self.selected_pos(&order).unwrap_or(0) as isize;
        let target = (pos + step).clamp(0, order.len() as isize - 1) as usize;
        self.select_index(order[target]);
    }

    /// Selects the next (or previous) remark in reading order that satisfies `pred`.
    fn select_where(&mut self, forward: bool, pred: impl Fn(&Session, usize) -> bool) -> bool {
        let order = display_order(&self.session);
        let Some(pos) = self.selected_pos(&order) else {
            return false;
        };
        let found = if forward {
            order[pos + 1..].iter().find(|&&i| pred(&self.session, i))
        } else {
            order[..pos].iter().rev().find(|&&i| pred(&self.session, i))
        };
        match found {
            Some(&i) => {
                self.select_index(i);
                true
            }
            None => {
                self.message = Some(self.settings.lang.strings().no_more.to_owned());
                false
            }
        }
    }

    /// The remarks a command applies to: the marked ones, else the selected one.
    fn targets(&self) -> Vec<RemarkId> {
        let Some(r) = &self.review else {
            return Vec::new();
        };
        if r.marked.is_empty() {
            r.selected.into_iter().collect()
        } else {
            r.marked.iter().copied().collect()
        }
    }

    /// Applies a change, records it for undo, and asks for a save.
    pub(super) fn commit_change(&mut self, change: Change) -> Vec<Effect> {
        if change.is_empty() {
            return Vec::new();
        }
        self.session.apply(&change);
        self.outbox.push(crate::model::Edit::Apply(change.clone()));
        self.history.undo.push(change);
        self.history.redo.clear();
        self.dirty = true;
        vec![Effect::Save]
    }

    /// One change per remark in `ids`, each made against the session as the ones before it
    /// left it, committed as a single undoable step.
    fn commit_each(
        &mut self,
        ids: Vec<RemarkId>,
        make: impl Fn(&Session, RemarkId) -> Option<Change>,
    ) -> Vec<Effect> {
        let mut changes = Vec::new();
        for id in ids {
            if let Some(c) = make(&self.session, id) {
                self.session.apply(&c);
                changes.push(c);
            }
        }
        for c in changes.iter().rev() {
            self.session.revert(c);
        }
        match changes.len() {
            0 => Vec::new(),
            1 => self.commit_change(changes.remove(0)),
            _ => self.commit_change(Change::Group(changes)),
        }
    }

    fn change_targets(&mut self, edit: impl Fn(&mut crate::model::Remark)) -> Vec<Effect> {
        let targets = self.targets();
        self.commit_each(targets, |s, id| s.change_remark(id, &edit))
    }

    /// Makes `speaker` the speaker of the targeted remarks.
    pub(super) fn reassign(&mut self, speaker: Option<ParticipantId>) -> Vec<Effect> {
        self.change_targets(|r| r.speaker = speaker.clone())
    }

    /// Undo (`forward == false`) or redo the last step, journaling it as it goes.
    fn step_history(&mut self, forward: bool) {
        let s = self.settings.lang.strings();
        let (from, to) = if forward {
            (&mut self.history.redo, &mut self.history.undo)
        } else {
            (&mut self.history.undo, &mut self.history.redo)
        };
        let Some(c) = from.pop() else {
            self.message = Some(
                if forward {
                    s.nothing_to_redo
                } else {
                    s.nothing_to_undo
                }
                .to_owned(),
            );
            return;
        };
        // The record may have changed since (a remark marked in live mode, a participant
        // added there): a change that no longer fits is never forced on it, or the session
        // in memory and the journal's replay would part ways.
        if !self.session.fits(&c, !forward) {
            self.history.clear();
            self.message = Some(s.history_stale.to_owned());
            return;
        }
        if forward {
            self.session.apply(&c);
            self.outbox.push(crate::model::Edit::Apply(c.clone()));
        } else {
            self.session.revert(&c);
            self.outbox.push(crate::model::Edit::Revert(c.clone()));
        }
        to.push(c);
        self.dirty = true;
        self.keep_selection_valid();
    }

    /// After a delete or an undo the selected remark may be gone: select its neighbour.
    fn keep_selection_valid(&mut self) {
        let Some(review) = &mut self.review else {
            return;
        };
        let ids: BTreeSet<RemarkId> = self.session.remarks.iter().map(|r| r.id).collect();
        review.marked.retain(|id| ids.contains(id));
        if review.selected.is_some_and(|id| ids.contains(&id)) {
            return;
        }
        let fallback = review
            .selected
            .and_then(|gone| ids.range(..gone).next_back().copied())
            .or_else(|| ids.iter().next().copied());
        review.selected = fallback;
    }

    fn move_to_item(&mut self, step: isize) -> Vec<Effect> {
        let agenda = &self.session.plan.agenda;
        let targets = self.targets();
        let mut moves = Vec::new();
        for id in targets {
            let Some(r) = self.session.remarks.iter().find(|r| r.id == id) else {
                continue;
            };
            let pos = agenda.iter().position(|a| a.no == r.item).unwrap_or(0) as isize;
            if let Some(next) = agenda
                .get((pos + step).max(0) as usize)
                .filter(|_| pos + step >= 0)
            {
                moves.push((id, next.no));
            }
        }
        let ids = moves.iter().map(|(id, _)| *id).collect();
        self.commit_each(ids, |s, id| {
            let no = moves.iter().find(|(m, _)| *m == id)?.1;
            s.change_remark(id, |r| r.item = no)
        })
    }

    fn merge_next(&mut self) -> Vec<Effect> {
        let order = display_order(&self.session);
        let Some(pos) = self.selected_pos(&order) else {
            return Vec::new();
        };
        let Some(&next) = order.get(pos + 1) else {
            return Vec::new();
        };
        let first = self.session.remarks[order[pos]].id;
        let second = self.session.remarks[next].id;
        match self.session.merge_remarks(first, second) {
            Some(c) => self.commit_change(c),
            None => {
                self.message = Some(self.settings.lang.strings().cannot_merge.to_owned());
                Vec::new()
            }
        }
    }

    fn delete_targets(&mut self) -> Vec<Effect> {
        let targets = self.targets();
        let effects = self.commit_each(targets, Session::delete_remark);
        if let Some(r) = &mut self.review {
            r.marked.clear();
        }
        self.keep_selection_valid();
        effects
    }

    fn selected_remark(&self) -> Option<&crate::model::Remark> {
        let id = self.review.as_ref()?.selected?;
        self.session.remarks.iter().find(|r| r.id == id)
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
            Action::Search => {
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
                self.select_where(forward, |s, i| matches_query(s, i, &query));
            }
            Action::TogglePreview => {
                if let Some(review) = self.review.as_mut() {
                    review.preview = !review.preview;
                }
            }
            Action::EditMeeting => self.overlay = Overlay::Form(self.meeting_form()),
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

    /// Flags the targets non-public. Flagging never makes anything public: if every target
    /// is already withheld, it says how to release one instead.
    fn flag_non_public(&mut self) -> Vec<Effect> {
        let targets = self.targets();
        let all_flagged = targets.iter().all(|id| {
            self.session
                .remarks
                .iter()
                .find(|r| r.id == *id)
                .is_none_or(|r| r.non_public)
        });
        if all_flagged {
            self.message = Some(self.settings.lang.strings().already_non_public.to_owned());
            return Vec::new();
        }
        self.change_targets(|r| r.non_public = true)
    }

    /// Makes the selected remark public again: the one explicit way out of non-public. It
    /// applies to the selection alone, never to marks, and not inside a closed item.
    fn release(&mut self) -> Vec<Effect> {
        let s = self.settings.lang.strings();
        let Some(r) = self.selected_remark() else {
            return Vec::new();
        };
        let item_public = self.session.plan.item(r.item).is_some_and(|i| i.public);
        if !item_public {
            self.message = Some(s.release_closed_item.to_owned());
            return Vec::new();
        }
        if self.session.is_public(r) {
            self.message = Some(s.already_public.to_owned());
            return Vec::new();
        }
        let id = r.id;
        let change = self.session.change_remark(id, |r| {
            r.non_public = false;
            if r.is_note() {
                r.publish_note = true;
            }
        });
        match change {
            Some(c) => {
                self.message = Some(s.released.to_owned());
                self.commit_change(c)
            }
            None => Vec::new(),
        }
    }

    fn peek_prev(&self) -> Option<usize> {
        let order = display_order(&self.session);
        let pos = self.selected_pos(&order)?;
        pos.checked_sub(1).map(|p| order[p])
    }

    fn update_review_edit(&mut self, editor: &mut Editor, action: Action) -> Vec<Effect> {
        let width = self.view.review_text_width;
        let keep = |app: &mut App, editor: &Editor| {
            if let Some(r) = app.review.as_mut() {
                r.editing = Some(editor.clone());
            }
        };
        match action {
            Action::Cancel => {}
            Action::Confirm => {
                let text = editor.text().trim_end().to_owned();
                let Some(id) = self.review.as_ref().and_then(|r| r.selected) else {
                    return Vec::new();
                };
                if text.trim().is_empty() {
                    keep(self, editor);
                    self.message = Some(self.settings.lang.strings().empty_text.to_owned());
                    return Vec::new();
                }
                if let Some(c) = self.session.change_remark(id, |r| r.text = text) {
                    return self.commit_change(c);
                }
            }
            Action::SplitRemark => {
                let Some(id) = self.review.as_ref().and_then(|r| r.selected) else {
                    return Vec::new();
                };
                // The edit so far is kept: the text is saved, then split at the cursor.
                let at = editor.cursor();
                let text = editor.text().to_owned();
                let Some(edit_change) = self.session.change_remark(id, |r| r.text = text) else {
                    return Vec::new();
                };
                self.session.apply(&edit_change);
                let split = self.session.split_remark(id, at);
                self.session.revert(&edit_change);
                match split {
                    Some(split) => {
                        let group = Change::Group(vec![edit_change, split]);
                        let effects = self.commit_change(group);
                        // Select the second half, where the next speaker usually begins.
                        let next = self.session.live.next_remark_id - 1;
                        if let Some(r) = self.review.as_mut() {
                            r.selected = Some(next);
                        }
                        return effects;
                    }
                    None => {
                        keep(self, editor);
                        self.message = Some(self.settings.lang.strings().cannot_split.to_owned());
                    }
                }
            }
            Action::Insert(c) => {
                editor.insert_char(c);
                keep(self, editor);
            }
            Action::Paste(t) => {
                editor.insert_str(&normalize_pasted(&t));
                keep(self, editor);
            }
            Action::NewLine => {
                editor.insert_char('\n');
                keep(self, editor);
            }
            Action::InsertInaudible => {
                editor.insert_str(INAUDIBLE);
                keep(self, editor);
            }
            other => {
                edit(editor, &other, width);
                keep(self, editor);
            }
        }
        Vec::new()
    }

    fn update_search(&mut self, query: &mut Editor, action: Action) {
        let keep = |app: &mut App, query: &Editor| {
            if let Some(r) = app.review.as_mut() {
                r.search = Some(query.clone());
                r.query = query.text().to_owned();
            }
        };
        match action {
            Action::Cancel => {
                if let Some(r) = self.review.as_mut() {
                    r.selected = r.search_origin.or(r.selected);
                    r.query.clear();
                }
            }
            Action::Confirm => {}
            Action::SearchNext | Action::SelectNext => {
                keep(self, query);
                let q = query.text().to_owned();
                self.select_where(true, |s, i| matches_query(s, i, &q));
            }
            Action::SearchPrev | Action::SelectPrev => {
                keep(self, query);
                let q = query.text().to_owned();
                self.select_where(false, |s, i| matches_query(s, i, &q));
            }
            other => {
                match other {
                    Action::Insert(c) => query.insert_char(c),
                    Action::Paste(t) => query.insert_str(&normalize_pasted(&t).replace('\n', " ")),
                    ref o => {
                        edit(query, o, usize::MAX);
                    }
                }
                keep(self, query);
                // As you type: the first match from where the search began.
                let q = query.text().to_owned();
                let order = display_order(&self.session);
                let origin = self.review.as_ref().and_then(|r| r.search_origin);
                let start = origin
                    .and_then(|id| order.iter().position(|&i| self.session.remarks[i].id == id))
                    .unwrap_or(0);
                let hit = order[start..]
                    .iter()
                    .chain(order[..start].iter())
                    .find(|&&i| matches_query(&self.session, i, &q));
                if let Some(&i) = hit {
                    self.select_index(i);
                }
            }
        }
    }
}
