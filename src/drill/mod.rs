//! Stage 5: drills. A drill definition and the plans -> the exercise: its injects, each with the
//! action the plans expect and where the plans say so (the master scenario events list, MSEL),
//! and the pack of documents drawn from them (`emplan drill new`, docs/drill.md).
//!
//! Injects are derived, not typed: the activation cascade of the scenario gives one inject per
//! task of a participating organisation; a stage whose readings meet a more severe response
//! level's criterion gives an escalation inject and the new level's tasks; a secondary hazard
//! that a stage names gives its plans' tasks; every critical expected action gets a contingency
//! inject for when it does not happen by its deadline.

pub mod blind;
pub mod coverage;
pub mod evaluate;
pub mod gaps;
pub mod msel;
pub mod pack;

use std::collections::{HashMap, HashSet};

use crate::graph::cascade::{self, Cascade, Due, Scenario, Task};
use crate::model::drill::{Drill, Stage};
use crate::model::index::Index;
use crate::model::plan::Criterion;
use crate::model::travel::Travel;
use crate::model::{Entry, FileId, Loc, Repository, ResponseLevel};

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
    pub fn participants<'l>(&self, lookup: &Index<'l>) -> Vec<&'l str>
    where
        Self: 'l,
    {
        let d = self.drill;
        if d.participants.is_empty() {
            let mut orgs: Vec<&str> = self.injects.iter().filter_map(|i| i.to_org).collect();
            orgs.sort_unstable();
            orgs.dedup();
            orgs.into_iter().map(|o| lookup.org_name(o)).collect()
        } else {
            d.participants
                .iter()
                .map(|p| lookup.org_name(p.as_str()))
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

/// Scenario time in minutes after T+0 of a time limit or a stage.
fn at(stage: &Stage) -> u32 {
    stage.at.value.minutes
}

/// The injects of a drill, derived from the plans.
pub fn derive<'a>(
    repo: &'a Repository,
    lookup: &Index<'a>,
    travel: &Travel<'a>,
    entry: &'a Entry<Drill>,
) -> Result<Exercise<'a>, Unknown<'a>> {
    derive_drill(repo, lookup, travel, &entry.value, entry.file, None)
}

/// The injects of `drill` (defined in `file`; drawn with `seed` for a double-blind drill).
pub fn derive_drill<'a>(
    repo: &'a Repository,
    lookup: &Index<'a>,
    travel: &Travel<'a>,
    drill: &'a Drill,
    file: FileId,
    seed: Option<u64>,
) -> Result<Exercise<'a>, Unknown<'a>> {
    let s = &drill.scenario;
    let loc = |span| Loc { file, span };
    let run = |hazard: &str, level| {
        cascade::activate(
            repo,
            lookup,
            travel,
            Scenario {
                hazard,
                level,
                place: s.place.as_str(),
                chain: false,
            },
        )
    };
    let first = run(s.hazard.as_str(), s.level.value).map_err(|e| match e {
        cascade::Unknown::Hazard(near) => Unknown::Hazard(loc(s.hazard.span), near),
        cascade::Unknown::Place(near) => Unknown::Place(loc(s.place.span), near),
    })?;
    let mut stages: Vec<&Stage> = s.stages.iter().collect();
    stages.sort_by_key(|st| at(st));
    if !drill.msel.is_empty() {
        // An organiser's edited MSEL stands as it was imported; the stages still say how far
        // the response goes.
        let mut level = s.level.value;
        for stage in stages {
            if let Some((to, _, _)) = escalation(&first, stage, level, s.hazard.as_str()) {
                level = to;
            }
        }
        return Ok(Exercise {
            drill,
            seed,
            cascade: first,
            final_level: level,
            injects: msel::injects(lookup, drill, file),
        });
    }
    let mut d = Deriver {
        lookup,
        drill,
        participants: drill.participants.iter().map(|p| p.as_str()).collect(),
        seen: HashSet::new(),
        out: Vec::new(),
    };
    d.report(&first);
    d.tasks(&first, 0, InjectKind::Activation);

    let mut level = s.level.value;
    for stage in stages {
        let minutes = at(stage);
        // A stage that escalates is told in its escalation inject; any other, after T+0, as a
        // situation update.
        match escalation(&first, stage, level, s.hazard.as_str()) {
            Some((to, criterion, plan)) => {
                d.escalate(stage, plan, to, criterion);
                level = to;
                if let Ok(next) = run(s.hazard.as_str(), level) {
                    d.tasks(&next, minutes, InjectKind::Activation);
                }
            }
            None if minutes > 0 => d.situation(&first, stage),
            None => {}
        }
        for hazard in &stage.hazards {
            if let Ok(next) = run(hazard.as_str(), level) {
                d.tasks(&next, minutes, InjectKind::Secondary);
            }
        }
    }
    d.contingencies();
    let mut injects = d.out;
    injects.sort_by_key(|i| (i.minutes, i.kind == InjectKind::Contingency));
    number(&mut injects);
    assign(drill, &mut injects);
    Ok(Exercise {
        drill,
        seed,
        cascade: first,
        final_level: level,
        injects,
    })
}

