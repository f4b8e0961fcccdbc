//! The two promises, checked over the whole program rather than one module: random meetings
//! of live and cleanup keys, pastes, crashes and reopenings, recorded into a real session
//! file and journal, then read back by the same code `kiroku export` and `kiroku check` run.
//!
//! Every piece of text typed carries a canary word (`Q17Z`). What the test itself saw while
//! typing decides what each canary may do:
//! - typed (or sitting in the input box) while the record was off or a closed item was
//!   current: it must appear in no public export, nor on the export's standard error, unless
//!   `P` later released the remark holding it;
//! - committed with no speaker (a clerk's note): the same, unless released or given a
//!   speaker;
//! - committed and never touched by cleanup: it must appear in the public minutes when none
//!   of the above applies, and every committed canary must be in what any reader reads, even
//!   straight after a crash.
//!
//! `PROPTEST_CASES=2000 cargo test --release --test promises` runs a long series.

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use common::{app_with, at};
use kiroku::app::{Action, App, KeyChord};
use kiroku::commands::{ExportRequest, export_bytes};
use kiroku::export::{Audience, Format};
use kiroku::i18n::Lang;
use kiroku::model::{Session, Timestamp};
use kiroku::recorder::Recorder;
use kiroku::storage::Store;
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Step {
    /// Live: speaker key, A-n, Tab.
    Speaker(u8),
    NoSpeaker,
    SwapSpeaker,
    /// Live: a canary typed key by key, or pasted.
    Type {
        paste: bool,
    },
    Enter,
    OffRecord,
    NextItem,
    PrevItem,
    UndoCommit,
    /// C-t: "check later" on the input, or (input empty) on the last remark.
    CheckLater,
    /// C-f, a name nobody has, Enter twice: someone new joins and becomes the speaker.
    AddSpeaker,
    /// The meeting's own events: A-o (開会), A-r (休憩/再開), A-c (閉会, or taking it back).
    Proceeding(u8),
    /// A-a, the n-th of the roster, Enter: someone comes in or goes out.
    Attendance(u8),
    /// A-a, the n-th of the roster, A-o: someone switches between the room and online.
    Place(u8),
    /// A-d, the n-th result, Enter: the current item's decision.
    Decide(u8),
    /// A-, the remark being typed began five seconds earlier, n times.
    Earlier(u8),
    /// Time passes: the recorder's clock runs (draft journaling, syncs, full saves).
    Wait(u8),
    /// Into cleanup, a few keys there, and back.
    Cleanup(Vec<Clean>),
    /// kill -9: nothing more is written; the session is opened again as `kiroku open` does.
    Crash,
    /// C-q, then `kiroku open`.
    QuitReopen,
}

#[derive(Debug, Clone)]
enum Clean {
    Up(u8),
    Down(u8),
    Mark,
    MoveNext,
    MovePrev,
    Merge,
    /// Split at the n-th word boundary.
    Split(u8),
    /// Append a new canary to the selected remark's text.
    Edit,
    Flag,
    Release,
    Reassign(u8),
    /// Reassign to someone new, added through the picker's form.
    AddSpeaker,
    NoSpeaker,
    Undo,
    Redo,
    Delete,
    ClearMarks,
    /// A-Up / A-Down: the selected remark trades places and times with its neighbour.
    MoveUp,
    MoveDown,
    /// T: the selected remark began this many seconds earlier (it may land in a stretch).
    Retime(u8),
}

fn clean() -> impl Strategy<Value = Clean> {
    prop_oneof![
        3 => (1u8..4).prop_map(Clean::Up),
        2 => (1u8..4).prop_map(Clean::Down),
        2 => Just(Clean::Mark),
        2 => Just(Clean::MoveNext),
        2 => Just(Clean::MovePrev),
        2 => Just(Clean::Merge),
        2 => (1u8..6).prop_map(Clean::Split),
        1 => Just(Clean::Edit),
        3 => Just(Clean::Flag),
        3 => Just(Clean::Release),
        2 => (1u8..6).prop_map(Clean::Reassign),
        1 => Just(Clean::AddSpeaker),
        1 => Just(Clean::NoSpeaker),
        3 => Just(Clean::Undo),
        2 => Just(Clean::Redo),
        1 => Just(Clean::Delete),
        1 => Just(Clean::ClearMarks),
        2 => Just(Clean::MoveUp),
        2 => Just(Clean::MoveDown),
        2 => (1u8..40).prop_map(Clean::Retime),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (1u8..7).prop_map(Step::Speaker),
        1 => Just(Step::NoSpeaker),
        1 => Just(Step::SwapSpeaker),
        10 => any::<bool>().prop_map(|paste| Step::Type { paste }),
        7 => Just(Step::Enter),
        3 => Just(Step::OffRecord),
        3 => Just(Step::NextItem),
        2 => Just(Step::PrevItem),
        3 => Just(Step::UndoCommit),
        2 => Just(Step::CheckLater),
        1 => Just(Step::AddSpeaker),
        2 => (0u8..3).prop_map(Step::Proceeding),
        2 => (0u8..7).prop_map(Step::Attendance),
        1 => (0u8..7).prop_map(Step::Place),
        2 => (0u8..5).prop_map(Step::Decide),
        1 => (1u8..4).prop_map(Step::Earlier),
        2 => (1u8..4).prop_map(Step::Wait),
        3 => proptest::collection::vec(clean(), 1..8).prop_map(Step::Cleanup),
        1 => Just(Step::Crash),
        1 => Just(Step::QuitReopen),
    ]
}

