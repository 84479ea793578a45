//! Which duties and response levels the drills held since a day have exercised, and which
//! never (`emplan drill coverage`). A duty is exercised when a held drill's MSEL expects it; a
//! level, when a held drill activates it (at the start or by escalation).

use std::collections::BTreeSet;

use serde_json::{Value, json};

use super::{Source, derive_drill};
use crate::foundation::i18n::Lang;
use crate::model::index::Index;
use crate::model::travel::Travel;
use crate::model::{Date, Repository, ResponseLevel};
use crate::tr;

/// What the held drills exercised, and what the plans hold.
pub struct Coverage<'a> {
    pub since: Date,
    /// The records of drills held on or after `since`: (drill id, day).
    pub held: Vec<(&'a str, Date)>,
    pub duties: BTreeSet<(&'a str, &'a str)>,
    pub levels: BTreeSet<(&'a str, ResponseLevel)>,
    /// Every duty and level of the plans, in the plans' order.
    pub all_duties: Vec<(&'a str, &'a str)>,
    pub all_levels: Vec<(&'a str, ResponseLevel)>,
}

/// The coverage of the drills held since `since`.
pub fn coverage<'a>(repo: &'a Repository, index: &Index<'a>, since: Date) -> Coverage<'a> {
    let travel = Travel::new(repo);
    let mut c = Coverage {
        since,
        held: Vec::new(),
        duties: BTreeSet::new(),
        levels: BTreeSet::new(),
        all_duties: Vec::new(),
        all_levels: Vec::new(),
    };
    for plan in &repo.plans {
        let id = plan.meta.id.as_str();
        c.all_duties
            .extend(plan.meta.duties.iter().map(|d| (id, d.id.as_str())));
        c.all_levels
            .extend(plan.meta.response.iter().map(|r| (id, r.level.value)));
    }
    for record in &repo.records {
        let r = &record.value;
        if r.date.value < since {
            continue;
        }
        let Some(entry) = repo
            .drills
            .iter()
            .find(|d| d.value.id.as_str() == r.drill.as_str())
        else {
            continue;
        };
        c.held.push((entry.value.id.as_str(), r.date.value));
        let seed = r.seed.as_ref().map(|s| s.value);
        // A drawn drill is re-drawn for this loop only.
        let drawn = super::redrawn(repo, &entry.value, seed);
        let definition = drawn.as_ref().unwrap_or(&entry.value);
        let Ok(exercise) = derive_drill(repo, index, &travel, definition, entry.file, seed) else {
            continue;
        };
        for inject in &exercise.injects {
            let Some(e) = &inject.expected else {
                continue;
            };
            let duty = match &e.source {
                Source::Duty(d) => Some(*d),
                _ => e.duty,
            };
            // The repository's own strings: the exercise may borrow a drawn drill.
            let plan = index.plans.get(e.plan);
            let held = duty.and_then(|d| {
                let plan = plan?;
                let duty = plan.meta.duties.iter().find(|x| x.id.as_str() == d)?;
                Some((plan.meta.id.as_str(), duty.id.as_str()))
            });
            if let Some(key) = held {
                c.duties.insert(key);
            }
            if let Source::Activation(level) = e.source
                && let Some(plan) = index.plans.get(e.plan)
            {
                c.levels.insert((plan.meta.id.as_str(), level));
            }
        }
        for a in &exercise.cascade.activated {
            if let Some(level) = a.level
                && let Some(plan) = index.plans.get(a.plan.meta.id.as_str())
            {
                c.levels.insert((plan.meta.id.as_str(), level));
            }
        }
    }
    c
}

impl Coverage<'_> {
    pub fn untested_duties(&self) -> impl Iterator<Item = &(&str, &str)> {
        self.all_duties.iter().filter(|k| !self.duties.contains(*k))
    }

    pub fn untested_levels(&self) -> impl Iterator<Item = &(&str, ResponseLevel)> {
        self.all_levels.iter().filter(|k| !self.levels.contains(*k))
    }

    /// The answer as JSON (version 1).
    pub fn json(&self) -> Value {
        json!({
            "version": 1,
            "since": self.since.to_string(),
            "held": self.held.iter().map(|(d, day)| json!({"drill": d, "date": day.to_string()})).collect::<Vec<_>>(),
            "duties": {
                "all": self.all_duties.len(),
                "exercised": self.duties.len(),
                "never": self.untested_duties().map(|(p, d)| json!({"plan": p, "duty": d})).collect::<Vec<_>>(),
            },
            "levels": {
                "all": self.all_levels.len(),
                "exercised": self.levels.len(),
                "never": self.untested_levels().map(|(p, l)| json!({"plan": p, "level": l.key()})).collect::<Vec<_>>(),
            },
        })
    }
}

/// The default window of coverage: three years before the repository's reference date, the
/// drill cycle of specialised and departmental plans (2013 办法 Art. 22).
pub fn three_years_ago(repo: &Repository) -> Date {
    let today = repo.config.as_of.unwrap_or_else(Date::today);
    today.plus_months(-36)
}

/// The coverage as text for the terminal, or as Markdown.
pub fn text(c: &Coverage<'_>, index: &Index<'_>, lang: Lang, markdown: bool) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let since = c.since;
    let held = c.held.len();
    if markdown {
        let _ = writeln!(out, "# {}\n", tr!(lang, "Drill coverage", "演练覆盖情况"));
    }
    let _ = writeln!(
        out,
        "{}",
        tr!(
            lang,
            "drills held since {since}: {held}",
            "{since} 以来举行的演练：{held} 次"
        )
    );
    for (drill, day) in &c.held {
        let _ = writeln!(out, "{}{drill} ({day})", if markdown { "- " } else { "  " });
    }
    let (d, dn) = (c.duties.len(), c.all_duties.len());
    let (l, ln) = (c.levels.len(), c.all_levels.len());
    let (dp, lp) = (percent(d, dn), percent(l, ln));
    let _ = writeln!(
        out,
        "\n{}",
        tr!(
            lang,
            "duties exercised: {d} of {dn} ({dp:.1}%); response levels: {l} of {ln} ({lp:.1}%)",
            "已检验的职责：{d}/{dn}（{dp:.1}%）；响应级别：{l}/{ln}（{lp:.1}%）"
        )
    );
    let _ = writeln!(
        out,
        "\n{}",
        tr!(lang, "never exercised, by plan:", "从未检验的，按预案：")
    );
    let mut plans: Vec<&str> = c
        .untested_duties()
        .map(|(p, _)| *p)
        .chain(c.untested_levels().map(|(p, _)| *p))
        .collect();
    plans.sort_unstable();
    plans.dedup();
    for plan in plans {
        let _ = writeln!(
            out,
            "{}{plan} {}: {}",
            if markdown { "- " } else { "  " },
            index.plan_title(plan),
            untested(c, plan, lang)
        );
    }
    out
}

/// `n` as a percentage of `all` (0 of none).
fn percent(n: usize, all: usize) -> f64 {
    if all == 0 {
        0.0
    } else {
        100.0 * n as f64 / all as f64
    }
}

/// The duties and levels of `plan` never exercised, as a line of the text lists them.
fn untested(c: &Coverage<'_>, plan: &str, lang: Lang) -> String {
    let duties: Vec<&str> = c
        .untested_duties()
        .filter(|(p, _)| *p == plan)
        .map(|(_, d)| *d)
        .collect();
    let levels: Vec<&str> = c
        .untested_levels()
        .filter(|(p, _)| *p == plan)
        .map(|(_, l)| l.zh())
        .collect();
    let mut parts = Vec::new();
    if !duties.is_empty() {
        let list = duties.join(", ");
        parts.push(tr!(lang, "duties {list}", "职责 {list}"));
    }
    if !levels.is_empty() {
        let list = levels.join("、");
        parts.push(tr!(lang, "levels {list}", "级别 {list}"));
    }
    parts.join("; ")
}
