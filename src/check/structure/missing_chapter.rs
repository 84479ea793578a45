use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::{Heading, PlanKind, PlanScope, Span};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S301",
    name: "missing-chapter",
    family: Family::Structure,
    severity: Severity::Error,
    summary: ("a chapter the plan's kind requires is missing", "缺少该类预案应有的章节"),
    doc: (
        "\
## What it does
Checks that the Markdown body has, as level-2 headings (`## ...`), the chapters each kind of plan
needs, with content. Numbering (`1`, `一、`, `（一）`) is ignored; a heading that contains any of
the accepted names counts, the names of the national and provincial templates included. A
heading with nothing under it (no text, no subsection with text) does not count; where the
content is elsewhere, say so in the section, e.g. `<!-- emplan: 见附件3 -->`. A plan with
`scope: hazard` (a township's 防汛避险转移预案, an enterprise's specialised plan) needs the
chapters of its scope:

| kind | chapters (alternatives separated by /) |
|---|---|
| overall | 总则; 组织指挥体系/组织体系/组织机构; 运行机制/应急响应; 应急保障/保障措施/综合保障; 预案管理/监督管理; 附则 |
| specialised | 总则; 组织指挥体系/组织体系/组织机构; 风险/危险源; 监测预警/预警; 信息报告; 应急响应/应急处置; 应急保障/保障措施/综合保障 |
| departmental | 总则; 组织指挥/组织机构/组织体系; 预警; 信息报告; 应急响应/应急处置; 应急保障/保障措施/综合保障 |
| township | 总则; 组织; 预警; 先期处置/自救; 信息报告; 安置 |
| township, `scope: hazard` | 总则; 组织; 预警; 转移/撤离/避险; 安置; 保障 |
| village | 组织; 预警; 先期处置/自救; 信息报告; 转移/安置 |
| enterprise | 总则; 组织机构; 应急响应; 后期处置/善后; 应急保障/保障措施 |
| enterprise, `scope: hazard` | 适用范围/总则; 组织机构; 响应启动/应急响应; 处置措施/应急处置; 应急保障/保障措施 |
| site | 风险; 职责; 处置; 注意事项 |
| joint | 总则; 组织; 信息/通报; 应急响应/联合响应; 保障 |

A repository sets its own list for a kind in `[chapters]` of emplan.toml (docs/config.md); it
replaces the row above.

## Why is this bad?
The content each tier must cover is set by law. 突发事件应急预案管理办法 (2013, Art. 8): county
specialised and departmental plans cover the command mechanism, risk assessment, monitoring and
warning, information reporting, response measures, and team and supply support; township plans
cover warning relay, first response and self-rescue, information reporting and temporary
resettlement; a township's flood evacuation plan covers the warning, the transfer of people and
where they stay. The 2025 national overall plan has 总则、组织指挥体系、运行机制、应急保障、预案管理.
GB/T 29639-2020 sets the elements of enterprise plans and site procedures (风险描述、职责、
处置、注意事项). A review (评审) checks the completeness of these elements first.

## How to fix
Add the chapter as a `##` heading with its content, or write the content under the empty
heading.",
        "\
## 作用
检查 Markdown 正文是否以二级标题（`## ...`）的形式包含各类预案应有的章节，且章节有内容。
编号（`1`、`一、`、`（一）`）不计；标题中只要含有任一可接受的名称即算有该章节，
国家和省级预案模板所用的名称也在其中。标题下没有任何内容（既无正文，也无有正文的下级标题）
的不算；内容在别处的，请在该节中注明，例如 `<!-- emplan: 见附件3 -->`。
写明 `scope: hazard` 的预案（乡镇防汛避险转移预案、企业专项应急预案）按其范围要求章节：

| 类型 | 章节（用 / 分隔的名称可任选其一） |
|---|---|
| 总体应急预案（`overall`） | 总则；组织指挥体系/组织体系/组织机构；运行机制/应急响应；应急保障/保障措施/综合保障；预案管理/监督管理；附则 |
| 专项应急预案（`specialised`） | 总则；组织指挥体系/组织体系/组织机构；风险/危险源；监测预警/预警；信息报告；应急响应/应急处置；应急保障/保障措施/综合保障 |
| 部门应急预案（`departmental`） | 总则；组织指挥/组织机构/组织体系；预警；信息报告；应急响应/应急处置；应急保障/保障措施/综合保障 |
| 乡镇（街道）应急预案（`township`） | 总则；组织；预警；先期处置/自救；信息报告；安置 |
| 乡镇（街道）专项预案（`township`，`scope: hazard`） | 总则；组织；预警；转移/撤离/避险；安置；保障 |
| 村（社区）应急预案（`village`） | 组织；预警；先期处置/自救；信息报告；转移/安置 |
| 企业应急预案（`enterprise`） | 总则；组织机构；应急响应；后期处置/善后；应急保障/保障措施 |
| 企业专项应急预案（`enterprise`，`scope: hazard`） | 适用范围/总则；组织机构；响应启动/应急响应；处置措施/应急处置；应急保障/保障措施 |
| 现场处置方案（`site`） | 风险；职责；处置；注意事项 |
| 联合应急预案（`joint`） | 总则；组织；信息/通报；应急响应/联合响应；保障 |

仓库可以在 emplan.toml 的 `[chapters]` 中为某类预案设定自己的章节（见 docs/config.md），替代上表中的相应行。

## 为什么有问题
各层级预案必须涵盖哪些内容，由法规规定。
2013 年《突发事件应急预案管理办法》第八条：县级专项应急预案和部门应急预案
侧重明确指挥机制、风险评估、监测预警、信息报告、应急处置措施、队伍物资保障；
乡镇（街道）应急预案侧重预警信息传播、先期处置和自救互救、信息报告、
人员临时安置；乡镇防汛避险转移预案侧重预警、人员转移和安置。2025 年《国家突发事件总体应急预案》包括总则、组织指挥体系、
运行机制、应急保障、预案管理。
GB/T 29639-2020《生产经营单位生产安全事故应急预案编制导则》规定了
企业应急预案和现场处置方案的要素（风险描述、职责、处置、注意事项）。
预案评审首先检查的就是这些要素是否齐全。

## 如何修复
以 `##` 标题的形式补充该章节及其内容，或在空标题下补充内容。",
    ),
    example: Example {
        file: "plans/xz-baolun.md",
        find: "## 信息报告",
        bad: "## 其他",
        good: "## 信息报告",
    },
    run,
};

