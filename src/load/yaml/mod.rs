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

mod full_width;
mod subset;

use std::fmt;
use std::ops::Range;

use serde::Deserialize;
use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde_saphyr::{DuplicateKeyPolicy, Error};

use crate::foundation::problem::{Expected, Limit, YamlProblem};
use crate::model::Span;
use crate::model::config::Limits;
use crate::model::values::{
    CLOCK_TIME_EXPECTED, DATE_EXPECTED, MONTH_DAY_EXPECTED, TIME_LIMIT_EXPECTED,
};

/// `None` if the subset reader declines `text`; else whether serde-saphyr reads it alike,
/// spans included (compared through `Debug`, which shows every field). The subset reader's one
/// duty is never to read a text otherwise than serde-saphyr: its tests and the `yaml_subset`
/// fuzz target hold it to that.
#[cfg(any(test, feature = "fuzzing"))]
pub fn subset_agrees<T: Document + fmt::Debug>(text: &str) -> Option<Result<(), String>> {
    let fast = subset::from_str::<T>(text)?;
    Some(match from_str::<T>(text, Limits::default()) {
        Ok(slow) if format!("{slow:?}") == format!("{fast:?}") => Ok(()),
        Ok(slow) => Err(format!("read differently:\n{fast:?}\n{slow:?}")),
        Err(error) => Err(format!("accepted what serde-saphyr refuses: {error}")),
    })
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

/// Guards against hostile input, from `[limits]`: the nesting depth and how far aliases may
/// expand. Honest size is not limited here (the file size is, before it is read): nodes, events
/// and scalar bytes can only outgrow the text through aliases, which their own limit counts.
fn options(
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

/// Reads `source` (YAML text, possibly preceded or followed by blanked text) into `T`.
pub fn parse<T: Document>(source: &str, limits: Limits) -> Parsed<T> {
    // serde reads nested values by recursion, some twenty frames a level: within the default
    // depth any thread's stack holds (a test's 2 MiB, in a debug build too); a raised depth gets
    // the stack it needs.
    let depth = limits.yaml_depth as usize;
    if depth <= Limits::default().yaml_depth as usize {
        return parse_text(source, true, true, limits);
    }
    stacker::maybe_grow(depth * STACK_PER_LEVEL, depth * 2 * STACK_PER_LEVEL, || {
        parse_text(source, true, true, limits)
    })
}

/// Stack a level of nesting can take while it is read, in a debug build (measured: about 25
/// KiB), with room to spare.
const STACK_PER_LEVEL: usize = 32 << 10;

/// `cut`: whether a limit that is reached cuts the text there, to read what comes before; the
/// text before a cut is not cut again (a limit reached there too gives no value).
fn parse_text<T: Document>(source: &str, repair: bool, cut: bool, limits: Limits) -> Parsed<T> {
    let mut parsed = Parsed {
        value: subset::from_str(source),
        problems: Vec::new(),
        broken_ids: Vec::new(),
    };
    if parsed.value.is_some() {
        return parsed;
    }
    let error = match from_str::<T>(source, limits) {
        Ok(value) => {
            parsed.value = Some(value);
            return parsed;
        }
        Err(error) => error,
    };
    if let Some(limit) = limit_hit(&error, source, limits) {
        return at_limit(source, &error, limit, cut, limits);
    }
    if repair && let Some((repaired, slips)) = full_width::repair(source) {
        let mut parsed = parse_text::<T>(&repaired, false, cut, limits);
        let slips = slips.into_iter().map(|slip| {
            let problem = YamlProblem::FullWidth {
                mark: slip.mark,
                fixed: slip.fixed,
            };
            (slip.span, problem)
        });
        parsed.problems.splice(0..0, slips);
        return parsed;
    }
    // A no-break or full-width space in the indentation makes the line's key part of its text
    // (`unknown field `\u{a0} hq``) or breaks the structure around it: name the character
    // instead, once for each such line. The rest of the file waits until they are replaced.
    let odd = odd_spaces(source);
    if !odd.is_empty() {
        parsed.problems = odd;
        parsed.broken_ids = ids_in_text(source);
        return parsed;
    }
    let tree = match outline(source, limits) {
        Ok(tree) => tree,
        Err(syntax) if let Some(limit) = limit_hit(&syntax, source, limits) => {
            return at_limit(source, &syntax, limit, cut, limits);
        }
        Err(syntax) => {
            // Broken syntax stops the parser; a type error before it is still worth reporting,
            // but not a missing field: the broken syntax has often cut its mapping short.
            let (first, then) = (classify(&error, source), classify(&syntax, source));
            // A `{` or `[` left open on an earlier line is the mistake; the parser only stumbles
            // over it lines later (`"-" is only valid inside a block`).
            let (first, then) = match unclosed_before(source, then.0.start as usize) {
                Some(bracket) => {
                    let problem = YamlProblem::Syntax {
                        message: format!("unclosed bracket '{}'", &source[bracket.range()]),
                    };
                    // The document's own error is the same stumble, seen from elsewhere.
                    let first = classify(&error, source);
                    let first = match first.1 {
                        YamlProblem::Syntax { .. } => (bracket, problem.clone()),
                        _ => first,
                    };
                    (first, (bracket, problem))
                }
                None => (first, then),
            };
            if first.0 != then.0 && !matches!(first.1, YamlProblem::MissingField { .. }) {
                parsed.problems.push(first);
            }
            parsed.problems.push(then);
            parsed.broken_ids = ids_in_text(source);
            return parsed;
        }
    };
    let Node::Map(entries) = &tree.value else {
        // Not a mapping at the top, or empty: the whole-document error says which.
        parsed.problems.push(classify(&error, source));
        parsed.broken_ids = ids_in_text(source);
        return parsed;
    };
    if entries.is_empty() {
        parsed.problems.push(classify(&error, source));
        return parsed;
    }
    recover(source, entries, &mut parsed, limits);
    parsed
}

/// How many nodes aliases may expand to in `source`: `yaml_alias_events`, or as many as the text
/// has bytes where that is more. An honest file that uses an alias at every item stays within
/// its own size; a bomb's expansion outgrows any text that writes it.
fn alias_events(source: &str, limits: Limits) -> u32 {
    let size = u32::try_from(source.len()).unwrap_or(u32::MAX);
    limits.yaml_alias_events.max(size)
}

/// Which of the limits `error` hit, if it is one of them.
fn limit_hit(error: &Error, source: &str, limits: Limits) -> Option<Limit> {
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

/// A document that hits a limit: the limit, at the line where it was hit, and what the text
/// before that line holds, read as if the document ended there. With `cut` false (the text is
/// already what came before a cut), nothing.
fn at_limit<T: Document>(
    source: &str,
    error: &Error,
    limit: Limit,
    cut: bool,
    limits: Limits,
) -> Parsed<T> {
    let nothing = || Parsed {
        value: None,
        problems: Vec::new(),
        broken_ids: Vec::new(),
    };
    if !cut {
        return nothing();
    }
    let at = error_span(error.without_snippet(), source);
    let cut = line_start(source, at.start as usize);
    let mut parsed = if cut > 0 {
        parse_text::<T>(
            &blank_out(source, std::slice::from_ref(&(cut..source.len()))),
            true,
            false,
            limits,
        )
    } else {
        nothing()
    };
    // What the cut leaves unfinished or missing follows from the limit, not from the text.
    parsed.problems.retain(|(span, problem)| {
        (span.start as usize) < cut && !matches!(problem, YamlProblem::MissingField { .. })
    });
    parsed.broken_ids.extend(ids_in_text(&source[cut..]));
    parsed.problems.push((at, YamlProblem::Limit(limit)));
    parsed
}

/// The bracket left open on the last line before `offset` that opens a `{` or `[` and does not
/// close it, where that line does not end in `,` (a flow collection written over several lines
/// continues after a comma).
fn unclosed_before(source: &str, offset: usize) -> Option<Span> {
    let head = &source[..offset.min(source.len())];
    let line_start = head.rfind('\n').map_or(0, |i| i + 1);
    let mut found = None;
    let mut start = 0;
    for line in head[..line_start].split_inclusive('\n') {
        let mut open: Vec<usize> = Vec::new();
        let mut quote: Option<char> = None;
        for (at, c) in line.char_indices() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '\'' | '"') => quote = Some(c),
                (None, '#') if at == 0 || line[..at].ends_with(' ') => break,
                (None, '{' | '[') => open.push(at),
                (None, '}' | ']') => {
                    open.pop();
                }
                _ => {}
            }
        }
        let ends_open = !line.trim_end().ends_with(',');
        if let Some(&at) = open.first()
            && ends_open
        {
            found = Some(Span::new(start + at, start + at + 1));
        }
        start += line.len();
    }
    found
}

