//! The Chinese help of every command and argument, keyed by clap id.

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
    (
        "graph_format",
        "输出格式［默认：dot；配合 --critical：表格］",
    ),
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

/// The Chinese help of the command or argument `id`.
pub(super) fn zh(id: &str) -> Option<&'static str> {
    ZH.iter().find(|(key, _)| *key == id).map(|(_, text)| *text)
}
