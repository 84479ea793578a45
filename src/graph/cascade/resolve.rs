//! Resolving the scenario: the place an id names, the hazards the primary one triggers, and the
//! governments above the event's township.

use std::collections::{HashSet, VecDeque};

use super::{EventPlace, PlaceKind, Secondary};
use crate::model::index::Index;
use crate::model::registry::{OrgKind, ResourceKind};
use crate::model::travel::{Spot, Travel};

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

/// The hazards the primary one triggers, breadth first, each with the hazard that triggers it.
pub(super) fn chain_of<'a>(index: &Index<'a>, hazard: &'a str) -> Vec<Secondary<'a>> {
    let mut seen: HashSet<&str> = HashSet::from([hazard]);
    let mut queue = VecDeque::from([hazard]);
    let mut out = Vec::new();
    while let Some(h) = queue.pop_front() {
        for next in index.hazard(h).map_or(&[][..], |h| &h.triggers) {
            if let Some(known) = index.hazard(next.as_str()).map(|h| h.id.as_str())
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
pub(super) fn ancestors<'a>(index: &Index<'a>, township: &'a str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut at = index.parent(township);
    while let Some(org) = at {
        if out.contains(&org) {
            break;
        }
        out.push(org);
        at = index.parent(org);
    }
    out
}
