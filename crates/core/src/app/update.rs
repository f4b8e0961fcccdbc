//! The update step. It reads the clock only through `now`, so tests drive it with fixed times.

use super::{Action, App, Effect, Overlay, Picker, PickerPurpose, SaveStatus, Step};
use crate::editor::{Editor, normalize_pasted};
use crate::model::Timestamp;

use crate::model::INAUDIBLE;

/// Seconds one press of A-, or A-. moves the begin time of the remark being typed.
const START_STEP: i64 = 5;

impl App {
    /// One step: the state changes, and the step says what the loop should do and which
    /// edits of the record to journal.
    pub fn update(&mut self, action: Action, now: Timestamp) -> Step {
        let tick = action == Action::Tick;
        let effects = match action {
            Action::Tick => Vec::new(),
            Action::Folded => {
                self.draft_journaled(now);
                Vec::new()
            }
            action => self.step(action, now),
        };
        let mut edits = std::mem::take(&mut self.outbox);
        // Every change to the session leaves an edit for the journal (the journal property
        // tests hold this), so a new edit is exactly when the record's views are stale.
        if !edits.is_empty() {
            self.revision = self.revision.wrapping_add(1);
        }
        use crate::model::Edit;
        if edits
            .iter()
            .any(|e| !matches!(e, Edit::Live(_) | Edit::Log(_)))
        {
            self.record_revision = self.record_revision.wrapping_add(1);
        }
        if let Some(edit) = self.draft_edit(&edits, tick, now) {
            edits.push(edit);
        }
        Step { effects, edits }
    }

    /// The edit that brings the journal's unfinished input up to date, when one is due: with
    /// a commit or an undo (or a crash right after would bring committed text back as
    /// unfinished input, or lose what was taken back); at once when its non-public state or
    /// pinned item changed (a crash must not bring it back as public); else at most once a
    /// second, on the clock.
    fn draft_edit(
        &mut self,
        edits: &[crate::model::Edit],
        tick: bool,
        now: Timestamp,
    ) -> Option<crate::model::Edit> {
        use crate::model::Edit;
        // No input counts as public and unpinned: plain typing waits for the clock.
        let typed = !self.editor.is_empty() && self.draft_began.is_some();
        let meta_now = if typed {
            (
                self.draft_non_public,
                self.draft_item,
                self.draft_check_later,
            )
        } else {
            (false, None, false)
        };
        let meta_journaled = self
            .journaled_draft
            .as_ref()
            .map_or((false, None, false), |d| {
                (d.non_public, d.item, d.check_later)
            });
        let committed = edits
            .iter()
            .any(|e| matches!(e, Edit::Append(_) | Edit::Pop));
        let due = tick
            && self
                .draft_journaled_at
                .is_none_or(|at| now - at >= super::DRAFT_EVERY);
        if !(committed || meta_now != meta_journaled || due) || self.draft_is_journaled() {
            return None;
        }
        let draft = self.draft();
        let edit = crate::model::draft_edit(self.journaled_draft.as_ref(), draft.as_ref());
        self.journaled_draft = draft;
        self.draft_journaled_at = Some(now);
        Some(edit)
    }

    /// The session file now holds the unfinished input as it is.
    fn draft_journaled(&mut self, now: Timestamp) {
        self.journaled_draft = self.draft();
        self.draft_journaled_at = Some(now);
    }

