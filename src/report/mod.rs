//! Stage 3: diagnostics -> output. One file per format; all read the same [`Diagnostic`]s.

pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use crate::check::{Diagnostic, Severity};
use crate::i18n::Lang;
use crate::model::{PlanKind, Repository};

/// Counts over one run, shared by every format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub plans: usize,
    pub plans_by_kind: Vec<(PlanKind, usize)>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn new(repo: &Repository, diagnostics: &[Diagnostic]) -> Self {
        let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
        Summary {
            files: repo.sources.files.len(),
            plans: repo.plans.len(),
            plans_by_kind: repo.plans_by_kind(),
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
        }
    }
}

/// Output format of `emplan check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style text with source excerpts
    Human,
    /// one JSON document (schema version 1)
    Json,
    /// GitHub Actions annotations (workflow commands)
    Github,
    /// one SARIF 2.1.0 log (code scanning)
    Sarif,
    /// JUnit XML (CI test reports)
    Junit,
}

/// A finding's message followed by its help lines (`help: …`), for the formats that give each
/// finding one text.
pub fn message_with_help(diagnostic: &Diagnostic, lang: Lang) -> String {
    let label = lang.pick("help", "帮助");
    let mut text = diagnostic.message.clone();
    for help in &diagnostic.help {
        text.push_str(&format!("\n{label}: {help}"));
    }
    text
}
