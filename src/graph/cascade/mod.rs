//! The activation cascade: which plans a hazard at a level and a place activates, who commands,
//! who must do what by when, which resources are called and how long they take to arrive
//! (`emplan activate`). The rules it follows are in docs/graph.md, "The activation cascade".

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

use crate::foundation::suggest::suggest;
use crate::model::index::{Index, Person};
use crate::model::plan::{Action, ResponseDef, WarningDef};
use crate::model::registry::{OrgKind, Resource, ResourceKind};
use crate::model::{
    Deadline, Loc, Plan, PlanKind, PlanScope, Repository, ResponseLevel, Timing, WarningLevel,
};

use crate::model::travel::{RESCUE_CIRCLE_MINUTES, Spot, Travel};

pub mod output;

/// The question: a hazard, at a level, at a place.
#[derive(Clone, Copy, Debug)]
pub struct Scenario<'s> {
    pub hazard: &'s str,
    pub level: ResponseLevel,
    pub place: &'s str,
    /// Activate the plans of the hazards the primary one triggers too, instead of putting them
    /// on standby.
    pub chain: bool,
}

/// What PLACE names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind<'a> {
    Township,
    Village(&'a str),
    /// A hazard point, and the village it lies in when the registry says.
    HazardPoint(&'a str, Option<&'a str>),
}

/// The place of the event.
#[derive(Clone, Copy, Debug)]
pub struct EventPlace<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: PlaceKind<'a>,
    pub township: &'a str,
    pub spot: Spot<'a>,
}

/// Why a plan is activated or on standby.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reason<'a> {
    /// A plan above the place (district, department) that covers the hazard.
    Covers(&'a str),
    /// The comprehensive plan of the event's township.
    TownshipPlan(&'a str),
    /// The plan of the village the place is in.
    VillagePlan(&'a str),
    /// A plan of the township, a village or an enterprise there that covers the hazard.
    CoversHere(&'a str),
    /// A site plan for a hazard point in the place, of this hazard.
    SitePlan(&'a str, &'a str),
    /// A joint plan with a jurisdiction the township borders.
    Joint(&'a str),
    /// Accepts a duty of an activated plan: (plan, duty).
    Accepts(&'a str, &'a str),
}

/// A plan the cascade reaches.
#[derive(Debug)]
pub struct Activated<'a> {
    pub plan: &'a Plan,
    /// Its response level, for a plan that has response levels.
    pub level: Option<ResponseLevel>,
    /// Its warning stage, for a plan that has only warnings (site plans): Ⅰ is red.
    pub warning: Option<(usize, &'a WarningDef)>,
    pub reasons: Vec<Reason<'a>>,
}

/// A hazard the primary one can trigger, and the hazard that triggers it.
#[derive(Clone, Copy, Debug)]
pub struct Secondary<'a> {
    pub hazard: &'a str,
    pub via: &'a str,
}

/// A command HQ the cascade convenes.
#[derive(Debug)]
pub struct Headquarters<'a> {
    pub plan: &'a str,
    pub name: &'a str,
    pub level: Option<ResponseLevel>,
    /// The post that commands at this level.
    pub commander: Option<&'a str>,
    pub holder: Option<Person<'a>>,
    pub deputy: Option<Person<'a>>,
}

/// When a task falls due.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Due {
    Immediately,
    Within(Deadline),
    AsNeeded,
    /// The plan gives no time.
    Unstated,
}

/// One thing an organisation or post must do.
#[derive(Debug)]
pub struct Task<'a> {
    pub due: Due,
    pub plan: &'a str,
    pub org: Option<&'a str>,
    pub posts: Vec<&'a str>,
    pub what: &'a str,
    /// The duty it carries out, in `plan`.
    pub duty: Option<&'a str>,
    /// The level or warning it belongs to; `None` for a duty of the plan.
    pub stage: Option<String>,
    pub loc: Loc,
}

