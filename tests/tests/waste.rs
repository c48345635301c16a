//! Runs the waste conformance vectors, `tests/vectors/waste/challenge.json`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test runner

mod common;

#[test]
fn waste_vectors() {
    let n = common::run("waste", |r| {
        serde_json::to_value(r.waste.as_ref().unwrap()).unwrap()
    });
    assert!(n > 40, "only {n} checks");
}
