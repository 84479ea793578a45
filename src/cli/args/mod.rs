//! Every command-line definition, and its Chinese translation: the verbs that check and
//! write plans here, those that answer from the graph in `graph.rs`, those that render in
//! `render.rs`, the Chinese help in `help_zh.rs` and `translate.rs`.

mod graph;
mod help_zh;
mod render;
mod translate;

pub use graph::*;
pub use render::*;
pub use translate::command;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::check::Severity;
use crate::foundation::i18n::Lang;
use crate::report::Format;

#[derive(Debug, Parser)]
#[command(
    name = "emplan",
    version,
    about = "Emergency plans as code: check the linkage between a government's emergency plans",
    long_about = None,
    propagate_version = true
)]
pub struct Cli {
    /// Language of messages and help [default: from LANG]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a plan repository and report every problem
    Check(CheckArgs),
    /// Print the documentation of a rule
    Explain(ExplainArgs),
    /// List every rule
    Rules,
    /// Print or write the JSON Schemas of the file format
    Schema(SchemaArgs),
    /// Print the response dependency graph as DOT, Mermaid or JSON
    Graph(GraphArgs),
    /// Run the activation cascade of a hazard at a level and a place
    Activate(ActivateArgs),
    /// Show what depends on an organisation, post, contact or resource, and what breaks without it
    Impact(ImpactArgs),
    /// Render a handbook (PDF): one plan's, one organisation's, or the whole plan system's
    Handbook(HandbookArgs),
    /// Render pocket response cards (PDF), one per post
    Cards(CardsArgs),
    /// Drills: exercise packs derived from the plans
    Drill(DrillArgs),
    /// Record that a plan's acceptances were reviewed against the duties they take up (T105)
    Review(ReviewArgs),
    /// Create a new plan repository that checks clean
    Init(InitArgs),
    /// Write a new plan of a kind, with the chapters and fields its kind requires
    New(NewArgs),
    /// Print shell completions
    Completions(CompletionsArgs),
    /// Print the manual page (roff)
    Man,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create the repository in (created if missing; no file in it is
    /// overwritten)
    #[arg(id = "init_dir", value_name = "DIR")]
    pub dir: PathBuf,
    /// The jurisdiction's name, as the plans write it (利州区)
    #[arg(
        id = "jurisdiction",
        long = "name",
        value_name = "NAME",
        default_value = "示例区"
    )]
    pub name: String,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The kind of plan
    #[arg(id = "new_kind", long = "kind", value_name = "KIND", value_parser = parse_kind)]
    pub kind: crate::model::PlanKind,
    /// The new plan's id
    #[arg(id = "new_id", long = "id", value_name = "ID")]
    pub id: String,
    /// The organisation that owns the plan, by id (its lead department, township, enterprise)
    /// [default for a joint plan: the overall plan's owner]
    #[arg(id = "new_owner", long = "owner", value_name = "ORG")]
    pub owner: Option<String>,
    /// The plan's title [default: from the owner's name and the kind]
    #[arg(id = "new_title", long = "title", value_name = "TITLE")]
    pub title: Option<String>,
    /// A parent plan, by id (repeatable) [default: the parent the kind needs]
    #[arg(id = "new_parent", long = "parent", value_name = "PLAN")]
    pub parents: Vec<String>,
    /// A hazard the plan covers, by id (repeatable)
    #[arg(id = "new_hazard", long = "hazard", value_name = "HAZARD")]
    pub hazards: Vec<String>,
    /// The post of the plan's commander, by id
    #[arg(id = "new_commander", long = "commander", value_name = "POST")]
    pub commander: Option<String>,
    /// The plan repository's folder
    #[arg(id = "repository", value_name = "PATH", default_value = ".")]
    pub path: PathBuf,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(id = "shell", value_enum)]
    pub shell: clap_complete::Shell,
}

fn parse_kind(text: &str) -> Result<crate::model::PlanKind, String> {
    crate::model::PlanKind::ALL
        .into_iter()
        .find(|k| k.key() == text)
        .ok_or_else(|| {
            let kinds: Vec<&str> = crate::model::PlanKind::ALL
                .iter()
                .map(|k| k.key())
                .collect();
            let list = kinds.join(", ");
            format!("expected one of {list} / 应为 {list} 之一")
        })
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The plan repository's folder, or files and folders inside one: the whole repository is
    /// checked and the findings in these are reported
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Root of the repository, when PATHS are inside it [default: the nearest folder upward with
    /// an emplan.toml, else the top of the git work tree]
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// When to colour the output
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Exit with 1 when there is a finding of this severity or a worse one
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Show at most this many findings of each rule (0: all); the summary counts them all
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub max_per_rule: usize,
    /// The day the lifecycle, contact and drill rules count from, YYYY-MM-DD [default: as_of in
    /// emplan.toml, else today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<crate::model::Date>,
    /// Report only findings that are not in this baseline file
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Write every finding of this run into a baseline file, and report nothing
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub write_baseline: Option<PathBuf>,
}

/// The least severity that makes `emplan check` fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// fail on errors
    Error,
    /// fail on errors and warnings
    Warning,
    /// fail on any finding
    Info,
    /// never fail on findings (exit 0 unless emplan cannot run)
    Never,
}

impl FailOn {
    /// Whether a finding of `severity` fails the run.
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Error => severity == Severity::Error,
            FailOn::Warning => severity != Severity::Info,
            FailOn::Info => true,
            FailOn::Never => false,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Rule code or name, e.g. L301 or duty-not-accepted
    pub rule: String,
}

/// A day written YYYY-MM-DD.
fn parse_date(text: &str) -> Result<crate::model::Date, String> {
    crate::model::Date::parse(text.trim())
        .ok_or_else(|| "expected a date written YYYY-MM-DD / 应为 YYYY-MM-DD 格式的日期".to_owned())
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("reviewed").required(true).args(["review_plan", "review_all"])))]
pub struct ReviewArgs {
    /// The plan whose acceptances were reviewed, by id (repeatable)
    #[arg(id = "review_plan", long = "plan", value_name = "ID")]
    pub plans: Vec<String>,
    /// Every plan that accepts a duty
    #[arg(id = "review_all", long = "all")]
    pub all: bool,
    /// The plan repository's folder
    #[arg(id = "repository", value_name = "PATH", default_value = ".")]
    pub path: PathBuf,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Write the schemas into this folder instead of printing them
    #[arg(long)]
    pub out: Option<PathBuf>,
}
