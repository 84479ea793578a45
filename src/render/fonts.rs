//! The fonts a book is set in, in the order the issue asks for: `--font-path` folders first,
//! then the fonts bundled in the binary, then the system's, then Typst's own (Libertinus,
//! New Computer Modern, DejaVu Sans Mono). The bundled ones are subsets made by
//! `assets/fonts/make-subsets.py`; their licences are beside them.

use std::path::PathBuf;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;
use typst_kit::fonts::FontStore;

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

/// The loaded font book and its fonts.
pub struct Fonts {
    store: FontStore,
}

impl Fonts {
    pub fn new(options: &FontOptions) -> Fonts {
        let mut store = FontStore::new();
        for path in &options.paths {
            store.extend(typst_kit::fonts::scan(path));
        }
        store.extend(bundled());
        if !options.no_system {
            store.extend(typst_kit::fonts::system());
        }
        store.extend(typst_kit::fonts::embedded());
        Fonts { store }
    }

    pub fn book(&self) -> &LazyHash<FontBook> {
        self.store.book()
    }

    pub fn font(&self, index: usize) -> Option<Font> {
        self.store.font(index)
    }
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
