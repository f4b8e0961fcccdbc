//! Windows 10 and 11: Windows Terminal and the classic console host.

pub mod claim;
pub mod dirs;
pub mod fs;
pub mod input;
pub mod process;
pub mod signals;
