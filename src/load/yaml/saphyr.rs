//! serde-saphyr for emplan: its options from `[limits]`, and its errors turned into problems at
//! a byte range of the source.

use serde::de::DeserializeOwned;
use serde_saphyr::{DuplicateKeyPolicy, Error};

use super::text::line_start;
use crate::foundation::problem::{Expected, Limit, YamlProblem};
use crate::model::Span;
use crate::model::config::Limits;
use crate::model::values::{
    CLOCK_TIME_EXPECTED, DATE_EXPECTED, MONTH_DAY_EXPECTED, TIME_LIMIT_EXPECTED,
};

/// Guards against hostile input, from `[limits]`: the nesting depth and how far aliases may
/// expand. Honest size is not limited here (the file size is, before it is read): nodes, events
/// and scalar bytes can only outgrow the text through aliases, which their own limit counts.
pub(super) fn options(
    duplicate_keys: DuplicateKeyPolicy,
    source: &str,
    limits: Limits,
) -> serde_saphyr::Options {
    let alias_events = alias_events(source, limits) as usize;
    serde_saphyr::options! {
        with_snippet: false,
        duplicate_keys: duplicate_keys,
        budget: serde_saphyr::budget! {
            max_depth: limits.yaml_depth as usize,
            // Flow collections (`[[...]]`) nest within the same depth; past it, the parser's
            // own limit would stop the document with a message that names no limit.
            flow_nesting_limit: limits.yaml_depth as usize + 1,
            max_nodes: usize::MAX,
            max_events: usize::MAX,
            max_total_scalar_bytes: usize::MAX,
            max_recorded_anchor_events: alias_events.max(1_000_000),
            // Counted by the replay limit: an alias or an anchor takes a few bytes of text.
            max_aliases: usize::MAX,
            max_anchors: usize::MAX,
            enforce_alias_anchor_ratio: false,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: alias_events,
            // An anchor used at every item of a long list is honest; the total is the guard.
            max_alias_expansions_per_anchor: usize::MAX,
        },
    }
}

/// How many nodes aliases may expand to in `source`: `yaml_alias_events`, or as many as the text
/// has bytes where that is more. An honest file that uses an alias at every item stays within
/// its own size; a bomb's expansion outgrows any text that writes it.
fn alias_events(source: &str, limits: Limits) -> u32 {
    let size = u32::try_from(source.len()).unwrap_or(u32::MAX);
    limits.yaml_alias_events.max(size)
}

/// Which of the limits `error` hit, if it is one of them.
pub(super) fn limit_hit(error: &Error, source: &str, limits: Limits) -> Option<Limit> {
    let mut error = error.without_snippet();
    while let Error::AliasError { error: inner, .. } = error {
        error = inner.without_snippet();
    }
    match error {
        Error::Budget {
            breach: serde_saphyr::budget::BudgetBreach::Depth { .. },
            ..
        } => Some(Limit::Depth(limits.yaml_depth)),
        Error::Budget { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => {
            Some(Limit::AliasEvents(alias_events(source, limits)))
        }
        // The scanner's own limit on nested flow collections (`[[[...`), set to the depth: it
        // looks ahead, so it can be reached before the depth is counted.
        _ if error.to_string().starts_with("recursion limit exceeded") => {
            Some(Limit::Depth(limits.yaml_depth))
        }
        _ => None,
    }
}

pub(super) fn from_str<T: DeserializeOwned>(source: &str, limits: Limits) -> Result<T, Error> {
    serde_saphyr::from_str_with_options(source, options(DuplicateKeyPolicy::Error, source, limits))
}

pub(super) fn is_missing_field(error: &Error) -> bool {
    matches!(error.without_snippet(), Error::SerdeMissingField { .. })
}

/// Turns a serde-saphyr error into a problem at a byte range of `source`.
pub(super) fn classify(error: &Error, source: &str) -> (Span, YamlProblem) {
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
        | Error::SerdeInvalidLength { expected, .. } => invalid(expected_from_serde(expected)),
        Error::InvalidScalar { ty: expected, .. } | Error::Unexpected { expected, .. } => {
            invalid(expected_from_serde(expected))
        }
        Error::NonFiniteFloat { .. } => invalid(Expected::Number),
        Error::NullIntoString { .. } => invalid(Expected::NotEmpty),
        Error::InvalidBooleanStrict { .. } | Error::Message { .. } => {
            invalid(Expected::Other(strip_location(&error.to_string())))
        }
        _ => YamlProblem::Syntax {
            message: strip_location(&error.to_string()),
        },
    };
    if let YamlProblem::Syntax { message } = &problem
        && message.contains("found a tab")
    {
        span = tab_near(source, span);
    }
    if let YamlProblem::InvalidValue { found, expected } = &mut problem {
        span = value_after_key(source, span);
        if found.is_none() {
            let text = source[span.range()].trim();
            if !text.is_empty() && !text.contains('\n') {
                *found = Some(text.to_owned());
            }
        }
        // `1e400` is a number, only too large for one.
        if *expected == Expected::Number
            && let Some(n) = found.as_deref().and_then(|f| f.parse::<f64>().ok())
            && !n.is_finite()
        {
            *expected = Expected::Finite;
        }
    }
    (span, problem)
}

pub(super) fn error_span(error: &Error, source: &str) -> Span {
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

/// The parser reports a tab where the token before it ends, often on the line above: point at
/// the tab itself, the first one from the start of the reported line on.
fn tab_near(source: &str, span: Span) -> Span {
    let from = line_start(source, span.start as usize);
    let at = source[from..]
        .find('\t')
        .map(|i| from + i)
        .or_else(|| source[..from].rfind('\t'));
    at.map_or(span, |at| Span::new(at, at + 1))
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

/// From what serde or serde-saphyr says was expected (`a sequence`, `u32`, ...).
fn expected_from_serde(expected: &str) -> Expected {
    match expected {
        DATE_EXPECTED => Expected::Date,
        MONTH_DAY_EXPECTED => Expected::MonthDay,
        TIME_LIMIT_EXPECTED => Expected::TimeLimit,
        CLOCK_TIME_EXPECTED => Expected::ClockTime,
        "sequence start" => Expected::List,
        "mapping start" => Expected::Mapping,
        "string scalar" | "a string" => Expected::Single,
        // The model's counts are unsigned: a whole number, 0 or more.
        "u8" | "u16" | "u32" | "u64" | "usize" => Expected::WholeNumber,
        "f32" | "f64" | "floating point" => Expected::Number,
        _ if expected.starts_with("a sequence") => Expected::List,
        _ if expected.starts_with("struct ") || expected.starts_with("a map") => Expected::Mapping,
        _ => Expected::Other(expected.to_owned()),
    }
}
