//! Numbers, dates and times as a style writes them: each from a template
//! (`{era}{era_year}年{month}月{day}日（{weekday}）`, `{ampm}{h12}時{m}分`) with the style's
//! numerals (7, ７ or 七) filled into every number.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

use super::era::{era_year, kanji_number, weekday_kanji};
use super::template::fill;

/// The date form a style's `dates` templates default to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateForm {
    /// 令和8年7月3日（金）
    Era,
    /// 2026年7月3日（金）
    Western,
    /// Friday, 3 July 2026
    English,
}

/// How numbers in dates, times and counts are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Numerals {
    /// 7, 15
    #[default]
    Arabic,
    /// ７, １５
    FullWidth,
    /// 七, 十五 (and 二〇二六 for a Western year, 零 for the hour after midnight and noon)
    Kanji,
}

/// How an agenda item (`{no}`) or part (`{part}`) is numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Numbering {
    /// 1, 2, 3
    #[default]
    Arabic,
    /// １, ２, ３
    FullWidth,
    /// 一, 二, 三 (日程第一)
    Kanji,
    /// ①, ②, ③ (to ㊿; Arabic after)
    Circled,
}

/// `n` in `numerals`.
pub fn number(n: u32, numerals: Numerals) -> String {
    match numerals {
        Numerals::Arabic => n.to_string(),
        Numerals::FullWidth => full_width(&n.to_string()),
        Numerals::Kanji => kanji_number(n),
    }
}

/// Digit by digit: a year (二〇二六), minutes kept to two places (〇五).
fn digits(s: &str, numerals: Numerals) -> String {
    match numerals {
        Numerals::Arabic => s.to_owned(),
        Numerals::FullWidth => full_width(s),
        Numerals::Kanji => s
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(0) => '〇',
                Some(d) => kanji_number(d).chars().next().unwrap_or(c),
                None => c,
            })
            .collect(),
    }
}

fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// An item's or a part's number as printed.
pub fn item_number(n: u32, numbering: Numbering) -> String {
    match numbering {
        Numbering::Arabic => n.to_string(),
        Numbering::FullWidth => full_width(&n.to_string()),
        Numbering::Kanji => kanji_number(n),
        // ① to ⑳, ㉑ to ㉟ and ㊱ to ㊿ lie in three runs of Unicode.
        Numbering::Circled => match n {
            1..=20 => char::from_u32('①' as u32 + n - 1),
            21..=35 => char::from_u32('㉑' as u32 + n - 21),
            36..=50 => char::from_u32('㊱' as u32 + n - 36),
            _ => None,
        }
        .map_or(n.to_string(), String::from),
    }
}

/// The date and time templates of a style file; each one not given follows the style's
/// `date` form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateTemplates {
    /// The meeting's date: `{era}{era_year}年（{year}年）{month}月{day}日（{weekday_long}）`.
    #[serde(default)]
    pub date: Option<String>,
    /// A time of the header's hours: with minutes, and on the hour: `("{h}時{m}分", "{h}時")`.
    #[serde(default)]
    pub time: Option<(String, String)>,
    /// A time in the flow of the minutes (〔午後一時開会〕, attendance marks), the same way:
    /// `("{ampm}{h12}時{m}分", "{ampm}{h12}時")`.
    #[serde(default)]
    pub clock: Option<(String, String)>,
    /// The hours, `{start}` and `{end}` written as `time`: `{start}から{end}まで`, `{start}～{end}`.
    #[serde(default)]
    pub hours: Option<String>,
    /// The date with the hours: `{date} {hours}`, `{date}{hours}`.
    #[serde(default)]
    pub date_hours: Option<String>,
    /// A due date of an action item: `{month}月{day}日`.
    #[serde(default)]
    pub due: Option<String>,
}

/// The fields of a date template.
pub const DATE_FIELDS: &[&str] = &[
    "era",
    "era_year",
    "year",
    "month",
    "day",
    "weekday",
    "weekday_long",
    "month_name",
    "weekday_name",
];

/// The fields of a time template.
pub const TIME_FIELDS: &[&str] = &["h", "hh", "h12", "ampm", "m", "mm"];

/// The templates a style resolves to: its own where given, else its date form's.
#[derive(Debug, Clone)]
pub struct DateForms {
    pub date: String,
    pub time: (String, String),
    pub clock: (String, String),
    pub hours: String,
    pub date_hours: String,
    pub due: String,
    pub numerals: Numerals,
    /// English clock words: a.m. and p.m., 12 for the hour after midnight and noon.
    pub english: bool,
}

