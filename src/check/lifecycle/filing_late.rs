use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::PlanKind;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "T103",
    name: "filing-late",
    family: Family::Lifecycle,
    severity: Severity::Warning,
    summary: (
        "the plan was not filed within 20 working days of issue",
        "预案未在印发后 20 个工作日内备案",
    ),
    doc: (
        "\
## What it does
Reports a plan filed (`lifecycle.filed.date`) more than `thresholds.filing_working_days`
(default 20) working days after its issue (`lifecycle.issued`), or not filed at all when that
many working days have passed by the reference date. Working days are Monday to Friday, less
the holidays and plus the make-up working days (调休) listed in `[calendar]` of emplan.toml.
Site procedures (现场处置方案) are not filed and are not checked.

## Why is this bad?
The 2024 办法 (国办发〔2024〕5号) Art. 26 has a plan filed within 20 working days of its issue
with the body above, so that the body above knows what its subordinates will do and can check
that their plans fit its own. A plan the body above has never received is a plan nobody
reviews.

## How to fix
File the plan and record it: `filed: {date: '2024-03-15', with: gy-shuiwuju}`. When the
holidays of that year explain the delay, list them in `[calendar] holidays` of emplan.toml.",
        "\
## 作用
报告备案日期（`lifecycle.filed.date`）晚于印发日期（`lifecycle.issued`）后
`thresholds.filing_working_days` 个工作日（默认 20 个）的预案；到参考日期已超过该期限仍未备案的，
同样报告。工作日为周一至周五，扣除 emplan.toml `[calendar]` 中列出的节假日，加上调休上班日。
现场处置方案不需备案，不检查。

## 为什么有问题
《突发事件应急预案管理办法》（国办发〔2024〕5号）第二十六条规定，预案应当在印发之日起 20 个工作日内
报送备案，使上级了解下级的应对安排，并检查其与本级预案是否衔接。上级从未收到的预案无人审查。

## 如何修复
报送备案并登记：`filed: {date: '2024-03-15', with: gy-shuiwuju}`。如延误是当年节假日造成的，
在 emplan.toml 的 `[calendar] holidays` 中列出这些节假日。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "filed: {date: '2024-03-15'",
        bad: "filed: {date: '2024-05-15'",
        good: "filed: {date: '2024-03-15'",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let n = cx.config.thresholds.filing_working_days;
    for plan in &cx.repo.plans {
        if plan.meta.kind.value == PlanKind::Site {
            continue;
        }
        let Some(lifecycle) = &plan.meta.lifecycle else {
            continue;
        };
        let Some(issued) = &lifecycle.issued else {
            continue;
        };
        let deadline = cx.config.add_working_days(issued.value, n);
        let (on, by) = (issued.value.zh(), deadline.zh());
        match &lifecycle.filed {
            Some(filed) if filed.date.value > deadline => {
                let date = filed.date.value.zh();
                out.push(Diagnostic::new(
                    &RULE,
                    plan.loc(filed.date.span),
                    tr!(
                        cx.lang,
                        "filed on {date}, after the deadline of {by} ({n} working days after its issue on {on})",
                        "备案日期{date}晚于期限{by}（印发日期{on}后 {n} 个工作日）"
                    ),
                ));
            }
            Some(_) => {}
            None if deadline < cx.today => out.push(
                Diagnostic::new(
                    &RULE,
                    plan.loc(issued.span),
                    tr!(
                        cx.lang,
                        "issued on {on} and not filed: filing was due by {by} ({n} working days)",
                        "{on}印发，尚未备案：应于{by}前备案（{n} 个工作日）"
                    ),
                )
                .with_help(tr!(
                    cx.lang,
                    "file the plan and record it in `lifecycle.filed`",
                    "报送备案，并在 `lifecycle.filed` 中登记"
                )),
            ),
            None => {}
        }
    }
}
