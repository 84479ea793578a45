//! No mistake hides another, and no mistake floods the report: many mistakes planted at once
//! give one finding each, and one bad file gives one finding.

mod common;

use common::{check_files, fixture, patched, read_tree};
use emplan::check::Diagnostic;

/// Each finding as (rule, file, the text it points at).
fn found(files: &[(String, Vec<u8>)], diagnostics: &[Diagnostic]) -> Vec<(String, String)> {
    let repo = emplan::load::load_files(files);
    diagnostics
        .iter()
        .map(|d| {
            let file = repo.sources.get(d.loc.file);
            let text = file.text[d.loc.span.range()].to_owned();
            (d.rule.code.to_owned(), format!("{}: {text}", file.path))
        })
        .collect()
}

#[test]
fn thirteen_mistakes_at_once_give_one_finding_each() {
    let files = patched(&[
        // Four mistakes inside one response level: none hides the others.
        (
            "plans/zx-flood.md",
            "  - level: III\n    name: 较大\n    criteria:\n      - { text: 造成3人以上死亡, metric: deaths, at_least: 3 }\n",
            "  - level: III\n    name: 较大\n    commander: post-comander\n    criteria:\n      - { text: 造成3人以上死亡, metric: deaths, at_least: abc }\n      - { text: 24小时降雨量达100毫米以上, metric: rainfall-12h, at_least: 100 }\n    actions:\n      - { org: qu-shuiliju, do: 派出工作组, within: 1h, whom: 水利局 }\n",
        ),
        ("plans/zx-flood.md", "org: qu-yingjiju", "org: qu-yingjju"),
        ("plans/zx-flood.md", "deadline: 2h", "deadline: soon"),
        (
            "plans/zx-flood.md",
            "hazards: [rainstorm, flood]",
            "hazards: [rainstorm, flod]",
        ),
        (
            "plans/bm-shuili.md",
            "parents: [overall]",
            "parents: [overal]",
        ),
        ("plans/xz-baolun.md", "## 信息报告", "## 其他"),
        // A front matter that cannot be parsed: its body is still checked.
        (
            "plans/bm-yingji.md",
            "parents: [overall, zx-flood]",
            "parents: [overall, zx-flood",
        ),
        (
            "plans/bm-yingji.md",
            "落实防汛抢险救援职责。",
            "落实[防汛](plan:zx-flod)抢险救援职责。",
        ),
        // A typo in an accepted duty id is R106 alone, not also "not accepted".
        (
            "plans/xz-baolun.md",
            "{ plan: zx-flood, duty: evacuate,",
            "{ plan: zx-flood, duty: evacuat,",
        ),
        (
            "registry/registry.yaml",
            "    name: 区水利局\n",
            "    name: 区水利局\n    name: 水利局\n",
        ),
    ]);
    let diagnostics = check_files(&files);
    let got = found(&files, &diagnostics);
    let want = [
        ("R103", "plans/zx-flood.md: flod"),
        ("S203", "plans/zx-flood.md: soon"),
        ("R105", "plans/zx-flood.md: post-comander"),
        ("S203", "plans/zx-flood.md: abc"),
        ("R107", "plans/zx-flood.md: rainfall-12h"),
        ("S201", "plans/zx-flood.md: whom"),
        ("R102", "plans/zx-flood.md: qu-yingjju"),
        ("R101", "plans/bm-shuili.md: overal"),
        ("S103", "plans/bm-yingji.md: ["),
        ("R201", "plans/bm-yingji.md: plan:zx-flod"),
        ("S301", "plans/xz-baolun.md: # 宝轮镇突发事件总体应急预案"),
        ("R106", "plans/xz-baolun.md: evacuat"),
        ("S204", "registry/registry.yaml: name"),
    ];
    let mut got_sorted = got.clone();
    got_sorted.sort();
    let mut want_sorted: Vec<(String, String)> = want
        .iter()
        .map(|(c, t)| (c.to_string(), t.to_string()))
        .collect();
    want_sorted.sort();
    assert_eq!(got_sorted, want_sorted, "{got:#?}");
}

