use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "G102",
    name: "activation-cycle",
    family: Family::Graph,
    severity: Severity::Error,
    summary: (
        "plans that activate each other through accepted duties",
        "预案之间通过承接职责相互启动",
    ),
    doc: (
        "\
## What it does
A plan that accepts a duty of another plan is activated when that plan is. Reports plans whose
`accepts` form a cycle (A accepts a duty of B, B accepts a duty of A, directly or through
other plans), once per cycle, at the first plan's `accepts` entry inside the cycle.

## Why is this bad?
Activation runs down the plan system: a superior plan's duty is taken up by the subordinate
plans (2024 办法 Art. 11, 衔接). In a cycle each plan waits for the other to start; nobody can tell
which HQ convenes first or at which level, and an escalation in one re-enters the other. The
parents' cycle (L102) is the same fault in `parents`.

## How to fix
Keep the `accepts` entry of the subordinate plan and remove the one that points up the
hierarchy, or turn it into a duty of the superior plan.",
        "\
## 作用
承接某预案职责的预案，会随该预案启动而启动。本规则报告 `accepts`
构成循环的预案（A 承接 B 的职责，B 又承接 A 的职责，无论直接还是经由其他预案），
每个循环只报告一次，位置为第一个预案在循环内的 `accepts` 条目。

## 为什么有问题
启动沿预案体系自上而下进行：上级预案的职责由下级预案承接（2024年《办法》第十一条，衔接）。
形成循环后，各预案都在等对方先启动：说不清哪个指挥机构先启动、启动哪一级，
一方升级又会回到另一方。上级关系的循环（L102）是 `parents` 中的同类问题。

## 如何修复
保留下级预案的 `accepts` 条目，删除指向上级的那一条，或改为上级预案自己的职责。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "resources: [team-baolun]",
        bad: "accepts:\n  - { plan: xz-baolun-plan, duty: village-warn }\nresources: [team-baolun]",
        good: "resources: [team-baolun]",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let plans = &cx.repo.plans;
    for members in crate::check::linkage::plan_cycles(plans, |plan| {
        let own = plan.meta.id.as_str();
        plan.meta
            .accepts
            .iter()
            .map(|a| a.plan.as_str())
            .filter(move |id| *id != own)
    }) {
        let first = &plans[members[0]];
        let Some(edge) = first.meta.accepts.iter().find(|a| {
            a.plan.as_str() != first.meta.id.as_str()
                && members
                    .iter()
                    .any(|&j| plans[j].meta.id.as_str() == a.plan.as_str())
        }) else {
            continue;
        };
        let list = members
            .iter()
            .map(|&i| plans[i].meta.id.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let diagnostic = Diagnostic::new(
            &RULE,
            first.loc(edge.plan.span),
            tr!(
                cx.lang,
                "these plans activate each other through accepted duties: {list}",
                "以下预案通过承接职责相互启动：{list}"
            ),
        )
        .with_help(tr!(
            cx.lang,
            "keep the subordinate plan's `accepts` entry and remove the one that points up the hierarchy",
            "请保留下级预案的 `accepts` 条目，删除指向上级的那一条"
        ));
        let others = members[1..].iter().map(|&i| &plans[i]);
        out.push(crate::check::linkage::also_in_cycle(cx, diagnostic, others));
    }
}
