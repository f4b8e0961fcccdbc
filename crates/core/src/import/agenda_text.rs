//! A 議事次第 as a clerk pastes it from Word: a title, a date line, a place line, numbered items
//! (`1 開会`, `２．報告事項`, `日程第１`, `一、`), their parts (`（1）…`, `①`), `（非公開）` on closed
//! items, an indented line under an item as its detail, and labelled blocks such as 配付資料.

use chrono::{NaiveDate, NaiveTime};

use super::Problem;
use crate::model::{AgendaItem, ItemNo, Layout, MeetingText, TextAt};

/// What a 議事次第 says.
#[derive(Debug, Default)]
pub struct AgendaText {
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    pub start: Option<NaiveTime>,
    pub end: Option<NaiveTime>,
    pub place: Option<String>,
    pub items: Vec<AgendaItem>,
    pub texts: Vec<MeetingText>,
    pub problems: Vec<Problem>,
}

/// A full-width digit, letter or sign as its ASCII twin; other characters as they are.
fn ascii(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '（' | '）' | '．' | '：' | '／' | '－' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        '　' => ' ',
        c => c,
    }
}

fn kanji_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|k| k == c)
        .map(|n| n as u32)
}

/// A number written in digits (full-width too) or kanji (十二, 二十): its value.
fn number(s: &str) -> Option<u32> {
    let t: String = s.chars().map(ascii).collect();
    if !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()) {
        return t.parse().ok();
    }
    if t == "元" {
        return Some(1);
    }
    let mut total = 0;
    let mut digit = None;
    for c in t.chars() {
        match c {
            '十' | '百' | '千' => {
                let unit = match c {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                total += digit.take().unwrap_or(1) * unit;
            }
            c => digit = Some(digit.unwrap_or(0) * 10 + kanji_digit(c)?),
        }
    }
    let n = total + digit.unwrap_or(0);
    (!s.is_empty()).then_some(n)
}

/// The leading number of an item line and what follows it: `(depth, number, rest)`, depth 0
/// for an item and 1 for a part.
fn numbered(line: &str) -> Option<(u8, Option<u32>, &str)> {
    let trimmed = line.trim_start_matches([' ', '　', '\t']);
    let indented = trimmed.len() < line.len();
    let chars: Vec<(usize, char)> = trimmed.char_indices().collect();
    let first = chars.first()?.1;
    // ①–⑳
    if ('①'..='⑳').contains(&first) {
        let n = first as u32 - '①' as u32 + 1;
        return Some((1, Some(n), trimmed[first.len_utf8()..].trim_start()));
    }
    // (1) （１）
    if ascii(first) == '(' {
        let close = chars.iter().position(|(_, c)| ascii(*c) == ')')?;
        let inside: String = chars[1..close].iter().map(|(_, c)| *c).collect();
        let n = number(&inside)?;
        let rest = &trimmed[chars[close].0 + chars[close].1.len_utf8()..];
        return Some((1, Some(n), rest.trim_start()));
    }
    // 日程第1 / 第1
    let body = trimmed
        .strip_prefix("日程第")
        .or_else(|| trimmed.strip_prefix('第'));
    let (text, prefixed) = match body {
        Some(b) => (b, true),
        None => (trimmed, false),
    };
    let digits: String = text
        .chars()
        .take_while(|c| ascii(*c).is_ascii_digit() || kanji_digit(*c).is_some() || *c == '十')
        .collect();
    if digits.is_empty() {
        return None;
    }
    let after = &text[digits.len()..];
    let sep = after.chars().next();
    // A number must be followed by a separator, so that 「3月の…」 is not an item.
    let rest = match sep.map(ascii) {
        Some(' ' | '.' | '、' | ')' | ',' | ':') => &after[sep?.len_utf8()..],
        Some('　') => &after['　'.len_utf8()..],
        // 第3回 is a title, not an item: after 第N too a separator must follow.
        _ => return None,
    };
    let rest = rest.trim_start_matches([' ', '　', '.', '．']);
    if rest.is_empty() {
        return None;
    }
    Some((u8::from(indented && !prefixed), number(&digits), rest))
}

