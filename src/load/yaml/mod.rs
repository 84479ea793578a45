//! Reading YAML into the model's types, reporting every broken part instead of the first one.
//!
//! serde stops at the first error of a document. To report more, a document that fails is read
//! again piece by piece: each top-level entry on its own, and each item of a failing top-level
//! list on its own, with the rest of the text blanked out (replaced by spaces, so lines, columns
//! and byte offsets stay where they were). The pieces that fail are reported and blanked, and
//! the rest is read as a whole, so one bad duty does not hide the plan it belongs to.
//!
//! Most documents are written in a small part of YAML that [`subset`] reads many times faster
//! than serde-saphyr; only the others, and every broken one, are read by serde-saphyr.

mod subset;

use std::fmt;
use std::ops::Range;

use serde::Deserialize;
use serde::de::{DeserializeOwned, IgnoredAny, MapAccess, Visitor};
use serde_saphyr::{DuplicateKeyPolicy, Error};

use crate::model::Span;
use crate::model::values::{DATE_EXPECTED, TIME_LIMIT_EXPECTED};

/// What went wrong in a YAML document, with where.
#[derive(Clone, Debug, PartialEq)]
pub enum YamlProblem {
    Syntax {
        message: String,
    },
    UnknownField {
        field: String,
        expected: Vec<&'static str>,
    },
    MissingField {
        field: String,
    },
    InvalidValue {
        /// The value as written, when it is one line of text.
        found: Option<String>,
        expected: Expected,
    },
    DuplicateKey {
        key: String,
    },
}

/// What a value should have been.
#[derive(Clone, Debug, PartialEq)]
pub enum Expected {
    /// One of a fixed set of words.
    OneOf(Vec<&'static str>),
    List,
    Mapping,
    /// One value, not a list or a mapping.
    Single,
    WholeNumber,
    Number,
    /// Text, which may not be left empty.
    NotEmpty,
    Date,
    TimeLimit,
    /// Anything else, in serde-saphyr's words.
    Other(String),
}

impl Expected {
    /// From what serde or serde-saphyr says was expected (`a sequence`, `u32`, ...).
    fn from_serde(expected: &str) -> Expected {
        match expected {
            DATE_EXPECTED => Expected::Date,
            TIME_LIMIT_EXPECTED => Expected::TimeLimit,
            "sequence start" => Expected::List,
            "mapping start" => Expected::Mapping,
            "string scalar" | "a string" => Expected::Single,
            // The model's counts are unsigned: a whole number, 0 or more.
            "u8" | "u16" | "u32" | "u64" | "usize" => Expected::WholeNumber,
            "f32" | "f64" | "floating point" => Expected::Number,
            _ if expected.starts_with("a sequence") => Expected::List,
            _ if expected.starts_with("struct ") || expected.starts_with("a map") => {
                Expected::Mapping
            }
            _ => Expected::Other(expected.to_owned()),
        }
    }
}

/// The result of reading one document.
pub struct Parsed<T> {
    /// The document, if its required parts could be read.
    pub value: Option<T>,
    /// Every problem found, with its byte range in the source.
    pub problems: Vec<(Span, YamlProblem)>,
    /// The `id` of every list item that was dropped because it could not be read.
    pub broken_ids: Vec<String>,
}

/// A document type: its required top-level keys (checked against its JSON Schema in tests).
pub trait Document: DeserializeOwned {
    const REQUIRED: &'static [&'static str];
}

/// Limits that no real plan comes near, so hostile input (deep nesting, alias bombs) fails fast.
fn options(duplicate_keys: DuplicateKeyPolicy) -> serde_saphyr::Options {
    serde_saphyr::options! {
        with_snippet: false,
        duplicate_keys: duplicate_keys,
        budget: serde_saphyr::budget! {
            max_depth: 64,
            max_nodes: 1_000_000,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: 20_000,
        },
    }
}