/// What the test knows of one canary, from watching it typed.
#[derive(Debug, Default, Clone)]
struct Fate {
    /// In the input box while the record was off or a closed item was current.
    captured_non_public: bool,
    /// Committed with no speaker and not given one since.
    note: bool,
    /// `P` was pressed on a remark holding it.
    released: bool,
    /// A cleanup key changed the remark holding it (flag, move, reassign, undo …).
    touched: bool,
    /// In a remark (committed and not taken back or deleted).
    committed: bool,
}

/// Every `Q<digits>Z` in `text`.
fn canaries(text: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find('Q') {
        rest = &rest[i + 1..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty() && rest[digits.len()..].starts_with('Z') {
            out.push(digits.parse().unwrap());
        }
    }
    out
}

/// The state of the remark holding each canary: what a cleanup key may have changed.
/// The remark's id is part of it: a split moves canaries into a new remark that carries the
/// old one's state, text typed on the record among it. So are its times: moved in time, it
/// takes the state of the time it moves to.
type Holder = (u64, bool, Option<String>, u32, bool, Timestamp, Timestamp);

fn holders(session: &Session) -> BTreeMap<u32, Holder> {
    let mut out = BTreeMap::new();
    for r in &session.remarks {
        for c in canaries(&r.text) {
            let speaker = r.speaker.as_ref().map(|p| p.0.clone());
            out.insert(
                c,
                (
                    r.id,
                    r.non_public,
                    speaker,
                    r.item,
                    r.publish_note,
                    r.began,
                    r.committed,
                ),
            );
        }
    }
    out
}

/// Does `[from, to]` fall in a stretch off the record, as the README's rule has it: some
/// moment strictly inside one (its first and last second are the record's own flag's)?
fn in_a_stretch(session: &Session, from: Timestamp, to: Timestamp) -> bool {
    session
        .log
        .off_record
        .iter()
        .any(|o| o.start < to && o.end.is_none_or(|e| from < e))
}

struct Meeting {
    _dir: tempfile::TempDir,
    path: PathBuf,
    app: App,
    /// `None` only while the session is opened again: a killed kiroku holds no file open.
    rec: Option<Recorder>,
    start: Instant,
    secs: u64,
    fates: BTreeMap<u32, Fate>,
    next_canary: u32,
    /// The highest id counter seen: it must never go back, or an id would be handed out
    /// twice.
    next_id: u64,
    /// The input holds text whose state the test cannot see: part of a canary brought back
    /// by a crash, or a remark taken back by undo (perhaps non-public). What is typed onto it
    /// shares that state.
    tainted: bool,
    /// The test's own account of the record, from the keys it pressed: off the record (C-o),
    /// and closed (A-c) while it was, which the README says a take-back of the close
    /// continues: everything recorded after such a close is off the record.
    off: bool,
    closed_off: bool,
    /// For each decision and each coming or going logged, in order: was it taken while the
    /// test's account says the record was not public?
    decisions_np: Vec<(bool, u32)>,
    presence_np: Vec<bool>,
}

impl Meeting {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let session = Session::new(common::example_plan()).unwrap();
        let store = Store::create(&path, &session).unwrap();
        let start = Instant::now();
        let rec = Recorder::new(store, start);
        let mut app = app_with(session, Lang::Ja);
        app.save_path = path.clone();
        Self {
            _dir: dir,
            path,
            app,
            rec: Some(rec),
            start,
            secs: 0,
            fates: BTreeMap::new(),
            next_canary: 0,
            next_id: 0,
            tainted: false,
            off: false,
            closed_off: false,
            decisions_np: Vec::new(),
            presence_np: Vec::new(),
        }
    }

    /// Is what is recorded now non-public, by the test's own account?
    fn non_public_now(&self) -> bool {
        self.off || self.closed_off || !self.app.session.current_item().public
    }

    fn wall(&self) -> Timestamp {
        at(15, 0, 0) + chrono::Duration::seconds(self.secs as i64)
    }

    fn instant(&self) -> Instant {
        self.start + Duration::from_secs(self.secs)
    }

    /// What is in the input box now was captured non-public if the state is so now.
    fn watch_input(&mut self) {
        if self.app.editor.is_empty() {
            self.tainted = false;
        }
        let np = self.non_public_now();
        for c in canaries(self.app.editor.text()) {
            let f = self.fates.entry(c).or_default();
            if self.app.review.is_none() && np {
                f.captured_non_public = true;
            }
            if self.tainted {
                f.touched = true;
            }
        }
    }

    /// Runs one action as the terminal loop does: update, then carry out its effects.
    fn act(&mut self, action: Action) -> bool {
        let (wall, now) = (self.wall(), self.instant());
        let step = self.app.update(action, wall);
        self.rec
            .as_mut()
            .expect("the session is open")
            .carry_out(&mut self.app, step, wall, now)
    }

    fn key(&mut self, name: &str) -> bool {
        let chord = KeyChord::parse(name).unwrap();
        match self.app.action_for_key(chord) {
            Some(a) => self.act(a),
            None => false,
        }
    }

    /// The picker with a name nobody has: Enter opens the form, Enter adds them.
    fn add_speaker(&mut self) {
        self.next_canary += 1;
        let name = format!("新任{}", self.next_canary);
        self.key("C-f");
        for c in name.chars() {
            self.act(Action::Insert(c));
        }
        self.key("Enter");
        // Only the form's Enter: in live mode an Enter with nothing open would commit.
        if self.app.overlay != kiroku::app::Overlay::None {
            self.key("Enter");
        }
        // Whatever is still open (a full roster refuses the form) is closed.
        while self.app.overlay != kiroku::app::Overlay::None {
            self.act(Action::Cancel);
        }
    }

    fn new_canary(&mut self) -> String {
        self.next_canary += 1;
        format!("発言Q{}Z。", self.next_canary)
    }

    fn reopen(&mut self) {
        self.rec = None;
        let (session, store, _) = Store::open(&self.path).unwrap();
        self.rec = Some(Recorder::new(store, self.instant()));
        self.app = app_with(session, Lang::Ja);
        self.app.save_path = self.path.clone();
        self.tainted = !self.app.editor.is_empty();
    }

    fn run(&mut self, step: &Step) {
        self.secs += 1;
        self.watch_input();
        match step {
            Step::Speaker(n) => {
                self.key(&format!("A-{n}"));
            }
            Step::NoSpeaker => {
                self.key("A-n");
            }
            Step::SwapSpeaker => {
                self.key("Tab");
            }
            Step::Type { paste } => {
                let text = self.new_canary();
                if *paste {
                    self.act(Action::Paste(text));
                } else {
                    for c in text.chars() {
                        self.act(Action::Insert(c));
                    }
                }
            }
            Step::Enter => {
                let typed = canaries(self.app.editor.text());
                let note = self.app.session.live.speaker.is_none();
                let before = self.app.session.remarks.len();
                self.key("Enter");
                if self.app.session.remarks.len() > before {
                    for c in typed {
                        let f = self.fates.entry(c).or_default();
                        f.committed = true;
                        f.note = note;
                    }
                }
            }
            Step::OffRecord => {
                self.key("C-o");
                self.off = !self.off;
            }
            Step::NextItem => {
                self.key("C-n");
            }
            Step::PrevItem => {
                self.key("C-p");
            }
            Step::UndoCommit => {
                let last = self.app.session.remarks.last().map(|r| r.text.clone());
                let before = self.app.session.remarks.len();
                self.key("C-z");
                if self.app.session.remarks.len() < before {
                    for c in canaries(&last.unwrap_or_default()) {
                        self.fates.entry(c).or_default().committed = false;
                    }
                    // What was typed since, and what is typed before Enter, shares a remark
                    // with the one taken back, and its state: a non-public remark makes it
                    // all non-public.
                    for c in canaries(self.app.editor.text()) {
                        self.fates.entry(c).or_default().touched = true;
                    }
                    self.tainted = true;
                }
            }
            Step::CheckLater => {
                self.key("C-t");
            }
            Step::AddSpeaker => self.add_speaker(),
            Step::Decide(n) => {
                let before = self.app.session.log.decisions.len();
                let np = self.non_public_now();
                self.key("A-v");
                for _ in 0..*n {
                    self.act(Action::Insert(' '));
                }
                // An action item with a canary of its own.
                for _ in 0..3 {
                    self.act(Action::NextField);
                }
                let text = self.new_canary();
                self.act(Action::Paste(text.clone()));
                self.key("Enter");
                if self.app.session.log.decisions.len() > before {
                    self.decisions_np.push((np, canaries(&text)[0]));
                }
            }
            Step::Place(n) => {
                let before = self.app.session.log.presence.len();
                let np = self.non_public_now();
                self.key("A-a");
                for _ in 0..*n {
                    self.key("Down");
                }
                self.key("A-o");
                if self.app.session.log.presence.len() > before {
                    self.presence_np.push(np);
                }
            }
            Step::Attendance(n) => {
                let before = self.app.session.log.presence.len();
                let np = self.non_public_now();
                self.key("A-a");
                for _ in 0..*n {
                    self.key("Down");
                }
                self.key("Enter");
                if self.app.session.log.presence.len() > before {
                    self.presence_np.push(np);
                }
            }
            Step::Proceeding(n) => {
                let was_closed = self.app.session.log.closed().is_some();
                self.key(["A-o", "A-r", "A-c"][usize::from(*n % 3)]);
                let closed = self.app.session.log.closed().is_some();
                if !was_closed && closed {
                    // The close ends the stretch; what follows stays as it was.
                    self.closed_off = self.off || self.closed_off;
                    self.off = false;
                } else if was_closed && !closed {
                    // Taken back: the meeting goes on as it was, off the record if it was.
                    self.off = self.off || self.closed_off;
                    self.closed_off = false;
                }
            }
            Step::Earlier(n) => {
                for _ in 0..*n {
                    self.key("A-,");
                }
            }
            Step::Wait(s) => {
                for _ in 0..*s {
                    self.secs += 1;
                    let (wall, now) = (self.wall(), self.instant());
                    if let Some(rec) = self.rec.as_mut() {
                        rec.tick(&mut self.app, wall, now);
                    }
                }
            }
            Step::Cleanup(keys) => {
                self.key("C-r");
                for k in keys {
                    self.clean(k);
                }
                self.act(Action::Cancel);
                self.key("C-r");
            }
            Step::Crash => self.reopen(),
            Step::QuitReopen => {
                let quit = self.key("C-q");
                assert!(
                    quit,
                    "quit goes through on a healthy disk: {:?}",
                    self.app.save
                );
                self.reopen();
            }
        }
        self.watch_input();
        let next = self.app.session.live.next_remark_id;
        assert!(
            next >= self.next_id,
            "the id counter went back after {step:?}"
        );
        assert!(self.app.session.remarks.iter().all(|r| r.id < next));
        self.next_id = next;
    }

    fn clean(&mut self, k: &Clean) {
        let before = holders(&self.app.session);
        let selected = self
            .app
            .review
            .as_ref()
            .and_then(|r| r.selected)
            .and_then(|id| self.app.session.remarks.iter().find(|r| r.id == id))
            .map(|r| canaries(&r.text))
            .unwrap_or_default();
        match k {
            Clean::Up(n) => (0..*n).for_each(|_| {
                self.key("Up");
            }),
            Clean::Down(n) => (0..*n).for_each(|_| {
                self.key("Down");
            }),
            Clean::Mark => {
                self.key("Space");
            }
            Clean::MoveNext => {
                self.key(">");
            }
            Clean::MovePrev => {
                self.key("<");
            }
            Clean::Merge => {
                self.key("J");
            }
            Clean::Split(n) => {
                self.key("e");
                self.act(Action::LineStart);
                for _ in 0..*n {
                    self.act(Action::WordRight);
                }
                self.key("A-s");
                self.act(Action::Cancel);
            }
            Clean::Edit => {
                let text = self.new_canary();
                self.key("e");
                self.act(Action::LineEnd);
                self.act(Action::CursorDown);
                self.act(Action::LineEnd);
                self.act(Action::Paste(text.clone()));
                self.key("Enter");
                for c in canaries(&text) {
                    let f = self.fates.entry(c).or_default();
                    f.touched = true;
                    f.committed = holders(&self.app.session).contains_key(&c);
                }
            }
            Clean::Flag => {
                self.key("p");
            }
            Clean::Release => {
                self.key("P");
                for c in selected {
                    self.fates.entry(c).or_default().released = true;
                }
            }
            Clean::Reassign(n) => {
                self.key(&format!("A-{n}"));
            }
            Clean::AddSpeaker => self.add_speaker(),
            Clean::NoSpeaker => {
                self.key("A-n");
            }
            Clean::Undo => {
                self.key("u");
            }
            Clean::Redo => {
                self.key("U");
            }
            Clean::Delete => {
                self.key("d");
            }
            Clean::ClearMarks => {
                self.act(Action::Cancel);
            }
            Clean::MoveUp => {
                self.key("A-Up");
            }
            Clean::MoveDown => {
                self.key("A-Down");
            }
            Clean::Retime(n) => {
                let began = self
                    .app
                    .review
                    .as_ref()
                    .and_then(|r| r.selected)
                    .and_then(|id| self.app.session.remarks.iter().find(|r| r.id == id))
                    .map(|r| r.began);
                if let Some(b) = began {
                    let at = b - chrono::Duration::seconds(i64::from(*n));
                    self.key("T");
                    self.key("C-u");
                    for c in at.format("%H:%M:%S").to_string().chars() {
                        self.act(Action::Insert(c));
                    }
                    self.key("Enter");
                    while self.app.overlay != kiroku::app::Overlay::None {
                        self.act(Action::Cancel);
                    }
                }
            }
        }
        let after = holders(&self.app.session);
        for (c, f) in self.fates.iter_mut() {
            let (b, a) = (before.get(c), after.get(c));
            if b != a {
                f.touched = true;
            }
            if let (Some(b), Some(a)) = (b, a)
                && b.2.is_none()
                && a.2.is_some()
            {
                // Given a speaker: an attribution the clerk made, no longer a note.
                f.note = false;
            }
            if b.is_some() != a.is_some() {
                f.committed = a.is_some();
            }
        }
    }

    /// `kiroku export` as the command runs it: its output, and its standard error.
    fn export(&self, format: Format, audience: Audience, style: &str) -> (String, String) {
        let req = ExportRequest {
            session: self.path.clone(),
            format,
            audience,
            style: style.to_owned(),
            output: None,
            check_only: false,
            strict: false,
            lang: kiroku::i18n::Lang::En,
            fonts: Default::default(),
        };
        let mut messages = Vec::new();
        let bytes = export_bytes(&req, &mut messages)
            .expect("a session kiroku wrote always exports")
            .expect("an export, not only checks");
        let text = common::pdf::readable(format, bytes);
        // The session's own path (a random temporary folder) is no part of what is checked.
        let path = self.path.display().to_string();
        (text, messages.join("\n").replace(&path, "SESSION"))
    }
}

