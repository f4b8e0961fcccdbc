//! The page: A4 with the docx's margins, each role's type and spacing, and paragraphs set
//! into lines and the lines onto pages. A heading or a speaker's name stays with what
//! follows it, and no paragraph leaves one line alone at a page's foot or head.

use super::PdfError;
use super::fonts::FaceSet;
use super::shape::{self, Line};
use crate::export::render::print::{Para, Role};

/// A4, in points.
pub const WIDTH: f32 = 595.28;
pub const HEIGHT: f32 = 841.89;
/// The docx's margins (30 mm at the top, 25 mm elsewhere).
pub const LEFT: f32 = 70.9;
const RIGHT: f32 = 70.9;
const TOP: f32 = 85.05;
const BOTTOM: f32 = 70.9;
pub const MEASURE: f32 = WIDTH - LEFT - RIGHT;
/// The running header's and the page number's baselines.
pub const HEADER_BASELINE: f32 = 54.0;
pub const FOOTER_BASELINE: f32 = HEIGHT - 30.0;
/// Body text, and the step of one indent (two full-width characters of it).
pub const BODY: f32 = 10.5;
const INDENT: f32 = 2.0 * BODY;
/// Line pitch as a multiple of the size: the 行送り of Japanese minutes.
const PITCH: f32 = 1.7;
/// Where a line's baseline sits in its box: an ideographic face's ascent.
const ASCENT: f32 = 0.88;

/// How a role is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Look {
    pub size: f32,
    pub bold: bool,
    pub centred: bool,
    before: f32,
    after: f32,
}

impl Look {
    pub fn of(role: Role) -> Self {
        let look = |size, bold, before, after| Look {
            size,
            bold,
            centred: false,
            before,
            after,
        };
        match role {
            Role::Title => Look {
                centred: true,
                ..look(16.0, true, 0.0, 12.0)
            },
            Role::Heading(1) => look(11.5, true, 12.0, 6.0),
            Role::Heading(2) => look(BODY, true, 12.0, 6.0),
            Role::Heading(_) => look(BODY, false, 12.0, 6.0),
            Role::Notice | Role::Strong => look(BODY, true, 0.0, 6.0),
            Role::Body | Role::Speaker => look(BODY, false, 0.0, 6.0),
        }
    }

    fn pitch(&self) -> f32 {
        self.size * PITCH
    }
}

/// A paragraph set in lines, not yet on a page.
#[derive(Debug, Clone)]
pub struct Set {
    pub look: Look,
    pub lines: Vec<Line>,
    keep_next: bool,
    /// Where the first line and the others start, from the left margin.
    first_x: f32,
    rest_x: f32,
}

pub fn set(p: &Para, faces: &FaceSet) -> Result<Set, PdfError> {
    let look = Look::of(p.role);
    let indent = INDENT * f32::from(p.indent);
    // A hanging bullet: one display cell is half an em.
    let hang = p.hang as f32 * look.size / 2.0;
    let first = MEASURE - indent;
    let rest = (first - hang).max(look.size);
    let lines = shape::set(&p.text, faces, look.size, first, rest)?;
    Ok(Set {
        look,
        lines,
        keep_next: p.keep_next,
        first_x: indent,
        rest_x: indent + hang,
    })
}

/// Where one line is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub page: usize,
    pub x: f32,
    pub baseline: f32,
}

struct Cursor {
    page: usize,
    /// The top of the next line's box.
    y: f32,
    at_top: bool,
}

impl Cursor {
    fn room(&self) -> f32 {
        HEIGHT - BOTTOM - self.y
    }

    fn next_page(&mut self) {
        self.page += 1;
        self.y = TOP;
        self.at_top = true;
    }
}

/// How many of a paragraph's `n` lines to put where `fit` would fit: none rather than one
/// alone at the foot, and one fewer rather than one alone at the next page's head.
fn split(n: usize, fit: usize) -> usize {
    if fit >= n {
        n
    } else if fit < 2 && n >= 2 {
        0
    } else if n - fit == 1 && fit >= 3 {
        fit - 1
    } else {
        fit
    }
}

