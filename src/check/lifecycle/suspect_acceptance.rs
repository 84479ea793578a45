use sha2::{Digest, Sha256};

use crate::check::index::FastMap;
use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
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
    // The suspect acceptances of each changed duty, for the assigning plan's side.
    let mut by_duty: FastMap<(&str, &str), (Loc, Vec<&Plan>)> = FastMap::default();
    for plan in &cx.repo.plans {
        for accept in &plan.meta.accepts {
            let Some(reviewed) = &accept.reviewed else {
                continue;
            };
            let key = (accept.plan.as_str(), accept.duty.as_str());
            let Some(found) = cx.duties.get(&key) else {
                continue; // R106 reports an unknown duty
            };
            if fingerprint(found.duty) == reviewed.value {
                continue;
            }
            let (duty, source) = key;
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
    let mut changed: Vec<_> = by_duty.into_iter().collect();
    changed.sort_by_key(|((plan, duty), _)| (*plan, *duty));
    for ((_, duty), (loc, plans)) in changed {
        let ids: Vec<&str> = plans.iter().map(|p| p.meta.id.as_str()).collect();
        let (count, list) = (ids.len(), ids.join(", "));
        let mut diagnostic = Diagnostic::new(
            &RULE,
            loc,
            tr!(
                cx.lang,
                "duty {duty} changed after {count} accepting plan(s) reviewed it: {list} are suspect until reviewed again",
                "职责 {duty} 在 {count} 份承接预案复核后已变更：{list} 待重新复核"
            ),
        );
        diagnostic.severity = Severity::Info;
        for plan in plans {
            if let Some(accept) = plan.meta.accepts.iter().find(|a| a.duty.as_str() == duty) {
                diagnostic = diagnostic.with_related(
                    plan.loc(accept.duty.span),
                    tr!(cx.lang, "accepted here", "在此承接"),
                );
            }
        }
        out.push(diagnostic);
    }
}
