//! Frames as they reach a terminal: what ratatui writes, read back by a terminal emulator.

use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// A terminal as the user sees it: what ratatui writes, read by a terminal emulator, so wide
/// characters overwrite and clear the way they do on screen.
pub struct Emulator {
    terminal: Terminal<CrosstermBackend<Wire>>,
    wire: Wire,
    pub parser: vt100::Parser,
    pub size: (u16, u16),
    /// How many bytes the last frame sent to the terminal.
    pub sent: usize,
}

/// The bytes on their way from ratatui to the emulator.
#[derive(Clone, Default)]
struct Wire(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Wire {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Emulator {
    pub fn new((w, h): (u16, u16)) -> Self {
        let wire = Wire::default();
        let backend = CrosstermBackend::new(wire.clone());
        let viewport = Viewport::Fixed(Rect::new(0, 0, w, h));
        Self {
            terminal: Terminal::with_options(backend, TerminalOptions { viewport }).unwrap(),
            wire,
            parser: vt100::Parser::new(h.max(1), w.max(1), 0),
            size: (w, h),
            sent: 0,
        }
    }

    pub fn draw(&mut self, render: impl FnOnce(&mut ratatui::Frame)) {
        self.terminal.draw(render).unwrap();
        self.take();
    }

    /// Shows the app the way the live loop does: through a remembered screen, which may
    /// send the input box alone.
    #[allow(dead_code)]
    pub fn show(
        &mut self,
        screen: &mut kiroku::ui::Screen,
        app: &kiroku::app::App,
        now: kiroku::model::Timestamp,
    ) {
        screen.show(&mut self.terminal, app, now).unwrap();
        self.take();
    }

    fn take(&mut self) {
        let bytes = std::mem::take(&mut *self.wire.0.borrow_mut());
        self.sent = bytes.len();
        self.parser.process(&bytes);
    }

    /// Every cell as it looks (a blank is a blank, written or not), then the cursor.
    pub fn shows(&self) -> (Vec<Look>, (u16, u16), bool) {
        let screen = self.parser.screen();
        let (rows, cols) = screen.size();
        let mut cells = Vec::with_capacity(usize::from(rows) * usize::from(cols));
        for row in 0..rows {
            for col in 0..cols {
                let Some(cell) = screen.cell(row, col) else {
                    continue;
                };
                let blank = matches!(cell.contents(), "" | " ");
                // Of a blank, only the background, underline and reverse can be seen.
                cells.push(Look {
                    at: (row, col),
                    text: if blank {
                        String::new()
                    } else {
                        cell.contents().to_owned()
                    },
                    fg: (!blank).then(|| cell.fgcolor()),
                    bg: cell.bgcolor(),
                    marks: [
                        !blank && cell.bold(),
                        !blank && cell.dim(),
                        !blank && cell.italic(),
                        cell.underline(),
                        cell.inverse(),
                    ],
                });
            }
        }
        // A hidden cursor has no place anyone can see.
        let at = if screen.hide_cursor() {
            (0, 0)
        } else {
            screen.cursor_position()
        };
        (cells, at, screen.hide_cursor())
    }
}

#[derive(Debug, PartialEq)]
pub struct Look {
    at: (u16, u16),
    text: String,
    fg: Option<vt100::Color>,
    bg: vt100::Color,
    marks: [bool; 5],
}
