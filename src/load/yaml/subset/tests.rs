//! The subset reader against serde-saphyr: whatever it accepts, it must read exactly as
//! serde-saphyr does, spans included (compared through `Debug`, which shows every field).

use std::path::{Path, PathBuf};

use crate::load::discover::{FileKind, file_kind};
use crate::load::read::front_matter;
use crate::load::yaml::subset_agrees as agrees;
use crate::model::drill::{Drill, DrillRecord};
use crate::model::{PlanMeta, RegistryFile};

/// The YAML of a file: the whole of a registry file, the front matter of a plan.
fn yaml_of(path: &Path, text: &str) -> Option<(FileKind, String)> {
    let kind = file_kind(path)?;
    match kind {
        FileKind::Registry | FileKind::Drill | FileKind::Record => Some((kind, text.to_owned())),
        FileKind::Plan => {
            let (end, _) = front_matter(text)??;
            Some((kind, text[..end].to_owned()))
        }
    }
}

fn agrees_as_its_kind(kind: FileKind, yaml: &str) -> Option<Result<(), String>> {
    match kind {
        FileKind::Plan => agrees::<PlanMeta>(yaml),
        FileKind::Registry => agrees::<RegistryFile>(yaml),
        FileKind::Drill => agrees::<Drill>(yaml),
        FileKind::Record => agrees::<DrillRecord>(yaml),
    }
}

fn files_under(dir: &str) -> Vec<(PathBuf, FileKind, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let entry = entry.unwrap();
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        if let Some((kind, yaml)) = yaml_of(entry.path(), &text) {
            files.push((entry.path().to_owned(), kind, yaml));
        }
    }
    files
}

#[test]
fn every_sample_file_is_read_by_the_subset_reader_as_serde_saphyr_reads_it() {
    let files = files_under("plans");
    assert!(files.len() > 100);
    for (path, kind, yaml) in files {
        // Saved on Windows, too.
        for yaml in [yaml.clone(), yaml.replace('\n', "\r\n")] {
            match agrees_as_its_kind(kind, &yaml) {
                Some(Ok(())) => {}
                Some(Err(why)) => panic!("{}: {why}", path.display()),
                None => panic!("{}: declined, so read slowly", path.display()),
            }
        }
    }
}

#[test]
fn the_fixtures_are_read_alike_or_declined() {
    for (path, kind, yaml) in files_under("tests/fixtures") {
        if let Some(Err(why)) = agrees_as_its_kind(kind, &yaml) {
            panic!("{}: {why}", path.display());
        }
    }
}

/// Pieces that matter to YAML, for mutations.
const PIECES: &[&str] = &[
    " ", "  ", "\n", ":", ": ", "-", "- ", "#", " #", "'", "''", "\"", "\\", "\\u4e2d", "\\x", "[",
    "]", "{", "}", ",", ", ", "~", "null", "NULL", "0", "07", "-3", "1.5", "1e3", "0x1F", "1_000",
    ".inf", "true", "x", "中", "：", "\t", "\r", "&a ", "*a", "!!str ", "|", ">", "? ", "---",
    "...", "%", "@", "`", "<<: ", "\u{feff}", "\u{85}", "\u{7f}",
];

