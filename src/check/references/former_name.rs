use aho_corasick::automaton::Automaton;
use aho_corasick::{AhoCorasick, Anchored, MatchKind, dfa};
use rayon::prelude::*;

use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::{Loc, Plan, Span};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "R301",
    name: "former-name",
    family: Family::References,
    severity: Severity::Error,
    summary: (
        "a plan uses the name of an organisation that no longer has it",
        "预案使用了组织机构的旧名称",
    ),
    doc: "\
## What it does
Finds, anywhere in a plan file (front matter or prose), a name listed in an organisation's
`former_names`, or the name of a dissolved organisation, and gives the current name as the fix.
Where the current name of some organisation contains the old name, the longer current name wins,
so 区水利局 is not flagged inside a longer current name that contains it.

## Why is this bad?
After the 2018-2019 institutional reform (机构改革) many plans still named bodies that no longer
existed (区安全生产监督管理局, 区国土资源局, 区水务局). A plan that names a body that no longer
exists assigns its duties to nobody. A change of the command body or its duties is a revision
trigger (2013 预案管理办法 Art. 25; 生产安全事故应急预案管理办法 Art. 36), and reviewers check
that names are current.

## How to fix
Replace the old name with the current one, and review the duties that went with it.",
    example: Example {
        file: "plans/zx-flood.md",
        find: "统筹调度抢险救援力量",
        bad: "由区安全生产监督管理局统筹调度抢险救援力量",
        good: "由区应急管理局统筹调度抢险救援力量",
    },
    run,
};

/// What a name found in the text stands for.
enum Name<'a> {
    /// An old name: the organisation's current name and the last day the old one was valid.
    Old { current: &'a str, until: String },
    /// A current name, matched only so that it shadows old names inside it.
    Current,
}

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let mut patterns: Vec<&str> = Vec::new();
    let mut names: Vec<Name> = Vec::new();
    for entry in &cx.repo.registry.organisations {
        let org = &entry.value;
        match &org.dissolved {
            Some(dissolution) => {
                let current = dissolution
                    .successor
                    .as_ref()
                    .map_or("", |s| cx.org_name(s.as_str()));
                patterns.push(org.name.as_str());
                names.push(Name::Old {
                    current,
                    until: dissolution.date.to_string(),
                });
            }
            None => {
                patterns.push(org.name.as_str());
                names.push(Name::Current);
            }
        }
        for former in &org.former_names {
            patterns.push(former.name.as_str());
            names.push(Name::Old {
                current: org.name.as_str(),
                until: former.until.to_string(),
            });
        }
    }
    let old: Vec<&str> = patterns
        .iter()
        .zip(&names)
        .filter(|(_, name)| matches!(name, Name::Old { .. }))
        .map(|(pattern, _)| *pattern)
        .collect();
    if old.is_empty() {
        return;
    }
    // Only a plan that contains an old name somewhere can have a finding; the current names are
    // in the full automaton only to shadow old names inside them. Finding those plans with a
    // small automaton of the old names first spares building and running the full one (every
    // organisation's name) over a whole province when no plan uses an old name.
    let probe = dfa::DFA::builder().prefilter(false).build(&old).ok();
    let suspects: Vec<&Plan> = cx
        .repo
        .plans
        .par_iter()
        .filter(|plan| {
            let text = &cx.repo.sources.get(plan.file).text;
            probe.as_ref().is_none_or(|probe| contains_any(probe, text))
        })
        .collect();
    if suspects.is_empty() {
        return;
    }
    let Ok(automaton) = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
    else {
        return;
    };
    for plan in suspects {
        let text = &cx.repo.sources.get(plan.file).text;
        for found in automaton.find_iter(text) {
            let Name::Old { current, until } = &names[found.pattern().as_usize()] else {
                continue;
            };
            let old = &text[found.range()];
            let loc = Loc {
                file: plan.file,
                span: Span::new(found.start(), found.end()),
            };
            let diagnostic = if current.is_empty() {
                Diagnostic::new(
                    &RULE,
                    loc,
                    tr!(
                        cx.lang,
                        "`{old}` no longer exists (since {until})",
                        "“{old}”已于 {until} 撤销"
                    ),
                )
                .with_help(tr!(
                    cx.lang,
                    "assign its duties to the organisation that took them over",
                    "请将其职责改由承接的组织机构承担"
                ))
            } else {
                Diagnostic::new(
                    &RULE,
                    loc,
                    tr!(
                        cx.lang,
                        "`{old}` is an old name, valid until {until}",
                        "“{old}”是旧名称，{until} 后已不再使用"
                    ),
                )
                .with_help(tr!(
                    cx.lang,
                    "use the current name `{current}`",
                    "请改用现名称“{current}”"
                ))
            };
            out.push(diagnostic);
        }
    }
}

/// True when any pattern of `probe` occurs in `text`. A plain loop over the DFA's transitions:
/// the names are Chinese, so a prefilter keyed on rare bytes fires on almost every character,
/// and the generic search costs several times this loop per byte.
fn contains_any(probe: &dfa::DFA, text: &str) -> bool {
    let Ok(mut state) = probe.start_state(Anchored::No) else {
        return true;
    };
    for &byte in text.as_bytes() {
        state = probe.next_state(Anchored::No, state, byte);
        if probe.is_special(state) {
            if probe.is_match(state) {
                return true;
            }
            if probe.is_dead(state) {
                return false;
            }
        }
    }
    false
}
