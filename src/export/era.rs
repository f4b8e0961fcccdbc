//! Dates and times as Japanese minutes write them: 令和8年7月3日（金）, 元年 for an era's
//! first year, 15時から16時30分まで, 午後1時49分, optionally in kanji numerals.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};

/// The eras from 明治 on, with the Gregorian day each began.
const ERAS: &[(&str, i32, u32, u32)] = &[
    ("令和", 2019, 5, 1),
    ("平成", 1989, 1, 8),
    ("昭和", 1926, 12, 25),
    ("大正", 1912, 7, 30),
    ("明治", 1868, 10, 23),
];

/// The era and its year (1 for 元年), or `None` before 明治.
pub fn era_year(date: NaiveDate) -> Option<(&'static str, i32)> {
    ERAS.iter().find_map(|&(name, y, m, d)| {
        let start = NaiveDate::from_ymd_opt(y, m, d)?;
        (date >= start).then(|| (name, date.year() - y + 1))
    })
}

pub fn weekday_kanji(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "月",
        Weekday::Tue => "火",
        Weekday::Wed => "水",
        Weekday::Thu => "木",
        Weekday::Fri => "金",
        Weekday::Sat => "土",
        Weekday::Sun => "日",
    }
}

/// 0–9999 in kanji numerals: 8 → 八, 16 → 十六, 30 → 三十, 2026 → 二千二十六.
pub fn kanji_number(n: u32) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    if n == 0 {
        return DIGITS[0].to_owned();
    }
    if n >= 10_000 {
        return n.to_string();
    }
    let mut out = String::new();
    for (unit, name) in [(1000, "千"), (100, "百"), (10, "十")] {
        let d = n / unit % 10;
        if d > 0 {
            if d > 1 {
                out.push_str(DIGITS[d as usize]);
            }
            out.push_str(name);
        }
    }
    let ones = n % 10;
    if ones > 0 {
        out.push_str(DIGITS[ones as usize]);
    }
    out
}

fn num(n: u32, kanji: bool) -> String {
    if kanji {
        kanji_number(n)
    } else {
        n.to_string()
    }
}

/// 令和8年7月3日（金）; 令和元年5月1日（水）; without the era, 2026年7月3日（金）.
pub fn japanese_date(date: NaiveDate, era: bool, kanji: bool, weekday: bool) -> String {
    let mut s = match era.then(|| era_year(date)).flatten() {
        Some((name, 1)) => format!("{name}元年"),
        Some((name, y)) => format!("{name}{}年", num(y as u32, kanji)),
        None => format!("{}年", num(date.year().max(0) as u32, kanji)),
    };
    s.push_str(&format!(
        "{}月{}日",
        num(date.month(), kanji),
        num(date.day(), kanji)
    ));
    if weekday {
        s.push_str(&format!("（{}）", weekday_kanji(date.weekday())));
    }
    s
}

/// 15時, 16時30分.
pub fn japanese_time(t: NaiveTime, kanji: bool) -> String {
    if t.minute() == 0 {
        format!("{}時", num(t.hour(), kanji))
    } else {
        format!("{}時{}分", num(t.hour(), kanji), num(t.minute(), kanji))
    }
}

/// 15時から16時30分まで
pub fn japanese_time_range(start: NaiveTime, end: NaiveTime, kanji: bool) -> String {
    format!(
        "{}から{}まで",
        japanese_time(start, kanji),
        japanese_time(end, kanji)
    )
}

/// 午後1時49分, 午前10時: the twelve-hour clock of council proceedings.
pub fn japanese_clock(t: NaiveTime, kanji: bool) -> String {
    let (half, h) = if t.hour() < 12 {
        ("午前", t.hour())
    } else {
        ("午後", t.hour() - 12)
    };
    let h = NaiveTime::from_hms_opt(h, t.minute(), 0).unwrap_or(t);
    format!("{half}{}", japanese_time(h, kanji))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn era_boundaries() {
        assert_eq!(
            japanese_date(d(1989, 1, 7), true, false, true),
            "昭和64年1月7日（土）"
        );
        assert_eq!(
            japanese_date(d(1989, 1, 8), true, false, true),
            "平成元年1月8日（日）"
        );
        assert_eq!(
            japanese_date(d(2019, 4, 30), true, false, true),
            "平成31年4月30日（火）"
        );
        assert_eq!(
            japanese_date(d(2019, 5, 1), true, false, true),
            "令和元年5月1日（水）"
        );
        assert_eq!(
            japanese_date(d(2020, 1, 1), true, false, true),
            "令和2年1月1日（水）"
        );
        assert_eq!(
            japanese_date(d(2026, 7, 3), true, false, true),
            "令和8年7月3日（金）"
        );
        assert_eq!(
            japanese_date(d(2025, 2, 18), true, false, true),
            "令和7年2月18日（火）"
        );
        assert_eq!(
            japanese_date(d(1926, 12, 25), true, false, false),
            "昭和元年12月25日"
        );
        assert_eq!(
            japanese_date(d(1912, 7, 30), true, false, false),
            "大正元年7月30日"
        );
        assert_eq!(
            japanese_date(d(1800, 1, 1), true, false, false),
            "1800年1月1日"
        );
    }

    #[test]
    fn western_and_kanji_forms() {
        assert_eq!(
            japanese_date(d(2026, 7, 3), false, false, true),
            "2026年7月3日（金）"
        );
        assert_eq!(
            japanese_date(d(2026, 7, 3), true, true, true),
            "令和八年七月三日（金）"
        );
        assert_eq!(
            japanese_date(d(2019, 12, 31), true, true, false),
            "令和元年十二月三十一日"
        );
        assert_eq!(kanji_number(2026), "二千二十六");
        assert_eq!(kanji_number(10), "十");
        assert_eq!(kanji_number(111), "百十一");
    }

    #[test]
    fn times() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(
            japanese_time_range(t(15, 0), t(16, 30), false),
            "15時から16時30分まで"
        );
        assert_eq!(
            japanese_time_range(t(15, 0), t(16, 30), true),
            "十五時から十六時三十分まで"
        );
        assert_eq!(japanese_clock(t(13, 49), false), "午後1時49分");
        assert_eq!(japanese_clock(t(10, 0), false), "午前10時");
        assert_eq!(japanese_clock(t(12, 5), false), "午後0時5分");
    }
}
