use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::Loc;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "D102",
    name: "drill-objective-gone",
    family: Family::Drill,
    severity: Severity::Error,
    summary: (
        "a drill objective tests a duty or response level that its plan no longer has",
        "演练目标检验的职责或响应级别在预案中已不存在",
    ),
    doc: (
        "\
## What it does
Checks that every duty (`plan` + `duty`) and response level (`plan` + `level`) a drill objective names exists in that plan.

## Why is this bad?
An objective is what the drill is judged by, and its evaluation form quotes the plan clause it tests. When a plan is revised and a duty is renamed or dropped, an objective that still names it tests nothing: the form is empty and the drill reports on a plan that no longer exists (国务院应急办《突发事件应急演练指南》: drills test the plans as they stand; GB/T 46792-2025: evaluation criteria come from the plan).

## How to fix
Point the objective at the duty or level as the plan now has it, or drop it.",
        "\
## 作用
检查演练目标所列的每项职责（`plan` + `duty`）和响应级别（`plan` + `level`）在该预案中是否存在。

## 为什么有问题
演练目标是评价演练的依据，其评估表引用所检验的预案条款。预案修订后职责改名或删除，
仍引用它的目标就什么也检验不了：评估表为空，演练评估的是已不存在的预案
（国务院应急办《突发事件应急演练指南》：演练检验现行预案；GB/T 46792-2025：评估标准来自预案）。

## 如何修复
把目标指向预案现有的职责或响应级别，或删除该目标。",
    ),
    example: Example {
        file: "drills/flood.drill.yaml",
        find: "{ plan: zx-flood, duty: evacuate }",
        bad: "{ plan: zx-flood, duty: evacuation }",
        good: "{ plan: zx-flood, duty: evacuate }",
    },
    run,
};

// One pass over the drills and its finding; the messages in both languages take a third of it.
fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let lang = cx.lang;
    for entry in &cx.repo.drills {
        let loc = |span| Loc {
            file: entry.file,
            span,
        };
        for objective in &entry.value.objectives {
            let id = objective.id.as_str();
            for r in &objective.duties {
                let plan = r.plan.as_str();
                let duty = r.duty.as_str();
                match cx.plan(plan) {
                    None if !cx.is_broken(plan) => out.push(Diagnostic::new(
                        &RULE,
                        loc(r.plan.span),
                        tr!(
                            lang,
                            "objective {id} tests a duty of `{plan}`, and there is no such plan",
                            "演练目标 {id} 检验预案 `{plan}` 的职责，但该预案不存在"
                        ),
                    )),
                    // A plan not read whole may have the duty in the part that was lost.
                    Some(p)
                        if p.complete && !p.meta.duties.iter().any(|d| d.id.as_str() == duty) =>
                    {
                        let near = crate::foundation::suggest::suggest(
                            duty,
                            p.meta.duties.iter().map(|d| d.id.as_str()),
                        );
                        let mut diagnostic = Diagnostic::new(
                            &RULE,
                            loc(r.duty.span),
                            tr!(
                                lang,
                                "objective {id} tests duty `{duty}`, and `{plan}` has no such duty",
                                "演练目标 {id} 检验职责 `{duty}`，但预案 `{plan}` 中没有该职责"
                            ),
                        );
                        if let Some(near) = near {
                            diagnostic = diagnostic.with_help(tr!(
                                lang,
                                "did you mean `{near}`?",
                                "是否应为 `{near}`？"
                            ));
                        }
                        out.push(diagnostic);
                    }
                    _ => {}
                }
            }
            for r in &objective.levels {
                let plan = r.plan.as_str();
                let level = r.level.value;
                let shown = level.zh();
                match cx.plan(plan) {
                    None if !cx.is_broken(plan) => out.push(Diagnostic::new(
                        &RULE,
                        loc(r.plan.span),
                        tr!(
                            lang,
                            "objective {id} tests a response level of `{plan}`, and there is no such plan",
                            "演练目标 {id} 检验预案 `{plan}` 的响应级别，但该预案不存在"
                        ),
                    )),
                    Some(p) if p.complete && !p.meta.response.iter().any(|x| x.level.value == level) => {
                        out.push(Diagnostic::new(
                            &RULE,
                            loc(r.level.span),
                            tr!(
                                lang,
                                "objective {id} tests level {shown}, and `{plan}` has no such response level",
                                "演练目标 {id} 检验{shown}响应，但预案 `{plan}` 没有该响应级别"
                            ),
                        ));
                    }
                    _ => {}
                }
            }
        }
    }
}
