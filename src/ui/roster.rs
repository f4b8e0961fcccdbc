//! The roster: hotkey, name, role, room or online; current speaker highlighted and marked `>`,
//! the previous one marked `<`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::App;
use crate::model::Attendance;
use crate::text::truncate;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if area.height < 3 || area.width < 4 {
        return;
    }
    let s = app.settings.lang.strings();
    let session = &app.session;
    let block = theme.block().title(s.roster).border_style(theme.border());
    let inner = block.inner(area);
    let w = usize::from(inner.width);
    let mut lines = Vec::new();
    for p in &session.plan.roster {
        let is_current = session.live.speaker.as_ref() == Some(&p.id);
        let is_previous = session.live.previous.as_ref() == Some(&p.id);
        let mark = if is_current {
            ">"
        } else if is_previous {
            "<"
        } else {
            " "
        };
        let slot = p
            .hotkey
            .map_or_else(|| "  ".to_owned(), |n| format!("{n:>2}"));
        let place = match session.place(p) {
            Attendance::Room => s.room,
            Attendance::Online => s.online,
        };
        let style = if is_current {
            theme.current()
        } else if is_previous {
            theme.previous()
        } else {
            Style::new()
        };
        let head = format!("{mark}{slot} {place} ");
        // Away (absent, not yet come, gone out) is said in words, not by colour alone.
        let name = if session.present(p) {
            p.name.clone()
        } else {
            format!("{}{}", p.name, s.away)
        };
        let name = truncate(&name, w.saturating_sub(crate::text::width(&head)));
        lines.push(Line::from(vec![
            Span::styled(head, style),
            Span::styled(name, style),
        ]));
        // The role on its own line when there is room for two lines per person.
        if usize::from(inner.height) >= session.plan.roster.len() * 2 {
            lines.push(Line::from(Span::styled(
                format!("     {}", truncate(&p.role, w.saturating_sub(5))),
                theme.dim(),
            )));
        }
    }
    // Keep the current speaker in view when the roster is longer than the pane.
    let rows_per = if usize::from(inner.height) >= session.plan.roster.len() * 2 {
        2
    } else {
        1
    };
    let current_row = session
        .live
        .speaker
        .as_ref()
        .and_then(|id| session.plan.roster.iter().position(|p| &p.id == id))
        .map_or(0, |i| i * rows_per);
    let skip = (current_row + 1).saturating_sub(usize::from(inner.height));
    let lines: Vec<Line> = lines.into_iter().skip(skip).collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