/// What a line says of 非公開: nothing, the usual mark (（非公開）, 【非公開】 …, taken out of
/// the title), or 非公開 written some other way (※非公開, （一部非公開）, （非公開予定）), which
/// closes the item too, since leaving it public could publish what was closed, and is
/// reported for the clerk to check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Closed {
    No,
    Marked,
    Mentioned,
}

fn closed_mark(title: &str) -> (String, Closed) {
    let squeezed: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    for mark in [
        "（非公開）",
        "(非公開)",
        "【非公開】",
        "［非公開］",
        "[非公開]",
        "＜非公開＞",
    ] {
        if let Some(i) = squeezed.find(mark) {
            let t = format!("{}{}", &squeezed[..i], &squeezed[i + mark.len()..]);
            // The title keeps its own spacing where the mark was not.
            let t = if title.contains(mark) {
                title.replacen(mark, "", 1)
            } else {
                t
            };
            return (t.trim().to_owned(), Closed::Marked);
        }
    }
    if title.contains("非公開") {
        return (title.trim().to_owned(), Closed::Mentioned);
    }
    (title.trim().to_owned(), Closed::No)
}

/// `label：value` for one of `labels` (spaces inside the label allowed: 日　時).
fn labelled<'a>(line: &'a str, labels: &[&str]) -> Option<&'a str> {
    let t = line.trim();
    for label in labels {
        let mut rest = t;
        let mut ok = true;
        for c in label.chars() {
            rest = rest.trim_start_matches([' ', '　']);
            match rest.strip_prefix(c) {
                Some(r) => rest = r,
                None => {
                    ok = false;
                    break;
                }
            }
        }
        let value = rest.trim_start_matches([' ', '　', '：', ':']);
        // The label must end at a separator: 日程第１ is an item, not the label 日程.
        if ok && value.len() < rest.len() && !value.is_empty() {
            return Some(value.trim());
        }
    }
    None
}

/// The date in a line: 令和8年7月3日, 令和元年…, 2026年7月3日, 2026-07-03, 2026/7/3, in any digits.
pub fn date_in(line: &str) -> Option<NaiveDate> {
    let t: String = line.chars().map(ascii).collect();
    let eras = [("令和", 2018), ("平成", 1988), ("昭和", 1925)];
    for (name, base) in eras {
        if let Some(i) = t.find(name) {
            let rest = &t[i + name.len()..];
            let (y, rest) = rest.split_once('年')?;
            let (m, rest) = rest.split_once('月')?;
            let (d, _) = rest.split_once('日')?;
            let year = base + number(y.trim())? as i32;
            return NaiveDate::from_ymd_opt(year, number(m.trim())?, number(d.trim())?);
        }
    }
    if let Some((y, rest)) = t.split_once('年') {
        let y: String = y.chars().rev().take_while(|c| c.is_ascii_digit()).collect();
        let y: String = y.chars().rev().collect();
        let (m, rest) = rest.split_once('月')?;
        let (d, _) = rest.split_once('日')?;
        return NaiveDate::from_ymd_opt(y.parse().ok()?, number(m.trim())?, number(d.trim())?);
    }
    for sep in ['-', '/'] {
        let found = t
            .split(|c: char| !c.is_ascii_digit() && c != sep)
            .find_map(|w| {
                let parts: Vec<&str> = w.split(sep).collect();
                match parts[..] {
                    [y, m, d] if y.len() == 4 => {
                        NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
                    }
                    _ => None,
                }
            });
        if found.is_some() {
            return found;
        }
    }
    None
}

