//! The outline of a plan's Markdown body: headings and `plan:` links, with their positions.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::model::{Body, Heading, PlanLink, Span};

/// The link scheme for references to other plans.
pub const PLAN_SCHEME: &str = "plan:";

/// Reads the body that starts at byte `start` of `text`.
pub fn outline(text: &str, start: usize) -> Body {
    outline_in_pieces(text, start, PIECE)
}

/// [`outline`], with the body parsed in pieces of about `piece` bytes.
fn outline_in_pieces(text: &str, start: usize, piece: usize) -> Body {
    let body = &text[start..];
    let mut outline = Body::at(start);
    let mut heading: Option<(u8, usize, String)> = None;
    // Whether each heading has content of its own, before the next heading.
    let mut own = Vec::new();
    // A large body is parsed piece by piece: the parser keeps a tree of every block and inline
    // it has seen, several times the text's size when the body is all headings or links.
    let events = pieces(body, piece).into_iter().flat_map(|piece| {
        let offset = piece.start;
        Parser::new(&body[piece])
            .into_offset_iter()
            .map(move |(event, range)| (event, range.start + offset..range.end + offset))
    });
    for (event, range) in events {
        if let Some(last) = own.last_mut().filter(|_| heading.is_none()) {
            *last |= is_content(&event);
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level_number(level), range.start, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, from, words)) = heading.take() {
                    let to = from + body[from..range.end].trim_end().len();
                    let span = Span::new(start + from, start + to);
                    let text = outline.keep(words.trim(), text, span);
                    outline.headings.push(Heading {
                        level,
                        text,
                        span,
                        has_content: false,
                    });
                    own.push(false);
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, text)) = heading.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(target) = dest_url.strip_prefix(PLAN_SCHEME) {
                    let (plan, duty) = match target.split_once('#') {
                        Some((plan, duty)) => (plan, Some(duty)),
                        None => (target, None),
                    };
                    // Point at the destination itself when it is written out in the link.
                    let span = body[range.clone()]
                        .rfind(dest_url.as_ref())
                        .map_or(range.clone(), |i| {
                            range.start + i..range.start + i + dest_url.len()
                        });
                    let span = Span::new(start + span.start, start + span.end);
                    let plan = outline.keep(plan, text, span);
                    let duty = duty.map(|duty| outline.keep(duty, text, span));
                    outline.links.push(PlanLink { plan, duty, span });
                }
            }
            _ => {}
        }
    }
    // A section has content when it or one of its subsections has; walking backwards, each
    // heading's subsections are seen before it.
    let mut below: Vec<(u8, bool)> = Vec::new();
    for (h, own) in outline.headings.iter_mut().zip(own).rev() {
        let mut content = own;
        while let Some(&(level, sub)) = below.last() {
            if level <= h.level {
                break;
            }
            content |= sub;
            below.pop();
        }
        h.has_content = content;
        below.push((h.level, content));
    }
    outline
}

/// A body up to this size is parsed whole; a larger one in pieces of about this size.
const PIECE: usize = 1 << 20;

