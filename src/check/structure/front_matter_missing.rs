use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::foundation::problem::ProblemKind;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S104",
    name: "front-matter-missing",
    family: Family::Structure,
    severity: Severity::Error,
    summary: ("a plan file has no front matter", "预案文件缺少前置元数据"),
    doc: (
        "\
## What it does
Reports a Markdown file that does not start with a `---` line. Every `.md` file in the
repository except `README.md` is a plan, and a plan's structured part (id, kind, owner, duties,
levels) lives in YAML front matter between two `---` lines at the very top.

## Why is this bad?
Without front matter the plan has no id, so no other plan can be linked to it and none of its
duties can be checked: it is invisible to the linkage (衔接) assessment the district asks for.

## How to fix
Add front matter with at least `id`, `kind`, `title` and `owner`, or rename a file that is not a
plan to `README.md` or move it out of the repository.",
        "\
## 作用
报告不以 `---` 行开头的 Markdown 文件。仓库中除 `README.md` 以外的
每个 `.md` 文件都是一份预案；预案的结构化部分（编号、类型、编制单位、
职责、级别）写在文件最顶部两行 `---` 之间的 YAML 前置元数据（front matter）中。

## 为什么有问题
没有前置元数据，预案就没有编号，其他预案无法与它关联，它的职责也都无法检查：
区里要求开展的预案衔接评估根本“看不到”这份预案。

## 如何修复
添加前置元数据，至少包含 `id`、`kind`、`title` 和 `owner`；
如果该文件不是预案，请将其改名为 `README.md`，或将其移出仓库。",
    ),
    example: Example {
        file: "plans/notes.md",
        find: "",
        bad: "# 会议纪要\n\n讨论了防汛预案修订。\n",
        good: "---\nid: notes\nkind: departmental\ntitle: 区水利局会议纪要\nowner: qu-shuiliju\nparents: [overall]\n---\n\n## 总则\n## 组织机构\n## 预警\n## 信息报告\n## 应急响应\n## 应急保障\n",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    super::report(cx, &RULE, out, |kind, _| match kind {
        ProblemKind::NoFrontMatter => Some((
            tr!(
                cx.lang,
                "this plan file does not start with front matter (`---`)",
                "该预案文件未以前置元数据（`---`）开头"
            ),
            vec![tr!(
                cx.lang,
                "start the file with `---`, the fields id, kind, title and owner, and another `---`; a file that is not a plan belongs in README.md or outside the repository",
                "在文件开头添加 `---`、id/kind/title/owner 字段和结束的 `---`；非预案文件请命名为 README.md 或移出仓库"
            )],
        )),
        _ => None,
    });
}
