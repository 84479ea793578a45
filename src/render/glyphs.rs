//! The missing-glyph check. Typst sets a character that no font has as the font's empty box
//! (glyph 0) and says nothing; a command post would read a blank where a name or a number
//! was. The laid-out pages are walked and every glyph 0 is reported with its character and
//! its page.

use std::collections::BTreeSet;

use typst::layout::{Frame, FrameItem};
use typst_layout::PagedDocument;

/// A character no font could draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingGlyph {
    pub character: char,
    /// 1-based page number in the PDF.
    pub page: usize,
    /// The start of the text run it is in (40 characters), for finding it in the plan.
    pub context: String,
}

/// Every character set as glyph 0, once per character and page, in page order.
pub fn missing(document: &PagedDocument) -> Vec<MissingGlyph> {
    let mut found = Vec::new();
    for (i, page) in document.pages().iter().enumerate() {
        walk(&page.frame, i + 1, &mut found);
    }
    found
}

fn walk(frame: &Frame, page: usize, found: &mut Vec<MissingGlyph>) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => walk(&group.frame, page, found),
            FrameItem::Text(text) => {
                for glyph in text.glyphs.iter().filter(|g| g.id == 0) {
                    let cluster = text.text.get(glyph.range()).unwrap_or("");
                    for character in cluster.chars().filter(|c| !c.is_whitespace()) {
                        if !found
                            .iter()
                            .any(|m: &MissingGlyph| m.character == character && m.page == page)
                        {
                            found.push(MissingGlyph {
                                character,
                                page,
                                context: text.text.chars().take(40).collect(),
                            });
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// The families of the faces the pages are set in.
pub fn families(document: &PagedDocument) -> BTreeSet<String> {
    fn walk(frame: &Frame, found: &mut BTreeSet<String>) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(group) => walk(&group.frame, found),
                FrameItem::Text(text) => {
                    let family = &text.font.info().family;
                    if !found.contains(family.as_str()) {
                        found.insert(family.clone());
                    }
                }
                _ => {}
            }
        }
    }
    let mut found = BTreeSet::new();
    for page in document.pages() {
        walk(&page.frame, &mut found);
    }
    found
}
