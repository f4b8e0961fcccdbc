//! One line of the most used keys, taken from the keymap, or a one-off message. The help key
//! is pinned to the right edge so it is visible at any width.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::{Action, App, Mode};
use crate::i18n::Lang;
use crate::text::width;

/// The actions worth a place in the footer, most used first.
const HINTS: &[Action] = &[
    Action::Commit,
    Action::ToggleOffRecord,
    Action::NextItem,
    Action::CheckLater,
    Action::UndoCommit,
    Action::Quit,
    Action::SwapSpeaker,
    Action::OpenPicker,
];

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if area.height == 0 {
        return;
    }
    let lang = app.settings.lang;
    let help_key = app.keymap.key_label(Mode::Live, &Action::ToggleHelp);
    let help = format!(" {help_key} {}", Action::ToggleHelp.short(lang));
    let right = if usize::from(area.width) > width(&help) * 2 {
        help
    } else {
        String::new()
    };
    let mut spans = Vec::new();
    if let Some(msg) = &app.message {
        spans.push(Span::styled(msg.clone(), theme.check()));
        spans.push(Span::raw("  "));
    }
    let slots = format!(
        "{}..{}/F1..",
        app.keymap.key_label(Mode::Live, &Action::SpeakerSlot(1)),
        app.keymap.key_label(Mode::Live, &Action::SpeakerSlot(10)),
    );
    spans.push(Span::styled(slots, theme.key()));
    spans.push(Span::raw(format!(" {}  ", speaker_word(lang))));
    for action in HINTS {
        let key = app.keymap.key_label(Mode::Live, action);
        spans.push(Span::styled(key, theme.key()));
        spans.push(Span::raw(format!(" {}  ", action.short(lang))));
    }
    let right_w = u16::try_from(width(&right)).unwrap_or(0).min(area.width);
    let left = Rect {
        width: area.width - right_w,
        ..area
    };
    frame.render_widget(Paragraph::new(Line::from(spans)), left);
    if right_w > 0 {
        let r = Rect {
            x: area.x + left.width,
            width: right_w,
            ..area
        };
        let (key, label) = right.trim_start().split_once(' ').unwrap_or(("", ""));
        let line = Line::from(vec![
            Span::raw(" "),
            Span::styled(key.to_owned(), theme.key()),
            Span::raw(format!(" {label}")),
        ]);
        frame.render_widget(Paragraph::new(line), r);
    }
}

fn speaker_word(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "発言者",
        Lang::En => "speaker",
    }
}
