use super::*;

fn ed(text: &str, cursor: usize) -> Editor {
    let mut e = Editor::new(text);
    e.set_cursor(cursor);
    e
}

#[test]
fn inserts_at_the_cursor_and_moves_by_grapheme() {
    let mut e = Editor::default();
    for c in "議事録".chars() {
        e.insert_char(c);
    }
    e.left();
    e.insert_char('の');
    assert_eq!(e.text(), "議事の録");
    e.backspace();
    e.backspace();
    assert_eq!(e.text(), "議録");
    e.delete();
    assert_eq!(e.text(), "議");
    e.right();
    e.right();
    assert_eq!(e.cursor(), "議".len());
}

#[test]
fn combining_marks_move_as_one() {
    let mut e = Editor::new("e\u{301}x");
    e.left();
    e.left();
    assert_eq!(e.cursor(), 0);
    e.right();
    assert_eq!(e.cursor(), 3);
}

#[test]
fn cursor_column_counts_display_cells() {
    let e = Editor::new("日本語で");
    let l = e.layout(80);
    assert_eq!((l.cursor_row, l.cursor_col), (0, 8));
    let e = Editor::new("日本語で");
    let l = e.layout(4);
    // Two lines exactly full: the cursor waits at the start of a third.
    assert_eq!(l.lines.len(), 3);
    assert_eq!((l.cursor_row, l.cursor_col), (2, 0));
    let l = ed("日本語で", "日本".len()).layout(4);
    assert_eq!((l.cursor_row, l.cursor_col), (1, 0));
}

#[test]
fn vertical_moves_keep_the_column_across_wide_text() {
    // Width 6: "abcdef" / "日本語" / "xy"
    let mut e = Editor::new("abcdef日本語xy");
    e.set_cursor(3); // after "abc"
    e.vertical(1, 6);
    // Column 3 lands inside 本; the cursor stays left of it, after 日.
    assert_eq!(&e.text()[..e.cursor()], "abcdef日");
    e.vertical(1, 6);
    assert_eq!(&e.text()[..e.cursor()], "abcdef日本語xy");
    e.vertical(-1, 6);
    e.vertical(-1, 6);
    assert_eq!(
        e.cursor(),
        3,
        "the goal column survives lines too short for it"
    );
}

#[test]
fn word_moves_follow_script_runs() {
    let mut e = Editor::new("利用率の推移について");
    e.word_left();
    assert_eq!(&e.text()[e.cursor()..], "について");
    e.word_left();
    assert_eq!(&e.text()[e.cursor()..], "推移について");
    e.delete_word_back();
    assert_eq!(e.text(), "利用率推移について");
    e.set_cursor(0);
    e.word_right();
    assert_eq!(&e.text()[..e.cursor()], "利用率推移");
    e.delete_word_forward();
    assert_eq!(e.text(), "利用率推移");
    let mut e = Editor::new("hello  world");
    e.delete_word_back();
    assert_eq!(e.text(), "hello  ");
    e.delete_word_back();
    assert_eq!(e.text(), "");
}

#[test]
fn home_and_end_work_on_the_visual_line() {
    let mut e = Editor::new("abcdefgh");
    e.set_cursor(5);
    e.home(4);
    assert_eq!(e.cursor(), 4);
    e.set_cursor(1);
    e.end(4);
    assert_eq!(e.cursor(), 4);
}

#[test]
fn paste_is_normalised() {
    assert_eq!(normalize_pasted("a\r\nb\rc"), "a\nb\nc");
    assert_eq!(normalize_pasted("か\u{3099}"), "が");
}

#[test]
fn take_empties() {
    let mut e = Editor::new("x");
    assert_eq!(e.take(), "x");
    assert!(e.is_empty());
    assert_eq!(e.cursor(), 0);
}

#[test]
fn the_window_matches_the_full_layout_near_the_cursor() {
    let para = "本日はお集まりいただき誠にありがとうございます。\n";
    let text = para.repeat(2_000);
    let mut e = Editor::new(text.clone());
    e.set_cursor(text.len() / 2);
    let full = e.layout(30);
    let win = e.window(30, 10);
    assert!(
        win.lines.len() < full.lines.len(),
        "only part of a long text is laid out"
    );
    let at = |l: &EditorLayout| l.lines[l.cursor_row].clone();
    assert_eq!(at(&win), at(&full));
    assert_eq!(win.cursor_col, full.cursor_col);
    // Short text: the window is the layout.
    let e = Editor::new("短い");
    assert_eq!(e.window(30, 10), e.layout(30));
}
