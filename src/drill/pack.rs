//! The exercise pack of a drill: Markdown documents from Tera templates (`templates/drill/`), the
//! MSEL as CSV, and `manifest.json` naming every file, its audience and its SHA-256. PDFs of
//! the documents are made by the caller through the Typst engine ([`crate::render`]).

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::{Exercise, Inject, InjectKind, Source};
use crate::foundation::escape::csv_cell;
use crate::foundation::template::describe;
use crate::graph::cascade::{Cascade, Due};
use crate::load::inside::read_inside;
use crate::model::Repository;
use crate::model::drill::{Drill, DrillScenario, Objective};
use crate::model::index::Index;

/// Who may read a file of the pack.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Audience {
    Controller,
    Evaluator,
    Participant,
    Observer,
}

impl Audience {
    pub fn key(self) -> &'static str {
        match self {
            Audience::Controller => "controller",
            Audience::Evaluator => "evaluator",
            Audience::Participant => "participant",
            Audience::Observer => "observer",
        }
    }
}

pub(super) const STAFF: &[Audience] = &[Audience::Controller, Audience::Evaluator];
pub(super) const EVERYONE: &[Audience] = &[
    Audience::Controller,
    Audience::Evaluator,
    Audience::Participant,
    Audience::Observer,
];

/// One Markdown document of the pack, before it is written.
pub struct Document {
    /// Path in the pack, e.g. `drill-plan.md`.
    pub path: String,
    pub title: String,
    pub audience: &'static [Audience],
    pub markdown: String,
    /// Printed on A4 landscape (the MSEL's wide table).
    pub landscape: bool,
}

/// A file of the pack, ready to write.
pub struct PackFile {
    pub path: String,
    pub audience: &'static [Audience],
    pub bytes: Vec<u8>,
}

/// The templates emplan ships; a repository's `templates/drill/` overrides any of them.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("plan.md", include_str!("../../templates/drill/plan.md")),
    ("msel.md", include_str!("../../templates/drill/msel.md")),
    ("script.md", include_str!("../../templates/drill/script.md")),
    (
        "handbook.md",
        include_str!("../../templates/drill/handbook.md"),
    ),
    ("brief.md", include_str!("../../templates/drill/brief.md")),
    (
        "evaluation.md",
        include_str!("../../templates/drill/evaluation.md"),
    ),
    (
        "sign-in.md",
        include_str!("../../templates/drill/sign-in.md"),
    ),
    ("report.md", include_str!("../../templates/drill/report.md")),
];

/// A template that cannot be read or rendered.
#[derive(Debug)]
pub struct TemplateError {
    pub template: String,
    pub message: String,
}

/// Loads the templates: the repository's own where it has them.
pub(super) fn templates(root: &Path) -> Result<tera::Tera, TemplateError> {
    let mut tera = crate::foundation::template::tera();
    for (name, shipped) in TEMPLATES {
        let path = format!("templates/drill/{name}");
        let text = match read_inside(root, &path) {
            Ok(Some(text)) => text,
            Ok(None) => (*shipped).to_owned(),
            Err(refused) => {
                return Err(TemplateError {
                    message: refused.message(),
                    template: path,
                });
            }
        };
        tera.add_raw_template(name, &text)
            .map_err(|e| TemplateError {
                template: format!("templates/drill/{name}"),
                message: describe(&e),
            })?;
    }
    tera.register_filter("cell", cell);
    Ok(tera)
}

/// A value as one Markdown table cell: `|` escaped, line breaks as spaces.
fn cell(value: &Value, _: &std::collections::HashMap<String, Value>) -> tera::Result<Value> {
    let text = match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    };
    Ok(Value::String(
        text.replace('\\', "\\\\")
            .replace('|', "\\|")
            .replace(['\n', '\r'], " "),
    ))
}

/// Whether the pack is double-blind: its participant documents are written from a context
/// that holds nothing of the scenario, and go into a folder of their own.
pub fn is_blind(exercise: &Exercise<'_>) -> bool {
    exercise.seed.is_some()
        || exercise
            .drill
            .double_blind
            .as_ref()
            .is_some_and(|b| b.value)
}

