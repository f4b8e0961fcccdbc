//! Which key does what, per mode, as one table. The footer and the help overlay are drawn from
//! this table, so they cannot disagree with the bindings. A RON keymap file merges over it.

use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::Action;
use super::keys::{KeyCode, KeyModifiers};
use crate::text_file::{LoadError, LoadErrorKind, line_col};

/// Where a binding applies. `Edit` holds the text-editing keys shared by every text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Live,
    Edit,
    Review,
    ReviewEdit,
    Search,
    Picker,
    Form,
    Help,
    /// The start screen: the sessions and agenda files to open.
    Start,
}

impl Mode {
    pub const ALL: [Mode; 9] = [
        Mode::Live,
        Mode::Edit,
        Mode::Review,
        Mode::ReviewEdit,
        Mode::Search,
        Mode::Picker,
        Mode::Form,
        Mode::Help,
        Mode::Start,
    ];
}

/// A key with its modifiers, as written in keymap files: `C-o`, `A-1`, `F5`, `S-Tab`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyChord {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl KeyChord {
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Self {
        // Shift is already in the character itself, and BackTab is Shift+Tab.
        let mods = match code {
            KeyCode::Char(_) | KeyCode::BackTab => mods - KeyModifiers::SHIFT,
            _ => mods,
        };
        Self { code, mods }
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        while let Some((prefix, tail)) = rest.split_once('-') {
            if tail.is_empty() {
                break; // "A--": the key is '-'
            }
            mods |= match prefix {
                "C" => KeyModifiers::CONTROL,
                "A" | "M" => KeyModifiers::ALT,
                "S" => KeyModifiers::SHIFT,
                _ => break,
            };
            rest = tail;
        }
        let code = match rest {
            "Enter" => KeyCode::Enter,
            "Esc" => KeyCode::Esc,
            "Tab" if mods.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            "Tab" => KeyCode::Tab,
            "BackTab" => KeyCode::BackTab,
            "Backspace" => KeyCode::Backspace,
            "Delete" => KeyCode::Delete,
            "Insert" => KeyCode::Insert,
            "Home" => KeyCode::Home,
            "End" => KeyCode::End,
            "PageUp" => KeyCode::PageUp,
            "PageDown" => KeyCode::PageDown,
            "Up" => KeyCode::Up,
            "Down" => KeyCode::Down,
            "Left" => KeyCode::Left,
            "Right" => KeyCode::Right,
            "Space" => KeyCode::Char(' '),
            f if f.starts_with('F') && f.len() > 1 => match f[1..].parse::<u8>() {
                Ok(n @ 1..=24) => KeyCode::F(n),
                _ => return Err(format!("`{s}`: no such function key (F1 to F24)")),
            },
            c if c.chars().count() == 1 => KeyCode::Char(c.chars().next().unwrap_or(' ')),
            _ => {
                return Err(format!(
                    "`{s}` is not a key: expected e.g. `C-o`, `A-1`, `F5`, `Enter`, `S-Tab`"
                ));
            }
        };
        Ok(Self::new(code, mods))
    }
}

impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("C-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("A-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            f.write_str("S-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            KeyCode::BackTab => f.write_str("S-Tab"),
            KeyCode::PageUp => f.write_str("PageUp"),
            KeyCode::PageDown => f.write_str("PageDown"),
            other => write!(f, "{other:?}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub mode: Mode,
    pub chord: KeyChord,
    pub action: Action,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
    /// Stock phrases of the clerk's own (A-p), for every meeting whose agenda file names none.
    pub phrases: Vec<String>,
}

/// The ways in and out of each mode: a keymap must leave a key for each.
const ESSENTIAL: &[(Mode, Action, &str)] = &[
    (
        Mode::Live,
        Action::ToggleReview,
        "cleanup mode could not be reached",
    ),
    (
        Mode::Review,
        Action::ToggleReview,
        "recording could not be reached from cleanup",
    ),
    (
        Mode::Live,
        Action::Quit,
        "kiroku could not be quit while recording",
    ),
    (
        Mode::Start,
        Action::Quit,
        "the start screen could not be left",
    ),
    (Mode::Live, Action::Commit, "no remark could be committed"),
    (
        Mode::Live,
        Action::ToggleHelp,
        "the list of keys could not be opened",
    ),
    (
        Mode::Picker,
        Action::Confirm,
        "nothing could be chosen in a list",
    ),
    (Mode::Picker, Action::Cancel, "a list could not be closed"),
    (Mode::Form, Action::Confirm, "no form could be filled in"),
    (Mode::Form, Action::Cancel, "a form could not be closed"),
    (
        Mode::Help,
        Action::Cancel,
        "the list of keys could not be closed",
    ),
];

const DEFAULTS: &[(Mode, &str, Action)] = {
    use Action::*;
    use Mode::*;
    &[
        (Live, "Enter", Commit),
        (Live, "A-Enter", NewLine),
        (Live, "Tab", SwapSpeaker),
        (Live, "S-Tab", PrevSpeaker),
        (Live, "A-Down", NextSpeaker),
        (Live, "A-Up", PrevSpeaker),
        (Live, "A-n", NoSpeaker),
        (Live, "C-f", OpenPicker),
        (Live, "C-n", NextItem),
        (Live, "C-p", PrevItem),
        (Live, "A-g", JumpToItem),
        (Live, "C-o", ToggleOffRecord),
        (Live, "A-o", OpenMeeting),
        (Live, "A-r", Recess),
        (Live, "A-c", CloseMeeting),
        (Live, "A-a", Attendance),
        (Live, "A-v", Decide),
        (Live, "A-p", Phrases),
        (Live, "A-,", EarlierStart),
        (Live, "A-.", LaterStart),
        (Live, "A-m", MarkRecording),
        (Live, "A-h", Handover),
        (Live, "C-t", CheckLater),
        (Live, "C-k", InsertInaudible),
        (Live, "A-u", UndoInput),
        (Live, "C-z", UndoCommit),
        (Live, "C-s", Save),
        (Live, "C-q", Quit),
        (Live, "C-c", Quit),
        (Live, "A-z", Suspend),
        (Live, "C-g", ToggleHelp),
        (Live, "PageUp", ScrollUp),
        (Live, "PageDown", ScrollDown),
        (Live, "C-End", ScrollBottom),
        (Live, "Esc", ScrollBottom),
        (Live, "C-r", ToggleReview),
        (Live, "A-1", SpeakerSlot(1)),
        (Live, "A-2", SpeakerSlot(2)),
        (Live, "A-3", SpeakerSlot(3)),
        (Live, "A-4", SpeakerSlot(4)),
        (Live, "A-5", SpeakerSlot(5)),
        (Live, "A-6", SpeakerSlot(6)),
        (Live, "A-7", SpeakerSlot(7)),
        (Live, "A-8", SpeakerSlot(8)),
        (Live, "A-9", SpeakerSlot(9)),
        (Live, "A-0", SpeakerSlot(10)),
        (Live, "F1", SpeakerSlot(1)),
        (Live, "F2", SpeakerSlot(2)),
        (Live, "F3", SpeakerSlot(3)),
        (Live, "F4", SpeakerSlot(4)),
        (Live, "F5", SpeakerSlot(5)),
        (Live, "F6", SpeakerSlot(6)),
        (Live, "F7", SpeakerSlot(7)),
        (Live, "F8", SpeakerSlot(8)),
        (Live, "F9", SpeakerSlot(9)),
        (Live, "F10", SpeakerSlot(10)),
        (Live, "F11", SpeakerSlot(11)),
        (Live, "F12", SpeakerSlot(12)),
        (Edit, "Left", CursorLeft),
        (Edit, "Right", CursorRight),
        (Edit, "C-Left", WordLeft),
        (Edit, "C-Right", WordRight),
        (Edit, "A-b", WordLeft),
        (Edit, "A-f", WordRight),
        (Edit, "Home", LineStart),
        (Edit, "End", LineEnd),
        (Edit, "C-a", LineStart),
        (Edit, "C-e", LineEnd),
        (Edit, "Up", CursorUp),
        (Edit, "Down", CursorDown),
        (Edit, "Backspace", DeleteBack),
        (Edit, "Delete", DeleteForward),
        (Edit, "C-w", DeleteWordBack),
        (Edit, "C-u", ClearInput),
        (Edit, "A-Backspace", DeleteWordBack),
        (Edit, "C-Delete", DeleteWordForward),
        (Edit, "A-d", DeleteWordForward),
        (Review, "C-r", ToggleReview),
        (Review, "Down", SelectNext),
        (Review, "j", SelectNext),
        (Review, "Up", SelectPrev),
        (Review, "k", SelectPrev),
        (Review, "PageDown", ScrollDown),
        (Review, "PageUp", ScrollUp),
        (Review, "Home", SelectFirst),
        (Review, "g", SelectFirst),
        (Review, "End", SelectLast),
        (Review, "G", SelectLast),
        (Review, "C-n", NextItem),
        (Review, "C-p", PrevItem),
        (Review, "c", NextCheck),
        (Review, "C", PrevCheck),
        (Review, "i", NextInaudible),
        (Review, "I", PrevInaudible),
        (Review, "s", NextSameSpeaker),
        (Review, "S", PrevSameSpeaker),
        (Review, "Enter", EditRemark),
        (Review, "e", EditRemark),
        (Review, "Space", ToggleMark),
        (Review, "A-1", SpeakerSlot(1)),
        (Review, "A-2", SpeakerSlot(2)),
        (Review, "A-3", SpeakerSlot(3)),
        (Review, "A-4", SpeakerSlot(4)),
        (Review, "A-5", SpeakerSlot(5)),
        (Review, "A-6", SpeakerSlot(6)),
        (Review, "A-7", SpeakerSlot(7)),
        (Review, "A-8", SpeakerSlot(8)),
        (Review, "A-9", SpeakerSlot(9)),
        (Review, "A-0", SpeakerSlot(10)),
        (Review, "F1", SpeakerSlot(1)),
        (Review, "F2", SpeakerSlot(2)),
        (Review, "F3", SpeakerSlot(3)),
        (Review, "F4", SpeakerSlot(4)),
        (Review, "F5", SpeakerSlot(5)),
        (Review, "F6", SpeakerSlot(6)),
        (Review, "F7", SpeakerSlot(7)),
        (Review, "F8", SpeakerSlot(8)),
        (Review, "F9", SpeakerSlot(9)),
        (Review, "F10", SpeakerSlot(10)),
        (Review, "F11", SpeakerSlot(11)),
        (Review, "F12", SpeakerSlot(12)),
        (Review, "A-n", NoSpeaker),
        (Review, "C-f", OpenPicker),
        (Review, ">", MoveToNextItem),
        (Review, "<", MoveToPrevItem),
        (Review, "p", FlagNonPublic),
        (Review, "P", Release),
        (Review, "t", CheckLater),
        (Review, "C-t", CheckLater),
        (Review, "d", DeleteRemark),
        (Review, "Delete", DeleteRemark),
        (Review, "J", MergeNext),
        (Review, "u", Undo),
        (Review, "C-z", Undo),
        (Review, "U", Redo),
        (Review, "C-y", Redo),
        (Review, "/", StartSearch),
        (Review, "n", SearchNext),
        (Review, "N", SearchPrev),
        (Review, "v", TogglePreview),
        (Review, "E", EditMeeting),
        (Review, "R", EditParticipant),
        (Review, "A", EditAgendaItem),
        (Review, "L", EditLog),
        (Review, "V", Versions),
        (Review, "o", InsertAfter),
        (Review, "O", InsertBefore),
        (Review, "T", EditTime),
        (Review, "A-Up", MoveUp),
        (Review, "A-Down", MoveDown),
        (Review, "F", Replace),
        (Review, "Esc", Cancel),
        (Review, "C-g", ToggleHelp),
        (ReviewEdit, "Enter", Confirm),
        (ReviewEdit, "Esc", Cancel),
        (ReviewEdit, "A-Enter", NewLine),
        (ReviewEdit, "A-s", SplitRemark),
        (ReviewEdit, "C-k", InsertInaudible),
        (Mode::Search, "Enter", Confirm),
        (Mode::Search, "Esc", Cancel),
        (Mode::Search, "Down", SearchNext),
        (Mode::Search, "Up", SearchPrev),
        (Picker, "Enter", Confirm),
        (Picker, "Esc", Cancel),
        (Picker, "C-f", Cancel),
        (Picker, "Up", SelectPrev),
        (Picker, "Down", SelectNext),
        (Picker, "C-a", AddParticipant),
        (Picker, "A-Enter", PhraseAsNote),
        (Picker, "A-o", ToggleOnline),
        (Form, "Enter", Confirm),
        (Form, "Esc", Cancel),
        (Form, "Tab", NextField),
        (Form, "Down", NextField),
        (Form, "S-Tab", PrevField),
        (Form, "Up", PrevField),
        (Form, "A-o", ToggleOnline),
        (Help, "Esc", Cancel),
        (Help, "Enter", Cancel),
        (Help, "C-g", Cancel),
        (Help, "q", Cancel),
        (Help, "Down", SelectNext),
        (Help, "Up", SelectPrev),
        (Help, "PageDown", ScrollDown),
        (Help, "PageUp", ScrollUp),
        (Help, "Home", SelectFirst),
        (Help, "End", SelectLast),
        (Start, "Enter", Confirm),
        (Start, "Down", SelectNext),
        (Start, "j", SelectNext),
        (Start, "C-n", SelectNext),
        (Start, "Up", SelectPrev),
        (Start, "k", SelectPrev),
        (Start, "C-p", SelectPrev),
        (Start, "Esc", Quit),
        (Start, "q", Quit),
        (Start, "C-q", Quit),
        (Start, "C-c", Quit),
    ]
};

/// A keymap file: per mode, a list of `("key", action)` pairs that replace or add to the
/// defaults.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(rename = "Keymap", deny_unknown_fields)]
struct KeymapFile {
    #[serde(default)]
    live: Vec<(String, Action)>,
    #[serde(default)]
    edit: Vec<(String, Action)>,
    #[serde(default)]
    review: Vec<(String, Action)>,
    #[serde(default)]
    review_edit: Vec<(String, Action)>,
    #[serde(default)]
    search: Vec<(String, Action)>,
    #[serde(default)]
    picker: Vec<(String, Action)>,
    #[serde(default)]
    form: Vec<(String, Action)>,
    #[serde(default)]
    help: Vec<(String, Action)>,
    #[serde(default)]
    start: Vec<(String, Action)>,
    /// Stock phrases for A-p.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    phrases: Vec<String>,
}

impl KeymapFile {
    fn section(&mut self, mode: Mode) -> &mut Vec<(String, Action)> {
        match mode {
            Mode::Live => &mut self.live,
            Mode::Edit => &mut self.edit,
            Mode::Review => &mut self.review,
            Mode::ReviewEdit => &mut self.review_edit,
            Mode::Search => &mut self.search,
            Mode::Picker => &mut self.picker,
            Mode::Form => &mut self.form,
            Mode::Help => &mut self.help,
            Mode::Start => &mut self.start,
        }
    }
}

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULTS
            .iter()
            .map(|(mode, key, action)| Binding {
                mode: *mode,
                // The table above is fixed; a key in it that does not parse is a bug.
                chord: KeyChord::parse(key).expect("default keys parse"),
                action: action.clone(),
            })
            .collect();
        Self {
            bindings,
            phrases: Vec::new(),
        }
    }
}

