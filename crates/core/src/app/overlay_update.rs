//! What keys do in the picker and in forms.

use super::update::edit_text;
use super::{Action, App, Effect, FieldLabel, FieldValue, Form, FormPurpose, Overlay, Picker};
use super::{Field, PickerPurpose};
use crate::editor::normalize_pasted;
use crate::model::{Attendance, Change, ParticipantId};
use unicode_normalization::UnicodeNormalization;

impl App {
    pub(super) fn update_picker(
        &mut self,
        mut picker: Picker,
        action: Action,
        now: crate::model::Timestamp,
    ) -> Vec<Effect> {
        let matches = picker.matches(&self.session);
        let reassign = picker.purpose == PickerPurpose::Reassign;
        match action {
            Action::Cancel => return Vec::new(),
            Action::Confirm => {
                if let Some(&i) = matches.get(picker.selected) {
                    let id = self.session.plan.roster[i].id.clone();
                    if picker.purpose == PickerPurpose::Attendance {
                        return self.came_or_went(&id, now);
                    }
                    return self.pick(Some(id), reassign);
                }
                if picker.purpose == PickerPurpose::Attendance {
                    // Someone not on the roster is added as a speaker (C-f), not here.
                    self.message = Some(self.settings.lang.strings().not_on_roster.to_owned());
                    return Vec::new();
                }
                self.overlay = Overlay::Form(Form::add_participant(picker.query.text(), reassign));
                return Vec::new();
            }
            Action::ToggleOnline if picker.purpose == PickerPurpose::Attendance => {
                if let Some(&i) = matches.get(picker.selected) {
                    let id = self.session.plan.roster[i].id.clone();
                    if self.session.switch_place(&id, now).is_some() {
                        let p = &self.session.plan.roster[i];
                        let s = self.settings.lang.strings();
                        let place = match self.session.place(p) {
                            Attendance::Online => s.online,
                            Attendance::Room => s.room,
                        };
                        self.message =
                            Some(format!("{} → {place} {}", p.name, now.format("%H:%M")));
                        self.dirty = true;
                        return vec![Effect::Sync];
                    }
                }
                return Vec::new();
            }
            Action::AddParticipant if picker.purpose == PickerPurpose::Attendance => {
                self.message = Some(self.settings.lang.strings().not_on_roster.to_owned());
                return Vec::new();
            }
            Action::AddParticipant => {
                self.overlay = Overlay::Form(Form::add_participant(picker.query.text(), reassign));
                return Vec::new();
            }
            Action::SelectNext => {
                picker.selected = (picker.selected + 1).min(matches.len().saturating_sub(1));
            }
            Action::SelectPrev => picker.selected = picker.selected.saturating_sub(1),
            Action::Insert(c) => {
                picker.query.insert_char(c);
                picker.selected = 0;
            }
            Action::Paste(t) => {
                picker
                    .query
                    .insert_str(&normalize_pasted(&t).replace('\n', " "));
                picker.selected = 0;
            }
            other => {
                if edit_text(&mut picker.query, &other, usize::MAX) {
                    picker.selected = 0;
                }
            }
        }
        self.overlay = Overlay::Picker(picker);
        Vec::new()
    }

    /// The stock phrases: Up and Down choose (or the phrase's number), Enter puts it at the
    /// cursor, A-Enter commits it as a note of its own.
    pub(super) fn update_phrases(
        &mut self,
        at: usize,
        action: Action,
        now: crate::model::Timestamp,
    ) -> Vec<Effect> {
        let phrases = self.phrases();
        let last = phrases.len().saturating_sub(1);
        let chosen = |i: usize| phrases.get(i).cloned();
        match action {
            Action::Cancel | Action::Phrases => {}
            Action::SelectNext => self.overlay = Overlay::Phrases((at + 1).min(last)),
            Action::SelectPrev => self.overlay = Overlay::Phrases(at.saturating_sub(1)),
            Action::Insert(c) if c.is_ascii_digit() && c != '0' => {
                let i = usize::from(c as u8 - b'1');
                match chosen(i) {
                    Some(text) => self.type_text(&text, now),
                    None => self.overlay = Overlay::Phrases(at),
                }
            }
            Action::Confirm => {
                if let Some(text) = chosen(at) {
                    self.type_text(&text, now);
                }
            }
            Action::PhraseAsNote => {
                if let Some(text) = chosen(at) {
                    self.session.commit_note(text, now);
                    self.dirty = true;
                    return vec![Effect::Sync];
                }
            }
            _ => self.overlay = Overlay::Phrases(at),
        }
        Vec::new()
    }

