//! Invariants under random input: no key, paste or resize sequence panics, and what is
//! saved after each step loads back equal.

mod common;

use common::emulator::{Emulator, Look};
use common::{app_with, at, render, sample_session};
use kiroku::app::{Action, KeyChord, Keymap};
use kiroku::app::{KeyCode, KeyModifiers};
use kiroku::i18n::Lang;
use kiroku::storage::{parse_session, session_to_string_with_draft};
use kiroku::ui::Screen;
use proptest::prelude::*;

/// Equal apart from the unfinished input, which the loop journals on its own clock.
fn same_but_draft(a: &kiroku::model::Session, b: &kiroku::model::Session) -> bool {
    let (mut a, mut b) = (a.clone(), b.clone());
    a.live.draft = None;
    b.live.draft = None;
    a == b
}

#[derive(Debug, Clone)]
enum Input {
    Key(KeyChord),
    Paste(String),
    Resize(u16, u16),
    /// A save finished, well or not.
    Saved(bool),
    /// Nothing happens but time.
    Wait,
}

fn any_bound_key() -> impl Strategy<Value = KeyChord> {
    let chords: Vec<KeyChord> = Keymap::default()
        .bindings()
        .iter()
        .map(|b| b.chord)
        .collect();
    proptest::sample::select(chords)
}

fn any_char() -> impl Strategy<Value = char> {
    prop_oneof![
        proptest::char::range('あ', 'ん'),
        proptest::char::range('一', '龥'),
        proptest::char::range('a', 'z'),
        Just('\u{3099}'), // combining voiced mark
        Just(' '),
        Just('\t'),
        any::<char>(),
    ]
}

fn any_input() -> impl Strategy<Value = Input> {
    prop_oneof![
        4 => any_bound_key().prop_map(Input::Key),
        6 => any_char().prop_map(|c| Input::Key(KeyChord::new(KeyCode::Char(c), KeyModifiers::NONE))),
        1 => "[あ-んa-z\r\n ]{0,40}".prop_map(Input::Paste),
        1 => (0u16..200, 0u16..80).prop_map(|(w, h)| Input::Resize(w, h)),
        1 => any::<bool>().prop_map(Input::Saved),
        2 => Just(Input::Wait),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: common::cases(48), ..ProptestConfig::default() })]

    #[test]
    fn random_input_never_panics_and_saves_round_trip(inputs in proptest::collection::vec(any_input(), 1..120)) {
        let mut app = app_with(sample_session(), Lang::Ja);
        // What the journal would replay: it must end up where the app is.
        let mut shadow = app.session.clone();
        let mut size = (80u16, 24u16);
        for (i, input) in inputs.into_iter().enumerate() {
            let now = at(16, 0, 0) + chrono::Duration::seconds(i as i64);
            if let Input::Resize(w, h) = input {
                size = (w, h);
            }
            let mut edits = apply(&mut app, input, now).edits;
            render(&mut app, size.0, size.1, now);
            // The clock's step, a second after the last: the unfinished input is journaled.
            edits.extend(app.update(Action::Tick, now).edits);
            for edit in edits {
                prop_assert!(shadow.replay(&edit).is_ok(), "{:?}", edit);
            }
            // Replaying the steps' edits rebuilds the session exactly, unfinished input and all.
            let mut expected = app.session.clone();
            expected.live.draft = app.draft();
            prop_assert_eq!(&shadow, &expected);
            let text = session_to_string_with_draft(&app.session, app.draft());
            let back = parse_session(std::path::Path::new("p.ron"), &text).unwrap();
            prop_assert_eq!(&back, &expected);
        }
    }
}