/// Reads `source` (YAML text, possibly preceded or followed by blanked text) into `T`.
pub fn parse<T: Document>(source: &str) -> Parsed<T> {
    let mut parsed = Parsed {
        value: subset::from_str(source),
        problems: Vec::new(),
        broken_ids: Vec::new(),
    };
    if parsed.value.is_some() {
        return parsed;
    }
    let error = match from_str::<T>(source) {
        Ok(value) => {
            parsed.value = Some(value);
            return parsed;
        }
        Err(error) => error,
    };
    let keys = match top_keys(source) {
        Ok(keys) => keys,
        Err(syntax) => {
            // Broken syntax stops the parser; a type error before it is still worth reporting,
            // but not a missing field: the broken syntax has often cut its mapping short.
            let (first, then) = (classify(&error, source), classify(&syntax, source));
            if first.0 != then.0 && !matches!(first.1, YamlProblem::MissingField { .. }) {
                parsed.problems.push(first);
            }
            parsed.problems.push(then);
            parsed.broken_ids = ids_in_text(source);
            return parsed;
        }
    };
    if keys.is_empty() {
        // Not a mapping at the top, or empty: the whole-document error says which.
        parsed.problems.push(classify(&error, source));
        parsed.broken_ids = ids_in_text(source);
        return parsed;
    }
    recover(source, keys, &mut parsed);
    parsed
}

fn recover<T: Document>(source: &str, keys: Vec<Key>, parsed: &mut Parsed<T>) {
    let mut blank: Vec<Range<usize>> = Vec::new();
    let blocks = blocks(source, &keys);
    let mut seen: Vec<&str> = Vec::new();
    for (key, block) in keys.iter().zip(&blocks) {
        if seen.contains(&key.name.as_str()) {
            parsed.problems.push((
                key.span,
                YamlProblem::DuplicateKey {
                    key: key.name.clone(),
                },
            ));
            parsed
                .broken_ids
                .extend(ids_in_text(&source[block.clone()]));
            blank.push(block.clone());
            continue;
        }
        seen.push(&key.name);
        let piece = keep_only(source, std::slice::from_ref(block));
        match from_str::<T>(&piece) {
            Ok(_) => {}
            Err(error) if is_missing_field(&error) => {}
            Err(error) => {
                let items = list_items(&piece, block);
                if items.len() < 2 {
                    parsed.problems.push(classify(&error, source));
                    parsed
                        .broken_ids
                        .extend(ids_in_text(&source[block.clone()]));
                    blank.push(block.clone());
                    continue;
                }
                let head = block.start..items[0].start;
                for item in items {
                    let piece = keep_only(source, &[head.clone(), item.clone()]);
                    match from_str::<T>(&piece) {
                        Ok(_) => {}
                        Err(error) if is_missing_field(&error) => {}
                        Err(error) => {
                            parsed.problems.push(classify(&error, source));
                            parsed.broken_ids.extend(ids_in_text(&source[item.clone()]));
                            blank.push(item);
                        }
                    }
                }
            }
        }
    }
    let start = keys.first().map_or(0, |k| k.span.start as usize);
    for field in T::REQUIRED {
        if !keys.iter().any(|k| k.name == *field) {
            parsed.problems.push((
                Span::new(start, start),
                YamlProblem::MissingField {
                    field: (*field).to_owned(),
                },
            ));
        }
    }
    let rest = blank_out(source, &blank);
    match from_str::<T>(&rest) {
        Ok(value) => parsed.value = Some(value),
        Err(error) => {
            // A required field that was present but broken is reported already.
            if parsed.problems.is_empty() {
                parsed.problems.push(classify(&error, source));
            }
        }
    }
}

fn from_str<T: DeserializeOwned>(source: &str) -> Result<T, Error> {
    serde_saphyr::from_str_with_options(source, options(DuplicateKeyPolicy::Error))
}

fn is_missing_field(error: &Error) -> bool {
    matches!(error.without_snippet(), Error::SerdeMissingField { .. })
}

/// The syntax problem of a document that hits the limits of [`options`].
pub const TOO_DEEP: &str = "the document is nested too deeply or expands too many aliases";

