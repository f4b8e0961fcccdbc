//! Reading the console on Windows: its input records (keys, a resize) through crossterm,
//! every one waiting taken before the next frame, so an input method's commit of several
//! characters (MS-IME sends them as one burst of keys) or a held key never stalls the loop.
//!
//! The console has no bracketed paste: a paste arrives as the keys that would type it, line
//! breaks as Enter. A burst that holds an Enter with more text after it was not typed by a
//! hand (the loop takes what waits within a millisecond of the first key), so it is one paste
//! and commits nothing.

use std::collections::VecDeque;
use std::io;
use std::time::Duration;

use ratatui::crossterm::event::{
    self as ct, Event as CtEvent, KeyCode as CtKey, KeyEventKind, KeyModifiers as CtMods,
};

use crate::app::{KeyChord, KeyCode, KeyModifiers};
use crate::platform::Event;

/// Past this many records waiting, the loop gets the events read so far and draws a frame
/// before reading on.
const BURST_LIMIT: usize = 64 * 1024;

pub struct TermInput {
    events: VecDeque<Event>,
}

impl TermInput {
    pub fn new() -> io::Result<Self> {
        Ok(Self {
            events: VecDeque::new(),
        })
    }

    /// Are events read and waiting to be taken?
    pub fn has_events(&self) -> bool {
        !self.events.is_empty()
    }

    /// The next event already read, if any.
    pub fn next_event(&mut self) -> Option<Event> {
        self.events.pop_front()
    }

    /// Waits up to `timeout` for input or a resize, then reads everything waiting. `true` if
    /// there are events to take.
    pub fn wait(&mut self, timeout: Duration) -> io::Result<bool> {
        if !self.events.is_empty() {
            return Ok(true);
        }
        if !ct::poll(timeout)? {
            return Ok(false);
        }
        let mut burst = Vec::new();
        loop {
            burst.push(ct::read()?);
            if burst.len() >= BURST_LIMIT || !ct::poll(Duration::ZERO)? {
                break;
            }
        }
        self.take(burst);
        Ok(!self.events.is_empty())
    }

    fn take(&mut self, burst: Vec<CtEvent>) {
        let keys: Vec<KeyChord> = burst
            .iter()
            .filter_map(|e| match e {
                CtEvent::Key(k) if k.kind != KeyEventKind::Release => to_chord(k.code, k.modifiers),
                _ => None,
            })
            .collect();
        if let Some(text) = pasted(&keys) {
            self.events.push_back(Event::Paste(text));
            for e in &burst {
                if let CtEvent::Resize(w, h) = e {
                    self.events.push_back(Event::Resize(*w, *h));
                }
            }
            return;
        }
        for e in burst {
            match e {
                CtEvent::Key(k) if k.kind != KeyEventKind::Release => {
                    if let Some(chord) = to_chord(k.code, k.modifiers) {
                        self.events.push_back(Event::Key(chord));
                    }
                }
                CtEvent::Resize(w, h) => self.events.push_back(Event::Resize(w, h)),
                CtEvent::Paste(text) => self.events.push_back(Event::Paste(text)),
                _ => {}
            }
        }
    }
}

/// The text of a burst that is a paste: plain characters, tabs and line breaks only, with a
/// line break followed by more text.
fn pasted(keys: &[KeyChord]) -> Option<String> {
    let plain = keys.iter().all(|k| {
        k.mods.difference(KeyModifiers::SHIFT).is_empty()
            && matches!(k.code, KeyCode::Char(_) | KeyCode::Enter | KeyCode::Tab)
    });
    let text_after_break = keys
        .iter()
        .position(|k| k.code == KeyCode::Enter)
        .is_some_and(|i| {
            keys[i + 1..]
                .iter()
                .any(|k| matches!(k.code, KeyCode::Char(_)))
        });
    (plain && text_after_break).then(|| {
        keys.iter()
            .map(|k| match k.code {
                KeyCode::Char(c) => c,
                KeyCode::Tab => '\t',
                _ => '\n',
            })
            .collect()
    })
}

/// crossterm's key in the app's terms; `None` for what kiroku has no use for.
fn to_chord(code: CtKey, modifiers: CtMods) -> Option<KeyChord> {
    let code = match code {
        CtKey::Backspace => KeyCode::Backspace,
        CtKey::Enter => KeyCode::Enter,
        CtKey::Left => KeyCode::Left,
        CtKey::Right => KeyCode::Right,
        CtKey::Up => KeyCode::Up,
        CtKey::Down => KeyCode::Down,
        CtKey::Home => KeyCode::Home,
        CtKey::End => KeyCode::End,
        CtKey::PageUp => KeyCode::PageUp,
        CtKey::PageDown => KeyCode::PageDown,
        CtKey::Tab => KeyCode::Tab,
        CtKey::BackTab => KeyCode::BackTab,
        CtKey::Delete => KeyCode::Delete,
        CtKey::Insert => KeyCode::Insert,
        CtKey::F(n) => KeyCode::F(n),
        CtKey::Char(c) => KeyCode::Char(c),
        CtKey::Esc => KeyCode::Esc,
        _ => return None,
    };
    let mut mods = KeyModifiers::NONE;
    for (from, to) in [
        (CtMods::SHIFT, KeyModifiers::SHIFT),
        (CtMods::ALT, KeyModifiers::ALT),
        (CtMods::CONTROL, KeyModifiers::CONTROL),
    ] {
        if modifiers.contains(from) {
            mods |= to;
        }
    }
    Some(KeyChord::new(code, mods))
}

/// Is `e` the console going away rather than a fault?
pub fn gone(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: char) -> KeyChord {
        KeyChord::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn a_burst_with_a_line_break_inside_is_a_paste_and_an_ime_commit_is_keys() {
        let enter = KeyChord::new(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(
            pasted(&[key('一'), enter, key('二')]).as_deref(),
            Some("一\n二")
        );
        // MS-IME commits 発言です at once: keys, committing nothing.
        assert_eq!(pasted(&[key('発'), key('言'), key('で'), key('す')]), None);
        // Typed and Enter in one burst (a fast hand): the Enter is a key.
        assert_eq!(pasted(&[key('す'), enter]), None);
        let ctrl_o = KeyChord::new(KeyCode::Char('o'), KeyModifiers::CONTROL);
        assert_eq!(pasted(&[ctrl_o, enter, key('a')]), None);
    }
}
