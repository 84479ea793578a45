use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::foundation::problem::ProblemKind;
use crate::load::encoding::{BINARY, UNKNOWN};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S102",
    name: "not-utf8",
    family: Family::Structure,
    severity: Severity::Error,
    summary: ("a file is not UTF-8", "文件不是 UTF-8 编码"),
    doc: (
        "\
## What it does
Reports a file that is not valid UTF-8 and names the encoding it most likely has (GBK, UTF-16,
Big5), with the command that converts it. The rest of the repository is still checked.

## Why is this bad?
Plans drafted in Word on Chinese Windows are often saved as GBK (ANSI) or UTF-16 (\"Unicode\")
text. Git diffs, reviews and every other tool then show mojibake, and emplan cannot read the
structure. The repository format is UTF-8 only (see docs/format.md).

## How to fix
Convert the file, for example `iconv -f GBK -t UTF-8 plan.md > plan.utf8.md` and move it over
the original, or in an editor choose \"Save with encoding: UTF-8\".",
        "\
## 作用
报告不是有效 UTF-8 编码的文件，指出它最可能使用的编码（GBK、UTF-16、Big5），
并给出转换命令。仓库中的其他文件仍照常检查。

## 为什么有问题
在中文 Windows 上用 Word 起草的预案，常被保存为 GBK（ANSI）
或 UTF-16（“Unicode”）文本。这样一来，Git 差异对比、审阅以及其他所有工具
显示的都是乱码，emplan 也无法读取其结构。
仓库格式只接受 UTF-8（见 docs/format.md）。

## 如何修复
转换文件编码，例如运行 `iconv -f GBK -t UTF-8 plan.md > plan.utf8.md`，
再用转换后的文件覆盖原文件；或在编辑器中选择“以 UTF-8 编码保存”
（Save with encoding: UTF-8）。",
    ),
    example: Example {
        file: "plans/bm-shuili.md",
        find: "落实",
        bad: "落实 (the file saved as GBK)",
        good: "落实",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    super::report(cx, &RULE, out, |kind, _| match kind {
        ProblemKind::NotUtf8 { encoding: BINARY } => Some((
            tr!(
                cx.lang,
                "this file is not text (it holds binary data), so it is not a plan or registry file",
                "该文件不是文本（含二进制数据），不是预案或登记册文件"
            ),
            vec![tr!(
                cx.lang,
                "move it out of the repository, or rename it so that its name does not end in .md, .yaml or .yml",
                "请将其移出仓库，或改名，使文件名不以 .md、.yaml 或 .yml 结尾"
            )],
        )),
        ProblemKind::NotUtf8 { encoding: UNKNOWN } => Some((
            tr!(
                cx.lang,
                "this file is not UTF-8, and its encoding is neither GBK, Big5 nor UTF-16",
                "该文件不是 UTF-8 编码，也不是 GBK、Big5 或 UTF-16"
            ),
            vec![tr!(
                cx.lang,
                "open it in the editor it was written with and save it as UTF-8 (\"Save with encoding: UTF-8\")",
                "请用编写它的编辑器打开，另存为 UTF-8 编码（Save with encoding: UTF-8）"
            )],
        )),
        ProblemKind::NotUtf8 { encoding } => Some((
            tr!(
                cx.lang,
                "this file is not UTF-8; it looks like {encoding}",
                "该文件不是 UTF-8 编码，看起来是 {encoding}"
            ),
            vec![tr!(
                cx.lang,
                "convert it to UTF-8, e.g. `iconv -f {encoding} -t UTF-8 FILE > FILE.new && mv FILE.new FILE`",
                "请转换为 UTF-8，例如 `iconv -f {encoding} -t UTF-8 文件 > 文件.new && mv 文件.new 文件`"
            )],
        )),
        _ => None,
    });
}
