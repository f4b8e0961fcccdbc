//! A 名簿 exported from a spreadsheet: CSV or TSV, in UTF-8 or in Shift_JIS (CP932, the
//! spreadsheet's default on Japanese Windows). The first row names the columns.

use super::Problem;
use crate::model::{Attendance, MAX_SLOT, Participant, ParticipantId};

/// The columns, by the names a header may give them (Japanese or English).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Role,
    Name,
    Reading,
    Group,
    Attendance,
    Honorific,
}

const HEADERS: &[(Column, &[&str])] = &[
    (
        Column::Role,
        &["所属・役職", "所属", "役職", "肩書", "role"],
    ),
    (Column::Name, &["氏名", "名前", "name"]),
    (
        Column::Reading,
        &["よみ", "読み", "ふりがな", "フリガナ", "reading"],
    ),
    (Column::Group, &["区分", "group"]),
    (
        Column::Attendance,
        &[
            "会場/オンライン",
            "出席方法",
            "参加方法",
            "会場",
            "オンライン",
            "attendance",
        ],
    ),
    (Column::Honorific, &["敬称", "honorific"]),
];

/// The text of a roster file: UTF-8 (a byte-order mark is dropped), else Shift_JIS.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_owned());
    }
    let (text, _, bad) = encoding_rs::SHIFT_JIS.decode(bytes);
    if bad {
        return Err(
            "neither UTF-8 nor Shift_JIS (CP932): save it from the spreadsheet as CSV UTF-8 or CSV"
                .to_owned(),
        );
    }
    Ok(text.into_owned())
}

fn column(header: &str) -> Option<Column> {
    let h: String = header
        .trim()
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    HEADERS
        .iter()
        .find(|(_, names)| names.iter().any(|n| h == n.to_lowercase()))
        .map(|(c, _)| *c)
}

fn online(value: &str) -> Option<Attendance> {
    let v = value.trim().to_lowercase();
    match v.as_str() {
        "" => None,
        "会場" | "対面" | "出席" | "room" | "in person" => Some(Attendance::Room),
        "オンライン" | "web" | "ウェブ" | "リモート" | "online" | "zoom" | "teams" => {
            Some(Attendance::Online)
        }
        _ => None,
    }
}

/// Where a quoted cell opens and never closes: `(its line, the lines after it)`. A CSV
/// reader takes everything to the end of the file into that one cell, rows and all.
fn unclosed_quote(text: &str, delimiter: char) -> Option<(usize, usize)> {
    let (mut line, mut opened) = (1, None);
    let mut at_field_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
        }
        match opened {
            Some(_) if c == '"' => {
                // `""` inside a quoted cell is a quote character.
                if chars.next_if_eq(&'"').is_none() {
                    opened = None;
                }
            }
            Some(_) => {}
            None if c == '"' && at_field_start => opened = Some(line),
            None => at_field_start = c == delimiter || c == '\n' || c == '\r',
        }
        if opened.is_some() {
            at_field_start = false;
        }
    }
    opened.map(|at| (at, line - at))
}

