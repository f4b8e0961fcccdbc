//! The README's keymap tables are generated from the keymap and the actions' own names and
//! descriptions: this test fails when they disagree, and prints the text to paste (or, with
//! `UPDATE_README=1`, writes it in).

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
        if std::env::var_os("UPDATE_README").is_some() && section(name) != wanted {
            // `UPDATE_README=1 cargo test --test readme` writes the tables in.
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
            let text = std::fs::read_to_string(path).unwrap();
            let start = format!("<!-- keymap: {name} -->\n");
            let from = text.find(&start).unwrap() + start.len();
            let len = text[from..].find("<!-- end keymap -->").unwrap();
            let text = format!("{}{wanted}{}", &text[..from], &text[from + len..]);
            std::fs::write(path, text).unwrap();
            continue;
        }
        assert_eq!(
            section(name),
            wanted,
            "README keymap section {name} is out of date; it should read:\n{wanted}"
        );
    }
}

/// Every field a style file may hold, from every shipped style and all their nested parts.
fn style_fields(value: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                out.insert(k.clone());
                style_fields(v, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| style_fields(v, out)),
        _ => {}
    }
}

#[test]
fn the_readme_names_every_style_field_and_placeholder() {
    let styles_section = &README[README.find("### Styles").unwrap()..];
    let mut fields = std::collections::BTreeSet::new();
    for (name, _) in kiroku::export::styles::SHIPPED {
        let style = kiroku::export::Style::shipped(name).unwrap().unwrap();
        style_fields(&serde_json::to_value(&style).unwrap(), &mut fields);
    }
    // Enum payloads serialize by variant name; those variants are documented as values.
    for f in ["Line", "Timed"] {
        fields.remove(f);
    }
    for f in &fields {
        assert!(
            styles_section.contains(&format!("`{f}`")) || styles_section.contains(&format!("{f}:")),
            "the README's style reference does not name `{f}`"
        );
    }
    use kiroku::export::dates::{DATE_FIELDS, TIME_FIELDS};
    use kiroku::export::style_check::{ITEM, PERSON};
    for f in ITEM
        .iter()
        .chain(PERSON)
        .chain(DATE_FIELDS)
        .chain(TIME_FIELDS)
    {
        assert!(
            styles_section.contains(&format!("`{{{f}}}`")),
            "the README's style reference does not name `{{{f}}}`"
        );
    }
}
