//! Cleanup mode: the remarks grouped by agenda item with the selected one highlighted (or
//! open for editing), search matches highlighted, and beside them the public minutes of the
//! selected item as the default style prints them.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme::Theme;
use crate::app::{App, Review, display_order};
use crate::export::document::Block as DocBlock;
use crate::model::{ItemNo, Remark};
use crate::text::{truncate, width, wrap};

/// Cells before a remark's text: the gutter (selection, mark) and an indent.
const INDENT: usize = 4;

/// The list pane and the preview pane for a screen of `size`.
fn panes(size: (u16, u16), preview: bool) -> (Rect, Rect) {
    let (w, h) = size;
    let body = Rect::new(0, 2.min(h), w, h.saturating_sub(3));
    if preview && w >= 90 {
        let pw = w * 2 / 5;
        (
            Rect {
                width: w - pw,
                ..body
            },
            Rect {
                x: w - pw,
                width: pw,
                ..body
            },
        )
    } else {
        (body, Rect { width: 0, ..body })
    }
}

/// Width a remark's text wraps to in the list (the editor's width when editing).
pub fn text_width(app: &App) -> usize {
    let preview = app.review.as_ref().is_some_and(|r| r.preview);
    let (list, _) = panes(app.size, preview);
    usize::from(Block::bordered().inner(list).width)
        .saturating_sub(INDENT)
        .max(1)
}

/// Byte ranges of `query` in `text`, ignoring ASCII case where that keeps byte offsets.
fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let (hay, needle) = {
        let (h, n) = (text.to_lowercase(), query.to_lowercase());
        if h.len() == text.len() && n.len() == query.len() {
            (h, n)
        } else {
            (text.to_owned(), query.to_owned())
        }
    };
    hay.match_indices(&needle)
        .map(|(i, m)| i..i + m.len())
        .collect()
}

/// Splits `text[line]` into spans, highlighting the parts inside `hits`.
fn highlighted<'a>(
    text: &'a str,
    line: Range<usize>,
    hits: &[Range<usize>],
    base: Style,
    hit: Style,
) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    let mut at = line.start;
    for h in hits {
        let (s, e) = (h.start.max(line.start), h.end.min(line.end));
        if s >= e {
            continue;
        }
        if s > at {
            spans.push(Span::styled(&text[at..s], base));
        }
        spans.push(Span::styled(&text[s..e], hit));
        at = e;
    }
    if at < line.end {
        spans.push(Span::styled(&text[at..line.end], base));
    }
    spans
}

enum Entry {
    Heading(ItemNo),
    Remark(usize),
}

/// The lines of one remark, and where the cursor goes if it is being edited.
fn remark_lines<'a>(
    app: &'a App,
    review: &'a Review,
    r: &'a Remark,
    text_w: usize,
    theme: &Theme,
) -> (Vec<Line<'a>>, Option<(usize, usize)>) {
    let selected = review.selected == Some(r.id);
    let marked = review.marked.contains(&r.id);
    let gutter = format!(
        "{}{}",
        if selected { ">" } else { " " },
        if marked { "*" } else { " " }
    );
    let head_style = if selected {
        theme.current()
    } else {
        theme.speaker()
    };
    let mut head = vec![Span::styled(gutter, theme.key())];
    head.extend(super::timeline::remark_head(
        app,
        r,
        (text_w + INDENT).saturating_sub(2),
        head_style,
        theme,
    ));
    let mut lines = vec![Line::from(head)];
    let pad = " ".repeat(INDENT);
    let mut cursor = None;
    match review.editing.as_ref().filter(|_| selected) {
        Some(editor) => {
            let layout = editor.window(text_w, 40);
            for range in &layout.lines {
                lines.push(Line::from(vec![
                    Span::raw(pad.clone()),
                    Span::styled(&editor.text()[range.clone()], theme.current()),
                ]));
            }
            cursor = Some((layout.cursor_row + 1, INDENT + layout.cursor_col));
        }
        None => {
            let hits = find_all(&r.text, &review.query);
            let base = if !app.session.is_public(r) {
                theme.dim()
            } else {
                Style::new()
            };
            for range in wrap(&r.text, text_w) {
                let mut spans = vec![Span::raw(pad.clone())];
                spans.extend(highlighted(&r.text, range, &hits, base, theme.current()));
                lines.push(Line::from(spans));
            }
        }
    }
    (lines, cursor)
}

