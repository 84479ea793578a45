//! The cascade as JSON (version 1, documented in docs/graph.md), as a terminal view and as a
//! Markdown report, with Chinese or English labels.

use std::fmt::Write;

use serde_json::{Value, json};

use crate::foundation::diagnostic::Diagnostic;
use crate::foundation::i18n::Lang;
use crate::model::registry::{Resource, ResourceKind};
use crate::model::{Loc, Repository};

use super::{
    Activated, Call, Called, Cascade, Conflict, Due, Headquarters, Index, Person, PlaceKind,
    Reason, Task,
};
use crate::model::travel::RESCUE_CIRCLE_MINUTES;

/// Version of the JSON document.
pub const VERSION: u32 = 1;

fn at(repo: &Repository, loc: Loc) -> Value {
    let p = repo.sources.place(loc);
    json!({"file": p.path, "line": p.line, "column": p.column})
}

fn due_key(due: Due) -> Value {
    match due {
        Due::Immediately => json!("immediately"),
        Due::Within(d) => json!(d.to_string()),
        Due::AsNeeded => json!("as-needed"),
        Due::Unstated => Value::Null,
    }
}

fn due_minutes(due: Due) -> Value {
    match due {
        Due::Immediately => json!(0),
        Due::Within(d) => json!(d.minutes),
        Due::AsNeeded | Due::Unstated => Value::Null,
    }
}

fn reason_json(r: &Reason<'_>) -> Value {
    match *r {
        Reason::Covers(h) => json!({"kind": "covers", "hazard": h}),
        Reason::TownshipPlan(t) => json!({"kind": "township-plan", "township": t}),
        Reason::VillagePlan(v) => json!({"kind": "village-plan", "village": v}),
        Reason::CoversHere(h) => json!({"kind": "covers-here", "hazard": h}),
        Reason::SitePlan(p, h) => json!({"kind": "site-plan", "point": p, "hazard": h}),
        Reason::Joint(n) => json!({"kind": "joint", "neighbour": n}),
        Reason::Accepts(p, d) => json!({"kind": "accepts", "plan": p, "duty": d}),
    }
}

fn warning_name(a: &Activated<'_>) -> Option<String> {
    let (i, w) = a.warning?;
    Some(
        w.level
            .as_ref()
            .map(|l| l.value.key().to_owned())
            .or_else(|| w.name.as_ref().map(|n| n.value.clone()))
            .unwrap_or_else(|| format!("warning {}", i + 1)),
    )
}

fn plan_json(repo: &Repository, a: &Activated<'_>) -> Value {
    let m = &a.plan.meta;
    json!({
        "plan": m.id.as_str(),
        "title": m.title.value,
        "kind": m.kind.value.key(),
        "level": a.level.map(|l| l.key()),
        "warning": warning_name(a),
        "reasons": a.reasons.iter().map(reason_json).collect::<Vec<_>>(),
        "at": at(repo, a.plan.loc(m.id.span)),
    })
}

fn person_json(p: Option<Person<'_>>) -> Value {
    match p {
        Some(p) => json!({"contact": p.contact, "name": p.name, "phone": p.phone}),
        None => Value::Null,
    }
}

fn resource_kind(kind: ResourceKind) -> &'static str {
    match kind {
        ResourceKind::Team => "team",
        ResourceKind::Warehouse => "warehouse",
        ResourceKind::Shelter => "shelter",
        ResourceKind::Equipment => "equipment",
        ResourceKind::Monitor => "monitor",
        ResourceKind::HazardPoint => "hazard-point",
    }
}

fn call_json(c: &Call<'_>) -> Value {
    match *c {
        Call::Capable(h) => json!({"kind": "capable", "hazard": h}),
        Call::Named(p) => json!({"kind": "named", "plan": p}),
        Call::Local => json!({"kind": "local"}),
    }
}

fn township(r: &Resource) -> Option<&str> {
    r.place.as_ref().map(|p| p.township.as_str())
}