    fn step(&mut self, action: Action, now: Timestamp) -> Vec<Effect> {
        match action {
            Action::Resize(w, h) => {
                self.size = (w, h);
                return Vec::new();
            }
            Action::View(view) => {
                self.view = view;
                return Vec::new();
            }
            Action::Saved(result) => {
                self.save = match result {
                    Ok(()) => {
                        // Saved means everything: typing not yet journaled keeps it unsaved.
                        if self.draft_is_journaled() {
                            self.dirty = false;
                        }
                        SaveStatus::Saved(now)
                    }
                    Err(e) => SaveStatus::Error(e),
                };
                return Vec::new();
            }
            Action::SavedAs(path) => {
                let s = self.settings.lang.strings();
                self.message = Some(format!("{} {}", s.saved_as, path.display()));
                self.save_path = path;
                return Vec::new();
            }
            Action::QuitRefused => {
                self.message = Some(self.settings.lang.strings().quit_unsaved.to_owned());
                return Vec::new();
            }
            Action::Notice(text) => {
                self.notice = Some(text);
                return Vec::new();
            }
            Action::TakeIn(there) => {
                self.take_in(*there);
                return Vec::new();
            }
            Action::Save
                if matches!(self.save, SaveStatus::Error(_)) && self.overlay == Overlay::None =>
            {
                // Saving failed: offer another place to save to.
                let path = self.save_path.clone();
                self.overlay = Overlay::Form(super::Form::save_as(&path));
                return Vec::new();
            }
            Action::Save => return vec![Effect::Fold],
            Action::SetClerk(name) => return self.set_clerk(&name, now, false),
            Action::Quit => return vec![Effect::Fold, Effect::Quit],
            Action::Suspend => return vec![Effect::Sync, Effect::Suspend],
            _ => {}
        }
        self.message = None;
        // Typing in live mode's input box touches the editor alone: nothing to compare, and
        // nothing cloned on the keystroke path.
        let typing = self.overlay == Overlay::None && action.only_edits_input();
        let probe = (self.review.is_none() && !typing).then(|| super::outbox::Probe::take(self));
        let effects = match std::mem::take(&mut self.overlay) {
            Overlay::None if self.review.is_some() => self.update_review(action),
            Overlay::None => self.update_live(action, now),
            Overlay::Help(scroll) => {
                let last = super::help_rows(self).len().saturating_sub(1);
                let scroll = scroll.min(last);
                self.overlay = match action {
                    Action::Cancel | Action::ToggleHelp => Overlay::None,
                    Action::SelectNext => Overlay::Help(scroll + 1),
                    Action::SelectPrev => Overlay::Help(scroll.saturating_sub(1)),
                    Action::ScrollDown => Overlay::Help(scroll + 10),
                    Action::ScrollUp => Overlay::Help(scroll.saturating_sub(10)),
                    Action::SelectFirst => Overlay::Help(0),
                    // The view stops at the last page.
                    Action::SelectLast => Overlay::Help(last),
                    _ => Overlay::Help(scroll),
                };
                Vec::new()
            }
            Overlay::Picker(picker) => self.update_picker(picker, action, now),
            Overlay::Phrases(at) => self.update_phrases(at, action, now),
            Overlay::Log(at) => self.update_log(at, action),
            Overlay::Versions(at) => self.update_versions(at, action),
            Overlay::Replace(preview) => self.update_replace(preview, action),
            Overlay::Form(form) => self.update_form(form, action, now),
        };
        // Whatever the step did (typing, undo, a state change), text now in the input box
        // while the record is off or a closed item is current is non-public for good.
        self.note_capture_state();
        let mut effects = effects;
        if let Some(probe) = probe
            && !probe.emit(self)
        {
            effects.push(Effect::Fold);
        }
        effects
    }

