//! Live mode drawn frame after frame. A keystroke changes the input box and little else, so
//! each other pane keeps the cells it drew last, with the state they were drawn from: while
//! that state is the same the cells are reused, and when the terminal already shows them they
//! are left out of the frame's diff altogether. A keystroke then costs the input box, however
//! long the meeting. When nothing but the input box changed, [`Screen::show`] goes further and
//! writes the box's changed cells alone, without a whole frame to reset, fill and diff.

use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ratatui::{Frame, Terminal};

use super::theme::Theme;
use super::{agenda, draw_overlay, footer, header, input, layout, review, roster, timeline};
use crate::app::{App, Overlay, SaveStatus};
use crate::model::Timestamp;

/// What a pane is drawn from, beyond the session (whose changes `App::revision` counts).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Key {
    Header {
        area: Rect,
        revision: u64,
        now: Timestamp,
        save: SaveStatus,
        dirty: bool,
    },
    Agenda {
        area: Rect,
        revision: u64,
        now: Timestamp,
    },
    Roster {
        area: Rect,
        revision: u64,
    },
    Timeline {
        area: Rect,
        revision: u64,
        scroll_back: usize,
    },
    Footer {
        area: Rect,
        message: Option<String>,
    },
}

impl Key {
    fn area(&self) -> Rect {
        match self {
            Self::Header { area, .. }
            | Self::Agenda { area, .. }
            | Self::Roster { area, .. }
            | Self::Timeline { area, .. }
            | Self::Footer { area, .. } => *area,
        }
    }
}

/// One pane's cells as last drawn, and from what.
#[derive(Debug, Default)]
struct Memo {
    key: Option<Key>,
    /// The pane's area, row after row.
    cells: Vec<Cell>,
    /// The frame that last put these cells on the screen.
    frame: u64,
}

/// Draws one `App` frame after frame, remembering each pane. Keep one per terminal; after
/// anything else writes to the terminal (a clear, a resume), call [`Screen::invalidate`].
#[derive(Debug, Default)]
pub struct Screen {
    memos: [Memo; 5],
    /// Lines the input box had in the last frame.
    input_rows: usize,
    frame: u64,
    /// The previous frame left every pane on the terminal exactly as its memo holds it:
    /// nothing was drawn over them and nothing has written to the terminal since.
    shown: bool,
    /// The size of the previous frame; a new size means ratatui cleared the terminal.
    size: Rect,
    /// The input box as the terminal shows it, while nothing is drawn over it, and the
    /// title it was drawn with.
    input: Option<(Buffer, input::Title)>,
    /// The input box as ratatui last sent it, when the box has gone out without it since:
    /// the cells where the two differ must be sent by the next whole frame, whose diff
    /// would otherwise compare against what ratatui believes.
    believed: Option<Buffer>,
    /// Rows (from the top of the screen) that held a character of unstable width last time:
    /// written out whole again, since the terminal may still show them a cell off.
    unstable: Vec<u16>,
}

impl Screen {
    pub fn new() -> Self {
        Self::default()
    }

    /// The terminal no longer shows the last frame (it was cleared or written over).
    pub fn invalidate(&mut self) {
        self.shown = false;
    }

    /// Lines the input box had in the last frame: with the size, what the record's page
    /// depends on.
    pub fn input_rows(&self) -> usize {
        self.input_rows
    }

    /// Puts `app` on `terminal`: the input box alone when nothing else changed since the
    /// last time, else a whole frame.
    pub fn show<B: Backend>(
        &mut self,
        terminal: &mut Terminal<B>,
        app: &App,
        now: Timestamp,
    ) -> Result<(), B::Error> {
        if !self.show_input(terminal.backend_mut(), app, now)? {
            terminal.draw(|frame| self.draw(frame, app, now))?;
        }
        Ok(())
    }

