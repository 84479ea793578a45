//! Every id the repository defines and every id it uses, each walked in one place: the reference
//! rules and the id rules (S205, S206) read these walks instead of walking the model themselves.

use crate::foundation::i18n::Lang;

use super::plan::{EVENT_TOWNSHIP, PlanMeta};
use super::{FileId, Id, Loc, Registry, Repository};

/// What kind of thing an id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IdKind {
    Plan,
    Organisation,
    Hazard,
    Metric,
    Resource,
    Post,
    Contact,
    /// A duty, unique within its plan.
    Duty,
    /// A working group, unique within its plan.
    Group,
    /// A season, unique within its plan.
    Season,
    /// A danger zone of an evacuation, unique within its plan.
    Zone,
    /// A plan kept outside the repository.
    ExternalPlan,
}

impl IdKind {
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            IdKind::Plan => lang.pick("plan", "预案"),
            IdKind::Organisation => lang.pick("organisation", "组织机构"),
            IdKind::Hazard => lang.pick("hazard", "灾种"),
            IdKind::Metric => lang.pick("metric", "指标"),
            IdKind::Resource => lang.pick("resource", "应急资源"),
            IdKind::Post => lang.pick("post", "岗位"),
            IdKind::Contact => lang.pick("contact", "联系人"),
            IdKind::Duty => lang.pick("duty", "职责"),
            IdKind::Group => lang.pick("working group", "工作组"),
            IdKind::Season => lang.pick("season", "时段"),
            IdKind::Zone => lang.pick("danger zone", "危险区"),
            IdKind::ExternalPlan => lang.pick("external plan", "外部预案"),
        }
    }
}

/// One definition of an id: what it names, the id token, its file, and the plan it is scoped to
/// (for duties and groups).
pub struct Definition<'a> {
    pub kind: IdKind,
    pub id: &'a super::Id,
    pub file: FileId,
    pub scope: Option<&'a str>,
}

/// Calls `visit` with every id defined in the repository, in file order, without collecting
/// them (a province defines about half a million).
pub fn for_each_definition<'a>(repo: &'a Repository, mut visit: impl FnMut(Definition<'a>)) {
    let r = &repo.registry;
    let mut add = |kind, id, file, scope| {
        visit(Definition {
            kind,
            id,
            file,
            scope,
        })
    };
    for plan in &repo.plans {
        add(IdKind::Plan, &plan.meta.id, plan.file, None);
        let scope = Some(plan.meta.id.as_str());
        for duty in &plan.meta.duties {
            add(IdKind::Duty, &duty.id, plan.file, scope);
        }
        for group in plan.meta.command.iter().flat_map(|c| &c.groups) {
            add(IdKind::Group, &group.id, plan.file, scope);
        }
        for season in &plan.meta.seasons {
            add(IdKind::Season, &season.id, plan.file, scope);
        }
        for zone in plan.meta.evacuation.iter().flat_map(|e| &e.zones) {
            add(IdKind::Zone, &zone.id, plan.file, scope);
        }
    }
    for e in &r.organisations {
        add(IdKind::Organisation, &e.value.id, e.file, None);
    }
    for e in &r.hazards {
        add(IdKind::Hazard, &e.value.id, e.file, None);
    }
    for e in &r.metrics {
        add(IdKind::Metric, &e.value.id, e.file, None);
    }
    for e in &r.resources {
        add(IdKind::Resource, &e.value.id, e.file, None);
    }
    for e in &r.posts {
        add(IdKind::Post, &e.value.id, e.file, None);
    }
    for e in &r.contacts {
        add(IdKind::Contact, &e.value.id, e.file, None);
    }
    for e in &r.external_plans {
        add(IdKind::ExternalPlan, &e.value.id, e.file, None);
    }
}

/// One use of an id.
pub struct Reference<'a> {
    pub kind: IdKind,
    pub id: &'a Id,
    pub file: FileId,
    /// For duties: the plan the duty belongs to.
    pub scope: Option<&'a str>,
}

impl Reference<'_> {
    pub fn loc(&self) -> Loc {
        Loc {
            file: self.file,
            span: self.id.span,
        }
    }
}

