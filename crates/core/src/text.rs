//! Measuring and wrapping text by display width: a CJK character takes two terminal cells,
//! a combining mark none. Everything that lays out text on screen goes through here.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Display width of a grapheme; control characters (a stray tab) count as one cell so the
/// cursor never falls behind what is drawn.
pub fn grapheme_width(g: &str) -> usize {
    match g {
        "\t" => 1,
        _ => g.width(),
    }
}

pub fn width(s: &str) -> usize {
    s.graphemes(true).map(grapheme_width).sum()
}

/// Splits `text` into visual lines no wider than `width` cells, as byte ranges. Lines break
/// where the Unicode line-breaking algorithm allows, which keeps Japanese 禁則: no line starts
/// with 。、）」』】 and the like, none ends with （「『【, and a Latin word stays whole; a run
/// with no break allowed and wider than the line is cut where it must be. A `\n` ends a line
/// and belongs to none. A grapheme wider than the whole line gets a line of its own. Empty
/// text, or text ending in `\n`, yields a final empty line, where a cursor can sit.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    wrap_with(text, |_| width, |_, g| grapheme_width(g))
}

/// [`wrap`] by any measure: line `n` is `width(n)` wide, and `measure(at, grapheme)` is the
/// width of the grapheme that starts at byte `at` (the PDF measures in points, by the glyphs
/// it draws).
pub fn wrap_with<W>(
    text: &str,
    width: impl Fn(usize) -> W,
    mut measure: impl FnMut(usize, &str) -> W,
) -> Vec<Range<usize>>
where
    W: Copy + Default + PartialOrd + std::ops::Add<Output = W>,
{
    let nothing = W::default();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut used = nothing;
    for (i, g) in text.grapheme_indices(true) {
        if g == "\n" || g == "\r\n" {
            lines.push(start..i);
            start = i + g.len();
            used = nothing;
            continue;
        }
        let w = measure(i, g);
        if used + w > width(lines.len()) && used > nothing {
            // Only a line that overflows asks where it may break (the typing path stays
            // cheap): the last opportunity on it that leaves the rest fitting.
            let line = &text[start..i + g.len()];
            let at = unicode_linebreak::linebreaks(line)
                .filter(|(b, o)| {
                    *o == unicode_linebreak::BreakOpportunity::Allowed && *b > 0 && *b <= i - start
                })
                .map(|(b, _)| start + b)
                .last();
            match at {
                Some(b) => {
                    lines.push(start..b);
                    used = text[b..i]
                        .grapheme_indices(true)
                        .fold(nothing, |sum, (j, g)| sum + measure(b + j, g));
                    start = b;
                }
                None => {
                    lines.push(start..i);
                    start = i;
                    used = nothing;
                }
            }
        }
        used = used + w;
    }
    lines.push(start..text.len());
    lines
}

/// The longest prefix of `s` that fits in `width` cells, with an ellipsis if cut.
pub fn truncate(s: &str, width: usize) -> String {
    if self::width(s) <= width {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = grapheme_width(g);
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    // `~`, not `…`: the ellipsis is ambiguous-width and would break layouts on terminals
    // that draw such characters wide.
    if width > 0 {
        out.push('~');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, w: usize) -> Vec<&str> {
        wrap(text, w).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wide_characters_take_two_cells() {
        assert_eq!(width("日本語abc"), 9);
        assert_eq!(lines("日本語です", 4), ["日本", "語で", "す"]);
        // A wide character never straddles the edge.
        assert_eq!(lines("a日本", 4), ["a日", "本"]);
    }

    #[test]
    fn japanese_lines_keep_kinsoku() {
        // 。 and 、 never start a line; 「 never ends one.
        assert_eq!(lines("ありがとう。以上", 5 * 2), ["ありがと", "う。以上"]);
        assert_eq!(
            lines("本日は、よろしく", 3 * 2),
            ["本日", "は、よ", "ろしく"]
        );
        assert_eq!(
            lines("はい「そうです」", 3 * 2),
            ["はい", "「そう", "です」"]
        );
        // A Latin word stays whole where it fits; a longer one is cut.
        assert_eq!(lines("see minutes", 8), ["see ", "minutes"]);
        assert_eq!(lines("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn newlines_end_lines() {
        assert_eq!(lines("ab\ncd", 10), ["ab", "cd"]);
        assert_eq!(lines("ab\n", 10), ["ab", ""]);
        assert_eq!(lines("", 10), [""]);
    }

    #[test]
    fn combining_marks_stay_with_their_base() {
        let s = "e\u{301}e\u{301}e\u{301}";
        assert_eq!(width(s), 3);
        assert_eq!(lines(s, 2).len(), 2);
    }

    #[test]
    fn truncate_measures_cells() {
        assert_eq!(truncate("日本語です", 5), "日本~");
        assert_eq!(truncate("abc", 3), "abc");
    }
}
