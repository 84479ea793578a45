use crate::check::index::IdKind;
use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "R104",
    name: "unknown-resource",
    family: Family::References,
    severity: Severity::Error,
    summary: ("a resource id that names no resource", "引用了不存在的应急资源"),
    doc: "\
## What it does
A reference to a resource (team, warehouse, shelter, equipment, monitor, hazard point) that is not in the registry. The help suggests the closest existing id.

## Why is this bad?
A plan that relies on a team or warehouse that is not registered cannot be checked for capacity, travel time or call-up contacts (2013 预案管理办法 Art. 8: team and supply support and how they are called up).

## How to fix
Correct the id (the help shows the closest one), or define what it names.",
    example: Example {
        file: "plans/xz-baolun.md",
        find: "resources: [team-baolun]",
        bad: "resources: [team-baolunn]",
        good: "resources: [team-baolun]",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    super::unknown_in_table(cx, &RULE, IdKind::Resource, &cx.resources, out);
}
