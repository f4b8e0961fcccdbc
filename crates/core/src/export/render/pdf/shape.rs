//! A paragraph's text as glyphs: split into runs by face, each run shaped (rustybuzz), and
//! then broken into lines no wider than the measure, where the Unicode line-breaking rules
//! allow (禁則, as on screen), by the widths of the very glyphs that will be drawn. Full lines
//! are justified, as Japanese documents are.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::PdfError;
use super::fonts::FaceSet;

/// One glyph, its metrics in ems.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub face: usize,
    pub id: u32,
    pub advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
    /// The bytes of the text it stands for.
    pub cluster: Range<usize>,
}

/// One line, ready to draw: its text, its glyphs (clusters within `text`), and its width.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub glyphs: Vec<Glyph>,
    /// In points, at the paragraph's size.
    pub width: f32,
}

/// What a PDF reader's text layer cannot map back to a character (krilla refuses them).
fn drawable(text: &str) -> String {
    text.chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .filter(|c| !matches!(c, '\u{0}' | '\u{FEFF}' | '\u{FFFE}'))
        .collect()
}

/// `text` shaped, run by run.
fn glyphs(text: &str, set: &FaceSet) -> Result<Vec<Glyph>, PdfError> {
    let mut out = Vec::new();
    let mut runs: Vec<(usize, Range<usize>)> = Vec::new();
    let mut broken = false;
    for (at, g) in text.grapheme_indices(true) {
        // A line break (a template's `\n`) ends a line and is drawn as nothing.
        if g == "\n" || g == "\r\n" {
            broken = true;
            continue;
        }
        let face = set.face_of(g);
        match runs.last_mut() {
            Some((f, r)) if *f == face && !broken => r.end = at + g.len(),
            _ => runs.push((face, at..at + g.len())),
        }
        broken = false;
    }
    for (face, range) in runs {
        let shaper = set.faces[face].shaper();
        let upem = f32::from(shaper.units_per_em().max(1) as u16);
        let mut buf = rustybuzz::UnicodeBuffer::new();
        buf.push_str(&text[range.clone()]);
        buf.set_direction(rustybuzz::Direction::LeftToRight);
        buf.guess_segment_properties();
        if let Ok(ja) = "ja".parse() {
            buf.set_language(ja);
        }
        let shaped = rustybuzz::shape(&shaper, &[], buf);
        let infos = shaped.glyph_infos();
        for (i, (info, pos)) in infos.iter().zip(shaped.glyph_positions()).enumerate() {
            let start = range.start + info.cluster as usize;
            let end = infos[i + 1..]
                .iter()
                .map(|n| range.start + n.cluster as usize)
                .find(|n| *n > start)
                .unwrap_or(range.end);
            if info.glyph_id == 0 {
                let ch = text[start..].chars().next().unwrap_or('?');
                return Err(PdfError::NoGlyph {
                    ch,
                    context: text[start..end].to_owned(),
                });
            }
            out.push(Glyph {
                face,
                id: info.glyph_id,
                advance: pos.x_advance as f32 / upem,
                x_offset: pos.x_offset as f32 / upem,
                y_offset: pos.y_offset as f32 / upem,
                cluster: start..end,
            });
        }
    }
    Ok(out)
}

/// How far justifying may spread a line, per gap, in ems: a line cut short by a long word
/// is left ragged rather than pulled apart, and letters stay close enough that a reader's
/// text extraction sees no spaces between them.
const MAX_SPREAD: f32 = 0.06;
const MAX_SPACE_SPREAD: f32 = 0.6;

/// `text` set in lines at `size` points: the first line `first` points wide, the rest `rest`.
/// Every line but the last of the text (and any ended by a line break) is justified.
pub fn set(
    text: &str,
    set: &FaceSet,
    size: f32,
    first: f32,
    rest: f32,
) -> Result<Vec<Line>, PdfError> {
    let text = drawable(text);
    let glyphs = glyphs(&text, set)?;
    // Each byte's advance: a glyph counts where its cluster starts.
    let mut at = vec![0.0f32; text.len() + 1];
    for g in &glyphs {
        at[g.cluster.start] += g.advance * size;
    }
    let measure = |i: usize, g: &str| at[i..i + g.len()].iter().sum::<f32>();
    let ranges = crate::text::wrap_with(&text, |n| if n == 0 { first } else { rest }, measure);
    let last = ranges.len().saturating_sub(1);
    let mut lines = Vec::with_capacity(ranges.len());
    for (n, range) in ranges.into_iter().enumerate() {
        let ended_by_break = text[range.end..].starts_with('\n');
        let trimmed = range.start..range.start + text[range.clone()].trim_end().len();
        let mut line: Vec<Glyph> = glyphs
            .iter()
            .filter(|g| range.contains(&g.cluster.start))
            .map(|g| Glyph {
                cluster: g.cluster.start - range.start..g.cluster.end.min(range.end) - range.start,
                ..g.clone()
            })
            .collect();
        let natural: f32 = glyphs
            .iter()
            .filter(|g| trimmed.contains(&g.cluster.start))
            .map(|g| g.advance * size)
            .sum();
        let measure_width = if n == 0 { first } else { rest };
        if n < last && !ended_by_break {
            justify(
                &mut line,
                &text[range.clone()],
                trimmed.len(),
                measure_width - natural,
                size,
            );
        }
        lines.push(Line {
            text: text[range].to_owned(),
            glyphs: line,
            width: natural,
        });
    }
    Ok(lines)
}

/// Spreads `extra` points over the gaps between the first `len` bytes' clusters: between
/// words where the line has spaces, between every character where it has none.
fn justify(line: &mut [Glyph], text: &str, len: usize, extra: f32, size: f32) {
    if extra <= 0.0 {
        return;
    }
    // A gap follows a glyph when the next glyph begins another cluster still inside.
    let inside: Vec<usize> = (0..line.len().saturating_sub(1))
        .filter(|i| {
            let next = &line[i + 1];
            next.cluster.start != line[*i].cluster.start && next.cluster.start < len
        })
        .collect();
    let spaces: Vec<usize> = inside
        .iter()
        .copied()
        .filter(|i| {
            text[line[*i].cluster.clone()]
                .chars()
                .all(char::is_whitespace)
        })
        .collect();
    let (gaps, most) = if spaces.is_empty() {
        (inside, MAX_SPREAD)
    } else {
        (spaces, MAX_SPACE_SPREAD)
    };
    if gaps.is_empty() {
        return;
    }
    let per = extra / gaps.len() as f32 / size;
    if per > most {
        return;
    }
    for i in gaps {
        line[i].advance += per;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_no_reader_can_map_is_left_out() {
        assert_eq!(drawable("a\u{FEFF}b\tc\u{0}"), "ab c");
    }
}
