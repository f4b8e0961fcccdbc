//! Everything a user can do. The variants a keymap file may name are (de)serialized in
//! snake_case (`toggle_off_record`, `speaker_slot(3)`); the rest come from the terminal loop.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// The views measured the screen anew (after a frame): see [`super::View`].
    #[serde(skip)]
    View(super::View),
    /// Something the user should know about the session's files (changed by someone else,
    /// and written again): shown in the header.
    #[serde(skip)]
    Notice(String),
    /// The session file was replaced under this kiroku by this one (git, a copy): what it
    /// holds that the record lacks is merged in.
    #[serde(skip)]
    TakeIn(Box<crate::model::Session>),
    /// Commit the input as a remark of the current speaker.
    Commit,
    /// Start a new paragraph inside the remark being typed.
    NewLine,
    /// Make the participant in hotkey slot N (1–12) the current speaker.
    SpeakerSlot(u8),
    /// Swap back to the previous speaker.
    SwapSpeaker,
    /// The next participant in roster order.
    NextSpeaker,
    /// The previous participant in roster order.
    PrevSpeaker,
    /// No speaker: the next remark is the note-taker's own note.
    NoSpeaker,
    /// Open the speaker picker (search the roster, add someone).
    OpenPicker,
    /// Move on to the next agenda item.
    NextItem,
    /// Go back to the previous agenda item.
    PrevItem,
    /// Go to agenda item N: a small form asks which.
    JumpToItem,
    /// Off the record on/off.
    ToggleOffRecord,
    /// 開会: the meeting opens now (its actual start time).
    OpenMeeting,
    /// 休憩, or 再開 when in a recess: the clocks stop, then go on.
    Recess,
    /// 閉会: the meeting ends now and the clocks stop; pressed again, takes it back.
    CloseMeeting,
    /// Someone came in or went out (遅参, 退席, 復帰): pick them, and it is logged now.
    Attendance,
    /// What the current item decided, and how: a small form.
    Decide,
    /// The stock phrases: Enter puts one at the cursor.
    Phrases,
    /// The remark being typed began earlier: its begin time goes back five seconds (clerks
    /// type behind the speaker).
    EarlierStart,
    /// Its begin time comes forward five seconds again (never past now).
    LaterStart,
    /// The recording started now: remarks also carry their offset into it.
    MarkRecording,
    /// 交代: another clerk takes the record down from now on.
    Handover,
    /// This clerk records from now on (`--clerk`): the first, or a 交代.
    #[serde(skip)]
    SetClerk(String),
    /// Cleanup: the meeting log (events, comings and goings, decisions) to correct.
    EditLog,
    /// Cleanup: the selected remark's other versions from a merge, side by side: keep one.
    Versions,
    /// Cleanup: insert a missed remark after the selected one.
    InsertAfter,
    /// Cleanup: insert a missed remark before the selected one.
    InsertBefore,
    /// Cleanup: correct the time the selected remark began.
    EditTime,
    /// Cleanup: move the selected remark up within its item.
    MoveUp,
    /// Cleanup: move the selected remark down within its item.
    MoveDown,
    /// Cleanup: replace words everywhere, after a preview of each match.
    Replace,
    /// In the stock phrases: commit the chosen one as a note of its own, now.
    PhraseAsNote,
    /// Mark the remark being typed (or the last one) "check later".
    CheckLater,
    /// Insert the inaudible mark ［聞き取れず］ at the cursor.
    InsertInaudible,
    /// Empty the input box (A-u brings it back).
    ClearInput,
    /// Undo the last change to the input box: typing, deleting, pasting, clearing.
    UndoInput,
    /// Take back the last commit: its text returns to the input box.
    UndoCommit,
    /// Save now.
    Save,
    /// Save and quit.
    Quit,
    /// Give the terminal back and stop (as Ctrl+Z does in a shell); `fg` resumes.
    Suspend,
    /// Show or hide the list of every key.
    ToggleHelp,
    /// Scroll the timeline one page back.
    ScrollUp,
    /// Scroll the timeline one page forward.
    ScrollDown,
    /// Jump to the newest remark.
    ScrollBottom,
    CursorLeft,
    CursorRight,
    WordLeft,
    WordRight,
    LineStart,
    LineEnd,
    CursorUp,
    CursorDown,
    DeleteBack,
    DeleteForward,
    DeleteWordBack,
    DeleteWordForward,
    /// Switch between live mode and cleanup mode.
    ToggleReview,
    /// Cleanup: the first remark.
    SelectFirst,
    /// Cleanup: the last remark.
    SelectLast,
    /// Cleanup: the next remark marked "check later".
    NextCheck,
    /// Cleanup: the previous remark marked "check later".
    PrevCheck,
    /// Cleanup: the next remark with an inaudible mark.
    NextInaudible,
    /// Cleanup: the previous remark with an inaudible mark.
    PrevInaudible,
    /// Cleanup: the next remark by the same speaker.
    NextSameSpeaker,
    /// Cleanup: the previous remark by the same speaker.
    PrevSameSpeaker,
    /// Cleanup: edit the selected remark's text.
    EditRemark,
    /// Cleanup, while editing: split the remark at the cursor.
    SplitRemark,
    /// Cleanup: mark or unmark the selected remark (commands then apply to all marked).
    ToggleMark,
    /// Cleanup: move the remark(s) to the next agenda item.
    MoveToNextItem,
    /// Cleanup: move the remark(s) to the previous agenda item.
    MoveToPrevItem,
    /// Cleanup: flag the remark(s) non-public. It never un-flags: making something public
    /// again is `Release`, one remark at a time.
    #[serde(alias = "toggle_non_public")]
    FlagNonPublic,
    /// Cleanup: make the selected remark public again (a non-public remark outside a closed
    /// item), or release a note by the clerk for the public minutes.
    Release,
    /// Cleanup: delete the remark(s).
    DeleteRemark,
    /// Cleanup: merge the selected remark with the next one by the same speaker.
    MergeNext,
    /// Cleanup: undo the last change.
    Undo,
    /// Cleanup: redo what was undone.
    Redo,
    /// Cleanup: search text and speakers as you type.
    /// (In a keymap file: `search`; named apart from the search mode.)
    #[serde(rename = "search")]
    StartSearch,
    /// Cleanup: the next search match.
    SearchNext,
    /// Cleanup: the previous search match.
    SearchPrev,
    /// Cleanup: show or hide the public-minutes preview.
    TogglePreview,
    /// Cleanup: correct the meeting header.
    EditMeeting,
    /// Cleanup: correct the selected remark's speaker's roster entry.
    EditParticipant,
    /// Cleanup: correct the selected remark's agenda item.
    EditAgendaItem,
    /// Close an overlay without doing anything.
    Cancel,
    /// Accept the choice in an overlay.
    Confirm,
    /// Next entry in a list.
    SelectNext,
    /// Previous entry in a list.
    SelectPrev,
    /// Next field of a form.
    NextField,
    /// Previous field of a form.
    PrevField,
    /// In the picker: add someone who is not on the roster.
    AddParticipant,
    /// In the add form: room or online.
    ToggleOnline,

    /// A typed character.
    #[serde(skip)]
    Insert(char),
    /// Bracketed paste.
    #[serde(skip)]
    Paste(String),
    /// The terminal changed size.
    #[serde(skip)]
    Resize(u16, u16),
    /// A save finished (`Err` holds the message).
    #[serde(skip)]
    Saved(Result<(), String>),
    /// The clock: the unfinished input is journaled if it changed (at most once a second).
    #[serde(skip)]
    Tick,
    /// Everything, unfinished input included, was written into the session file itself.
    #[serde(skip)]
    Folded,
    /// The session is saved to this path from now on (save-as after a storage error).
    #[serde(skip)]
    SavedAs(std::path::PathBuf),
    /// A quit was refused because saving failed; the next quit goes through.
    #[serde(skip)]
    QuitRefused,
}

impl Action {
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
