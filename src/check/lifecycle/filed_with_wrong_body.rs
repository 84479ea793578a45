use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::PlanKind;
use crate::model::registry::OrgKind;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "T104",
    name: "filed-with-wrong-body",
    family: Family::Lifecycle,
    severity: Severity::Warning,
    summary: (
        "the plan was filed with a body its kind is not filed with",
        "预案备案机关与其类别不符",
    ),
    doc: (
        "\
## What it does
Checks `lifecycle.filed.with` against the body the 2024 办法 Art. 26 names for the plan's kind:

| kind | filed with |
|---|---|
| overall | the government one level up (the parent of the plan's government), or its emergency management department |
| specialised | a department one level up (a department outside the plan's government) |
| departmental | the body the department belongs to (its `parent`): the same-level government, or the department a unit sits in, or the party committee for a party department; or the same-level emergency management department |
| township | the government one level up (the township's parent), or its emergency management department |
| village | the township (the village committee's parent) |

An emergency management department (a department whose name has 应急管理) stands for its
government: Art. 26 has the filing sent (抄送) to it. Enterprise plans, site procedures and joint
plans are not checked: the first two are signed by
the unit's principal leader and filed where the industry's rules say, joint plans where the
parties agree.

## Why is this bad?
A plan filed with the wrong body reaches nobody who reviews it: the body that should check its
linkage (2024 办法 Art. 5) never sees it, and the one that got it has no duty to read it.

## How to fix
File the plan with the body of its kind and correct `filed.with`.",
        "\
## 作用
按《突发事件应急预案管理办法》（2024）第二十六条，检查 `lifecycle.filed.with` 是否为该类预案的备案机关：

| 类别 | 备案机关 |
|---|---|
| 总体预案 | 上一级人民政府（本级政府的上级）或其应急管理部门 |
| 专项预案 | 上一级相应部门（本级政府以外的部门） |
| 部门预案 | 本部门的上级机关（`parent`）：本级人民政府；部门所属单位为其主管部门；党委部门为本级党委；或本级应急管理部门 |
| 乡镇（街道）预案 | 上一级人民政府或其应急管理部门 |
| 村（社区）预案 | 所在乡镇（街道） |

应急管理部门（名称含“应急管理”的部门）代其政府接收备案：第二十六条要求抄送或报送本级应急管理部门。
单位预案、现场处置方案和联合预案不检查：前两者由单位主要负责人签署、按行业规定备案，
联合预案按各方约定备案。

## 为什么有问题
报错备案机关的预案到不了应当审查它的机关手中：负责衔接审查的机关（办法第五条）看不到，
收到的机关又没有审查职责。

## 如何修复
向该类预案的备案机关报送备案，并改正 `filed.with`。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "with: gy-shuiwuju}",
        bad: "with: qu-yingjiju}",
        good: "with: gy-shuiwuju}",
    },
    run,
};

// One pass over the plans and its finding; the messages in both languages take a quarter of it.
fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for plan in &cx.repo.plans {
        let Some(filed) = plan.meta.lifecycle.as_ref().and_then(|l| l.filed.as_ref()) else {
            continue;
        };
        let with = filed.with.as_str();
        let Some(body) = cx.organisations.get(with) else {
            continue; // R102 reports an unknown organisation
        };
        let owner = cx.owner(plan);
        let government = plan
            .meta
            .jurisdiction
            .as_ref()
            .map_or_else(|| cx.government_of(owner), |j| Some(j.as_str()));
        let parent = |org: &str| {
            cx.organisations
                .get(org)
                .and_then(|o| o.value.parent.as_ref())
                .map(|p| p.as_str())
        };
        // The body's emergency management department receives the filing on its behalf
        // (Art. 26: 抄送 / 送 the emergency department), so it is accepted in its place.
        let is_or_files_for = |body_id: &str| {
            with == body_id || (is_emergency_department(cx, with) && parent(with) == Some(body_id))
        };
        let expected: Option<String> = match plan.meta.kind.value {
            PlanKind::Overall | PlanKind::Township => {
                let above = match plan.meta.kind.value {
                    PlanKind::Township => parent(owner),
                    _ => government.and_then(parent),
                };
                match above {
                    Some(above) if !is_or_files_for(above) => Some(cx.org_name(above).to_owned()),
                    // Without a known government above, any body outside this government.
                    None if government.is_some_and(|g| cx.lineage(with).contains(&g)) => Some(tr!(
                        cx.lang,
                        "the government one level up",
                        "上一级人民政府"
                    )),
                    _ => None,
                }
            }
            PlanKind::Specialised => {
                let inside = government.is_some_and(|g| cx.lineage(with).contains(&g));
                (body.value.kind.value != OrgKind::Department || inside).then(|| {
                    tr!(
                        cx.lang,
                        "the matching department one level up",
                        "上一级相应部门"
                    )
                })
            }
            PlanKind::Departmental => match parent(owner) {
                Some(own) if !is_or_files_for(own) && !government.is_some_and(is_or_files_for) => {
                    Some(cx.org_name(own).to_owned())
                }
                _ => None,
            },
            PlanKind::Village => match parent(owner) {
                Some(township) if township != with => Some(cx.org_name(township).to_owned()),
                _ => None,
            },
            PlanKind::Enterprise | PlanKind::Site | PlanKind::Joint => None,
        };
        let Some(expected) = expected else { continue };
        let (kind, name) = (plan.meta.kind.value.zh(), cx.org_name(with));
        out.push(
            Diagnostic::new(
                &RULE,
                plan.loc(filed.with.span),
                tr!(
                    cx.lang,
                    "a {kind} is filed with {expected}, not with {name}",
                    "{kind}应向{expected}备案，而非{name}"
                ),
            )
            .with_help(tr!(
                cx.lang,
                "file the plan with the body of its kind (2024 办法 Art. 26) and correct `filed.with`",
                "按办法第二十六条向相应机关备案，并改正 `filed.with`"
            )),
        );
    }
}

/// Whether an organisation is an emergency management department (应急管理局), which receives
/// filings for its government.
fn is_emergency_department(cx: &Context, org: &str) -> bool {
    cx.organisations.get(org).is_some_and(|o| {
        o.value.kind.value == OrgKind::Department && o.value.name.value.contains("应急管理")
    })
}
