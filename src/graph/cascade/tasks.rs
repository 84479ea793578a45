//! The tasks of the activated plans: who must do what by when, from each plan's stage and the
//! duties no action of it carries out.

use std::collections::{HashMap, HashSet};

use super::walk::Cascader;
use super::{Activated, Due, Task};
use crate::model::plan::Action;
use crate::model::{Deadline, Plan, Repository, Timing};

/// The stage an activated plan acts in: its level's actions, or its warning's.
pub(super) fn stage<'a>(a: &Activated<'a>) -> (Option<String>, &'a [Action]) {
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

fn due(within: Option<Deadline>, timing: Option<Timing>) -> Due {
    match (timing, within) {
        (Some(Timing::Immediately), _) => Due::Immediately,
        (_, Some(d)) => Due::Within(d),
        (Some(Timing::AsNeeded), None) => Due::AsNeeded,
        (None, None) => Due::Unstated,
    }
}

pub(super) fn tasks<'a>(
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