/// The first space of each line's indentation that is not an ASCII space or a tab.
fn odd_spaces(source: &str) -> Vec<(Span, YamlProblem)> {
    let mut found = Vec::new();
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let odd = line
            .char_indices()
            .take_while(|(_, c)| c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}'))
            .find(|(_, c)| !matches!(c, ' ' | '\t' | '\n' | '\r'));
        if let Some((at, character)) = odd {
            let start = offset + at;
            found.push((
                Span::new(start, start + character.len_utf8()),
                YamlProblem::OddSpace { character },
            ));
        }
        offset += line.len();
    }
    found
}

/// A node of a YAML document with the position of each key and item, read without a target
/// type: the map that recovery follows down to the smallest part that fails.
enum Node {
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
fn outline(source: &str, limits: Limits) -> Result<crate::model::Spanned<Node>, Error> {
    let mut options = options(DuplicateKeyPolicy::PassThrough, source, limits);
    options.non_finite_float_policy = serde_saphyr::NonFiniteFloatPolicy::PassThrough;
    serde_saphyr::from_str_with_options(source, options)
}

/// A part of the document that can be read on its own: a mapping entry or a list item.
struct Part<'a> {
    range: Range<usize>,
    /// For a mapping entry, its key: a missing field reported there belongs to the mapping the
    /// entry was taken out of, not to the entry.
    key: Option<Span>,
    node: &'a Node,
}

