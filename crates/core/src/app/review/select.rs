//! Cleanup: which remark is selected, and moving the selection in reading order.

use super::display_order;
use crate::app::App;
use crate::model::{RemarkId, Session};
use std::collections::BTreeSet;

impl App {
    /// Position of the selection in reading order.
    pub(in crate::app) fn selected_pos(&self, order: &[usize]) -> Option<usize> {
        let id = self.review.as_ref()?.selected?;
        order.iter().position(|&i| self.session.remarks[i].id == id)
    }

    pub(in crate::app) fn select_index(&mut self, index: usize) {
        let id = self.session.remarks.get(index).map(|r| r.id);
        if let Some(r) = &mut self.review {
            r.selected = id;
        }
    }

    /// Moves the selection `step` remarks in reading order, stopping at the ends.
    pub(in crate::app) fn select_step(&mut self, step: isize) {
        let order = display_order(&self.session);
        if order.is_empty() {
            return;
        }
        let pos = self.selected_pos(&order).unwrap_or(0) as isize;
        let target = (pos + step).clamp(0, order.len() as isize - 1) as usize;
        self.select_index(order[target]);
    }

    /// Selects the next (or previous) remark in reading order that satisfies `pred`.
    pub(in crate::app) fn select_where(
        &mut self,
        forward: bool,
        pred: impl Fn(&Session, usize) -> bool,
    ) -> bool {
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

    /// After a delete or an undo the selected remark may be gone: select its neighbour.
    pub(in crate::app) fn keep_selection_valid(&mut self) {
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

    pub(in crate::app) fn peek_prev(&self) -> Option<usize> {
        let order = display_order(&self.session);
        let pos = self.selected_pos(&order)?;
        pos.checked_sub(1).map(|p| order[p])
    }

    pub fn selected_remark(&self) -> Option<&crate::model::Remark> {
        let id = self.review.as_ref()?.selected?;
        self.session.remarks.iter().find(|r| r.id == id)
    }
}
