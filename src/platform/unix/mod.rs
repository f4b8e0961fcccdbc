//! Linux and macOS.

pub mod claim;
pub mod dirs;
pub mod fs;
pub mod input;
pub mod process;
pub mod signals;
