//! Bad input never panics, and every diagnostic points inside its file.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{fixture, read_tree};
use emplan::check;
use emplan::foundation::i18n::Lang;
use emplan::load;
use emplan::model::index::Index;

/// Loads and checks the files, renders every format, and checks every position.
fn survive(files: &[(String, Vec<u8>)]) -> Vec<&'static str> {
    let repo = load::load_files(files);
    let diagnostics = check::check(&Index::new(&repo), Lang::Zh);
    for d in &diagnostics {
        let file = repo.sources.get(d.loc.file);
        assert!(d.loc.span.start <= d.loc.span.end, "{d:?}");
        assert!(d.loc.span.end as usize <= file.text.len(), "{d:?}");
        assert!(!d.message.is_empty());
    }
    let summary = emplan::report::Summary::new(&repo, &diagnostics);
    emplan::report::json::to_value(&repo.sources, &diagnostics, &summary);
    let mut out = codespan_reporting::term::termcolor::NoColor::new(Vec::new());
    emplan::report::human::write(&mut out, &repo.sources, &diagnostics, &summary, Lang::En)
        .unwrap();
    emplan::report::sarif::to_value(&repo.sources, &diagnostics, &[], Lang::Zh);
    let mut out = Vec::new();
    emplan::report::github::write(&mut out, &repo.sources, &diagnostics, &summary, Lang::Zh)
        .unwrap();
    emplan::report::junit::write(&mut out, &repo.sources, &diagnostics, &summary, Lang::Zh)
        .unwrap();
    answer_from_the_graph(&repo);
    diagnostics.iter().map(|d| d.rule.code).collect()
}

/// Every verb that reads the model answers on whatever was loaded: the graph and its exports,
/// the cascade at every place, the impact of every registry entry, the ranking and every
/// plan's flow chart.
fn answer_from_the_graph(repo: &emplan::model::Repository) {
    use emplan::graph::cascade::{self, Scenario, output};
    use emplan::graph::{Graph, export, flowchart, impact};
    use emplan::model::ResponseLevel;
    use emplan::model::index::Index;
    use emplan::model::travel::Travel;
    let graph = Graph::build(repo);
    let all = export::select(&graph, export::View::All, None, 2);
    export::dot(repo, &all, Lang::Zh);
    export::mermaid(repo, &all, Lang::En);
    export::json(repo, &all);
    let index = Index::new(repo);
    let travel = Travel::new(repo);
    let hazards: Vec<&str> = index.hazards.ids().chain(["nothing"]).collect();
    let places: Vec<&str> = cascade::places(&index)
        .into_iter()
        .chain(["nowhere"])
        .collect();
    for &hazard in hazards.iter().take(3) {
        for &place in places.iter().take(4) {
            for level in [ResponseLevel::I, ResponseLevel::IV] {
                let scenario = Scenario {
                    hazard,
                    level,
                    place,
                    chain: level == ResponseLevel::I,
                };
                if let Ok(c) = cascade::activate(repo, &index, &travel, scenario) {
                    output::json(repo, &index, &c, &[]);
                    output::text(repo, &index, &c, &[], Lang::Zh, true);
                }
            }
        }
    }
    for id in impact::subjects(&index).into_iter().take(20) {
        if let Some(subject) = impact::subject(&index, id) {
            let answer = impact::impact(repo, &index, &travel, id, subject);
            impact::output::json(repo, &answer);
            impact::output::text(repo, &index, &answer, Lang::En, false);
        }
    }
    impact::output::critical_text(&impact::critical(repo, &index, &travel), Lang::Zh, 30);
    for plan in &repo.plans {
        flowchart::svg(&index, plan);
    }
}

fn plan(text: impl Into<Vec<u8>>) -> Vec<(String, Vec<u8>)> {
    vec![("p.md".to_owned(), text.into())]
}

fn registry(text: impl Into<Vec<u8>>) -> Vec<(String, Vec<u8>)> {
    vec![("r.yaml".to_owned(), text.into())]
}

#[test]
fn hostile_plans_are_reported_not_panicked_on() {
    let deep = format!(
        "---\nid: {}{}\n---\n",
        "[".repeat(20_000),
        "]".repeat(20_000)
    );
    let laughs = "---\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\n---\n";
    let long_line = format!("---\nid: {}\n---\n", "a".repeat(1_000_000));
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", b"".to_vec()),
        ("only dashes", b"---".to_vec()),
        ("empty front matter", b"---\n---\n".to_vec()),
        ("null front matter", b"---\n~\n---\n".to_vec()),
        ("list front matter", b"---\n- a\n- b\n---\n".to_vec()),
        ("scalar front matter", b"---\nhello\n---\n".to_vec()),
        ("deep nesting", deep.into_bytes()),
        ("billion laughs", laughs.as_bytes().to_vec()),
        ("long line", long_line.into_bytes()),
        ("nul bytes", b"---\nid: a\x00b\n---\n".to_vec()),
        ("binary", (0..=255u8).cycle().take(4096).collect()),
        ("lone cr", b"---\rid: a\r---\r".to_vec()),
        ("crlf", b"---\r\nid: a\r\nkind: overall\r\ntitle: t\r\nowner: o\r\n---\r\n## \xe6\x80\xbb\xe5\x88\x99\r\n".to_vec()),
        ("tabs", b"---\nid: a\n\tkind: overall\n---\n".to_vec()),
        ("bom", "\u{feff}---\nid: a\n---\n".as_bytes().to_vec()),
        ("utf16", "\u{feff}---\nid: 预案\n---\n".encode_utf16().flat_map(u16::to_le_bytes).collect()),
        ("nan threshold", b"---\nid: a\nkind: overall\ntitle: t\nowner: o\nresponse:\n  - level: I\n    criteria:\n      - { text: x, metric: m, at_least: .nan }\n---\n".to_vec()),
        ("huge number", b"---\nid: a\nkind: overall\ntitle: t\nowner: o\nresponse:\n  - level: I\n    criteria:\n      - { text: x, metric: m, at_least: 1e400 }\n---\n".to_vec()),
        ("negative size", b"---\nid: a\nkind: site\ntitle: t\nowner: o\nduties:\n  - { id: d, org: o, text: t, deadline: -5m }\n---\n".to_vec()),
        ("deadline overflow", b"---\nid: a\nkind: site\ntitle: t\nowner: o\nduties:\n  - { id: d, org: o, text: t, deadline: 99999999999999999999d }\n---\n".to_vec()),
        ("unicode ids", "---\nid: 预案😀\u{200b}\nkind: overall\ntitle: t\nowner: o\n---\n".as_bytes().to_vec()),
        ("odd links", b"---\nid: a\nkind: overall\ntitle: t\nowner: o\n---\n[x](plan:) [y](plan:#) [z](plan:a#)\n```\nunterminated fence\n".to_vec()),
        ("tags and anchors", b"---\nid: !!binary aGVsbG8=\nkind: !custom overall\ntitle: *nowhere\nowner: o\n---\n".to_vec()),
        ("merge keys", b"---\nbase: &b { kind: overall }\n<<: *b\nid: a\ntitle: t\nowner: o\n---\n".to_vec()),
        ("every field wrong", b"---\nid: [1]\nkind: 7\ntitle: {}\nowner: null\nparents: x\nhazards: {a: b}\nduties: 3\naccepts: [1, 2]\nwarning: [{level: purple}]\nresponse: [{level: V}]\nlifecycle: {version: 1, issued: 2023-02-30}\n---\n".to_vec()),
    ];
    for (name, bytes) in cases {
        let result = std::panic::catch_unwind(|| survive(&plan(bytes.clone())));
        assert!(result.is_ok(), "plan case `{name}` panicked");
        let result = std::panic::catch_unwind(|| survive(&registry(bytes)));
        assert!(result.is_ok(), "registry case `{name}` panicked");
    }
}

