//! Pocket response cards (应急处置卡): one per post, on A6 or four to an A4 sheet with cut
//! marks. A card says what calls the post (the levels and criteria of every plan that names
//! it), its first steps with their deadlines, whom it reports to, and whom to call. A card
//! that does not fit its page is an error, never a smaller font.

use std::collections::HashMap;

use serde_json::{Value, json};
use typst::foundations::{Label, Selector};
use typst::introspection::{Introspector, MetadataElem};
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

use crate::model::index::Index;
use crate::model::plan::PlanMeta;
use crate::model::{Id, Plan};

use super::Book;
use super::handbook::{Data, book_date, in_system_order, near, to_bytes};

/// Whose cards.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    Post(String),
    Org(String),
    Plan(String),
}

/// The page a card is set on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sheet {
    /// One A6 card a page.
    A6,
    /// Four A6 cards to an A4 page, with cut marks.
    A4,
}

/// An id the repository does not have, and the nearest one.
#[derive(Debug, PartialEq, Eq)]
pub enum Unknown {
    Post(String, Option<String>),
    Org(String, Option<String>),
    Plan(String, Option<String>),
    /// The subject names no post that any plan calls.
    NoPosts,
}

/// Builds the cards' book.
pub fn book(index: &Index, subject: &Subject, sheet: Sheet) -> Result<Book, Unknown> {
    let repo = index.repo;
    let data = Data::new(repo, index);
    let posts = posts(index, subject)?;
    let mut plans: Vec<&Plan> = match subject {
        Subject::Plan(id) => repo
            .plans
            .iter()
            .filter(|p| p.meta.id.as_str() == id)
            .collect(),
        _ => repo.plans.iter().collect(),
    };
    plans.sort_by(|a, b| in_system_order(a, b));
    // One card for each post and plan that calls it: a card holds one response.
    let mut drawn_from: Vec<&Plan> = Vec::new();
    let mut cards: Vec<Value> = Vec::new();
    for post in &posts {
        for plan in &plans {
            if let Some(c) = card(&data, plan, post) {
                cards.push(c);
                if !drawn_from.iter().any(|p| std::ptr::eq(*p, *plan)) {
                    drawn_from.push(plan);
                }
            }
        }
    }
    if cards.is_empty() {
        return Err(Unknown::NoPosts);
    }
    let (name, title) = match subject {
        Subject::Post(id) => (id.clone(), format!("{}应急处置卡", index.post_title(id))),
        Subject::Org(id) => (id.clone(), format!("{}应急处置卡", index.org_name(id))),
        Subject::Plan(id) => (id.clone(), format!("{}应急处置卡", index.plan_title(id))),
    };
    let date = book_date(drawn_from.iter().copied());
    let value = json!({
        "title": title,
        "sheet": match sheet { Sheet::A6 => "a6", Sheet::A4 => "a4" },
        "cards": cards,
    });
    let mut files = HashMap::new();
    files.insert("/cards.json".to_owned(), to_bytes(&value));
    Ok(Book {
        template: "cards.typ",
        files,
        date,
        name,
        // The plans the cards are drawn from: their findings are the book's (--strict).
        plans: drawn_from
            .iter()
            .map(|p| p.meta.id.as_str().to_owned())
            .collect(),
    })
}

