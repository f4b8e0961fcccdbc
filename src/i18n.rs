//! The words on screen, in Japanese or English.

use crate::app::Action;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    Ja,
    #[default]
    En,
}

impl Lang {
    /// Japanese when `LC_ALL`, `LC_MESSAGES` or `LANG` (the first one set) starts with `ja`.
    pub fn from_env() -> Self {
        let var = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()));
        match var {
            Some(v) if v.starts_with("ja") => Lang::Ja,
            _ => Lang::En,
        }
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        match s {
            "ja" => Ok(Lang::Ja),
            "en" => Ok(Lang::En),
            _ => Err(format!("`{s}`: expected ja or en")),
        }
    }
}

/// Fixed strings of the interface.
pub struct Strings {
    pub agenda: &'static str,
    pub roster: &'static str,
    pub timeline: &'static str,
    pub input: &'static str,
    pub note_taker: &'static str,
    pub off_record_badge: &'static str,
    pub closed_item_badge: &'static str,
    pub non_public: &'static str,
    pub check_later: &'static str,
    pub online: &'static str,
    pub room: &'static str,
    pub saved: &'static str,
    pub unsaved: &'static str,
    pub save_error: &'static str,
    pub elapsed: &'static str,
    pub over: &'static str,
    pub not_started: &'static str,
    pub help_title: &'static str,
    pub picker_title: &'static str,
    pub picker_empty: &'static str,
    pub form_title: &'static str,
    pub form_role: &'static str,
    pub form_name: &'static str,
    pub form_honorific: &'static str,
    pub form_attendance: &'static str,
    pub scrolled: &'static str,
    pub start_title: &'static str,
    pub start_sessions: &'static str,
    pub start_agendas: &'static str,
    pub start_none: &'static str,
    pub start_hint: &'static str,
    pub remarks: &'static str,
    pub nothing_to_undo: &'static str,
    pub undone: &'static str,
    pub no_such_slot: &'static str,
    pub quit_unsaved: &'static str,
    pub label_path: &'static str,
    pub form_save_as: &'static str,
    pub recovered: &'static str,
    pub saved_as: &'static str,
    pub no_more: &'static str,
    pub nothing_to_redo: &'static str,
    pub history_stale: &'static str,
    pub cannot_merge: &'static str,
    pub cannot_split: &'static str,
    pub already_non_public: &'static str,
    pub released: &'static str,
    pub release_closed_item: &'static str,
    pub already_public: &'static str,
    pub empty_text: &'static str,
    pub form_title_field: &'static str,
    pub form_bad_date: &'static str,
    pub form_bad_time: &'static str,
    pub form_bad_minutes: &'static str,
    pub public_word: &'static str,
    pub non_public_word: &'static str,
    pub review_badge: &'static str,
    pub review_hint: &'static str,
    pub edit_hint: &'static str,
    pub search_label: &'static str,
    pub preview_title: &'static str,
    pub preview_closed: &'static str,
    pub marked: &'static str,
    pub label_title: &'static str,
    pub label_date: &'static str,
    pub label_start: &'static str,
    pub label_end: &'static str,
    pub label_place: &'static str,
    pub label_detail: &'static str,
    pub label_public: &'static str,
    pub label_minutes: &'static str,
    pub form_edit_participant: &'static str,
    pub form_edit_meeting: &'static str,
    pub form_edit_item: &'static str,
}

