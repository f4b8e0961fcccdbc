//! The speaker picker and the add-participant form, drawn over live mode.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::layout::centered;
use super::theme::Theme;
use crate::app::{Action, App, Form, FormField, Mode, Picker};
use crate::editor::Editor;
use crate::text::{truncate, width};

fn place_cursor(frame: &mut Frame, area: Rect, editor: &Editor, prefix: usize) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let col = prefix + crate::text::width(&editor.text()[..editor.cursor()]);
    let x = area.x + u16::try_from(col).unwrap_or(u16::MAX).min(area.width - 1);
    frame.set_cursor_position(Position::new(x, area.y));
}

pub fn draw_picker(frame: &mut Frame, area: Rect, app: &App, picker: &Picker, theme: &Theme) {
    let s = app.settings.lang.strings();
    let popup = centered(area, 70, 16);
    frame.render_widget(Clear, popup);
    let add_key = app.keymap.key_label(Mode::Picker, &Action::AddParticipant);
    let block = Block::bordered()
        .title(s.picker_title)
        .title_bottom(format!(
            " {add_key}: {} ",
            app.settings.lang.describe(&Action::AddParticipant)
        ))
        .border_style(theme.border_active());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    if inner.height == 0 {
        return;
    }
    let w = usize::from(inner.width);
    let mut lines = vec![Line::from(vec![
        Span::styled("> ", theme.key()),
        Span::raw(picker.query.text().to_owned()),
    ])];
    let matches = picker.matches(&app.session);
    if matches.is_empty() {
        lines.push(Line::styled(s.picker_empty, theme.dim()));
    }
    let rows = usize::from(inner.height).saturating_sub(1).max(1);
    let skip = (picker.selected + 1).saturating_sub(rows);
    for (n, &i) in matches.iter().enumerate().skip(skip).take(rows) {
        let p = &app.session.plan.roster[i];
        let slot = p
            .hotkey
            .map_or_else(|| "  ".to_owned(), |n| format!("{n:>2}"));
        let text = truncate(&format!("{slot} {}", p.label()), w);
        let style = if n == picker.selected {
            theme.current()
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::styled(text, style));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    place_cursor(frame, inner, &picker.query, 2);
}

pub fn draw_form(frame: &mut Frame, area: Rect, app: &App, form: &Form, theme: &Theme) {
    let s = app.settings.lang.strings();
    let popup = centered(area, 60, 8);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(s.form_title)
        .border_style(theme.border_active());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let labels = [
        s.form_role,
        s.form_name,
        s.form_honorific,
        s.form_attendance,
    ];
    let label_w = labels.iter().map(|l| width(l)).max().unwrap_or(0) + 2;
    let attendance = if form.online { s.online } else { s.room };
    let values = [
        form.role.text(),
        form.name.text(),
        form.honorific.text(),
        attendance,
    ];
    let mut lines = Vec::new();
    for (i, field) in FormField::ALL.iter().enumerate() {
        let focused = *field == form.focus;
        let label = format!("{}{}", labels[i], " ".repeat(label_w - width(labels[i])));
        let style = if focused { theme.key() } else { theme.dim() };
        lines.push(Line::from(vec![
            Span::styled(label, style),
            Span::raw(values[i].to_owned()),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let editor = match form.focus {
        FormField::Role => Some(&form.role),
        FormField::Name => Some(&form.name),
        FormField::Honorific => Some(&form.honorific),
        FormField::Attendance => None,
    };
    if let Some(e) = editor {
        let row = FormField::ALL
            .iter()
            .position(|f| *f == form.focus)
            .unwrap_or(0);
        if row < usize::from(inner.height) {
            let line = Rect {
                y: inner.y + row as u16,
                height: 1,
                ..inner
            };
            place_cursor(frame, line, e, label_w);
        }
    }
}