/// The times in a line, in order: 15時00分, 15時, 午後3時30分, 15:00.
pub fn times_in(line: &str) -> Vec<NaiveTime> {
    let t: String = line.chars().map(ascii).collect();
    // The date goes first: its 日 and numbers are no time.
    let t = t.split_once('日').map_or(t.as_str(), |(_, r)| r).to_owned();
    let mut out = Vec::new();
    let chars: Vec<char> = t.chars().collect();
    let mut i = 0;
    let mut afternoon = false;
    while i < chars.len() {
        let rest: String = chars[i..].iter().collect();
        if rest.starts_with("午後") {
            afternoon = true;
            i += 2;
            continue;
        }
        if rest.starts_with("午前") {
            afternoon = false;
            i += 2;
            continue;
        }
        let digits: String = chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_digit() || kanji_digit(**c).is_some() || **c == '十')
            .collect();
        if digits.is_empty() {
            i += 1;
            continue;
        }
        let n = digits.chars().count();
        let next = chars.get(i + n).copied();
        let Some(h) = number(&digits) else {
            i += n;
            continue;
        };
        let (minute, used) = match next {
            Some('時') => {
                let m: String = chars[i + n + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit() || kanji_digit(**c).is_some() || **c == '十')
                    .collect();
                let has_min = chars.get(i + n + 1 + m.chars().count()) == Some(&'分');
                if !m.is_empty() && has_min {
                    (number(&m), n + 2 + m.chars().count())
                } else if chars.get(i + n + 1) == Some(&'半') {
                    (Some(30), n + 2)
                } else {
                    (Some(0), n + 1)
                }
            }
            Some(':') => {
                let m: String = chars[i + n + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .collect();
                (m.parse().ok(), n + 1 + m.len())
            }
            _ => (None, n),
        };
        if let Some(m) = minute {
            let hour = if afternoon && h < 12 { h + 12 } else { h };
            out.extend(NaiveTime::from_hms_opt(hour, m, 0));
        }
        i += used.max(1);
    }
    out
}

/// Labels that start a block of text of their own after the agenda.
const TEXT_LABELS: &[&str] = &["配付資料", "配布資料", "資料", "備考", "その他", "添付資料"];

pub fn parse(text: &str) -> AgendaText {
    let mut out = AgendaText::default();
    let mut block: Option<(String, Vec<String>)> = None;
    let mut next_no: ItemNo = 1;
    let mut parts_of: std::collections::HashMap<ItemNo, u32> = Default::default();
    // Every number handed out so far: checked once per line, so a long file stays linear.
    let mut used: std::collections::HashSet<ItemNo> = Default::default();
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.trim_end().trim_start_matches('\u{feff}');
        if line.trim().is_empty() {
            if let Some((label, lines)) = block.take() {
                push_text(&mut out, label, lines);
            }
            continue;
        }
        if let Some((_, lines)) = &mut block {
            lines.push(line.trim().to_owned());
            continue;
        }
        let bare = line
            .trim()
            .trim_matches(['【', '】', '〔', '〕', '■', '◆', '●']);
        if !out.items.is_empty() && TEXT_LABELS.contains(&bare) {
            block = Some((bare.to_owned(), Vec::new()));
            continue;
        }
        if let Some(v) = labelled(line, &["日時", "開催日時", "日程", "とき"]) {
            date_line(&mut out, v, line_no);
            continue;
        }
        if let Some(v) = labelled(line, &["場所", "開催場所", "会場", "ところ"]) {
            out.place = Some(v.to_owned());
            continue;
        }
        if let Some((depth, number, rest)) = numbered(line) {
            let (title, closed) = closed_mark(rest);
            if closed == Closed::Mentioned {
                out.problems.push(Problem::at(
                    line_no,
                    "非公開 written in a way not read as a mark: the item is imported closed; open it (public: true) if only a part is closed",
                ));
            }
            let closed = closed != Closed::No;
            let parent = out
                .items
                .iter()
                .rev()
                .find(|i| i.part_of.is_none())
                .map(|i| i.no);
            let (no, part_of) = match (depth, parent) {
                (1, Some(parent)) => {
                    // Parts are numbered out of the way of items: 201, 202 under item 2.
                    let k = parts_of.entry(parent).or_insert(0);
                    *k += 1;
                    let mut no = parent * 100 + *k;
                    while used.contains(&no) {
                        no += 1;
                    }
                    used.insert(no);
                    (no, Some(parent))
                }
                _ => {
                    let given = number.filter(|n| *n > 0);
                    let mut no = given.unwrap_or(next_no);
                    while used.contains(&no) {
                        no += 1;
                    }
                    used.insert(no);
                    if let Some(g) = given.filter(|g| *g != no) {
                        out.problems.push(Problem::at(
                            line_no,
                            &format!("item number {g} is taken: numbered {no}"),
                        ));
                    }
                    next_no = no + 1;
                    (no, None)
                }
            };
            let layout = if title.contains("挨拶") && part_of.is_none() {
                Layout::Speeches
            } else {
                Layout::Discussion
            };
            out.items.push(AgendaItem {
                public: !closed,
                layout,
                part_of,
                ..AgendaItem::new(no, title)
            });
            continue;
        }
        // An indented line under an item: its subject or presenter.
        let indented = line.starts_with([' ', '　', '\t']);
        if indented && let Some(last) = out.items.last_mut() {
            // （非公開） on a line of its own (a title Word wrapped) closes the item above.
            let (rest, closed) = closed_mark(line);
            if closed != Closed::No {
                last.public = false;
                if rest.is_empty() {
                    continue;
                }
                out.problems.push(Problem::at(
                    line_no,
                    "非公開 under an item: the item is imported closed",
                ));
            }
            let add = line.trim().trim_start_matches(['・', '-', '－']).trim();
            last.detail = Some(match &last.detail {
                Some(d) => format!("{d} {add}"),
                None => add.to_owned(),
            });
            continue;
        }
        if out.items.is_empty() && out.title.is_none() && date_in(line).is_none() {
            let t = line.trim();
            let stripped = ["議事次第", "会議次第", "次第"]
                .iter()
                .find_map(|s| t.strip_suffix(s))
                .unwrap_or(t)
                .trim();
            if !stripped.is_empty() && stripped.chars().any(|c| !c.is_whitespace()) {
                out.title = Some(stripped.to_owned());
            }
            continue;
        }
        if out.items.is_empty() && out.date.is_none() && date_in(line).is_some() {
            date_line(&mut out, line, line_no);
            continue;
        }
        // 次　第 on a line of its own, and the like.
        let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        if ["次第", "議事次第", "会議次第"].contains(&squeezed.as_str()) {
            continue;
        }
        out.problems.push(Problem::at(
            line_no,
            &format!("not understood, left out: \"{}\"", line.trim()),
        ));
    }
    if let Some((label, lines)) = block.take() {
        push_text(&mut out, label, lines);
    }
    out
}

