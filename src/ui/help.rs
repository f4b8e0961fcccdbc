//! Every binding of the keymap, grouped by mode, in as many columns as fit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::layout::centered;
use super::theme::Theme;
use crate::app::{Action, App, Mode};
use crate::i18n::Lang;
use crate::text::{truncate, width};

fn mode_name(mode: Mode, lang: Lang) -> &'static str {
    match (mode, lang) {
        (Mode::Live, Lang::Ja) => "記録中",
        (Mode::Edit, Lang::Ja) => "入力欄の編集",
        (Mode::Picker, Lang::Ja) => "発言者の検索",
        (Mode::Form, Lang::Ja) => "出席者の追加",
        (Mode::Help, Lang::Ja) => "この一覧",
        (Mode::Review, Lang::Ja) => "整理モード",
        (Mode::ReviewEdit, Lang::Ja) => "整理: 本文の編集",
        (Mode::Search, Lang::Ja) => "整理: 検索",
        (Mode::Review, Lang::En) => "Cleanup mode",
        (Mode::ReviewEdit, Lang::En) => "Cleanup: editing a remark",
        (Mode::Search, Lang::En) => "Cleanup: search",
        (Mode::Live, Lang::En) => "While recording",
        (Mode::Edit, Lang::En) => "Editing text",
        (Mode::Picker, Lang::En) => "Speaker picker",
        (Mode::Form, Lang::En) => "Add participant form",
        (Mode::Help, Lang::En) => "This list",
    }
}

/// `(key, description)` rows of the help list; the speaker slots collapse into two rows.
pub fn entries(app: &App) -> Vec<(String, String)> {
    let lang = app.settings.lang;
    let mut rows = Vec::new();
    for mode in Mode::ALL {
        rows.push((String::new(), format!("[{}]", mode_name(mode, lang))));
        let mut slots: Vec<String> = Vec::new();
        let mut seen: Vec<&Action> = Vec::new();
        for b in app.keymap.bindings().iter().filter(|b| b.mode == mode) {
            if let Action::SpeakerSlot(_) = b.action {
                slots.push(b.chord.to_string());
                continue;
            }
            if seen.contains(&&b.action) {
                continue;
            }
            seen.push(&b.action);
            let keys: Vec<String> = app
                .keymap
                .keys_for(mode, &b.action)
                .iter()
                .map(ToString::to_string)
                .collect();
            rows.push((keys.join(" "), lang.describe(&b.action)));
        }
        if !slots.is_empty() {
            let (alt, f): (Vec<_>, Vec<_>) = slots.iter().partition(|k| !k.starts_with('F'));
            let desc = match lang {
                Lang::Ja => "その番号の発言者へ",
                Lang::En => "speaker in that slot",
            };
            for group in [alt, f] {
                if let (Some(first), Some(last)) = (group.first(), group.last()) {
                    rows.push((format!("{first}..{last}"), desc.to_owned()));
                }
            }
        }
    }
    let legend = match lang {
        Lang::Ja => "> 現在の発言者・議題  < 直前の発言者  [非公開] [要確認]",
        Lang::En => "> current speaker/item  < previous speaker  [non-public] [check]",
    };
    rows.push((String::new(), legend.to_owned()));
    rows
}

/// Columns at least this wide, or one column that scrolls.
const MIN_COLUMN: usize = 44;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: usize, theme: &Theme) {
    let s = app.settings.lang.strings();
    let popup = centered(
        area,
        area.width.saturating_sub(4).max(10),
        area.height.saturating_sub(2),
    );
    frame.render_widget(Clear, popup);
    let block = theme
        .block()
        .title(s.help_title)
        .border_style(theme.border_active());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let rows = entries(app);
    let height = usize::from(inner.height).max(1);
    let fit = (usize::from(inner.width) / MIN_COLUMN).max(1);
    let columns = rows.len().div_ceil(height).clamp(1, fit);
    let col_w = usize::from(inner.width) / columns;
    // One column that does not hold everything scrolls; the offset stops at the last page.
    let scroll = if columns == 1 {
        scroll.min(rows.len().saturating_sub(height))
    } else {
        0
    };
    let rows = &rows[scroll..];
    for (c, chunk) in rows.chunks(height).take(columns).enumerate() {
        let key_w = chunk
            .iter()
            .map(|(k, _)| width(k))
            .max()
            .unwrap_or(0)
            .min(col_w / 2);
        let lines: Vec<Line> = chunk
            .iter()
            .map(|(k, d)| {
                let key = truncate(k, key_w);
                let pad = " ".repeat(key_w.saturating_sub(width(&key)) + 1);
                if k.is_empty() {
                    Line::from(Span::styled(truncate(d, col_w), theme.title()))
                } else {
                    let desc = truncate(d, col_w.saturating_sub(key_w + 2));
                    Line::from(vec![
                        Span::styled(key, theme.key()),
                        Span::raw(pad),
                        Span::raw(desc),
                    ])
                }
            })
            .collect();
        let x = inner.x + u16::try_from(c * col_w).unwrap_or(u16::MAX);
        if x >= inner.x + inner.width {
            break;
        }
        let col = Rect {
            x,
            width: u16::try_from(col_w)
                .unwrap_or(u16::MAX)
                .min(inner.x + inner.width - x),
            ..inner
        };
        frame.render_widget(Paragraph::new(lines), col);
    }
}
