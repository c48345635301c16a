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

/// A Déclics-style challenge runs energy, water and waste together: one
/// report holds the three sections, each lists every household, and a
/// household's water and waste results do not depend on the other themes.
#[test]
fn energy_water_and_waste_together() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/examples/data");
    let read = |theme: &str| {
        let json = std::fs::read_to_string(root.join(theme).join("challenge.json")).unwrap();
        ecodefi::ChallengeData::from_json(&json).unwrap()
    };
    let mut data = read("energy");
    let (water, waste) = (read("water"), read("waste"));
    data.challenge
        .themes
        .extend([ecodefi::Theme::Water, ecodefi::Theme::Waste]);
    // Water over the energy challenge's own periods; waste over its sample's.
    data.options.water.reference_period = Some(water.challenge.reference_period);
    data.options.water.challenge_period = Some(water.challenge.challenge_period);
    data.options.waste.reference_period = Some(waste.challenge.reference_period);
    data.options.waste.challenge_periods = waste.options.waste.challenge_periods.clone();
    for (h, (w, d)) in data
        .households
        .iter_mut()
        .zip(water.households.iter().zip(&waste.households))
    {
        h.occupancy = w.occupancy.clone();
        h.water_meters = w.water_meters.clone();
        h.weighings = d.weighings.clone();
    }
    let report = ecodefi::compute(&data).unwrap();
    let n = data.households.len();
    let (e, wr, dr) = (
        report.energy.as_ref().unwrap(),
        report.water.as_ref().unwrap(),
        report.waste.as_ref().unwrap(),
    );
    assert_eq!(
        (e.households.len(), wr.households.len(), dr.households.len()),
        (n, n, n)
    );
    assert_eq!(report.headline().lines().count(), 3);
    // The first 40 households carry the water sample's meters and
    // occupants: their water results are the sample's own.
    let alone = ecodefi::compute(&water).unwrap().water.unwrap();
    for (a, b) in wr.households.iter().zip(&alone.households) {
        assert_eq!(
            (&a.status, &a.exclusions, &a.figures),
            (&b.status, &b.exclusions, &b.figures)
        );
    }
    // The others have no water meter.
    assert!(wr.households[water.households.len()..]
        .iter()
        .all(|h| h.exclusion().map(|x| x.code.as_str()) == Some("no_meter")));
}
