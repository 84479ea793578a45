use crate::check::{Context, Diagnostic, Example, Family, Rule, Severity};
use crate::foundation::suggest::suggest;
use crate::model::registry::{OrgKind, ResourceKind};
use crate::model::{Id, Loc};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "D101",
    name: "drill-unknown-reference",
    family: Family::Drill,
    severity: Severity::Error,
    summary: (
        "a drill names an organisation, post, hazard, place or metric that does not exist",
        "演练引用了不存在的单位、岗位、灾种、地点或指标",
    ),
    doc: (
        "\
## What it does
Checks every id a drill definition (`*.drill.yaml`) uses: the organiser and participants (organisations), the director, controllers and evaluators (posts), the scenario's hazard, its place (a township, village or hazard point) and the metrics and secondary hazards of its stages. The help suggests the closest existing id.

## Why is this bad?
The exercise pack is derived from what these ids name: an unknown place has no plans to activate, an unknown controller has no one to deliver the injects, an unknown metric can never meet a response level's criterion, so the escalation the drill was written to test never comes (AQ/T 9009-2015: the scenario and the people of a drill must be set out before it starts).

## How to fix
Correct the id (the help shows the closest one), or register what it names.",
        "\
## 作用
检查演练定义（`*.drill.yaml`）中使用的每个编号：组织单位和参演单位（单位）、
演练总指挥、导调人员和评估人员（岗位）、情景的灾种、地点（乡镇、村或隐患点），
以及情景演变中的指标和次生灾种。帮助信息会给出最接近的现有编号。

## 为什么有问题
演练资料由这些编号所指的对象生成：地点不存在就没有可启动的预案，导调人员不存在
就无人发出注入，指标不存在就永远达不到响应级别的启动条件，演练要检验的响应升级
也就不会出现（AQ/T 9009-2015：演练前应明确演练情景和人员）。

## 如何修复
更正编号（帮助信息会给出最接近的编号），或在登记文件中登记该对象。",
    ),
    example: Example {
        file: "drills/flood.drill.yaml",
        find: "controllers: [post-flood]",
        bad: "controllers: [post-fllood]",
        good: "controllers: [post-flood]",
    },
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let lang = cx.lang;
    for entry in &cx.repo.drills {
        let d = &entry.value;
        let mut report = |id: &Id, what: &str, near: Option<&str>| {
            if cx.is_broken(id.as_str()) {
                return;
            }
            let loc = Loc {
                file: entry.file,
                span: id.span,
            };
            let shown = id.as_str();
            let mut diagnostic = Diagnostic::new(
                &RULE,
                loc,
                tr!(lang, "unknown {what} `{shown}`", "未知{what} `{shown}`"),
            );
            if let Some(near) = near {
                diagnostic = diagnostic.with_help(tr!(
                    lang,
                    "did you mean `{near}`?",
                    "是否应为 `{near}`？"
                ));
            }
            out.push(diagnostic);
        };
        let org = lang.pick("organisation", "单位");
        for id in std::iter::once(&d.organiser).chain(&d.participants) {
            if cx.organisations.get(id.as_str()).is_none() {
                report(id, org, suggest(id.as_str(), cx.organisations.ids()));
            }
        }
        let post = lang.pick("post", "岗位");
        let posts = d.director.iter().chain(&d.controllers).chain(&d.evaluators);
        for id in posts {
            if cx.posts.get(id.as_str()).is_none() {
                report(id, post, suggest(id.as_str(), cx.posts.ids()));
            }
        }
        let hazard = lang.pick("hazard", "灾种");
        let s = &d.scenario;
        let hazards = std::iter::once(&s.hazard).chain(s.stages.iter().flat_map(|st| &st.hazards));
        for id in hazards {
            if cx.hazards.get(id.as_str()).is_none() {
                report(id, hazard, suggest(id.as_str(), cx.hazards.ids()));
            }
        }
        let metric = lang.pick("metric", "指标");
        for id in s
            .stages
            .iter()
            .flat_map(|st| &st.readings)
            .map(|r| &r.metric)
        {
            if cx.metrics.get(id.as_str()).is_none() {
                report(id, metric, suggest(id.as_str(), cx.metrics.ids()));
            }
        }
        if !is_place(cx, s.place.as_str()) {
            let places = cx
                .organisations
                .ids()
                .chain(cx.resources.ids())
                .filter(|id| is_place(cx, id));
            let near = suggest(s.place.as_str(), places);
            let what = lang.pick(
                "place (township, village or hazard point)",
                "地点（乡镇、村或隐患点）",
            );
            report(&s.place, what, near);
        }
    }
}

/// A township, a village or a hazard point.
fn is_place(cx: &Context, id: &str) -> bool {
    let org = cx
        .organisations
        .get(id)
        .is_some_and(|o| matches!(o.value.kind.value, OrgKind::Township | OrgKind::Village));
    let point = cx
        .resources
        .get(id)
        .is_some_and(|r| r.value.kind.value == ResourceKind::HazardPoint);
    org || point
}