fn draw_list(frame: &mut Frame, area: Rect, app: &App, review: &Review, theme: &Theme) {
    let s = app.settings.lang.strings();
    let block = theme
        .block()
        .title(s.timeline)
        .border_style(theme.border_active());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let text_w = usize::from(inner.width).saturating_sub(INDENT).max(1);
    let order = display_order(&app.session);
    let mut entries = Vec::with_capacity(order.len() + app.session.plan.agenda.len());
    let mut last_item = None;
    let mut next_heading = app.session.plan.agenda.iter().map(|a| a.no).peekable();
    for &i in &order {
        let item = app.session.remarks[i].item;
        if last_item != Some(item) {
            // Headings of items with no remarks come in agenda order too.
            while let Some(&no) = next_heading.peek() {
                next_heading.next();
                entries.push(Entry::Heading(no));
                if no == item {
                    break;
                }
            }
            last_item = Some(item);
        }
        entries.push(Entry::Remark(i));
    }
    entries.extend(next_heading.map(Entry::Heading));
    let selected = entries
        .iter()
        .position(|e| matches!(e, Entry::Remark(i) if review.selected == Some(app.session.remarks[*i].id)))
        .unwrap_or(0);
    let height = usize::from(inner.height);
    let entry_lines = |e: &Entry| -> (Vec<Line>, Option<(usize, usize)>) {
        match e {
            Entry::Heading(no) => {
                let item = app.session.plan.item(*no);
                let title = item.map_or_else(String::new, |i| {
                    let closed = if i.public { "" } else { s.non_public };
                    format!("{} {}{closed}", i.no, i.title)
                });
                (
                    vec![Line::styled(
                        truncate(&title, usize::from(inner.width)),
                        theme.title(),
                    )],
                    None,
                )
            }
            Entry::Remark(i) => remark_lines(app, review, &app.session.remarks[*i], text_w, theme),
        }
    };
    // The selected remark, then context above it (a third of the pane), then below.
    let (sel_lines, cursor) = entries.get(selected).map(entry_lines).unwrap_or_default();
    let mut above: Vec<Line> = Vec::new();
    for e in entries[..selected].iter().rev() {
        if above.len() >= height / 3 {
            break;
        }
        let (mut l, _) = entry_lines(e);
        l.extend(above);
        above = l;
    }
    let keep_above = (height / 3)
        .min(above.len())
        .min(height.saturating_sub(sel_lines.len()));
    let above: Vec<Line> = above.split_off(above.len() - keep_above);
    let sel_top = above.len();
    let mut lines = above;
    lines.extend(sel_lines);
    for e in entries.iter().skip(selected + 1) {
        if lines.len() >= height {
            break;
        }
        lines.extend(entry_lines(e).0);
    }
    // An edited remark taller than the pane scrolls so its cursor stays visible.
    let skip = cursor.map_or(0, |(row, _)| (sel_top + row + 1).saturating_sub(height));
    let lines: Vec<Line> = lines.into_iter().skip(skip).take(height).collect();
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some((row, col)) = cursor
        && app.overlay == crate::app::Overlay::None
    {
        let y = (sel_top + row).saturating_sub(skip).min(height - 1);
        let x = col.min(usize::from(inner.width) - 1);
        frame.set_cursor_position(Position::new(inner.x + x as u16, inner.y + y as u16));
    }
}