#[test]
fn every_broken_field_is_reported_in_one_run() {
    let codes = survive(&plan(
        b"---\nid: a\nkind: overal\ntitle: t\nowner: o\nparnts: []\nduties:\n  - { id: d1, org: o, text: t, deadline: soon }\n  - { id: d2, org: o, txt: t }\n  - { id: d3, org: o, text: t }\nlifecycle: {version: '1', issued: 2023-02-30}\n---\n"
            .to_vec(),
    ));
    // kind, parnts, two broken duties and the date: five findings, not one.
    let structural: Vec<_> = codes.iter().filter(|c| c.starts_with('S')).collect();
    assert_eq!(structural.len(), 5, "{codes:?}");
}

/// Deterministic byte mutations of the mini fixture: flips, truncations, duplications.
#[test]
fn mutated_fixtures_never_panic() {
    let base = read_tree(&fixture("mini"));
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for round in 0..300 {
        let mut files = base.clone();
        let which = (next() % files.len() as u64) as usize;
        let bytes = &mut files[which].1;
        for _ in 0..=(next() % 4) {
            if bytes.is_empty() {
                break;
            }
            let at = (next() % bytes.len() as u64) as usize;
            match next() % 4 {
                0 => bytes[at] = (next() & 0xff) as u8,
                1 => bytes.truncate(at),
                2 => {
                    let end = (at + (next() % 40) as usize).min(bytes.len());
                    let piece = bytes[at..end].to_vec();
                    bytes.splice(at..at, piece);
                }
                _ => {
                    bytes.remove(at);
                }
            }
        }
        let result = std::panic::catch_unwind(|| survive(&files));
        assert!(
            result.is_ok(),
            "round {round} panicked on {}",
            files[which].0
        );
    }
}

/// Issue 12, defect 7: a folder with no plan in it is a wrong path, not a clean pass, for every
/// verb that reads a repository.
#[test]
fn a_folder_without_plans_is_an_error_not_a_pass() {
    let empty = tempfile::tempdir().unwrap();
    let registry_only = common::write_tree(&[(
        "registry.yaml".to_owned(),
        b"hazards:\n  - { id: flood, name: \xe6\xb4\xaa\xe6\xb6\x9d, category: natural }\n"
            .to_vec(),
    )]);
    for dir in [empty.path(), registry_only.path()] {
        let path = dir.to_str().unwrap();
        for args in [
            vec!["check", path],
            vec!["graph", path],
            vec!["impact", "flood", path],
            vec![
                "activate", "--hazard", "flood", "--level", "IV", "--at", "x", path,
            ],
            vec!["handbook", "--all", "-o", "unwritten.pdf", path],
            vec!["cards", "--org", "x", "-o", "unwritten.pdf", path],
        ] {
            let out = common::emplan_in(common::ENGLISH)
                .args(&args)
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            let err = String::from_utf8(out.stderr).unwrap();
            assert!(err.contains("no plan files under"), "{args:?}: {err}");
        }
    }
    // A path inside a repository under which emplan reads nothing: an empty folder, a notes
    // file, a FIFO with a plan's name (never opened: it would block).
    let repo = common::write_tree(&common::patched(&[]));
    let root = repo.path();
    std::fs::create_dir(root.join("plans/empty")).unwrap();
    std::fs::write(root.join("plans/notes.txt"), "notes\n").unwrap();
    let fifo = common::require_tool("mkfifo");
    if fifo {
        let made = std::process::Command::new("mkfifo")
            .arg(root.join("plans/pipe.md"))
            .status()
            .unwrap();
        assert!(made.success());
    }
    let paths = ["plans/empty", "plans/notes.txt", "plans/pipe.md"];
    for path in &paths[..if fifo { 3 } else { 2 }] {
        let out = common::emplan_in(common::ENGLISH)
            .current_dir(root)
            .args(["check", "plans/zx-flood.md", path])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{path}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.starts_with(&format!("emplan: no plan files under {path}: ")),
            "{path}: {err}"
        );
    }
}

/// Issue 12, defect 9: a file whose lines end in CR alone is read, and is one warning, not
/// "does not start with front matter" and an unknown plan at every use of its id.
#[test]
fn a_file_with_cr_line_ends_is_read_and_is_one_warning() {
    let mut files = common::patched(&[]);
    let entry = files
        .iter_mut()
        .find(|(p, _)| p == "plans/zx-flood.md")
        .unwrap();
    entry.1 = entry
        .1
        .iter()
        .map(|&b| if b == b'\n' { b'\r' } else { b })
        .collect();
    let diagnostics = common::check_files(&files);
    assert_eq!(common::codes(&diagnostics), ["S106"], "{diagnostics:#?}");
    let dir = common::write_tree(&files);
    let (code, out, _) = common::emplan(&["check", &dir.path().to_string_lossy()]);
    assert_eq!(code, 0, "a warning does not fail the check: {out}");
    assert!(
        out.contains("warning[S106]: the lines of this file end in CR only"),
        "{out}"
    );
    assert!(
        out.contains("zx-flood.md:1:4"),
        "located at the first line end: {out}"
    );
}

