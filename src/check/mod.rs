//! Stage 2: rules over the [`Repository`] -> [`Diagnostic`]s.
//!
//! One file per rule, in a folder per family: `structure` (S), `references` (R), `linkage` (L),
//! `graph` (G), `coverage` (C), `lifecycle` (T), `contacts` (Q), `drill` (D).
//! Every rule has a stable code, a kebab-case name, a default severity and a doc that
//! `emplan explain CODE` prints, with an example that the test suite runs: applied to the small
//! repository in `tests/fixtures/mini`, the example's bad text must trigger the rule and its good
//! text must not.

pub mod baseline;
pub mod contacts;
pub mod coverage;
pub mod drill;
pub mod example;
pub mod graph;
pub mod index;
pub mod lifecycle;
pub mod linkage;
pub mod references;
pub mod scope;
pub mod structure;
pub mod suppress;

use rayon::prelude::*;

pub use crate::foundation::diagnostic::{Diagnostic, Related, RuleKey, Severity};
use crate::foundation::i18n::Lang;
use crate::model::index::Index;
pub use index::Context;

/// The family of a rule, by the letter of its code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Structure,
    References,
    Linkage,
    Graph,
    Coverage,
    Lifecycle,
    Contacts,
    Drill,
}

impl Family {
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Family::Structure => lang.pick("structure", "结构"),
            Family::References => lang.pick("references", "引用"),
            Family::Linkage => lang.pick("linkage", "衔接"),
            Family::Graph => lang.pick("graph", "响应图"),
            Family::Coverage => lang.pick("coverage", "覆盖"),
            Family::Lifecycle => lang.pick("lifecycle", "管理周期"),
            Family::Contacts => lang.pick("contacts", "通讯录"),
            Family::Drill => lang.pick("drill", "演练"),
        }
    }
}

/// An example for a rule's doc and tests: in `file` of the mini fixture, `find` replaced by
/// `bad` triggers the rule and replaced by `good` does not. An empty `find` means `file` is a new
/// file whose whole text is `bad` or `good`.
pub struct Example {
    pub file: &'static str,
    pub find: &'static str,
    pub bad: &'static str,
    pub good: &'static str,
}

/// A check with its documentation.
pub struct Rule {
    /// Stable code: family letter and three digits. Never changes once published.
    pub code: &'static str,
    /// Stable kebab-case name.
    pub name: &'static str,
    pub family: Family,
    pub severity: Severity,
    /// One line: what is wrong when the rule fires (English, Chinese).
    pub summary: (&'static str, &'static str),
    /// What it does, why it matters (with its source), and how to fix it. Markdown, in English
    /// (sections `## What it does`, `## Why is this bad?`, `## How to fix`) and in Chinese
    /// (`## 作用`, `## 为什么有问题`, `## 如何修复`).
    pub doc: (&'static str, &'static str),
    pub example: Example,
    pub run: fn(&Context, &mut Vec<Diagnostic>),
}

impl Rule {
    pub fn summary(&self, lang: Lang) -> &'static str {
        lang.pick(self.summary.0, self.summary.1)
    }

    pub fn doc(&self, lang: Lang) -> &'static str {
        lang.pick(self.doc.0, self.doc.1)
    }
}

impl From<&'static Rule> for RuleKey {
    fn from(rule: &'static Rule) -> RuleKey {
        RuleKey {
            code: rule.code,
            name: rule.name,
            severity: rule.severity,
        }
    }
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.code, self.name)
    }
}

/// Every rule, in code order.
pub static RULES: &[&Rule] = &[
    &structure::unreadable_file::RULE,
    &structure::not_utf8::RULE,
    &structure::yaml_syntax::RULE,
    &structure::front_matter_missing::RULE,
    &structure::front_matter_unterminated::RULE,
    &structure::cr_line_ends::RULE,
    &structure::invalid_configuration::RULE,
    &structure::suppression_without_reason::RULE,
    &structure::unused_suppression::RULE,
    &structure::unknown_field::RULE,
    &structure::missing_field::RULE,
    &structure::invalid_value::RULE,
    &structure::duplicate_key::RULE,
    &structure::duplicate_id::RULE,
    &structure::id_format::RULE,
    &structure::missing_chapter::RULE,
    &references::unknown_plan::RULE,
    &references::unknown_organisation::RULE,
    &references::unknown_hazard::RULE,
    &references::unknown_resource::RULE,
    &references::unknown_post::RULE,
    &references::unknown_duty::RULE,
    &references::unknown_metric::RULE,
    &references::unknown_contact::RULE,
    &references::unknown_season::RULE,
    &references::broken_plan_link::RULE,
    &references::former_name::RULE,
    &references::dissolved_organisation::RULE,
    &linkage::parent_kind::RULE,
    &linkage::parent_cycle::RULE,
    &linkage::accepted_plan_not_parent::RULE,
    &linkage::parent_other_jurisdiction::RULE,
    &linkage::level_not_in_parent::RULE,
    &linkage::level_name::RULE,
    &linkage::looser_threshold::RULE,
    &linkage::threshold_without_metric::RULE,
    &linkage::criterion_hazard_not_covered::RULE,
    &linkage::metric_not_grading_hazard::RULE,
    &linkage::inverted_levels::RULE,
    &linkage::criterion_number_mismatch::RULE,
    &linkage::parent_level_uncaught::RULE,
    &linkage::duty_not_accepted::RULE,
    &linkage::organisation_without_plan::RULE,
    &linkage::accepted_duty_not_assigned::RULE,
    &linkage::action_not_accepted::RULE,
    &linkage::action_org_mismatch::RULE,
    &linkage::lead_without_plan::RULE,
    &graph::unreachable_plan::RULE,
    &graph::activation_cycle::RULE,
    &graph::hazard_point_out_of_reach::RULE,
    &graph::commander_in_two_hqs::RULE,
    &coverage::hazard_without_specialised_plan::RULE,
    &coverage::township_hazard_not_covered::RULE,
    &coverage::member_without_plan::RULE,
    &coverage::six_haves::RULE,
    &coverage::team_too_small::RULE,
    &coverage::no_satellite_phone::RULE,
    &coverage::hazard_point_without_site_plan::RULE,
    &lifecycle::assessment_overdue::RULE,
    &lifecycle::drill_overdue::RULE,
    &lifecycle::filing_late::RULE,
    &lifecycle::filed_with_wrong_body::RULE,
    &lifecycle::suspect_acceptance::RULE,
    &lifecycle::parent_revised::RULE,
    &contacts::post_unreachable::RULE,
    &contacts::contact_not_verified::RULE,
    &contacts::phone_format::RULE,
    &contacts::concurrent_posts::RULE,
    &drill::unknown_reference::RULE,
    &drill::objective_gone::RULE,
    &drill::record_unknown_reference::RULE,
    &drill::corrective_action_overdue::RULE,
    &drill::revised_with_open_action::RULE,
];

