use crate::check::index::{IdKind, suggest};
use crate::check::refs::for_each_reference;
use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "R101",
    name: "unknown-plan",
    family: Family::References,
    severity: Severity::Error,
    summary: ("a plan id that names no plan", "引用了不存在的预案"),
    doc: "\
## What it does
A reference to a plan (in `parents` or `accepts`) whose id no plan has. The help suggests the closest existing id.

## Why is this bad?
The plan system is a tree of plans that derive from one another (2024 预案管理办法 Art. 5: the emergency management department co-ordinates the linkage of plans). A parent that does not exist means the linkage of this plan to the system is unchecked; an accepted duty from a plan that does not exist is a duty nobody assigned.

## How to fix
Correct the id (the help shows the closest one), or define what it names.",
    example: Example {
        file: "plans/bm-shuili.md",
        find: "parents: [overall]",
        bad: "parents: [overal]",
        good: "parents: [overall]",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for_each_reference(cx.repo, IdKind::Plan, |reference| {
        let id = reference.id.as_str();
        if cx.plan(id).is_none() && !cx.is_broken(id) {
            let near = suggest(id, cx.plans.keys().copied());
            out.push(super::unknown(cx, &RULE, &reference, near));
        }
    });
}
