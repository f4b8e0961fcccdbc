//! The start screen: sessions to resume, agenda files to start a meeting from.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::{EntryKind, StartScreen};
use crate::i18n::Lang;
use crate::text::truncate;

pub fn draw(frame: &mut Frame, screen: &StartScreen, lang: Lang, theme: &Theme) {
    let s = lang.strings();
    let area = frame.area();
    let block = theme
        .block()
        .title(Span::styled(s.start_title, theme.title()))
        .title_bottom(s.start_hint)
        .border_style(theme.border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = usize::from(inner.width);
    let mut lines = Vec::new();
    if screen.entries.is_empty() {
        lines.push(Line::raw(s.start_none));
    }
    let mut last_group = None;
    for (i, e) in screen.entries.iter().enumerate() {
        let group = match e.kind {
            EntryKind::Session { .. } => s.start_sessions,
            EntryKind::Agenda => s.start_agendas,
            EntryKind::AgendaText { .. } => s.start_import,
            EntryKind::Broken(_) => "!",
        };
        if last_group != Some(group) {
            if last_group.is_some() {
                lines.push(Line::raw(""));
            }
            if group != "!" {
                lines.push(Line::styled(group, theme.title()));
            }
            last_group = Some(group);
        }
        let name = e
            .path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let text = match &e.kind {
            EntryKind::Session { remarks } => format!(
                "{}  {}  {} {}  {}  ({})",
                e.date, e.title, remarks, s.remarks, e.saved, name
            ),
            EntryKind::Agenda => format!("{}  {}  ({})", e.date, e.title, name),
            EntryKind::AgendaText { roster } => {
                let with = roster
                    .as_ref()
                    .and_then(|r| r.file_name())
                    .map(|r| format!(" + {}", r.to_string_lossy()))
                    .unwrap_or_default();
                format!("{}  ({name}{with})", e.title)
            }
            EntryKind::Broken(err) => err.clone(),
        };
        let mark = if i == screen.selected { "> " } else { "  " };
        let style = match (&e.kind, i == screen.selected) {
            (EntryKind::Broken(_), _) => theme.error(),
            (_, true) => theme.current(),
            _ => ratatui::style::Style::new(),
        };
        lines.push(Line::from(Span::styled(
            truncate(&format!("{mark}{text}"), w),
            style,
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