/// The date and hours of a date line, and what is wrong with them: a date that cannot be, a
/// weekday that is not the date's, an end before the start.
fn date_line(out: &mut AgendaText, v: &str, line_no: usize) {
    out.date = date_in(v).or(out.date);
    let times = times_in(v);
    out.start = times.first().copied().or(out.start);
    out.end = times.get(1).copied().or(out.end);
    match date_in(v) {
        None if v.contains('年') || v.contains('/') || v.contains('-') => {
            out.problems.push(Problem::at(
                line_no,
                &format!(
                    "no such date in \"{}\" (the month has fewer days?)",
                    v.trim()
                ),
            ));
        }
        None => out.problems.push(Problem::at(
            line_no,
            "no date found in the date line (expected 令和8年7月3日, 2026年7月3日 or 2026-07-03)",
        )),
        Some(d) => {
            let said = super::super::export::era::weekday_kanji(chrono::Datelike::weekday(&d));
            let t: String = v.chars().map(ascii).collect();
            let stated = ["月", "火", "水", "木", "金", "土", "日"]
                .into_iter()
                .find(|w| t.contains(&format!("({w})")) || t.contains(&format!("({w}曜日)")));
            if let Some(w) = stated.filter(|w| *w != said) {
                out.problems.push(Problem::at(
                    line_no,
                    &format!("the line says {w}曜日, but {d} is a {said}曜日: check the date"),
                ));
            }
        }
    }
    if let (Some(s), Some(e)) = (out.start, out.end)
        && e <= s
    {
        out.problems.push(Problem::at(
            line_no,
            &format!("the end ({e}) is not after the start ({s}): two hours written in its place"),
        ));
        out.end = None;
    }
}