/// The most severe level of an activated plan, beyond `current`, whose criterion a reading of
/// the stage meets: (level, criterion, plan).
fn escalation<'a>(
    cascade: &Cascade<'a>,
    stage: &Stage,
    current: ResponseLevel,
    hazard: &str,
) -> Option<(ResponseLevel, &'a Criterion, &'a crate::model::Plan)> {
    let mut best: Option<(ResponseLevel, &Criterion, &crate::model::Plan)> = None;
    for a in &cascade.activated {
        for level in &a.plan.meta.response {
            if level.level.value >= current {
                continue;
            }
            for criterion in &level.criteria {
                // A threshold for another hazard of the plan (rainfall in a flood plan) counts
                // when the plan covers the scenario's hazard too.
                let covers = |h: &str| a.plan.meta.hazards.iter().any(|x| x.as_str() == h);
                let applies = criterion
                    .hazard
                    .as_ref()
                    .is_none_or(|h| h.as_str() == hazard || (covers(h.as_str()) && covers(hazard)));
                let met = stage.readings.iter().any(|r| {
                    criterion.metric.as_ref().map(|m| m.as_str()) == Some(r.metric.as_str())
                        && meets(criterion, r.value.value)
                });
                if applies && met && best.as_ref().is_none_or(|b| level.level.value < b.0) {
                    best = Some((level.level.value, criterion, a.plan));
                }
            }
        }
    }
    best
}

/// Whether a value meets a criterion's bounds, as plans count them by default (以上含本数，
/// 以下不含本数).
fn meets(criterion: &Criterion, value: f64) -> bool {
    let low = criterion
        .at_least
        .as_ref()
        .is_some_and(|l| value >= l.value);
    let high = criterion.below.as_ref().is_none_or(|b| value < b.value);
    low && high
}

struct Deriver<'d, 'a> {
    lookup: &'d Index<'a>,
    drill: &'a Drill,
    participants: HashSet<&'a str>,
    /// Tasks already given, by their clause: a task due at a level and again at the next is
    /// one inject.
    seen: HashSet<(FileId, u32)>,
    out: Vec<Inject<'a>>,
}

