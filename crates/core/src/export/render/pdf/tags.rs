//! The PDF's structure, for a screen reader and for reflow: the title and headings as H1 to
//! H4 (each with its text), paragraphs as P, the agenda and the attendance as lists (L, LI,
//! LBody), in reading order; and the outline (bookmarks) from the same headings.

use std::num::NonZeroU16;

use krilla::destination::XyzDestination;
use krilla::geom::Point;
use krilla::outline::{Outline, OutlineNode};
use krilla::tagging::{Identifier, ListNumbering, Node, Tag, TagGroup, TagKind, TagTree};

use super::page::Placed;
use crate::export::render::print::{List, Para, Piece, Role};

/// The flow's shape with each paragraph as its place in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skeleton {
    Para(usize),
    List(Vec<Vec<Skeleton>>),
}

fn list(l: &List, next: &mut usize) -> Skeleton {
    Skeleton::List(
        l.items
            .iter()
            .map(|item| {
                let mut body: Vec<Skeleton> = item
                    .paras
                    .iter()
                    .map(|_| {
                        *next += 1;
                        Skeleton::Para(*next - 1)
                    })
                    .collect();
                if let Some(sub) = &item.sub {
                    body.push(list(sub, next));
                }
                body
            })
            .collect(),
    )
}

/// The skeleton of a flow whose paragraphs, opened out, are numbered from 0.
pub fn skeleton(flow: &[Piece]) -> Vec<Skeleton> {
    let mut next = 0;
    flow.iter()
        .map(|piece| match piece {
            Piece::Para(_) => {
                next += 1;
                Skeleton::Para(next - 1)
            }
            Piece::List(l) => list(l, &mut next),
        })
        .collect()
}

/// A heading's level in the PDF: the title is the one H1.
pub fn level(role: Role) -> Option<u16> {
    match role {
        Role::Title => Some(1),
        Role::Heading(n) => Some(u16::from(n) + 1),
        _ => None,
    }
}

fn group(s: &Skeleton, paras: &[&Para], ids: &[Vec<Identifier>]) -> TagGroup {
    match s {
        Skeleton::Para(i) => {
            let kind: TagKind = match level(paras[*i].role).and_then(NonZeroU16::new) {
                Some(n) => Tag::Hn(n, Some(paras[*i].text.clone())).into(),
                None => Tag::P.into(),
            };
            let mut g = TagGroup::new(kind);
            for id in &ids[*i] {
                g.push(*id);
            }
            g
        }
        Skeleton::List(items) => {
            let mut l = TagGroup::new(Tag::L(ListNumbering::None));
            for item in items {
                let mut body = TagGroup::new(Tag::LBody);
                for s in item {
                    body.push(group(s, paras, ids));
                }
                let mut li = TagGroup::new(Tag::LI);
                li.push(body);
                l.push(li);
            }
            l
        }
    }
}

/// The tag tree: `ids[i]` are the marked lines of paragraph `i`.
pub fn tree(
    skeleton: &[Skeleton],
    paras: &[&Para],
    ids: &[Vec<Identifier>],
    lang: &str,
) -> TagTree {
    let mut tree = TagTree::new().with_lang(Some(lang.to_owned()));
    for s in skeleton {
        tree.push(Node::Group(group(s, paras, ids)));
    }
    tree
}

/// Bookmarks: the title, and every heading under it by level.
pub fn outline(paras: &[&Para], placed: &[Vec<Placed>]) -> Outline {
    // The open nodes, one per level; each closes into its parent when a heading at its
    // level or above comes.
    let mut open: Vec<(u16, OutlineNode)> = Vec::new();
    let mut outline = Outline::new();
    let close = |open: &mut Vec<(u16, OutlineNode)>, outline: &mut Outline, down_to: u16| {
        while open.last().is_some_and(|(l, _)| *l >= down_to) {
            let (_, node) = open.pop().expect("checked");
            match open.last_mut() {
                Some((_, parent)) => parent.push_child(node),
                None => outline.push_child(node),
            }
        }
    };
    for (p, at) in paras.iter().zip(placed) {
        let (Some(level), Some(first)) = (level(p.role), at.first()) else {
            continue;
        };
        close(&mut open, &mut outline, level);
        let dest = XyzDestination::new(first.page, Point::from_xy(first.x, first.baseline - 20.0));
        open.push((
            level,
            OutlineNode::new(p.text.clone(), dest).with_open(true),
        ));
    }
    close(&mut open, &mut outline, 0);
    outline
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::render::print::Item;

    fn para(text: &str) -> Para {
        Para {
            role: Role::Body,
            text: text.into(),
            indent: 0,
            hang: 0,
            keep_next: false,
        }
    }

    #[test]
    fn paragraphs_are_numbered_in_reading_order_through_lists() {
        let flow = vec![
            Piece::Para(para("a")),
            Piece::List(List {
                items: vec![Item {
                    paras: vec![para("b"), para("c")],
                    sub: Some(List {
                        items: vec![Item {
                            paras: vec![para("d")],
                            sub: None,
                        }],
                    }),
                }],
            }),
            Piece::Para(para("e")),
        ];
        assert_eq!(
            skeleton(&flow),
            vec![
                Skeleton::Para(0),
                Skeleton::List(vec![vec![
                    Skeleton::Para(1),
                    Skeleton::Para(2),
                    Skeleton::List(vec![vec![Skeleton::Para(3)]]),
                ]]),
                Skeleton::Para(4),
            ]
        );
        let texts: Vec<&str> = crate::export::render::print::paragraphs(&flow)
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(texts, ["a", "b", "c", "d", "e"]);
    }
}
