//! The command line: parse, pick the language, dispatch to one verb per file.

mod activate;
mod args;
mod cards;
mod check;
mod completions;
mod drill;
mod explain;
mod graph;
mod handbook;
mod impact;
mod init;
mod new;
mod output;
mod review;
mod rules;
mod schema;
mod write;

use std::ffi::OsString;
use std::io::Write;

use clap::FromArgMatches;

use output::{print, stdout_written};
use write::{May, write_atomic};

pub use args::{Cli, Command};

use crate::foundation::i18n::Lang;
use crate::load::message::{cannot_read, no_plans};

/// Stack of each worker thread: 32 MiB.
const WORKER_STACK: usize = 32 << 20;

/// Exit code: no error-severity finding.
pub const EXIT_OK: i32 = 0;
/// Exit code: at least one error-severity finding.
pub const EXIT_FINDINGS: i32 = 1;
/// Exit code: emplan could not run (bad arguments, unreadable root).
pub const EXIT_USAGE: i32 = 2;

/// Runs emplan with these arguments and returns the exit code.
pub fn run(argv: Vec<OsString>) -> i32 {
    // Files are read on rayon's threads; deeply nested YAML must meet the readers' depth limits
    // (S103), not the end of a small thread stack, in debug builds too.
    let _ = rayon::ThreadPoolBuilder::new()
        .stack_size(WORKER_STACK)
        .build_global();
    let lang = requested_lang(&argv).unwrap_or_else(Lang::from_env);
    let matches = match args::command(lang).try_get_matches_from(&argv) {
        Ok(matches) => matches,
        Err(error) if lang == Lang::Zh && error.use_stderr() => {
            let _ = writeln!(std::io::stderr(), "{}", zh_error(&error));
            return EXIT_USAGE;
        }
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                EXIT_USAGE
            } else {
                EXIT_OK
            };
        }
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return EXIT_USAGE;
        }
    };
    let lang = cli.lang.unwrap_or(lang);
    let result = match cli.command {
        Command::Check(args) => check::run(&args, lang),
        Command::Explain(args) => explain::run(&args, lang),
        Command::Rules => rules::run(lang),
        Command::Schema(args) => schema::run(&args, lang),
        Command::Graph(args) => graph::run(&args, lang),
        Command::Activate(args) => activate::run(&args, lang),
        Command::Impact(args) => impact::run(&args, lang),
        Command::Handbook(args) => handbook::run(&args, lang),
        Command::Cards(args) => cards::run(&args, lang),
        Command::Drill(args) => drill::run(&args, lang),
        Command::Review(args) => review::run(&args, lang),
        Command::Init(args) => init::run(&args, lang),
        Command::New(args) => new::run(&args, lang),
        Command::Completions(args) => completions::run(&args, lang),
        Command::Man => completions::man(lang),
    };
    result.unwrap_or_else(|message| {
        let _ = writeln!(std::io::stderr(), "emplan: {message}");
        EXIT_USAGE
    })
}

/// Loads the repository at `path`. A folder that holds no plan file is an error, not a clean
/// pass: a wrong path in CI must not go green (issue 12).
fn load_repository(path: &std::path::Path, lang: Lang) -> Result<crate::model::Repository, String> {
    let repo = crate::load::load(path).map_err(|e| cannot_read(&e.path, &e.message, lang))?;
    let plans = repo.sources.files.iter().any(|f| f.path.ends_with(".md"));
    if !plans {
        return Err(no_plans(&crate::load::display_path(path), lang));
    }
    Ok(repo)
}

/// clap's error in Chinese: what is wrong, the nearest valid spelling, and where to look.
fn zh_error(error: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let get = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(list)) => list.join("、"),
        _ => String::new(),
    };
    let arg = get(ContextKind::InvalidArg);
    let value = get(ContextKind::InvalidValue);
    let mut text = match error.kind() {
        ErrorKind::UnknownArgument => format!("错误：未知参数 `{arg}`"),
        ErrorKind::InvalidSubcommand => {
            format!("错误：未知命令 `{}`", get(ContextKind::InvalidSubcommand))
        }
        ErrorKind::InvalidValue => format!("错误：`{arg}` 的取值 `{value}` 无效"),
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(error)
                .map(|e| e.to_string())
                .unwrap_or_default();
            // emplan's own value parsers say it in both languages: "... / 应为 ...".
            let why = why.rsplit(" / ").next().unwrap_or_default().to_owned();
            format!("错误：`{arg}` 的取值 `{value}` 无效：{why}")
        }
        ErrorKind::MissingRequiredArgument => format!("错误：缺少必需的参数：{arg}"),
        ErrorKind::ArgumentConflict => format!(
            "错误：参数 `{arg}` 不能与 `{}` 同时使用",
            get(ContextKind::PriorArg)
        ),
        ErrorKind::NoEquals | ErrorKind::InvalidUtf8 | ErrorKind::TooManyValues => {
            format!("错误：参数 `{arg}` 的写法有误")
        }
        _ => return error.render().to_string(),
    };
    let valid = get(ContextKind::ValidValue);
    if !valid.is_empty() {
        text.push_str(&format!("\n  可选值：{valid}"));
    }
    for kind in [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
        ContextKind::SuggestedSubcommand,
    ] {
        let near = get(kind);
        if !near.is_empty() {
            let near = near.replace('、', "`、`");
            text.push_str(&format!("\n\n  提示：是否应为 `{near}`？"));
        }
    }
    text.push_str("\n\n更多信息请运行 `emplan --help`（或某个命令的 `--help`）。");
    text
}

/// The `--lang` value, read before clap so that clap's own help is in that language.
fn requested_lang(argv: &[OsString]) -> Option<Lang> {
    let mut args = argv.iter().filter_map(|a| a.to_str());
    while let Some(arg) = args.next() {
        let value = match arg.strip_prefix("--lang") {
            Some("") => args.next(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        match value {
            Some("zh") => return Some(Lang::Zh),
            Some("en") => return Some(Lang::En),
            _ => {}
        }
    }
    None
}
