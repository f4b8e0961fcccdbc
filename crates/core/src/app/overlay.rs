//! The overlays: the help list, the speaker picker, and the forms (adding a participant, and in
//! cleanup mode correcting a participant, the meeting header or an agenda item).

use crate::editor::Editor;
use crate::model::{ItemNo, Session};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Overlay {
    #[default]
    None,
    /// The help list, scrolled down by this many rows.
    Help(usize),
    Picker(Picker),
    Form(Form),
    /// The stock phrases, this one selected.
    Phrases(usize),
    /// Cleanup: the meeting log's rows, this one selected.
    Log(usize),
    /// Cleanup: the selected remark as kept and its other versions from a merge, this one
    /// selected.
    Versions(usize),
    /// Cleanup: a replacement's preview, waiting for Enter.
    Replace(super::ReplacePreview),
}

/// What a picked participant is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PickerPurpose {
    /// Live mode: the next remark's speaker.
    #[default]
    Speaker,
    /// Cleanup mode: the speaker of the selected (or marked) remarks.
    Reassign,
    /// Live mode: someone who came in or went out.
    Attendance,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Picker {
    pub query: Editor,
    pub selected: usize,
    pub purpose: PickerPurpose,
}

impl Picker {
    pub fn new(purpose: PickerPurpose) -> Self {
        Self {
            purpose,
            ..Self::default()
        }
    }

    /// Indices into the roster of the participants matching the query.
    pub fn matches(&self, session: &Session) -> Vec<usize> {
        session
            .plan
            .roster
            .iter()
            .enumerate()
            .filter(|(_, p)| p.matches(self.query.text()))
            .map(|(i, _)| i)
            .collect()
    }
}

/// What a form's fields are called; the words come from the interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldLabel {
    Role,
    Name,
    Honorific,
    Attendance,
    Title,
    Date,
    Start,
    End,
    Place,
    Detail,
    Public,
    Minutes,
    Path,
    Result,
    Method,
    Votes,
    ActionItem,
    Responsible,
    Due,
    Time,
    Count,
    Clerk,
    ItemNo,
    Remark,
    Find,
    ReplaceWith,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    Text(Editor),
    /// Flipped with Space (or the form's toggle key).
    Toggle(bool),
    /// One of a list, stepped through with Space: `(options, chosen)`.
    Choice(Vec<String>, usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: FieldLabel,
    pub value: FieldValue,
}

impl Field {
    pub fn text(label: FieldLabel, value: &str) -> Self {
        Self {
            label,
            value: FieldValue::Text(Editor::new(value)),
        }
    }

