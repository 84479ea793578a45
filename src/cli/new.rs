//! `emplan new --kind KIND --id ID --owner ORG [PATH]`: a new plan from the kind's template,
//! written into the kind's folder of the repository. An existing file is never overwritten.

use crate::foundation::i18n::Lang;
use crate::model::{Date, PlanKind};
use crate::scaffold::{NewError, NewPlan};
use crate::tr;

use super::args::NewArgs;
use super::{EXIT_OK, May, load_repository, write_atomic};

pub fn run(args: &NewArgs, lang: Lang) -> Result<i32, String> {
    let repo = load_repository(&args.path, lang)?;
    let owner = match (&args.owner, args.kind) {
        (Some(owner), _) => owner.clone(),
        (None, PlanKind::Joint | PlanKind::Overall) => repo
            .plans
            .iter()
            .find(|p| p.meta.kind.value == PlanKind::Overall)
            .map(|p| p.meta.owner.as_str().to_owned())
            .unwrap_or_default(),
        (None, kind) => {
            let kind = kind.zh();
            return Err(tr!(
                lang,
                "a {kind} needs its owner: give --owner ORG (its lead department, township or enterprise)",
                "{kind}需要责任单位：请用 --owner 指定（牵头部门、乡镇或企业）"
            ));
        }
    };
    let plan = NewPlan {
        kind: args.kind,
        id: &args.id,
        owner: &owner,
        title: args.title.as_deref(),
        parents: &args.parents,
        hazards: &args.hazards,
        commander: args.commander.as_deref(),
    };
    let (relative, text) =
        crate::scaffold::new_plan(&repo, &plan, Date::today()).map_err(|e| message(&e, lang))?;
    let path = args.path.join(&relative);
    let shown = crate::load::display_path(&path);
    if path.exists() {
        return Err(tr!(
            lang,
            "{shown} already exists: emplan new overwrites nothing; choose another --id",
            "{shown} 已存在：emplan new 不覆盖已有文件；请换一个 --id"
        ));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| {
            let dir = crate::load::display_path(dir);
            tr!(lang, "cannot create {dir}: {e}", "无法创建 {dir}：{e}")
        })?;
    }
    write_atomic(&path, text.as_bytes(), May::WritePlans, lang)?;
    let kind = args.kind.zh();
    eprintln!(
        "{}",
        tr!(
            lang,
            "wrote the {kind} {shown}: fill in its chapters and run `emplan check`",
            "已生成{kind} {shown}：请补充各章内容后运行 `emplan check`"
        )
    );
    Ok(EXIT_OK)
}

fn message(error: &NewError, lang: Lang) -> String {
    match error {
        NewError::UnknownOwner(owner) => tr!(
            lang,
            "no organisation has the id `{owner}`: add it to a registry file first",
            "没有编号为 `{owner}` 的组织机构：请先在登记册中添加"
        ),
        NewError::NoParent(kind) => {
            let kind = kind.zh();
            tr!(
                lang,
                "found no plan that a {kind} can hang under (rule L101): name it with --parent",
                "找不到可作为该{kind}上级预案的预案（规则 L101）：请用 --parent 指定"
            )
        }
        NewError::UnknownParent(id) => tr!(
            lang,
            "no plan has the id `{id}` given with --parent",
            "--parent 指定的预案 `{id}` 不存在"
        ),
        NewError::BadId(id) => tr!(
            lang,
            "`{id}` is not an id: use lower-case ASCII letters, digits and `-` (zx-flood)",
            "`{id}` 不是有效编号：请用小写英文字母、数字和 `-`（如 zx-flood）"
        ),
        NewError::TakenId(id) => tr!(
            lang,
            "a plan with the id `{id}` exists already: choose another --id",
            "编号为 `{id}` 的预案已存在：请换一个 --id"
        ),
        NewError::Template(why) => tr!(
            lang,
            "the template does not render: {why}",
            "模板无法生成：{why}"
        ),
    }
}
