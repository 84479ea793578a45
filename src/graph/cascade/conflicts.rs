//! What the cascade shows to be wrong: one person in two organisations' HQs, an action no plan
//! of its organisation accepts, an activated level with no commander.

use std::collections::{BTreeMap, HashSet};

use super::headquarters::commanding_posts;
use super::{Activated, Conflict, Headquarters, Task};
use crate::model::index::Index;
use crate::model::{PlanKind, Repository};

/// The conflicts, in this order: people in two HQs, actions not accepted, levels with no
/// commander.
pub(super) fn conflicts<'a>(
    repo: &'a Repository,
    index: &Index<'a>,
    activated: &[Activated<'a>],
    headquarters: &[Headquarters<'a>],
    tasks: &[Task<'a>],
) -> Vec<Conflict<'a>> {
    let mut out = two_headquarters(index, activated);
    out.extend(not_accepted(repo, index, tasks));
    for hq in headquarters {
        if hq.commander.is_none()
            && let Some(level) = hq.level
        {
            out.push(Conflict::NoCommander(hq.plan, level));
        }
    }
    out
}

/// People on the command posts of two HQs. The overall plan's committee is the body over every
/// HQ: sitting on it and on one HQ is the design, not a conflict.
fn two_headquarters<'a>(index: &Index<'a>, activated: &[Activated<'a>]) -> Vec<Conflict<'a>> {
    let mut out = Vec::new();
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
            let Some(p) = index.post(post) else {
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
            .filter_map(|(plan, _)| index.plans.get(plan))
            .map(|p| p.meta.owner.as_str())
            .collect();
        owners.sort_unstable();
        owners.dedup();
        if owners.len() > 1 {
            out.push(Conflict::TwoHeadquarters(contact, list));
        }
    }
    out
}

/// Actions for an organisation that no plan of it accepts.
fn not_accepted<'a>(
    repo: &'a Repository,
    index: &Index<'a>,
    tasks: &[Task<'a>],
) -> Vec<Conflict<'a>> {
    let mut out = Vec::new();
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
        let Some(plan) = index.plans.get(t.plan) else {
            continue;
        };
        let external = index.org(org).is_none_or(|o| o.external);
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
    out
}
