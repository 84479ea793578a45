//! Stage 3: diagnostics -> output. One file per format; all read the same [`Diagnostic`]s.

pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use crate::foundation::diagnostic::{Diagnostic, Severity};
use crate::foundation::i18n::Lang;
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
    /// Set when the findings are those of some files of the repository only.
    pub scope: Option<Scope>,
    /// Findings counted above but not shown, by rule, past the cap per rule
    /// (`--max-per-rule`).
    pub omitted: Vec<(&'static str, usize)>,
    /// Findings that suppressions in the plans cover (not counted above).
    pub suppressed: usize,
    /// Findings left out because the baseline records them (not counted above).
    pub baselined: usize,
}

/// What part of a repository a run reports on (`emplan check FILE...`): the whole repository is
/// loaded and checked, and the findings in the named files are reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    /// The repository root, as shown to the user.
    pub root: String,
    pub found_by: crate::load::root::FoundBy,
    /// The files and folders named, as shown to the user.
    pub paths: Vec<String>,
    /// How many of the repository's files they hold.
    pub files: usize,
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
            scope: None,
            omitted: Vec::new(),
            suppressed: 0,
            baselined: 0,
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
