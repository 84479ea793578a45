//! Scaffolding: the files of a new plan repository (`emplan init`) and a new plan of a kind
//! (`emplan new`), from the Tera templates in `templates/init/` and `templates/new/`. A
//! repository's own `templates/new/KIND.md` replaces the shipped one. Nothing here writes:
//! the verbs write what these functions return, after checking that no file exists.

pub mod review;

use std::path::{Path, PathBuf};

use serde_json::json;

use crate::load::inside::read_inside;

use crate::model::{Date, PlanKind, Repository};

/// The templates of a new repository: (path in the repository, template).
const INIT: &[(&str, &str)] = &[
    (
        "emplan.toml",
        include_str!("../../templates/init/emplan.toml"),
    ),
    (
        "registry/registry.yaml",
        include_str!("../../templates/init/registry.yaml"),
    ),
    (
        ".github/workflows/emplan.yml",
        include_str!("../../templates/init/workflow.yml"),
    ),
    ("README.md", include_str!("../../templates/init/README.md")),
];

/// The template of each kind of plan.
const NEW: &[(PlanKind, &str)] = &[
    (
        PlanKind::Overall,
        include_str!("../../templates/new/overall.md"),
    ),
    (
        PlanKind::Specialised,
        include_str!("../../templates/new/specialised.md"),
    ),
    (
        PlanKind::Departmental,
        include_str!("../../templates/new/departmental.md"),
    ),
    (
        PlanKind::Township,
        include_str!("../../templates/new/township.md"),
    ),
    (
        PlanKind::Village,
        include_str!("../../templates/new/village.md"),
    ),
    (
        PlanKind::Enterprise,
        include_str!("../../templates/new/enterprise.md"),
    ),
    (PlanKind::Site, include_str!("../../templates/new/site.md")),
    (
        PlanKind::Joint,
        include_str!("../../templates/new/joint.md"),
    ),
];

/// A file to write: its path and text.
pub type File = (PathBuf, String);

/// Why a plan cannot be scaffolded.
#[derive(Debug)]
pub enum NewError {
    /// The owner is not an organisation of the registry.
    UnknownOwner(String),
    /// No plan fits as the parent a plan of this kind needs; `--parent` must name it.
    NoParent(PlanKind),
    /// A parent named with `--parent` is not a plan of the repository.
    UnknownParent(String),
    /// The id is not lower-case ASCII letters, digits and `-`.
    BadId(String),
    /// The id is taken.
    TakenId(String),
    /// The template does not render.
    Template(String),
}

/// What `emplan new` is asked for.
pub struct NewPlan<'a> {
    pub kind: PlanKind,
    pub id: &'a str,
    pub owner: &'a str,
    pub title: Option<&'a str>,
    pub parents: &'a [String],
    pub hazards: &'a [String],
    pub commander: Option<&'a str>,
}

fn render(name: &str, template: &str, context: &serde_json::Value) -> Result<String, String> {
    let context = tera::Context::from_value(context.clone()).map_err(|e| e.to_string())?;
    let mut tera = crate::foundation::template::tera();
    tera.add_raw_template(name, template)
        .and_then(|()| tera.render(name, &context))
        .map_err(|e| crate::foundation::template::describe(&e))
        .map_err(|e| format!("{name}: {e}"))
}

/// The files of a new repository for `jurisdiction` (区名, e.g. 利州区), dated `today`: the
/// configuration, a registry, an overall plan, a CI workflow, a README and the schemas.
pub fn init(jurisdiction: &str, today: Date) -> Result<Vec<File>, String> {
    let context = json!({
        "jurisdiction": jurisdiction,
        "today": today.to_string(),
        "year": today.year,
    });
    let mut files = Vec::new();
    for (path, template) in INIT {
        files.push((PathBuf::from(path), render(path, template, &context)?));
    }
    let overall = json!({
        "id": "overall",
        "title": format!("{jurisdiction}突发事件总体应急预案"),
        "owner": "qu-zhengfu",
        "jurisdiction": jurisdiction,
        "commander": "post-qu-head",
        "year": today.year,
    });
    files.push((
        PathBuf::from("overall/overall.md"),
        render(
            "templates/new/overall.md",
            template(PlanKind::Overall),
            &overall,
        )?,
    ));
    for (name, schema) in crate::model::schema::schemas() {
        files.push((Path::new("schemas").join(name), schema));
    }
    Ok(files)
}

fn template(kind: PlanKind) -> &'static str {
    NEW.iter()
        .find(|(k, _)| *k == kind)
        .map_or("", |(_, text)| *text)
}

