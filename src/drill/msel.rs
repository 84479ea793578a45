//! The MSEL round trip: an organiser edits the exported CSV or XLSX, `emplan drill import-msel`
//! checks it (every mistake at its row and column, all in one run) and writes it into the
//! drill definition (`msel:`), and the pack's injects are then the edited ones.

use std::collections::HashSet;

use super::pack::MSEL_COLUMNS;
use super::{Expected, Inject, InjectKind, Source};
use crate::foundation::escape::csv_cell_read;
use crate::foundation::i18n::Lang;
use crate::graph::cascade::Due;
use crate::model::drill::Drill;
use crate::model::index::Index;
use crate::model::{Deadline, FileId, Loc, ResponseLevel, WarningLevel};
use crate::tr;

const KINDS: [InjectKind; 6] = [
    InjectKind::Report,
    InjectKind::Activation,
    InjectKind::Situation,
    InjectKind::Escalation,
    InjectKind::Secondary,
    InjectKind::Contingency,
];

const LEVELS: [ResponseLevel; 4] = ResponseLevel::ALL;

/// `T+1:30` in minutes.
pub fn parse_time(text: &str) -> Option<u32> {
    let (h, m) = text.trim().strip_prefix("T+")?.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (m < 60 && m.to_string().len() <= 2 && text.trim().ends_with(&format!("{m:02}")))
        .then(|| h.checked_mul(60)?.checked_add(m))
        .flatten()
}

/// 30分钟内, 2小时内, 1天内, 立即, 视情, 未规定.
pub fn parse_due(text: &str) -> Option<Due> {
    let text = text.trim();
    match text {
        "立即" => return Some(Due::Immediately),
        "视情" => return Some(Due::AsNeeded),
        "未规定" | "" => return Some(Due::Unstated),
        _ => {}
    }
    let body = text.strip_suffix('内')?;
    let (number, factor) = if let Some(n) = body.strip_suffix("分钟") {
        (n, 1)
    } else if let Some(n) = body.strip_suffix("小时") {
        (n, 60)
    } else {
        (body.strip_suffix('天')?, 24 * 60)
    };
    let n: u32 = number.parse().ok()?;
    Some(Due::Within(Deadline {
        minutes: n.checked_mul(factor)?,
    }))
}

pub fn parse_kind(text: &str) -> Option<InjectKind> {
    KINDS.into_iter().find(|k| k.zh() == text.trim())
}

/// 职责 ID, Ⅲ级应急响应措施 / 黄色预警措施 / NAME措施, Ⅲ级响应启动条件.
pub fn parse_clause(text: &str) -> Option<Source<'_>> {
    let text = text.trim();
    if let Some(duty) = text.strip_prefix("职责 ") {
        return Some(Source::Duty(duty.trim()));
    }
    if let Some(level) = text.strip_suffix("响应启动条件") {
        let level = LEVELS.into_iter().find(|l| l.zh() == level)?;
        return Some(Source::Activation(level));
    }
    let stage = text.strip_suffix("措施")?;
    if let Some(level) = stage.strip_suffix("应急响应") {
        if level.is_empty() {
            return Some(Source::Level(String::new()));
        }
        let level = LEVELS.into_iter().find(|l| l.zh() == level)?;
        return Some(Source::Level(level.key().to_owned()));
    }
    if let Some(w) = WarningLevel::ALL.iter().find(|w| w.zh() == stage) {
        return Some(Source::Level(w.key().to_owned()));
    }
    Some(Source::Level(stage.to_owned()))
}

fn text(cell: &Option<crate::model::Spanned<String>>) -> &str {
    cell.as_ref().map_or("", |c| c.value.as_str())
}

