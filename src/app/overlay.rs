//! The overlays of live mode: the help list, the speaker picker and the add-participant form.

use crate::editor::Editor;
use crate::model::Session;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Overlay {
    #[default]
    None,
    /// The help list, scrolled down by this many rows.
    Help(usize),
    Picker(Picker),
    Form(Form),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Picker {
    pub query: Editor,
    pub selected: usize,
}

impl Picker {
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormField {
    Role,
    Name,
    Honorific,
    Attendance,
}

impl FormField {
    pub const ALL: [FormField; 4] = [
        FormField::Role,
        FormField::Name,
        FormField::Honorific,
        FormField::Attendance,
    ];
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub role: Editor,
    pub name: Editor,
    pub honorific: Editor,
    pub online: bool,
    pub focus: FormField,
}

impl Form {
    /// A form with the picker's query as the name, since that is usually what was typed.
    pub fn with_name(name: &str) -> Self {
        Self {
            role: Editor::default(),
            name: Editor::new(name),
            honorific: Editor::default(),
            online: false,
            focus: if name.is_empty() {
                FormField::Role
            } else {
                FormField::Name
            },
        }
    }

    pub fn focused_editor(&mut self) -> Option<&mut Editor> {
        match self.focus {
            FormField::Role => Some(&mut self.role),
            FormField::Name => Some(&mut self.name),
            FormField::Honorific => Some(&mut self.honorific),
            FormField::Attendance => None,
        }
    }

    pub fn step_focus(&mut self, step: isize) {
        let i = FormField::ALL
            .iter()
            .position(|f| *f == self.focus)
            .unwrap_or(0) as isize;
        let n = FormField::ALL.len() as isize;
        self.focus = FormField::ALL[(i + step).rem_euclid(n) as usize];
    }
}
