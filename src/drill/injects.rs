//! The injects of each stage: one per task of a participating organisation, the reports and
//! situation updates, escalations, and a contingency for every critical expected action.

use std::collections::{HashMap, HashSet};

use crate::graph::cascade::{Cascade, Due, Task};
use crate::model::drill::{Drill, Stage};
use crate::model::index::Index;
use crate::model::plan::Criterion;
use crate::model::{FileId, ResponseLevel};

use super::derive::{at, objective_of};
use super::text::{readings_zh, sender, stage_zh};
use super::{Expected, Inject, InjectKind, Source};

pub(super) struct Deriver<'d, 'a> {
    pub(super) index: &'d Index<'a>,
    pub(super) drill: &'a Drill,
    pub(super) participants: HashSet<&'a str>,
    /// Tasks already given, by their clause: a task due at a level and again at the next is
    /// one inject.
    pub(super) seen: HashSet<(FileId, u32)>,
    pub(super) out: Vec<Inject<'a>>,
}

impl<'a> Deriver<'_, 'a> {
    fn takes_part(&self, org: Option<&str>, posts: &[&str]) -> bool {
        if self.participants.is_empty() {
            return true;
        }
        let post_orgs = posts
            .iter()
            .filter_map(|p| self.index.post(p).map(|p| p.org.as_str()));
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
    pub(super) fn report(&mut self, c: &Cascade<'a>) {
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
    pub(super) fn tasks(&mut self, c: &Cascade<'a>, minutes: u32, kind: InjectKind) {
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
        let l = self.index;
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
    pub(super) fn situation(&mut self, c: &Cascade<'a>, stage: &Stage) {
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
        let readings = readings_zh(self.index, stage);
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
    pub(super) fn escalate(
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
        let readings = readings_zh(self.index, stage);
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
    pub(super) fn contingencies(&mut self) {
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
                        .map(|p| self.index.post_title(p))
                        .collect()
                },
                |o| self.index.org_name(o).to_owned(),
            );
            let due = match e.due {
                Due::Within(d) => d.within_zh(),
                _ => "规定时间内".to_owned(),
            };
            extra.push(Inject {
                id: String::new(),
                minutes: inject.minutes + limit,
                kind: InjectKind::Contingency,
                from: format!("导调组（模拟{}）", sender(self.index, e.plan)),
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
