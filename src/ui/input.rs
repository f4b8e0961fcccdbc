//! The input box. Its title says who the text will be attributed to; the terminal cursor is
//! put at the insertion point, counted in display cells, so the input method draws its
//! preedit and candidate window right there.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::app::{App, Overlay};
use crate::editor::EditorLayout;

/// `layout` is the editor's text wrapped to the box's inner width.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, layout: &EditorLayout, theme: &Theme) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let s = app.settings.lang.strings();
    let session = &app.session;
    let who = session.current_speaker().map_or_else(
        || s.note_taker.to_owned(),
        |p| {
            let slot = p.hotkey.map(|n| format!("{n} ")).unwrap_or_default();
            format!("{slot}{}", p.label())
        },
    );
    let mut title = vec![
        Span::raw(" "),
        Span::styled(who, theme.speaker()),
        Span::raw(" "),
    ];
    if app.input_is_non_public() {
        title.push(Span::styled(s.non_public, theme.badge()));
        title.push(Span::raw(" "));
    }
    if app.draft_check_later {
        title.push(Span::styled(s.check_later, theme.check()));
        title.push(Span::raw(" "));
    }
    let block = theme
        .block()
        .title(Line::from(title))
        .border_style(theme.border_active());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let rows = usize::from(inner.height).max(1);
    // Scroll so the cursor's line is always visible.
    let first = (layout.cursor_row + 1).saturating_sub(rows);
    let text = app.editor.text();
    // The lines are wrapped to this width already: set them straight into the buffer.
    let buf = frame.buffer_mut();
    for (row, range) in layout
        .lines
        .iter()
        .skip(first)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + u16::try_from(row).unwrap_or(u16::MAX);
        buf.set_stringn(
            inner.x,
            y,
            &text[range.clone()],
            usize::from(inner.width),
            ratatui::style::Style::new(),
        );
    }
    if app.overlay == Overlay::None && inner.width > 0 && inner.height > 0 {
        let x = inner.x
            + u16::try_from(layout.cursor_col)
                .unwrap_or(u16::MAX)
                .min(inner.width - 1);
        let y = inner.y
            + u16::try_from(layout.cursor_row - first)
                .unwrap_or(0)
                .min(inner.height - 1);
        frame.set_cursor_position(Position::new(x, y));
    }
}
