//! One line of the most used keys, taken from the keymap, or a one-off message.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::{Action, App, Mode};

/// The actions worth a place in the footer, most used first.
const HINTS: &[Action] = &[
    Action::Commit,
    Action::SwapSpeaker,
    Action::OpenPicker,
    Action::NextItem,
    Action::ToggleOffRecord,
    Action::CheckLater,
    Action::UndoCommit,
    Action::ToggleHelp,
    Action::Quit,
];

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if area.height == 0 {
        return;
    }
    let lang = app.settings.lang;
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
        spans.push(Span::raw(format!(" {}  ", lang.describe(action))));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn speaker_word(lang: crate::i18n::Lang) -> &'static str {
    match lang {
        crate::i18n::Lang::Ja => "発言者",
        crate::i18n::Lang::En => "speaker",
    }
}
