//! Stage 5: drills. A drill definition and the plans -> the exercise: its injects, each with the
//! action the plans expect and where the plans say so (the master scenario events list, MSEL),
//! and the pack of documents drawn from them (`emplan drill new`, docs/drill.md).
//!
//! Injects are derived, not typed: the activation cascade of the scenario gives one inject per
//! task of a participating organisation; a stage whose readings meet a more severe response
//! level's criterion gives an escalation inject and the new level's tasks; a secondary hazard
//! that a stage names gives its plans' tasks; every critical expected action gets a contingency
//! inject for when it does not happen by its deadline.

pub mod assemble;
pub mod blind;
pub mod coverage;
mod derive;
pub mod evaluate;
pub mod gaps;
mod injects;
pub mod message;
pub mod msel;
pub mod pack;
mod text;

use crate::graph::cascade::{Cascade, Due};
use crate::model::drill::Drill;
use crate::model::index::Index;
use crate::model::travel::Travel;
use crate::model::{Entry, Loc, Repository, ResponseLevel};

pub use derive::derive_drill;
pub use text::{number_zh, place_name, stage_zh};

/// Where an expected action is written in the plans.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source<'a> {
    /// A duty of the plan, by id.
    Duty(&'a str),
    /// An action of a response level (or a warning stage), by its name.
    Level(String),
    /// The activation of a response level, on one of its criteria.
    Activation(ResponseLevel),
}

/// What the plans expect the recipient to do, quoted.
#[derive(Clone, Debug)]
pub struct Expected<'a> {
    pub what: String,
    pub due: Due,
    pub plan: &'a str,
    pub source: Source<'a>,
    /// The duty it carries out, where the action names one.
    pub duty: Option<&'a str>,
    /// The clause in its plan file.
    pub loc: Loc,
}

/// Why an inject is in the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum InjectKind {
    /// The first report of the event.
    Report,
    /// A plan is activated: its task for one organisation.
    Activation,
    /// A stage of the scenario's evolution, told to the players.
    Situation,
    /// A reading meets a more severe level's criterion.
    Escalation,
    /// A secondary hazard appears.
    Secondary,
    /// Sent only when an expected action has not happened by its deadline.
    Contingency,
}

impl InjectKind {
    pub fn key(self) -> &'static str {
        match self {
            InjectKind::Report => "report",
            InjectKind::Activation => "activation",
            InjectKind::Situation => "situation",
            InjectKind::Escalation => "escalation",
            InjectKind::Secondary => "secondary",
            InjectKind::Contingency => "contingency",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            InjectKind::Report => "事件报告",
            InjectKind::Activation => "启动响应",
            InjectKind::Situation => "情景发展",
            InjectKind::Escalation => "响应升级",
            InjectKind::Secondary => "次生衍生",
            InjectKind::Contingency => "应急备用",
        }
    }
}

/// One inject of the master scenario events list.
#[derive(Clone, Debug)]
pub struct Inject<'a> {
    /// `M001`, in the order of the list.
    pub id: String,
    /// Scenario time, minutes after T+0.
    pub minutes: u32,
    pub kind: InjectKind,
    /// Who sends it: a controller playing a body, or a simulated body.
    pub from: String,
    /// The organisation it goes to, by id, and its posts when the plan names them.
    pub to_org: Option<&'a str>,
    pub to_posts: Vec<&'a str>,
    /// The recipient as an imported MSEL writes it, instead of an organisation and posts.
    pub to_text: Option<String>,
    /// Telephone, written scenario card, fax...
    pub method: &'static str,
    pub text: String,
    pub expected: Option<Expected<'a>>,
    /// The objective it tests, by id.
    pub objective: Option<&'a str>,
    /// The controller responsible, by post id.
    pub controller: Option<&'a str>,
    /// For a contingency inject, the inject whose expected action it chases.
    pub chases: Option<String>,
}

/// A drill and what the plans make of it.
pub struct Exercise<'a> {
    pub drill: &'a Drill,
    /// The seed a double-blind scenario was drawn with.
    pub seed: Option<u64>,
    /// The cascade of the scenario as first reported.
    pub cascade: Cascade<'a>,
    /// The level reached at the end of the scenario.
    pub final_level: ResponseLevel,
    pub injects: Vec<Inject<'a>>,
}

impl Exercise<'_> {
    /// The names of the organisations that take part: the drill's list, else every
    /// organisation an inject goes to.
    pub fn participants<'l>(&self, index: &Index<'l>) -> Vec<&'l str>
    where
        Self: 'l,
    {
        let d = self.drill;
        if d.participants.is_empty() {
            let mut orgs: Vec<&str> = self.injects.iter().filter_map(|i| i.to_org).collect();
            orgs.sort_unstable();
            orgs.dedup();
            orgs.into_iter().map(|o| index.org_name(o)).collect()
        } else {
            d.participants
                .iter()
                .map(|p| index.org_name(p.as_str()))
                .collect()
        }
    }

    /// How many injects are of this kind.
    pub fn count(&self, kind: InjectKind) -> usize {
        self.injects.iter().filter(|i| i.kind == kind).count()
    }
}

/// Why a drill cannot be derived.
#[derive(Debug, PartialEq, Eq)]
pub enum Unknown<'a> {
    Drill(Option<&'a str>),
    Hazard(Loc, Option<&'a str>),
    Place(Loc, Option<&'a str>),
}

/// The drill with this id.
pub fn find<'a>(repo: &'a Repository, id: &str) -> Result<&'a Entry<Drill>, Unknown<'a>> {
    repo.drills
        .iter()
        .find(|d| d.value.id.as_str() == id)
        .ok_or_else(|| {
            let ids = repo.drills.iter().map(|d| d.value.id.as_str());
            Unknown::Drill(crate::foundation::suggest::suggest(id, ids))
        })
}

/// The drill as it was held with `seed`: its drawn scenario, or `None` for one without a seed
/// (or a registry with nothing to draw from), which was held as written.
pub fn redrawn(repo: &Repository, drill: &Drill, seed: Option<u64>) -> Option<Drill> {
    blind::draw(repo, drill, seed?).ok()
}

/// The injects of a drill, derived from the plans.
pub fn derive<'a>(
    repo: &'a Repository,
    index: &Index<'a>,
    travel: &Travel<'a>,
    entry: &'a Entry<Drill>,
) -> Result<Exercise<'a>, Unknown<'a>> {
    derive_drill(repo, index, travel, &entry.value, entry.file, None)
}
