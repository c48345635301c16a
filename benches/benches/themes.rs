//! Computes the water, waste, food and mobility reports of each shipped
//! sample (`core/examples/data/<theme>/challenge.json`) scaled up to about
//! 4 000–6 000 households (100 copies of each sample household, with new
//! ids). Measures each theme's report function alone (the data are read
//! and scaled before timing).
//!
//! Run: `cargo bench -p ecodefi-benches --bench themes`
#![allow(clippy::expect_used)] // a benchmark on shipped, valid data

use criterion::{criterion_group, criterion_main, Criterion};
use ecodefi_benches::scaled_sample as scaled;
use std::hint::black_box;

fn themes(c: &mut Criterion) {
    let mut group = c.benchmark_group("themes");
    group.sample_size(20);
    let water = scaled("water", 100);
    group.bench_function("water_report_4000_households", |b| {
        b.iter(|| {
            ecodefi::water::water_report(
                black_box(&water.challenge),
                black_box(&water.households),
                &water.options.water,
            )
            .expect("computes")
        });
    });
    let waste = scaled("waste", 100);
    group.bench_function("waste_report_6000_households", |b| {
        b.iter(|| {
            ecodefi::waste::waste_report(
                black_box(&waste.challenge),
                black_box(&waste.households),
                &waste.options.waste,
            )
            .expect("computes")
        });
    });
    let food = scaled("food", 100);
    group.bench_function("food_report_2400_households", |b| {
        b.iter(|| {
            ecodefi::food::food_report(
                black_box(&food.challenge),
                black_box(&food.households),
                &food.options.food,
            )
            .expect("computes")
        });
    });
    let mobility = scaled("mobility", 100);
    group.bench_function("mobility_report_3000_households", |b| {
        b.iter(|| {
            ecodefi::mobility::mobility_report(
                black_box(&mobility.challenge),
                black_box(&mobility.households),
                &mobility.options.mobility,
            )
            .expect("computes")
        });
    });
    group.finish();
}

criterion_group!(benches, themes);
criterion_main!(benches);
