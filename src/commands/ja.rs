//! The command line's own messages in Japanese. A bad file keeps its `file:line:column:` and
//! gets a Japanese lead with the detail as the parser or the check gave it; the commands'
//! own sentences are said in Japanese whole.

use crate::storage::{LoadError, LoadErrorKind};

/// A file that could not be read, in Japanese: what kind of problem, then the detail.
pub fn load_error(e: &LoadError) -> String {
    let mut s = e.path.display().to_string();
    if let Some((line, col)) = e.position {
        s.push_str(&format!(":{line}:{col}"));
    }
    let lead = match e.kind {
        LoadErrorKind::Io => "ファイルを読めません",
        LoadErrorKind::Empty => {
            "ファイルが空です（議事次第の Agenda(...) か記録の Session(...) を書いてください）"
        }
        LoadErrorKind::NotUtf8 => {
            "UTF-8 のテキストではありません（Shift_JIS なら UTF-8 で保存し直してください）"
        }
        LoadErrorKind::Syntax => "書き方に誤りがあります",
        LoadErrorKind::NewerVersion => {
            "新しい版の kiroku で書かれたファイルです（kiroku を更新してください）"
        }
        LoadErrorKind::UnknownVersion => "知らない版番号のファイルです",
        LoadErrorKind::Invalid => "内容に矛盾があります",
    };
    let detail = phrase(&e.message);
    s.push_str(&format!(": {lead}（{detail}）"));
    s
}

