//! Runs the mobility conformance vectors, `tests/vectors/mobility/challenge.json`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test runner

mod common;

#[test]
fn mobility_vectors() {
    let n = common::run("mobility", |r| {
        serde_json::to_value(r.mobility.as_ref().unwrap()).unwrap()
    });
    assert!(n > 40, "only {n} checks");
}
