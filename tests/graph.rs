//! `emplan graph`: the response dependency graph as DOT, Mermaid and JSON.

use std::io::Write;
use std::process::{Command, Stdio};

use assert_cmd::cargo::CommandCargoExt;

fn emplan(args: &[&str]) -> (i32, String, String) {
    let output = Command::cargo_bin("emplan")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", "C.UTF-8")
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn the_plans_view_is_dot_with_chinese_titles() {
    let (code, out, _) = emplan(&["graph", "tests/fixtures/mini"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("graph_mini_plans_dot", out);
}

#[test]
fn the_neighbourhood_of_a_plan_is_mermaid() {
    let args = [
        "graph", "--format", "mermaid", "--view", "orgs", "--focus", "zx-flood",
    ];
    let (code, out, _) = emplan(&[&args[..], &["--depth", "1", "tests/fixtures/mini"]].concat());
    assert_eq!(code, 0);
    insta::assert_snapshot!("graph_mini_orgs_mermaid", out);
}

#[test]
fn every_node_and_link_is_json() {
    let args = [
        "graph",
        "--format",
        "json",
        "--view",
        "all",
        "--focus",
        "xz-baolun-plan",
    ];
    let (code, out, _) = emplan(&[&args[..], &["--depth", "1", "tests/fixtures/mini"]].concat());
    assert_eq!(code, 0);
    insta::assert_snapshot!("graph_mini_all_json", out);
    // The same repository gives the same bytes.
    let (_, again, _) = emplan(&[&args[..], &["--depth", "1", "tests/fixtures/mini"]].concat());
    assert_eq!(out, again);
}

#[test]
fn an_unknown_focus_is_named_with_a_near_miss() {
    let (code, out, err) = emplan(&["graph", "--focus", "zx-flod", "tests/fixtures/mini"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("`zx-flod`; did you mean `zx-flood`?"), "{err}");
}

/// Graphviz renders the sample's plans, and the organisations around one plan, without a
/// warning. (The organisations of the whole sample are too dense a graph: `dot` takes minutes.)
#[test]
fn graphviz_renders_the_sample_without_warnings() {
    if Command::new("dot").arg("-V").output().is_err() {
        println!("skipped: Graphviz (`dot`) is not installed; .ci/run installs it");
        return;
    }
    let focus = ["--focus", "zx-forest-fire", "--depth", "1"];
    for (view, args) in [("plans", &[][..]), ("orgs", &focus[..])] {
        let (code, out, _) = emplan(&[&["graph", "--view", view][..], args, &["plans"]].concat());
        assert_eq!(code, 0);
        let mut dot = Command::new("dot")
            .arg("-Tsvg")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        dot.stdin.take().unwrap().write_all(out.as_bytes()).unwrap();
        let output = dot.wait_with_output().unwrap();
        let (svg, warnings) = (
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr),
        );
        assert!(
            output.status.success() && warnings.is_empty(),
            "{view}: {warnings}"
        );
        assert!(svg.contains("利州区森林草原火灾应急预案"), "{view}");
    }
}

/// In a drawing, edges read in the reader's language; JSON keeps the stable kinds.
#[test]
fn edges_are_labelled_in_chinese_with_lang_zh() {
    let focus = ["--focus", "zx-flood", "--depth", "1", "tests/fixtures/mini"];
    let args = [
        "--lang", "zh", "graph", "--format", "mermaid", "--view", "orgs",
    ];
    let (code, out, _) = emplan(&[&args[..], &focus[..]].concat());
    assert_eq!(code, 0);
    assert!(
        out.contains("-->|编制|") && out.contains("-->|分派职责|"),
        "{out}"
    );
    assert!(!out.contains("|owns|"), "{out}");
    let json = [
        "--lang", "zh", "graph", "--format", "json", "--view", "orgs",
    ];
    let (_, out, _) = emplan(&[&json[..], &focus[..]].concat());
    assert!(out.contains("\"kind\": \"owns\""), "{out}");
}
