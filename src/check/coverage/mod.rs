//! C: coverage. What the regulations and the district's own targets ask of the plan system as
//! a whole: every hazard has its specialised plan, every township plan covers the hazards at its
//! hazard points, every body on a command HQ has a plan, every township has the "six haves"
//! with teams of the size set, key earthquake-defence townships have a satellite phone, and
//! every large hazard point has its site plan.

pub mod hazard_point_without_site_plan;
pub mod hazard_without_specialised_plan;
pub mod member_without_plan;
pub mod no_satellite_phone;
pub mod six_haves;
pub mod team_too_small;
pub mod township_hazard_not_covered;

use crate::check::Context;
use crate::model::registry::{OrgKind, Organisation, Resource};
use crate::model::{Entry, Loc};

/// The townships and streets of the repository, in registry order: not external, not
/// dissolved.
pub fn townships<'a>(cx: &Context<'a>) -> impl Iterator<Item = &'a Entry<Organisation>> {
    cx.repo.registry.organisations.iter().filter(|o| {
        let o2 = &o.value;
        o2.kind.value == OrgKind::Township && !o2.external && o2.dissolved.is_none()
    })
}

/// Whether a resource belongs to `org`: kept by it, or lying in it.
pub fn belongs_to(resource: &Resource, org: &str) -> bool {
    resource.org.as_str() == org
        || resource.place.as_ref().is_some_and(|p| {
            p.township.as_str() == org || p.village.as_ref().is_some_and(|v| v.as_str() == org)
        })
}

/// Where an organisation is defined.
pub fn at(entry: &Entry<Organisation>) -> Loc {
    Context::loc(entry.file, entry.value.id.span)
}
