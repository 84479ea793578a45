//! The repository indexed by id, built once after loading and read by every later stage: the
//! check's rules, the response cascade and impact, the handbooks, cards and drill packs.

use super::plan::{Action, Duty, EVENT_TOWNSHIP};
use super::registry::{
    Contact, ExternalPlan, Hazard, Metric, OrgKind, Organisation, Post, Resource,
};
use super::{Entry, FileId, Plan, PlanKind, PlanScope, Repository};
use crate::foundation::fast_map::{FastMap, sized};
use crate::foundation::suggest::suggest;

/// A registry entry found by id: the entry and its file.
pub struct Found<'a, T> {
    pub file: FileId,
    pub value: &'a T,
}

impl<T> Clone for Found<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Found<'_, T> {}

/// A table of things by id; the first definition wins (later ones are duplicate-id findings).
pub struct Table<'a, T> {
    by_id: FastMap<&'a str, Found<'a, T>>,
}

impl<'a, T> Table<'a, T> {
    fn new(entries: &'a [Entry<T>], id: impl Fn(&'a T) -> &'a str) -> Self {
        let mut by_id = sized(entries.len());
        for entry in entries {
            by_id.entry(id(&entry.value)).or_insert(Found {
                file: entry.file,
                value: &entry.value,
            });
        }
        Table { by_id }
    }

    pub fn get(&self, id: &str) -> Option<Found<'a, T>> {
        self.by_id.get(id).copied()
    }

    pub fn ids(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.by_id.keys().copied()
    }

    /// Every entry, in no particular order.
    pub fn values(&self) -> impl Iterator<Item = &'a T> + '_ {
        self.by_id.values().map(|found| found.value)
    }
}

/// A person on a post: the contact id, the name, and the number to call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Person<'a> {
    pub contact: &'a str,
    pub name: &'a str,
    pub phone: Option<&'a str>,
}

/// Where a duty is assigned: its plan and the duty.
#[derive(Clone, Copy)]
pub struct DutyRef<'a> {
    pub plan: &'a Plan,
    pub duty: &'a Duty,
}

/// The repository indexed by id.
pub struct Index<'a> {
    pub repo: &'a Repository,
    pub plans: FastMap<&'a str, &'a Plan>,
    pub organisations: Table<'a, Organisation>,
    pub hazards: Table<'a, Hazard>,
    pub metrics: Table<'a, Metric>,
    pub resources: Table<'a, Resource>,
    pub posts: Table<'a, Post>,
    pub contacts: Table<'a, Contact>,
    /// Plans kept outside the repository, by id.
    pub external_plans: Table<'a, ExternalPlan>,
    /// Plans by owner organisation id. A plan whose owner is a near miss of a known id (reported
    /// by R102) is filed under that id, so one typo does not cascade into linkage findings.
    pub plans_by_owner: FastMap<&'a str, Vec<&'a Plan>>,
    /// The owner of each plan, by plan id, with near misses resolved as above.
    /// Each plan's owner (a near miss read as the organisation it misses), by the plan's
    /// address.
    owners: FastMap<usize, &'a str>,
    /// Duties by (plan id, duty id).
    pub duties: FastMap<(&'a str, &'a str), DutyRef<'a>>,
    /// Plans that accept a duty, by (assigning plan id, duty id).
    pub acceptances: FastMap<(&'a str, &'a str), Vec<&'a Plan>>,
}

