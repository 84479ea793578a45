use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::Loc;
use crate::model::refs::IdKind;
use crate::model::refs::for_each_reference;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "R302",
    name: "dissolved-organisation",
    family: Family::References,
    severity: Severity::Error,
    summary: (
        "a reference to an organisation that has been dissolved",
        "引用了已撤销的组织机构",
    ),
    doc: (
        "\
## What it does
Reports a reference by id to an organisation whose registry entry has `dissolved`, and names
its successor as the fix.

## Why is this bad?
Duties assigned to a body that no longer exists are carried out by nobody. The 2013 预案管理办法
(Art. 25) makes a change of the command body or its duties a trigger for revising the plan.

## How to fix
Refer to the successor, and review the duties with it.",
        "\
## 作用
报告通过编号引用、但其登记条目带有 `dissolved` 的组织机构，
并给出其承继机构作为修复建议。

## 为什么有问题
分派给已不存在机构的职责无人履行。
2013 年《突发事件应急预案管理办法》第二十五条将应急指挥机构及其职责
发生调整列为修订预案的情形之一。

## 如何修复
改为引用承继机构，并与其一同复核相关职责。",
    ),
    example: Example {
        file: "plans/overall.md",
        find: "office: qu-yingjiju",
        bad: "office: qu-anweiban",
        good: "office: qu-yingjiju",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for_each_reference(cx.repo, IdKind::Organisation, |reference| {
        let Some(org) = cx.organisations.get(reference.id.as_str()) else {
            return;
        };
        let Some(dissolution) = &org.value.dissolved else {
            return;
        };
        let (name, date) = (org.value.name.as_str(), dissolution.date.to_string());
        let mut diagnostic = Diagnostic::new(
            &RULE,
            reference.loc(),
            tr!(
                cx.lang,
                "`{name}` was dissolved on {date}",
                "“{name}”已于 {date} 撤销"
            ),
        )
        .with_related(
            Loc {
                file: org.file,
                span: dissolution.date.span,
            },
            tr!(cx.lang, "dissolved here", "撤销记录"),
        );
        if let Some(successor) = &dissolution.successor {
            let (id, name) = (successor.as_str(), cx.org_name(successor.as_str()));
            diagnostic = diagnostic.with_help(tr!(
                cx.lang,
                "refer to its successor `{id}` ({name})",
                "请改为其承继机构 `{id}`（{name}）"
            ));
        }
        out.push(diagnostic);
    });
}
