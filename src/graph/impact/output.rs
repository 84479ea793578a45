//! The impact of an unavailable organisation, post, contact or resource as JSON (version 1),
//! text or Markdown; and the ranking of single points of failure.

use std::fmt::Write;

use serde_json::{Value, json};

use crate::foundation::i18n::Lang;
use crate::model::{Loc, Repository};

use super::{Broken, Cover, Critical, Impact, PostLeft, Work};
use crate::model::index::Index;
use crate::model::registry::Resource;
use crate::model::travel::RESCUE_CIRCLE_MINUTES;

fn at(repo: &Repository, loc: Loc) -> Value {
    let p = repo.sources.place(loc);
    json!({"file": p.path, "line": p.line, "column": p.column})
}

fn work_json(repo: &Repository, w: &Work<'_>) -> Value {
    json!({"plan": w.plan, "what": w.what, "text": w.text, "at": at(repo, w.loc)})
}

fn broken_json(b: &Broken<'_>) -> Value {
    match *b {
        Broken::Owned(p) => json!({"kind": "owned", "plan": p}),
        Broken::LosesParent(p, parent) => {
            json!({"kind": "loses-parent", "plan": p, "parent": parent})
        }
        Broken::LosesAccepted(p, from, duty) => {
            json!({"kind": "loses-accepted-duty", "plan": p, "from": from, "duty": duty})
        }
        Broken::LosesCommander(p, post) => {
            json!({"kind": "loses-commander", "plan": p, "post": post})
        }
    }
}

/// The impact as a JSON document.
pub fn json(repo: &Repository, i: &Impact<'_>) -> Value {
    json!({
        "version": 1,
        "id": i.id,
        "name": i.name,
        "kind": i.subject.key(),
        "rescue_circle_minutes": RESCUE_CIRCLE_MINUTES,
        "duties": i.duties.iter().map(|w| work_json(repo, w)).collect::<Vec<_>>(),
        "actions": i.actions.iter().map(|w| work_json(repo, w)).collect::<Vec<_>>(),
        "posts": i.posts.iter().map(|p| json!({"post": p.post, "title": p.title, "left_with": p.left_with})).collect::<Vec<_>>(),
        "plans": i.plans.iter().map(broken_json).collect::<Vec<_>>(),
        "resources": i.resources.iter().map(|r| json!({"id": r.id.as_str(), "name": r.name.value})).collect::<Vec<_>>(),
        "relying": i.relying.iter().map(|(plan, r)| json!({"plan": plan, "resource": r})).collect::<Vec<_>>(),
        "cover": i.cover.iter().map(|c| json!({"hazard": c.hazard, "points_lost": c.lost, "capable_teams_left": c.teams_left})).collect::<Vec<_>>(),
    })
}

struct Out {
    text: String,
    markdown: bool,
}

impl Out {
    fn heading(&mut self, title: &str, n: usize) {
        if self.markdown {
            let _ = writeln!(self.text, "\n## {title} ({n})\n");
        } else {
            let _ = writeln!(self.text, "\n{title} ({n})");
        }
    }

    fn item(&mut self, line: &str) {
        if self.markdown {
            let _ = writeln!(self.text, "- {}", line.replace(['*', '_', '`', '|'], " "));
        } else {
            let _ = writeln!(self.text, "  - {line}");
        }
    }
}

/// The impact for people: text for the terminal, or Markdown.
pub fn text(
    repo: &Repository,
    index: &Index<'_>,
    i: &Impact<'_>,
    lang: Lang,
    markdown: bool,
) -> String {
    let t = |en: &'static str, zh: &'static str| lang.pick(en, zh);
    let mut o = Out {
        text: String::new(),
        markdown,
    };
    let title = match lang {
        Lang::En => format!("Impact of {} ({}) being unavailable", i.name, i.id),
        Lang::Zh => format!("{}（{}）缺位时的影响", i.name, i.id),
    };
    if markdown {
        let _ = writeln!(o.text, "# {title}");
    } else {
        let _ = writeln!(o.text, "{title}");
    }
    o.heading(
        t("Duties left with nobody", "无人承担的职责"),
        i.duties.len(),
    );
    for w in &i.duties {
        o.item(&work_text(repo, w, "#"));
    }
    o.heading(
        t("Actions left with nobody", "无人执行的行动"),
        i.actions.len(),
    );
    for w in &i.actions {
        o.item(&work_text(repo, w, " "));
    }
    o.heading(t("Posts", "岗位"), i.posts.len());
    for p in &i.posts {
        o.item(&post_text(index, p, lang));
    }
    o.heading(
        t("Plans whose linkage fails", "衔接失效的预案"),
        i.plans.len(),
    );
    for b in &i.plans {
        o.item(&broken_text(*b, lang));
    }
    o.heading(
        t(
            "Teams, supplies and equipment lost",
            "失去的队伍、物资和装备",
        ),
        i.resources.len(),
    );
    for r in &i.resources {
        o.item(&resource_text(i, r, lang));
    }
    o.heading(
        t(
            "Rescue circle by hazard, without it",
            "缺少它之后各灾种的救援圈",
        ),
        i.cover.len(),
    );
    for c in &i.cover {
        o.item(&cover_text(index, c, lang));
    }
    o.text
}

