use std::collections::BTreeMap;

use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::foundation::fast_map::FastMap;
use crate::model::registry::OrgKind;
use crate::model::{Id, Loc, Plan, PlanKind, PlanScope};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "G104",
    name: "commander-in-two-hqs",
    family: Family::Graph,
    severity: Severity::Warning,
    summary: (
        "one person commands two HQs that one hazard convenes together",
        "同一人在同一灾害链同时启动的两个指挥机构中担任指挥",
    ),
    doc: (
        "\
## What it does
For each hazard, takes the command HQs that an event of it convenes together: the HQs of the
plans that cover the hazard or a hazard it directly triggers (`triggers`), and the HQ of the
township where it happens. Reports a person who holds a commanding post (commander, commissar,
executive deputy, field commander, a level's commander) in HQs of two different organisations
among them. The overall plan's commander is left out: at the top of the system, taking over
every HQ is that post's job.

## Why is this bad?
A rainstorm convenes the flood HQ, the meteorological-disaster HQ and the geological-hazard HQ
in the same hour. One person cannot be in two command posts at once: one HQ is left without
its commander exactly when the plans expect both to act (2024 办法 Art. 8, 指挥机构及其职责).
Plans drafted one at a time never show it; the graph does.

## How to fix
Give one of the HQs another commander, or make one HQ the field HQ of the other in the plans.",
        "\
## 作用
对每个灾种，找出该灾种发生时同时启动的指挥机构：适用于该灾种或其直接引发的灾种
（`triggers`）的预案所设的指挥机构，以及事发乡镇的指挥机构。
若同一人在其中两个不同单位的指挥机构中担任指挥岗位
（指挥长、政委、常务副指挥长、现场指挥长、某级响应的指挥），就报告此人。
总体应急预案的指挥长不在此列：处于体系顶端，统揽各指挥机构本是其职责。

## 为什么有问题
一场暴雨会在同一小时内启动防汛抗旱指挥部、气象灾害应急指挥部和地质灾害应急指挥部。
一个人不能同时坐镇两个指挥部：恰在各预案都要求两个指挥部同时行动时，
其中一个就没有了指挥长（2024年《办法》第八条，指挥机构及其职责）。
逐个编制的预案看不出这一点，响应依赖图能看出来。

## 如何修复
为其中一个指挥机构另定指挥长，或在预案中把一个指挥机构设为另一个的现场指挥部。",
    ),
    example: Example {
        file: "registry/registry.yaml",
        find: "org: qu-shuiliju, holder: c-0003 }",
        bad: "org: qu-shuiliju, holder: c-0002 }",
        good: "org: qu-shuiliju, holder: c-0003 }",
    },
    run,
};

/// A commanding post of an HQ, and where the plan names it.
struct Seat<'a> {
    plan: &'a Plan,
    post: &'a Id,
}

impl Seat<'_> {
    fn loc(&self) -> Loc {
        self.plan.loc(self.post.span)
    }
}

fn seats(plan: &Plan) -> Vec<&Id> {
    let m = &plan.meta;
    let mut out: Vec<&Id> = Vec::new();
    if let Some(c) = &m.command {
        out.extend(c.posts().filter(|(seat, _)| seat.leads()).map(|(_, p)| p));
        out.extend(m.response.iter().filter_map(|r| r.commander.as_ref()));
    }
    out
}