/// The parts below `node`, whose text is `range` of `source`, when each starts a line of its
/// own (block style; a flow `{...}` or `[...]` is read as a whole). The first may share the
/// line of a list item's dash.
fn parts<'a>(source: &str, range: &Range<usize>, node: &'a Node) -> Vec<Part<'a>> {
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

/// Reads every part of a document that fails as a whole on its own, down to the smallest part
/// that fails, reports those, and reads the document again without them: a bad value inside a
/// response level's criterion loses that criterion, not the level, the plan or anything else.
fn recover<T: Document>(
    source: &str,
    entries: &[(crate::model::Spanned<KeyName>, crate::model::Spanned<Node>)],
    parsed: &mut Parsed<T>,
    limits: Limits,
) {
    let mut blank: Vec<Range<usize>> = Vec::new();
    let tops: Vec<Part> = {
        let mut starts: Vec<(usize, Span, &Node)> = entries
            .iter()
            .map(|(k, v)| (line_start(source, k.span.start as usize), k.span, &v.value))
            .collect();
        // Keys on one line (flow style) share a block; later ones are empty.
        for i in 1..starts.len() {
            starts[i].0 = starts[i].0.max(starts[i - 1].0);
        }
        let ends: Vec<usize> = (0..starts.len())
            .map(|i| {
                starts[i + 1..]
                    .iter()
                    .map(|s| s.0)
                    .find(|&s| s > starts[i].0)
                    .unwrap_or(source.len())
            })
            .collect();
        starts
            .into_iter()
            .zip(ends)
            .map(|((start, key, node), end)| Part {
                range: start..end.max(start),
                key: Some(key),
                node,
            })
            .collect()
    };
    let mut seen: Vec<&str> = Vec::new();
    for (part, (key, _)) in tops.iter().zip(entries) {
        let name = key.value.0.as_str();
        if seen.contains(&name) {
            parsed.problems.push((
                key.span,
                YamlProblem::DuplicateKey {
                    key: name.to_owned(),
                },
            ));
            parsed
                .broken_ids
                .extend(ids_in_text(&source[part.range.clone()]));
            blank.push(part.range.clone());
            continue;
        }
        seen.push(name);
        recover_part(source, &[], part, parsed, &mut blank, limits);
    }
    let start = entries.first().map_or(0, |(k, _)| k.span.start as usize);
    let mut complete = true;
    for field in T::REQUIRED {
        if !entries.iter().any(|(k, _)| k.value.0 == *field) {
            complete = false;
            parsed.problems.push((
                Span::new(start, start),
                YamlProblem::MissingField {
                    field: (*field).to_owned(),
                },
            ));
        }
    }
    if !complete {
        return;
    }
    // Taking a part out can leave the part around it without a field it needs (a criterion
    // whose broken `text` was taken out): take out, one at a time, the smallest list item or
    // top-level entry around each error that remains, until the rest reads.
    let layout = Layout::new(source, &tops);
    for _ in 0..=layout.droppable.len() {
        layout.close_lists(&mut blank);
        let rest = blank_out(source, &blank);
        let error = match from_str::<T>(&rest, limits) {
            Ok(value) => {
                parsed.value = Some(value);
                return;
            }
            Err(error) => error,
        };
        let (span, problem) = classify(&error, source);
        let at = span.start as usize;
        let Some(unit) = layout
            .droppable
            .iter()
            .filter(|r| r.contains(&at) && !covered(&blank, r))
            .min_by_key(|r| r.len())
        else {
            if parsed.problems.is_empty() {
                parsed.problems.push((span, problem));
            }
            return;
        };
        // An error in a part that lost a piece already follows from that piece's problem.
        let emptied = blank
            .iter()
            .any(|b| unit.start <= b.start && b.end <= unit.end);
        let reported = parsed.problems.iter().any(|(s, _)| s.start as usize == at);
        if !is_missing_field(&error) && !emptied && !reported {
            parsed.problems.push((span, problem));
        }
        parsed.broken_ids.extend(ids_in_text(&source[unit.clone()]));
        blank.push(unit.clone());
    }
}