/// Turns a serde-saphyr error into a problem at a byte range of `source`.
fn classify(error: &Error, source: &str) -> (Span, YamlProblem) {
    let mut span = error_span(error.without_snippet(), source);
    // An error met while replaying an alias: what matters is the error itself.
    let mut error = error.without_snippet();
    while let Error::AliasError { error: inner, .. } = error {
        error = inner.without_snippet();
    }
    // The value as written is filled in below, from the place.
    let invalid = |expected| YamlProblem::InvalidValue {
        found: None,
        expected,
    };
    let mut problem = match error {
        Error::SerdeUnknownField {
            field, expected, ..
        } => YamlProblem::UnknownField {
            field: field.clone(),
            expected: expected.clone(),
        },
        Error::SerdeMissingField { field, .. } => YamlProblem::MissingField {
            field: (*field).to_owned(),
        },
        Error::DuplicateMappingKey { key, .. } => YamlProblem::DuplicateKey {
            key: key.clone().unwrap_or_default(),
        },
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => YamlProblem::InvalidValue {
            found: Some(variant.clone()),
            expected: Expected::OneOf(expected.clone()),
        },
        Error::SerdeInvalidType { expected, .. }
        | Error::SerdeInvalidValue { expected, .. }
        | Error::SerdeInvalidLength { expected, .. } => invalid(Expected::from_serde(expected)),
        Error::InvalidScalar { ty: expected, .. } | Error::Unexpected { expected, .. } => {
            invalid(Expected::from_serde(expected))
        }
        Error::NonFiniteFloat { .. } => invalid(Expected::Number),
        Error::NullIntoString { .. } => invalid(Expected::NotEmpty),
        Error::InvalidBooleanStrict { .. } | Error::Message { .. } => {
            invalid(Expected::Other(strip_location(&error.to_string())))
        }
        Error::Budget { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => YamlProblem::Syntax {
            message: TOO_DEEP.to_owned(),
        },
        _ => YamlProblem::Syntax {
            message: strip_location(&error.to_string()),
        },
    };
    if let YamlProblem::InvalidValue { found, .. } = &mut problem {
        span = value_after_key(source, span);
        if found.is_none() {
            let text = source[span.range()].trim();
            if !text.is_empty() && !text.contains('\n') {
                *found = Some(text.to_owned());
            }
        }
    }
    (span, problem)
}

fn error_span(error: &Error, source: &str) -> Span {
    let Some(location) = error.location() else {
        return Span::new(0, 0);
    };
    let span = location.span();
    if let Some(start) = span.byte_offset() {
        let start = (start as usize).min(source.len());
        let len = span.byte_len().unwrap_or(0) as usize;
        return Span::new(start, (start + len).min(source.len()));
    }
    let (line, column) = (location.line() as usize, location.column() as usize);
    let offset = source
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let within = source[offset..]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    Span::new(offset + within, offset + within)
}

/// serde-saphyr places some value errors at the key (`deadline: 两小时`); point at the value.
fn value_after_key(source: &str, span: Span) -> Span {
    let start = span.start as usize;
    let line_start = line_start(source, start);
    let line_end = source[start..]
        .find('\n')
        .map_or(source.len(), |i| start + i);
    let line = &source[start..line_end];
    let key_len = line
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(line.len());
    let Some(rest) = line[key_len..].strip_prefix(':') else {
        return span;
    };
    let value = rest.trim_start();
    if key_len == 0 || value.is_empty() {
        return span;
    }
    // Inside `{ ... }` or `[ ... ]` the value ends at the next `,`, `}` or `]`.
    let in_flow = source[line_start..start].contains(['{', '[']);
    let len = if in_flow {
        value.find([',', '}', ']']).unwrap_or(value.len())
    } else {
        value.len()
    };
    let from = line_end - value.len();
    Span::new(from, from + value[..len].trim_end().len())
}

/// serde-saphyr appends " at line L column C" to its messages; emplan shows the place itself.
fn strip_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// A top-level key of the document with its position.
struct Key {
    name: String,
    span: Span,
}

/// Reads only the top-level keys, keeping duplicates, in document order.
fn top_keys(source: &str) -> Result<Vec<Key>, Error> {
    struct Keys(Vec<Key>);
    impl<'de> Deserialize<'de> for Keys {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Keys;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("a mapping")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                    let mut keys = Vec::new();
                    while let Some(key) = map.next_key::<crate::model::Spanned<KeyName>>()? {
                        map.next_value::<IgnoredAny>()?;
                        keys.push(Key {
                            name: key.value.0,
                            span: key.span,
                        });
                    }
                    Ok(Keys(keys))
                }
                fn visit_unit<E>(self) -> Result<Keys, E> {
                    Ok(Keys(Vec::new()))
                }
            }
            d.deserialize_map(V)
        }
    }
    serde_saphyr::from_str_with_options::<Keys>(source, options(DuplicateKeyPolicy::PassThrough))
        .map(|k| k.0)
}

