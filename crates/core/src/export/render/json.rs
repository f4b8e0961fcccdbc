//! The document model as JSON: the input for other formatters.

use crate::export::document::Document;

pub fn render(doc: &Document) -> String {
    // The model is plain strings, lists and enums; serializing it cannot fail.
    let mut s = serde_json::to_string_pretty(doc).expect("the document serializes to JSON");
    s.push('\n');
    s
}
