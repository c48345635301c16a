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

use ecodefi::date::date;
use ecodefi::regression::{fit, select_daily, DailyUsage, RegressionOptions, UsageData};
use ecodefi::Kwh;
use rust_decimal::Decimal;
use std::hint::black_box;

/// xorshift64*, uniform in [−0.5, 0.5); the same series as the benchmark.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        #[allow(clippy::cast_precision_loss)]
        let u = (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64;
        u - 0.5
    }
}

fn year(cooling: bool) -> (Vec<f64>, Vec<f64>) {
    let mut noise = Noise(0x9e37_79b9_7f4a_7c15);
    (0..365)
        .map(|i| {
            let season = (f64::from(i) * std::f64::consts::TAU / 365.0).cos();
            let t = 12.0 - 9.0 * season + 6.0 * noise.next();
            let mut u = 6.0 + 0.9 * (15.5 - t).max(0.0) + 3.0 * noise.next();
            if cooling {
                u += 1.4 * (t - 21.0).max(0.0);
            }
            (t, u.max(0.0))
        })
        .unzip()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let what = args.next().unwrap_or_else(|| "electricity".to_owned());
    let cooling = what != "gas";
    let (temps, usage) = year(cooling);
    let start = date(2025, 1, 1);
    let days: Vec<DailyUsage> = temps
        .iter()
        .zip(&usage)
        .enumerate()
        .map(|(i, (&t, &u))| DailyUsage {
            date: start
                .add_days(i32::try_from(i).unwrap_or(0))
                .unwrap_or(start),
            usage: Kwh::new(Decimal::try_from(u).unwrap_or_default().round_dp(3)),
            temperature_c: t,
        })
        .collect();
    let data = UsageData::Daily { days };
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
