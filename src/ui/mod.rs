//! Drawing. Every function here reads the state and draws; none changes anything.

mod agenda;
mod footer;
mod form;
mod header;
pub mod help;
mod input;
pub mod layout;
mod picker;
pub mod review;
mod roster;
mod screen;
pub mod start;
pub mod theme;
pub mod timeline;

use ratatui::Frame;

use crate::app::{App, Overlay};
use crate::model::Timestamp;
pub use screen::Screen;
use theme::Theme;

/// Draws one frame from nothing; `now` drives the clocks in the header. The terminal loop
/// keeps a [`Screen`] instead, which reuses what has not changed since the last frame.
pub fn draw(frame: &mut Frame, app: &App, now: Timestamp) {
    Screen::new().draw(frame, app, now);
}

/// The screen as the update step needs to know it, measured from `app` as it would be
/// drawn now. The loop hands it to the app (`Action::View`) after each frame.
pub fn measure(app: &App) -> crate::app::View {
    crate::app::View {
        timeline_page: timeline::page_size(app),
        review_text_width: review::text_width(app),
    }
}

fn draw_overlay(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    let theme = *theme;
    match &app.overlay {
        Overlay::None => {}
        Overlay::Help(scroll) => help::draw(frame, area, app, *scroll, &theme),
        Overlay::Picker(p) => picker::draw(frame, area, app, p, &theme),
        Overlay::Form(f) => form::draw(frame, area, app, f, &theme),
        Overlay::Phrases(at) => picker::draw_phrases(frame, area, app, *at, &theme),
        Overlay::Log(at) => picker::draw_log(frame, area, app, *at, &theme),
        Overlay::Versions(at) => picker::draw_versions(frame, area, app, *at, &theme),
        Overlay::Replace(p) => picker::draw_replace(frame, area, app, p, &theme),
    }
}

/// `m:ss`, or `h:mm:ss` from an hour on.
pub fn format_duration(seconds: i64) -> String {
    let s = seconds.max(0);
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}
