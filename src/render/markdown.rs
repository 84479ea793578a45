//! Markdown to Typst markup, over pulldown-cmark.
//!
//! Plan text never runs as Typst: every run of text becomes a string literal (`#"..."`) with
//! its backslashes, quotes and control characters escaped, and all structure is written as
//! function calls (`#heading(level: 2)[..]`, `#table(..)`, `#raw(..)`). So `#read("/etc/passwd")`,
//! `#import`, `$x$`, `<label>` and `@ref` in a plan are printed, not evaluated.
//!
//! A soft line break between two Chinese characters is joined (a newline in the source would
//! otherwise print as a space). An HTML comment `<!-- emplan: NAME -->` whose NAME is one of
//! [`GENERATED`] places that generated table: `#generated(plan, "NAME")`, a function of the
//! templates.

use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The tables a plan body can place with `<!-- emplan: NAME -->`, and the heading chapter they
/// make whole. The names are the keys of the plan's data (docs/render.md).
pub const GENERATED: &[&str] = &[
    "command",
    "groups",
    "duties",
    "warning",
    "response",
    "resources",
    "contacts",
];

/// What the converter needs to know of the book it writes for.
pub trait Links {
    /// Whether the plan `id` is a part of this book, so that a `plan:` link can point to it.
    fn in_book(&self, id: &str) -> bool;
    /// The book path of an image the Markdown names (relative to the plan file), or `None`
    /// when it does not exist inside the repository.
    fn image(&self, destination: &str) -> Option<String>;
}

/// The converted body.
#[derive(Debug, Default, PartialEq)]
pub struct Converted {
    pub typst: String,
    /// The generated tables the body places, in order.
    pub placed: Vec<String>,
}

/// Appends `text` as a Typst string literal (`"..."`), escaped.
pub fn push_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// True for characters after or before which a soft line break is dropped: CJK ideographs,
/// kana, CJK and full-width punctuation.
fn joins(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x303F | 0x3040..=0x30FF | 0x3100..=0x312F | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF
        | 0x20000..=0x3FFFF)
}

/// The name of an `<!-- emplan: NAME -->` marker, where the HTML is exactly one.
fn marker(html: &str) -> Option<&str> {
    let inner = html
        .trim()
        .strip_prefix("<!--")?
        .strip_suffix("-->")?
        .trim();
    let name = inner.strip_prefix("emplan:")?.trim();
    GENERATED.contains(&name).then_some(name)
}

/// Converts a plan body. `drop_title` leaves out the first level-1 heading (the cover or the
/// part heading already shows the title).
pub fn to_typst(markdown: &str, links: &dyn Links, drop_title: bool) -> Converted {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut w = Writer {
        out: String::with_capacity(markdown.len() * 2),
        placed: Vec::new(),
        text: String::new(),
        pending_break: false,
        last: None,
        links,
        stack: Vec::new(),
        skip_heading: drop_title,
        skipping: false,
        table: None,
        nesting: Vec::new(),
    };
    for event in Parser::new_ext(markdown, options) {
        w.event(event);
    }
    w.flush();
    Converted {
        typst: w.out,
        placed: w.placed,
    }
}

/// An open element whose closing the writer must know.
enum Open {
    /// A link written as `#link(..)[`, closed with `]`.
    Link,
    /// A link shown as its text only (its target is not in the book), or the placeholder of
    /// a missing image: nothing to close.
    TextOnly,
    /// A code block: its language and text, written at its end.
    Code { lang: String, text: String },
    /// An image: its book path and alt text, written at its end.
    Image { path: String, alt: String },
}

struct Writer<'a> {
    out: String,
    placed: Vec<String>,
    /// Text not yet written (runs are merged so a soft break can see both sides).
    text: String,
    pending_break: bool,
    /// The last character written or pending.
    last: Option<char>,
    links: &'a dyn Links,
    stack: Vec<Open>,
    skip_heading: bool,
    skipping: bool,
    /// The table being written, if any (Markdown tables do not nest).
    table: Option<TableWidths>,
    /// For each open quote, list, item and emphasis, whether it was written: past
    /// [`MAX_NESTING`] the text inside is written without them.
    nesting: Vec<bool>,
}

