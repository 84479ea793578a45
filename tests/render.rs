//! Handbooks rendered through the embedded Typst: every sample plan, organisations' books,
//! the whole system; their fonts, text and bytes; plan text that looks like Typst; characters
//! no font has; where the PDF may be written. The PDF checks use poppler's pdftotext and
//! pdffonts (Debian's poppler-utils): without them a test fails in CI, and elsewhere says that it
//! is skipped and checks less.

mod common;

use std::path::Path;
use std::process::Command;

use common::{emplan, patched, require_tool, sample_with, write_tree};
use emplan::model::index::Index;

/// The PDF's text with all whitespace removed (lines wrap anywhere in Chinese).
fn pdf_text(pdf: &Path) -> String {
    squeeze(&pdf_lines(pdf))
}

/// The PDF's text as pdftotext lays it out, in content order.
fn pdf_lines(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    String::from_utf8(out.stdout).unwrap()
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every font of the PDF, as pdffonts lists them: (name, embedded, subset).
fn pdf_fonts(pdf: &Path) -> Vec<(String, bool, bool)> {
    let out = Command::new("pdffonts").arg(pdf).output().unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .skip(2)
        .map(|line| {
            let cols: Vec<&str> = line.split_whitespace().collect();
            let n = cols.len();
            (
                cols[0].to_owned(),
                cols[n - 5] == "yes",
                cols[n - 4] == "yes",
            )
        })
        .collect()
}

/// Runs `emplan ARGS -o REPO/out.pdf REPO` on a repository made of `files`: the repository
/// (kept while the PDF is read), the PDF's path, the exit code and standard error.
fn render_in(
    files: &[(String, Vec<u8>)],
    args: &[&str],
) -> (tempfile::TempDir, std::path::PathBuf, i32, String) {
    let dir = write_tree(files);
    let pdf = dir.path().join("out.pdf");
    let (pdf_arg, root) = (
        pdf.to_string_lossy().into_owned(),
        dir.path().to_string_lossy().into_owned(),
    );
    let mut all = args.to_vec();
    all.extend(["-o", &pdf_arg, &root]);
    let (code, _, stderr) = emplan(&all);
    (dir, pdf, code, stderr)
}

/// Renders the handbook of the mini fixture's zx-flood from `files`, which must succeed.
fn zx_flood_handbook(files: &[(String, Vec<u8>)]) -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, pdf, code, stderr) = render_in(files, &["handbook", "--plan", "zx-flood"]);
    assert_eq!(code, 0, "{stderr}");
    (dir, pdf)
}

/// Runs `emplan ARGS -o DIR/out.pdf plans` on the sample, which must succeed: the folder
/// (kept while the PDF is read) and the PDF's path.
fn render_sample(args: &[&str]) -> (tempfile::TempDir, std::path::PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("out.pdf");
    let (pdf_arg, sample) = (pdf.to_string_lossy().into_owned(), sample());
    let mut all = args.to_vec();
    all.extend(["-o", &pdf_arg, &sample]);
    let (code, _, stderr) = emplan(&all);
    assert_eq!(code, 0, "{args:?}: {stderr}");
    (out, pdf)
}

fn sample() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("plans")
        .to_string_lossy()
        .into_owned()
}

/// What each sample plan's handbook must show: its title, its duties' text and the phones of
/// the posts it names, read from the book's own data.
fn expected(id: &str) -> Vec<String> {
    let repo = emplan::load::load(Path::new(&sample())).unwrap();
    let book = emplan::render::handbook::book(
        &Index::new(&repo),
        &emplan::render::handbook::Subject::Plan(id.into()),
        &[],
    )
    .unwrap();
    let data = book.files.get(&format!("/plans/{id}.json")).unwrap();
    let plan: serde_json::Value = serde_json::from_slice(data.as_slice()).unwrap();
    let mut facts = vec![plan["title"].as_str().unwrap().to_owned()];
    for duty in plan["duties"].as_array().unwrap() {
        facts.push(duty["text"].as_str().unwrap().to_owned());
    }
    for contact in plan["contacts"].as_array().unwrap() {
        if let Some(phone) = contact["phone"].as_str() {
            facts.push(phone.to_owned());
        }
    }
    facts
}