    /// The selected remark's versions: Enter keeps the chosen one as the remark (its words and
    /// speaker) and drops the others, as one undoable change.
    pub(super) fn update_versions(&mut self, at: usize, action: Action) -> Vec<Effect> {
        let Some(r) = self.selected_remark() else {
            return Vec::new();
        };
        let last = r.alternatives.len();
        let id = r.id;
        match action {
            Action::Cancel | Action::Versions => {}
            Action::SelectNext => self.overlay = Overlay::Versions((at + 1).min(last)),
            Action::SelectPrev => self.overlay = Overlay::Versions(at.saturating_sub(1)),
            Action::Confirm => {
                let change = self.session.change_remark(id, |r| {
                    if let Some(v) = at.checked_sub(1).and_then(|i| r.alternatives.get(i)) {
                        let v = v.clone();
                        r.text = v.text;
                        if v.speaker.is_some() {
                            r.speaker = v.speaker;
                        }
                        r.clerk = v.clerk;
                        // Its words with the times they were said over, and withheld if they
                        // were: never published by being chosen.
                        r.began = v.began.map_or(r.began, |b| b.min(r.began));
                        r.committed = v.committed.map_or(r.committed, |c| c.max(r.committed));
                        r.non_public |= v.non_public;
                    }
                    r.alternatives.clear();
                });
                return change.map(|c| self.commit_change(c)).unwrap_or_default();
            }
            _ => self.overlay = Overlay::Versions(at),
        }
        Vec::new()
    }

    /// Cleanup's list of the meeting log: Enter corrects the selected row's time (or the
    /// observers' count), Delete removes the row; each an undoable change.
    pub(super) fn update_log(&mut self, at: usize, action: Action) -> Vec<Effect> {
        let rows = super::log_entries(&self.session, self.settings.lang.strings());
        let last = rows.len().saturating_sub(1);
        let at = at.min(last);
        match action {
            Action::Cancel | Action::EditLog => {}
            Action::SelectNext => self.overlay = Overlay::Log((at + 1).min(last)),
            Action::SelectPrev => self.overlay = Overlay::Log(at.saturating_sub(1)),
            Action::Confirm => {
                if let Some(row) = rows.get(at) {
                    self.overlay = Overlay::Form(match (row.of, row.at) {
                        (super::LogRef::Decision(i), _) => {
                            let results = self.session.decision_results();
                            match self.session.log.decisions.get(i) {
                                Some(d) => Form::edit_decision(results, d, i),
                                None => return Vec::new(),
                            }
                        }
                        (super::LogRef::Observers, _) => {
                            let n = self.session.log.observers.map(|n| n.to_string());
                            Form::new(
                                FormPurpose::Observers,
                                vec![Field::text(FieldLabel::Count, &n.unwrap_or_default())],
                                0,
                            )
                        }
                        (of, when) => {
                            let shown = when.map(|t| t.format("%H:%M:%S").to_string());
                            Form::new(
                                FormPurpose::LogTime(of),
                                vec![Field::text(FieldLabel::Time, &shown.unwrap_or_default())],
                                0,
                            )
                        }
                    });
                }
            }
            Action::DeleteForward | Action::DeleteRemark => {
                if let Some(row) = rows.get(at) {
                    let after = super::log_entries::without(&self.session.log, row.of);
                    self.overlay = Overlay::Log(at.min(last.saturating_sub(1)));
                    return self.commit_log(after);
                }
            }
            _ => self.overlay = Overlay::Log(at),
        }
        Vec::new()
    }