/// A JSON value as the context of a template.
pub(super) fn tera_context(value: Value) -> Result<tera::Context, TemplateError> {
    tera::Context::from_value(value).map_err(|e| TemplateError {
        template: "context".to_owned(),
        message: describe(&e),
    })
}

/// The template `name` rendered with `cx`.
pub(super) fn render(
    tera: &tera::Tera,
    name: &str,
    cx: &tera::Context,
) -> Result<String, TemplateError> {
    tera.render(name, cx).map_err(|e| TemplateError {
        template: format!("templates/drill/{name}"),
        message: describe(&e),
    })
}

/// What a participant of a double-blind drill may read: who organises it and its form. The
/// scenario, the place, the time, the participants (who would tell where) and the seed are not
/// in it, so no template can print them.
fn blind_context(context: &Value) -> Value {
    json!({
        "drill": {
            "organiser": context["drill"]["organiser"],
            "form": context["drill"]["form"],
            "double_blind": true,
        },
        "participants": [],
    })
}

/// The documents of the pack, in order.
pub fn documents(
    repo: &Repository,
    index: &Index<'_>,
    exercise: &Exercise<'_>,
) -> Result<Vec<Document>, TemplateError> {
    let tera = templates(&repo.root)?;
    let context = context(repo, index, exercise);
    let cx = tera_context(context.clone())?;
    let participant = if is_blind(exercise) {
        tera_context(blind_context(&context))?
    } else {
        cx.clone()
    };
    let title = exercise.drill.title.value.as_str();
    let mut out = vec![
        Document {
            path: "drill-plan.md".to_owned(),
            title: titled(title, "演练方案"),
            audience: STAFF,
            markdown: render(&tera, "plan.md", &cx)?,
            landscape: false,
        },
        Document {
            path: "msel.md".to_owned(),
            title: format!("{title}主情景事件清单"),
            audience: STAFF,
            markdown: render(&tera, "msel.md", &cx)?,
            landscape: true,
        },
        Document {
            path: "script.md".to_owned(),
            title: titled(title, "演练脚本"),
            audience: &[Audience::Controller],
            markdown: render(&tera, "script.md", &cx)?,
            landscape: false,
        },
        Document {
            path: "controller-handbook.md".to_owned(),
            title: format!("{title}导调与评估手册"),
            audience: STAFF,
            markdown: render(&tera, "handbook.md", &cx)?,
            landscape: false,
        },
        Document {
            path: "participant-brief.md".to_owned(),
            title: "参演人员须知".to_owned(),
            audience: &[Audience::Participant, Audience::Observer],
            markdown: render(&tera, "brief.md", &participant)?,
            landscape: false,
        },
    ];
    for objective in context["objectives"].as_array().into_iter().flatten() {
        let mut one = cx.clone();
        one.insert("objective", objective);
        let id = objective["id"].as_str().unwrap_or_default();
        out.push(Document {
            path: format!("evaluation/{id}.md"),
            title: format!("演练评估表（{id}）"),
            audience: &[Audience::Evaluator],
            markdown: render(&tera, "evaluation.md", &one)?,
            landscape: false,
        });
    }
    out.push(Document {
        path: "sign-in.md".to_owned(),
        title: "演练签到表".to_owned(),
        audience: EVERYONE,
        markdown: render(&tera, "sign-in.md", &participant)?,
        landscape: false,
    });
    Ok(out)
}

/// A document's title after the drill's: 2026年……实战演练 + 演练方案 is ……实战演练方案.
fn titled(title: &str, document: &str) -> String {
    match (title.strip_suffix("演练"), document.strip_prefix("演练")) {
        (Some(_), Some(rest)) => format!("{title}{rest}"),
        _ => format!("{title}{document}"),
    }
}

/// The MSEL's columns, as the CSV and the spreadsheet head them.
pub const MSEL_COLUMNS: &[&str] = &[
    "编号",
    "场景时间",
    "时刻",
    "类型",
    "发送方",
    "接收方",
    "传递方式",
    "注入内容",
    "预期行动",
    "时限",
    "依据预案",
    "依据条款",
    "演练目标",
    "导调人员",
    "追踪",
];

