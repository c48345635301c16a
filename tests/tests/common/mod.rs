//! Runs a theme's conformance vectors (`tests/vectors/<theme>/*.json`, made
//! by `tests/vectors/make_theme_vectors.py`): each case's input document is
//! computed, and each check's JSON pointer into the report (or its theme's
//! section) must give the expected value — decimals after rounding both
//! sides half away from zero to the file's `places`, anything else exactly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test runner

use std::path::Path;
use std::str::FromStr;

use ecodefi::{ChallengeData, Decimal, Report};
use rust_decimal::RoundingStrategy;
use serde_json::Value;

fn as_decimal(v: &Value) -> Option<Decimal> {
    v.as_str().and_then(|s| Decimal::from_str(s).ok())
}

/// Runs every case of `tests/vectors/<dir>/challenge.json` against the
/// value `section` picks from the report; returns the number of checks.
pub fn run(dir: &str, section: impl Fn(&Report) -> Value) -> usize {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("vectors")
        .join(dir)
        .join("challenge.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let places = u32::try_from(doc["places"].as_u64().unwrap()).unwrap();
    let mut n = 0;
    for case in doc["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let data = ChallengeData::from_json(&case["input"].to_string()).unwrap();
        let report = ecodefi::compute(&data).unwrap();
        let got = section(&report);
        for check in case["checks"].as_array().unwrap() {
            let pointer = check["pointer"].as_str().unwrap();
            let expected = &check["expected"];
            let actual = got
                .pointer(pointer)
                .unwrap_or_else(|| panic!("{name}: nothing at {pointer}"));
            match (as_decimal(expected), as_decimal(actual)) {
                (Some(e), Some(a)) => {
                    let a =
                        a.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
                    assert_eq!(a, e, "{name}: {pointer}");
                }
                _ => assert_eq!(actual, expected, "{name}: {pointer}"),
            }
            n += 1;
        }
    }
    n
}
