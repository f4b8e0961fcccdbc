//! Everything a user can do, one row each: the variant (with what it carries), its name in a
//! keymap file, what it does in Japanese and in English, a shorter label for the footer where
//! the description is too long, and its place in the footer. Help, the footer, `kiroku keys`
//! and the README's keymap tables all read these rows; adding an action is one row here and
//! its arm in the update step. The variants a keymap file may name are (de)serialized in
//! snake_case (`toggle_off_record`, `speaker_slot(3)`); those without a name come from the
//! terminal loop and the recorder.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// One action's row of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// The variant, as the code names it.
    pub variant: &'static str,
    /// Its name in a keymap file; empty for what no key is bound to (typed characters,
    /// pastes, the loop's own events).
    pub key: &'static str,
    /// What it does, in Japanese and in English (`{n}`: a speaker slot's number).
    pub ja: &'static str,
    pub en: &'static str,
    /// The footer's shorter label, where the description is too long for it.
    pub short: Option<(&'static str, &'static str)>,
    /// Its place in live mode's footer (1 first), if it has one.
    pub footer: Option<u8>,
}

impl Row {
    /// The description in `lang`.
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ja => self.ja,
            Lang::En => self.en,
        }
    }
}

/// The enum and its table from one list of rows: `Variant(payload) = "keymap_name",
/// "日本語", "English"`, then optionally `short "…", "…"` and `footer N`.
macro_rules! actions {
    ($(
        $(#[$meta:meta])*
        $name:ident $(( $($field:ty),* ))? = $key:literal, $ja:literal, $en:literal
            $(, short $sja:literal, $sen:literal)? $(, footer $rank:literal)?;
    )*) => {
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Action {
            $( $(#[$meta])* $name $(( $($field),* ))?, )*
        }

        /// Every action's row, in the order the table gives them.
        pub const ACTIONS: &[Row] = &[
            $( actions!(@row $name, $key, $ja, $en, [$($sja, $sen)?], [$($rank)?]), )*
        ];

        impl Action {
            /// This action's row of the table.
            pub fn row(&self) -> Row {
                match self {
                    $( Action::$name { .. } => actions!(@row $name, $key, $ja, $en, [$($sja, $sen)?], [$($rank)?]), )*
                }
            }
        }
    };
    (@row $name:ident, $key:literal, $ja:literal, $en:literal, [$($sja:literal, $sen:literal)?], [$($rank:literal)?]) => {
        Row {
            variant: stringify!($name),
            key: $key,
            ja: $ja,
            en: $en,
            short: actions!(@opt $(($sja, $sen))?),
            footer: actions!(@opt $($rank)?),
        }
    };
    (@opt) => { None };
    (@opt $v:expr) => { Some($v) };
}

actions! {
    /// The views measured the screen anew (after a frame): see [`super::View`].
    #[serde(skip)]
    View(super::View) = "", "", "";
    /// Something the user should know about the session's files (changed by someone else,
    /// and written again): shown in the header.
    #[serde(skip)]
    Notice(String) = "", "", "";
    /// The session file was replaced under this kiroku by this one (git, a copy): what it
    /// holds that the record lacks is merged in.
    #[serde(skip)]
    TakeIn(Box<crate::model::Session>) = "", "", "";
    /// Commit the input as a remark of the current speaker.
    Commit = "commit", "発言を確定", "commit the remark", short "確定", "commit", footer 1;
    /// Start a new paragraph inside the remark being typed.
    NewLine = "new_line", "改行", "new paragraph";
    /// Make the participant in hotkey slot N (1–12) the current speaker.
    SpeakerSlot(u8) = "speaker_slot", "発言者 {n} 番", "speaker in slot {n}";
    /// Swap back to the previous speaker.
    SwapSpeaker = "swap_speaker", "直前の発言者に戻す", "swap to previous speaker", short "直前の人", "prev speaker", footer 7;
    /// The next participant in roster order.
    NextSpeaker = "next_speaker", "次の出席者", "next speaker";
    /// The previous participant in roster order.
    PrevSpeaker = "prev_speaker", "前の出席者", "previous speaker";
    /// No speaker: the next remark is the note-taker's own note.
    NoSpeaker = "no_speaker", "発言者なし（メモ）", "no speaker (note)";
    /// Open the speaker picker (search the roster, add someone).
    OpenPicker = "open_picker", "発言者を検索・追加", "find or add a speaker", short "発言者検索", "find speaker", footer 8;
    /// Move on to the next agenda item.
    NextItem = "next_item", "次の議題", "next agenda item", short "次の議題", "next item", footer 3;
    /// Go back to the previous agenda item.
    PrevItem = "prev_item", "前の議題", "previous agenda item";
    /// Go to agenda item N: a small form asks which.
    JumpToItem = "jump_to_item", "番号を入れて議題へ移動", "go to agenda item N";
    /// Off the record on/off.
    ToggleOffRecord = "toggle_off_record", "非公開（オフレコ）切替", "off the record on/off", short "非公開", "off-record", footer 2;
    /// 開会: the meeting opens now (its actual start time).
    OpenMeeting = "open_meeting", "開会（実際の開始時刻を記録）", "open the meeting (開会): its actual start";
    /// 休憩, or 再開 when in a recess: the clocks stop, then go on.
    Recess = "recess", "休憩／再開（休憩中は時計が止まる）", "recess / resume (休憩・再開): clocks pause";
    /// 閉会: the meeting ends now and the clocks stop; pressed again, takes it back.
    CloseMeeting = "close_meeting", "閉会（時計が止まる。もう一度で取り消し）", "close the meeting (閉会); again to take it back";
    /// Someone came in or went out (遅参, 退席, 復帰): pick them, and it is logged now.
    Attendance = "attendance", "出欠：選んだ人の入室・退席を記録", "attendance: log someone coming in or going out";
    /// What the current item decided, and how: a small form.
    Decide = "decide", "議決：この議題の結果・方法・採決数を記録", "decision: the current item's result, how, the votes";
    /// The stock phrases: Enter puts one at the cursor.
    Phrases = "phrases", "定型句（〔「異議なし」と呼ぶ者あり〕など）を挿入", "stock phrases (〔「異議なし」と呼ぶ者あり〕 …) at the cursor";
    /// The remark being typed began earlier: its begin time goes back five seconds (clerks
    /// type behind the speaker).
    EarlierStart = "earlier_start", "入力中の発言の開始時刻を5秒早める", "the remark being typed began 5 s earlier";
    /// Its begin time comes forward five seconds again (never past now).
    LaterStart = "later_start", "入力中の発言の開始時刻を5秒遅らせる", "the remark being typed began 5 s later";
    /// The recording started now: remarks also carry their offset into it.
    MarkRecording = "mark_recording", "録音・録画の開始を記録（以後、発言に経過位置が付く）", "the recording started now: remarks get its offsets";
    /// 交代: another clerk takes the record down from now on.
    Handover = "handover", "交代：次の記録者に引き継ぐ（時刻を記録）", "hand over (交代) to the next clerk, timed";
    /// This clerk records from now on (`--clerk`): the first, or a 交代.
    #[serde(skip)]
    SetClerk(String) = "", "", "";
    /// Cleanup: the meeting log (events, comings and goings, decisions) to correct.
    EditLog = "edit_log", "会議の記録（開会・休憩・出欠・議決）の時刻を直す・消す", "the meeting log: correct or remove an event, arrival or decision";
    /// Cleanup: the selected remark's other versions from a merge, side by side: keep one.
    Versions = "versions", "別の記録（統合で生じた別案）を並べて見て、一つを採用", "other clerks' versions of the remark, side by side: keep one";
    /// Cleanup: insert a missed remark after the selected one.
    InsertAfter = "insert_after", "選択した発言の後に、抜けた発言を挿入", "insert a missed remark after this one";
    /// Cleanup: insert a missed remark before the selected one.
    InsertBefore = "insert_before", "選択した発言の前に、抜けた発言を挿入", "insert a missed remark before this one";
    /// Cleanup: correct the time the selected remark began.
    EditTime = "edit_time", "発言の開始時刻を修正（前後の発言の間）", "correct the time it began (between its neighbours)";
    /// Cleanup: move the selected remark up within its item.
    MoveUp = "move_up", "議題の中で一つ上へ（時刻も入れ替え）", "move up within its item (times trade too)";
    /// Cleanup: move the selected remark down within its item.
    MoveDown = "move_down", "議題の中で一つ下へ（時刻も入れ替え）", "move down within its item (times trade too)";
    /// Cleanup: replace words everywhere, after a preview of each match.
    Replace = "replace", "置換（一覧で確かめてから一括・取り消し可）", "replace everywhere, after a preview (undoable)";
    /// In the stock phrases: commit the chosen one as a note of its own, now.
    PhraseAsNote = "phrase_as_note", "定型句をそのままメモとして確定", "commit the stock phrase as a note of its own";
    /// Mark the remark being typed (or the last one) "check later".
    CheckLater = "check_later", "要確認の印", "mark check later", short "要確認", "check", footer 4;
    /// Insert the inaudible mark ［聞き取れず］ at the cursor.
    InsertInaudible = "insert_inaudible", "［聞き取れず］を挿入", "insert inaudible mark";
    /// Empty the input box (A-u brings it back).
    ClearInput = "clear_input", "入力欄を空にする（A-uで戻す）", "empty the input box (A-u brings it back)";
    /// Undo the last change to the input box: typing, deleting, pasting, clearing.
    UndoInput = "undo_input", "入力欄の直前の変更を取り消す", "undo the last change in the input box";
    /// Take back the last commit: its text returns to the input box.
    UndoCommit = "undo_commit", "直前の確定を取消", "undo last commit", short "取消", "undo", footer 5;
    /// Save now.
    Save = "save", "保存", "save";
    /// Save and quit.
    Quit = "quit", "保存して終了", "save and quit", short "終了", "quit", footer 6;
    /// Give the terminal back and stop (as Ctrl+Z does in a shell); `fg` resumes.
    Suspend = "suspend", "一時停止（fg で再開）", "suspend (fg resumes)";
    /// Show or hide the list of every key.
    ToggleHelp = "toggle_help", "キー一覧", "help", short "ヘルプ", "help";
    /// Scroll the timeline one page back.
    ScrollUp = "scroll_up", "記録を前へ", "scroll back";
    /// Scroll the timeline one page forward.
    ScrollDown = "scroll_down", "記録を後へ", "scroll forward";
    /// Jump to the newest remark.
    ScrollBottom = "scroll_bottom", "最新の記録へ", "newest remark";
    CursorLeft = "cursor_left", "左へ", "left";
    CursorRight = "cursor_right", "右へ", "right";
    WordLeft = "word_left", "前の語へ", "word left";
    WordRight = "word_right", "次の語へ", "word right";
    LineStart = "line_start", "行頭へ", "line start";
    LineEnd = "line_end", "行末へ", "line end";
    CursorUp = "cursor_up", "上の行へ", "line up";
    CursorDown = "cursor_down", "下の行へ", "line down";
    DeleteBack = "delete_back", "前の文字を削除", "delete back";
    DeleteForward = "delete_forward", "後の文字を削除", "delete forward";
    DeleteWordBack = "delete_word_back", "前の語を削除", "delete word back";
    DeleteWordForward = "delete_word_forward", "後の語を削除", "delete word forward";
    /// Switch between live mode and cleanup mode.
    ToggleReview = "toggle_review", "記録/整理モード切替", "live / cleanup mode";
    /// Cleanup: the first remark.
    SelectFirst = "select_first", "最初の発言", "first remark";
    /// Cleanup: the last remark.
    SelectLast = "select_last", "最後の発言", "last remark";
    /// Cleanup: the next remark marked "check later".
    NextCheck = "next_check", "次の要確認", "next check-later mark";
    /// Cleanup: the previous remark marked "check later".
    PrevCheck = "prev_check", "前の要確認", "previous check-later mark";
    /// Cleanup: the next remark with an inaudible mark.
    NextInaudible = "next_inaudible", "次の聞き取れず", "next inaudible mark";
    /// Cleanup: the previous remark with an inaudible mark.
    PrevInaudible = "prev_inaudible", "前の聞き取れず", "previous inaudible mark";
    /// Cleanup: the next remark by the same speaker.
    NextSameSpeaker = "next_same_speaker", "同じ発言者の次の発言", "next by the same speaker";
    /// Cleanup: the previous remark by the same speaker.
    PrevSameSpeaker = "prev_same_speaker", "同じ発言者の前の発言", "previous by the same speaker";
    /// Cleanup: edit the selected remark's text.
    EditRemark = "edit_remark", "本文を編集", "edit the text";
    /// Cleanup, while editing: split the remark at the cursor.
    SplitRemark = "split_remark", "カーソル位置で分割", "split at the cursor";
    /// Cleanup: mark or unmark the selected remark (commands then apply to all marked).
    ToggleMark = "toggle_mark", "選択に追加/解除", "mark / unmark";
    /// Cleanup: move the remark(s) to the next agenda item.
    MoveToNextItem = "move_to_next_item", "次の議題へ移動", "move to the next item";
    /// Cleanup: move the remark(s) to the previous agenda item.
    MoveToPrevItem = "move_to_prev_item", "前の議題へ移動", "move to the previous item";
    /// Cleanup: flag the remark(s) non-public. It never un-flags: making something public
    /// again is `Release`, one remark at a time.
    #[serde(alias = "toggle_non_public")]
    FlagNonPublic = "flag_non_public", "非公開にする", "flag non-public";
    /// Cleanup: make the selected remark public again (a non-public remark outside a closed
    /// item), or release a note by the clerk for the public minutes.
    Release = "release", "公開に戻す（選択中の1件）", "make public again (the selected remark)";
    /// Cleanup: delete the remark(s).
    DeleteRemark = "delete_remark", "発言を削除", "delete";
    /// Cleanup: merge the selected remark with the next one by the same speaker.
    MergeNext = "merge_next", "次の発言と結合", "merge with the next";
    /// Cleanup: undo the last change.
    Undo = "undo", "元に戻す", "undo";
    /// Cleanup: redo what was undone.
    Redo = "redo", "やり直し", "redo";
    /// Cleanup: search text and speakers as you type.
    /// (In a keymap file: `search`; named apart from the search mode.)
    #[serde(rename = "search")]
    StartSearch = "search", "検索", "search";
    /// Cleanup: the next search match.
    SearchNext = "search_next", "次の一致", "next match";
    /// Cleanup: the previous search match.
    SearchPrev = "search_prev", "前の一致", "previous match";
    /// Cleanup: show or hide the public-minutes preview.
    TogglePreview = "toggle_preview", "公開版プレビュー", "public preview";
    /// Cleanup: correct the meeting header.
    EditMeeting = "edit_meeting", "会議情報を修正", "correct the meeting";
    /// Cleanup: correct the selected remark's speaker's roster entry.
    EditParticipant = "edit_participant", "この発言者の登録を修正", "correct this speaker";
    /// Cleanup: correct the selected remark's agenda item.
    EditAgendaItem = "edit_agenda_item", "この議題を修正", "correct this item";
    /// Close an overlay without doing anything.
    Cancel = "cancel", "閉じる", "close";
    /// Accept the choice in an overlay.
    Confirm = "confirm", "決定", "accept";
    /// Next entry in a list.
    SelectNext = "select_next", "次の候補", "next entry";
    /// Previous entry in a list.
    SelectPrev = "select_prev", "前の候補", "previous entry";
    /// Next field of a form.
    NextField = "next_field", "次の欄", "next field";
    /// Previous field of a form.
    PrevField = "prev_field", "前の欄", "previous field";
    /// In the picker: add someone who is not on the roster.
    AddParticipant = "add_participant", "出席者を追加", "add a participant";
    /// In the add form: room or online.
    ToggleOnline = "toggle_online", "会場/Web 切替", "room/online";
    /// A typed character.
    #[serde(skip)]
    Insert(char) = "", "", "";
    /// Bracketed paste.
    #[serde(skip)]
    Paste(String) = "", "", "";
    /// The terminal changed size.
    #[serde(skip)]
    Resize(u16, u16) = "", "", "";
    /// A save finished (`Err` holds the message).
    #[serde(skip)]
    Saved(Result<(), String>) = "", "", "";
    /// The clock: the unfinished input is journaled if it changed (at most once a second).
    #[serde(skip)]
    Tick = "", "", "";
    /// Everything, unfinished input included, was written into the session file itself.
    #[serde(skip)]
    Folded = "", "", "";
    /// The session is saved to this path from now on (save-as after a storage error).
    #[serde(skip)]
    SavedAs(std::path::PathBuf) = "", "", "";
    /// A quit was refused because saving failed; the next quit goes through.
    #[serde(skip)]
    QuitRefused = "", "", "";
}

impl Action {
    /// What the action does, for the help overlay, the README and `kiroku keys`.
    pub fn describe(&self, lang: Lang) -> String {
        let text = self.row().text(lang);
        match self {
            Action::SpeakerSlot(n) => text.replace("{n}", &n.to_string()),
            _ => text.to_owned(),
        }
    }

    /// One or two words for the footer: the row's short label, or its description.
    pub fn short(&self, lang: Lang) -> String {
        match self.row().short {
            Some((ja, en)) => match lang {
                Lang::Ja => ja.to_owned(),
                Lang::En => en.to_owned(),
            },
            None => self.describe(lang),
        }
    }
    /// In live mode with nothing open over it, does this action change the input box and
    /// nothing else?
    pub fn only_edits_input(&self) -> bool {
        use Action::*;
        matches!(
            self,
            Insert(_)
                | Paste(_)
                | NewLine
                | InsertInaudible
                | ClearInput
                | UndoInput
                | CursorLeft
                | CursorRight
                | WordLeft
                | WordRight
                | LineStart
                | LineEnd
                | CursorUp
                | CursorDown
                | DeleteBack
                | DeleteForward
                | DeleteWordBack
                | DeleteWordForward
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Keymap, Mode};

    #[test]
    fn the_table_names_each_action_once_and_every_name_reads_back() {
        for (i, row) in ACTIONS.iter().enumerate() {
            let later = &ACTIONS[i + 1..];
            assert!(later.iter().all(|r| r.variant != row.variant), "{row:?}");
            if row.key.is_empty() {
                continue;
            }
            assert!(later.iter().all(|r| r.key != row.key), "{} twice", row.key);
            assert!(
                !row.ja.is_empty() && !row.en.is_empty(),
                "{row:?} says what it does"
            );
            // A keymap file's name reads back as this very action.
            let named = if row.variant == "SpeakerSlot" {
                format!("{}(1)", row.key)
            } else {
                row.key.to_owned()
            };
            let action: Action = ron::from_str(&named).unwrap_or_else(|e| panic!("{named}: {e}"));
            assert_eq!(action.row(), *row);
        }
    }

    #[test]
    fn every_bound_key_and_the_footer_come_from_the_table() {
        let keymap = Keymap::default();
        for b in keymap.bindings() {
            let row = b.action.row();
            let name = ron::to_string(&b.action).unwrap();
            assert!(
                name == row.key || name.starts_with(&format!("{}(", row.key)),
                "{name} is bound, the table calls it {}",
                row.key
            );
            assert!(!b.action.describe(Lang::Ja).is_empty(), "{name}");
        }
        for row in ACTIONS.iter().filter(|r| r.footer.is_some()) {
            let action: Action = ron::from_str(row.key).unwrap();
            assert!(
                !keymap.keys_for(Mode::Live, &action).is_empty(),
                "{} is in the footer with no key in live mode",
                row.key
            );
        }
    }
}