/// A task, with when it falls due and where it is written.
fn task_json(repo: &Repository, t: &Task<'_>) -> Value {
    json!({
        "due": due_key(t.due),
        "minutes": due_minutes(t.due),
        "plan": t.plan,
        "stage": t.stage,
        "org": t.org,
        "posts": t.posts,
        "do": t.what,
        "duty": t.duty,
        "at": at(repo, t.loc),
    })
}

/// A resource called, with its travel time and why it is called.
fn called_json(r: &Called<'_>) -> Value {
    let x = r.resource;
    json!({
        "id": x.id.as_str(),
        "name": x.name.value,
        "kind": resource_kind(x.kind.value),
        "org": x.org.as_str(),
        "township": township(x),
        "size": x.size.as_ref().map(|s| s.value),
        "minutes": r.minutes,
        "within_circle": r.within_circle(),
        "calls": r.calls.iter().map(call_json).collect::<Vec<_>>(),
    })
}

/// A conflict or gap of the response.
fn conflict_json(repo: &Repository, index: &Index<'_>, x: &Conflict<'_>) -> Value {
    match x {
        Conflict::TwoHeadquarters(contact, seats) => json!({
            "kind": "two-headquarters",
            "contact": contact,
            "name": index.person(contact).name,
            "posts": seats.iter().map(|(plan, post)| json!({"plan": plan, "post": post})).collect::<Vec<_>>(),
        }),
        Conflict::NotAccepted {
            plan,
            duty,
            org,
            loc,
        } => json!({
            "kind": "not-accepted",
            "plan": plan,
            "duty": duty,
            "org": org,
            "at": at(repo, *loc),
        }),
        Conflict::NoCommander(plan, level) => json!({
            "kind": "no-commander",
            "plan": plan,
            "level": level.key(),
        }),
    }
}

/// A command HQ convened, with its commander and stand-in.
fn headquarters_json(h: &Headquarters<'_>) -> Value {
    json!({
        "plan": h.plan,
        "name": h.name,
        "level": h.level.map(|l| l.key()),
        "commander": h.commander,
        "holder": person_json(h.holder),
        "deputy": person_json(h.deputy),
    })
}

/// The cascade as a JSON document. `gaps` are the error findings of `check` that make the
/// answer incomplete.
pub fn json(repo: &Repository, index: &Index<'_>, c: &Cascade<'_>, gaps: &[Diagnostic]) -> Value {
    let place_kind = match c.place.kind {
        PlaceKind::Township => "township",
        PlaceKind::Village(_) => "village",
        PlaceKind::HazardPoint(..) => "hazard-point",
    };
    json!({
        "version": VERSION,
        "scenario": {
            "hazard": c.hazard,
            "level": c.level.key(),
            "place": {
                "id": c.place.id,
                "name": c.place.name,
                "kind": place_kind,
                "township": c.place.township,
            },
            "chain": c.chain,
        },
        "rescue_circle_minutes": RESCUE_CIRCLE_MINUTES,
        "activated": c.activated.iter().map(|a| plan_json(repo, a)).collect::<Vec<_>>(),
        "secondary": c.secondary.iter().map(|s| json!({"hazard": s.hazard, "via": s.via})).collect::<Vec<_>>(),
        "standby": c.standby.iter().map(|a| plan_json(repo, a)).collect::<Vec<_>>(),
        "headquarters": c.headquarters.iter().map(headquarters_json).collect::<Vec<_>>(),
        "tasks": c.tasks.iter().map(|t| task_json(repo, t)).collect::<Vec<_>>(),
        "resources": c.resources.iter().map(called_json).collect::<Vec<_>>(),
        "conflicts": c.conflicts.iter().map(|x| conflict_json(repo, index, x)).collect::<Vec<_>>(),
        "incomplete": gaps.iter().map(|d| {
            let mut v = at(repo, d.loc);
            v["code"] = json!(d.rule.code);
            v["message"] = json!(d.message);
            v
        }).collect::<Vec<_>>(),
    })
}

