//! Helpers shared by the integration tests.
#![allow(dead_code)] // each test binary uses its own part

use std::io::Write;
use std::path::{Path, PathBuf};

use emplan::check::{self, Diagnostic};
use emplan::foundation::i18n::Lang;
use emplan::load;
use emplan::model::index::Index;

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Every file below `root` as (relative path, bytes), in path order.
pub fn read_tree(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e
                .path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (relative, std::fs::read(e.path()).unwrap())
        })
        .filter(|(path, _)| !path.ends_with("README.md"))
        .collect();
    files.sort();
    files
}

/// The mini fixture with each edit applied: in `file`, the first `find` becomes `replace`.
pub fn patched(edits: &[(&str, &str, &str)]) -> Vec<(String, Vec<u8>)> {
    let mut files = read_tree(&fixture("mini"));
    for (file, find, replace) in edits {
        let entry = files.iter_mut().find(|(p, _)| p == file).unwrap();
        let text = String::from_utf8(entry.1.clone()).unwrap();
        assert!(text.contains(find), "{file} lacks {find:?}");
        entry.1 = text.replacen(find, replace, 1).into_bytes();
    }
    files
}

/// Checks files held in memory.
pub fn check_files(files: &[(String, Vec<u8>)]) -> Vec<Diagnostic> {
    let repo = load::load_files(files);
    check::check(&Index::new(&repo), Lang::En)
}

/// The rule codes of the diagnostics, in order.
pub fn codes(diagnostics: &[Diagnostic]) -> Vec<&'static str> {
    diagnostics.iter().map(|d| d.rule.code).collect()
}

/// Writes files into a fresh temporary folder.
pub fn write_tree(files: &[(String, Vec<u8>)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, bytes) in files {
        let target = dir.path().join(path);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, bytes).unwrap();
    }
    dir
}

/// The locales the tests run emplan in.
pub const ENGLISH: &str = "C.UTF-8";
pub const CHINESE: &str = "zh_CN.UTF-8";

/// `emplan`, to be run from the project folder in `locale`, whatever the contributor's shell says.
pub fn emplan_in(locale: &str) -> std::process::Command {
    use assert_cmd::cargo::CommandCargoExt;
    let mut command = std::process::Command::cargo_bin("emplan").unwrap();
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    speak(&mut command, locale);
    command
}

/// Sets `LANG` to `locale` and removes what would override it: `LC_ALL` and `LC_MESSAGES`, which
/// emplan reads before `LANG`, and `LANGUAGE`, which gettext reads first. A Chinese
/// contributor's shell has `LC_ALL=zh_CN.UTF-8`.
pub fn speak<'a>(
    command: &'a mut std::process::Command,
    locale: &str,
) -> &'a mut std::process::Command {
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env("LANG", locale)
}

/// The blocks of `emplan check` on the repository in `dir`, in `locale`, that a rule reported:
/// each finding as the terminal shows it, without colour.
pub fn findings_of(dir: &Path, locale: &str, code: &str) -> Vec<String> {
    let out = emplan_in(locale)
        .current_dir(dir)
        .args(["check", "--color", "never", "."])
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    let own: Vec<String> = out
        .split("\n\n")
        .filter(|block| block.contains(&format!("[{code}]")))
        .map(str::to_owned)
        .collect();
    assert!(!own.is_empty(), "{code}: {out}");
    own
}

/// Runs emplan from the project folder, in English: (exit code, stdout, stderr).
pub fn emplan(args: &[&str]) -> (i32, String, String) {
    let output = emplan_in(ENGLISH).args(args).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// Where Debian's fonts-noto-cjk puts its fonts.
pub const NOTO_CJK: &str = "/usr/share/fonts/opentype/noto";

/// Whether the program `tool` is on the `PATH`, for a test that needs it (see [`required`]).
pub fn require_tool(tool: &str) -> bool {
    let found = std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(tool).is_file()));
    required(tool, found, ci())
}

/// Whether Debian's fonts-noto-cjk is installed, for a test that needs it (see [`required`]).
pub fn require_noto_cjk() -> bool {
    let found = Path::new(NOTO_CJK)
        .join("NotoSerifCJK-Regular.ttc")
        .is_file();
    required("fonts-noto-cjk", found, ci())
}

/// A private character device node `name` in `dir` (1,3 is a null device, 1,7 a full one), for
/// a test that needs one: the machine's own `/dev` is never a test's target. Making one needs
/// root, which CI has (see [`required`]).
pub fn private_device(dir: &Path, name: &str, major: u32, minor: u32) -> Option<PathBuf> {
    let path = dir.join(name);
    let made = std::process::Command::new("mknod")
        .arg(&path)
        .args(["c", &major.to_string(), &minor.to_string()])
        .output()
        .is_ok_and(|out| out.status.success());
    required("a device node (mknod as root)", made, ci()).then_some(path)
}

/// Whether the tests run in CI, which installs every tool they need (`.ci/run`).
fn ci() -> bool {
    std::env::var("CI").is_ok_and(|value| value == "true")
}

/// `found`, for a test that needs `what`. In CI a missing tool fails the test; elsewhere the
/// test says that it is skipped (or checks less) and goes on.
pub fn required(what: &str, found: bool, ci: bool) -> bool {
    if !found {
        let current = std::thread::current();
        let test = current.name().unwrap_or("a test");
        assert!(
            !ci,
            "{test}: {what} is not installed, and CI=true: CI installs it (.ci/run)"
        );
        // Straight to the standard error, past the harness's capture: a passing run shows it.
        let mut stderr = std::io::stderr();
        let _ = writeln!(stderr, "skipped: {test}: {what} is not installed");
    }
    found
}

/// The sample in `plans/` with one edit: in `file`, the first `find` becomes `replace`.
pub fn sample_with(file: &str, find: &str, replace: &str) -> Vec<(String, Vec<u8>)> {
    let mut files = read_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("plans"));
    let entry = files.iter_mut().find(|(p, _)| p == file).unwrap();
    let text = String::from_utf8(entry.1.clone()).unwrap();
    assert!(text.contains(find), "{file} lacks {find:?}");
    entry.1 = text.replacen(find, replace, 1).into_bytes();
    files
}