/// One chapter a plan needs: the names any one of which, inside a level-2 heading, make it.
pub type Chapter = &'static [&'static str];

/// The chapters that plans of one kind and scope need.
pub struct ChapterSet {
    pub kind: PlanKind,
    pub scope: PlanScope,
    pub chapters: &'static [Chapter],
}

const fn set(kind: PlanKind, scope: PlanScope, chapters: &'static [Chapter]) -> ChapterSet {
    ChapterSet {
        kind,
        scope,
        chapters,
    }
}

use PlanKind as K;
use PlanScope::{Comprehensive as All, Hazard};

/// The chapters each kind of plan needs, as the rule's doc lists them. A kind without an entry
/// for `scope: hazard` needs its comprehensive chapters.
pub static CHAPTERS: &[ChapterSet] = &[
    set(
        K::Overall,
        All,
        &[
            &["总则"],
            &["组织指挥体系", "组织体系", "组织机构"],
            &["运行机制", "应急响应"],
            &["应急保障", "保障措施", "综合保障"],
            &["预案管理", "监督管理"],
            &["附则"],
        ],
    ),
    set(
        K::Specialised,
        All,
        &[
            &["总则"],
            &["组织指挥体系", "组织体系", "组织机构"],
            &["风险", "危险源"],
            &["监测预警", "预警"],
            &["信息报告"],
            &["应急响应", "应急处置"],
            &["应急保障", "保障措施", "综合保障"],
        ],
    ),
    set(
        K::Departmental,
        All,
        &[
            &["总则"],
            &["组织指挥", "组织机构", "组织体系"],
            &["预警"],
            &["信息报告"],
            &["应急响应", "应急处置"],
            &["应急保障", "保障措施", "综合保障"],
        ],
    ),
    set(
        K::Township,
        All,
        &[
            &["总则"],
            &["组织"],
            &["预警"],
            &["先期处置", "自救"],
            &["信息报告"],
            &["安置"],
        ],
    ),
    set(
        K::Township,
        Hazard,
        &[
            &["总则"],
            &["组织"],
            &["预警"],
            &["转移", "撤离", "避险"],
            &["安置"],
            &["保障"],
        ],
    ),
    set(
        K::Village,
        All,
        &[
            &["组织"],
            &["预警"],
            &["先期处置", "自救"],
            &["信息报告"],
            &["转移", "安置"],
        ],
    ),
    set(
        K::Enterprise,
        All,
        &[
            &["总则"],
            &["组织机构"],
            &["应急响应"],
            &["后期处置", "善后"],
            &["应急保障", "保障措施"],
        ],
    ),
    set(
        K::Enterprise,
        Hazard,
        &[
            &["适用范围", "总则"],
            &["组织机构"],
            &["响应启动", "应急响应"],
            &["处置措施", "应急处置"],
            &["应急保障", "保障措施"],
        ],
    ),
    set(
        K::Site,
        All,
        &[&["风险"], &["职责"], &["处置"], &["注意事项"]],
    ),
    set(
        K::Joint,
        All,
        &[
            &["总则"],
            &["组织"],
            &["信息", "通报"],
            &["应急响应", "联合响应"],
            &["保障"],
        ],
    ),
];

