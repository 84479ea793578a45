use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::model::{PlanKind, Span};
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
needs. Numbering (`1`, `一、`, `（一）`) is ignored; a heading that contains any of the accepted
words counts:

| kind | chapters (alternatives separated by /) |
|---|---|
| overall | 总则; 组织指挥体系; 运行机制; 应急保障/保障措施; 预案管理; 附则 |
| specialised | 总则; 组织指挥体系/组织体系; 风险; 监测预警/预警; 信息报告; 应急响应; 应急保障/保障措施 |
| departmental | 总则; 组织指挥/组织机构; 预警; 信息报告; 应急响应/应急处置; 应急保障/保障措施 |
| township | 总则; 组织; 预警; 先期处置/自救; 信息报告; 安置 |
| village | 组织; 预警; 先期处置/自救; 信息报告; 转移/安置 |
| enterprise | 总则; 组织机构; 应急响应; 后期处置; 应急保障/保障措施 |
| site | 风险; 职责; 处置; 注意事项 |
| joint | 总则; 组织; 信息/通报; 应急响应/联合响应; 保障 |

## Why is this bad?
The content each tier must cover is set by law. 突发事件应急预案管理办法 (2013, Art. 8): county
specialised and departmental plans cover the command mechanism, risk assessment, monitoring and
warning, information reporting, response measures, and team and supply support; township plans
cover warning relay, first response and self-rescue, information reporting and temporary
resettlement. The 2025 national overall plan has 总则、组织指挥体系、运行机制、应急保障、预案管理.
GB/T 29639-2020 sets the elements of enterprise plans and site procedures (风险描述、职责、
处置、注意事项). A review (评审) checks the completeness of these elements first.

## How to fix
Add the chapter as a `##` heading with its content.",
        "\
## 作用
检查 Markdown 正文是否以二级标题（`## ...`）的形式包含各类预案应有的章节。
编号（`1`、`一、`、`（一）`）不计；标题中只要含有任一可接受的词即算有该章节：

| 类型 | 章节（用 / 分隔的名称可任选其一） |
|---|---|
| 总体应急预案（`overall`） | 总则；组织指挥体系；运行机制；应急保障/保障措施；预案管理；附则 |
| 专项应急预案（`specialised`） | 总则；组织指挥体系/组织体系；风险；监测预警/预警；信息报告；应急响应；应急保障/保障措施 |
| 部门应急预案（`departmental`） | 总则；组织指挥/组织机构；预警；信息报告；应急响应/应急处置；应急保障/保障措施 |
| 乡镇（街道）应急预案（`township`） | 总则；组织；预警；先期处置/自救；信息报告；安置 |
| 村（社区）应急预案（`village`） | 组织；预警；先期处置/自救；信息报告；转移/安置 |
| 企业应急预案（`enterprise`） | 总则；组织机构；应急响应；后期处置；应急保障/保障措施 |
| 现场处置方案（`site`） | 风险；职责；处置；注意事项 |
| 联合应急预案（`joint`） | 总则；组织；信息/通报；应急响应/联合响应；保障 |

## 为什么有问题
各层级预案必须涵盖哪些内容，由法规规定。
2013 年《突发事件应急预案管理办法》第八条：县级专项应急预案和部门应急预案
侧重明确指挥机制、风险评估、监测预警、信息报告、应急处置措施、队伍物资保障；
乡镇（街道）应急预案侧重预警信息传播、先期处置和自救互救、信息报告、
人员临时安置。2025 年《国家突发事件总体应急预案》包括总则、组织指挥体系、
运行机制、应急保障、预案管理。
GB/T 29639-2020《生产经营单位生产安全事故应急预案编制导则》规定了
企业应急预案和现场处置方案的要素（风险描述、职责、处置、注意事项）。
预案评审首先检查的就是这些要素是否齐全。

## 如何修复
以 `##` 标题的形式补充该章节及其内容。",
    ),
    example: Example {
        file: "plans/xz-baolun.md",
        find: "## 信息报告",
        bad: "## 其他",
        good: "## 信息报告",
    },
    run,
};

/// The chapters a kind of plan needs: each entry lists the words any one of which may name it.
pub fn required_chapters(kind: PlanKind) -> &'static [&'static [&'static str]] {
    match kind {
        PlanKind::Overall => &[
            &["总则"],
            &["组织指挥体系"],
            &["运行机制"],
            &["应急保障", "保障措施"],
            &["预案管理"],
            &["附则"],
        ],
        PlanKind::Specialised => &[
            &["总则"],
            &["组织指挥体系", "组织体系"],
            &["风险"],
            &["监测预警", "预警"],
            &["信息报告"],
            &["应急响应"],
            &["应急保障", "保障措施"],
        ],
        PlanKind::Departmental => &[
            &["总则"],
            &["组织指挥", "组织机构"],
            &["预警"],
            &["信息报告"],
            &["应急响应", "应急处置"],
            &["应急保障", "保障措施"],
        ],
        PlanKind::Township => &[
            &["总则"],
            &["组织"],
            &["预警"],
            &["先期处置", "自救"],
            &["信息报告"],
            &["安置"],
        ],
        PlanKind::Village => &[
            &["组织"],
            &["预警"],
            &["先期处置", "自救"],
            &["信息报告"],
            &["转移", "安置"],
        ],
        PlanKind::Enterprise => &[
            &["总则"],
            &["组织机构"],
            &["应急响应"],
            &["后期处置"],
            &["应急保障", "保障措施"],
        ],
        PlanKind::Site => &[&["风险"], &["职责"], &["处置"], &["注意事项"]],
        PlanKind::Joint => &[
            &["总则"],
            &["组织"],
            &["信息", "通报"],
            &["应急响应", "联合响应"],
            &["保障"],
        ],
    }
}

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for (file, kind, body) in cx.bodies() {
        let Some(kind) = kind else { continue };
        let chapters: Vec<&str> = body
            .headings
            .iter()
            .filter(|h| h.level == 2)
            .map(|h| h.text.as_str())
            .collect();
        let missing: Vec<&str> = required_chapters(kind)
            .iter()
            .filter(|words| !chapters.iter().any(|c| words.iter().any(|w| c.contains(w))))
            .map(|words| words[0])
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
        let alternatives: Vec<String> = required_chapters(kind)
            .iter()
            .filter(|words| missing.contains(&words[0]))
            .filter(|words| words.len() > 1)
            .map(|words| words.join(" / "))
            .collect();
        let kind = kind.zh();
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
        out.push(diagnostic);
    }
}
