//! What the loader could not read: a file, or a part of a YAML document, with where. The model
//! keeps these for the structure rules, which turn them into diagnostics.

use crate::foundation::span::Loc;

/// Something the loader could not read.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub loc: Loc,
    pub kind: ProblemKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// The file could not be read at all.
    Unreadable { message: String },
    /// The file is larger than `[limits] file_size_mib`, so it is not read.
    TooLarge { bytes: u64, limit_mib: u32 },
    /// A symbolic link whose target lies outside the repository: not followed, never read.
    LinkOutside { target: String },
    /// A symbolic link that leads back to itself.
    LinkLoop,
    /// A symbolic link whose target does not exist, with the target as the link names it.
    LinkDangling { target: String },
    /// The file is not UTF-8.
    NotUtf8 { encoding: &'static str },
    /// A Markdown plan file does not start with `---`.
    NoFrontMatter,
    /// The front matter has no closing `---`.
    UnterminatedFrontMatter,
    /// Every line ends in CR alone: the file is read as if they ended in LF.
    CrLineEnds,
    /// The YAML could not be read into the model.
    Yaml(YamlProblem),
    /// A mistake in `emplan.toml`.
    Config { message: String },
}

/// What went wrong in a YAML document, with where.
#[derive(Clone, Debug, PartialEq)]
pub enum YamlProblem {
    Syntax {
        message: String,
    },
    UnknownField {
        field: String,
        expected: Vec<&'static str>,
    },
    MissingField {
        field: String,
    },
    InvalidValue {
        /// The value as written, when it is one line of text.
        found: Option<String>,
        expected: Expected,
    },
    DuplicateKey {
        key: String,
    },
    /// A line indented with a space YAML does not count (U+00A0, the full-width U+3000, ...).
    OddSpace {
        character: char,
    },
    /// The document reaches one of the limits of `[limits]`; what comes before is read.
    Limit(Limit),
    /// A full-width `：` or `，` where YAML needs `:` or `,`; the document is read as if it
    /// were ASCII.
    FullWidth {
        mark: char,
        /// The line as it should read.
        fixed: String,
    },
}

/// A limit of `[limits]` in `emplan.toml`, with its value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Limit {
    /// `yaml_depth`: lists and mappings nested deeper than this.
    Depth(u32),
    /// `yaml_alias_events`: aliases that expand to more nodes than this.
    AliasEvents(u32),
}

/// What a value should have been.
#[derive(Clone, Debug, PartialEq)]
pub enum Expected {
    /// One of a fixed set of words.
    OneOf(Vec<&'static str>),
    List,
    Mapping,
    /// One value, not a list or a mapping.
    Single,
    WholeNumber,
    Number,
    /// A threshold: a finite number, 0 or more (not `.nan`, `.inf` or `-5`).
    Threshold,
    /// A finite number, not `.nan`, `.inf` or `-.inf`.
    Finite,
    /// A finite number, this or more.
    AtLeast(f64),
    /// A finite number from the first to the second.
    Between(f64, f64),
    /// Text, which may not be left empty.
    NotEmpty,
    Date,
    /// A day of the year, `MM-DD`.
    MonthDay,
    TimeLimit,
    /// A time of day, `HH:MM`.
    ClockTime,
    /// Anything else, in serde-saphyr's words.
    Other(String),
}
