//! Conformance of the weather-regression baselines.
//!
//! `vectors/regression/eemeter_daily.json` and `eemeter_billing.json` hold
//! eemeter 3.2.0's CalTRACK 2.0 daily and billing fits of its bundled sample
//! meters (see `PROVENANCE.md` there):
//! the same model type and balance points, coefficients and savings within
//! 1e-6 relative, and the same error bands. `vectors/regression/hand.json`
//! holds tiny data sets whose fits are known exactly, and
//! `vectors/regression/window.json` baselines with missing days in their
//! window.
// Test code: panics are the failure report; statistics keep short names.
#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    clippy::too_many_lines,
    clippy::many_single_char_names,
    clippy::doc_markdown
)]

use ecodefi::regression::{
    fahrenheit_to_celsius, fit, BillingPeriod, CandidateStatus, CheckName, CheckStatus,
    DailyTemperature, DailyUsage, ModelKind, NoModelReason, RegressionOptions, UsageData,
};
use ecodefi::Kwh;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::str::FromStr;

#[derive(Deserialize)]
struct Columns {
    dates: Vec<String>,
    usage: Vec<String>,
    temperature_f: Vec<f64>,
}

#[derive(Deserialize)]
struct Metrics {
    observed_length: usize,
    num_parameters: usize,
    r_squared: f64,
    rmse_adj: f64,
    cvrmse_adj: f64,
    nmbe: f64,
    autocorr_resid: f64,
    observed_mean: f64,
    observed_variance: f64,
}

#[derive(Deserialize)]
struct Expected {
    model_type: String,
    heating_balance_point_f: Option<f64>,
    cooling_balance_point_f: Option<f64>,
    intercept: f64,
    beta_hdd_per_f: Option<f64>,
    beta_cdd_per_f: Option<f64>,
    r_squared_adj: f64,
    candidates: BTreeMap<String, usize>,
    metrics: Metrics,
    reporting_days: usize,
    counterfactual_total: f64,
    reporting_observed_total: f64,
    metered_savings_total: f64,
    base_total: f64,
    heating_total: f64,
    cooling_total: f64,
    fsu_error_band: f64,
    ols_error_band: f64,
    ols_error_band_model: f64,
    ols_error_band_noise: f64,
    confidence_level: f64,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    fit_cooling: bool,
    baseline: Columns,
    reporting: Columns,
    expected: Expected,
}

#[derive(Deserialize)]
struct Doc {
    cases: Vec<Case>,
}

fn days(c: &Columns) -> Vec<DailyUsage> {
    c.dates
        .iter()
        .zip(&c.usage)
        .zip(&c.temperature_f)
        .map(|((d, u), t)| DailyUsage {
            date: d.parse().unwrap(),
            usage: Kwh::new(Decimal::from_str(u).unwrap()),
            temperature_c: fahrenheit_to_celsius(*t),
        })
        .collect()
}

#[track_caller]
fn close(what: &str, got: f64, want: f64, rel: f64) {
    let tol = rel * want.abs().max(1e-12);
    assert!(
        (got - want).abs() <= tol,
        "{what}: got {got}, want {want} (diff {:e})",
        (got - want).abs()
    );
}

