//! The books: one plan's handbook (工作手册), one organisation's book, and the whole plan
//! system (预案汇编). This module turns the model into the book's files; the layout is the
//! templates' (`templates/handbook.typ`, `templates/official.typ`). The data each template
//! reads is documented in docs/render.md.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use serde_json::{Value, json};
use typst::foundations::Bytes;

use crate::foundation::diagnostic::{Diagnostic, Severity};
use crate::graph::flowchart;
use crate::model::Plan;
use crate::model::index::Index;
use crate::model::plan::{Action, Command, Criterion, PlanMeta};
use crate::model::values::{Date, PlanKind, Timing};
use crate::model::{Id, Repository};

use super::Book;
use super::markdown::{self, Links};

/// What a book is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    Plan(String),
    Org(String),
    All,
}

/// Why a book cannot be made from this repository.
#[derive(Debug, PartialEq, Eq)]
pub enum Unknown {
    Plan(String, Option<String>),
    Org(String, Option<String>),
}

/// Builds the book's files. `findings` are check's findings on the repository; those in the
/// book's plan files are listed on its last page.
pub fn book(index: &Index, subject: &Subject, findings: &[Diagnostic]) -> Result<Book, Unknown> {
    let repo = index.repo;
    let data = Data::new(repo, index);
    let mut files = HashMap::new();
    let (parts, mut meta, name) = contents(&data, subject, &mut files)?;
    let in_book: Vec<&str> = parts.iter().map(|p| p.meta.id.as_str()).collect();
    let narrative = !matches!(subject, Subject::Org(_));
    // The whole system's book gathers contacts, resources and linkage once, at its end,
    // instead of once per plan.
    let mut contacts: Vec<Value> = Vec::new();
    let mut resources: Vec<Value> = Vec::new();
    let mut linkage: Vec<Value> = Vec::new();
    if narrative {
        for plan in &parts {
            let plan_data = plan_files(&data, plan, &in_book, &mut files);
            if *subject == Subject::All {
                gather(&mut contacts, &plan_data["contacts"]);
                gather(&mut resources, &plan_data["resources"]);
                linkage.push(linkage_row(plan, &plan_data));
            }
        }
    }
    let date = book_date(parts.iter().copied());
    meta["kind"] = json!(match subject {
        Subject::Plan(_) => "plan",
        Subject::Org(_) => "org",
        Subject::All => "all",
    });
    meta["parts"] = json!(if narrative {
        in_book.clone()
    } else {
        Vec::new()
    });
    meta["date"] = json!(date.zh());
    meta["findings"] = json!(shown(repo, &in_book, findings));
    if *subject == Subject::All {
        meta["contacts"] = json!(contacts);
        meta["resources"] = json!(resources);
        meta["linkage"] = json!(linkage);
    }
    files.insert("/book.json".to_owned(), to_bytes(&meta));
    Ok(Book {
        template: "handbook.typ",
        files,
        date,
        name,
        plans: parts
            .iter()
            .map(|p| p.meta.id.as_str().to_owned())
            .collect(),
    })
}

/// The plans a book is made of, in order, its cover's data and its name. An organisation's
/// book also gets its `/org.json`.
fn contents<'a>(
    data: &Data<'a>,
    subject: &Subject,
    files: &mut HashMap<String, Bytes>,
) -> Result<(Vec<&'a Plan>, Value, String), Unknown> {
    let (index, repo) = (data.index, data.repo);
    Ok(match subject {
        Subject::Plan(id) => {
            let plan = *index
                .plans
                .get(id.as_str())
                .ok_or_else(|| Unknown::Plan(id.clone(), near(id, index.plans.keys().copied())))?;
            let meta = data.cover(plan);
            (vec![plan], meta, id.clone())
        }
        Subject::Org(id) => {
            let org = index
                .org(id.as_str())
                .ok_or_else(|| Unknown::Org(id.clone(), near(id, index.organisations.ids())))?;
            let meta = data.org(id);
            let held: Vec<&Plan> = repo.plans.iter().filter(|p| holds(p, id)).collect();
            files.insert("/org.json".to_owned(), to_bytes(&meta));
            let cover = json!({
                "title": format!("{}应急工作手册", org.name.value),
                "issuer": org.name.value,
            });
            (held, cover, id.clone())
        }
        Subject::All => {
            let mut plans: Vec<&Plan> = repo.plans.iter().collect();
            plans.sort_by(|a, b| in_system_order(a, b));
            // The system is issued by the overall plan's government, and named after it.
            let overall = repo
                .plans
                .iter()
                .find(|p| p.meta.kind.value == PlanKind::Overall);
            let issuer = overall
                .map(|p| p.meta.jurisdiction.as_ref().unwrap_or(&p.meta.owner))
                .map_or("", |id| index.org_name(id.as_str()));
            let title = overall
                .map(|p| p.meta.title.value.replace("总体应急预案", "应急预案汇编"))
                .unwrap_or_else(|| "突发事件应急预案汇编".to_owned());
            let cover = json!({
                "title": title,
                "issuer": issuer,
                "system": plans.iter().map(|p| json!({
                    "id": p.meta.id.as_str(),
                    "title": p.meta.title.value,
                    "kind": p.meta.kind.value.zh(),
                    "owner": index.org_name(p.meta.owner.as_str()),
                })).collect::<Vec<_>>(),
            });
            (plans, cover, "all".to_owned())
        }
    })
}

