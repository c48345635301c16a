//! Runs the water conformance vectors, `tests/vectors/water/challenge.json`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test runner

mod common;

#[test]
fn water_vectors() {
    let n = common::run("water", |r| {
        serde_json::to_value(r.water.as_ref().unwrap()).unwrap()
    });
    assert!(n > 40, "only {n} checks");
}
