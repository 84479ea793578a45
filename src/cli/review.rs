//! `emplan review --plan ID | --all`: records, in each acceptance of the plan, the fingerprint
//! of the duty it takes up as the duty now reads (`reviewed:`), and in `aligned:` the
//! fingerprint of each parent's levels, after a person has checked that the plan still carries
//! the duties out and fits the levels. The only changes to the file are those values; every
//! other byte stays as it was.

use std::path::Path;

use crate::check::Context;
use crate::check::lifecycle::suspect_acceptance::{fingerprint, levels_fingerprint};
use crate::foundation::i18n::Lang;
use crate::model::{Plan, Span};
use crate::tr;

use super::args::ReviewArgs;
use super::{EXIT_OK, load_repository, write_atomic};

pub fn run(args: &ReviewArgs, lang: Lang) -> Result<i32, String> {
    let repo = load_repository(&args.path, lang)?;
    let index = crate::model::index::Index::new(&repo);
    let cx = Context::new(&index, lang);
    let plans: Vec<&Plan> = if args.all {
        repo.plans
            .iter()
            .filter(|p| !p.meta.accepts.is_empty() || !level_parents(&cx, p).is_empty())
            .collect()
    } else {
        args.plans
            .iter()
            .map(|id| {
                cx.plan(id).ok_or_else(|| {
                    tr!(
                        lang,
                        "no plan has the id `{id}`",
                        "没有编号为 `{id}` 的预案"
                    )
                })
            })
            .collect::<Result<_, _>>()?
    };
    let mut recorded = 0;
    for plan in plans {
        let path = &repo.sources.get(plan.file).path;
        let id = plan.meta.id.as_str();
        if !plan.complete {
            return Err(tr!(
                lang,
                "{path}: the front matter of {id} has problems; run `emplan check` and fix them before recording a review",
                "{path}：{id} 的前置元数据有问题；请先运行 `emplan check` 并改正，再记录复核"
            ));
        }
        let text = &repo.sources.get(plan.file).text;
        let (edited, changed) = record(&cx, plan, text);
        if changed == 0 {
            continue;
        }
        verify(&cx, plan, path, &edited, lang)?;
        // Source paths are as the loader was given them: relative to the working directory.
        write_atomic(Path::new(path), edited.as_bytes(), lang)?;
        eprintln!(
            "{}",
            tr!(
                lang,
                "{path}: recorded {changed} reviewed fingerprint(s) in {id} (acceptances and aligned levels)",
                "{path}：已在 {id} 中记录 {changed} 个复核指纹（承接条目和对照的分级）"
            )
        );
        recorded += changed;
    }
    if recorded == 0 {
        eprintln!(
            "{}",
            tr!(
                lang,
                "every acceptance and alignment already records what it reviewed as it now reads: nothing to write",
                "所有承接条目和分级对照记录的均为现行内容：无需写入"
            )
        );
    }
    Ok(EXIT_OK)
}

/// The plan's text with every acceptance's `reviewed:` set to its duty's fingerprint, and how
/// many acceptances changed. Acceptances of unknown duties are left alone.
fn record(cx: &Context, plan: &Plan, text: &str) -> (String, usize) {
    let mut edits: Vec<(Span, String)> = Vec::new();
    for accept in &plan.meta.accepts {
        let Some(found) = cx.duties.get(&(accept.plan.as_str(), accept.duty.as_str())) else {
            continue;
        };
        let print = fingerprint(found.duty);
        match &accept.reviewed {
            Some(old) if old.value == print => {}
            Some(old) => edits.push((quoted(text, old.span), format!("'{print}'"))),
            None => {
                let values = [Some(accept.plan.span), Some(accept.duty.span)]
                    .into_iter()
                    .chain([accept.as_duty.as_ref().map(|a| a.span)])
                    .flatten();
                let (first, last) = values.fold((u32::MAX, 0), |(a, b), s| {
                    (a.min(s.start), b.max(quoted(text, s).end))
                });
                edits.push(insertion(text, first as usize, last as usize, &print));
            }
        }
    }
    edits.extend(aligned(cx, plan, text));
    let changed = edits.len();
    edits.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
    let mut out = text.to_owned();
    for (span, with) in edits {
        out.replace_range(span.start as usize..span.end as usize, &with);
    }
    (out, changed)
}

/// The parents whose levels this plan aligns with: those with warning or response levels, when
/// this plan has levels of its own.
fn level_parents<'a>(cx: &Context<'a>, plan: &Plan) -> Vec<&'a Plan> {
    let meta = &plan.meta;
    if meta.warning.is_empty() && meta.response.is_empty() {
        return Vec::new();
    }
    meta.parents
        .iter()
        .filter_map(|p| cx.plan(p.as_str()))
        .filter(|p| !p.meta.warning.is_empty() || !p.meta.response.is_empty())
        .collect()
}