/// Text for people: the terminal view (`markdown == false`) or a Markdown report.
pub fn text(
    repo: &Repository,
    index: &Index<'_>,
    c: &Cascade<'_>,
    gaps: &[Diagnostic],
    lang: Lang,
    markdown: bool,
) -> String {
    let mut w = Writer {
        out: String::new(),
        markdown,
        lang,
    };
    let t = |en: &'static str, zh: &'static str| lang.pick(en, zh);
    let hazard = index.hazard_name(c.hazard);
    let level = match lang {
        Lang::En => format!("level {}", c.level.key()),
        Lang::Zh => c.level.zh().to_owned(),
    };
    let place = c.place.name;
    let title = match lang {
        Lang::En => format!(
            "Activation cascade: {hazard} ({}), {level}, at {place}",
            c.hazard
        ),
        Lang::Zh => format!("启动链条推演：{place}发生{hazard}，{level}响应"),
    };
    w.title(&title);
    if c.place.township != c.place.id {
        let township = index.org_name(c.place.township);
        w.line(&format!(
            "{}{township}",
            t("Township: ", "所在乡镇（街道）：")
        ));
    }
    w.gaps(repo, gaps);
    w.heading(t("Plans activated", "启动的预案"));
    for a in &c.activated {
        w.item(&plan_line(index, a, lang));
    }
    w.secondary(index, c);
    w.headquarters(index, &c.headquarters);
    w.heading(t(
        "What each organisation does, in the order it falls due",
        "各单位任务（按时限先后）",
    ));
    w.tasks(index, &c.tasks);
    w.heading(&match lang {
        Lang::En => format!(
            "Resources called (travel time to {place}; * outside the {RESCUE_CIRCLE_MINUTES}-minute rescue circle)"
        ),
        Lang::Zh => format!(
            "调用的资源（到{place}的时间；* 表示超出{RESCUE_CIRCLE_MINUTES}分钟救援圈）"
        ),
    });
    w.resources(index, &c.resources);
    w.heading(t("Conflicts", "冲突与缺口"));
    if c.conflicts.is_empty() {
        w.line(t("none", "无"));
    }
    for x in &c.conflicts {
        w.item(&conflict_text(repo, index, x, lang));
    }
    w.out
}

fn person_text(p: Option<Person<'_>>, lang: Lang) -> String {
    match p {
        Some(p) => match p.phone {
            Some(phone) => format!("{} {phone}", p.name),
            None => p.name.to_owned(),
        },
        None => lang.pick("(no holder)", "（未明确人员）").to_owned(),
    }
}

fn plan_line(index: &Index<'_>, a: &Activated<'_>, lang: Lang) -> String {
    let m = &a.plan.meta;
    let level = match (a.level, warning_name(a)) {
        (Some(l), _) => match lang {
            Lang::En => format!("level {}", l.key()),
            Lang::Zh => l.zh().to_owned(),
        },
        (None, Some(w)) => match lang {
            Lang::En => format!("warning {w}"),
            Lang::Zh => format!("预警 {w}"),
        },
        (None, None) => lang.pick("standby", "待命").to_owned(),
    };
    // Three reasons say why; the JSON has them all.
    let mut reasons: Vec<String> = a
        .reasons
        .iter()
        .take(3)
        .map(|r| reason_text(index, r, lang))
        .collect();
    if a.reasons.len() > 3 {
        let more = a.reasons.len() - 3;
        reasons.push(match lang {
            Lang::En => format!("and {more} more"),
            Lang::Zh => format!("另有 {more} 项"),
        });
    }
    format!(
        "{} {} [{level}] — {}",
        m.id.as_str(),
        m.title.value,
        reasons.join(lang.pick("; ", "；"))
    )
}

