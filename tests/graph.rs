//! `emplan graph`: the response dependency graph as DOT, Mermaid and JSON.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::emplan;

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
    if !common::require_tool("dot") {
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

/// Tags open and close in order, attributes are quoted, and `&` only starts an entity.
fn well_formed(svg: &str) -> Result<(), String> {
    let body = svg
        .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .ok_or("no XML declaration")?;
    let mut open: Vec<&str> = Vec::new();
    let mut rest = body;
    while let Some(start) = rest.find('<') {
        let text = &rest[..start];
        for (i, _) in text.match_indices('&') {
            let entity = &text[i..];
            if !["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
                .iter()
                .any(|e| entity.starts_with(e))
            {
                return Err(format!("bare & in {text:?}"));
            }
        }
        let end = rest[start..].find('>').ok_or("unclosed tag")? + start;
        let tag = &rest[start + 1..end];
        if let Some(name) = tag.strip_prefix('/') {
            if open.pop() != Some(name) {
                return Err(format!("</{name}> closes nothing"));
            }
        } else if !tag.ends_with('/') {
            open.push(tag.split_whitespace().next().ok_or("empty tag")?);
        }
        if tag.matches('"').count() % 2 != 0 {
            return Err(format!("unbalanced quotes in <{tag}>"));
        }
        rest = &rest[end + 1..];
    }
    if open.is_empty() && rest.trim().is_empty() {
        Ok(())
    } else {
        Err(format!("left open: {open:?}"))
    }
}

#[test]
fn every_specialised_plan_has_a_well_formed_flow_chart_in_chinese() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/specialised");
    let mut ids: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    ids.sort();
    assert_eq!(ids.len(), 24);
    let rsvg = common::require_tool("rsvg-convert");
    for id in &ids {
        let (code, svg, err) = emplan(&["graph", "--plan", id, "--format", "svg", "plans"]);
        assert_eq!(code, 0, "{id}: {err}");
        well_formed(&svg).unwrap_or_else(|e| panic!("{id}: {e}"));
        for label in ["信息报告", "先期处置", "研判评估", "响应行动", "应急结束"]
        {
            assert!(svg.contains(label), "{id} lacks {label}");
        }
        if rsvg {
            let mut child = Command::new("rsvg-convert")
                .args(["--format", "png"])
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            child
                .stdin
                .take()
                .unwrap()
                .write_all(svg.as_bytes())
                .unwrap();
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{id}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(out.stdout.starts_with(b"\x89PNG"), "{id}");
        }
    }
    // Run to run, byte for byte.
    let (_, a, _) = emplan(&[
        "graph",
        "--plan",
        "zx-flood-drought",
        "--format",
        "svg",
        "plans",
    ]);
    let (_, b, _) = emplan(&[
        "graph",
        "--plan",
        "zx-flood-drought",
        "--format",
        "svg",
        "plans",
    ]);
    assert_eq!(a, b);
}

#[test]
fn svg_needs_a_plan_and_a_plan_needs_svg() {
    let (code, _, err) = emplan(&["graph", "--format", "svg", "plans"]);
    assert_eq!(code, 2);
    assert!(err.contains("--plan ID"), "{err}");
    let (code, _, err) = emplan(&[
        "graph",
        "--plan",
        "zx-flood-drougth",
        "--format",
        "svg",
        "plans",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `zx-flood-drought`?"), "{err}");
}

/// `--critical` is a ranking: a table, or JSON. A graph format with it is a usage error that
/// says so, in English and in Chinese, and prints nothing on standard output.
#[test]
fn critical_takes_a_table_or_json_and_no_graph_format() {
    for format in ["dot", "mermaid", "svg"] {
        let (code, out, err) = emplan(&["graph", "--critical", "--format", format, "plans"]);
        assert_eq!((code, out.as_str()), (2, ""), "{format}: {err}");
        assert_eq!(
            err,
            format!(
                "emplan: --critical ranks the single points of failure as a table, or as JSON with --format json: --format {format} does not fit it\n"
            )
        );
        let (code, out, err) = emplan(&[
            "--lang",
            "zh",
            "graph",
            "--critical",
            "--format",
            format,
            "plans",
        ]);
        assert_eq!((code, out.as_str()), (2, ""), "{format}: {err}");
        assert_eq!(
            err,
            format!(
                "emplan: --critical 以表格列出单点故障排名（配合 --format json 输出 JSON）：不能使用 --format {format}\n"
            )
        );
    }
    let (code, table, _) = emplan(&["graph", "--critical", "plans"]);
    assert_eq!(code, 0);
    assert!(table.starts_with("rank  score"), "{table}");
    let (code, json, _) = emplan(&["graph", "--critical", "--format", "json", "plans"]);
    assert_eq!(code, 0);
    assert!(
        serde_json::from_str::<serde_json::Value>(&json).is_ok(),
        "{json}"
    );
}