fn has(text: &str, c: u32) -> bool {
    text.contains(&format!("Q{c}Z"))
}

/// Checks both promises on what the readers read now.
fn check_promises(m: &Meeting) -> Result<(), TestCaseError> {
    let in_memory = holders(&m.app.session);
    // Nothing committed is missing from what a reader reads, crash or not.
    let (internal, _) = m.export(Format::Text, Audience::Internal, "default");
    for (c, f) in &m.fates {
        if f.committed {
            prop_assert!(
                in_memory.contains_key(c),
                "Q{c}Z committed but not in memory"
            );
            prop_assert!(has(&internal, *c), "Q{c}Z committed but not read back");
        }
    }
    for (_, c) in &m.decisions_np {
        prop_assert!(has(&internal, *c), "the action item Q{c}Z not read back");
    }
    // What the screen shows is what the minutes hold: each remark the session in memory
    // withholds is absent from the public export, each it publishes is there.
    let (public_text, _) = m.export(Format::Text, Audience::Public, "default");
    let session = &m.app.session;
    for r in &session.remarks {
        for c in canaries(&r.text) {
            prop_assert_eq!(
                has(&public_text, c),
                session.is_public(r),
                "Q{}Z: the screen and the minutes disagree",
                c
            );
        }
    }
    let summary = kiroku::commands::check(&m.path).unwrap();
    let count = format!("{} remarks", session.remarks.len());
    prop_assert!(
        summary.contains(&count),
        "check says {summary}, expected {count}"
    );
    // Withheld: what the test saw typed or committed where the record was not public, notes,
    // and (whatever its flag says) a remark whose time is in a stretch off the record now.
    let mut withheld: Vec<u32> = m
        .fates
        .iter()
        .filter(|(_, f)| (f.captured_non_public || f.note) && !f.released)
        .map(|(c, _)| *c)
        .collect();
    for r in &session.remarks {
        if in_a_stretch(session, r.began, r.committed) {
            withheld.extend(canaries(&r.text));
        }
    }
    withheld.extend(m.decisions_np.iter().filter(|(np, _)| *np).map(|(_, c)| *c));
    // Each way a style shows what it leaves out: nothing (default), timed markers
    // (proceedings), the speaker inline and 秘密会 markers (kaigiroku), a fixed line and a
    // closed item's own section (youroku); and a layout of one's own with the opening in
    // the header and counted attendance lists.
    const OWN: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/own-layouts/kaigiroku.ron"
    );
    for style in ["default", "proceedings", "kaigiroku", "youroku", OWN] {
        for format in common::pdf::formats() {
            let (out, err) = m.export(format, Audience::Public, style);
            for c in &withheld {
                prop_assert!(!has(&out, *c), "{format:?} {style} published Q{c}Z");
                prop_assert!(!has(&err, *c), "{format:?} {style} quoted Q{c}Z: {err}");
            }
            // Every untouched public canary is there, unless it shares its remark with one
            // that is withheld (a merge or an undo into a non-public input).
            for r in &session.remarks {
                let inside = canaries(&r.text);
                let item_public = session.plan.item(r.item).unwrap().public;
                let clean = inside.iter().all(|c| {
                    m.fates.get(c).is_some_and(|f| {
                        !f.captured_non_public && !f.note && !f.touched && f.committed
                    })
                });
                // A remark whose begin was moved back into a stretch (A-,) is in it.
                let said_off = in_a_stretch(session, r.began, r.committed);
                if clean && item_public && !said_off && !inside.is_empty() {
                    for c in inside {
                        prop_assert!(has(&out, c), "{format:?} {style} dropped Q{c}Z");
                    }
                }
            }
            for (np, c) in &m.decisions_np {
                // These styles print no action items.
                if !np && !["kaigiroku", "youroku", OWN].contains(&style) {
                    prop_assert!(has(&out, *c), "{format:?} {style} dropped the action Q{c}Z");
                }
            }
        }
    }
    // The markers of what is left out alternate, opening then closing, with nothing said
    // between a pair.
    let (proceedings, _) = m.export(Format::Text, Audience::Public, "proceedings");
    markers_alternate(&proceedings, &format!("{:?}", m.app.session.log))?;
    check_second_clerk(m, &withheld)?;
    // Comings and goings logged where the record was not public are not dated in the public
    // minutes: the JSON document's attendance entries carry no mark of them.
    let (json, _) = m.export(Format::Json, Audience::Public, "proceedings");
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let entries: Vec<String> = doc["attendance"]["groups"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|g| g["entries"].as_array().cloned().unwrap_or_default())
        .filter_map(|e| e.as_str().map(str::to_owned))
        .collect();
    // A decision taken off the record or in a closed item is never published; every other
    // one is, under its item.
    let published = m.decisions_np.iter().filter(|(np, _)| !np).count();
    prop_assert_eq!(json.matches("\"kind\": \"decision\"").count(), published);
    let np_presence = |e: &kiroku::model::PresenceEvent| {
        let i = session.log.presence.iter().position(|x| x == e);
        i.and_then(|i| m.presence_np.get(i).copied())
            .unwrap_or(true)
    };
    for p in &session.plan.roster {
        let events: Vec<_> = session
            .log
            .presence
            .iter()
            .filter(|e| e.who == p.id && e.what.is_coming_or_going())
            .collect();
        let Some(entry) = entries
            .iter()
            .find(|e| e.contains(p.name.replace(' ', "").as_str()))
        else {
            continue;
        };
        // The left mark is `（{time}退席）`; a while out reads `（{from}から{to}まで退席）`.
        let left_mark = entry
            .split('（')
            .any(|part| part.ends_with("退席）") && !part.contains("まで"));
        if events.last().is_some_and(|e| np_presence(e)) {
            prop_assert!(!left_mark, "a withheld departure is dated: {entry}");
        }
        // A late mark dates the first arrival after the opening.
        let opened = session.log.opened();
        let late_arrival = events.iter().find(|e| {
            e.what == kiroku::model::Presence::Arrived && opened.is_none_or(|o| e.at > o)
        });
        if late_arrival.is_some_and(|e| np_presence(e)) {
            // The late mark is `（{time}出席）`, the time ending in 時 or 分.
            let dated = entry.contains("分出席）") || entry.contains("時出席）");
            prop_assert!(!dated, "a withheld arrival is dated: {entry}");
        }
    }
    Ok(())
}

