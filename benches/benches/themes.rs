//! Computes the water, waste, food and mobility reports of each shipped
//! sample (`core/examples/data/<theme>/challenge.json`) scaled up to about
//! 4 000–6 000 households (100 copies of each sample household, with new
//! ids). Measures each theme's report function alone (the data are read
//! and scaled before timing).
//!
//! Run: `cargo bench -p ecodefi-benches --bench themes`
#![allow(clippy::expect_used)] // a benchmark on shipped, valid data

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use ecodefi::{ChallengeData, HouseholdId};

fn scaled(theme: &str, copies: usize) -> ChallengeData {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/examples/data")
        .join(theme)
        .join("challenge.json");
    let json = std::fs::read_to_string(path).expect("the sample is shipped");
    let mut data = ChallengeData::from_json(&json).expect("the sample is valid");
    let one = std::mem::take(&mut data.households);
    for k in 0..copies {
        for h in &one {
            let mut h = h.clone();
            h.id = HouseholdId::new(format!("{}-{k}", h.id)).expect("a valid id");
            data.households.push(h);
        }
    }
    data
}

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