/// Issue 12, defect 5: a closed pipe ends quietly with the exit code the run earned; a full disk
/// is exit 2 with a message; nothing panics.
#[test]
fn closed_pipes_and_full_disks_are_handled_by_every_verb() {
    use std::process::Stdio;
    let broken = fixture("broken");
    let broken = broken.to_str().unwrap();
    let cases: [(&[&str], i32); 6] = [
        (&["rules"], 0),
        (&["schema"], 0),
        (&["explain", "L301"], 0),
        (&["check", "plans"], 0),
        (&["check", broken], 1),
        (
            &[
                "activate",
                "--hazard",
                "rainstorm",
                "--level",
                "II",
                "--at",
                "xz-baolun",
                "plans",
            ],
            0,
        ),
    ];
    // emplan writing to a full disk: its exit code and what it says.
    let devices = tempfile::tempdir().unwrap();
    let full_device = common::private_device(devices.path(), "full", 1, 7);
    let full_disk = full_device.is_some();
    let to_full_disk = |args: &[&str]| {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open(full_device.as_ref().unwrap())
            .unwrap();
        let out = common::emplan_in(common::ENGLISH)
            .args(args)
            .stdout(full)
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stderr).unwrap())
    };
    for (args, earned) in cases {
        let mut child = common::emplan_in(common::ENGLISH)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the reading end before emplan writes anything.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(earned),
            "{args:?}: {:?}",
            out.stderr
        );
        assert!(
            out.stderr.is_empty(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        if full_disk {
            let (code, err) = to_full_disk(args);
            assert_eq!(code, Some(2), "{args:?}");
            assert!(
                err.contains("cannot write to standard output"),
                "{args:?}: {err}"
            );
        }
    }
    // The message is in the chosen language, from `check` and from the other verbs alike.
    let zh: [&[&str]; 2] = [
        &["--lang", "zh", "rules"],
        &["--lang", "zh", "check", "plans"],
    ];
    for args in zh {
        if full_disk {
            let (code, err) = to_full_disk(args);
            assert_eq!(code, Some(2), "{args:?}");
            assert!(
                err.starts_with("emplan: 无法写入标准输出："),
                "{args:?}: {err}"
            );
        }
    }
}

/// Runs emplan on files written to a temporary folder: (exit code, stdout).
fn run_on(files: &[(String, Vec<u8>)], args: &[&str]) -> (i32, String) {
    let dir = common::write_tree(files);
    let out = common::emplan_in(common::ENGLISH)
        .current_dir(dir.path())
        .args(args)
        .arg(".")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

/// Issue 12, defect 3: control, bidirectional and invisible characters reach neither the
/// terminal nor the CI log raw, file names included; a look-alike id names its hidden character.
#[test]
fn terminal_escapes_are_shown_escaped_in_human_and_github_output() {
    let files = common::patched(&[(
        "plans/zx-flood.md",
        "owner: qu-shuiliju",
        "owner: \"qu-shuiliju\\e]0;PWNED\\a\\e[2J\"",
    )]);
    let (code, out) = run_on(&files, &["check", "--color", "never"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "\
error[R102]: unknown organisation `qu-shuiliju\\x1b]0;PWNED\\x07\\x1b[2J`
  ┌─ plans/zx-flood.md:5:8
  │
5 │ owner: \"qu-shuiliju\\e]0;PWNED\\a\\e[2J\"
  │        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  │
  = help: did you mean `qu-shuiliju`?
  = help: check the id, or define the organisation in a registry file

checked 10 files (6 plans): 1 error(s), 0 warning(s), 0 info
"
    );
    let (_, github) = run_on(&files, &["check", "--format", "github"]);
    assert!(!github.contains('\u{1b}') && !github.contains('\u{7}'));
    assert_eq!(
        github.lines().next().unwrap(),
        "::error file=plans/zx-flood.md,line=5,endLine=5,col=8,endColumn=38,title=R102 unknown-organisation::unknown organisation `qu-shuiliju\\x1b]0;PWNED\\x07\\x1b[2J`%0Ahelp: did you mean `qu-shuiliju`?%0Ahelp: check the id, or define the organisation in a registry file"
    );
    // A bidirectional override in the text, and a zero-width space in an id.
    let files = common::patched(&[(
        "plans/zx-flood.md",
        "owner: qu-shuiliju",
        "owner: qu-shui\u{200b}liju\u{202e}",
    )]);
    let (_, out) = run_on(&files, &["check", "--color", "never"]);
    assert!(
        !out.contains('\u{202e}') && !out.contains('\u{200b}'),
        "{out}"
    );
    assert!(
        out.contains("5 │ owner: qu-shui\\u{200b}liju\\u{202e}"),
        "{out}"
    );
    // A line break in a file name cannot forge a line of the report.
    let mut files = common::patched(&[]);
    let plan = files
        .iter()
        .find(|(path, _)| path == "plans/zx-flood.md")
        .unwrap()
        .1
        .clone();
    let text = String::from_utf8(plan)
        .unwrap()
        .replace("id: zx-flood", "id: zx-flood-2")
        .replace("owner: qu-shuiliju", "owner: qu-shuilijuu");
    files.push((
        "plans/forged\nerror[S999]: x.md".to_owned(),
        text.into_bytes(),
    ));
    let (_, out) = run_on(&files, &["check", "--color", "never"]);
    assert!(
        out.contains("  ┌─ plans/forged\\x0aerror[S999]: x.md:5:8\n"),
        "{out}"
    );
    assert!(!out.lines().any(|l| l.starts_with("error[S999]")), "{out}");
}

#[test]
fn an_id_with_a_hidden_character_says_which_and_where() {
    let files = common::patched(&[(
        "plans/zx-flood.md",
        "owner: qu-shuiliju",
        "owner: qu-shui\u{200b}liju",
    )]);
    let (_, out) = run_on(&files, &["check", "--color", "never"]);
    assert!(
        out.contains("help: the id contains a zero-width space U+200B at column 15: delete it"),
        "{out}"
    );
    assert!(!out.contains("did you mean"), "{out}");
}

/// Issue 12, defect 1: a symbolic link out of the repository is one warning naming where it
/// points, never its target's content; a loop is named as a loop; links inside still work.
#[cfg(unix)]
#[test]
fn symbolic_links_do_not_leave_the_repository() {
    use std::os::unix::fs::symlink;
    let files = common::patched(&[]);
    let dir = common::write_tree(&files);
    let root = dir.path();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.txt");
    std::fs::write(&secret, "TOP SECRET: do not print\n").unwrap();
    symlink(&secret, root.join("plans/leak.md")).unwrap();
    symlink(outside.path(), root.join("plans/elsewhere")).unwrap();
    symlink("loop.md", root.join("plans/loop.md")).unwrap();
    // Inside the root: a folder link adds nothing, a file link is read.
    symlink("plans", root.join("plans-again")).unwrap();
    std::fs::create_dir(root.join(".shared")).unwrap();
    std::fs::write(
        root.join(".shared/extra.yaml"),
        "metrics:\n  - { id: injured, name: 受伤人数, unit: 人 }\n",
    )
    .unwrap();
    symlink("../.shared/extra.yaml", root.join("registry/extra.yaml")).unwrap();
    let out = common::emplan_in(common::ENGLISH)
        .current_dir(root)
        .args(["check", "--color", "never", "."])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains("TOP SECRET"), "{text}");
    let target = std::fs::canonicalize(&secret).unwrap();
    let target = target.display();
    let expected = format!(
        "\
warning[S101]: this symbolic link points outside the repository, to {target}: it is not followed
  ┌─ plans/leak.md:1:1
  │
1 │ 
  │ ^
  │
  = help: copy the file into the repository, or remove the link
"
    );
    assert!(text.contains(&expected), "{text}");
    assert!(
        text.contains("error[S101]: this symbolic link is a loop: it leads back to itself\n  ┌─ plans/loop.md:1:1\n"),
        "{text}"
    );
    assert!(
        text.contains("warning[S101]: this symbolic link points outside the repository"),
        "{text}"
    );
    // The loop is the one error; the two links out are warnings; the linked registry file is
    // read (11 files: the fixture's 10 and extra.yaml, plus the three links reported).
    assert!(
        text.ends_with("checked 14 files (6 plans): 1 error(s), 2 warning(s), 0 info\n"),
        "{text}"
    );
    assert_eq!(out.status.code(), Some(1));
}

/// Issue 12, defect 9: a dangling link under a name emplan never reads (`notes.txt`, `gone`) is
/// nothing to report; under a plan's name it is a plan that cannot be read.
#[test]
fn a_dangling_link_is_reported_only_under_a_name_emplan_reads() {
    use std::os::unix::fs::symlink;
    let dir = common::write_tree(&common::patched(&[]));
    let root = dir.path();
    symlink("nowhere.txt", root.join("plans/notes.txt")).unwrap();
    symlink("nowhere", root.join("plans/gone")).unwrap();
    let path = root.to_string_lossy();
    let (code, out, _) = common::emplan(&["check", "--color", "never", &path]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.ends_with("checked 10 files (6 plans): no problems found\n"),
        "{out}"
    );
    symlink("nowhere.md", root.join("plans/lost.md")).unwrap();
    let (code, out, _) = common::emplan(&["check", "--color", "never", &path]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "error[S101]: this symbolic link points to nowhere.md, and no file is there\n"
        ),
        "{out}"
    );
    assert!(out.contains("plans/lost.md:1:1\n"), "{out}");
    assert!(!out.contains("notes.txt") && !out.contains("gone"), "{out}");
}

