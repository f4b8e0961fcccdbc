//! Reading the terminal on Unix. The loop waits in poll(2) on the terminal and on a pipe that
//! SIGWINCH writes to, and then reads every byte that is waiting, whatever its size, before
//! it parses. One level-triggered readiness mechanism and one reader: input can no longer sit
//! in the terminal unread while the loop is told there is nothing (crossterm's own reader
//! stops after the first event of a kilobyte and waits for an edge that never comes, so a
//! burst of more than that, typed without bracketed paste, stalled the loop on a busy core).
//!
//! The bytes are parsed by terminput, which reads the same xterm, fixterms and kitty key
//! encodings crossterm does, and handed on as the app's own key chords: this is where the
//! terminal's idea of a key ends.

use std::collections::VecDeque;
use std::io;
use std::os::fd::AsFd as _;
use std::os::unix::net::UnixStream;
use std::time::Duration;

use crate::app::{KeyChord, KeyCode, KeyModifiers};
use crate::platform::Event;

/// Read at most this much at a time; a burst larger than this takes several reads, all
/// before the next frame.
const CHUNK: usize = 64 * 1024;
/// Past this much input waiting, the loop gets the events read so far and draws a frame
/// before reading on: a 10 MB paste keeps the screen alive.
const BURST_LIMIT: usize = 1024 * 1024;

pub struct TermInput {
    /// Bytes of an escape sequence or character not yet complete.
    pending: Vec<u8>,
    events: VecDeque<Event>,
    /// Woken by SIGWINCH, so a resize ends the wait.
    resize: ResizeSignal,
    /// Where reads land: kept, as zeroing a fresh one per read costs more than the read.
    buf: Box<[u8]>,
}

