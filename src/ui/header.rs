//! Title, clocks, the current item against its plan, save state, and the non-public badge.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::format_duration;
use super::theme::Theme;
use crate::app::{App, SaveStatus};
use crate::model::Timestamp;
use crate::text::{truncate, width};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, now: Timestamp, theme: &Theme) {
    if area.height == 0 {
        return;
    }
    let s = app.settings.lang.strings();
    let session = &app.session;
    let w = usize::from(area.width);

    // The meeting's own time: from 開会, recesses left out, stopped at 閉会.
    let elapsed = session
        .log
        .running_seconds(now)
        .map_or_else(|| s.not_started.to_owned(), format_duration);
    let mut clock = format!("{}  {} {}", now.format("%H:%M:%S"), s.elapsed, elapsed);
    // Who is on, where two clerks take turns (交代).
    if let Some(c) = &session.live.clerk {
        clock = format!("{} {}  {clock}", s.on_record, truncate(c, 12));
    }
    let title_w = w.saturating_sub(width(&clock) + 1);
    let title = truncate(&session.plan.meeting.title, title_w);
    let pad = w.saturating_sub(width(&title) + width(&clock));
    let line1 = Line::from(vec![
        Span::styled(title, theme.title()),
        Span::raw(" ".repeat(pad)),
        Span::styled(clock, theme.time()),
    ]);

    let mut spans = Vec::new();
    if let Some(closed) = session.log.closed() {
        spans.push(Span::styled(
            format!("{}{} ", s.closed_badge, closed.format("%H:%M")),
            theme.badge(),
        ));
        spans.push(Span::raw(" "));
    } else if session.log.in_recess() {
        spans.push(Span::styled(s.recess_badge, theme.badge()));
        spans.push(Span::raw(" "));
    }
    if let Some((present, needed)) = session.quorum_now() {
        let text = format!("{} {present} {} {needed} ", s.present_count, s.quorum_label);
        // Short of the quorum is shown as a badge, in words.
        let style = if present < needed {
            theme.badge()
        } else {
            theme.dim()
        };
        spans.push(Span::styled(text, style));
        spans.push(Span::raw(" "));
    }
    if session.log.is_off_record() {
        spans.push(Span::styled(s.off_record_badge, theme.badge()));
        spans.push(Span::raw(" "));
    } else if !session.current_item().public {
        spans.push(Span::styled(s.closed_item_badge, theme.badge()));
        spans.push(Span::raw(" "));
    }
    let item = session.current_item();
    let spent = session.log.seconds_in(item.no, now);
    let mut timing = format!("{} {}  {}", item.no, item.title, format_duration(spent));
    if let Some(planned) = item.minutes {
        let planned = i64::from(planned) * 60;
        timing.push_str(&format!("/{}", format_duration(planned)));
        if spent > planned {
            timing.push_str(&format!(
                " +{} {}",
                format_duration(spent - planned),
                s.over
            ));
        }
    }
    let over = item.minutes.is_some_and(|m| spent > i64::from(m) * 60);
    let timing_style = if over { theme.check() } else { theme.title() };
    let (save_text, save_style) = match &app.save {
        SaveStatus::Saved(at) if !app.dirty => (
            format!("{} {}", s.saved, at.format("%H:%M:%S")),
            theme.dim(),
        ),
        SaveStatus::Saved(_) | SaveStatus::Unsaved => (s.unsaved.to_owned(), theme.dim()),
        SaveStatus::Error(e) => (format!("{}: {e}", s.save_error), theme.error()),
    };
    let mut after = vec![Span::raw("  "), Span::styled(save_text, save_style)];
    if let Some(notice) = &app.notice {
        after.push(Span::raw("  "));
        after.push(Span::styled(notice.clone(), theme.check()));
    }
    if let Some(warn) = &app.settings.zone_warning {
        after.push(Span::raw("  "));
        after.push(Span::styled(warn.clone(), theme.check()));
    }
    // The item's title gives way first: the badges and the save state must stay in view.
    let used: usize = spans
        .iter()
        .chain(&after[..2])
        .map(|sp| width(&sp.content))
        .sum();
    spans.push(Span::styled(
        truncate(&timing, w.saturating_sub(used)),
        timing_style,
    ));
    spans.extend(after);
    let mut lines = vec![line1];
    let line2 = Line::from(spans);
    if area.height >= 2 {
        lines.push(line2);
    } else if session.is_non_public_now() {
        // One row only: the badge matters more than the title.
        lines = vec![line2];
    }
    frame.render_widget(Paragraph::new(lines), area);
}
