use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::registry::ResourceKind;
use crate::model::{PlanKind, PlanScope};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "C104",
    name: "six-haves",
    family: Family::Coverage,
    severity: Severity::Warning,
    summary: (
        "a township lacks one of the \"six haves\" of grassroots emergency capability",
        "乡镇（街道）基层应急能力“六有”不全",
    ),
    doc: (
        "\
## What it does
Checks the \"six haves\" (六有) of every township and street in the registry, each read from the
data, and reports the township with the ones it lacks:

| have | read as |
|---|---|
| 有班子 a leading group | a township plan of its own with a `command` that names a `commander` |
| 有机制 a mechanism | that plan grades its warnings or responses (`warning:` or `response:`), and the township has a `duty_phone` (值班值守) |
| 有预案 a plan | a comprehensive township plan (`kind: township`, not `scope: hazard`) owned by it |
| 有队伍 a team | a resource of `kind: team` kept by it (C105 checks its size) |
| 有物资 supplies | a resource of `kind: warehouse` kept by it or lying in it |
| 有演练 a drill | a drill within `thresholds.township_drill_months` (default 12) before the reference date that it took part in or that exercised one of its plans (drill records and `drill_log`) |

## Why is this bad?
The seed district's plan makes the six haves the standard of grassroots emergency capability
(实现基层“有班子、有机制、有预案、有队伍、有物资、有演练”为主要内容的基层应急能力标准化建设): a
township missing one is where the first hour of a response fails.

## How to fix
Supply what the finding names: the township plan's command, its levels, the duty phone in the
registry, the team or warehouse as a resource, or a drill and its record.",
        "\
## 作用
逐个检查登记册中乡镇（街道）的“六有”，每一项都从数据中读取，报告所缺的项：

| 项目 | 判断依据 |
|---|---|
| 有班子 | 本乡镇预案的 `command` 中有指挥长（`commander`） |
| 有机制 | 该预案有预警或响应分级（`warning:` 或 `response:`），且乡镇登记有值班电话（`duty_phone`） |
| 有预案 | 本乡镇的总体预案（`kind: township`，非 `scope: hazard`） |
| 有队伍 | 本乡镇所属的 `kind: team` 资源（人数由 C105 检查） |
| 有物资 | 本乡镇所属或位于辖区内的 `kind: warehouse` 资源 |
| 有演练 | 参考日期前 `thresholds.township_drill_months` 个月（默认 12 个月）内，本乡镇参加的、或检验其预案的演练（演练记录和 `drill_log`） |

## 为什么有问题
参考区规划把“有班子、有机制、有预案、有队伍、有物资、有演练”作为基层应急能力标准化建设的主要内容：
缺任何一项的乡镇，正是应急处置第一个小时出问题的地方。

## 如何修复
补齐所缺的项：乡镇预案的指挥机构、分级，登记册中的值班电话，作为资源登记的队伍或物资库，
或组织演练并保存记录。",
    ),
    example: Example {
        file: "registry/registry.yaml",
        find: "    kind: warehouse\n",
        bad: "    kind: shelter\n",
        good: "    kind: warehouse\n",
    },
    run,
};

// One pass over the townships and its finding; the messages in both languages take a quarter of it.
fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let months = cx.config.thresholds.township_drill_months;
    let since = cx.today.plus_months(-(months as i32));
    let held = crate::check::lifecycle::held_drills(cx);
    let records_complete = cx.records_complete();
    for entry in super::townships(cx) {
        let id = entry.value.id.as_str();
        if cx.repo.broken_owners.contains(id) {
            continue; // its plan could not be read
        }
        let plans = cx.plans_by_owner.get(id).map_or(&[][..], Vec::as_slice);
        let comprehensive = plans.iter().find(|p| {
            p.meta.kind.value == PlanKind::Township
                && p.meta
                    .scope
                    .as_ref()
                    .map_or(PlanScope::Comprehensive, |s| s.value)
                    == PlanScope::Comprehensive
        });
        let resources = cx.repo.registry.resources.iter().map(|r| &r.value);
        let mut missing: Vec<&str> = Vec::new();
        let group = comprehensive
            .and_then(|p| p.meta.command.as_ref())
            .is_some_and(|c| c.commander.is_some());
        if !group {
            missing.push(cx.lang.pick("a leading group (有班子)", "有班子"));
        }
        let graded = comprehensive
            .is_some_and(|p| !p.meta.warning.is_empty() || !p.meta.response.is_empty());
        if !graded || entry.value.duty_phone.is_none() {
            missing.push(cx.lang.pick("a mechanism (有机制)", "有机制"));
        }
        if comprehensive.is_none() {
            missing.push(cx.lang.pick("a plan (有预案)", "有预案"));
        }
        if !resources
            .clone()
            .any(|r| r.kind.value == ResourceKind::Team && r.org.as_str() == id)
        {
            missing.push(cx.lang.pick("a team (有队伍)", "有队伍"));
        }
        if !resources
            .clone()
            .any(|r| r.kind.value == ResourceKind::Warehouse && super::belongs_to(r, id))
        {
            missing.push(cx.lang.pick("supplies (有物资)", "有物资"));
        }
        let own_plan = |plan: &str| plans.iter().any(|p| p.meta.id.as_str() == plan);
        let drilled = held.iter().any(|d| {
            d.date >= since && (d.participants.contains(&id) || d.plans.iter().any(|p| own_plan(p)))
        });
        if !drilled && records_complete {
            missing.push(cx.lang.pick("a drill (有演练)", "有演练"));
        }
        if missing.is_empty() {
            continue;
        }
        let (name, list) = (
            entry.value.name.value.as_str(),
            missing.join(if cx.lang == crate::foundation::i18n::Lang::Zh {
                "、"
            } else {
                ", "
            }),
        );
        out.push(
            Diagnostic::new(
                &RULE,
                super::at(entry),
                tr!(
                    cx.lang,
                    "{name} lacks {list} of the \"six haves\"",
                    "{name}“六有”中缺少：{list}"
                ),
            )
            .with_help(tr!(
                cx.lang,
                "`emplan explain C104` says how each is read from the data",
                "`emplan explain C104` 说明每一项如何从数据中判断"
            )),
        );
    }
}
