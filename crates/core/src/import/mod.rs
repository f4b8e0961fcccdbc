//! `kiroku agenda import`: an agenda file from the documents a clerk already has, a pasted
//! 議事次第 and a spreadsheet 名簿. What cannot be read is reported by line, never guessed
//! silently; what is missing gets a placeholder the clerk is told to fix.

pub mod agenda_text;
pub mod roster;

use chrono::{NaiveDate, NaiveTime};

use crate::model::{Meeting, Plan};

/// Something an import could not read, by line of its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub message: String,
}

impl Problem {
    pub fn at(line: usize, message: &str) -> Self {
        Self {
            line,
            message: message.to_owned(),
        }
    }
}

/// An imported agenda: the plan, and what to look at, by file.
#[derive(Debug)]
pub struct Imported {
    pub plan: Plan,
    /// `(file, problem)`: the 議事次第 is file 0, the roster file 1.
    pub problems: Vec<(usize, Problem)>,
}

/// The plan from a 議事次第's text and a roster's, if there is one. `today` stands in for a
/// date the text does not give.
/// `Err`: the roster file could not be read at all (its line and why).
pub fn import(agenda: &str, roster: Option<&str>, today: NaiveDate) -> Result<Imported, Problem> {
    let a = agenda_text::parse(agenda);
    let mut problems: Vec<(usize, Problem)> = a.problems.into_iter().map(|p| (0, p)).collect();
    let mut missing = |what: &str| problems.push((0, Problem::at(0, what)));
    let title = a.title.unwrap_or_else(|| {
        missing("no title: the first line of the 議事次第 names the meeting; 会議名 written in its place");
        "会議名".to_owned()
    });
    let date = a.date.unwrap_or_else(|| {
        missing("no date (日時：令和8年7月3日 …): today's date written in its place");
        today
    });
    let default_time = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap_or_default();
    let start = a.start.unwrap_or_else(|| {
        missing("no start time: 10:00 written in its place");
        default_time(10)
    });
    let end = a.end.filter(|e| *e > start).unwrap_or_else(|| {
        missing("no end time: two hours after the start written in its place");
        start + chrono::TimeDelta::hours(2)
    });
    let place = a.place.unwrap_or_else(|| {
        missing("no place line (場所：…): left empty");
        String::new()
    });
    let mut agenda = a.items;
    if agenda.is_empty() {
        missing("no numbered items (1 開会, 2 報告事項 …): one item 議事 written in its place");
        agenda.push(crate::model::AgendaItem::new(1, "議事"));
    }
    let roster = match roster {
        Some(text) => {
            let (people, roster_problems) = roster::parse(text)?;
            problems.extend(roster_problems.into_iter().map(|p| (1, p)));
            people
        }
        None => {
            problems.push((0, Problem::at(0, "no roster (--roster 名簿.csv): the roster is empty; add people with C-f in the meeting")));
            Vec::new()
        }
    };
    Ok(Imported {
        plan: Plan {
            meeting: Meeting {
                place,
                texts: a.texts,
                ..Meeting::new(title, date, start, end)
            },
            roster,
            agenda,
        },
        problems,
    })
}

/// The agenda file as written: a comment that says where it came from, what to check and what
/// the fields mean, then the agenda itself.
pub fn render(imported: &Imported, sources: &[&str]) -> String {
    let mut s = String::new();
    s.push_str(&format!(
        "// Imported by `kiroku agenda import` from {}.\n",
        sources.join(" and ")
    ));
    s.push_str("// Check it, correct what the import could not know, then start the meeting:\n");
    s.push_str("//   kiroku check THIS-FILE && kiroku new THIS-FILE\n");
    if !imported.problems.is_empty() {
        s.push_str("// Not read, or written as a placeholder (fix by hand):\n");
        for (file, p) in &imported.problems {
            let name = sources.get(*file).copied().unwrap_or("?");
            match p.line {
                0 => s.push_str(&format!("//   {name}: {}\n", p.message)),
                n => s.push_str(&format!("//   {name}:{n}: {}\n", p.message)),
            }
        }
    }
    s.push_str(
        "// Fields: roster entries take role, name, honorific (様 or 氏 for outside participants),\n\
         // attendance (Room or Online), hotkey (Alt+N), group (出席者 lists group by it) and\n\
         // reading (the picker finds people by it); agenda items take no, title, detail,\n\
         // public (false: 非公開), part_of (a part of that item) and layout (Speeches or\n\
         // Discussion). The README's section on the agenda file says more.\n",
    );
    s.push_str(&crate::storage::agenda_to_string(&imported.plan));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_missing_is_a_placeholder_and_a_problem() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let i = import("ただの文章です。\n", None, today).unwrap();
        assert_eq!(i.plan.meeting.title, "ただの文章です。");
        assert_eq!(i.plan.meeting.date, today);
        assert_eq!(i.plan.agenda.len(), 1);
        assert!(i.plan.validate().is_ok());
        let messages: Vec<&str> = i.problems.iter().map(|(_, p)| p.message.as_str()).collect();
        assert!(
            messages.iter().any(|m| m.contains("no date")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("no numbered items")),
            "{messages:?}"
        );
        let text = render(&i, &["a.txt"]);
        let parsed = crate::storage::parse_agenda(std::path::Path::new("a.ron"), &text).unwrap();
        assert_eq!(parsed, i.plan);
    }
}
