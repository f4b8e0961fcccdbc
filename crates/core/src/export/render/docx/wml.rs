//! The few parts of WordprocessingML the minutes use, as types whose writers put every child
//! where the schema's sequence puts it (ECMA-376, CT_PPr, CT_RPr, CT_SectPr, CT_Style): a
//! property is a field, and the order is the writer's, so no combination can come out of
//! order. Text is escaped by the XML writer, and control characters XML forbids are dropped.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// An XML part being written into memory.
pub struct Xml(Writer<Vec<u8>>);

impl Xml {
    pub fn new() -> Self {
        let mut w = Writer::new(Vec::new());
        w.write_event(Event::Decl(BytesDecl::new(
            "1.0",
            Some("UTF-8"),
            Some("yes"),
        )))
        .expect("memory takes the bytes");
        Self(w)
    }

    /// `<name attrs…>`, children to follow.
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let mut e = BytesStart::new(name);
        for (k, v) in attrs {
            e.push_attribute((*k, clean(v).as_ref()));
        }
        self.0
            .write_event(Event::Start(e))
            .expect("memory takes the bytes");
    }

    pub fn close(&mut self, name: &str) {
        self.0
            .write_event(Event::End(BytesEnd::new(name)))
            .expect("memory takes the bytes");
    }

    /// `<name attrs…/>`.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let mut e = BytesStart::new(name);
        for (k, v) in attrs {
            e.push_attribute((*k, clean(v).as_ref()));
        }
        self.0
            .write_event(Event::Empty(e))
            .expect("memory takes the bytes");
    }

    /// `<name>text</name>`, escaped.
    pub fn text(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.open(name, attrs);
        self.0
            .write_event(Event::Text(BytesText::new(&clean(text))))
            .expect("memory takes the bytes");
        self.close(name);
    }

    pub fn finish(self) -> String {
        String::from_utf8(self.0.into_inner()).expect("the writer writes UTF-8")
    }
}

/// XML 1.0 forbids most control characters; every way in drops them already, and so does
/// this last step (a style's own text).
fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    crate::model::clean::strip_controls(s)
}

/// Space before and after a paragraph, in twentieths of a point.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Spacing {
    pub before: u32,
    pub after: u32,
}

/// A paragraph's indents, in twentieths of a point: `left`, and a first line `hanging` out
/// of it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ind {
    pub left: u32,
    pub hanging: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Jc {
    Center,
}

/// Paragraph properties, CT_PPr's children in its order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PPr {
    pub style: Option<&'static str>,
    pub keep_next: bool,
    pub spacing: Option<Spacing>,
    pub ind: Option<Ind>,
    pub jc: Option<Jc>,
    /// A heading's level in the outline (0 for Heading 1): Word's navigation pane and a
    /// saved PDF's bookmarks and tags come from it.
    pub outline: Option<u8>,
}

impl PPr {
    fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    pub fn write(&self, x: &mut Xml) {
        if self.is_empty() {
            return;
        }
        x.open("w:pPr", &[]);
        if let Some(s) = self.style {
            x.empty("w:pStyle", &[("w:val", s)]);
        }
        if self.keep_next {
            x.empty("w:keepNext", &[]);
        }
        if let Some(s) = self.spacing {
            x.empty(
                "w:spacing",
                &[
                    ("w:before", &s.before.to_string()),
                    ("w:after", &s.after.to_string()),
                ],
            );
        }
        if let Some(i) = self.ind {
            let (left, hanging) = (i.left.to_string(), i.hanging.to_string());
            let mut attrs = vec![("w:left", left.as_str())];
            if i.hanging > 0 {
                attrs.push(("w:hanging", hanging.as_str()));
            }
            x.empty("w:ind", &attrs);
        }
        if let Some(Jc::Center) = self.jc {
            x.empty("w:jc", &[("w:val", "center")]);
        }
        if let Some(level) = self.outline {
            x.empty("w:outlineLvl", &[("w:val", &level.to_string())]);
        }
        x.close("w:pPr");
    }
}

