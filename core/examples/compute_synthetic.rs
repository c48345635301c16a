//! Generates a synthetic energy challenge of any size and computes its
//! report once: a quick way to try the library at scale, and a fixed
//! workload for instruction counts.
//!
//! Run: `cargo run --release --example compute_synthetic -- 10000`
//! Count instructions of the computation alone:
//! `valgrind --tool=callgrind --toggle-collect='ecodefi::report::compute'
//! target/release/examples/compute_synthetic 10000`

use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let households = std::env::args().nth(1).map_or(Ok(10_000), |n| n.parse())?;
    let data = ecodefi::synthetic::generate(ecodefi::synthetic::SyntheticOptions {
        households,
        seed: 7,
        problems: true,
    })?;
    let start = std::time::Instant::now();
    let report = ecodefi::compute(&data)?;
    let elapsed = start.elapsed();
    let mut out = std::io::stdout().lock();
    writeln!(out, "{households} households computed in {elapsed:?}")?;
    if let Some(e) = &report.energy {
        writeln!(out, "{}", e.headline)?;
    }
    Ok(())
}
