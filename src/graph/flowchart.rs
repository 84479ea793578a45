//! A plan's response flow chart (应急响应流程图) as SVG, laid out here from the plan's own data:
//! event -> information report -> first response -> assessment -> decision -> one column per
//! response level (criteria, commander, actions by organisation) -> stand-down -> aftermath.
//! No external program: boxes are sized from their wrapped text, columns from the number of
//! levels. The handbook issue embeds it.

use std::fmt::Write;

use crate::model::Plan;
use crate::model::plan::{Action, PlanMeta};
use crate::model::registry::OrgKind;

use crate::model::index::Index;

/// Font size of box text, in px.
const FONT: f64 = 14.0;
/// Font size of box titles.
const TITLE_FONT: f64 = 15.0;
/// Line height, in px.
const LINE: f64 = 20.0;
/// Padding inside a box.
const PAD: f64 = 10.0;
/// Width of the boxes of the main column.
const MAIN_WIDTH: f64 = 460.0;
/// Width of a level's column.
const LEVEL_WIDTH: f64 = 230.0;
/// Gap between columns and between rows.
const GAP: f64 = 24.0;
/// Width of the decision diamond.
const DECISION_WIDTH: f64 = 300.0;
/// Height of the decision diamond.
const DECISION_HEIGHT: f64 = 64.0;
/// Vertical space an arrow takes between two rows.
const ARROW: f64 = 34.0;
/// Most actions listed per level; the rest are counted.
const ACTIONS_SHOWN: usize = 6;
/// Most criteria listed per level.
const CRITERIA_SHOWN: usize = 3;
/// The fonts the chart asks for: the bundled families first, then what systems have.
const FONT_FAMILY: &str = "'Noto Sans SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

/// Width of one character at `size`: a full em for CJK and full-width forms, about half for the
/// rest.
fn char_width(c: char, size: f64) -> f64 {
    let wide = matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF |
        0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF |
        0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
        || matches!(c, 'Ⅰ'..='Ⅻ');
    if wide { size } else { size * 0.56 }
}

/// Punctuation that may not start a line (避头): it stays at the end of the line before.
fn no_break_before(c: char) -> bool {
    "，。、；：！？）》」』】〕…—·%,.;:!?)]".contains(c)
}

/// Punctuation that may not end a line (避尾): it moves to the start of the next.
fn no_break_after(c: char) -> bool {
    "（《「『【〔“‘([".contains(c)
}

/// Wraps text into lines no wider than `width` px: between any two Chinese characters, at
/// spaces in Latin text, never before closing punctuation.
pub fn wrap(text: &str, width: f64, size: f64) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut used = 0.0;
        let chars: Vec<char> = paragraph.chars().filter(|c| !c.is_control()).collect();
        let mut i = 0;
        while i < chars.len() {
            // A piece ends where a line may break: not inside a Latin word or a number, not
            // after an opening bracket (避尾), not before closing punctuation (避头).
            let mut j = i + 1;
            while j < chars.len()
                && (no_break_after(chars[j - 1])
                    || no_break_before(chars[j])
                    || (chars[j - 1].is_ascii_alphanumeric() && chars[j].is_ascii_alphanumeric()))
            {
                j += 1;
            }
            let piece: String = chars[i..j].iter().collect();
            let w: f64 = chars[i..j].iter().map(|&c| char_width(c, size)).sum();
            if used + w > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line).trim_end().to_owned());
                used = 0.0;
            }
            if line.is_empty() && piece == " " {
                i = j;
                continue;
            }
            line.push_str(&piece);
            used += w;
            i = j;
        }
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// Text escaped for SVG element content and attribute values.
fn xml(text: &str) -> String {
    crate::foundation::escape::xml(text, true)
}

/// A box: a bold title and wrapped lines.
struct Card {
    title: String,
    lines: Vec<String>,
    /// Fill colour of the title band.
    tone: &'static str,
}

impl Card {
    fn new(title: impl Into<String>, body: &[String], width: f64, tone: &'static str) -> Self {
        let inner = width - 2.0 * PAD;
        let lines = body.iter().flat_map(|t| wrap(t, inner, FONT)).collect();
        Card {
            title: title.into(),
            lines,
            tone,
        }
    }

    fn height(&self, width: f64) -> f64 {
        let title = wrap(&self.title, width - 2.0 * PAD, TITLE_FONT).len() as f64;
        let body = self.lines.len() as f64;
        PAD + title * LINE + if body > 0.0 { 6.0 + body * LINE } else { 0.0 } + PAD
    }