/// The chapters a plan of this kind and scope needs.
pub fn required_chapters(kind: PlanKind, scope: PlanScope) -> &'static [Chapter] {
    let find = |scope| CHAPTERS.iter().find(|c| c.kind == kind && c.scope == scope);
    find(scope)
        .or_else(|| find(All))
        .map_or(&[], |c| c.chapters)
}

/// The chapters a plan of this kind and scope needs: emplan.toml's `[chapters]` for it, or
/// for its kind, else the built-in list.
fn configured<'a>(cx: &Context<'a>, kind: PlanKind, scope: PlanScope) -> Vec<Vec<&'a str>> {
    let chapters = &cx.config.chapters;
    let own = chapters
        .get(&(kind, scope))
        .or_else(|| chapters.get(&(kind, All)));
    match own {
        Some(list) => list
            .iter()
            .map(|words| words.iter().map(String::as_str).collect())
            .collect(),
        None => required_chapters(kind, scope)
            .iter()
            .map(|words| words.to_vec())
            .collect(),
    }
}

// One pass over the bodies and its finding; the messages in both languages take a third of it.
fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for (file, kind, body) in cx.bodies() {
        let Some((kind, scope)) = kind else { continue };
        let source = &cx.repo.sources.get(file).text;
        let chapters = body.headings.iter().filter(|h| h.level == 2);
        let named = |words: &[&str]| {
            let mut named = chapters
                .clone()
                .filter(|h| words.iter().any(|w| body.text(h.text, source).contains(w)));
            (named.clone().any(|h| h.has_content), named.next())
        };
        let required = configured(cx, kind, scope);
        let missing: Vec<(Vec<&str>, Option<&Heading>)> = required
            .into_iter()
            .filter_map(|words| match named(&words) {
                (true, _) => None,
                (false, empty) => Some((words, empty)),
            })
            .collect();
        if missing.is_empty() {
            continue;
        }
        // Point at the title heading, or at the start of the body.
        let span = body
            .headings
            .iter()
            .find(|h| h.level == 1)
            .map_or(Span::new(body.start, body.start), |h| h.span);
        let alternatives: Vec<String> = missing
            .iter()
            .filter(|(words, _)| words.len() > 1)
            .map(|(words, _)| words.join(" / "))
            .collect();
        let empty: Vec<String> = missing
            .iter()
            .filter_map(|(_, h)| *h)
            .map(|h| {
                let line = cx.repo.sources.get(file).line_index(h.span.start as usize) + 1;
                let text = body.text(h.text, source);
                tr!(
                    cx.lang,
                    "`## {text}` (line {line})",
                    "`## {text}`（第 {line} 行）"
                )
            })
            .collect();
        let missing: Vec<&str> = missing.iter().map(|(words, _)| words[0]).collect();
        let kind = match scope {
            All => kind.zh().to_owned(),
            Hazard => {
                let kind = kind.zh();
                tr!(cx.lang, "{kind} (`scope: hazard`)", "{kind}（专项）")
            }
        };
        let list = missing.join("、");
        let mut diagnostic = Diagnostic::new(
            &RULE,
            Context::loc(file, span),
            tr!(
                cx.lang,
                "this {kind} lacks the chapter(s) {list}",
                "该{kind}缺少章节：{list}"
            ),
        )
        .with_help(tr!(
            cx.lang,
            "add each as a level-2 heading (`## {list}`) with its content",
            "请以二级标题（`## …`）补充上述章节及其内容"
        ));
        if !alternatives.is_empty() {
            let alternatives = alternatives.join("; ");
            diagnostic = diagnostic.with_help(tr!(
                cx.lang,
                "any of these names counts: {alternatives}",
                "以下任一名称均可：{alternatives}"
            ));
        }
        if !empty.is_empty() {
            let empty = empty.join(", ");
            diagnostic = diagnostic.with_help(tr!(
                cx.lang,
                "a heading with nothing under it is not the chapter: {empty}",
                "标题下没有内容的不算该章节：{empty}"
            ));
        }
        out.push(diagnostic);
    }
}
