//! Computes the energy report of a generated 10 000-household challenge:
//! two meters for most households (heating and electricity), fortnightly
//! readings over the reference and challenge winters, daily temperatures
//! over both, a few data problems. Measures `ecodefi::compute` alone (the
//! data are generated and parsed before timing).
//!
//! Run: `cargo bench -p ecodefi-benches --bench energy`
#![allow(clippy::expect_used, missing_docs)] // benchmark harness code, like a test

use criterion::{criterion_group, criterion_main, Criterion};
use ecodefi::synthetic::{generate, SyntheticOptions};
use std::hint::black_box;

fn energy(c: &mut Criterion) {
    let data = generate(SyntheticOptions {
        households: 10_000,
        seed: 7,
        problems: true,
    })
    .expect("the generator makes valid data");
    let mut group = c.benchmark_group("energy");
    group.sample_size(20);
    group.bench_function("compute_10k_households", |b| {
        b.iter(|| ecodefi::compute(black_box(&data)).expect("computes"));
    });
    let small = generate(SyntheticOptions::default()).expect("the generator makes valid data");
    group.bench_function("compute_sample_190_households", |b| {
        b.iter(|| ecodefi::compute(black_box(&small)).expect("computes"));
    });
    group.finish();
}

criterion_group!(benches, energy);
criterion_main!(benches);