impl<'a> Deriver<'_, 'a> {
    fn takes_part(&self, org: Option<&str>, posts: &[&str]) -> bool {
        if self.participants.is_empty() {
            return true;
        }
        let post_orgs = posts
            .iter()
            .filter_map(|p| self.lookup.post(p).map(|p| p.org.as_str()));
        org.into_iter()
            .chain(post_orgs)
            .any(|o| self.participants.contains(o))
    }

    fn method(&self) -> &'static str {
        match self.drill.form.value {
            crate::model::drill::DrillForm::Tabletop => "情景卡",
            crate::model::drill::DrillForm::Live => "电话",
        }
    }

    fn push(&mut self, mut inject: Inject<'a>) {
        inject.objective = inject
            .expected
            .as_ref()
            .and_then(|e| objective_of(self.drill, e));
        self.out.push(inject);
    }

    /// The first report: the event's township learns of it.
    fn report(&mut self, c: &Cascade<'a>) {
        let s = &self.drill.scenario;
        let method = self.method();
        self.push(Inject {
            id: String::new(),
            minutes: 0,
            kind: InjectKind::Report,
            from: "模拟报告人（事发地群众）".to_owned(),
            to_org: Some(c.place.township),
            to_posts: Vec::new(),
            to_text: None,
            method,
            text: s.state.value.clone(),
            expected: None,
            objective: None,
            controller: None,
            chases: None,
        });
    }

    /// One inject per task of a participating organisation.
    fn tasks(&mut self, c: &Cascade<'a>, minutes: u32, kind: InjectKind) {
        let levels: HashMap<&str, Option<ResponseLevel>> = c
            .activated
            .iter()
            .map(|a| (a.plan.meta.id.as_str(), a.level))
            .collect();
        for task in &c.tasks {
            if !self.takes_part(task.org, &task.posts)
                || !self.seen.insert((task.loc.file, task.loc.span.start))
            {
                continue;
            }
            let level = levels.get(task.plan).copied().flatten();
            let inject = self.task_inject(c, task, level, minutes, kind);
            self.push(inject);
        }
    }

    fn task_inject(
        &self,
        c: &Cascade<'a>,
        task: &Task<'a>,
        level: Option<ResponseLevel>,
        minutes: u32,
        kind: InjectKind,
    ) -> Inject<'a> {
        let l = self.lookup;
        let plan = l.plan_title(task.plan);
        let to = task
            .org
            .map(|o| l.org_name(o).to_owned())
            .unwrap_or_else(|| task.posts.iter().map(|p| l.post_title(p)).collect());
        let stage = match (&task.stage, level) {
            (Some(_), Some(level)) => format!("{}应急响应", level.zh()),
            (Some(name), None) => stage_zh(name),
            (None, _) => "应急响应".to_owned(),
        };
        let text = match kind {
            InjectKind::Secondary => format!(
                "事发地发生次生{}，《{plan}》启动{stage}，通知{to}",
                l.hazard_name(c.hazard)
            ),
            _ => format!("《{plan}》启动{stage}，通知{to}"),
        };
        let source = match (task.duty, &task.stage) {
            (_, Some(name)) => Source::Level(name.clone()),
            (Some(duty), None) => Source::Duty(duty),
            (None, None) => Source::Level(String::new()),
        };
        Inject {
            id: String::new(),
            minutes,
            kind,
            from: format!("导调组（模拟{}）", sender(l, task.plan)),
            to_org: task.org,
            to_posts: task.posts.clone(),
            to_text: None,
            method: self.method(),
            text,
            expected: Some(Expected {
                what: task.what.to_owned(),
                due: task.due,
                plan: task.plan,
                source,
                duty: task.duty,
                loc: task.loc,
            }),
            objective: None,
            controller: None,
            chases: None,
        }
    }

    /// A stage told to the players: to the HQ office of the first activated plan with one.
    fn situation(&mut self, c: &Cascade<'a>, stage: &Stage) {
        let to = c
            .activated
            .iter()
            .find_map(|a| {
                a.plan
                    .meta
                    .command
                    .as_ref()
                    .and_then(|cmd| cmd.office.as_ref())
            })
            .map(|o| o.as_str())
            .or(Some(c.place.township));
        let method = self.method();
        let readings = readings_zh(self.lookup, stage);
        self.push(Inject {
            id: String::new(),
            minutes: at(stage),
            kind: InjectKind::Situation,
            from: "导调组（模拟监测预报和现场信息）".to_owned(),
            to_org: to,
            to_posts: Vec::new(),
            to_text: None,
            method,
            text: format!("{}{readings}", stage.text.value),
            expected: None,
            objective: None,
            controller: None,
            chases: None,
        });
    }

    /// A reading meets a more severe level's criterion: whoever assesses for that plan is
    /// expected to propose the level.
    fn escalate(
        &mut self,
        stage: &Stage,
        plan: &'a crate::model::Plan,
        to: ResponseLevel,
        criterion: &'a Criterion,
    ) {
        let m = &plan.meta;
        let def = m.response.iter().find(|r| r.level.value == to);
        let decision = def.and_then(|r| r.decided_by.as_ref());
        let org = decision
            .and_then(|d| d.assessed_by.as_ref())
            .or_else(|| m.command.as_ref().and_then(|c| c.office.as_ref()))
            .unwrap_or(&m.owner)
            .as_str();
        let posts: Vec<&str> = decision
            .map(|d| d.posts.iter().map(|p| p.as_str()).collect())
            .unwrap_or_default();
        let hq = m
            .command
            .as_ref()
            .map_or(m.title.value.as_str(), |c| c.hq.value.as_str());
        let readings = readings_zh(self.lookup, stage);
        self.push(Inject {
            id: String::new(),
            minutes: at(stage),
            kind: InjectKind::Escalation,
            from: "导调组（模拟监测站和事发地报告）".to_owned(),
            to_org: Some(org),
            to_posts: posts,
            to_text: None,
            method: self.method(),
            text: format!("{}{readings}", stage.text.value),
            expected: Some(Expected {
                what: format!(
                    "研判达到“{}”，报{hq}启动{}应急响应",
                    criterion.text.value,
                    to.zh()
                ),
                due: Due::Immediately,
                plan: m.id.as_str(),
                source: Source::Activation(to),
                duty: None,
                loc: plan.loc(criterion.text.span),
            }),
            objective: None,
            controller: None,
            chases: None,
        });
    }

    /// A contingency inject for every critical expected action: one an objective tests, or an
    /// escalation. It is sent when the action has not happened by its deadline (15 minutes for
    /// one due at once, an hour for one the plan gives no time).
    fn contingencies(&mut self) {
        let mut extra = Vec::new();
        for inject in &self.out {
            let Some(e) = &inject.expected else {
                continue;
            };
            if inject.objective.is_none() && inject.kind != InjectKind::Escalation {
                continue;
            }
            let limit = match e.due {
                Due::Immediately => 15,
                Due::Within(d) => d.minutes,
                Due::AsNeeded | Due::Unstated => 60,
            };
            let who = inject.to_org.map_or_else(
                || {
                    inject
                        .to_posts
                        .iter()
                        .map(|p| self.lookup.post_title(p))
                        .collect()
                },
                |o| self.lookup.org_name(o).to_owned(),
            );
            let due = match e.due {
                Due::Within(d) => d.within_zh(),
                _ => "规定时间内".to_owned(),
            };
            extra.push(Inject {
                id: String::new(),
                minutes: inject.minutes + limit,
                kind: InjectKind::Contingency,
                from: format!("导调组（模拟{}）", sender(self.lookup, e.plan)),
                to_org: inject.to_org,
                to_posts: inject.to_posts.clone(),
                to_text: inject.to_text.clone(),
                method: "电话",
                text: format!("{due}未收到{who}的处置情况报告，上级电话督办：请立即报告进展"),
                expected: Some(Expected {
                    due: Due::Immediately,
                    ..e.clone()
                }),
                objective: inject.objective,
                controller: None,
                chases: None,
            });
        }
        self.out.extend(extra);
    }
}

