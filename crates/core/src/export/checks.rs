//! What to fix before publishing: each finding is one line for standard error. A remark is
//! named the way the screen shows it (its item, its time, its first words), and a warning
//! for the public minutes never quotes what they withhold: standard error is often captured
//! into the same file as the minutes.

use super::document::Audience;
use super::style::Style;
use crate::i18n::Lang;
use crate::model::INAUDIBLE;
use crate::model::{Remark, Session};

fn excerpt(text: &str) -> String {
    let line = text.lines().next().unwrap_or("");
    let first: String = line.chars().take(20).collect();
    if first.len() < text.len() {
        format!("{first}…")
    } else {
        first
    }
}

/// Where a finding is: a remark as the screen shows it, its words left out when the audience
/// may not read them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At {
    pub item: crate::model::ItemNo,
    pub title: String,
    pub time: String,
    /// The remark's first words; `None` when the audience may not read them.
    pub words: Option<String>,
}

impl At {
    fn of(session: &Session, r: &Remark, audience: Audience) -> Self {
        let hidden = audience == Audience::Public && !session.is_public(r);
        Self {
            item: r.item,
            title: session
                .plan
                .item(r.item)
                .map_or(String::new(), |i| i.title.clone()),
            time: r.began.format("%H:%M:%S").to_string(),
            words: (!hidden).then(|| excerpt(&r.text)),
        }
    }

    /// `item 2 報告事項, 15:06 "利用率の推移について…"` (議題2 報告事項、15:06「…」).
    fn say(&self, lang: Lang) -> String {
        let Self {
            item, title, time, ..
        } = self;
        match (lang, &self.words) {
            (Lang::En, None) => {
                format!("item {item} {title}, {time} (non-public: words not shown)")
            }
            (Lang::En, Some(w)) => format!("item {item} {title}, {time} \"{w}\""),
            (Lang::Ja, None) => {
                format!("議題{item} {title}、{time}（非公開のため本文は表示しません）")
            }
            (Lang::Ja, Some(w)) => format!("議題{item} {title}、{time}「{w}」"),
        }
    }
}

/// One thing to fix before publishing, as data; [`Warning::say`] words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// A note with no speaker that only P in cleanup would publish.
    UnreleasedNote(At),
    CheckLater(At),
    /// Other versions of the remark from a merge, this many.
    Versions(At, usize),
    Inaudible(At),
    /// A public item with no public remark: its number and title.
    SilentItem(crate::model::ItemNo, String),
    /// An outside participant with no honorific where the style gives none: name and id.
    NoHonorific(String, String),
}

impl Warning {
    /// The warning in `lang`, one line for standard error.
    pub fn say(&self, lang: Lang) -> String {
        // Each worded in both languages here, where it is defined.
        let (ja, en) = match self {
            Warning::UnreleasedNote(at) => {
                let at = at.say(lang);
                (
                    format!(
                        "{at}: 発言者のないメモで、公開版には載りません（発言者を付けるか、整理モードの P で公開に戻す）"
                    ),
                    format!(
                        "{at}: a note with no speaker, left out of the public minutes (give it a speaker, or release it with P in cleanup)"
                    ),
                )
            }
            Warning::CheckLater(at) => {
                let at = at.say(lang);
                (
                    format!("{at}: 要確認の印が残っています"),
                    format!("{at}: still marked check later"),
                )
            }
            Warning::Versions(at, n) => {
                let at = at.say(lang);
                (
                    format!(
                        "{at}: 統合で生じた別の記録が{n}件あります（整理モードの V で一つを採用）"
                    ),
                    format!("{at}: has {n} other version(s) from a merge: keep one in cleanup (V)"),
                )
            }
            Warning::Inaudible(at) => {
                let at = at.say(lang);
                (
                    format!("{at}: {INAUDIBLE}が残っています"),
                    format!("{at}: still has an inaudible mark {INAUDIBLE}"),
                )
            }
            Warning::SilentItem(no, title) => (
                format!("公開の議題 {no} {title} に公開の発言がありません"),
                format!("public item {no} {title} has no public remarks"),
            ),
            Warning::NoHonorific(name, id) => (
                format!("外部の出席者「{name}」（{id}）に敬称（様・氏）がありません"),
                format!("outside participant \"{name}\" ({id}) has no honorific (様 or 氏)"),
            ),
        };
        match lang {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
}

/// What to fix before publishing, in the order of the record.
pub fn check(session: &Session, style: &Style, audience: Audience) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for r in &session.remarks {
        let at = || At::of(session, r, audience);
        // A note only P could publish: not one withheld for another reason too.
        let releasable = || {
            session.is_public(&Remark {
                publish_note: true,
                ..r.clone()
            })
        };
        if r.is_note() && !r.publish_note && releasable() {
            warnings.push(Warning::UnreleasedNote(at()));
        }
        if r.check_later {
            warnings.push(Warning::CheckLater(at()));
        }
        if !r.alternatives.is_empty() {
            warnings.push(Warning::Versions(at(), r.alternatives.len()));
        }
        if r.text.contains(INAUDIBLE) {
            warnings.push(Warning::Inaudible(at()));
        }
    }
    for item in &session.plan.agenda {
        // An item whose parts hold the discussion (議事 → （1）…) needs no remarks of its own.
        let has_parts = session
            .plan
            .agenda
            .iter()
            .any(|p| p.part_of == Some(item.no));
        if item.public && !has_parts && !session.remarks_in(item.no).any(|r| session.is_public(r)) {
            warnings.push(Warning::SilentItem(item.no, item.title.clone()));
        }
    }
    let style_gives_one = style.outside_honorific.is_some();
    for p in &session.plan.roster {
        if p.outside && p.honorific.is_none() && !style_gives_one {
            warnings.push(Warning::NoHonorific(p.name.clone(), p.id.to_string()));
        }
    }
    warnings
}
