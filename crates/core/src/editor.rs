//! The text input: a string, a cursor on a grapheme boundary, and movement by display width
//! over soft-wrapped lines, so Japanese paragraphs edit the way they look.

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

use crate::text::{grapheme_width, wrap};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Editor {
    text: String,
    /// Byte offset, always on a grapheme boundary.
    cursor: usize,
    /// The display column Up/Down aim for, kept across short lines.
    goal_col: Option<usize>,
}

/// Where things are on screen for a given width: the visual lines and the cursor's cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorLayout {
    pub lines: Vec<std::ops::Range<usize>>,
    pub cursor_row: usize,
    pub cursor_col: usize,
}

/// What kind of characters a word is made of; a word is a run of one kind, which suits
/// Japanese (no spaces) as well as English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CharClass {
    Space,
    Punct,
    Hiragana,
    Katakana,
    Kanji,
    Other,
}

fn class(g: &str) -> CharClass {
    let c = g.chars().next().unwrap_or(' ');
    match c {
        c if c.is_whitespace() => CharClass::Space,
        '\u{3040}'..='\u{309F}' => CharClass::Hiragana,
        '\u{30A0}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}' => {
            CharClass::Katakana
        }
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '々' | '〆' => CharClass::Kanji,
        c if c.is_alphanumeric() => CharClass::Other,
        _ => CharClass::Punct,
    }
}

/// Pasted text as kiroku stores it: LF line endings, NFC (so a decomposed が from some
/// sources matches a composed one in search).
pub fn normalize_pasted(s: &str) -> String {
    // A tab has no width the box could show: it is a space in a remark.
    let s = s
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\t', " ");
    crate::model::clean::strip_controls(&s).nfc().collect()
}

impl Editor {
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let cursor = text.len();
        Self {
            text,
            cursor,
            goal_col: None,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Empties the editor and hands back what it held.
    pub fn take(&mut self) -> String {
        self.cursor = 0;
        self.goal_col = None;
        std::mem::take(&mut self.text)
    }

    pub fn set_cursor(&mut self, at: usize) {
        let at = at.min(self.text.len());
        self.cursor = self.boundary_at_or_before(at);
        self.goal_col = None;
    }

    /// The grapheme boundary at `at`, or the one before it. Looks only around `at`, so a
    /// keystroke at the end of a 10 MB paste costs what it costs in an empty box.
    fn boundary_at_or_before(&self, at: usize) -> usize {
        let mut at = at.min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        let mut cursor = GraphemeCursor::new(at, self.text.len(), true);
        match cursor.is_boundary(&self.text, 0) {
            Ok(false) => cursor
                .prev_boundary(&self.text, 0)
                .ok()
                .flatten()
                .unwrap_or(0),
            _ => at,
        }
    }

    pub fn insert_char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.insert_str(c.encode_utf8(&mut buf));
    }

    pub fn insert_str(&mut self, s: &str) {
        // Control characters never enter the text, however they arrive.
        let s = crate::model::clean::strip_controls(s);
        self.text.insert_str(self.cursor, &s);
        self.cursor += s.len();
        // A combining mark typed after a base joins its grapheme; keep the cursor on a
        // boundary.
        self.cursor = self.boundary_at_or_before(self.cursor);
        self.goal_col = None;
    }

    fn prev_boundary(&self) -> Option<usize> {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map(|(i, _)| i)
    }

    fn next_boundary(&self) -> Option<usize> {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map(|g| self.cursor + g.len())
    }

    pub fn left(&mut self) {
        if let Some(i) = self.prev_boundary() {
            self.cursor = i;
        }
        self.goal_col = None;
    }

    pub fn right(&mut self) {
        if let Some(i) = self.next_boundary() {
            self.cursor = i;
        }
        self.goal_col = None;
    }

    pub fn backspace(&mut self) {
        if let Some(i) = self.prev_boundary() {
            self.text.replace_range(i..self.cursor, "");
            self.cursor = i;
        }
        self.goal_col = None;
    }

    pub fn delete(&mut self) {
        if let Some(i) = self.next_boundary() {
            self.text.replace_range(self.cursor..i, "");
        }
        self.goal_col = None;
    }

    fn word_start_before(&self) -> usize {
        let mut graphemes = self.text[..self.cursor]
            .grapheme_indices(true)
            .rev()
            .peekable();
        // Skip spaces, then one run of a single class.
        while let Some((_, g)) = graphemes.peek() {
            if class(g) != CharClass::Space {
                break;
            }
            graphemes.next();
        }
        let Some((mut start, g)) = graphemes.next() else {
            return 0;
        };
        let kind = class(g);
        for (i, g) in graphemes {
            if class(g) != kind || g == "\n" {
                break;
            }
            start = i;
        }
        start
    }