/// A level or warning stage of a plan, in Chinese: Ⅲ级应急响应, 黄色预警, or its name.
pub fn stage_zh(name: &str) -> String {
    use crate::model::WarningLevel;
    let (levels, warnings) = (ResponseLevel::ALL, WarningLevel::ALL);
    if let Some(level) = levels.iter().find(|l| l.key() == name) {
        return format!("{}应急响应", level.zh());
    }
    if let Some(warning) = warnings.iter().find(|w| w.key() == name) {
        return warning.zh().to_owned();
    }
    if name.is_empty() {
        return "应急响应".to_owned();
    }
    name.to_owned()
}

/// A place as people say it: a village's committee (清江村村民委员会) by the village's name.
pub fn place_name(name: &str) -> &str {
    name.strip_suffix("村民委员会")
        .map(|n| &name[..n.len() + "村".len()])
        .or_else(|| name.strip_suffix("居民委员会"))
        .unwrap_or(name)
}

/// The body a plan's notices come from: its HQ, else its owner.
fn sender<'a>(lookup: &Index<'a>, plan: &'a str) -> String {
    match lookup.plans.get(plan) {
        Some(p) => match &p.meta.command {
            Some(c) => c.hq.value.clone(),
            None => lookup.org_name(p.meta.owner.as_str()).to_owned(),
        },
        None => plan.to_owned(),
    }
}

