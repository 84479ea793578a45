use crate::check::index::IdKind;
use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "R102",
    name: "unknown-organisation",
    family: Family::References,
    severity: Severity::Error,
    summary: ("an organisation id that names no organisation", "引用了不存在的组织机构"),
    doc: "\
## What it does
A reference to an organisation (owner, member unit, duty holder, acting organisation, filing body...) whose id is not in the registry. The help suggests the closest existing id.

## Why is this bad?
Every duty must land on a real organisation: an unknown id is a duty nobody will carry out. After an institutional reform (机构改革) old ids linger in plans that were not revised (2013 预案管理办法 Art. 25: a change of the command body or its duties requires a revision).

## How to fix
Correct the id (the help shows the closest one), or define what it names.",
    example: Example {
        file: "plans/zx-flood.md",
        find: "org: qu-yingjiju",
        bad: "org: qu-yingji",
        good: "org: qu-yingjiju",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    super::unknown_in_table(cx, &RULE, IdKind::Organisation, &cx.organisations, out);
}
