//! S: structure. Files that cannot be read, YAML that does not fit the format, plans without
//! the chapters their kind needs. Most of these are found by the loader; the rules here turn
//! them into diagnostics.

pub mod cr_line_ends;
pub mod duplicate_id;
pub mod duplicate_key;
pub mod front_matter_missing;
pub mod front_matter_unterminated;
pub mod id_format;
pub mod invalid_configuration;
pub mod invalid_value;
pub mod missing_chapter;
pub mod missing_field;
pub mod not_utf8;
pub mod suppression_without_reason;
pub mod unknown_field;
pub mod unreadable_file;
pub mod unused_suppression;
pub mod yaml_syntax;

use crate::check::{Context, Diagnostic, Rule};
use crate::foundation::problem::{Problem, ProblemKind, YamlProblem};
use crate::model::Loc;

/// Reports every loader problem that `select` turns into a message and helps.
fn report(
    cx: &Context,
    rule: &'static Rule,
    out: &mut Vec<Diagnostic>,
    select: impl Fn(&ProblemKind, Loc) -> Option<(String, Vec<String>)>,
) {
    for Problem { loc, kind } in &cx.repo.problems {
        if let Some((message, helps)) = select(kind, *loc) {
            let mut diagnostic = Diagnostic::new(rule, *loc, message);
            diagnostic.help = helps;
            out.push(diagnostic);
        }
    }
}

/// The YAML problem inside a loader problem, if it is one.
fn yaml(kind: &ProblemKind) -> Option<&YamlProblem> {
    match kind {
        ProblemKind::Yaml(problem) => Some(problem),
        _ => None,
    }
}