    fn draw(&self, svg: &mut String, x: f64, y: f64, width: f64) -> f64 {
        let h = self.height(width);
        let titles = wrap(&self.title, width - 2.0 * PAD, TITLE_FONT);
        let band = PAD + titles.len() as f64 * LINE + 3.0;
        let _ = writeln!(
            svg,
            r##"<g><rect x="{x:.1}" y="{y:.1}" width="{width:.1}" height="{h:.1}" rx="6" fill="#ffffff" stroke="#1f3a60" stroke-width="1.5"/>"##
        );
        let _ = writeln!(
            svg,
            r##"<path d="M{x0:.1},{yb:.1} V{y1:.1} Q{x0:.1},{y:.1} {x1:.1},{y:.1} H{x2:.1} Q{x3:.1},{y:.1} {x3:.1},{y1:.1} V{yb:.1} Z" fill="{tone}" stroke="none"/>"##,
            x0 = x + 0.75,
            x1 = x + 6.0,
            x2 = x + width - 6.0,
            x3 = x + width - 0.75,
            y1 = y + 6.0,
            y = y + 0.75,
            yb = y + band,
            tone = self.tone,
        );
        let mut ty = y + PAD + TITLE_FONT;
        for t in &titles {
            let _ = writeln!(
                svg,
                r##"<text x="{cx:.1}" y="{ty:.1}" font-size="{TITLE_FONT}" font-weight="bold" text-anchor="middle" fill="#10233f">{}</text>"##,
                xml(t),
                cx = x + width / 2.0,
            );
            ty += LINE;
        }
        ty += 6.0;
        for line in &self.lines {
            let _ = writeln!(
                svg,
                r##"<text x="{lx:.1}" y="{ty:.1}" font-size="{FONT}" fill="#222222">{}</text>"##,
                xml(line),
                lx = x + PAD,
            );
            ty += LINE;
        }
        let _ = writeln!(svg, "</g>");
        h
    }
}

fn arrow(svg: &mut String, x1: f64, y1: f64, x2: f64, y2: f64) {
    let _ = writeln!(
        svg,
        r##"<path d="M{x1:.1},{y1:.1} L{x2:.1},{y2:.1}" stroke="#1f3a60" stroke-width="1.5" fill="none" marker-end="url(#head)"/>"##
    );
}

/// A right-angled connector: down from (x1, y1) to `mid`, across, and down to (x2, y2).
fn elbow(svg: &mut String, x1: f64, y1: f64, mid: f64, x2: f64, y2: f64, head: bool) {
    let marker = if head {
        r#" marker-end="url(#head)""#
    } else {
        ""
    };
    let _ = writeln!(
        svg,
        r##"<path d="M{x1:.1},{y1:.1} V{mid:.1} H{x2:.1} V{y2:.1}" stroke="#1f3a60" stroke-width="1.5" fill="none"{marker}/>"##
    );
}

fn action_line(index: &Index<'_>, action: &Action) -> String {
    let who = index.actor(action);
    let when = match (&action.timing, &action.within) {
        (Some(t), _) if t.value == crate::model::Timing::Immediately => "（立即）".to_owned(),
        (_, Some(w)) => format!("（{}）", w.value.within_zh()),
        _ => String::new(),
    };
    if who.is_empty() {
        format!("{}{when}", action.what.value)
    } else {
        format!("{who}：{}{when}", action.what.value)
    }
}

/// How information is reported: the first action that reports to someone, else the duties of
/// the plan's owner or office that say 报告 or 报送.
fn report_lines(index: &Index<'_>, m: &PlanMeta) -> Vec<String> {
    if let Some(action) = m.actions().find(|a| a.report_to.is_some()) {
        return vec![action_line(index, action)];
    }
    let office = m.command.as_ref().and_then(|c| c.office.as_ref());
    let mut out: Vec<String> = m
        .duties
        .iter()
        .filter(|d| {
            d.org.as_str() == m.owner.as_str() || Some(d.org.as_str()) == office.map(|o| o.as_str())
        })
        .filter(|d| d.text.value.contains("报告") || d.text.value.contains("报送"))
        .take(2)
        .map(|d| {
            let when = d
                .deadline
                .as_ref()
                .map_or(String::new(), |x| format!("（{}）", x.value.within_zh()));
            format!("{}：{}{when}", index.org_name(&d.org), d.text.value)
        })
        .collect();
    if out.is_empty() {
        let office = m
            .command
            .as_ref()
            .and_then(|c| c.office.as_ref())
            .map_or("指挥机构办公室", |o| index.org_name(o));
        out.push(format!("事发单位、属地乡镇（街道）按规定时限报告{office}"));
    }
    out
}

