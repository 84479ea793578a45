//! `emplan explain CODE`: a rule's documentation with its example and fix.

use std::fmt::Write;

use crate::check::{self, Rule};
use crate::foundation::i18n::Lang;
use crate::tr;

use super::{EXIT_OK, print};

pub fn run(args: &super::args::ExplainArgs, lang: Lang) -> Result<i32, String> {
    let Some(rule) = check::rule(&args.rule) else {
        let code = &args.rule;
        return Err(tr!(
            lang,
            "no rule `{code}`; `emplan rules` lists them",
            "没有规则 `{code}`；`emplan rules` 可列出全部规则"
        ));
    };
    print(&explain(rule, lang), lang)?;
    Ok(EXIT_OK)
}

/// The full text `emplan explain` prints for a rule.
pub fn explain(rule: &Rule, lang: Lang) -> String {
    let mut text = String::new();
    let (code, name) = (rule.code, rule.name);
    let family = rule.family.name(lang);
    let severity = rule.severity.key();
    let _ = writeln!(text, "# {code} {name} ({family}, {severity})\n");
    let _ = writeln!(text, "{}\n", rule.summary(lang));
    let _ = writeln!(text, "{}\n", rule.doc(lang));
    let example = &rule.example;
    let file = example.file;
    let _ = writeln!(text, "## {}\n", lang.pick("Example", "示例"));
    let _ = writeln!(text, "{}\n", tr!(lang, "In `{file}`:", "在 `{file}` 中："));
    let _ = writeln!(
        text,
        "```\n{}\n```\n",
        example.excerpt(example.bad).trim_end()
    );
    let _ = writeln!(text, "## {}\n", lang.pick("Use instead", "改为"));
    let _ = writeln!(
        text,
        "```\n{}\n```",
        example.excerpt(example.good).trim_end()
    );
    text
}
