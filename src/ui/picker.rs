//! The speaker picker and the add-participant form, drawn over live mode.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::layout::centered;
use super::theme::Theme;
use crate::app::{Action, App, Field, FieldLabel, FieldValue, Form, FormPurpose, Mode, Picker};
use crate::editor::Editor;
use crate::i18n::Strings;
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
    let block = theme
        .block()
        .title(s.picker_title)
        .title_bottom(format!(
            " {add_key}: {} ",
            Action::AddParticipant.describe(app.settings.lang)
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

fn label(l: FieldLabel, s: &Strings) -> &'static str {
    match l {
        FieldLabel::Role => s.form_role,
        FieldLabel::Name => s.form_name,
        FieldLabel::Honorific => s.form_honorific,
        FieldLabel::Attendance => s.form_attendance,
        FieldLabel::Title => s.label_title,
        FieldLabel::Date => s.label_date,
        FieldLabel::Start => s.label_start,
        FieldLabel::End => s.label_end,
        FieldLabel::Place => s.label_place,
        FieldLabel::Detail => s.label_detail,
        FieldLabel::Public => s.label_public,
        FieldLabel::Minutes => s.label_minutes,
        FieldLabel::Path => s.label_path,
    }
}

pub fn draw_form(frame: &mut Frame, area: Rect, app: &App, form: &Form, theme: &Theme) {
    let s = app.settings.lang.strings();
    let title = match form.purpose {
        FormPurpose::AddParticipant { .. } => s.form_title,
        FormPurpose::EditParticipant(_) => s.form_edit_participant,
        FormPurpose::EditMeeting => s.form_edit_meeting,
        FormPurpose::EditItem(_) => s.form_edit_item,
        FormPurpose::SaveAs => s.form_save_as,
    };
    let rows = u16::try_from(form.fields.len()).unwrap_or(8) + 3;
    let popup = centered(area, 70, rows);
    frame.render_widget(Clear, popup);
    let block = theme
        .block()
        .title(title)
        .border_style(theme.border_active());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let label_w = form
        .fields
        .iter()
        .map(|f| width(label(f.label, s)))
        .max()
        .unwrap_or(0)
        + 2;
    let mut lines = Vec::new();
    for (i, field) in form.fields.iter().enumerate() {
        let name = label(field.label, s);
        let text = format!("{name}{}", " ".repeat(label_w - width(name)));
        let style = if i == form.focus {
            theme.key()
        } else {
            theme.dim()
        };
        lines.push(Line::from(vec![
            Span::styled(text, style),
            Span::raw(field.value.display(field.label, s)),
        ]));
    }
    if let Some(e) = &form.error {
        lines.push(Line::styled(e.clone(), theme.error()));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some(Field {
        value: FieldValue::Text(e),
        ..
    }) = form.fields.get(form.focus)
        && form.focus < usize::from(inner.height)
    {
        let line = Rect {
            y: inner.y + form.focus as u16,
            height: 1,
            ..inner
        };
        place_cursor(frame, line, e, label_w);
    }
}
