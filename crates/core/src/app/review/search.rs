//! Cleanup: searching text and speakers as the query is typed.

use super::{display_order, matches_query};
use crate::app::update::edit_text;
use crate::app::{Action, App};
use crate::editor::{Editor, normalize_pasted};

impl App {
    /// Selects the next (or previous) remark matching `query`, going round past the end, and
    /// says which match of how many it is, that it went round, or that nothing matches.
    pub(in crate::app) fn search_step(&mut self, query: &str, forward: bool) {
        let s = self.settings.lang.strings();
        let order = display_order(&self.session);
        let hits: Vec<usize> = (0..order.len())
            .filter(|&p| matches_query(&self.session, order[p], query))
            .collect();
        if query.is_empty() {
            return;
        }
        if hits.is_empty() {
            self.message = Some(format!("{}: {query}", s.not_found));
            return;
        }
        let pos = self.selected_pos(&order);
        let next = match (forward, pos) {
            (true, Some(p)) => hits.iter().position(|&h| h > p),
            (false, Some(p)) => hits.iter().rposition(|&h| h < p),
            (_, None) => Some(0),
        };
        let (k, wrapped) = match next {
            Some(k) => (k, false),
            None if forward => (0, true),
            None => (hits.len() - 1, true),
        };
        self.select_index(order[hits[k]]);
        self.message = Some(self.match_count(k + 1, hits.len(), wrapped));
    }

    fn match_count(&self, k: usize, n: usize, wrapped: bool) -> String {
        let s = self.settings.lang.strings();
        let count = match self.settings.lang {
            crate::i18n::Lang::Ja => format!("{k}/{n}件"),
            crate::i18n::Lang::En => format!("{k} of {n}"),
        };
        if wrapped {
            format!("{count} {}", s.search_wrapped)
        } else {
            count
        }
    }

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
                self.search_step(query.text(), true);
            }
            Action::SearchPrev | Action::SelectPrev => {
                keep(self, query);
                self.search_step(query.text(), false);
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
                let total = order
                    .iter()
                    .filter(|&&i| matches_query(&self.session, i, &q))
                    .count();
                match hit {
                    Some(&i) => {
                        self.select_index(i);
                        let k = order
                            .iter()
                            .filter(|&&j| matches_query(&self.session, j, &q))
                            .position(|&j| j == i)
                            .map_or(1, |p| p + 1);
                        self.message = Some(self.match_count(k, total, false));
                    }
                    None if !q.is_empty() => {
                        let s = self.settings.lang.strings();
                        self.message = Some(format!("{}: {q}", s.not_found));
                    }
                    None => {}
                }
            }
        }
    }
}
