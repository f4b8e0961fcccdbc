//! One renderer per format; each draws the whole document and leaves nothing out on its own.

pub mod docx;
pub mod html;
pub mod json;
pub mod markdown;
pub mod pdf;
pub mod print;
pub mod text;
