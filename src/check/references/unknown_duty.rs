use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::foundation::suggest::suggest;
use crate::model::refs::IdKind;
use crate::model::refs::for_each_reference;

pub static RULE: Rule = Rule {
    code: "R106",
    name: "unknown-duty",
    family: Family::References,
    severity: Severity::Error,
    summary: (
        "a duty id that the named plan does not define",
        "引用了预案中不存在的职责",
    ),
    doc: (
        "\
## What it does
Reports a duty reference that does not resolve: an `accepts` entry naming a duty the assigning
plan does not define, or an action's `duty` or an accept's `as` naming a duty this plan does not
define. The help suggests the closest duty id of that plan.

## Why is this bad?
Accepting a duty is how a departmental or township plan shows that it takes up what the
overall and specialised plans assign to it (衔接). When the duty id is wrong the acceptance
counts for nothing, and the real duty stays unaccepted; often the assigning plan renamed or
split the duty in a revision and the accepting plans were not updated.

## How to fix
Use the duty's current id from the assigning plan.",
        "\
## 作用
报告无法解析的职责引用：`accepts` 条目指向分派职责的预案未定义的职责，
或行动的 `duty`、承接项的 `as` 指向本预案未定义的职责。
帮助信息会给出该预案中最接近的职责编号。

## 为什么有问题
部门应急预案或乡镇（街道）应急预案正是通过承接职责，表明其接住了
总体应急预案和专项应急预案分派给它的任务（衔接）。职责编号错误，
这次承接就不算数，真正的职责仍无人承接；常见原因是分派职责的预案
在修订时改名或拆分了职责，而承接的预案没有同步更新。

## 如何修复
使用分派职责的预案中该职责的现行编号。",
    ),
    example: Example {
        file: "plans/bm-yingji.md",
        find: "duty: rescue",
        bad: "duty: resque",
        good: "duty: rescue",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for_each_reference(cx.repo, IdKind::Duty, |reference| {
        let Some(scope) = reference.scope else {
            return;
        };
        // An unknown plan is reported by R101; a duty that could not be read is reported where
        // it is defined.
        let Some(plan) = cx.plan(scope) else {
            return;
        };
        let id = reference.id.as_str();
        if cx.is_broken(id) || cx.duties.contains_key(&(scope, id)) {
            return;
        }
        let near = suggest(id, plan.meta.duties.iter().map(|d| d.id.as_str()));
        out.push(super::unknown(cx, &RULE, &reference, near));
    });
}
