use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::PlanKind;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "L401",
    name: "lead-without-plan",
    family: Family::Linkage,
    severity: Severity::Error,
    summary: (
        "the lead department of a specialised plan has no departmental plan",
        "专项预案的牵头部门没有部门预案",
    ),
    doc: (
        "\
## What it does
Checks that the owner of every specialised plan (its lead department, 牵头部门) owns a
departmental plan.

## Why is this bad?
A specialised plan is drafted by its lead department and approved by the government; the lead
department runs the HQ office and co-ordinates the member units. Without a departmental plan of
its own, the department that leads the response has written down nothing about how it will do
so (2013 预案管理办法 Art. 6 and 8).

## How to fix
Write the lead department's plan, or make the right department the owner.",
        "\
## 作用
检查每个专项应急预案的责任单位（即其牵头部门）
是否有自己的部门应急预案。

## 为什么有问题
专项应急预案由牵头部门起草、本级政府批准；牵头部门
承担指挥部办公室工作，协调各成员单位。牵头部门若没有
自己的部门应急预案，负责牵头应对的部门就从未以书面形式
明确自己将如何应对（2013 年《突发事件应急预案管理办法》
第六条、第八条）。

## 如何修复
编制牵头部门的部门应急预案，
或将正确的部门设为该预案的责任单位。",
    ),
    example: Example {
        file: "plans/bm-shuili.md",
        find: "kind: departmental",
        bad: "kind: enterprise",
        good: "kind: departmental",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for plan in &cx.repo.plans {
        if *plan.meta.kind != PlanKind::Specialised {
            continue;
        }
        let owner = cx.owner(plan);
        // Unknown organisations are reported by R102.
        if cx.organisations.get(owner).is_none() || cx.repo.broken_owners.contains(owner) {
            continue;
        }
        let owned = cx
            .plans_by_owner
            .get(owner)
            .map_or(&[][..], |v| v.as_slice());
        if owned.iter().any(|p| *p.meta.kind == PlanKind::Departmental) {
            continue;
        }
        let name = cx.org_name(owner);
        out.push(
            Diagnostic::new(
                &RULE,
                plan.loc(plan.meta.owner.span),
                tr!(
                    cx.lang,
                    "the lead department {name} (`{owner}`) has no departmental plan",
                    "牵头部门{name}（`{owner}`）没有部门应急预案"
                ),
            )
            .with_help(tr!(
                cx.lang,
                "add a departmental plan owned by `{owner}`",
                "请编制责任单位为 `{owner}` 的部门应急预案"
            )),
        );
    }
}