/// The deepest quotes, lists and emphasis are written; deeper ones keep their text only.
/// Typst's parser stops at a depth of its own ("maximum parsing depth exceeded", found by the
/// `markdown_typst` fuzz target at 170 nested quotes); no plan nests a tenth as deep.
const MAX_NESTING: usize = 32;

/// Whether a tag is one of the containers [`MAX_NESTING`] counts.
fn nests(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::BlockQuote(_)
            | Tag::List(_)
            | Tag::Item
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
    )
}

fn nests_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::BlockQuote(_)
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
    )
}

/// The widest text of each column of a table, to share the width out by: a column of long
/// text gets more room than a column of numbers.
struct TableWidths {
    /// Where the column widths go in the output, once the table is read.
    at: usize,
    widths: Vec<usize>,
    /// Whether a body cell of the column holds text: a column left blank is one to write in.
    filled: Vec<bool>,
    in_head: bool,
    column: usize,
    cell: usize,
}

impl TableWidths {
    /// `(auto, 24fr, ...)`: a column whose widest text is short (six Chinese characters or
    /// fewer) takes the width of its text; the others share the rest by their widest text in
    /// half-ems (a Chinese character is two), up to 36, so no long column takes all. A column
    /// whose body is blank (a form's) gets room to write in.
    fn spec(&self) -> String {
        let parts: Vec<String> = self
            .widths
            .iter()
            .zip(&self.filled)
            .map(|(&w, &filled)| match (w, filled) {
                (_, false) => format!("{}fr", w.clamp(24, 36)),
                (0..=12, true) => "auto".to_owned(),
                _ => format!("{}fr", w.min(36)),
            })
            .collect();
        format!("({},)", parts.join(", "))
    }
}

/// The width of text in half-ems: two for a character of the CJK ranges, one for others.
fn half_ems(text: &str) -> usize {
    text.chars().map(|c| if joins(c) { 2 } else { 1 }).sum()
}

