use aho_corasick::{AhoCorasick, MatchKind};
use rayon::prelude::*;

use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::foundation::fast_map::FastMap;
use crate::model::{FileId, Loc, Span};
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

The context of a name counts:
- in a YAML comment (`# ...`) or an HTML comment (`<!-- ... -->`) it is not a finding;
- inside a cited document title (《区安全生产监督管理局关于……的通知》), or in a sentence about
  history (one with 原、更名、改革前、组建前、撤销、前身、曾), it is an `info` note, not an error;
- on a line that carries the marker `<!-- emplan: historical -->` (in the body) or
  `# emplan: historical` (in the front matter) it is a deliberate historical use and not reported.

## Why is this bad?
After the 2018-2019 institutional reform (机构改革) many plans still named bodies that no longer
existed (区安全生产监督管理局, 区国土资源局, 区水务局). A plan that names a body that no longer
exists assigns its duties to nobody. A change of the command body or its duties is a revision
trigger (2013 预案管理办法 Art. 25; 生产安全事故应急预案管理办法 Art. 36), and reviewers check
that names are current.

## How to fix
Replace the old name with the current one, and review the duties that went with it. Where the
old name is meant (a history of the reform), mark the line `<!-- emplan: historical -->`.",
        "\
## 作用
在预案文件的任何位置（前置元数据（front matter）或正文）查找
组织机构 `former_names` 中列出的名称或已撤销组织机构的名称，
并给出现名称作为修复建议。如果某个组织机构的现名称包含该旧名称，
则以较长的现名称为准，因此，包含“区水利局”的较长现名称中的
“区水利局”不会被报告。

名称所在的上下文也会考虑：
- 出现在 YAML 注释（`# ...`）或 HTML 注释（`<!-- ... -->`）中的，不报告；
- 出现在引用的文件标题（《区安全生产监督管理局关于……的通知》）中，
  或出现在叙述历史的句子中（含“原”“更名”“改革前”“组建前”“撤销”“前身”“曾”），
  只作为 `info` 提示，不作为错误；
- 所在行带有标记 `<!-- emplan: historical -->`（正文）或
  `# emplan: historical`（前置元数据）的，视为有意的历史用法，不报告。

## 为什么有问题
2018—2019 年机构改革后，许多预案仍写着已不存在的机构
（区安全生产监督管理局、区国土资源局、区水务局）。
预案写入已不存在的机构，其职责就无人承担。
应急指挥机构及其职责发生调整是修订预案的情形之一
（2013 年《突发事件应急预案管理办法》第二十五条；
《生产安全事故应急预案管理办法》第三十六条），
评审时也会检查名称是否为现行名称。

## 如何修复
将旧名称替换为现名称，并复核原由其承担的职责。
确需使用旧名称的（如叙述机构改革历史），在该行加上 `<!-- emplan: historical -->`。",
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
    let (patterns, names) = names(cx);
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
    let files: Vec<(FileId, usize)> = cx
        .bodies()
        .map(|(file, _, body)| (file, body.start))
        .collect();
    let suspects: Vec<(FileId, usize)> = files
        .into_par_iter()
        .filter(|&(file, _)| {
            let text = &cx.repo.sources.get(file).text;
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
    for (file, body_start) in suspects {
        let text = &cx.repo.sources.get(file).text;
        for found in automaton.find_iter(text) {
            let Name::Old { current, until } = &names[found.pattern().as_usize()] else {
                continue;
            };
            let setting = setting(text, body_start, found.range());
            if setting == Setting::Silent {
                continue;
            }
            let old = &text[found.range()];
            let loc = Loc {
                file,
                span: Span::new(found.start(), found.end()),
            };
            out.push(diagnostic(cx, old, current, until, setting, loc));
        }
    }
}

/// Every name an organisation has had: the patterns to find, and for each whether it is
/// current or old (and then the name that replaced it, and until when).
fn names<'a>(cx: &Context<'a>) -> (Vec<&'a str>, Vec<Name<'a>>) {
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
    (patterns, names)
}

/// The finding for an old name in a plan, at `loc`.
fn diagnostic(
    cx: &Context,
    old: &str,
    current: &str,
    until: &str,
    setting: Setting,
    loc: Loc,
) -> Diagnostic {
    let mut diagnostic = if current.is_empty() {
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
    if setting == Setting::History {
        diagnostic.severity = Severity::Info;
        diagnostic = diagnostic.with_help(tr!(
            cx.lang,
            "it stands in a cited title or a sentence about history: if the old name is meant, mark the line `<!-- emplan: historical -->`",
            "该名称位于引用的文件标题或叙述历史的句子中：如确指旧机构，请在该行加上 `<!-- emplan: historical -->`"
        ));
    }
    diagnostic
}

/// Where in a plan file a name stands, as far as R301 is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Setting {
    /// In running text or a field: the name is used as current.
    Use,
    /// In a cited document title or a sentence about history: a note at most.
    History,
    /// In a comment, or on a line marked as a deliberate historical use: not reported.
    Silent,
}

/// The marker of a deliberate historical use, in an HTML or a YAML comment on the line.
const HISTORICAL: &str = "emplan: historical";

/// Words that make a sentence one about the past.
const HISTORY_WORDS: &[&str] = &["原", "更名", "改革前", "组建前", "撤销", "前身", "曾"];

/// The setting of the name at `name` (a byte range) of a plan file whose body starts at
/// `body_start`.
fn setting(text: &str, body_start: usize, name: std::ops::Range<usize>) -> Setting {
    let at = name.start;
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = &text[line_start..line_end];
    if line.contains(HISTORICAL) {
        return Setting::Silent;
    }
    let before = &text[line_start..at];
    if at < body_start {
        if yaml_comment_start(line).is_some_and(|c| c <= before.len()) {
            return Setting::Silent;
        }
    } else if text[body_start..at].rfind("<!--") > text[body_start..at].rfind("-->").map(|i| i + 1)
    {
        return Setting::Silent;
    }
    if before.rfind('《') > before.rfind('》').map(|i| i + 1) {
        return Setting::History;
    }
    let stops = ['。', '；', '！', '？', '\n'];
    let sentence_start = text[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| stops.contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let sentence_end = text[name.end..]
        .find(stops)
        .map_or(text.len(), |i| name.end + i);
    // The name itself may contain a history word: look around it only.
    let around = [&text[sentence_start..at], &text[name.end..sentence_end]];
    if HISTORY_WORDS
        .iter()
        .any(|w| around.iter().any(|part| part.contains(w)))
    {
        return Setting::History;
    }
    Setting::Use
}

/// Where a YAML comment starts on a line: a `#` at the start or after a space, outside quotes.
fn yaml_comment_start(line: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut previous = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '\'' || c == '"' => quote = Some(c),
            None if c == '#' && (previous == ' ' || previous == '\t') => return Some(i),
            None => {}
        }
        previous = c;
    }
    None
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