fn load(name: &str) -> String {
    let path = format!("{}/vectors/regression/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn eemeter_daily_fits_savings_and_bands() {
    let doc: Doc = serde_json::from_str(&load("eemeter_daily.json")).unwrap();
    assert!(!doc.cases.is_empty());
    for case in &doc.cases {
        let e = &case.expected;
        let options = RegressionOptions::default()
            .fit_cooling(case.fit_cooling)
            .keep_candidates(true);
        let baseline = fit(
            &UsageData::Daily {
                days: days(&case.baseline),
            },
            &options,
        )
        .unwrap();
        let model = baseline
            .model
            .clone()
            .unwrap_or_else(|| panic!("{}", case.name));
        let n = &case.name;
        assert_eq!(
            model.kind,
            e.model_type.parse::<ModelKind>().unwrap(),
            "{n}"
        );
        let to_f = |c: Option<f64>| c.map(|c| (c * 1.8 + 32.0).round());
        assert_eq!(
            to_f(model.heating_balance_point_c),
            e.heating_balance_point_f,
            "{n}"
        );
        assert_eq!(
            to_f(model.cooling_balance_point_c),
            e.cooling_balance_point_f,
            "{n}"
        );
        close("intercept", model.intercept, e.intercept, 1e-6);
        // slopes per °C-degree-day = 1.8 × slopes per °F-degree-day
        if let Some(b) = e.beta_hdd_per_f {
            close("beta_hdd", model.beta_hdd.unwrap() / 1.8, b, 1e-6);
        }
        if let Some(b) = e.beta_cdd_per_f {
            close("beta_cdd", model.beta_cdd.unwrap() / 1.8, b, 1e-6);
        }
        close("r_squared_adj", model.r_squared_adj, e.r_squared_adj, 1e-6);
        // every candidate with its status: the same counts as eemeter's
        let mut counts = BTreeMap::new();
        for c in &baseline.candidates {
            let s = match c.status {
                CandidateStatus::Qualified => "QUALIFIED",
                CandidateStatus::Disqualified => "DISQUALIFIED",
                CandidateStatus::NotAttempted => "NOT ATTEMPTED",
                CandidateStatus::Singular => "ERROR",
            };
            *counts.entry(s.to_owned()).or_insert(0usize) += 1;
        }
        assert_eq!(counts, e.candidates, "{n}");
        let m = &model.metrics;
        assert_eq!(m.observed_length, e.metrics.observed_length, "{n}");
        assert_eq!(m.num_parameters, e.metrics.num_parameters, "{n}");
        close("r_squared", m.r_squared.unwrap(), e.metrics.r_squared, 1e-6);
        close("rmse_adj", m.rmse_adj, e.metrics.rmse_adj, 1e-6);
        close("cv_rmse", m.cv_rmse.unwrap(), e.metrics.cvrmse_adj, 1e-6);
        close(
            "autocorr",
            m.autocorr_resid.unwrap(),
            e.metrics.autocorr_resid,
            1e-5,
        );
        close("mean", m.observed_mean, e.metrics.observed_mean, 1e-12);
        close(
            "variance",
            m.observed_variance,
            e.metrics.observed_variance,
            1e-9,
        );
        assert!(m.nmbe.unwrap().abs() < 1e-9 && e.metrics.nmbe.abs() < 1e-9);

        let s = model
            .metered_savings(
                &UsageData::Daily {
                    days: days(&case.reporting),
                },
                e.confidence_level,
            )
            .unwrap();
        assert_eq!(s.reporting_observations, e.reporting_days, "{n}");
        close(
            "counterfactual",
            s.counterfactual.total,
            e.counterfactual_total,
            1e-6,
        );
        close("base", s.counterfactual.base, e.base_total, 1e-6);
        if e.heating_total == 0.0 {
            assert_eq!(s.counterfactual.heating, 0.0);
        } else {
            close("heating", s.counterfactual.heating, e.heating_total, 1e-6);
        }
        if e.cooling_total == 0.0 {
            assert_eq!(s.counterfactual.cooling, 0.0);
        } else {
            close("cooling", s.counterfactual.cooling, e.cooling_total, 1e-6);
        }
        let observed: f64 = s.observed.value().to_string().parse().unwrap();
        close("observed", observed, e.reporting_observed_total, 1e-12);
        close("savings", s.savings, e.metered_savings_total, 1e-6);
        let b = s.error_bands.unwrap();
        close("fsu band", b.fsu_error_band, e.fsu_error_band, 1e-6);
        close("ols band", b.ols_error_band, e.ols_error_band, 1e-6);
        close(
            "ols model",
            b.ols_error_band_model,
            e.ols_error_band_model,
            1e-6,
        );
        close(
            "ols noise",
            b.ols_error_band_noise,
            e.ols_error_band_noise,
            1e-6,
        );

        // Normalised annual consumption on the reporting year's 365
        // temperatures is the counterfactual of that year.
        let normal: Vec<f64> = case
            .reporting
            .temperature_f
            .iter()
            .map(|&t| fahrenheit_to_celsius(t))
            .collect();
        assert_eq!(normal.len(), 365);
        let nac = model.normalised_annual_consumption(&normal).unwrap();
        close("nac", nac.total, e.counterfactual_total, 1e-6);

        // serde round trip of the fitted model and of the whole baseline
        let json = serde_json::to_string(&baseline).unwrap();
        let back: ecodefi::regression::Baseline = serde_json::from_str(&json).unwrap();
        assert!(
            back == baseline,
            "{n}: serde round trip changed the baseline"
        );
        let temps: Vec<DailyTemperature> = days(&case.reporting)
            .iter()
            .map(|d| DailyTemperature {
                date: d.date,
                temperature_c: d.temperature_c,
            })
            .collect();
        assert_eq!(
            back.model.unwrap().predict(&temps).unwrap(),
            model.predict(&temps).unwrap()
        );
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HandExpected {
    kind: Option<ModelKind>,
    heating_balance_point_c: Option<f64>,
    cooling_balance_point_c: Option<f64>,
    intercept: Option<f64>,
    beta_hdd: Option<f64>,
    beta_cdd: Option<f64>,
    r_squared_adj: Option<f64>,
    no_model_reason: Option<NoModelReason>,
    failed_check: Option<CheckName>,
    indices: Option<Vec<usize>>,
}

#[derive(Deserialize)]
struct HandCase {
    name: String,
    data: UsageData,
    options: RegressionOptions,
    expected: HandExpected,
}

#[derive(Deserialize)]
struct HandDoc {
    cases: Vec<HandCase>,
}

#[test]
fn hand_computable_fits() {
    let doc: HandDoc = serde_json::from_str(&load("hand.json")).unwrap();
    assert_eq!(doc.cases.len(), 5);
    for case in &doc.cases {
        let n = &case.name;
        let e = &case.expected;
        let b = fit(&case.data, &case.options).unwrap();
        if let Some(reason) = e.no_model_reason {
            assert_eq!(b.no_model_reason, Some(reason), "{n}");
            assert!(b.model.is_none() && !b.usable(), "{n}");
            let check = b.sufficiency.get(e.failed_check.unwrap()).unwrap();
            assert_eq!(check.status, CheckStatus::Fail, "{n}");
            assert_eq!(Some(&check.indices), e.indices.as_ref(), "{n}");
            continue;
        }
        assert!(b.usable(), "{n}: {:?}", b.sufficiency);
        let m = b.model.unwrap();
        assert_eq!(Some(m.kind), e.kind, "{n}");
        assert_eq!(m.heating_balance_point_c, e.heating_balance_point_c, "{n}");
        assert_eq!(m.cooling_balance_point_c, e.cooling_balance_point_c, "{n}");
        let near = |what: &str, got: Option<f64>, want: Option<f64>| match (got, want) {
            (Some(g), Some(w)) => assert!((g - w).abs() < 1e-9, "{n} {what}: {g} vs {w}"),
            (g, w) => assert_eq!(g, w, "{n} {what}"),
        };
        near("intercept", Some(m.intercept), e.intercept);
        near("beta_hdd", m.beta_hdd, e.beta_hdd);
        near("beta_cdd", m.beta_cdd, e.beta_cdd);
        near("r_squared_adj", Some(m.r_squared_adj), e.r_squared_adj);
        // The model is exact on its own data: the baseline predicts what was
        // metered, so savings over the same days are zero.
        let s = m.metered_savings(&case.data, 0.9).unwrap();
        let observed: f64 = s.observed.value().to_string().parse().unwrap();
        assert!(
            (s.counterfactual.total - observed).abs() < 1e-9 * observed,
            "{n}"
        );
        assert!(s.savings.abs() < 1e-9 * observed, "{n}");
    }
}

/// In a challenge: a household whose meter has daily readings gets a
/// weather-regression baseline when the option asks for it, and the report
/// says so. Its daily usage over the reference winter is exactly
/// `2 + 0.5·max(0, 15 − T)` kWh (T = (Tn + Tx)/2 of the sample's
/// temperatures), so the baseline's prediction for the challenge winter is
/// that formula summed over the challenge days, computed here in exact
/// decimals.
#[test]
fn challenge_household_with_daily_readings_gets_a_regression_baseline() {
    use rust_decimal::prelude::ToPrimitive;
    use serde_json::{json, Value};

    let path = format!(
        "{}/../core/examples/data/energy/challenge.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mean: BTreeMap<String, Decimal> = doc["temperatures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let tn = Decimal::from_str(d["tn"].as_str().unwrap()).unwrap();
            let tx = Decimal::from_str(d["tx"].as_str().unwrap()).unwrap();
            (
                d["date"].as_str().unwrap().to_owned(),
                (tn + tx) / Decimal::TWO,
            )
        })
        .collect();
    let model = |date: &ecodefi::Date| {
        let t = mean[&date.to_string()];
        Decimal::TWO + Decimal::new(5, 1) * (Decimal::from(15) - t).max(Decimal::ZERO)
    };
    let period = |p: &Value| -> (ecodefi::Date, ecodefi::Date) {
        (
            p["first"].as_str().unwrap().parse().unwrap(),
            p["last"].as_str().unwrap().parse().unwrap(),
        )
    };
    let (r0, r1) = period(&doc["challenge"]["reference_period"]);
    let (c0, c1) = period(&doc["challenge"]["challenge_period"]);
    // Daily readings: the index at the start of each day, reference winter
    // at the model's usage, challenge winter at 90 % of it.
    let mut readings = Vec::new();
    let mut index = Decimal::from(1000);
    let mut expected = Decimal::ZERO;
    for (first, last, factor) in [(r0, r1, Decimal::ONE), (c0, c1, Decimal::new(9, 1))] {
        let mut d = first;
        while d <= last.add_days(1).unwrap() {
            readings.push(json!({"date": d.to_string(), "value": index.to_string()}));
            if d <= last {
                index += model(&d) * factor;
                if factor != Decimal::ONE {
                    expected += model(&d);
                }
            }
            d = d.add_days(1).unwrap();
        }
    }
    let team = doc["challenge"]["teams"][0]["id"].clone();
    doc["households"] = json!([{
        "id": "LINKY1",
        "team": team,
        "occupants": {"adults": 2, "children": []},
        "meters": [{
            "id": "chauffage",
            "carrier": "district_heating",
            "unit": "kwh",
            "usage": "heating_only",
            "readings": readings,
        }],
    }]);
    let household = |doc: &Value| {
        let data = ecodefi::ChallengeData::from_json(&doc.to_string()).unwrap();
        let report = ecodefi::compute(&data).unwrap();
        let energy = report.energy.unwrap();
        energy.households.into_iter().next().unwrap()
    };

    // Default: the reconstructed winter, and JSON as before.
    let winter = household(&doc);
    let saving = winter.figures().unwrap();
    assert_eq!(
        saving.meters[0].reference_method,
        ecodefi::energy::ReferenceMethod::ReconstructedWinter
    );
    assert!(!serde_json::to_string(saving)
        .unwrap()
        .contains("reference_method"));

    // Opt in: the regression baseline.
    doc["options"]["energy"]["regression_baseline"] = json!(true);
    let regression = household(&doc);
    let saving = regression.figures().unwrap();
    let meter = &saving.meters[0];
    assert_eq!(
        meter.reference_method,
        ecodefi::energy::ReferenceMethod::WeatherRegression
    );
    assert!(serde_json::to_string(meter)
        .unwrap()
        .contains(r#""reference_method":"weather_regression""#));
    let got = meter.reference_corrected.value().to_f64().unwrap();
    let want = expected.to_f64().unwrap();
    assert!((got - want).abs() <= 1e-6 * want, "{got} vs {want}");
    // and the household saved 10 % against it
    let change = saving.change.fraction().to_f64().unwrap();
    assert!((change + 0.1).abs() < 1e-6, "{change}");
}

#[derive(Deserialize)]
struct BillRow {
    first: String,
    days: i64,
    usage: String,
    temperatures_f: Vec<(String, f64)>,
}

#[derive(Deserialize)]
struct BillingCase {
    name: String,
    fit_cooling: bool,
    baseline: Vec<BillRow>,
    reporting: Vec<BillRow>,
    expected: Expected,
}

#[derive(Deserialize)]
struct BillingDoc {
    cases: Vec<BillingCase>,
}

fn bills(rows: &[BillRow]) -> UsageData {
    let mut periods = Vec::new();
    let mut temperatures = Vec::new();
    for r in rows {
        let first: ecodefi::Date = r.first.parse().unwrap();
        let last = first.add_days(i32::try_from(r.days - 1).unwrap()).unwrap();
        periods.push(BillingPeriod {
            period: ecodefi::Period::new(first, last).unwrap(),
            usage: Kwh::new(Decimal::from_str(&r.usage).unwrap()),
        });
        for (d, t) in &r.temperatures_f {
            temperatures.push(DailyTemperature {
                date: d.parse().unwrap(),
                temperature_c: fahrenheit_to_celsius(*t),
            });
        }
    }
    UsageData::Billing {
        periods,
        temperatures,
    }
}

/// eemeter 3.2.0's billing method (`use_billing_presets`, weights = days
/// with temperature) on its monthly sample meters: the same model,
/// coefficients, metrics, savings and bands.
#[test]
fn eemeter_billing_fits_savings_and_bands() {
    let doc: BillingDoc = serde_json::from_str(&load("eemeter_billing.json")).unwrap();
    assert_eq!(doc.cases.len(), 2);
    for case in &doc.cases {
        let (n, e) = (&case.name, &case.expected);
        let options = RegressionOptions::default()
            .fit_cooling(case.fit_cooling)
            .keep_candidates(true);
        let baseline = fit(&bills(&case.baseline), &options).unwrap();
        let model = baseline.model.clone().unwrap_or_else(|| panic!("{n}"));
        assert_eq!(
            model.kind,
            e.model_type.parse::<ModelKind>().unwrap(),
            "{n}"
        );
        let to_f = |c: Option<f64>| c.map(|c| (c * 1.8 + 32.0).round());
        assert_eq!(
            to_f(model.heating_balance_point_c),
            e.heating_balance_point_f,
            "{n}"
        );
        assert_eq!(
            to_f(model.cooling_balance_point_c),
            e.cooling_balance_point_f,
            "{n}"
        );
        close("intercept", model.intercept, e.intercept, 1e-6);
        if let Some(b) = e.beta_hdd_per_f {
            close("beta_hdd", model.beta_hdd.unwrap() / 1.8, b, 1e-6);
        }
        if let Some(b) = e.beta_cdd_per_f {
            close("beta_cdd", model.beta_cdd.unwrap() / 1.8, b, 1e-6);
        }
        close("r_squared_adj", model.r_squared_adj, e.r_squared_adj, 1e-6);
        let mut counts = BTreeMap::new();
        for c in &baseline.candidates {
            let s = match c.status {
                CandidateStatus::Qualified => "QUALIFIED",
                CandidateStatus::Disqualified => "DISQUALIFIED",
                CandidateStatus::NotAttempted => "NOT ATTEMPTED",
                CandidateStatus::Singular => "ERROR",
            };
            *counts.entry(s.to_owned()).or_insert(0usize) += 1;
        }
        assert_eq!(counts, e.candidates, "{n}");
        let m = &model.metrics;
        assert_eq!(m.observed_length, e.metrics.observed_length, "{n}");
        close("r_squared", m.r_squared.unwrap(), e.metrics.r_squared, 1e-6);
        close("rmse_adj", m.rmse_adj, e.metrics.rmse_adj, 1e-6);
        close("cv_rmse", m.cv_rmse.unwrap(), e.metrics.cvrmse_adj, 1e-6);
        close(
            "autocorr",
            m.autocorr_resid.unwrap(),
            e.metrics.autocorr_resid,
            1e-6,
        );
        close("mean", m.observed_mean, e.metrics.observed_mean, 1e-12);
        close(
            "variance",
            m.observed_variance,
            e.metrics.observed_variance,
            1e-9,
        );

        let s = model
            .metered_savings(&bills(&case.reporting), e.confidence_level)
            .unwrap();
        assert_eq!(s.reporting_observations, e.reporting_days, "{n}");
        close(
            "counterfactual",
            s.counterfactual.total,
            e.counterfactual_total,
            1e-6,
        );
        close("base", s.counterfactual.base, e.base_total, 1e-6);
        if e.heating_total != 0.0 {
            close("heating", s.counterfactual.heating, e.heating_total, 1e-6);
        }
        if e.cooling_total != 0.0 {
            close("cooling", s.counterfactual.cooling, e.cooling_total, 1e-6);
        }
        let observed: f64 = s.observed.value().to_string().parse().unwrap();
        close("observed", observed, e.reporting_observed_total, 1e-12);
        close("savings", s.savings, e.metered_savings_total, 1e-6);
        let b = s.error_bands.unwrap();
        close("fsu band", b.fsu_error_band, e.fsu_error_band, 1e-6);
        close("ols band", b.ols_error_band, e.ols_error_band, 1e-6);
        close(
            "ols model",
            b.ols_error_band_model,
            e.ols_error_band_model,
            1e-6,
        );
        close(
            "ols noise",
            b.ols_error_band_noise,
            e.ols_error_band_noise,
            1e-6,
        );
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WindowModel {
    kind: ModelKind,
    heating_balance_point_c: f64,
    intercept: f64,
    beta_hdd: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WindowExpected {
    window: ecodefi::regression::Window,
    window_source: ecodefi::regression::WindowSource,
    window_days: i64,
    valid_days: i64,
    missing_days: i64,
    missing: Vec<ecodefi::Period>,
    missing_ranges: usize,
    outside_window: i64,
    valid_share: f64,
    failed_checks: Vec<CheckName>,
    usable: bool,
    model: WindowModel,
}

#[derive(Deserialize)]
struct WindowCase {
    name: String,
    data: UsageData,
    options: RegressionOptions,
    expected: WindowExpected,
}

#[derive(Deserialize)]
struct WindowDoc {
    cases: Vec<WindowCase>,
}

/// `vectors/regression/window.json` (written by `window.py`, which counts
/// calendar days without ecodefi): the baseline is measured on its window,
/// a missing first or last day is a missing day, and the report's counts,
/// ranges and share are exactly the script's.
#[test]
fn baseline_windows_with_missing_days() {
    let doc: WindowDoc = serde_json::from_str(&load("window.json")).unwrap();
    assert_eq!(doc.cases.len(), 9);
    for case in &doc.cases {
        let (n, e) = (&case.name, &case.expected);
        let b = fit(&case.data, &case.options).unwrap();
        let s = &b.sufficiency;
        assert_eq!(s.window, Some(e.window), "{n}");
        assert_eq!(s.window_source, e.window_source, "{n}");
        assert_eq!(
            (s.window_days, s.valid_days, s.missing_days),
            (e.window_days, e.valid_days, e.missing_days),
            "{n}"
        );
        assert_eq!(s.missing, e.missing, "{n}");
        assert_eq!(s.missing_ranges, e.missing_ranges, "{n}");
        assert_eq!(s.outside_window, e.outside_window, "{n}");
        assert_eq!(
            s.get(CheckName::ValidDays).unwrap().value.to_bits(),
            e.valid_share.to_bits(),
            "{n}"
        );
        let failed: Vec<CheckName> = s
            .checks
            .iter()
            .filter(|c| c.status == CheckStatus::Fail)
            .map(|c| c.name)
            .collect();
        assert_eq!(failed, e.failed_checks, "{n}");
        assert_eq!(b.usable(), e.usable, "{n}");
        let m = b.model.unwrap();
        assert_eq!(m.kind, e.model.kind, "{n}");
        assert_eq!(
            m.heating_balance_point_c,
            Some(e.model.heating_balance_point_c),
            "{n}"
        );
        close("intercept", m.intercept, e.model.intercept, 1e-9);
        close("beta_hdd", m.beta_hdd.unwrap(), e.model.beta_hdd, 1e-9);
    }
}
