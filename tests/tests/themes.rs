//! Runs the vectors of a challenge with every per-person theme at once,
//! `tests/vectors/themes/challenge.json`: one report holds each theme's
//! section, every household appears in each, and a household's results in
//! one theme are those it has alone.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test runner

mod common;

#[test]
fn every_theme_in_one_challenge() {
    let n = common::run("themes", |r| serde_json::to_value(r).unwrap());
    assert!(n > 100, "only {n} checks");
}
