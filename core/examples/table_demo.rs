//! A challenge from spreadsheet files: reads every `.csv` file of a
//! directory (each named after its table: `foyers.csv`, `compteurs.csv`,
//! `releves.csv`…) with its settings, the settings table `defi.csv` if
//! there is one, else `challenge.json`; computes the report, and prints
//! every theme's headline, team ranking and households left out, and the
//! energy households' results as CSV (French style). A mistake in the
//! files is reported with its file, line and column.
//!
//! Run: `cargo run --example table_demo` (the shipped three households),
//! `cargo run --example table_demo -- core/examples/data/zero-dechet` (a
//! zero-waste challenge of 60 households), or
//! `cargo run --example table_demo -- core/examples/data/table-demo-broken`
//! to see an error, or give your own directory.
#![allow(clippy::print_stdout, clippy::print_stderr)] // printing is this program's job

use std::path::PathBuf;

use ecodefi::table::encoding::decode;
use ecodefi::table::{Source, Tables};

#[path = "common/report_text.rs"]
mod report_text;
use report_text::render;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/data/table-demo"),
        PathBuf::from,
    );
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
        {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            // Bytes, decoded as spreadsheets write them (UTF-8, UTF-16 or
            // Windows-1252).
            let bytes = std::fs::read(&path)?;
            files.push((name, decode(&bytes).into_owned()));
        }
    }
    files.sort();
    let sources: Vec<Source<'_>> = files.iter().map(|(n, t)| Source::new(n, t)).collect();
    let result = Tables::from_files(&sources)
        .and_then(|t| {
            if t.settings.is_some() {
                // The settings table (`defi.csv`): everything from CSV.
                t.challenge_data_from_tables()
            } else {
                let settings =
                    std::fs::read_to_string(dir.join("challenge.json")).map_err(|e| {
                        ecodefi::Error::InsufficientData {
                            why: ecodefi::msg!(
                                "no settings table and no readable `challenge.json` ({reason})",
                                reason = e.to_string()
                            ),
                            at: ecodefi::Location::NONE,
                        }
                    })?;
                t.challenge_data(&settings)
            }
        })
        .and_then(|data| ecodefi::compute(&data));
    match result {
        Ok(mut report) => {
            // The organisers' language: every detail from core's French
            // catalogue.
            report.localize(ecodefi::message::Lang::Fr);
            print!("{}", render(&report));
            Ok(())
        }
        Err(e) => {
            eprintln!(
                "erreur ({}) : {}",
                e.code(),
                e.message(ecodefi::message::Lang::Fr)
            );
            std::process::exit(1);
        }
    }
}
