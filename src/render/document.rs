//! A Markdown document as an official-looking PDF: the drill pack's plan, MSEL, script and
//! forms (`templates/document.typ`).

use std::collections::HashMap;

use serde_json::json;
use typst::foundations::Bytes;

use super::Book;
use super::markdown::{self, Links};
use crate::model::values::Date;

/// A document links to no plan and shows no image: its Markdown is generated, not written.
struct NoLinks;

impl Links for NoLinks {
    fn in_book(&self, _: &str) -> bool {
        false
    }

    fn image(&self, _: &str) -> Option<String> {
        None
    }
}

/// The book of one Markdown document. Its first level-1 heading is its title; `landscape`
/// turns the page for wide tables.
pub fn book(name: &str, title: &str, markdown: &str, landscape: bool, date: Date) -> Book {
    let body = markdown::to_typst(markdown, &NoLinks, false);
    let typst = body.typst;
    let meta = json!({ "title": title, "landscape": landscape });
    let mut files = HashMap::new();
    files.insert(
        "/document.json".to_owned(),
        Bytes::new(serde_json::to_vec(&meta).unwrap_or_default()),
    );
    files.insert("/document.typ".to_owned(), Bytes::from_string(typst));
    Book {
        template: "document.typ",
        files,
        date,
        name: name.to_owned(),
        plans: Vec::new(),
    }
}