/// In text with timed gap markers, 入る and 戻る alternate, and no canary stands between a
/// pair: nothing published sits inside a stretch.
fn markers_alternate(text: &str, what: &str) -> Result<(), TestCaseError> {
    let mut inside = false;
    for line in text.lines() {
        if line.contains("非公開に入る") {
            prop_assert!(!inside, "{what}: two openings in a row:\n{text}");
            inside = true;
        } else if line.contains("公開に戻る") {
            prop_assert!(inside, "{what}: a closing with no opening:\n{text}");
            inside = false;
        } else if inside {
            prop_assert!(
                canaries(line).is_empty(),
                "{what}: published inside a gap: {line}\n{text}"
            );
        }
    }
    Ok(())
}

/// A second clerk's copy of the same record, lax where this clerk was careful: nothing
/// marked non-public, no stretch off the record, and in each of this clerk's stretches a
/// remark, a decision with an action item, a recess and its resumption, and someone going
/// out, all taken on the record. Merged with `kiroku merge`, and with git's merge driver
/// reading this clerk's working file through its journal (not yet folded, as after a
/// `kill -9`): every committed canary is in the merged record, and nothing withheld here or
/// taken in this clerk's stretches by the other is published.
fn check_second_clerk(m: &Meeting, withheld: &[u32]) -> Result<(), TestCaseError> {
    let mut lax = m.app.session.clone();
    for r in &mut lax.remarks {
        r.non_public = false;
    }
    let stretches = std::mem::take(&mut lax.log.off_record);
    lax.live.clerk = Some("二人目".into());
    lax.live.next_remark_id += 1000;
    let mut theirs_only = Vec::new();
    let speaker = lax.plan.roster[0].id.clone();
    for (n, o) in stretches.iter().enumerate() {
        let start = o.start + chrono::Duration::seconds(1);
        let end = o.end.unwrap_or(start + chrono::Duration::seconds(60));
        if end - start < chrono::Duration::seconds(4) {
            continue;
        }
        let canary = 900_000 + 2 * n as u32;
        let mid = start + (end - start) / 2;
        lax.set_speaker(Some(speaker.clone()));
        lax.add_remark(format!("別の記録Q{canary}Z。"), start, mid);
        lax.decide(
            "了承".into(),
            None,
            None,
            vec![kiroku::model::ActionItem {
                what: format!("宿題Q{}Z", canary + 1),
                who: None,
                due: None,
            }],
            mid,
        );
        theirs_only.extend([canary, canary + 1]);
    }
    let folder = m.path.parent().unwrap();
    let (lax_path, merged_path) = (folder.join("lax.ron"), folder.join("merged.ron"));
    kiroku::storage::save_session(&lax_path, &lax).unwrap();
    let _ = std::fs::remove_file(&merged_path);
    kiroku::commands::merge::merge(&[m.path.clone(), lax_path.clone()], &merged_path).unwrap();
    // git's merge driver: the common ancestor is the meeting before anything was recorded,
    // ours git's copy of the committed file, the working file this clerk's with its journal.
    let scratch = tempfile::tempdir().unwrap();
    let working = scratch.path().join("meeting.ron");
    std::fs::copy(&m.path, &working).unwrap();
    let journal = kiroku::storage::journal_path(&m.path);
    if journal.exists() {
        std::fs::copy(&journal, kiroku::storage::journal_path(&working)).unwrap();
    }
    let ours = scratch.path().join(".merge_file_ours");
    std::fs::copy(&m.path, &ours).unwrap();
    let base = scratch.path().join(".merge_file_base");
    let mut before = Session::new(common::example_plan()).unwrap();
    before.live.clerk = m.app.session.live.clerk.clone();
    kiroku::storage::save_session(&base, &before).unwrap();
    kiroku::commands::merge::merge_driver(&base, &ours, &lax_path, Some(&working)).unwrap();
    for (how, path) in [("kiroku merge", &merged_path), ("the merge driver", &ours)] {
        let read = kiroku::storage::load_session(path).unwrap();
        let record = String::from_utf8(
            kiroku::export::export(
                &read,
                Audience::Internal,
                &kiroku::export::Style::default_style(),
                Format::Text,
            )
            .unwrap(),
        )
        .unwrap();
        for (c, f) in &m.fates {
            if f.committed {
                prop_assert!(has(&record, *c), "{how} lost Q{c}Z");
            }
        }
        for style in ["default", "proceedings"] {
            let out = String::from_utf8(
                kiroku::export::export(
                    &read,
                    Audience::Public,
                    &kiroku::commands::load_style(style).unwrap(),
                    Format::Text,
                )
                .unwrap(),
            )
            .unwrap();
            for c in withheld.iter().chain(&theirs_only) {
                prop_assert!(!has(&out, *c), "{how} published Q{c}Z ({style})");
            }
            if style == "proceedings" {
                markers_alternate(&out, &format!("{how}: {:?}", read.log))?;
            }
        }
    }
    Ok(())
}

