//! Fits one synthetic meter-year `N` times (first argument, default 1), for
//! counting instructions per fit with callgrind, which is repeatable where
//! timings on shared machines are not:
//!
//! ```text
//! cargo build --release -p ecodefi-benches --example regression_callgrind
//! valgrind --tool=callgrind target/release/examples/regression_callgrind 1 electricity
//! valgrind --tool=callgrind target/release/examples/regression_callgrind 101 electricity
//! ```
//!
//! (instructions of the second run − the first) / 100 = instructions per fit.
//! The second argument is `electricity` (2 014 candidates), `gas` (62) or
//! `select` (the electricity candidate search alone, on `f64` slices).

use ecodefi::regression::{fit, select_daily, RegressionOptions};
use ecodefi_benches::{daily, year};
use std::hint::black_box;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let what = args.next().unwrap_or_else(|| "electricity".to_owned());
    let cooling = what != "gas";
    let (temps, usage) = year(cooling);
    let data = daily(&temps, &usage);
    let options = RegressionOptions::default().fit_cooling(cooling);
    let mut selected = 0usize;
    for _ in 0..n {
        if what == "select" {
            selected +=
                usize::from(select_daily(black_box(&temps), black_box(&usage), &options).is_some());
        } else {
            selected +=
                usize::from(matches!(fit(black_box(&data), &options), Ok(b) if b.model.is_some()));
        }
    }
    std::process::exit(i32::from(selected != n));
}