/// The fonts of a run or of the document's defaults: Latin, and East Asian text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fonts {
    pub latin: &'static str,
    pub east_asia: &'static str,
}

/// Run properties, CT_RPr's children in its order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RPr {
    pub fonts: Option<Fonts>,
    pub bold: bool,
    /// Half-points.
    pub size: Option<u32>,
    /// BCP 47 tags: the language of Latin and of East Asian text.
    pub lang: Option<(String, String)>,
}

impl RPr {
    fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    pub fn write(&self, x: &mut Xml) {
        if self.is_empty() {
            return;
        }
        x.open("w:rPr", &[]);
        if let Some(f) = self.fonts {
            x.empty(
                "w:rFonts",
                &[
                    ("w:ascii", f.latin),
                    ("w:hAnsi", f.latin),
                    ("w:eastAsia", f.east_asia),
                    ("w:cs", f.latin),
                ],
            );
        }
        if self.bold {
            x.empty("w:b", &[]);
            x.empty("w:bCs", &[]);
        }
        if let Some(s) = self.size {
            let s = s.to_string();
            x.empty("w:sz", &[("w:val", &s)]);
            x.empty("w:szCs", &[("w:val", &s)]);
        }
        if let Some((latin, east_asia)) = &self.lang {
            x.empty("w:lang", &[("w:val", latin), ("w:eastAsia", east_asia)]);
        }
        x.close("w:rPr");
    }
}

/// What a paragraph holds, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Text with its run properties; a line feed is a line break inside the paragraph.
    Run(RPr, String),
    /// The page's own number.
    PageNumber,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Para {
    pub ppr: PPr,
    pub inlines: Vec<Inline>,
}

impl Para {
    pub fn text(ppr: PPr, rpr: RPr, text: &str) -> Self {
        Self {
            ppr,
            inlines: vec![Inline::Run(rpr, text.to_owned())],
        }
    }

    pub fn write(&self, x: &mut Xml) {
        x.open("w:p", &[]);
        self.ppr.write(x);
        for i in &self.inlines {
            match i {
                Inline::Run(rpr, text) => {
                    x.open("w:r", &[]);
                    rpr.write(x);
                    for (n, line) in text.split('\n').enumerate() {
                        if n > 0 {
                            x.empty("w:br", &[]);
                        }
                        if !line.is_empty() {
                            x.text("w:t", &[("xml:space", "preserve")], line);
                        }
                    }
                    x.close("w:r");
                }
                Inline::PageNumber => {
                    x.open("w:fldSimple", &[("w:instr", " PAGE ")]);
                    x.open("w:r", &[]);
                    x.text("w:t", &[], "1");
                    x.close("w:r");
                    x.close("w:fldSimple");
                }
            }
        }
        x.close("w:p");
    }
}

/// A4 with the margins of a Japanese office document, in twentieths of a point.
pub struct Section {
    pub header: Option<&'static str>,
    pub footer: Option<&'static str>,
}

impl Section {
    /// CT_SectPr: the header and footer references first, then the page, in order.
    pub fn write(&self, x: &mut Xml) {
        x.open("w:sectPr", &[]);
        if let Some(id) = self.header {
            x.empty("w:headerReference", &[("w:type", "default"), ("r:id", id)]);
        }
        if let Some(id) = self.footer {
            x.empty("w:footerReference", &[("w:type", "default"), ("r:id", id)]);
        }
        x.empty("w:pgSz", &[("w:w", "11906"), ("w:h", "16838")]);
        x.empty(
            "w:pgMar",
            &[
                ("w:top", "1701"),
                ("w:right", "1418"),
                ("w:bottom", "1418"),
                ("w:left", "1418"),
                ("w:header", "851"),
                ("w:footer", "567"),
                ("w:gutter", "0"),
            ],
        );
        x.close("w:sectPr");
    }
}

