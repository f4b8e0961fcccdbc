//! The Japanese calendar's parts: eras (元年 for an era's first year), weekdays and kanji
//! numerals. `dates` puts them together as a style's templates say.

use chrono::{Datelike, NaiveDate, Weekday};

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kanji_numbers() {
        assert_eq!(kanji_number(2026), "二千二十六");
        assert_eq!(kanji_number(10), "十");
        assert_eq!(kanji_number(111), "百十一");
        assert_eq!(kanji_number(0), "〇");
    }

    #[test]
    fn eras_begin_on_their_day() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(era_year(d(2019, 4, 30)), Some(("平成", 31)));
        assert_eq!(era_year(d(2019, 5, 1)), Some(("令和", 1)));
        assert_eq!(era_year(d(1800, 1, 1)), None);
    }
}
