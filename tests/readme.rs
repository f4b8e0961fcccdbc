//! The README's keymap tables are generated from the keymap and the actions' own names and
//! descriptions: this test fails when they disagree, and prints the text to paste.

use kiroku::app::{Keymap, Mode, keymap_markdown};
use kiroku::i18n::Lang;

const README: &str = include_str!("../README.md");

/// The text between `<!-- keymap: NAME -->` and `<!-- end keymap -->` in the README.
fn section(name: &str) -> &'static str {
    let start = format!("<!-- keymap: {name} -->\n");
    let from = README
        .find(&start)
        .unwrap_or_else(|| panic!("README has no {start:?}"))
        + start.len();
    let len = README[from..]
        .find("<!-- end keymap -->")
        .expect("the section ends");
    &README[from..from + len]
}

#[test]
fn the_readme_keymap_tables_are_the_keymap() {
    let keymap = Keymap::default();
    for (name, modes) in [
        ("live", &[Mode::Live, Mode::Edit][..]),
        (
            "cleanup",
            &[Mode::Review, Mode::ReviewEdit, Mode::Search][..],
        ),
        (
            "overlays",
            &[Mode::Picker, Mode::Form, Mode::Help, Mode::Start][..],
        ),
    ] {
        let wanted = keymap_markdown(&keymap, modes, Lang::En);
        assert_eq!(
            section(name),
            wanted,
            "README keymap section {name} is out of date; it should read:\n{wanted}"
        );
    }
}
