//! Windows 10 and 11.

pub mod claim;
pub mod dirs;
pub mod fs;
pub mod process;
