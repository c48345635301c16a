//! Computes one theme's report `N` times (second argument, default 1), for
//! counting instructions with callgrind, which is repeatable where timings
//! on shared machines are not. The first argument is the theme: `energy`
//! (the generated challenge of `benches/benches/energy.rs`, 10 000
//! households, seed 7, with data problems; `ecodefi::compute` as a whole),
//! or `water`, `waste`, `food`, `mobility` (the data of
//! `benches/benches/themes.rs`: each shipped sample ×100; the theme's report
//! function alone).
//!
//! ```text
//! cargo build --release -p ecodefi-benches --example report_callgrind
//! valgrind --tool=callgrind target/release/examples/report_callgrind energy 0
//! valgrind --tool=callgrind target/release/examples/report_callgrind energy 1
//! ```
//!
//! (instructions of the second run − the first) / households = instructions
//! per household (the first run only prepares the data). The number of
//! households is printed on the standard error. Set `ECODEFI_THREADS=1`:
//! callgrind runs threads one at a time anyway, and counts the same
//! instructions either way, plus the threads' own start.

use ecodefi::synthetic::{generate, SyntheticOptions};
use ecodefi_benches::scaled_sample;
use std::hint::black_box;

fn main() {
    let mut args = std::env::args().skip(1);
    let theme = args.next().unwrap_or_else(|| "energy".to_owned());
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let data = if theme == "energy" {
        generate(SyntheticOptions {
            households: 10_000,
            seed: 7,
            problems: true,
        })
    } else {
        Ok(scaled_sample(&theme, 100))
    };
    let Ok(data) = data else {
        std::process::exit(2);
    };
    eprintln!("{} households", data.households.len());
    let (c, hs, o) = (&data.challenge, &data.households, &data.options);
    let mut computed = 0usize;
    for _ in 0..n {
        let ok = match theme.as_str() {
            "energy" => ecodefi::compute(black_box(&data)).is_ok(),
            "water" => ecodefi::water::water_report(c, black_box(hs), &o.water).is_ok(),
            "waste" => ecodefi::waste::waste_report(c, black_box(hs), &o.waste).is_ok(),
            "food" => ecodefi::food::food_report(c, black_box(hs), &o.food).is_ok(),
            "mobility" => ecodefi::mobility::mobility_report(c, black_box(hs), &o.mobility).is_ok(),
            _ => std::process::exit(2),
        };
        computed += usize::from(ok);
    }
    std::process::exit(i32::from(computed != n));
}