/// A mapping key read as text, whatever its YAML type.
struct KeyName(String);

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

/// The byte range of each top-level entry: from the start of its key's line to the start of
/// the next key's line (or the end of the text).
fn blocks(source: &str, keys: &[Key]) -> Vec<Range<usize>> {
    let starts: Vec<usize> = keys
        .iter()
        .map(|k| line_start(source, k.span.start as usize))
        .collect();
    let mut ranges = Vec::with_capacity(starts.len());
    for (i, &start) in starts.iter().enumerate() {
        // Keys on one line (flow style) share a block; later ones are empty.
        let end = starts[i + 1..]
            .iter()
            .copied()
            .find(|&s| s > start)
            .unwrap_or(source.len());
        ranges.push(start..end.max(start));
    }
    ranges
}

fn line_start(source: &str, offset: usize) -> usize {
    source[..offset.min(source.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1)
}

/// The ranges of the items of a block-style list that is the value of the entry in `block`.
fn list_items(piece: &str, block: &Range<usize>) -> Vec<Range<usize>> {
    struct Starts(Vec<usize>);
    impl<'de> Deserialize<'de> for Starts {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Starts;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("a mapping with one list")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Starts, A::Error> {
                    let mut starts = Vec::new();
                    if map.next_key::<IgnoredAny>()?.is_some() {
                        let items: Vec<crate::model::Spanned<IgnoredAny>> = map.next_value()?;
                        starts = items.iter().map(|i| i.span.start as usize).collect();
                    }
                    Ok(Starts(starts))
                }
            }
            d.deserialize_map(V)
        }
    }
    let Ok(Starts(starts)) = from_str::<Starts>(piece) else {
        return Vec::new();
    };
    let starts: Vec<usize> = starts.iter().map(|&s| line_start(piece, s)).collect();
    if starts.windows(2).any(|w| w[0] >= w[1]) || starts.first() <= Some(&block.start) {
        return Vec::new(); // a flow-style list: items share lines
    }
    starts
        .iter()
        .enumerate()
        .map(|(i, &start)| start..starts.get(i + 1).copied().unwrap_or(block.end))
        .collect()
}

/// The `id` and `owner` of a document that could not be read as a whole, where they can be read
/// as text; used so that references to a broken plan are not reported as unknown.
pub fn probe_id_and_owner(source: &str) -> (Option<String>, Option<String>) {
    #[derive(Deserialize)]
    struct Probe {
        id: Option<String>,
        owner: Option<String>,
    }
    match from_str::<Probe>(source) {
        Ok(probe) => (probe.id, probe.owner),
        Err(_) => (top_level(source, "id"), top_level(source, "owner")),
    }
}

/// The plain text after `key:` on a line of its own at the start of a line, for a document that
/// cannot be parsed at all.
fn top_level(source: &str, key: &str) -> Option<String> {
    source.lines().find_map(|line| {
        let value = line.strip_prefix(key)?.strip_prefix(':')?;
        let value = value.split(" #").next().unwrap_or_default().trim();
        let value = value.trim_matches(['\'', '"']);
        (!value.is_empty()).then(|| value.to_owned())
    })
}

/// Every value written after an `id:` key in `text`, read as plain text. A part of a document
/// that cannot be read still defines these ids, so references to them are not reported as
/// unknown as well: one broken line gives one finding.
fn ids_in_text(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut ids = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("id:") {
        let start = from + at;
        from = start + 3;
        let before = start.checked_sub(1).map(|i| bytes[i]);
        if !matches!(
            before,
            None | Some(b' ' | b'\t' | b'\n' | b'-' | b'{' | b',')
        ) {
            continue;
        }
        let value = text[from..].trim_start_matches([' ', '\t']);
        let end = value
            .find(|c: char| c.is_whitespace() || matches!(c, ',' | '}' | ']' | '#'))
            .unwrap_or(value.len());
        let id = value[..end].trim_matches(['\'', '"']);
        if !id.is_empty() {
            ids.push(id.to_owned());
        }
    }
    ids
}