/// Where a large body can be parsed piece by piece and read the same as a whole: before an ATX
/// heading, or after a blank line before a line that is not indented, outside fenced code and
/// HTML blocks. A piece ends a list or a quote no sooner than the body would; what it changes
/// (one list read as two) is nothing the outline keeps. A body with link reference definitions
/// (`[x]: plan:...`), which reach across the whole body, is parsed whole.
fn pieces(body: &str, piece: usize) -> Vec<std::ops::Range<usize>> {
    if body.len() <= piece || has_reference_definitions(body) {
        return std::iter::once(0..body.len()).collect();
    }
    let mut pieces = Vec::new();
    let (mut from, mut at) = (0, 0);
    // The fence character and its length while in fenced code; whether in an HTML block that
    // only its closing tag or `-->` ends.
    let mut fence: Option<(char, usize)> = None;
    let mut html: Option<&str> = None;
    let mut after_blank = false;
    let mut open = Open::default();
    for line in body.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let content = line.trim_start_matches(' ');
        let indented = line.len() - content.len();
        let blank = content.trim().is_empty();
        if let Some(end) = html {
            if line.contains(end) {
                html = None;
            }
            after_blank = false;
            continue;
        }
        if indented <= 3
            && let Some(marker) = fence_marker(content)
        {
            match fence {
                None => fence = Some(marker),
                Some((c, n))
                    if marker.0 == c
                        && marker.1 >= n
                        && content.trim_start_matches(c).trim().is_empty() =>
                {
                    fence = None;
                }
                Some(_) => {}
            }
            after_blank = false;
            continue;
        }
        if fence.is_some() {
            continue;
        }
        // Inside a paragraph, between two lines where no bracket, parenthesis, angle bracket
        // or code span is open and the next line cannot change the one before (a setext
        // underline) or start a block: a body of 100,000 lines of links is one paragraph.
        let inside = !after_blank
            && open == Open::default()
            && content
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || !c.is_ascii());
        let boundary =
            indented == 0 && !blank && (after_blank || inside || is_atx_heading(content));
        if boundary && start - from >= piece {
            pieces.push(from..start);
            from = start;
        }
        if blank {
            open = Open::default();
        } else {
            open.count(line);
        }
        if indented <= 3 {
            html = html_block_end(content).filter(|end| !content.contains(end));
        }
        after_blank = blank;
    }
    pieces.push(from..body.len());
    pieces
}

/// What is open in a paragraph: brackets, parentheses and angle brackets not yet closed, and
/// whether a code span is.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Open {
    brackets: i64,
    parentheses: i64,
    angles: i64,
    code: bool,
}

impl Open {
    fn count(&mut self, line: &str) {
        for b in line.bytes() {
            match b {
                b'[' => self.brackets += 1,
                b']' => self.brackets -= 1,
                b'(' => self.parentheses += 1,
                b')' => self.parentheses -= 1,
                b'<' => self.angles += 1,
                b'>' => self.angles -= 1,
                b'`' => self.code = !self.code,
                _ => {}
            }
        }
    }
}

/// The character and length of a code fence that starts `line` (```` ``` ```` or `~~~`).
fn fence_marker(line: &str) -> Option<(char, usize)> {
    let c = line.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let n = line.chars().take_while(|&x| x == c).count();
    (n >= 3).then_some((c, n))
}

fn is_atx_heading(line: &str) -> bool {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes)
        && matches!(
            line.as_bytes().get(hashes),
            None | Some(b' ' | b'\t' | b'\n' | b'\r')
        )
}

/// What ends an HTML block that `line` opens and that a blank line does not end (CommonMark's
/// kinds 1 to 5): a comment, a processing instruction, a declaration, CDATA, or raw text.
fn html_block_end(line: &str) -> Option<&'static str> {
    let lower = line.get(..10).unwrap_or(line).to_ascii_lowercase();
    if lower.starts_with("<!--") {
        Some("-->")
    } else if lower.starts_with("<![cdata[") {
        Some("]]>")
    } else if lower.starts_with("<?") {
        Some("?>")
    } else if lower.starts_with("<!") {
        Some(">")
    } else {
        ["script", "pre", "style", "textarea"]
            .into_iter()
            .find(|tag| {
                lower
                    .strip_prefix('<')
                    .and_then(|r| r.strip_prefix(tag))
                    .is_some_and(|r| {
                        matches!(
                            r.as_bytes().first(),
                            None | Some(b' ' | b'>' | b'\n' | b'\r' | b'\t')
                        )
                    })
            })
            .map(|tag| match tag {
                "script" => "</script>",
                "pre" => "</pre>",
                "style" => "</style>",
                _ => "</textarea>",
            })
    }
}

/// Whether a line of the body may be a link reference definition (`[label]: destination`).
fn has_reference_definitions(body: &str) -> bool {
    body.lines().any(|line| {
        let line = line.trim_start_matches([' ', '>']);
        line.starts_with('[') && line.contains("]:")
    })
}

