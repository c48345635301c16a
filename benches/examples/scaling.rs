//! How the energy report's cost grows with the number of households: for
//! each size given (default 1 000, 10 000 and 100 000), generates the
//! challenge of `benches/benches/energy.rs` (seed 7, with data problems),
//! then computes it on one thread and on every thread, and prints the best
//! of `R` runs (`--repeat R`, default 5), the time per household, and the
//! memory the computation added at its peak (Linux: `VmHWM` after
//! resetting it through `/proc/self/clear_refs`, minus `VmRSS` before).
//!
//! ```text
//! cargo run --release -p ecodefi-benches --example scaling -- 1000 10000 100000
//! ```

#![allow(clippy::print_stdout)] // the example prints its measurements

use std::time::{Duration, Instant};

use ecodefi::parallel::{threads, with_threads};
use ecodefi::synthetic::{generate, SyntheticOptions};

/// A field of `/proc/self/status` in kB (0 where there is none).
fn status_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// The best time of `repeat` runs of `f`, and the memory it added at its
/// peak, in MB.
fn measure(repeat: usize, f: &dyn Fn() -> bool) -> Option<(Duration, f64)> {
    let mut best = Duration::MAX;
    let mut peak_kb = 0;
    for _ in 0..repeat {
        // "5" resets the peak resident set size to the current one.
        std::fs::write("/proc/self/clear_refs", "5").ok()?;
        let before = status_kb("VmRSS:");
        let start = Instant::now();
        if !f() {
            return None;
        }
        best = best.min(start.elapsed());
        peak_kb = peak_kb.max(status_kb("VmHWM:").saturating_sub(before));
    }
    #[allow(clippy::cast_precision_loss)]
    Some((best, peak_kb as f64 / 1024.0))
}

fn main() {
    let mut sizes = Vec::new();
    let mut repeat = 5;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--repeat" {
            repeat = args.next().and_then(|r| r.parse().ok()).unwrap_or(repeat);
        } else if let Ok(n) = a.parse::<usize>() {
            sizes.push(n);
        }
    }
    if sizes.is_empty() {
        sizes = vec![1_000, 10_000, 100_000];
    }
    println!("households | threads | best time (ms) | µs per household | peak added (MB)");
    for households in sizes {
        let Ok(data) = generate(SyntheticOptions {
            households,
            seed: 7,
            problems: true,
        }) else {
            std::process::exit(2);
        };
        for t in [1, threads()] {
            let run = || with_threads(t, || ecodefi::compute(&data).is_ok());
            let Some((time, mb)) = measure(repeat, &run) else {
                std::process::exit(1);
            };
            #[allow(clippy::cast_precision_loss)]
            let per = time.as_secs_f64() * 1e6 / households as f64;
            println!(
                "{households} | {t} | {:.1} | {per:.2} | {mb:.1}",
                time.as_secs_f64() * 1e3
            );
            if threads() == 1 {
                break;
            }
        }
    }
}
