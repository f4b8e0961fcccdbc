//! kiroku: live note-taking for hybrid council meetings, and the minutes that come out of it.
//! The core (session, storage, import, export, the update step) is the `kiroku-core` crate,
//! re-exported here; this crate is the terminal, the screen and the command line on top.

pub use kiroku_core::{app, clock, editor, export, i18n, import, model, storage, text};

pub mod commands;
pub mod config;
pub mod platform;
pub mod recorder;
pub mod term;
pub mod ui;
