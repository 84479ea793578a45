use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "L103",
    name: "accepted-plan-not-parent",
    family: Family::Linkage,
    severity: Severity::Error,
    summary: (
        "a plan accepts duties from a plan that is not among its parents",
        "承接职责的来源预案未列为上级预案",
    ),
    doc: (
        "\
## What it does
Reports an `accepts` entry whose plan is not in the accepting plan's `parents`.

## Why is this bad?
A departmental plan is made \"according to the overall plan, the specialised plans and the
department's duties\": the plans whose duties it takes up are its parents. Listing them keeps the
hierarchy honest, so that a revision of the specialised plan flags the departmental plans that
must follow it (2013 预案管理办法 Art. 25: a changed parent plan triggers revision).

## How to fix
Add the plan to `parents`.",
        "\
## 作用
报告 `accepts` 中所承接的预案不在本预案 `parents` 中的条目。

## 为什么有问题
部门应急预案是“根据总体应急预案、专项应急预案和部门职责”
制定的：它所承接职责的来源预案，就是它的上级预案。
把这些预案列为上级，层级关系才能如实反映；专项应急预案
修订时，需要随之修订的部门应急预案也才会被标记出来
（2013 年《突发事件应急预案管理办法》第二十五条：
上位预案发生变化的，应当及时修订）。

## 如何修复
将该预案加入 `parents`。",
    ),
    example: Example {
        file: "plans/bm-yingji.md",
        find: "parents: [overall, zx-flood]",
        bad: "parents: [overall]",
        good: "parents: [overall, zx-flood]",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for plan in &cx.repo.plans {
        for accept in &plan.meta.accepts {
            let id = accept.plan.as_str();
            let is_parent = super::parents(cx, plan).any(|p| p.meta.id.as_str() == id);
            if cx.plan(id).is_none() || is_parent {
                continue;
            }
            out.push(
                Diagnostic::new(
                    &RULE,
                    plan.loc(accept.plan.span),
                    tr!(
                        cx.lang,
                        "duties are accepted from `{id}`, which is not among this plan's parents",
                        "从预案 `{id}` 承接职责，但该预案不在上级预案（parents）中"
                    ),
                )
                .with_help(tr!(
                    cx.lang,
                    "add `{id}` to `parents`",
                    "请在 `parents` 中加入 `{id}`"
                )),
            );
        }
    }
}
