//! The regional catalogue at scale: validation (duplicates, overlapping
//! editions, impossible figures), the summaries and the timelines, on
//! catalogues made from the Hauts-de-France sample in four shapes:
//!
//! - `normal`: three consecutive editions per territory, no findings;
//! - `duplicates`: one record repeated (one group of n duplicates; a
//!   one-year edition, so no overlap);
//! - `overlapping`: n differently named waste editions on one territory,
//!   each overlapping the next (one group of n);
//! - `same_name`: n communes of one name with different INSEE codes (n
//!   territories, no findings).
//!
//! Issue 14's aim: no input of 10 000 records over a second.
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use ecodefi::catalogue::{
    Catalogue, CatalogueRecord, Fact, Filter, Finding, GroupBy, Territory, TerritoryKind, Text,
    YearSpan,
};
use ecodefi::Theme;

fn base() -> Vec<CatalogueRecord> {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../core/examples/data/catalogue/hauts-de-france.json"
    ))
    .unwrap();
    Catalogue::from_json(&json).unwrap().records
}

fn commune(name: String, code: Option<String>) -> Territory {
    Territory::new(Text::new(name).unwrap(), TerritoryKind::Commune, code).unwrap()
}

/// `n` records of the given shape.
fn catalogue(shape: &str, n: usize) -> Catalogue {
    let base = base();
    let records = (0..n)
        .map(|i| {
            let mut r = base[i % base.len()].clone();
            let first = 2014 + u16::try_from(i % 3).unwrap();
            match shape {
                "normal" => {
                    r.name = Text::new(format!("{} #{i}", r.name)).unwrap();
                    r.territory = commune(format!("Commune {}", i / 3), None);
                    // Consecutive editions: 2014–2015, 2015–2016, 2016–2017.
                    r.years = YearSpan::new(first, first + 1).unwrap();
                }
                "duplicates" => r = base[0].clone(),
                "overlapping" => {
                    r.name = Text::new(format!("{} #{i}", r.name)).unwrap();
                    r.territory = commune("Lille".to_owned(), Some("59350".to_owned()));
                    r.period = None;
                    r.themes = Fact::Known(vec![Theme::Waste]);
                    r.years = YearSpan::new(first, first + 2).unwrap();
                }
                "same_name" => {
                    r.name = Text::new(format!("{} #{i}", r.name)).unwrap();
                    r.territory =
                        commune("Saint-Martin".to_owned(), Some(format!("{}", 10_000 + i)));
                }
                _ => unreachable!("{shape}"),
            }
            r
        })
        .collect();
    Catalogue::new(None, records)
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("catalogue");
    g.sample_size(10);
    for (shape, n) in [
        ("normal", 1_000usize),
        ("normal", 10_000),
        ("duplicates", 1_000),
        ("duplicates", 10_000),
        ("overlapping", 10_000),
        ("same_name", 10_000),
    ] {
        let cat = catalogue(shape, n);
        let findings = cat.validate();
        match shape {
            "normal" | "same_name" => assert!(findings.is_empty(), "{shape}"),
            _ => {
                let groups: Vec<usize> = findings
                    .iter()
                    .filter_map(|f| match f {
                        Finding::DuplicateIdentity { member_count, .. }
                        | Finding::OverlappingEditions { member_count, .. } => Some(*member_count),
                        _ => None,
                    })
                    .collect();
                assert_eq!(groups, vec![n], "{shape}");
            }
        }
        let id = |what: &str| BenchmarkId::new(format!("{what}/{shape}"), n);
        g.bench_with_input(id("validate"), &cat, |b, cat| {
            b.iter(|| black_box(cat.validate()));
        });
        if n < 10_000 {
            continue;
        }
        for by in [
            GroupBy::All,
            GroupBy::Territory,
            GroupBy::Year,
            GroupBy::Theme,
            GroupBy::OrganiserKind,
        ] {
            g.bench_with_input(id(&format!("summary_by_{by}")), &cat, |b, cat| {
                b.iter(|| black_box(cat.summary(by, &Filter::default()).unwrap()));
            });
        }
        g.bench_with_input(id("timelines"), &cat, |b, cat| {
            b.iter(|| black_box(cat.timelines()));
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