impl Writer<'_> {
    fn flush(&mut self) {
        if !self.text.is_empty() {
            self.out.push('#');
            push_string(&mut self.out, &self.text);
            self.text.clear();
        }
    }

    fn raw(&mut self, s: &str) {
        self.flush();
        self.pending_break = false;
        self.out.push_str(s);
    }

    fn text(&mut self, s: &str) {
        if self.skipping || s.is_empty() {
            return;
        }
        match self.stack.last_mut() {
            Some(Open::Code { text, .. }) => return text.push_str(s),
            Some(Open::Image { alt, .. }) => return alt.push_str(s),
            _ => {}
        }
        if self.pending_break {
            self.pending_break = false;
            let next = s.chars().next();
            if !(self.last.is_some_and(joins) || next.is_some_and(joins)) {
                self.text.push(' ');
            }
        }
        self.text.push_str(s);
        self.last = s.chars().last();
        if let Some(table) = &mut self.table {
            table.cell += half_ems(s.trim());
        }
    }

    fn block_end(&mut self) {
        self.flush();
        self.pending_break = false;
        self.last = None;
        self.out.push_str("\n\n");
    }

    fn event(&mut self, event: Event<'_>) {
        if self.skipping && !matches!(event, Event::End(TagEnd::Heading(_))) {
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t),
            Event::Code(code) => {
                let mut s = String::from("#raw(");
                push_string(&mut s, &code);
                s.push(')');
                self.raw(&s);
                self.last = code.chars().last();
            }
            Event::SoftBreak => match self.stack.last_mut() {
                Some(Open::Image { alt, .. }) => alt.push(' '),
                _ => self.pending_break = true,
            },
            Event::HardBreak => self.raw("#linebreak()"),
            Event::Rule => self.raw("#line(length: 100%)\n\n"),
            Event::Html(html) | Event::InlineHtml(html) => {
                if let Some(Open::Code { text, .. }) = self.stack.last_mut() {
                    text.push_str(&html);
                } else if let Some(name) = marker(&html) {
                    self.placed.push(name.to_owned());
                    let mut s = String::from("\n#generated(plan, ");
                    push_string(&mut s, name);
                    s.push_str(")\n\n");
                    self.raw(&s);
                } else if !html.trim_start().starts_with("<!--") {
                    self.text(&html);
                }
            }
            // □ and ■ are in GB 2312, so in the bundled fonts (☐ and ☑ are in no Noto CJK face).
            Event::TaskListMarker(done) => self.text(if done { "■ " } else { "□ " }),
            Event::FootnoteReference(name) => self.text(&format!("[{name}]")),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        if nests(&tag) {
            // An item is an argument of its list's call: written whenever the list is (past
            // the depth too), so that no text lands in the call's code.
            let written = match tag {
                Tag::Item => self.nesting.last() != Some(&false),
                _ => self.nesting.len() < MAX_NESTING,
            };
            self.nesting.push(written);
            if !written {
                return;
            }
        }
        match tag {
            Tag::Heading { level, .. } => {
                if level == HeadingLevel::H1 && self.skip_heading {
                    self.skip_heading = false;
                    self.skipping = true;
                    return;
                }
                self.raw(&format!("#heading(level: {})[", level as usize));
            }
            Tag::Paragraph | Tag::TableRow | Tag::HtmlBlock => {}
            Tag::BlockQuote(_) => self.raw("#quote(block: true)["),
            Tag::CodeBlock(kind) => self.start_code_block(kind),
            Tag::List(Some(first)) => self.raw(&format!("#enum(start: {first}, tight: true, ")),
            Tag::List(None) => self.raw("#list(tight: true, "),
            Tag::Item | Tag::TableCell => self.raw("["),
            Tag::Table(alignments) => self.start_table(&alignments),
            Tag::TableHead => {
                self.raw("table.header(");
            }
            Tag::Emphasis => self.raw("#emph["),
            Tag::Strong => self.raw("#strong["),
            Tag::Strikethrough => self.raw("#strike["),
            Tag::Link { dest_url, .. } => self.start_link(&dest_url),
            Tag::Image { dest_url, .. } => self.start_image(&dest_url),
            Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_)
            | Tag::Superscript
            | Tag::Subscript => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        if nests_end(&tag) && self.nesting.pop() == Some(false) {
            // Its text stays apart from what follows, as a paragraph of its own.
            if !matches!(
                tag,
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough
            ) {
                self.block_end();
            }
            return;
        }
        match tag {
            TagEnd::Heading(_) => {
                if self.skipping {
                    self.skipping = false;
                    self.text.clear();
                    return;
                }
                self.raw("]");
                self.block_end();
            }
            TagEnd::Paragraph => self.block_end(),
            TagEnd::BlockQuote(_) => {
                self.raw("]");
                self.block_end();
            }
            TagEnd::CodeBlock => self.end_code_block(),
            TagEnd::List(_) => {
                self.raw(")");
                self.block_end();
            }
            TagEnd::Item => {
                self.raw("], ");
                self.last = None;
            }
            TagEnd::Table => {
                self.raw(")");
                if let Some(table) = self.table.take() {
                    self.out.insert_str(table.at, &table.spec());
                }
                self.block_end();
            }
            TagEnd::TableHead => {
                self.raw("), ");
                if let Some(table) = &mut self.table {
                    table.column = 0;
                    table.in_head = false;
                }
            }
            TagEnd::TableCell => self.end_table_cell(),
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => self.raw("]"),
            TagEnd::Link => {
                if let Some(Open::Link) = self.stack.pop() {
                    self.raw("]");
                }
            }
            TagEnd::Image => self.end_image(),
            TagEnd::TableRow => {
                if let Some(table) = &mut self.table {
                    table.column = 0;
                }
            }
            TagEnd::HtmlBlock => {}
            TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::MetadataBlock(_)
            | TagEnd::Superscript
            | TagEnd::Subscript => {}
        }
    }

    /// A code block: its text is gathered until its end.
    fn start_code_block(&mut self, kind: CodeBlockKind<'_>) {
        self.flush();
        let lang = match kind {
            CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or("").to_owned(),
            CodeBlockKind::Indented => String::new(),
        };
        self.stack.push(Open::Code {
            lang,
            text: String::new(),
        });
    }

    /// A table: its column widths are written at its end, when its text is known.
    fn start_table(&mut self, alignments: &[Alignment]) {
        let align: Vec<&str> = alignments
            .iter()
            .map(|a| match a {
                Alignment::Center => "center",
                Alignment::Right => "right",
                _ => "left",
            })
            .collect();
        self.raw("#table(columns: ");
        self.table = Some(TableWidths {
            at: self.out.len(),
            widths: vec![0; align.len().max(1)],
            filled: vec![false; align.len().max(1)],
            in_head: true,
            column: 0,
            cell: 0,
        });
        self.raw(&format!(", align: ({},), ", align.join(", ")));
    }

    /// A link: into the book for a plan in it, out for a web address, else its text only.
    fn start_link(&mut self, dest_url: &str) {
        let plan = dest_url
            .strip_prefix("plan:")
            .map(|rest| rest.split('#').next().unwrap_or(""));
        let target = match plan {
            Some(id) if self.links.in_book(id) => Some(format!("label(\"plan-{}\")", Escaped(id))),
            Some(_) => None,
            None if dest_url.starts_with("https://") || dest_url.starts_with("http://") => {
                Some(format!("\"{}\"", Escaped(dest_url)))
            }
            None => None,
        };
        match target {
            Some(target) => {
                self.raw(&format!("#link({target})["));
                self.stack.push(Open::Link);
            }
            None => self.stack.push(Open::TextOnly),
        }
    }

    /// An image: its alt text is gathered until its end; one not in the repository is named
    /// as missing.
    fn start_image(&mut self, dest_url: &str) {
        match self.links.image(dest_url) {
            Some(path) => {
                self.flush();
                self.stack.push(Open::Image {
                    path,
                    alt: String::new(),
                });
            }
            None => {
                self.text(&format!("［图片缺失：{dest_url}］"));
                self.stack.push(Open::TextOnly);
            }
        }
    }

    /// The end of a code block: its gathered text, as a raw block.
    fn end_code_block(&mut self) {
        if let Some(Open::Code { lang, text }) = self.stack.pop() {
            let mut s = String::from("#raw(block: true, ");
            if !lang.is_empty() {
                s.push_str("lang: ");
                push_string(&mut s, &lang);
                s.push_str(", ");
            }
            push_string(&mut s, text.trim_end_matches('\n'));
            s.push(')');
            self.raw(&s);
            self.block_end();
        }
    }

    /// The end of a table cell: its text's width counts for its column.
    fn end_table_cell(&mut self) {
        self.raw("], ");
        self.last = None;
        if let Some(table) = &mut self.table {
            if let Some(width) = table.widths.get_mut(table.column) {
                *width = (*width).max(table.cell);
            }
            if !table.in_head
                && table.cell > 0
                && let Some(filled) = table.filled.get_mut(table.column)
            {
                *filled = true;
            }
            table.column += 1;
            table.cell = 0;
        }
    }

    /// The end of an image: the image with its gathered alt text.
    fn end_image(&mut self) {
        if let Some(Open::Image { path, alt }) = self.stack.pop() {
            let mut s = String::from("#box(image(");
            push_string(&mut s, &path);
            s.push_str(", alt: ");
            push_string(&mut s, &alt);
            s.push_str("))");
            self.raw(&s);
        }
    }
}

