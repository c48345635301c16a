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

/// Every shipped theme sample reads, writes back to the same document, and
/// computes with every household in its section.
#[test]
fn samples_round_trip_and_compute() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/examples/data");
    for theme in ["water", "waste", "food", "mobility"] {
        let json = std::fs::read_to_string(root.join(theme).join("challenge.json")).unwrap();
        let data = ecodefi::ChallengeData::from_json(&json).unwrap();
        let again = ecodefi::ChallengeData::from_json(&data.to_json().unwrap()).unwrap();
        assert_eq!(data, again, "{theme}");
        let report = serde_json::to_value(ecodefi::compute(&data).unwrap()).unwrap();
        let section = &report[theme];
        assert_eq!(
            section["households"].as_array().unwrap().len(),
            data.households.len(),
            "{theme}"
        );
        assert!(section["headline"].as_str().unwrap().contains("foyers"));
    }
}
