//! The agenda list: number, title, closed mark, time spent; current highlighted, done dimmed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::format_duration;
use super::theme::Theme;
use crate::app::App;
use crate::model::Timestamp;
use crate::text::{truncate, width};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, now: Timestamp, theme: &Theme) {
    if area.height < 3 || area.width < 4 {
        return;
    }
    let s = app.settings.lang.strings();
    let session = &app.session;
    let block = theme.block().title(s.agenda).border_style(theme.border());
    let inner = block.inner(area);
    let w = usize::from(inner.width);
    let current = session.live.item;
    let rows = usize::from(inner.height);
    let idx = session
        .plan
        .agenda
        .iter()
        .position(|i| i.no == current)
        .unwrap_or(0);
    // Keep the current item in view on short screens.
    let first = idx.saturating_sub(rows.saturating_sub(1));
    let lines: Vec<Line> = session
        .plan
        .agenda
        .iter()
        .skip(first)
        .take(rows)
        .map(|item| {
            let is_current = item.no == current;
            let spent = session.log.seconds_in(item.no, now);
            let time = if session.log.was_visited(item.no) {
                format_duration(spent)
            } else {
                String::new()
            };
            let mark = if is_current { ">" } else { " " };
            let closed = if item.public { "" } else { s.non_public };
            let head = format!("{mark}{} ", item.no);
            let room = w.saturating_sub(width(&head) + width(closed) + width(&time) + 1);
            let title = truncate(&item.title, room);
            let pad = w.saturating_sub(width(&head) + width(&title) + width(closed) + width(&time));
            let style = if is_current {
                theme.current()
            } else if session.log.was_visited(item.no) {
                theme.dim()
            } else {
                ratatui::style::Style::new()
            };
            Line::from(vec![
                Span::styled(format!("{head}{title}"), style),
                Span::styled(closed, theme.non_public()),
                Span::raw(" ".repeat(pad)),
                Span::styled(time, style),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