/// Adds one plan's part of a book: its flow chart, its data and its body in Typst. Returns
/// its data.
fn plan_files(
    data: &Data<'_>,
    plan: &Plan,
    in_book: &[&str],
    files: &mut HashMap<String, Bytes>,
) -> Value {
    let id = plan.meta.id.as_str();
    let body = data.body(plan, in_book);
    let mut plan_data = data.plan(plan, in_book);
    plan_data["placed"] = json!(body.placed);
    let svg = flowchart::svg(data.index, plan);
    files.insert(format!("/flow/{id}.svg"), Bytes::from_string(svg));
    files.insert(format!("/plans/{id}.json"), to_bytes(&plan_data));
    let mut typst = String::from("#import \"/templates/official.typ\": generated\n");
    typst.push_str(&format!("#let plan = json(\"/plans/{id}.json\")\n\n"));
    typst.push_str(&body.typst);
    files.insert(format!("/plans/{id}.typ"), Bytes::from_string(typst));
    plan_data
}

/// A plan's row in the whole system's linkage table: its parents and how many of its duties
/// are assigned and still open.
fn linkage_row(plan: &Plan, plan_data: &Value) -> Value {
    let duties = plan_data["duties"].as_array().map_or(0, Vec::len);
    let open = plan_data["duties"]
        .as_array()
        .map_or(0, |d| d.iter().filter(|d| d["state"] == "open").count());
    json!({
        "id": plan.meta.id.as_str(),
        "title": plan.meta.title.value,
        "parents": plan_data["linkage"]["parents"],
        "duties": duties,
        "open": open,
    })
}

/// Check's findings in the book's plan files, as its last page lists them.
fn shown(repo: &Repository, in_book: &[&str], findings: &[Diagnostic]) -> Vec<Value> {
    super::findings_in(repo, in_book, findings)
        .map(|d| {
            let place = repo.sources.place(d.loc);
            json!({
                "code": d.rule.code,
                "severity": match d.severity { Severity::Error => "错误", Severity::Warning => "警告", Severity::Info => "提示" },
                "message": d.message,
                "place": format!("{}:{}:{}", place.path, place.line, place.column),
            })
        })
        .collect()
}

/// Adds the items of `list` (a JSON array) to `into`, each once.
fn gather(into: &mut Vec<Value>, list: &Value) {
    for item in list.as_array().into_iter().flatten() {
        if !into.contains(item) {
            into.push(item.clone());
        }
    }
}

/// The plans an organisation holds a duty or an action in, or owns.
fn holds(plan: &Plan, org: &str) -> bool {
    let m = &plan.meta;
    m.owner.as_str() == org
        || m.duties.iter().any(|d| d.org.as_str() == org)
        || m.actions()
            .any(|a| a.org.as_ref().is_some_and(|o| o.as_str() == org))
}

/// Plans in the order of the plan system: by kind (overall first), then by id.
pub(super) fn in_system_order(a: &Plan, b: &Plan) -> std::cmp::Ordering {
    (a.meta.kind.value, a.meta.id.as_str()).cmp(&(b.meta.kind.value, b.meta.id.as_str()))
}

/// The date a plan was issued (its lifecycle's `issued`, else its document's publication or
/// signature date).
fn issued(plan: &Plan) -> Option<Date> {
    let m = &plan.meta;
    m.lifecycle
        .as_ref()
        .and_then(|l| l.issued.as_ref())
        .or_else(|| m.document.as_ref()?.published.as_ref())
        .or_else(|| m.document.as_ref()?.signed.as_ref())
        .map(|d| d.value)
}

