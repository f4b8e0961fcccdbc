//! Cleanup: editing the selected remark's text in place, and splitting it at the cursor.

use crate::app::update::edit_text;
use crate::app::{Action, App, Effect};
use crate::editor::{Editor, normalize_pasted};
use crate::model::{Change, INAUDIBLE};

impl App {
    pub(in crate::app) fn update_review_edit(
        &mut self,
        editor: &mut Editor,
        action: Action,
    ) -> Vec<Effect> {
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
                edit_text(editor, &other, width);
                keep(self, editor);
            }
        }
        Vec::new()
    }
}