/// Issue 12, defect 6: a second plan with a taken id is one S205, and it is checked with its own
/// owner, not the first plan's.
#[test]
fn a_duplicate_plan_id_is_one_finding_and_keeps_its_own_owner() {
    let mut files = common::patched(&[]);
    let original = files
        .iter()
        .find(|(path, _)| path == "plans/xz-baolun.md")
        .unwrap()
        .1
        .clone();
    files.push(("plans/xz-baolun-copy.md".to_owned(), original.clone()));
    assert_eq!(common::codes(&common::check_files(&files)), ["S205"]);
    // The same id under another owner.
    let other = String::from_utf8(original)
        .unwrap()
        .replace("owner: xz-baolun", "owner: cun-hexi");
    files.pop();
    files.push(("plans/xz-baolun-copy.md".to_owned(), other.into_bytes()));
    // Under another owner the copy would take up duties assigned to the first plan's owner:
    // it is set aside, and the first plan is checked as if the copy were not there.
    assert_eq!(common::codes(&common::check_files(&files)), ["S205"]);
    let repo = load::load_files(&files);
    let index = Index::new(&repo);
    let cx = emplan::check::Context::new(&index, Lang::En);
    let owners = |plans: &[emplan::model::Plan]| -> Vec<String> {
        plans
            .iter()
            .filter(|p| p.meta.id.as_str() == "xz-baolun-plan")
            .map(|p| cx.owner(p).to_owned())
            .collect()
    };
    assert_eq!(owners(&repo.plans), ["xz-baolun"]);
    assert_eq!(owners(&repo.duplicate_plans), ["cun-hexi"]);
}

/// Issue 12, defect 9 (in part): `schema --out` names a file given for its folder, and writes
/// all the schemas or none.
#[test]
fn schema_out_names_a_file_given_as_its_folder_and_writes_all_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("schemas");
    std::fs::write(&file, "not a folder").unwrap();
    let out = common::emplan_in(common::ENGLISH)
        .args(["schema", "--out"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("is a file: give the folder"), "{err}");
    // The second schema cannot be renamed into place (a folder has its name): nothing is left.
    let target = dir.path().join("out");
    std::fs::create_dir_all(target.join("registry.schema.json")).unwrap();
    let out = common::emplan_in(common::ENGLISH)
        .args(["schema", "--out"])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("(no schema was written)"), "{err}");
    let left: Vec<_> = std::fs::read_dir(&target)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["registry.schema.json"], "{left:?}");
}