/// The date a book carries: the latest issue date of its plans, never the clock.
pub fn book_date<'a>(plans: impl Iterator<Item = &'a Plan>) -> Date {
    plans.filter_map(issued).max().unwrap_or(Date {
        year: 2024,
        month: 1,
        day: 1,
    })
}

pub(super) fn to_bytes(value: &Value) -> Bytes {
    Bytes::new(serde_json::to_vec(value).unwrap_or_default())
}

/// The nearest id, for did-you-mean.
pub(super) fn near<'a>(id: &str, ids: impl Iterator<Item = &'a str>) -> Option<String> {
    crate::foundation::suggest::suggest(id, ids).map(str::to_owned)
}

/// The model as a template reads it.
pub(super) struct Data<'a> {
    pub repo: &'a Repository,
    pub index: &'a Index<'a>,
    /// The repository's root, links resolved, once for every image and plan folder.
    root: Option<PathBuf>,
    /// The plans that accept a duty, by (assigning plan id, duty id).
    acceptances: HashMap<(&'a str, &'a str), Vec<&'a Plan>>,
}

impl<'a> Data<'a> {
    pub(super) fn new(repo: &'a Repository, index: &'a Index<'a>) -> Self {
        let mut acceptances: HashMap<(&str, &str), Vec<&Plan>> = HashMap::new();
        for plan in &repo.plans {
            for a in &plan.meta.accepts {
                acceptances
                    .entry((a.plan.as_str(), a.duty.as_str()))
                    .or_default()
                    .push(plan);
            }
        }
        Data {
            repo,
            index,
            root: repo.root.canonicalize().ok(),
            acceptances,
        }
    }

    fn cover(&self, plan: &Plan) -> Value {
        let m = &plan.meta;
        let doc = m.document.as_ref();
        let issuer = doc
            .and_then(|d| d.issued_by.as_ref())
            .or(m.jurisdiction.as_ref())
            .unwrap_or(&m.owner);
        let life = m.lifecycle.as_ref();
        json!({
            "title": m.title.value,
            "issuer": self.index.org_name(issuer.as_str()),
            "number": doc.and_then(|d| d.number.as_ref()).map(|n| n.value.as_str()),
            "version": life.map(|l| l.version.value.as_str()),
            "issued": life.and_then(|l| l.issued.as_ref()).map(|d| d.value.zh()),
            "published": doc.and_then(|d| d.published.as_ref()).map(|d| d.value.zh()),
        })
    }

    pub(super) fn person(&self, post: Option<&Id>) -> Value {
        post.map_or(Value::Null, |post| self.person_on(post.as_str()))
    }

    /// Who holds the post `post`, their stand-in and phones.
    pub(super) fn person_on(&self, post: &str) -> Value {
        let p = self.index.post(post);
        let holder = p
            .and_then(|p| p.holder.as_ref())
            .map(|h| self.index.person(h.as_str()));
        let deputy = p
            .and_then(|p| p.deputy.as_ref())
            .map(|h| self.index.person(h.as_str()));
        json!({
            "post": self.index.post_title(post),
            "org": p.map(|p| self.index.org_name(p.org.as_str())),
            "name": holder.as_ref().map(|h| h.name),
            "phone": holder.as_ref().and_then(|h| h.phone),
            "deputy": deputy.as_ref().map(|h| h.name),
            "deputy_phone": deputy.as_ref().and_then(|h| h.phone),
        })
    }

    pub(super) fn action(&self, action: &Action) -> Value {
        let when = match (&action.within, &action.timing) {
            (Some(w), _) => w.value.within_zh(),
            (None, Some(t)) => match t.value {
                Timing::Immediately => "立即".to_owned(),
                Timing::AsNeeded => "视情".to_owned(),
            },
            (None, None) => String::new(),
        };
        let report = action
            .report_to
            .as_ref()
            .map(|to| self.org_or_post(to.as_str()));
        json!({
            "who": self.index.actor(action),
            "what": action.what.value,
            "deadline": when,
            "minutes": action.within.as_ref().map(|w| w.value.minutes),
            "report_to": report,
        })
    }

    pub(super) fn org_or_post(&self, id: &str) -> String {
        if self.index.post(id).is_some() {
            self.index.post_title(id).to_owned()
        } else {
            self.index.org_name(id).to_owned()
        }
    }

