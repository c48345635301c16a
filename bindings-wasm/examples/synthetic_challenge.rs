//! Writes a synthetic energy challenge of N households (core
//! `ecodefi::synthetic::generate`, seed 2026, with data problems) as a
//! challenge document, for the JS tests of the package and of the page at
//! scale, and times core's `compute` on it natively for comparison.
//!
//! Run: `cargo run --release -p ecodefi-wasm --example synthetic_challenge -- 10000 out.json --time`
//! With `--time`, prints `{"households": N, "native_compute_ms": …}` on
//! stdout (meaningful in a release build only).
#![allow(clippy::print_stdout)] // printing the timing is this program's job

use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let households: usize = args.next().ok_or("usage: N OUT.json")?.parse()?;
    let out = args.next().ok_or("usage: N OUT.json")?;
    let data = ecodefi::synthetic::generate(ecodefi::synthetic::SyntheticOptions {
        households,
        ..ecodefi::synthetic::SyntheticOptions::default()
    })?;
    let json = data.to_json()?;
    std::fs::write(&out, &json)?;
    if args.next().as_deref() != Some("--time") {
        return Ok(());
    }
    // As the page does: from the JSON text to the report's JSON text.
    let start = Instant::now();
    let parsed = ecodefi::ChallengeData::from_json(&json)?;
    let report = ecodefi::compute(&parsed)?.to_json()?;
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    println!(
        "{{\"households\": {households}, \"native_compute_ms\": {ms:.1}, \"report_bytes\": {}}}",
        report.len()
    );
    Ok(())
}
