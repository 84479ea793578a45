//! `emplan init` and `emplan new` (issue 11): a new repository and a plan of every kind check
//! clean, and neither command overwrites a file.

mod common;

use std::path::Path;

use common::emplan;

/// What a repository needs for plans of every kind: the lead department, a township with its
/// "six haves", a village and an enterprise in it.
const REGISTRY: &str = "\
organisations:
  - {id: qu-shuiliju, name: 示例区水利局, kind: department, parent: qu-zhengfu}
  - {id: xz-a, name: 甲镇人民政府, kind: township, parent: qu-zhengfu, duty_phone: 0839-5550001}
  - {id: cun-a, name: 甲镇甲村村民委员会, kind: village, parent: xz-a}
  - {id: qy-a, name: 甲镇化工有限公司, kind: enterprise, parent: xz-a}
resources:
  - {id: team-xz-a, kind: team, name: 甲镇应急队, org: xz-a, size: 20}
  - {id: wh-xz-a, kind: warehouse, name: 甲镇物资储备点, org: xz-a}
posts:
  - {id: post-xz-a-head, title: 甲镇镇长, org: xz-a, holder: c-0002}
contacts:
  - {id: c-0002, name: 某某乙, org: xz-a, mobile: 138-0000-0002, verified: '2026-11-01'}
drill_log:
  - {date: '2026-11-20', title: 2026年甲镇综合应急演练, plans: [], participants: [xz-a]}
";

fn check_clean(dir: &Path) {
    let (code, out, err) = emplan(&["check", "--today", "2026-12-01", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.ends_with("no problems found\n"), "{out}");
}

#[test]
fn init_and_new_of_every_kind_check_clean() {
    let top = tempfile::tempdir().unwrap();
    let dir = top.path().join("repo");
    let root = dir.to_str().unwrap();
    let (code, _, err) = emplan(&["init", root, "--name", "示例区"]);
    assert_eq!(code, 0, "{err}");
    for file in [
        "emplan.toml",
        "registry/registry.yaml",
        "overall/overall.md",
        ".github/workflows/emplan.yml",
    ] {
        assert!(dir.join(file).is_file(), "{file}");
    }
    check_clean(&dir);
    std::fs::write(dir.join("registry/towns.yaml"), REGISTRY).unwrap();
    let kinds: &[&[&str]] = &[
        &[
            "specialised",
            "zx-flood",
            "qu-shuiliju",
            "--title",
            "示例区防汛抗旱应急预案",
        ],
        &["departmental", "bm-shuili", "qu-shuiliju"],
        &[
            "township",
            "xz-a-plan",
            "xz-a",
            "--commander",
            "post-xz-a-head",
        ],
        &["village", "cun-a-plan", "cun-a"],
        &["enterprise", "qy-a-plan", "qy-a"],
        &["site", "xc-a", "qy-a"],
        &["joint", "lh-a", ""],
    ];
    for args in kinds {
        let mut all = vec!["new", "--kind", args[0], "--id", args[1]];
        // A joint plan belongs to the overall plan's owner unless told otherwise.
        if !args[2].is_empty() {
            all.extend_from_slice(&["--owner", args[2]]);
        }
        all.extend_from_slice(&args[3..]);
        all.push(root);
        let (code, _, err) = emplan(&all);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(dir.join(args[0]).join(format!("{}.md", args[1])).is_file());
    }
    check_clean(&dir);
    let township = std::fs::read_to_string(dir.join("township/xz-a-plan.md")).unwrap();
    assert!(
        township.contains("parents: [overall]") && township.contains("commander: post-xz-a-head")
    );
    let village = std::fs::read_to_string(dir.join("village/cun-a-plan.md")).unwrap();
    assert!(village.contains("parents: [xz-a-plan]"), "{village}");
}

#[test]
fn neither_command_overwrites_a_file() {
    let top = tempfile::tempdir().unwrap();
    let dir = top.path().join("repo");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("emplan.toml"), "# mine\n").unwrap();
    let root = dir.to_str().unwrap();
    let (code, _, err) = emplan(&["init", root]);
    assert_eq!(code, 2);
    assert!(err.contains("already exist"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.join("emplan.toml")).unwrap(),
        "# mine\n"
    );
    assert!(!dir.join("overall").exists(), "nothing was written");

    std::fs::remove_file(dir.join("emplan.toml")).unwrap();
    assert_eq!(emplan(&["init", root]).0, 0);
    let mine = "---\nid: other\n---\n# 别的预案\n";
    std::fs::create_dir_all(dir.join("specialised")).unwrap();
    std::fs::write(dir.join("specialised/zx-new.md"), mine).unwrap();
    let (code, _, err) = emplan(&[
        "new",
        "--kind",
        "specialised",
        "--id",
        "zx-new",
        "--owner",
        "qu-yingjiju",
        root,
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.join("specialised/zx-new.md")).unwrap(),
        mine
    );
    let (code, _, err) = emplan(&[
        "new",
        "--kind",
        "specialised",
        "--id",
        "overall",
        "--owner",
        "qu-yingjiju",
        root,
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("exists already"), "{err}");
    let (code, _, err) = emplan(&[
        "new", "--kind", "township", "--id", "xz-b", "--owner", "xz-b", root,
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("no organisation has the id `xz-b`"), "{err}");
    let (code, _, err) = emplan(&["new", "--kind", "township", "--id", "xz-c", root]);
    assert_eq!(code, 2);
    assert!(err.contains("needs its owner: give --owner"), "{err}");
}

#[test]
fn a_repository_template_replaces_the_shipped_one() {
    let top = tempfile::tempdir().unwrap();
    let dir = top.path().join("repo");
    let root = dir.to_str().unwrap();
    assert_eq!(emplan(&["init", root]).0, 0);
    std::fs::create_dir_all(dir.join("templates/new")).unwrap();
    std::fs::write(
        dir.join("templates/new/departmental.md"),
        "---\nid: {{ id }}\nkind: departmental\ntitle: {{ title }}\nowner: {{ owner }}\nparents: [{{ parents | join(sep=\", \") }}]\n---\n\n# {{ title }}\n\n本区自定模板。\n",
    )
    .unwrap();
    let (code, _, err) = emplan(&[
        "new",
        "--kind",
        "departmental",
        "--id",
        "bm-yingji",
        "--owner",
        "qu-yingjiju",
        root,
    ]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(dir.join("departmental/bm-yingji.md")).unwrap();
    assert!(
        text.contains("本区自定模板。") && text.contains("title: 示例区应急管理局突发事件应急预案"),
        "{text}"
    );
}

#[test]
fn completions_and_the_manual_page_are_printed() {
    let (code, out, _) = emplan(&["completions", "bash"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("emplan") && out.contains("--write-baseline"),
        "{out}"
    );
    let (code, out, _) = emplan(&["man"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with(".ie") || out.contains(".TH emplan"),
        "{out}"
    );
}
