//! `emplan impact`: what depends on an organisation, post, contact or resource, and what breaks
//! when it is unavailable.

use crate::foundation::escape::escape_lines;
use crate::foundation::i18n::Lang;
use crate::foundation::suggest::suggest;
use crate::graph::impact::{self, output};
use crate::model::index::Index;
use crate::model::travel::Travel;
use crate::tr;

use super::args::{AnswerFormat, ImpactArgs};
use super::{EXIT_OK, load_repository, print};

pub fn run(args: &ImpactArgs, lang: Lang) -> Result<i32, String> {
    let repo = load_repository(&args.path, lang)?;
    let index = Index::new(&repo);
    let travel = Travel::new(&repo);
    let id = args.id.as_str();
    let Some(subject) = impact::subject(&index, id) else {
        let all = impact::subjects(&index);
        return Err(match suggest(id, all.iter().copied()) {
            Some(near) => tr!(
                lang,
                "no organisation, post, contact or resource `{id}`; did you mean `{near}`?",
                "没有编号为 `{id}` 的单位、岗位、联系人或资源；是否应为 `{near}`？"
            ),
            None => tr!(
                lang,
                "no organisation, post, contact or resource `{id}`",
                "没有编号为 `{id}` 的单位、岗位、联系人或资源"
            ),
        });
    };
    // The id as the registry spells it, borrowed from the repository.
    let id = impact::subjects(&index)
        .into_iter()
        .find(|x| *x == id)
        .unwrap_or_default();
    let answer = impact::impact(&repo, &index, &travel, id, subject);
    let text = match args.format {
        AnswerFormat::Json => {
            let mut text =
                serde_json::to_string_pretty(&output::json(&repo, &answer)).unwrap_or_default();
            text.push('\n');
            text
        }
        // Plan text never acts on the terminal (issue 12).
        AnswerFormat::Text => escape_lines(&output::text(&repo, &index, &answer, lang, false)),
        AnswerFormat::Md => escape_lines(&output::text(&repo, &index, &answer, lang, true)),
    };
    print(&text, lang)?;
    Ok(EXIT_OK)
}
