use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::Loc;
use crate::model::registry::ResourceKind;
use crate::model::travel::{RESCUE_CIRCLE_MINUTES, Teams, Travel};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "G103",
    name: "hazard-point-out-of-reach",
    family: Family::Graph,
    severity: Severity::Warning,
    summary: (
        "a hazard point that no capable team reaches within the rescue circle",
        "隐患点不在任何有处置能力的队伍的救援圈内",
    ),
    doc: (
        "\
## What it does
For every hazard point (`kind: hazard-point`) with a `hazard`, looks for a team whose
`capabilities` include that hazard and that can be there within the 1-hour rescue circle: its
`muster_minutes` plus the travel time reckoned from coordinates and `travel.routes`
(docs/format.md, \"Where things are\"). Reports the point when there is none, with the nearest
capable team. Points and teams without coordinates anywhere are not judged.

## Why is this bad?
The district's plan sets a 1-hour rescue circle for all its territory (利州区总体应急预案:
\"打造全区境内1小时救援圈\"), and the township is responsible for first response at its hazard
points (2024 办法 Art. 9). A point that only a team from the far side of the district can answer
is a promise the plan cannot keep in a storm.

## How to fix
Train and equip the township's or the village's team for the hazard (add it to the team's
`capabilities`), station a capable team nearer, or record the faster road in `travel.routes`.",
        "\
## 作用
对每个写明 `hazard` 的隐患点（`kind: hazard-point`），查找 `capabilities`
包含该灾种、并能在1小时救援圈内到达的队伍：集结时间 `muster_minutes`
加上按坐标和 `travel.routes` 估算的路程时间（见 docs/format.md“Where things are”）。
没有这样的队伍时报告该隐患点，并给出最近的有处置能力的队伍。没有任何坐标的隐患点和队伍不作判断。

## 为什么有问题
区总体应急预案要求“打造全区境内1小时救援圈”，乡镇负责辖区隐患点的先期处置
（2024年《办法》第九条）。只能靠全区另一头的队伍赶来的隐患点，汛期里是兑现不了的承诺。

## 如何修复
为乡镇或村的队伍配训配装该灾种的处置能力（在队伍的 `capabilities` 中加上该灾种），
在更近处布设有处置能力的队伍，或把更快的道路写进 `travel.routes`。",
    ),
    example: Example {
        file: "registry/registry.yaml",
        find: "capabilities: [rainstorm, flood]",
        bad: "capabilities: [rainstorm]",
        good: "capabilities: [rainstorm, flood]",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let travel = Travel::new(cx.repo);
    let resources = &cx.repo.registry.resources;
    let teams = Teams::new(cx.repo, &travel, |_| false);
    for e in resources {
        let point = &e.value;
        if point.kind.value != ResourceKind::HazardPoint {
            continue;
        }
        let (Some(hazard), Some(spot)) = (point.hazard.as_ref(), travel.spot_of(point)) else {
            continue;
        };
        if spot.at.is_none() {
            continue;
        }
        let circle = RESCUE_CIRCLE_MINUTES;
        let reached = teams.within(&travel, hazard, spot, circle).first().copied();
        if reached.is_some() {
            continue;
        }
        // Out of reach: name the nearest capable team anywhere.
        let nearest = teams.nearest(&travel, hazard, spot);
        let id = point.id.as_str();
        let name = cx
            .hazards
            .get(hazard.as_str())
            .map_or(hazard.as_str(), |h| h.value.name.as_str());
        let circle = RESCUE_CIRCLE_MINUTES;
        let message = match nearest {
            Some((minutes, team)) => {
                let team = team.name.as_str();
                tr!(
                    cx.lang,
                    "no team able to respond to {name} reaches hazard point `{id}` within the {circle}-minute rescue circle (nearest: {team}, {minutes} min)",
                    "没有可处置{name}的队伍能在{circle}分钟救援圈内到达隐患点 `{id}`（最近的是{team}，{minutes}分钟）"
                )
            }
            None => tr!(
                cx.lang,
                "no team in the registry is able to respond to {name}, the hazard of hazard point `{id}`",
                "登记册中没有可处置{name}的队伍，而隐患点 `{id}` 的灾种正是{name}"
            ),
        };
        let loc = Loc {
            file: e.file,
            span: hazard.span,
        };
        out.push(Diagnostic::new(&RULE, loc, message).with_help(tr!(
            cx.lang,
            "add the hazard to the `capabilities` of the township's or village's team, station a capable team nearer, or record a faster road in `travel.routes`",
            "请在乡镇或村队伍的 `capabilities` 中加上该灾种，在更近处布设有处置能力的队伍，或把更快的道路写进 `travel.routes`"
        )));
    }
}
