//! Drawing. Every function here reads the state and draws; none changes anything.

mod agenda;
mod footer;
mod header;
pub mod help;
mod input;
pub mod layout;
mod picker;
pub mod review;
mod roster;
pub mod start;
pub mod theme;
pub mod timeline;

use ratatui::Frame;

use crate::app::{App, Overlay};
use crate::model::Timestamp;
use theme::Theme;

/// Draws live mode; `now` drives the clocks in the header.
pub fn draw(frame: &mut Frame, app: &App, now: Timestamp) {
    let theme = Theme::new(app.settings.no_color, app.settings.ascii);
    let area = frame.area();
    if app.review.is_some() {
        review::draw(frame, app, &theme);
        draw_overlay(frame, app, &theme);
        return;
    }
    let width = layout::input_text_width(area.width);
    let input_rows = app
        .editor
        .window(width, usize::from(area.height))
        .lines
        .len();
    let areas = layout::areas(area, input_rows, app.session.plan.agenda.len());
    header::draw(frame, areas.header, app, now, &theme);
    agenda::draw(frame, areas.agenda, app, now, &theme);
    roster::draw(frame, areas.roster, app, &theme);
    timeline::draw(frame, areas.timeline, app, &theme);
    input::draw(frame, areas.input, app, &theme);
    footer::draw(frame, areas.footer, app, &theme);
    draw_overlay(frame, app, &theme);
}

fn draw_overlay(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    let theme = *theme;
    match &app.overlay {
        Overlay::None => {}
        Overlay::Help(scroll) => help::draw(frame, area, app, *scroll, &theme),
        Overlay::Picker(p) => picker::draw_picker(frame, area, app, p, &theme),
        Overlay::Form(f) => picker::draw_form(frame, area, app, f, &theme),
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
