use kiroku::app::{Action, App, Keymap, Settings};
use std::time::{Duration, Instant};
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let s = kiroku::storage::load_session(std::path::Path::new(&path)).unwrap();
    let settings = Settings {
        lang: kiroku::i18n::Lang::Ja,
        no_color: false,
        zone_warning: None,
    };
    let mut app = App::new(s, Keymap::default(), settings);
    let now = chrono::Local::now().fixed_offset();
    app.update(Action::Resize(120, 40), now);
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    let (mut up, mut dr, mut raw) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    for i in 0..2000 {
        let t = Instant::now();
        app.update(Action::Insert('あ'), now);
        up += t.elapsed();
        let t = Instant::now();
        term.draw(|f| kiroku::ui::draw(f, &app, now)).unwrap();
        dr += t.elapsed();
        let t = Instant::now();
        let mut buf = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 120, 40));
        let _ = &mut buf;
        raw += t.elapsed();
        if i % 200 == 199 {
            app.editor.take();
        }
    }
    eprintln!("update {:?} draw {:?} per key", up / 2000, dr / 2000);
    // draw pieces
    let mut frame_term =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    let t = Instant::now();
    for _ in 0..2000 {
        frame_term.draw(|_f| {}).unwrap();
    }
    eprintln!("empty terminal draw {:?}", t.elapsed() / 2000);
    let big: String = "本日はお忙しいところお集まりいただき、誠にありがとうございます。\n"
        .repeat(10_000_000 / 96);
    app.editor.take();
    let t = Instant::now();
    app.update(Action::Paste(big.clone()), now);
    eprintln!("paste 10MB update {:?}", t.elapsed());
    let t = Instant::now();
    term.draw(|f| kiroku::ui::draw(f, &app, now)).unwrap();
    eprintln!("paste 10MB draw {:?}", t.elapsed());
    let t = Instant::now();
    app.update(Action::Insert('あ'), now);
    term.draw(|f| kiroku::ui::draw(f, &app, now)).unwrap();
    eprintln!("keystroke after 10MB paste {:?}", t.elapsed());
    let t = Instant::now();
    let d = app.draft();
    let e = kiroku::model::draft_edit(None, d.as_ref());
    let line = kiroku::storage::journal::encode(&e);
    eprintln!(
        "journal the 10MB draft {:?} ({} bytes, {})",
        t.elapsed(),
        line.len(),
        d.is_some()
    );
}

#[allow(dead_code)]
fn unused() {}
