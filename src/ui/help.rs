//! Every binding of the keymap, grouped by mode, in as many columns as fit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::layout::centered;
use super::theme::Theme;
use crate::app::App;
use crate::text::{truncate, width};

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
    let rows = crate::app::help_rows(app);
    let height = usize::from(inner.height).max(1);
    let fit = (usize::from(inner.width) / MIN_COLUMN).max(1);
    let columns = rows.len().div_ceil(height).clamp(1, fit);
    let col_w = usize::from(inner.width) / columns;
    // Whatever the columns do not hold scrolls into view; the offset stops at the last page.
    let scroll = scroll.min(rows.len().saturating_sub(height * columns));
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