/// Reads `part` with only `context` (the lines that lead to it) around it; when it fails, reads
/// its own parts the same way, and reports and takes out the smallest parts that fail.
fn recover_part<T: Document>(
    source: &str,
    context: &[Range<usize>],
    part: &Part,
    parsed: &mut Parsed<T>,
    blank: &mut Vec<Range<usize>>,
    limits: Limits,
) {
    let mut keep = context.to_vec();
    keep.push(part.range.clone());
    let error = match from_str::<T>(&keep_only(source, &keep), limits) {
        Ok(_) => return,
        Err(error) => error,
    };
    if is_missing_field(&error) {
        // Missing from a mapping this part was taken out of, or from the context: not this
        // part's fault.
        let at = error_span(error.without_snippet(), source).start as usize;
        let on_key = part.key.is_some_and(|k| {
            line_start(source, k.start as usize) == line_start(source, at) && at <= k.end as usize
        });
        if !part.range.contains(&at) || on_key {
            return;
        }
    }
    let inner = parts(source, &part.range, part.node);
    if !inner.is_empty() {
        let before = parsed.problems.len();
        keep.pop();
        keep.push(part.range.start..inner[0].range.start);
        for child in &inner {
            recover_part(source, &keep, child, parsed, blank, limits);
        }
        if parsed.problems.len() > before {
            return;
        }
    }
    parsed.problems.push(classify(&error, source));
    parsed
        .broken_ids
        .extend(ids_in_text(&source[part.range.clone()]));
    blank.push(part.range.clone());
}

/// Where parts may be taken out of a document without losing it.
struct Layout {
    /// Top-level entries and every list item at any depth.
    droppable: Vec<Range<usize>>,
    /// Each mapping entry whose value is a block list, with the list's items: when every item
    /// is taken out, the entry goes too (an empty `criteria:` would read as null, not as no
    /// criteria).
    lists: Vec<(Range<usize>, Vec<Range<usize>>)>,
}

impl Layout {
    fn new(source: &str, tops: &[Part]) -> Layout {
        fn walk(source: &str, part: &Part, layout: &mut Layout) {
            let children = parts(source, &part.range, part.node);
            if part.key.is_some() && matches!(part.node, Node::Seq(_)) && !children.is_empty() {
                let items = children.iter().map(|c| c.range.clone()).collect();
                layout.lists.push((part.range.clone(), items));
            }
            for child in &children {
                if child.key.is_none() {
                    layout.droppable.push(child.range.clone());
                }
                walk(source, child, layout);
            }
        }
        let mut layout = Layout {
            droppable: Vec::new(),
            lists: Vec::new(),
        };
        for part in tops {
            layout.droppable.push(part.range.clone());
            walk(source, part, &mut layout);
        }
        layout
    }

