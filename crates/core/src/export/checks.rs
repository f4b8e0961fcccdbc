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

/// `item 2 報告事項, 15:06 "利用率の推移について…"` (議題2 報告事項、15:06「…」), or
/// `(non-public)` in place of the words when the audience may not read them.
fn name(session: &Session, r: &Remark, audience: Audience, ja: bool) -> String {
    let title = session.plan.item(r.item).map_or("", |i| i.title.as_str());
    let hidden = audience == Audience::Public && !session.is_public(r);
    let time = r.began.format("%H:%M:%S");
    match (ja, hidden) {
        (false, true) => format!(
            "item {} {title}, {time} (non-public: words not shown)",
            r.item
        ),
        (false, false) => format!("item {} {title}, {time} \"{}\"", r.item, excerpt(&r.text)),
        (true, true) => format!(
            "議題{} {title}、{time}（非公開のため本文は表示しません）",
            r.item
        ),
        (true, false) => format!("議題{} {title}、{time}「{}」", r.item, excerpt(&r.text)),
    }
}

/// What to fix before publishing, one line each, in the command line's language.
pub fn check(session: &Session, style: &Style, audience: Audience, lang: Lang) -> Vec<String> {
    let ja = lang == Lang::Ja;
    let mut warnings = Vec::new();
    for r in &session.remarks {
        let at = name(session, r, audience, ja);
        // A note only P could publish: not one withheld for another reason too.
        let releasable = || {
            session.is_public(&Remark {
                publish_note: true,
                ..r.clone()
            })
        };
        if r.is_note() && !r.publish_note && releasable() {
            warnings.push(if ja {
                format!("{at}: 発言者のないメモで、公開版には載りません（発言者を付けるか、整理モードの P で公開に戻す）")
            } else {
                format!("{at}: a note with no speaker, left out of the public minutes (give it a speaker, or release it with P in cleanup)")
            });
        }
        if r.check_later {
            warnings.push(if ja {
                format!("{at}: 要確認の印が残っています")
            } else {
                format!("{at}: still marked check later")
            });
        }
        if !r.alternatives.is_empty() {
            let n = r.alternatives.len();
            warnings.push(if ja {
                format!("{at}: 統合で生じた別の記録が{n}件あります（整理モードの V で一つを採用）")
            } else {
                format!("{at}: has {n} other version(s) from a merge: keep one in cleanup (V)")
            });
        }
        if r.text.contains(INAUDIBLE) {
            warnings.push(if ja {
                format!("{at}: {INAUDIBLE}が残っています")
            } else {
                format!("{at}: still has an inaudible mark {INAUDIBLE}")
            });
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
            warnings.push(if ja {
                format!(
                    "公開の議題 {} {} に公開の発言がありません",
                    item.no, item.title
                )
            } else {
                format!(
                    "public item {} {} has no public remarks",
                    item.no, item.title
                )
            });
        }
    }
    let style_gives_one = style.outside_honorific.is_some();
    for p in &session.plan.roster {
        if p.outside && p.honorific.is_none() && !style_gives_one {
            warnings.push(if ja {
                format!(
                    "外部の出席者「{}」（{}）に敬称（様・氏）がありません",
                    p.name, p.id
                )
            } else {
                format!(
                    "outside participant \"{}\" ({}) has no honorific (様 or 氏)",
                    p.name, p.id
                )
            });
        }
    }
    warnings
}
