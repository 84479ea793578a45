//! `emplan check`: load, run every rule, report.

use std::io::Write;

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::check;
use crate::i18n::Lang;
use crate::load;
use crate::report::{self, Format, Summary};
use crate::tr;

use super::args::{CheckArgs, Color};
use super::{EXIT_FINDINGS, EXIT_OK};

pub fn run(args: &CheckArgs, lang: Lang) -> Result<i32, String> {
    let repo = load::load(&args.path).map_err(|e| {
        let (path, message) = (e.path.display(), e.message);
        tr!(
            lang,
            "cannot read {path}: {message}",
            "无法读取 {path}：{message}"
        )
    })?;
    let diagnostics = check::check(&repo, lang);
    let summary = Summary::new(&repo, &diagnostics);
    let written = match args.format {
        Format::Human => {
            let choice = match args.color {
                Color::Always => ColorChoice::Always,
                Color::Never => ColorChoice::Never,
                Color::Auto => report::human::color_choice(false, false),
            };
            let mut out = StandardStream::stdout(choice);
            report::human::write(&mut out, &repo.sources, &diagnostics, &summary, lang)
        }
        Format::Github => {
            let mut out = std::io::stdout().lock();
            report::github::write(&mut out, &repo.sources, &diagnostics, &summary, lang)
        }
        Format::Json => write_json(&report::json::to_value(
            &repo.sources,
            &diagnostics,
            &summary,
        )),
        Format::Junit => {
            let mut out = std::io::stdout().lock();
            report::junit::write(&mut out, &repo.sources, &diagnostics, &summary, lang)
        }
        Format::Sarif => write_json(&report::sarif::to_value(&repo.sources, &diagnostics, lang)),
    };
    // Freeing a province's plans (millions of small strings) takes a noticeable part of a run;
    // the process is about to exit, so let another thread do it instead of the one that reports.
    std::thread::spawn(move || drop(repo));
    if let Err(error) = written {
        // A closed pipe (`emplan check | head`) is not a failure of the check.
        if error.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(error.to_string());
        }
    }
    let failed = diagnostics.iter().any(|d| args.fail_on.fails(d.severity));
    Ok(if failed { EXIT_FINDINGS } else { EXIT_OK })
}

fn write_json(value: &serde_json::Value) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)
        .map_err(|e| match e.io_error_kind() {
            Some(kind) => std::io::Error::from(kind),
            None => std::io::Error::other(e),
        })
        .and_then(|()| writeln!(out))
}