    /// The log as corrected, as one undoable change.
    fn commit_log(&mut self, after: crate::model::MeetingLog) -> Vec<Effect> {
        let change = Change::Log {
            before: Box::new(self.session.log.clone()),
            after: Box::new(after),
        };
        self.commit_change(change)
    }

    /// Someone picked for attendance came in or went out, now.
    fn came_or_went(&mut self, id: &ParticipantId, now: crate::model::Timestamp) -> Vec<Effect> {
        let s = self.settings.lang.strings();
        let Some(what) = self.session.toggle_presence(id, now) else {
            return Vec::new();
        };
        let name = self
            .session
            .plan
            .participant(id)
            .map(|p| p.name.clone())
            .unwrap_or_default();
        let said = match what {
            crate::model::Presence::Arrived => s.arrived,
            crate::model::Presence::Left => s.left,
            crate::model::Presence::Online => s.online,
            crate::model::Presence::Room => s.room,
        };
        self.message = Some(format!("{name} {said} {}", now.format("%H:%M")));
        self.dirty = true;
        vec![Effect::Sync]
    }

    /// A participant was chosen: the next speaker in live mode, or the new speaker of the
    /// selected remarks in cleanup mode.
    fn pick(&mut self, id: Option<ParticipantId>, reassign: bool) -> Vec<Effect> {
        if reassign {
            return self.reassign(id);
        }
        self.session.set_speaker(id);
        self.dirty = true;
        Vec::new()
    }

    pub(super) fn update_form(
        &mut self,
        mut form: Form,
        action: Action,
        now: crate::model::Timestamp,
    ) -> Vec<Effect> {
        match action {
            Action::Cancel => return Vec::new(),
            Action::Confirm => match self.confirm_form(&form, now) {
                Ok(effects) => return effects,
                Err(message) => form.error = Some(message),
            },
            Action::NextField => form.step_focus(1),
            Action::PrevField => form.step_focus(-1),
            Action::ToggleOnline => form.toggle_focused(),
            Action::Insert(' ') if form.focused_editor().is_none() => form.toggle_focused(),
            Action::Insert(c) => {
                if let Some(e) = form.focused_editor() {
                    e.insert_char(c);
                }
            }
            Action::Paste(t) => {
                if let Some(e) = form.focused_editor() {
                    e.insert_str(&normalize_pasted(&t).replace('\n', " "));
                }
            }
            other => {
                if let Some(e) = form.focused_editor() {
                    edit_text(e, &other, usize::MAX);
                }
            }
        }
        self.overlay = Overlay::Form(form);
        Vec::new()
    }

