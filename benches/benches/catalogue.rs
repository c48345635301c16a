//! The regional catalogue at scale: validation (duplicates, overlapping
//! editions, impossible figures), a summary by territory, and the timelines,
//! on catalogues of 1 000 and 10 000 records made from the Hauts-de-France
//! sample (three editions per territory, no findings).
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use ecodefi::catalogue::{Catalogue, Filter, GroupBy, Territory, TerritoryKind, Text, YearSpan};

fn catalogue(n: usize) -> Catalogue {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../core/examples/data/catalogue/hauts-de-france.json"
    ))
    .unwrap();
    let base = Catalogue::from_json(&json).unwrap();
    let records = (0..n)
        .map(|i| {
            let mut r = base.records[i % base.records.len()].clone();
            r.name = Text::new(format!("{} #{i}", r.name)).unwrap();
            r.territory = Territory::new(
                Text::new(format!("Commune {}", i / 3)).unwrap(),
                TerritoryKind::Commune,
                None,
            )
            .unwrap();
            // Consecutive editions: 2014–2015, 2015–2016, 2016–2017.
            let first = 2014 + u16::try_from(i % 3).unwrap();
            r.years = YearSpan::new(first, first + 1).unwrap();
            r
        })
        .collect();
    Catalogue::new(None, records)
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("catalogue");
    for n in [1_000usize, 10_000] {
        let cat = catalogue(n);
        assert!(cat.validate().is_empty());
        g.bench_with_input(BenchmarkId::new("validate", n), &cat, |b, cat| {
            b.iter(|| black_box(cat.validate()));
        });
        g.bench_with_input(
            BenchmarkId::new("summary_by_territory", n),
            &cat,
            |b, cat| {
                b.iter(|| black_box(cat.summary(GroupBy::Territory, &Filter::default()).unwrap()));
            },
        );
        g.bench_with_input(BenchmarkId::new("timelines", n), &cat, |b, cat| {
            b.iter(|| black_box(cat.timelines()));
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