/// The posts that get cards, in order: the post; the organisation's posts; or the plan's
/// command posts, then the posts its duties and actions name, each once.
fn posts<'a>(index: &Index<'a>, subject: &'a Subject) -> Result<Vec<&'a str>, Unknown> {
    Ok(match subject {
        Subject::Post(id) => {
            if index.post(id.as_str()).is_none() {
                return Err(Unknown::Post(id.clone(), near(id, index.posts.ids())));
            }
            vec![id.as_str()]
        }
        Subject::Org(id) => {
            if index.org(id.as_str()).is_none() {
                return Err(Unknown::Org(
                    id.clone(),
                    near(id, index.organisations.ids()),
                ));
            }
            index
                .repo
                .registry
                .posts
                .iter()
                .filter(|p| p.value.org.as_str() == id)
                .map(|p| p.value.id.as_str())
                .collect()
        }
        Subject::Plan(id) => {
            let Some(plan) = index.plans.get(id.as_str()) else {
                return Err(Unknown::Plan(
                    id.clone(),
                    near(id, index.plans.keys().copied()),
                ));
            };
            let mut posts = plan.meta.command_posts();
            posts.extend(
                plan.meta
                    .duties
                    .iter()
                    .filter_map(|d| d.post.as_ref().map(Id::as_str)),
            );
            posts.extend(plan.meta.actions().flat_map(|a| {
                a.post
                    .iter()
                    .map(|p| p.as_str())
                    .chain(a.posts.iter().map(Id::as_str))
            }));
            let mut seen = Vec::new();
            posts.retain(|p| {
                let new = !seen.contains(p);
                seen.push(*p);
                new
            });
            posts
        }
    })
}

/// The card of `post` in `plan`, or `None` when the plan does not call the post.
fn card(data: &Data<'_>, plan: &Plan, post: &str) -> Option<Value> {
    let m = &plan.meta;
    let commands = m
        .command
        .as_ref()
        .is_some_and(|c| c.posts().any(|(_, p)| p.as_str() == post));
    let mut triggers = triggers(m, post, commands);
    let steps = steps(data, m, post);
    if triggers.is_empty() && steps.is_empty() && !commands {
        return None;
    }
    if triggers.is_empty() {
        // A duty holds from the plan's lowest level up.
        let lowest = m.response.iter().max_by_key(|r| r.level.value as u8);
        triggers.push(match lowest {
            Some(r) => json!({
                "level": format!("{}及以上响应", r.level.value.zh()),
                "role": "",
                "criteria": criteria(&r.criteria),
            }),
            None => json!({"level": "预案启动", "role": "", "criteria": ""}),
        });
    }
    let me = data.person_on(post);
    Some(json!({
        "id": post,
        "plan": m.title.value,
        "post": data.index.post_title(post),
        "org": me["org"],
        "holder": me["name"],
        "phone": me["phone"],
        "deputy": me["deputy"],
        "deputy_phone": me["deputy_phone"],
        "triggers": triggers,
        "steps": steps,
        "reports": reports(data, m, post),
        "calls": calls(data, m, post, &me),
    }))
}

/// The response levels that call `post`, with its role in each (command, the decision to
/// start) and their criteria. Every level calls a command post.
fn triggers(m: &PlanMeta, post: &str, commands: bool) -> Vec<Value> {
    let mut triggers: Vec<Value> = Vec::new();
    for r in &m.response {
        let decides = r
            .decided_by
            .iter()
            .any(|d| d.posts.iter().any(|p| p.as_str() == post));
        let acts = r.actions.iter().any(|a| acts_on(a, post));
        if names(r.commander.as_ref(), post) || decides || acts || commands {
            let role = if names(r.commander.as_ref(), post) {
                "指挥"
            } else if decides {
                "决定启动"
            } else {
                ""
            };
            triggers.push(json!({
                "level": r.level.value.zh(),
                "role": role,
                "criteria": criteria(&r.criteria),
            }));
        }
    }
    triggers
}

/// What `post` does: its actions at each response level and its duties, soonest deadline
/// first, each once.
fn steps(data: &Data<'_>, m: &PlanMeta, post: &str) -> Vec<Value> {
    let mut steps: Vec<(u32, Value)> = Vec::new();
    for r in &m.response {
        for a in r.actions.iter().filter(|a| acts_on(a, post)) {
            let action = data.action(a);
            let minutes = a.within.as_ref().map_or(u32::MAX - 1, |w| w.value.minutes);
            steps.push((
                minutes,
                json!({"what": action["what"], "deadline": action["deadline"], "level": r.level.value.zh()}),
            ));
        }
    }
    for d in m.duties.iter().filter(|d| names(d.post.as_ref(), post)) {
        let minutes = d.deadline.as_ref().map_or(u32::MAX, |x| x.value.minutes);
        steps.push((
            minutes,
            json!({
                "what": d.text.value,
                "deadline": d.deadline.as_ref().map(|x| x.value.within_zh()).unwrap_or_default(),
                "level": "",
            }),
        ));
    }
    steps.sort_by_key(|(minutes, _)| *minutes);
    let mut unique: Vec<Value> = Vec::new();
    for (_, step) in steps {
        if unique.iter().all(|s| s["what"] != step["what"]) {
            unique.push(step);
        }
    }
    unique
}