/// The injects of an imported MSEL. Each expected action is located at its clause in the plan
/// where it can be found, else at the row in the drill file.
pub fn injects<'a>(index: &Index<'a>, drill: &'a Drill, file: FileId) -> Vec<Inject<'a>> {
    drill
        .msel
        .iter()
        .map(|row| {
            let plan = text(&row.plan);
            let expected = row.expected.as_ref().filter(|e| !e.value.is_empty());
            let expected = expected.map(|what| {
                let source =
                    parse_clause(text(&row.clause)).unwrap_or(Source::Level(String::new()));
                let p = index.plans.get(plan);
                let duty = match &source {
                    Source::Duty(d) => {
                        p.and_then(|p| p.meta.duties.iter().find(|x| x.id.as_str() == *d))
                    }
                    _ => None,
                };
                let action = p.and_then(|p| p.meta.actions().find(|a| a.what.value == what.value));
                let loc = match (p, duty, action) {
                    (Some(p), Some(d), _) => p.loc(d.text.span),
                    (Some(p), None, Some(a)) => p.loc(a.what.span),
                    _ => Loc {
                        file,
                        span: what.span,
                    },
                };
                Expected {
                    what: what.value.clone(),
                    due: parse_due(text(&row.due)).unwrap_or(Due::Unstated),
                    plan: index.plans.get(plan).map_or(plan, |p| p.meta.id.as_str()),
                    duty: duty
                        .map(|d| d.id.as_str())
                        .or_else(|| action.and_then(|a| a.duty.as_ref()).map(|d| d.as_str())),
                    source,
                    loc,
                }
            });
            let controller = text(&row.controller);
            Inject {
                id: row.id.value.clone(),
                minutes: parse_time(&row.time.value).unwrap_or(0),
                kind: parse_kind(&row.kind.value).unwrap_or(InjectKind::Situation),
                from: row.from.value.clone(),
                to_org: None,
                to_posts: Vec::new(),
                to_text: Some(row.to.value.clone()),
                method: method(&row.method.value),
                text: row.text.value.clone(),
                expected,
                objective: row
                    .objective
                    .as_ref()
                    .map(|o| o.value.as_str())
                    .filter(|o| !o.is_empty()),
                controller: (!controller.is_empty()).then_some(controller),
                chases: row
                    .chases
                    .as_ref()
                    .map(|c| c.value.clone())
                    .filter(|c| !c.is_empty()),
            }
        })
        .collect()
}

/// The methods emplan writes; another is read as 其他.
const METHODS: &[&str] = &[
    "电话",
    "情景卡",
    "短信",
    "传真",
    "口头",
    "现场",
    "视频",
    "其他",
];

fn method(text: &str) -> &'static str {
    METHODS
        .iter()
        .find(|m| **m == text.trim())
        .copied()
        .unwrap_or("其他")
}

/// A sheet read from CSV or XLSX: its rows of cells, the head first.
pub struct Table {
    pub rows: Vec<Vec<String>>,
    /// Cells are named like a spreadsheet's (`B7`), else by row and column.
    pub sheet: bool,
}

/// Reads a CSV (UTF-8, with or without a byte-order mark) or an XLSX file's first sheet.
pub fn read(path: &std::path::Path, lang: Lang) -> Result<Table, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let xlsx = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    parse(bytes, xlsx, lang)
}

/// The last row and column an XLSX sheet can have (`XFD1048576`).
const SHEET_ROWS: u32 = 1_048_576;
const SHEET_COLUMNS: u32 = 16_384;
/// The cells, empty ones included, a sheet may spread over: an MSEL has a few thousand.
const SHEET_CELLS: usize = 4_000_000;

/// The first sheet's used cells, one at a time, into rows that start at `A1`. Reading them
/// through calamine's range would allocate the whole rectangle up to the farthest cell
/// (`A1` and `XFD1048576` make 17 billion), so the rows are built here, within bounds.
fn read_xlsx(bytes: Vec<u8>, lang: Lang) -> Result<Table, String> {
    use calamine::Reader;
    let mut book: calamine::Xlsx<std::io::Cursor<Vec<u8>>> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
            .map_err(|e: calamine::XlsxError| e.to_string())?;
    let name = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| tr!(lang, "the workbook has no sheet", "工作簿中没有工作表"))?;
    let mut reader = book
        .worksheet_cells_reader(&name)
        .map_err(|e| e.to_string())?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cells = 0;
    while let Some(found) = reader.next_cell().map_err(|e| e.to_string())? {
        let (row, column) = found.get_position();
        let text = calamine::Data::from(found.get_value().clone()).to_string();
        if text.is_empty() {
            continue;
        }
        let named = || cell(true, row as usize + 1, column as usize + 1, Lang::En);
        if row >= SHEET_ROWS || column >= SHEET_COLUMNS {
            let named = named();
            return Err(tr!(
                lang,
                "cell {named} lies beyond XFD1048576, the last cell of a sheet",
                "单元格 {named} 超出了工作表的最后一个单元格 XFD1048576"
            ));
        }
        let (row, column) = (row as usize, column as usize);
        if rows.len() <= row {
            cells += row + 1 - rows.len();
            rows.resize(row + 1, Vec::new());
        }
        let cells_of_row = &mut rows[row];
        if cells_of_row.len() <= column {
            cells += column + 1 - cells_of_row.len();
            cells_of_row.resize(column + 1, String::new());
        }
        if cells > SHEET_CELLS {
            let named = named();
            return Err(tr!(
                lang,
                "the sheet spreads over more than {SHEET_CELLS} cells by {named}; \
                 an MSEL has far fewer, so check that it is the right workbook",
                "工作表到 {named} 已超过 {SHEET_CELLS} 个单元格；\
                 主情景事件清单远没有这么多，请确认工作簿是否选对"
            ));
        }
        cells_of_row[column] = text;
    }
    Ok(Table { rows, sheet: true })
}

