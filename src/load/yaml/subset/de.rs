//! serde's view of a [`Node`] tree, with serde-saphyr's reading of scalars: the type asked for
//! decides what a scalar means. Where serde-saphyr would read a scalar in a way this does not
//! (`0x1F`, `1_000`, `.inf`, a quoted number), it declines.

use std::borrow::Cow;
use std::fmt;

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer, U32Deserializer};
use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
use serde::forward_to_deserialize_any;

use super::{Declined, Node, Scalar};
use crate::model::SPANNED;

impl fmt::Display for Declined {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("outside the YAML subset")
    }
}

impl std::error::Error for Declined {}

impl de::Error for Declined {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Declined
    }
}

pub(super) struct NodeDeserializer<'a>(pub Node<'a>);

impl<'a> NodeDeserializer<'a> {
    /// A scalar that is not null.
    fn scalar(self) -> Result<Scalar<'a>, Declined> {
        match self.0 {
            Node::Scalar(scalar) if !scalar.is_null() => Ok(scalar),
            _ => Err(Declined),
        }
    }

    /// The digits of a plain decimal number: an optional `-` and digits, with one `.` inside
    /// them when `fraction` is allowed. serde-saphyr reads these as Rust does.
    fn number(self, fraction: bool) -> Result<Cow<'a, str>, Declined> {
        let scalar = self.scalar()?;
        let text = scalar.text.as_bytes();
        let digits = text.strip_prefix(b"-").unwrap_or(text);
        let mut parts = digits.splitn(2, |&b| b == b'.');
        let whole = parts.next().unwrap_or_default();
        let decimal = |p: &[u8]| !p.is_empty() && p.len() <= 18 && p.iter().all(u8::is_ascii_digit);
        let valid = scalar.plain
            && decimal(whole)
            && match parts.next() {
                None => true,
                Some(part) => fraction && decimal(part),
            };
        if valid {
            Ok(scalar.text)
        } else {
            Err(Declined)
        }
    }
}

impl<'a> de::Deserializer<'a> for NodeDeserializer<'a> {
    type Error = Declined;

    /// Nothing in the model asks for "any" value; serde-saphyr decides what such a scalar is.
    fn deserialize_any<V: Visitor<'a>>(self, _: V) -> Result<V::Value, Declined> {
        Err(Declined)
    }

    /// The model's counts are `u32`; other integer types and `f32` are declined, as is anything
    /// the model never asks for, so that nothing here goes untested against serde-saphyr.
    fn deserialize_u32<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Declined> {
        let text = self.number(false)?;
        // serde-saphyr refuses a sign or a leading zero (`0123`) for integers.
        if text.starts_with('-') || (text.len() > 1 && text.starts_with('0')) {
            return Err(Declined);
        }
        visitor.visit_u32(text.parse().map_err(|_| Declined)?)
    }

    fn deserialize_f64<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Declined> {
        let value: f64 = self.number(true)?.parse().map_err(|_| Declined)?;
        visitor.visit_f64(value)
    }

    /// Only plain `true` and `false`: the other spellings serde-saphyr may take (`True`, `yes`)
    /// are its to read or refuse.
    fn deserialize_bool<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Declined> {
        let scalar = self.scalar()?;
        match (scalar.plain, &*scalar.text) {
            (true, "true") => visitor.visit_bool(true),
            (true, "false") => visitor.visit_bool(false),
            _ => Err(Declined),
        }
    }

    fn deserialize_str<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Declined> {
        match self.scalar()?.text {
            Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
            Cow::Owned(text) => visitor.visit_string(text),
        }
    }

    fn deserialize_string<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Declined> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Declined> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Declined> {
        match &self.0 {
            Node::Empty => visitor.visit_none(),
            Node::Scalar(scalar) if scalar.is_null() => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Declined> {
        if name != SPANNED {
            return visitor.visit_newtype_struct(self);
        }
        // serde-saphyr gives spans of scalars only as the model uses them; the rest is its job.
        let Node::Scalar(scalar) = &self.0 else {
            return Err(Declined);
        };
        let span = scalar.span;
        visitor.visit_seq(SpannedAccess {
            parts: [Some(span.start), Some(span.end)],
            value: Some(self),
        })
    }

    fn deserialize_seq<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Declined> {
        match self.0 {
            Node::Seq(items) => visitor.visit_seq(SeqAccess(items.into_iter())),
            _ => Err(Declined),
        }
    }

    fn deserialize_map<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Declined> {
        match self.0 {
            Node::Map(entries) => visitor.visit_map(MapAccess {
                entries: entries.into_iter(),
                value: None,
            }),
            _ => Err(Declined),
        }
    }

    fn deserialize_struct<V: Visitor<'a>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Declined> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Declined> {
        let text = self.scalar()?.text;
        visitor.visit_enum(StrDeserializer::<Declined>::new(&text))
    }

    fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Declined> {
        visitor.visit_unit()
    }

    forward_to_deserialize_any! {
        <W: Visitor<'a>>
        i8 i16 i32 i64 i128 u8 u16 u64 u128 f32 char bytes byte_buf unit unit_struct tuple
        tuple_struct
    }
}

struct SeqAccess<'a>(std::vec::IntoIter<Node<'a>>);

impl<'a> de::SeqAccess<'a> for SeqAccess<'a> {
    type Error = Declined;

    fn next_element_seed<T: DeserializeSeed<'a>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Declined> {
        self.0
            .next()
            .map(|node| seed.deserialize(NodeDeserializer(node)))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct MapAccess<'a> {
    entries: std::vec::IntoIter<(&'a str, Node<'a>)>,
    value: Option<Node<'a>>,
}

impl<'a> de::MapAccess<'a> for MapAccess<'a> {
    type Error = Declined;

    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Declined> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        seed.deserialize(BorrowedStrDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value, Declined> {
        let value = self.value.take().ok_or(Declined)?;
        seed.deserialize(NodeDeserializer(value))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// What [`crate::model::Spanned`] reads from this deserializer: start, end, value.
struct SpannedAccess<'a> {
    parts: [Option<u32>; 2],
    value: Option<NodeDeserializer<'a>>,
}

impl<'a> de::SeqAccess<'a> for SpannedAccess<'a> {
    type Error = Declined;

    fn next_element_seed<T: DeserializeSeed<'a>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Declined> {
        if let Some(part) = self.parts.iter_mut().find_map(Option::take) {
            let part: U32Deserializer<Declined> = part.into_deserializer();
            return seed.deserialize(part).map(Some);
        }
        self.value
            .take()
            .map(|value| seed.deserialize(value))
            .transpose()
    }
}
