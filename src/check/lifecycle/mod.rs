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
use crate::foundation::fast_map::FastMap;
use crate::model::{Date, Loc, Plan};

/// The day a plan's current version came into force: its last revision, else its issue.
pub fn version_date(plan: &Plan) -> Option<Date> {
    let lifecycle = plan.meta.lifecycle.as_ref()?;
    let revised = lifecycle.revisions.iter().map(|r| r.date.value).max();
    let issued = lifecycle.issued.as_ref().map(|d| d.value);
    revised.max(issued)
}

/// A drill that was held, from a drill record or the drill ledger: when, its title, where it
/// is recorded, the plans it exercised and the organisations that took part.
#[derive(Clone, Debug)]
pub struct HeldDrill<'a> {
    pub date: Date,
    pub title: &'a str,
    pub loc: Loc,
    pub plans: Vec<&'a str>,
    pub participants: Vec<&'a str>,
}

/// Every drill held by the reference date: the drill records (their drills' objectives name the
/// plans, their definitions the participants) and the drill ledger (`drill_log`).
pub fn held_drills<'a>(cx: &Context<'a>) -> Vec<HeldDrill<'a>> {
    let mut out = Vec::new();
    for record in &cx.repo.records {
        let r = &record.value;
        let drill = cx
            .repo
            .drills
            .iter()
            .find(|d| d.value.id.as_str() == r.drill.as_str());
        let Some(drill) = drill else { continue };
        out.push(HeldDrill {
            date: r.date.value,
            title: drill.value.title.value.as_str(),
            loc: Context::loc(record.file, r.date.span),
            plans: drill.value.plans(),
            participants: drill
                .value
                .participants
                .iter()
                .map(|p| p.as_str())
                .collect(),
        });
    }
    for held in &cx.repo.registry.drill_log {
        let h = &held.value;
        out.push(HeldDrill {
            date: h.date.value,
            title: h.title.value.as_str(),
            loc: Context::loc(held.file, h.date.span),
            plans: h.plans.iter().map(|p| p.as_str()).collect(),
            participants: h.participants.iter().map(|p| p.as_str()).collect(),
        });
    }
    out.retain(|d| d.date <= cx.today);
    out
}

/// The last drill of every plan, by plan id.
pub fn last_drills<'h, 'a>(held: &'h [HeldDrill<'a>]) -> FastMap<&'a str, &'h HeldDrill<'a>> {
    let mut last: FastMap<&'a str, &'h HeldDrill<'a>> = FastMap::default();
    for drill in held {
        for &plan in &drill.plans {
            match last.get(plan) {
                Some(known) if known.date >= drill.date => {}
                _ => {
                    last.insert(plan, drill);
                }
            }
        }
    }
    last
}