/// Reads a sheet's bytes: an XLSX workbook's first sheet if `xlsx`, else CSV.
pub fn parse(bytes: Vec<u8>, xlsx: bool, lang: Lang) -> Result<Table, String> {
    if xlsx {
        // calamine can panic on a malformed cell reference (an overflow in debug builds, found
        // by fuzzing): a workbook is input, so that is an unreadable workbook, not a crash.
        return std::panic::catch_unwind(|| read_xlsx(bytes, lang)).unwrap_or_else(|_| {
            Err(tr!(
                lang,
                "the workbook is malformed: the sheet reader failed on it",
                "工作簿已损坏：读取工作表时失败"
            ))
        });
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| tr!(lang, "the CSV is not UTF-8", "该 CSV 文件不是 UTF-8 编码"))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        rows.push(
            record
                .iter()
                .map(|cell| csv_cell_read(cell).to_owned())
                .collect(),
        );
    }
    Ok(Table { rows, sheet: false })
}

/// `B7`, or `row 7, column 2` (one-based).
pub fn cell(sheet: bool, row: usize, column: usize, lang: Lang) -> String {
    if sheet {
        let mut name = String::new();
        let mut n = column;
        while n > 0 {
            let rem = (n - 1) % 26;
            name.insert(0, (b'A' + rem as u8) as char);
            n = (n - 1) / 26;
        }
        format!("{name}{row}")
    } else {
        tr!(
            lang,
            "row {row}, column {column}",
            "第 {row} 行第 {column} 列"
        )
    }
}

/// Checks an edited MSEL against the drill and the plans: every mistake, at its cell. On
/// success, the rows in the order of [`MSEL_COLUMNS`].
pub fn check(
    index: &Index<'_>,
    drill: &Drill,
    table: &Table,
    lang: Lang,
) -> Result<Vec<Vec<String>>, Vec<String>> {
    let Some(head) = table.rows.first() else {
        return Err(vec![tr!(lang, "the file is empty", "文件为空")]);
    };
    let columns = columns(head, table.sheet, lang)?;
    let mut checker = Checker {
        index,
        lang,
        objectives: drill.objectives.iter().map(|o| o.id.as_str()).collect(),
        ids: HashSet::new(),
        last: 0,
        tested: HashSet::new(),
        criteria: HashSet::new(),
        mistakes: Vec::new(),
    };
    let mut out = Vec::new();
    for (r, row) in table.rows.iter().enumerate().skip(1) {
        let cells: Vec<String> = columns
            .iter()
            .map(|&i| row.get(i).map_or(String::new(), |c| c.trim().to_owned()))
            .collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        let row = Row {
            cells,
            line: r + 1,
            columns: &columns,
            sheet: table.sheet,
            lang,
        };
        checker.row(&row);
        out.push(row.cells);
    }
    checker.objectives_tested(drill);
    if checker.mistakes.is_empty() {
        Ok(out)
    } else {
        Err(checker.mistakes)
    }
}

/// Where each of [`MSEL_COLUMNS`] is in the head row; a mistake for each that is missing.
fn columns(head: &[String], sheet: bool, lang: Lang) -> Result<Vec<usize>, Vec<String>> {
    let mut mistakes = Vec::new();
    let mut columns = Vec::new();
    for name in MSEL_COLUMNS {
        match head.iter().position(|h| h.trim() == *name) {
            Some(i) => columns.push(i),
            None => {
                mistakes.push(tr!(
                    lang,
                    "{}: the column “{name}” is missing from the head row",
                    "{}：表头缺少“{name}”列",
                    cell(sheet, 1, head.len() + 1, lang)
                ));
                columns.push(usize::MAX);
            }
        }
    }
    if mistakes.is_empty() {
        Ok(columns)
    } else {
        Err(mistakes)
    }
}

