use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::foundation::suggest::suggest;
use crate::model::refs::IdKind;
use crate::model::refs::for_each_reference;

pub static RULE: Rule = Rule {
    code: "R101",
    name: "unknown-plan",
    family: Family::References,
    severity: Severity::Error,
    summary: ("a plan id that names no plan", "引用了不存在的预案"),
    doc: (
        "\
## What it does
A reference to a plan (in `parents` or `accepts`) whose id no plan has. The help suggests the closest existing id.

## Why is this bad?
The plan system is a tree of plans that derive from one another (2024 预案管理办法 Art. 5: the emergency management department co-ordinates the linkage of plans). A parent that does not exist means the linkage of this plan to the system is unchecked; an accepted duty from a plan that does not exist is a duty nobody assigned.

## How to fix
Correct the id (the help shows the closest one), or define what it names.",
        "\
## 作用
引用预案（`parents` 或 `accepts` 中）时使用的编号不对应任何预案。
帮助信息会给出最接近的现有编号。

## 为什么有问题
预案体系是由层层衍生的预案组成的树（2024 年《突发事件应急预案管理办法》
第五条：应急管理部门统筹协调应急预案的衔接工作）。上级预案不存在，
本预案与预案体系的衔接就无从检查；从不存在的预案承接的职责，
是没有任何预案分派过的职责。

## 如何修复
更正编号（帮助信息会给出最接近的编号），或补充该编号所指的预案。",
    ),
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
        if !cx.plan_exists(id) && !cx.is_broken(id) {
            let known = cx.plans.keys().copied().chain(cx.external_plans.ids());
            let near = suggest(id, known);
            out.push(super::unknown(cx, &RULE, &reference, near));
        }
    });
}
