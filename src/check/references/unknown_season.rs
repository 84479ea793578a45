use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::foundation::suggest::suggest;
use crate::model::refs::IdKind;
use crate::model::refs::for_each_reference;

pub static RULE: Rule = Rule {
    code: "R109",
    name: "unknown-season",
    family: Family::References,
    severity: Severity::Error,
    summary: (
        "a criterion names a season the plan does not define",
        "启动条件引用了本预案未定义的时段",
    ),
    doc: (
        "\
## What it does
Reports a `during` or `outside` of a criterion that names no season in the plan's `seasons`.

## Why is this bad?
Many thresholds depend on the time of year: a forest fire uncontrolled for 2 hours starts level Ⅳ
in the fire-prevention period (森林防火期) and after 4 hours elsewhere. A criterion tied to a
season that is not defined has no dates, so nobody can tell when it applies.

## How to fix
Define the season under `seasons` (`{ id: fire-season, name: 森林防火期, from: 01-01, until:
05-31 }`) or correct the id.",
        "\
## 作用
报告启动条件的 `during` 或 `outside` 中引用了本预案 `seasons` 里没有定义的时段。

## 为什么有问题
许多阈值与季节有关：森林火灾在森林防火期内燃烧 2 小时未得到控制即启动Ⅳ级响应，
其他时段则为 4 小时。启动条件引用了未定义的时段，就没有起止日期，
谁也无法判断该条件何时适用。

## 如何修复
在 `seasons` 中定义该时段（`{ id: fire-season, name: 森林防火期, from: 01-01, until: 05-31 }`），
或改正编号。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "during: [flood-season]",
        bad: "during: [flood-seasn]",
        good: "during: [flood-season]",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for_each_reference(cx.repo, IdKind::Season, |reference| {
        let (Some(scope), id) = (reference.scope, reference.id.as_str()) else {
            return;
        };
        let Some(plan) = cx.plan(scope) else {
            return;
        };
        if cx.is_broken(id) || plan.meta.seasons.iter().any(|s| s.id.as_str() == id) {
            return;
        }
        let near = suggest(id, plan.meta.seasons.iter().map(|s| s.id.as_str()));
        out.push(super::unknown(cx, &RULE, &reference, near));
    });
}