#[test]
fn every_sample_plan_renders_with_its_title_duties_and_phones() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().to_string_lossy().into_owned();
    let (code, _, stderr) = emplan(&["handbook", "--each", "-o", &dir, &sample()]);
    assert_eq!(code, 0, "{stderr}");
    let repo = emplan::load::load(Path::new(&sample())).unwrap();
    let mut ids: Vec<&str> = repo.plans.iter().map(|p| p.meta.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids.len(), 119);
    for id in &ids {
        assert!(
            out.path().join(format!("{id}.pdf")).is_file(),
            "{id}.pdf missing"
        );
    }
    assert!(
        stderr.contains("wrote 119 handbooks"),
        "the summary names the count: {stderr}"
    );
    if !require_tool("pdftotext") {
        return;
    }
    for id in ids {
        let text = pdf_text(&out.path().join(format!("{id}.pdf")));
        for fact in expected(id) {
            assert!(text.contains(&squeeze(&fact)), "{id}.pdf lacks {fact:?}");
        }
    }
}

#[test]
fn organisation_and_system_books_render_with_embedded_subset_fonts_only() {
    let books = [
        ("--org", "qu-shuiliju", "区水利局"),
        ("--org", "qu-yingjiju", "区应急管理局"),
        ("--org", "xz-baolun", "宝轮镇"),
        ("--all", "", "利州区突发事件应急预案汇编"),
    ];
    let read = require_tool("pdffonts") && require_tool("pdftotext");
    for (flag, id, name) in books {
        let args: Vec<&str> = ["handbook", flag, id]
            .into_iter()
            .filter(|a| !a.is_empty())
            .collect();
        let (_out, pdf) = render_sample(&args);
        if !read {
            continue;
        }
        let fonts = pdf_fonts(&pdf);
        assert!(!fonts.is_empty());
        for (font, embedded, subset) in &fonts {
            assert!(
                *embedded && *subset,
                "{flag} {id}: {font} is not an embedded subset"
            );
        }
        let text = pdf_text(&pdf);
        assert!(text.contains(name), "{flag} {id}: no {name}");
        // The water bureau head, 夏某某 (plans/registry/contacts.yaml).
        if id == "qu-shuiliju" {
            assert!(text.contains("138-0000-0055"), "the bureau head's phone");
            assert!(text.contains("负责嘉陵江、南河、清江河等河流和水库水雨情监测预报"));
        }
    }
}

