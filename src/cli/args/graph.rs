//! The verbs that answer from the graph: `graph`, `activate`, `impact`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::model::ResponseLevel;

#[derive(Debug, Args)]
pub struct GraphArgs {
    /// The plan repository's folder
    #[arg(id = "repository", value_name = "PATH", default_value = ".")]
    pub path: PathBuf,
    /// Output format
    #[arg(id = "graph_format", long = "format", value_name = "FORMAT", value_enum, default_value_t = GraphFormat::Dot)]
    pub format: GraphFormat,
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

/// The formats of `emplan graph`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// Graphviz DOT (render with `dot -Tsvg`)
    Dot,
    /// a Mermaid flowchart (GitHub renders it in Markdown)
    Mermaid,
    /// node-link JSON (version 1)
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