/// Calls `visit` with every reference of `kind`, in file order, without collecting them: a
/// province has about a million references.
/// Calls `visit` with every reference of `kind`, in file order, without collecting them: a
/// province has about a million references.
pub fn for_each_reference<'a>(
    repo: &'a Repository,
    kind: IdKind,
    mut visit: impl FnMut(Reference<'a>),
) {
    let mut add = |k: IdKind, id, file, scope| {
        if k == kind {
            visit(Reference {
                kind: k,
                id,
                file,
                scope,
            });
        }
    };
    let wants = Parts::holding(kind);
    for plan in &repo.plans {
        let (m, f) = (&plan.meta, plan.file);
        plan_head(m, f, wants, &mut add);
        plan_duties(m, f, wants, &mut add);
        plan_actions(m, f, wants, &mut add);
        plan_tail(m, f, wants, &mut add);
    }
    registry_references(&repo.registry, &mut add);
}

/// The parts of a plan that can hold ids of one kind: only those are walked, since each
/// reference rule walks the whole repository and most parts hold two or three kinds.
#[derive(Clone, Copy)]
struct Parts {
    command: bool,
    duties: bool,
    accepts: bool,
    criteria: bool,
    actions: bool,
    evacuation: bool,
}

impl Parts {
    fn holding(kind: IdKind) -> Parts {
        use IdKind::*;
        let wants = |kinds: &[IdKind]| kinds.contains(&kind);
        Parts {
            command: wants(&[Post, Organisation]),
            duties: wants(&[Organisation, Post]),
            accepts: wants(&[Plan, Duty]),
            criteria: wants(&[Metric, Hazard, Organisation, Season]),
            actions: wants(&[Organisation, Post, Duty, Resource]),
            evacuation: wants(&[Post, Hazard, Resource, Organisation, Contact]),
        }
    }
}

/// A plan's owner, jurisdiction, parents, hazards, issuer and command HQ.
fn plan_head<'a>(
    m: &'a PlanMeta,
    f: FileId,
    wants: Parts,
    add: &mut impl FnMut(IdKind, &'a Id, FileId, Option<&'a str>),
) {
    use IdKind::*;
    add(Organisation, &m.owner, f, None);
    if let Some(id) = &m.jurisdiction {
        add(Organisation, id, f, None);
    }
    for id in &m.parents {
        add(Plan, id, f, None);
    }
    for id in &m.hazards {
        add(Hazard, id, f, None);
    }
    if let Some(d) = &m.document
        && let Some(id) = &d.issued_by
    {
        add(Organisation, id, f, None);
    }
    if wants.command
        && let Some(c) = &m.command
    {
        for (_, id) in c.posts() {
            add(Post, id, f, None);
        }
        for id in c.office.iter().chain(&c.members) {
            add(Organisation, id, f, None);
        }
        let field_lead = c.field.iter().flat_map(|field| &field.led_by);
        for id in field_lead.filter(|id| id.as_str() != EVENT_TOWNSHIP) {
            add(Organisation, id, f, None);
        }
        for g in &c.groups {
            for id in g.lead.iter().chain(&g.members) {
                add(Organisation, id, f, None);
            }
        }
    }
}

/// A plan's duties, acceptances and the criteria of its levels.
fn plan_duties<'a>(
    m: &'a PlanMeta,
    f: FileId,
    wants: Parts,
    add: &mut impl FnMut(IdKind, &'a Id, FileId, Option<&'a str>),
) {
    use IdKind::*;
    let own = Some(m.id.as_str());
    for d in m.duties.iter().filter(|_| wants.duties) {
        add(Organisation, &d.org, f, None);
        if let Some(id) = &d.post {
            add(Post, id, f, None);
        }
    }
    for a in m.accepts.iter().filter(|_| wants.accepts) {
        add(Plan, &a.plan, f, None);
        add(Duty, &a.duty, f, Some(a.plan.as_str()));
        if let Some(id) = &a.as_duty {
            add(Duty, id, f, own);
        }
    }
    for c in m.criteria().filter(|_| wants.criteria) {
        if let Some(id) = &c.metric {
            add(Metric, id, f, None);
        }
        if let Some(id) = &c.hazard {
            add(Hazard, id, f, None);
        }
        if let Some(id) = &c.ordered_by {
            add(Organisation, id, f, None);
        }
        for id in c.during.iter().chain(&c.outside) {
            add(Season, id, f, own);
        }
    }
}