/// The position of the column `name` in [`MSEL_COLUMNS`].
fn column(name: &str) -> usize {
    MSEL_COLUMNS.iter().position(|c| *c == name).unwrap_or(0)
}

/// A row of the edited MSEL that is not empty, its cells in the order of [`MSEL_COLUMNS`].
struct Row<'t> {
    cells: Vec<String>,
    /// The row's number in the sheet, one-based.
    line: usize,
    /// Where each of [`MSEL_COLUMNS`] is in the table.
    columns: &'t [usize],
    sheet: bool,
    lang: Lang,
}

impl Row<'_> {
    /// The trimmed text of the column `name`.
    fn get(&self, name: &str) -> &str {
        self.cells[column(name)].as_str()
    }

    /// The cell of the column `name`, named for a message.
    fn here(&self, name: &str) -> String {
        cell(
            self.sheet,
            self.line,
            self.columns[column(name)] + 1,
            self.lang,
        )
    }
}

/// What checking the rows gathers: the mistakes, and what later rows and the objectives are
/// checked against.
struct Checker<'i, 'd> {
    index: &'i Index<'i>,
    lang: Lang,
    /// The drill's objectives, by id.
    objectives: HashSet<&'d str>,
    /// The inject ids of the rows so far.
    ids: HashSet<String>,
    /// The scenario time of the last row in order, in minutes.
    last: u32,
    /// The objectives an inject (not a contingency) tests.
    tested: HashSet<String>,
    /// The objectives such an inject tests with an expected action.
    criteria: HashSet<String>,
    mistakes: Vec<String>,
}

impl Checker<'_, '_> {
    /// Checks one row, column by column.
    fn row(&mut self, row: &Row) {
        self.id(row);
        self.time(row);
        let kind = self.kind(row);
        self.filled(row);
        if !row.get("预期行动").is_empty() {
            self.expected(row);
        }
        self.objective(row, kind);
        self.controller(row);
    }

    /// 编号: present and used once.
    fn id(&mut self, row: &Row) {
        let lang = self.lang;
        let id = row.get("编号");
        if id.is_empty() {
            self.mistakes.push(tr!(
                lang,
                "{}: the inject has no id",
                "{}：注入没有编号",
                row.here("编号")
            ));
        } else if !self.ids.insert(id.to_owned()) {
            self.mistakes.push(tr!(
                lang,
                "{}: the id {id} is used twice",
                "{}：编号 {id} 重复",
                row.here("编号")
            ));
        }
    }

    /// 场景时间: a scenario time, not before the row above.
    fn time(&mut self, row: &Row) {
        let lang = self.lang;
        match parse_time(row.get("场景时间")) {
            None => self.mistakes.push(tr!(
                lang,
                "{}: `{}` is not a scenario time such as T+1:30",
                "{}：“{}”不是形如 T+1:30 的场景时间",
                row.here("场景时间"),
                row.get("场景时间")
            )),
            Some(m) if m < self.last => self.mistakes.push(tr!(
                lang,
                "{}: {} comes before the row above it: keep the injects in time order",
                "{}：{} 早于上一行：注入应按时间顺序排列",
                row.here("场景时间"),
                row.get("场景时间")
            )),
            Some(m) => self.last = m,
        }
    }

    /// 类型: a kind of inject, which it returns.
    fn kind(&mut self, row: &Row) -> Option<InjectKind> {
        let lang = self.lang;
        let kind = parse_kind(row.get("类型"));
        if kind.is_none() {
            self.mistakes.push(tr!(
                lang,
                "{}: `{}` is no kind of inject (事件报告, 启动响应, 情景发展, 响应升级, 次生衍生, 应急备用)",
                "{}：“{}”不是注入类型（事件报告、启动响应、情景发展、响应升级、次生衍生、应急备用）",
                row.here("类型"),
                row.get("类型")
            ));
        }
        kind
    }