/// Deterministic mutations of the sample's YAML (splitmix64): pieces inserted, bytes deleted,
/// lines duplicated, deleted, swapped and re-indented. Every one the subset reader accepts must
/// read as serde-saphyr reads it; enough of them must be accepted for that to mean something.
#[test]
fn mutations_are_read_alike_or_declined() {
    let files = files_under("plans");
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let (mut accepted, mut declined) = (0, 0);
    for round in 0..6000 {
        let (path, kind, yaml) = &files[(next() % files.len() as u64) as usize];
        let mut lines: Vec<String> = yaml.split_inclusive('\n').map(str::to_owned).collect();
        for _ in 0..=(next() % 3) {
            let at = (next() % lines.len() as u64) as usize;
            let line = &mut lines[at];
            let cut = (0..=line.len())
                .filter(|&i| line.is_char_boundary(i))
                .nth((next() % (line.chars().count() as u64 + 1)) as usize)
                .unwrap_or(0);
            match next() % 7 {
                0..=2 => {
                    let piece = PIECES[(next() % PIECES.len() as u64) as usize];
                    line.insert_str(cut, piece);
                }
                3 => {
                    let end = line[cut..]
                        .chars()
                        .next()
                        .map_or(cut, |c| cut + c.len_utf8());
                    line.replace_range(cut..end, "");
                }
                4 => {
                    let copy = line.clone();
                    lines.insert(at, copy);
                }
                5 => {
                    let other = (next() % lines.len() as u64) as usize;
                    lines.swap(at, other);
                }
                _ => match next() % 3 {
                    0 => line.insert(0, ' '),
                    1 => line.insert_str(0, "  "),
                    _ => {
                        if line.starts_with(' ') {
                            line.remove(0);
                        }
                    }
                },
            }
        }
        let text = lines.concat();
        match agrees_as_its_kind(*kind, &text) {
            Some(Ok(())) => accepted += 1,
            Some(Err(why)) => panic!(
                "round {round}, mutation of {}: {why}\n--- text:\n{text}",
                path.display()
            ),
            None => declined += 1,
        }
    }
    assert!(
        accepted > 500 && declined > 3000,
        "{accepted} accepted, {declined} declined"
    );
}

/// Scalars written in every way YAML allows, as values of fields of each type.
#[test]
fn scalars_are_read_alike_or_declined() {
    let scalars = [
        "abc",
        "a b",
        "a#b",
        "a #b",
        "a, b",
        "a]",
        "a}",
        "a:b",
        "08:00",
        "-x",
        "-5",
        "+5",
        "?x",
        ":x",
        "x:",
        "中文",
        "中：文",
        "'x'",
        "'it''s'",
        "'a'b",
        "\"x\"",
        "\"a\\u4e2dz\"",
        "\"a\\qb\"",
        "\"a\\nb\"",
        "'123'",
        "\"null\"",
        "null",
        "Null",
        "NULL",
        "~",
        "",
        "true",
        "yes",
        "123",
        "0123",
        "00",
        "0",
        "-0",
        "1.0",
        "1.",
        ".5",
        "1e3",
        "1e400",
        "0x1F",
        "0o17",
        "1_000",
        ".inf",
        ".nan",
        "NaN",
        "4294967295",
        "4294967296",
        "99999999999999999999",
        "2024-01-01",
        "true",
        "false",
        "True",
        "FALSE",
        "yes",
        "on",
        "'true'",
        "01-31",
        "30m",
        "2h",
        "[a]",
        "[a, b]",
        "[a , b ,]",
        "[]",
        "[,]",
        "{}",
        "{a: b}",
        "@a",
        "`a",
        "%a",
        "a%",
        "&x a",
        "*x",
        "!!str a",
        "|",
        ">",
    ];
    let fields = [
        "title: @@",
        "title: t\nhazards: @@",
        "title: t\nhazards: [@@]",
        "title: t\nhazards: [a, @@]",
        "title: t\njurisdiction: @@",
        "title: t\nresponse:\n- level: @@\n  name: n",
        "title: t\nresponse:\n- level: I\n  criteria:\n  - {text: t, at_least: @@}",
        "title: t\nresponse:\n- level: I\n  criteria:\n  - text: t\n    at_least: @@",
        "title: t\nduties:\n- {id: d, org: o, text: t, deadline: @@}",
        "title: t\nlifecycle: {version: @@}",
        "title: t\nlifecycle:\n  issued: @@",
        "title: t\ncounting: {above_includes: @@}",
        "title: t\nseasons:\n- {id: s, name: n, from: @@, until: 05-31}",
        "title: t\nresponse:\n- level: I\n  criteria:\n  - {text: t, below: @@, all_of: [{text: u, at_least: @@}]}",
    ];
    let mut accepted = 0;
    for field in fields {
        for scalar in scalars {
            let field = field.replace("@@", scalar);
            let text = format!("---\nid: a\nkind: site\nowner: o\n{field}\n");
            match agrees::<PlanMeta>(&text) {
                Some(Ok(())) => accepted += 1,
                Some(Err(why)) => panic!("{why}\n--- text:\n{text}"),
                None => {}
            }
        }
    }
    assert!(accepted > 50, "only {accepted} accepted");
}

