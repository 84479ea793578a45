//! Render's messages: why a book was not made, said in the user's language.

use crate::foundation::escape::escape;
use crate::foundation::i18n::Lang;
use crate::model::Repository;
use crate::tr;

use super::{Book, RenderError};

/// Why the book was not made, for the terminal.
pub fn explain(repo: &Repository, book: &Book, error: &RenderError, lang: Lang) -> String {
    match error {
        RenderError::Typst(messages) => {
            let name = &book.name;
            let mut text = tr!(
                lang,
                "Typst could not lay out {name} (a template in templates/ is wrong):",
                "Typst 无法排版 {name}（templates/ 中的模板有误）："
            );
            for m in messages {
                text.push_str("\n  ");
                text.push_str(&escape(m));
            }
            text
        }
        RenderError::MissingGlyphs(missing) => {
            let mut text = String::new();
            for m in missing {
                let c = m.character;
                let code = format!("U+{:04X}", c as u32);
                let plans: Vec<&str> = repo
                    .plans
                    .iter()
                    .filter(|p| book.plans.iter().any(|id| id == p.meta.id.as_str()))
                    .filter(|p| repo.sources.get(p.file).text.contains(c))
                    .map(|p| p.meta.id.as_str())
                    .collect();
                let plans = if plans.is_empty() {
                    book.name.clone()
                } else {
                    plans.join(", ")
                };
                let page = m.page;
                let character = c.to_string();
                let shown = escape(&character);
                let context = escape(&m.context);
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(&tr!(
                    lang,
                    "no font has the character '{shown}' ({code}) in {plans}, page {page} (in “{context}”): give a folder with a font that has it with --font-path DIR",
                    "没有字体包含字符“{shown}”（{code}），见 {plans} 第 {page} 页（“{context}”）：请用 --font-path 目录 指定含此字符的字体"
                ));
            }
            text
        }
        RenderError::Overflow(cards) => {
            let mut text = String::new();
            for (post, mm) in cards {
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(&tr!(
                    lang,
                    "the card of post {post} does not fit its page: {mm:.0} mm too long; shorten its steps or split the post",
                    "岗位 {post} 的处置卡超出页面 {mm:.0} 毫米；请精简处置步骤或拆分岗位"
                ));
            }
            text
        }
    }
}
