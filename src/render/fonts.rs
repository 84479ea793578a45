//! The fonts a book is set in, in the order the issue asks for: `--font-path` folders first,
//! then the fonts bundled in the binary, then the system's, then Typst's own (Libertinus,
//! New Computer Modern, DejaVu Sans Mono). The bundled ones are subsets made by
//! `assets/fonts/make-subsets.py`; their licences are beside them.
//!
//! Scanning the system's fonts costs more than setting a plan's handbook (80 ms of 210 ms with
//! Debian's fonts-noto-cjk installed: every face's character coverage is read and sorted), and
//! most books never use them. So a book is first set with `--font-path`, the bundled fonts and
//! Typst's own, and set again with the system's in their place in the order only when that
//! first setting needs them (see [`super::layout`]). A character that `--font-path` or the
//! bundled fonts have is therefore never taken from a system font, even where Typst's fallback
//! would have preferred a system face that looks more like the requested one.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::OnceLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontInfo};
use typst_kit::fonts::{FontPath, FontStore};

/// The family names the templates use, as the bundled files name themselves. A test checks
/// that the files really carry these names: Typst falls back silently on a wrong one.
pub const SERIF: &str = "Noto Serif CJK SC";
pub const SANS: &str = "Noto Sans CJK SC";
pub const KAI: &str = "Emplan Kai";

/// The bundled font files, by name.
pub const BUNDLED: &[(&str, &[u8])] = &[
    (
        "NotoSerifSC-Regular.otf",
        include_bytes!("../../assets/fonts/NotoSerifSC-Regular.otf"),
    ),
    (
        "NotoSerifSC-Bold.otf",
        include_bytes!("../../assets/fonts/NotoSerifSC-Bold.otf"),
    ),
    (
        "NotoSansSC-Regular.otf",
        include_bytes!("../../assets/fonts/NotoSansSC-Regular.otf"),
    ),
    (
        "NotoSansSC-Bold.otf",
        include_bytes!("../../assets/fonts/NotoSansSC-Bold.otf"),
    ),
    (
        "EmplanKai-Regular.ttf",
        include_bytes!("../../assets/fonts/EmplanKai-Regular.ttf"),
    ),
];

/// Where fonts come from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct FontOptions {
    /// Folders searched first (`--font-path`), in order.
    pub paths: Vec<PathBuf>,
    /// Leave out the system's fonts (`--no-system-fonts`), so that a book looks the same on
    /// every machine.
    pub no_system: bool,
}

/// The fonts of a run: the book's own sources at once, the system's when a book needs them.
pub struct Fonts {
    options: FontOptions,
    /// `--font-path` faces with what they say of themselves, scanned once for both stores.
    paths: Vec<(PathBuf, u32, FontInfo)>,
    /// `--font-path`, the bundled fonts and Typst's own.
    own: FontStore,
    /// The families of `--font-path` and the bundled fonts.
    own_families: HashSet<String>,
    /// All four sources in order, made the first time a book needs them.
    all: OnceLock<FontStore>,
}

impl Fonts {
    pub fn new(options: &FontOptions) -> Fonts {
        let paths: Vec<(PathBuf, u32, FontInfo)> = options
            .paths
            .iter()
            .flat_map(|path| typst_kit::fonts::scan(path))
            .map(|(p, info)| (p.path, p.index, info))
            .collect();
        let own_families = paths
            .iter()
            .map(|(_, _, info)| info.family.clone())
            .chain(bundled().map(|(_, info)| info.family))
            .collect();
        let mut own = FontStore::new();
        own.extend(path_entries(&paths));
        own.extend(bundled());
        own.extend(typst_kit::fonts::embedded());
        Fonts {
            options: options.clone(),
            paths,
            own,
            own_families,
            all: OnceLock::new(),
        }
    }

    /// `--font-path`, the bundled fonts and Typst's own: the first setting of every book.
    pub fn own(&self) -> &FontStore {
        &self.own
    }

    /// All four sources in the order, scanning the system's fonts the first time;
    /// `None` with `--no-system-fonts`.
    pub fn with_system(&self) -> Option<&FontStore> {
        if self.options.no_system {
            return None;
        }
        Some(self.all.get_or_init(|| {
            let mut all = FontStore::new();
            all.extend(path_entries(&self.paths));
            all.extend(bundled());
            all.extend(typst_kit::fonts::system());
            all.extend(typst_kit::fonts::embedded());
            all
        }))
    }

    /// Whether `family` is one of `--font-path` or the bundled fonts: a glyph set in any other
    /// face (one of Typst's own fonts, which come after the system's) could come out otherwise
    /// with the system's fonts as well.
    pub fn is_own(&self, family: &str) -> bool {
        self.own_families.contains(family)
    }
}

fn path_entries(paths: &[(PathBuf, u32, FontInfo)]) -> impl Iterator<Item = (FontPath, FontInfo)> {
    paths.iter().map(|(path, index, info)| {
        (
            FontPath {
                path: path.clone(),
                index: *index,
            },
            info.clone(),
        )
    })
}

/// The bundled fonts with what they say of themselves.
pub fn bundled() -> impl Iterator<Item = (Font, FontInfo)> {
    BUNDLED.iter().flat_map(|(_, data)| {
        Font::iter(Bytes::new(*data)).map(|font| {
            let info = font.info().clone();
            (font, info)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Typst falls back silently on a family name it does not know: the names the templates
    /// use must be the names the bundled files carry, in Regular (and Bold where bundled).
    #[test]
    fn the_bundled_files_carry_the_family_names_the_templates_use() {
        let infos: Vec<FontInfo> = bundled().map(|(_, info)| info).collect();
        assert_eq!(infos.len(), BUNDLED.len(), "one face a file");
        let has = |family: &str, bold: bool| {
            infos
                .iter()
                .any(|i| i.family == family && (i.variant.weight.to_number() >= 700) == bold)
        };
        for family in [SERIF, SANS] {
            assert!(
                has(family, false) && has(family, true),
                "{family} Regular and Bold"
            );
        }
        assert!(has(KAI, false), "{KAI}");
        let official = include_str!("../../templates/official.typ");
        for family in [SERIF, SANS, KAI] {
            assert!(
                official.contains(&format!("\"{family}\"")),
                "official.typ names {family}"
            );
        }
    }

    /// The subsets hold GB 2312 and the punctuation of Chinese documents.
    #[test]
    fn the_subsets_cover_the_characters_of_official_documents() {
        for (font, info) in bundled() {
            for c in "应急预案，。、；：“”（）《》【】—…ⅠⅡⅢⅣ①０１２Ａａ鑫".chars()
            {
                assert!(
                    info.coverage.contains(c as u32),
                    "{} lacks {c}",
                    info.family
                );
            }
            let _ = font;
        }
    }
}