/// Issue 12, defect 8 (in part): output is capped per rule, with the full count in the summary
/// and in JSON.
#[test]
fn output_is_capped_per_rule_with_the_full_count_in_the_summary() {
    let mut files = common::patched(&[]);
    let mut contacts = String::from("contacts:\n");
    for i in 0..1003 {
        contacts.push_str(&format!(
            "  - {{ id: c-x{i:04}, name: 某某, org: qu-nowhere, verified: '2026-04-01' }}\n"
        ));
    }
    files.push(("registry/many.yaml".to_owned(), contacts.into_bytes()));
    let (code, out) = run_on(&files, &["check", "--color", "never"]);
    assert_eq!(code, 1);
    assert_eq!(out.matches("error[R102]").count(), 1000);
    assert_eq!(
        out.lines().last().unwrap(),
        "checked 11 files (6 plans): 1003 error(s), 0 warning(s), 0 info; not shown: 3 R102 (--max-per-rule raises the limit)"
    );
    let (_, json) = run_on(&files, &["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["summary"]["errors"], 1003);
    assert_eq!(v["summary"]["omitted"], serde_json::json!({"R102": 3}));
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 1000);
    let (_, json) = run_on(
        &files,
        &["check", "--format", "json", "--max-per-rule", "0"],
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 1003);
    assert!(v["summary"].get("omitted").is_none());
}

/// Issue 12, defect 9 (in part): clap's own errors read in Chinese under a Chinese locale.
#[test]
fn argument_errors_read_in_chinese_under_a_chinese_locale() {
    let run = |args: &[&str]| {
        let out = common::emplan_in(common::CHINESE)
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        String::from_utf8(out.stderr).unwrap()
    };
    assert_eq!(
        run(&["check", "--formt", "json", "plans"]),
        "错误：未知参数 `--formt`\n\n  提示：是否应为 `--format`？\n\n更多信息请运行 `emplan --help`（或某个命令的 `--help`）。\n"
    );
    let err = run(&["check", "--format", "jsn", "plans"]);
    assert!(
        err.starts_with("错误：`--format <FORMAT>` 的取值 `jsn` 无效\n  可选值：human、json"),
        "{err}"
    );
    let err = run(&[
        "activate", "--hazard", "x", "--level", "V", "--at", "y", "plans",
    ]);
    assert!(
        err.contains("的取值 `V` 无效：应为 I、II、III 或 IV"),
        "{err}"
    );
    assert!(!err.contains("expected"), "{err}");
    let err = run(&["activate", "--level", "II", "plans"]);
    assert!(
        err.starts_with("错误：缺少必需的参数：--hazard <ID>、--at <PLACE>"),
        "{err}"
    );
}

/// Deep nesting meets the readers' depth limits, not the end of a worker thread's stack (a debug
/// build overflowed at 200 levels), and the limit reads in Chinese too.
#[test]
fn deep_nesting_is_a_finding_in_every_build() {
    for depth in [200, 2000] {
        let nested = format!("hazards: {}{}", "[".repeat(depth), "]".repeat(depth));
        let files =
            common::patched(&[("plans/zx-flood.md", "hazards: [rainstorm, flood]", &nested)]);
        let (code, out) = run_on(&files, &["check", "--color", "never", "--lang", "zh"]);
        assert_eq!(code, 1, "{depth}: {out}");
        // One finding: the plan is read up to the line, and nothing else follows from it.
        assert_eq!(out.matches("error[").count(), 1, "{depth}: {out}");
        assert!(
            out.contains("error[S103]: 此处列表和映射嵌套超过 64 层，达到上限 `yaml_depth`：自本行起的内容未读取"),
            "{depth}: {out}"
        );
    }
}

/// Issue 12, defect 9: a no-break or full-width space in the indentation is named, with its
/// line and column, instead of `unknown field`.
#[test]
fn an_odd_space_in_the_indentation_is_named() {
    for (space, name) in [
        ('\u{a0}', "U+00A0 (a no-break space)"),
        ('\u{3000}', "U+3000 (a full-width space)"),
    ] {
        let files = common::patched(&[(
            "plans/zx-flood.md",
            "  hq: 区防汛抗旱指挥部",
            &format!(" {space}hq: 区防汛抗旱指挥部"),
        )]);
        let diagnostics = common::check_files(&files);
        assert_eq!(common::codes(&diagnostics), ["S103"], "{diagnostics:#?}");
        let d = &diagnostics[0];
        assert!(d.message.contains(name), "{}", d.message);
        let repo = load::load_files(&files);
        let place = repo.sources.place(d.loc);
        assert_eq!((place.line, place.column), (11, 2), "{name}");
    }
}

/// Issue 12, defect 9: a binary file with a plan's name is called binary, with what to do, not
/// "iconv -f an unknown 8-bit encoding".
#[test]
fn a_binary_file_is_named_binary() {
    let mut files = common::patched(&[]);
    let png = std::fs::read(fixture("images/route.png")).unwrap();
    files.push(("plans/map.md".to_owned(), png));
    let diagnostics = common::check_files(&files);
    assert_eq!(common::codes(&diagnostics), ["S102"], "{diagnostics:#?}");
    let d = &diagnostics[0];
    assert!(
        d.message.contains("not text (it holds binary data)"),
        "{}",
        d.message
    );
    assert!(d.help[0].contains("rename it"), "{:?}", d.help);
    assert!(!d.help.iter().any(|h| h.contains("iconv")));
}

/// Issue 12, defect 9: an unclosed `{` is reported where it is, not three lines later where the
/// parser stumbles (`"-" is only valid inside a block`).
#[test]
fn an_unclosed_brace_is_reported_where_it_is() {
    let files = common::patched(&[(
        "plans/zx-flood.md",
        "from: 06-01, until: 09-30 }",
        "from: 06-01, until: 09-30",
    )]);
    let diagnostics = common::check_files(&files);
    assert_eq!(common::codes(&diagnostics), ["S103"], "{diagnostics:#?}");
    let d = &diagnostics[0];
    assert!(d.message.contains("unclosed bracket '{'"), "{}", d.message);
    assert!(
        d.help[0].contains("close it at the end of its line"),
        "{:?}",
        d.help
    );
    let repo = load::load_files(&files);
    let place = repo.sources.place(d.loc);
    assert_eq!((place.line, place.column), (9, 5));
}

/// Issue 12, defect 9: the quoting hint is given where quotes would help, and only there.
#[test]
fn the_quoting_hint_is_given_only_where_quotes_help() {
    let help_of = |find: &str, replace: &str| {
        let files = common::patched(&[("plans/zx-flood.md", find, replace)]);
        let diagnostics = common::check_files(&files);
        let d = diagnostics
            .iter()
            .find(|d| d.rule.code == "S103")
            .unwrap_or_else(|| panic!("{diagnostics:#?}"));
        d.help.join(" ")
    };
    let colon = help_of(
        "title: 区防汛抗旱应急预案",
        "title: 区防汛抗旱应急预案: 修订版",
    );
    assert!(colon.contains("quote values"), "{colon}");
    let indent = help_of(
        "  commander: post-flood\n",
        "  commander: post-flood\n  - stray\n",
    );
    assert!(!indent.contains("quote values"), "{indent}");
    assert!(indent.contains("compare the line"), "{indent}");
}

/// Issue 12, defect 4: a threshold that is not a finite number of 0 or more (`.nan`, `.inf`,
/// `-.inf`, `-5`) is one S203 at its place, whichever reader took the file, and nothing is
/// compared against it.
#[test]
fn a_non_finite_or_negative_threshold_is_one_finding() {
    for value in [".nan", ".NaN", ".inf", "-.inf", "-5", "-0.5"] {
        for other in [
            "",
            "\n  - level: I\n    name: 特别重大\n    criteria:\n      - { text: 特别重大, metric: deaths, at_least: &x 30 }",
        ] {
            let files = common::patched(&[(
                "plans/zx-flood.md",
                "metric: deaths, at_least: 3 }",
                &format!("metric: deaths, at_least: {value} }}{other}"),
            )]);
            let diagnostics = common::check_files(&files);
            let found: Vec<(&str, &str)> = diagnostics
                .iter()
                .map(|d| (d.rule.code, d.message.as_str()))
                .collect();
            // An anchor sends the file to serde-saphyr instead of the fast reader.
            let s203: Vec<_> = found.iter().filter(|(c, _)| *c == "S203").collect();
            assert_eq!(s203.len(), 1, "{value} {other:?}: {found:?}");
            assert!(
                s203[0]
                    .1
                    .contains(&format!("`{value}` is not a finite number, 0 or more")),
                "{found:?}"
            );
            let rest: Vec<_> = found
                .iter()
                .filter(|(c, _)| {
                    *c != "S203" && (other.is_empty() || !["L207", "L209", "L201"].contains(c))
                })
                .collect();
            assert!(rest.is_empty(), "{value} {other:?}: {rest:?}");
        }
    }
}

/// Adds `line` under `[limits]` to the repository's `emplan.toml`.
fn set_limit(files: &mut [(String, Vec<u8>)], line: &str) {
    let config = files.iter_mut().find(|(p, _)| p == "emplan.toml").unwrap();
    config
        .1
        .extend_from_slice(format!("\n[limits]\n{line}\n").as_bytes());
}

/// The mini repository with one more registry file.
fn with_registry(name: &str, text: String) -> Vec<(String, Vec<u8>)> {
    let mut files = common::patched(&[]);
    files.push((format!("registry/{name}"), text.into_bytes()));
    files
}

/// Issue 12, defect 2: a flat file of honest size is read to its last item, by the fast reader
/// and by serde-saphyr alike (an anchor sends a file to serde-saphyr): a typo in the last of
/// 100,000 contacts is found, and nothing says the file is nested too deeply.
#[test]
fn a_registry_of_100000_contacts_is_read_to_its_last_contact() {
    use std::fmt::Write;
    for anchored in [false, true] {
        let mut text = String::from("contacts:\n");
        for i in 0..100_000 {
            let name = match (anchored, i) {
                (true, 0) => "&name 某某",
                (true, _) => "*name",
                _ => "某某",
            };
            let org = if i == 99_999 {
                "xz-baolunn"
            } else {
                "xz-baolun"
            };
            writeln!(
                text,
                "  - {{ id: c-many-{i}, name: {name}, org: {org}, mobile: 138-0000-0002, verified: '2026-04-15' }}"
            )
            .unwrap();
        }
        let diagnostics = common::check_files(&with_registry("many.yaml", text));
        let found: Vec<(&str, &str)> = diagnostics
            .iter()
            .map(|d| (d.rule.code, d.message.as_str()))
            .collect();
        assert_eq!(found.len(), 1, "anchored {anchored}: {found:?}");
        assert!(found[0].1.contains("xz-baolunn"), "{found:?}");
    }
}

/// Issue 12, defect 2: a limit that is reached is named, with its value and how to raise it;
/// what comes before it is still checked, and raising it in `emplan.toml` reads the file.
#[test]
fn a_reached_limit_names_itself_and_what_comes_before_it_is_checked() {
    let deep = format!("{}1{}", "[".repeat(900), "]".repeat(900));
    let text = format!(
        "contacts:\n  - {{ id: c-typo, name: 某某, org: xz-baolunn, mobile: 138-0000-0002, verified: '2026-04-15' }}\nmetrics:\n  - id: deep\n    name: {deep}\n"
    );
    let diagnostics = common::check_files(&with_registry("deep.yaml", text.clone()));
    let found: Vec<(&str, String)> = diagnostics
        .iter()
        .map(|d| (d.rule.code, emplan::report::message_with_help(d, Lang::En)))
        .collect();
    let s103: Vec<_> = found.iter().filter(|(c, _)| *c == "S103").collect();
    assert_eq!(s103.len(), 1, "{found:?}");
    assert!(
        s103[0].1.contains(
            "lists and mappings nest deeper than 64 levels here, the limit `yaml_depth`: the text from this line on is not read"
        ) && s103[0].1.contains("`yaml_depth = 128` under `[limits]`"),
        "{found:?}"
    );
    assert!(
        found.iter().any(|(_, m)| m.contains("xz-baolunn")),
        "the contact before the limit is checked: {found:?}"
    );
    // Raised, the limit is not reached; the nested list is then only a value of the wrong type.
    let mut files = with_registry("deep.yaml", text);
    set_limit(&mut files, "yaml_depth = 1000");
    let codes = common::codes(&common::check_files(&files));
    assert!(!codes.contains(&"S103"), "{codes:?}");
    assert!(codes.contains(&"S203"), "{codes:?}");
}

/// Issue 12, defect 4: a number too large for a float (`1e400`) and a non-finite size are each
/// one S203 finding; nothing else of the file is lost, so the organisation typo in the next
/// resource is still found. Coordinates and travel settings have their domains too.
#[test]
fn a_bad_number_is_one_finding_and_hides_nothing_else() {
    let files = common::patched(&[
        (
            "plans/zx-flood.md",
            "metric: deaths, at_least: 3 }",
            "metric: deaths, at_least: 1e400 }",
        ),
        ("registry/registry.yaml", "size: 24", "size: .inf"),
        (
            "registry/registry.yaml",
            "name: 宝轮镇应急物资储备点\n    org: xz-baolun",
            "name: 宝轮镇应急物资储备点\n    org: xz-baolunn",
        ),
        ("registry/registry.yaml", "lat: 32.355", "lat: 132.355"),
    ]);
    let diagnostics = common::check_files(&files);
    let found: Vec<(&str, &str)> = diagnostics
        .iter()
        .map(|d| (d.rule.code, d.message.as_str()))
        .collect();
    let messages: Vec<&str> = found
        .iter()
        .filter(|(c, _)| *c == "S203")
        .map(|(_, m)| *m)
        .collect();
    assert_eq!(
        messages,
        [
            "`1e400` is not a finite number (not .nan or .inf)",
            "`132.355` is not a number from -90 to 90",
            "`.inf` is not a whole number (0 or more)",
        ],
        "{found:?}"
    );
    assert!(
        found.iter().any(|(_, m)| m.contains("xz-baolunn")),
        "the typo after the bad size is found: {found:?}"
    );
}

/// Issue 12, defect 8: a file over the size limit is one finding and is not read; the limit is
/// set in `emplan.toml`, within its domain.
#[test]
fn a_file_over_the_size_limit_is_one_finding_and_is_not_read() {
    let mut files = common::patched(&[]);
    set_limit(&mut files, "file_size_mib = 1");
    let mut big = b"---\nid: big\n---\n".to_vec();
    big.resize(2 << 20, b'x');
    files.push(("plans/big.md".to_owned(), big));
    let (code, out) = run_on(&files, &["check", "--color", "never"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("error[S101]: this file is 2.0 MiB, larger than the limit of 1 MiB (`file_size_mib`): it is not read"),
        "{out}"
    );
    assert!(
        out.contains("`file_size_mib = 3` under `[limits]`"),
        "{out}"
    );
    assert_eq!(out.matches("error[").count(), 1, "{out}");
}

/// Found by the `msel_import` fuzz target: a cell reference with more digits than a `u32`
/// overflows in calamine (a panic where overflow is checked). The workbook is input, so it is
/// an unreadable workbook, said as such.
#[test]
fn a_workbook_with_an_overflowing_cell_reference_is_refused_not_panicked_on() {
    let bytes = std::fs::read(fixture("xlsx/cell-reference-overflow.xlsx")).expect("fixture");
    let read = emplan::drill::msel::parse(bytes, true, Lang::En);
    assert!(
        read.is_err(),
        "a workbook with cell r=\"A…\" past u32 reads"
    );
}

/// A sheet's farthest cell does not make emplan allocate the rectangle up to it: `A1` and
/// `XFD1048576` are 17 billion cells through calamine's range, here two rows of cells.
#[test]
fn a_sheet_with_a_far_corner_cell_reads_without_the_whole_rectangle() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "编号").expect("A1");
    sheet
        .write_string(1_048_575, 16_383, "远")
        .expect("XFD1048576");
    let bytes = book.save_to_buffer().expect("workbook");
    let table = emplan::drill::msel::parse(bytes, true, Lang::En).expect("the sheet reads");
    assert_eq!(table.rows.len(), 1_048_576);
    assert_eq!(table.rows[0], ["编号"]);
    assert_eq!(table.rows[1_048_575].len(), 16_384);
    assert_eq!(table.rows[1_048_575][16_383], "远");
}

