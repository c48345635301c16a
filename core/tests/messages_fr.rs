//! The core's exclusions, warnings and errors in French, as organisers read
//! them: each expected text is written by hand from the catalogue's French
//! (`core/src/message/fr/`) and the input, and the values the text quotes
//! are kept as data (`params`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use ecodefi::message::{Lang, ParamValue};
use ecodefi::outcome::HouseholdResult;
use ecodefi::ChallengeData;

const NBSP: char = '\u{a0}';

/// A challenge of three households with one district-heating meter each
/// (no climate correction, so no temperatures are needed):
/// - `F1`'s readings stop on 2025-12-13, 139 days before the day after the
///   challenge period's last day (2026-05-01);
/// - `F2`'s index goes down from 1250.5 to 900 between two readings;
/// - `F3` is computed, with readings 155 days apart (more than the 45
///   days advised).
fn challenge() -> String {
    challenge_with_f1_end("2025-12-13")
}

/// [`challenge`], with `F1`'s last reading on `f1_end`.
fn challenge_with_f1_end(f1_end: &str) -> String {
    let meter = |readings: &[(&str, &str)]| {
        let readings: Vec<String> = readings
            .iter()
            .map(|(d, v)| format!(r#"{{"date": "{d}", "value": "{v}"}}"#))
            .collect();
        format!(
            r#"[{{"id": "chauffage", "carrier": "district_heating", "unit": "kwh",
                 "usage": "heating_only", "readings": [{}]}}]"#,
            readings.join(", ")
        )
    };
    let household = |id: &str, readings: &[(&str, &str)]| {
        format!(
            r#"{{"id": "{id}", "team": "T1", "occupants": {{"adults": 2, "children": []}},
                "surface_m2": "80", "meters": {}}}"#,
            meter(readings)
        )
    };
    let households = [
        household(
            "F1",
            &[
                ("2024-11-28", "1000"),
                ("2025-05-02", "3000"),
                ("2025-11-28", "3500"),
                (f1_end, "3700"),
            ],
        ),
        household(
            "F2",
            &[
                ("2024-11-28", "1250.5"),
                ("2025-01-10", "900"),
                ("2025-05-02", "2000"),
            ],
        ),
        household(
            "F3",
            &[
                ("2024-11-28", "1000"),
                ("2025-05-02", "3000"),
                ("2025-11-28", "3500"),
                ("2026-05-02", "5000"),
            ],
        ),
    ];
    format!(
        r#"{{
  "schema_version": 1,
  "challenge": {{
    "name": "Défi test",
    "territory": "Lille",
    "organiser_kind": "local_authority",
    "themes": ["energy"],
    "reference_period": {{"first": "2024-12-01", "last": "2025-04-30"}},
    "challenge_period": {{"first": "2025-12-01", "last": "2026-04-30"}},
    "objective": "0.08",
    "teams": [{{"id": "T1", "name": "Wazemmes"}}]
  }},
  "households": [{}],
  "options": {{"energy": {{"correction": "none"}}}}
}}"#,
        households.join(", ")
    )
}

fn report_fr() -> ecodefi::Report {
    report_fr_of(&challenge())
}

fn report_fr_of(json: &str) -> ecodefi::Report {
    let data = ChallengeData::from_json(json).unwrap();
    let mut report = ecodefi::compute(&data).unwrap();
    report.localize(Lang::Fr);
    report
}

fn household<'a, T>(households: &'a [HouseholdResult<T>], id: &str) -> &'a HouseholdResult<T> {
    households
        .iter()
        .find(|h| h.household.to_string() == id)
        .unwrap()
}

#[test]
fn a_period_not_covered_in_french_with_its_days_as_data() {
    let report = report_fr();
    let energy = report.energy.as_ref().unwrap();
    let f1 = household(&energy.households, "F1");
    let [e] = f1.exclusions.as_slice() else {
        panic!("one exclusion: {:?}", f1.exclusions)
    };
    assert_eq!(e.code.as_str(), "period_not_covered");
    assert_eq!(
        e.detail,
        format!(
            "période du 1er décembre 2025 au 30 avril 2026{NBSP}: \
             les mesures s’arrêtent 139 jours avant sa fin"
        )
    );
    assert_eq!(e.params.get("days"), Some(&ParamValue::Int(139)));
    assert_eq!(
        e.params.get("period"),
        Some(&ParamValue::Text("2025-12-01/2026-04-30".into()))
    );
    // The English, as the report had it before `localize`.
    assert_eq!(
        e.message.as_ref().unwrap().render(Lang::En),
        "2025-12-01 to 2026-04-30: the measurements end 139 days before it does"
    );
}

#[test]
fn a_decreasing_index_in_french_with_its_values_and_dates_as_data() {
    let report = report_fr();
    let energy = report.energy.as_ref().unwrap();
    let f2 = household(&energy.households, "F2");
    let [e] = f2.exclusions.as_slice() else {
        panic!("one exclusion: {:?}", f2.exclusions)
    };
    assert_eq!(e.code.as_str(), "decreasing_index");
    assert_eq!(e.index, Some(1));
    assert_eq!(
        e.detail,
        "l’index baisse de 1\u{202f}250,5 le 28 novembre 2024 à 900 le 10 janvier 2025 \
         sans changement de compteur ni passage à zéro déclaré"
    );
    let text = |s: &str| Some(ParamValue::Text(s.into()));
    assert_eq!(e.params.get("from_value").cloned(), text("1250.5"));
    assert_eq!(e.params.get("from_date").cloned(), text("2024-11-28"));
    assert_eq!(e.params.get("to_value").cloned(), text("900"));
    assert_eq!(e.params.get("to_date").cloned(), text("2025-01-10"));
    assert_eq!(
        e.message.as_ref().unwrap().render(Lang::En),
        "the index goes down from 1250.5 on 2024-11-28 to 900 on 2025-01-10 \
         with no replacement or rollover declared"
    );
}