fn meeting(steps: &[Step], crash_at_end: bool) -> Result<(), TestCaseError> {
    let mut m = Meeting::new();
    for s in steps {
        m.run(s);
    }
    if crash_at_end {
        // kill -9, and export at once: the readers must see every commit.
        check_promises(&m)?;
        m.reopen();
    }
    check_promises(&m)?;
    // The session kiroku wrote always loads, as a file of its own too.
    m.key("C-q");
    let reread = kiroku::storage::load_session(&m.path);
    prop_assert!(reread.is_ok(), "{:?}", reread.err());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: common::cases(64), ..ProptestConfig::default() })]

    #[test]
    fn nothing_non_public_is_published_and_nothing_committed_is_lost(
        steps in proptest::collection::vec(step(), 1..60),
        crash_at_end in any::<bool>(),
    ) {
        meeting(&steps, crash_at_end)?;
    }
}

/// The paths that once published closed text, each as the clerk would press the keys.
#[test]
fn the_known_paths_hold() {
    use Step::*;
    let t = Type { paste: false };
    let paths: Vec<Vec<Step>> = vec![
        // Undo brings an off-the-record remark back; Enter after the record is on again.
        vec![
            OffRecord,
            Speaker(2),
            t.clone(),
            Enter,
            OffRecord,
            UndoCommit,
            Enter,
        ],
        // A remark committed in closed item 4, undone after going back to item 3.
        vec![
            NextItem,
            NextItem,
            NextItem,
            Speaker(2),
            t.clone(),
            Enter,
            PrevItem,
            UndoCommit,
            Enter,
        ],
        // Typed off the record, the record put on before Enter.
        vec![Speaker(2), OffRecord, t.clone(), OffRecord, Enter],
        // Typed in closed item 4, item 3 made current before Enter.
        vec![
            NextItem,
            NextItem,
            NextItem,
            Speaker(2),
            t.clone(),
            PrevItem,
            Enter,
        ],
        // A clerk's note.
        vec![NoSpeaker, t.clone(), Enter],
        // Marks over public and non-public remarks, then p; and p, < on a closed item.
        vec![
            Speaker(1),
            t.clone(),
            Enter,
            OffRecord,
            t.clone(),
            Enter,
            OffRecord,
            t.clone(),
            Enter,
            Cleanup(vec![
                Clean::Up(2),
                Clean::Mark,
                Clean::Mark,
                Clean::Mark,
                Clean::Flag,
            ]),
            NextItem,
            NextItem,
            NextItem,
            t.clone(),
            Enter,
            Cleanup(vec![
                Clean::Flag,
                Clean::MovePrev,
                Clean::Flag,
                Clean::Undo,
                Clean::Undo,
            ]),
        ],
        // A crash with off-the-record text in the box, the record put on again.
        vec![
            Speaker(2),
            OffRecord,
            t.clone(),
            Wait(2),
            OffRecord,
            Crash,
            Enter,
        ],
        vec![
            Speaker(2),
            t.clone(),
            Wait(2),
            OffRecord,
            OffRecord,
            Crash,
            Enter,
        ],
        // A public remark taken back while the record is off sits there non-public.
        vec![
            Speaker(1),
            t.clone(),
            Enter,
            OffRecord,
            UndoCommit,
            OffRecord,
            t.clone(),
            Enter,
        ],
        // Undo of a release after the remark was marked in live mode: the undo no longer
        // fits the remark, so it is refused, never forced on it.
        vec![
            Speaker(1),
            t.clone(),
            Enter,
            OffRecord,
            t.clone(),
            Enter,
            OffRecord,
            Cleanup(vec![Clean::Release]),
            CheckLater,
            Cleanup(vec![Clean::Undo]),
            t.clone(),
            Enter,
        ],
        // 閉会 pressed by mistake off the record, a remark, a decision and someone going
        // out, and the close taken back: all of it stays off the record.
        vec![
            Speaker(1),
            t.clone(),
            Enter,
            OffRecord,
            Speaker(2),
            t.clone(),
            Enter,
            Proceeding(2),
            t.clone(),
            Enter,
            Decide(0),
            Attendance(1),
            Proceeding(2),
            OffRecord,
            t.clone(),
            Enter,
        ],
        // A public remark traded with an off-the-record one, and one retimed into the stretch.
        vec![
            Speaker(1),
            t.clone(),
            Enter,
            OffRecord,
            t.clone(),
            Enter,
            OffRecord,
            t.clone(),
            Enter,
            Cleanup(vec![Clean::Up(1), Clean::MoveUp]),
            Cleanup(vec![Clean::Retime(2)]),
        ],
        // The same with redo of a flag.
        vec![
            Speaker(1),
            t.clone(),
            Enter,
            t.clone(),
            Enter,
            Cleanup(vec![Clean::Flag, Clean::Undo]),
            CheckLater,
            Cleanup(vec![Clean::Redo]),
            t.clone(),
            Enter,
        ],
    ];
    for (i, p) in paths.iter().enumerate() {
        for crash in [false, true] {
            if let Err(e) = meeting(p, crash) {
                panic!("path {i} (crash at end: {crash}): {e}");
            }
        }
    }
}

/// Split, undo, a live commit, redo: ids stay unique and the session loads.
#[test]
fn ids_are_never_handed_out_twice() {
    use Step::*;
    let t = Type { paste: false };
    let mut m = Meeting::new();
    for s in [Speaker(1), t.clone(), t.clone(), Enter] {
        m.run(&s);
    }
    m.run(&Cleanup(vec![Clean::Split(2)]));
    assert_eq!(m.app.session.remarks.len(), 2, "the remark was split");
    let split_id = m.app.session.remarks[1].id;
    m.run(&Cleanup(vec![Clean::Undo]));
    assert_eq!(m.app.session.remarks.len(), 1);
    for s in [t.clone(), Enter, Cleanup(vec![Clean::Redo]), QuitReopen] {
        m.run(&s);
    }
    let ids: Vec<u64> = m.app.session.remarks.iter().map(|r| r.id).collect();
    assert!(!ids[1..].contains(&split_id), "{ids:?} reuses {split_id}");
    check_promises(&m).unwrap();
}
