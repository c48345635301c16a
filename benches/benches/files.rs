//! Reading the files organisers and households have (`ecodefi::files`):
//!
//! - `meteo_france_daily_gz`: `WeatherFile::read` on a gzipped daily
//!   département file the size of a real `latest` one (150 stations × 730
//!   days = 109 500 rows, made by the sample generator of
//!   `core/examples/samples/weather.rs`), then one station's temperatures;
//! - `linky_load_curve_year`: `MeterFile::read` on a year of 30-minute load
//!   curve (17 520 points);
//! - `folder`: `files::set::challenge_data` on the shipped
//!   `core/examples/data/linky-gazpar/` (12 households, 20 exports, a
//!   Météo-France file), then `compute`.
//!
//! The throughput is the size of the input bytes.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ecodefi::date::{date_of, day_number};
use ecodefi::files::meteo_france::{Fill, WeatherFile};
use ecodefi::files::meter_file::MeterFile;
use ecodefi::files::set::{challenge_data, File, FileOptions};
use ecodefi::{Date, Decimal};

#[path = "../../core/examples/samples/weather.rs"]
#[allow(missing_docs)]
mod weather;

#[path = "../../core/examples/samples/meters.rs"]
#[allow(missing_docs)]
mod meters;

fn date(y: i16, m: i8, d: i8) -> Date {
    Date::new(y, m, d).unwrap_or_else(|e| panic!("{e}"))
}

fn departement() -> Vec<u8> {
    let (first, last) = (date(2024, 1, 1), date(2025, 12, 30));
    let stations: Vec<_> = (0..150_u64)
        .map(|i| {
            let meta = weather::StationMeta::new(
                &format!("{:08}", 62_000_000 + i),
                &format!("STATION-{i}"),
                "50.5",
                "2.5",
                "50",
            );
            let rows = weather::daily_values(i, first, last)
                .into_iter()
                .map(|(d, tn, tx)| (d, Some(tn), Some(tx)))
                .collect();
            (meta, rows)
        })
        .collect();
    weather::gzip(weather::daily_file(&stations).as_bytes())
}

fn folder() -> Vec<(String, Vec<u8>)> {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../core/examples/data/linky-gazpar"
    );
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| {
                    let p = e.path();
                    let name = p
                        .file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned();
                    (name, std::fs::read(&p).unwrap_or_default())
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

fn files(c: &mut Criterion) {
    let mut g = c.benchmark_group("files");
    g.sample_size(10);

    let gz = departement();
    let stations = WeatherFile::read("Q_62.csv.gz", &gz).map_or(0, |w| w.stations().len());
    assert_eq!(stations, 150);
    g.throughput(Throughput::Bytes(gz.len() as u64));
    g.bench_function("meteo_france_daily_gz", |b| {
        b.iter(|| {
            let w =
                WeatherFile::read("Q_62.csv.gz", black_box(&gz)).unwrap_or_else(|e| panic!("{e}"));
            w.temperatures("62000007", None, &Fill::default())
                .map(|t| t.temperatures.len())
        });
    });

    let first = date(2025, 1, 1);
    let curve = meters::linky_load_curve("09999999999999", 30, first, 365, |d, i| {
        Some(300 + day_number(d).rem_euclid(7).unsigned_abs() * 50 + i * 10)
    });
    g.throughput(Throughput::Bytes(curve.len() as u64));
    g.bench_function("linky_load_curve_year", |b| {
        b.iter(|| {
            MeterFile::read("courbe.csv", black_box(curve.as_bytes()))
                .map_or_else(|e| panic!("{e}"), |m| m.days.len())
        });
    });

    let read = folder();
    let size: usize = read.iter().map(|(_, b)| b.len()).sum();
    let given: Vec<File<'_>> = read.iter().map(|(n, b)| File::new(n, b)).collect();
    g.throughput(Throughput::Bytes(size as u64));
    g.bench_function("folder", |b| {
        b.iter(|| {
            let (data, _) = challenge_data(black_box(&given), &FileOptions::default())
                .unwrap_or_else(|e| panic!("{e}"));
            ecodefi::compute(&data).map(|r| r.energy.map(|e| e.households.len()))
        });
    });
    g.finish();
}

criterion_group!(benches, files);
criterion_main!(benches);