/// The government a plan belongs to: its jurisdiction, or the first government above it. HQs of
/// different governments (two counties of a province) never meet in one response.
fn government<'a>(cx: &Context<'a>, plan: &'a Plan) -> &'a str {
    let m = &plan.meta;
    let mut org = m.jurisdiction.as_ref().unwrap_or(&m.owner).as_str();
    for _ in 0..8 {
        let Some(o) = cx.organisations.get(org) else {
            break;
        };
        if o.value.kind.value == OrgKind::Government {
            break;
        }
        match o.value.parent.as_ref() {
            Some(parent) => org = parent.as_str(),
            None => break,
        }
    }
    org
}

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let plans = &cx.repo.plans;
    let hqs = group(cx);
    let seated = seated(cx, &hqs);
    let Hqs {
        by_hazard,
        township_hqs,
        governments,
    } = hqs;
    let owners = |list: &[Seat<'_>]| {
        let mut owners: Vec<&str> = list.iter().map(|s| cx.owner(s.plan)).collect();
        owners.sort_unstable();
        owners.dedup();
        owners.len()
    };
    // Person -> first finding: (hazard, seats).
    let mut found: BTreeMap<&str, (&str, Vec<Seat<'_>>)> = BTreeMap::new();
    for e in &cx.repo.registry.hazards {
        let h = &e.value;
        for &gov in &governments {
            let mut hqs: Vec<usize> = std::iter::once(&h.id)
                .chain(&h.triggers)
                .flat_map(|x| {
                    by_hazard
                        .get(&(gov, x.as_str()))
                        .into_iter()
                        .flatten()
                        .copied()
                })
                .collect();
            hqs.sort_unstable();
            hqs.dedup();
            if hqs.is_empty() {
                continue;
            }
            let people = people(plans, &hqs, &seated);
            // The township where it happens convenes its own HQ beside them.
            for &i in township_hqs.get(gov).into_iter().flatten() {
                let plan = &plans[i];
                for &(person, post) in &seated[&i] {
                    let seat = Seat { plan, post };
                    let Some(list) = people.get(person) else {
                        continue;
                    };
                    if found.contains_key(person) {
                        continue;
                    }
                    let mut with: Vec<Seat<'_>> = list
                        .iter()
                        .map(|s| Seat {
                            plan: s.plan,
                            post: s.post,
                        })
                        .collect();
                    with.push(seat);
                    if owners(&with) > 1 {
                        found.insert(person, (h.id.as_str(), with));
                    }
                }
            }
            let mut people: Vec<(&str, Vec<Seat<'_>>)> = people.into_iter().collect();
            people.sort_by_key(|(person, _)| *person);
            for (person, list) in people {
                if owners(&list) > 1 && !found.contains_key(person) {
                    found.insert(person, (h.id.as_str(), list));
                }
            }
        }
    }
    for (person, (hazard, seats)) in found {
        out.push(diagnostic(cx, person, hazard, &seats));
    }
}

/// The HQs one hazard may convene together, each as its plan's position in the repository.
struct Hqs<'a> {
    /// By (government, hazard).
    by_hazard: FastMap<(&'a str, &'a str), Vec<usize>>,
    /// The townships' comprehensive HQs, by government.
    township_hqs: FastMap<&'a str, Vec<usize>>,
    governments: Vec<&'a str>,
}

/// The HQs by government and hazard. Overall plans take over everything: left out.
fn group<'a>(cx: &Context<'a>) -> Hqs<'a> {
    let plans = &cx.repo.plans;
    let kind = |org: &str| cx.organisations.get(org).map(|o| o.value.kind.value);
    let mut by_hazard: FastMap<(&str, &str), Vec<usize>> = FastMap::default();
    let mut township_hqs: FastMap<&str, Vec<usize>> = FastMap::default();
    let mut governments: Vec<&str> = Vec::new();
    for (i, plan) in plans.iter().enumerate() {
        let m = &plan.meta;
        if m.command.is_none() || m.kind.value == PlanKind::Overall || !plan.complete {
            continue;
        }
        let gov = government(cx, plan);
        if !governments.contains(&gov) {
            governments.push(gov);
        }
        let org = m.jurisdiction.as_ref().unwrap_or(&m.owner).as_str();
        let comprehensive = m.scope.as_ref().map(|s| s.value) != Some(PlanScope::Hazard);
        if kind(org) == Some(OrgKind::Township) && comprehensive {
            township_hqs.entry(gov).or_default().push(i);
            continue;
        }
        for hazard in &m.hazards {
            by_hazard.entry((gov, hazard.as_str())).or_default().push(i);
        }
    }
    Hqs {
        by_hazard,
        township_hqs,
        governments,
    }
}

