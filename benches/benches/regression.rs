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
use ecodefi::date::date;
use ecodefi::regression::{fit, select_daily, DailyUsage, RegressionOptions, UsageData};
use ecodefi::Kwh;
use rust_decimal::Decimal;
use std::hint::black_box;

/// A small deterministic generator (xorshift64*), uniform in [−0.5, 0.5).
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

/// One year of (temperature °C, usage kWh/day).
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

fn daily(temps: &[f64], usage: &[f64]) -> UsageData {
    let start = date(2025, 1, 1);
    let days = temps
        .iter()
        .zip(usage)
        .enumerate()
        .map(|(i, (&t, &u))| DailyUsage {
            date: start
                .add_days(i32::try_from(i).unwrap_or(0))
                .unwrap_or(start),
            usage: Kwh::new(Decimal::try_from(u).unwrap_or_default().round_dp(3)),
            temperature_c: t,
        })
        .collect();
    UsageData::Daily { days }
}

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