/// The roster in `text`, and what could not be read, by line; `Err` when the file names no
/// 氏名 column, or a quote left open swallows the rows after it (nothing could be imported).
pub fn parse(text: &str) -> Result<(Vec<Participant>, Vec<Problem>), Problem> {
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.contains('\t') { b'\t' } else { b',' };
    if let Some((line, after)) = unclosed_quote(text, char::from(delimiter)) {
        return Err(Problem::at(
            line,
            &format!(
                "a quote (\") opened in this row is never closed, so the {after} line(s) after it would be read as one cell: close or remove the quote and import again; nothing imported"
            ),
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut problems = Vec::new();
    let mut columns: Vec<Option<Column>> = Vec::new();
    let mut people: Vec<Participant> = Vec::new();
    for (n, record) in reader.records().enumerate() {
        // A quoted cell may hold line breaks: the row's own first line, not its count.
        let line = match &record {
            Ok(r) => r.position().map_or(n + 1, |p| p.line() as usize),
            Err(e) => e.position().map_or(n + 1, |p| p.line() as usize),
        };
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(Problem::at(line, &format!("not read: {e}")));
                continue;
            }
        };
        if columns.is_empty() {
            columns = record.iter().map(column).collect();
            if !columns.contains(&Some(Column::Name)) {
                return Err(Problem::at(
                    line,
                    "the first row names no 氏名 column (expected headers such as 所属・役職, 氏名, よみ, 区分, 会場/オンライン, 敬称): nothing imported",
                ));
            }
            continue;
        }
        // Every column of a kind, joined: 所属 and 役職 in two columns make one role.
        let get_all = |c: Column| {
            columns
                .iter()
                .enumerate()
                .filter(|(_, x)| **x == Some(c))
                .filter_map(|(i, _)| record.get(i).map(str::trim))
                .filter(|v| !v.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() != columns.len() {
            problems.push(Problem::at(
                line,
                &format!(
                    "{} fields where the header names {}: check the columns of this row",
                    record.len(),
                    columns.len()
                ),
            ));
        }
        let name = get_all(Column::Name);
        let name = name.as_str();
        if name.is_empty() {
            problems.push(Problem::at(line, "no 氏名: row left out"));
            continue;
        }
        let role = get_all(Column::Role);
        let tidy = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if people.iter().any(|p| p.name == tidy && p.role == role) {
            problems.push(Problem::at(line, "the same person again: left out"));
            continue;
        }
        let attendance_text = get_all(Column::Attendance);
        let attendance_text = attendance_text.as_str();
        let attendance = online(attendance_text).unwrap_or_else(|| {
            if !attendance_text.is_empty() {
                problems.push(Problem::at(
                    line,
                    &format!("会場/オンライン \"{attendance_text}\" not understood: 会場 assumed"),
                ));
            }
            Attendance::Room
        });
        let honorific = Some(get_all(Column::Honorific)).filter(|h| !h.is_empty());
        if let Some(h) = honorific
            .as_deref()
            .filter(|h| !["様", "氏", "君"].contains(h))
        {
            problems.push(Problem::at(
                line,
                &format!("敬称 \"{h}\" kept as written (様 and 氏 are the usual ones)"),
            ));
        }
        let group = Some(get_all(Column::Group)).filter(|g| !g.is_empty());
        let slot = u8::try_from(people.len() + 1)
            .ok()
            .filter(|s| *s <= MAX_SLOT);
        people.push(Participant {
            id: ParticipantId(format!("p{}", people.len() + 1)),
            role,
            name: tidy,
            outside: honorific.is_some(),
            honorific,
            attendance,
            hotkey: slot,
            group,
            reading: Some(get_all(Column::Reading)).filter(|r| !r.is_empty()),
            ..Default::default()
        });
    }
    Ok((people, problems))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "所属・役職,氏名,よみ,区分,会場/オンライン,敬称\n\
        デジタル推進局長,山田 太郎,やまだ たろう,事務局,会場,\n\
        南町CIO,佐藤　花子,さとう はなこ,委員,オンライン,様\n\
        ,,,,,\n\
        東都大学 教授,,たかはし,委員,会場,様\n\
        \"北町商工会議所, 専務理事\",伊藤 美咲,いとう みさき,委員,Zoom,様\n";

    #[test]
    fn a_spreadsheet_roster_in_utf8_and_shift_jis() {
        let (people, problems) = parse(CSV).unwrap();
        let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["山田 太郎", "佐藤 花子", "伊藤 美咲"]);
        assert_eq!(people[1].attendance, Attendance::Online);
        assert_eq!(people[1].honorific.as_deref(), Some("様"));
        assert!(people[1].outside && !people[0].outside);
        assert_eq!(people[0].reading.as_deref(), Some("やまだ たろう"));
        assert_eq!(people[2].role, "北町商工会議所, 専務理事");
        assert_eq!(people[2].hotkey, Some(3));
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [5], "{problems:?}");
        // The same file as the spreadsheet saves it on Japanese Windows.
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(CSV);
        assert!(std::str::from_utf8(&sjis).is_err());
        assert_eq!(decode(&sjis).unwrap(), CSV);
        let tsv = CSV
            .replace(',', "\t")
            .replace("\"北町商工会議所\t 専務理事\"", "北町商工会議所 専務理事");
        assert_eq!(parse(&tsv).unwrap().0.len(), 3);
        // 所属 and 役職 in columns of their own make one role; an odd row is reported.
        let two = "所属,役職,氏名,敬称\n東都大学,教授,高橋 誠,殿\n北町市,市長\n東都大学,教授,高橋 誠,殿\n";
        let (people, problems) = parse(two).unwrap();
        assert_eq!(people[0].role, "東都大学 教授");
        let said: Vec<(usize, &str)> = problems
            .iter()
            .map(|p| (p.line, p.message.as_str()))
            .collect();
        assert!(
            said.iter().any(|(l, m)| *l == 2 && m.contains("殿")),
            "{said:?}"
        );
        assert!(
            said.iter().any(|(l, m)| *l == 3 && m.contains("2 fields")),
            "{said:?}"
        );
        assert!(
            said.iter()
                .any(|(l, m)| *l == 4 && m.contains("same person")),
            "{said:?}"
        );
        assert!(decode(b"\xff\xfe\x00").is_err());
    }

    #[test]
    fn a_quote_left_open_is_named_with_the_rows_it_would_swallow() {
        let text = "氏名,所属\n山田 太郎,\"北町市\n佐藤 花子,南町\n鈴木 一郎,東町\n";
        let e = parse(text).unwrap_err();
        assert_eq!(e.line, 2, "{e:?}");
        assert!(e.message.contains("3 line(s)"), "{e:?}");
        // A closed one with a line break inside is a cell, and the row after it keeps its line.
        let ok = "氏名,所属\n山田 太郎,\"北町市\n企画課\"\n佐藤 花子,\"南町 \"\"特別\"\"\"\n,x\n";
        let (people, problems) = parse(ok).unwrap();
        assert_eq!(people.len(), 2);
        assert_eq!(problems.iter().map(|p| p.line).collect::<Vec<_>>(), [5]);
    }

    #[test]
    fn a_file_without_a_name_column_says_so() {
        let e = parse("a,b\n1,2\n").unwrap_err();
        assert!(e.message.contains("氏名") && e.line == 1, "{e:?}");
    }
}