    /// Carries out a filled-in form, or says what is wrong with it.
    fn confirm_form(
        &mut self,
        form: &Form,
        now: crate::model::Timestamp,
    ) -> Result<Vec<Effect>, String> {
        let s = self.settings.lang.strings();
        let need = |what: &str| -> String { s.required.replace("{what}", what) };
        match form.purpose {
            FormPurpose::AddParticipant { reassign } => {
                let name = form.get(FieldLabel::Name);
                if name.is_empty() {
                    return Err(need(s.form_name));
                }
                let attendance = if form.flag(FieldLabel::Attendance) {
                    Attendance::Online
                } else {
                    Attendance::Room
                };
                let honorific = Some(form.get(FieldLabel::Honorific));
                let role = form.get(FieldLabel::Role);
                if reassign {
                    let p = self
                        .session
                        .new_participant(role, name, honorific, attendance);
                    let id = p.id.clone();
                    let add = self.session.add_participant_change(p);
                    self.session.apply(&add);
                    self.outbox.push(crate::model::Edit::Apply(add.clone()));
                    let mut effects = self.reassign(Some(id));
                    // One undo takes back both the new entry and the reassignment.
                    if let Some(last) = self.history.undo.pop() {
                        self.history.undo.push(Change::Group(vec![add, last]));
                    } else {
                        self.history.undo.push(add);
                    }
                    effects.push(Effect::Sync);
                    return Ok(effects);
                }
                let id = self
                    .session
                    .add_participant(role, name, honorific, attendance);
                self.session.set_speaker(Some(id));
                self.dirty = true;
                Ok(vec![Effect::Sync])
            }
            FormPurpose::EditParticipant(index) => {
                let name = form.get(FieldLabel::Name);
                if name.is_empty() {
                    return Err(need(s.form_name));
                }
                let Some(mut p) = self.session.plan.roster.get(index).cloned() else {
                    return Ok(Vec::new());
                };
                p.role = form.get(FieldLabel::Role);
                p.name = name;
                let h = form.get(FieldLabel::Honorific);
                p.honorific = (!h.is_empty()).then_some(h);
                p.attendance = if form.flag(FieldLabel::Attendance) {
                    Attendance::Online
                } else {
                    Attendance::Room
                };
                let change = self.session.change_participant(index, p);
                Ok(change.map(|c| self.commit_change(c)).unwrap_or_default())
            }
            FormPurpose::EditMeeting => {
                let mut m = self.session.plan.meeting.clone();
                m.title = form.get(FieldLabel::Title);
                if m.title.is_empty() {
                    return Err(need(s.form_title_field));
                }
                m.date = chrono::NaiveDate::parse_from_str(&form.get(FieldLabel::Date), "%Y-%m-%d")
                    .map_err(|_| s.form_bad_date.to_owned())?;
                let time = |label| {
                    let t = form.get(label);
                    chrono::NaiveTime::parse_from_str(&t, "%H:%M")
                        .or_else(|_| chrono::NaiveTime::parse_from_str(&t, "%H:%M:%S"))
                        .map_err(|_| s.form_bad_time.to_owned())
                };
                m.start = time(FieldLabel::Start)?;
                m.end = time(FieldLabel::End)?;
                m.place = form.get(FieldLabel::Place);
                let change = self.session.change_meeting(m);
                Ok(self.commit_change(change))
            }
            FormPurpose::Decision => self.confirm_decision(form, now),
            FormPurpose::EditDecision(index) => self.confirm_decision_edit(form, index),
            FormPurpose::LogTime(of) => {
                let text: String = form.get(FieldLabel::Time).nfkc().collect();
                let time = chrono::NaiveTime::parse_from_str(&text, "%H:%M:%S")
                    .or_else(|_| chrono::NaiveTime::parse_from_str(&text, "%H:%M"))
                    .map_err(|_| s.form_bad_time.to_owned())?;
                // The same day and zone as the row had (or the meeting's day).
                let base = super::log_entries(&self.session, s)
                    .into_iter()
                    .find(|r| r.of == of)
                    .and_then(|r| r.at)
                    .unwrap_or(now);
                let at = base
                    .with_time(time)
                    .single()
                    .ok_or_else(|| s.form_bad_time.to_owned())?;
                let after = super::log_entries::retimed(&self.session.log, of, at)
                    .ok_or_else(|| s.stretch_inside_out.to_owned())?;
                Ok(self.commit_log(after))
            }
            FormPurpose::InsertRemark { before } => {
                let text = form.get(FieldLabel::Remark);
                if text.is_empty() {
                    return Err(need(s.label_remark));
                }
                let Some(id) = self.selected_remark().map(|r| r.id) else {
                    return Ok(Vec::new());
                };
                match self.session.insert_remark(id, before, text) {
                    Some(c) => {
                        let new_id = self.session.live.next_remark_id;
                        let effects = self.commit_change(c);
                        if let Some(r) = self.review.as_mut() {
                            r.selected = Some(new_id);
                        }
                        Ok(effects)
                    }
                    None => Ok(Vec::new()),
                }
            }
            FormPurpose::RemarkTime(id) => {
                use unicode_normalization::UnicodeNormalization;
                let text: String = form.get(FieldLabel::Time).nfkc().collect();
                let time = chrono::NaiveTime::parse_from_str(&text, "%H:%M:%S")
                    .or_else(|_| chrono::NaiveTime::parse_from_str(&text, "%H:%M"))
                    .map_err(|_| s.form_bad_time.to_owned())?;
                let Some(r) = self.session.remarks.iter().find(|r| r.id == id) else {
                    return Ok(Vec::new());
                };
                let at = r
                    .began
                    .with_time(time)
                    .single()
                    .ok_or_else(|| s.form_bad_time.to_owned())?;
                match self.session.retime_remark(id, at) {
                    Ok(c) => Ok(self.commit_change(c)),
                    Err((from, to)) => {
                        let t = |x: Option<crate::model::Timestamp>| {
                            x.map_or_else(|| "…".to_owned(), |t| t.format("%H:%M:%S").to_string())
                        };
                        Err(format!("{} {}–{}", s.time_between, t(from), t(to)))
                    }
                }
            }
            FormPurpose::Replace => {
                let find = form.get(FieldLabel::Find);
                if find.is_empty() {
                    return Err(need(s.label_find));
                }
                let with = form
                    .fields
                    .iter()
                    .find(|f| f.label == FieldLabel::ReplaceWith)
                    .map(|f| match &f.value {
                        super::FieldValue::Text(e) => e.text().to_owned(),
                        _ => String::new(),
                    })
                    .unwrap_or_default();
                if self.session.replacements(&find, &with).is_empty() {
                    return Err(format!("{}: {find}", s.not_found));
                }
                self.overlay = Overlay::Replace(super::ReplacePreview {
                    find,
                    with,
                    scroll: 0,
                });
                Ok(Vec::new())
            }
            FormPurpose::JumpToItem => {
                use unicode_normalization::UnicodeNormalization;
                let text: String = form.get(FieldLabel::ItemNo).nfkc().collect();
                let no = text
                    .trim()
                    .parse::<crate::model::ItemNo>()
                    .ok()
                    .filter(|n| self.session.plan.item(*n).is_some())
                    .ok_or_else(|| format!("{} {text}", s.no_such_item))?;
                if self.session.log.closed().is_some() {
                    return Err(s.meeting_is_closed.to_owned());
                }
                if self.session.switch_item(no, now) {
                    self.note_capture_state();
                    self.dirty = true;
                    return Ok(vec![Effect::Sync]);
                }
                Ok(Vec::new())
            }
            FormPurpose::Clerk { first } => {
                let name = form.get(FieldLabel::Clerk);
                if name.is_empty() {
                    return Err(need(s.label_clerk));
                }
                let mut effects = self.set_clerk(&name, now, !first);
                if first {
                    effects.push(Effect::RememberClerk(name));
                }
                Ok(effects)
            }
            FormPurpose::Observers => {
                let text: String = form.get(FieldLabel::Count).nfkc().collect();
                let count = if text.is_empty() {
                    None
                } else {
                    Some(
                        text.parse::<u32>()
                            .map_err(|_| s.form_bad_count.to_owned())?,
                    )
                };
                let mut after = self.session.log.clone();
                after.observers = count;
                Ok(self.commit_log(after))
            }
            FormPurpose::SaveAs => {
                let path = form.get(FieldLabel::Path);
                if path.is_empty() {
                    return Err(need(s.label_path));
                }
                Ok(vec![Effect::SaveAs(std::path::PathBuf::from(path))])
            }
            FormPurpose::EditItem(no) => {
                let title = form.get(FieldLabel::Title);
                if title.is_empty() {
                    return Err(need(s.form_title_field));
                }
                let detail = form.get(FieldLabel::Detail);
                let minutes = form.get(FieldLabel::Minutes);
                let minutes = if minutes.is_empty() {
                    None
                } else {
                    Some(
                        minutes
                            .parse::<u32>()
                            .ok()
                            .filter(|m| *m <= crate::model::MAX_MINUTES)
                            .ok_or_else(|| s.form_bad_minutes.to_owned())?,
                    )
                };
                let public = form.flag(FieldLabel::Public);
                let change = self.session.change_agenda_item(no, |i| {
                    i.title = title;
                    i.detail = (!detail.is_empty()).then_some(detail);
                    i.public = public;
                    i.minutes = minutes;
                });
                // Closing an item closes its parts, in the same undoable change.
                let parts: Vec<crate::model::ItemNo> = self
                    .session
                    .plan
                    .agenda
                    .iter()
                    .filter(|p| p.part_of == Some(no) && p.public && !public)
                    .map(|p| p.no)
                    .collect();
                let mut changes: Vec<Change> = change.into_iter().collect();
                changes.extend(
                    parts
                        .into_iter()
                        .filter_map(|p| self.session.change_agenda_item(p, |i| i.public = false)),
                );
                let change = match changes.len() {
                    0 => return Ok(Vec::new()),
                    1 => changes.remove(0),
                    _ => Change::Group(changes),
                };
                Ok(self.commit_change(change))
            }
        }
    }

