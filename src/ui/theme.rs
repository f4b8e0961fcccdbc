//! Colours and emphasis. With `NO_COLOR` set only bold, reverse and dim remain; every mark
//! also has a text form, so nothing depends on colour.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;
use ratatui::widgets::Block;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    color: bool,
    /// Borders of `+ - |`: box-drawing characters are ambiguous-width, and terminals set to
    /// draw those wide (a common CJK setting) would break every border.
    ascii: bool,
}

const ASCII_BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Theme {
    /// A short rule for separators: box drawing, or `--` where borders are ASCII.
    pub fn rule(&self) -> &'static str {
        if self.ascii { "--" } else { "──" }
    }

    pub fn new(no_color: bool, ascii: bool) -> Self {
        Self {
            color: !no_color,
            ascii,
        }
    }

    /// A bordered block in the border characters this terminal can draw.
    pub fn block(&self) -> Block<'static> {
        let block = Block::bordered();
        if self.ascii {
            block.border_set(ASCII_BORDER)
        } else {
            block
        }
    }

    fn pick(&self, colored: Style, plain: Style) -> Style {
        if self.color { colored } else { plain }
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        self.pick(
            Style::new().fg(Color::DarkGray),
            Style::new().add_modifier(Modifier::DIM),
        )
    }

    pub fn current(&self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    }

    pub fn previous(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Cyan),
            Style::new().add_modifier(Modifier::UNDERLINED),
        )
    }

    pub fn badge(&self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    }

    pub fn non_public(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    pub fn check(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    pub fn time(&self) -> Style {
        self.pick(Style::new().fg(Color::Green), Style::new())
    }

    pub fn speaker(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    pub fn error(&self) -> Style {
        self.badge()
    }

    pub fn key(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Yellow),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    pub fn border(&self) -> Style {
        self.pick(Style::new().fg(Color::DarkGray), Style::new())
    }

    pub fn border_active(&self) -> Style {
        self.pick(Style::new().fg(Color::Cyan), Style::new())
    }
}
