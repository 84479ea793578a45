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
mod outline;
mod probe;
mod recover;
mod saphyr;
mod subset;
mod text;

use serde::de::DeserializeOwned;
use serde_saphyr::Error;

use crate::foundation::problem::{Limit, YamlProblem};
use crate::model::Span;
use crate::model::config::Limits;
use outline::{Node, outline};
pub use probe::{Probe, probe};
use recover::recover;
use saphyr::{classify, error_span, from_str, limit_hit};
use text::{blank_out, ids_in_text, line_start, odd_spaces, unclosed_before};

/// `None` if the subset reader declines `text`; else whether serde-saphyr reads it alike,
/// spans included (compared through `Debug`, which shows every field). The subset reader's one
/// duty is never to read a text otherwise than serde-saphyr: its tests and the `yaml_subset`
/// fuzz target hold it to that.
#[cfg(any(test, feature = "fuzzing"))]
pub fn subset_agrees<T: Document + std::fmt::Debug>(text: &str) -> Option<Result<(), String>> {
    let fast = subset::from_str::<T>(text)?;
    Some(match from_str::<T>(text, Limits::default()) {
        Ok(slow) if format!("{slow:?}") == format!("{fast:?}") => Ok(()),
        Ok(slow) => Err(format!("read differently:\n{fast:?}\n{slow:?}")),
        Err(error) => Err(format!("accepted what serde-saphyr refuses: {error}")),
    })
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
            parsed
                .problems
                .extend(broken_syntax(source, &error, &syntax));
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
    once_each(&mut parsed.problems);
    parsed
}

/// Each problem once: the pieces of a broken document are read again one by one, and each
/// reading meets a mistake outside its piece again (a misspelt top-level key was reported once
/// per piece). In order of position; problems at one place keep their order.
fn once_each(problems: &mut Vec<(Span, YamlProblem)>) {
    problems.sort_by_key(|(span, _)| *span);
    let mut kept: Vec<(Span, YamlProblem)> = Vec::with_capacity(problems.len());
    for (span, problem) in problems.drain(..) {
        let same_place = kept.iter().rev().take_while(|(s, _)| *s == span);
        if !same_place.clone().any(|(_, p)| *p == problem) {
            kept.push((span, problem));
        }
    }
    *problems = kept;
}

/// The problems of a document whose syntax is broken: `error`, the document's own error, and
/// `syntax`, where the outline stopped.
fn broken_syntax(source: &str, error: &Error, syntax: &Error) -> Vec<(Span, YamlProblem)> {
    let mut problems = Vec::new();
    // Broken syntax stops the parser; a type error before it is still worth reporting,
    // but not a missing field: the broken syntax has often cut its mapping short.
    let (first, then) = (classify(error, source), classify(syntax, source));
    // A `{` or `[` left open on an earlier line is the mistake; the parser only stumbles
    // over it lines later (`"-" is only valid inside a block`).
    let (first, then) = match unclosed_before(source, then.0.start as usize) {
        Some(bracket) => {
            let problem = YamlProblem::Syntax {
                message: format!("unclosed bracket '{}'", &source[bracket.range()]),
            };
            // The document's own error is the same stumble, seen from elsewhere.
            let first = classify(error, source);
            let first = match first.1 {
                YamlProblem::Syntax { .. } => (bracket, problem.clone()),
                _ => first,
            };
            (first, (bracket, problem))
        }
        None => (first, then),
    };
    if first.0 != then.0 && !matches!(first.1, YamlProblem::MissingField { .. }) {
        problems.push(first);
    }
    problems.push(then);
    problems
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::foundation::problem::Expected;
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
