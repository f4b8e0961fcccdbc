//! What each action is called on screen, in Japanese and English: the footer's short label
//! and the help overlay's description. The strings of the interface that belong to no
//! action are in `i18n`, which knows nothing of the app.

use super::Action;
use crate::i18n::Lang;

impl Action {
    /// One or two words for the footer; the help overlay has the full description.
    pub fn short(&self, lang: Lang) -> String {
        use Action::*;
        let ja = lang == Lang::Ja;
        let action = self;
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
            other => return other.describe(lang),
        };
        s.to_owned()
    }

    /// A short description of what an action does, for the footer and the help overlay.
    pub fn describe(&self, lang: Lang) -> String {
        use Action::*;
        let ja = lang == Lang::Ja;
        let action = self;
        let s = match action {
            InsertAfter => {
                if ja {
                    "選択した発言の後に、抜けた発言を挿入"
                } else {
                    "insert a missed remark after this one"
                }
            }
            InsertBefore => {
                if ja {
                    "選択した発言の前に、抜けた発言を挿入"
                } else {
                    "insert a missed remark before this one"
                }
            }
            EditTime => {
                if ja {
                    "発言の開始時刻を修正（前後の発言の間）"
                } else {
                    "correct the time it began (between its neighbours)"
                }
            }
            MoveUp => {
                if ja {
                    "議題の中で一つ上へ（時刻も入れ替え）"
                } else {
                    "move up within its item (times trade too)"
                }
            }
            MoveDown => {
                if ja {
                    "議題の中で一つ下へ（時刻も入れ替え）"
                } else {
                    "move down within its item (times trade too)"
                }
            }
            Replace => {
                if ja {
                    "置換（一覧で確かめてから一括・取り消し可）"
                } else {
                    "replace everywhere, after a preview (undoable)"
                }
            }
            JumpToItem => {
                if ja {
                    "番号を入れて議題へ移動"
                } else {
                    "go to agenda item N"
                }
            }
            ClearInput => {
                if ja {
                    "入力欄を空にする（A-uで戻す）"
                } else {
                    "empty the input box (A-u brings it back)"
                }
            }
            UndoInput => {
                if ja {
                    "入力欄の直前の変更を取り消す"
                } else {
                    "undo the last change in the input box"
                }
            }
            Versions => {
                if ja {
                    "別の記録（統合で生じた別案）を並べて見て、一つを採用"
                } else {
                    "other clerks' versions of the remark, side by side: keep one"
                }
            }
            Handover => {
                if ja {
                    "交代：次の記録者に引き継ぐ（時刻を記録）"
                } else {
                    "hand over (交代) to the next clerk, timed"
                }
            }
            OpenMeeting => {
                if ja {
                    "開会（実際の開始時刻を記録）"
                } else {
                    "open the meeting (開会): its actual start"
                }
            }
            Recess => {
                if ja {
                    "休憩／再開（休憩中は時計が止まる）"
                } else {
                    "recess / resume (休憩・再開): clocks pause"
                }
            }
            CloseMeeting => {
                if ja {
                    "閉会（時計が止まる。もう一度で取り消し）"
                } else {
                    "close the meeting (閉会); again to take it back"
                }
            }
            Attendance => {
                if ja {
                    "出欠：選んだ人の入室・退席を記録"
                } else {
                    "attendance: log someone coming in or going out"
                }
            }
            EarlierStart => {
                if ja {
                    "入力中の発言の開始時刻を5秒早める"
                } else {
                    "the remark being typed began 5 s earlier"
                }
            }
            LaterStart => {
                if ja {
                    "入力中の発言の開始時刻を5秒遅らせる"
                } else {
                    "the remark being typed began 5 s later"
                }
            }
            EditLog => {
                if ja {
                    "会議の記録（開会・休憩・出欠・議決）の時刻を直す・消す"
                } else {
                    "the meeting log: correct or remove an event, arrival or decision"
                }
            }
            MarkRecording => {
                if ja {
                    "録音・録画の開始を記録（以後、発言に経過位置が付く）"
                } else {
                    "the recording started now: remarks get its offsets"
                }
            }
            Phrases => {
                if ja {
                    "定型句（〔「異議なし」と呼ぶ者あり〕など）を挿入"
                } else {
                    "stock phrases (〔「異議なし」と呼ぶ者あり〕 …) at the cursor"
                }
            }
            PhraseAsNote => {
                if ja {
                    "定型句をそのままメモとして確定"
                } else {
                    "commit the stock phrase as a note of its own"
                }
            }
            Decide => {
                if ja {
                    "議決：この議題の結果・方法・採決数を記録"
                } else {
                    "decision: the current item's result, how, the votes"
                }
            }
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
            StartSearch => {
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
            Insert(_) | Paste(_) | Resize(..) | Saved(_) | Notice(_) | TakeIn(_) | View(_)
            | Tick | Folded | SetClerk(_) | SavedAs(_) | QuitRefused => "",
        };
        s.to_owned()
    }
}
