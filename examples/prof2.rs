use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let s = kiroku::storage::load_session(std::path::Path::new(&path)).unwrap();
    let t = Instant::now();
    let c = ron::to_string(&s.remarks).unwrap();
    eprintln!("compact remarks {:?} {}", t.elapsed(), c.len());
    let t = Instant::now();
    let p = ron::ser::to_string_pretty(&s.remarks, ron::ser::PrettyConfig::new()).unwrap();
    eprintln!("pretty remarks {:?} {}", t.elapsed(), p.len());
    let t = Instant::now();
    let p = ron::ser::to_string_pretty(
        &s.remarks,
        ron::ser::PrettyConfig::new().escape_strings(false),
    )
    .unwrap();
    eprintln!("pretty unescaped remarks {:?} {}", t.elapsed(), p.len());
    let t = Instant::now();
    let mut n = 0usize;
    for r in &s.remarks {
        for c in r.text.chars().flat_map(char::escape_debug) {
            n += c.len_utf8();
        }
    }
    eprintln!("escape_debug only {:?} {}", t.elapsed(), n);
    let t = Instant::now();
    let j = serde_json::to_string(&s.remarks).unwrap();
    eprintln!("json {:?} {}", t.elapsed(), j.len());
}