/// The MSEL's rows, a string per column of [`MSEL_COLUMNS`].
pub fn msel_rows(index: &Index<'_>, exercise: &Exercise<'_>) -> Vec<Vec<String>> {
    let start = exercise.drill.scenario.time.value.minutes as u32;
    exercise
        .injects
        .iter()
        .map(|i| {
            let e = i.expected.as_ref();
            vec![
                i.id.clone(),
                scenario_time(i.minutes),
                clock(start + i.minutes),
                i.kind.zh().to_owned(),
                i.from.clone(),
                recipient(index, i),
                i.method.to_owned(),
                i.text.clone(),
                e.map(|e| e.what.clone()).unwrap_or_default(),
                e.map(|e| due_zh(e.due)).unwrap_or_default(),
                e.map(|e| e.plan.to_owned()).unwrap_or_default(),
                e.map(|e| clause(&e.source)).unwrap_or_default(),
                i.objective.unwrap_or_default().to_owned(),
                i.controller.unwrap_or_default().to_owned(),
                i.chases.clone().unwrap_or_default(),
            ]
        })
        .collect()
}

/// The MSEL as CSV (UTF-8 with a byte-order mark, so that spreadsheet programs on Windows
/// read the Chinese right).
pub fn msel_csv(index: &Index<'_>, exercise: &Exercise<'_>) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::from("\u{feff}".as_bytes()));
    // Writing into memory cannot fail.
    let _ = writer.write_record(MSEL_COLUMNS);
    // A text that starts like a formula is guarded, so a spreadsheet never runs it.
    for row in msel_rows(index, exercise) {
        let _ = writer.write_record(row.iter().map(|cell| csv_cell(cell).into_owned()));
    }
    writer.into_inner().unwrap_or_default()
}

/// The widths of the MSEL's columns in a spreadsheet, in characters.
const MSEL_WIDTHS: &[f64] = &[
    7.0, 9.0, 8.0, 10.0, 24.0, 24.0, 8.0, 44.0, 44.0, 10.0, 20.0, 16.0, 13.0, 22.0, 7.0,
];

/// The MSEL as an XLSX workbook: one sheet, the head row frozen and filtered, text wrapped in
/// columns of readable widths. Its creation date is `date` (the plans'), so two runs give the
/// same bytes.
pub fn msel_xlsx(
    index: &Index<'_>,
    exercise: &Exercise<'_>,
    date: crate::model::Date,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{
        DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook,
    };
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(date.year, date.month, date.day)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(format!("{}主情景事件清单", exercise.drill.title.value))
            .set_author("emplan")
            .set_creation_datetime(&created),
    );
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin)
        .set_background_color(0xD9E1F2);
    let body = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    let sheet = workbook.add_worksheet();
    sheet.set_name("MSEL")?;
    for (col, (name, width)) in MSEL_COLUMNS.iter().zip(MSEL_WIDTHS).enumerate() {
        let col = col as u16;
        sheet.set_column_width(col, *width)?;
        sheet.write_string_with_format(0, col, *name, &head)?;
    }
    let rows = msel_rows(index, exercise);
    for (r, row) in rows.iter().enumerate() {
        for (col, value) in row.iter().enumerate() {
            sheet.write_string_with_format(r as u32 + 1, col as u16, value, &body)?;
        }
    }
    sheet.set_freeze_panes(1, 2)?;
    sheet.autofilter(0, 0, rows.len() as u32, MSEL_COLUMNS.len() as u16 - 1)?;
    workbook.save_to_buffer()
}

/// `T+1:30`: hours and minutes after T+0.
pub fn scenario_time(minutes: u32) -> String {
    format!("T+{}:{:02}", minutes / 60, minutes % 60)
}

/// The time of day, past midnight into the next days when the scenario runs on (`次日08:30`).
fn clock(minutes: u32) -> String {
    let day = minutes / (24 * 60);
    let within = minutes % (24 * 60);
    let time = format!("{:02}:{:02}", within / 60, within % 60);
    match day {
        0 => time,
        1 => format!("次日{time}"),
        n => format!("第{}日{time}", n + 1),
    }
}

