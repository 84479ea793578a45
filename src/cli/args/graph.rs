//! The verbs that answer from the graph: `graph`, `activate`, `impact`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::foundation::i18n::Lang;
use crate::model::ResponseLevel;
use crate::tr;

#[derive(Debug, Args)]
pub struct GraphArgs {
    /// The plan repository's folder
    #[arg(id = "repository", value_name = "PATH", default_value = ".")]
    pub path: PathBuf,
    /// Output format [default: dot; with --critical: a table]
    #[arg(
        id = "graph_format",
        long = "format",
        value_name = "FORMAT",
        value_enum
    )]
    pub format: Option<GraphFormat>,
    /// What to show
    #[arg(long, value_enum, default_value_t = GraphView::Plans)]
    pub view: GraphView,
    /// Show only what lies near this plan, organisation, post, contact, resource or hazard (by id)
    #[arg(long, value_name = "ID")]
    pub focus: Option<String>,
    /// With --focus: how many edges away from it to go
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub depth: usize,
    /// Rank organisations, posts and resources by how much of the response depends on them
    /// alone (a table, or JSON with --format json)
    #[arg(long, conflicts_with_all = ["focus", "view"])]
    pub critical: bool,
    /// Draw this plan's response flow chart (with --format svg)
    #[arg(long, value_name = "ID", conflicts_with_all = ["focus", "view", "critical"])]
    pub plan: Option<String>,
}

/// What `emplan graph` does, one mode per set of flags, each with the formats that fit it.
pub enum GraphMode<'a> {
    /// The graph, or the part of it `--view`, `--focus` and `--depth` select, as DOT, Mermaid
    /// or JSON.
    Export {
        format: ExportFormat,
        view: GraphView,
        focus: Option<&'a str>,
        depth: usize,
    },
    /// `--critical`: the single points of failure, as a table or (`json`) as JSON.
    Critical { json: bool },
    /// `--plan ID --format svg`: the plan's response flow chart.
    FlowChart { plan: &'a str },
}

/// The formats of the graph's export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Dot,
    Mermaid,
    Json,
}

impl GraphArgs {
    /// The mode these flags ask for, or why they do not fit together.
    pub fn mode(&self, lang: Lang) -> Result<GraphMode<'_>, String> {
        if self.critical {
            return match self.format {
                None => Ok(GraphMode::Critical { json: false }),
                Some(GraphFormat::Json) => Ok(GraphMode::Critical { json: true }),
                Some(other) => {
                    let format = other
                        .to_possible_value()
                        .map(|v| v.get_name().to_owned())
                        .unwrap_or_default();
                    Err(tr!(
                        lang,
                        "--critical ranks the single points of failure as a table, or as JSON with --format json: --format {format} does not fit it",
                        "--critical 以表格列出单点故障排名（配合 --format json 输出 JSON）：不能使用 --format {format}"
                    ))
                }
            };
        }
        match (&self.plan, self.format) {
            (Some(plan), Some(GraphFormat::Svg)) => Ok(GraphMode::FlowChart { plan }),
            (Some(_), _) => Err(tr!(
                lang,
                "--plan draws the plan's flow chart as SVG: add --format svg",
                "--plan 以 SVG 绘制预案的流程图：请加上 --format svg"
            )),
            (None, Some(GraphFormat::Svg)) => Err(tr!(
                lang,
                "--format svg draws one plan's flow chart: name it with --plan ID",
                "--format svg 绘制单个预案的流程图：请用 --plan ID 指定预案"
            )),
            (None, format) => Ok(GraphMode::Export {
                format: match format {
                    Some(GraphFormat::Mermaid) => ExportFormat::Mermaid,
                    Some(GraphFormat::Json) => ExportFormat::Json,
                    _ => ExportFormat::Dot,
                },
                view: self.view,
                focus: self.focus.as_deref(),
                depth: self.depth,
            }),
        }
    }
}

/// The formats of `emplan graph`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// Graphviz DOT (render with `dot -Tsvg`)
    Dot,
    /// a Mermaid flowchart (GitHub renders it in Markdown)
    Mermaid,
    /// node-link JSON (version 1); with --critical: the ranking as JSON
    Json,
    /// with --plan: the plan's response flow chart as SVG
    Svg,
}

/// The views of `emplan graph`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GraphView {
    /// plans and their parents
    Plans,
    /// plans and organisations: owners and the organisations given duties
    Orgs,
    /// every node and edge
    All,
}

#[derive(Debug, Args)]
pub struct ActivateArgs {
    /// The hazard, by id (rainstorm, forest-fire ...)
    #[arg(long, value_name = "ID")]
    pub hazard: String,
    /// The response level: I, II, III or IV (Ⅰ to Ⅳ, 1 to 4)
    #[arg(long, value_name = "LEVEL", value_parser = parse_level)]
    pub level: ResponseLevel,
    /// Where: a township, village or hazard-point id
    #[arg(long, value_name = "PLACE")]
    pub at: String,
    /// Activate the plans of the hazards it triggers too, instead of putting them on standby
    #[arg(long)]
    pub chain: bool,
    /// Output format
    #[arg(id = "answer_format", long = "format", value_name = "FORMAT", value_enum, default_value_t = AnswerFormat::Text)]
    pub format: AnswerFormat,
    /// The plan repository's folder
    #[arg(id = "repository", value_name = "PATH", default_value = ".")]
    pub path: PathBuf,
}

#[derive(Debug, Args)]
pub struct ImpactArgs {
    /// The organisation, post, contact or resource, by id
    #[arg(value_name = "ID")]
    pub id: String,
    /// Output format
    #[arg(id = "answer_format", long = "format", value_name = "FORMAT", value_enum, default_value_t = AnswerFormat::Text)]
    pub format: AnswerFormat,
    /// The plan repository's folder
    #[arg(id = "repository", value_name = "PATH", default_value = ".")]
    pub path: PathBuf,
}

/// The formats of `emplan activate` and `emplan impact`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum AnswerFormat {
    /// for the terminal
    Text,
    /// one JSON document (version 1)
    Json,
    /// a Markdown report to print
    Md,
}

/// A response level as a commander says it: I to IV, Ⅰ to Ⅳ, or 1 to 4.
fn parse_level(text: &str) -> Result<ResponseLevel, String> {
    match text.trim().to_ascii_uppercase().as_str() {
        "I" | "Ⅰ" | "1" | "Ⅰ级" => Ok(ResponseLevel::I),
        "II" | "Ⅱ" | "2" | "Ⅱ级" => Ok(ResponseLevel::II),
        "III" | "Ⅲ" | "3" | "Ⅲ级" => Ok(ResponseLevel::III),
        "IV" | "Ⅳ" | "4" | "Ⅳ级" => Ok(ResponseLevel::IV),
        _ => {
            Err("expected I, II, III or IV (Ⅰ, Ⅱ, Ⅲ, Ⅳ; 1 to 4) / 应为 I、II、III 或 IV".to_owned())
        }
    }
}