fn reason_text(index: &Index<'_>, r: &Reason<'_>, lang: Lang) -> String {
    let h = |id| index.hazard_name(id);
    match (*r, lang) {
        (Reason::Covers(x), Lang::En) => format!("covers {}", h(x)),
        (Reason::Covers(x), Lang::Zh) => format!("适用于{}", h(x)),
        (Reason::TownshipPlan(x), Lang::En) => format!("plan of {}", index.org_name(x)),
        (Reason::TownshipPlan(x), Lang::Zh) => format!("{}的预案", index.org_name(x)),
        (Reason::VillagePlan(x), Lang::En) => format!("plan of {}", index.org_name(x)),
        (Reason::VillagePlan(x), Lang::Zh) => format!("{}的预案", index.org_name(x)),
        (Reason::CoversHere(x), Lang::En) => format!("covers {} here", h(x)),
        (Reason::CoversHere(x), Lang::Zh) => format!("本地适用于{}", h(x)),
        (Reason::SitePlan(p, x), Lang::En) => {
            format!("site plan of hazard point {p} ({})", h(x))
        }
        (Reason::SitePlan(p, x), Lang::Zh) => format!("隐患点 {p}（{}）的现场处置方案", h(x)),
        (Reason::Joint(n), Lang::En) => {
            format!(
                "joint plan with {}, which borders the place",
                index.org_name(n)
            )
        }
        (Reason::Joint(n), Lang::Zh) => format!("与毗邻的{}的联合预案", index.org_name(n)),
        (Reason::Accepts(p, d), Lang::En) => format!("accepts duty {d} of {p}"),
        (Reason::Accepts(p, d), Lang::Zh) => format!("承接 {p} 的职责 {d}"),
    }
}

fn conflict_text(repo: &Repository, index: &Index<'_>, x: &Conflict<'_>, lang: Lang) -> String {
    match x {
        Conflict::TwoHeadquarters(contact, seats) => {
            let name = index.person(contact).name;
            let list: Vec<String> = seats
                .iter()
                .map(|(plan, post)| format!("{} ({plan})", index.post_title(post)))
                .collect();
            match lang {
                Lang::En => format!(
                    "{name} commands in {} HQs at once: {}",
                    seats.len(),
                    list.join(", ")
                ),
                Lang::Zh => format!(
                    "{name}同时在{}个指挥机构中任职：{}",
                    seats.len(),
                    list.join("、")
                ),
            }
        }
        Conflict::NotAccepted {
            plan,
            duty,
            org,
            loc,
        } => {
            let p = repo.sources.place(*loc);
            let org = index.org_name(org);
            match lang {
                Lang::En => format!(
                    "{org} must act under duty {duty} of {plan}, and no plan of it accepts that duty ({}:{})",
                    p.path, p.line
                ),
                Lang::Zh => format!(
                    "{org}须履行 {plan} 的职责 {duty}，但其预案均未承接该职责（{}:{}）",
                    p.path, p.line
                ),
            }
        }
        Conflict::NoCommander(plan, level) => match lang {
            Lang::En => format!(
                "{plan}: level {} is activated and has no commander",
                level.key()
            ),
            Lang::Zh => format!("{plan}：启动{}响应，但未明确指挥", level.zh()),
        },
    }
}

/// Writes headings, lines and tables as text or Markdown.
struct Writer {
    out: String,
    markdown: bool,
    lang: Lang,
}

impl Writer {
    fn title(&mut self, text: &str) {
        if self.markdown {
            let _ = writeln!(self.out, "# {text}\n");
        } else {
            let _ = writeln!(
                self.out,
                "{text}\n{}",
                "=".repeat(text.chars().count().min(60))
            );
        }
    }

    fn heading(&mut self, text: &str) {
        if self.markdown {
            let _ = writeln!(self.out, "\n## {text}\n");
        } else {
            let _ = writeln!(self.out, "\n{text}");
        }
    }

    fn line(&mut self, text: &str) {
        if self.markdown {
            let _ = writeln!(self.out, "{}\n", escape_md(text));
        } else {
            let _ = writeln!(self.out, "  {text}");
        }
    }

    fn item(&mut self, text: &str) {
        if self.markdown {
            let _ = writeln!(self.out, "- {}", escape_md(text));
        } else {
            let _ = writeln!(self.out, "  - {text}");
        }
    }

