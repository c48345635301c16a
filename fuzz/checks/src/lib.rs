//! The fuzz targets of ecodefi: what each runs and what it checks, on
//! stable Rust.
//!
//! Each entry point that reads outside input has a [`Target`]: the challenge
//! document, the spreadsheet tables, the file decoder, the regional
//! catalogue, the weather regression and the files organisers have
//! (Météo-France, Linky, Gazpar). A target takes any bytes; besides
//! "no panic" it checks that an error says where it was found, that every
//! household of a parsed input is in every section of the report, and that a
//! small input runs in well under a second ([`Checks`]).
//!
//! Two runners share these bodies: the cargo-fuzz crate (`fuzz/libfuzzer/`, one
//! libFuzzer binary per target, run by `scripts/fuzz SECONDS`) and the
//! smoke test of this crate (`tests/smoke.rs`), which runs every target on
//! its committed corpus (`fuzz/corpus/<target>`) and on a fixed series of
//! pseudo-random inputs in the normal test suite.
//!
//! Inputs are structure-aware ([`mutate`]): JSON targets read an input that
//! starts with `{` as a document, any other as a seed ([`seeds`]) and a list
//! of edits; the tables target reads a list of line and cell edits of the
//! demo's spreadsheet files.

pub mod check;
pub mod mutate;
pub mod seeds;
pub mod targets;

pub use check::{Checks, Finding};

/// An entry point under fuzzing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// [`targets::document`].
    Document,
    /// [`targets::tables`].
    Tables,
    /// [`targets::decode`].
    Decode,
    /// [`targets::catalogue`].
    Catalogue,
    /// [`targets::regression`].
    Regression,
    /// [`targets::files`].
    Files,
}

impl Target {
    /// Every target.
    pub const ALL: [Target; 6] = [
        Target::Document,
        Target::Tables,
        Target::Decode,
        Target::Catalogue,
        Target::Regression,
        Target::Files,
    ];

    /// The target's name: its binary in `fuzz/libfuzzer/`, its corpus folder.
    pub fn name(self) -> &'static str {
        match self {
            Target::Document => "document",
            Target::Tables => "tables",
            Target::Decode => "decode",
            Target::Catalogue => "catalogue",
            Target::Regression => "regression",
            Target::Files => "files",
        }
    }

    /// Runs the target on `bytes`.
    ///
    /// # Errors
    /// A [`Finding`] when a check fails (a panic is not caught).
    pub fn run(self, bytes: &[u8], checks: &Checks) -> Result<(), Finding> {
        match self {
            Target::Document => targets::document(bytes, checks),
            Target::Tables => targets::tables(bytes, checks),
            Target::Decode => targets::decode(bytes, checks),
            Target::Catalogue => targets::catalogue(bytes, checks),
            Target::Regression => targets::regression(bytes, checks),
            Target::Files => targets::files(bytes, checks),
        }
    }
}