#[test]
fn two_runs_give_identical_bytes() {
    let args = ["handbook", "--plan", "zx-flood-drought"];
    let ((_a, a), (_b, b)) = (render_sample(&args), render_sample(&args));
    assert_eq!(std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
}

/// Plan text that would be Typst code, and paths outside the repository, are printed as they
/// are written.
#[test]
fn typst_syntax_and_outside_paths_in_a_plan_render_literally() {
    let hostile = [
        r#"#read("/etc/passwd")"#,
        r#"#import "/etc/hosts": *"#,
        "$x^2$ <label> @ref #{1 + 1}",
        r#"#image("../../../../etc/passwd") \ " ] ["#,
    ];
    let body = hostile
        .iter()
        .map(|h| {
            format!(
                "`{h}` 与 {}\n\n",
                h.replace('\\', "\\\\")
                    .replace('[', "\\[")
                    .replace(']', "\\]")
                    .replace('<', "\\<")
                    .replace('`', "\\`")
                    .replace('*', "\\*")
            )
        })
        .collect::<String>();
    let files = patched(&[(
        "plans/zx-flood.md",
        "物资、队伍、通信保障。",
        &format!("物资、队伍、通信保障。\n\n{body}![口令](../../../../etc/passwd)\n"),
    )]);
    let (_dir, pdf) = zx_flood_handbook(&files);
    if !require_tool("pdftotext") {
        return;
    }
    let text = pdf_text(&pdf);
    for h in hostile {
        assert_eq!(
            text.matches(&squeeze(h)).count(),
            2,
            "{h:?} is printed twice, as code and as text"
        );
    }
    assert!(text.contains("［图片缺失：../../../../etc/passwd］"));
    assert!(
        !text.contains("root:"),
        "no file outside the repository is read"
    );
}

/// A small deterministic generator, so the property test needs no extra crate.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

/// Any text in a plan comes back unchanged in the PDF's text.
#[test]
fn arbitrary_text_renders_unchanged() {
    if !require_tool("pdftotext") {
        return;
    }
    let pool: Vec<char> =
        "#$<>@[]{}()*_`\\\"'=+-/.,:;!?~^&%|abcXYZ019应急预案宝轮镇，。、；：“”（）《》【】—…Ⅲ"
            .chars()
            .collect();
    let mut rng = Lcg(2026);
    let cases: Vec<String> = (0..80)
        .map(|_| {
            let len = 1 + rng.next(30);
            (0..len).map(|_| pool[rng.next(pool.len())]).collect()
        })
        .collect();
    // Markdown escapes, so that the text the converter gets is the case itself.
    let markdown: String = cases
        .iter()
        .enumerate()
        .map(|(i, case)| {
            let escaped: String = case
                .chars()
                .map(|c| {
                    if c.is_ascii_punctuation() {
                        format!("\\{c}")
                    } else {
                        c.to_string()
                    }
                })
                .collect();
            format!("【{i}】{escaped}【/{i}】\n\n")
        })
        .collect();
    let files = patched(&[(
        "plans/zx-flood.md",
        "物资、队伍、通信保障。",
        &format!("物资、队伍、通信保障。\n\n{markdown}"),
    )]);
    let (_dir, pdf) = zx_flood_handbook(&files);
    let text = pdf_text(&pdf);
    for (i, case) in cases.iter().enumerate() {
        let found = text
            .split(&format!("【{i}】"))
            .nth(1)
            .and_then(|rest| rest.split(&format!("【/{i}】")).next());
        assert_eq!(found, Some(squeeze(case).as_str()), "case {i}: {case:?}");
    }
}

#[test]
fn a_character_no_font_has_is_an_error_until_a_font_path_has_it() {
    // 龘 (U+9F98) is not in GB 2312, so not in the bundled subsets, nor in Typst's own fonts.
    let files = sample_with(
        "specialised/zx-flood-drought.md",
        "### （一）编制目的\n",
        "### （一）编制目的\n\n龘字测试。\n",
    );
    let dir = write_tree(&files);
    let pdf = dir.path().join("out.pdf");
    let pdf_arg = pdf.to_string_lossy().into_owned();
    let root = dir.path().to_string_lossy().into_owned();
    let args = [
        "handbook",
        "--plan",
        "zx-flood-drought",
        "--no-system-fonts",
        "-o",
        &pdf_arg,
        &root,
    ];
    let (code, _, stderr) = emplan(&args);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("'龘' (U+9F98) in zx-flood-drought, page 3 (in “龘字测试。”)"),
        "the error names the character, the plan and the page: {stderr}"
    );
    assert!(stderr.contains("--font-path"), "{stderr}");
    assert!(!pdf.exists(), "no PDF is written");
    if !common::require_noto_cjk() {
        return;
    }
    let read = require_tool("pdftotext");
    let mut with_font = args.to_vec();
    with_font.splice(3..3, ["--font-path", common::NOTO_CJK]);
    let (code, _, stderr) = emplan(&with_font);
    assert_eq!(code, 0, "{stderr}");
    if read {
        assert!(pdf_text(&pdf).contains("龘字测试"));
    }
    // Without --no-system-fonts the system's Noto CJK draws it: the book is set again with the
    // system's fonts because the first setting, without them, left a glyph undrawn.
    std::fs::remove_file(&pdf).expect("remove the PDF");
    let with_system: Vec<&str> = args
        .iter()
        .copied()
        .filter(|a| *a != "--no-system-fonts")
        .collect();
    let (code, _, stderr) = emplan(&with_system);
    assert_eq!(code, 0, "{stderr}");
    if read {
        assert!(pdf_text(&pdf).contains("龘字测试"));
    }
}

