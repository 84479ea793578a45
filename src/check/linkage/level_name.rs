use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "L202",
    name: "level-name",
    family: Family::Linkage,
    severity: Severity::Error,
    summary: (
        "a response level carries another level's grade name",
        "响应级别与事件等级名称不对应",
    ),
    doc: (
        "\
## What it does
Checks that a response level's `name` is the grade that goes with it in every tier: Ⅰ 特别重大,
Ⅱ 重大, Ⅲ 较大, Ⅳ 一般.

## Why is this bad?
The 突发事件应对法 grades events as 特别重大、重大、较大、一般 and the response levels Ⅰ-Ⅳ
follow that grading at every tier. A plan that calls its level Ⅲ \"重大\" tells responders to
mobilise for the wrong grade, and comparing it with its parent gives the wrong answer.

## How to fix
Use the standard name for the level, or the level for the name.",
        "\
## 作用
检查响应级别的 `name` 是否为各层级预案中与该级别对应的事件等级：
Ⅰ 特别重大、Ⅱ 重大、Ⅲ 较大、Ⅳ 一般。

## 为什么有问题
《中华人民共和国突发事件应对法》将突发事件分为
特别重大、重大、较大、一般四级，各层级预案的Ⅰ—Ⅳ级响应
都与这一分级相对应。把Ⅲ级响应称为“重大”的预案，
会让应急力量按错误的等级动员，与上级预案比对时，
也会得出错误的结论。

## 如何修复
为该级别使用标准名称，或按名称改用与之对应的级别。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "name: 较大",
        bad: "name: 重大",
        good: "name: 较大",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for plan in &cx.repo.plans {
        for level in &plan.meta.response {
            let Some(name) = &level.name else {
                continue;
            };
            let expected = level.level.grade_zh();
            if name.as_str() == expected {
                continue;
            }
            let (written, zh) = (name.as_str(), level.level.zh());
            out.push(
                Diagnostic::new(
                    &RULE,
                    plan.loc(name.span),
                    tr!(
                        cx.lang,
                        "level {zh} is named `{written}`, but its grade is `{expected}`",
                        "{zh}响应对应“{expected}”，此处写为“{written}”"
                    ),
                )
                .with_help(tr!(
                    cx.lang,
                    "write `name: {expected}`",
                    "请改为 `name: {expected}`"
                )),
            );
        }
    }
}