    fn criteria(&self, criteria: &[Criterion]) -> Vec<String> {
        criteria.iter().map(|c| c.text.value.clone()).collect()
    }

    fn plan(&self, plan: &Plan, in_book: &[&str]) -> Value {
        let m = &plan.meta;
        let l = self.index;
        let warning: Vec<Value> = m
            .warning
            .iter()
            .map(|w| {
                json!({
                    "level": w.level.as_ref().map(|x| x.value.zh()),
                    "name": w.name.as_ref().map(|n| n.value.as_str()),
                    "criteria": self.criteria(&w.criteria),
                    "actions": w.actions.iter().map(|a| self.action(a)).collect::<Vec<_>>(),
                })
            })
            .collect();
        let response: Vec<Value> = m
            .response
            .iter()
            .map(|r| {
                json!({
                    "level": r.level.value.zh(),
                    "name": r.name.as_ref().map(|n| n.value.as_str()),
                    "commander": self.person(r.commander.as_ref()),
                    "criteria": self.criteria(&r.criteria),
                    "actions": r.actions.iter().map(|a| self.action(a)).collect::<Vec<_>>(),
                })
            })
            .collect();
        let resources: Vec<Value> = m
            .resources
            .iter()
            .filter_map(|id| l.resource(id.as_str()))
            .map(|r| self.resource(r))
            .collect();
        json!({
            "id": m.id.as_str(),
            "title": m.title.value,
            "kind": m.kind.value.zh(),
            "owner": l.org_name(m.owner.as_str()),
            "hazards": m.hazards.iter().map(|h| l.hazard_name(h.as_str())).collect::<Vec<_>>(),
            "cover": self.cover(plan),
            "command": m.command.as_ref().map(|c| self.command(c)),
            "duties": self.duties(m, in_book),
            "warning": warning,
            "response": response,
            "resources": resources,
            "contacts": self.contacts(m),
            "linkage": self.linkage(m, in_book),
            "flowchart": format!("/flow/{}.svg", m.id.as_str()),
        })
    }

    /// A plan's headquarters: its posts' holders, office, members, field command and groups.
    fn command(&self, c: &Command) -> Value {
        let l = self.index;
        let names = |ids: &[Id]| -> Vec<String> {
            ids.iter()
                .map(|i| l.org_name(i.as_str()).to_owned())
                .collect()
        };
        json!({
            "hq": c.hq.value,
            "commander": self.person(c.commander.as_ref()),
            "commissar": self.person(c.commissar.as_ref()),
            "executive_deputy": self.person(c.executive_deputy.as_ref()),
            "deputies": c.deputies.iter().map(|d| self.person(Some(d))).collect::<Vec<_>>(),
            "office": c.office.as_ref().map(|o| l.org_name(o.as_str())),
            "office_director": self.person(c.office_director.as_ref()),
            "members": names(&c.members),
            "field": c.field.as_ref().map(|f| json!({
                "name": f.name.value,
                "led_by": f.led_by.as_ref().map(|o| l.org_name(o.as_str())),
                "commander": self.person(f.commander.as_ref()),
            })),
            "groups": c.groups.iter().map(|g| json!({
                "name": g.name.value,
                "lead": g.lead.as_ref().map(|o| l.org_name(o.as_str())),
                "members": names(&g.members),
                "task": g.task.as_ref().map(|t| t.value.as_str()),
            })).collect::<Vec<_>>(),
        })
    }

    /// The duties a plan assigns, each with the plans that accept it and its state.
    fn duties(&self, m: &PlanMeta, in_book: &[&str]) -> Vec<Value> {
        m.duties
            .iter()
            .map(|d| {
                // As L301 reads it: a duty is accepted by a plan of the organisation it is
                // assigned to; one the plan's own organisation holds needs no acceptance.
                let by: Vec<Value> = self
                    .acceptances
                    .get(&(m.id.as_str(), d.id.as_str()))
                    .into_iter()
                    .flatten()
                    .filter(|p| p.meta.owner.as_str() == d.org.as_str())
                    .map(|p| json!({"id": p.meta.id.as_str(), "title": p.meta.title.value, "in_book": in_book.contains(&p.meta.id.as_str())}))
                    .collect();
                let state = if d.org.as_str() == m.owner.as_str() {
                    "own"
                } else if by.is_empty() {
                    "open"
                } else {
                    "accepted"
                };
                json!({
                    "id": d.id.as_str(),
                    "org": self.index.org_name(d.org.as_str()),
                    "post": self.person(d.post.as_ref()),
                    "text": d.text.value,
                    "deadline": d.deadline.as_ref().map(|x| x.value.within_zh()),
                    "accepted_by": by,
                    "state": state,
                })
            })
            .collect()
    }