#[test]
fn the_pdf_goes_only_where_o_says_and_a_missing_folder_is_exit_2() {
    let dir = write_tree(&patched(&[]));
    let root = dir.path().to_string_lossy().into_owned();
    let before = common::read_tree(dir.path());
    let missing = dir.path().join("no/such/folder/out.pdf");
    let (code, _, stderr) = emplan(&[
        "handbook",
        "--plan",
        "zx-flood",
        "-o",
        &missing.to_string_lossy(),
        &root,
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("does not exist"), "{stderr}");
    let file_as_folder = dir.path().join("plans/zx-flood.md/out.pdf");
    let (code, _, stderr) = emplan(&[
        "handbook",
        "--plan",
        "zx-flood",
        "-o",
        &file_as_folder.to_string_lossy(),
        &root,
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(
        common::read_tree(dir.path()),
        before,
        "nothing inside the repository changed"
    );
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("zx-flood.pdf");
    let (code, _, stderr) = emplan(&[
        "handbook",
        "--plan",
        "zx-flood",
        "-o",
        &pdf.to_string_lossy(),
        &root,
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(common::read_tree(dir.path()), before);
    let names: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["zx-flood.pdf"], "no temporary file is left behind");
}

#[test]
fn a_plan_with_errors_renders_and_lists_them_unless_strict() {
    let files = patched(&[(
        "plans/zx-flood.md",
        "    org: qu-yingjiju\n",
        "    org: qu-yingjj\n",
    )]);
    let dir = write_tree(&files);
    let root = dir.path().to_string_lossy().into_owned();
    let pdf = dir.path().join("out.pdf");
    let pdf_arg = pdf.to_string_lossy().into_owned();
    let (code, _, stderr) = emplan(&[
        "handbook", "--plan", "zx-flood", "--strict", "-o", &pdf_arg, &root,
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("R101") || stderr.contains("error["),
        "{stderr}"
    );
    assert!(!pdf.exists(), "--strict writes nothing");
    let (code, _, stderr) = emplan(&["handbook", "--plan", "zx-flood", "-o", &pdf_arg, &root]);
    assert_eq!(code, 0, "{stderr}");
    if require_tool("pdftotext") {
        let text = pdf_text(&pdf);
        assert!(
            text.contains("检查发现的问题"),
            "the last page lists the findings"
        );
        assert!(text.contains("qu-yingjj"));
    }
}

#[test]
fn an_unknown_plan_or_organisation_says_what_was_meant() {
    let (code, _, stderr) = emplan(&[
        "handbook",
        "--plan",
        "zx-flood-drougth",
        "-o",
        "/tmp/x.pdf",
        &sample(),
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("did you mean `zx-flood-drought`?"),
        "{stderr}"
    );
    let (code, _, stderr) = emplan(&[
        "handbook",
        "--org",
        "qu-shuiliu",
        "-o",
        "/tmp/x.pdf",
        &sample(),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("did you mean `qu-shuiliju`?"), "{stderr}");
}

#[test]
fn cards_for_three_organisations_render_on_a6_and_on_a4_sheets() {
    let read = require_tool("pdftotext");
    for (org, phone, step) in [
        (
            "qu-shuiliju",
            "138-0000-0055",
            "负责嘉陵江、南河、清江河等河流和水库水雨情监测预报",
        ),
        (
            "qu-yingjiju",
            "138-0000-0010",
            "承担区突发事件应急委员会办公室和区安全生产委员会办公室日常工作",
        ),
        (
            "xz-baolun",
            "138-0000-0192",
            "协助维护事故现场秩序，安抚伤亡人员家属",
        ),
    ] {
        for sheet in ["a6", "a4"] {
            let (_out, pdf) = render_sample(&["cards", "--org", org, "--sheet", sheet]);
            if !read {
                continue;
            }
            let text = pdf_text(&pdf);
            assert!(text.contains("应急处置卡"), "{org} {sheet}");
            assert!(
                text.contains(phone),
                "{org} {sheet}: the holder's phone {phone}"
            );
            assert!(text.contains(step), "{org} {sheet}: the step {step:?}");
        }
    }
}

#[test]
fn a_card_that_does_not_fit_its_page_is_an_error_naming_the_post() {
    let long = "组织受威胁群众转移避险并逐户核对人数，".repeat(60);
    let files = sample_with(
        "specialised/zx-flood-drought.md",
        "text: 负责嘉陵江、南河、清江河等河流和水库水雨情监测预报，",
        &format!("text: {long}"),
    );
    let (_dir, pdf, code, stderr) = render_in(&files, &["cards", "--post", "post-shuili-head"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("the card of post post-shuili-head does not fit its page:")
            && stderr.contains("mm too long"),
        "{stderr}"
    );
    assert!(!pdf.exists());
}

#[test]
fn a_repository_template_overrides_the_bundled_one_and_images_come_from_the_repository() {
    let mut files = patched(&[(
        "plans/zx-flood.md",
        "物资、队伍、通信保障。",
        "物资、队伍、通信保障。\n\n![转移路线图](../maps/route.png)\n",
    )]);
    let png = std::fs::read(common::fixture("images/route.png")).unwrap();
    files.push(("maps/route.png".to_owned(), png));
    let official = include_str!("../templates/official.typ").replace(
        "#let page-number = context {",
        "#let page-number = context {\n  [本区自定义版式]",
    );
    files.push(("templates/official.typ".to_owned(), official.into_bytes()));
    let (_dir, pdf) = zx_flood_handbook(&files);
    if !require_tool("pdftotext") {
        return;
    }
    let text = pdf_text(&pdf);
    assert!(
        text.contains("本区自定义版式"),
        "the repository's own official.typ is used"
    );
    assert!(
        !text.contains("图片缺失"),
        "the image inside the repository is found"
    );
    if require_tool("pdfimages") {
        let images = Command::new("pdfimages")
            .arg("-list")
            .arg(&pdf)
            .output()
            .unwrap();
        let list = String::from_utf8(images.stdout).unwrap();
        assert!(
            list.contains(" 120 ") && list.contains(" 60 "),
            "the PNG is in the PDF: {list}"
        );
    }
}

/// A template may name a font only the system has: the book is set again with the system's
/// fonts, which a first setting without them leaves out for speed.
#[test]
fn a_template_that_names_a_system_font_is_set_in_it() {
    if !common::require_noto_cjk() || !require_tool("pdffonts") {
        return;
    }
    let mut files = patched(&[]);
    let official = include_str!("../templates/official.typ").replace(
        "#let serif = \"Noto Serif CJK SC\"",
        "#let serif = \"Noto Serif CJK JP\"",
    );
    files.push(("templates/official.typ".to_owned(), official.into_bytes()));
    let (_dir, pdf) = zx_flood_handbook(&files);
    let fonts: Vec<String> = pdf_fonts(&pdf).into_iter().map(|f| f.0).collect();
    assert!(
        fonts.iter().any(|f| f.contains("+NotoSerifCJKjp-Regular")),
        "the system's Noto Serif CJK JP sets the body: {fonts:?}"
    );
}

/// The linkage annex says what check says: a duty that another organisation's plan accepts is
/// still 未承接 for the organisation it is assigned to (L301), not 已承接.
#[test]
fn the_linkage_state_of_each_duty_is_what_l301_finds() {
    let files = patched(&[
        (
            "plans/bm-yingji.md",
            "  - { plan: zx-flood, duty: rescue }\n",
            "  []\n",
        ),
        (
            "plans/bm-shuili.md",
            "  - { plan: overall, duty: flood-lead }\n",
            "  - { plan: overall, duty: flood-lead }\n  - { plan: zx-flood, duty: rescue }\n",
        ),
    ]);
    let repo = emplan::load::load_files(&files);
    let findings = emplan::check::check(&Index::new(&repo), emplan::foundation::i18n::Lang::En);
    let mut not_accepted: Vec<String> = findings
        .iter()
        .filter(|d| d.rule.code == "L301")
        .filter_map(|d| d.message.split('`').nth(1).map(str::to_owned))
        .collect();
    not_accepted.sort();
    assert_eq!(not_accepted, ["rescue"], "the case L301 sees");
    let subject = emplan::render::handbook::Subject::Plan("zx-flood".into());
    let book = emplan::render::handbook::book(&Index::new(&repo), &subject, &findings).unwrap();
    let data: serde_json::Value =
        serde_json::from_slice(book.files["/plans/zx-flood.json"].as_slice()).unwrap();
    let mut open: Vec<String> = data["duties"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["state"] == "open")
        .map(|d| d["id"].as_str().unwrap().to_owned())
        .collect();
    open.sort();
    assert_eq!(open, not_accepted);
}

/// The township where the event happens is a stand-in, not an organisation: books and cards
/// name it, instead of printing its id.
#[test]
fn the_event_township_is_named_not_printed_as_its_id() {
    if !require_tool("pdftotext") {
        return;
    }
    let (_out, pdf) = render_sample(&["handbook", "--plan", "zx-forest-fire"]);
    let text = pdf_lines(&pdf);
    assert!(!text.contains("event-township"), "an id in the book");
    assert!(
        text.contains("（事发地乡镇（街道）牵头）"),
        "the field command's lead, with no space before 牵头"
    );
}

/// Cards are a book too: `--strict` refuses them when the plans they come from have errors.
#[test]
fn cards_are_refused_under_strict_when_their_plans_have_errors() {
    let files = patched(&[(
        "plans/zx-flood.md",
        "    org: qu-yingjiju\n",
        "    org: qu-yingjj\n",
    )]);
    let (_dir, pdf, code, stderr) = render_in(&files, &["cards", "--plan", "zx-flood", "--strict"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("qu-yingjj"),
        "the finding is listed: {stderr}"
    );
    assert!(!pdf.exists());
}

/// A card's 联系 names other people than its holder, and a post the plan gives no steps says
/// so under 先期处置 instead of leaving the heading empty.
#[test]
fn a_card_calls_others_and_says_when_it_has_no_steps_of_its_own() {
    let repo = emplan::load::load(Path::new(&sample())).unwrap();
    let subject = emplan::render::cards::Subject::Plan("zx-forest-fire".into());
    let book = emplan::render::cards::book(
        &Index::new(&repo),
        &subject,
        emplan::render::cards::Sheet::A6,
    )
    .unwrap();
    let data: serde_json::Value =
        serde_json::from_slice(book.files["/cards.json"].as_slice()).unwrap();
    let cards = data["cards"].as_array().unwrap();
    for card in cards {
        for call in card["calls"].as_array().unwrap() {
            assert!(
                !(call["name"] == card["holder"] && call["phone"] == card["phone"]),
                "{} is told to call its own holder: {call}",
                card["id"]
            );
        }
    }
    let without_steps = cards
        .iter()
        .filter(|c| c["steps"].as_array().unwrap().is_empty())
        .count();
    assert!(without_steps > 0, "the sample has deputies without steps");
    if !require_tool("pdftotext") {
        return;
    }
    let (_out, pdf) = render_sample(&["cards", "--plan", "zx-forest-fire"]);
    assert_eq!(
        pdf_text(&pdf)
            .matches("本预案未为此岗位规定单独的处置步骤")
            .count(),
        without_steps
    );
}
