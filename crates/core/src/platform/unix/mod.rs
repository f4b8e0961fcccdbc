//! Linux and macOS.

pub mod claim;
pub mod dirs;
pub mod fs;
pub mod process;
