//! Waiting on the terminal and reading it.

use std::io;
use std::os::fd::AsFd as _;
use std::time::Duration;

use super::signals::ResizeSignal;

fn hung_up() -> io::Error {
    io::Error::new(io::ErrorKind::BrokenPipe, "the terminal has hung up")
}

/// Waits up to `timeout` on the terminal (standard input) and the resize signal: (input
/// waiting, resized). Interrupted by another signal: neither, so the loop looks at its
/// flags. A terminal that has hung up is an error of kind `BrokenPipe`.
pub fn wait(resize: &ResizeSignal, timeout: Duration) -> io::Result<(bool, bool)> {
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
pub fn read(buf: &mut [u8]) -> io::Result<usize> {
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
