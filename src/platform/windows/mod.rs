//! Windows 10 and 11: Windows Terminal and the classic console host.

pub mod input;
pub mod signals;
