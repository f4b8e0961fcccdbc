use kiroku::app::{Action, App, Keymap, Settings};
use std::time::Instant;
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
    let theme = kiroku::ui::theme::Theme::new(false);
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    let area = ratatui::layout::Rect::new(0, 0, 120, 40);
    let areas = kiroku::ui::layout::areas(area, 1, 5);
    let t = Instant::now();
    for _ in 0..2000 {
        term.draw(|f| kiroku::ui::timeline::draw(f, areas.timeline, &app, &theme))
            .unwrap();
    }
    eprintln!("timeline {:?}", t.elapsed() / 2000);
    let t = Instant::now();
    for _ in 0..2000 {
        term.draw(|f| kiroku::ui::draw(f, &app, now)).unwrap();
    }
    eprintln!("all {:?}", t.elapsed() / 2000);
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..2000 {
        for r in app.session.remarks.iter().rev().take(10) {
            n += kiroku::text::wrap(&r.text, 80).len();
        }
    }
    eprintln!("wrap 10 remarks {:?} {n}", t.elapsed() / 2000);
}
