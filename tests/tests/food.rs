//! Runs the food conformance vectors, `tests/vectors/food/challenge.json`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test runner

mod common;

#[test]
fn food_vectors() {
    let n = common::run("food", |r| {
        serde_json::to_value(r.food.as_ref().unwrap()).unwrap()
    });
    assert!(n > 40, "only {n} checks");
}