pub fn due_zh(due: Due) -> String {
    match due {
        Due::Immediately => "立即".to_owned(),
        Due::Within(d) => d.within_zh(),
        Due::AsNeeded => "视情".to_owned(),
        Due::Unstated => "未规定".to_owned(),
    }
}

/// The clause an expected action comes from: 职责 shuili, Ⅳ级应急响应措施, Ⅲ级响应启动条件.
pub fn clause(source: &Source<'_>) -> String {
    match source {
        Source::Duty(id) => format!("职责 {id}"),
        Source::Level(name) => format!("{}措施", super::stage_zh(name)),
        Source::Activation(level) => format!("{}响应启动条件", level.zh()),
    }
}

pub(super) fn recipient(index: &Index<'_>, inject: &Inject<'_>) -> String {
    if let Some(to) = &inject.to_text {
        return to.clone();
    }
    let posts: Vec<&str> = inject
        .to_posts
        .iter()
        .map(|p| index.post_title(p))
        .collect();
    match (inject.to_org, posts.is_empty()) {
        (Some(org), true) => index.org_name(org).to_owned(),
        (Some(org), false) => format!("{}（{}）", index.org_name(org), posts.join("、")),
        (None, _) => posts.join("、"),
    }
}

/// A post with its holder: title, name and phone.
fn staff(index: &Index<'_>, post: &str) -> Value {
    let holder = index
        .post(post)
        .and_then(|p| p.holder.as_ref())
        .map(|h| index.person(h.as_str()));
    json!({
        "id": post,
        "title": index.post_title(post),
        "name": holder.map(|h| h.name),
        "phone": holder.and_then(|h| h.phone),
    })
}

/// Everything the templates read (docs/drill.md lists it).
fn context(repo: &Repository, index: &Index<'_>, exercise: &Exercise<'_>) -> Value {
    let d = exercise.drill;
    let s = &d.scenario;
    let c = &exercise.cascade;
    let start = s.time.value.minutes as u32;
    let injects = inject_values(repo, index, exercise);
    let objectives = objective_values(index, d, &injects);
    let stages = stage_values(index, s, start);
    let scenes = scene_values(exercise, &injects, start);
    let plans = plan_values(c);
    let headquarters = headquarter_values(index, c);
    let participants = exercise.participants(index);
    let counts = |kind: InjectKind| exercise.count(kind);
    json!({
        "drill": {
            "id": d.id.as_str(),
            "title": d.title.value,
            "plan_title": titled(&d.title.value, "演练方案"),
            "script_title": titled(&d.title.value, "演练脚本"),
            "organiser": index.org_name(d.organiser.as_str()),
            "form": d.form.value.zh(),
            "content": d.content.value.zh(),
            "purpose": d.purpose.value.zh(),
            "double_blind": is_blind(exercise),
            "seed": exercise.seed.map(|s| s.to_string()),
            "director": d.director.as_ref().map(|p| staff(index, p.as_str())),
        },
        "scenario": {
            "hazard": index.hazard_name(s.hazard.as_str()),
            "place": super::place_name(c.place.name),
            "township": index.org_name(c.place.township),
            "level": s.level.value.zh(),
            "final_level": exercise.final_level.zh(),
            "date": s.date.value.zh(),
            "time": s.time.value.to_string(),
            "state": s.state.value,
            "extent": s.extent.as_ref().map(|x| x.value.as_str()),
            "surroundings": s.surroundings.as_ref().map(|x| x.value.as_str()),
            "consequences": s.consequences.as_ref().map(|x| x.value.as_str()),
            "stages": stages,
            "secondary": c.secondary.iter().map(|x| index.hazard_name(x.hazard)).collect::<Vec<_>>(),
        },
        "objectives": objectives,
        "participants": participants,
        "controllers": d.controllers.iter().map(|p| staff(index, p.as_str())).collect::<Vec<_>>(),
        "evaluators": d.evaluators.iter().map(|p| staff(index, p.as_str())).collect::<Vec<_>>(),
        "plans": plans,
        "headquarters": headquarters,
        "injects": injects,
        "scenes": scenes,
        "counts": {
            "all": exercise.injects.len(),
            "activation": counts(InjectKind::Activation),
            "escalation": counts(InjectKind::Escalation),
            "secondary": counts(InjectKind::Secondary),
            "situation": counts(InjectKind::Situation),
            "contingency": counts(InjectKind::Contingency),
        },
    })
}