const JA: Strings = Strings {
    agenda: "議事次第",
    roster: "出席者",
    timeline: "記録",
    input: "入力",
    note_taker: "（記録者メモ）",
    off_record_badge: " 非公開中 OFF THE RECORD ",
    closed_item_badge: " 非公開議題 ",
    non_public: "[非公開]",
    check_later: "[要確認]",
    online: "Web",
    room: "会場",
    saved: "保存済",
    unsaved: "未保存",
    save_error: "保存エラー",
    elapsed: "経過",
    over: "超過",
    not_started: "開始前",
    help_title: "キー一覧（Esc で閉じる）",
    picker_title: "発言者を選ぶ（名前・役職で絞り込み）",
    picker_empty: "該当なし: C-a で出席者を追加",
    form_title: "出席者を追加",
    form_role: "役職",
    form_name: "氏名",
    form_honorific: "敬称",
    form_attendance: "出席",
    scrolled: "過去を表示中 (Esc で最新へ)",
    start_title: "kiroku 記録",
    start_sessions: "記録ファイル（再開）",
    start_agendas: "議事次第ファイル（新規開始）",
    start_none: "sessions/ にファイルがありません",
    start_hint: "↑↓ 選択  Enter 開く  q 終了",
    remarks: "発言",
    nothing_to_undo: "取り消す発言がありません",
    undone: "直前の発言を入力欄に戻しました",
    no_such_slot: "その番号の出席者はいません",
    quit_unsaved: "保存できません。もう一度 C-q で保存せず終了",
    label_path: "保存先",
    form_save_as: "別の場所に保存（保存エラーのため）",
    recovered: "前回の記録を復元しました",
    saved_as: "保存先を変更しました",
    no_more: "これ以上ありません",
    nothing_to_redo: "やり直す変更がありません",
    history_stale: "その後に記録が変わったため、取り消し・やり直しの履歴を消しました",
    cannot_merge: "次の発言と結合できません（発言者か議題が違います）",
    cannot_split: "ここでは分割できません",
    already_non_public: "すでに非公開です（公開に戻すには P）",
    released: "公開に戻しました（u で取消）",
    release_closed_item: "非公開の議題の発言です（議題を A で公開にするか、> < で移動してから P）",
    already_public: "すでに公開です",
    empty_text: "本文が空です（削除は d）",
    form_title_field: "名称",
    form_bad_date: "日付は 2026-07-03 の形で",
    form_bad_time: "時刻は 15:00 の形で",
    form_bad_minutes: "予定時間は分の数で",
    public_word: "公開",
    non_public_word: "非公開",
    review_badge: " 整理 CLEANUP ",
    review_hint: "Enter 編集  A-1.. 発言者  > < 議題移動  p 非公開  P 公開に戻す  t 要確認  J 結合  d 削除  u 取消  U やり直し  / 検索  v 公開版  C-r 記録へ",
    edit_hint: "Enter 保存  Esc 取消  A-s ここで分割  A-Enter 改行",
    search_label: "検索",
    preview_title: "公開版の見え方（既定の様式）",
    preview_closed: "非公開の議題: 議事次第にのみ（非公開）と載ります",
    marked: "選択",
    label_title: "名称",
    label_date: "日付",
    label_start: "開始",
    label_end: "終了",
    label_place: "場所",
    label_detail: "詳細",
    label_public: "公開",
    label_minutes: "予定(分)",
    form_edit_participant: "出席者を修正",
    form_edit_meeting: "会議情報を修正",
    form_edit_item: "議題を修正",
};

