//! Every command-line definition, and its Chinese translation.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::check::Severity;
use crate::foundation::i18n::Lang;
use crate::model::ResponseLevel;
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

/// A day written YYYY-MM-DD.
fn parse_date(text: &str) -> Result<crate::model::Date, String> {
    crate::model::Date::parse(text.trim())
        .ok_or_else(|| "expected a date written YYYY-MM-DD / 应为 YYYY-MM-DD 格式的日期".to_owned())
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

/// Chinese help for every command and argument, by clap id, with its default if it has one.
const ZH: &[(&str, &str)] = &[
    ("emplan", "应急预案即代码：检查政府各级应急预案之间的衔接"),
    ("lang", "消息和帮助的语言［默认：取自 LANG］"),
    ("check", "检查预案仓库，一次报告全部问题"),
    ("explain", "显示一条规则的说明"),
    ("rules", "列出全部规则"),
    ("schema", "输出或写入文件格式的 JSON Schema"),
    ("graph", "以 DOT、Mermaid 或 JSON 输出应急响应依赖图"),
    ("activate", "推演某灾种在某级别、某地点的预案启动链条"),
    (
        "impact",
        "显示依赖某单位、岗位、联系人或资源的一切，以及它缺位时什么会失效",
    ),
    ("hazard", "灾种编号（rainstorm、forest-fire 等）"),
    ("level", "响应级别：I、II、III 或 IV（Ⅰ至Ⅳ，1至4）"),
    ("at", "地点：乡镇（街道）、村（社区）或隐患点编号"),
    (
        "chain",
        "同时启动其引发的次生灾种的预案，而不是只让其预警待命",
    ),
    ("id", "单位、岗位、联系人或资源编号"),
    ("repository", "预案仓库目录［默认：.］"),
    ("graph_format", "输出格式［默认：dot］"),
    ("answer_format", "输出格式［默认：text］"),
    (
        "max_per_rule",
        "每条规则最多显示多少个问题（0：全部）；汇总行仍计入全部［默认：1000］",
    ),
    ("view", "显示哪一部分［默认：plans］"),
    (
        "focus",
        "只显示此预案、单位、岗位、联系人、资源或灾种（按编号）附近的部分",
    ),
    ("depth", "配合 --focus：从它出发最多经过几条边［默认：2］"),
    ("plan", "绘制此预案的应急响应流程图（配合 --format svg）"),
    (
        "critical",
        "按响应对其单独依赖的程度，给单位、岗位和资源排名（表格；配合 --format json 输出 JSON）",
    ),
    (
        "paths",
        "预案仓库目录，或仓库内的文件和目录：检查整个仓库，只报告这些文件中的问题［默认：.］",
    ),
    (
        "root",
        "PATHS 所在仓库的根目录［默认：向上最近的含 emplan.toml 的目录，否则为 git 工作区顶层］",
    ),
    ("format", "输出格式［默认：human］"),
    ("color", "何时使用彩色输出［默认：auto］"),
    (
        "fail_on",
        "有何种严重程度（或更严重）的问题时以 1 退出［默认：error］",
    ),
    ("rule", "规则代码或名称，如 L301 或 duty-not-accepted"),
    (
        "today",
        "管理周期、通讯录和演练规则的参考日期，格式 YYYY-MM-DD［默认：emplan.toml 的 as_of，否则为今天］",
    ),
    ("baseline", "只报告不在此基线文件中的问题"),
    (
        "write_baseline",
        "把本次检查的全部问题写入基线文件，不报告问题",
    ),
    ("out", "将 Schema 写入此目录，而不是输出到屏幕"),
    (
        "handbook",
        "生成工作手册（PDF）：单个预案、单个单位或整个预案体系",
    ),
    ("book_plan", "生成此预案的工作手册（按编号）"),
    (
        "book_org",
        "生成此单位的工作手册：其在各预案中的职责、岗位和资源（按编号）",
    ),
    ("book_all", "将整个预案体系生成一本预案汇编"),
    (
        "book_each",
        "并行生成每个预案的工作手册，写入 -o 目录，文件名为“编号.pdf”",
    ),
    ("output", "写入的 PDF 文件（配合 --each：目录）"),
    ("cards", "生成应急处置卡（PDF），每个岗位一张"),
    ("card_post", "生成此岗位的处置卡（按编号）"),
    ("card_org", "生成此单位所有岗位的处置卡"),
    ("card_plan", "生成此预案涉及的所有岗位的处置卡"),
    ("drill", "演练：由预案生成演练资料"),
    (
        "drill new",
        "生成演练资料：演练方案、主情景事件清单、演练脚本、导调评估手册、参演须知和评估表",
    ),
    ("drill_id", "演练编号（*.drill.yaml 文件中的 id）"),
    (
        "evaluate",
        "由演练记录生成演练总结报告：七个部分、目标评定、及时性和改进计划",
    ),
    ("report_dir", "写入总结报告的目录（不存在时创建）"),
    (
        "import-msel",
        "检查编辑过的主情景事件清单（CSV 或 XLSX）并写入演练定义",
    ),
    (
        "msel_file",
        "编辑过的主情景事件清单：FILE.csv 或 FILE.xlsx（由 drill new 导出）",
    ),
    (
        "coverage",
        "列出某一时段内举行的演练从未检验过的职责和响应级别",
    ),
    (
        "since",
        "统计此日（含）以后举行的演练，格式 YYYY-MM-DD［默认：三年前］",
    ),
    ("pack_dir", "写入演练资料的目录（不存在时创建）"),
    (
        "blind",
        "从风险登记中抽取情景（灾种、地点、级别、开始时间），导调资料和参演资料分别写入两个目录",
    ),
    ("seed", "抽取用的随机种子：相同种子得到相同演练"),
    (
        "target_gaps",
        "把情景设在最能检验近三年演练从未检验过的职责和响应级别的地点和级别",
    ),
    ("font_path", "在内置字体之前搜索的字体目录（可重复）"),
    (
        "no_system_fonts",
        "不使用系统字体：在任何机器上生成相同的 PDF",
    ),
    ("strict", "本书涉及的预案中检查出错误时拒绝生成"),
    ("review", "记录预案的承接条目已对照所承接的职责复核（T105）"),
    ("review_plan", "已复核其承接条目的预案（按编号，可重复）"),
    ("review_all", "所有承接了职责的预案"),
    ("init", "新建一个能通过检查的预案仓库"),
    (
        "init_dir",
        "新建仓库的目录（不存在时创建；不覆盖其中已有的文件）",
    ),
    (
        "jurisdiction",
        "行政区名称，按预案中的写法（如 利州区）［默认：示例区］",
    ),
    ("new", "按预案类别生成新预案，含该类别要求的章节和字段"),
    (
        "new_kind",
        "预案类别：overall、specialised、departmental、township、village、enterprise、site、joint",
    ),
    ("new_id", "新预案的编号"),
    (
        "new_owner",
        "预案的责任单位（按编号）：牵头部门、乡镇、企业等",
    ),
    ("new_title", "预案标题［默认：由责任单位名称和类别生成］"),
    (
        "new_parent",
        "上级预案（按编号，可重复）［默认：该类别所需的上级预案］",
    ),
    ("new_hazard", "预案覆盖的灾种（按编号，可重复）"),
    ("new_commander", "预案指挥长的岗位（按编号）"),
    ("completions", "输出 shell 补全脚本"),
    ("shell", "shell 类型"),
    ("man", "输出手册页（roff 格式）"),
    ("help", "显示帮助"),
    ("version", "显示版本"),
];

/// Chinese long help for arguments that take one of a set of values, which clap would list with
/// their English descriptions.
const ZH_VALUES: &[(&str, &str)] = &[
    (
        "sheet",
        "纸张［默认：a6］\n\
         - a6：每页一张处置卡（105 × 148 毫米）\n\
         - a4：每张 A4 纸四张，带裁切线",
    ),
    (
        "graph_format",
        "输出格式［默认：dot］\n\
         - dot：Graphviz DOT（用 `dot -Tsvg` 绘制）\n\
         - mermaid：Mermaid 流程图（GitHub 可在 Markdown 中显示）\n\
         - json：节点-连线 JSON（第 1 版）\n\
         - svg：配合 --plan：该预案的应急响应流程图（SVG）",
    ),
    (
        "answer_format",
        "输出格式［默认：text］\n\
         - text：终端显示\n\
         - json：一个 JSON 文档（第 1 版）\n\
         - md：可打印的 Markdown 报告",
    ),
    (
        "view",
        "显示哪一部分［默认：plans］\n\
         - plans：预案及其上级预案\n\
         - orgs：预案和单位：责任单位及被分派职责的单位\n\
         - all：全部节点和连线",
    ),
    (
        "format",
        "输出格式［默认：human］\n\
         - human：带源码摘录的文本\n\
         - json：一个 JSON 文档（第 1 版）\n\
         - github：GitHub Actions 注释（workflow commands）\n\
         - sarif：一个 SARIF 2.1.0 日志（代码扫描）\n\
         - junit：JUnit XML（CI 测试报告）",
    ),
    (
        "color",
        "何时使用彩色输出［默认：auto］\n\
         - auto：输出到终端时\n\
         - always：总是\n\
         - never：从不",
    ),
    (
        "fail_on",
        "有何种严重程度（或更严重）的问题时以 1 退出［默认：error］\n\
         - error：有错误时\n\
         - warning：有错误或警告时\n\
         - info：有任何问题时\n\
         - never：从不因问题而失败（仅在无法运行时以 2 退出）",
    ),
    (
        "lang",
        "消息和帮助的语言［默认：取自 LANG］\n\
         - zh：中文\n\
         - en：英文",
    ),
];

const ZH_TEMPLATE: &str = "\
{before-help}{about-with-newline}
用法：{usage}

{all-args}{after-help}";

/// The command definition in the given language.
pub fn command(lang: Lang) -> clap::Command {
    let command = <Cli as clap::CommandFactory>::command();
    match lang {
        Lang::En => command,
        Lang::Zh => {
            let mut command = command;
            // Build first so that clap's own --help and --version exist and can be translated.
            command.build();
            translate(command)
        }
    }
}

fn zh(id: &str) -> Option<&'static str> {
    ZH.iter().find(|(key, _)| *key == id).map(|(_, text)| *text)
}