impl Keymap {
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The action for `chord` in the first of `modes` that binds it.
    pub fn lookup(&self, modes: &[Mode], chord: KeyChord) -> Option<&Action> {
        modes.iter().find_map(|m| {
            self.bindings
                .iter()
                .find(|b| b.mode == *m && b.chord == chord)
                .map(|b| &b.action)
        })
    }

    /// Every key bound to `action` in `mode`, in table order.
    pub fn keys_for(&self, mode: Mode, action: &Action) -> Vec<KeyChord> {
        self.bindings
            .iter()
            .filter(|b| b.mode == mode && &b.action == action)
            .map(|b| b.chord)
            .collect()
    }

    /// The first key for `action`, as text for hints (`C-o`).
    pub fn key_label(&self, mode: Mode, action: &Action) -> String {
        self.keys_for(mode, action)
            .first()
            .map_or_else(|| "-".to_owned(), ToString::to_string)
    }

    /// Binds `chord` to `action` in `mode`, replacing what it did there before.
    pub fn bind(&mut self, mode: Mode, chord: KeyChord, action: Action) {
        self.bindings
            .retain(|b| !(b.mode == mode && b.chord == chord));
        self.bindings.push(Binding {
            mode,
            chord,
            action,
        });
    }

    /// The defaults with the text of keymap file `path` merged over them (the command layer
    /// reads the file).
    pub fn parse(path: &Path, text: &str) -> Result<Self, LoadError> {
        let err = |position, kind, message: String| LoadError {
            path: path.to_path_buf(),
            position,
            kind,
            message,
        };
        let mut file: KeymapFile = ron::Options::default().from_str(text).map_err(|e| {
            err(
                Some((e.span.start.line, e.span.start.col)),
                LoadErrorKind::Syntax,
                format!("{} (reading this as a keymap file)", e.code),
            )
        })?;
        let mut map = Self {
            // A phrase is text put into the record and drawn on the screen: no control
            // character comes in with it.
            phrases: std::mem::take(&mut file.phrases)
                .into_iter()
                .map(|p| crate::model::clean::strip_controls(&p).into_owned())
                .filter(|p| !p.trim().is_empty())
                .collect(),
            ..Self::default()
        };
        for mode in Mode::ALL {
            for (key, action) in std::mem::take(file.section(mode)) {
                let chord = KeyChord::parse(&key).map_err(|m| {
                    let at = text.find(&format!("\"{key}\"")).unwrap_or(0);
                    err(Some(line_col(text, at)), LoadErrorKind::Invalid, m)
                })?;
                map.bind(mode, chord, action);
            }
        }
        // A file that takes away the last key of a way in or out leaves a mode unreachable
        // (the README's own example once took C-r, the only key into cleanup): refused,
        // at the key that did it.
        for (mode, action, lost) in ESSENTIAL {
            if map
                .bindings
                .iter()
                .any(|b| b.mode == *mode && &b.action == action)
            {
                continue;
            }
            let taken = DEFAULTS
                .iter()
                .filter(|(m, _, a)| m == mode && a == action)
                .find_map(|(_, key, _)| text.find(&format!("\"{key}\"")).map(|at| (*key, at)));
            let (key, at) = taken.unwrap_or(("", 0));
            return Err(err(
                Some(line_col(text, at)),
                LoadErrorKind::Invalid,
                format!(
                    "no key is left for `{}` in `{}`{}: {lost}; bind it to another key as well",
                    ron::to_string(action).unwrap_or_default(),
                    ron::to_string(mode).unwrap_or_default(),
                    if key.is_empty() {
                        String::new()
                    } else {
                        format!(" (`{key}` was its key)")
                    },
                ),
            ));
        }
        Ok(map)
    }