    /// Why the answer is incomplete: the first ten errors of the repository.
    fn gaps(&mut self, repo: &Repository, gaps: &[Diagnostic]) {
        if gaps.is_empty() {
            return;
        }
        let lang = self.lang;
        self.heading(lang.pick("The answer is incomplete", "推演结果不完整"));
        let n = gaps.len();
        self.line(&match lang {
            Lang::En => format!(
                "{n} error(s) in the repository leave parts unread or unknown; run `emplan check`:"
            ),
            Lang::Zh => {
                format!("仓库中有 {n} 个错误，部分内容未能读取或无法识别；请运行 `emplan check`：")
            }
        });
        for d in gaps.iter().take(10) {
            let p = repo.sources.place(d.loc);
            self.item(&format!(
                "{}:{}:{} {} {}",
                p.path, p.line, p.column, d.rule.code, d.message
            ));
        }
        if n > 10 {
            self.item(&match lang {
                Lang::En => format!("... and {} more", n - 10),
                Lang::Zh => format!("……另有 {} 个", n - 10),
            });
        }
    }

    /// The secondary hazards and the plans on standby for them (activated with `--chain`).
    fn secondary(&mut self, index: &Index<'_>, c: &Cascade<'_>) {
        if c.secondary.is_empty() {
            return;
        }
        let lang = self.lang;
        let t = |en: &'static str, zh: &'static str| lang.pick(en, zh);
        let heading = if c.chain {
            t(
                "Secondary hazards (activated with --chain)",
                "次生灾种（--chain：一并启动）",
            )
        } else {
            t(
                "Secondary hazards: their plans on standby (warn and prepare)",
                "次生灾种：相关预案预警待命（预警、准备）",
            )
        };
        self.heading(heading);
        let names: Vec<String> = c
            .secondary
            .iter()
            .map(|s| match lang {
                Lang::En => format!(
                    "{} (from {})",
                    index.hazard_name(s.hazard),
                    index.hazard_name(s.via)
                ),
                Lang::Zh => format!(
                    "{}（由{}引发）",
                    index.hazard_name(s.hazard),
                    index.hazard_name(s.via)
                ),
            })
            .collect();
        self.line(&names.join(t(", ", "、")));
        for a in &c.standby {
            self.item(&plan_line(index, a, lang));
        }
    }

