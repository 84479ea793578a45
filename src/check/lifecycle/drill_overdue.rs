use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::Plan;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "T102",
    name: "drill-overdue",
    family: Family::Lifecycle,
    severity: Severity::Warning,
    summary: (
        "the plan has not been drilled within the drill interval of its kind",
        "预案超过演练周期未演练",
    ),
    doc: (
        "\
## What it does
Finds the last drill of every plan, from the drill records (`*.record.yaml`: the plans their
drills' objectives name) and from the drill ledger (`drill_log` in the registry, for drills
held before the repository kept records), and reports a plan whose last drill, or its current
version when it has never been drilled, lies further back from the reference date than the
interval of its kind (`thresholds.drill_months`):

| kind | interval | source |
|---|---|---|
| specialised, departmental | 36 months | 2013 办法 Art. 22 |
| enterprise | 12 months | 应急管理部令第2号 Art. 33 |
| site | 6 months | 应急管理部令第2号 Art. 33 |

A plan whose government or owner carries an organisation tag listed in
`thresholds.drill_months_tagged` (`flood-prone = 12`) is held to the tighter interval: the
hazard-prone areas that the 2013 办法 has drill \"often\".

## Why is this bad?
A plan that is never drilled is a plan nobody knows: the drill guide (国务院应急办, 2009) has
drills test the plan, train the people who carry it out and show where it fails. The
regulations set the intervals above.

## How to fix
Hold a drill that exercises the plan (`emplan drill new`) and keep its record
(`*.record.yaml`), or list a drill held earlier in `drill_log`:

```yaml
drill_log:
  - {date: '2025-05-20', title: 2025年防汛抢险综合演练, plans: [zx-flood-drought]}
```",
        "\
## 作用
从演练记录（`*.record.yaml`，按其演练目标涉及的预案）和演练台账（登记册中的 `drill_log`，
用于记录仓库建立前举行的演练）中找出每份预案最近一次演练，报告最近一次演练（从未演练的，
按现行版本日期）距参考日期超过其类别演练周期（`thresholds.drill_months`）的预案：

| 类别 | 周期 | 依据 |
|---|---|---|
| 专项、部门预案 | 36 个月 | 2013年办法第二十二条 |
| 单位预案 | 12 个月 | 应急管理部令第2号第三十三条 |
| 现场处置方案 | 6 个月 | 应急管理部令第2号第三十三条 |

预案所属政府或编制单位带有 `thresholds.drill_months_tagged` 中所列标签（如 `flood-prone = 12`）的，
按更短的周期检查：即2013年办法要求“经常性”演练的易发地区。

## 为什么有问题
从未演练的预案无人熟悉：《突发事件应急演练指南》（国务院应急办，2009）要求通过演练检验预案、
锻炼队伍、发现问题。法规规定了上述周期。

## 如何修复
组织一次检验该预案的演练（`emplan drill new`）并保存演练记录（`*.record.yaml`），
或在 `drill_log` 中登记此前举行的演练。",
    ),
    example: Example {
        file: "drills/flood.record.yaml",
        find: "date: '2026-06-18'",
        bad: "date: '2023-06-18'",
        good: "date: '2026-06-18'",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    if !cx.records_complete() {
        return; // the record that could not be read may be the plan's last drill
    }
    let held = super::held_drills(cx);
    let last = super::last_drills(&held);
    for plan in &cx.repo.plans {
        let Some(months) = interval(cx, plan) else {
            continue;
        };
        let Some(lifecycle) = &plan.meta.lifecycle else {
            continue;
        };
        let drill = last.get(plan.meta.id.as_str());
        let Some(since) = drill.map(|d| d.date).or_else(|| super::version_date(plan)) else {
            continue;
        };
        let due = since.plus_months(months as i32);
        if due >= cx.today {
            continue;
        }
        let (on, by, kind) = (since.zh(), due.zh(), plan.meta.kind.value.zh());
        let message = match drill {
            Some(d) => {
                let title = d.title;
                tr!(
                    cx.lang,
                    "last drilled on {on} ({title}): a {kind} is drilled every {months} months, so by {by}",
                    "最近一次演练为{on}（{title}）：{kind}每 {months} 个月至少演练一次，应于{by}前演练"
                )
            }
            None => tr!(
                cx.lang,
                "never drilled since this version of {on}: a {kind} is drilled every {months} months, so by {by}",
                "现行版本（{on}）以来未演练：{kind}每 {months} 个月至少演练一次，应于{by}前演练"
            ),
        };
        let span = lifecycle
            .issued
            .as_ref()
            .map_or(lifecycle.version.span, |d| d.span);
        let mut diagnostic = Diagnostic::new(&RULE, plan.loc(span), message).with_help(tr!(
            cx.lang,
            "hold a drill that exercises the plan and keep its record, or list an earlier one in `drill_log`",
            "组织检验该预案的演练并保存演练记录，或在 `drill_log` 中登记此前的演练"
        ));
        if let Some(d) = drill {
            diagnostic = diagnostic.with_related(
                d.loc,
                tr!(cx.lang, "the last drill", "最近一次演练").to_owned(),
            );
        }
        out.push(diagnostic);
    }
}

/// The plan's drill interval in months: its kind's, or a tighter one for a tag of its
/// government or owner.
fn interval(cx: &Context, plan: &Plan) -> Option<u32> {
    let thresholds = &cx.config.thresholds;
    let by_kind = thresholds
        .drill_months
        .get(&plan.meta.kind.value)
        .copied()?;
    let orgs = [
        Some(cx.owner(plan)),
        plan.meta.jurisdiction.as_ref().map(|j| j.as_str()),
    ];
    let tagged = orgs
        .into_iter()
        .flatten()
        .filter_map(|org| cx.organisations.get(org))
        .flat_map(|o| &o.value.tags)
        .filter_map(|tag| {
            thresholds
                .drill_months_tagged
                .get(tag.value.as_str())
                .copied()
        })
        .min();
    Some(tagged.map_or(by_kind, |t| t.min(by_kind)))
}