    pub fn toggle(label: FieldLabel, on: bool) -> Self {
        Self {
            label,
            value: FieldValue::Toggle(on),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormPurpose {
    /// Someone not on the roster; in cleanup mode they also become the selected remarks'
    /// speaker.
    AddParticipant {
        reassign: bool,
    },
    /// Correct roster entry `index`.
    EditParticipant(usize),
    EditMeeting,
    EditItem(ItemNo),
    /// Save to another path after a storage error.
    SaveAs,
    /// What the current item decided.
    Decision,
    /// Cleanup: the time of a row of the meeting log.
    LogTime(super::LogRef),
    /// Cleanup: decision `n` of the log, corrected.
    EditDecision(usize),
    /// Cleanup: how many members of the public watched.
    Observers,
    /// Who records: the first time (also kept for next time), or a 交代.
    Clerk {
        first: bool,
    },
    /// Live: go to the agenda item with this number.
    JumpToItem,
    /// Cleanup: a missed remark, inserted before or after the selected one.
    InsertRemark {
        before: bool,
    },
    /// Cleanup: the time remark N began.
    RemarkTime(crate::model::RemarkId),
    /// Cleanup: words to replace everywhere, previewed first.
    Replace,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub purpose: FormPurpose,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Why the last Enter was refused.
    pub error: Option<String>,
}

impl Form {
    pub fn new(purpose: FormPurpose, fields: Vec<Field>, focus: usize) -> Self {
        Self {
            purpose,
            fields,
            focus,
            error: None,
        }
    }

    /// The add-participant form, with what was typed in the picker as the name.
    pub fn add_participant(name: &str, reassign: bool) -> Self {
        let fields = vec![
            Field::text(FieldLabel::Role, ""),
            Field::text(FieldLabel::Name, name),
            Field::text(FieldLabel::Honorific, ""),
            Field::toggle(FieldLabel::Attendance, false),
        ];
        let focus = usize::from(!name.is_empty());
        Self::new(FormPurpose::AddParticipant { reassign }, fields, focus)
    }

    /// Save-as, suggesting a name beside the current file.
    pub fn save_as(current: &std::path::Path) -> Self {
        let suggestion = crate::storage::SessionFiles::new(current).rescued();
        let fields = vec![Field::text(FieldLabel::Path, &suggestion.to_string_lossy())];
        Self::new(FormPurpose::SaveAs, fields, 0)
    }

    /// The decision form: the result and the method chosen from lists, then the votes, and
    /// one action item with who and by when.
    pub fn decision(results: Vec<String>) -> Self {
        let methods = std::iter::once(String::new())
            .chain(
                crate::model::DECISION_METHODS
                    .iter()
                    .map(|m| (*m).to_owned()),
            )
            .collect();
        let fields = vec![
            Field {
                label: FieldLabel::Result,
                value: FieldValue::Choice(results, 0),
            },
            Field {
                label: FieldLabel::Method,
                value: FieldValue::Choice(methods, 0),
            },
            Field::text(FieldLabel::Votes, ""),
            Field::text(FieldLabel::ActionItem, ""),
            Field::text(FieldLabel::Responsible, ""),
            Field::text(FieldLabel::Due, ""),
        ];
        Self::new(FormPurpose::Decision, fields, 0)
    }

    /// The decision form filled with decision `index` as recorded, for cleanup.
    pub fn edit_decision(
        mut results: Vec<String>,
        d: &crate::model::Decision,
        index: usize,
    ) -> Self {
        let mut form = Self::decision(Vec::new());
        if !results.contains(&d.result) {
            results.push(d.result.clone());
        }
        let at = results.iter().position(|r| r == &d.result).unwrap_or(0);
        form.fields[0].value = FieldValue::Choice(results, at);
        if let FieldValue::Choice(methods, chosen) = &mut form.fields[1].value {
            let method = d.method.clone().unwrap_or_default();
            if !methods.contains(&method) {
                methods.push(method.clone());
            }
            *chosen = methods.iter().position(|m| m == &method).unwrap_or(0);
        }
        let votes = d
            .votes
            .map(|v| format!("{} {} {}", v.yes, v.no, v.abstain))
            .unwrap_or_default();
        let first = d.actions.first();
        let texts = [
            votes,
            first.map(|a| a.what.clone()).unwrap_or_default(),
            first.and_then(|a| a.who.clone()).unwrap_or_default(),
            first
                .and_then(|a| a.due)
                .map(|due| due.to_string())
                .unwrap_or_default(),
        ];
        for (field, text) in form.fields[2..].iter_mut().zip(texts) {
            field.value = FieldValue::Text(Editor::new(text));
        }
        form.fields.push(Field::text(
            FieldLabel::Time,
            &d.at.format("%H:%M:%S").to_string(),
        ));
        form.purpose = FormPurpose::EditDecision(index);
        form
    }

    pub fn focused_editor(&mut self) -> Option<&mut Editor> {
        match &mut self.fields.get_mut(self.focus)?.value {
            FieldValue::Text(e) => Some(e),
            FieldValue::Toggle(_) | FieldValue::Choice(..) => None,
        }
    }

    pub fn toggle_focused(&mut self) {
        match self.fields.get_mut(self.focus).map(|f| &mut f.value) {
            Some(FieldValue::Toggle(on)) => *on = !*on,
            Some(FieldValue::Choice(options, at)) => *at = (*at + 1) % options.len().max(1),
            _ => {}
        }
    }

    pub fn step_focus(&mut self, step: isize) {
        let n = self.fields.len().max(1) as isize;
        self.focus = (self.focus as isize + step).rem_euclid(n) as usize;
    }

    /// The trimmed text of the field labelled `label`.
    pub fn get(&self, label: FieldLabel) -> String {
        self.fields
            .iter()
            .find(|f| f.label == label)
            .map(|f| match &f.value {
                FieldValue::Text(e) => e.text().trim().to_owned(),
                FieldValue::Toggle(on) => on.to_string(),
                FieldValue::Choice(options, at) => options.get(*at).cloned().unwrap_or_default(),
            })
            .unwrap_or_default()
    }

    pub fn flag(&self, label: FieldLabel) -> bool {
        self.fields
            .iter()
            .any(|f| f.label == label && f.value == FieldValue::Toggle(true))
    }
}
