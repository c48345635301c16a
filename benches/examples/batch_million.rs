//! Fits a million synthetic meter-years (or `N`) with
//! [`ecodefi::regression::fit_many`], in chunks so that memory stays
//! bounded (one chunk's table and results at a time), and prints the total
//! time and the meters per second:
//!
//! ```text
//! cargo run --release -p ecodefi-benches --example batch_million -- [N] [electricity|gas] [threads] [chunk]
//! ```
//!
//! Defaults: `N` = 1 000 000, `electricity` (2 014 candidates; `gas`: no
//! cooling terms, 62 candidates), every core, chunks of 10 000 meters. The
//! meter-years are those of `benches/benches/batch.rs`. The time counts
//! the fits only; generating the tables is timed apart.
#![allow(clippy::print_stdout)]

use std::time::{Duration, Instant};

use ecodefi::regression::{fit_many, RegressionOptions};
use ecodefi_benches::meter_years;

fn main() -> Result<(), ecodefi::Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).map(String::as_str);
    let meters: u64 = arg(0).and_then(|a| a.parse().ok()).unwrap_or(1_000_000);
    let kind = arg(1).unwrap_or("electricity");
    let cooling = kind != "gas";
    let all = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let threads: usize = arg(2).and_then(|a| a.parse().ok()).unwrap_or(all);
    let chunk: u64 = arg(3).and_then(|a| a.parse().ok()).unwrap_or(10_000).max(1);
    let options = RegressionOptions::default().fit_cooling(cooling);
    let (mut fitting, mut generating) = (Duration::ZERO, Duration::ZERO);
    let (mut usable, mut done) = (0usize, 0u64);
    while done < meters {
        let n = chunk.min(meters - done);
        let t0 = Instant::now();
        let table = meter_years(done, n, cooling)?;
        let t1 = Instant::now();
        let results = fit_many(&table, &options, Some(threads))?;
        fitting += t1.elapsed();
        generating += t1 - t0;
        usable += results
            .iter()
            .filter(|r| {
                r.result
                    .as_ref()
                    .is_ok_and(ecodefi::regression::Baseline::usable)
            })
            .count();
        done += n;
    }
    #[allow(clippy::cast_precision_loss)]
    let rate = meters as f64 / fitting.as_secs_f64();
    #[allow(clippy::cast_precision_loss)]
    let per_core = rate / threads as f64;
    println!(
        "{meters} {kind} meter-years on {threads} thread(s): fitted in {:.1} s ({rate:.0} meters/s, {per_core:.0} meters/s/thread), {usable} usable; generating the tables took {:.1} s",
        fitting.as_secs_f64(),
        generating.as_secs_f64()
    );
    Ok(())
}
