//! `emplan activate`: the activation cascade of a hazard at a level and a place.

use crate::check::{self, Family, Severity};
use crate::foundation::escape::escape_lines;
use crate::foundation::i18n::Lang;
use crate::graph::cascade::{self, Scenario, Unknown, output};
use crate::model::index::Index;
use crate::model::travel::Travel;
use crate::tr;

use super::args::{ActivateArgs, AnswerFormat};
use super::{EXIT_OK, load_repository, print};

pub fn run(args: &ActivateArgs, lang: Lang) -> Result<i32, String> {
    let repo = load_repository(&args.path, lang)?;
    let index = Index::new(&repo);
    let travel = Travel::new(&repo);
    let scenario = Scenario {
        hazard: &args.hazard,
        level: args.level,
        place: &args.at,
        chain: args.chain,
    };
    let cascade = cascade::activate(&repo, &index, &travel, scenario).map_err(|unknown| {
        let (hazard, place) = (&args.hazard, &args.at);
        match unknown {
            Unknown::Hazard(Some(near)) => tr!(
                lang,
                "--hazard: no hazard `{hazard}` in the registry; did you mean `{near}`?",
                "--hazard：登记册中没有灾种 `{hazard}`；是否应为 `{near}`？"
            ),
            Unknown::Hazard(None) => tr!(
                lang,
                "--hazard: no hazard `{hazard}` in the registry (`emplan graph --view all --format json` lists them)",
                "--hazard：登记册中没有灾种 `{hazard}`（`emplan graph --view all --format json` 可列出全部）"
            ),
            Unknown::Place(Some(near)) => tr!(
                lang,
                "--at: no township, village or hazard point `{place}`; did you mean `{near}`?",
                "--at：没有编号为 `{place}` 的乡镇（街道）、村（社区）或隐患点；是否应为 `{near}`？"
            ),
            Unknown::Place(None) => tr!(
                lang,
                "--at: no township, village or hazard point `{place}`",
                "--at：没有编号为 `{place}` 的乡镇（街道）、村（社区）或隐患点"
            ),
        }
    })?;
    // What could not be read, or names nothing, leaves the answer incomplete: say which. (How
    // well the plans fit together is check's question, not this one's.)
    let families = [Family::Structure, Family::References];
    let gaps: Vec<check::Diagnostic> = check::check_families(&index, lang, &families)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    let text = match args.format {
        AnswerFormat::Json => {
            let value = output::json(&repo, &index, &cascade, &gaps);
            let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
            text.push('\n');
            text
        }
        // Plan text never acts on the terminal (issue 12).
        AnswerFormat::Text => {
            escape_lines(&output::text(&repo, &index, &cascade, &gaps, lang, false))
        }
        AnswerFormat::Md => escape_lines(&output::text(&repo, &index, &cascade, &gaps, lang, true)),
    };
    print(&text, lang)?;
    Ok(EXIT_OK)
}