#[test]
fn a_front_matter_with_broken_syntax_still_has_its_body_checked() {
    let files = patched(&[
        (
            "plans/bm-yingji.md",
            "accepts:\n  - { plan: zx-flood, duty: rescue }\n",
            "accepts:\n  - { plan: zx-flood, duty: rescue \n",
        ),
        ("plans/bm-yingji.md", "## 信息报告", "## 其他"),
        (
            "plans/bm-yingji.md",
            "调度综合性救援队伍。",
            "由区安全生产监督管理局调度综合性救援队伍，见[防汛预案](plan:zx-flod)。",
        ),
    ]);
    let diagnostics = check_files(&files);
    let mut codes: Vec<&str> = diagnostics.iter().map(|d| d.rule.code).collect();
    codes.sort();
    // The syntax error, the missing chapter, the broken link and the old name; not a single
    // finding about the duty it accepts or the plans it names.
    assert_eq!(codes, ["R201", "R301", "S103", "S301"], "{diagnostics:#?}");
}

/// A registry file or a plan saved in another encoding is read in that encoding: what it
/// defines is known, and the encoding is the one finding.
#[test]
fn a_file_in_another_encoding_is_one_finding() {
    for (file, encoding) in [
        ("registry/registry.yaml", encoding_rs::GBK),
        ("plans/overall.md", encoding_rs::UTF_16LE),
        ("plans/zx-flood.md", encoding_rs::GBK),
    ] {
        let mut files = read_tree(&fixture("mini"));
        let entry = files.iter_mut().find(|(p, _)| p == file).unwrap();
        let text = String::from_utf8(entry.1.clone()).unwrap();
        entry.1 = if encoding == encoding_rs::UTF_16LE {
            let mut bytes = vec![0xFF, 0xFE];
            bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            bytes
        } else {
            encoding.encode(&text).0.into_owned()
        };
        let diagnostics = check_files(&files);
        let got: Vec<(&str, String)> = diagnostics
            .iter()
            .map(|d| (d.rule.code, d.message.clone()))
            .collect();
        assert_eq!(got.len(), 1, "{file}: {got:#?}");
        assert_eq!(got[0].0, "S102", "{file}");
    }
}

/// R301 reads a former name in its context: a comment is not a finding, a cited title or a
/// sentence about history is a note, and a marked line is a deliberate use.
#[test]
fn former_names_are_read_in_their_context() {
    let cases = [
        (
            "落实防汛抢险救援职责。",
            "落实区安全生产监督管理局防汛抢险救援职责。",
            Some("error"),
        ),
        (
            "落实防汛抢险救援职责。",
            "依据《区安全生产监督管理局关于加强防汛工作的通知》落实职责。",
            Some("info"),
        ),
        (
            "落实防汛抢险救援职责。",
            "本局原为区安全生产监督管理局，2019年组建为现名。",
            Some("info"),
        ),
        (
            "落实防汛抢险救援职责。",
            "2019年前由区安全生产监督管理局负责。 <!-- emplan: historical -->",
            None,
        ),
        (
            "落实防汛抢险救援职责。",
            "落实职责。<!-- 区安全生产监督管理局的旧稿 -->",
            None,
        ),
        (
            "owner: qu-yingjiju\n",
            "owner: qu-yingjiju # 原区安全生产监督管理局\n",
            None,
        ),
    ];
    for (find, replace, want) in cases {
        let files = patched(&[("plans/bm-yingji.md", find, replace)]);
        let diagnostics = check_files(&files);
        let got: Vec<&str> = diagnostics.iter().map(|d| d.severity.key()).collect();
        let want: Vec<&str> = want.into_iter().collect();
        assert_eq!(got, want, "{replace}: {diagnostics:#?}");
        assert!(diagnostics.iter().all(|d| d.rule.code == "R301"));
    }
}