/// A sheet that spreads over millions of cells is refused with the cell where it went past.
#[test]
fn a_sheet_over_the_cell_budget_is_refused_by_name() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for row in 0..300 {
        sheet.write_string(row, 16_383, "远").expect("cell");
    }
    let bytes = book.save_to_buffer().expect("workbook");
    let Err(message) = emplan::drill::msel::parse(bytes.clone(), true, Lang::En) else {
        panic!("a sheet of 300 rows by 16,384 columns reads");
    };
    assert_eq!(
        message,
        "the sheet spreads over more than 4000000 cells by XFD245; an MSEL has far fewer, so \
         check that it is the right workbook"
    );
    let Err(message) = emplan::drill::msel::parse(bytes, true, Lang::Zh) else {
        panic!("a sheet of 300 rows by 16,384 columns reads");
    };
    assert_eq!(
        message,
        "工作表到 XFD245 已超过 4000000 个单元格；主情景事件清单远没有这么多，请确认工作簿是否选对"
    );
}

/// The outputs of `check --write-baseline PATH` in the sample, in English or Chinese: (exit
/// code, stderr).
fn write_baseline(target: &Path, locale: &str) -> (Option<i32>, String) {
    let out = common::emplan_in(locale)
        .args(["check", "--write-baseline"])
        .arg(target)
        .arg("plans")
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

/// Issue 28, defect 1: an output that is a device, a FIFO or a folder is refused, never replaced
/// by a file (as root, `--write-baseline /dev/full` made the device a file).
#[test]
fn an_output_that_is_no_file_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let mut targets: Vec<(PathBuf, &str, &str)> = vec![(dir.path().to_owned(), "a folder", "目录")];
    if let Some(device) = common::private_device(dir.path(), "null", 1, 3) {
        targets.push((device, "a device", "设备文件"));
    }
    let fifo = dir.path().join("fifo");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if common::required(
        "mkfifo",
        made,
        std::env::var("CI").is_ok_and(|v| v == "true"),
    ) {
        targets.push((fifo, "a FIFO", "命名管道（FIFO）"));
    }
    for (target, en, zh) in &targets {
        let kind = std::fs::symlink_metadata(target).unwrap().file_type();
        let (code, err) = write_baseline(target, common::ENGLISH);
        assert_eq!(code, Some(2), "{target:?}: {err}");
        assert!(err.contains(&format!("it is {en}, not a file")), "{err}");
        let (code, err) = write_baseline(target, common::CHINESE);
        assert_eq!(code, Some(2), "{target:?}: {err}");
        assert!(err.contains(&format!("这是{zh}而不是文件")), "{err}");
        assert_eq!(std::fs::symlink_metadata(target).unwrap().file_type(), kind);
    }
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// Issue 28, defect 6: a link at the output is followed only to a file in its own folder; one
/// that leads out of it is refused and what it names is left alone.
#[test]
fn an_output_link_is_written_through_only_within_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let outside = dir.path().join("outside.txt");
    std::fs::write(&outside, "not emplan's").unwrap();
    std::os::unix::fs::symlink("../outside.txt", out.join("away.txt")).unwrap();
    let (code, err) = write_baseline(&out.join("away.txt"), common::ENGLISH);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("symbolic link to a file outside its folder"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "not emplan's");
    // Within the folder: the file it names is replaced, and the link stays a link.
    std::fs::write(out.join("real.txt"), "old").unwrap();
    std::os::unix::fs::symlink("real.txt", out.join("link.txt")).unwrap();
    let (code, err) = write_baseline(&out.join("link.txt"), common::ENGLISH);
    assert_eq!(code, Some(0), "{err}");
    let link = std::fs::symlink_metadata(out.join("link.txt")).unwrap();
    assert!(link.file_type().is_symlink());
    assert_ne!(
        std::fs::read_to_string(out.join("real.txt")).unwrap(),
        "old"
    );
}

