//! One line of the most used keys, or a one-off message before them. The entries come from
//! the action table (`app::footer_entries`); an entry is shown whole or not at all, and the
//! help key is pinned to the right edge so it is visible at any width.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::{App, footer_entries, footer_help};
use crate::text::width;

/// Cells between two entries.
const GAP: usize = 2;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if area.height == 0 {
        return;
    }
    let (help_key, help_label) = footer_help(app);
    let help_w = 1 + width(&help_key) + 1 + width(&help_label);
    let total = usize::from(area.width);
    let help_fits = total > help_w * 2;
    let mut room = total - if help_fits { help_w } else { 0 };
    let mut spans = Vec::new();
    if let Some(msg) = &app.message {
        room = room.saturating_sub(width(msg) + GAP);
        spans.push(Span::styled(msg.clone(), theme.check()));
        spans.push(Span::raw(" ".repeat(GAP)));
    }
    for (key, label) in footer_entries(app) {
        let need = width(&key) + 1 + width(&label);
        if need > room {
            break;
        }
        room = room.saturating_sub(need + GAP);
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::raw(format!(" {label}")));
        spans.push(Span::raw(" ".repeat(GAP)));
    }
    let help_w = if help_fits {
        u16::try_from(help_w).unwrap_or(0).min(area.width)
    } else {
        0
    };
    let left = Rect {
        width: area.width - help_w,
        ..area
    };
    frame.render_widget(Paragraph::new(Line::from(spans)), left);
    if help_w > 0 {
        let r = Rect {
            x: area.x + left.width,
            width: help_w,
            ..area
        };
        let line = Line::from(vec![
            Span::raw(" "),
            Span::styled(help_key, theme.key()),
            Span::raw(format!(" {help_label}")),
        ]);
        frame.render_widget(Paragraph::new(line), r);
    }
}