/// Why a resource is called.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Call<'a> {
    /// A team able to respond to this hazard.
    Capable(&'a str),
    /// Named by an activated plan (its resources, a dispatch or an alert).
    Named(&'a str),
    /// A shelter or warehouse in the event's township.
    Local,
}

/// A resource the cascade calls.
#[derive(Debug)]
pub struct Called<'a> {
    pub resource: &'a Resource,
    pub calls: Vec<Call<'a>>,
    /// Muster plus travel to the place, in minutes, when known.
    pub minutes: Option<u32>,
}

impl Called<'_> {
    /// False when the resource cannot arrive within the rescue circle (or its time is unknown).
    pub fn within_circle(&self) -> bool {
        self.minutes.is_some_and(|m| m <= RESCUE_CIRCLE_MINUTES)
    }
}

/// Something the cascade shows to be wrong.
#[derive(Debug)]
pub enum Conflict<'a> {
    /// One person holds or stands in for command posts in HQs of two organisations convened
    /// at once: (contact, [(plan, post)]).
    TwoHeadquarters(&'a str, Vec<(&'a str, &'a str)>),
    /// An action of `plan` for `org` under `duty`, and no plan of `org` accepts that duty.
    NotAccepted {
        plan: &'a str,
        duty: &'a str,
        org: &'a str,
        loc: Loc,
    },
    /// An activated level with no commander.
    NoCommander(&'a str, ResponseLevel),
}

/// The answer.
#[derive(Debug)]
pub struct Cascade<'a> {
    pub hazard: &'a str,
    pub level: ResponseLevel,
    pub place: EventPlace<'a>,
    pub chain: bool,
    pub activated: Vec<Activated<'a>>,
    pub secondary: Vec<Secondary<'a>>,
    /// Plans of the secondary hazards, to warn and prepare (预警/准备); empty with `chain`.
    pub standby: Vec<Activated<'a>>,
    pub headquarters: Vec<Headquarters<'a>>,
    pub tasks: Vec<Task<'a>>,
    pub resources: Vec<Called<'a>>,
    pub conflicts: Vec<Conflict<'a>>,
}

/// Why the question cannot be answered.
#[derive(Debug, PartialEq, Eq)]
pub enum Unknown<'a> {
    Hazard(Option<&'a str>),
    Place(Option<&'a str>),
}

/// The townships, villages and hazard points PLACE may name, sorted.
pub fn places<'a>(index: &Index<'a>) -> Vec<&'a str> {
    let orgs = index
        .organisations
        .values()
        .filter(|o| matches!(o.kind.value, OrgKind::Township | OrgKind::Village))
        .map(|o| o.id.as_str());
    let points = index
        .resources
        .values()
        .filter(|r| r.kind.value == ResourceKind::HazardPoint)
        .map(|r| r.id.as_str());
    let mut all: Vec<&str> = orgs.chain(points).collect();
    all.sort_unstable();
    all
}

/// The place an id names.
pub fn place<'a>(index: &Index<'a>, id: &str, travel: &Travel<'a>) -> Option<EventPlace<'a>> {
    if let Some(o) = index.org(id) {
        let own = o.id.as_str();
        let (kind, township) = match o.kind.value {
            OrgKind::Township => (PlaceKind::Township, own),
            OrgKind::Village => (PlaceKind::Village(own), index.parent(own)?),
            _ => return None,
        };
        let at = travel.seat(own).or_else(|| travel.seat(township));
        return Some(EventPlace {
            id: own,
            name: o.name.value.as_str(),
            kind,
            township,
            spot: Spot { township, at },
        });
    }
    let r = index.resource(id)?;
    if r.kind.value != ResourceKind::HazardPoint {
        return None;
    }
    let spot = travel.spot_of(r)?;
    let village = r.place.as_ref()?.village.as_ref().map(|v| v.as_str());
    Some(EventPlace {
        id: r.id.as_str(),
        name: r.name.value.as_str(),
        kind: PlaceKind::HazardPoint(r.id.as_str(), village),
        township: spot.township,
        spot,
    })
}

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

