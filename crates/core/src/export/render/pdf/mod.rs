//! The minutes as a PDF for the council's website, written by kiroku itself: A4, set like
//! the docx (a Mincho for Japanese, a serif for Latin, embedded as subsets), lines broken by
//! the same 禁則 rules as on screen, the internal record's warning on every page, and tagged
//! for PDF/UA-1 (headings, paragraphs and lists as structure, the language and the title,
//! bookmarks), which the PDF writer (krilla) checks before it writes a byte.

mod draw;
pub mod fonts;
mod page;
mod shape;
mod tags;

pub use fonts::{FontChoice, Fonts};

use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::metadata::{DateTime, Metadata};
use krilla::{Document as Pdf, SerializeSettings};

use super::print;
use crate::export::document::Document;
use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    #[error(
        "no Mincho font is installed (looked for {tried}): install fonts-noto-cjk or fonts-ipaexfont-mincho (Debian, Ubuntu: apt install fonts-ipaexfont-mincho), or name an installed font or a font file with --font"
    )]
    NoMincho { tried: String },
    #[error("`{name}` is neither an installed font family nor a font file kiroku can read")]
    NotFound { name: String },
    #[error(
        "`{ch}` (U+{:04X}) in \"{context}\" is in no installed font: install fonts-noto-cjk (Debian, Ubuntu), or a font that has it; nothing was written",
        u32::from(*ch)
    )]
    NoGlyph { ch: char, context: String },
    #[error("the PDF could not be written: {0}")]
    Writer(String),
}

impl PdfError {
    /// The error as the command line says it.
    pub fn say(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::En, _) => self.to_string(),
            (Lang::Ja, PdfError::NoMincho { tried }) => format!(
                "明朝体のフォントが入っていません（探したもの: {tried}）。fonts-noto-cjk か fonts-ipaexfont-mincho を入れるか（Debian・Ubuntu なら apt install fonts-ipaexfont-mincho）、--font で入っているフォントかフォントファイルを指定してください"
            ),
            (Lang::Ja, PdfError::NotFound { name }) => {
                format!(
                    "「{name}」は入っているフォントの名前でも、読めるフォントファイルでもありません"
                )
            }
            (Lang::Ja, PdfError::NoGlyph { ch, context }) => format!(
                "「{context}」の「{ch}」（U+{:04X}）はどのフォントにもありません。fonts-noto-cjk（Debian・Ubuntu）など、この字のあるフォントを入れてください。何も書き出していません",
                u32::from(*ch)
            ),
            (Lang::Ja, PdfError::Writer(why)) => format!("PDF を書けませんでした: {why}"),
        }
    }
}

/// The document's time of record, for the PDF's metadata.
fn date(as_of: Option<&str>) -> Option<DateTime> {
    use chrono::{Datelike, Timelike};
    let t = chrono::DateTime::parse_from_rfc3339(as_of?).ok()?;
    let offset = t.offset().local_minus_utc() / 60;
    Some(
        DateTime::new(u16::try_from(t.year()).ok()?)
            .month(u8::try_from(t.month()).ok()?)
            .day(u8::try_from(t.day()).ok()?)
            .hour(u8::try_from(t.hour()).ok()?)
            .minute(u8::try_from(t.minute()).ok()?)
            .second(u8::try_from(t.second()).ok()?)
            .utc_offset_hour(i8::try_from(offset / 60).ok()?)
            .utc_offset_minute(u8::try_from((offset % 60).unsigned_abs()).ok()?),
    )
}

/// The whole document as a PDF, set in `fonts`.
pub fn render(doc: &Document, fonts: &Fonts) -> Result<Vec<u8>, PdfError> {
    let flow = print::flow(doc);
    let paras = print::paragraphs(&flow);
    let faces = fonts.for_text(
        paras
            .iter()
            .map(|p| p.text.as_str())
            .chain(doc.notice.as_deref())
            .chain(std::iter::once("- 0123456789 -")),
    )?;
    let sets = paras
        .iter()
        .map(|p| page::set(p, &faces))
        .collect::<Result<Vec<_>, _>>()?;
    let (placed, count) = page::paginate(&sets);

    let configuration = ConfigurationBuilder::new()
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| PdfError::Writer(format!("{e:?}")))?;
    let mut pdf = Pdf::new_with(SerializeSettings {
        enable_tagging: true,
        configuration,
        ..SerializeSettings::default()
    });
    let ids = draw::pages(
        &mut pdf,
        &faces,
        &sets,
        &placed,
        count,
        doc.notice.as_deref(),
    )?;
    pdf.set_tag_tree(tags::tree(
        &tags::skeleton(&flow),
        &paras,
        &ids,
        &doc.language,
    ));
    pdf.set_outline(tags::outline(&paras, &placed));
    let mut meta = Metadata::new()
        .title(crate::export::document::one_line(&doc.title))
        .language(doc.language.clone())
        .creator("kiroku".to_owned());
    if let Some(d) = date(doc.as_of.as_deref()) {
        meta = meta.creation_date(d);
    }
    pdf.set_metadata(meta);
    pdf.finish().map_err(|e| PdfError::Writer(format!("{e:?}")))
}
