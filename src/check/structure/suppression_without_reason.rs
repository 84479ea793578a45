use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};

pub static RULE: Rule = Rule {
    code: "S108",
    name: "suppression-without-reason",
    family: Family::Structure,
    severity: Severity::Error,
    summary: ("a suppression gives no reason", "豁免未写明理由"),
    doc: (
        "\
## What it does
Reports a suppression (`# emplan: allow CODE` in YAML, `<!-- emplan: allow CODE -->` in
Markdown) that gives no reason after `--`. Such a suppression suppresses nothing: the finding it
was meant for is still reported.

A suppression covers the findings of the rules it names that start on its line (at the end of
a line) or on the next line (on a line of its own):

```yaml
duties:
  # emplan: allow L302 -- 区人防办2027年起编制部门预案，经区应急委2026年第3次会议同意
  - {id: shelter, org: qu-renfang, text: 负责人防工程的开放和管理}
```

## Why is this bad?
A plan is a public commitment; silencing a check on it is a decision someone must be able to
read and question in review. A bare `allow` hides a problem without saying who accepted it or
why.

## How to fix
Say why after `--`, or fix the finding and remove the suppression.",
        "\
## 作用
报告没有在 `--` 之后写明理由的豁免（YAML 中的 `# emplan: allow CODE`，Markdown 中的
`<!-- emplan: allow CODE -->`）。这样的豁免不起作用，所针对的问题照常报告。

豁免针对其所在行（写在行尾时）或下一行（单独成行时）开始的、所列规则的问题：

```yaml
duties:
  # emplan: allow L302 -- 区人防办2027年起编制部门预案，经区应急委2026年第3次会议同意
  - {id: shelter, org: qu-renfang, text: 负责人防工程的开放和管理}
```

## 为什么有问题
预案是公开的承诺，对其关闭某项检查是一个需要在审核中看得到、能质疑的决定。没有理由的豁免
掩盖了问题，却没有说明是谁、为什么接受了它。

## 如何修复
在 `--` 之后写明理由，或改正问题并删除豁免。",
    ),
    example: Example {
        file: "registry/registry.yaml",
        find: "  - id: qu-weijianju\n",
        bad: "  # emplan: allow C103\n  - id: qu-weijianju\n",
        good: "  # emplan: allow C103 -- 区卫健局部门预案正在编制\n  - id: qu-weijianju\n",
    },
    run,
};

/// Found with the suppressions after every rule has run (`check::suppress`).
fn run(_: &Context, _: &mut Vec<Diagnostic>) {}