/// The context's injects: the MSEL's rows, with who speaks each in the script and where the
/// plans expect its action.
fn inject_values(repo: &Repository, index: &Index<'_>, exercise: &Exercise<'_>) -> Vec<Value> {
    let rows = msel_rows(index, exercise);
    // Who gives an instruction in the script: the commander of the plan's HQ, where the
    // cascade names one.
    let commanders: BTreeMap<&str, &str> = exercise
        .cascade
        .headquarters
        .iter()
        .filter_map(|h| Some((h.plan, index.post_title(h.commander?))))
        .collect();
    exercise
        .injects
        .iter()
        .zip(&rows)
        .map(|(i, row)| {
            let e = i.expected.as_ref();
            json!({
                "id": i.id,
                "time": row[1],
                "clock": row[2],
                "kind": i.kind.key(),
                "kind_zh": row[3],
                "from": i.from,
                "speaker": match (i.kind, e) {
                    (InjectKind::Activation | InjectKind::Secondary, Some(e)) => commanders
                        .get(e.plan)
                        .map_or_else(|| i.from.clone(), |c| format!("{c}（导调模拟）")),
                    _ => i.from.clone(),
                },
                "to": row[5],
                "method": i.method,
                "text": i.text,
                "expected": e.map(|e| e.what.clone()),
                "due": row[9],
                "plan": e.map(|e| e.plan),
                "plan_title": e.map(|e| index.plan_title(e.plan)),
                "clause": row[11],
                "place": e.map(|e| {
                    let p = repo.sources.place(e.loc);
                    format!("{}:{}:{}", p.path, p.line, p.column)
                }),
                "objective": i.objective,
                "controller": i.controller.map(|p| index.post_title(p)),
                "chases": i.chases,
            })
        })
        .collect()
}

/// The context's objectives: each with its duties and levels as the plans write them, and the
/// injects (of `injects`, contingencies aside) that test it.
fn objective_values(index: &Index<'_>, d: &Drill, injects: &[Value]) -> Vec<Value> {
    d.objectives
        .iter()
        .map(|o| {
            let id = o.id.as_str();
            let tested: Vec<&Value> = injects
                .iter()
                .filter(|i| i["objective"] == id && i["kind"] != "contingency")
                .collect();
            json!({
                "id": id,
                "text": o.text.value,
                "duties": objective_duties(index, o),
                "levels": objective_levels(index, o),
                "injects": tested,
            })
        })
        .collect()
}

/// The duties an objective names: plan, duty, organisation, text and time limit.
fn objective_duties(index: &Index<'_>, o: &Objective) -> Vec<Value> {
    o.duties
        .iter()
        .map(|r| {
            let duty = index.plans.get(r.plan.as_str()).and_then(|p| {
                p.meta
                    .duties
                    .iter()
                    .find(|x| x.id.as_str() == r.duty.as_str())
            });
            json!({
                "plan": index.plan_title(r.plan.as_str()),
                "duty": r.duty.as_str(),
                "org": duty.map(|x| index.org_name(x.org.as_str())),
                "text": duty.map(|x| x.text.value.as_str()),
                "due": duty.and_then(|x| x.deadline.as_ref()).map(|x| x.value.within_zh()),
            })
        })
        .collect()
}

/// The response levels an objective names: plan, level and the level's criteria.
fn objective_levels(index: &Index<'_>, o: &Objective) -> Vec<Value> {
    o.levels
        .iter()
        .map(|r| {
            let def = index.plans.get(r.plan.as_str()).and_then(|p| {
                p.meta.response.iter().find(|x| x.level.value == r.level.value)
            });
            json!({
                "plan": index.plan_title(r.plan.as_str()),
                "level": r.level.value.zh(),
                "criteria": def.map(|x| x.criteria.iter().map(|c| c.text.value.as_str()).collect::<Vec<_>>()),
            })
        })
        .collect()
}

