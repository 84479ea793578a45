//! The HQs the cascade convenes, who commands each, and the posts that command a plan.

use super::{Activated, Headquarters};
use crate::model::index::Index;

pub(super) fn headquarters<'a>(
    index: &Index<'a>,
    activated: &[Activated<'a>],
) -> Vec<Headquarters<'a>> {
    let mut out = Vec::new();
    for a in activated {
        let m = &a.plan.meta;
        let Some(command) = &m.command else {
            continue;
        };
        let level = a
            .level
            .and_then(|l| m.response.iter().find(|r| r.level.value == l));
        let commander = level
            .and_then(|r| r.commander.as_ref())
            .or(command.commander.as_ref())
            .map(|p| p.as_str());
        let post = commander.and_then(|p| index.post(p));
        let holder = post
            .and_then(|p| p.holder.as_ref())
            .map(|c| index.person(c.as_str()));
        let deputy = post
            .and_then(|p| p.deputy.as_ref())
            .map(|c| index.person(c.as_str()));
        out.push(Headquarters {
            plan: m.id.as_str(),
            name: command.hq.value.as_str(),
            level: a.level,
            commander,
            holder,
            deputy,
        });
    }
    out
}

/// The posts that command an activated plan at its level: the HQ's leading seats
/// ([`crate::model::plan::Seat::leads`]) and the level's own commander.
pub fn commanding_posts<'a>(a: &Activated<'a>) -> Vec<&'a str> {
    let m = &a.plan.meta;
    let mut out: Vec<&'a str> = Vec::new();
    for (seat, post) in m.command.iter().flat_map(|c| c.posts()) {
        if seat.leads() {
            out.push(post.as_str());
        }
    }
    if let Some(level) = a.level
        && let Some(r) = m.response.iter().find(|r| r.level.value == level)
    {
        out.extend(r.commander.iter().map(|p| p.as_str()));
    }
    out
}
