use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::foundation::suggest::suggest;
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
    doc: (
        "\
## What it does
For every duty a plan assigns to an organisation other than its own owner, checks that one of
that organisation's own plans lists it under `accepts` (plan id + duty id). Reported at the
duty's `org`, with the organisation's plans as related places. (An organisation with no plan at
all is L302.)

## Why is this bad?
This is the core of linkage (衔接): the district asks for \"an assessment system for the linkage
between the overall plan and the departmental plans\" (seed plan, on the plan system). A specialised plan that
tells the water bureau to monitor water levels, while the water bureau's own plan does not
mention it, leaves a duty that nobody has prepared for: no procedure, no team, no drill. The 2024
预案管理办法 (Art. 5) charges the emergency management department with co-ordinating exactly this.

## How to fix
Add `{ plan: <assigning plan>, duty: <duty id> }` to `accepts` in the organisation's plan, and
describe in its body how it carries the duty out; or assign the duty to the right organisation.",
        "\
## 作用
对预案分配给其责任单位以外的组织机构的每项职责，
检查该组织机构自己的预案中，是否有一个在 `accepts` 下
列出了该职责（预案 id + 职责 id）。问题报告在该职责的
`org` 处，并把该组织机构的各个预案列为相关位置。
（完全没有预案的组织机构由 L302 报告。）

## 为什么有问题
这正是衔接的核心：区里要求“建立……综合应急预案与
各部门应急预案的衔接评估系统”（参考区“十四五”应急体系
规划）。专项应急预案要求水务局监测水位，而水务局自己的
预案对此只字未提，这项职责就无人做好准备：没有处置程序，
没有队伍，也没有演练。2024 年《突发事件应急预案管理办法》
第五条规定由应急管理部门统筹协调的，正是这项工作。

## 如何修复
在该组织机构预案的 `accepts` 中加入
`{ plan: <assigning plan>, duty: <duty id> }`
（`<assigning plan>` 为分配该职责的预案 id，
`<duty id>` 为职责 id），并在正文中写明如何履行该职责；
或者将该职责分配给正确的组织机构。",
    ),
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
        // with a plan that could not be read may accept the duty there; no plan of an external
        // body (the city's HQ) is kept here.
        .filter(move |d| {
            cx.organisations
                .get(d.org.as_str())
                .is_some_and(|o| o.value.dissolved.is_none() && !o.value.external)
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
            // An acceptance of a near miss of this duty's id is R106's finding.
            let misspelt = owned.iter().flat_map(|p| &p.meta.accepts).any(|a| {
                a.plan.as_str() == id
                    && !cx.duties.contains_key(&(id, a.duty.as_str()))
                    && suggest(a.duty.as_str(), std::iter::once(duty.id.as_str())).is_some()
            });
            if accepted || misspelt {
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