    /// Adds to `blank` the entries of lists whose items are all in it.
    fn close_lists(&self, blank: &mut Vec<Range<usize>>) {
        for (entry, items) in &self.lists {
            if !covered(blank, entry) && items.iter().all(|item| covered(blank, item)) {
                blank.push(entry.clone());
            }
        }
    }
}

fn covered(blank: &[Range<usize>], range: &Range<usize>) -> bool {
    blank
        .iter()
        .any(|b| b.start <= range.start && range.end <= b.end)
}

fn from_str<T: DeserializeOwned>(source: &str, limits: Limits) -> Result<T, Error> {
    serde_saphyr::from_str_with_options(source, options(DuplicateKeyPolicy::Error, source, limits))
}

fn is_missing_field(error: &Error) -> bool {
    matches!(error.without_snippet(), Error::SerdeMissingField { .. })
}

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

fn line_start(source: &str, offset: usize) -> usize {
    source[..offset.min(source.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1)
}

/// What the text of a plan's front matter that could not be read says of the plan.
pub struct Probe {
    pub id: Option<String>,
    pub owner: Option<String>,
    pub kind: Option<String>,
}

/// The `id`, `owner` and `kind` of a document that could not be read as a whole, where they can
/// be read as text; used so that references to a broken plan are not reported as unknown, and
/// its body is checked against its kind.
pub fn probe(source: &str) -> Probe {
    #[derive(Deserialize)]
    struct Fields {
        id: Option<String>,
        owner: Option<String>,
        kind: Option<String>,
    }
    match from_str::<Fields>(source, Limits::default()) {
        Ok(f) => Probe {
            id: f.id,
            owner: f.owner,
            kind: f.kind,
        },
        Err(_) => Probe {
            id: top_level(source, "id"),
            owner: top_level(source, "owner"),
            kind: top_level(source, "kind"),
        },
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
        let parsed = parse::<PlanMeta>(
            "---\nid: a\nkind: site\ntitle: t\nowner: o\n",
            Limits::default(),
        );
        assert!(parsed.problems.is_empty());
        assert_eq!(parsed.value.unwrap().id.as_str(), "a");
    }

    #[test]
    fn wrong_values_say_what_was_expected() {
        let text = "---\nid: a\nkind: site\ntitle: t\nowner: o\nparents: overall\njurisdiction: [x]\n\
                    lifecycle:\n  issued: 2024/01/01\nresponse:\n  - level: I\n    criteria:\n      - { text: t, at_least: abc }\n";
        let parsed = parse::<PlanMeta>(text, Limits::default());
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
        let parsed = parse::<PlanMeta>(PLAN, Limits::default());
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
    fn a_bad_value_deep_inside_loses_only_its_own_item() {
        let text = "---\nid: a\nkind: site\ntitle: t\nowner: o\nresponse:\n  - level: IV\n    criteria:\n      - { text: t, at_least: abc }\n      - text: [u]\n        at_least: 2\n      - { text: v, at_least: 3 }\n    actions:\n      - { org: o, do: x, within: 30分钟 }\n      - { org: p, do: y }\n  - level: III\n    name: [较大]\n    criteria:\n      - { text: w, at_least: 9 }\n";
        let parsed = parse::<PlanMeta>(text, Limits::default());
        let at: Vec<&str> = parsed
            .problems
            .iter()
            .map(|(span, _)| &text[span.range()])
            .collect();
        assert_eq!(at, ["abc", "[", "30分钟", "["]);
        let meta = parsed.value.expect("the plan is kept");
        let levels: Vec<(usize, usize, bool)> = meta
            .response
            .iter()
            .map(|r| (r.criteria.len(), r.actions.len(), r.name.is_some()))
            .collect();
        // Level IV keeps its good criterion and action; level III loses only its name.
        assert_eq!(levels, [(1, 1, false), (1, 0, false)]);
        assert_eq!(
            meta.response[0].actions[0].org.as_ref().unwrap().as_str(),
            "p"
        );
    }

    #[test]
    fn duplicate_and_missing_top_level_keys_are_reported() {
        let parsed = parse::<PlanMeta>(
            "---\nid: a\nkind: site\nid: b\ntitle: t\n",
            Limits::default(),
        );
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
        let parsed = parse::<PlanMeta>(text, Limits::default());
        assert_eq!(&text[parsed.problems[0].0.range()], "两小时");
    }
}
