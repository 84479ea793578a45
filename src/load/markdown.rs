//! The outline of a plan's Markdown body: headings and `plan:` links, with their positions.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::model::{Body, Heading, PlanLink, Span};

/// The link scheme for references to other plans.
pub const PLAN_SCHEME: &str = "plan:";

/// Reads the body that starts at byte `start` of `text`.
pub fn outline(text: &str, start: usize) -> Body {
    let body = &text[start..];
    let mut outline = Body {
        start,
        ..Body::default()
    };
    let mut heading: Option<(u8, usize, String)> = None;
    // Whether each heading has content of its own, before the next heading.
    let mut own = Vec::new();
    for (event, range) in Parser::new(body).into_offset_iter() {
        if let Some(last) = own.last_mut().filter(|_| heading.is_none()) {
            *last |= is_content(&event);
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level_number(level), range.start, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, from, text)) = heading.take() {
                    let to = from + body[from..range.end].trim_end().len();
                    outline.headings.push(Heading {
                        level,
                        text: text.trim().to_owned(),
                        span: Span::new(start + from, start + to),
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
                        Some((plan, duty)) => (plan, Some(duty.to_owned())),
                        None => (target, None),
                    };
                    // Point at the destination itself when it is written out in the link.
                    let span = body[range.clone()]
                        .rfind(dest_url.as_ref())
                        .map_or(range.clone(), |i| {
                            range.start + i..range.start + i + dest_url.len()
                        });
                    outline.links.push(PlanLink {
                        plan: plan.to_owned(),
                        duty,
                        span: Span::new(start + span.start, start + span.end),
                    });
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
            .map(|h| (h.level, h.text.as_str()))
            .collect();
        assert_eq!(titles, [(1, "预案"), (2, "一、总则")]);
        assert_eq!(body.links.len(), 1);
        let link = &body.links[0];
        assert_eq!(
            (link.plan.as_str(), link.duty.as_deref()),
            ("zx-flood", Some("evacuate"))
        );
        assert_eq!(&text[link.span.range()], "plan:zx-flood#evacuate");
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
            .map(|h| (h.text.as_str(), h.has_content))
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
