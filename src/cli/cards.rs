//! `emplan cards`: pocket response cards (应急处置卡) for a post, an organisation's posts or
//! the posts a plan names.

use crate::check;
use crate::foundation::i18n::Lang;
use crate::model::index::Index;
use crate::render::Fonts;
use crate::render::cards::{self, Sheet, Subject, Unknown};
use crate::tr;

use super::args::{CardsArgs, SheetArg};
use super::load_repository;
use super::output::render_one;

pub fn run(args: &CardsArgs, lang: Lang) -> Result<i32, String> {
    let repo = load_repository(&args.path, lang)?;
    let subject = match (&args.post, &args.org, &args.plan) {
        (Some(id), _, _) => Subject::Post(id.clone()),
        (None, Some(id), _) => Subject::Org(id.clone()),
        (None, None, Some(id)) => Subject::Plan(id.clone()),
        // clap requires one of the three.
        (None, None, None) => return Err("give --post, --org or --plan".to_owned()),
    };
    let sheet = match args.sheet {
        SheetArg::A6 => Sheet::A6,
        SheetArg::A4 => Sheet::A4,
    };
    let index = Index::new(&repo);
    let book = cards::book(&index, &subject, sheet).map_err(|u| unknown(&u, lang))?;
    let findings = check::check(&index, Lang::Zh);
    let fonts = Fonts::new(&args.render.font_options());
    render_one(
        &repo,
        &fonts,
        &book,
        &findings,
        &args.render,
        &args.output,
        lang,
    )
}

fn unknown(unknown: &Unknown, lang: Lang) -> String {
    let (flag, id, near) = match unknown {
        Unknown::Post(id, near) => ("--post", id, near),
        Unknown::Org(id, near) => ("--org", id, near),
        Unknown::Plan(id, near) => ("--plan", id, near),
        Unknown::NoPosts => {
            return tr!(
                lang,
                "no plan calls any of these posts: there is no card to make",
                "没有任何预案涉及这些岗位：无处置卡可生成"
            );
        }
    };
    match near {
        Some(near) => tr!(
            lang,
            "{flag}: no `{id}`; did you mean `{near}`?",
            "{flag}：没有编号为 `{id}` 的对象；是否应为 `{near}`？"
        ),
        None => tr!(
            lang,
            "{flag}: no `{id}` in the repository",
            "{flag}：仓库中没有编号为 `{id}` 的对象"
        ),
    }
}
