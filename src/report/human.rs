//! rustc-style text: `error[L301]: ...`, the place, the source line with a caret, help lines,
//! and a summary line last.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io;
use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as Level};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, Config, Styles, StylesWriter, termcolor};

use crate::foundation::diagnostic::{Diagnostic, Severity};
use crate::foundation::i18n::Lang;
use crate::model::{FileId, Sources};
use crate::tr;

use super::Summary;
use crate::foundation::escape;
use crate::load::root::{FoundBy, MARKER};

/// codespan-reporting reads files through this view of [`Sources`]. Files with characters that
/// would act on a terminal (ESC, BEL, bidirectional controls, a line break in a file name) are
/// shown escaped, and positions in them move with the escapes (issue 12).
struct View<'a> {
    sources: &'a Sources,
    shown: HashMap<FileId, Shown>,
}

/// A file's text as displayed, where it differs from the file.
struct Shown {
    text: String,
    marks: Vec<(usize, usize)>,
    line_starts: Vec<usize>,
}

impl<'a> View<'a> {
    fn new(sources: &'a Sources, diagnostics: &[Diagnostic]) -> Self {
        let mut shown = HashMap::new();
        let files = diagnostics
            .iter()
            .flat_map(|d| std::iter::once(d.loc.file).chain(d.related.iter().map(|r| r.loc.file)));
        for file in files {
            if shown.contains_key(&file) {
                continue;
            }
            let Some(source) = sources.files.get(file) else {
                continue;
            };
            if let Some((text, marks)) = escape::escape_source(&source.text) {
                let line_starts = std::iter::once(0)
                    .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                    .collect();
                shown.insert(
                    file,
                    Shown {
                        text,
                        marks,
                        line_starts,
                    },
                );
            }
        }
        View { sources, shown }
    }

    /// A range of the file as it is shown.
    fn range(&self, file: FileId, range: Range<usize>) -> Range<usize> {
        let len = self.sources.get(file).text.len();
        let range = range.start.min(len)..range.end.min(len);
        match self.shown.get(&file) {
            Some(s) => escape::shifted(&s.marks, range.start)..escape::shifted(&s.marks, range.end),
            None => range,
        }
    }
}

impl<'a> Files<'a> for View<'a> {
    type FileId = FileId;
    type Name = Cow<'a, str>;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<Cow<'a, str>, FilesError> {
        self.sources
            .files
            .get(id)
            .map(|f| escape::escape(&f.path))
            .ok_or(FilesError::FileMissing)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        if let Some(s) = self.shown.get(&id) {
            return Ok(&s.text);
        }
        self.sources
            .files
            .get(id)
            .map(|f| f.text.as_str())
            .ok_or(FilesError::FileMissing)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        if let Some(s) = self.shown.get(&id) {
            return Ok(s
                .line_starts
                .partition_point(|&start| start <= byte_index)
                .saturating_sub(1));
        }
        let file = self.sources.files.get(id).ok_or(FilesError::FileMissing)?;
        Ok(file.line_index(byte_index))
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, FilesError> {
        if let Some(s) = self.shown.get(&id) {
            let start = *s
                .line_starts
                .get(line_index)
                .ok_or(FilesError::LineTooLarge {
                    given: line_index,
                    max: s.line_starts.len().saturating_sub(1),
                })?;
            let end = s
                .line_starts
                .get(line_index + 1)
                .copied()
                .unwrap_or(s.text.len());
            return Ok(start..end);
        }
        let file = self.sources.files.get(id).ok_or(FilesError::FileMissing)?;
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
    let view = View::new(sources, diagnostics);
    let config = Config::default();
    let styles = Styles::default();
    for diagnostic in diagnostics {
        let report = to_report(diagnostic, &view, lang);
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

fn to_report(diagnostic: &Diagnostic, view: &View<'_>, lang: Lang) -> Report<FileId> {
    let level = match diagnostic.severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Note,
    };
    let mut labels = vec![Label::primary(
        diagnostic.loc.file,
        view.range(diagnostic.loc.file, diagnostic.loc.span.range()),
    )];
    for related in &diagnostic.related {
        labels.push(
            Label::secondary(
                related.loc.file,
                view.range(related.loc.file, related.loc.span.range()),
            )
            .with_message(escape::escape(&related.message).into_owned()),
        );
    }
    let help = lang.pick("help", "帮助");
    Report::new(level)
        .with_code(diagnostic.rule.code)
        .with_message(escape::escape(&diagnostic.message).into_owned())
        .with_labels(labels)
        .with_notes(
            diagnostic
                .help
                .iter()
                .map(|h| format!("{help}: {}", escape::escape(h)))
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
    let found = if summary.omitted.is_empty() {
        found
    } else {
        let list: Vec<String> = summary
            .omitted
            .iter()
            .map(|(code, n)| format!("{n} {code}"))
            .collect();
        let list = list.join(", ");
        tr!(
            lang,
            "{found}; not shown: {list} (--max-per-rule raises the limit)",
            "{found}；未显示：{list}（可用 --max-per-rule 提高上限）"
        )
    };
    let (suppressed, baselined) = (summary.suppressed, summary.baselined);
    let found = match (suppressed, baselined) {
        (0, 0) => found,
        (s, 0) => tr!(lang, "{found} ({s} suppressed)", "{found}（{s} 个已豁免）"),
        (0, b) => tr!(
            lang,
            "{found} ({b} in the baseline)",
            "{found}（{b} 个在基线中）"
        ),
        (s, b) => tr!(
            lang,
            "{found} ({s} suppressed, {b} in the baseline)",
            "{found}（{s} 个已豁免，{b} 个在基线中）"
        ),
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
