use crate::check::index::IdKind;
use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "R103",
    name: "unknown-hazard",
    family: Family::References,
    severity: Severity::Error,
    summary: ("a hazard id that names no hazard", "引用了不存在的灾种"),
    doc: "\
## What it does
A reference to a hazard (a plan's `hazards`, a criterion's `hazard`, a hazard chain's `triggers`, a hazard point's `hazard`) that is not in the registry. The help suggests the closest existing id.

## Why is this bad?
Coverage of the district's hazards, hazard chains and activation thresholds are all computed per hazard; a misspelt hazard drops the plan out of every one of them.

## How to fix
Correct the id (the help shows the closest one), or define what it names.",
    example: Example {
        file: "plans/zx-flood.md",
        find: "hazards: [rainstorm, flood]",
        bad: "hazards: [rainstorm, flod]",
        good: "hazards: [rainstorm, flood]",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    super::unknown_in_table(cx, &RULE, IdKind::Hazard, &cx.hazards, out);
}
