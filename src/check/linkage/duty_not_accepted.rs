use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::Plan;
use crate::model::plan::Duty;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "L301",
    name: "duty-not-accepted",
    family: Family::Linkage,
    severity: Severity::Error,
    summary: (
        "a duty assigned to an organisation is not taken up in that organisation's plan",
        "分配给组织机构的职责未在其预案中承接",
    ),
    doc: "\
## What it does
For every duty a plan assigns to an organisation other than its own owner, checks that one of
that organisation's own plans lists it under `accepts` (plan id + duty id). Reported at the
duty's `org`, with the organisation's plans as related places. (An organisation with no plan at
all is L302.)

## Why is this bad?
This is the core of linkage (衔接): the district asks for \"an assessment system for the linkage
between the overall plan and the departmental plans\" (seed plan, 专栏). A specialised plan that
tells the water bureau to monitor water levels, while the water bureau's own plan does not
mention it, leaves a duty that nobody has prepared for: no procedure, no team, no drill. The 2024
预案管理办法 (Art. 5) charges the emergency management department with co-ordinating exactly this.

## How to fix
Add `{ plan: <assigning plan>, duty: <duty id> }` to `accepts` in the organisation's plan, and
describe in its body how it carries the duty out; or assign the duty to the right organisation.",
    example: Example {
        file: "plans/bm-yingji.md",
        find: "  - { plan: zx-flood, duty: rescue }\n",
        bad: "  []\n",
        good: "  - { plan: zx-flood, duty: rescue }\n",
    },
    run,
};

/// The duties a plan assigns to organisations other than its owner, with the owner's plans.
pub(super) fn assigned_elsewhere<'a>(
    cx: &'a Context,
    plan: &'a Plan,
) -> impl Iterator<Item = (&'a Duty, &'a [&'a Plan])> + 'a {
    plan.meta
        .duties
        .iter()
        .filter(move |d| d.org.as_str() != cx.owner(plan))
        // Unknown and dissolved organisations are reported by R102 and R302; an organisation
        // with a plan that could not be read may accept the duty there.
        .filter(move |d| {
            cx.organisations
                .get(d.org.as_str())
                .is_some_and(|o| o.value.dissolved.is_none())
                && !cx.repo.broken_owners.contains(d.org.as_str())
        })
        .map(move |d| {
            let plans = cx
                .plans_by_owner
                .get(d.org.as_str())
                .map_or(&[][..], |v| v.as_slice());
            (d, plans)
        })
}

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for plan in &cx.repo.plans {
        let id = plan.meta.id.as_str();
        for (duty, owned) in assigned_elsewhere(cx, plan) {
            // No plan at all is L302; a plan that could not be read may hold the acceptance.
            if owned.is_empty() || owned.iter().any(|p| !p.complete) {
                continue;
            }
            let accepted = cx
                .acceptances
                .get(&(id, duty.id.as_str()))
                .is_some_and(|by| by.iter().any(|p| cx.owner(p) == duty.org.as_str()));
            if accepted {
                continue;
            }
            let (org, name, duty_id) = (
                duty.org.as_str(),
                cx.org_name(duty.org.as_str()),
                duty.id.as_str(),
            );
            let plan_ids: Vec<&str> = owned.iter().map(|p| p.meta.id.as_str()).collect();
            let plan_ids = plan_ids.join(", ");
            let mut diagnostic = Diagnostic::new(
                &RULE,
                plan.loc(duty.org.span),
                tr!(
                    cx.lang,
                    "duty `{duty_id}` is assigned to {name} (`{org}`), but no plan of {name} accepts it",
                    "职责 `{duty_id}` 分配给{name}（`{org}`），但{name}的预案均未承接"
                ),
            )
            .with_help(tr!(
                cx.lang,
                "add `{{ plan: {id}, duty: {duty_id} }}` to `accepts` in {plan_ids}",
                "请在 {plan_ids} 的 `accepts` 中加入 `{{ plan: {id}, duty: {duty_id} }}`"
            ));
            for other in owned {
                diagnostic = diagnostic.with_related(
                    other.loc(other.meta.id.span),
                    tr!(cx.lang, "a plan of {name}", "{name}的预案"),
                );
            }
            out.push(diagnostic);
        }
    }
}
