use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "L102",
    name: "parent-cycle",
    family: Family::Linkage,
    severity: Severity::Error,
    summary: ("plans are each other's parents", "预案之间存在循环上级关系"),
    doc: (
        "\
## What it does
Reports plans whose `parents` form a cycle (A derives from B, B derives from A, directly or
through other plans), once per cycle, at the first plan of the cycle.

## Why is this bad?
The plan system is a hierarchy with the overall plan at the root. In a cycle no plan is the
higher one: a revision of one never settles, and levels and thresholds cannot be compared
against a parent.

## How to fix
Remove the `parents` entry that points down the hierarchy.",
        "\
## 作用
报告 `parents` 构成循环的预案（A 源自 B，B 又源自 A，
无论是直接还是经由其他预案），每个循环只报告一次，
位置为循环中的第一个预案。

## 为什么有问题
预案体系是以总体应急预案为根的层级结构。形成循环后，
没有哪个预案处于上级：其中一个预案修订，连带修订就永远
没有终点；响应级别和分级标准也无法与上级预案对照。

## 如何修复
删除指向下级预案的那条 `parents` 条目。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "parents: [overall]",
        bad: "parents: [overall, bm-yingji]",
        good: "parents: [overall]",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let plans = &cx.repo.plans;
    for members in super::plan_cycles(plans, |plan| plan.meta.parents.iter().map(|p| p.as_str())) {
        let first = &plans[members[0]];
        // Point at the parent entry that stays inside the cycle.
        let Some(edge) = first.meta.parents.iter().find(|p| {
            members
                .iter()
                .any(|&j| plans[j].meta.id.as_str() == p.as_str())
        }) else {
            continue;
        };
        let cycle: Vec<&str> = members.iter().map(|&i| plans[i].meta.id.as_str()).collect();
        let list = cycle.join(" -> ");
        let diagnostic = Diagnostic::new(
            &RULE,
            first.loc(edge.span),
            tr!(
                cx.lang,
                "the parents of these plans form a cycle: {list}",
                "以下预案的上级关系形成循环：{list}"
            ),
        )
        .with_help(tr!(
            cx.lang,
            "remove the `parents` entry that points down the hierarchy",
            "请删除指向下级预案的 `parents` 条目"
        ));
        let others = members[1..].iter().map(|&i| &plans[i]);
        out.push(super::also_in_cycle(cx, diagnostic, others));
    }
}