/// The plan file for `plan` in `repo`: its path in the repository and its text.
pub fn new_plan(repo: &Repository, plan: &NewPlan, today: Date) -> Result<File, NewError> {
    let NewPlan {
        kind, id, owner, ..
    } = *plan;
    let valid = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !valid {
        return Err(NewError::BadId(id.to_owned()));
    }
    if repo.plans.iter().any(|p| p.meta.id.as_str() == id) {
        return Err(NewError::TakenId(id.to_owned()));
    }
    let org = |id: &str| {
        repo.registry
            .organisations
            .iter()
            .map(|e| &e.value)
            .find(|o| o.id.as_str() == id)
    };
    let found = org(owner).ok_or_else(|| NewError::UnknownOwner(owner.to_owned()))?;
    let owner_name = found.name.value.clone();
    let parents = match plan.parents {
        [] => vec![default_parent(repo, kind, owner)?],
        named => {
            for p in named {
                if !repo.plans.iter().any(|plan| plan.meta.id.as_str() == p) {
                    return Err(NewError::UnknownParent(p.clone()));
                }
            }
            named.to_vec()
        }
    };
    let parents: Vec<String> = parents.into_iter().filter(|p| !p.is_empty()).collect();
    // The government the plan belongs to, for its wording: the overall plan's owner.
    let jurisdiction = repo
        .plans
        .iter()
        .find(|p| p.meta.kind.value == PlanKind::Overall)
        .and_then(|p| org(p.meta.owner.as_str()))
        .map_or(owner_name.clone(), |g| {
            g.name.value.trim_end_matches("人民政府").to_owned()
        });
    let title = plan
        .title
        .map_or_else(|| default_title(kind, &owner_name), str::to_owned);
    let hq = title
        .trim_end_matches("应急预案")
        .trim_end_matches("预案")
        .to_owned()
        + "应急指挥部";
    let context = json!({
        "id": id,
        "title": title,
        "owner": owner,
        "owner_name": owner_name,
        "jurisdiction": jurisdiction,
        "parents": parents,
        "hazards": plan.hazards,
        "commander": plan.commander,
        "hq": hq,
        "year": today.year,
    });
    let name = format!("templates/new/{}.md", kind.key());
    let text = match read_inside(&repo.root, &name) {
        Ok(Some(text)) => text,
        Ok(None) => template(kind).to_owned(),
        Err(refused) => return Err(NewError::Template(format!("{name}: {}", refused.message()))),
    };
    let text = render(&name, &text, &context).map_err(NewError::Template)?;
    // A plan goes in the folder named after its kind, as in the sample.
    Ok((Path::new(kind.key()).join(format!("{id}.md")), text))
}

fn default_title(kind: PlanKind, owner: &str) -> String {
    let short = owner
        .trim_end_matches("人民政府")
        .trim_end_matches("村民委员会")
        .trim_end_matches("居民委员会")
        .trim_end_matches("办事处");
    match kind {
        PlanKind::Overall => format!("{short}突发事件总体应急预案"),
        PlanKind::Specialised => format!("{short}专项应急预案"),
        PlanKind::Departmental => format!("{owner}突发事件应急预案"),
        PlanKind::Township | PlanKind::Village => format!("{short}突发事件应急预案"),
        PlanKind::Enterprise => format!("{owner}生产安全事故应急预案"),
        PlanKind::Site => format!("{owner}现场处置方案"),
        PlanKind::Joint => format!("{short}跨区域突发事件联合应急预案"),
    }
}

/// The parent a plan of this kind hangs under when `--parent` is not given (rule L101): the
/// overall plan; a village's township plan; an enterprise's township plan; a site plan's plan
/// of the same owner. The overall plan has none (an empty id).
fn default_parent(repo: &Repository, kind: PlanKind, owner: &str) -> Result<String, NewError> {
    let plans = || repo.plans.iter();
    let parent_org = repo
        .registry
        .organisations
        .iter()
        .find(|o| o.value.id.as_str() == owner)
        .and_then(|o| o.value.parent.as_ref())
        .map(|p| p.as_str().to_owned());
    let comprehensive = |p: &&crate::model::Plan| {
        p.meta.scope.as_ref().map(|s| s.value) != Some(crate::model::PlanScope::Hazard)
    };
    let found = match kind {
        PlanKind::Overall => return Ok(String::new()),
        PlanKind::Specialised | PlanKind::Departmental | PlanKind::Township | PlanKind::Joint => {
            let overall: Vec<_> = plans()
                .filter(|p| p.meta.kind.value == PlanKind::Overall)
                .collect();
            match overall.as_slice() {
                [one] => Some(one.meta.id.as_str()),
                _ => None,
            }
        }
        PlanKind::Village | PlanKind::Enterprise => plans()
            .filter(|p| p.meta.kind.value == PlanKind::Township)
            .filter(comprehensive)
            .find(|p| Some(p.meta.owner.as_str()) == parent_org.as_deref())
            .map(|p| p.meta.id.as_str()),
        PlanKind::Site => plans()
            .filter(|p| p.meta.kind.value != PlanKind::Site)
            .find(|p| p.meta.owner.as_str() == owner)
            .map(|p| p.meta.id.as_str()),
    };
    found.map(str::to_owned).ok_or(NewError::NoParent(kind))
}
