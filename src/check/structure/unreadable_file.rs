use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::foundation::problem::ProblemKind;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S101",
    name: "unreadable-file",
    family: Family::Structure,
    severity: Severity::Error,
    summary: ("a file cannot be read", "文件无法读取"),
    doc: (
        "\
## What it does
Reports a plan or registry file that emplan found but could not read: a dangling symbolic link,
a symbolic link loop, a file without read permission, a folder it may not enter. A symbolic link
whose target lies outside the repository is not followed and is reported as a warning that
names where it points (never what is there). A file larger than `file_size_mib` under
`[limits]` in `emplan.toml` (64 MiB unless raised, at most 4095) is not read either: no plan or
registry comes near it, and reading a hostile 4 GiB file whole would exhaust a CI runner.

## Why is this bad?
A plan that cannot be read is a plan nobody checks. The 2024 预案管理办法 (Art. 6) asks that
plans be kept in databases and used digitally; a file that the tools cannot open is not. A link
out of the repository would make a reviewer's CI read, and print, files that are not part of the
plans (`ln -s /etc/passwd plans/evil.md`).

## How to fix
Restore the file or the link target, or fix its permissions; copy a file from outside into the
repository instead of linking to it.",
        "\
## 作用
报告 emplan 找到了、却无法读取的预案文件或登记文件：
指向不存在目标的符号链接、循环的符号链接、没有读取权限的文件、无权进入的文件夹等。
目标在仓库之外的符号链接不予跟随，报告为警告，写明其指向（从不显示目标内容）。
大于 `emplan.toml` 中 `[limits]` 的 `file_size_mib`（默认 64 MiB，最大 4095）的文件也不读取：
真实的预案和登记文件远小于此，而整个读入一个恶意的 4 GiB 文件会耗尽 CI 机器的内存。

## 为什么有问题
读不了的预案，就是没人检查的预案。
2024 年《突发事件应急预案管理办法》第六条要求应急预案纳入数据库管理、
推进数字化应用；工具打不开的文件做不到这一点。
指向仓库之外的链接会让审阅者的 CI 读取并打印不属于预案的文件（如 `ln -s /etc/passwd plans/evil.md`）。

## 如何修复
恢复该文件或链接目标，或修正其权限；仓库外的文件请复制进仓库，而不是链接过去。",
    ),
    example: Example {
        file: "plans/link.md",
        find: "",
        bad: "(a symbolic link to a file that does not exist)",
        good: "(the link removed, or its target restored)",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    super::report(cx, &RULE, out, |kind, _| match kind {
        ProblemKind::Unreadable { message } => Some((
            tr!(
                cx.lang,
                "cannot read this file: {message}",
                "无法读取该文件：{message}"
            ),
            vec![tr!(
                cx.lang,
                "restore the file or the target of the link, or fix its permissions",
                "恢复该文件或链接目标，或修正文件权限"
            )],
        )),
        ProblemKind::TooLarge { bytes, limit_mib } => {
            let size = mib(*bytes);
            let more = (bytes >> 20) + 1;
            Some((
                tr!(
                    cx.lang,
                    "this file is {size} MiB, larger than the limit of {limit_mib} MiB (`file_size_mib`): it is not read",
                    "该文件大小为 {size} MiB，超过上限 {limit_mib} MiB（`file_size_mib`）：未读取"
                ),
                vec![tr!(
                    cx.lang,
                    "split the file, or if it is meant to be so large raise the limit in emplan.toml: `file_size_mib = {more}` under `[limits]`",
                    "请拆分该文件；如确需这么大，请在 emplan.toml 的 `[limits]` 下调高上限：`file_size_mib = {more}`"
                )],
            ))
        }
        ProblemKind::LinkDangling { target } => Some((
            tr!(
                cx.lang,
                "this symbolic link points to {target}, and no file is there",
                "该符号链接指向 {target}，但那里没有文件"
            ),
            vec![tr!(
                cx.lang,
                "restore the link's target, point the link at the file it stands for, or remove it",
                "请恢复链接目标、让链接指向它所代表的文件，或删除该链接"
            )],
        )),
        ProblemKind::LinkLoop => Some((
            tr!(
                cx.lang,
                "this symbolic link is a loop: it leads back to itself",
                "该符号链接构成循环：最终指回自身"
            ),
            vec![tr!(
                cx.lang,
                "point the link at the file it stands for, or remove it",
                "请让链接指向它所代表的文件，或删除该链接"
            )],
        )),
        _ => None,
    });
    // A link out of the repository is not read: a warning naming where it points, never what
    // is there.
    let start = out.len();
    super::report(cx, &RULE, out, |kind, _| match kind {
        ProblemKind::LinkOutside { target } => Some((
            tr!(
                cx.lang,
                "this symbolic link points outside the repository, to {target}: it is not followed",
                "该符号链接指向仓库之外的 {target}：不予读取"
            ),
            vec![tr!(
                cx.lang,
                "copy the file into the repository, or remove the link",
                "请把文件复制到仓库中，或删除该链接"
            )],
        )),
        _ => None,
    });
    for d in &mut out[start..] {
        d.severity = Severity::Warning;
    }
}

/// A size in MiB with one decimal, rounded up so that a file just over the limit does not read
/// as equal to it.
fn mib(bytes: u64) -> String {
    let tenths = (bytes * 10).div_ceil(1 << 20);
    format!("{}.{}", tenths / 10, tenths % 10)
}