    /// The form to correct roster entry `index`.
    pub fn participant_form(&self, index: usize) -> Option<Form> {
        let p = self.session.plan.roster.get(index)?;
        let fields = vec![
            Field::text(FieldLabel::Role, &p.role),
            Field::text(FieldLabel::Name, &p.name),
            Field::text(FieldLabel::Honorific, p.honorific.as_deref().unwrap_or("")),
            Field::toggle(FieldLabel::Attendance, p.attendance == Attendance::Online),
        ];
        Some(Form::new(FormPurpose::EditParticipant(index), fields, 1))
    }

    pub fn meeting_form(&self) -> Form {
        let m = &self.session.plan.meeting;
        let fields = vec![
            Field::text(FieldLabel::Title, &m.title),
            Field::text(FieldLabel::Date, &m.date.format("%Y-%m-%d").to_string()),
            Field::text(FieldLabel::Start, &m.start.format("%H:%M").to_string()),
            Field::text(FieldLabel::End, &m.end.format("%H:%M").to_string()),
            Field::text(FieldLabel::Place, &m.place),
        ];
        Form::new(FormPurpose::EditMeeting, fields, 0)
    }

    pub fn item_form(&self, no: crate::model::ItemNo) -> Option<Form> {
        let item = self.session.plan.item(no)?;
        let fields = vec![
            Field::text(FieldLabel::Title, &item.title),
            Field::text(FieldLabel::Detail, item.detail.as_deref().unwrap_or("")),
            Field::toggle(FieldLabel::Public, item.public),
            Field::text(
                FieldLabel::Minutes,
                &item.minutes.map(|m| m.to_string()).unwrap_or_default(),
            ),
        ];
        Some(Form::new(FormPurpose::EditItem(no), fields, 0))
    }
}

