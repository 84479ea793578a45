use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::{Plan, PlanKind, PlanScope};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "L101",
    name: "parent-kind",
    family: Family::Linkage,
    severity: Severity::Error,
    summary: (
        "a plan lacks the parent its kind requires",
        "预案缺少其类型应有的上级预案",
    ),
    doc: (
        "\
## What it does
Checks that each plan derives from the plan its tier requires:

| kind | needs a parent that is |
|---|---|
| specialised, departmental, township, joint | the overall plan |
| village | the plan of its township (owned by the village's parent organisation) |
| site | a plan with the same owner (the unit's or township's own plan) |
| enterprise | a township plan or a specialised plan |
| township or village with `scope: hazard` | a plan with the same owner (the township's own plan) |

A parent declared in `external_plans` (the city's plan) is not in the repository: it is not
unknown, and it does not count as the required parent.

## Why is this bad?
The plan system is a hierarchy. Departmental plans are made \"according to the overall plan, the
specialised plans and the department's duties\"; township plans follow the district overall plan;
village plans the township's; a site procedure (现场处置方案) is part of its unit's plan system
and must link to it (GB/T 29639-2020: the procedure links to the unit's plan). A plan outside the hierarchy is not assessed with it
(2024 预案管理办法 Art. 5: linkage of plans) and is not revised when its parent is.

## How to fix
Add the required parent to `parents`.",
        "\
## 作用
检查每个预案是否以其所在层级要求的预案为上级预案：

| 类型 | 上级预案须为 |
|---|---|
| 专项、部门、乡镇（街道）、联合应急预案 | 总体应急预案 |
| 村（社区）应急预案 | 所属乡镇（街道）的预案，即该村（社区）上级组织机构的预案 |
| 现场处置方案 | 同一责任单位的预案（本单位或本乡镇（街道）自己的预案） |
| 企事业单位应急预案 | 乡镇（街道）应急预案或专项应急预案 |
| `scope: hazard` 的乡镇、村专项预案 | 同一责任单位的预案（本乡镇自己的预案） |

在 `external_plans` 中声明的上级预案（如市级预案）不在本仓库中：不算未知预案，
也不能代替所要求的上级预案。

## 为什么有问题
预案体系是分层级的。部门应急预案是
“根据总体应急预案、专项应急预案和部门职责”制定的；
乡镇（街道）应急预案依据区总体应急预案；
村（社区）应急预案依据所属乡镇（街道）的预案；
现场处置方案是本单位预案体系的组成部分，必须与之衔接
（GB/T 29639-2020：处置程序与本单位预案衔接）。游离于体系之外的预案，
不会随体系一起评估（2024 年《突发事件应急预案管理办法》
第五条：预案衔接），上级预案修订时也不会随之修订。

## 如何修复
在 `parents` 中加入所要求的上级预案。",
    ),
    example: Example {
        file: "plans/xz-baolun.md",
        find: "parents: [overall, zx-flood]",
        bad: "parents: [zx-flood]",
        good: "parents: [overall, zx-flood]",
    },
    run,
};

/// What a plan's kind requires of one of its parents.
enum Requirement<'a> {
    Overall,
    /// The plan of the township that is the village's parent organisation (if known).
    TownshipOf(Option<&'a str>),
    /// A plan (not a site plan) with the same owner.
    SameOwner(&'a str),
    TownshipOrSpecialised,
}

impl<'a> Requirement<'a> {
    fn of(cx: &'a Context, plan: &'a Plan) -> Option<Self> {
        let hazard_plan = plan.meta.scope.as_ref().map(|s| s.value) == Some(PlanScope::Hazard);
        Some(match *plan.meta.kind {
            // A township's hazard plan hangs under the township's own plan.
            PlanKind::Township | PlanKind::Village if hazard_plan => {
                Requirement::SameOwner(cx.owner(plan))
            }
            PlanKind::Overall => return None,
            PlanKind::Specialised
            | PlanKind::Departmental
            | PlanKind::Township
            | PlanKind::Joint => Requirement::Overall,
            PlanKind::Village => Requirement::TownshipOf(
                cx.organisations
                    .get(cx.owner(plan))
                    .and_then(|o| o.value.parent.as_ref())
                    .map(|p| p.as_str()),
            ),
            PlanKind::Site => Requirement::SameOwner(cx.owner(plan)),
            PlanKind::Enterprise => Requirement::TownshipOrSpecialised,
        })
    }

    fn fits(&self, cx: &Context, parent: &Plan) -> bool {
        let kind = *parent.meta.kind;
        match self {
            Requirement::Overall => kind == PlanKind::Overall,
            Requirement::TownshipOf(township) => {
                kind == PlanKind::Township && township.is_none_or(|t| cx.owner(parent) == t)
            }
            Requirement::SameOwner(owner) => cx.owner(parent) == *owner && kind != PlanKind::Site,
            Requirement::TownshipOrSpecialised => {
                matches!(kind, PlanKind::Township | PlanKind::Specialised)
            }
        }
    }

    fn describe(&self, cx: &Context) -> String {
        let lang = cx.lang;
        match self {
            Requirement::Overall => tr!(lang, "the overall plan", "总体应急预案"),
            Requirement::TownshipOf(township) => {
                let name = township.map_or("", |t| cx.org_name(t));
                tr!(
                    lang,
                    "the township plan of {name}",
                    "所属乡镇（{name}）的预案"
                )
            }
            Requirement::SameOwner(owner) => {
                let name = cx.org_name(owner);
                tr!(
                    lang,
                    "a plan of the same owner ({name})",
                    "同一责任单位（{name}）的预案"
                )
            }
            Requirement::TownshipOrSpecialised => {
                tr!(lang, "a township or specialised plan", "乡镇预案或专项预案")
            }
        }
    }
}

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for plan in &cx.repo.plans {
        let Some(requirement) = Requirement::of(cx, plan) else {
            continue;
        };
        // Unknown parents are reported by R101; do not pile on.
        if plan
            .meta
            .parents
            .iter()
            .any(|p| !cx.plan_exists(p.as_str()))
        {
            continue;
        }
        if super::parents(cx, plan).any(|p| requirement.fits(cx, p)) {
            continue;
        }
        let wanted = requirement.describe(cx);
        let span = plan
            .meta
            .parents
            .first()
            .map_or(plan.meta.id.span, |p| p.span);
        let kind = plan.meta.kind.zh();
        out.push(
            Diagnostic::new(
                &RULE,
                plan.loc(span),
                tr!(
                    cx.lang,
                    "this {kind} does not derive from {wanted}",
                    "该{kind}的上级预案中没有{wanted}"
                ),
            )
            .with_help(tr!(
                cx.lang,
                "add {wanted} to `parents`",
                "请在 `parents` 中加入{wanted}"
            )),
        );
    }
}