/// Applies `emplan.toml`'s `[rules]`: a rule set `off` reports nothing, any other level
/// replaces the rule's severity. A code or name no rule has is S107's to report.
fn configure(config: &crate::model::config::Config, diagnostics: &mut Vec<Diagnostic>) {
    use crate::model::config::Level;
    if config.rules.is_empty() {
        return;
    }
    let levels: Vec<(&'static str, Level)> = config
        .rules
        .iter()
        .filter_map(|(name, _, level)| Some((rule(name)?.code, *level)))
        .collect();
    diagnostics.retain_mut(|d| {
        let Some((_, level)) = levels.iter().rev().find(|(code, _)| *code == d.rule.code) else {
            return true;
        };
        d.severity = match level {
            Level::Off => return false,
            Level::Info => Severity::Info,
            Level::Warning => Severity::Warning,
            Level::Error => Severity::Error,
        };
        true
    });
}

/// The rule with this code or name.
pub fn rule(code_or_name: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}

/// What a run of the rules found: the findings to report, and those that suppressions in the
/// plans covered.
pub struct Checked {
    pub diagnostics: Vec<Diagnostic>,
    pub suppressed: Vec<suppress::Suppressed>,
}

/// Every family, in the order of the data flow.
pub const FAMILIES: &[Family] = &[
    Family::Structure,
    Family::References,
    Family::Linkage,
    Family::Graph,
    Family::Coverage,
    Family::Lifecycle,
    Family::Contacts,
    Family::Drill,
];

/// Runs every rule over the repository. Diagnostics come sorted by file, position and code;
/// those that a suppression covers are left out.
pub fn check(index: &Index, lang: Lang) -> Vec<Diagnostic> {
    run(index, lang, FAMILIES).diagnostics
}

/// Runs the rules of these families only: what a file's structure and its references lose is
/// what makes an answer drawn from the model incomplete (`emplan activate`).
pub fn check_families(index: &Index, lang: Lang, families: &[Family]) -> Vec<Diagnostic> {
    run(index, lang, families).diagnostics
}

/// Runs the rules of these families, applies the configuration's severities and the plans'
/// suppressions, and sorts what is left.
pub fn run(index: &Index, lang: Lang, families: &[Family]) -> Checked {
    let repo = index.repo;
    let cx = Context::new(index, lang);
    let mut diagnostics: Vec<Diagnostic> = RULES
        .par_iter()
        .filter(|rule| families.contains(&rule.family))
        .flat_map_iter(|rule| {
            let mut out = Vec::new();
            (rule.run)(&cx, &mut out);
            out
        })
        .collect();
    // A file that is not UTF-8 is one S102 finding until it is saved as UTF-8.
    diagnostics.retain(|d| {
        repo.sources.get(d.loc.file).encoding.is_none()
            || d.rule.code == structure::not_utf8::RULE.code
    });
    let mut suppressed = if families.contains(&Family::Structure) {
        suppress::apply(repo, &mut diagnostics, lang)
    } else {
        Vec::new()
    };
    configure(&repo.config, &mut diagnostics);
    let order = |a: &Diagnostic, b: &Diagnostic| {
        let path = |d: &Diagnostic| repo.sources.get(d.loc.file).path.as_str();
        path(a)
            .cmp(path(b))
            .then(a.loc.span.cmp(&b.loc.span))
            .then(a.rule.code.cmp(b.rule.code))
            .then_with(|| a.message.cmp(&b.message))
    };
    diagnostics.sort_by(order);
    suppressed.sort_by(|a, b| order(&a.diagnostic, &b.diagnostic));
    Checked {
        diagnostics,
        suppressed,
    }
}