/// Issue 28, defect 8: an output naming a plan file does not replace the plan (`-o` of a handbook
/// put a PDF there). The verbs whose job is to write plans (`review`, `new`, `init`) still do:
/// tests/reviewer.rs and tests/scaffold.rs.
#[test]
fn an_output_never_replaces_a_file_the_repository_reads() {
    let plans = fixture("mini");
    let tree = common::write_tree(&read_tree(&plans));
    let plan = tree.path().join("plans/zx-flood.md");
    let before = std::fs::read(&plan).unwrap();
    let root = tree.path().to_str().unwrap();
    let out = common::emplan_in(common::ENGLISH)
        .args(["check", "--write-baseline"])
        .arg(&plan)
        .arg(root)
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("a file of the plan repository"), "{err}");
    assert_eq!(std::fs::read(&plan).unwrap(), before);
}

/// Issue 28, defect 2: a repository's drill template cannot read the CI job's environment (a
/// planted `get_env` put a token into the participant brief and its PDF).
#[test]
fn a_repository_template_cannot_read_the_environment() {
    let brief = "# brief\n\n{{ get_env(name=\"EMPLAN_PLANTED_SECRET\") }}\n";
    let (code, err, pack) = pack_with(
        &[("templates/drill/brief.md", brief)],
        &[("EMPLAN_PLANTED_SECRET", "token-1234")],
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("get_env is not available"), "{err}");
    assert!(!err.contains("token-1234"), "{err}");
    assert!(!pack.contains("token-1234"), "the secret reached the pack");
}