/// The readings of a stage in Chinese: （24小时降雨量 120mm；死亡人数 1人）.
fn readings_zh(lookup: &Index<'_>, stage: &Stage) -> String {
    if stage.readings.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = stage
        .readings
        .iter()
        .map(|r| {
            let (name, unit) = lookup
                .metrics
                .get(r.metric.as_str())
                .map(|found| found.value)
                .map_or((r.metric.as_str(), ""), |m| {
                    (m.name.value.as_str(), m.unit.value.as_str())
                });
            format!("{name}{}{unit}", number_zh(r.value.value))
        })
        .collect();
    format!("（{}）", parts.join("；"))
}

/// A number as a person writes it: 120, 2.5.
pub fn number_zh(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

/// Numbers the injects in order, and points each contingency inject at the inject it chases:
/// the one that expects the same clause (each clause is expected once).
fn number(injects: &mut [Inject<'_>]) {
    let mut by_clause: HashMap<(FileId, u32), String> = HashMap::new();
    for (n, inject) in injects.iter_mut().enumerate() {
        inject.id = format!("M{:03}", n + 1);
        if inject.kind != InjectKind::Contingency
            && let Some(e) = &inject.expected
        {
            by_clause.insert((e.loc.file, e.loc.span.start), inject.id.clone());
        }
    }
    for inject in injects.iter_mut() {
        if inject.kind == InjectKind::Contingency
            && let Some(e) = &inject.expected
        {
            inject.chases = by_clause.get(&(e.loc.file, e.loc.span.start)).cloned();
        }
    }
}

/// The objective an expected action tests: the first whose duties or levels hold it.
fn objective_of<'a>(drill: &'a Drill, e: &Expected<'_>) -> Option<&'a str> {
    drill
        .objectives
        .iter()
        .find(|o| {
            let duty = o
                .duties
                .iter()
                .any(|d| d.plan.as_str() == e.plan && e.duty.is_some_and(|x| x == d.duty.as_str()));
            let level = o.levels.iter().any(|l| {
                l.plan.as_str() == e.plan
                    && match &e.source {
                        Source::Activation(to) => *to == l.level.value,
                        Source::Level(name) => name == l.level.value.key(),
                        Source::Duty(_) => false,
                    }
            });
            duty || level
        })
        .map(|o| o.id.as_str())
}

/// The controller of each inject: the controllers take the recipients in turn.
fn assign<'a>(drill: &'a Drill, injects: &mut [Inject<'a>]) {
    if drill.controllers.is_empty() {
        return;
    }
    let mut order: Vec<&str> = Vec::new();
    for inject in injects.iter() {
        if let Some(o) = inject.to_org
            && !order.contains(&o)
        {
            order.push(o);
        }
    }
    for inject in injects.iter_mut() {
        let turn = inject
            .to_org
            .and_then(|o| order.iter().position(|&x| x == o))
            .unwrap_or(0);
        inject.controller = Some(drill.controllers[turn % drill.controllers.len()].as_str());
    }
}