    /// Whom a plan names, once each: its command posts, then its duties' and responses' posts.
    fn contacts(&self, m: &PlanMeta) -> Vec<Value> {
        let mut posts: Vec<&Id> = m
            .command
            .iter()
            .flat_map(|c| c.posts())
            .map(|(_, p)| p)
            .collect();
        posts.extend(m.duties.iter().filter_map(|d| d.post.as_ref()));
        posts.extend(m.response.iter().filter_map(|r| r.commander.as_ref()));
        let mut seen = Vec::new();
        posts.retain(|p| {
            let new = !seen.contains(&p.as_str());
            seen.push(p.as_str());
            new
        });
        posts.into_iter().map(|p| self.person(Some(p))).collect()
    }

    /// A plan's place in the system: its parents, its children and the duties it accepts.
    fn linkage(&self, m: &PlanMeta, in_book: &[&str]) -> Value {
        let l = self.index;
        let children: Vec<Value> = self
            .repo
            .plans
            .iter()
            .filter(|p| p.meta.parents.iter().any(|x| x.as_str() == m.id.as_str()))
            .map(|p| json!({"id": p.meta.id.as_str(), "title": p.meta.title.value, "kind": p.meta.kind.value.zh(), "in_book": in_book.contains(&p.meta.id.as_str())}))
            .collect();
        let parents: Vec<Value> = m
            .parents
            .iter()
            .map(|p| json!({"id": p.as_str(), "title": l.plan_title(p.as_str()), "in_book": in_book.contains(&p.as_str())}))
            .collect();
        let accepts: Vec<Value> = m
            .accepts
            .iter()
            .map(|a| {
                let source = l.plans.get(a.plan.as_str());
                let duty = source.and_then(|p| {
                    p.meta
                        .duties
                        .iter()
                        .find(|d| d.id.as_str() == a.duty.as_str())
                });
                json!({
                    "plan": l.plan_title(a.plan.as_str()),
                    "id": a.plan.as_str(),
                    "in_book": in_book.contains(&a.plan.as_str()),
                    "duty": duty.map(|d| d.text.value.as_str()),
                    "accepted": duty.is_some(),
                })
            })
            .collect();
        json!({"parents": parents, "children": children, "accepts": accepts})
    }

    fn resource(&self, r: &crate::model::registry::Resource) -> Value {
        let l = self.index;
        let place = r.place.as_ref().map(|p| {
            let mut s = l.org_name(p.township.as_str()).to_owned();
            if let Some(v) = &p.village {
                s.push_str(l.org_name(v.as_str()));
            }
            if let Some(a) = &p.address {
                s.push_str(&a.value);
            }
            s
        });
        let keeper = r.contact.as_ref().map(|c| l.person(c.as_str()));
        let mut amount = Vec::new();
        if let Some(n) = &r.size {
            amount.push(format!("{}人", n.value));
        }
        if let Some(n) = &r.capacity {
            amount.push(format!("容纳{}人", n.value));
        }
        if let Some(n) = &r.quantity {
            amount.push(format!("{}台（套）", n.value));
        }
        amount.extend(
            r.stock
                .iter()
                .map(|s| format!("{}{}{}", s.item.value, s.quantity.value, s.unit.value)),
        );
        json!({
            "name": r.name.value,
            "org": l.org_name(r.org.as_str()),
            "place": place,
            "amount": amount.join("，"),
            "keeper": keeper.as_ref().map(|k| k.name),
            "phone": keeper.as_ref().and_then(|k| k.phone),
        })
    }