fn zh_values(id: &str) -> Option<&'static str> {
    ZH_VALUES
        .iter()
        .find(|(key, _)| *key == id)
        .map(|(_, text)| *text)
}

fn translate(command: clap::Command) -> clap::Command {
    translate_under(command, None)
}

/// Translates a command under the verb `parent` (`None` for emplan itself, `Some("")` for a
/// verb): a subcommand's help is looked up as "verb name" first (`drill new` and `new` are
/// different verbs), then by its name.
fn translate_under(mut command: clap::Command, parent: Option<&str>) -> clap::Command {
    let name = command.get_name().to_owned();
    let scoped = format!("{} {name}", parent.unwrap_or_default());
    if let Some(about) = zh(scoped.trim()).or_else(|| zh(&name)) {
        command = command.about(about);
    }
    command = command
        .help_template(ZH_TEMPLATE)
        .subcommand_help_heading("命令");
    let args: Vec<(String, bool)> = command
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in args {
        let (help, values) = (zh(&id), zh_values(&id));
        command = command.mut_arg(id, |arg| {
            // Defaults are given in the Chinese help text; clap would add "[default: …]".
            let arg = arg
                .help_heading(if positional { "参数" } else { "选项" })
                .hide_default_value(true);
            let arg = match help {
                Some(help) => arg.help(help).long_help(help),
                None => arg,
            };
            match values {
                Some(values) => arg.long_help(values).hide_possible_values(true),
                None => arg,
            }
        });
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    let own = if parent.is_none() {
        String::new()
    } else {
        name
    };
    for sub in names {
        command = command.mut_subcommand(sub, |c| translate_under(c, Some(&own)));
    }
    command
}
