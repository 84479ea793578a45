//! The resources the cascade calls, why, and how long each takes to arrive.

use std::collections::{BTreeMap, BTreeSet};

use super::tasks::stage;
use super::walk::Cascader;
use super::{Activated, Call, Called};
use crate::model::Repository;
use crate::model::index::Index;
use crate::model::registry::ResourceKind;
use crate::model::travel::Travel;

/// The resources called, most needed first (teams, equipment, warehouses, shelters), the
/// nearest first within each kind.
pub(super) fn resources<'a>(
    repo: &'a Repository,
    index: &Index<'a>,
    travel: &Travel<'a>,
    c: &Cascader<'_, 'a>,
    activated: &[Activated<'a>],
) -> Vec<Called<'a>> {
    let calls = calls(repo, index, c, activated);
    let mut out: Vec<Called<'a>> = calls
        .into_iter()
        .filter_map(|(id, calls)| {
            let resource = index.resource(id)?;
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

/// Why each resource is called, by its id: teams able to respond to the hazards, the shelters
/// and warehouses of the event's township, and what the activated plans name.
fn calls<'a>(
    repo: &'a Repository,
    index: &Index<'a>,
    c: &Cascader<'_, 'a>,
    activated: &[Activated<'a>],
) -> BTreeMap<&'a str, BTreeSet<Call<'a>>> {
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
            let Some(r) = index.resource(id.as_str()) else {
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
    calls
}