impl DateForms {
    pub fn new(form: DateForm, own: Option<&DateTemplates>, numerals: Numerals) -> Self {
        let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        let base = match form {
            DateForm::English => DateForms {
                date: "{weekday_name}, {day} {month_name} {year}".into(),
                time: pair("{hh}:{mm}", "{hh}:{mm}"),
                clock: pair("{hh}:{mm}", "{hh}:{mm}"),
                hours: "{start}–{end}".into(),
                date_hours: "{date}, {hours}".into(),
                due: "{day} {month_name} {year}".into(),
                numerals,
                english: true,
            },
            DateForm::Era | DateForm::Western => {
                let year = if form == DateForm::Era {
                    "{era}{era_year}年"
                } else {
                    "{year}年"
                };
                DateForms {
                    date: format!("{year}{{month}}月{{day}}日（{{weekday}}）"),
                    time: pair("{h}時{m}分", "{h}時"),
                    clock: pair("{ampm}{h12}時{m}分", "{ampm}{h12}時"),
                    hours: "{start}から{end}まで".into(),
                    date_hours: "{date} {hours}".into(),
                    due: format!("{year}{{month}}月{{day}}日"),
                    numerals,
                    english: false,
                }
            }
        };
        let Some(own) = own else { return base };
        DateForms {
            date: own.date.clone().unwrap_or(base.date),
            time: own.time.clone().unwrap_or(base.time),
            clock: own.clock.clone().unwrap_or(base.clock),
            hours: own.hours.clone().unwrap_or(base.hours),
            date_hours: own.date_hours.clone().unwrap_or(base.date_hours),
            due: own.due.clone().unwrap_or(base.due),
            numerals,
            english: base.english,
        }
    }

    pub fn date(&self, d: NaiveDate) -> String {
        self.fill_date(&self.date, d)
    }

    pub fn due(&self, d: NaiveDate) -> String {
        self.fill_date(&self.due, d)
    }

    fn fill_date(&self, template: &str, d: NaiveDate) -> String {
        let fields = self.date_fields(d);
        let all: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        fill(template, &all)
    }

    /// Every field of a date template ([`DATE_FIELDS`]) for `d`, as this style writes it.
    pub fn date_fields(&self, d: NaiveDate) -> Vec<(&'static str, String)> {
        let n = |v: u32| number(v, self.numerals);
        // Before 明治 there is no era to give: the Western year stands in.
        let (era, era_year) = match era_year(d) {
            Some((name, 1)) => (name.to_owned(), "元".to_owned()),
            Some((name, y)) => (name.to_owned(), n(y.max(0) as u32)),
            None => (String::new(), digits(&d.year().to_string(), self.numerals)),
        };
        vec![
            ("era", era),
            ("era_year", era_year),
            ("year", digits(&d.year().to_string(), self.numerals)),
            ("month", n(d.month())),
            ("day", n(d.day())),
            ("weekday", weekday_kanji(d.weekday()).to_owned()),
            (
                "weekday_long",
                format!("{}曜日", weekday_kanji(d.weekday())),
            ),
            ("month_name", d.format("%B").to_string()),
            ("weekday_name", d.format("%A").to_string()),
        ]
    }

    /// A time of the header's hours.
    pub fn time(&self, t: NaiveTime) -> String {
        self.fill_time(&self.time, t)
    }

    /// A time in the flow of the minutes.
    pub fn clock(&self, t: NaiveTime) -> String {
        self.fill_time(&self.clock, t)
    }

    /// The date line: the date, and the hours when there are any.
    pub fn date_line(&self, d: NaiveDate, hours: Option<(NaiveTime, NaiveTime)>) -> String {
        let date = self.date(d);
        match hours {
            None => date,
            Some((start, end)) => {
                let hours = fill(
                    &self.hours,
                    &[("start", &self.time(start)), ("end", &self.time(end))],
                );
                let line = fill(&self.date_hours, &[("date", &date), ("hours", &hours)]);
                // Either half may be left empty by the style: no stray space is left then.
                if date.is_empty() || hours.is_empty() {
                    line.trim().to_owned()
                } else {
                    line
                }
            }
        }
    }