const EN: Strings = Strings {
    agenda: "Agenda",
    roster: "Roster",
    timeline: "Record",
    input: "Input",
    note_taker: "(note-taker's note)",
    off_record_badge: " OFF THE RECORD 非公開 ",
    closed_item_badge: " CLOSED ITEM 非公開 ",
    non_public: "[non-public]",
    check_later: "[check]",
    online: "web",
    room: "room",
    saved: "saved",
    unsaved: "unsaved",
    save_error: "SAVE ERROR",
    elapsed: "elapsed",
    over: "over",
    not_started: "not started",
    help_title: "Keys (Esc closes)",
    picker_title: "Pick the speaker (type to filter by name or role)",
    picker_empty: "No match: C-a adds a participant",
    form_title: "Add a participant",
    form_role: "Role",
    form_name: "Name",
    form_honorific: "Honorific",
    form_attendance: "Attends",
    scrolled: "scrolled back (Esc: newest)",
    start_title: "kiroku",
    start_sessions: "Sessions (resume)",
    start_agendas: "Agenda files (start a meeting)",
    start_none: "No files in sessions/",
    start_hint: "Up/Down select  Enter open  q quit",
    remarks: "remarks",
    nothing_to_undo: "Nothing to undo",
    undone: "The last remark is back in the input box",
    no_such_slot: "No participant in that slot",
    quit_unsaved: "Could not save. Quit again to leave WITHOUT saving",
    label_path: "Path",
    form_save_as: "Save elsewhere (saving failed)",
    recovered: "Recovered from the journal",
    saved_as: "Now saving to",
    no_more: "No more",
    nothing_to_redo: "Nothing to redo",
    history_stale: "The record changed since; the undo history no longer applies and was cleared",
    cannot_merge: "Cannot merge: the next remark has another speaker or item",
    cannot_split: "Cannot split here",
    already_non_public: "Already non-public (P makes it public again)",
    released: "Made public (u to undo)",
    release_closed_item: "This remark is in a closed item: open the item (A) or move the remark (> <) first",
    already_public: "Already public",
    empty_text: "The text is empty (d deletes a remark)",
    form_title_field: "Title",
    form_bad_date: "Date as 2026-07-03",
    form_bad_time: "Time as 15:00",
    form_bad_minutes: "Planned minutes as a number",
    public_word: "public",
    non_public_word: "non-public",
    review_badge: " CLEANUP 整理 ",
    review_hint: "Enter edit  A-1.. speaker  > < move item  p non-public  P public  t check  J merge  d delete  u undo  U redo  / search  v preview  C-r live",
    edit_hint: "Enter save  Esc cancel  A-s split here  A-Enter new line",
    search_label: "Search",
    preview_title: "Public minutes (default style)",
    preview_closed: "Closed item: listed in the agenda as closed, nothing else",
    marked: "marked",
    label_title: "Title",
    label_date: "Date",
    label_start: "Start",
    label_end: "End",
    label_place: "Place",
    label_detail: "Detail",
    label_public: "Public",
    label_minutes: "Minutes",
    form_edit_participant: "Correct a participant",
    form_edit_meeting: "Correct the meeting",
    form_edit_item: "Correct an agenda item",
};