fn draw_preview(frame: &mut Frame, area: Rect, app: &App, review: &Review, theme: &Theme) {
    if area.width < 10 || area.height < 3 {
        return;
    }
    let s = app.settings.lang.strings();
    let block = theme
        .block()
        .title(s.preview_title)
        .border_style(theme.border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let no = review
        .selected
        .and_then(|id| app.session.remarks.iter().find(|r| r.id == id))
        .map_or(app.session.live.item, |r| r.item);
    let w = usize::from(inner.width).max(1);
    let mut lines: Vec<Line> = Vec::new();
    let push_wrapped = |text: &str, style: Style, lines: &mut Vec<Line>| {
        for r in wrap(text, w) {
            lines.push(Line::styled(text[r].to_owned(), style));
        }
    };
    match crate::export::preview_item(&app.session, no, crate::export::Style::default_ref()) {
        None => push_wrapped(s.preview_closed, theme.non_public(), &mut lines),
        Some(sections) => {
            for sec in sections {
                if let Some(h) = &sec.heading {
                    push_wrapped(h, theme.title(), &mut lines);
                }
                for b in &sec.blocks {
                    match b {
                        DocBlock::Speaker { text } => {
                            push_wrapped(text, theme.speaker(), &mut lines)
                        }
                        DocBlock::Marker { text } => push_wrapped(text, theme.dim(), &mut lines),
                        DocBlock::Decision { text } | DocBlock::Action { text } => {
                            push_wrapped(text, theme.speaker(), &mut lines);
                        }
                        DocBlock::Paragraph(p) => push_wrapped(&p.line(), Style::new(), &mut lines),
                    }
                }
                lines.push(Line::raw(""));
            }
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_header(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let s = app.settings.lang.strings();
    let session = &app.session;
    let checks = session.remarks.iter().filter(|r| r.check_later).count();
    let inaudible = session
        .remarks
        .iter()
        .filter(|r| r.text.contains(crate::model::INAUDIBLE))
        .count();
    let marked = app.review.as_ref().map_or(0, |r| r.marked.len());
    let title = Line::from(vec![
        Span::styled(s.review_badge, theme.badge()),
        Span::raw(" "),
        Span::styled(session.plan.meeting.title.clone(), theme.title()),
    ]);
    let save = match &app.save {
        crate::app::SaveStatus::Saved(at) if !app.dirty => {
            format!("{} {}", s.saved, at.format("%H:%M:%S"))
        }
        crate::app::SaveStatus::Error(e) => format!("{}: {e}", s.save_error),
        _ => s.unsaved.to_owned(),
    };
    let stats = format!(
        "{} {}  {} {checks}  ［聞き取れず］ {inaudible}  {} {marked}  {save}",
        session.remarks.len(),
        s.remarks,
        s.check_later,
        s.marked,
    );
    frame.render_widget(
        Paragraph::new(vec![title, Line::styled(stats, theme.dim())]),
        area,
    );
}

fn draw_status(frame: &mut Frame, area: Rect, app: &App, review: &Review, theme: &Theme) {
    let s = app.settings.lang.strings();
    if let Some(query) = &review.search {
        let label = format!("{} /", s.search_label);
        let line = Line::from(vec![
            Span::styled(label.clone(), theme.key()),
            Span::raw(query.text().to_owned()),
        ]);
        frame.render_widget(Paragraph::new(line), area);
        if app.overlay == crate::app::Overlay::None && area.width > 0 {
            let col = width(&label) + width(&query.text()[..query.cursor()]);
            let x = u16::try_from(col).unwrap_or(u16::MAX).min(area.width - 1);
            frame.set_cursor_position(Position::new(area.x + x, area.y));
        }
        return;
    }
    let hint = if review.editing.is_some() {
        s.edit_hint
    } else {
        s.review_hint
    };
    let mut spans = Vec::new();
    if let Some(m) = &app.message {
        spans.push(Span::styled(format!("{m}  "), theme.check()));
    }
    spans.push(Span::styled(hint, theme.dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let Some(review) = &app.review else {
        return;
    };
    let area = frame.area();
    let (list, preview) = panes((area.width, area.height), review.preview);
    draw_header(
        frame,
        Rect {
            height: 2.min(area.height),
            ..area
        },
        app,
        theme,
    );
    draw_list(frame, list, app, review, theme);
    draw_preview(frame, preview, app, review, theme);
    if area.height >= 3 {
        let status = Rect {
            y: area.height - 1,
            height: 1,
            ..area
        };
        draw_status(frame, status, app, review, theme);
    }
}
