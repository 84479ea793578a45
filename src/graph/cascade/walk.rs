//! The activation walk: which plans the scenario reaches, why, and at which level or warning,
//! pass after pass until accepted duties activate nothing more.

use std::collections::{BTreeMap, HashSet};

use super::{Activated, EventPlace, PlaceKind, Reason};
use crate::model::index::Index;
use crate::model::plan::{ResponseDef, WarningDef};
use crate::model::registry::{OrgKind, Resource, ResourceKind};
use crate::model::{Plan, PlanKind, PlanScope, Repository, ResponseLevel, WarningLevel};

/// Where a plan applies, seen from the event's township.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Area<'a> {
    /// A government above the township, or one of its departments.
    Above,
    /// The township itself, or an enterprise or body whose plan it has jurisdiction over.
    Township,
    /// A village of the township.
    Village(&'a str),
    /// Somewhere else.
    Elsewhere,
}

/// The level of a plan that a parent's level starts: the level that lists it in
/// `parent_levels`, else the same level, else the nearest (the more severe on a tie).
pub fn level_for(levels: &[ResponseDef], parent: ResponseLevel) -> Option<ResponseLevel> {
    if let Some(r) = levels
        .iter()
        .find(|r| r.parent_levels.iter().any(|l| l.value == parent))
    {
        return Some(r.level.value);
    }
    let rank = |l: ResponseLevel| l as i32;
    levels
        .iter()
        .map(|r| r.level.value)
        .min_by_key(|&l| ((rank(l) - rank(parent)).abs(), rank(l)))
}

/// The warning stage that stands for a response level in a plan with only warnings: Ⅰ red,
/// Ⅱ orange, Ⅲ yellow, Ⅳ blue; by position where warnings have names instead of colours
/// (listed most severe first, as plans list them).
fn warning_for(warnings: &[WarningDef], level: ResponseLevel) -> Option<(usize, &WarningDef)> {
    let colour = match level {
        ResponseLevel::I => WarningLevel::Red,
        ResponseLevel::II => WarningLevel::Orange,
        ResponseLevel::III => WarningLevel::Yellow,
        ResponseLevel::IV => WarningLevel::Blue,
    };
    let rank = |w: &WarningDef, i: usize| w.level.as_ref().map_or(i as i32, |l| l.value as i32);
    warnings
        .iter()
        .enumerate()
        .min_by_key(|&(i, w)| ((rank(w, i) - colour as i32).abs(), rank(w, i)))
}

/// The walk: the scenario, and what it has reached so far.
pub(super) struct Cascader<'c, 'a> {
    pub(super) index: &'c Index<'a>,
    pub(super) place: EventPlace<'a>,
    pub(super) hazard: &'a str,
    pub(super) level: ResponseLevel,
    pub(super) chained: &'c HashSet<&'a str>,
    pub(super) chain: bool,
    pub(super) above: Vec<&'a str>,
    /// Plan id -> (activated rather than on standby, what the cascade knows of it).
    pub(super) state: BTreeMap<&'a str, (bool, Activated<'a>)>,
}

