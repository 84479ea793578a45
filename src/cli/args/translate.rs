//! The command definition in Chinese: clap's help translated from the tables of `help_zh.rs`
//! and the Chinese descriptions of each argument's values.

use crate::foundation::i18n::Lang;

use super::Cli;
use super::help_zh::zh;

/// Chinese long help for arguments that take one of a set of values, which clap would list with
/// their English descriptions.
const ZH_VALUES: &[(&str, &str)] = &[
    (
        "sheet",
        "纸张［默认：a6］\n\
         - a6：每页一张处置卡（105 × 148 毫米）\n\
         - a4：每张 A4 纸四张，带裁切线",
    ),
    (
        "graph_format",
        "输出格式［默认：dot；配合 --critical：表格］\n\
         - dot：Graphviz DOT（用 `dot -Tsvg` 绘制）\n\
         - mermaid：Mermaid 流程图（GitHub 可在 Markdown 中显示）\n\
         - json：节点-连线 JSON（第 1 版）；配合 --critical：单点故障排名的 JSON\n\
         - svg：配合 --plan：该预案的应急响应流程图（SVG）",
    ),
    (
        "answer_format",
        "输出格式［默认：text］\n\
         - text：终端显示\n\
         - json：一个 JSON 文档（第 1 版）\n\
         - md：可打印的 Markdown 报告",
    ),
    (
        "view",
        "显示哪一部分［默认：plans］\n\
         - plans：预案及其上级预案\n\
         - orgs：预案和单位：责任单位及被分派职责的单位\n\
         - all：全部节点和连线",
    ),
    (
        "format",
        "输出格式［默认：human］\n\
         - human：带源码摘录的文本\n\
         - json：一个 JSON 文档（第 1 版）\n\
         - github：GitHub Actions 注释（workflow commands）\n\
         - sarif：一个 SARIF 2.1.0 日志（代码扫描）\n\
         - junit：JUnit XML（CI 测试报告）",
    ),
    (
        "color",
        "何时使用彩色输出［默认：auto］\n\
         - auto：输出到终端时\n\
         - always：总是\n\
         - never：从不",
    ),
    (
        "fail_on",
        "有何种严重程度（或更严重）的问题时以 1 退出［默认：error］\n\
         - error：有错误时\n\
         - warning：有错误或警告时\n\
         - info：有任何问题时\n\
         - never：从不因问题而失败（仅在无法运行时以 2 退出）",
    ),
    (
        "lang",
        "消息和帮助的语言［默认：取自 LANG］\n\
         - zh：中文\n\
         - en：英文",
    ),
];

const ZH_TEMPLATE: &str = "\
{before-help}{about-with-newline}
用法：{usage}

{all-args}{after-help}";

/// The command definition in the given language.
pub fn command(lang: Lang) -> clap::Command {
    let command = <Cli as clap::CommandFactory>::command();
    match lang {
        Lang::En => command,
        Lang::Zh => {
            let mut command = command;
            // Build first so that clap's own --help and --version exist and can be translated.
            command.build();
            translate(command)
        }
    }
}

fn zh_values(id: &str) -> Option<&'static str> {
    ZH_VALUES
        .iter()
        .find(|(key, _)| *key == id)
        .map(|(_, text)| *text)
}

fn translate(command: clap::Command) -> clap::Command {
    translate_under(command, None)
}

/// Translates a command under the verb `parent` (`None` for emplan itself, `Some("")` for a
/// verb): a subcommand's help is looked up as "verb name" first (`drill new` and `new` are
/// different verbs), then by its name.
fn translate_under(mut command: clap::Command, parent: Option<&str>) -> clap::Command {
    let name = command.get_name().to_owned();
    let scoped = format!("{} {name}", parent.unwrap_or_default());
    if let Some(about) = zh(scoped.trim()).or_else(|| zh(&name)) {
        command = command.about(about);
    }
    command = command
        .help_template(ZH_TEMPLATE)
        .subcommand_help_heading("命令");
    let args: Vec<(String, bool)> = command
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in args {
        let (help, values) = (zh(&id), zh_values(&id));
        command = command.mut_arg(id, |arg| {
            // Defaults are given in the Chinese help text; clap would add "[default: …]".
            let arg = arg
                .help_heading(if positional { "参数" } else { "选项" })
                .hide_default_value(true);
            let arg = match help {
                Some(help) => arg.help(help).long_help(help),
                None => arg,
            };
            match values {
                Some(values) => arg.long_help(values).hide_possible_values(true),
                None => arg,
            }
        });
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    let own = if parent.is_none() {
        String::new()
    } else {
        name
    };
    for sub in names {
        command = command.mut_subcommand(sub, |c| translate_under(c, Some(&own)));
    }
    command
}
