use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::Plan;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "L201",
    name: "level-not-in-parent",
    family: Family::Linkage,
    severity: Severity::Error,
    summary: (
        "a plan defines a response or warning level that none of its parents has",
        "预案设置了上级预案中没有的响应或预警级别",
    ),
    doc: (
        "\
## What it does
For each response level (Ⅰ-Ⅳ) and warning level (red, orange, yellow, blue) a plan defines,
checks that at least one of its parents that define levels of that sort has the same level.
Parents that define no levels of that sort are not considered.

## Why is this bad?
Response grading must be \"clear and linked to the grading of the parent plan\" (review guides
for 应急预案评审). A township plan with a level Ⅰ response the district overall plan does not
have, or a departmental plan with a warning colour its specialised plan never issues, cannot be
activated by the parent and will not be.

## How to fix
Remove the level, or align it with a level the parent defines.",
        "\
## 作用
对预案设置的每个响应级别（Ⅰ—Ⅳ级）和预警级别（红、橙、黄、蓝），
在设置了同类级别的上级预案中，检查是否至少有一个设有相同的级别。
未设置该类级别的上级预案不参与比较。

## 为什么有问题
应急响应应当“分级清晰，且与上级应急预案响应分级衔接”
（应急预案评审指南）。乡镇（街道）应急预案设有
区总体应急预案没有的Ⅰ级响应，或部门应急预案设有
其专项应急预案从不发布的预警颜色，这样的级别，
上级预案无从启动，实际上也不会启动。

## 如何修复
删除该级别，或使其与上级预案设置的某一级别保持一致。",
    ),
    example: Example {
        file: "plans/cun-hexi.md",
        find: "---\n\n# 河西村",
        bad: "response:\n  - level: II\n    name: 重大\n---\n\n# 河西村",
        good: "response:\n  - level: IV\n    name: 一般\n---\n\n# 河西村",
    },
    run,
};

/// A plan's levels of one sort, as (level name, place): response or warning levels.
type Levels = fn(&Plan) -> Vec<(&'static str, crate::model::Span)>;

fn response_levels(plan: &Plan) -> Vec<(&'static str, crate::model::Span)> {
    let levels = plan.meta.response.iter();
    levels.map(|l| (l.level.zh(), l.level.span)).collect()
}

/// Warnings without a colour level (高火险预警) have no level to compare.
fn warning_levels(plan: &Plan) -> Vec<(&'static str, crate::model::Span)> {
    let levels = plan.meta.warning.iter().filter_map(|w| w.level.as_ref());
    levels.map(|l| (l.zh(), l.span)).collect()
}

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for plan in &cx.repo.plans {
        let parents: Vec<&Plan> = super::parents(cx, plan).collect();
        for levels in [response_levels as Levels, warning_levels] {
            // Only parents that define levels of this sort are compared with.
            let defining: Vec<&&Plan> = parents.iter().filter(|p| !levels(p).is_empty()).collect();
            if defining.is_empty() {
                continue;
            }
            let known: Vec<&str> = defining
                .iter()
                .flat_map(|p| levels(p))
                .map(|(n, _)| n)
                .collect();
            for (name, span) in levels(plan) {
                if !known.contains(&name) {
                    out.push(report(cx, plan, span, name, &defining));
                }
            }
        }
    }
}

fn report(
    cx: &Context,
    plan: &Plan,
    span: crate::model::Span,
    level: &str,
    parents: &[&&Plan],
) -> Diagnostic {
    let ids: Vec<&str> = parents.iter().map(|p| p.meta.id.as_str()).collect();
    let ids = ids.join(", ");
    let mut diagnostic = Diagnostic::new(
        &RULE,
        plan.loc(span),
        tr!(
            cx.lang,
            "level {level} is not defined by any parent plan ({ids})",
            "上级预案（{ids}）均未设置{level}"
        ),
    )
    .with_help(tr!(
        cx.lang,
        "remove this level or align it with a level the parent defines",
        "请删除该级别，或与上级预案的级别保持一致"
    ));
    for parent in parents {
        diagnostic = diagnostic.with_related(
            parent.loc(parent.meta.id.span),
            tr!(cx.lang, "parent plan", "上级预案"),
        );
    }
    diagnostic
}