/// The finding for a person who commands two HQs that one hazard convenes.
fn diagnostic(cx: &Context, person: &str, hazard: &str, seats: &[Seat<'_>]) -> Diagnostic {
    let name = cx
        .contacts
        .get(person)
        .map_or(person, |c| c.value.name.as_str());
    let hazard = cx
        .hazards
        .get(hazard)
        .map_or(hazard, |h| h.value.name.as_str());
    let hqs: Vec<String> = seats
        .iter()
        .map(|s| {
            let hq = s.plan.meta.command.as_ref().map_or("", |c| c.hq.as_str());
            format!("{hq} ({})", s.plan.meta.id.as_str())
        })
        .collect();
    let list = hqs.join(cx.lang.pick(", ", "、"));
    let (first, rest) = (&seats[0], &seats[1..]);
    let mut diagnostic = Diagnostic::new(
        &RULE,
        rest[0].loc(),
        tr!(
            cx.lang,
            "{name} ({person}) commands HQs that {hazard} convenes together: {list}",
            "{name}（{person}）在{hazard}同时启动的多个指挥机构中担任指挥：{list}"
        ),
    )
    .with_help(tr!(
        cx.lang,
        "give one of these HQs another commander, or make one the field HQ of the other",
        "请为其中一个指挥机构另定指挥长，或把其中一个设为另一个的现场指挥部"
    ))
    .with_related(
        first.loc(),
        tr!(cx.lang, "also commands here", "同时在此担任指挥"),
    );
    for other in &rest[1..] {
        diagnostic = diagnostic.with_related(
            other.loc(),
            tr!(cx.lang, "also commands here", "同时在此担任指挥"),
        );
    }
    diagnostic
}

/// The people who command the HQs `hqs`, each with the seats they hold, once per plan.
fn people<'a>(
    plans: &'a [Plan],
    hqs: &[usize],
    seated: &FastMap<usize, Vec<(&'a str, &'a Id)>>,
) -> FastMap<&'a str, Vec<Seat<'a>>> {
    let mut people: FastMap<&str, Vec<Seat<'_>>> = FastMap::default();
    for &i in hqs {
        let plan = &plans[i];
        for &(person, post) in &seated[&i] {
            let list = people.entry(person).or_default();
            if !list.iter().any(|s| std::ptr::eq(s.plan, plan)) {
                list.push(Seat { plan, post });
            }
        }
    }
    people
}

/// Each HQ's commanding people (by contact) and their posts, worked out once. The overall
/// plans' commanders take over everything: not counted.
fn seated<'a>(cx: &Context<'a>, hqs: &Hqs<'a>) -> FastMap<usize, Vec<(&'a str, &'a Id)>> {
    let plans = &cx.repo.plans;
    let top: Vec<&str> = cx
        .overall_plans()
        .filter_map(|p| p.meta.command.as_ref()?.commander.as_ref())
        .map(|p| p.as_str())
        .collect();
    let holder = |post: &str| {
        cx.posts
            .get(post)
            .and_then(|p| p.value.holder.as_ref())
            .map(|h| h.as_str())
    };
    let mut seated: FastMap<usize, Vec<(&str, &Id)>> = FastMap::default();
    let all = hqs.by_hazard.values().chain(hqs.township_hqs.values());
    for &i in all.flatten() {
        seated.entry(i).or_insert_with(|| {
            seats(&plans[i])
                .into_iter()
                .filter(|post| !top.contains(&post.as_str()))
                .filter_map(|post| Some((holder(post.as_str())?, post)))
                .collect()
        });
    }
    seated
}