    /// The command HQs convened, each with its commander and stand-in.
    fn headquarters(&mut self, index: &Index<'_>, headquarters: &[Headquarters<'_>]) {
        let lang = self.lang;
        let t = |en: &'static str, zh: &'static str| lang.pick(en, zh);
        self.heading(t("Command HQs convened", "启动的指挥机构"));
        for h in headquarters {
            let level = h.level.map_or(String::new(), |l| match lang {
                Lang::En => format!(" (level {})", l.key()),
                Lang::Zh => format!("（{}）", l.zh()),
            });
            let commander = match h.commander {
                Some(post) => {
                    let title = index.post_title(post);
                    let holder = person_text(h.holder, lang);
                    let deputy = h.deputy.map(|d| match lang {
                        Lang::En => format!("; stand-in {}", person_text(Some(d), lang)),
                        Lang::Zh => format!("；AB角 {}", person_text(Some(d), lang)),
                    });
                    format!("{title} {holder}{}", deputy.unwrap_or_default())
                }
                None => t("no commander", "未明确指挥").to_owned(),
            };
            self.item(&format!("{}{level}: {commander}", h.name));
        }
    }

    fn tasks(&mut self, index: &Index<'_>, tasks: &[Task<'_>]) {
        let lang = self.lang;
        let due = |d: Due| match (d, lang) {
            (Due::Immediately, Lang::En) => "at once".to_owned(),
            (Due::Immediately, Lang::Zh) => "立即".to_owned(),
            (Due::Within(d), _) => format!("T+{d}"),
            (Due::AsNeeded, Lang::En) => "as needed".to_owned(),
            (Due::AsNeeded, Lang::Zh) => "视情".to_owned(),
            (Due::Unstated, _) => "—".to_owned(),
        };
        let who = |t: &Task<'_>| {
            let mut names: Vec<&str> = t.posts.iter().map(|p| index.post_title(p)).collect();
            if names.is_empty() {
                names.extend(t.org.map(|o| index.org_name(o)));
            }
            names.join(lang.pick(", ", "、"))
        };
        let source = |t: &Task<'_>| {
            let duty = t.duty.map_or(String::new(), |d| format!("#{d}"));
            let stage = t.stage.as_ref().map_or(String::new(), |s| format!(" {s}"));
            format!("{}{duty}{stage}", t.plan)
        };
        if self.markdown {
            let head = lang.pick(
                "| Due | Who | What | From |\n|---|---|---|---|",
                "| 时限 | 单位/岗位 | 任务 | 依据 |\n|---|---|---|---|",
            );
            let _ = writeln!(self.out, "{head}");
            for t in tasks {
                let _ = writeln!(
                    self.out,
                    "| {} | {} | {} | {} |",
                    due(t.due),
                    cell(&who(t)),
                    cell(t.what),
                    cell(&source(t))
                );
            }
        } else {
            for t in tasks {
                let _ = writeln!(
                    self.out,
                    "  {:<8} {}：{}  [{}]",
                    due(t.due),
                    who(t),
                    t.what,
                    source(t)
                );
            }
        }
    }

    fn resources(&mut self, index: &Index<'_>, resources: &[Called<'_>]) {
        let lang = self.lang;
        let minutes = |c: &Called<'_>| match c.minutes {
            Some(m) => {
                let mark = if c.within_circle() { "" } else { " *" };
                format!("{m} min{mark}")
            }
            None => lang.pick("unknown", "未知").to_owned(),
        };
        let why = |c: &Called<'_>| {
            let list: Vec<String> = c
                .calls
                .iter()
                .map(|x| match (*x, lang) {
                    (Call::Capable(h), Lang::En) => format!("able for {}", index.hazard_name(h)),
                    (Call::Capable(h), Lang::Zh) => format!("可处置{}", index.hazard_name(h)),
                    (Call::Named(p), Lang::En) => format!("named in {p}"),
                    (Call::Named(p), Lang::Zh) => format!("{p} 列明"),
                    (Call::Local, Lang::En) => "in the township".to_owned(),
                    (Call::Local, Lang::Zh) => "本乡镇".to_owned(),
                })
                .collect();
            list.join(lang.pick(", ", "、"))
        };
        let from = |c: &Called<'_>| {
            let r = c.resource;
            let town = township(r).map_or("", |t| index.org_name(t));
            let size = r.size.as_ref().map_or(String::new(), |s| match lang {
                Lang::En => format!(", {} people", s.value),
                Lang::Zh => format!("，{}人", s.value),
            });
            format!("{town}{size}")
        };
        if self.markdown {
            let head = lang.pick(
                "| Resource | Where | Time | Why |\n|---|---|---|---|",
                "| 资源 | 所在地 | 到达时间 | 调用依据 |\n|---|---|---|---|",
            );
            let _ = writeln!(self.out, "{head}");
            for c in resources {
                let _ = writeln!(
                    self.out,
                    "| {} | {} | {} | {} |",
                    cell(&c.resource.name.value),
                    cell(&from(c)),
                    cell(&minutes(c)),
                    cell(&why(c))
                );
            }
        } else {
            for c in resources {
                let from = from(c);
                let from = if from.is_empty() {
                    from
                } else {
                    format!("（{from}）")
                };
                let _ = writeln!(
                    self.out,
                    "  {:>10}  {}{from}  {}",
                    minutes(c),
                    c.resource.name.value,
                    why(c)
                );
            }
        }
    }
}

/// Text in a Markdown table cell: no line breaks, `|` escaped, markup characters escaped.
fn cell(text: &str) -> String {
    escape_md(text).replace(['\n', '\r'], " ")
}

/// Plan text in Markdown: characters that would start markup are escaped.
fn escape_md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}
