//! Runs the core conformance vectors in `tests/vectors/*.json` (made by
//! `tests/vectors/make_core_vectors.py`, with expected values computed
//! independently). The Python and JavaScript suites run the same files.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test runner

use std::path::Path;
use std::str::FromStr;

use ecodefi::climate::{correct, Correction};
use ecodefi::consumption::{Limits, Problem, Series, Weighting};
use ecodefi::meter::{Basis, Carrier, Conversion, Reading, Unit};
use ecodefi::weather::{degree_days, DegreeDayOptions, DegreeDays, Kind, Method, Temperatures};
use ecodefi::{ChallengeData, Decimal, Period};
use serde_json::Value;

fn dec(v: &Value) -> Decimal {
    Decimal::from_str(v.as_str().expect("decimals are strings")).expect("a decimal")
}

fn text(v: &Value) -> &str {
    v.as_str().expect("a string")
}

/// `actual`, rounded half away from zero to `places`, equals `expected`.
fn check(what: &str, actual: Decimal, expected: &Value, places: u32) {
    let rounded =
        actual.round_dp_with_strategy(places, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    assert_eq!(rounded, dec(expected), "{what}: got {actual}");
}

fn load(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("vectors")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn places(doc: &Value) -> u32 {
    u32::try_from(doc["places"].as_u64().unwrap()).unwrap()
}

#[test]
fn every_top_level_vector_file_is_run() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors");
    let mut kinds: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            (p.extension()? == "json").then(|| {
                let doc: Value =
                    serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
                doc["kind"].as_str().unwrap().to_owned()
            })
        })
        .collect();
    kinds.sort();
    assert_eq!(
        kinds,
        [
            "conversions",
            "correction",
            "degree_days",
            "energy_challenge",
            "prorating"
        ]
    );
}

#[test]
fn degree_days_vectors() {
    let doc = load("degree_days.json");
    for (i, c) in doc["cases"].as_array().unwrap().iter().enumerate() {
        let options = DegreeDayOptions::default()
            .method(Method::from_str(text(&c["method"])).unwrap())
            .kind(Kind::from_str(text(&c["kind"])).unwrap())
            .base(dec(&c["base"]));
        let got = degree_days(options, dec(&c["tn"]), dec(&c["tx"])).unwrap();
        check(
            &format!("degree-days case {i}"),
            got,
            &c["expected"],
            places(&doc),
        );
    }
}

#[test]
fn conversion_vectors() {
    let doc = load("conversions.json");
    for (i, c) in doc["cases"].as_array().unwrap().iter().enumerate() {
        let got = Conversion::official(
            Carrier::from_str(text(&c["carrier"])).unwrap(),
            Unit::from_str(text(&c["unit"])).unwrap(),
            Basis::from_str(text(&c["basis"])).unwrap(),
        );
        match c.get("error") {
            Some(code) => assert_eq!(got.unwrap_err().code(), text(code), "case {i}"),
            None => check(
                &format!("conversion case {i}"),
                got.unwrap().kwh_per_unit,
                &c["expected"],
                places(&doc),
            ),
        }
    }
}

#[test]
fn correction_vectors() {
    let doc = load("correction.json");
    for (i, c) in doc["cases"].as_array().unwrap().iter().enumerate() {
        let got = correct(
            Correction::from_str(text(&c["method"])).unwrap(),
            dec(&c["energy"]),
            dec(&c["heating_share"]),
            dec(&c["dj_from"]),
            dec(&c["dj_to"]),
        )
        .unwrap();
        check(
            &format!("correction case {i}"),
            got,
            &c["expected"],
            places(&doc),
        );
    }
}

#[test]
fn prorating_vectors() {
    let doc = load("prorating.json");
    let temps: Temperatures = serde_json::from_value(doc["temperatures"].clone()).unwrap();
    let options: DegreeDayOptions = serde_json::from_value(doc["degree_days"].clone()).unwrap();
    let dd = DegreeDays::new(&temps, options).unwrap();
    for (i, c) in doc["cases"].as_array().unwrap().iter().enumerate() {
        let readings: Vec<Reading> = serde_json::from_value(c["readings"].clone()).unwrap();
        let period: Period = serde_json::from_value(c["period"].clone()).unwrap();
        let w = Weighting {
            heating_share: dec(&c["heating_share"]),
            degree_days: Some(&dd),
        };
        let got = Series::from_readings(&readings, &[])
            .unwrap()
            .over(period, &w, Limits::STRICT);
        match c.get("exclusion") {
            Some(code) => match got {
                Err(Problem::Excluded(e)) => assert_eq!(e.code.as_str(), text(code), "case {i}"),
                other => panic!("case {i}: expected an exclusion, got {other:?}"),
            },
            None => check(
                &format!("prorating case {i}"),
                got.unwrap().quantity,
                &c["expected"],
                places(&doc),
            ),
        }
    }
}