    /// Writes the input box's changed cells straight to the backend, if the terminal shows
    /// every other pane as it should be; says whether it did.
    fn show_input<B: Backend>(
        &mut self,
        backend: &mut B,
        app: &App,
        now: Timestamp,
    ) -> Result<bool, B::Error> {
        if !self.shown || app.review.is_some() || app.overlay != Overlay::None {
            return Ok(false);
        }
        let Some((shown, shown_title)) = &self.input else {
            return Ok(false);
        };
        let area = self.size;
        // A new size (in `app` before the terminal has drawn at it) takes a whole frame.
        if app.size != (area.width, area.height) {
            return Ok(false);
        }
        let text = app.editor.window(
            layout::input_text_width(area.width),
            usize::from(area.height),
        );
        if text.lines.len() != self.input_rows {
            return Ok(false);
        }
        let areas = layout::areas(area, text.lines.len(), app.session.plan.agenda.len());
        let unchanged = self
            .memos
            .iter()
            .zip(keys(&areas, app, now))
            .all(|(memo, key)| memo.frame == self.frame && memo.key.as_ref() == Some(&key));
        if !unchanged || shown.area != areas.input {
            return Ok(false);
        }
        let theme = Theme::new(app.settings.no_color, app.settings.ascii);
        let title = input::Title::of(app);
        // The border is drawn again only when its title changed: most keys leave it be.
        let mut next = if title == *shown_title {
            let mut next = shown.clone();
            for cell in &mut next.content {
                cell.set_diff_option(CellDiffOption::None);
            }
            next
        } else {
            let mut next = Buffer::empty(areas.input);
            input::render_border(&mut next, areas.input, app, &title, &theme);
            next
        };
        let cursor = input::render_text(&mut next, areas.input, app, &text);
        guard_buffer(&mut next);
        self.unstable = guard_unstable_widths(&mut next, &self.unstable);
        backend.draw(shown.diff_iter(&next))?;
        match cursor {
            Some(at) => {
                backend.show_cursor()?;
                backend.set_cursor_position(at)?;
            }
            None => backend.hide_cursor()?,
        }
        backend.flush()?;
        self.frame += 1;
        for memo in &mut self.memos {
            memo.frame = self.frame;
        }
        let sent = self.input.replace((next, title));
        if self.believed.is_none() {
            self.believed = sent.map(|(buffer, _)| buffer);
        }
        Ok(true)
    }

    pub fn draw(&mut self, frame: &mut Frame, app: &App, now: Timestamp) {
        let theme = Theme::new(app.settings.no_color, app.settings.ascii);
        let area = frame.area();
        self.frame += 1;
        let shown = std::mem::replace(&mut self.shown, false) && self.size == area;
        self.size = area;
        // Whatever this frame draws where the box was, ratatui must learn what is there.
        let unknown = match (self.believed.take(), self.input.take()) {
            (Some(believed), Some((terminal, _))) => differences(&believed, &terminal),
            _ => Vec::new(),
        };
        if app.review.is_some() {
            review::draw(frame, app, &theme);
            draw_overlay(frame, app, &theme);
            if app.overlay != Overlay::None {
                mend_cut_wide(frame.buffer_mut());
            }
            resend(frame, &unknown);
            guard_erasures(frame);
            self.unstable = guard_unstable_widths(frame.buffer_mut(), &self.unstable);
            return;
        }
        let overlay = app.overlay != Overlay::None;
        // Cells under an overlay must be written out again when it closes.
        let may_skip = shown && !overlay;
        let width = layout::input_text_width(area.width);
        let text = app.editor.window(width, usize::from(area.height));
        self.input_rows = text.lines.len();
        let areas = layout::areas(area, text.lines.len(), app.session.plan.agenda.len());
        let panes = keys(&areas, app, now);
        for (memo, key) in self.memos.iter_mut().zip(panes) {
            let area = key.area();
            let fresh = memo.key.as_ref() == Some(&key);
            if fresh && may_skip && memo.frame + 1 == self.frame {
                skip(frame, area);
            } else if fresh {
                restore(frame, area, &memo.cells);
            } else {
                match key {
                    Key::Header { .. } => header::draw(frame, area, app, now, &theme),
                    Key::Agenda { .. } => agenda::draw(frame, area, app, now, &theme),
                    Key::Roster { .. } => roster::draw(frame, area, app, &theme),
                    Key::Timeline { .. } => timeline::draw(frame, area, app, &theme),
                    Key::Footer { .. } => footer::draw(frame, area, app, &theme),
                }
                keep(frame, area, &mut memo.cells);
                memo.key = Some(key);
            }
            memo.frame = self.frame;
        }
        input::draw(frame, areas.input, app, &text, &theme);
        self.input = (!overlay).then(|| {
            let mut kept = Buffer::empty(areas.input);
            for (range, row) in rows(frame.area(), areas.input).zip(
                kept.content
                    .chunks_mut(usize::from(areas.input.width).max(1)),
            ) {
                row.clone_from_slice(&frame.buffer_mut().content[range]);
            }
            (kept, input::Title::of(app))
        });
        draw_overlay(frame, app, &theme);
        if overlay {
            mend_cut_wide(frame.buffer_mut());
        }
        resend(frame, &unknown);
        guard_erasures(frame);
        self.unstable = guard_unstable_widths(frame.buffer_mut(), &self.unstable);
        self.shown = !overlay;
    }
}

