//! Where each pane goes. Pure arithmetic on the terminal size, saturating everywhere, so any
//! size down to 1×1 gives valid (possibly empty) areas.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use crate::editor::Editor;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub header: Rect,
    pub agenda: Rect,
    pub roster: Rect,
    pub timeline: Rect,
    pub input: Rect,
    pub footer: Rect,
}

pub use crate::app::input_text_width;

pub fn areas(area: Rect, input_rows: usize, agenda_items: usize) -> Areas {
    let mut rest = area;
    let take_top = |rest: &mut Rect, h: u16| {
        let h = h.min(rest.height);
        let r = Rect { height: h, ..*rest };
        rest.y += h;
        rest.height -= h;
        r
    };
    let header_h = match area.height {
        0..=2 => 0,
        3..=9 => 1,
        _ => 2,
    };
    let header = take_top(&mut rest, header_h);
    let footer_h = u16::from(area.height >= 5);
    let footer = Rect {
        y: rest.y + rest.height - footer_h.min(rest.height),
        height: footer_h.min(rest.height),
        ..rest
    };
    rest.height -= footer.height;
    // The input box grows with its text, up to half of what is left, never below 3 rows.
    let wanted = u16::try_from(input_rows + 2).unwrap_or(u16::MAX);
    let cap = (rest.height / 2).max(3);
    let input_h = wanted.clamp(3, cap).min(rest.height);
    let input = Rect {
        y: rest.y + rest.height - input_h,
        height: input_h,
        ..rest
    };
    rest.height -= input_h;
    let middle = rest;
    let (side, timeline) = if middle.width >= 60 && middle.height >= 6 {
        let w = (middle.width * 3 / 10).clamp(24, 44);
        (
            Rect { width: w, ..middle },
            Rect {
                x: middle.x + w,
                width: middle.width - w,
                ..middle
            },
        )
    } else {
        (
            Rect {
                width: 0,
                height: 0,
                ..middle
            },
            middle,
        )
    };
    let agenda_h = u16::try_from(agenda_items + 2)
        .unwrap_or(u16::MAX)
        .min(side.height / 2);
    let agenda = Rect {
        height: agenda_h,
        ..side
    };
    let roster = Rect {
        y: side.y + agenda_h,
        height: side.height - agenda_h,
        ..side
    };
    Areas {
        header,
        agenda,
        roster,
        timeline,
        input,
        footer,
    }
}

/// A box of at most `w`×`h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Puts the terminal cursor in the one-line `area` at the editor's insertion point, after
/// `prefix` cells, where an input method draws its preedit.
pub fn place_cursor(frame: &mut Frame, area: Rect, editor: &Editor, prefix: usize) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let col = prefix + crate::text::width(&editor.text()[..editor.cursor()]);
    let x = area.x + u16::try_from(col).unwrap_or(u16::MAX).min(area.width - 1);
    frame.set_cursor_position(Position::new(x, area.y));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_area_fits_inside_the_screen() {
        for (w, h) in [
            (1, 1),
            (10, 3),
            (20, 5),
            (80, 24),
            (300, 100),
            (0, 0),
            (59, 7),
        ] {
            let screen = Rect::new(0, 0, w, h);
            for rows in [1, 5, 500] {
                let a = areas(screen, rows, 5);
                for r in [a.header, a.agenda, a.roster, a.timeline, a.input, a.footer] {
                    assert_eq!(screen.union(r), screen, "{w}x{h}: {r:?}");
                }
            }
        }
    }

    #[test]
    fn a_standard_terminal_gets_every_pane() {
        let a = areas(Rect::new(0, 0, 80, 24), 1, 5);
        assert_eq!(a.header.height, 2);
        assert_eq!(a.footer.height, 1);
        assert_eq!(a.input.height, 3);
        assert!(a.agenda.height >= 7 && a.roster.height >= 5);
        assert!(a.timeline.width >= 50);
    }
}
