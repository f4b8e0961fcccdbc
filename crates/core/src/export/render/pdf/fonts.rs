//! The faces a PDF is set in, found among the system's fonts: a Mincho for Japanese, a serif
//! for Latin, and, for a character neither has, another installed face that has it. A
//! character no installed face has stops the export and is named: a PDF never shows a box
//! where a name was.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use unicode_segmentation::UnicodeSegmentation;

use super::PdfError;

/// Mincho faces, best first. Linux: Noto Serif CJK (fonts-noto-cjk), IPAex and IPA
/// (fonts-ipaexfont-mincho, fonts-ipafont-mincho); Windows: 游明朝, ＭＳ 明朝, BIZ UD明朝;
/// macOS: ヒラギノ明朝. fontdb knows a face by every name its file gives it.
const MINCHO: &[&str] = &[
    "Noto Serif CJK JP",
    "Source Han Serif JP",
    "IPAexMincho",
    "IPAMincho",
    "Yu Mincho",
    "MS Mincho",
    "BIZ UDMincho",
    "Hiragino Mincho ProN",
    "Hiragino Mincho Pro",
    "Noto Serif JP",
    "IPAmjMincho",
];

/// Latin serifs the same systems have: Times New Roman (Windows, macOS), and its metric twins
/// Liberation Serif (fonts-liberation) and Tinos.
const LATIN: &[&str] = &[
    "Times New Roman",
    "Liberation Serif",
    "Tinos",
    "Noto Serif",
    "DejaVu Serif",
];

/// Which faces to use: a family name or a font file each, or the first installed of the
/// lists above.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct FontChoice {
    pub mincho: Option<String>,
    pub latin: Option<String>,
}

/// One face, its file's bytes held for shaping and embedding.
#[derive(Clone)]
pub struct Face {
    /// The family, as messages name it.
    pub name: String,
    data: Arc<Vec<u8>>,
    index: u32,
    pub font: krilla::text::Font,
}

impl Face {
    fn load(name: String, data: Arc<Vec<u8>>, index: u32) -> Option<Self> {
        rustybuzz::ttf_parser::Face::parse(&data, index).ok()?;
        let font = krilla::text::Font::new(data.clone().into(), index)?;
        Some(Self {
            name,
            data,
            index,
            font,
        })
    }

    /// The face for shaping: parsing reads only the table directory.
    pub fn shaper(&self) -> rustybuzz::Face<'_> {
        rustybuzz::Face::from_slice(&self.data, self.index)
            .expect("the face parsed when it was loaded")
    }

    fn parser(&self) -> Option<rustybuzz::ttf_parser::Face<'_>> {
        rustybuzz::ttf_parser::Face::parse(&self.data, self.index).ok()
    }
}

impl std::fmt::Debug for Face {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name)
    }
}

/// The system's fonts and the two faces chosen from them.
pub struct Fonts {
    db: fontdb::Database,
    mincho: Face,
    latin: Option<Face>,
}

fn family(info: &fontdb::FaceInfo) -> String {
    info.families
        .first()
        .map_or_else(|| info.post_script_name.clone(), |(f, _)| f.clone())
}

fn read(db: &fontdb::Database, id: fontdb::ID) -> Option<Face> {
    let info = db.face(id)?;
    let data = match &info.source {
        fontdb::Source::Binary(b) => b.as_ref().as_ref().to_vec(),
        fontdb::Source::File(p) | fontdb::Source::SharedFile(p, _) => std::fs::read(p).ok()?,
    };
    Face::load(family(info), Arc::new(data), info.index)
}

/// A regular face of the family `name` (any of its names), or the font file at `name`.
fn find(db: &fontdb::Database, name: &str) -> Option<Face> {
    let path = Path::new(name);
    if path.is_file() {
        let data = Arc::new(std::fs::read(path).ok()?);
        let label = path
            .file_stem()
            .map_or_else(|| name.to_owned(), |s| s.to_string_lossy().into_owned());
        return Face::load(label, data, 0);
    }
    let id = db.query(&fontdb::Query {
        families: &[fontdb::Family::Name(name)],
        ..fontdb::Query::default()
    })?;
    // query falls back to any face when the family is unknown: take only the family asked.
    let info = db.face(id)?;
    info.families
        .iter()
        .any(|(f, _)| f.eq_ignore_ascii_case(name))
        .then(|| read(db, id))?
}

impl Fonts {
    /// The faces of `choice` among the system's fonts.
    pub fn find(choice: &FontChoice) -> Result<Self, PdfError> {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        let mincho = match &choice.mincho {
            Some(name) => {
                find(&db, name).ok_or_else(|| PdfError::NotFound { name: name.clone() })?
            }
            None => MINCHO
                .iter()
                .find_map(|n| find(&db, n))
                .ok_or_else(|| PdfError::NoMincho {
                    tried: MINCHO.join(", "),
                })?,
        };
        let latin = match &choice.latin {
            Some(name) => {
                Some(find(&db, name).ok_or_else(|| PdfError::NotFound { name: name.clone() })?)
            }
            None => LATIN.iter().find_map(|n| find(&db, n)),
        };
        Ok(Self { db, mincho, latin })
    }