    /// The whole keymap as a keymap file: what `kiroku keys` prints.
    pub fn to_ron(&self) -> String {
        let mut file = KeymapFile {
            phrases: self.phrases.clone(),
            ..KeymapFile::default()
        };
        for b in &self.bindings {
            file.section(b.mode)
                .push((b.chord.to_string(), b.action.clone()));
        }
        let pretty = ron::ser::PrettyConfig::new()
            .new_line("\n")
            .struct_names(true)
            .depth_limit(2);
        let mut s = ron::ser::to_string_pretty(&file, pretty).expect("keymap serializes");
        s.push('\n');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chords_parse_and_print_back() {
        for s in [
            "C-o",
            "A-1",
            "F12",
            "S-Tab",
            "Enter",
            "C-End",
            "A-Backspace",
            "A--",
            "q",
        ] {
            assert_eq!(KeyChord::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(
            KeyChord::parse("M-2").unwrap(),
            KeyChord::new(KeyCode::Char('2'), KeyModifiers::ALT)
        );
    }

    #[test]
    fn bad_chords_are_rejected() {
        assert!(KeyChord::parse("F99").is_err());
        assert!(KeyChord::parse("Ctrl-x").is_err());
        assert!(KeyChord::parse("").is_err());
    }

    #[test]
    fn shift_is_part_of_the_character() {
        let ev = KeyChord::new(KeyCode::Char('Q'), KeyModifiers::SHIFT);
        assert_eq!(ev, KeyChord::parse("Q").unwrap());
    }

    #[test]
    fn defaults_have_no_duplicate_keys_within_a_mode() {
        let map = Keymap::default();
        for (i, a) in map.bindings.iter().enumerate() {
            for b in &map.bindings[i + 1..] {
                assert!(
                    !(a.mode == b.mode && a.chord == b.chord),
                    "{} twice",
                    a.chord
                );
            }
        }
    }

    #[test]
    fn printed_keymap_loads_back_identically() {
        let map = Keymap::default();
        let text = map.to_ron();
        assert_eq!(Keymap::parse(Path::new("k.ron"), &text).unwrap(), map);
    }

    #[test]
    fn a_file_rebinds_a_key() {
        let text = r#"Keymap(live: [("C-r", toggle_off_record), ("C-x", toggle_review), ("F1", speaker_slot(6))])"#;
        let map = Keymap::parse(Path::new("k.ron"), text).unwrap();
        let chord = KeyChord::parse("C-r").unwrap();
        assert_eq!(
            map.lookup(&[Mode::Live], chord),
            Some(&Action::ToggleOffRecord)
        );
        let f1 = KeyChord::parse("F1").unwrap();
        assert_eq!(map.lookup(&[Mode::Live], f1), Some(&Action::SpeakerSlot(6)));
    }

    #[test]
    fn a_bad_file_says_where() {
        let e = Keymap::parse(Path::new("k.ron"), "Keymap(live: [(\"C-r\", fly)])").unwrap_err();
        assert!(e.to_string().starts_with("k.ron:1:"), "{e}");
        let e = Keymap::parse(Path::new("k.ron"), "Keymap(\n live: [(\"Hyper-x\", save)])")
            .unwrap_err();
        assert_eq!(e.position, Some((2, 10)), "{e}");
    }
}