/// The actions of a plan's levels, and who commands and decides each level.
fn plan_actions<'a>(
    m: &'a PlanMeta,
    f: FileId,
    wants: Parts,
    add: &mut impl FnMut(IdKind, &'a Id, FileId, Option<&'a str>),
) {
    use IdKind::*;
    let own = Some(m.id.as_str());
    for a in m.actions().filter(|_| wants.actions) {
        for id in a
            .org
            .iter()
            .chain(a.request_to.as_deref())
            .chain(a.report_to.as_deref())
        {
            add(Organisation, id, f, None);
        }
        for id in a.post.as_deref().into_iter().chain(&a.posts) {
            add(Post, id, f, None);
        }
        if let Some(id) = &a.duty {
            add(Duty, id, f, own);
        }
        for id in a.dispatch.iter().chain(&a.alert) {
            add(Resource, id, f, None);
        }
    }
    for r in m.response.iter().filter(|_| wants.command) {
        if let Some(id) = &r.commander {
            add(Post, id, f, None);
        }
        if let Some(d) = &r.decided_by {
            if let Some(id) = &d.assessed_by {
                add(Organisation, id, f, None);
            }
            for id in &d.posts {
                add(Post, id, f, None);
            }
        }
    }
}

/// A plan's evacuation, resources, neighbours and lifecycle.
fn plan_tail<'a>(
    m: &'a PlanMeta,
    f: FileId,
    wants: Parts,
    add: &mut impl FnMut(IdKind, &'a Id, FileId, Option<&'a str>),
) {
    use IdKind::*;
    if wants.evacuation
        && let Some(e) = &m.evacuation
    {
        for id in &e.ordered_by {
            add(Post, id, f, None);
        }
        for z in &e.zones {
            if let Some(id) = &z.hazard {
                add(Hazard, id, f, None);
            }
            let shelters = z.destinations.iter().flat_map(|d| &d.shelters);
            for id in z.points.iter().chain(shelters) {
                add(Resource, id, f, None);
            }
            for c in &z.in_charge {
                add(Organisation, &c.village, f, None);
                add(Contact, &c.contact, f, None);
            }
        }
    }
    for id in &m.resources {
        add(Resource, id, f, None);
    }
    for id in &m.neighbours {
        add(Organisation, id, f, None);
    }
    if let Some(l) = &m.lifecycle {
        if let Some(id) = &l.approved_by {
            add(Organisation, id, f, None);
        }
        if let Some(filing) = &l.filed {
            add(Organisation, &filing.with, f, None);
        }
    }
}

/// The registry's references: parents and successors, hazard chains, where resources, posts
/// and contacts belong, routes and external plans' issuers.
fn registry_references<'a>(
    r: &'a Registry,
    add: &mut impl FnMut(IdKind, &'a Id, FileId, Option<&'a str>),
) {
    use IdKind::*;
    for e in &r.organisations {
        if let Some(id) = &e.value.parent {
            add(Organisation, id, e.file, None);
        }
        for id in e.value.dissolved.iter().flat_map(|d| &d.successor) {
            add(Organisation, id, e.file, None);
        }
        for id in &e.value.borders {
            add(Organisation, id, e.file, None);
        }
    }
    for e in &r.hazards {
        for id in &e.value.triggers {
            add(Hazard, id, e.file, None);
        }
        for id in &e.value.metrics {
            add(Metric, id, e.file, None);
        }
    }
    for e in &r.resources {
        let v = &e.value;
        add(Organisation, &v.org, e.file, None);
        if let Some(p) = &v.place {
            add(Organisation, &p.township, e.file, None);
            if let Some(id) = &p.village {
                add(Organisation, id, e.file, None);
            }
        }
        for id in &v.capabilities {
            add(Hazard, id, e.file, None);
        }
        if let Some(id) = &v.hazard {
            add(Hazard, id, e.file, None);
        }
        if let Some(id) = &v.contact {
            add(Contact, id, e.file, None);
        }
    }
    for e in &r.posts {
        add(Organisation, &e.value.org, e.file, None);
        for id in e.value.holder.iter().chain(&e.value.deputy) {
            add(Contact, id, e.file, None);
        }
    }
    for e in &r.contacts {
        if let Some(id) = &e.value.org {
            add(Organisation, id, e.file, None);
        }
    }
    for e in &r.travel {
        for route in &e.value.routes {
            add(Organisation, &route.from, e.file, None);
            add(Organisation, &route.to, e.file, None);
        }
    }
    for e in &r.external_plans {
        if let Some(id) = &e.value.issuer {
            add(Organisation, id, e.file, None);
        }
    }
}
