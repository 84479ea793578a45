//! `emplan graph`: the response dependency graph as DOT, Mermaid or node-link JSON.

use crate::foundation::escape::escape_lines;
use crate::foundation::i18n::Lang;
use crate::foundation::suggest::suggest;
use crate::graph::export::{self, View};
use crate::graph::{Graph, Node};
use crate::graph::{flowchart, impact};
use crate::model::index::Index;
use crate::model::travel::Travel;
use crate::tr;

use super::args::{GraphArgs, GraphFormat, GraphView};
use super::{EXIT_OK, load_repository, print};

/// How many lines of the `--critical` ranking the table shows (the JSON has them all).
const CRITICAL_SHOWN: usize = 30;

pub fn run(args: &GraphArgs, lang: Lang) -> Result<i32, String> {
    let repo = load_repository(&args.path, lang)?;
    if args.critical {
        let lookup = Index::new(&repo);
        let travel = Travel::new(&repo);
        let list = impact::critical(&repo, &lookup, &travel);
        let text = match args.format {
            GraphFormat::Json => {
                let mut text = serde_json::to_string_pretty(&impact::output::critical_json(&list))
                    .unwrap_or_default();
                text.push('\n');
                text
            }
            GraphFormat::Dot | GraphFormat::Mermaid | GraphFormat::Svg => {
                escape_lines(&impact::output::critical_text(&list, lang, CRITICAL_SHOWN))
            }
        };
        print(&text, lang)?;
        return Ok(EXIT_OK);
    }
    match (&args.plan, args.format) {
        (Some(id), GraphFormat::Svg) => {
            let lookup = Index::new(&repo);
            let Some(plan) = lookup.plans.get(id.as_str()).copied() else {
                let near = suggest(id, lookup.plans.keys().copied());
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
            print(&flowchart::svg(&lookup, plan), lang)?;
            return Ok(EXIT_OK);
        }
        (Some(_), _) => {
            return Err(tr!(
                lang,
                "--plan draws the plan's flow chart as SVG: add --format svg",
                "--plan 以 SVG 绘制预案的流程图：请加上 --format svg"
            ));
        }
        (None, GraphFormat::Svg) => {
            return Err(tr!(
                lang,
                "--format svg draws one plan's flow chart: name it with --plan ID",
                "--format svg 绘制单个预案的流程图：请用 --plan ID 指定预案"
            ));
        }
        (None, _) => {}
    }
    let graph = Graph::build(&repo);
    let focus = match &args.focus {
        None => None,
        Some(id) => Some(focused(&graph, id, lang)?),
    };
    let view = match args.view {
        GraphView::Plans => View::Plans,
        GraphView::Orgs => View::Orgs,
        GraphView::All => View::All,
    };
    let selection = export::select(&graph, view, focus, args.depth);
    let text = match args.format {
        GraphFormat::Dot => export::dot(&repo, &selection, lang),
        GraphFormat::Mermaid => export::mermaid(&repo, &selection, lang),
        GraphFormat::Json => {
            let value = export::json(&repo, &selection);
            let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
            text.push('\n');
            text
        }
        // Answered above.
        GraphFormat::Svg => String::new(),
    };
    print(&text, lang)?;
    Ok(EXIT_OK)
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
