use std::collections::VecDeque;

use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::foundation::fast_map::FastMap;
use crate::model::PlanKind;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "G101",
    name: "unreachable-plan",
    family: Family::Graph,
    severity: Severity::Error,
    summary: (
        "a plan that no chain of parents links to the overall plan",
        "预案无法经上级关系追溯到总体应急预案",
    ),
    doc: (
        "\
## What it does
Follows `parents` down from every overall plan and reports each plan of the repository that it
never reaches: a plan with no parents, a plan whose only parents are kept elsewhere
(`external_plans`), or a group of plans that only name each other.

## Why is this bad?
The plan system is one tree with the overall plan at its root (2024 办法 Art. 6, 11): a plan
outside it is activated by nothing. `emplan activate` cannot reach it, no level maps onto it, and a
reviewer who follows the system from the top never reads it.

## How to fix
Add the plan it derives from to `parents`: the specialised plan for its hazard, its township's
plan, or the overall plan.",
        "\
## 作用
从每个总体应急预案出发沿 `parents` 向下查找，报告从未到达的预案：
没有上级预案的、上级预案只在仓库之外（`external_plans`）的，
或者只彼此互为上级的一组预案。

## 为什么有问题
预案体系是以总体应急预案为根的一棵树（2024年《办法》第六条、第十一条）。
游离在体系之外的预案不会被任何响应启动：`emplan activate` 推演不到它，
响应级别无从对应，从上往下审阅体系的人也看不到它。

## 如何修复
在 `parents` 中写明它所衔接的预案：本灾种的专项预案、所在乡镇的预案或总体应急预案。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "parents: [overall]",
        bad: "parents: []",
        good: "parents: [overall]",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let plans = &cx.repo.plans;
    let mut children: FastMap<&str, Vec<usize>> = FastMap::default();
    for (i, plan) in plans.iter().enumerate() {
        for parent in &plan.meta.parents {
            children.entry(parent.as_str()).or_default().push(i);
        }
    }
    let mut reached = vec![false; plans.len()];
    let mut queue: VecDeque<usize> = VecDeque::new();
    let mut roots = false;
    for (i, plan) in plans.iter().enumerate() {
        let m = &plan.meta;
        roots |= m.kind.value == PlanKind::Overall;
        // A parent that names no plan is R101's finding; the plan it meant may well be linked.
        let unknown = m.parents.iter().any(|p| !cx.plan_exists(p.as_str()));
        if m.kind.value == PlanKind::Overall || unknown {
            reached[i] = true;
            queue.push_back(i);
        }
    }
    // A repository without an overall plan is L101's finding, not one per plan here.
    if !roots {
        return;
    }
    while let Some(i) = queue.pop_front() {
        for &child in children
            .get(plans[i].meta.id.as_str())
            .into_iter()
            .flatten()
        {
            if !reached[child] {
                reached[child] = true;
                queue.push_back(child);
            }
        }
    }
    for (i, plan) in plans.iter().enumerate() {
        // A plan whose front matter was partly unreadable may have lost its parents.
        if reached[i] || !plan.complete {
            continue;
        }
        let m = &plan.meta;
        let id = m.id.as_str();
        let at = m.parents.first().map_or(m.id.span, |p| p.span);
        out.push(
            Diagnostic::new(
                &RULE,
                plan.loc(at),
                tr!(
                    cx.lang,
                    "plan `{id}` cannot be reached from the overall plan through parents",
                    "预案 `{id}` 无法经上级关系追溯到总体应急预案"
                ),
            )
            .with_help(tr!(
                cx.lang,
                "add the plan it derives from to `parents` (its hazard's specialised plan, its township's plan, or `overall`)",
                "请在 `parents` 中写明它所衔接的预案（本灾种的专项预案、所在乡镇的预案或总体应急预案）"
            )),
        );
    }
}