    fn word_end_after(&self) -> usize {
        let base = self.cursor;
        let mut graphemes = self.text[base..].grapheme_indices(true).peekable();
        while let Some((_, g)) = graphemes.peek() {
            if class(g) != CharClass::Space {
                break;
            }
            graphemes.next();
        }
        let Some((i, g)) = graphemes.next() else {
            return self.text.len();
        };
        let kind = class(g);
        let mut end = base + i + g.len();
        for (i, g) in graphemes {
            if class(g) != kind {
                break;
            }
            end = base + i + g.len();
        }
        end
    }

    pub fn word_left(&mut self) {
        self.cursor = self.word_start_before();
        self.goal_col = None;
    }

    pub fn word_right(&mut self) {
        self.cursor = self.word_end_after();
        self.goal_col = None;
    }

    pub fn delete_word_back(&mut self) {
        let start = self.word_start_before();
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
        self.goal_col = None;
    }

    pub fn delete_word_forward(&mut self) {
        let end = self.word_end_after();
        self.text.replace_range(self.cursor..end, "");
        self.goal_col = None;
    }

    /// The whole text laid out for `width` cells.
    pub fn layout(&self, width: usize) -> EditorLayout {
        self.layout_of(0, self.text.len(), width)
    }

    /// The lines around the cursor, at least `rows` each way where the text has them. For
    /// ordinary remarks this is the whole layout; after a 10 MB paste only the part near the
    /// cursor is wrapped, so a keystroke stays cheap.
    pub fn window(&self, width: usize, rows: usize) -> EditorLayout {
        let len = self.text.len();
        // Bytes enough for `rows` full lines of four-byte characters, and some more.
        let budget = rows
            .max(1)
            .saturating_mul(width.max(1))
            .saturating_mul(4)
            .saturating_add(4096);
        if len <= budget.saturating_mul(2) {
            return self.layout(width);
        }
        let floor = |mut i: usize| {
            while !self.text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let ceil = |mut i: usize| {
            while i < len && !self.text.is_char_boundary(i) {
                i += 1;
            }
            i
        };
        let lo = floor(self.cursor.saturating_sub(budget));
        let start = if lo == 0 {
            0
        } else {
            // Begin at a paragraph if one starts nearby, so lines wrap as they always do.
            let from = floor(self.cursor.saturating_sub(2 * budget));
            self.text[from..lo].rfind('\n').map_or(lo, |i| from + i + 1)
        };
        let hi = ceil((self.cursor + budget).min(len));
        let end = if hi == len {
            len
        } else {
            let to = ceil((self.cursor + 2 * budget).min(len));
            self.text[hi..to].find('\n').map_or(hi, |i| hi + i)
        };
        self.layout_of(start, end, width)
    }

    fn layout_of(&self, start: usize, end: usize, width: usize) -> EditorLayout {
        let lines: Vec<std::ops::Range<usize>> = wrap(&self.text[start..end], width)
            .into_iter()
            .map(|r| r.start + start..r.end + start)
            .collect();
        // The cursor belongs to the last line that starts at or before it; at a soft break
        // that is the start of the next line, which is where typing continues.
        let row = lines
            .iter()
            .rposition(|r| r.start <= self.cursor)
            .unwrap_or(0);
        let line = &lines[row];
        let col = crate::text::width(&self.text[line.start..self.cursor.min(line.end)]);
        // Text that exactly fills the last line puts the cursor on a fresh line below.
        if col >= width.max(1) && end == self.text.len() {
            let mut lines = lines;
            lines.push(self.text.len()..self.text.len());
            return EditorLayout {
                cursor_row: row + 1,
                cursor_col: 0,
                lines,
            };
        }
        EditorLayout {
            lines,
            cursor_row: row,
            cursor_col: col,
        }
    }

    /// Start or end of the visual line the cursor is on.
    pub fn home(&mut self, width: usize) {
        let layout = self.window(width, 2);
        self.cursor = layout.lines[layout.cursor_row].start;
        self.goal_col = None;
    }

    pub fn end(&mut self, width: usize) {
        let layout = self.window(width, 2);
        self.cursor = layout.lines[layout.cursor_row].end;
        self.goal_col = None;
    }

    /// Moves one visual line up (`-1`) or down (`1`), keeping the display column.
    pub fn vertical(&mut self, step: isize, width: usize) {
        let layout = self.window(width, 2);
        let goal = *self.goal_col.get_or_insert(layout.cursor_col);
        let target = layout.cursor_row as isize + step;
        if target < 0 || target as usize >= layout.lines.len() {
            return;
        }
        let line = layout.lines[target as usize].clone();
        let mut at = line.start;
        let mut used = 0;
        for (i, g) in self.text[line.clone()].grapheme_indices(true) {
            let w = grapheme_width(g);
            if used + w > goal {
                break;
            }
            used += w;
            at = line.start + i + g.len();
        }
        self.cursor = at;
    }
}

#[cfg(test)]
mod tests;