    /// The system's default faces, found once per process.
    pub fn system() -> Result<&'static Fonts, PdfError> {
        static FONTS: OnceLock<Result<Fonts, PdfError>> = OnceLock::new();
        FONTS
            .get_or_init(|| Fonts::find(&FontChoice::default()))
            .as_ref()
            .map_err(Clone::clone)
    }

    pub fn mincho(&self) -> &str {
        &self.mincho.name
    }

    pub fn latin(&self) -> Option<&str> {
        self.latin.as_ref().map(|f| f.name.as_str())
    }

    /// The faces `texts` need, with each character's face: the Latin serif for Latin
    /// letters, the Mincho for the rest, another installed face for what those two lack.
    pub fn for_text<'a>(&self, texts: impl Iterator<Item = &'a str>) -> Result<FaceSet, PdfError> {
        let mut faces = vec![self.mincho.clone()];
        faces.extend(self.latin.iter().cloned());
        let mut assigned = HashMap::new();
        let mut missing: Vec<(char, String)> = Vec::new();
        {
            let mincho = self.mincho.parser();
            let latin = self.latin.as_ref().and_then(Face::parser);
            let has = |f: &Option<rustybuzz::ttf_parser::Face>, c| {
                f.as_ref().is_some_and(|f| f.glyph_index(c).is_some())
            };
            for text in texts {
                for (at, c) in text.char_indices() {
                    // A line break is a break, never drawn.
                    if c == '\n' || ignorable(c) || assigned.contains_key(&c) {
                        continue;
                    }
                    let face = if is_latin(c) && has(&latin, c) {
                        Some(1)
                    } else if has(&mincho, c) {
                        Some(0)
                    } else if has(&latin, c) {
                        Some(1)
                    } else {
                        None
                    };
                    match face {
                        Some(f) => {
                            assigned.insert(c, f);
                        }
                        None if !missing.iter().any(|(m, _)| *m == c) => {
                            missing.push((c, context(text, at)));
                        }
                        None => {}
                    }
                }
            }
        }
        // Every other installed face, Japanese ones first, each read once and asked for
        // every missing character at once.
        let mut others: Vec<&fontdb::FaceInfo> = self.db.faces().collect();
        others.sort_by_key(|f| rank(f));
        for info in others {
            if missing.is_empty() {
                break;
            }
            let has: Vec<char> = self
                .db
                .with_face_data(info.id, |data, index| {
                    rustybuzz::ttf_parser::Face::parse(data, index).map_or_else(
                        |_| Vec::new(),
                        |f| {
                            missing
                                .iter()
                                .map(|(c, _)| *c)
                                .filter(|c| f.glyph_index(*c).is_some())
                                .collect()
                        },
                    )
                })
                .unwrap_or_default();
            if has.is_empty() {
                continue;
            }
            let Some(face) = read(&self.db, info.id) else {
                continue;
            };
            faces.push(face);
            for c in has {
                assigned.insert(c, faces.len() - 1);
            }
            missing.retain(|(c, _)| !assigned.contains_key(c));
        }
        match missing.into_iter().next() {
            None => Ok(FaceSet { faces, assigned }),
            Some((ch, context)) => Err(PdfError::NoGlyph { ch, context }),
        }
    }
}

/// A little of the text around a character, for a message that says where it is.
fn context(text: &str, at: usize) -> String {
    let before: Vec<&str> = text[..at].graphemes(true).rev().take(8).collect();
    let after: String = text[at..].graphemes(true).take(9).collect();
    before.into_iter().rev().collect::<String>() + &after
}

/// Japanese faces first (a Mincho before a Gothic), then serifs, then the rest; a regular
/// upright face of normal width before its bold, italic or condensed sisters.
fn rank(info: &fontdb::FaceInfo) -> (u8, u8, u16, bool, bool) {
    let names: String = info
        .families
        .iter()
        .map(|(f, _)| f.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    let japanese = ["jp", "japan", "mincho", "明朝", "gothic", "ゴシック", "ipa"]
        .iter()
        .any(|k| names.contains(k));
    let cjk = names.contains("cjk") || names.contains("han");
    let serif = names.contains("serif") || names.contains("mincho") || names.contains("明朝");
    let script = if japanese {
        0
    } else if cjk {
        1
    } else {
        2
    };
    (
        script,
        u8::from(!serif),
        info.weight.0.abs_diff(400),
        info.stretch != fontdb::Stretch::Normal,
        info.style != fontdb::Style::Normal,
    )
}

/// Characters a face need not have: shaping hides them (a variation selector, a joiner).
pub fn ignorable(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}' | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// Latin letters, digits and signs, set in the Latin serif as Word sets them in Times New
/// Roman; full-width forms and Japanese punctuation stay in the Mincho.
fn is_latin(c: char) -> bool {
    c.is_ascii_graphic() || c == ' ' || ('\u{00A0}'..='\u{024F}').contains(&c)
}

/// The faces one document is set in, and the face of each character in it.
#[derive(Debug, Clone)]
pub struct FaceSet {
    pub faces: Vec<Face>,
    assigned: HashMap<char, usize>,
}

impl FaceSet {
    /// The face a grapheme is set in: the one of its first character that a face must have.
    pub fn face_of(&self, grapheme: &str) -> usize {
        grapheme
            .chars()
            .find(|c| !ignorable(*c))
            .and_then(|c| self.assigned.get(&c).copied())
            .unwrap_or(0)
    }
}
