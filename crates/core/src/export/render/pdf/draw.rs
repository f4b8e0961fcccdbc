//! Lines onto pages: each line one marked span of the structure, the running header (the
//! internal record's warning) and the page number as artifacts a reader skips.

use krilla::Document;
use krilla::geom::Point;
use krilla::page::{NumberingStyle, PageLabel, PageSettings};
use krilla::paint::{LineJoin, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{Artifact, ArtifactType, ContentTag, Identifier, SpanTag};
use krilla::text::{GlyphId, KrillaGlyph};

use super::PdfError;
use super::fonts::FaceSet;
use super::page::{self, Placed, Set};
use super::shape::{self, Line};

/// Bold where the Mincho has no bold face: the outline stroked as well as filled, as word
/// processors embolden a face without one.
fn bold_stroke(size: f32) -> Stroke {
    Stroke {
        width: size * 0.03,
        line_join: LineJoin::Round,
        ..Stroke::default()
    }
}

/// One line, run by run (a run is one face's glyphs).
fn draw_line(s: &mut Surface, faces: &FaceSet, line: &Line, at: Point, size: f32, bold: bool) {
    s.set_stroke(bold.then(|| bold_stroke(size)));
    let mut x = at.x;
    let mut start = 0;
    while start < line.glyphs.len() {
        let face = line.glyphs[start].face;
        let end = line.glyphs[start..]
            .iter()
            .position(|g| g.face != face)
            .map_or(line.glyphs.len(), |n| start + n);
        let run = &line.glyphs[start..end];
        let glyphs: Vec<KrillaGlyph> = run
            .iter()
            .map(|g| {
                KrillaGlyph::new(
                    GlyphId::new(g.id),
                    g.advance,
                    g.x_offset,
                    g.y_offset,
                    0.0,
                    g.cluster.clone(),
                    None,
                )
            })
            .collect();
        s.draw_glyphs(
            Point::from_xy(x, at.y),
            &glyphs,
            faces.faces[face].font.clone(),
            &line.text,
            size,
            false,
        );
        x += run.iter().map(|g| g.advance * size).sum::<f32>();
        start = end;
    }
    s.set_stroke(None);
}

/// Text that is no part of the document's structure: the header, the page number.
fn furniture(
    s: &mut Surface,
    faces: &FaceSet,
    text: &str,
    baseline: f32,
    size: f32,
    bold: bool,
    kind: ArtifactType,
) {
    let Ok(lines) = shape::set(text, faces, size, page::MEASURE, page::MEASURE) else {
        return;
    };
    s.start_tagged(ContentTag::Artifact(Artifact::with_kind(kind)));
    for (n, line) in lines.iter().enumerate() {
        let x = page::LEFT + ((page::MEASURE - line.width) / 2.0).max(0.0);
        let y = baseline + n as f32 * size * 1.3;
        draw_line(s, faces, line, Point::from_xy(x, y), size, bold);
    }
    s.end_tagged();
}

/// Draws every page; returns each paragraph's marked lines, for the structure.
pub fn pages(
    doc: &mut Document,
    faces: &FaceSet,
    sets: &[Set],
    placed: &[Vec<Placed>],
    count: usize,
    notice: Option<&str>,
) -> Result<Vec<Vec<Identifier>>, PdfError> {
    let mut ids: Vec<Vec<Identifier>> = vec![Vec::new(); sets.len()];
    // Every line, page by page, in reading order.
    let mut order: Vec<(usize, usize)> = Vec::new();
    for (i, at) in placed.iter().enumerate() {
        order.extend((0..at.len()).map(|k| (i, k)));
    }
    order.sort_by_key(|(i, k)| placed[*i][*k].page);
    let mut next = order.into_iter().peekable();
    let settings = PageSettings::from_wh(page::WIDTH, page::HEIGHT)
        .ok_or_else(|| PdfError::Writer("A4 is a page size".into()))?;
    for n in 0..count {
        // One label on the first page numbers them all, as the footer does.
        let mut settings = settings.clone();
        if n == 0 {
            let label = PageLabel::new(
                Some(NumberingStyle::Arabic),
                None,
                std::num::NonZeroU32::new(1),
            );
            settings = settings.with_page_label(label);
        }
        let mut page = doc.start_page_with(settings);
        let mut s = page.surface();
        if let Some(notice) = notice {
            furniture(
                &mut s,
                faces,
                notice,
                page::HEADER_BASELINE,
                9.0,
                true,
                ArtifactType::Header,
            );
        }
        while let Some((i, k)) = next.next_if(|(i, k)| placed[*i][*k].page == n) {
            let line = &sets[i].lines[k];
            if line.glyphs.is_empty() {
                continue;
            }
            let at = placed[i][k];
            let id = s.start_tagged(ContentTag::Span(SpanTag::empty()));
            draw_line(
                &mut s,
                faces,
                line,
                Point::from_xy(at.x, at.baseline),
                sets[i].look.size,
                sets[i].look.bold,
            );
            s.end_tagged();
            ids[i].push(id);
        }
        furniture(
            &mut s,
            faces,
            &format!("- {} -", n + 1),
            page::FOOTER_BASELINE,
            page::BODY,
            false,
            ArtifactType::PageNumber,
        );
        s.finish();
        page.finish();
    }
    Ok(ids)
}
