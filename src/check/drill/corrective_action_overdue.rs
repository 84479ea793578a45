use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::Loc;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "D104",
    name: "corrective-action-overdue",
    family: Family::Drill,
    severity: Severity::Warning,
    summary: (
        "a drill's corrective action is past its due date and not closed",
        "演练整改措施已过完成时限仍未完成",
    ),
    doc: (
        "\
## What it does
Reports every corrective action of a drill record whose `due` date has passed (by the reference date: `as_of` in emplan.toml, `--today`, else the system's date in UTC) without a `closed` date.

## Why is this bad?
A finding that is never acted on is found again at the next drill, or in a real response: the drill guide (国务院应急办, 2009) has drill results used to revise the plans, train teams and update supplies, and the 2024 办法 makes drills one of the triggers of revision. An open action past its date is the improvement plan failing.

## How to fix
Carry out the action and record its `closed` date, or agree a new `due` date and record why in the finding.",
        "\
## 作用
报告演练记录中已过完成时限（`due`，按参考日期：emplan.toml 的 `as_of`、`--today`，否则为系统日期、UTC）但没有完成日期（`closed`）的整改措施。

## 为什么有问题
发现的问题不整改，下次演练或真实处置中还会出现：《突发事件应急演练指南》（国务院应急办，2009）
要求将演练结果用于修订预案、培训队伍和更新物资，2024年办法也把演练发现的问题列为修订预案的情形之一。
过期未完成的整改措施说明改进计划没有落实。

## 如何修复
落实整改并记录完成日期（`closed`），或商定新的完成时限并在问题中说明原因。",
    ),
    example: Example {
        file: "drills/flood.record.yaml",
        find: "due: '2999-12-31'",
        bad: "due: '2020-12-31'",
        good: "due: '2999-12-31'",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let today = cx.today;
    for entry in &cx.repo.records {
        for finding in &entry.value.findings {
            let a = &finding.action;
            if a.closed.is_some() || a.due.value >= today {
                continue;
            }
            let (id, due) = (finding.id.as_str(), a.due.value.zh());
            let owner = cx.org_name(a.owner.as_str());
            out.push(Diagnostic::new(
                &RULE,
                Loc {
                    file: entry.file,
                    span: a.due.span,
                },
                tr!(
                    cx.lang,
                    "the corrective action of finding {id} was due on {due} and is not closed ({owner})",
                    "问题 {id} 的整改措施应于{due}完成，尚未完成（{owner}）"
                ),
            ));
        }
    }
}
