//! Weather-regression baselines: the full `CalTRACK` 2.0 candidate search.
//!
//! Measures [`ecodefi::regression::fit`] on one meter-year of daily data
//! (365 days): an electricity meter (heating and cooling terms, 2 014
//! candidates on `CalTRACK`'s 30–90 °F grid) and a gas meter (no cooling
//! terms, 62 candidates), plus the candidate search alone on `f64` slices.
//! The series are synthetic but shaped like a temperate year (seasonal
//! temperature with day-to-day noise, usage with base, heating and cooling
//! parts and noise), deterministic from a fixed seed.

use criterion::{criterion_group, criterion_main, Criterion};
use ecodefi::regression::{fit, select_daily, RegressionOptions};
use ecodefi_benches::{daily, year};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("regression");
    let (te, ue) = year(true);
    let (tg, ug) = year(false);
    let electricity = daily(&te, &ue);
    let gas = daily(&tg, &ug);
    let all = RegressionOptions::default();
    let heating_only = RegressionOptions::default().fit_cooling(false);
    g.bench_function("fit/electricity_year_2014_candidates", |b| {
        b.iter(|| fit(black_box(&electricity), black_box(&all)));
    });
    g.bench_function("fit/gas_year_62_candidates", |b| {
        b.iter(|| fit(black_box(&gas), black_box(&heating_only)));
    });
    g.bench_function("select/electricity_year_2014_candidates", |b| {
        b.iter(|| select_daily(black_box(&te), black_box(&ue), black_box(&all)));
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
