use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::foundation::problem::ProblemKind;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S106",
    name: "cr-line-ends",
    family: Family::Structure,
    severity: Severity::Warning,
    summary: ("a file's lines end in CR only", "文件只用 CR 作为换行符"),
    doc: (
        "\
## What it does
Reports a file whose lines end in a carriage return alone (CR, the line end of classic Mac OS and
of some export tools), with no line feed anywhere. emplan reads such a file as if its lines
ended in LF, so its plan is checked as usual and its ids are known; this finding is the only one
its line ends cause.

## Why is this bad?
Git, diff tools and most editors see a CR-only file as one long line: a review shows the whole
plan changed when one word did, and `git blame` loses every line's history. The repository
format is UTF-8 text with LF or CRLF line ends (see docs/format.md).

## How to fix
Save the file with LF (or CRLF) line ends: in an editor choose the line-end setting \"LF\", or
run `tr '\\r' '\\n' < plan.md > plan.lf.md` and move it over the original.",
        "\
## 作用
报告只用回车符（CR，经典 Mac OS 及部分导出工具的换行方式）结束每一行、全文没有换行符（LF）
的文件。emplan 按 LF 换行读取此类文件，预案照常检查，其中的编号也照常可用；
换行方式只产生这一条提示。

## 为什么有问题
Git、差异对比工具和多数编辑器把只用 CR 的文件看作一整行：审阅时改一个字也显示整份预案
都变了，`git blame` 也失去每一行的历史。仓库格式要求 UTF-8 文本，以 LF 或 CRLF 换行
（见 docs/format.md）。

## 如何修复
以 LF（或 CRLF）换行保存文件：在编辑器中把换行设置改为“LF”，或运行
`tr '\\r' '\\n' < plan.md > plan.lf.md` 后用新文件覆盖原文件。",
    ),
    example: Example {
        file: "plans/bm-shuili.md",
        find: "",
        bad: "(the file with every line ending in CR only)",
        good: "(the file with LF line ends)",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    super::report(cx, &RULE, out, |kind, _| match kind {
        ProblemKind::CrLineEnds => Some((
            tr!(
                cx.lang,
                "the lines of this file end in CR only (no LF anywhere): emplan reads it, but git and diff tools see one line",
                "该文件只用 CR 换行（全文没有 LF）：emplan 可以读取，但 Git 和差异对比工具会把它看作一整行"
            ),
            vec![tr!(
                cx.lang,
                "save the file with LF or CRLF line ends",
                "请以 LF 或 CRLF 换行保存该文件"
            )],
        )),
        _ => None,
    });
}