    /// 发送方, 接收方, 注入内容: not empty.
    fn filled(&mut self, row: &Row) {
        let lang = self.lang;
        for name in ["发送方", "接收方", "注入内容"] {
            if row.get(name).is_empty() {
                self.mistakes.push(tr!(
                    lang,
                    "{}: “{name}” is empty",
                    "{}：“{name}”为空",
                    row.here(name)
                ));
            }
        }
    }

    /// 时限, 依据预案, 依据条款 of an expected action: a time limit, and a clause the plan has.
    fn expected(&mut self, row: &Row) {
        let lang = self.lang;
        if parse_due(row.get("时限")).is_none() {
            self.mistakes.push(tr!(
                lang,
                "{}: `{}` is not a time limit such as 30分钟内, 2小时内, 立即 or 视情",
                "{}：“{}”不是时限（如 30分钟内、2小时内、立即、视情）",
                row.here("时限"),
                row.get("时限")
            ));
        }
        let plan_id = row.get("依据预案");
        let Some(plan) = self.index.plans.get(plan_id) else {
            self.mistakes.push(tr!(
                lang,
                "{}: no plan `{plan_id}`: an expected action cites the plan it comes from",
                "{}：没有预案 `{plan_id}`：预期行动须注明所依据的预案",
                row.here("依据预案")
            ));
            return;
        };
        match parse_clause(row.get("依据条款")) {
            None => self.mistakes.push(tr!(
                lang,
                "{}: `{}` is no clause (职责 ID, Ⅲ级应急响应措施, Ⅲ级响应启动条件)",
                "{}：“{}”不是预案条款（职责 编号、Ⅲ级应急响应措施、Ⅲ级响应启动条件）",
                row.here("依据条款"),
                row.get("依据条款")
            )),
            Some(Source::Duty(duty)) if !plan.meta.duties.iter().any(|d| d.id.as_str() == duty) => {
                self.mistakes.push(tr!(
                    lang,
                    "{}: `{plan_id}` has no duty `{duty}`",
                    "{}：预案 `{plan_id}` 中没有职责 `{duty}`",
                    row.here("依据条款")
                ))
            }
            Some(Source::Activation(level))
                if !plan.meta.response.iter().any(|r| r.level.value == level) =>
            {
                let shown = level.zh();
                self.mistakes.push(tr!(
                    lang,
                    "{}: `{plan_id}` has no response level {shown}",
                    "{}：预案 `{plan_id}` 没有{shown}响应",
                    row.here("依据条款")
                ))
            }
            _ => {}
        }
    }

    /// 演练目标: an objective of the drill, which the row tests unless it is a contingency.
    fn objective(&mut self, row: &Row, kind: Option<InjectKind>) {
        let lang = self.lang;
        let objective = row.get("演练目标");
        if objective.is_empty() {
            return;
        }
        if !self.objectives.contains(objective) {
            self.mistakes.push(tr!(
                lang,
                "{}: the drill has no objective `{objective}`",
                "{}：演练没有目标 `{objective}`",
                row.here("演练目标")
            ));
        } else if kind != Some(InjectKind::Contingency) {
            self.tested.insert(objective.to_owned());
            if !row.get("预期行动").is_empty() {
                self.criteria.insert(objective.to_owned());
            }
        }
    }

    /// 导调人员: a post of the registry.
    fn controller(&mut self, row: &Row) {
        let lang = self.lang;
        let controller = row.get("导调人员");
        if !controller.is_empty() && self.index.post(controller).is_none() {
            self.mistakes.push(tr!(
                lang,
                "{}: no post `{controller}` in the registry",
                "{}：登记册中没有岗位 `{controller}`",
                row.here("导调人员")
            ));
        }
    }

    /// After the rows: every objective of the drill has an inject and an expected action.
    fn objectives_tested(&mut self, drill: &Drill) {
        let lang = self.lang;
        for o in &drill.objectives {
            let id = o.id.as_str();
            if !self.tested.contains(id) {
                self.mistakes.push(tr!(
                    lang,
                    "objective {id} has no inject: give at least one row the objective",
                    "演练目标 {id} 没有注入：请至少为一行注明该目标"
                ));
            } else if !self.criteria.contains(id) {
                self.mistakes.push(tr!(
                    lang,
                    "objective {id} has no expected action to evaluate it by",
                    "演练目标 {id} 没有可据以评估的预期行动"
                ));
            }
        }
    }
}