/// Who responds first: the field HQ, or the townships the plan gives duties to.
fn first_response_lines(index: &Index<'_>, m: &PlanMeta) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(field) = m.command.as_ref().and_then(|c| c.field.as_ref()) {
        let led = field
            .led_by
            .as_ref()
            .map_or(String::new(), |o| format!("，由{}牵头", index.org_name(o)));
        out.push(format!("成立{}{led}", field.name.value));
    }
    let townships = m
        .duties
        .iter()
        .filter(|d| {
            index
                .org(d.org.as_str())
                .is_some_and(|o| o.kind.value == OrgKind::Township)
        })
        .count();
    let owner_is_township = index
        .org(m.owner.as_str())
        .is_some_and(|o| o.kind.value == OrgKind::Township);
    if townships > 0 && !owner_is_township {
        out.push(format!(
            "事发地乡镇（街道）组织先期处置、自救互救和群众转移（本预案对{townships}个乡镇（街道）分派职责）"
        ));
    } else if out.is_empty() {
        let owner = index.org_name(&m.owner);
        out.push(format!("{owner}组织先期处置，控制事态，防止次生衍生灾害"));
    }
    out
}

fn assessment_lines(index: &Index<'_>, m: &PlanMeta) -> Vec<String> {
    let assessed = m
        .response
        .iter()
        .find_map(|r| r.decided_by.as_ref()?.assessed_by.as_ref())
        .or_else(|| m.command.as_ref()?.office.as_ref());
    match assessed {
        Some(org) => vec![format!(
            "{}组织会商研判，提出响应级别建议",
            index.org_name(org)
        )],
        None => vec!["组织会商研判，提出响应级别建议".to_owned()],
    }
}

fn commander_line(index: &Index<'_>, m: &PlanMeta, level: usize) -> Option<String> {
    let r = &m.response[level];
    let post = r
        .commander
        .as_ref()
        .or_else(|| m.command.as_ref()?.commander.as_ref())?;
    Some(format!("指挥：{}", index.post_title(post)))
}

/// The flow chart of a plan as an SVG document.
pub fn svg(index: &Index<'_>, plan: &Plan) -> String {
    let m = &plan.meta;
    let stages = stages(index, m);
    let levels = stages.len();
    let columns_width = levels as f64 * LEVEL_WIDTH + (levels - 1) as f64 * GAP;
    // Room for the decision's "no" branch beside the diamond.
    let width = columns_width
        .max(MAIN_WIDTH)
        .max(DECISION_WIDTH + 2.0 * 150.0)
        + 2.0 * GAP;
    let centre = width / 2.0;
    let main_x = centre - MAIN_WIDTH / 2.0;
    let mut body = String::new();
    let mut y = GAP + 40.0;
    // The title.
    let _ = writeln!(
        body,
        r##"<text x="{centre:.1}" y="{:.1}" font-size="20" font-weight="bold" text-anchor="middle" fill="#10233f">{}</text>"##,
        GAP + 16.0,
        xml(&format!("{}响应流程图", m.title.value))
    );
    let hq = m
        .command
        .as_ref()
        .map(|c| c.hq.value.clone())
        .unwrap_or_else(|| index.org_name(&m.owner).to_owned());
    let main = [
        Card::new(
            "突发事件发生",
            &[format!("{}（{}）", hazard_names(index, m), hq)],
            MAIN_WIDTH,
            "#f6d7d2",
        ),
        Card::new("信息报告", &report_lines(index, m), MAIN_WIDTH, "#dbe7f5"),
        Card::new(
            "先期处置",
            &first_response_lines(index, m),
            MAIN_WIDTH,
            "#dbe7f5",
        ),
        Card::new(
            "研判评估",
            &assessment_lines(index, m),
            MAIN_WIDTH,
            "#dbe7f5",
        ),
    ];
    y = stack(&mut body, &main, main_x, centre, y);
    // The decision.
    arrow(&mut body, centre, y, centre, y + ARROW - 2.0);
    y += ARROW;
    decision(&mut body, centre, y);
    y += DECISION_HEIGHT;
    y = columns(&mut body, &stages, centre, y, columns_width);
    let closing = [
        Card::new(
            "应急结束",
            &[format!(
                "危害消除、次生灾害风险解除后，由{}宣布响应结束",
                stand_down_by(index, m)
            )],
            MAIN_WIDTH,
            "#dbe7f5",
        ),
        Card::new(
            "后期处置",
            &["善后处置、调查评估、恢复重建和总结改进".to_owned()],
            MAIN_WIDTH,
            "#dbe7f5",
        ),
    ];
    y = stack(&mut body, &closing, main_x, centre, y);
    document(&m.title.value, width, y + GAP, &body)
}

