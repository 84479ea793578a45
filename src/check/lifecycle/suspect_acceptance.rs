use sha2::{Digest, Sha256};

use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::foundation::fast_map::FastMap;
use crate::model::plan::Duty;
use crate::model::{Loc, Plan};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "T105",
    name: "suspect-acceptance",
    family: Family::Lifecycle,
    severity: Severity::Warning,
    summary: (
        "an accepted duty changed after the acceptance was last reviewed",
        "所承接的职责在上次复核后已变更",
    ),
    doc: (
        "\
## What it does
An acceptance (`accepts:`) may record, in `reviewed:`, a fingerprint of the duty it takes up
(the duty's organisation, post, text and deadline) as it read when a person last checked that
the accepting plan still carries it out. When the duty changes in the plan that assigns it,
the fingerprint no longer matches: the acceptance is reported as suspect, and the assigning
plan is told which plans accepted the old wording. `emplan review PLAN` records the new
fingerprints once someone has looked; it changes nothing else in the file. An acceptance
without `reviewed:` is not tracked.

## Why is this bad?
The linkage between plans (衔接, 2024 办法 Art. 5 and Art. 13) is only as good as its last
review: when a specialised plan shortens a township's deadline from two hours to one, or gives
it a new task, the township plan that took up the old duty still promises the old one, and
every check of the links alone passes. Requirements tools call these suspect links (Doorstop);
here they run in both directions.

## How to fix
Read the duty as it now stands, change the accepting plan where it no longer carries the duty
out, then run `emplan review PLAN` to record that it was reviewed.",
        "\
## 作用
承接条目（`accepts:`）可以在 `reviewed:` 中记录所承接职责（职责的单位、岗位、内容和时限）的指纹，
即上次有人核对承接预案仍能落实该职责时职责的样子。下达职责的预案修改了该职责后，指纹不再一致：
承接条目被报告为“待复核”，下达职责的预案也会被告知哪些预案承接的是旧表述。
有人核对后，`emplan review PLAN` 记录新的指纹，文件的其他内容不变。没有 `reviewed:` 的承接条目不跟踪。

预案所对照的上级分级同样如此：`aligned:` 为每个上级预案记录其预警、响应分级及启动条件的指纹；
上级分级变更后，下级预案待复核。

## 为什么有问题
预案之间的衔接（2024年办法第五条、第十三条）只在上次复核时可靠：专项预案把乡镇的时限从 2 小时
缩短为 1 小时，或增加了新任务，承接旧职责的乡镇预案仍按旧内容承诺，只检查引用关系的检查全部通过。
需求管理工具称之为“可疑链接”（Doorstop）；这里双向报告。

## 如何修复
阅读职责的现行内容，承接预案不能落实的加以修改，然后运行 `emplan review PLAN` 记录已复核。",
    ),
    example: Example {
        file: "plans/zx-flood.md",
        find: "text: 组织受威胁群众转移避险",
        bad: "text: 组织受威胁群众转移避险并逐户核查",
        good: "text: 组织受威胁群众转移避险",
    },
    run,
};

/// The first 10 hex digits of a SHA-256.
fn short(hash: Sha256) -> String {
    hash.finalize()[..5]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The fingerprint of a plan's warning and response levels, as `aligned:` records it: each
/// level's grade and name and every criterion's text, metric, hazard and thresholds.
pub fn levels_fingerprint(plan: &crate::model::PlanMeta) -> String {
    let mut hash = Sha256::new();
    let criteria = |list: &[crate::model::plan::Criterion], hash: &mut Sha256| {
        let mut stack: Vec<&crate::model::plan::Criterion> = list.iter().rev().collect();
        while let Some(c) = stack.pop() {
            hash.update(c.text.value.as_bytes());
            hash.update([1]);
            hash.update(c.metric.as_ref().map_or("", |m| m.as_str()));
            hash.update([1]);
            hash.update(c.hazard.as_ref().map_or("", |h| h.as_str()));
            hash.update([1]);
            for n in [&c.at_least, &c.below] {
                hash.update(n.as_ref().map_or(String::new(), |v| v.value.to_string()));
                hash.update([1]);
            }
            stack.extend(c.all_of.iter().rev());
            hash.update([2]);
        }
    };
    for w in &plan.warning {
        hash.update(w.level.as_ref().map_or("", |l| l.value.key()));
        hash.update([0]);
        hash.update(w.name.as_ref().map_or("", |n| n.value.as_str()));
        hash.update([0]);
        criteria(&w.criteria, &mut hash);
    }
    hash.update([3]);
    for r in &plan.response {
        hash.update(r.level.value.key());
        hash.update([0]);
        hash.update(r.name.as_ref().map_or("", |n| n.value.as_str()));
        hash.update([0]);
        criteria(&r.criteria, &mut hash);
    }
    short(hash)
}

/// The fingerprint of a duty as `reviewed:` records it: the first 10 hex digits of the
/// SHA-256 of its organisation, post, text and deadline.
pub fn fingerprint(duty: &Duty) -> String {
    let mut hash = Sha256::new();
    hash.update(duty.org.as_str());
    hash.update([0]);
    hash.update(duty.post.as_ref().map_or("", |p| p.as_str()));
    hash.update([0]);
    hash.update(duty.text.value.as_bytes());
    hash.update([0]);
    hash.update(
        duty.deadline
            .as_ref()
            .map_or(String::new(), |d| d.value.to_string()),
    );
    hash.finalize()[..5]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    // The suspect acceptances of each changed duty, for the assigning plan's side; a changed
    // plan's levels are under the duty id "", which no duty has.
    let mut by_duty: Suspects = FastMap::default();
    for plan in &cx.repo.plans {
        stale_acceptances(cx, plan, &mut by_duty, out);
        stale_alignments(cx, plan, &mut by_duty, out);
    }
    summarise(cx, by_duty, out);
}

/// The plans whose review of a duty or of levels went stale, by (assigning plan, duty), with
/// where the duty or the levels now stand.
type Suspects<'a> = FastMap<(&'a str, &'a str), (Loc, Vec<&'a Plan>)>;

