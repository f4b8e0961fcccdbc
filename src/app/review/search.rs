//! Cleanup: searching text and speakers as the query is typed.

use super::{display_order, matches_query};
use crate::app::update::edit_text;
use crate::app::{Action, App};
use crate::editor::{Editor, normalize_pasted};

impl App {
    pub(in crate::app) fn update_search(&mut self, query: &mut Editor, action: Action) {
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
                        edit_text(query, o, usize::MAX);
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