/// Draws cards one under another from `y`, joined by arrows; returns the bottom of the last.
fn stack(body: &mut String, cards: &[Card], x: f64, centre: f64, mut y: f64) -> f64 {
    for (i, card) in cards.iter().enumerate() {
        y += card.draw(body, x, y, MAIN_WIDTH);
        if i + 1 < cards.len() {
            arrow(body, centre, y, centre, y + ARROW - 2.0);
            y += ARROW;
        }
    }
    y
}

/// The decision diamond at `y`, with the branch to the right where the conditions are not met.
fn decision(body: &mut String, centre: f64, y: f64) {
    let (dw, dh) = (DECISION_WIDTH, DECISION_HEIGHT);
    let _ = writeln!(
        body,
        r##"<path d="M{centre:.1},{y:.1} L{r:.1},{my:.1} L{centre:.1},{b:.1} L{l:.1},{my:.1} Z" fill="#fff4d6" stroke="#1f3a60" stroke-width="1.5"/>"##,
        r = centre + dw / 2.0,
        l = centre - dw / 2.0,
        my = y + dh / 2.0,
        b = y + dh,
    );
    let _ = writeln!(
        body,
        r##"<text x="{centre:.1}" y="{:.1}" font-size="{FONT}" text-anchor="middle" fill="#222222">是否达到响应启动条件</text>"##,
        y + dh / 2.0 + 5.0
    );
    // Not reached: keep monitoring (a branch to the right).
    let side = centre + dw / 2.0;
    let _ = writeln!(
        body,
        r##"<path d="M{side:.1},{:.1} H{:.1}" stroke="#1f3a60" stroke-width="1.5" fill="none" marker-end="url(#head)"/>"##,
        y + dh / 2.0,
        side + 40.0
    );
    let _ = writeln!(
        body,
        r##"<text x="{:.1}" y="{:.1}" font-size="13" fill="#444444">否：加强监测</text>"##,
        side + 46.0,
        y + dh / 2.0 + 5.0
    );
}

/// One column per level from `y` (the bottom of the decision), joined again below them for the
/// stand-down; returns where the stand-down begins.
fn columns(body: &mut String, stages: &[Stage], centre: f64, y: f64, columns_width: f64) -> f64 {
    let levels = stages.len();
    let top = y + ARROW + 16.0;
    let x0 = centre - columns_width / 2.0;
    let columns: Vec<f64> = (0..levels)
        .map(|i| x0 + i as f64 * (LEVEL_WIDTH + GAP))
        .collect();
    let mut bottoms = Vec::new();
    let mid = y + ARROW / 2.0 + 8.0;
    let _ = writeln!(
        body,
        r##"<text x="{:.1}" y="{:.1}" font-size="13" fill="#444444">是</text>"##,
        centre + 6.0,
        y + 16.0
    );
    for (i, &cx) in columns.iter().enumerate() {
        let column_centre = cx + LEVEL_WIDTH / 2.0;
        elbow(body, centre, y, mid, column_centre, top - 2.0, true);
        let Stage {
            title,
            criteria,
            actions,
            commander,
        } = &stages[i];
        let mut head: Vec<String> = criteria.clone();
        head.extend(commander.clone());
        let level = Card::new(title.as_str(), &head, LEVEL_WIDTH, "#f9e3b4");
        let mut ly = top;
        ly += level.draw(body, cx, ly, LEVEL_WIDTH);
        arrow(body, column_centre, ly, column_centre, ly + ARROW - 2.0);
        ly += ARROW;
        let acts = Card::new("响应行动", actions, LEVEL_WIDTH, "#dff0dc");
        ly += acts.draw(body, cx, ly, LEVEL_WIDTH);
        bottoms.push((column_centre, ly));
    }
    // Every column joins for the stand-down.
    let lowest = bottoms.iter().map(|b| b.1).fold(top, f64::max);
    let join = lowest + ARROW / 2.0 + 8.0;
    let below = lowest + ARROW + 16.0;
    for &(bx, by) in &bottoms {
        elbow(body, bx, by, join, centre, below - 2.0, true);
    }
    below
}

