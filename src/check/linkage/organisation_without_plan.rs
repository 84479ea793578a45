use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "L302",
    name: "organisation-without-plan",
    family: Family::Linkage,
    severity: Severity::Error,
    summary: (
        "duties are assigned to an organisation that has no plan",
        "承担职责的组织机构没有预案",
    ),
    doc: "\
## What it does
Reports each duty assigned to an organisation that owns no plan in the repository, at the duty's
`org`.

## Why is this bad?
Departmental plans are made \"according to the overall plan, the specialised plans and the
department's duties\" (2013 预案管理办法 Art. 6); township and village plans take up what the
district assigns to them. An organisation with duties and no plan has not prepared to carry any of
them out. The seed district's plan system has 79 departmental plans for this reason.

## How to fix
Write the organisation's plan (accepting these duties), or assign the duties to an organisation
that has one.",
    example: Example {
        file: "plans/zx-flood.md",
        find: "org: qu-yingjiju",
        bad: "org: shi-yingjiju",
        good: "org: qu-yingjiju",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for plan in &cx.repo.plans {
        for (duty, owned) in super::duty_not_accepted::assigned_elsewhere(cx, plan) {
            if !owned.is_empty() {
                continue;
            }
            let (org, name, duty_id) = (
                duty.org.as_str(),
                cx.org_name(duty.org.as_str()),
                duty.id.as_str(),
            );
            out.push(
                Diagnostic::new(
                    &RULE,
                    plan.loc(duty.org.span),
                    tr!(
                        cx.lang,
                        "duty `{duty_id}` is assigned to {name} (`{org}`), which has no plan",
                        "职责 `{duty_id}` 分配给{name}（`{org}`），但该单位没有预案"
                    ),
                )
                .with_help(tr!(
                    cx.lang,
                    "add a plan owned by `{org}` that accepts this duty, or assign the duty to an organisation with a plan",
                    "请为 `{org}` 编制承接该职责的预案，或将职责分配给已有预案的单位"
                )),
            );
        }
    }
}
