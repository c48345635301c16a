//! Writes a synthetic energy challenge of N households (core
//! `ecodefi::synthetic::generate`, seed 2026, with data problems) for the
//! JS tests of the package and of the page at scale: as a challenge
//! document (`OUT.json`), or with `--csv` as the spreadsheet files an
//! organiser would give (`OUT` a folder: core's `write::input_tables` and
//! `write::settings_table`, French style). With `--time` it also times
//! natively what the page does with them, for comparison
//! (`benches/wasm/page-vs-native.mjs` runs it beside the page).
//!
//! Run: `cargo run --release -p ecodefi-wasm --example synthetic_challenge -- 10000 OUT [--csv] [--time [K]]`
//! With `--time`, prints `{"households": N, "native_compute_ms": […]}` on
//! stdout, the times of K runs (1 by default; meaningful in a release build
//! only): for a document, from its JSON text to the report's JSON text
//! (`compute`); for the files, from their texts to the report's JSON text
//! and the two CSV (`computeSheets`).
#![allow(clippy::print_stdout)] // printing the timing is this program's job

use std::time::Instant;

use ecodefi::table::write::{self, CsvStyle};
use ecodefi::table::{Source, Table, Tables};

const USAGE: &str = "usage: N OUT [--csv] [--time [K]]";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let households: usize = args.next().ok_or(USAGE)?.parse()?;
    let out = std::path::PathBuf::from(args.next().ok_or(USAGE)?);
    let flags: Vec<String> = args.collect();
    let data = ecodefi::synthetic::generate(ecodefi::synthetic::SyntheticOptions {
        households,
        ..ecodefi::synthetic::SyntheticOptions::default()
    })?;
    let files: Vec<(String, String)> = if flags.iter().any(|f| f == "--csv") {
        let style = CsvStyle::FRENCH;
        let t = write::input_tables(
            &data.households,
            &data.challenge.teams,
            data.temperatures.as_ref(),
            style,
        );
        let settings = write::settings_table(&data.challenge, &data.options, style)?;
        std::fs::create_dir_all(&out)?;
        let mut files = vec![(write::file_name(Table::Settings).to_owned(), settings)];
        files.extend(
            t.files()
                .iter()
                .map(|f| (f.name.to_owned(), f.text.to_owned())),
        );
        for (name, text) in &files {
            std::fs::write(out.join(name), text)?;
        }
        files
    } else {
        std::fs::write(&out, data.to_json()?)?;
        Vec::new()
    };
    let Some(at) = flags.iter().position(|f| f == "--time") else {
        return Ok(());
    };
    let runs: usize = flags.get(at + 1).map_or(Ok(1), |k| k.parse())?;
    let json = data.to_json()?;
    let mut times = Vec::with_capacity(runs);
    let mut bytes = 0;
    for _ in 0..runs {
        let start = Instant::now();
        bytes = if files.is_empty() {
            // As the page does with a document: JSON text to the report's text.
            let parsed = ecodefi::ChallengeData::from_json(&json)?;
            ecodefi::compute(&parsed)?.to_json()?.len()
        } else {
            // As `computeSheets` does: the files' texts to the report and CSV.
            let sources: Vec<Source<'_>> = files.iter().map(|(n, t)| Source::new(n, t)).collect();
            let data = Tables::from_files(&sources)?.challenge_data_from_tables()?;
            let report = ecodefi::compute(&data)?;
            let energy = report.energy.as_ref().ok_or("no energy section")?;
            report.to_json()?.len()
                + write::energy_households(energy, CsvStyle::FRENCH).len()
                + write::energy_teams(energy, CsvStyle::FRENCH).len()
        };
        times.push(format!("{:.1}", start.elapsed().as_secs_f64() * 1000.0));
    }
    println!(
        "{{\"households\": {households}, \"native_compute_ms\": [{}], \"output_bytes\": {bytes}}}",
        times.join(", ")
    );
    Ok(())
}
