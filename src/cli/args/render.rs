//! The verbs that render PDFs: `handbook`, `cards` and `drill`.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::{AnswerFormat, parse_date};

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("subject").required(true).args(["book_plan", "book_org", "book_all", "book_each"])))]
pub struct HandbookArgs {
    /// The plan whose handbook to render, by id
    #[arg(id = "book_plan", long = "plan", value_name = "ID")]
    pub plan: Option<String>,
    /// The organisation whose book to render: its duties in every plan, its posts and resources
    #[arg(id = "book_org", long = "org", value_name = "ID")]
    pub org: Option<String>,
    /// Render the whole plan system (预案汇编) in one book
    #[arg(id = "book_all", long = "all")]
    pub all: bool,
    /// Render every plan's handbook, in parallel, into the folder -o as ID.pdf
    #[arg(id = "book_each", long = "each")]
    pub each: bool,
    /// The PDF file to write (with --each: the folder)
    #[arg(id = "output", short = 'o', long = "output", value_name = "FILE.pdf")]
    pub output: PathBuf,
    #[command(flatten)]
    pub render: RenderArgs,
    /// The plan repository's folder
    #[arg(id = "repository", value_name = "PATH", default_value = ".")]
    pub path: PathBuf,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("whose").required(true).args(["card_post", "card_org", "card_plan"])))]
pub struct CardsArgs {
    /// The card of this post, by id
    #[arg(id = "card_post", long = "post", value_name = "ID")]
    pub post: Option<String>,
    /// The cards of every post of this organisation
    #[arg(id = "card_org", long = "org", value_name = "ID")]
    pub org: Option<String>,
    /// The cards of every post this plan names
    #[arg(id = "card_plan", long = "plan", value_name = "ID")]
    pub plan: Option<String>,
    /// The page: one A6 card a page, or four to an A4 sheet with cut marks
    #[arg(long, value_enum, default_value_t = SheetArg::A6)]
    pub sheet: SheetArg,
    /// The PDF file to write
    #[arg(id = "output", short = 'o', long = "output", value_name = "FILE.pdf")]
    pub output: PathBuf,
    #[command(flatten)]
    pub render: RenderArgs,
    /// The plan repository's folder
    #[arg(id = "repository", value_name = "PATH", default_value = ".")]
    pub path: PathBuf,
}

#[derive(Debug, Args)]
pub struct DrillArgs {
    #[command(subcommand)]
    pub command: DrillCommand,
}

#[derive(Debug, Subcommand)]
pub enum DrillCommand {
    /// Write the exercise pack of a drill: drill plan, MSEL, script, handbook, brief, forms
    New(DrillNewArgs),
    /// Write the summary report of a held drill from its record: the seven parts, ratings,
    /// timeliness and the improvement plan
    Evaluate(DrillEvaluateArgs),
    /// List the duties and response levels that no drill held within a window has exercised
    Coverage(DrillCoverageArgs),
    /// Check an edited MSEL (CSV or XLSX) and write it into the drill definition
    ImportMsel(DrillImportArgs),
}

#[derive(Debug, Args)]
pub struct DrillImportArgs {
    /// The drill the MSEL belongs to, by id
    #[arg(id = "drill_id", value_name = "DRILL")]
    pub drill: String,
    /// The edited MSEL: FILE.csv or FILE.xlsx, as `drill new` exported it
    #[arg(id = "msel_file", value_name = "FILE")]
    pub file: PathBuf,
    /// The plan repository's folder
    #[arg(id = "repository", value_name = "PATH", default_value = ".")]
    pub path: PathBuf,
}

#[derive(Debug, Args)]
pub struct DrillCoverageArgs {
    /// Count the drills held on or after this day, YYYY-MM-DD [default: three years ago]
    #[arg(id = "since", long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<crate::model::Date>,
    /// Output format
    #[arg(id = "answer_format", long = "format", value_name = "FORMAT", value_enum, default_value_t = AnswerFormat::Text)]
    pub format: AnswerFormat,
    /// The plan repository's folder
    #[arg(id = "repository", value_name = "PATH", default_value = ".")]
    pub path: PathBuf,
}

#[derive(Debug, Args)]
pub struct DrillEvaluateArgs {
    /// The drill whose record (*.record.yaml) to evaluate, by id
    #[arg(id = "drill_id", value_name = "DRILL")]
    pub drill: String,
    /// The folder to write the report into (created if missing)
    #[arg(id = "report_dir", short = 'o', long = "output", value_name = "DIR")]
    pub output: PathBuf,
    #[command(flatten)]
    pub render: RenderArgs,
    /// The plan repository's folder
    #[arg(id = "repository", value_name = "PATH", default_value = ".")]
    pub path: PathBuf,
}

#[derive(Debug, Args)]
pub struct DrillNewArgs {
    /// The drill, by id (the `id` of a *.drill.yaml file)
    #[arg(id = "drill_id", value_name = "DRILL")]
    pub drill: String,
    /// The folder to write the pack into (created if missing)
    #[arg(id = "pack_dir", short = 'o', long = "output", value_name = "DIR")]
    pub output: PathBuf,
    /// Draw the scenario (hazard, place, level, start) from the risk register, and write the
    /// controller pack and the participant pack into separate folders
    #[arg(id = "blind", long, requires = "seed")]
    pub blind: bool,
    /// The seed of the draw: the same seed gives the same drill
    #[arg(id = "seed", long, value_name = "N", requires = "blind")]
    pub seed: Option<u64>,
    /// Set the scenario where it exercises the most duties and levels that no drill of the
    /// last three years has
    #[arg(id = "target_gaps", long = "target-gaps", conflicts_with = "blind")]
    pub target_gaps: bool,
    #[command(flatten)]
    pub render: RenderArgs,
    /// The plan repository's folder
    #[arg(id = "repository", value_name = "PATH", default_value = ".")]
    pub path: PathBuf,
}

/// The page of `emplan cards`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SheetArg {
    /// one card a page (105 x 148 mm)
    A6,
    /// four cards to an A4 page, with cut marks
    A4,
}

/// What every rendering verb takes.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// A folder of fonts searched before the bundled ones (repeatable)
    #[arg(id = "font_path", long = "font-path", value_name = "DIR")]
    pub font_path: Vec<PathBuf>,
    /// Do not use the system's fonts: the same PDF on every machine
    #[arg(id = "no_system_fonts", long = "no-system-fonts")]
    pub no_system_fonts: bool,
    /// Refuse to render when check finds an error in the plans of the book
    #[arg(id = "strict", long)]
    pub strict: bool,
}

impl RenderArgs {
    /// The fonts these arguments ask for: the folders of `--font-path`, and whether the system's
    /// fonts are left out.
    pub fn font_options(&self) -> crate::render::FontOptions {
        crate::render::FontOptions {
            paths: self.font_path.clone(),
            no_system: self.no_system_fonts,
        }
    }
}