fn push_text(out: &mut AgendaText, label: String, lines: Vec<String>) {
    if !lines.is_empty() {
        out.texts.push(MeetingText {
            label,
            text: lines.join("\n"),
            at: TextAt::AfterAgenda,
            public: true,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn numbers_dates_and_times_in_every_writing() {
        assert_eq!(number("１２"), Some(12));
        assert_eq!(number("二十三"), Some(23));
        assert_eq!(number("十"), Some(10));
        let d = NaiveDate::from_ymd_opt(2026, 7, 3);
        assert_eq!(date_in("令和８年７月３日（金）"), d);
        assert_eq!(date_in("令和八年七月三日"), d);
        assert_eq!(date_in("2026年7月3日"), d);
        assert_eq!(date_in("2026/7/3 15:00"), d);
        assert_eq!(
            date_in("令和元年5月1日"),
            NaiveDate::from_ymd_opt(2019, 5, 1)
        );
        assert_eq!(date_in("令和8年2月30日"), None);
        assert_eq!(
            times_in("令和8年7月3日（金）午後3時から午後4時30分まで"),
            [t(15, 0), t(16, 30)]
        );
        assert_eq!(times_in("15時00分～16時30分"), [t(15, 0), t(16, 30)]);
        assert_eq!(times_in("2026-07-03 14:00～15:30"), [t(14, 0), t(15, 30)]);
        assert_eq!(times_in("十時半から"), [t(10, 30)]);
    }

    #[test]
    fn a_pasted_agenda_with_parts_closed_items_and_details() {
        let text = "\
第3回 北町市デジタル推進会議 議事次第

日時：令和8年7月3日（金）15時00分～16時30分
場所：北町市役所本庁舎7階大会議室

１　開会
２　報告事項
（１）電子申請の利用状況について
（２）窓口業務の見直しについて
　　説明：デジタル推進局
3. 議題
    新たな推進計画の策定について
4 意見交換（非公開）
5 閉会

配付資料
資料1 推進計画（案）
資料2 利用状況

ここは何でしょう
";
        let a = parse(text);
        assert_eq!(a.title.as_deref(), Some("第3回 北町市デジタル推進会議"));
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2026, 7, 3));
        assert_eq!((a.start, a.end), (Some(t(15, 0)), Some(t(16, 30))));
        assert_eq!(a.place.as_deref(), Some("北町市役所本庁舎7階大会議室"));
        let items: Vec<(ItemNo, &str, Option<ItemNo>, bool)> = a
            .items
            .iter()
            .map(|i| (i.no, i.title.as_str(), i.part_of, i.public))
            .collect();
        assert_eq!(
            items,
            [
                (1, "開会", None, true),
                (2, "報告事項", None, true),
                (201, "電子申請の利用状況について", Some(2), true),
                (202, "窓口業務の見直しについて", Some(2), true),
                (3, "議題", None, true),
                (4, "意見交換", None, false),
                (5, "閉会", None, true),
            ]
        );
        assert_eq!(a.items[3].detail.as_deref(), Some("説明：デジタル推進局"));
        assert_eq!(
            a.items[4].detail.as_deref(),
            Some("新たな推進計画の策定について")
        );
        assert_eq!(a.texts[0].label, "配付資料");
        assert_eq!(a.texts[0].text, "資料1 推進計画（案）\n資料2 利用状況");
        assert_eq!(a.problems.len(), 1, "{:?}", a.problems);
        assert_eq!(a.problems[0].line, 20);
    }

    #[test]
    fn an_assembly_s_order_of_business_and_a_national_council_s_agenda() {
        let assembly = "\
令和８年第２回北町市議会定例会議事日程（第３号）
令和８年６月１０日（水）午前１０時開議
日程第１　会議録署名議員の指名
日程第２　一般質問
日程第３　議案第４５号　北町市職員の懲戒処分に関する件（非公開）
";
        let a = parse(assembly);
        assert_eq!(
            a.title.as_deref(),
            Some("令和８年第２回北町市議会定例会議事日程（第３号）")
        );
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2026, 6, 10));
        assert_eq!(a.start, Some(t(10, 0)));
        let items: Vec<(ItemNo, &str, bool)> = a
            .items
            .iter()
            .map(|i| (i.no, i.title.as_str(), i.public))
            .collect();
        assert_eq!(
            items,
            [
                (1, "会議録署名議員の指名", true),
                (2, "一般質問", true),
                (3, "議案第４５号　北町市職員の懲戒処分に関する件", false),
            ]
        );
        assert!(a.problems.is_empty(), "{:?}", a.problems);
        let national = "\
第５回　デジタル行政推進有識者会議
議事次第

日　時：2026年7月14日（火）10:00～12:00
場　所：中央合同庁舎第４号館　共用第２特別会議室

１．開会
２．議事
　(1) デジタル手続法の施行状況について
　(2) 自治体の取組事例（北町市）
　(3) 事業者ヒアリング【非公開】
３．閉会

（配付資料）
";
        let n = parse(national);
        assert_eq!(
            n.title.as_deref(),
            Some("第５回　デジタル行政推進有識者会議")
        );
        assert_eq!(n.date, NaiveDate::from_ymd_opt(2026, 7, 14));
        assert_eq!((n.start, n.end), (Some(t(10, 0)), Some(t(12, 0))));
        assert_eq!(
            n.place.as_deref(),
            Some("中央合同庁舎第４号館　共用第２特別会議室")
        );
        let parts: Vec<(&str, Option<ItemNo>, bool)> = n
            .items
            .iter()
            .map(|i| (i.title.as_str(), i.part_of, i.public))
            .collect();
        assert_eq!(
            parts,
            [
                ("開会", None, true),
                ("議事", None, true),
                ("デジタル手続法の施行状況について", Some(2), true),
                ("自治体の取組事例（北町市）", Some(2), true),
                ("事業者ヒアリング", Some(2), false),
                ("閉会", None, true),
            ]
        );
        // （配付資料） with nothing under it is reported, not dropped silently.
        assert_eq!(n.problems.len(), 1, "{:?}", n.problems);
    }

    #[test]
    fn non_public_written_otherwise_closes_and_says_so() {
        let a = parse(
            "会議\n日時：令和8年7月3日（木）15時～14時\n1 開会\n2 報告\n　（１）個人情報の取扱いについて\n　　（非公開）\n3 審査請求について　※非公開\n3 その他\n",
        );
        let public: Vec<(ItemNo, bool)> = a.items.iter().map(|i| (i.no, i.public)).collect();
        assert_eq!(
            public,
            [(1, true), (2, true), (201, false), (3, false), (4, true)]
        );
        assert_eq!(a.items[2].detail, None, "the mark is no detail");
        let said: Vec<&str> = a.problems.iter().map(|p| p.message.as_str()).collect();
        assert!(
            said.iter()
                .any(|m| m.contains("木曜日") && m.contains("金曜日")),
            "{said:?}"
        );
        assert!(
            said.iter().any(|m| m.contains("not after the start")),
            "{said:?}"
        );
        assert!(
            said.iter().any(|m| m.contains("imported closed")),
            "{said:?}"
        );
        assert!(
            said.iter().any(|m| m.contains("item number 3 is taken")),
            "{said:?}"
        );
        assert_eq!(a.end, None);
        let a = parse("会議\n日時：令和8年2月30日\n1 開会\n");
        assert!(
            a.problems[0].message.contains("no such date"),
            "{:?}",
            a.problems
        );
    }

    #[test]
    fn other_numberings() {
        let a =
            parse("会議\n日程第１　会議録署名議員の指名\n日程第２　一般質問\n一、閉会\n① 補足\n");
        let titles: Vec<&str> = a.items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(titles, ["会議録署名議員の指名", "一般質問", "閉会", "補足"]);
        assert_eq!(a.items[3].part_of, Some(a.items[2].no));
        // A sentence that starts with a number is no item.
        let a = parse("会議\n1 開会\n3月の実績は別紙\n");
        assert_eq!(a.items.len(), 1);
        assert_eq!(a.problems.len(), 1);
    }
}