/// The scenario's stages in time order, with their readings and hazards.
fn stage_values(index: &Index<'_>, s: &DrillScenario, start: u32) -> Vec<Value> {
    let mut list: Vec<_> = s.stages.iter().collect();
    list.sort_by_key(|st| st.at.value.minutes);
    list.into_iter()
        .map(|st| {
            json!({
                "time": scenario_time(st.at.value.minutes),
                "clock": clock(start + st.at.value.minutes),
                "text": st.text.value,
                "readings": super::text::readings_zh(index, st),
                "hazards": st.hazards.iter().map(|h| index.hazard_name(h.as_str())).collect::<Vec<_>>(),
            })
        })
        .collect()
}

/// Scenes of the script: the injects of one scenario time, with the narration of the stage
/// that begins then.
fn scene_values(exercise: &Exercise<'_>, injects: &[Value], start: u32) -> Vec<Value> {
    let s = &exercise.drill.scenario;
    let mut scenes: BTreeMap<u32, Vec<&Value>> = BTreeMap::new();
    for (i, value) in exercise.injects.iter().zip(injects) {
        if i.kind != InjectKind::Contingency {
            scenes.entry(i.minutes).or_default().push(value);
        }
    }
    scenes
        .into_iter()
        .enumerate()
        .map(|(n, (minutes, list))| {
            let stage = s.stages.iter().find(|st| st.at.value.minutes == minutes);
            let narration = match (n, stage) {
                (_, Some(st)) => st.text.value.clone(),
                (0, None) => s.state.value.clone(),
                _ => String::new(),
            };
            // The organisations on stage; their posts are named in each line.
            let mut roles: Vec<&str> = Vec::new();
            let orgs = list.iter().filter_map(|i| i["to"].as_str());
            for role in orgs.filter_map(|to| to.split('（').next()) {
                if !roles.contains(&role) {
                    roles.push(role);
                }
            }
            json!({
                "number": n + 1,
                "time": scenario_time(minutes),
                "clock": clock(start + minutes),
                "narration": narration,
                "roles": roles,
                "injects": list,
            })
        })
        .collect()
}

/// The plans the cascade activates, with their kind and level.
fn plan_values(c: &Cascade<'_>) -> Vec<Value> {
    c.activated
        .iter()
        .map(|a| {
            json!({
                "id": a.plan.meta.id.as_str(),
                "title": a.plan.meta.title.value,
                "kind": a.plan.meta.kind.value.zh(),
                "level": a.level.map(|l| l.zh()),
            })
        })
        .collect()
}

/// The headquarters the cascade sets up, with their commanders.
fn headquarter_values(index: &Index<'_>, c: &Cascade<'_>) -> Vec<Value> {
    c.headquarters
        .iter()
        .map(|h| {
            json!({
                "name": h.name,
                "level": h.level.map(|l| l.zh()),
                "commander": h.commander.map(|p| index.post_title(p)),
                "holder": h.holder.map(|p| p.name),
            })
        })
        .collect()
}

/// `manifest.json`: every other file of the pack, its audience and its SHA-256, in path order.
/// `drill` is the drill's id, or `None` in a double-blind participant pack (the id names the
/// place and the hazard).
pub fn manifest(drill: Option<&str>, files: &[PackFile]) -> Vec<u8> {
    let mut listed: Vec<&PackFile> = files.iter().collect();
    listed.sort_by(|a, b| a.path.cmp(&b.path));
    let entries: Vec<Value> = listed
        .iter()
        .map(|f| {
            json!({
                "path": f.path,
                "audience": f.audience.iter().map(|a| a.key()).collect::<Vec<_>>(),
                "bytes": f.bytes.len(),
                "sha256": hex(&Sha256::digest(&f.bytes)),
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&json!({
        "drill": drill,
        "generator": concat!("emplan ", env!("CARGO_PKG_VERSION")),
        "files": entries,
    }))
    .unwrap_or_default();
    text.push('\n');
    text.into_bytes()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