/// The drill file's text with its `msel:` block replaced by (or, without one, followed by) the
/// rows. Everything else, comments included, is kept as written.
pub fn write_back(text: &str, rows: &[Vec<String>]) -> String {
    let keys = [
        ("id", "编号"),
        ("time", "场景时间"),
        ("kind", "类型"),
        ("from", "发送方"),
        ("to", "接收方"),
        ("method", "传递方式"),
        ("text", "注入内容"),
        ("expected", "预期行动"),
        ("due", "时限"),
        ("plan", "依据预案"),
        ("clause", "依据条款"),
        ("objective", "演练目标"),
        ("controller", "导调人员"),
        ("chases", "追踪"),
    ];
    let mut block = String::from("msel:\n");
    for row in rows {
        let mut first = true;
        for (key, name) in keys {
            let value = &row[column(name)];
            if value.is_empty()
                && !matches!(
                    key,
                    "id" | "time" | "kind" | "from" | "to" | "method" | "text"
                )
            {
                continue;
            }
            let quoted = yaml_quoted(value);
            block.push_str(if first { "- " } else { "  " });
            block.push_str(&format!("{key}: {quoted}\n"));
            first = false;
        }
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let start = lines.iter().position(|l| l.starts_with("msel:"));
    let mut out = String::with_capacity(text.len() + block.len());
    match start {
        Some(start) => {
            let end = lines[start + 1..]
                .iter()
                .position(|l| !l.is_empty() && !l.starts_with([' ', '-', '#', '\n', '\r']))
                .map_or(lines.len(), |n| start + 1 + n);
            out.extend(lines[..start].iter().copied());
            out.push_str(&block);
            out.extend(lines[end..].iter().copied());
        }
        None => {
            out.push_str(text);
            if !text.is_empty() && !text.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(&block);
        }
    }
    out
}

/// `value` as a YAML double-quoted scalar: a JSON string (its escapes are YAML's too), with the
/// characters YAML may not hold raw escaped as well: DEL, the C1 controls (NEL among them), the
/// line and paragraph separators, U+FEFF, U+FFFE and U+FFFF. A sheet's cell may hold any of
/// them, and the drill file written must read (found by the `msel_import` fuzz target).
fn yaml_quoted(value: &str) -> String {
    let json = serde_json::to_string(value).unwrap_or_default();
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if matches!(
            c,
            '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
        ) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_a_cell_may_hold_is_written_as_yaml_that_reads_back() {
        let all: String = (0..=0x10ffff_u32)
            .filter_map(char::from_u32)
            .filter(|c| (*c as u32) < 0x3000 || matches!(c, '\u{feff}' | '\u{fffe}' | '\u{ffff}'))
            .collect();
        for text in [all.as_str(), "事\u{7f}发\u{85}地\u{2028}", "\"引号\" \\ \t"] {
            let yaml = format!("text: {}\n", yaml_quoted(text));
            let read: std::collections::BTreeMap<String, String> =
                serde_saphyr::from_str(&yaml).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(read["text"], text);
        }
    }

    #[test]
    fn cells_are_named_like_a_spreadsheet() {
        assert_eq!(cell(true, 7, 2, Lang::En), "B7");
        assert_eq!(cell(true, 1, 27, Lang::En), "AA1");
        assert_eq!(cell(false, 7, 2, Lang::En), "row 7, column 2");
    }

    #[test]
    fn the_exported_texts_read_back() {
        assert_eq!(parse_time("T+1:30"), Some(90));
        assert_eq!(parse_time("T+0:6"), None);
        assert_eq!(
            parse_due("2小时内"),
            Some(Due::Within(Deadline { minutes: 120 }))
        );
        assert_eq!(parse_due("立即"), Some(Due::Immediately));
        assert_eq!(parse_clause("职责 shuili"), Some(Source::Duty("shuili")));
        assert_eq!(
            parse_clause("Ⅲ级应急响应措施"),
            Some(Source::Level("III".into()))
        );
        assert_eq!(
            parse_clause("黄色预警措施"),
            Some(Source::Level("yellow".into()))
        );
        assert_eq!(
            parse_clause("Ⅱ级响应启动条件"),
            Some(Source::Activation(ResponseLevel::II))
        );
        for kind in KINDS {
            assert_eq!(parse_kind(kind.zh()), Some(kind));
        }
    }
}