    fn fill_time(&self, (with_minutes, on_the_hour): &(String, String), t: NaiveTime) -> String {
        let template = if t.minute() == 0 {
            on_the_hour
        } else {
            with_minutes
        };
        // Hours are counted as numbers; the hour at midnight and noon is 零 in kanji
        // (午後零時), never 〇.
        let hour = |h: u32| match (h, self.numerals) {
            (0, Numerals::Kanji) => "零".to_owned(),
            (h, n) => number(h, n),
        };
        let (ampm, h12) = match (t.hour() < 12, self.english) {
            (true, false) => ("午前", t.hour()),
            (false, false) => ("午後", t.hour() - 12),
            (true, true) => ("a.m.", (t.hour() + 11) % 12 + 1),
            (false, true) => ("p.m.", (t.hour() + 11) % 12 + 1),
        };
        fill(
            template,
            &[
                ("h", &hour(t.hour())),
                ("hh", &digits(&format!("{:02}", t.hour()), self.numerals)),
                ("h12", &hour(h12)),
                ("ampm", ampm),
                ("m", &number(t.minute(), self.numerals)),
                ("mm", &digits(&format!("{:02}", t.minute()), self.numerals)),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn circled_numbers_go_to_fifty() {
        let c = |n| item_number(n, Numbering::Circled);
        assert_eq!(
            [c(1), c(20), c(21), c(35), c(36), c(50), c(51)],
            ["①", "⑳", "㉑", "㉟", "㊱", "㊿", "51"]
        );
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn era(numerals: Numerals) -> DateForms {
        DateForms::new(DateForm::Era, None, numerals)
    }

    #[test]
    fn era_dates_and_first_years() {
        let f = era(Numerals::Arabic);
        assert_eq!(f.date(d(1989, 1, 7)), "昭和64年1月7日（土）");
        assert_eq!(f.date(d(1989, 1, 8)), "平成元年1月8日（日）");
        assert_eq!(f.date(d(2019, 4, 30)), "平成31年4月30日（火）");
        assert_eq!(f.date(d(2025, 2, 18)), "令和7年2月18日（火）");
        assert_eq!(f.due(d(1926, 12, 25)), "昭和元年12月25日");
        assert_eq!(f.due(d(1800, 1, 1)), "1800年1月1日");
        let k = era(Numerals::Kanji);
        assert_eq!(k.date(d(2026, 7, 3)), "令和八年七月三日（金）");
        assert_eq!(k.due(d(2019, 12, 31)), "令和元年十二月三十一日");
    }

    #[test]
    fn a_style_writes_its_own_forms() {
        let own = DateTemplates {
            date: Some("{era}{era_year}年（{year}年）{month}月{day}日（{weekday_long}）".into()),
            time: Some(("{h}時{mm}分".into(), "{h}時{mm}分".into())),
            hours: Some("{start}～{end}".into()),
            date_hours: Some("{date}{hours}".into()),
            ..DateTemplates::default()
        };
        let f = DateForms::new(DateForm::Era, Some(&own), Numerals::Arabic);
        assert_eq!(
            f.date_line(d(2022, 5, 17), Some((t(15, 0), t(16, 30)))),
            "令和4年（2022年）5月17日（火曜日）15時00分～16時30分"
        );
        let w = DateForms::new(DateForm::Western, None, Numerals::FullWidth);
        assert_eq!(
            w.date_line(d(2026, 7, 3), Some((t(15, 0), t(16, 30)))),
            "２０２６年７月３日（金） １５時から１６時３０分まで"
        );
        let colon = DateTemplates {
            time: Some(("{hh}:{mm}".into(), "{hh}:{mm}".into())),
            hours: Some("{start}～{end}".into()),
            ..DateTemplates::default()
        };
        let c = DateForms::new(DateForm::Era, Some(&colon), Numerals::Arabic);
        assert_eq!(c.time(t(14, 0)), "14:00");
    }

    #[test]
    fn clock_times_say_zero_hour_as_kanji_do() {
        let k = era(Numerals::Kanji);
        assert_eq!(k.clock(t(12, 0)), "午後零時");
        assert_eq!(k.clock(t(0, 5)), "午前零時五分");
        assert_eq!(k.clock(t(13, 49)), "午後一時四十九分");
        let a = era(Numerals::Arabic);
        assert_eq!(a.clock(t(10, 0)), "午前10時");
        assert_eq!(a.clock(t(12, 5)), "午後0時5分");
        let own = DateTemplates {
            clock: Some(("{h12}:{mm} {ampm}".into(), "{h12} {ampm}".into())),
            ..DateTemplates::default()
        };
        let e = DateForms::new(DateForm::English, Some(&own), Numerals::Arabic);
        assert_eq!(e.clock(t(0, 30)), "12:30 a.m.");
        assert_eq!(e.clock(t(15, 0)), "3 p.m.");
        assert_eq!(
            a.date_line(d(2026, 7, 3), Some((t(15, 0), t(16, 30)))),
            "令和8年7月3日（金） 15時から16時30分まで"
        );
        assert_eq!(
            era(Numerals::Kanji).date_line(d(2026, 7, 3), Some((t(15, 0), t(16, 30)))),
            "令和八年七月三日（金） 十五時から十六時三十分まで"
        );
    }

    #[test]
    fn item_numbers_in_every_scheme() {
        assert_eq!(item_number(3, Numbering::Arabic), "3");
        assert_eq!(item_number(12, Numbering::FullWidth), "１２");
        assert_eq!(item_number(1, Numbering::Kanji), "一");
        assert_eq!(item_number(2, Numbering::Circled), "②");
        assert_eq!(item_number(20, Numbering::Circled), "⑳");
        assert_eq!(item_number(51, Numbering::Circled), "51");
        assert_eq!(digits("2026", Numerals::Kanji), "二〇二六");
    }
}
