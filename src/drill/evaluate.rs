//! After the drill: a drill record and the exercise it was held on -> the summary report
//! (演练总结报告) with the seven parts of the 2009 drill guide, the objectives' ratings, the
//! timeliness of each recorded action against the plan's deadline, and the improvement plan.

use serde_json::{Value, json};

use super::pack::{TemplateError, due_zh, render, scenario_time, templates, tera_context};
use super::{Exercise, InjectKind};
use crate::graph::cascade::Due;
use crate::model::Repository;
use crate::model::drill::{Drill, DrillRecord};
use crate::model::index::Index;

/// How long an action due at once may take and still be on time, in minutes.
pub const AT_ONCE_MINUTES: u32 = 15;

/// The limit an action is judged against, in minutes after its inject: `None` when the plan
/// sets none.
pub fn limit(due: Due) -> Option<u32> {
    match due {
        Due::Immediately => Some(AT_ONCE_MINUTES),
        Due::Within(d) => Some(d.minutes),
        Due::AsNeeded | Due::Unstated => None,
    }
}

/// The summary report, as Markdown from `templates/drill/report.md`.
pub fn report(
    repo: &Repository,
    index: &Index<'_>,
    exercise: &Exercise<'_>,
    record: &DrillRecord,
) -> Result<String, TemplateError> {
    let tera = templates(&repo.root)?;
    let cx = tera_context(context(index, exercise, record))?;
    render(&tera, "report.md", &cx)
}

/// Everything `templates/drill/report.md` reads.
fn context(index: &Index<'_>, exercise: &Exercise<'_>, record: &DrillRecord) -> Value {
    let d = exercise.drill;
    let s = &d.scenario;
    let actions = action_values(index, exercise, record);
    let objectives = objective_values(d, record);
    let findings = finding_values(index, record);
    let units = exercise.participants(index);
    json!({
        "drill": {
            "id": d.id.as_str(),
            "title": d.title.value,
            "organiser": index.org_name(d.organiser.as_str()),
            "form": d.form.value.zh(),
            "content": d.content.value.zh(),
            "purpose": d.purpose.value.zh(),
        },
        "held": {
            "date": record.date.value.zh(),
            "start": record.start.value.to_string(),
            "end": record.end.as_ref().map(|e| e.value.to_string()),
            "place": record.place.value,
            "people": record.people.as_ref().map(|p| p.value),
        },
        "scenario": {
            "hazard": index.hazard_name(s.hazard.as_str()),
            "place": super::place_name(exercise.cascade.place.name),
            "level": s.level.value.zh(),
            "final_level": exercise.final_level.zh(),
            "state": s.state.value,
        },
        "units": units,
        "injects": exercise.injects.len(),
        "escalations": exercise.count(InjectKind::Escalation),
        "objectives": objectives,
        "actions": actions,
        "findings": findings,
        "lessons": record.lessons.iter().map(|l| l.value.as_str()).collect::<Vec<_>>(),
    })
}

/// The recorded actions, each with its inject, what the plans expect and whether it came in
/// time.
fn action_values(index: &Index<'_>, exercise: &Exercise<'_>, record: &DrillRecord) -> Vec<Value> {
    record
        .actions
        .iter()
        .map(|a| {
            let inject = exercise.injects.iter().find(|i| i.id == a.inject.as_str());
            let expected = inject.and_then(|i| i.expected.as_ref());
            let taken = match (inject, &a.done_at) {
                (Some(i), Some(at)) => Some(at.value.minutes.saturating_sub(i.minutes)),
                _ => None,
            };
            let limit = expected.and_then(|e| limit(e.due));
            let timely = match (taken, limit, &a.done_at) {
                (Some(t), Some(l), _) => Some(if t <= l { "及时" } else { "超时" }),
                (_, _, None) => Some("未完成"),
                _ => None,
            };
            json!({
                "inject": a.inject.as_str(),
                "to": inject.map(|i| super::pack::recipient(index, i)),
                "expected": expected.map(|e| e.what.clone()),
                "due": expected.map(|e| due_zh(e.due)),
                "plan": expected.map(|e| index.plan_title(e.plan)),
                "sent": inject.map(|i| scenario_time(i.minutes)),
                "done": a.done_at.as_ref().map(|t| scenario_time(t.value.minutes)),
                "taken": taken.map(|t| format!("{t}分钟")),
                "timely": timely,
                "rating": a.rating.as_ref().map(|r| r.value.zh()),
                "grade": a.rating.as_ref().map(|r| r.value.key()),
                "note": a.note.as_ref().map(|n| n.value.as_str()),
            })
        })
        .collect()
}

/// The drill's objectives, each with the rating the record gives it.
fn objective_values(d: &Drill, record: &DrillRecord) -> Vec<Value> {
    d.objectives
        .iter()
        .map(|o| {
            let rated = record
                .objectives
                .iter()
                .find(|r| r.id.as_str() == o.id.as_str());
            json!({
                "id": o.id.as_str(),
                "text": o.text.value,
                "rating": rated.map(|r| r.rating.value.zh()),
                "note": rated.and_then(|r| r.note.as_ref()).map(|n| n.value.as_str()),
            })
        })
        .collect()
}

/// The record's findings, each with its improvement action and the clause it changes.
fn finding_values(index: &Index<'_>, record: &DrillRecord) -> Vec<Value> {
    record
        .findings
        .iter()
        .map(|f| {
            let a = &f.action;
            let plan = a.plan.as_str();
            let clause = match (&a.duty, &a.chapter) {
                (Some(duty), _) => format!("职责 {}", duty.as_str()),
                (None, Some(chapter)) => format!("“{}”一章", chapter.value),
                (None, None) => String::new(),
            };
            json!({
                "id": f.id.as_str(),
                "text": f.text.value,
                "cause": f.cause.as_ref().map(|c| c.value.as_str()),
                "objective": f.objective.as_ref().map(|o| o.as_str()),
                "action": a.text.value,
                "owner": index.org_name(a.owner.as_str()),
                "due": a.due.value.zh(),
                "plan": plan,
                "plan_title": index.plan_title(plan),
                "clause": clause,
                "closed": a.closed.as_ref().map(|c| c.value.zh()),
            })
        })
        .collect()
}
