//! The speaker picker, drawn over live mode: a query line and the matching participants.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::layout::{centered, place_cursor};
use super::theme::Theme;
use crate::app::{Action, App, Mode, Picker, PickerPurpose};
use crate::text::truncate;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, picker: &Picker, theme: &Theme) {
    let s = app.settings.lang.strings();
    let title = if picker.purpose == PickerPurpose::Attendance {
        s.attendance_title
    } else {
        s.picker_title
    };
    let popup = centered(area, 70, 16);
    let inner = open(
        frame,
        popup,
        title,
        Some(&Action::AddParticipant),
        app,
        theme,
    );
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
        // Choosing for attendance: who is in, who is away.
        let away = picker.purpose == PickerPurpose::Attendance && !app.session.present(p);
        let mark = if away { s.away } else { "" };
        let text = truncate(&format!("{slot} {}{mark}", p.label()), w);
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

/// The stock phrases, numbered, the chosen one highlighted.
pub fn draw_phrases(frame: &mut Frame, area: Rect, app: &App, at: usize, theme: &Theme) {
    let s = app.settings.lang.strings();
    let phrases = app.phrases();
    let rows = u16::try_from(phrases.len()).unwrap_or(9) + 2;
    let popup = centered(area, 60, rows);
    let inner = open(
        frame,
        popup,
        s.phrases_title,
        Some(&Action::PhraseAsNote),
        app,
        theme,
    );
    let texts: Vec<String> = phrases
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{} {p}", i + 1))
        .collect();
    frame.render_widget(Paragraph::new(list(&texts, at, inner, theme)), inner);
}

/// Clears `popup` and draws its border and title, with the key of `hint` (in the picker's
/// keys) and what it does along the bottom; returns the inside.
fn open(
    frame: &mut Frame,
    popup: Rect,
    title: &'static str,
    hint: Option<&Action>,
    app: &App,
    theme: &Theme,
) -> Rect {
    frame.render_widget(Clear, popup);
    let mut block = theme
        .block()
        .title(title)
        .border_style(theme.border_active());
    if let Some(action) = hint {
        let key = app.keymap.key_label(Mode::Picker, action);
        block = block.title_bottom(format!(" {key}: {} ", action.describe(app.settings.lang)));
    }
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    inner
}

/// The rows of a list in `area`, the selected one highlighted and kept in view.
fn list(texts: &[String], at: usize, area: Rect, theme: &Theme) -> Vec<Line<'static>> {
    let (w, height) = (usize::from(area.width), usize::from(area.height).max(1));
    let skip = (at + 1).saturating_sub(height);
    texts
        .iter()
        .enumerate()
        .skip(skip)
        .take(height)
        .map(|(i, t)| {
            let text = truncate(t, w);
            if i == at {
                Line::styled(text, theme.current())
            } else {
                Line::raw(text)
            }
        })
        .collect()
}

/// The selected remark as kept and each other version, whole and wrapped, with who took it
/// down and who it names as the speaker; the chosen one highlighted.
pub fn draw_versions(frame: &mut Frame, area: Rect, app: &App, at: usize, theme: &Theme) {
    let s = app.settings.lang.strings();
    let Some(r) = app.selected_remark() else {
        return;
    };
    let name = |id: &Option<crate::model::ParticipantId>| {
        id.as_ref()
            .and_then(|id| app.session.plan.participant(id))
            .map_or_else(|| s.note_taker.to_owned(), |p| p.label())
    };
    let clerk = |c: &Option<String>| c.clone().unwrap_or_else(|| "?".to_owned());
    let mut versions = vec![(s.kept_version, clerk(&r.clerk), name(&r.speaker), &r.text)];
    for v in &r.alternatives {
        let speaker = if v.speaker.is_some() {
            &v.speaker
        } else {
            &r.speaker
        };
        versions.push((s.other_version, clerk(&v.clerk), name(speaker), &v.text));
    }
    let popup = centered(area, 90, area.height.saturating_sub(4).max(6));
    let inner = open(frame, popup, s.versions_title, None, app, theme);
    let w = usize::from(inner.width).max(4);
    let mut lines = Vec::new();
    for (n, (which, by, speaker, text)) in versions.iter().enumerate() {
        let style = if n == at {
            theme.current()
        } else {
            ratatui::style::Style::new()
        };
        // The chosen one is marked, not only coloured.
        let mark = if n == at { "> " } else { "  " };
        lines.push(Line::styled(
            truncate(&format!("{mark}{which} [{by}] {speaker}"), w),
            theme.key(),
        ));
        for range in crate::text::wrap(text, w.saturating_sub(2)) {
            lines.push(Line::styled(format!("  {}", &text[range]), style));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A replacement's preview: each remark it changes, as it is and as it will be.
pub fn draw_replace(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    preview: &crate::app::ReplacePreview,
    theme: &Theme,
) {
    let s = app.settings.lang.strings();
    let popup = centered(area, 90, area.height.saturating_sub(4).max(6));
    let inner = open(frame, popup, s.replace_title, None, app, theme);
    let w = usize::from(inner.width).max(4);
    let mut lines = Vec::new();
    // Each remark whole, as it is (-) and as it will be (+), under where it stands: its
    // item, time and speaker, and whether the public minutes withhold it.
    for (id, before, after) in app.session.replacements(&preview.find, &preview.with) {
        if let Some(r) = app.session.remarks.iter().find(|r| r.id == id) {
            let item = app.session.plan.item(r.item);
            let speaker = r
                .speaker
                .as_ref()
                .and_then(|p| app.session.plan.participant(p))
                .map_or_else(|| s.note_taker.to_owned(), |p| p.label());
            let badge = if app.session.is_public(r) {
                ""
            } else {
                s.non_public
            };
            let head = format!(
                "{} {} {} {speaker} {badge}",
                r.item,
                item.map_or("", |i| i.title.as_str()),
                r.began.format("%H:%M:%S"),
            );
            for range in crate::text::wrap(head.trim_end(), w) {
                lines.push(Line::styled(head[range].to_owned(), theme.time()));
            }
        }
        for (sign, text, style) in [
            ("- ", &before, theme.dim()),
            ("+ ", &after, ratatui::style::Style::new()),
        ] {
            for (n, range) in crate::text::wrap(text, w.saturating_sub(2))
                .into_iter()
                .enumerate()
            {
                let lead = if n == 0 { sign } else { "  " };
                lines.push(Line::styled(format!("{lead}{}", &text[range]), style));
            }
        }
    }
    let skip = preview.scroll.min(lines.len().saturating_sub(1));
    let lines: Vec<Line> = lines.into_iter().skip(skip).collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Cleanup's list of the meeting log, the selected row highlighted and kept in view.
pub fn draw_log(frame: &mut Frame, area: Rect, app: &App, at: usize, theme: &Theme) {
    let s = app.settings.lang.strings();
    let rows = crate::app::log_entries(&app.session, s);
    let popup = centered(
        area,
        70,
        u16::try_from(rows.len()).unwrap_or(20).saturating_add(2),
    );
    let inner = open(frame, popup, s.log_title, None, app, theme);
    let texts: Vec<String> = rows
        .iter()
        .map(|r| {
            let when = r.at.map_or_else(
                || "        ".to_owned(),
                |t| t.format("%H:%M:%S").to_string(),
            );
            format!("{when} {}", r.what)
        })
        .collect();
    frame.render_widget(Paragraph::new(list(&texts, at, inner, theme)), inner);
}