/// Each paragraph's lines on the pages, and the number of pages.
pub fn paginate(sets: &[Set]) -> (Vec<Vec<Placed>>, usize) {
    let mut c = Cursor {
        page: 0,
        y: TOP,
        at_top: true,
    };
    let mut out = Vec::with_capacity(sets.len());
    for (i, s) in sets.iter().enumerate() {
        let pitch = s.look.pitch();
        let before = if c.at_top { 0.0 } else { s.look.before };
        let n = s.lines.len();
        let mut need = before + pitch * n.min(2) as f32;
        if s.keep_next {
            need = before + pitch * n as f32;
            if let Some(next) = sets.get(i + 1) {
                need += next.look.before + next.look.pitch() * next.lines.len().min(2) as f32;
            }
        }
        if need > c.room() && !c.at_top {
            c.next_page();
        } else {
            c.y += before;
        }
        let mut placed = Vec::with_capacity(n);
        let mut left = n;
        while left > 0 {
            let fit = (c.room() / pitch).floor().max(0.0) as usize;
            let take = if c.at_top {
                // A page's worth at least, so that nothing waits forever.
                fit.max(1).min(left)
            } else {
                split(left, fit)
            };
            if take == 0 {
                c.next_page();
                continue;
            }
            for k in n - left..n - left + take {
                let line = &s.lines[k];
                let x = if s.look.centred {
                    LEFT + ((MEASURE - line.width) / 2.0).max(0.0)
                } else if k == 0 {
                    LEFT + s.first_x
                } else {
                    LEFT + s.rest_x
                };
                placed.push(Placed {
                    page: c.page,
                    x,
                    baseline: c.y + (pitch - s.look.size) / 2.0 + ASCENT * s.look.size,
                });
                c.y += pitch;
                c.at_top = false;
            }
            left -= take;
            if left > 0 {
                c.next_page();
            }
        }
        c.y += s.look.after;
        out.push(placed);
    }
    (out, c.page + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_line_is_left_alone() {
        // Room for one: the paragraph goes over whole.
        assert_eq!(split(5, 1), 0);
        // Room for four of five: three stay, two go.
        assert_eq!(split(5, 4), 3);
        // Room for two of three: one would be left alone over the page, so both stay and one
        // goes only when three could.
        assert_eq!(split(3, 2), 2);
        assert_eq!(split(3, 3), 3);
        assert_eq!(split(1, 0), 0);
    }

    fn set_of(lines: usize, keep_next: bool) -> Set {
        Set {
            look: Look::of(if keep_next {
                Role::Heading(1)
            } else {
                Role::Body
            }),
            lines: (0..lines)
                .map(|_| Line {
                    text: "あ".into(),
                    glyphs: Vec::new(),
                    width: BODY,
                })
                .collect(),
            keep_next,
            first_x: 0.0,
            rest_x: 0.0,
        }
    }

    #[test]
    fn a_heading_goes_over_with_what_follows_it() {
        // Fill the first page nearly full, then a heading and a paragraph.
        let per_page = ((HEIGHT - BOTTOM - TOP) / (BODY * PITCH)) as usize;
        let sets = vec![
            set_of(per_page - 2, false),
            set_of(1, true),
            set_of(4, false),
        ];
        let (placed, pages) = paginate(&sets);
        assert_eq!(pages, 2);
        assert_eq!(placed[1][0].page, 1, "the heading goes over: {placed:?}");
        assert!(placed[2].iter().all(|p| p.page == 1));
    }

    #[test]
    fn a_paragraph_longer_than_a_page_runs_on() {
        let per_page = ((HEIGHT - BOTTOM - TOP) / (BODY * PITCH)) as usize;
        let (placed, pages) = paginate(&[set_of(per_page * 2 + 5, false)]);
        assert_eq!(pages, 3);
        assert!(placed[0].windows(2).all(|w| w[0].page <= w[1].page));
        assert!(placed[0].iter().all(|p| p.baseline < HEIGHT - BOTTOM));
    }
}