/// A duty (`sep` `#`) or an action (`sep` a space) left with nobody, and where it is written,
/// as a line.
fn work_text(repo: &Repository, w: &Work<'_>, sep: &str) -> String {
    let p = repo.sources.place(w.loc);
    format!(
        "{}{sep}{}: {} ({}:{})",
        w.plan, w.what, w.text, p.path, p.line
    )
}

/// A post and who is left on it, as a line.
fn post_text(index: &Index<'_>, p: &PostLeft<'_>, lang: Lang) -> String {
    let who = match p.left_with {
        Some(c) => match lang {
            Lang::En => format!("left to {}", index.person(c).name),
            Lang::Zh => format!("由{}承担", index.person(c).name),
        },
        None => lang
            .pick(
                "left empty: no holder or stand-in",
                "空缺：无人在岗也无AB角",
            )
            .to_owned(),
    };
    format!("{} ({}): {who}", p.title, p.post)
}

/// A plan whose linkage fails, and why, as a line.
fn broken_text(b: Broken<'_>, lang: Lang) -> String {
    match (b, lang) {
        (Broken::Owned(p), Lang::En) => format!("{p}: its own plan, lost with it"),
        (Broken::Owned(p), Lang::Zh) => format!("{p}：其自身的预案，随之失效"),
        (Broken::LosesParent(p, x), Lang::En) => format!("{p}: loses its parent {x}"),
        (Broken::LosesParent(p, x), Lang::Zh) => format!("{p}：失去上级预案 {x}"),
        (Broken::LosesAccepted(p, x, d), Lang::En) => {
            format!("{p}: accepts duty {d} of {x}, which is lost")
        }
        (Broken::LosesAccepted(p, x, d), Lang::Zh) => {
            format!("{p}：所承接的 {x} 职责 {d} 随之失效")
        }
        (Broken::LosesCommander(p, post), Lang::En) => {
            format!("{p}: commanded from {post}, left empty")
        }
        (Broken::LosesCommander(p, post), Lang::Zh) => {
            format!("{p}：指挥岗位 {post} 空缺")
        }
    }
}

/// A lost resource and the plans that rely on it, as a line.
fn resource_text(i: &Impact<'_>, r: &Resource, lang: Lang) -> String {
    let users: Vec<&str> = i
        .relying
        .iter()
        .filter(|(_, x)| *x == r.id.as_str())
        .map(|(p, _)| *p)
        .collect();
    let users = if users.is_empty() {
        String::new()
    } else {
        match lang {
            Lang::En => format!(" — relied on by {}", users.join(", ")),
            Lang::Zh => format!("——依赖它的预案：{}", users.join("、")),
        }
    };
    format!("{} ({}){users}", r.name.value, r.id.as_str())
}

/// A hazard's rescue circle without the subject, as a line.
fn cover_text(index: &Index<'_>, c: &Cover<'_>, lang: Lang) -> String {
    let hazard = index.hazard_name(c.hazard);
    let n = c.teams_left;
    if c.lost.is_empty() {
        match lang {
            Lang::En => format!(
                "{hazard}: every hazard point keeps a capable team within {RESCUE_CIRCLE_MINUTES} min ({n} capable teams left)"
            ),
            Lang::Zh => format!(
                "{hazard}：各隐患点仍有{RESCUE_CIRCLE_MINUTES}分钟内可到达的有处置能力的队伍（剩余{n}支）"
            ),
        }
    } else {
        let points = c.lost.join(", ");
        match lang {
            Lang::En => format!(
                "{hazard}: no capable team within {RESCUE_CIRCLE_MINUTES} min any more at {points} ({n} capable teams left)"
            ),
            Lang::Zh => format!(
                "{hazard}：{points} 将不再有{RESCUE_CIRCLE_MINUTES}分钟内可到达的有处置能力的队伍（剩余{n}支）"
            ),
        }
    }
}

/// The ranking as text, one line per entry, the first `limit` of them.
pub fn critical_text(list: &[Critical<'_>], lang: Lang, limit: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        lang.pick(
            "rank  score  kind          id                              name  (what the score counts)",
            "名次  分值   类别          编号                            名称（分值构成）",
        )
    );
    for (i, c) in list.iter().take(limit).enumerate() {
        let counts: Vec<String> = c
            .counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(k, n)| format!("{k} {n}"))
            .collect();
        let _ = writeln!(
            out,
            "{:>4}  {:>5}  {:<12}  {:<30}  {}  ({})",
            i + 1,
            c.score,
            c.subject.key(),
            c.id,
            c.name,
            counts.join(", ")
        );
    }
    out
}

/// The ranking as JSON.
pub fn critical_json(list: &[Critical<'_>]) -> Value {
    json!({
        "version": 1,
        "critical": list.iter().map(|c| {
            let counts: serde_json::Map<String, Value> =
                c.counts.iter().map(|(k, n)| ((*k).to_owned(), json!(n))).collect();
            json!({"id": c.id, "kind": c.subject.key(), "name": c.name, "score": c.score, "counts": counts})
        }).collect::<Vec<_>>(),
    })
}