impl Lang {
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Ja => &JA,
            Lang::En => &EN,
        }
    }

    /// One or two words for the footer; the help overlay has the full description.
    pub fn short(self, action: &Action) -> String {
        use Action::*;
        let ja = self == Lang::Ja;
        let s = match action {
            Commit => {
                if ja {
                    "確定"
                } else {
                    "commit"
                }
            }
            ToggleOffRecord => {
                if ja {
                    "非公開"
                } else {
                    "off-record"
                }
            }
            NextItem => {
                if ja {
                    "次の議題"
                } else {
                    "next item"
                }
            }
            CheckLater => {
                if ja {
                    "要確認"
                } else {
                    "check"
                }
            }
            UndoCommit => {
                if ja {
                    "取消"
                } else {
                    "undo"
                }
            }
            ToggleHelp => {
                if ja {
                    "ヘルプ"
                } else {
                    "help"
                }
            }
            Quit => {
                if ja {
                    "終了"
                } else {
                    "quit"
                }
            }
            SwapSpeaker => {
                if ja {
                    "直前の人"
                } else {
                    "prev speaker"
                }
            }
            OpenPicker => {
                if ja {
                    "発言者検索"
                } else {
                    "find speaker"
                }
            }
            other => return self.describe(other),
        };
        s.to_owned()
    }

    /// A short description of what an action does, for the footer and the help overlay.
    pub fn describe(self, action: &Action) -> String {
        use Action::*;
        let ja = self == Lang::Ja;
        let s = match action {
            Commit => {
                if ja {
                    "発言を確定"
                } else {
                    "commit the remark"
                }
            }
            NewLine => {
                if ja {
                    "改行"
                } else {
                    "new paragraph"
                }
            }
            SpeakerSlot(n) => {
                return if ja {
                    format!("発言者 {n} 番")
                } else {
                    format!("speaker in slot {n}")
                };
            }
            SwapSpeaker => {
                if ja {
                    "直前の発言者に戻す"
                } else {
                    "swap to previous speaker"
                }
            }
            NextSpeaker => {
                if ja {
                    "次の出席者"
                } else {
                    "next speaker"
                }
            }
            PrevSpeaker => {
                if ja {
                    "前の出席者"
                } else {
                    "previous speaker"
                }
            }
            NoSpeaker => {
                if ja {
                    "発言者なし（メモ）"
                } else {
                    "no speaker (note)"
                }
            }
            OpenPicker => {
                if ja {
                    "発言者を検索・追加"
                } else {
                    "find or add a speaker"
                }
            }
            NextItem => {
                if ja {
                    "次の議題"
                } else {
                    "next agenda item"
                }
            }
            PrevItem => {
                if ja {
                    "前の議題"
                } else {
                    "previous agenda item"
                }
            }
            ToggleOffRecord => {
                if ja {
                    "非公開（オフレコ）切替"
                } else {
                    "off the record on/off"
                }
            }
            CheckLater => {
                if ja {
                    "要確認の印"
                } else {
                    "mark check later"
                }
            }
            InsertInaudible => {
                if ja {
                    "［聞き取れず］を挿入"
                } else {
                    "insert inaudible mark"
                }
            }
            UndoCommit => {
                if ja {
                    "直前の確定を取消"
                } else {
                    "undo last commit"
                }
            }
            Save => {
                if ja {
                    "保存"
                } else {
                    "save"
                }
            }
            Suspend => {
                if ja {
                    "一時停止（fg で再開）"
                } else {
                    "suspend (fg resumes)"
                }
            }
            Quit => {
                if ja {
                    "保存して終了"
                } else {
                    "save and quit"
                }
            }
            ToggleHelp => {
                if ja {
                    "キー一覧"
                } else {
                    "help"
                }
            }
            ScrollUp => {
                if ja {
                    "記録を前へ"
                } else {
                    "scroll back"
                }
            }
            ScrollDown => {
                if ja {
                    "記録を後へ"
                } else {
                    "scroll forward"
                }
            }
            ScrollBottom => {
                if ja {
                    "最新の記録へ"
                } else {
                    "newest remark"
                }
            }
            CursorLeft => {
                if ja {
                    "左へ"
                } else {
                    "left"
                }
            }
            CursorRight => {
                if ja {
                    "右へ"
                } else {
                    "right"
                }
            }
            WordLeft => {
                if ja {
                    "前の語へ"
                } else {
                    "word left"
                }
            }
            WordRight => {
                if ja {
                    "次の語へ"
                } else {
                    "word right"
                }
            }
            LineStart => {
                if ja {
                    "行頭へ"
                } else {
                    "line start"
                }
            }
            LineEnd => {
                if ja {
                    "行末へ"
                } else {
                    "line end"
                }
            }
            CursorUp => {
                if ja {
                    "上の行へ"
                } else {
                    "line up"
                }
            }
            CursorDown => {
                if ja {
                    "下の行へ"
                } else {
                    "line down"
                }
            }
            DeleteBack => {
                if ja {
                    "前の文字を削除"
                } else {
                    "delete back"
                }
            }
            DeleteForward => {
                if ja {
                    "後の文字を削除"
                } else {
                    "delete forward"
                }
            }
            DeleteWordBack => {
                if ja {
                    "前の語を削除"
                } else {
                    "delete word back"
                }
            }
            DeleteWordForward => {
                if ja {
                    "後の語を削除"
                } else {
                    "delete word forward"
                }
            }
            Cancel => {
                if ja {
                    "閉じる"
                } else {
                    "close"
                }
            }
            Confirm => {
                if ja {
                    "決定"
                } else {
                    "accept"
                }
            }
            SelectNext => {
                if ja {
                    "次の候補"
                } else {
                    "next entry"
                }
            }
            SelectPrev => {
                if ja {
                    "前の候補"
                } else {
                    "previous entry"
                }
            }
            NextField => {
                if ja {
                    "次の欄"
                } else {
                    "next field"
                }
            }
            PrevField => {
                if ja {
                    "前の欄"
                } else {
                    "previous field"
                }
            }
            AddParticipant => {
                if ja {
                    "出席者を追加"
                } else {
                    "add a participant"
                }
            }
            ToggleOnline => {
                if ja {
                    "会場/Web 切替"
                } else {
                    "room/online"
                }
            }
            ToggleReview => {
                if ja {
                    "記録/整理モード切替"
                } else {
                    "live / cleanup mode"
                }
            }
            SelectFirst => {
                if ja {
                    "最初の発言"
                } else {
                    "first remark"
                }
            }
            SelectLast => {
                if ja {
                    "最後の発言"
                } else {
                    "last remark"
                }
            }
            NextCheck => {
                if ja {
                    "次の要確認"
                } else {
                    "next check-later mark"
                }
            }
            PrevCheck => {
                if ja {
                    "前の要確認"
                } else {
                    "previous check-later mark"
                }
            }
            NextInaudible => {
                if ja {
                    "次の聞き取れず"
                } else {
                    "next inaudible mark"
                }
            }
            PrevInaudible => {
                if ja {
                    "前の聞き取れず"
                } else {
                    "previous inaudible mark"
                }
            }
            NextSameSpeaker => {
                if ja {
                    "同じ発言者の次の発言"
                } else {
                    "next by the same speaker"
                }
            }
            PrevSameSpeaker => {
                if ja {
                    "同じ発言者の前の発言"
                } else {
                    "previous by the same speaker"
                }
            }
            EditRemark => {
                if ja {
                    "本文を編集"
                } else {
                    "edit the text"
                }
            }
            SplitRemark => {
                if ja {
                    "カーソル位置で分割"
                } else {
                    "split at the cursor"
                }
            }
            ToggleMark => {
                if ja {
                    "選択に追加/解除"
                } else {
                    "mark / unmark"
                }
            }
            MoveToNextItem => {
                if ja {
                    "次の議題へ移動"
                } else {
                    "move to the next item"
                }
            }
            MoveToPrevItem => {
                if ja {
                    "前の議題へ移動"
                } else {
                    "move to the previous item"
                }
            }
            FlagNonPublic => {
                if ja {
                    "非公開にする"
                } else {
                    "flag non-public"
                }
            }
            Release => {
                if ja {
                    "公開に戻す（選択中の1件）"
                } else {
                    "make public again (the selected remark)"
                }
            }
            DeleteRemark => {
                if ja {
                    "発言を削除"
                } else {
                    "delete"
                }
            }
            MergeNext => {
                if ja {
                    "次の発言と結合"
                } else {
                    "merge with the next"
                }
            }
            Undo => {
                if ja {
                    "元に戻す"
                } else {
                    "undo"
                }
            }
            Redo => {
                if ja {
                    "やり直し"
                } else {
                    "redo"
                }
            }
            Search => {
                if ja {
                    "検索"
                } else {
                    "search"
                }
            }
            SearchNext => {
                if ja {
                    "次の一致"
                } else {
                    "next match"
                }
            }
            SearchPrev => {
                if ja {
                    "前の一致"
                } else {
                    "previous match"
                }
            }
            TogglePreview => {
                if ja {
                    "公開版プレビュー"
                } else {
                    "public preview"
                }
            }
            EditMeeting => {
                if ja {
                    "会議情報を修正"
                } else {
                    "correct the meeting"
                }
            }
            EditParticipant => {
                if ja {
                    "この発言者の登録を修正"
                } else {
                    "correct this speaker"
                }
            }
            EditAgendaItem => {
                if ja {
                    "この議題を修正"
                } else {
                    "correct this item"
                }
            }
            Insert(_) | Paste(_) | Resize(..) | Saved(_) | Notice(_) | View(_) | Tick | Folded
            | SavedAs(_) | QuitRefused => "",
        };
        s.to_owned()
    }
}