    fn update_live(&mut self, action: Action, now: Timestamp) -> Vec<Effect> {
        let s = self.settings.lang.strings();
        let width = self.input_width();
        match action {
            Action::Insert(c) => {
                self.remember_input(super::input_history::EditKind::Typing);
                self.type_text(&c.to_string(), now);
            }
            Action::Paste(text) => {
                self.remember_input(super::input_history::EditKind::Other);
                self.type_text(&normalize_pasted(&text), now);
            }
            Action::NewLine => {
                self.remember_input(super::input_history::EditKind::Typing);
                self.type_text("\n", now);
            }
            Action::InsertInaudible => {
                self.remember_input(super::input_history::EditKind::Other);
                self.type_text(INAUDIBLE, now);
            }
            Action::ClearInput => self.clear_input(),
            Action::UndoInput => {
                if !self.undo_input() {
                    self.message = Some(s.nothing_to_undo_in_input.to_owned());
                }
            }
            Action::Commit => return self.commit(now),
            Action::SpeakerSlot(n) => match self.session.plan.by_slot(n) {
                Some(p) => {
                    let id = p.id.clone();
                    self.session.set_speaker(Some(id));
                    self.dirty = true;
                }
                None => self.message = Some(s.no_such_slot.to_owned()),
            },
            Action::SwapSpeaker => {
                self.session.swap_speaker();
                self.dirty = true;
            }
            Action::NextSpeaker | Action::PrevSpeaker => {
                let step = if action == Action::NextSpeaker { 1 } else { -1 };
                self.session.cycle_speaker(step);
                self.dirty = true;
            }
            Action::NoSpeaker => {
                self.session.set_speaker(None);
                self.dirty = true;
            }
            Action::OpenPicker => {
                self.overlay = Overlay::Picker(Picker::new(PickerPurpose::Speaker))
            }
            Action::Attendance => {
                self.overlay = Overlay::Picker(Picker::new(PickerPurpose::Attendance))
            }
            Action::Phrases => self.overlay = Overlay::Phrases(0),
            Action::EarlierStart | Action::LaterStart => {
                let Some(began) = self.draft_began.filter(|_| !self.editor.is_empty()) else {
                    self.message = Some(s.nothing_typed.to_owned());
                    return Vec::new();
                };
                let step = chrono::Duration::seconds(START_STEP);
                // Never before the remark committed last: the record stays in order.
                let floor = self.session.remarks.last().map(|r| r.began);
                let began = if action == Action::EarlierStart {
                    floor.map_or(began - step, |f| (began - step).max(f).min(began))
                } else {
                    (began + step).min(now)
                };
                self.draft_began = Some(began);
                self.message = Some(format!("{} {}", s.begins_at, began.format("%H:%M:%S")));
                self.dirty = true;
            }
            Action::MarkRecording => {
                // A second press would move every offset: the mark is corrected in cleanup.
                if let Some(at) = self.session.log.recording {
                    let at = at.format("%H:%M:%S");
                    self.message = Some(format!(
                        "{} {at}; {}",
                        s.recording_marked, s.correct_in_cleanup
                    ));
                    return Vec::new();
                }
                self.session.log.recording = Some(now);
                self.message = Some(format!("{} {}", s.recording_marked, now.format("%H:%M:%S")));
                self.dirty = true;
                return vec![Effect::Sync];
            }
            Action::Handover => self.overlay = Overlay::Form(super::Form::clerk(false)),
            Action::JumpToItem => {
                self.overlay = Overlay::Form(super::Form::new(
                    super::FormPurpose::JumpToItem,
                    vec![super::Field::text(super::FieldLabel::ItemNo, "")],
                    0,
                ));
            }
            Action::Decide => {
                let results = self.session.decision_results();
                self.overlay = Overlay::Form(super::Form::decision(results));
            }
            Action::ToggleReview => self.enter_review(),
            Action::ToggleHelp => self.overlay = Overlay::Help(0),
            Action::NextItem | Action::PrevItem => {
                let step = if action == Action::NextItem { 1 } else { -1 };
                if self.session.log.closed().is_some() {
                    self.message = Some(s.meeting_is_closed.to_owned());
                } else if self.session.step_item(step, now) {
                    self.note_capture_state();
                    self.dirty = true;
                    return vec![Effect::Sync];
                }
            }
            Action::OpenMeeting => {
                let at = now.format("%H:%M").to_string();
                if self.session.open_meeting(now) {
                    self.message = Some(format!("{} {at}", s.meeting_opened));
                    self.dirty = true;
                    return vec![Effect::Sync];
                }
                self.message = Some(s.meeting_open_already.to_owned());
            }
            Action::Recess => {
                let at = now.format("%H:%M").to_string();
                match self.session.toggle_recess(now) {
                    Some(what) => {
                        let said = if what == crate::model::Proceeding::Recess {
                            s.recess_began
                        } else {
                            s.recess_ended
                        };
                        self.message = Some(format!("{said} {at}"));
                        self.dirty = true;
                        return vec![Effect::Sync];
                    }
                    None if self.session.log.closed().is_some() => {
                        self.message = Some(s.no_recess_after_close.to_owned());
                    }
                    None => self.message = Some(s.meeting_not_running.to_owned()),
                }
            }
            Action::CloseMeeting => {
                let at = now.format("%H:%M").to_string();
                if self.session.close_meeting(now) {
                    self.message = Some(format!("{} {at}", s.meeting_closed));
                } else if self.session.reopen_meeting(now) {
                    self.message = Some(s.meeting_reopened.to_owned());
                } else if self.session.log.closed().is_some() {
                    self.message = Some(s.close_kept.to_owned());
                    return Vec::new();
                } else {
                    self.message = Some(s.meeting_not_running.to_owned());
                    return Vec::new();
                }
                self.note_capture_state();
                self.dirty = true;
                return vec![Effect::Sync];
            }
            Action::ToggleOffRecord => {
                let on = !self.session.log.is_off_record();
                self.session.set_off_record(on, now);
                self.note_capture_state();
                self.dirty = true;
                return vec![Effect::Sync];
            }
            Action::CheckLater => {
                if !self.editor.is_empty() {
                    self.draft_check_later = !self.draft_check_later;
                } else if let Some(r) = self.session.remarks.last_mut() {
                    r.check_later = !r.check_later;
                    self.dirty = true;
                }
            }
            Action::UndoCommit => {
                self.undo_commit();
                // Cleanup changes refer to remarks by position; the last one just left.
                self.history.clear();
            }
            Action::ScrollUp => {
                let page = self.view.timeline_page;
                let max = self.session.remarks.len().saturating_sub(1);
                self.scroll_back = (self.scroll_back + page).min(max);
            }
            Action::ScrollDown => {
                let page = self.view.timeline_page;
                self.scroll_back = self.scroll_back.saturating_sub(page);
            }
            Action::ScrollBottom => self.scroll_back = 0,
            other => {
                use super::input_history::EditKind;
                match other {
                    Action::DeleteBack | Action::DeleteForward => {
                        self.remember_input(EditKind::Deleting);
                    }
                    Action::DeleteWordBack | Action::DeleteWordForward => {
                        self.remember_input(EditKind::Other);
                    }
                    _ => self.break_input_run(),
                }
                if edit_text(&mut self.editor, &other, width) {
                    self.after_edit();
                }
            }
        }
        Vec::new()
    }

