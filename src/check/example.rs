//! The small repository that rule examples patch (`tests/fixtures/mini`), built into the binary
//! so that `emplan explain` can show each example in context.

use super::Example;

/// Every file of the mini repository, by path relative to its root.
pub const MINI: &[(&str, &str)] = &[
    (
        "drills/flood.drill.yaml",
        include_str!("../../tests/fixtures/mini/drills/flood.drill.yaml"),
    ),
    (
        "drills/flood.record.yaml",
        include_str!("../../tests/fixtures/mini/drills/flood.record.yaml"),
    ),
    (
        "emplan.toml",
        include_str!("../../tests/fixtures/mini/emplan.toml"),
    ),
    (
        "plans/bm-shuili.md",
        include_str!("../../tests/fixtures/mini/plans/bm-shuili.md"),
    ),
    (
        "plans/bm-yingji.md",
        include_str!("../../tests/fixtures/mini/plans/bm-yingji.md"),
    ),
    (
        "plans/cun-hexi.md",
        include_str!("../../tests/fixtures/mini/plans/cun-hexi.md"),
    ),
    (
        "plans/overall.md",
        include_str!("../../tests/fixtures/mini/plans/overall.md"),
    ),
    (
        "plans/xz-baolun.md",
        include_str!("../../tests/fixtures/mini/plans/xz-baolun.md"),
    ),
    (
        "plans/zx-flood.md",
        include_str!("../../tests/fixtures/mini/plans/zx-flood.md"),
    ),
    (
        "registry/registry.yaml",
        include_str!("../../tests/fixtures/mini/registry/registry.yaml"),
    ),
];

impl Example {
    /// The example's file with `text` (its `bad` or its `good`) in place, or `None` when the
    /// example names a file or text that the mini repository does not have.
    pub fn apply(&self, text: &str) -> Option<String> {
        if self.find.is_empty() {
            return Some(text.to_owned());
        }
        let (_, original) = MINI.iter().find(|(path, _)| *path == self.file)?;
        original
            .contains(self.find)
            .then(|| original.replacen(self.find, text, 1))
    }

    /// The lines around the change, numbered, as `emplan explain` shows them.
    pub fn excerpt(&self, text: &str) -> String {
        let Some(patched) = self.apply(text) else {
            return text.to_owned();
        };
        if self.find.is_empty() {
            return patched;
        }
        let start = MINI
            .iter()
            .find(|(path, _)| *path == self.file)
            .and_then(|(_, original)| original.find(self.find))
            .unwrap_or(0);
        let first = patched[..start].matches('\n').count();
        let last = first + text.matches('\n').count();
        let lines: Vec<&str> = patched.lines().collect();
        let from = first.saturating_sub(3);
        let to = (last + 3).min(lines.len().saturating_sub(1));
        let width = (to + 1).to_string().len();
        (from..=to)
            .filter_map(|i| {
                let line = lines.get(i)?;
                Some(format!("{:>width$} | {line}", i + 1).trim_end().to_owned())
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}
