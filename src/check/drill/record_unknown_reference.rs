use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::foundation::suggest::suggest;
use crate::model::drill::{DrillRecord, Finding};
use crate::model::{Loc, Span};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "D103",
    name: "record-unknown-reference",
    family: Family::Drill,
    severity: Severity::Error,
    summary: (
        "a drill record names a drill, objective, organisation, plan, duty or chapter that does not exist",
        "演练记录引用了不存在的演练、目标、单位、预案、职责或章节",
    ),
    doc: (
        "\
## What it does
Checks what a drill record (`*.record.yaml`) refers to: its drill, the objectives it rates and its findings fall under (ids of that drill), and for each corrective action its owner (an organisation), the plan it changes and the duty or chapter (a heading of that plan) it changes.

## Why is this bad?
The record is how a drill reaches the plans: each corrective action must name the plan and the clause it changes, and who answers for it, or the improvement plan cannot be followed and the finding never reaches the plan (国务院应急办《突发事件应急演练指南》: drill results are used to revise the plans; HSEEP's improvement plan gives every corrective action an owner and a due date).

## How to fix
Correct the id or the heading (the help shows the closest one).",
        "\
## 作用
检查演练记录（`*.record.yaml`）所引用的对象：所属演练、评定的目标和问题所属的目标（该演练中的编号），
以及每项整改措施的责任单位、所修订的预案和该预案中的职责或章节（预案中的标题）。

## 为什么有问题
演练记录是演练结果回到预案的途径：每项整改措施都必须指明修订哪个预案的哪一条、由谁负责，
否则改进计划无法跟踪，发现的问题也到不了预案（国务院应急办《突发事件应急演练指南》：
演练结果用于修订预案；HSEEP 改进计划为每项整改措施指定责任人和完成时限）。

## 如何修复
更正编号或标题（帮助信息会给出最接近的一个）。",
    ),
    example: Example {
        file: "drills/flood.record.yaml",
        find: "owner: xz-baolun",
        bad: "owner: xz-baolu",
        good: "owner: xz-baolun",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let lang = cx.lang;
    for entry in &cx.repo.records {
        let r = &entry.value;
        let mut report = |span: Span, message: String, near: Option<&str>| {
            let loc = Loc {
                file: entry.file,
                span,
            };
            let mut d = Diagnostic::new(&RULE, loc, message);
            if let Some(near) = near {
                d = d.with_help(tr!(lang, "did you mean `{near}`?", "是否应为 `{near}`？"));
            }
            out.push(d);
        };
        drill_references(cx, r, &mut report);
        for finding in &r.findings {
            finding_references(cx, finding, &mut report);
        }
    }
}

/// The record's drill and the objectives it names.
fn drill_references(
    cx: &Context,
    r: &DrillRecord,
    report: &mut impl FnMut(Span, String, Option<&str>),
) {
    let lang = cx.lang;
    let drill_id = r.drill.as_str();
    let drill = cx
        .repo
        .drills
        .iter()
        .map(|d| &d.value)
        .find(|d| d.id.as_str() == drill_id);
    match drill {
        None if !cx.is_broken(drill_id) => {
            let ids = cx.repo.drills.iter().map(|d| d.value.id.as_str());
            report(
                r.drill.span,
                tr!(lang, "unknown drill `{drill_id}`", "未知演练 `{drill_id}`"),
                suggest(drill_id, ids),
            );
        }
        None => {}
        Some(drill) => {
            let objectives = r
                .objectives
                .iter()
                .map(|o| &o.id)
                .chain(r.findings.iter().filter_map(|f| f.objective.as_ref()));
            for id in objectives {
                let shown = id.as_str();
                if !drill.objectives.iter().any(|o| o.id.as_str() == shown) {
                    let ids = drill.objectives.iter().map(|o| o.id.as_str());
                    report(
                        id.span,
                        tr!(
                            lang,
                            "drill `{drill_id}` has no objective `{shown}`",
                            "演练 `{drill_id}` 没有目标 `{shown}`"
                        ),
                        suggest(shown, ids),
                    );
                }
            }
        }
    }
}

/// The organisation, plan, duty and chapter a finding's action names.
fn finding_references(
    cx: &Context,
    finding: &Finding,
    report: &mut impl FnMut(Span, String, Option<&str>),
) {
    let lang = cx.lang;
    let a = &finding.action;
    let owner = a.owner.as_str();
    if cx.organisations.get(owner).is_none() && !cx.is_broken(owner) {
        report(
            a.owner.span,
            tr!(lang, "unknown organisation `{owner}`", "未知单位 `{owner}`"),
            suggest(owner, cx.organisations.ids()),
        );
    }
    let plan_id = a.plan.as_str();
    let Some(plan) = cx.plan(plan_id) else {
        if !cx.is_broken(plan_id) {
            report(
                a.plan.span,
                tr!(lang, "unknown plan `{plan_id}`", "未知预案 `{plan_id}`"),
                suggest(plan_id, cx.plans.keys().copied()),
            );
        }
        return;
    };
    if let Some(duty) = &a.duty {
        let shown = duty.as_str();
        // A plan not read whole may have the duty in the part that was lost.
        if plan.complete && !plan.meta.duties.iter().any(|d| d.id.as_str() == shown) {
            let ids = plan.meta.duties.iter().map(|d| d.id.as_str());
            report(
                duty.span,
                tr!(
                    lang,
                    "plan `{plan_id}` has no duty `{shown}`",
                    "预案 `{plan_id}` 中没有职责 `{shown}`"
                ),
                suggest(shown, ids),
            );
        }
    }
    if let Some(chapter) = &a.chapter {
        let wanted = chapter.value.trim();
        let source = &cx.repo.sources.get(plan.file).text;
        let body = &plan.body;
        let found = body
            .headings
            .iter()
            .any(|h| body.text(h.text, source).contains(wanted));
        if !found {
            let headings = body.headings.iter().map(|h| body.text(h.text, source));
            report(
                chapter.span,
                tr!(
                    lang,
                    "plan `{plan_id}` has no chapter “{wanted}”",
                    "预案 `{plan_id}` 中没有“{wanted}”一章"
                ),
                nearest_heading(wanted, headings),
            );
        }
    }
}

/// The heading with the longest common subsequence of characters with `wanted`, if that is at
/// least half of it: headings carry their numbers (五、应急响应), which an edit distance would count
/// against.
fn nearest_heading<'a>(wanted: &str, headings: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let chars: Vec<char> = wanted.chars().collect();
    let common = |h: &str| {
        // One row of the dynamic programme at a time.
        let mut row = vec![0usize; chars.len() + 1];
        for c in h.chars() {
            let mut diagonal = 0;
            for (j, w) in chars.iter().enumerate() {
                let above = row[j + 1];
                row[j + 1] = if c == *w {
                    diagonal + 1
                } else {
                    above.max(row[j])
                };
                diagonal = above;
            }
        }
        row[chars.len()]
    };
    headings
        .map(|h| (common(h), h))
        .filter(|(n, _)| 2 * n >= chars.len())
        .max_by_key(|(n, h)| (*n, std::cmp::Reverse(h.chars().count())))
        .map(|(_, h)| h)
}
