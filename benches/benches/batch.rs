//! Many meters at once: [`ecodefi::regression::fit_many`] on a long table
//! of synthetic meter-years (365 days each, `ecodefi_benches::meter_years`),
//! on one thread and on every core, so that meters per second per core can
//! be quoted: electricity (heating and cooling terms, 2 014 candidates on
//! `CalTRACK`'s 30–90 °F grid) and gas (no cooling terms, 62 candidates).
//!
//! Throughput is in meters (elements) per second. Each iteration fits
//! every meter of the table, grouping and sorting its rows included; the
//! table is built once, outside the measurement.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ecodefi::regression::{fit_many, RegressionOptions};
use ecodefi_benches::meter_years;
use std::hint::black_box;

/// Meters per table: enough to keep every thread busy for a while.
const METERS: u64 = 256;

fn bench(c: &mut Criterion) {
    let all = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let mut g = c.benchmark_group("batch");
    g.throughput(Throughput::Elements(METERS));
    g.sample_size(10);
    for (name, cooling, options) in [
        (
            "electricity_2014_candidates",
            true,
            RegressionOptions::default(),
        ),
        (
            "gas_62_candidates",
            false,
            RegressionOptions::default().fit_cooling(false),
        ),
    ] {
        let Ok(table) = meter_years(0, METERS, cooling) else {
            continue;
        };
        for threads in [1, all] {
            g.bench_function(format!("fit_many/{name}/{threads}_threads"), |b| {
                b.iter(|| fit_many(black_box(&table), black_box(&options), Some(threads)));
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
