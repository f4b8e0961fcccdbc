//! The forms drawn over live mode and cleanup (add or edit a participant, the meeting, an
//! item; save elsewhere): a label and a value per field, and the error that kept it open.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::layout::{centered, place_cursor};
use super::theme::Theme;
use crate::app::{App, Field, FieldLabel, FieldValue, Form, FormPurpose};
use crate::i18n::Strings;
use crate::text::width;

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
        FieldLabel::Result => s.label_result,
        FieldLabel::Method => s.label_method,
        FieldLabel::Votes => s.label_votes,
        FieldLabel::ActionItem => s.label_action,
        FieldLabel::Responsible => s.label_responsible,
        FieldLabel::Due => s.label_due,
        FieldLabel::Time => s.label_time,
        FieldLabel::Count => s.observers,
        FieldLabel::Clerk => s.label_clerk,
        FieldLabel::ItemNo => s.label_item_no,
        FieldLabel::Remark => s.label_remark,
        FieldLabel::Find => s.label_find,
        FieldLabel::ReplaceWith => s.label_replace_with,
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, form: &Form, theme: &Theme) {
    let s = app.settings.lang.strings();
    let title = match form.purpose {
        FormPurpose::AddParticipant { .. } => s.form_title,
        FormPurpose::EditParticipant(_) => s.form_edit_participant,
        FormPurpose::EditMeeting => s.form_edit_meeting,
        FormPurpose::EditItem(_) => s.form_edit_item,
        FormPurpose::SaveAs => s.form_save_as,
        FormPurpose::Decision | FormPurpose::EditDecision(_) => s.form_decision,
        FormPurpose::LogTime(_) => s.form_log_time,
        FormPurpose::Observers => s.observers,
        FormPurpose::Clerk { first: true } => s.form_clerk_first,
        FormPurpose::Clerk { first: false } => s.form_handover,
        FormPurpose::JumpToItem => s.form_jump,
        FormPurpose::InsertRemark { .. } => s.form_insert,
        FormPurpose::RemarkTime(_) => s.form_remark_time,
        FormPurpose::Replace => s.form_replace,
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
