//! The activation cascade: which plans a hazard at a level and a place activates, who commands,
//! who must do what by when, which resources are called and how long they take to arrive
//! (`emplan activate`). The rules it follows are in docs/graph.md, "The activation cascade".
//!
//! [`activate`] runs the steps, each in a file of its own: `resolve` (the place, the secondary
//! hazards, the governments above), `walk` (the plans reached), `headquarters`, `tasks`,
//! `resources` and `conflicts`; `output` writes the answer.

use std::collections::{BTreeMap, HashSet};

use crate::foundation::suggest::suggest;
use crate::model::index::{Index, Person};
use crate::model::plan::WarningDef;
use crate::model::registry::Resource;
use crate::model::{Deadline, Loc, Plan, Repository, ResponseLevel};

use crate::model::travel::{RESCUE_CIRCLE_MINUTES, Spot, Travel};

mod conflicts;
mod headquarters;
pub mod output;
mod resolve;
mod resources;
mod tasks;
mod walk;

use conflicts::conflicts;
pub use headquarters::commanding_posts;
use headquarters::headquarters;
use resolve::{ancestors, chain_of};
pub use resolve::{place, places};
use resources::resources;
use tasks::tasks;
use walk::Cascader;
pub use walk::level_for;

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

/// Runs the cascade. Unknown hazards and places are errors, with the nearest id.
pub fn activate<'a>(
    repo: &'a Repository,
    index: &Index<'a>,
    travel: &Travel<'a>,
    scenario: Scenario<'_>,
) -> Result<Cascade<'a>, Unknown<'a>> {
    let Some(hazard) = index.hazard(scenario.hazard).map(|h| h.id.as_str()) else {
        let near = suggest(scenario.hazard, index.hazards.ids());
        return Err(Unknown::Hazard(near));
    };
    let Some(place) = place(index, scenario.place, travel) else {
        let places = places(index);
        let near = suggest(scenario.place, places.iter().copied());
        return Err(Unknown::Place(near));
    };
    let secondary = chain_of(index, hazard);
    let chained: HashSet<&str> = secondary.iter().map(|s| s.hazard).collect();
    let mut c = Cascader {
        index,
        place,
        hazard,
        level: scenario.level,
        chained: &chained,
        chain: scenario.chain,
        above: ancestors(index, place.township),
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
    let headquarters = headquarters(index, &activated);
    let tasks = tasks(repo, &c, &activated);
    let resources = resources(repo, index, travel, &c, &activated);
    let conflicts = conflicts(repo, index, &activated, &headquarters, &tasks);
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
