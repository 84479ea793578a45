//! `emplan graph`: the response dependency graph as DOT, Mermaid or node-link JSON; with
//! `--critical`, its single points of failure; with `--plan ID --format svg`, a plan's flow chart.

use crate::foundation::escape::escape_lines;
use crate::foundation::i18n::Lang;
use crate::foundation::suggest::suggest;
use crate::graph::export::{self, View};
use crate::graph::{Graph, Node};
use crate::graph::{flowchart, impact};
use crate::model::index::Index;
use crate::model::travel::Travel;
use crate::tr;

use super::args::{ExportFormat, GraphArgs, GraphMode, GraphView};
use super::{EXIT_OK, load_repository, print};

/// How many lines of the `--critical` ranking the table shows (the JSON has them all).
const CRITICAL_SHOWN: usize = 30;

pub fn run(args: &GraphArgs, lang: Lang) -> Result<i32, String> {
    let repo = load_repository(&args.path, lang)?;
    let text = match args.mode(lang)? {
        GraphMode::Critical { json } => {
            let index = Index::new(&repo);
            let travel = Travel::new(&repo);
            let list = impact::critical(&repo, &index, &travel);
            if json {
                json_text(&impact::output::critical_json(&list))
            } else {
                escape_lines(&impact::output::critical_text(&list, lang, CRITICAL_SHOWN))
            }
        }
        GraphMode::FlowChart { plan: id } => {
            let index = Index::new(&repo);
            let Some(plan) = index.plans.get(id).copied() else {
                let near = suggest(id, index.plans.keys().copied());
                return Err(match near {
                    Some(near) => tr!(
                        lang,
                        "--plan: no plan `{id}`; did you mean `{near}`?",
                        "--plan：没有编号为 `{id}` 的预案；是否应为 `{near}`？"
                    ),
                    None => tr!(
                        lang,
                        "--plan: no plan `{id}`",
                        "--plan：没有编号为 `{id}` 的预案"
                    ),
                });
            };
            flowchart::svg(&index, plan)
        }
        GraphMode::Export {
            format,
            view,
            focus,
            depth,
        } => {
            let graph = Graph::build(&repo);
            let focus = match focus {
                None => None,
                Some(id) => Some(focused(&graph, id, lang)?),
            };
            let view = match view {
                GraphView::Plans => View::Plans,
                GraphView::Orgs => View::Orgs,
                GraphView::All => View::All,
            };
            let selection = export::select(&graph, view, focus, depth);
            match format {
                ExportFormat::Dot => export::dot(&repo, &selection, lang),
                ExportFormat::Mermaid => export::mermaid(&repo, &selection, lang),
                ExportFormat::Json => json_text(&export::json(&repo, &selection)),
            }
        }
    };
    print(&text, lang)?;
    Ok(EXIT_OK)
}

/// A JSON answer, pretty-printed, with a final newline.
fn json_text(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// The node `--focus` names: a plan, organisation, post, contact, resource or hazard id.
fn focused<'a>(graph: &Graph<'a>, id: &str, lang: Lang) -> Result<Node<'a>, String> {
    let named = |n: &Node<'a>| match *n {
        Node::Plan(x)
        | Node::Organisation(x)
        | Node::Post(x)
        | Node::Contact(x)
        | Node::Resource(x)
        | Node::Hazard(x) => Some(x),
        _ => None,
    };
    let mut nodes: Vec<Node<'a>> = graph.graph.node_weights().copied().collect();
    nodes.sort();
    if let Some(node) = nodes.iter().find(|n| named(n) == Some(id)) {
        return Ok(*node);
    }
    let near = suggest(id, nodes.iter().filter_map(named));
    Err(match near {
        Some(near) => tr!(
            lang,
            "--focus: no plan, organisation, post, contact, resource or hazard `{id}`; did you mean `{near}`?",
            "--focus：没有编号为 `{id}` 的预案、单位、岗位、联系人、资源或灾种；是否应为 `{near}`？"
        ),
        None => tr!(
            lang,
            "--focus: no plan, organisation, post, contact, resource or hazard `{id}`",
            "--focus：没有编号为 `{id}` 的预案、单位、岗位、联系人、资源或灾种"
        ),
    })
}