/// Where what ratatui believes the terminal shows differs from what it does show: every cell
/// of each row that differs anywhere, since a character whose width the terminal counts
/// otherwise than ratatui does (a zero-width one, say) stands in a cell neither buffer names.
fn differences(believed: &Buffer, terminal: &Buffer) -> Vec<(u16, u16)> {
    let area = terminal.area;
    (area.top()..area.bottom())
        .filter(|&y| {
            (area.left()..area.right()).any(|x| believed.cell((x, y)) != terminal.cell((x, y)))
        })
        .flat_map(|y| (area.left()..area.right()).map(move |x| (x, y)))
        .collect()
}

/// Sends these cells with the frame, whatever ratatui believes is there.
fn resend(frame: &mut Frame, cells: &[(u16, u16)]) {
    let buf = frame.buffer_mut();
    for &at in cells {
        if let Some(cell) = buf.cell_mut(at)
            && cell.diff_option == CellDiffOption::None
        {
            cell.set_diff_option(CellDiffOption::AlwaysUpdate);
        }
    }
}

/// What each pane is drawn from this frame, in the order of [`Screen::memos`].
fn keys(areas: &layout::Areas, app: &App, now: Timestamp) -> [Key; 5] {
    let revision = app.revision;
    [
        Key::Header {
            area: areas.header,
            revision,
            now,
            save: app.save.clone(),
            dirty: app.dirty,
        },
        Key::Agenda {
            area: areas.agenda,
            revision,
            now,
        },
        Key::Roster {
            area: areas.roster,
            revision,
        },
        Key::Timeline {
            area: areas.timeline,
            revision: app.record_revision,
            scroll_back: app.scroll_back,
        },
        Key::Footer {
            area: areas.footer,
            message: app.message.clone(),
        },
    ]
}

/// A wide character whose right half an overlay's border was drawn over (a popup's left edge
/// falling on it): ratatui's diff would send the character and skip the border cell it
/// covers, so the border would be missing on screen. The character gives way to a blank.
fn mend_cut_wide(buf: &mut Buffer) {
    let width = usize::from(buf.area.width);
    if width == 0 {
        return;
    }
    for row in buf.content.chunks_mut(width) {
        for x in 0..row.len().saturating_sub(1) {
            if crate::text::width(row[x].symbol()) >= 2 && row[x + 1].symbol() != " " {
                row[x].set_symbol(" ");
            }
        }
    }
}

/// Writing over half of a wide character makes a terminal blank the other half in the
/// current background colour, a cell ratatui's diff believes unchanged. So the cell after
/// anything drawn on a coloured (or reversed, underlined) background is always written out,
/// or a highlight would leave a coloured block behind when it moves.
fn guard_erasures(frame: &mut Frame) {
    guard_buffer(frame.buffer_mut());
}

