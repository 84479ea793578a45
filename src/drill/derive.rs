//! The exercise derived from the drill's scenario: the activation cascade at the start, the
//! stages that escalate or bring secondary hazards, then the injects numbered, tied to the
//! objectives they test and given to the controllers.

use std::collections::{HashMap, HashSet};

use crate::graph::cascade::{self, Cascade, Scenario};
use crate::model::drill::{Drill, Stage};
use crate::model::index::Index;
use crate::model::plan::Criterion;
use crate::model::travel::Travel;
use crate::model::{FileId, Loc, Repository, ResponseLevel};

use super::injects::Deriver;
use super::{Exercise, Expected, Inject, InjectKind, Source, Unknown, msel};

/// Scenario time in minutes after T+0 of a time limit or a stage.
pub(super) fn at(stage: &Stage) -> u32 {
    stage.at.value.minutes
}

/// The injects of `drill` (defined in `file`; drawn with `seed` for a double-blind drill).
pub fn derive_drill<'a>(
    repo: &'a Repository,
    index: &Index<'a>,
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
            index,
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
    let (injects, final_level) = if drill.msel.is_empty() {
        derived(index, drill, &first, &stages, &run)
    } else {
        // An organiser's edited MSEL stands as it was imported; the stages still say how far
        // the response goes.
        let mut level = s.level.value;
        for stage in stages {
            if let Some((to, _, _)) = escalation(&first, stage, level, s.hazard.as_str()) {
                level = to;
            }
        }
        (msel::injects(index, drill, file), level)
    };
    Ok(Exercise {
        drill,
        seed,
        cascade: first,
        final_level,
        injects,
    })
}

/// The injects of the cascade at the start (`first`) and of the stages in time order, sorted,
/// numbered and given to the controllers; and the level the stages reach. `run` is the cascade
/// of a hazard at a level.
fn derived<'a>(
    index: &Index<'a>,
    drill: &'a Drill,
    first: &Cascade<'a>,
    stages: &[&'a Stage],
    run: &dyn Fn(&str, ResponseLevel) -> Result<Cascade<'a>, cascade::Unknown<'a>>,
) -> (Vec<Inject<'a>>, ResponseLevel) {
    let s = &drill.scenario;
    let mut d = Deriver {
        index,
        drill,
        participants: drill.participants.iter().map(|p| p.as_str()).collect(),
        seen: HashSet::new(),
        out: Vec::new(),
    };
    d.report(first);
    d.tasks(first, 0, InjectKind::Activation);

    let mut level = s.level.value;
    for &stage in stages {
        let minutes = at(stage);
        // A stage that escalates is told in its escalation inject; any other, after T+0, as a
        // situation update.
        match escalation(first, stage, level, s.hazard.as_str()) {
            Some((to, criterion, plan)) => {
                d.escalate(stage, plan, to, criterion);
                level = to;
                if let Ok(next) = run(s.hazard.as_str(), level) {
                    d.tasks(&next, minutes, InjectKind::Activation);
                }
            }
            None if minutes > 0 => d.situation(first, stage),
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
    (injects, level)
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
pub(super) fn objective_of<'a>(drill: &'a Drill, e: &Expected<'_>) -> Option<&'a str> {
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