/// `drill new` of the sample's flood tabletop with `files` added to the repository and `env`
/// set: (exit code, stderr, the text of every file written, joined).
fn pack_with(files: &[(&str, &str)], env: &[(&str, &str)]) -> (Option<i32>, String, String) {
    let mut tree = read_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("plans"));
    tree.extend(
        files
            .iter()
            .map(|(p, t)| (p.to_string(), t.as_bytes().to_vec())),
    );
    let tree = common::write_tree(&tree);
    let out_dir = tempfile::tempdir().unwrap();
    let out = common::emplan_in(common::ENGLISH)
        .envs(env.iter().copied())
        .args(["drill", "new", "2026-baolun-flood-tabletop", "-o"])
        .arg(out_dir.path().join("pack"))
        .arg(tree.path())
        .output()
        .unwrap();
    let written: String = read_tree(out_dir.path())
        .iter()
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .collect();
    (
        out.status.code(),
        String::from_utf8(out.stderr).unwrap(),
        written,
    )
}

/// Issue 28, defect 3: a repository's template that is a link out of the repository is refused,
/// not read (a pack printed /etc/passwd and a secret beside the checkout).
#[test]
fn a_template_linked_out_of_the_repository_is_not_read() {
    let top = tempfile::tempdir().unwrap();
    std::fs::write(top.path().join("secret.txt"), "token-5678").unwrap();
    let repo = top.path().join("repo");
    for (path, bytes) in read_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("plans")) {
        let target = repo.join(path);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, bytes).unwrap();
    }
    std::fs::create_dir_all(repo.join("templates/drill")).unwrap();
    std::os::unix::fs::symlink("../../../secret.txt", repo.join("templates/drill/brief.md"))
        .unwrap();
    let out = common::emplan_in(common::ENGLISH)
        .args(["drill", "new", "2026-baolun-flood-tabletop", "-o"])
        .arg(top.path().join("pack"))
        .arg(&repo)
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("templates/drill/brief.md"), "{err}");
    assert!(err.contains("leads out of the repository"), "{err}");
    assert!(!top.path().join("pack").exists());
}

/// Issue 28, defect 7: a drill text that starts like a formula reaches `msel.csv` as text a
/// spreadsheet will not run, and the MSEL reads back as it was exported.
#[test]
fn a_formula_in_a_drill_text_is_not_a_formula_in_the_msel() {
    let files = common::sample_with(
        "drills/2026-baolun-flood-tabletop.drill.yaml",
        "text: 清江村四组后山出现裂缝并有落石，滑坡隐患点监测员报告变形加速。",
        "text: '=HYPERLINK(\"http://x.invalid\",\"看这里\")清江村四组后山出现裂缝'",
    );
    let tree = common::write_tree(&files);
    let out = tempfile::tempdir().unwrap();
    let pack = out.path().join("pack");
    let run = common::emplan_in(common::ENGLISH)
        .args(["drill", "new", "2026-baolun-flood-tabletop", "-o"])
        .arg(&pack)
        .arg(tree.path())
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let csv = std::fs::read_to_string(pack.join("msel.csv")).unwrap();
    assert!(csv.contains("HYPERLINK"), "the text is in the MSEL");
    let cells: Vec<&str> = csv.split([',', '\n']).collect();
    assert!(
        cells
            .iter()
            .all(|c| !c.trim_start_matches('"').starts_with('=')),
        "a cell starts a formula:\n{csv}"
    );
}

/// Issue 28, defect 4 (in part): a repository's Typst template cannot read a hidden file of the
/// repository (a token kept in `.git/config` was printed in the PDF).
#[test]
fn a_typst_template_cannot_read_hidden_files_of_the_repository() {
    let (code, err, pack) = pack_with(
        &[
            (".git/config", "token-9012"),
            (
                "templates/document.typ",
                "#read(\"/repo/.git/config\")\n#include \"/document.typ\"\n",
            ),
        ],
        &[],
    );
    assert_ne!(code, Some(0), "{err}");
    assert!(!err.contains("token-9012"), "{err}");
    assert!(!pack.contains("token-9012"), "the token reached the pack");
}
