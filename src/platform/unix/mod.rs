//! Linux and macOS.

pub mod input;
pub mod signals;