    /// An organisation's book: its duties and actions in every plan, by hazard and level; its
    /// posts; its resources.
    fn org(&self, org: &str) -> Value {
        let l = self.index;
        let mut groups: Vec<(String, Vec<Value>)> = Vec::new();
        let mut plans: Vec<&Plan> = self.repo.plans.iter().filter(|p| holds(p, org)).collect();
        plans.sort_by(|a, b| in_system_order(a, b));
        for plan in plans {
            let rows = self.org_rows(&plan.meta, org);
            if rows.is_empty() {
                continue;
            }
            let hazard = self.hazard_group(&plan.meta);
            match groups.iter_mut().find(|(h, _)| *h == hazard) {
                Some((_, list)) => list.extend(rows),
                None => groups.push((hazard, rows)),
            }
        }
        let posts: Vec<Value> = self
            .repo
            .registry
            .posts
            .iter()
            .filter(|p| p.value.org.as_str() == org)
            .map(|p| self.person(Some(&p.value.id)))
            .collect();
        let resources: Vec<Value> = self
            .repo
            .registry
            .resources
            .iter()
            .filter(|r| r.value.org.as_str() == org)
            .map(|r| self.resource(&r.value))
            .collect();
        json!({
            "id": org,
            "name": l.org_name(org),
            "duty_phone": l.org(org).and_then(|o| o.duty_phone.as_ref()).map(|p| p.value.as_str()),
            "groups": groups.into_iter().map(|(hazard, rows)| json!({"hazard": hazard, "rows": rows})).collect::<Vec<_>>(),
            "posts": posts,
            "resources": resources,
        })
    }

    /// The hazard group a plan's rows go in, in an organisation's book: its hazards' names.
    fn hazard_group(&self, m: &PlanMeta) -> String {
        // A plan of every hazard (the overall plan, most departmental plans) is one group.
        if m.hazards.is_empty() || m.hazards.len() > 3 {
            "综合".to_owned()
        } else {
            m.hazards
                .iter()
                .map(|h| self.index.hazard_name(h.as_str()))
                .collect::<Vec<_>>()
                .join("、")
        }
    }

    /// An organisation's rows of one plan: the duties assigned to it, then its actions at
    /// each warning and response level.
    fn org_rows(&self, m: &PlanMeta, org: &str) -> Vec<Value> {
        let mut rows = Vec::new();
        for d in m.duties.iter().filter(|d| d.org.as_str() == org) {
            rows.push(json!({
                "plan": m.title.value,
                "level": "各级响应",
                "what": d.text.value,
                "deadline": d.deadline.as_ref().map(|x| x.value.within_zh()),
                "post": d.post.as_ref().map(|p| self.index.post_title(p.as_str())),
            }));
        }
        let levels = m
            .warning
            .iter()
            .map(|w| {
                (
                    w.level.as_ref().map_or("预警", |x| x.value.zh()),
                    &w.actions,
                )
            })
            .chain(m.response.iter().map(|r| (r.level.value.zh(), &r.actions)));
        for (level, actions) in levels {
            for a in actions
                .iter()
                .filter(|a| a.org.as_ref().is_some_and(|o| o.as_str() == org))
            {
                let action = self.action(a);
                rows.push(json!({
                    "plan": m.title.value,
                    "level": level,
                    "what": action["what"],
                    "deadline": action["deadline"],
                    "post": Value::Null,
                }));
            }
        }
        rows
    }

    fn body(&self, plan: &Plan, in_book: &[&str]) -> markdown::Converted {
        let file = self.repo.sources.get(plan.file);
        let body = file.text.get(plan.body.start..).unwrap_or("");
        // The plan's folder relative to the root, for the images it names.
        let dir = std::fs::canonicalize(&file.path)
            .ok()
            .zip(self.root.as_ref())
            .and_then(|(file, root)| Some(file.strip_prefix(root).ok()?.parent()?.to_owned()))
            .unwrap_or_default();
        let links = BookLinks {
            root: self.root.as_deref(),
            dir,
            in_book,
        };
        markdown::to_typst(body, &links, true)
    }
}

struct BookLinks<'a> {
    /// The repository's root, links resolved.
    root: Option<&'a Path>,
    /// The plan file's folder, relative to the root.
    dir: PathBuf,
    in_book: &'a [&'a str],
}

impl Links for BookLinks<'_> {
    fn in_book(&self, id: &str) -> bool {
        self.in_book.contains(&id)
    }

    fn image(&self, destination: &str) -> Option<String> {
        if destination.contains("://") {
            return None;
        }
        let mut path = PathBuf::new();
        let joined = self.dir.join(destination);
        for part in joined.components() {
            match part {
                Component::Normal(p) => path.push(p),
                Component::ParentDir => {
                    if !path.pop() {
                        return None;
                    }
                }
                Component::CurDir => {}
                Component::RootDir | Component::Prefix(_) => return None,
            }
        }
        let root = self.root?;
        let real = root.join(&path).canonicalize().ok()?;
        (real.starts_with(root) && real.is_file()).then(|| {
            format!(
                "{}{}",
                super::world::REPO_PREFIX,
                path.to_string_lossy().replace('\\', "/")
            )
        })
    }
}