/// Layouts of block and flow structure, each read alike or declined.
#[test]
fn layouts_are_read_alike_or_declined() {
    let head = "id: a\nkind: site\ntitle: t\nowner: o\n";
    let tails = [
        "hazards:\n- a\n- b\n",
        "hazards:\n  - a\n  - b\n",
        "hazards:\n    - a\n    -   b\n",
        "hazards:\n- a\n  - b\n",
        "hazards:\n  - a\n - b\n",
        "hazards:\n-\n- b\n",
        "hazards:\n- - a\n",
        "hazards: - a\n",
        "hazards:\n  a\n",
        "hazards: [a,\n  b]\n",
        "hazards: [a, [b]]\n",
        "hazards: [a # c\n  ]\n",
        "hazards: [a] # c\n",
        "hazards: [a]x\n",
        "hazards: [a, b, ]\n",
        "hazards: [ ]\n",
        "hazards:   # c\n  # c\n  - a   # c\n\n  - b\n",
        "hazards:\n# c\n- a\n",
        "hazards:\n- a\nparents: [b]\n",
        "hazards:\n  - a\nparents: [b]\n",
        "hazards:\n  - a\n  parents: [b]\n",
        "duties:\n- id: d\n  org: o\n  text: t\n",
        "duties:\n-   id: d\n    org: o\n    text: t\n",
        "duties:\n- id: d\n  org: o\n   text: t\n",
        "duties:\n- id: d\n  org: o\n text: t\n",
        "duties:\n-\n  id: d\n  org: o\n  text: t\n",
        "duties:\n- {id: d, org: o, text: t}\n- {id: e, org: o, text: t,}\n",
        "duties:\n- {id: d, org: o, text: t, id: e}\n",
        "duties:\n- {id: d, org: o, text: t} # c\n",
        "duties:\n- {id: d,org: o,text: t}\n",
        "duties:\n- {id: d, org: o, text: \"t, u\"}\n",
        "duties:\n- {id: d, org: o, text: 't, u'}\n",
        "duties:\n- {id: d, org: o, text: t: u}\n",
        "duties:\n- {id: d, org: o, text: }\n",
        "duties:\n- {id: d, org: o, text: a'b\"c}\n",
        "command:\n  hq: h\n  groups:\n  - {id: g, name: n, lead: o, members: [a, b]}\n",
        "command:\n  hq: h\n  groups:\n    - id: g\n      name: n\n      lead: o\n      members:\n      - a\n",
        "command:\n  hq: h\n  hq: i\n",
        "command:\n  hq: h\n    commander: p\n",
        "command:\n   hq: h\n  commander: p\n",
        "command: {hq: h, commander: p}\n",
        "command:\n",
        "command: ~\n",
        "lifecycle:\n  revisions:\n  - {version: '1', date: 2024-01-01, trigger: initial, summary: s}\n",
        "hazards: [a]\n---\n",
        "hazards: [a]\n...\n",
        "hazards: [a]\n--- \n",
        "%YAML 1.2\n---\nhazards: [a]\n",
        "? hazards\n: [a]\n",
        "hazards : [a]\n",
        "\"hazards\": [a]\n",
        "hazards: &x [a]\nparents: *x\n",
        "hazards: !!seq [a]\n",
        "<<: {hazards: [a]}\n",
        "hazards:\n- a\n\n\n",
        "\n\nhazards: [a]",
        "hazards: [a]   ",
        "hazards: [a]\r",
        "hazards:\r- a\n",
        "jurisdiction: 'a\r\n'\n",
        "jurisdiction: a\r\r\n",
    ];
    let mut accepted = 0;
    for tail in tails {
        let texts = [
            format!("---\n{head}{tail}"),
            format!("{head}{tail}"),
            format!("---  # c\n{head}{tail}"),
            format!("---\n{head}{tail}").replace('\n', "\r\n"),
        ];
        for text in texts {
            match agrees::<PlanMeta>(&text) {
                Some(Ok(())) => accepted += 1,
                Some(Err(why)) => panic!("{why}\n--- text:\n{text}"),
                None => {}
            }
        }
    }
    assert!(accepted > 60, "only {accepted} accepted");
}
