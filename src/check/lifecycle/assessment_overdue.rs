use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "T101",
    name: "assessment-overdue",
    family: Family::Lifecycle,
    severity: Severity::Warning,
    summary: (
        "the plan has not been assessed within the assessment interval",
        "预案超过评估周期未评估",
    ),
    doc: (
        "\
## What it does
Reports a plan whose last assessment (`lifecycle.assessed`), or the issue or revision of its
current version when that is later, lies more than `thresholds.assessment_years` (default 3)
years before the reference date (`as_of` in emplan.toml, `--today`, else the system's date).

## Why is this bad?
The 2024 办法 (国办发〔2024〕5号) has plans assessed regularly so that they follow changes in
risk, organisation and resources; government and departmental plans every three years, and
应急管理部令第2号 Art. 35 asks the same of enterprise plans. A plan that is never assessed
drifts from the district it describes: departments are renamed, teams disband, hazard points
move.

## How to fix
Assess the plan (评估) and record the day in `lifecycle.assessed`; if the assessment finds the
plan must change, revise it and add the revision to `lifecycle.revisions`.

```yaml
lifecycle:
  version: '2023.1'
  issued: '2023-03-20'
  assessed: '2026-04-22'
```",
        "\
## 作用
报告最近一次评估（`lifecycle.assessed`，或现行版本的印发、修订日期中较晚者）早于参考日期
（emplan.toml 的 `as_of`、`--today`，否则为系统日期）超过 `thresholds.assessment_years`
年（默认 3 年）的预案。

## 为什么有问题
《突发事件应急预案管理办法》（国办发〔2024〕5号）要求定期评估预案，使其跟上风险、机构和资源的变化；
政府及其部门预案原则上每 3 年评估一次，应急管理部令第2号第三十五条对生产经营单位预案提出同样要求。
长期不评估的预案会与实际脱节：部门更名、队伍解散、隐患点变化。

## 如何修复
组织评估，并在 `lifecycle.assessed` 中记录评估日期；评估认为需要修订的，修订预案并在
`lifecycle.revisions` 中登记。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "issued: '2024-03-01'\n  approved_by: qu-zhengfu\n  filed: {date: '2024-03-15', with: gy-shuiwuju}\n  assessed: '2025-04-01'",
        bad: "issued: '2021-03-01'\n  approved_by: qu-zhengfu\n  filed: {date: '2021-03-15', with: gy-shuiwuju}\n  assessed: '2023-04-01'",
        good: "issued: '2021-03-01'\n  approved_by: qu-zhengfu\n  filed: {date: '2021-03-15', with: gy-shuiwuju}\n  assessed: '2025-04-01'",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let years = cx.config.thresholds.assessment_years;
    for plan in &cx.repo.plans {
        let Some(lifecycle) = &plan.meta.lifecycle else {
            continue;
        };
        let version = super::version_date(plan);
        let assessed = lifecycle.assessed.as_ref().map(|d| d.value);
        let Some(since) = assessed.max(version) else {
            continue;
        };
        let due = since.plus_months(years as i32 * 12);
        if due >= cx.today {
            continue;
        }
        let span = lifecycle
            .assessed
            .as_ref()
            .map_or(lifecycle.version.span, |d| d.span);
        let (since, due) = (since.zh(), due.zh());
        let message = match assessed {
            Some(_) => tr!(
                cx.lang,
                "last assessed on {since}: an assessment every {years} years was due by {due}",
                "最近一次评估为{since}：按每 {years} 年评估一次，应于{due}前评估"
            ),
            None => tr!(
                cx.lang,
                "never assessed since this version of {since}: an assessment every {years} years was due by {due}",
                "现行版本（{since}）以来未评估：按每 {years} 年评估一次，应于{due}前评估"
            ),
        };
        out.push(
            Diagnostic::new(&RULE, plan.loc(span), message).with_help(tr!(
                cx.lang,
                "assess the plan and record the day in `lifecycle.assessed`",
                "组织评估，并在 `lifecycle.assessed` 中记录评估日期"
            )),
        );
    }
}
