//! Cleanup keys that arrange the record: o / O insert a missed remark after or before the
//! selected one, T corrects its time, A-Up / A-Down move it within its item, F replaces words
//! everywhere after a preview of each match.

use crate::app::{App, Effect, Field, FieldLabel, Form, FormPurpose, Overlay};

/// A replacement waiting for Enter, with its preview scrolled this far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplacePreview {
    pub find: String,
    pub with: String,
    pub scroll: usize,
}

impl App {
    pub(in crate::app) fn insert_form(&mut self, before: bool) {
        if self.selected_remark().is_some() {
            self.overlay = Overlay::Form(Form::new(
                FormPurpose::InsertRemark { before },
                vec![Field::text(FieldLabel::Remark, "")],
                0,
            ));
        }
    }

    pub(in crate::app) fn time_form(&mut self) {
        if let Some(r) = self.selected_remark() {
            let id = r.id;
            let shown = r.began.format("%H:%M:%S").to_string();
            self.overlay = Overlay::Form(Form::new(
                FormPurpose::RemarkTime(id),
                vec![Field::text(FieldLabel::Time, &shown)],
                0,
            ));
        }
    }

    pub(in crate::app) fn replace_form(&mut self) {
        self.overlay = Overlay::Form(Form::new(
            FormPurpose::Replace,
            vec![
                Field::text(FieldLabel::Find, ""),
                Field::text(FieldLabel::ReplaceWith, ""),
            ],
            0,
        ));
    }

    pub(in crate::app) fn move_within_item(&mut self, up: bool) -> Vec<Effect> {
        let Some(id) = self.selected_remark().map(|r| r.id) else {
            return Vec::new();
        };
        match self.session.move_remark(id, up) {
            Some(c) => self.commit_change(c),
            None => {
                self.message = Some(self.settings.lang.strings().no_more.to_owned());
                Vec::new()
            }
        }
    }

    /// The preview of a replacement: Up and Down scroll, Enter makes every change as one
    /// (u takes it back), Esc leaves everything as it was.
    pub(in crate::app) fn update_replace(
        &mut self,
        preview: ReplacePreview,
        action: crate::app::Action,
    ) -> Vec<Effect> {
        use crate::app::Action;
        match action {
            Action::Cancel => {}
            Action::SelectNext => {
                self.overlay = Overlay::Replace(ReplacePreview {
                    scroll: preview.scroll + 1,
                    ..preview
                });
            }
            Action::SelectPrev => {
                self.overlay = Overlay::Replace(ReplacePreview {
                    scroll: preview.scroll.saturating_sub(1),
                    ..preview
                });
            }
            Action::Confirm => {
                if let Some(c) = self.session.replace_all(&preview.find, &preview.with) {
                    let n = self
                        .session
                        .replacements(&preview.find, &preview.with)
                        .len();
                    let s = self.settings.lang.strings();
                    self.message = Some(format!("{} {n}", s.replaced));
                    return self.commit_change(c);
                }
            }
            _ => self.overlay = Overlay::Replace(preview),
        }
        Vec::new()
    }
}
