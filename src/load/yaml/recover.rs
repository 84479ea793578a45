//! The piecewise re-reading of a document that fails as a whole: each part read on its own,
//! down to the smallest part that fails, and the rest read again without the parts that fail.

use std::ops::Range;

use super::outline::{KeyName, Node, Part, parts};
use super::saphyr::{classify, error_span, from_str, is_missing_field};
use super::text::{blank_out, ids_in_text, keep_only, line_start};
use super::{Document, Parsed};
use crate::foundation::problem::YamlProblem;
use crate::model::Span;
use crate::model::config::Limits;

/// Reads every part of a document that fails as a whole on its own, down to the smallest part
/// that fails, reports those, and reads the document again without them: a bad value inside a
/// response level's criterion loses that criterion, not the level, the plan or anything else.
pub(super) fn recover<T: Document>(
    source: &str,
    entries: &[(crate::model::Spanned<KeyName>, crate::model::Spanned<Node>)],
    parsed: &mut Parsed<T>,
    limits: Limits,
) {
    let mut blank: Vec<Range<usize>> = Vec::new();
    let tops = top_parts(source, entries);
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
    if !has_required(entries, parsed) {
        return;
    }
    read_rest(source, &tops, blank, parsed, limits);
}

/// The top-level entries of a document as parts, each from the start of its key's line to the
/// start of the next entry's.
fn top_parts<'a>(
    source: &str,
    entries: &'a [(crate::model::Spanned<KeyName>, crate::model::Spanned<Node>)],
) -> Vec<Part<'a>> {
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
}

/// Whether the document has every top-level key `T` requires; each one missing is reported
/// where the document's first key is.
fn has_required<T: Document>(
    entries: &[(crate::model::Spanned<KeyName>, crate::model::Spanned<Node>)],
    parsed: &mut Parsed<T>,
) -> bool {
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
    complete
}

/// Reads the document without the parts in `blank`. Taking a part out can leave the part around
/// it without a field it needs (a criterion whose broken `text` was taken out): take out, one at
/// a time, the smallest list item or top-level entry around each error that remains, until the
/// rest reads.
fn read_rest<T: Document>(
    source: &str,
    tops: &[Part],
    mut blank: Vec<Range<usize>>,
    parsed: &mut Parsed<T>,
    limits: Limits,
) {
    let layout = Layout::new(source, tops);
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
