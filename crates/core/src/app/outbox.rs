//! Turning what an update step did into journal edits. Cleanup changes are recorded where
//! they are made; live-mode steps are compared before and after, which costs a few small
//! clones and cannot forget a path.

use super::App;
use crate::model::{Change, Edit, LiveState, MeetingLog, Remark};

/// What live mode can change, as it was before a step.
pub(super) struct Probe {
    remarks: usize,
    last: Option<Remark>,
    roster: usize,
    log: MeetingLog,
    live: LiveState,
}

impl Probe {
    pub(super) fn take(app: &App) -> Self {
        Self {
            remarks: app.session.remarks.len(),
            last: app.session.remarks.last().cloned(),
            roster: app.session.plan.roster.len(),
            log: app.session.log.clone(),
            live: without_draft(&app.session.live),
        }
    }

    /// Appends to `app.outbox` the edits that turn the session as it was into what it is.
    /// `false` when the remarks changed in a way live mode never changes them: no edit can
    /// say it, so the caller folds the whole session into its file instead.
    pub(super) fn emit(self, app: &mut App) -> bool {
        let mut said = true;
        let s = &app.session;
        let mut out = Vec::new();
        for p in s.plan.roster.iter().skip(self.roster) {
            out.push(Edit::AddParticipant(p.clone()));
        }
        match s.remarks.len() {
            n if n == self.remarks + 1 => {
                if let Some(r) = s.remarks.last() {
                    out.push(Edit::Append(r.clone()));
                }
            }
            n if n + 1 == self.remarks => out.push(Edit::Pop),
            n if n == self.remarks => {
                if let (Some(before), Some(after)) = (self.last, s.remarks.last())
                    && &before != after
                {
                    out.push(Edit::Apply(Change::Remarks {
                        index: n - 1,
                        removed: vec![before],
                        inserted: vec![after.clone()],
                        next_id: (s.live.next_remark_id, s.live.next_remark_id),
                    }));
                }
            }
            // Live mode adds or takes back one remark a step: anything else is a bug, which
            // the tests are to catch; in use, nothing of it may be lost.
            n => {
                debug_assert!(
                    false,
                    "live mode went from {} remarks to {n} in one step",
                    self.remarks
                );
                said = false;
            }
        }
        if s.log != self.log {
            out.push(Edit::Log(s.log.clone()));
        }
        if without_draft(&s.live) != self.live {
            out.push(Edit::Live(without_draft(&s.live)));
        }
        app.outbox.extend(out);
        said
    }
}

pub(super) fn without_draft(live: &LiveState) -> LiveState {
    LiveState {
        draft: None,
        ..live.clone()
    }
}