#[test]
fn a_long_gap_in_french_with_its_days_as_data() {
    let report = report_fr();
    let energy = report.energy.as_ref().unwrap();
    let f3 = household(&energy.households, "F3");
    assert!(f3.exclusions.is_empty(), "{:?}", f3.exclusions);
    let gaps: Vec<&str> = f3
        .warnings
        .iter()
        .filter(|w| w.code.as_str() == "long_gap")
        .map(|w| w.detail.as_str())
        .collect();
    // 2024-11-28 → 2025-05-02 and 2025-11-28 → 2026-05-02: 155 days each.
    assert_eq!(
        gaps,
        [
            format!("155{NBSP}jours entre les mesures du 28 novembre 2024 et du 2 mai 2025"),
            format!("155{NBSP}jours entre les mesures du 28 novembre 2025 et du 2 mai 2026"),
        ]
    );
    let w = f3
        .warnings
        .iter()
        .find(|w| w.code.as_str() == "long_gap")
        .unwrap();
    assert_eq!(w.params.get("days"), Some(&ParamValue::Int(155)));
    assert_eq!(
        w.params.get("first"),
        Some(&ParamValue::Text("2024-11-28".into()))
    );
    assert_eq!(
        w.meter.as_ref().map(ToString::to_string).as_deref(),
        Some("chauffage")
    );
}

#[test]
fn a_unit_the_carrier_is_not_measured_in_names_household_and_meter() {
    let json = challenge().replacen(
        r#""carrier": "district_heating", "unit": "kwh""#,
        r#""carrier": "natural_gas", "unit": "l""#,
        1,
    );
    let err = ChallengeData::from_json(&json).unwrap_err();
    assert_eq!(err.code(), "invalid_value");
    assert_eq!(
        err.message(Lang::Fr),
        format!(
            "valeur invalide pour unité (reçu l){NBSP}: «{NBSP}natural_gas{NBSP}» se mesure en \
             «{NBSP}m3{NBSP}», «{NBSP}kg{NBSP}» ou «{NBSP}kwh{NBSP}» \
             (foyer «{NBSP}F1{NBSP}», compteur «{NBSP}chauffage{NBSP}»)"
        )
    );
    assert_eq!(
        err.to_string(),
        "invalid unit (got l): `natural_gas` is measured in `m3`, `kg` or `kwh` \
         at household `F1`, meter `chauffage`"
    );
    let p = err.params();
    assert_eq!(
        p.get("carrier"),
        Some(&ParamValue::Text("natural_gas".into()))
    );
    assert_eq!(p.get("unit"), Some(&ParamValue::Text("m3".into())));
}

#[test]
fn a_short_reference_period_in_french_names_its_path() {
    let json = challenge().replace(
        r#""reference_period": {"first": "2024-12-01", "last": "2025-04-30"}"#,
        r#""reference_period": {"first": "2025-01-01", "last": "2025-01-31"}"#,
    );
    let data = ChallengeData::from_json(&json).unwrap();
    let err = ecodefi::compute(&data).unwrap_err();
    assert_eq!(
        err.message(Lang::Fr),
        format!(
            "valeur invalide pour période de référence (reçu 2025-01-01 to 2025-01-31){NBSP}: \
             la période de référence (31{NBSP}jours) doit être au moins aussi longue que \
             la période du défi (151{NBSP}jours) («{NBSP}challenge.reference_period{NBSP}»)"
        )
    );
    let p = err.params();
    assert_eq!(p.get("reference_days"), Some(&ParamValue::Int(31)));
    assert_eq!(p.get("challenge_days"), Some(&ParamValue::Int(151)));
}

#[test]
fn a_date_that_does_not_exist_in_french() {
    let err = "2025-02-30".parse::<ecodefi::date::Date>().unwrap_err();
    assert_eq!(
        err.message(Lang::Fr),
        format!(
            "valeur invalide pour date (reçu 2025-02-30){NBSP}: \
             ce jour n’existe pas dans le calendrier (années -9999 à 9999)"
        )
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    // Whatever day `F1`'s readings stop, more than the 7 days that may be
    // extrapolated before the challenge period ends: its exclusion quotes
    // the days from the day after the last reading to the end, as data
    // and in both languages.
    #[test]
    fn the_days_not_covered_are_data_and_text(days in 8i32..=150) {
        let end = ecodefi::date::date(2026, 5, 1);
        let last = end.add_days(-days).unwrap();
        let report = report_fr_of(&challenge_with_f1_end(&last.to_string()));
        let energy = report.energy.as_ref().unwrap();
        let f1 = household(&energy.households, "F1");
        let e = &f1.exclusions[0];
        proptest::prop_assert_eq!(e.params.get("days"), Some(&ParamValue::Int(days.into())));
        proptest::prop_assert_eq!(
            &e.detail,
            &format!(
                "période du 1er décembre 2025 au 30 avril 2026{NBSP}: \
                 les mesures s’arrêtent {days} jours avant sa fin"
            )
        );
        proptest::prop_assert_eq!(
            e.message.as_ref().unwrap().render(Lang::En),
            format!("2025-12-01 to 2026-04-30: the measurements end {days} days before it does")
        );
    }
}