/// True for an event that is content of the section it is in: text, code, or a note to emplan
/// in an HTML comment (`<!-- emplan: 见附件3 -->`). Other HTML comments are not content.
fn is_content(event: &Event) -> bool {
    match event {
        Event::Text(t) | Event::Code(t) => !t.trim().is_empty(),
        Event::Html(t) | Event::InlineHtml(t) => t.contains("emplan:"),
        Event::Start(Tag::Image { .. }) => true,
        _ => false,
    }
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_plan_links_keep_positions() {
        let text = "---\n---\n# 预案\n\n## 一、总则\n见[防汛](plan:zx-flood#evacuate)与[外链](https://x)。\n";
        let body = outline(text, 8);
        let titles: Vec<_> = body
            .headings
            .iter()
            .map(|h| (h.level, body.text(h.text, text)))
            .collect();
        assert_eq!(titles, [(1, "预案"), (2, "一、总则")]);
        assert_eq!(body.links.len(), 1);
        let link = &body.links[0];
        assert_eq!(
            (
                body.text(link.plan, text),
                link.duty.map(|d| body.text(d, text))
            ),
            ("zx-flood", Some("evacuate"))
        );
        assert_eq!(&text[link.span.range()], "plan:zx-flood#evacuate");
    }

    /// Every field of the outline, texts read out.
    fn shown(body: &Body, text: &str) -> Vec<String> {
        let headings = body.headings.iter().map(|h| {
            let t = body.text(h.text, text);
            format!("h{} {t} {:?} {}", h.level, h.span, h.has_content)
        });
        let links = body.links.iter().map(|l| {
            let duty = l.duty.map(|d| body.text(d, text));
            format!("{} {duty:?} {:?}", body.text(l.plan, text), l.span)
        });
        headings.chain(links).collect()
    }

    #[test]
    fn a_body_read_in_pieces_has_the_outline_it_has_read_whole() {
        let tricky = concat!(
            "# 预案\n\n## 一、总则\n见[防汛](plan:zx-flood#evacuate)和[跨\n行](plan:zx-b)。\n",
            "```\n# 不是标题\n[代码](plan:not-a-link)\n```\n\n",
            "<!--\n# 注释里的标题\n\n[x](plan:in-comment)\n-->\n",
            "段落一行\n第二行\n=====\n\n- 列表\n\n  续行[链](plan:zx-c)\n",
            "> 引文\n连续\n\n## **二、组织**\n`代码 [x](plan:in-code)\n跨行` 后\n",
            "### （一）\n\n",
        );
        let mut text = String::from("---\nid: a\n---\n");
        let start = text.len();
        for _ in 0..40 {
            text.push_str(tricky);
        }
        let whole = outline_in_pieces(&text, start, usize::MAX);
        assert_eq!(whole.headings.len(), 40 * 5);
        for piece in [1, 7, 64, 300] {
            let cut = outline_in_pieces(&text, start, piece);
            assert_eq!(
                shown(&cut, &text),
                shown(&whole, &text),
                "pieces of {piece}"
            );
        }
        // The sample's bodies too.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
        for entry in walkdir::WalkDir::new(root) {
            let path = entry.unwrap().into_path();
            if path.extension().is_some_and(|e| e == "md") {
                let text = std::fs::read_to_string(&path).unwrap();
                let whole = outline_in_pieces(&text, 0, usize::MAX);
                let cut = outline_in_pieces(&text, 0, 1);
                assert_eq!(
                    shown(&cut, &text),
                    shown(&whole, &text),
                    "{}",
                    path.display()
                );
            }
        }
    }

    #[test]
    fn a_section_has_content_when_it_or_a_subsection_has_text() {
        let text = concat!(
            "# 预案\n## 一、总则\n\n## 二、组织\n### （一）指挥部\n由镇长任指挥长。\n",
            "## 三、保障\n<!-- 待补充 -->\n## 四、附件\n<!-- emplan: 见附件3 -->\n",
            "## 五、附则\n### （一）\n",
        );
        let body = outline(text, 0);
        let content: Vec<_> = body
            .headings
            .iter()
            .map(|h| (body.text(h.text, text), h.has_content))
            .collect();
        assert_eq!(
            content,
            [
                ("预案", true),
                ("一、总则", false),
                ("二、组织", true),
                ("（一）指挥部", true),
                ("三、保障", false),
                ("四、附件", true),
                ("五、附则", false),
                ("（一）", false),
            ]
        );
    }
}
