//! Who takes the record down: set once (asked at the start when nothing names them), and
//! handed over (交代) with A-h. Both go to the journal at once, in live mode and in cleanup.

use super::{App, Effect, FieldLabel, Form, FormPurpose, Overlay};
use crate::model::{Edit, Timestamp};

impl Form {
    /// The clerk's name: the first time (`first`), or the one who takes over.
    pub fn clerk(first: bool) -> Self {
        Self::new(
            FormPurpose::Clerk { first },
            vec![super::Field::text(FieldLabel::Clerk, "")],
            0,
        )
    }
}

impl App {
    /// Asks who takes the record down, before anything else.
    pub fn ask_clerk(&mut self) {
        self.overlay = Overlay::Form(Form::clerk(true));
    }

    /// `name` records from now on: the session's first clerk, or a 交代 from the one before
    /// (`handover`: A-h, a 交代 even when nobody was named before).
    pub(super) fn set_clerk(&mut self, name: &str, now: Timestamp, handover: bool) -> Vec<Effect> {
        let name = name.trim();
        let before = self.session.log.clone();
        match self.session.live.clerk.clone().as_deref() {
            _ if name.is_empty() => return Vec::new(),
            // A-h with nobody named yet is still a 交代, from an unknown clerk.
            None if handover => {
                self.session.hand_over(name, now);
            }
            None => self.session.live.clerk = Some(name.to_owned()),
            // Opened for cleanup, or after the meeting: who is on changes, and no 交代 is
            // logged in the meeting's own record.
            Some(c)
                if c != name && (self.review.is_some() || self.session.log.closed().is_some()) =>
            {
                self.session.live.clerk = Some(name.to_owned());
            }
            Some(c) if c != name => {
                self.session.hand_over(name, now);
                let s = self.settings.lang.strings();
                self.message = Some(format!("{} {c} → {name}", s.handed_over));
            }
            Some(_) => {
                self.message = Some(format!(
                    "{} {name}",
                    self.settings.lang.strings().already_on
                ));
                return Vec::new();
            }
        }
        self.outbox
            .push(Edit::Live(super::outbox::without_draft(&self.session.live)));
        if self.session.log != before {
            self.outbox.push(Edit::Log(self.session.log.clone()));
        }
        self.dirty = true;
        vec![Effect::Sync]
    }
}
