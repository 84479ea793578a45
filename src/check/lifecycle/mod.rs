//! T: lifecycle. What the regulations ask of a plan over time: assessed every three years,
//! drilled at the interval of its kind, filed within 20 working days with the right body,
//! revised when its parent is, and its acceptances reviewed when the duties they take up change.
//! Every date is counted from the reference date ([`Context::today`]).

pub mod assessment_overdue;
pub mod drill_overdue;
pub mod filed_with_wrong_body;
pub mod filing_late;
pub mod parent_revised;
pub mod suspect_acceptance;

use crate::check::Context;
use crate::check::index::FastMap;
use crate::model::{Date, Loc, Plan};

/// The day a plan's current version came into force: its last revision, else its issue.
pub fn version_date(plan: &Plan) -> Option<Date> {
    let lifecycle = plan.meta.lifecycle.as_ref()?;
    let revised = lifecycle.revisions.iter().map(|r| r.date.value).max();
    let issued = lifecycle.issued.as_ref().map(|d| d.value);
    revised.max(issued)
}

/// The last drill that exercised a plan: when, its title, and where it is recorded.
#[derive(Clone, Debug)]
pub struct LastDrill<'a> {
    pub date: Date,
    pub title: &'a str,
    pub loc: Loc,
}

/// The last drill of every plan, by plan id, from the drill records (their drills' objectives
/// name the plans) and the drill ledger (`drill_log` in the registry). Drills after the
/// reference date are not counted.
pub fn last_drills<'a>(cx: &Context<'a>) -> FastMap<&'a str, LastDrill<'a>> {
    let mut last: FastMap<&'a str, LastDrill<'a>> = FastMap::default();
    let mut note = |plan: &'a str, drill: LastDrill<'a>| {
        if drill.date > cx.today {
            return;
        }
        match last.get(plan) {
            Some(known) if known.date >= drill.date => {}
            _ => {
                last.insert(plan, drill);
            }
        }
    };
    for record in &cx.repo.records {
        let r = &record.value;
        let Some(drill) = cx
            .repo
            .drills
            .iter()
            .find(|d| d.value.id.as_str() == r.drill.as_str())
        else {
            continue;
        };
        for plan in drill.value.plans() {
            let loc = Context::loc(record.file, r.date.span);
            let title = drill.value.title.value.as_str();
            note(
                plan,
                LastDrill {
                    date: r.date.value,
                    title,
                    loc,
                },
            );
        }
    }
    for held in &cx.repo.registry.drill_log {
        let h = &held.value;
        for plan in &h.plans {
            let loc = Context::loc(held.file, h.date.span);
            let title = h.title.value.as_str();
            note(
                plan.as_str(),
                LastDrill {
                    date: h.date.value,
                    title,
                    loc,
                },
            );
        }
    }
    last
}

/// Days from `from` to `to`.
pub fn days(from: Date, to: Date) -> i64 {
    to.day_number() - from.day_number()
}