impl<'a> Index<'a> {
    // The maps are built side by side in nested `rayon::join`s, which read best in one place.
    pub fn new(repo: &'a Repository) -> Self {
        let registry = &repo.registry;
        let organisations = Table::new(&registry.organisations, |o| o.id.as_str());
        // The maps are independent: build them side by side (a province has about a million
        // duties and as many acceptances).
        let ((plans, owners, plans_by_owner), ((duties, acceptances), tables)) = rayon::join(
            || {
                let mut plans = sized(repo.plans.len());
                let mut owners = sized(repo.plans.len());
                let mut plans_by_owner: FastMap<&str, Vec<&Plan>> = sized(repo.plans.len());
                for plan in &repo.plans {
                    let id = plan.meta.id.as_str();
                    plans.entry(id).or_insert(plan);
                    let written = plan.meta.owner.as_str();
                    let owner = if organisations.get(written).is_some() {
                        written
                    } else {
                        suggest(written, organisations.ids()).unwrap_or(written)
                    };
                    // By the plan itself, not its id: a second plan with a taken id keeps its
                    // own owner (S205 reports the id once).
                    owners.insert(std::ptr::from_ref(plan) as usize, owner);
                    plans_by_owner.entry(owner).or_default().push(plan);
                }
                (plans, owners, plans_by_owner)
            },
            || {
                rayon::join(
                    || {
                        rayon::join(
                            || {
                                let count = repo.plans.iter().map(|p| p.meta.duties.len()).sum();
                                let mut duties = sized(count);
                                for plan in &repo.plans {
                                    let id = plan.meta.id.as_str();
                                    for duty in &plan.meta.duties {
                                        duties
                                            .entry((id, duty.id.as_str()))
                                            .or_insert(DutyRef { plan, duty });
                                    }
                                }
                                duties
                            },
                            || {
                                let count = repo.plans.iter().map(|p| p.meta.accepts.len()).sum();
                                let mut acceptances: FastMap<(&str, &str), Vec<&Plan>> =
                                    sized(count);
                                for plan in &repo.plans {
                                    for accept in &plan.meta.accepts {
                                        acceptances
                                            .entry((accept.plan.as_str(), accept.duty.as_str()))
                                            .or_default()
                                            .push(plan);
                                    }
                                }
                                acceptances
                            },
                        )
                    },
                    || {
                        (
                            Table::new(&registry.hazards, |h| h.id.as_str()),
                            Table::new(&registry.metrics, |m| m.id.as_str()),
                            Table::new(&registry.resources, |r| r.id.as_str()),
                            Table::new(&registry.posts, |p| p.id.as_str()),
                            Table::new(&registry.contacts, |c| c.id.as_str()),
                        )
                    },
                )
            },
        );
        let (hazards, metrics, resources, posts, contacts) = tables;
        let external_plans = Table::new(&registry.external_plans, |p| p.id.as_str());
        Index {
            repo,
            plans,
            organisations,
            hazards,
            metrics,
            resources,
            posts,
            contacts,
            external_plans,
            plans_by_owner,
            owners,
            duties,
            acceptances,
        }
    }

    /// Whether a plan of this kind may be among the plans that could not be read, or read
    /// whole: a rule that reports the absence of such a plan (no specialised plan covers a
    /// hazard) then stays silent, since the unread part may hold it.
    pub fn may_lack(&self, kind: PlanKind) -> bool {
        let mut unread = self.repo.unread_plans.iter();
        unread.any(|p| p.kind.is_none_or(|k| k == kind))
            || self
                .repo
                .plans
                .iter()
                .any(|p| !p.complete && p.meta.kind.value == kind)
    }

    /// Whether every drill record could be read: one that could not may hold the drill a rule
    /// would report missing.
    pub fn records_complete(&self) -> bool {
        let read: std::collections::HashSet<FileId> =
            self.repo.records.iter().map(|r| r.file).collect();
        self.repo
            .sources
            .files
            .iter()
            .enumerate()
            .all(|(id, f)| !super::drill::is_record_name(&f.path) || read.contains(&id))
    }

    /// The organisations at and above `org`, nearest first (bounded, so a cycle of parents
    /// ends).
    pub fn lineage(&self, org: &'a str) -> Vec<&'a str> {
        let mut out = vec![org];
        let mut at = org;
        while out.len() < 32 {
            match self
                .organisations
                .get(at)
                .and_then(|o| o.value.parent.as_ref())
            {
                Some(parent) if !out.contains(&parent.as_str()) => {
                    at = parent.as_str();
                    out.push(at);
                }
                _ => break,
            }
        }
        out
    }

    /// The government an organisation belongs to: itself, or the nearest government above it.
    pub fn government_of(&self, org: &'a str) -> Option<&'a str> {
        self.lineage(org).into_iter().find(|o| {
            self.organisations
                .get(o)
                .is_some_and(|f| f.value.kind.value == OrgKind::Government)
        })
    }

    /// A hazard id as written, or the known hazard it is a near miss of (R103 reports it).
    pub fn hazard_or_near_miss<'s>(&self, id: &'s str) -> &'s str
    where
        'a: 's,
    {
        if self.hazards.get(id).is_some() {
            return id;
        }
        suggest(id, self.hazards.ids()).unwrap_or(id)
    }

    /// The plan with this id, if any.
    pub fn plan(&self, id: &str) -> Option<&'a Plan> {
        self.plans.get(id).copied()
    }

