//! rustc-style text: `error[L301]: ...`, the place, the source line with a caret, help lines,
//! and a summary line last.

use std::io;
use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as Level};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, Config, Styles, StylesWriter, termcolor};

use crate::check::{Diagnostic, Severity};
use crate::i18n::Lang;
use crate::model::{FileId, Sources};
use crate::tr;

use super::Summary;
use crate::load::root::{FoundBy, MARKER};

/// codespan-reporting reads files through this view of [`Sources`].
struct View<'a>(&'a Sources);

impl<'a> Files<'a> for View<'a> {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        self.0
            .files
            .get(id)
            .map(|f| f.path.as_str())
            .ok_or(FilesError::FileMissing)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        self.0
            .files
            .get(id)
            .map(|f| f.text.as_str())
            .ok_or(FilesError::FileMissing)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        let file = self.0.files.get(id).ok_or(FilesError::FileMissing)?;
        Ok(file.line_index(byte_index))
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, FilesError> {
        let file = self.0.files.get(id).ok_or(FilesError::FileMissing)?;
        if line_index >= file.line_count() {
            return Err(FilesError::LineTooLarge {
                given: line_index,
                max: file.line_count().saturating_sub(1),
            });
        }
        let range = file.line_range(line_index);
        // codespan wants the line with its break.
        let end = file.text[range.end..]
            .find('\n')
            .map_or(file.text.len(), |i| range.end + i + 1);
        Ok(range.start..end)
    }
}

/// Whether to colour the output.
pub fn color_choice(always: bool, never: bool) -> termcolor::ColorChoice {
    if never {
        termcolor::ColorChoice::Never
    } else if always {
        termcolor::ColorChoice::Always
    } else if io::IsTerminal::is_terminal(&io::stdout()) && std::env::var_os("NO_COLOR").is_none() {
        termcolor::ColorChoice::Auto
    } else {
        termcolor::ColorChoice::Never
    }
}

/// Writes every diagnostic and the summary line.
pub fn write(
    out: &mut dyn termcolor::WriteColor,
    sources: &Sources,
    diagnostics: &[Diagnostic],
    summary: &Summary,
    lang: Lang,
) -> io::Result<()> {
    let view = View(sources);
    let config = Config::default();
    let styles = Styles::default();
    for diagnostic in diagnostics {
        let report = to_report(diagnostic, sources, lang);
        let mut writer = StylesWriter::new(&mut *out, &styles);
        match term::emit_to_write_style(&mut writer, &config, &view, &report) {
            Ok(()) => {}
            // Keep the kind of a failed write (a closed pipe is not a failure of the check).
            Err(codespan_reporting::files::Error::Io(error)) => return Err(error),
            Err(error) => return Err(io::Error::other(error.to_string())),
        }
    }
    writeln!(out, "{}", summary_line(summary, lang))
}

fn to_report(diagnostic: &Diagnostic, sources: &Sources, lang: Lang) -> Report<FileId> {
    let level = match diagnostic.severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Note,
    };
    let clamp = |file: FileId, range: Range<usize>| {
        let len = sources.get(file).text.len();
        range.start.min(len)..range.end.min(len)
    };
    let mut labels = vec![Label::primary(
        diagnostic.loc.file,
        clamp(diagnostic.loc.file, diagnostic.loc.span.range()),
    )];
    for related in &diagnostic.related {
        labels.push(
            Label::secondary(
                related.loc.file,
                clamp(related.loc.file, related.loc.span.range()),
            )
            .with_message(related.message.clone()),
        );
    }
    let help = lang.pick("help", "帮助");
    Report::new(level)
        .with_code(diagnostic.rule.code)
        .with_message(diagnostic.message.clone())
        .with_labels(labels)
        .with_notes(
            diagnostic
                .help
                .iter()
                .map(|h| format!("{help}: {h}"))
                .collect(),
        )
}

/// The last line: how many files and plans were checked and what was found.
pub fn summary_line(summary: &Summary, lang: Lang) -> String {
    let Summary {
        files,
        plans,
        errors,
        warnings,
        infos,
        scope,
        ..
    } = summary;
    let found = if errors + warnings + infos == 0 {
        tr!(lang, "no problems found", "未发现问题")
    } else {
        tr!(
            lang,
            "{errors} error(s), {warnings} warning(s), {infos} info",
            "{errors} 个错误，{warnings} 个警告，{infos} 条提示"
        )
    };
    let Some(scope) = scope else {
        return tr!(
            lang,
            "checked {files} files ({plans} plans): {found}",
            "已检查 {files} 个文件（{plans} 个预案）：{found}"
        );
    };
    let (named, root) = (scope.files, scope.root.as_str());
    let by = match scope.found_by {
        FoundBy::Marker => tr!(lang, "found by its {MARKER}", "依据其中的 {MARKER} 确定"),
        FoundBy::Git => tr!(lang, "the top of the git work tree", "git 工作区的顶层目录"),
        FoundBy::Flag => tr!(lang, "given with --root", "由 --root 指定"),
    };
    tr!(
        lang,
        "checked {named} of {files} files in the repository at {root} ({by}; {plans} plans): {found}",
        "已检查仓库 {root}（{by}；{plans} 个预案）{files} 个文件中的 {named} 个：{found}"
    )
}