/// One paragraph style: CT_Style's children in its order.
pub struct StyleDef {
    pub id: &'static str,
    pub name: &'static str,
    pub ppr: PPr,
    pub rpr: RPr,
}

impl StyleDef {
    pub fn write(&self, x: &mut Xml) {
        x.open(
            "w:style",
            &[("w:type", "paragraph"), ("w:styleId", self.id)],
        );
        x.empty("w:name", &[("w:val", self.name)]);
        x.empty("w:basedOn", &[("w:val", "Normal")]);
        x.empty("w:next", &[("w:val", "Normal")]);
        x.empty("w:qFormat", &[]);
        self.ppr.write(x);
        self.rpr.write(x);
        x.close("w:style");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The children of the first `<w:tag>`, by local name, in the order written.
    fn children(xml: &str, tag: &str) -> Vec<String> {
        let body = xml.split_once("?>").map_or(xml, |(_, b)| b);
        let wrapped = format!("<root xmlns:w=\"{W}\">{body}</root>");
        let doc = roxmltree::Document::parse(&wrapped).expect("well-formed");
        doc.descendants()
            .find(|n| n.tag_name().name() == tag)
            .map(|n| {
                n.children()
                    .filter(|c| c.is_element())
                    .map(|c| c.tag_name().name().to_owned())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// CT_PPr's sequence, as far as these properties go.
    const PPR_ORDER: [&str; 6] = ["pStyle", "keepNext", "spacing", "ind", "jc", "outlineLvl"];
    /// CT_RPr's sequence, as far as these properties go.
    const RPR_ORDER: [&str; 6] = ["rFonts", "b", "bCs", "sz", "szCs", "lang"];

    fn in_order(found: &[String], order: &[&str]) -> bool {
        let at: Vec<usize> = found
            .iter()
            .map(|f| order.iter().position(|o| o == f).expect("a known child"))
            .collect();
        at.windows(2).all(|w| w[0] < w[1])
    }

    #[test]
    fn every_combination_of_properties_is_written_in_the_schemas_order() {
        for bits in 0u32..64 {
            let ppr = PPr {
                style: (bits & 1 != 0).then_some("Heading1"),
                keep_next: bits & 2 != 0,
                spacing: (bits & 4 != 0).then_some(Spacing {
                    before: 240,
                    after: 120,
                }),
                ind: (bits & 8 != 0).then_some(Ind {
                    left: 420,
                    hanging: 210,
                }),
                jc: (bits & 16 != 0).then_some(Jc::Center),
                outline: (bits & 32 != 0).then_some(1),
            };
            let rpr = RPr {
                fonts: (bits & 1 != 0).then_some(Fonts {
                    latin: "Times New Roman",
                    east_asia: "ＭＳ 明朝",
                }),
                bold: bits & 2 != 0,
                size: (bits & 4 != 0).then_some(21),
                lang: (bits & 8 != 0).then(|| ("ja-JP".into(), "ja-JP".into())),
            };
            let mut x = Xml::new();
            Para::text(ppr.clone(), rpr.clone(), "議事\n要旨").write(&mut x);
            let xml = x.finish();
            let p = children(&xml, "pPr");
            assert!(in_order(&p, &PPR_ORDER), "{bits}: {p:?}");
            let r = children(&xml, "rPr");
            assert!(in_order(&r, &RPR_ORDER), "{bits}: {r:?}");
            // The paragraph's own children: its properties first, then the run.
            let top = children(&xml, "p");
            assert_eq!(top.last().map(String::as_str), Some("r"));
            assert_eq!(
                top.first().map(String::as_str) == Some("pPr"),
                ppr != PPr::default()
            );
        }
    }

    #[test]
    fn text_is_escaped_and_control_characters_dropped() {
        let mut x = Xml::new();
        Para::text(PPr::default(), RPr::default(), "<&>\u{b}\u{1b}a").write(&mut x);
        let xml = x.finish();
        assert!(xml.contains("&lt;&amp;&gt;a"), "{xml}");
        assert!(!xml.contains('\u{1b}'));
    }
}