/// Whom `post` reports to: those its actions name, then the headquarters' office.
fn reports(data: &Data<'_>, m: &PlanMeta, post: &str) -> Vec<String> {
    let mut reports: Vec<String> = m
        .response
        .iter()
        .flat_map(|r| r.actions.iter().filter(|a| acts_on(a, post)))
        .filter_map(|a| {
            let to = a.report_to.as_ref()?;
            Some(format!(
                "向{}报告{}",
                data.org_or_post(to.as_str()),
                within(a)
            ))
        })
        .collect();
    if let Some(c) = &m.command
        && let Some(office) = &c.office
    {
        let l = data.index;
        let phone = l
            .org(office.as_str())
            .and_then(|o| o.duty_phone.as_ref())
            .map(|p| p.value.as_str());
        let line = format!(
            "向{}办公室（设在{}）报告",
            c.hq.value,
            l.org_name(office.as_str())
        );
        reports.push(match phone {
            Some(phone) => format!("{line}，值班电话 {phone}"),
            None => line,
        });
    }
    reports
}

/// Whom `post` calls: the commander and the office director, when someone else (`me` is
/// who holds the post).
fn calls(data: &Data<'_>, m: &PlanMeta, post: &str, me: &Value) -> Vec<Value> {
    let mut calls: Vec<Value> = Vec::new();
    let Some(c) = &m.command else {
        return calls;
    };
    for (role, p) in [
        ("指挥长", c.commander.as_ref()),
        ("办公室主任", c.office_director.as_ref()),
    ] {
        // Whom to call is someone else: not this post, nor the person holding it.
        let Some(p) = p.filter(|p| p.as_str() != post) else {
            continue;
        };
        let person = data.person(Some(p));
        let same = person["name"] == me["name"] && person["phone"] == me["phone"];
        if !same {
            calls.push(json!({"role": role, "name": person["name"], "phone": person["phone"]}));
        }
    }
    calls
}

/// Whether `id` is `post`.
fn names(id: Option<&Id>, post: &str) -> bool {
    id.is_some_and(|i| i.as_str() == post)
}

fn criteria(list: &[crate::model::plan::Criterion]) -> String {
    list.iter()
        .map(|c| c.text.value.as_str())
        .collect::<Vec<_>>()
        .join("；")
}

fn acts_on(action: &crate::model::plan::Action, post: &str) -> bool {
    action.post.as_ref().is_some_and(|p| p.as_str() == post)
        || action.posts.iter().any(|p| p.as_str() == post)
}

fn within(action: &crate::model::plan::Action) -> String {
    action
        .within
        .as_ref()
        .map(|w| format!("（{}）", w.value.within_zh()))
        .unwrap_or_default()
}

/// The cards that do not fit their page, as the template marks them: post id and millimetres
/// over.
pub fn overflows(document: &PagedDocument) -> Vec<(String, f64)> {
    let label = Label::new(PicoStr::intern("emplan-overflow")).expect("a label");
    document
        .introspector()
        .query(&Selector::Label(label))
        .iter()
        .filter_map(|content| {
            let meta = content.to_packed::<MetadataElem>()?;
            let dict = meta.value.clone().cast::<typst::foundations::Dict>().ok()?;
            let post = dict.get("post").ok()?.clone().cast::<String>().ok()?;
            let over = dict.get("over").ok()?.clone().cast::<f64>().ok()?;
            Some((post, over))
        })
        .collect()
}