impl App {
    /// The decision form's Enter: the current item's decision is logged, or the form says
    /// what is wrong with the votes or the date.
    fn confirm_decision(
        &mut self,
        form: &Form,
        now: crate::model::Timestamp,
    ) -> Result<Vec<Effect>, String> {
        let s = self.settings.lang.strings();
        let d = read_decision(form, s)?;
        let said = match &d.method {
            Some(m) => format!("{} {}（{m}）", s.decided, d.result),
            None => format!("{} {}", s.decided, d.result),
        };
        self.session
            .decide(d.result, d.method, d.votes, d.actions, now);
        self.message = Some(said);
        self.dirty = true;
        Ok(vec![Effect::Sync])
    }

    /// Cleanup's decision form: decision `index` as corrected, one undoable change.
    fn confirm_decision_edit(&mut self, form: &Form, index: usize) -> Result<Vec<Effect>, String> {
        let s = self.settings.lang.strings();
        let read = read_decision(form, s)?;
        let mut after = self.session.log.clone();
        let Some(d) = after.decisions.get_mut(index) else {
            return Ok(Vec::new());
        };
        let time: String = form.get(FieldLabel::Time).nfkc().collect();
        let time = chrono::NaiveTime::parse_from_str(&time, "%H:%M:%S")
            .or_else(|_| chrono::NaiveTime::parse_from_str(&time, "%H:%M"))
            .map_err(|_| s.form_bad_time.to_owned())?;
        d.at =
            d.at.with_time(time)
                .single()
                .ok_or_else(|| s.form_bad_time.to_owned())?;
        d.result = read.result;
        d.method = read.method;
        d.votes = read.votes;
        d.actions = read.actions;
        Ok(self.commit_log(after))
    }
}