impl TermInput {
    pub fn new() -> io::Result<Self> {
        Ok(Self {
            pending: Vec::new(),
            events: VecDeque::new(),
            resize: ResizeSignal::new()?,
            buf: vec![0; CHUNK].into_boxed_slice(),
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

    /// Waits up to `timeout` for input or a resize, then reads and parses everything waiting.
    /// `true` if there are events to take. A terminal that has hung up (its window closed,
    /// ssh dropped) is an error of kind `BrokenPipe`, which ends the loop as SIGHUP does.
    pub fn wait(&mut self, timeout: Duration) -> io::Result<bool> {
        if !self.events.is_empty() {
            return Ok(true);
        }
        let mut read = 0;
        let mut wait = timeout;
        while read < BURST_LIMIT {
            let (input, resized) = wait_tty(&self.resize, wait)?;
            if resized {
                self.resize.drain();
                let (w, h) = ratatui::crossterm::terminal::size()?;
                self.events.push_back(Event::Resize(w, h));
            }
            if !input {
                break;
            }
            let mut buf = std::mem::take(&mut self.buf);
            let n = read_tty(&mut buf);
            let n = match n {
                Ok(n) => n,
                Err(e) => {
                    self.buf = buf;
                    return Err(e);
                }
            };
            read += n;
            // Whether more is waiting decides whether a lone ESC is the Esc key or the start
            // of a sequence still on its way; a read that did not fill the buffer took all
            // there was (asking the terminal again would cost a system call per key).
            let more = n == CHUNK
                || (buf[..n].last() == Some(&0x1b)
                    && wait_tty(&self.resize, Duration::ZERO).is_ok_and(|(input, _)| input));
            self.feed(&buf[..n], more);
            self.buf = buf;
            if !more {
                break;
            }
            wait = Duration::ZERO;
        }
        Ok(!self.events.is_empty())
    }

    /// Parses `bytes` onto what was pending. `more`: further input is already waiting.
    fn feed(&mut self, bytes: &[u8], more: bool) {
        for (i, b) in bytes.iter().enumerate() {
            self.pending.push(*b);
            let later = more || i + 1 < bytes.len();
            // ESC alone is the Esc key only if nothing follows it yet.
            if self.pending == [0x1b] && later {
                continue;
            }
            match terminput::Event::parse_from(&self.pending) {
                Ok(Some(ev)) => {
                    self.pending.clear();
                    if let Some(ev) = to_event(ev) {
                        self.events.push_back(ev);
                    }
                }
                Ok(None) => {}
                // Something no key sends (a terminal's reply, line noise): dropped.
                Err(_) => self.pending.clear(),
            }
        }
    }
}

/// terminput's event in the app's terms; `None` for what kiroku has no use for (mouse, focus,
/// media keys, key releases).
fn to_event(ev: terminput::Event) -> Option<Event> {
    use terminput::KeyCode as T;
    match ev {
        terminput::Event::Key(k) => {
            if k.kind != terminput::KeyEventKind::Press {
                return None;
            }
            let shift = k.modifiers.contains(terminput::KeyModifiers::SHIFT);
            let code = match k.code {
                T::Backspace => KeyCode::Backspace,
                T::Enter => KeyCode::Enter,
                T::Left => KeyCode::Left,
                T::Right => KeyCode::Right,
                T::Up => KeyCode::Up,
                T::Down => KeyCode::Down,
                T::Home => KeyCode::Home,
                T::End => KeyCode::End,
                T::PageUp => KeyCode::PageUp,
                T::PageDown => KeyCode::PageDown,
                T::Tab if shift => KeyCode::BackTab,
                T::Tab => KeyCode::Tab,
                T::Delete => KeyCode::Delete,
                T::Insert => KeyCode::Insert,
                T::F(n) => KeyCode::F(n),
                T::Char(c) => KeyCode::Char(c),
                T::Esc => KeyCode::Esc,
                _ => return None,
            };
            let mut mods = KeyModifiers::NONE;
            for (from, to) in [
                (terminput::KeyModifiers::SHIFT, KeyModifiers::SHIFT),
                (terminput::KeyModifiers::ALT, KeyModifiers::ALT),
                (terminput::KeyModifiers::CTRL, KeyModifiers::CONTROL),
            ] {
                if k.modifiers.contains(from) {
                    mods |= to;
                }
            }
            Some(Event::Key(KeyChord::new(code, mods)))
        }
        terminput::Event::Paste(text) => Some(Event::Paste(text)),
        _ => None,
    }
}

/// A socket that SIGWINCH writes a byte to, so a wait on the terminal wakes on a resize.
struct ResizeSignal {
    reader: UnixStream,
    id: Option<signal_hook::SigId>,
}

impl ResizeSignal {
    fn new() -> io::Result<Self> {
        let (reader, writer) = UnixStream::pair()?;
        reader.set_nonblocking(true)?;
        let id = signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, writer)?;
        Ok(Self {
            reader,
            id: Some(id),
        })
    }

    /// One that never fires: for parsing without a terminal.
    #[cfg(test)]
    fn none() -> io::Result<Self> {
        Ok(Self {
            reader: UnixStream::pair()?.0,
            id: None,
        })
    }

    fn socket(&self) -> &UnixStream {
        &self.reader
    }

    /// Takes the bytes the signal wrote, so the next wait sleeps again.
    fn drain(&mut self) {
        let mut buf = [0u8; 64];
        while matches!(io::Read::read(&mut self.reader, &mut buf), Ok(n) if n > 0) {}
    }
}

impl Drop for ResizeSignal {
    fn drop(&mut self) {
        if let Some(id) = self.id.take() {
            signal_hook::low_level::unregister(id);
        }
    }
}

fn hung_up() -> io::Error {
    io::Error::new(io::ErrorKind::BrokenPipe, "the terminal has hung up")
}

/// Waits up to `timeout` on the terminal (standard input) and the resize signal: (input
/// waiting, resized). Interrupted by another signal: neither, so the loop looks at its
/// flags. A terminal that has hung up is an error of kind `BrokenPipe`.
fn wait_tty(resize: &ResizeSignal, timeout: Duration) -> io::Result<(bool, bool)> {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let stdin = io::stdin();
    let mut fds = [
        PollFd::new(&stdin, PollFlags::IN),
        PollFd::new(resize.socket(), PollFlags::IN),
    ];
    let timeout = Timespec {
        tv_sec: i64::try_from(timeout.as_secs()).unwrap_or(i64::MAX),
        tv_nsec: i64::from(timeout.subsec_nanos()),
    };
    match poll(&mut fds, Some(&timeout)) {
        Ok(_) => {}
        Err(rustix::io::Errno::INTR) => return Ok((false, false)),
        Err(e) => return Err(e.into()),
    }
    let term = fds[0].revents();
    if term.intersects(PollFlags::ERR | PollFlags::NVAL)
        || (term.contains(PollFlags::HUP) && !term.contains(PollFlags::IN))
    {
        return Err(hung_up());
    }
    Ok((
        term.intersects(PollFlags::IN | PollFlags::HUP),
        fds[1].revents().contains(PollFlags::IN),
    ))
}

/// Reads what the terminal has (after `wait` said it has something); a hung-up terminal,
/// which reads as empty, is an error.
fn read_tty(buf: &mut [u8]) -> io::Result<usize> {
    match rustix::io::read(io::stdin().as_fd(), buf).map_err(io::Error::from)? {
        0 => Err(hung_up()),
        n => Ok(n),
    }
}

/// Is `e` the terminal going away rather than a fault? A hang-up seen by poll, or the EIO
/// (or ENXIO) that reading or writing a hung-up terminal gives.
pub fn gone(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe
        || [rustix::io::Errno::IO, rustix::io::Errno::NXIO]
            .iter()
            .any(|errno| e.raw_os_error() == Some(errno.raw_os_error()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that only parses: no terminal, no signal.
    fn parser() -> TermInput {
        TermInput {
            pending: Vec::new(),
            events: VecDeque::new(),
            resize: ResizeSignal::none().unwrap(),
            buf: Box::default(),
        }
    }

    fn parse(bytes: &[u8]) -> Vec<Event> {
        let mut input = parser();
        input.feed(bytes, false);
        input.events.drain(..).collect()
    }

    fn key(code: KeyCode, mods: KeyModifiers) -> Event {
        Event::Key(KeyChord::new(code, mods))
    }

    #[test]
    fn keys_as_xterm_sends_them() {
        assert_eq!(
            parse("あa\r\x1b1\x1bOQ\x1b[15~\x0f\x1b[Z\x7f\x1b".as_bytes()),
            vec![
                key(KeyCode::Char('あ'), KeyModifiers::NONE),
                key(KeyCode::Char('a'), KeyModifiers::NONE),
                key(KeyCode::Enter, KeyModifiers::NONE),
                key(KeyCode::Char('1'), KeyModifiers::ALT),
                key(KeyCode::F(2), KeyModifiers::NONE),
                key(KeyCode::F(5), KeyModifiers::NONE),
                key(KeyCode::Char('o'), KeyModifiers::CONTROL),
                key(KeyCode::BackTab, KeyModifiers::NONE),
                key(KeyCode::Backspace, KeyModifiers::NONE),
                key(KeyCode::Esc, KeyModifiers::NONE),
            ]
        );
    }

    #[test]
    fn a_paste_is_one_event_and_a_sequence_may_arrive_in_pieces() {
        assert_eq!(
            parse(b"\x1b[200~line 1\nline 2\x1b[201~"),
            vec![Event::Paste("line 1\nline 2".into())]
        );
        let mut input = parser();
        input.feed(b"\x1b", true);
        input.feed(b"[1", true);
        input.feed(b"5~", false);
        let bytes = "議".as_bytes();
        input.feed(&bytes[..1], false);
        input.feed(&bytes[1..], false);
        assert_eq!(
            input.events.drain(..).collect::<Vec<_>>(),
            vec![
                key(KeyCode::F(5), KeyModifiers::NONE),
                key(KeyCode::Char('議'), KeyModifiers::NONE)
            ]
        );
    }
}
