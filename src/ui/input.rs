//! The input box. Its title says who the text will be attributed to; the terminal cursor is
//! put at the insertion point, counted in display cells, so the input method draws its
//! preedit and candidate window right there.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme::Theme;
use crate::app::{App, Overlay};
use crate::editor::EditorLayout;

/// `layout` is the editor's text wrapped to the box's inner width.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, layout: &EditorLayout, theme: &Theme) {
    if let Some(cursor) = render(frame.buffer_mut(), area, app, layout, theme) {
        frame.set_cursor_position(cursor);
    }
}

/// What the box's border and title are drawn from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    who: String,
    non_public: bool,
    check_later: bool,
}

impl Title {
    pub fn of(app: &App) -> Self {
        let s = app.settings.lang.strings();
        let who = app.session.current_speaker().map_or_else(
            || s.note_taker.to_owned(),
            |p| {
                let slot = p.hotkey.map(|n| format!("{n} ")).unwrap_or_default();
                format!("{slot}{}", p.label())
            },
        );
        Self {
            who,
            non_public: app.input_is_non_public(),
            check_later: app.draft_check_later,
        }
    }
}

/// Draws the box into `buf` (which holds at least `area`) and says where the cursor goes.
pub fn render(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    layout: &EditorLayout,
    theme: &Theme,
) -> Option<Position> {
    render_border(buf, area, app, &Title::of(app), theme);
    render_text(buf, area, app, layout)
}

/// The box's border with its title, the inside left blank.
pub fn render_border(buf: &mut Buffer, area: Rect, app: &App, title: &Title, theme: &Theme) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let s = app.settings.lang.strings();
    let mut spans = vec![
        Span::raw(" "),
        Span::styled(title.who.clone(), theme.speaker()),
        Span::raw(" "),
    ];
    if title.non_public {
        spans.push(Span::styled(s.non_public, theme.badge()));
        spans.push(Span::raw(" "));
    }
    if title.check_later {
        spans.push(Span::styled(s.check_later, theme.check()));
        spans.push(Span::raw(" "));
    }
    theme
        .block()
        .title(Line::from(spans))
        .border_style(theme.border_active())
        .render(area, buf);
}

/// The text inside a box whose border is drawn, over whatever the inside held.
pub fn render_text(
    buf: &mut Buffer,
    area: Rect,
    app: &App,
    layout: &EditorLayout,
) -> Option<Position> {
    if area.height == 0 || area.width == 0 {
        return None;
    }
    let inner = ratatui::widgets::Block::bordered().inner(area);
    for y in inner.top()..inner.bottom() {
        for x in inner.left()..inner.right() {
            if let Some(cell) = buf.cell_mut((x, y)) {
                cell.reset();
            }
        }
    }
    let rows = usize::from(inner.height).max(1);
    // Scroll so the cursor's line is always visible.
    let first = (layout.cursor_row + 1).saturating_sub(rows);
    let text = app.editor.text();
    // The lines are wrapped to this width already: set them straight into the buffer.
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
    (app.overlay == Overlay::None && inner.width > 0 && inner.height > 0).then(|| {
        let x = inner.x
            + u16::try_from(layout.cursor_col)
                .unwrap_or(u16::MAX)
                .min(inner.width - 1);
        let y = inner.y
            + u16::try_from(layout.cursor_row - first)
                .unwrap_or(0)
                .min(inner.height - 1);
        Position::new(x, y)
    })
}
