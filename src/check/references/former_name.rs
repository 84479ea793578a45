use aho_corasick::{AhoCorasick, MatchKind};
use rayon::prelude::*;

use crate::check::index::FastMap;
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
    doc: (
        "\
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
        "\
## 作用
在预案文件的任何位置（前置元数据（front matter）或正文）查找
组织机构 `former_names` 中列出的名称或已撤销组织机构的名称，
并给出现名称作为修复建议。如果某个组织机构的现名称包含该旧名称，
则以较长的现名称为准，因此，包含“区水利局”的较长现名称中的
“区水利局”不会被报告。

## 为什么有问题
2018—2019 年机构改革后，许多预案仍写着已不存在的机构
（区安全生产监督管理局、区国土资源局、区水务局）。
预案写入已不存在的机构，其职责就无人承担。
应急指挥机构及其职责发生调整是修订预案的情形之一
（2013 年《突发事件应急预案管理办法》第二十五条；
《生产安全事故应急预案管理办法》第三十六条），
评审时也会检查名称是否为现行名称。

## 如何修复
将旧名称替换为现名称，并复核原由其承担的职责。",
    ),
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
    let filter = NameFilter::new(&old);
    let suspects: Vec<&Plan> = cx
        .repo
        .plans
        .par_iter()
        .filter(|plan| {
            let text = &cx.repo.sources.get(plan.file).text;
            filter.as_ref().is_none_or(|filter| filter.any_in(text))
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

/// Finds whether any of a set of names occurs in a text, skipping most of the text: Wu and
/// Manber's multi-pattern search ("A fast algorithm for multi-pattern searching", 1994).
///
/// A window as long as the shortest name slides over the text. Its last three bytes are looked
/// up in a table of how far the window may move without passing an occurrence; only where that
/// is zero are the names compared. With names of four or more Chinese characters (12 bytes and
/// up) the window mostly moves 10 bytes at a time, where an automaton reads every byte.
struct NameFilter<'a> {
    /// The length of the shortest name.
    window: usize,
    /// How far the window may move, by hash of its last [`BLOCK`] bytes.
    shift: Vec<u8>,
    /// The names by their first `window` bytes. Many names end their window in the
    /// same common character (昌城县水务局, 安宝县水务局, ...), so the whole window is looked up
    /// rather than compared with every name that shares its last block.
    heads: FastMap<&'a [u8], Vec<&'a [u8]>>,
}

const BLOCK: usize = 3;
const HASH_BITS: u32 = 16;

fn block_hash(block: &[u8]) -> usize {
    let word = u32::from(block[0]) | u32::from(block[1]) << 8 | u32::from(block[2]) << 16;
    (word.wrapping_mul(0x9e37_79b1) >> (32 - HASH_BITS)) as usize
}

impl<'a> NameFilter<'a> {
    /// `None` when a name is shorter than a block (no use skipping) or there is no name.
    fn new(names: &[&'a str]) -> Option<Self> {
        let window = names
            .iter()
            .map(|n| n.len())
            .min()?
            .min(usize::from(u8::MAX));
        if window < BLOCK {
            return None;
        }
        let longest_shift = u8::try_from(window - BLOCK + 1).ok()?;
        let mut shift = vec![longest_shift; 1 << HASH_BITS];
        let mut heads: FastMap<&[u8], Vec<&[u8]>> = FastMap::default();
        for name in names.iter().map(|n| n.as_bytes()) {
            let head = &name[..window];
            for end in BLOCK..=window {
                let hash = block_hash(&head[end - BLOCK..end]);
                let to_end = u8::try_from(window - end).unwrap_or(u8::MAX);
                shift[hash] = shift[hash].min(to_end);
            }
            heads.entry(head).or_default().push(name);
        }
        Some(NameFilter {
            window,
            shift,
            heads,
        })
    }

    fn any_in(&self, text: &str) -> bool {
        let text = text.as_bytes();
        let mut end = self.window;
        while end <= text.len() {
            let hash = block_hash(&text[end - BLOCK..end]);
            match self.shift[hash] {
                0 => {
                    let start = end - self.window;
                    let found = self.heads.get(&text[start..end]).is_some_and(|names| {
                        names.iter().any(|name| text[start..].starts_with(name))
                    });
                    if found {
                        return true;
                    }
                    end += 1;
                }
                n => end += usize::from(n),
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::NameFilter;

    /// Against a plain substring search, on texts made of pieces of the names and of other
    /// Chinese and ASCII text, cut at every byte offset so windows fall across characters.
    #[test]
    fn the_filter_finds_what_a_substring_search_finds() {
        let names = ["昌城县水务局", "昌城县国土资源局", "区安监局", "abc"];
        let pieces = [
            "昌城县",
            "水务",
            "局",
            "国土资源",
            "区安",
            "监局",
            "应急管理",
            "，",
            "a",
            "bc",
            "\n",
        ];
        let filter = NameFilter::new(&names).expect("names of three bytes or more");
        let mut state = 7_u64;
        let mut next = move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize
        };
        let (mut with, mut without) = (0, 0);
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..next() % 16 {
                text.push_str(pieces[next() % pieces.len()]);
            }
            let expected = names.iter().any(|n| text.contains(n));
            assert_eq!(filter.any_in(&text), expected, "{text:?}");
            if expected { with += 1 } else { without += 1 }
        }
        assert!(
            with > 1_000 && without > 1_000,
            "{with} with, {without} without"
        );
    }

    #[test]
    fn names_shorter_than_a_block_are_not_filtered() {
        assert!(NameFilter::new(&["ab", "abcdef"]).is_none());
        assert!(NameFilter::new(&[]).is_none());
    }
}
