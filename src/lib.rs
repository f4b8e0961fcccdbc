//! kiroku: live note-taking for hybrid council meetings, and the minutes that come out of it.

pub mod app;
pub mod clock;
pub mod commands;
pub mod config;
pub mod editor;
pub mod export;
mod hash;
pub mod i18n;
pub mod import;
pub mod model;
pub mod platform;
pub mod recorder;
pub mod storage;
pub mod term;
pub mod text;
pub mod ui;