/// The acceptances of `plan` whose duty changed after they were reviewed.
fn stale_acceptances<'a>(
    cx: &Context<'a>,
    plan: &'a Plan,
    by_duty: &mut Suspects<'a>,
    out: &mut Vec<Diagnostic>,
) {
    for accept in &plan.meta.accepts {
        let Some(reviewed) = &accept.reviewed else {
            continue;
        };
        let key = (accept.plan.as_str(), accept.duty.as_str());
        let Some(found) = cx.duties.get(&key) else {
            continue; // R106 reports an unknown duty
        };
        // A plan with parts that could not be read is compared once they can be, and a
        // duty whose organisation is unknown once R102's typo is fixed.
        let known = cx.organisations.get(found.duty.org.as_str()).is_some();
        if !found.plan.complete || !known || fingerprint(found.duty) == reviewed.value {
            continue;
        }
        let (source, duty) = key;
        let text = found.duty.text.value.as_str();
        let duty_loc = found.plan.loc(found.duty.text.span);
        let id = plan.meta.id.as_str();
        out.push(
            Diagnostic::new(
                &RULE,
                plan.loc(reviewed.span),
                tr!(
                    cx.lang,
                    "duty {duty} of {source} changed after this acceptance was reviewed; it now reads: {text}",
                    "{source} 的职责 {duty} 在本承接条目复核后已变更，现为：{text}"
                ),
            )
            .with_related(
                duty_loc,
                tr!(cx.lang, "the duty as it now reads", "职责的现行内容"),
            )
            .with_help(tr!(
                cx.lang,
                "check that this plan still carries the duty out, then run `emplan review {id}`",
                "核对本预案仍能落实该职责后，运行 `emplan review {id}`"
            )),
        );
        by_duty
            .entry(key)
            .or_insert_with(|| (duty_loc, Vec::new()))
            .1
            .push(plan);
    }
}

/// The alignments of `plan` whose parent's levels changed after they were reviewed.
fn stale_alignments<'a>(
    cx: &Context<'a>,
    plan: &'a Plan,
    by_duty: &mut Suspects<'a>,
    out: &mut Vec<Diagnostic>,
) {
    for aligned in &plan.meta.aligned {
        let Some(parent) = cx.plan(aligned.plan.as_str()) else {
            continue; // R101 reports an unknown plan
        };
        if !parent.complete || levels_fingerprint(&parent.meta) == aligned.reviewed.value {
            continue;
        }
        let (source, id) = (aligned.plan.as_str(), plan.meta.id.as_str());
        let at = parent
            .meta
            .response
            .first()
            .map_or(parent.meta.id.span, |r| r.level.span);
        out.push(
            Diagnostic::new(
                &RULE,
                plan.loc(aligned.reviewed.span),
                tr!(
                    cx.lang,
                    "the warning or response levels of {source} changed after this plan's levels were aligned with them",
                    "{source} 的预警或响应分级在本预案对照其分级复核后已变更"
                ),
            )
            .with_related(
                parent.loc(at),
                tr!(cx.lang, "the levels as they now read", "分级的现行内容"),
            )
            .with_help(tr!(
                cx.lang,
                "check this plan's levels and criteria against the parent's, then run `emplan review --plan {id}`",
                "对照上级预案核对本预案的分级和启动条件后，运行 `emplan review --plan {id}`"
            )),
        );
        by_duty
            .entry((source, ""))
            .or_insert_with(|| (parent.loc(at), Vec::new()))
            .1
            .push(plan);
    }
}

/// On each changed duty or levels, the plans whose review is now suspect.
fn summarise(cx: &Context, by_duty: Suspects<'_>, out: &mut Vec<Diagnostic>) {
    let mut changed: Vec<_> = by_duty.into_iter().collect();
    changed.sort_by_key(|((plan, duty), _)| (*plan, *duty));
    for ((_, duty), (loc, plans)) in changed {
        let ids: Vec<&str> = plans.iter().map(|p| p.meta.id.as_str()).collect();
        let (count, list) = (ids.len(), ids.join(", "));
        let message = if duty.is_empty() {
            tr!(
                cx.lang,
                "these levels changed after {count} child plan(s) aligned with them: {list} are suspect until reviewed again",
                "本预案分级在 {count} 份下级预案对照复核后已变更：{list} 待重新复核"
            )
        } else {
            tr!(
                cx.lang,
                "duty {duty} changed after {count} accepting plan(s) reviewed it: {list} are suspect until reviewed again",
                "职责 {duty} 在 {count} 份承接预案复核后已变更：{list} 待重新复核"
            )
        };
        let mut diagnostic = Diagnostic::new(&RULE, loc, message);
        diagnostic.severity = Severity::Info;
        for plan in plans {
            if duty.is_empty() {
                if let Some(a) = plan.meta.aligned.first() {
                    diagnostic = diagnostic.with_related(
                        plan.loc(a.plan.span),
                        tr!(cx.lang, "aligned here", "在此对照"),
                    );
                }
            } else if let Some(accept) = plan.meta.accepts.iter().find(|a| a.duty.as_str() == duty)
            {
                diagnostic = diagnostic.with_related(
                    plan.loc(accept.duty.span),
                    tr!(cx.lang, "accepted here", "在此承接"),
                );
            }
        }
        out.push(diagnostic);
    }
}
