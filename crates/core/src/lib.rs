//! kiroku's core: the session and its agenda, roster and remarks, the update step that
//! keys' actions go through, storage and its journal, import, and export. Nothing here knows
//! the terminal: this crate's manifest names no terminal crate, so the compiler keeps it so.

pub mod app;
pub mod clock;
pub mod editor;
pub mod export;
mod hash;
pub mod i18n;
pub mod import;
pub mod model;
pub mod platform;
pub mod storage;
pub mod text;
pub mod text_file;