fn check_households(energy: &ecodefi::energy::EnergyReport, expected: &Value, p: u32) {
    let report_json = serde_json::to_value(energy).unwrap();
    for h in report_json["households"].as_array().unwrap() {
        let id = text(&h["household"]);
        let want = &expected["households"][id];
        if let Some(codes) = want.get("exclusions") {
            let got: Vec<&str> = h["exclusions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| text(&e["code"]))
                .collect();
            let codes: Vec<&str> = codes.as_array().unwrap().iter().map(text).collect();
            assert_eq!(got, codes, "household {id}");
            assert_eq!(h["status"], "excluded", "household {id}");
            assert!(h["figures"].is_null(), "household {id}");
            continue;
        }
        assert_eq!(h["status"], "computed", "household {id}");
        for (field, value) in want.as_object().unwrap() {
            let got = &h["figures"][field];
            match value {
                Value::Bool(b) => assert_eq!(got.as_bool(), Some(*b), "household {id} {field}"),
                _ => check(&format!("household {id} {field}"), dec(got), value, p),
            }
        }
    }
}

fn check_teams(energy: &ecodefi::energy::EnergyReport, expected: &Value, p: u32) {
    let want_teams = expected["teams"].as_array().unwrap();
    assert_eq!(want_teams.len(), energy.teams.len());
    for (want, got) in want_teams.iter().zip(&energy.teams) {
        assert_eq!(got.team.as_str(), text(&want["team"]));
        assert_eq!(u64::from(got.rank), want["rank"].as_u64().unwrap());
        assert_eq!(
            u64::from(got.totals.households),
            want["households"].as_u64().unwrap()
        );
        assert_eq!(
            u64::from(got.totals.excluded),
            want["excluded"].as_u64().unwrap()
        );
        check(
            "team change",
            got.totals.change.unwrap().fraction(),
            &want["change"],
            p,
        );
        check("team saved", got.totals.saved, &want["saved"], p);
    }
}

fn check_totals(energy: &ecodefi::energy::EnergyReport, expected: &Value, p: u32) {
    let t = &energy.totals;
    let want = &expected["totals"];
    assert_eq!(
        u64::from(t.totals.households),
        want["households"].as_u64().unwrap()
    );
    assert_eq!(
        u64::from(t.totals.excluded),
        want["excluded"].as_u64().unwrap()
    );
    check("reference", t.totals.reference, &want["reference"], p);
    check("actual", t.totals.actual, &want["actual"], p);
    check("saved", t.totals.saved, &want["saved"], p);
    check(
        "change",
        t.totals.change.unwrap().fraction(),
        &want["change"],
        p,
    );
    check(
        "mean change",
        t.totals.mean_change.unwrap().fraction(),
        &want["mean_change"],
        p,
    );
    check(
        "median change",
        t.totals.median_change.unwrap().fraction(),
        &want["median_change"],
        p,
    );
    check("co2e", t.co2e_saved.value(), &want["co2e_saved"], p);
    check("euros", t.euros_saved.value(), &want["euros_saved"], p);
    assert_eq!(
        Some(t.objective_reached),
        want["objective_reached"].as_bool()
    );
    assert_eq!(
        u64::from(t.households_reaching_objective),
        want["households_reaching_objective"].as_u64().unwrap()
    );
}

#[test]
fn energy_challenge_vectors() {
    let doc = load("energy_challenge.json");
    let p = places(&doc);
    for case in doc["cases"].as_array().unwrap() {
        let data = ChallengeData::from_json(&case["input"].to_string()).unwrap();
        let report = ecodefi::compute(&data).unwrap();
        let energy = report.energy.unwrap();
        let expected = &case["expected"];
        check(
            "reference DJ",
            energy.reference_degree_days.unwrap(),
            &expected["reference_degree_days"],
            p,
        );
        check(
            "challenge DJ",
            energy.challenge_degree_days.unwrap(),
            &expected["challenge_degree_days"],
            p,
        );
        check_households(&energy, expected, p);
        check_teams(&energy, expected, p);
        check_totals(&energy, expected, p);
    }
}
