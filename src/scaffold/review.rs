//! Recording a review in a plan's file (`emplan review`): in each acceptance, the fingerprint of
//! the duty it takes up as the duty now reads (`reviewed:`), and in `aligned:` the fingerprint
//! of each parent's levels. The only changes to the text are those values; every other byte
//! stays as it was. Nothing here writes: the verb writes the text these functions return.

use crate::check::Context;
use crate::check::lifecycle::suspect_acceptance::{fingerprint, levels_fingerprint};
use crate::foundation::i18n::Lang;
use crate::model::{Plan, Span};
use crate::tr;

/// One plan's file with its review recorded, ready to write.
pub struct Reviewed<'a> {
    /// The file, as the loader was given it: relative to the working directory.
    pub path: &'a str,
    pub id: &'a str,
    pub text: String,
    /// How many fingerprints changed.
    pub changed: usize,
}

/// The plans to review: every plan that accepts a duty or aligns with its parents' levels
/// (`all`), or the plans named by `ids`.
pub fn plans<'a>(
    cx: &Context<'a>,
    all: bool,
    ids: &[String],
    lang: Lang,
) -> Result<Vec<&'a Plan>, String> {
    if all {
        return Ok(cx
            .index
            .repo
            .plans
            .iter()
            .filter(|p| !p.meta.accepts.is_empty() || !level_parents(cx, p).is_empty())
            .collect());
    }
    ids.iter()
        .map(|id| {
            cx.plan(id).ok_or_else(|| {
                tr!(
                    lang,
                    "no plan has the id `{id}`",
                    "没有编号为 `{id}` 的预案"
                )
            })
        })
        .collect()
}

/// The plan's file with its review recorded and verified, or `None` when every fingerprint
/// already reads as the duties and levels now do.
pub fn review<'a>(
    cx: &Context<'a>,
    plan: &'a Plan,
    lang: Lang,
) -> Result<Option<Reviewed<'a>>, String> {
    let source = cx.index.repo.sources.get(plan.file);
    let (path, id) = (source.path.as_str(), plan.meta.id.as_str());
    if !plan.complete {
        return Err(tr!(
            lang,
            "{path}: the front matter of {id} has problems; run `emplan check` and fix them before recording a review",
            "{path}：{id} 的前置元数据有问题；请先运行 `emplan check` 并改正，再记录复核"
        ));
    }
    let (text, changed) = record(cx, plan, &source.text);
    if changed == 0 {
        return Ok(None);
    }
    verify(cx, plan, path, &text, lang)?;
    Ok(Some(Reviewed {
        path,
        id,
        text,
        changed,
    }))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::index::Index;

    const OVERALL: &str = "---
id: overall
kind: overall
title: 区突发事件总体应急预案
owner: qu-zhengfu
duties:
  - id: flood-lead
    org: qu-shuiliju
    text: 牵头做好防汛抗旱工作
response:
  - level: IV
    name: 一般
    criteria:
      - { text: 造成1人以上死亡, metric: deaths, at_least: 1 }
---

# 总体预案
";

    /// The child plan's text as `record` leaves it, how many values it changed, and the
    /// fingerprints of `flood-lead` and of the overall plan's levels as they now read.
    fn recorded(child: &str) -> (String, usize, String, String) {
        let repo = crate::load::load_files(&[
            ("plans/overall.md".to_owned(), OVERALL.as_bytes().to_vec()),
            ("plans/child.md".to_owned(), child.as_bytes().to_vec()),
        ]);
        let index = Index::new(&repo);
        let cx = Context::new(&index, Lang::En);
        let plan = cx.plan("child").expect("the child plan loads");
        let duty = fingerprint(cx.duties[&("overall", "flood-lead")].duty);
        let levels = levels_fingerprint(&cx.plan("overall").unwrap().meta);
        let (text, changed) = record(&cx, plan, child);
        (text, changed, duty, levels)
    }

    #[test]
    fn a_block_acceptance_gets_its_fingerprint_on_a_line_of_its_own() {
        let child = "---
id: child
kind: departmental
title: 区水利局防汛预案
owner: qu-shuiliju
parents: [overall]
accepts:
  - plan: overall
    duty: flood-lead   # 承接防汛
---

# 正文
";
        let (text, changed, duty, _) = recorded(child);
        let want = child.replace(
            "duty: flood-lead   # 承接防汛\n",
            &format!("duty: flood-lead   # 承接防汛\n    reviewed: '{duty}'\n"),
        );
        assert_eq!((text, changed), (want, 1));
    }

    #[test]
    fn a_flow_acceptance_in_a_crlf_file_gets_its_fingerprint_inside_the_braces() {
        let child = "---\r\nid: child\r\nkind: departmental\r\ntitle: 区水利局防汛预案\r\nowner: qu-shuiliju\r\nparents: [overall]\r\naccepts:\r\n  - { plan: overall, duty: flood-lead }\r\n---\r\n\r\n# 正文\r\n";
        let (text, changed, duty, _) = recorded(child);
        let want = child.replace(
            "duty: flood-lead }",
            &format!("duty: flood-lead, reviewed: '{duty}' }}"),
        );
        assert_eq!((text, changed), (want, 1));
    }

    #[test]
    fn a_stale_fingerprint_is_replaced_with_its_quotes_and_a_current_one_left_alone() {
        let child = "---
id: child
kind: departmental
title: 区水利局防汛预案
owner: qu-shuiliju
parents: [overall]
accepts:
  - {plan: overall, duty: flood-lead, reviewed: \"0000000000\"}
---
";
        let (text, changed, duty, _) = recorded(child);
        let want = child.replace("\"0000000000\"", &format!("'{duty}'"));
        assert_eq!((text.clone(), changed), (want, 1));
        let (again, changed, _, _) = recorded(&text);
        assert_eq!((again, changed), (text, 0));
    }

    #[test]
    fn levels_without_an_aligned_list_get_one_before_the_closing_line() {
        let child = "---\r\nid: child\r\nkind: township\r\ntitle: 宝轮镇防汛预案\r\nowner: xz-baolun\r\nparents: [overall]\r\nresponse:\r\n  - level: IV\r\n    name: 一般\r\n---\r\n正文\r\n";
        let (text, changed, _, levels) = recorded(child);
        let want = child.replace(
            "    name: 一般\r\n---",
            &format!(
                "    name: 一般\r\naligned:\r\n  - {{plan: overall, reviewed: '{levels}'}}\r\n---"
            ),
        );
        assert_eq!((text, changed), (want, 1));
    }

    #[test]
    fn insertion_and_quoted_find_their_places() {
        let text = "a:\n  - plan: x\n    duty: 防汛\nb: 1\n";
        let (first, last) = (
            text.find("x").unwrap(),
            text.find("防汛").unwrap() + "防汛".len(),
        );
        let (span, with) = insertion(text, first, last, "abc");
        assert_eq!((span.start as usize, span.end as usize), (last, last));
        assert_eq!(with, "\n    reviewed: 'abc'");
        let text = "k: '值'\n";
        let inner = Span::new(4, 4 + "值".len());
        let outer = quoted(text, inner);
        assert_eq!(&text[outer.start as usize..outer.end as usize], "'值'");
        assert_eq!(quoted("k: 值\n", Span::new(3, 6)), Span::new(3, 6));
    }
}