/// The SVG document: its size, title, arrow head and background around the drawn `body`.
fn document(title: &str, width: f64, height: f64, body: &str) -> String {
    let mut svg = String::with_capacity(body.len() + 1024);
    let _ = writeln!(svg, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" font-family="{}">"#,
        xml(FONT_FAMILY)
    );
    let _ = writeln!(svg, "<title>{}</title>", xml(title));
    svg.push_str(
        "<defs><marker id=\"head\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 Z\" fill=\"#1f3a60\"/></marker></defs>\n",
    );
    let _ = writeln!(
        svg,
        r##"<rect x="0" y="0" width="{width:.0}" height="{height:.0}" fill="#fbfbf8"/>"##
    );
    svg.push_str(body);
    svg.push_str("</svg>\n");
    svg
}

/// One column of the chart: a response level, or a warning stage of a plan without levels.
struct Stage {
    title: String,
    criteria: Vec<String>,
    actions: Vec<String>,
    commander: Option<String>,
}

fn bullets(items: impl ExactSizeIterator<Item = String>, shown: usize, more: &str) -> Vec<String> {
    let total = items.len();
    let mut out: Vec<String> = items.take(shown).map(|t| format!("· {t}")).collect();
    if total > shown {
        out.push(format!("· {}", more.replace("{n}", &total.to_string())));
    }
    out
}

/// The columns: the response levels; else the warning stages (named as the plan names them);
/// else one column of the plan's duties.
fn stages(index: &Index<'_>, m: &PlanMeta) -> Vec<Stage> {
    let criteria = |c: &[crate::model::plan::Criterion]| {
        bullets(
            c.iter().map(|c| c.text.value.clone()),
            CRITERIA_SHOWN,
            "共{n}项条件",
        )
    };
    let actions = |a: &[Action]| {
        bullets(
            a.iter().map(|a| action_line(index, a)),
            ACTIONS_SHOWN,
            "共{n}项行动",
        )
    };
    if !m.response.is_empty() {
        return m
            .response
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let name = r
                    .name
                    .as_ref()
                    .map_or(String::new(), |n| format!("（{}）", n.value));
                Stage {
                    title: format!("{}响应{name}", r.level.value.zh()),
                    criteria: criteria(&r.criteria),
                    actions: actions(&r.actions),
                    commander: commander_line(index, m, i),
                }
            })
            .collect();
    }
    if !m.warning.is_empty() {
        return m
            .warning
            .iter()
            .enumerate()
            .map(|(i, w)| Stage {
                title: match (&w.name, &w.level) {
                    (Some(n), _) => n.value.clone(),
                    (None, Some(l)) => l.value.zh().to_owned(),
                    (None, None) => format!("第{}阶段", i + 1),
                },
                criteria: criteria(&w.criteria),
                actions: actions(&w.actions),
                commander: None,
            })
            .collect();
    }
    vec![Stage {
        title: "启动响应".to_owned(),
        criteria: Vec::new(),
        actions: bullets(
            m.duties
                .iter()
                .map(|d| format!("{}：{}", index.org_name(&d.org), d.text.value)),
            ACTIONS_SHOWN,
            "共{n}项职责",
        ),
        commander: None,
    }]
}

fn hazard_names(index: &Index<'_>, m: &PlanMeta) -> String {
    let names: Vec<&str> = m
        .hazards
        .iter()
        .take(4)
        .map(|h| index.hazard_name(h))
        .collect();
    let more = if m.hazards.len() > 4 { "等" } else { "" };
    if names.is_empty() {
        "突发事件".to_owned()
    } else {
        format!("{}{more}", names.join("、"))
    }
}

/// Who declares the end: the HQ's commander, else the owner.
fn stand_down_by(index: &Index<'_>, m: &PlanMeta) -> String {
    match m.command.as_ref().and_then(|c| c.commander.as_ref()) {
        Some(post) => index.post_title(post).to_owned(),
        None => index.org_name(&m.owner).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_wraps_between_characters_and_keeps_punctuation_at_the_line_end() {
        let lines = wrap(
            "区防汛抗旱指挥部办公室组织会商，提出响应级别建议",
            140.0,
            14.0,
        );
        assert_eq!(lines[0], "区防汛抗旱指挥部办公");
        // A comma never starts a line.
        let lines = wrap("一二三四五六七八九十，十一", 140.0, 14.0);
        assert_eq!(lines, ["一二三四五六七八九", "十，十一"]);
        // Latin words stay whole.
        let lines = wrap("报告 emergency office", 80.0, 14.0);
        assert!(lines.iter().all(|l| !l.ends_with("emerg")), "{lines:?}");
        // A number after an opening bracket stays whole: never "（3" and "0分钟内）".
        let lines = wrap("一二三四五（30分钟内）", 95.0, 14.0);
        assert_eq!(lines, ["一二三四五", "（30分钟内）"]);
    }
}