/// The edits that set `aligned:` to the parents' levels as they now read: a changed
/// fingerprint replaced, a missing parent added after the last entry, or the whole list added
/// at the end of the front matter.
fn aligned(cx: &Context, plan: &Plan, text: &str) -> Vec<(Span, String)> {
    let mut edits = Vec::new();
    let mut missing = Vec::new();
    for parent in level_parents(cx, plan) {
        let print = levels_fingerprint(&parent.meta);
        let id = parent.meta.id.as_str();
        match plan.meta.aligned.iter().find(|a| a.plan.as_str() == id) {
            Some(a) if a.reviewed.value == print => {}
            Some(a) => edits.push((quoted(text, a.reviewed.span), format!("'{print}'"))),
            None => missing.push(format!("{{plan: {id}, reviewed: '{print}'}}")),
        }
    }
    if missing.is_empty() {
        return edits;
    }
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    match plan.meta.aligned.last() {
        Some(last) => {
            let end = quoted(text, last.reviewed.span).end as usize;
            let line_start = text[..end].rfind('\n').map_or(0, |i| i + 1);
            let indent: String = text[line_start..]
                .chars()
                .take_while(|c| *c == ' ')
                .collect();
            let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
            let line_end = if text[..line_end].ends_with('\r') {
                line_end - 1
            } else {
                line_end
            };
            let items: String = missing
                .iter()
                .map(|item| format!("{newline}{indent}- {item}"))
                .collect();
            edits.push((Span::new(line_end, line_end), items));
        }
        None => {
            // Before the closing `---` of the front matter.
            let front = text[..plan.body.start].trim_end_matches(['\n', '\r']);
            let closing = front.rfind('\n').map_or(0, |i| i + 1);
            let items: String = missing
                .iter()
                .map(|item| format!("  - {item}{newline}"))
                .collect();
            edits.push((
                Span::new(closing, closing),
                format!("aligned:{newline}{items}"),
            ));
        }
    }
    edits
}

/// The span widened to the quotes around a quoted scalar.
fn quoted(text: &str, span: Span) -> Span {
    let (start, end) = (span.start as usize, span.end as usize);
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    match (before, after) {
        (Some(q @ ('\'' | '"')), Some(r)) if q == r => Span::new(start - 1, end + 1),
        _ => span,
    }
}

/// Where and what to insert for a new `reviewed:` after an acceptance whose values run from
/// `first` to `last`: inside a flow mapping (`{plan: a, duty: b}`) after its last value; in a
/// block mapping on a line of its own after the last key's line, at that key's indentation.
fn insertion(text: &str, first: usize, last: usize, print: &str) -> (Span, String) {
    let line_start = text[..first].rfind('\n').map_or(0, |i| i + 1);
    if text[line_start..first].contains('{') {
        return (Span::new(last, last), format!(", reviewed: '{print}'"));
    }
    let last_line = text[..last].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[last_line..];
    let spaces = line.len() - line.trim_start_matches(' ').len();
    let indent = if line[spaces..].starts_with("- ") {
        spaces + 2
    } else {
        spaces
    };
    let end = text[last..].find('\n').map_or(text.len(), |i| last + i);
    let end = if text[..end].ends_with('\r') {
        end - 1
    } else {
        end
    };
    let newline = if text[end..].starts_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    (
        Span::new(end, end),
        format!("{newline}{}reviewed: '{print}'", " ".repeat(indent)),
    )
}

/// Reads the edited text back and checks that it is the same plan with every acceptance now
/// matching, before anything is written.
fn verify(cx: &Context, plan: &Plan, path: &str, edited: &str, lang: Lang) -> Result<(), String> {
    let reread = crate::load::load_files(&[(path.to_owned(), edited.as_bytes().to_vec())]);
    let ok = reread.problems.is_empty()
        && reread.plans.first().is_some_and(|p| {
            p.meta.accepts.len() == plan.meta.accepts.len()
                && p.meta.accepts.iter().all(|a| {
                    match cx.duties.get(&(a.plan.as_str(), a.duty.as_str())) {
                        Some(found) => a
                            .reviewed
                            .as_ref()
                            .is_some_and(|r| r.value == fingerprint(found.duty)),
                        None => true,
                    }
                })
                && level_parents(cx, plan).iter().all(|parent| {
                    p.meta.aligned.iter().any(|a| {
                        a.plan.as_str() == parent.meta.id.as_str()
                            && a.reviewed.value == levels_fingerprint(&parent.meta)
                    })
                })
        });
    if ok {
        Ok(())
    } else {
        Err(tr!(
            lang,
            "{path}: the acceptances are written in a way emplan cannot edit safely; nothing was written: add `reviewed:` by hand",
            "{path}：承接条目的写法无法安全地自动修改，未写入任何内容：请手动添加 `reviewed:`"
        ))
    }
}