/// A character terminals may count wider or narrower than ratatui does: one outside the
/// Basic Multilingual Plane that is not a wide one (a script newer than the terminal's tables,
/// such as U+11B67), or one of no width. After it the terminal's cursor may stand a cell off
/// from where ratatui believes, so every row that holds one is written out whole each frame:
/// what stays on screen is then what a fresh draw shows.
fn unstable_width(symbol: &str) -> bool {
    symbol.chars().any(|c| {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        (u32::from(c) > 0xFFFF && w < 2) || (w == 0 && !c.is_ascii())
    })
}

/// Marks every row of `buf` that holds such a character now, or held one last time
/// (`before`, rows from the top of the screen), to be written out whole; returns the rows that
/// hold one now.
fn guard_unstable_widths(buf: &mut Buffer, before: &[u16]) -> Vec<u16> {
    let width = usize::from(buf.area.width);
    if width == 0 {
        return Vec::new();
    }
    let top = buf.area.y;
    let mut now = Vec::new();
    for (n, row) in buf.content.chunks_mut(width).enumerate() {
        let y = top + n as u16;
        let holds = row.iter().any(|c| unstable_width(c.symbol()));
        if holds {
            now.push(y);
        }
        if holds || before.contains(&y) {
            for cell in row.iter_mut() {
                if cell.diff_option == CellDiffOption::None {
                    cell.set_diff_option(CellDiffOption::AlwaysUpdate);
                }
            }
        }
    }
    // A part of the screen drawn alone (the input box) keeps the rows outside it.
    let bottom = top + buf.area.height;
    now.extend(before.iter().filter(|&&y| y < top || y >= bottom));
    now
}

fn guard_buffer(buf: &mut Buffer) {
    let width = usize::from(buf.area.width);
    if width == 0 {
        return;
    }
    let visible_on_blank = Modifier::REVERSED | Modifier::UNDERLINED | Modifier::CROSSED_OUT;
    for row in buf.content.chunks_mut(width) {
        for x in 0..row.len() {
            let cell = &row[x];
            if cell.diff_option == CellDiffOption::Skip
                || (cell.bg == Color::Reset && !cell.modifier.intersects(visible_on_blank))
            {
                continue;
            }
            let next = x + crate::text::width(cell.symbol()).max(1);
            if let Some(after) = row.get_mut(next)
                && after.diff_option == CellDiffOption::None
            {
                after.set_diff_option(CellDiffOption::AlwaysUpdate);
            }
        }
    }
}

fn rows(buffer_area: Rect, area: Rect) -> impl Iterator<Item = std::ops::Range<usize>> {
    let width = usize::from(buffer_area.width);
    let x = usize::from(area.x - buffer_area.x);
    (area.top()..area.bottom()).map(move |y| {
        let start = usize::from(y - buffer_area.y) * width + x;
        start..start + usize::from(area.width)
    })
}

/// Leaves the pane's cells out of the diff: the terminal already shows them.
fn skip(frame: &mut Frame, area: Rect) {
    let buf = frame.buffer_mut();
    let whole = buf.area;
    for range in rows(whole, area) {
        for cell in &mut buf.content[range] {
            cell.set_diff_option(CellDiffOption::Skip);
        }
    }
}

/// Puts the pane's remembered cells back into the frame.
fn restore(frame: &mut Frame, area: Rect, cells: &[Cell]) {
    let buf = frame.buffer_mut();
    let whole = buf.area;
    let width = usize::from(area.width);
    for (range, kept) in rows(whole, area).zip(cells.chunks(width.max(1))) {
        buf.content[range].clone_from_slice(kept);
    }
}

/// Remembers the cells the pane just drew.
fn keep(frame: &mut Frame, area: Rect, cells: &mut Vec<Cell>) {
    let buf = frame.buffer_mut();
    let whole = buf.area;
    cells.clear();
    for range in rows(whole, area) {
        cells.extend_from_slice(&buf.content[range]);
    }
}