/// Runs the cascade. Unknown hazards and places are errors, with the nearest id.
pub fn activate<'a>(
    repo: &'a Repository,
    lookup: &Index<'a>,
    travel: &Travel<'a>,
    scenario: Scenario<'_>,
) -> Result<Cascade<'a>, Unknown<'a>> {
    let Some(hazard) = lookup.hazard(scenario.hazard).map(|h| h.id.as_str()) else {
        let near = suggest(scenario.hazard, lookup.hazards.ids());
        return Err(Unknown::Hazard(near));
    };
    let Some(place) = place(lookup, scenario.place, travel) else {
        let places = places(lookup);
        let near = suggest(scenario.place, places.iter().copied());
        return Err(Unknown::Place(near));
    };
    let secondary = chain_of(lookup, hazard);
    let chained: HashSet<&str> = secondary.iter().map(|s| s.hazard).collect();
    let mut c = Cascader {
        lookup,
        place,
        hazard,
        level: scenario.level,
        chained: &chained,
        chain: scenario.chain,
        above: ancestors(lookup, place.township),
        state: BTreeMap::new(),
    };
    c.run(repo);
    let (mut activated, mut standby) = (Vec::new(), Vec::new());
    for (_, a) in std::mem::take(&mut c.state) {
        if a.0 {
            activated.push(a.1);
        } else {
            standby.push(a.1);
        }
    }
    for list in [&mut activated, &mut standby] {
        list.sort_by(|a, b| {
            (a.plan.meta.kind.value, a.plan.meta.id.as_str())
                .cmp(&(b.plan.meta.kind.value, b.plan.meta.id.as_str()))
        });
    }
    let headquarters = headquarters(lookup, &activated);
    let tasks = tasks(repo, &c, &activated);
    let resources = resources(repo, lookup, travel, &c, &activated);
    let conflicts = conflicts(repo, lookup, &activated, &headquarters, &tasks);
    Ok(Cascade {
        hazard,
        level: scenario.level,
        place,
        chain: scenario.chain,
        activated,
        secondary,
        standby,
        headquarters,
        tasks,
        resources,
        conflicts,
    })
}

/// The hazards the primary one triggers, breadth first, each with the hazard that triggers it.
fn chain_of<'a>(lookup: &Index<'a>, hazard: &'a str) -> Vec<Secondary<'a>> {
    let mut seen: HashSet<&str> = HashSet::from([hazard]);
    let mut queue = VecDeque::from([hazard]);
    let mut out = Vec::new();
    while let Some(h) = queue.pop_front() {
        for next in lookup.hazard(h).map_or(&[][..], |h| &h.triggers) {
            if let Some(known) = lookup.hazard(next.as_str()).map(|h| h.id.as_str())
                && seen.insert(known)
            {
                out.push(Secondary {
                    hazard: known,
                    via: h,
                });
                queue.push_back(known);
            }
        }
    }
    out
}

/// The organisations above a township (its government, that government's government...).
fn ancestors<'a>(lookup: &Index<'a>, township: &'a str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut at = lookup.parent(township);
    while let Some(org) = at {
        if out.contains(&org) {
            break;
        }
        out.push(org);
        at = lookup.parent(org);
    }
    out
}