/// What the decision form says, read and checked.
struct ReadDecision {
    result: String,
    method: Option<String>,
    votes: Option<crate::model::Votes>,
    actions: Vec<crate::model::ActionItem>,
}

fn read_decision(form: &Form, s: &crate::i18n::Strings) -> Result<ReadDecision, String> {
    let result = form.get(FieldLabel::Result);
    if result.is_empty() {
        return Err(s.form_bad_result.to_owned());
    }
    let method = Some(form.get(FieldLabel::Method)).filter(|m| !m.is_empty());
    // What an input method types (５ ２ １, ２０２６－０９－３０) reads as the digits it is.
    let wide = |label| -> String { form.get(label).nfkc().collect() };
    let votes = parse_votes(&wide(FieldLabel::Votes)).map_err(|()| s.form_bad_votes.to_owned())?;
    let what = form.get(FieldLabel::ActionItem);
    let who = Some(form.get(FieldLabel::Responsible)).filter(|w| !w.is_empty());
    let due = wide(FieldLabel::Due);
    let due = if due.is_empty() {
        None
    } else {
        Some(
            chrono::NaiveDate::parse_from_str(&due, "%Y-%m-%d")
                .map_err(|_| s.form_bad_due.to_owned())?,
        )
    };
    if what.is_empty() && (who.is_some() || due.is_some()) {
        return Err(s.form_bad_action.to_owned());
    }
    let actions = if what.is_empty() {
        Vec::new()
    } else {
        vec![crate::model::ActionItem { what, who, due }]
    };
    Ok(ReadDecision {
        result,
        method,
        votes,
        actions,
    })
}

/// `5 2 1`, `5-2`, `賛成5 反対2 棄権1`: yes, no and abstain, in that order; nothing for an
/// empty field; an error when there is text but not two or three numbers.
fn parse_votes(text: &str) -> Result<Option<crate::model::Votes>, ()> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let numbers: Vec<u32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .map(|n| n.parse().map_err(|_| ()))
        .collect::<Result<_, _>>()?;
    match numbers[..] {
        [yes, no] => Ok(Some(crate::model::Votes {
            yes,
            no,
            abstain: 0,
        })),
        [yes, no, abstain] => Ok(Some(crate::model::Votes { yes, no, abstain })),
        _ => Err(()),
    }
}

impl FieldValue {
    /// The value as shown in a form.
    pub fn display(&self, label: FieldLabel, s: &crate::i18n::Strings) -> String {
        match (self, label) {
            (FieldValue::Text(e), _) => e.text().to_owned(),
            // The arrows say Space moves on through the list.
            (FieldValue::Choice(options, at), _) => {
                format!("◀ {} ▶", options.get(*at).map_or("", String::as_str))
            }
            (FieldValue::Toggle(on), FieldLabel::Attendance) => {
                (if *on { s.online } else { s.room }).to_owned()
            }
            (FieldValue::Toggle(on), _) => (if *on {
                s.public_word
            } else {
                s.non_public_word
            })
            .to_owned(),
        }
    }
}
