use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::foundation::fast_map::FastMap;
use crate::model::Entry;
use crate::model::registry::{OrgKind, Resource, ResourceKind};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "C105",
    name: "team-too-small",
    family: Family::Coverage,
    severity: Severity::Warning,
    summary: (
        "a township or village emergency team is smaller than the target",
        "乡镇或村（社区）应急队伍人数不足",
    ),
    doc: (
        "\
## What it does
Reports a township whose largest team (`kind: team` kept by it) has fewer than
`thresholds.township_team_size` people (default 20), and a village or community whose largest
team has fewer than `thresholds.village_team_size` (default 10), at that team's `size`. Smaller
teams beside the emergency team (a full-time fire squad of 12) are not reported; a team
without a `size` is not counted.

## Why is this bad?
The seed district's 14th five-year emergency plan sets the targets: every township (street)
forms an emergency team of no fewer than 20 people, every village (community) a squad of no
fewer than 10 (每个乡镇（街道）组建不少于20人的应急队，村（社区）组建不少于10人的应急分队). A smaller team
cannot carry out the evacuation and first response the township plan gives it.

## How to fix
Bring the team up to strength and record its `size`, or set the district's own target in
`[thresholds]` of emplan.toml.",
        "\
## 作用
报告最大一支队伍（其所属的 `kind: team`）人数少于 `thresholds.township_team_size`（默认 20 人）的乡镇，
以及最大一支队伍人数少于 `thresholds.village_team_size`（默认 10 人）的村（社区），在该队伍的 `size` 处报告。
应急队之外的较小队伍（如 12 人的专职消防队）不报告；未填 `size` 的队伍不计。

## 为什么有问题
参考区“十四五”应急体系规划提出：每个乡镇（街道）组建不少于20人的应急队，村（社区）组建不少于10人的
应急分队。人数不足的队伍难以完成乡镇预案赋予的转移避险和先期处置任务。

## 如何修复
补足队伍人数并更新 `size`，或在 emplan.toml 的 `[thresholds]` 中设定本地目标。",
    ),
    example: Example {
        file: "registry/registry.yaml",
        find: "size: 24",
        bad: "size: 12",
        good: "size: 24",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let t = &cx.config.thresholds;
    // The largest team of each township and village, in registry order of first appearance.
    type Team<'a> = (&'a str, &'a Entry<Resource>, u32);
    let mut largest: Vec<Team> = Vec::new();
    let mut at: FastMap<&str, usize> = FastMap::default();
    for entry in &cx.repo.registry.resources {
        let team = &entry.value;
        let Some(size) = &team.size else { continue };
        if team.kind.value != ResourceKind::Team {
            continue;
        }
        let org = team.org.as_str();
        match at.get(org) {
            Some(&i) if largest[i].2 >= size.value => {}
            Some(&i) => largest[i] = (org, entry, size.value),
            None => {
                at.insert(org, largest.len());
                largest.push((org, entry, size.value));
            }
        }
    }
    for (org_id, entry, n) in largest {
        let Some(org) = cx.organisations.get(org_id) else {
            continue;
        };
        let (least, kind) = match org.value.kind.value {
            OrgKind::Township => (
                t.township_team_size,
                cx.lang.pick("township", "乡镇（街道）"),
            ),
            OrgKind::Village => (t.village_team_size, cx.lang.pick("village", "村（社区）")),
            _ => continue,
        };
        if n >= least {
            continue;
        }
        let team = &entry.value;
        let (name, org_name) = (team.name.value.as_str(), org.value.name.value.as_str());
        let span = team.size.as_ref().map_or(team.id.span, |s| s.span);
        out.push(
            Diagnostic::new(
                &RULE,
                Context::loc(entry.file, span),
                tr!(
                    cx.lang,
                    "the largest team of {org_name}, {name}, has {n} people: a {kind} emergency team has at least {least}",
                    "{org_name}最大的队伍{name}只有 {n} 人：{kind}应急队伍不少于 {least} 人"
                ),
            )
            .with_help(tr!(
                cx.lang,
                "bring the team up to strength, or set the target in `[thresholds]` of emplan.toml",
                "请补足队伍人数，或在 emplan.toml 的 `[thresholds]` 中设定目标"
            )),
        );
    }
}