    pub(super) fn type_text(&mut self, text: &str, now: Timestamp) {
        if text.is_empty() {
            return;
        }
        if self.editor.is_empty() {
            self.draft_began = Some(now);
        }
        self.editor.insert_str(text);
        self.after_edit();
    }

    /// Text in the input box while the record is off, or while a closed item is current,
    /// was (at least partly) captured non-public: it stays so whatever happens before Enter.
    pub(super) fn note_capture_state(&mut self) {
        if !self.draft_non_public && !self.editor.is_empty() && self.session.is_non_public_now() {
            self.draft_non_public = true;
        }
    }

    pub(super) fn after_edit(&mut self) {
        if self.editor.is_empty() {
            self.draft_began = None;
            self.draft_check_later = false;
            self.draft_non_public = false;
            self.draft_item = None;
        } else {
            self.note_capture_state();
        }
        self.dirty = true;
    }

    fn commit(&mut self, now: Timestamp) -> Vec<Effect> {
        // Blank lines around the text are slips of the key; indentation (　) is kept.
        let text = self
            .editor
            .text()
            .trim_end()
            .trim_start_matches('\n')
            .to_owned();
        if text.trim().is_empty() {
            return Vec::new();
        }
        let began = self.draft_began.unwrap_or(now);
        let id =
            self.session
                .commit_remark(text, began, now, self.draft_non_public, self.draft_item);
        if self.draft_check_later {
            self.session.set_check_later(id, true);
        }
        self.editor.take();
        self.forget_input();
        self.draft_began = None;
        self.draft_check_later = false;
        self.draft_non_public = false;
        self.draft_item = None;
        // Cleanup changes waiting to be redone were made before this remark existed.
        self.history.redo.clear();
        self.scroll_back = 0;
        self.dirty = true;
        vec![Effect::Sync]
    }

    /// The last remark goes back to the input box, ahead of anything typed since, with its
    /// speaker made current again so committing it anew attributes it the same way.
    fn undo_commit(&mut self) {
        let s = self.settings.lang.strings();
        let Some(remark) = self.session.pop_remark() else {
            self.message = Some(s.nothing_to_undo.to_owned());
            return;
        };
        let rest = self.editor.take();
        self.forget_input();
        let mut editor = Editor::new(remark.text);
        let cursor = editor.cursor();
        editor.insert_str(&rest);
        editor.set_cursor(cursor);
        self.editor = editor;
        self.draft_began = Some(remark.began);
        self.draft_check_later = remark.check_later;
        // It goes back exactly as it was: a non-public remark stays non-public, and it
        // returns to its own item even if another one is current now.
        self.draft_non_public = (self.draft_non_public && !rest.is_empty()) || remark.non_public;
        self.draft_item = Some(remark.item);
        if self.session.live.speaker != remark.speaker {
            self.session.set_speaker(remark.speaker);
        }
        self.dirty = true;
        self.message = Some(s.undone.to_owned());
    }
}

/// Applies a text-editing action; `false` if `action` is not one.
pub(super) fn edit_text(editor: &mut Editor, action: &Action, width: usize) -> bool {
    match action {
        Action::CursorLeft => editor.left(),
        Action::CursorRight => editor.right(),
        Action::WordLeft => editor.word_left(),
        Action::WordRight => editor.word_right(),
        Action::LineStart => editor.home(width),
        Action::LineEnd => editor.end(width),
        Action::CursorUp => editor.vertical(-1, width),
        Action::CursorDown => editor.vertical(1, width),
        Action::DeleteBack => editor.backspace(),
        Action::DeleteForward => editor.delete(),
        Action::DeleteWordBack => editor.delete_word_back(),
        Action::DeleteWordForward => editor.delete_word_forward(),
        // Every input field empties with C-u (the live input box keeps it for A-u, above).
        Action::ClearInput => *editor = Editor::default(),
        _ => return false,
    }
    true
}
