//! The Markdown to Typst converter on any text. Its output must parse without error; it may hold
//! only the function calls the converter writes (no `#read`, `#import`, `#include`, `#eval`, no
//! math, labels, references or markup of Typst's own); and every character of the plan's text
//! must reach, in order, the string literals Typst reads: nothing lost, nothing run.

#![no_main]

use emplan::render::markdown::{Links, to_typst};
use libfuzzer_sys::fuzz_target;
use pulldown_cmark::{Event, Options, Parser};
use typst_syntax::{SyntaxKind, SyntaxNode, ast};

struct Book;

impl Links for Book {
    fn in_book(&self, id: &str) -> bool {
        id.starts_with('z')
    }
    fn image(&self, destination: &str) -> Option<String> {
        destination
            .ends_with(".png")
            .then(|| "/plans/map.png".to_owned())
    }
}

/// The functions the converter calls.
const CALLS: &[&str] = &[
    "heading",
    "quote",
    "raw",
    "enum",
    "list",
    "table",
    "table.header",
    "emph",
    "strong",
    "strike",
    "link",
    "label",
    "linebreak",
    "line",
    "image",
    "generated",
    "text",
    "box",
    "figure",
];

/// The kinds of node its output may hold.
const KINDS: &[SyntaxKind] = &[
    SyntaxKind::Markup,
    SyntaxKind::Hash,
    SyntaxKind::FuncCall,
    SyntaxKind::Args,
    SyntaxKind::Ident,
    SyntaxKind::FieldAccess,
    SyntaxKind::Dot,
    SyntaxKind::Str,
    SyntaxKind::Int,
    SyntaxKind::Bool,
    SyntaxKind::Numeric,
    SyntaxKind::Named,
    SyntaxKind::Colon,
    SyntaxKind::Comma,
    SyntaxKind::LeftParen,
    SyntaxKind::RightParen,
    SyntaxKind::LeftBracket,
    SyntaxKind::RightBracket,
    SyntaxKind::ContentBlock,
    SyntaxKind::Array,
    SyntaxKind::Parenthesized,
    SyntaxKind::Space,
    SyntaxKind::Parbreak,
    SyntaxKind::Auto,
    SyntaxKind::None,
];

fn walk(node: &SyntaxNode, strings: &mut String) {
    assert!(
        KINDS.contains(&node.kind()),
        "a {:?} node: {:?}",
        node.kind(),
        node.full_text()
    );
    if node.kind() == SyntaxKind::FuncCall {
        let callee = node.children().next().expect("a call has a callee");
        let name = callee.full_text();
        assert!(CALLS.contains(&name.as_str()), "a call of {name}");
    }
    if let Some(s) = node.cast::<ast::Str>() {
        strings.push_str(&s.get());
    }
    for child in node.children() {
        walk(child, strings);
    }
}

fn visible(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().filter(|c| !c.is_whitespace())
}

fuzz_target!(|markdown: &str| {
    let converted = to_typst(markdown, &Book, false);
    let root = typst_syntax::parse(&converted.typst);
    let (errors, _) = root.errors_and_warnings();
    assert!(errors.is_empty(), "does not parse: {errors:?}");
    let mut strings = String::new();
    walk(&root, &mut strings);
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut text = String::new();
    for event in Parser::new_ext(markdown, options) {
        if let Event::Text(t) | Event::Code(t) = event {
            text.push_str(&t);
        }
    }
    let mut found = visible(&strings);
    for c in visible(&text) {
        assert!(
            found.any(|f| f == c),
            "{c:?} of the text is not in the output"
        );
    }
});
