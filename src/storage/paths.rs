use std::path::{Path, PathBuf};

use crate::model::Plan;

/// `<session>.lock`, beside the session file.
pub fn lock_path(session: &Path) -> PathBuf {
    let mut name = session.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// `<session>.recovery`: written if kiroku panics, offered by `kiroku open`.
pub fn recovery_path(session: &Path) -> PathBuf {
    let mut name = session.as_os_str().to_owned();
    name.push(".recovery");
    PathBuf::from(name)
}

/// `DIR/2026-07-03-第3回-北町デジタル推進会議.ron`, with `-2`, `-3` … added if taken.
pub fn default_session_path(dir: &Path, plan: &Plan) -> PathBuf {
    let title: String = plan
        .meeting
        .title
        .chars()
        .map(|c| {
            if c.is_whitespace() || "/\\:*?\"<>|".contains(c) {
                '-'
            } else {
                c
            }
        })
        .collect();
    let stem = format!("{}-{}", plan.meeting.date.format("%Y-%m-%d"), title);
    let mut path = dir.join(format!("{stem}.ron"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{stem}-{n}.ron"));
        n += 1;
    }
    path
}