    /// The plan with this id or, for an unknown id that is a near miss of a plan id (reported by
    /// R101), that plan.
    pub fn plan_or_near_miss(&self, id: &str) -> Option<&'a Plan> {
        self.plan(id)
            .or_else(|| suggest(id, self.plans.keys().copied()).and_then(|near| self.plan(near)))
    }

    /// The organisation a plan belongs to: its `owner`, or the known id it is a near miss of.
    pub fn owner(&self, plan: &'a Plan) -> &'a str {
        self.owners
            .get(&(std::ptr::from_ref(plan) as usize))
            .copied()
            .unwrap_or(plan.meta.owner.as_str())
    }

    /// True for an organisation outside the repository's plan system (`external: true`).
    pub fn is_external(&self, org: &str) -> bool {
        self.organisations
            .get(org)
            .is_some_and(|o| o.value.external)
    }

    /// True when `id` names a plan, in the repository or declared as external.
    pub fn plan_exists(&self, id: &str) -> bool {
        self.plan(id).is_some() || self.external_plans.get(id).is_some()
    }

    /// The organisation with this id.
    pub fn org(&self, id: &str) -> Option<&'a Organisation> {
        self.organisations.get(id).map(|found| found.value)
    }

    /// The post with this id.
    pub fn post(&self, id: &str) -> Option<&'a Post> {
        self.posts.get(id).map(|found| found.value)
    }

    /// The contact with this id.
    pub fn contact(&self, id: &str) -> Option<&'a Contact> {
        self.contacts.get(id).map(|found| found.value)
    }

    /// The resource with this id.
    pub fn resource(&self, id: &str) -> Option<&'a Resource> {
        self.resources.get(id).map(|found| found.value)
    }

    /// The hazard with this id.
    pub fn hazard(&self, id: &str) -> Option<&'a Hazard> {
        self.hazards.get(id).map(|found| found.value)
    }

    /// The kind of an organisation.
    pub fn org_kind(&self, id: &str) -> Option<OrgKind> {
        self.org(id).map(|o| o.kind.value)
    }

    /// The organisation an organisation belongs to.
    pub fn parent(&self, id: &str) -> Option<&'a str> {
        self.org(id)
            .and_then(|o| o.parent.as_ref())
            .map(|p| p.as_str())
    }

    /// An organisation's Chinese name, or its id when it is not registered. The stand-in for
    /// the township where the event happens (`event-township`) is named as such.
    pub fn org_name<'i>(&self, id: &'i str) -> &'i str
    where
        'a: 'i,
    {
        if id == EVENT_TOWNSHIP {
            return "事发地乡镇（街道）";
        }
        self.org(id).map_or(id, |o| o.name.value.as_str())
    }

    /// A post's title, or its id.
    pub fn post_title<'i>(&self, id: &'i str) -> &'i str
    where
        'a: 'i,
    {
        self.post(id).map_or(id, |p| p.title.value.as_str())
    }

    /// A hazard's name, or its id.
    pub fn hazard_name<'i>(&self, id: &'i str) -> &'i str
    where
        'a: 'i,
    {
        self.hazard(id).map_or(id, |h| h.name.value.as_str())
    }

    /// A plan's title, or its id.
    pub fn plan_title<'i>(&self, id: &'i str) -> &'i str
    where
        'a: 'i,
    {
        self.plans
            .get(id)
            .map_or(id, |p| p.meta.title.value.as_str())
    }

    /// Who takes an action: its posts' titles, else its organisation's name.
    pub fn actor(&self, action: &Action) -> String {
        if let Some(post) = &action.post {
            return self.post_title(post.as_str()).to_owned();
        }
        if !action.posts.is_empty() {
            let titles: Vec<&str> = action
                .posts
                .iter()
                .map(|p| self.post_title(p.as_str()))
                .collect();
            return titles.join("、");
        }
        action
            .org
            .as_ref()
            .map_or(String::new(), |o| self.org_name(o.as_str()).to_owned())
    }

    /// A person, by contact id: the name and the mobile (else the office phone) of the contact,
    /// or the id itself when it is not registered.
    pub fn person(&self, contact: &'a str) -> Person<'a> {
        let c = self.contact(contact);
        Person {
            contact,
            name: c.map_or(contact, |c| c.name.value.as_str()),
            phone: c.and_then(|c| {
                c.mobile
                    .as_ref()
                    .or(c.phone.as_ref())
                    .map(|p| p.value.as_str())
            }),
        }
    }

    /// The plans of the overall kind.
    pub fn overall_plans(&self) -> impl Iterator<Item = &'a Plan> + '_ {
        self.repo
            .plans
            .iter()
            .filter(|p| *p.meta.kind == PlanKind::Overall)
    }

    /// The body of every plan file, with the plan's kind where it is known: plans read into the
    /// model and those whose front matter could not be read, in file order.
    pub fn bodies(
        &self,
    ) -> impl Iterator<Item = (FileId, Option<(PlanKind, PlanScope)>, &'a super::Body)> + '_ {
        let read = self.repo.plans.iter().map(|p| {
            let scope = p.meta.scope.as_ref().map(|s| s.value).unwrap_or_default();
            (p.file, Some((*p.meta.kind, scope)), &p.body)
        });
        // The scope of a plan whose front matter cannot be read is not known: the comprehensive
        // chapters are asked of it, as of most plans.
        let unread = self.repo.unread_plans.iter().map(|p| {
            let kind = p.kind.map(|k| (k, PlanScope::default()));
            (p.file, kind, &p.body)
        });
        read.chain(unread)
    }

    /// True when `id` belongs to an entry that exists but could not be read.
    pub fn is_broken(&self, id: &str) -> bool {
        self.repo.broken_ids.contains(id)
    }
}