/// Applies one input the way the terminal loop would.
fn apply(
    app: &mut kiroku::app::App,
    input: Input,
    now: kiroku::model::Timestamp,
) -> kiroku::app::Step {
    match input {
        Input::Key(chord) => match app.action_for_key(chord) {
            Some(action) => app.update(action, now),
            None => kiroku::app::Step::default(),
        },
        Input::Paste(text) => app.update(Action::Paste(text), now),
        Input::Resize(w, h) => app.update(Action::Resize(w, h), now),
        Input::Saved(ok) => app.update(
            Action::Saved(ok.then_some(()).ok_or_else(|| "disk full".to_owned())),
            now,
        ),
        Input::Wait => kiroku::app::Step::default(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: common::cases(40), ..ProptestConfig::default() })]

    /// The loop's screen reuses panes and leaves what the terminal already shows out of the
    /// diff; after every step a terminal must show exactly what a new one would, shown the
    /// same frame drawn from nothing.
    #[test]
    fn a_remembered_screen_shows_what_a_fresh_one_does(
        inputs in proptest::collection::vec((any_input(), any::<bool>()), 1..150)
            // The emulator drops U+FFFD, the mark of bytes it could not decode.
            .prop_filter("no U+FFFD", |v| !format!("{v:?}").contains('\u{FFFD}'))
    ) {
        let mut app = app_with(sample_session(), Lang::Ja);
        let _ = app.update(Action::Resize(100, 30), at(16, 0, 0));
        let mut terminal = Emulator::new(app.size);
        let mut screen = Screen::new();
        let mut now = at(16, 0, 0);
        for (input, tick) in inputs {
            if tick {
                now += chrono::Duration::seconds(1);
            }
            let _ = apply(&mut app, input, now);
            if app.size != terminal.size {
                // What ratatui does on a new size: clear everything and draw it all again.
                terminal = Emulator::new(app.size);
            }
            terminal.show(&mut screen, &app, now);
            let mut fresh = Emulator::new(app.size);
            fresh.draw(|f| kiroku::ui::draw(f, &app, now));
            if app.size.0 == 0 || app.size.1 == 0 {
                continue;
            }
            let (shown, wanted) = (terminal.shows(), fresh.shows());
            let wrong: Vec<(&Look, &Look)> = shown.0.iter().zip(&wanted.0).filter(|(a, b)| a != b).take(5).collect();
            prop_assert!(
                shown == wanted,
                "cells {:?}, cursor {:?}, in\n{}",
                wrong,
                (shown.1, shown.2, wanted.1, wanted.2),
                fresh.parser.screen().contents()
            );
        }
    }
}

fn any_review_key() -> impl Strategy<Value = KeyChord> {
    let chords: Vec<KeyChord> = Keymap::default()
        .bindings()
        .iter()
        .filter(|b| {
            matches!(
                b.mode,
                kiroku::app::Mode::Review
                    | kiroku::app::Mode::ReviewEdit
                    | kiroku::app::Mode::Search
                    | kiroku::app::Mode::Picker
                    | kiroku::app::Mode::Form
                    | kiroku::app::Mode::Edit
            ) && !matches!(b.action, Action::ToggleReview | Action::Quit | Action::Save)
        })
        .map(|b| b.chord)
        .collect();
    prop_oneof![
        6 => proptest::sample::select(chords),
        2 => any_char().prop_map(|c| KeyChord::new(KeyCode::Char(c), KeyModifiers::NONE)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: common::cases(48), ..ProptestConfig::default() })]

    #[test]
    fn cleanup_keeps_references_valid_and_undo_restores_the_session(
        keys in proptest::collection::vec(any_review_key(), 1..150)
    ) {
        let mut app = app_with(common::minutes_session_full(), Lang::Ja);
        let _ = app.update(Action::ToggleReview, at(17, 0, 0));
        let original = app.session.clone();
        let mut shadow = app.session.clone();
        for (i, chord) in keys.into_iter().enumerate() {
            let now = at(17, 0, 0) + chrono::Duration::seconds(i as i64);
            let mut edits = Vec::new();
            if let Some(action) = app.action_for_key(chord)
                && action != Action::ToggleReview
            {
                edits = app.update(action, now).edits;
            }
            prop_assert!(app.review.is_some());
            // Every remark refers to an existing speaker and item; ids are unique.
            let s = &app.session;
            let rebuilt = kiroku::model::Session::from_parts(
                s.plan.clone(),
                s.log.clone(),
                s.remarks.clone(),
                s.live.clone(),
            );
            prop_assert!(rebuilt.is_ok(), "{:?}", rebuilt.err());
            for edit in edits {
                prop_assert!(shadow.replay(&edit).is_ok(), "{:?}", edit);
            }
            prop_assert!(same_but_draft(&shadow, &app.session));
            render(&mut app, 100, 30, now);
        }
        // Close whatever is open, then undo everything.
        app.overlay = kiroku::app::Overlay::None;
        if let Some(r) = app.review.as_mut() {
            r.editing = None;
            r.search = None;
        }
        while !app.history.undo.is_empty() {
            let _ = app.update(Action::Undo, at(18, 0, 0));
        }
        // Everything is as it was, except that ids a split handed out stay used.
        prop_assert!(app.session.live.next_remark_id >= original.live.next_remark_id);
        let mut undone = app.session.clone();
        undone.live.next_remark_id = original.live.next_remark_id;
        prop_assert_eq!(&undone, &original);
    }
}