/// The commands' fixed sentences, in Japanese; names, numbers and paths in them stay.
const PHRASES: &[(&str, &str)] = &[
    (
        " (reading this as agenda file)",
        "（議事次第ファイルとして読んでいます）",
    ),
    (
        " (reading this as session file)",
        "（記録ファイルとして読んでいます）",
    ),
    (
        " (reading this as a style file)",
        "（様式ファイルとして読んでいます）",
    ),
    (
        " (reading this as a keymap file)",
        "（キー割り当てファイルとして読んでいます）",
    ),
    (
        "; the file ends here: is it truncated?",
        "。ここでファイルが終わっています。途中で切れていませんか",
    ),
    ("cannot read the file: ", "読めません: "),
    (
        " already exists: resume it with ",
        " はすでにあります。続きは次で開きます: ",
    ),
    (
        " exists: give a new file name with -o (an agenda you corrected by hand is not written over)",
        " はすでにあります。-o で新しいファイル名を指定してください（手で直した議事次第は上書きしません）",
    ),
    (
        " is one of the sessions being merged: write the merged record to a new file",
        " は統合する記録の一つです。統合の結果は新しいファイルに書いてください",
    ),
    (
        " is a session with a journal (it is being recorded into, or was): write the merged record to a new file",
        " には記録中（またはその跡）のジャーナルがあります。統合の結果は新しいファイルに書いてください",
    ),
    (
        "give at least two session files to merge",
        "統合する記録ファイルを二つ以上指定してください",
    ),
    (
        "these are records of different meetings: ",
        "別の会議の記録です: ",
    ),
    (
        " (a meeting is known by its title and date)",
        "（会議は会議名と日付で見分けます）",
    ),
    ("cannot merge ", "統合できません: "),
    ("cannot write ", "書き込めません: "),
    ("cannot write the export: ", "書き出せません: "),
    ("cannot create ", "作成できません: "),
    ("the last save failed: ", "最後の保存に失敗しました: "),
    ("terminal error: ", "端末のエラー: "),
    (
        " (everything typed was saved to ",
        "（入力したものはすべて次に保存しました: ",
    ),
    (
        "kiroku stopped on an error last time and wrote everything to ",
        "前回 kiroku はエラーで止まり、すべてを次に書き出しました: ",
    ),
    (". Continue from it with ", "。続けるには "),
    (", or set it aside with ", "、脇に置くには "),
    (" (the file is kept as ", "（ファイルは次の名前で残します: "),
    (
        " is open in kiroku (process ",
        " は kiroku で開かれています（プロセス ",
    ),
    (
        "): read with every remark committed so far",
        "）。確定済みの発言はすべて含めて読みました",
    ),
    (
        " change(s) not yet folded into the file were read from its journal",
        " 件の変更をジャーナルから読みました",
    ),
    (
        ": what follows it in the journal is not included; `kiroku open` keeps a copy",
        "。ジャーナルのそれ以降は含みません（`kiroku open` が写しを残します）",
    ),
    (
        " exists: kiroku stopped on an error and wrote the session there; ",
        " があります。kiroku がエラーで止まり、記録をそこに書き出しました。",
    ),
    (
        " takes it up, and this reading does not include it",
        " で引き継げます。この読み込みには含みません",
    ),
    ("merged into ", "統合しました: "),
    (
        " change(s) made differently on both sides: a remark keeps both versions as alternatives to review (kiroku open ",
        " 件が両方の側で別々に直されています。発言は両方を別案として残しました（確認は kiroku open ",
    ),
    (
        " --review, then V); anything else keeps this branch's",
        " --review のあと V）。それ以外はこちらの側のままです",
    ),
    (" remarks", " 件の発言"),
    (
        " with another clerk's version to review (cleanup, V)",
        " 件に別の記録があります（整理モードの V で確認）",
    ),
    ("wrote ", "書き出しました: "),
    (" agenda items", " 件の議題"),
    (" participants", " 名"),
    ("; next: kiroku check ", "。次に: kiroku check "),
    (" && kiroku new ", " && kiroku new "),
    ("not understood, left out: ", "読み取れないので省きました: "),
    ("no such date in ", "存在しない日付です: "),
    (" (the month has fewer days?)", "（その月にない日では？）"),
    (
        "no roster (--roster 名簿.csv): the roster is empty; add people with C-f in the meeting",
        "名簿がありません（--roster 名簿.csv）。会議中に C-f で追加できます",
    ),
    (
        "no place line (場所：…): left empty",
        "場所の行がありません（空のままです）",
    ),
    (
        "no end time: two hours after the start written in its place",
        "終了時刻がありません（開始の2時間後を仮に入れました）",
    ),
    (
        "no start time: 10:00 written in its place",
        "開始時刻がありません（10:00 を仮に入れました）",
    ),
    (
        "no date (日時：令和8年7月3日 …): today's date written in its place",
        "日付がありません（今日の日付を仮に入れました）",
    ),
    (
        "the same person again: left out",
        "同じ人がもう一度あります（省きました）",
    ),
    (
        "no 氏名: row left out",
        "氏名がありません（この行は省きました）",
    ),
    (
        "the item is imported closed",
        "この議題は非公開として取り込みました",
    ),
];

/// The command line's language, set once by `main` before any command runs.
static LANG: std::sync::OnceLock<crate::i18n::Lang> = std::sync::OnceLock::new();

pub fn set_lang(lang: crate::i18n::Lang) {
    let _ = LANG.set(lang);
}

/// A message for standard error in the command line's language.
pub fn say(s: &str) -> String {
    match LANG.get() {
        Some(crate::i18n::Lang::Ja) => phrase(s),
        _ => s.to_owned(),
    }
}

pub fn phrase(s: &str) -> String {
    let mut out = s.to_owned();
    for (en, ja) in PHRASES {
        if out.contains(en) {
            out = out.replace(en, ja);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_and_file_errors() {
        assert_eq!(
            phrase("s.ron already exists: resume it with `kiroku open s.ron`"),
            "s.ron はすでにあります。続きは次で開きます: `kiroku open s.ron`"
        );
        let e = LoadError {
            path: "a.ron".into(),
            position: Some((3, 5)),
            kind: LoadErrorKind::Syntax,
            message: "Expected a string (reading this as agenda file)".into(),
        };
        assert_eq!(
            load_error(&e),
            "a.ron:3:5: 書き方に誤りがあります（Expected a string（議事次第ファイルとして読んでいます））"
        );
    }
}
