//! The record so far, newest at the bottom. Only the remarks that fit are wrapped and drawn,
//! so a frame costs the same at remark 10 and remark 100,000.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use super::layout;
use super::theme::Theme;
use crate::app::App;
use crate::model::Remark;
use crate::text::{truncate, wrap};

/// Text lines are indented by this many cells under the remark's heading line.
const INDENT: usize = 2;

/// A remark's heading line: begin time, its marks as text, and the speaker, cut to `width`
/// cells. The timeline and the cleanup list both start remarks this way.
pub fn remark_head(
    app: &App,
    r: &Remark,
    width: usize,
    speaker_style: ratatui::style::Style,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let s = app.settings.lang.strings();
    let speaker = r
        .speaker
        .as_ref()
        .and_then(|id| app.session.plan.participant(id))
        .map_or_else(|| s.note_taker.to_owned(), |p| p.label());
    let mut head = vec![
        Span::styled(r.began.format("%H:%M:%S").to_string(), theme.time()),
        Span::raw(" "),
    ];
    // Where it is in the recording, to find it in the audio.
    if let Some(offset) = app.session.log.recording_offset(r.began) {
        head.push(Span::styled(format!("▶{offset}"), theme.dim()));
        head.push(Span::raw(" "));
    }
    // The same question every export asks: what the list shows is what will be withheld.
    if !app.session.is_public(r) {
        head.push(Span::styled(s.non_public, theme.non_public()));
        head.push(Span::raw(" "));
    }
    if r.check_later {
        head.push(Span::styled(s.check_later, theme.check()));
        head.push(Span::raw(" "));
    }
    // Another clerk's version waits for review (cleanup, V).
    if !r.alternatives.is_empty() {
        head.push(Span::styled(
            format!("{}{}", s.versions_mark, r.alternatives.len()),
            theme.check(),
        ));
        head.push(Span::raw(" "));
    }
    let used: usize = head.iter().map(|sp| crate::text::width(&sp.content)).sum();
    head.push(Span::styled(
        truncate(&speaker, width.saturating_sub(used)),
        speaker_style,
    ));
    head
}

fn remark_lines<'a>(app: &App, r: &'a Remark, width: usize, theme: &Theme) -> Vec<Line<'a>> {
    let head = remark_head(app, r, width, theme.speaker(), theme);
    let text_style = if !app.session.is_public(r) {
        theme.dim()
    } else {
        ratatui::style::Style::new()
    };
    let mut lines = vec![Line::from(head)];
    let pad = " ".repeat(INDENT.min(width.saturating_sub(1)));
    let text_width = width.saturating_sub(pad.len()).max(1);
    for range in wrap(&r.text, text_width) {
        lines.push(Line::from(vec![
            Span::raw(pad.clone()),
            Span::styled(&r.text[range], text_style),
        ]));
    }
    lines
}

/// Where the record moves to another agenda item: `── 2 報告事項 ──`, so that a remark made
/// after going back to an earlier item says where it belongs.
fn separator(app: &App, r: &Remark, width: usize, theme: &Theme) -> Line<'static> {
    let title = app
        .session
        .plan
        .item(r.item)
        .map_or_else(String::new, |i| format!("{} {}", i.no, i.title));
    let rule = theme.rule();
    let text = truncate(&format!("{rule} {title} {rule}"), width);
    Line::styled(text, theme.dim())
}

/// Does the remark at `i` begin a new item's stretch of the record?
fn starts_item(remarks: &[Remark], i: usize) -> bool {
    i == 0 || remarks[i - 1].item != remarks[i].item
}

fn remark_height(r: &Remark, width: usize) -> usize {
    let text_width = width
        .saturating_sub(INDENT.min(width.saturating_sub(1)))
        .max(1);
    1 + wrap(&r.text, text_width).len()
}

fn inner(area: Rect) -> Rect {
    Block::bordered().inner(area)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if area.height < 3 || area.width < 3 {
        return;
    }
    let s = app.settings.lang.strings();
    let mut block = theme.block().title(s.timeline).border_style(theme.border());
    if app.scroll_back > 0 {
        block = block.title_bottom(Span::styled(s.scrolled, theme.check()));
    }
    let inner = block.inner(area);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let remarks = &app.session.remarks;
    let end = remarks.len().saturating_sub(app.scroll_back);
    let mut chunks: Vec<Vec<Line>> = Vec::new();
    let mut total = 0;
    for (i, r) in remarks[..end].iter().enumerate().rev() {
        if total >= height {
            break;
        }
        let mut lines = remark_lines(app, r, width, theme);
        if starts_item(remarks, i) {
            lines.insert(0, separator(app, r, width, theme));
        }
        total += lines.len();
        chunks.push(lines);
    }
    let lines: Vec<Line> = chunks.into_iter().rev().flatten().collect();
    let skip = lines.len().saturating_sub(height);
    frame.render_widget(block, area);
    // Lines are already wrapped to the pane: set them straight into the buffer, which costs
    // a fraction of laying them out again as a paragraph.
    let buf = frame.buffer_mut();
    for (row, line) in lines.iter().skip(skip).enumerate() {
        buf.set_line(inner.x, inner.y + row as u16, line, inner.width);
    }
}

/// How many remarks one page-scroll moves: as many as fill the pane from where it stands.
pub fn page_size(app: &App) -> usize {
    let screen = Rect::new(0, 0, app.size.0, app.size.1);
    let input_rows = app
        .editor
        .window(
            layout::input_text_width(app.size.0),
            usize::from(app.size.1),
        )
        .lines
        .len();
    let areas = layout::areas(screen, input_rows, app.session.plan.agenda.len());
    let inner = inner(areas.timeline);
    let (width, height) = (usize::from(inner.width), usize::from(inner.height));
    let end = app.session.remarks.len().saturating_sub(app.scroll_back);
    let mut total = 0;
    let mut count = 0;
    let remarks = &app.session.remarks;
    for (i, r) in remarks[..end].iter().enumerate().rev() {
        total += remark_height(r, width.max(1)) + usize::from(starts_item(remarks, i));
        if total > height && count > 0 {
            break;
        }
        count += 1;
    }
    count.max(1)
}