impl<'a> Cascader<'_, 'a> {
    fn area(&self, plan: &'a Plan) -> Area<'a> {
        let m = &plan.meta;
        let org = m.jurisdiction.as_ref().unwrap_or(&m.owner).as_str();
        let township = self.place.township;
        if org == township {
            return Area::Township;
        }
        if self.above.contains(&org) {
            return Area::Above;
        }
        let parent = self.index.parent(org);
        match self.index.org_kind(org) {
            Some(OrgKind::Village) if parent == Some(township) => Area::Village(org),
            Some(OrgKind::Enterprise) if parent == Some(township) => Area::Township,
            Some(OrgKind::Department | OrgKind::Committee | OrgKind::Team)
                if parent.is_some_and(|p| self.above.contains(&p)) =>
            {
                Area::Above
            }
            _ => Area::Elsewhere,
        }
    }

    /// Whether a hazard is the primary one (`Some(true)`), one it triggers (`Some(false)`).
    fn hazard_role(&self, hazard: &str) -> Option<bool> {
        if hazard == self.hazard {
            Some(true)
        } else if self.chained.contains(hazard) {
            Some(false)
        } else {
            None
        }
    }

    /// The most severe role among the plan's hazards, and that hazard.
    fn covers(&self, plan: &'a Plan) -> Option<(bool, &'a str)> {
        let mut best: Option<(bool, &'a str)> = None;
        for h in &plan.meta.hazards {
            if let Some(primary) = self.hazard_role(h) {
                if primary {
                    return Some((true, h.as_str()));
                }
                best.get_or_insert((false, h.as_str()));
            }
        }
        best
    }

    /// Whether the hazard point lies in the place.
    fn point_in_place(&self, point: &Resource) -> bool {
        let Some(p) = &point.place else {
            return false;
        };
        match self.place.kind {
            PlaceKind::Township => p.township.as_str() == self.place.township,
            PlaceKind::Village(v) => p.village.as_ref().is_some_and(|x| x.as_str() == v),
            PlaceKind::HazardPoint(id, _) => point.id.as_str() == id,
        }
    }

    /// The reasons a plan is reached, apart from accepted duties, and whether they activate it
    /// (the primary hazard) or put it on standby (a hazard it triggers).
    fn own_reasons(&self, plan: &'a Plan) -> Option<(bool, Reason<'a>)> {
        let m = &plan.meta;
        let area = self.area(plan);
        let covers = self.covers(plan);
        match (m.kind.value, area) {
            (_, Area::Elsewhere) => None,
            (PlanKind::Joint, Area::Above) => {
                let (primary, _) = covers?;
                let borders = &self.index.org(self.place.township)?.borders;
                let shared = m
                    .neighbours
                    .iter()
                    .find(|n| borders.iter().any(|b| b.as_str() == n.as_str()))?;
                Some((primary, Reason::Joint(shared.as_str())))
            }
            (_, Area::Above) => covers.map(|(p, h)| (p, Reason::Covers(h))),
            (PlanKind::Site, _) => {
                // A hazard point's plan acts on the warning of whatever sets its hazard off.
                for id in &m.resources {
                    let Some(point) = self.index.resource(id.as_str()) else {
                        continue;
                    };
                    if point.kind.value != ResourceKind::HazardPoint || !self.point_in_place(point)
                    {
                        continue;
                    }
                    let Some(h) = point.hazard.as_ref() else {
                        continue;
                    };
                    if self.hazard_role(h).is_some() {
                        return Some((true, Reason::SitePlan(point.id.as_str(), h.as_str())));
                    }
                }
                None
            }
            (PlanKind::Township, Area::Township)
                if m.scope.as_ref().map(|s| s.value) != Some(PlanScope::Hazard) =>
            {
                Some((true, Reason::TownshipPlan(self.place.township)))
            }
            (PlanKind::Village, Area::Village(v)) if self.place_in_village(v) => {
                Some((true, Reason::VillagePlan(v)))
            }
            (_, Area::Township | Area::Village(_)) => {
                covers.map(|(p, h)| (p, Reason::CoversHere(h)))
            }
        }
    }

    fn place_in_village(&self, village: &str) -> bool {
        match self.place.kind {
            PlaceKind::Village(v) => v == village,
            PlaceKind::HazardPoint(_, v) => v == Some(village),
            PlaceKind::Township => false,
        }
    }

    /// The level at which the plan's parents (already activated) respond, the most severe;
    /// the event's own level for a plan none of whose parents is activated.
    fn parent_level(&self, plan: &'a Plan) -> ResponseLevel {
        plan.meta
            .parents
            .iter()
            .filter_map(|p| self.state.get(p.as_str()))
            .filter(|(active, _)| *active)
            .filter_map(|(_, a)| a.level)
            .min()
            .unwrap_or(self.level)
    }

    pub(super) fn run(&mut self, repo: &'a Repository) {
        // Each pass can activate the plans that accept duties of the plans the previous pass
        // activated; a pass that changes nothing ends it.
        for _ in 0..=repo.plans.len() {
            let mut changed = false;
            for plan in &repo.plans {
                let id = plan.meta.id.as_str();
                let mut reasons: Vec<(bool, Reason<'a>)> = Vec::new();
                if let Some(own) = self.own_reasons(plan) {
                    reasons.push(own);
                }
                if self.area(plan) != Area::Elsewhere {
                    // The overall plan gives every lead department its hazard, a township's
                    // plan every enterprise its report: accepting a duty of a plan for all
                    // hazards activates a plan only for a hazard the plan covers.
                    let covered = match self.covers(plan) {
                        Some((primary, _)) => primary || self.chain,
                        None => false,
                    };
                    for accept in &plan.meta.accepts {
                        let from = accept.plan.as_str();
                        if let Some((true, source)) = self.state.get(from)
                            && (!all_hazards(source.plan) || covered)
                        {
                            reasons.push((true, Reason::Accepts(from, accept.duty.as_str())));
                        }
                    }
                }
                if reasons.is_empty() {
                    continue;
                }
                let active = self.chain || reasons.iter().any(|(a, _)| *a);
                let mut reasons: Vec<Reason<'a>> = reasons
                    .into_iter()
                    .filter(|(a, _)| *a == active || self.chain)
                    .map(|(_, r)| r)
                    .collect();
                reasons.sort();
                reasons.dedup();
                let parent = self.parent_level(plan);
                let level = level_for(&plan.meta.response, parent);
                let warning = if plan.meta.response.is_empty() {
                    warning_for(&plan.meta.warning, parent)
                } else {
                    None
                };
                let same = self.state.get(id).is_some_and(|(a, x)| {
                    *a == active
                        && x.level == level
                        && x.warning.map(|w| w.0) == warning.map(|w| w.0)
                        && x.reasons == reasons
                });
                if same {
                    continue;
                }
                changed = true;
                self.state.insert(
                    id,
                    (
                        active,
                        Activated {
                            plan,
                            level,
                            warning,
                            reasons,
                        },
                    ),
                );
            }
            if !changed {
                break;
            }
        }
    }

    /// Whether an organisation's task concerns the event: not another township's, nor a
    /// village's elsewhere.
    pub(super) fn concerns(&self, org: &str) -> bool {
        match self.index.org_kind(org) {
            Some(OrgKind::Township) => org == self.place.township,
            Some(OrgKind::Village) => self.index.parent(org) == Some(self.place.township),
            _ => true,
        }
    }
}

/// Whether a plan is for every hazard of its jurisdiction: the overall plan and the township's
/// comprehensive plan.
fn all_hazards(plan: &Plan) -> bool {
    let m = &plan.meta;
    match m.kind.value {
        PlanKind::Overall => true,
        PlanKind::Township => m.scope.as_ref().map(|s| s.value) != Some(PlanScope::Hazard),
        _ => false,
    }
}
