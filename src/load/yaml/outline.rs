//! The outline of a document read without a target type: its tree of keys and items with their
//! positions ([`Node`], [`KeyName`]), and the parts of it that can be read on their own.

use std::fmt;
use std::ops::Range;

use serde::Deserialize;
use serde::de::{MapAccess, Visitor};
use serde_saphyr::{DuplicateKeyPolicy, Error};

use super::saphyr::options;
use super::text::line_start;
use crate::model::Span;
use crate::model::config::Limits;

/// A node of a YAML document with the position of each key and item, read without a target
/// type: the map that recovery follows down to the smallest part that fails.
pub(super) enum Node {
    Map(Vec<(crate::model::Spanned<KeyName>, crate::model::Spanned<Node>)>),
    Seq(Vec<crate::model::Spanned<Node>>),
    Leaf,
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Node;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key()? {
                    entries.push((key, map.next_value()?));
                }
                Ok(Node::Map(entries))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Node::Seq(items))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Node, E> {
                Ok(Node::Leaf)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Node, E> {
                Ok(Node::Leaf)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Node, E> {
                Ok(Node::Leaf)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Node, E> {
                Ok(Node::Leaf)
            }
            fn visit_str<E>(self, _: &str) -> Result<Node, E> {
                Ok(Node::Leaf)
            }
            fn visit_unit<E>(self) -> Result<Node, E> {
                Ok(Node::Leaf)
            }
            fn visit_none<E>(self) -> Result<Node, E> {
                Ok(Node::Leaf)
            }
        }
        d.deserialize_any(V)
    }
}

/// The document's tree of keys and items, keeping duplicate keys.
/// Non-finite numbers (`.inf`, `1e400`) are passed through as leaves: they are values like any
/// other here, and the typed read says what is wrong with one where it matters.
pub(super) fn outline(source: &str, limits: Limits) -> Result<crate::model::Spanned<Node>, Error> {
    let mut options = options(DuplicateKeyPolicy::PassThrough, source, limits);
    options.non_finite_float_policy = serde_saphyr::NonFiniteFloatPolicy::PassThrough;
    serde_saphyr::from_str_with_options(source, options)
}

/// A part of the document that can be read on its own: a mapping entry or a list item.
pub(super) struct Part<'a> {
    pub(super) range: Range<usize>,
    /// For a mapping entry, its key: a missing field reported there belongs to the mapping the
    /// entry was taken out of, not to the entry.
    pub(super) key: Option<Span>,
    pub(super) node: &'a Node,
}

/// The parts below `node`, whose text is `range` of `source`, when each starts a line of its
/// own (block style; a flow `{...}` or `[...]` is read as a whole). The first may share the
/// line of a list item's dash.
pub(super) fn parts<'a>(source: &str, range: &Range<usize>, node: &'a Node) -> Vec<Part<'a>> {
    let found: Vec<(usize, Option<Span>, &Node)> = match node {
        Node::Map(entries) => entries
            .iter()
            .map(|(key, value)| (key.span.start as usize, Some(key.span), &value.value))
            .collect(),
        Node::Seq(items) => items
            .iter()
            .map(|item| (item.span.start as usize, None, &item.value))
            .collect(),
        Node::Leaf => return Vec::new(),
    };
    let mut starts = Vec::with_capacity(found.len());
    for (i, &(at, ..)) in found.iter().enumerate() {
        let line = line_start(source, at);
        let before = &source[line..at.min(source.len())];
        let own_line = line > range.start;
        let lead = |c: char| c == ' ' || matches!(node, Node::Seq(_)) && c == '-';
        let start = if own_line && before.chars().all(lead) {
            line
        } else if i == 0 && !own_line && before.chars().all(|c| c == ' ' || c == '-') {
            at
        } else {
            return Vec::new();
        };
        if starts.last().is_some_and(|&last| last >= start) || start >= range.end {
            return Vec::new();
        }
        starts.push(start);
    }
    let ends = starts
        .iter()
        .skip(1)
        .copied()
        .chain(std::iter::once(range.end));
    found
        .into_iter()
        .zip(starts.iter().copied().zip(ends))
        .map(|((_, key, node), (start, end))| Part {
            range: start..end,
            key,
            node,
        })
        .collect()
}

/// A mapping key read as text, whatever its YAML type.
pub(super) struct KeyName(pub(super) String);

impl<'de> Deserialize<'de> for KeyName {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = KeyName;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E>(self, v: &str) -> Result<KeyName, E> {
                Ok(KeyName(v.to_owned()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<KeyName, E> {
                Ok(KeyName(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<KeyName, E> {
                Ok(KeyName(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<KeyName, E> {
                Ok(KeyName(v.to_string()))
            }
            fn visit_bool<E>(self, v: bool) -> Result<KeyName, E> {
                Ok(KeyName(v.to_string()))
            }
            fn visit_unit<E>(self) -> Result<KeyName, E> {
                Ok(KeyName(String::new()))
            }
        }
        d.deserialize_any(V)
    }
}