/// Text escaped for the inside of a Typst string literal.
struct Escaped<'a>(&'a str);

impl std::fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = String::new();
        push_string(&mut s, self.0);
        f.write_str(&s[1..s.len() - 1])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Book(&'static [&'static str]);

    impl Links for Book {
        fn in_book(&self, id: &str) -> bool {
            self.0.contains(&id)
        }
        fn image(&self, destination: &str) -> Option<String> {
            (destination == "map.png").then(|| "/repo/plans/map.png".to_owned())
        }
    }

    fn convert(markdown: &str) -> String {
        to_typst(markdown, &Book(&["bm-shuili"]), false).typst
    }

    #[test]
    fn a_soft_break_between_chinese_characters_is_joined_and_between_words_is_a_space() {
        assert_eq!(convert("预警信息\n发布后"), "#\"预警信息发布后\"\n\n");
        assert_eq!(convert("warning\nissued"), "#\"warning issued\"\n\n");
        assert_eq!(convert("预警，\nthen"), "#\"预警，then\"\n\n");
    }

    #[test]
    fn text_is_a_string_literal_with_its_quotes_backslashes_and_controls_escaped() {
        assert_eq!(
            convert(r#"见 \#read("/etc/passwd") 与 a\\b"#),
            "#\"见 #read(\\\"/etc/passwd\\\") 与 a\\\\b\"\n\n"
        );
        let mut s = String::new();
        push_string(&mut s, "a\u{1b}[2J\tb");
        assert_eq!(s, "\"a\\u{1b}[2J\\tb\"");
    }

    #[test]
    fn deep_nesting_is_written_flat_past_a_depth_typst_parses() {
        for markdown in [
            format!("{}引文\n", "> ".repeat(300)),
            (0..300)
                .map(|i| format!("{}- 第{i}层\n", "  ".repeat(i)))
                .collect(),
            format!("{}强调{}\n", "*_".repeat(150), "_*".repeat(150)),
            // A list opened at the last depth that is written (found by the fuzz target).
            format!("{}1. {}引文\n", "> ".repeat(31), "> ".repeat(4)),
        ] {
            let typst = convert(&markdown);
            let root = typst::syntax::parse(&typst);
            let (errors, _) = root.errors_and_warnings();
            assert!(errors.is_empty(), "{errors:?}");
            let kept = markdown.contains("引文") && typst.contains("引文")
                || markdown.contains("第299层") && typst.contains("第299层")
                || typst.contains("强调");
            assert!(kept, "{typst}");
        }
    }

    #[test]
    fn structure_is_written_as_function_calls() {
        assert_eq!(
            convert("## 一、总则\n\n- 甲\n- *乙*\n"),
            "#heading(level: 2)[#\"一、总则\"]\n\n#list(tight: true, [#\"甲\"], [#emph[#\"乙\"]], )\n\n"
        );
        assert_eq!(
            convert("| 级别 | 条件 |\n|:--|--:|\n| Ⅰ | 30人 |\n"),
            "#table(columns: (auto, auto,), align: (left, right,), table.header([#\"级别\"], [#\"条件\"], ), [#\"Ⅰ\"], [#\"30人\"], )\n\n"
        );
        assert_eq!(
            convert("```yaml\nid: x\n```\n"),
            "#raw(block: true, lang: \"yaml\", \"id: x\")\n\n"
        );
    }

    #[test]
    fn plan_links_point_into_the_book_only_when_the_plan_is_in_it() {
        assert_eq!(
            convert("见[《水利》](plan:bm-shuili#rescue)和[《林业》](plan:bm-linye)"),
            "#\"见\"#link(label(\"plan-bm-shuili\"))[#\"《水利》\"]#\"和《林业》\"\n\n"
        );
    }

    #[test]
    fn images_come_from_the_repository_or_are_named_as_missing() {
        assert_eq!(
            convert("![转移路线](map.png)"),
            "#box(image(\"/repo/plans/map.png\", alt: \"转移路线\"))\n\n"
        );
        assert_eq!(
            convert("![口令](/etc/passwd)"),
            "#\"［图片缺失：/etc/passwd］口令\"\n\n"
        );
    }

    #[test]
    fn a_marker_places_its_table_and_other_comments_are_dropped() {
        let out = to_typst(
            "### （四）成员单位职责\n\n<!-- emplan: duties -->\n\n<!-- emplan: 见附件3 -->\n<!-- 待补充 -->\n",
            &Book(&[]),
            false,
        );
        assert_eq!(out.placed, ["duties"]);
        assert!(out.typst.contains("#generated(plan, \"duties\")"));
        assert!(!out.typst.contains("附件3") && !out.typst.contains("待补充"));
    }

    #[test]
    fn the_title_is_dropped_when_the_book_prints_it() {
        let out = to_typst(
            "# 利州区防汛抗旱应急预案\n\n## 一、总则\n",
            &Book(&[]),
            true,
        );
        assert_eq!(out.typst, "#heading(level: 2)[#\"一、总则\"]\n\n");
    }
}