struct Cascader<'c, 'a> {
    lookup: &'c Index<'a>,
    place: EventPlace<'a>,
    hazard: &'a str,
    level: ResponseLevel,
    chained: &'c HashSet<&'a str>,
    chain: bool,
    above: Vec<&'a str>,
    /// Plan id -> (activated rather than on standby, what the cascade knows of it).
    state: BTreeMap<&'a str, (bool, Activated<'a>)>,
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
        let parent = self.lookup.parent(org);
        match self.lookup.org_kind(org) {
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
                let borders = &self.lookup.org(self.place.township)?.borders;
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
                    let Some(point) = self.lookup.resource(id.as_str()) else {
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

    fn run(&mut self, repo: &'a Repository) {
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
    fn concerns(&self, org: &str) -> bool {
        match self.lookup.org_kind(org) {
            Some(OrgKind::Township) => org == self.place.township,
            Some(OrgKind::Village) => self.lookup.parent(org) == Some(self.place.township),
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

/// The stage an activated plan acts in: its level's actions, or its warning's.
fn stage<'a>(a: &Activated<'a>) -> (Option<String>, &'a [Action]) {
    let m = &a.plan.meta;
    if let Some(level) = a.level
        && let Some(r) = m.response.iter().find(|r| r.level.value == level)
    {
        return (Some(level.key().to_owned()), &r.actions);
    }
    if let Some((i, w)) = a.warning {
        let name = w
            .level
            .as_ref()
            .map(|l| l.value.key().to_owned())
            .or_else(|| w.name.as_ref().map(|n| n.value.clone()))
            .unwrap_or_else(|| format!("warning {}", i + 1));
        return (Some(name), &w.actions);
    }
    (None, &[])
}

fn headquarters<'a>(lookup: &Index<'a>, activated: &[Activated<'a>]) -> Vec<Headquarters<'a>> {
    let mut out = Vec::new();
    for a in activated {
        let m = &a.plan.meta;
        let Some(command) = &m.command else {
            continue;
        };
        let level = a
            .level
            .and_then(|l| m.response.iter().find(|r| r.level.value == l));
        let commander = level
            .and_then(|r| r.commander.as_ref())
            .or(command.commander.as_ref())
            .map(|p| p.as_str());
        let post = commander.and_then(|p| lookup.post(p));
        let holder = post
            .and_then(|p| p.holder.as_ref())
            .map(|c| lookup.person(c.as_str()));
        let deputy = post
            .and_then(|p| p.deputy.as_ref())
            .map(|c| lookup.person(c.as_str()));
        out.push(Headquarters {
            plan: m.id.as_str(),
            name: command.hq.value.as_str(),
            level: a.level,
            commander,
            holder,
            deputy,
        });
    }
    out
}

fn due(within: Option<Deadline>, timing: Option<Timing>) -> Due {
    match (timing, within) {
        (Some(Timing::Immediately), _) => Due::Immediately,
        (_, Some(d)) => Due::Within(d),
        (Some(Timing::AsNeeded), None) => Due::AsNeeded,
        (None, None) => Due::Unstated,
    }
}

fn tasks<'a>(
    repo: &'a Repository,
    c: &Cascader<'_, 'a>,
    activated: &[Activated<'a>],
) -> Vec<Task<'a>> {
    // A duty another plan accepts is carried out through that plan: it falls due only when
    // the accepting plan is activated too (the overall plan's 牵头 duties for other hazards
    // do not).
    let active: HashSet<*const Plan> = activated
        .iter()
        .map(|a| std::ptr::from_ref(a.plan))
        .collect();
    let mut delegated: HashMap<(&str, &str), bool> = HashMap::new();
    for plan in &repo.plans {
        let active = active.contains(&std::ptr::from_ref(plan));
        for accept in &plan.meta.accepts {
            let key = (accept.plan.as_str(), accept.duty.as_str());
            *delegated.entry(key).or_default() |= active;
        }
    }
    let mut out = Vec::new();
    for a in activated {
        let m = &a.plan.meta;
        let plan = m.id.as_str();
        let (stage_name, actions) = stage(a);
        let mut acted: HashSet<&str> = HashSet::new();
        for action in actions {
            if action.org.as_ref().is_some_and(|o| !c.concerns(o)) {
                continue;
            }
            if let Some(d) = &action.duty {
                acted.insert(d.as_str());
            }
            out.push(Task {
                due: due(
                    action.within.as_ref().map(|w| w.value),
                    action.timing.as_ref().map(|t| t.value),
                ),
                plan,
                org: action.org.as_ref().map(|o| o.as_str()),
                posts: action
                    .post
                    .as_deref()
                    .into_iter()
                    .chain(&action.posts)
                    .map(|p| p.as_str())
                    .collect(),
                what: action.what.value.as_str(),
                duty: action.duty.as_ref().map(|d| d.as_str()),
                stage: stage_name.clone(),
                loc: a.plan.loc(action.what.span),
            });
        }
        // Duties no action of the stage carries out stand as they are written.
        for duty in &m.duties {
            let dormant = delegated.get(&(plan, duty.id.as_str())) == Some(&false);
            if acted.contains(duty.id.as_str()) || !c.concerns(&duty.org) || dormant {
                continue;
            }
            out.push(Task {
                due: due(duty.deadline.as_ref().map(|d| d.value), None),
                plan,
                org: Some(duty.org.as_str()),
                posts: duty.post.iter().map(|p| p.as_str()).collect(),
                what: duty.text.value.as_str(),
                duty: Some(duty.id.as_str()),
                stage: None,
                loc: a.plan.loc(duty.text.span),
            });
        }
    }
    // Stable: equal times keep the order of the plans and of the plan's text.
    out.sort_by_key(|t| t.due);
    out
}

fn resources<'a>(
    repo: &'a Repository,
    lookup: &Index<'a>,
    travel: &Travel<'a>,
    c: &Cascader<'_, 'a>,
    activated: &[Activated<'a>],
) -> Vec<Called<'a>> {
    let mut calls: BTreeMap<&'a str, BTreeSet<Call<'a>>> = BTreeMap::new();
    let hazards: Vec<&str> = std::iter::once(c.hazard)
        .chain(c.chained.iter().copied().filter(|_| c.chain))
        .collect();
    for e in &repo.registry.resources {
        let r = &e.value;
        let id = r.id.as_str();
        if r.kind.value == ResourceKind::Team {
            for h in &hazards {
                if r.capabilities.iter().any(|x| x.as_str() == *h) {
                    calls.entry(id).or_default().insert(Call::Capable(h));
                }
            }
        }
        let local = r
            .place
            .as_ref()
            .is_some_and(|p| p.township.as_str() == c.place.township);
        if local
            && matches!(
                r.kind.value,
                ResourceKind::Shelter | ResourceKind::Warehouse
            )
        {
            calls.entry(id).or_default().insert(Call::Local);
        }
    }
    for a in activated {
        let m = &a.plan.meta;
        let plan = m.id.as_str();
        let (_, actions) = stage(a);
        let named = m.resources.iter().chain(
            actions
                .iter()
                .flat_map(|x| x.dispatch.iter().chain(&x.alert)),
        );
        for id in named {
            let Some(r) = lookup.resource(id.as_str()) else {
                continue;
            };
            if matches!(
                r.kind.value,
                ResourceKind::HazardPoint | ResourceKind::Monitor
            ) {
                continue;
            }
            calls
                .entry(r.id.as_str())
                .or_default()
                .insert(Call::Named(plan));
        }
    }
    let mut out: Vec<Called<'a>> = calls
        .into_iter()
        .filter_map(|(id, calls)| {
            let resource = lookup.resource(id)?;
            let minutes = travel.spot_of(resource).and_then(|from| {
                let drive = travel.minutes(from, c.place.spot)?;
                let muster = resource.muster_minutes.as_ref().map_or(0, |m| m.value);
                Some(drive.saturating_add(muster))
            });
            Some(Called {
                resource,
                calls: calls.into_iter().collect(),
                minutes,
            })
        })
        .collect();
    let rank = |k: ResourceKind| match k {
        ResourceKind::Team => 0,
        ResourceKind::Equipment => 1,
        ResourceKind::Warehouse => 2,
        ResourceKind::Shelter => 3,
        ResourceKind::Monitor | ResourceKind::HazardPoint => 4,
    };
    out.sort_by(|a, b| {
        let key = |x: &Called<'a>| (rank(x.resource.kind.value), x.minutes.unwrap_or(u32::MAX));
        key(a)
            .cmp(&key(b))
            .then_with(|| a.resource.id.as_str().cmp(b.resource.id.as_str()))
    });
    out
}

fn conflicts<'a>(
    repo: &'a Repository,
    lookup: &Index<'a>,
    activated: &[Activated<'a>],
    headquarters: &[Headquarters<'a>],
    tasks: &[Task<'a>],
) -> Vec<Conflict<'a>> {
    let mut out = Vec::new();
    // People on the command posts of two HQs. The overall plan's committee is the body over
    // every HQ: sitting on it and on one HQ is the design, not a conflict.
    let mut seats: BTreeMap<&'a str, Vec<(&'a str, &'a str)>> = BTreeMap::new();
    for a in activated {
        let m = &a.plan.meta;
        if m.kind.value == PlanKind::Overall || m.command.is_none() {
            continue;
        }
        let mut posts = commanding_posts(a);
        posts.sort_unstable();
        posts.dedup();
        for post in posts {
            let Some(p) = lookup.post(post) else {
                continue;
            };
            for contact in p.holder.iter().chain(&p.deputy) {
                let list = seats.entry(contact.as_str()).or_default();
                if !list.iter().any(|(plan, _)| *plan == m.id.as_str()) {
                    list.push((m.id.as_str(), post));
                }
            }
        }
    }
    for (contact, list) in seats {
        // One post heading two HQs of its own organisation (a township's HQ and its flood HQ)
        // is one command with two names; two organisations' HQs need two people.
        let mut owners: Vec<&str> = list
            .iter()
            .filter_map(|(plan, _)| lookup.plans.get(plan))
            .map(|p| p.meta.owner.as_str())
            .collect();
        owners.sort_unstable();
        owners.dedup();
        if owners.len() > 1 {
            out.push(Conflict::TwoHeadquarters(contact, list));
        }
    }
    // Actions for an organisation that no plan of it accepts.
    let mut accepted: HashSet<(&str, &str, &str)> = HashSet::new();
    for plan in &repo.plans {
        let owner = plan.meta.owner.as_str();
        for accept in &plan.meta.accepts {
            accepted.insert((owner, accept.plan.as_str(), accept.duty.as_str()));
        }
    }
    let mut reported: HashSet<(&str, &str, &str)> = HashSet::new();
    for t in tasks.iter().filter(|t| t.stage.is_some()) {
        let (Some(org), Some(duty)) = (t.org, t.duty) else {
            continue;
        };
        let Some(plan) = lookup.plans.get(t.plan) else {
            continue;
        };
        let external = lookup.org(org).is_none_or(|o| o.external);
        if org == plan.meta.owner.as_str() || external {
            continue;
        }
        if !accepted.contains(&(org, t.plan, duty)) && reported.insert((org, t.plan, duty)) {
            out.push(Conflict::NotAccepted {
                plan: t.plan,
                duty,
                org,
                loc: t.loc,
            });
        }
    }
    for hq in headquarters {
        if hq.commander.is_none()
            && let Some(level) = hq.level
        {
            out.push(Conflict::NoCommander(hq.plan, level));
        }
    }
    out
}

/// The posts that command an activated plan at its level: the HQ's leading seats
/// ([`crate::model::plan::Seat::leads`]) and the level's own commander.
pub fn commanding_posts<'a>(a: &Activated<'a>) -> Vec<&'a str> {
    let m = &a.plan.meta;
    let mut out: Vec<&'a str> = Vec::new();
    for (seat, post) in m.command.iter().flat_map(|c| c.posts()) {
        if seat.leads() {
            out.push(post.as_str());
        }
    }
    if let Some(level) = a.level
        && let Some(r) = m.response.iter().find(|r| r.level.value == level)
    {
        out.extend(r.commander.iter().map(|p| p.as_str()));
    }
    out
}