/// `source` with every byte outside `keep` replaced by a space (line breaks stay).
fn keep_only(source: &str, keep: &[Range<usize>]) -> String {
    mask(source, |i| keep.iter().any(|r| r.contains(&i)))
}

/// `source` with every byte inside `drop` replaced by a space (line breaks stay).
fn blank_out(source: &str, drop: &[Range<usize>]) -> String {
    mask(source, |i| !drop.iter().any(|r| r.contains(&i)))
}

fn mask(source: &str, keep: impl Fn(usize) -> bool) -> String {
    let mut out = String::with_capacity(source.len());
    for (i, c) in source.char_indices() {
        if c == '\n' || c == '\r' || keep(i) {
            out.push(c);
        } else {
            // Keep byte offsets: one space per byte of the character.
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PlanMeta;

    const PLAN: &str = "---\nid: a\nkind: overall\ntitle: 总体预案\nowner: o\nduties:\n  - { id: d1, org: o, text: t, deadline: soon }\n  - id: d2\n    org: o\n    text: 好\n  - { id: d3, org: o, txt: t }\n";

    #[test]
    fn a_clean_document_is_read_in_one_pass() {
        let parsed = parse::<PlanMeta>("---\nid: a\nkind: site\ntitle: t\nowner: o\n");
        assert!(parsed.problems.is_empty());
        assert_eq!(parsed.value.unwrap().id.as_str(), "a");
    }

    #[test]
    fn wrong_values_say_what_was_expected() {
        let text = "---\nid: a\nkind: site\ntitle: t\nowner: o\nparents: overall\njurisdiction: [x]\n\
                    lifecycle:\n  issued: 2024/01/01\nresponse:\n  - level: I\n    criteria:\n      - { text: t, at_least: abc }\n";
        let parsed = parse::<PlanMeta>(text);
        let got: Vec<(&str, Expected)> = parsed
            .problems
            .iter()
            .map(|(span, problem)| match problem {
                YamlProblem::InvalidValue { expected, .. } => {
                    (&text[span.range()], expected.clone())
                }
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            got,
            [
                ("overall", Expected::List),
                ("[", Expected::Single),
                ("2024/01/01", Expected::Date),
                ("abc", Expected::Number),
            ]
        );
    }

    #[test]
    fn broken_items_are_reported_one_by_one_and_the_rest_is_kept() {
        let parsed = parse::<PlanMeta>(PLAN);
        let kinds: Vec<_> = parsed.problems.iter().map(|(_, p)| p.clone()).collect();
        assert_eq!(kinds.len(), 2, "{kinds:?}");
        assert_eq!(
            kinds[0],
            YamlProblem::InvalidValue {
                found: Some("soon".to_owned()),
                expected: Expected::TimeLimit
            }
        );
        assert!(matches!(&kinds[1], YamlProblem::UnknownField { field, .. } if field == "txt"));
        // Positions are in the original text.
        assert_eq!(&PLAN[parsed.problems[0].0.range()], "soon");
        assert_eq!(&PLAN[parsed.problems[1].0.range()], "txt");
        let meta = parsed.value.expect("the plan is kept");
        let ids: Vec<&str> = meta.duties.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["d2"]);
        assert_eq!(parsed.broken_ids, ["d1", "d3"]);
    }

    #[test]
    fn duplicate_and_missing_top_level_keys_are_reported() {
        let parsed = parse::<PlanMeta>("---\nid: a\nkind: site\nid: b\ntitle: t\n");
        let problems: Vec<_> = parsed.problems.into_iter().map(|(_, p)| p).collect();
        assert!(problems.contains(&YamlProblem::DuplicateKey { key: "id".into() }));
        assert!(problems.contains(&YamlProblem::MissingField {
            field: "owner".into()
        }));
        assert!(parsed.value.is_none());
    }

    #[test]
    fn value_errors_point_at_the_value() {
        let text = "---\nid: a\nkind: site\ntitle: t\nowner: o\nduties:\n  - id: d\n    org: o\n    text: t\n    deadline: 两小时\n";
        let parsed = parse::<PlanMeta>(text);
        assert_eq!(&text[parsed.problems[0].0.range()], "两小时");
    }
}
