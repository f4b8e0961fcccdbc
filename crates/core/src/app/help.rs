//! The help list and the footer as data: every binding of the keymap, grouped by mode, and
//! the most used keys of live mode. The views draw these rows and entries as they are.

use super::{Action, App, Mode};
use crate::i18n::Lang;

/// Each mode's name in the help list and the README, in Japanese and English.
const MODE_NAMES: &[(Mode, &str, &str)] = &[
    (Mode::Live, "記録中", "While recording"),
    (Mode::Edit, "入力欄の編集", "Editing text"),
    (Mode::Picker, "発言者の検索", "Speaker picker"),
    (Mode::Form, "出席者の追加", "Add participant form"),
    (Mode::Help, "この一覧", "This list"),
    (Mode::Review, "整理モード", "Cleanup mode"),
    (
        Mode::ReviewEdit,
        "整理: 本文の編集",
        "Cleanup: editing a remark",
    ),
    (Mode::Search, "整理: 検索", "Cleanup: search"),
    (Mode::Start, "開始画面", "Start screen"),
];

fn mode_name(mode: Mode, lang: Lang) -> &'static str {
    let (_, ja, en) = MODE_NAMES
        .iter()
        .find(|(m, _, _)| *m == mode)
        .copied()
        .unwrap_or((mode, "", ""));
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
    }
}

/// The actions the table gives a place in the footer, in that order; read from the table
/// once.
fn footer_actions() -> &'static [Action] {
    static FOOTER: std::sync::OnceLock<Vec<Action>> = std::sync::OnceLock::new();
    FOOTER.get_or_init(|| {
        let mut rows: Vec<_> = super::ACTIONS
            .iter()
            .filter(|r| r.footer.is_some())
            .collect();
        rows.sort_by_key(|r| r.footer);
        // A footer row names a unit action, which its keymap name reads back as.
        rows.iter()
            .filter_map(|r| ron::from_str::<Action>(r.key).ok())
            .collect()
    })
}

/// `(key, label)` entries of live mode's footer, most used first: the speaker slots, then
/// the actions the table places there. The help key is [`footer_help`], pinned apart.
pub fn footer_entries(app: &App) -> Vec<(String, String)> {
    let lang = app.settings.lang;
    let keymap = &app.keymap;
    let slots = format!(
        "{}..{}/F1..",
        keymap.key_label(Mode::Live, &Action::SpeakerSlot(1)),
        keymap.key_label(Mode::Live, &Action::SpeakerSlot(10)),
    );
    let speaker = match lang {
        Lang::Ja => "発言者",
        Lang::En => "speaker",
    };
    std::iter::once((slots, speaker.to_owned()))
        .chain(
            footer_actions()
                .iter()
                .map(|action| (keymap.key_label(Mode::Live, action), action.short(lang))),
        )
        .collect()
}

/// The footer's help entry, which stays visible at any width.
pub fn footer_help(app: &App) -> (String, String) {
    (
        app.keymap.key_label(Mode::Live, &Action::ToggleHelp),
        Action::ToggleHelp.short(app.settings.lang),
    )
}

/// `(key, description)` rows of the help list; the speaker slots collapse into two rows.
pub fn help_rows(app: &App) -> Vec<(String, String)> {
    let lang = app.settings.lang;
    let mut rows = Vec::new();
    for mode in Mode::ALL {
        rows.push((String::new(), format!("[{}]", mode_name(mode, lang))));
        let mut slots: Vec<String> = Vec::new();
        let mut seen: Vec<&Action> = Vec::new();
        for b in app.keymap.bindings().iter().filter(|b| b.mode == mode) {
            if let Action::SpeakerSlot(_) = b.action {
                slots.push(b.chord.to_string());
                continue;
            }
            if seen.contains(&&b.action) {
                continue;
            }
            seen.push(&b.action);
            let keys: Vec<String> = app
                .keymap
                .keys_for(mode, &b.action)
                .iter()
                .map(ToString::to_string)
                .collect();
            rows.push((keys.join(" "), b.action.describe(lang)));
        }
        if !slots.is_empty() {
            let (alt, f): (Vec<_>, Vec<_>) = slots.iter().partition(|k| !k.starts_with('F'));
            let desc = match lang {
                Lang::Ja => "その番号の発言者へ",
                Lang::En => "speaker in that slot",
            };
            for group in [alt, f] {
                if let (Some(first), Some(last)) = (group.first(), group.last()) {
                    rows.push((format!("{first}..{last}"), desc.to_owned()));
                }
            }
        }
    }
    let legend = match lang {
        Lang::Ja => "> 現在の発言者・議題  < 直前の発言者  [非公開] [要確認]",
        Lang::En => "> current speaker/item  < previous speaker  [non-public] [check]",
    };
    rows.push((String::new(), legend.to_owned()));
    rows
}

/// The keymap of `modes` as Markdown tables, one per mode: the keys, the action's name in a
/// keymap file, and what it does. The README's keymap tables are this text, and a test keeps
/// them in step with the bindings.
pub fn keymap_markdown(keymap: &super::Keymap, modes: &[Mode], lang: Lang) -> String {
    let mut out = String::new();
    for &mode in modes {
        out.push_str(&format!(
            "**{}** (`{}` in a keymap file)\n\n| key | name in a keymap file | what it does |\n|---|---|---|\n",
            mode_name(mode, lang),
            ron::to_string(&mode).unwrap_or_default()
        ));
        let mut seen: Vec<&Action> = Vec::new();
        for b in keymap.bindings().iter().filter(|b| b.mode == mode) {
            if seen.contains(&&b.action) {
                continue;
            }
            seen.push(&b.action);
            let keys: Vec<String> = keymap
                .keys_for(mode, &b.action)
                .iter()
                .map(|k| format!("`{k}`"))
                .collect();
            let name = ron::to_string(&b.action).unwrap_or_default();
            out.push_str(&format!(
                "| {} | `{name}` | {} |\n",
                keys.join(" "),
                b.action.describe(lang)
            ));
        }
        out.push('\n');
    }
    out
}
