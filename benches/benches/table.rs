//! Reading a challenge from spreadsheet tables, against reading the same
//! challenge from its JSON document: the shipped 190-household sample
//! (`core/examples/data/energy/challenge.json`), written as CSV tables
//! (French style: `;` and decimal comma) by `table::write::input_tables`.
//!
//! Measured: `read_csv` — `Tables::read` on those texts (CSV parsing, cell
//! parsing, assembly and checks); `from_json` — `ChallengeData::from_json`
//! on the JSON document (the same households and temperatures, plus the
//! settings); `write_csv` — writing the tables. The throughput is the size of
//! the input text.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ecodefi::table::write::{input_tables, CsvStyle};
use ecodefi::ChallengeData;
use std::hint::black_box;

fn sample() -> (String, ChallengeData) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../core/examples/data/energy/challenge.json"
    );
    let json = std::fs::read_to_string(path).unwrap_or_default();
    let data = ChallengeData::from_json(&json).unwrap_or_else(|e| panic!("sample: {e}"));
    (json, data)
}

fn table(c: &mut Criterion) {
    let (json, data) = sample();
    let texts = input_tables(
        &data.households,
        &data.challenge.teams,
        data.temperatures.as_ref(),
        CsvStyle::FRENCH,
    );
    let tables = texts.as_tables();
    let csv_bytes: usize = [
        Some(&texts.households),
        texts.teams.as_ref(),
        texts.meters.as_ref(),
        texts.readings.as_ref(),
        texts.events.as_ref(),
        texts.bills.as_ref(),
        texts.deliveries.as_ref(),
        texts.stock.as_ref(),
        texts.presence.as_ref(),
        texts.temperatures.as_ref(),
    ]
    .iter()
    .flatten()
    .map(|t| t.len())
    .sum();

    let mut g = c.benchmark_group("table");
    g.throughput(Throughput::Bytes(csv_bytes as u64));
    g.bench_function("read_csv", |b| {
        b.iter(|| black_box(&tables).read().map(|i| i.households.len()));
    });
    g.bench_function("write_csv", |b| {
        b.iter(|| {
            input_tables(
                black_box(&data.households),
                &data.challenge.teams,
                data.temperatures.as_ref(),
                CsvStyle::FRENCH,
            )
        });
    });
    g.throughput(Throughput::Bytes(json.len() as u64));
    g.bench_function("from_json", |b| {
        b.iter(|| ChallengeData::from_json(black_box(&json)).map(|d| d.households.len()));
    });
    g.finish();
}

criterion_group!(benches, table);
criterion_main!(benches);
