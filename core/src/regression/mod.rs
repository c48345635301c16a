//! Weather-regression baselines (CalTRACK 2.0 daily and billing methods,
//! PRISM's normalised annual consumption), with their uncertainty.
//!
//! For a household whose meter gives daily values (Linky, Gazpar) or bills,
//! the best baseline is a regression of usage per day on the day's mean
//! outdoor temperature, fitted on the reference year (DOMAIN.md §3):
//!
//! `usage per day = intercept + β_h·HDD(b_h) + β_c·CDD(b_c)`,
//! `HDD(b) = max(0, b − T)`, `CDD(b) = max(0, T − b)`.
//!
//! [`fit`] tries every candidate of CalTRACK 2.0 — intercept only, HDD
//! only, CDD only, and HDD + CDD with `b_h ≤ b_c` over a balance-point grid
//! (2 014 candidates on CalTRACK's 30–90 °F grid) — and keeps the qualified
//! one with the highest adjusted R². Running sums over the days binned by
//! temperature make that a few microseconds per meter-year (see
//! [`fit`](self::fit()) and `benches/benches/regression.rs`). The result carries
//! a [`SufficiencyReport`] of named checks, the model's [`Metrics`]
//! and, on request, every [`Candidate`] with its status. A [`FittedModel`]
//! predicts any days ([`FittedModel::predict`]), the metered savings of a
//! reporting period with ASHRAE Guideline 14 error bands
//! ([`FittedModel::metered_savings`]) and the normalised annual consumption
//! ([`FittedModel::normalised_annual_consumption`]).
//!
//! Usage is exact ([`Kwh`]); temperatures, coefficients and statistics are
//! `f64`. Every input and output is a serde structure, so bindings can pass
//! JSON through.
//!
//! Fidelity: on eemeter 3.2.0's sample meters (daily and monthly bills) the
//! selected model, balance points, coefficients, metrics, savings and error
//! bands agree with eemeter to 1e-9 relative (`tests/vectors/regression/`).
//!
//! # Example
//! ```
//! use ecodefi::regression::{fit, DailyUsage, RegressionOptions, UsageData, ModelKind};
//! use ecodefi::{Decimal, Kwh};
//! use ecodefi::date::date;
//!
//! // A year of days: 5 kWh/day of base load plus 0.8 kWh per degree-day
//! // below 16 °C.
//! let start = date(2025, 1, 1);
//! let days: Vec<DailyUsage> = (0..365)
//!     .map(|i| {
//!         let t = 10.0 - 12.0 * (f64::from(i) * std::f64::consts::TAU / 365.0).cos();
//!         let usage = 5.0 + 0.8 * (16.0 - t).max(0.0);
//!         DailyUsage {
//!             date: start.add_days(i).unwrap(),
//!             usage: Kwh::new(Decimal::try_from(usage).unwrap().round_dp(6)),
//!             temperature_c: t,
//!         }
//!     })
//!     .collect();
//! let options = RegressionOptions::default()
//!     .grid(ecodefi::regression::BalancePointGrid::celsius(10.0, 22.0, 1.0)?);
//! let baseline = fit(&UsageData::Daily { days }, &options)?;
//! assert!(baseline.sufficiency.passed());
//! let model = baseline.model.expect("a model");
//! assert_eq!(model.kind, ModelKind::HddOnly);
//! assert_eq!(model.heating_balance_point_c, Some(16.0));
//! assert!((model.beta_hdd.unwrap() - 0.8).abs() < 1e-6);
//! # Ok::<(), ecodefi::Error>(())
//! ```

// "CalTRACK" is a name, not code; the statistics keep their textbook
// one-letter names (n, p, t, x, y) and β_hdd/β_cdd pairs.
#![allow(
    clippy::doc_markdown,
    clippy::many_single_char_names,
    clippy::similar_names
)]

use crate::named_enum;
use crate::{msg, noun};
#[cfg(feature = "regression")]
mod batch;
#[cfg(feature = "regression")]
mod batch_row;
#[cfg(feature = "regression")]
pub(crate) mod challenge;
mod data;
mod fit;
mod grid;
mod metrics;
mod predict;
mod sufficiency;
mod uncertainty;
mod window;

#[cfg(feature = "regression")]
pub use batch::{factorize, fit_many, kwh_from_f64, MeterBaseline, MeterTable};
#[cfg(feature = "regression")]
pub use batch_row::{meter_rows, ColumnKind, MeterRow};
pub use data::{
    fahrenheit_to_celsius, BillingPeriod, DailyTemperature, DailyUsage, Interval, UsageData,
};
pub use fit::{Candidate, CandidateIssue, CandidateStatus};
pub use grid::{BalancePointGrid, ModelKind, MAX_GRID_POINTS};
pub use metrics::Metrics;
pub use predict::{
    Prediction, PredictionReport, Savings, SavingsOptions, SavingsWarning, SavingsWarningCode,
};
pub use sufficiency::{Check, CheckName, CheckStatus, SufficiencyReport};
pub use uncertainty::{student_t_quantile, student_t_sf, ErrorBands};
pub use window::{Window, WindowSource, MAX_LISTED_MISSING};

use crate::date::{date_of, Date};

use crate::error::{Error, Result};
#[cfg(doc)]
use crate::quantity::Kwh;

/// How to fit a baseline. Every default cites CalTRACK 2.0 (as implemented
/// by eemeter 3.2.0) and every one can be changed with the builder methods.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RegressionOptions {
    grid: BalancePointGrid,
    fit_heating: bool,
    fit_cooling: bool,
    min_non_zero_daily: usize,
    min_non_zero_billing: usize,
    min_total_degree_days_c: f64,
    max_p_value: Option<f64>,
    baseline_days: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_start: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_end: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reporting_start: Option<Date>,
    min_valid_fraction: f64,
    outlier_iqr_factor: f64,
    keep_candidates: bool,
}

/// The longest baseline asked for: a century of days. Longer is a typing
/// error, and it keeps every window inside the calendar's arithmetic.
const MAX_BASELINE_DAYS: i64 = 36_525;

impl Default for RegressionOptions {
    fn default() -> Self {
        RegressionOptions {
            // CalTRACK 2.0 balance-point search range, 30 °F to 90 °F step
            // 1 °F (eemeter 3.2.0 `create_caltrack_daily_design_matrix`).
            grid: BalancePointGrid::caltrack_fahrenheit(),
            fit_heating: true,
            fit_cooling: true,
            // CalTRACK 2.0 daily: ≥ 10 non-zero degree-day values (eemeter
            // 3.2.0 `fit_caltrack_usage_per_day_model` default).
            min_non_zero_daily: 10,
            // CalTRACK 2.0 §3.2.2.2.1 (billing): no minimum count.
            min_non_zero_billing: 0,
            // CalTRACK 2.0: total ≥ 20 °F-degree-days (daily: eemeter 3.2.0
            // default; billing: §3.2.2.2.2), i.e. 20/1.8 °C-degree-days.
            min_total_degree_days_c: 20.0 / 1.8,
            // CalTRACK 2.0 drops CalTRACK 1.0's p-value limit of 0.1
            // (eemeter 3.2.0's default maximum p-value is 1).
            max_p_value: None,
            // CalTRACK 2.0: a 365-day baseline (eemeter 3.2.0
            // `caltrack_sufficiency_criteria`, `num_days=365`).
            baseline_days: 365,
            // No window given: it is derived from `reporting_start` when
            // given, else taken from the data (see `window`).
            baseline_start: None,
            baseline_end: None,
            reporting_start: None,
            // CalTRACK 2.0: ≥ 90 % of days with usage and temperature (eemeter
            // 3.2.0 `caltrack_sufficiency_criteria`, `min_fraction_daily_coverage`).
            min_valid_fraction: 0.9,
            // CalTRACK 2.0 §2.3.6: flag values above median + 3·IQR.
            outlier_iqr_factor: 3.0,
            keep_candidates: false,
        }
    }
}

impl RegressionOptions {
    /// The balance points to search (default: CalTRACK's 30–90 °F).
    #[must_use]
    pub fn grid(mut self, grid: BalancePointGrid) -> Self {
        self.grid = grid;
        self
    }

    /// Whether to fit heating (HDD) terms (default true).
    #[must_use]
    pub fn fit_heating(mut self, yes: bool) -> Self {
        self.fit_heating = yes;
        self
    }

    /// Whether to fit cooling (CDD) terms (default true; CalTRACK fits none
    /// for gas).
    #[must_use]
    pub fn fit_cooling(mut self, yes: bool) -> Self {
        self.fit_cooling = yes;
        self
    }

    /// Minimum non-zero degree-day values for daily data (default 10).
    #[must_use]
    pub fn min_non_zero_daily(mut self, n: usize) -> Self {
        self.min_non_zero_daily = n;
        self
    }

    /// Minimum non-zero degree-day values for bills (default 0).
    #[must_use]
    pub fn min_non_zero_billing(mut self, n: usize) -> Self {
        self.min_non_zero_billing = n;
        self
    }

    /// Minimum total degree-days of a term, °C·day (default 20 °F·day =
    /// 11.1 °C·day).
    #[must_use]
    pub fn min_total_degree_days_c(mut self, total: f64) -> Self {
        self.min_total_degree_days_c = total;
        self
    }

    /// Disqualify slopes whose p-value is above `limit` (default none;
    /// CalTRACK 1.0 used 0.1).
    #[must_use]
    pub fn max_p_value(mut self, limit: Option<f64>) -> Self {
        self.max_p_value = limit;
        self
    }

    /// Required baseline span in days (default 365), measured on the
    /// baseline window; also the length of a window derived from one of
    /// its ends or from `reporting_start`. In 1..=36525.
    #[must_use]
    pub fn baseline_days(mut self, days: i64) -> Self {
        self.baseline_days = days;
        self
    }

    /// The first day of the baseline window (default none). With
    /// [`baseline_end`](Self::baseline_end) it gives the window; alone, the
    /// window is `baseline_days` days from it.
    #[must_use]
    pub fn baseline_start(mut self, day: Option<Date>) -> Self {
        self.baseline_start = day;
        self
    }

    /// The last day of the baseline window, included (default none);
    /// alone, the window is the `baseline_days` days ending on it.
    #[must_use]
    pub fn baseline_end(mut self, day: Option<Date>) -> Self {
        self.baseline_end = day;
        self
    }

    /// The first day of the reporting period (default none). Without
    /// `baseline_start` and `baseline_end`, the window is the
    /// `baseline_days` days ending the day before, as CalTRACK 2.0 takes
    /// the year before the intervention (eemeter 3.2.0
    /// `get_baseline_data(end=…, max_days=365)`); with them, it must come
    /// after the window.
    #[must_use]
    pub fn reporting_start(mut self, day: Option<Date>) -> Self {
        self.reporting_start = day;
        self
    }

    /// Required share of valid days (default 0.9).
    #[must_use]
    pub fn min_valid_fraction(mut self, share: f64) -> Self {
        self.min_valid_fraction = share;
        self
    }

    /// Outliers are above median + `k`·IQR (default 3).
    #[must_use]
    pub fn outlier_iqr_factor(mut self, k: f64) -> Self {
        self.outlier_iqr_factor = k;
        self
    }

    /// Return every candidate with its status (default false).
    #[must_use]
    pub fn keep_candidates(mut self, yes: bool) -> Self {
        self.keep_candidates = yes;
        self
    }

    /// Checks every option; an error names the option by its path
    /// (`options.baseline_days`…).
    fn validate(&self) -> Result<()> {
        let bad = |what, got: String, why: crate::message::Message, path: &str| {
            Err(Error::invalid(what, got, why).at_path(format!("options.{path}")))
        };
        if !(1..=MAX_BASELINE_DAYS).contains(&self.baseline_days) {
            return bad(
                noun!("baseline days"),
                self.baseline_days.to_string(),
                msg!("must be between 1 and 36525"),
                "baseline_days",
            );
        }
        if !(self.min_total_degree_days_c.is_finite() && self.min_total_degree_days_c >= 0.0) {
            return bad(
                noun!("minimum total degree-days"),
                self.min_total_degree_days_c.to_string(),
                msg!("must be a finite number ≥ 0"),
                "min_total_degree_days_c",
            );
        }
        if let Some(p) = self.max_p_value {
            if !(p > 0.0 && p <= 1.0) {
                return bad(
                    noun!("maximum p-value"),
                    p.to_string(),
                    msg!("must be in (0, 1]"),
                    "max_p_value",
                );
            }
        }
        if !(0.0..=1.0).contains(&self.min_valid_fraction) {
            return bad(
                noun!("minimum share of valid days"),
                self.min_valid_fraction.to_string(),
                msg!("must be in [0, 1]"),
                "min_valid_fraction",
            );
        }
        if !(self.outlier_iqr_factor.is_finite() && self.outlier_iqr_factor >= 0.0) {
            return bad(
                noun!("outlier IQR factor"),
                self.outlier_iqr_factor.to_string(),
                msg!("must be a finite number ≥ 0"),
                "outlier_iqr_factor",
            );
        }
        Ok(())
    }

    /// The window these options ask for (validated options only).
    fn window(&self) -> Result<Option<(Window, WindowSource)>> {
        window::resolve(
            self.baseline_start,
            self.baseline_end,
            self.reporting_start,
            self.baseline_days,
        )
    }
}

/// A selected baseline model: its form, coefficients and fit statistics.
///
/// Coefficients are per day: `intercept` in usage per day, slopes in usage
/// per °C-degree-day (divide by 1.8 for °F-degree-days).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FittedModel {
    /// Daily or billing data.
    pub interval: Interval,
    /// The model's form.
    pub kind: ModelKind,
    /// Usage per day independent of temperature.
    pub intercept: f64,
    /// Heating balance point, °C (HDD models).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heating_balance_point_c: Option<f64>,
    /// Usage per °C-degree-day of heating (HDD models).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beta_hdd: Option<f64>,
    /// Cooling balance point, °C (CDD models).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cooling_balance_point_c: Option<f64>,
    /// Usage per °C-degree-day of cooling (CDD models).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beta_cdd: Option<f64>,
    /// The adjusted R² the selection used (0 for intercept-only).
    pub r_squared_adj: f64,
    /// Fit statistics on the baseline.
    pub metrics: Metrics,
    /// The coldest daily mean temperature the model was fitted on, °C:
    /// below it a prediction extrapolates (see [`Savings`]). Absent in
    /// models saved before it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline_min_temperature_c: Option<f64>,
    /// The warmest daily mean temperature the model was fitted on, °C.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline_max_temperature_c: Option<f64>,
}

named_enum! {
    /// Why no model was fitted.
    #[non_exhaustive]
    pub enum NoModelReason ("no-model reason") {
        /// No observation with usage and temperature.
        NoData = "no_data",
        /// Negative usage values (see the sufficiency report).
        NegativeValues = "negative_values",
        /// Every candidate was disqualified, not attempted or singular.
        NoQualifiedCandidate = "no_qualified_candidate",
    }
}

/// The outcome of [`fit`]: the sufficiency report, the model or the reason
/// there is none, and (on request) every candidate.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Named checks of the data.
    pub sufficiency: SufficiencyReport,
    /// The selected model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<FittedModel>,
    /// Why there is no model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_model_reason: Option<NoModelReason>,
    /// Every candidate in CalTRACK order, when
    /// [`RegressionOptions::keep_candidates`] is set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<Candidate>,
}

impl Baseline {
    /// Whether the baseline may be used: a model was selected and no
    /// sufficiency check failed.
    pub fn usable(&self) -> bool {
        self.model.is_some() && self.sufficiency.passed()
    }
}

/// Fits a weather-regression baseline on `data`.
///
/// Data-quality problems are not errors: they are named checks in
/// [`Baseline::sufficiency`], and a baseline without a model says why in
/// [`Baseline::no_model_reason`]. The baseline is measured on its window
/// (the options' `baseline_start`/`baseline_end`, else the
/// `baseline_days` before `reporting_start`, else the data's first to last
/// day): data outside it is left out and counted in
/// [`SufficiencyReport::outside_window`].
///
/// # Errors
/// [`Error::InvalidValue`] for a temperature that is not finite,
/// overlapping bills (located at the item's index) or an option out of
/// range (located at its path, e.g. `options.baseline_days`);
/// [`Error::Duplicate`] for a repeated day.
///
/// # Example
/// See the [module documentation](self).
pub fn fit(data: &UsageData, options: &RegressionOptions) -> Result<Baseline> {
    options.validate()?;
    let asked = options.window()?;
    let (interval, obs, coverage) = data::prepare(
        data,
        data::Total::NotNeeded,
        asked.map(|(w, _)| (w.start_day(), w.end_day())),
    )?;
    let (window, source) = match asked {
        Some((w, source)) => (Some(w), source),
        None => (
            coverage
                .first_last
                .map(|(a, b)| -> Result<Window> {
                    Ok(Window {
                        start: date_of(a)?,
                        end: date_of(b)?,
                    })
                })
                .transpose()?,
            WindowSource::FromData,
        ),
    };
    let sufficiency = sufficiency::report(
        &coverage,
        &obs.usage_per_day,
        window,
        source,
        &sufficiency::Limits {
            baseline_days: options.baseline_days,
            min_valid_fraction: options.min_valid_fraction,
            outlier_iqr_factor: options.outlier_iqr_factor,
        },
    )?;
    let none = |reason| Baseline {
        sufficiency: sufficiency.clone(),
        model: None,
        no_model_reason: Some(reason),
        candidates: Vec::new(),
    };
    if !coverage.negative.is_empty() {
        return Ok(none(NoModelReason::NegativeValues));
    }
    if obs.len() == 0 {
        return Ok(none(NoModelReason::NoData));
    }
    let search = fit::search(&obs, interval, options);
    let Some(best) = search.best else {
        let mut b = none(NoModelReason::NoQualifiedCandidate);
        b.candidates = search.candidates;
        return Ok(b);
    };
    let public = fit::to_public(&best, options.grid.points_c());
    let mut model = FittedModel {
        interval,
        kind: public.kind,
        intercept: best.intercept,
        heating_balance_point_c: public.heating_balance_point_c,
        beta_hdd: public.beta_hdd,
        cooling_balance_point_c: public.cooling_balance_point_c,
        beta_cdd: public.beta_cdd,
        r_squared_adj: best.r_squared_adj,
        metrics: Metrics::compute(&[], &[], 0),
        baseline_min_temperature_c: obs.temperatures.iter().copied().reduce(f64::min),
        baseline_max_temperature_c: obs.temperatures.iter().copied().reduce(f64::max),
    };
    // Metrics on per-observation totals, in date order.
    let mut observed = Vec::with_capacity(obs.len());
    let mut predicted = Vec::with_capacity(obs.len());
    if interval == Interval::Daily {
        // one day, one temperature per observation
        predicted.extend(obs.temperatures.iter().map(|&t| model.predict_total(t)));
        observed.extend_from_slice(&obs.usage_per_day);
    } else {
        for i in 0..obs.len() {
            let temps = obs.temperatures_of(i);
            let days = obs.days.get(i).copied().unwrap_or(0.0);
            #[allow(clippy::cast_precision_loss)]
            let mean =
                temps.iter().map(|&t| model.predict_total(t)).sum::<f64>() / temps.len() as f64;
            predicted.push(mean * days);
            observed.push(obs.usage_per_day.get(i).copied().unwrap_or(0.0) * days);
        }
    }
    let slopes = match model.kind {
        ModelKind::InterceptOnly => 0,
        ModelKind::HddOnly | ModelKind::CddOnly => 1,
        ModelKind::CddHdd => 2,
    };
    model.metrics = Metrics::compute(&observed, &predicted, slopes);
    Ok(Baseline {
        sufficiency,
        model: Some(model),
        no_model_reason: None,
        candidates: search.candidates,
    })
}

/// Runs only the candidate search on daily data, for benchmarks and
/// comparisons: returns the selected kind, its balance-point indices in
/// the grid and its adjusted R².
#[doc(hidden)]
pub fn select_daily(
    temperatures_c: &[f64],
    usage_per_day: &[f64],
    options: &RegressionOptions,
) -> Option<(ModelKind, f64)> {
    let prepared = fit::prepare_binned(temperatures_c, usage_per_day, options.grid.points_c());
    fit::search_prepared(&prepared, Interval::Daily, options)
        .best
        .map(|b| (b.spec.kind, b.r_squared_adj))
}

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    clippy::cast_precision_loss
)]
mod tests {
    use super::*;
    use crate::date::date;
    use crate::quantity::Kwh;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    /// Days of usage from a known model plus noise, 3 decimals.
    fn year_strategy() -> impl Strategy<Value = Vec<DailyUsage>> {
        (
            40usize..200,
            0.5f64..10.0,
            0.0f64..2.0,
            0.0f64..2.0,
            8.0f64..18.0,
            18.0f64..26.0,
            proptest::collection::vec((-10.0f64..35.0, -1.0f64..1.0), 200),
        )
            .prop_map(|(n, base, bh, bc, th, tc, draws)| {
                let start = date(2024, 1, 1);
                draws
                    .into_iter()
                    .take(n)
                    .enumerate()
                    .map(|(i, (t, e))| {
                        // a tenth of the days exactly on a whole degree
                        let t = if i % 10 == 0 { t.round() } else { t };
                        let u =
                            (base + bh * (th - t).max(0.0) + bc * (t - tc).max(0.0) + e).max(0.0);
                        DailyUsage {
                            date: start.add_days(i32::try_from(i).unwrap()).unwrap(),
                            usage: Kwh::new(Decimal::try_from(u).unwrap().round_dp(3)),
                            temperature_c: t,
                        }
                    })
                    .collect()
            })
    }

    fn options() -> RegressionOptions {
        RegressionOptions::default()
            .grid(BalancePointGrid::celsius(0.0, 30.0, 1.0).unwrap())
            .baseline_days(30)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Scaling usage by k scales the coefficients by k and leaves the
        /// fit quality and the selection unchanged (up to rounding: a near
        /// tie may go either way, but then with the same adjusted R²).
        #[test]
        fn scaling_usage_scales_coefficients(days in year_strategy(), k in prop::sample::select(vec![2i64, 3, 10])) {
            let scaled: Vec<DailyUsage> = days.iter().map(|d| DailyUsage {
                usage: Kwh::new(d.usage.value() * Decimal::from(k)),
                ..d.clone()
            }).collect();
            let a = fit(&UsageData::Daily { days }, &options()).unwrap();
            let b = fit(&UsageData::Daily { days: scaled }, &options()).unwrap();
            match (a.model, b.model) {
                (Some(a), Some(b)) => {
                    let kf = k as f64;
                    prop_assert!((a.r_squared_adj - b.r_squared_adj).abs() < 1e-9);
                    if a.kind == b.kind
                        && a.heating_balance_point_c == b.heating_balance_point_c
                        && a.cooling_balance_point_c == b.cooling_balance_point_c
                    {
                        prop_assert!((a.intercept * kf - b.intercept).abs() <= 1e-9 * (1.0 + b.intercept.abs()));
                        for (x, y) in [(a.beta_hdd, b.beta_hdd), (a.beta_cdd, b.beta_cdd)] {
                            if let (Some(x), Some(y)) = (x, y) {
                                prop_assert!((x * kf - y).abs() <= 1e-9 * (1.0 + y.abs()));
                            }
                        }
                        let (ra, rb) = (a.metrics.r_squared.unwrap_or(0.0), b.metrics.r_squared.unwrap_or(0.0));
                        prop_assert!((ra - rb).abs() < 1e-9);
                    }
                }
                (a, b) => prop_assert_eq!(a.is_some(), b.is_some()),
            }
        }

        /// The order of the input days changes nothing, to the last bit.
        #[test]
        fn input_order_is_irrelevant(days in year_strategy(), seed in any::<u64>()) {
            let mut shuffled = days.clone();
            let mut s = seed | 1;
            for i in (1..shuffled.len()).rev() {
                s ^= s << 13; s ^= s >> 7; s ^= s << 17;
                shuffled.swap(i, (s % (i as u64 + 1)) as usize);
            }
            let o = options().keep_candidates(true);
            let a = fit(&UsageData::Daily { days }, &o).unwrap();
            let b = fit(&UsageData::Daily { days: shuffled }, &o).unwrap();
            prop_assert!(a == b);
        }

        /// The fast search and the full candidate list select the same
        /// model, and a baseline survives a JSON round trip unchanged.
        #[test]
        #[cfg(feature = "regression")]
        fn fast_path_and_serde(days in year_strategy()) {
            let data = UsageData::Daily { days };
            let fast = fit(&data, &options()).unwrap();
            let full = fit(&data, &options().keep_candidates(true)).unwrap();
            prop_assert_eq!(&fast.model, &full.model);
            prop_assert_eq!(full.candidates.len(), options().grid.candidate_count());
            let json = serde_json::to_string(&full).unwrap();
            let back: Baseline = serde_json::from_str(&json).unwrap();
            prop_assert!(back == full);
        }

        /// Predictions over two parts of a period add up to the whole.
        #[test]
        fn split_predictions_add_up(days in year_strategy(), cut in 0usize..200) {
            let b = fit(&UsageData::Daily { days: days.clone() }, &options()).unwrap();
            if let Some(m) = b.model {
                let temps: Vec<DailyTemperature> = days.iter().map(|d| DailyTemperature {
                    date: d.date, temperature_c: d.temperature_c }).collect();
                let cut = cut.min(temps.len());
                let whole = m.predict(&temps).unwrap();
                let (x, y) = (m.predict(&temps[..cut]).unwrap(), m.predict(&temps[cut..]).unwrap());
                for (w, a, b) in [
                    (whole.total, x.total, y.total),
                    (whole.base, x.base, y.base),
                    (whole.heating, x.heating, y.heating),
                    (whole.cooling, x.cooling, y.cooling),
                ] {
                    prop_assert!((w - (a + b)).abs() <= 1e-9 * (1.0 + w.abs()));
                }
                prop_assert!((whole.total - (whole.base + whole.heating + whole.cooling)).abs() <= 1e-9 * (1.0 + whole.total.abs()));
                prop_assert_eq!(whole.days, temps.len() as f64);
            }
        }

        /// Decimal to f64 is correctly rounded (as Rust's own parser).
        #[test]
        fn usage_conversion_is_correctly_rounded(m in any::<i64>(), scale in 0u32..28) {
            let d = Decimal::new(m, scale);
            let via = d.to_string().parse::<f64>().unwrap();
            let days = vec![DailyUsage { date: date(2025, 1, 1), usage: Kwh::new(d.abs()), temperature_c: 1.0 }];
            let (_, obs, _) = data::prepare(&UsageData::Daily { days }, data::Total::NotNeeded, None).unwrap();
            prop_assert_eq!(obs.usage_per_day[0], via.abs());
        }
    }

    /// 365 days of exact usage `2 + 0.5·HDD(15)` from 2025-01-01, with the
    /// days of `skip` (offsets) left out.
    fn year_without(skip: &[i32]) -> Vec<DailyUsage> {
        let start = date(2025, 1, 1);
        (0..365)
            .filter(|i| !skip.contains(i))
            .map(|i| {
                let t = f64::from((i * 7) % 31 - 5);
                let u = 2.0 + 0.5 * (15.0 - t).max(0.0);
                DailyUsage {
                    date: start.add_days(i).unwrap(),
                    usage: Kwh::new(Decimal::try_from(u).unwrap()),
                    temperature_c: t,
                }
            })
            .collect()
    }

    fn yearly() -> RegressionOptions {
        RegressionOptions::default().grid(BalancePointGrid::celsius(10.0, 20.0, 1.0).unwrap())
    }

    #[test]
    fn a_missing_first_or_last_day_is_a_missing_day_not_a_short_baseline() {
        let window = yearly()
            .baseline_start(Some(date(2025, 1, 1)))
            .baseline_end(Some(date(2025, 12, 31)));
        for skip in [0, 364] {
            let data = UsageData::Daily {
                days: year_without(&[skip]),
            };
            // From the data: 364 days, unusable (the old behaviour).
            let b = fit(&data, &yearly()).unwrap();
            assert_eq!(b.sufficiency.window_source, WindowSource::FromData);
            assert_eq!(b.sufficiency.window_days, 364);
            assert!(!b.usable());
            // On the window: usable, 364 of 365 days.
            let b = fit(&data, &window).unwrap();
            let s = &b.sufficiency;
            assert!(b.usable(), "{s:?}");
            assert_eq!(s.window_source, WindowSource::Given);
            assert_eq!((s.window_days, s.valid_days, s.missing_days), (365, 364, 1));
            let day = date(2025, 1, 1).add_days(skip).unwrap();
            assert_eq!(s.missing, vec![crate::Period::new(day, day).unwrap()]);
            assert_eq!(s.missing_ranges, 1);
            assert_eq!(s.get(CheckName::ValidDays).unwrap().value, 364.0 / 365.0);
            let m = b.model.unwrap();
            assert_eq!(m.heating_balance_point_c, Some(15.0));
            assert_eq!(m.baseline_min_temperature_c, Some(-5.0));
            assert_eq!(m.baseline_max_temperature_c, Some(25.0));
        }
    }

    #[test]
    fn the_window_ends_the_day_before_the_reporting_start() {
        // Data from 2025-01-01 to 2025-12-31, reporting from 2026-01-01:
        // the window is 2025 whatever the data; with reporting from
        // 2025-12-01 the window is the 365 days before, and December is
        // outside it.
        let data = UsageData::Daily {
            days: year_without(&[]),
        };
        let o = yearly().reporting_start(Some(date(2026, 1, 1)));
        let s = fit(&data, &o).unwrap().sufficiency;
        assert_eq!(s.window_source, WindowSource::FromReportingStart);
        assert_eq!(
            s.window,
            Some(Window {
                start: date(2025, 1, 1),
                end: date(2025, 12, 31)
            })
        );
        assert_eq!((s.missing_days, s.outside_window), (0, 0));
        let o = yearly().reporting_start(Some(date(2025, 12, 1)));
        let s = fit(&data, &o).unwrap().sufficiency;
        assert_eq!(s.window.unwrap().start, date(2024, 12, 1));
        assert_eq!((s.window_days, s.valid_days), (365, 334));
        assert_eq!(s.outside_window, 31);
        assert_eq!(
            s.missing,
            vec![crate::Period::new(date(2024, 12, 1), date(2024, 12, 31)).unwrap()]
        );
        // 334/365 = 91.5 %: passes
        assert!(s.passed());
    }

    #[test]
    fn billing_windows_keep_whole_bills_only() {
        // Bills of 10 days from 2025-01-01 to 2025-04-10 (10 bills), daily
        // temperatures for every day but 2025-02-15; the window is
        // 2025-01-06 to 2025-04-10: the first bill straddles its start and
        // is left out (its 10 days counted outside), so the window's first
        // 5 days are missing, and so is 2025-02-15.
        let start = date(2025, 1, 1);
        let periods: Vec<BillingPeriod> = (0..10)
            .map(|k| BillingPeriod {
                period: crate::Period::new(
                    start.add_days(10 * k).unwrap(),
                    start.add_days(10 * k + 9).unwrap(),
                )
                .unwrap(),
                usage: Kwh::new(Decimal::from(50 + k)),
            })
            .collect();
        let gap = date(2025, 2, 15);
        let temperatures: Vec<DailyTemperature> = (0..100)
            .map(|i| DailyTemperature {
                date: start.add_days(i).unwrap(),
                temperature_c: f64::from(i % 20) - 2.0,
            })
            .filter(|t| t.date != gap)
            .collect();
        let data = UsageData::Billing {
            periods,
            temperatures,
        };
        let o = options()
            .baseline_start(Some(date(2025, 1, 6)))
            .baseline_end(Some(date(2025, 4, 10)));
        let s = fit(&data, &o).unwrap().sufficiency;
        assert_eq!((s.window_days, s.valid_days, s.missing_days), (95, 89, 6));
        assert_eq!(s.outside_window, 10);
        assert_eq!(
            s.missing,
            vec![
                crate::Period::new(date(2025, 1, 6), date(2025, 1, 10)).unwrap(),
                crate::Period::new(gap, gap).unwrap(),
            ]
        );
        // From the data: the bills' own span, one day missing.
        let s = fit(&data, &options()).unwrap().sufficiency;
        assert_eq!(
            (s.window_days, s.missing_days, s.outside_window),
            (100, 1, 0)
        );
    }

    #[test]
    fn invalid_options_name_their_path() {
        let data = UsageData::Daily { days: vec![] };
        let path = |o: RegressionOptions| {
            let e = fit(&data, &o).unwrap_err();
            assert_eq!(e.code(), "invalid_value");
            e.location().and_then(|l| l.path.clone()).unwrap()
        };
        for (o, p) in [
            (options().baseline_days(0), "options.baseline_days"),
            (options().baseline_days(36_526), "options.baseline_days"),
            (
                options().min_total_degree_days_c(f64::NAN),
                "options.min_total_degree_days_c",
            ),
            (options().max_p_value(Some(0.0)), "options.max_p_value"),
            (
                options().min_valid_fraction(1.5),
                "options.min_valid_fraction",
            ),
            (
                options().outlier_iqr_factor(-1.0),
                "options.outlier_iqr_factor",
            ),
            (
                options()
                    .baseline_start(Some(date(2025, 2, 1)))
                    .baseline_end(Some(date(2025, 1, 1))),
                "options.baseline_end",
            ),
            (
                options()
                    .baseline_end(Some(date(2025, 1, 31)))
                    .reporting_start(Some(date(2025, 1, 31))),
                "options.reporting_start",
            ),
        ] {
            assert_eq!(path(o), p);
        }
        assert!(fit(&data, &options().baseline_days(36_525)).is_ok());
        let model = fit(
            &UsageData::Daily {
                days: year_without(&[]),
            },
            &yearly(),
        )
        .unwrap()
        .model
        .unwrap();
        let reporting = UsageData::Daily {
            days: year_without(&[]),
        };
        for (o, p) in [
            (
                SavingsOptions::default().min_reporting_days(-1),
                "options.min_reporting_days",
            ),
            (
                SavingsOptions::default().max_extrapolated_share(1.1),
                "options.max_extrapolated_share",
            ),
        ] {
            let e = model.metered_savings_with(&reporting, 0.9, &o).unwrap_err();
            assert_eq!(e.location().and_then(|l| l.path.as_deref()), Some(p));
        }
        let e = model.metered_savings(&reporting, 1.0).unwrap_err();
        assert_eq!(
            e.location().and_then(|l| l.path.as_deref()),
            Some("confidence_level")
        );
    }

    #[test]
    fn a_total_usage_overflow_names_the_day_or_bill() {
        let huge = Decimal::MAX; // 79228162514264337593543950335
        let mut days = year_without(&[]);
        // day 3 brings the total to half the range, day 7 beyond it
        days[3].usage = Kwh::new(huge / Decimal::TWO);
        days[7].usage = Kwh::new(huge);
        let model = fit(
            &UsageData::Daily {
                days: year_without(&[]),
            },
            &yearly(),
        )
        .unwrap()
        .model
        .unwrap();
        let e = model
            .metered_savings(&UsageData::Daily { days: days.clone() }, 0.9)
            .unwrap_err();
        assert_eq!(e.code(), "overflow");
        assert_eq!(e.location().and_then(|l| l.index), Some(7), "{e}");
        assert!(e.to_string().contains("total usage"), "{e}");
        // Fitting needs no exact total: huge values are only outliers.
        assert!(fit(&UsageData::Daily { days }, &yearly()).is_ok());
        let bill = |a: i32, u: Decimal| BillingPeriod {
            period: crate::Period::new(
                date(2025, 1, 1).add_days(a).unwrap(),
                date(2025, 1, 1).add_days(a + 29).unwrap(),
            )
            .unwrap(),
            usage: Kwh::new(u),
        };
        let temperatures = (0..90)
            .map(|i| DailyTemperature {
                date: date(2025, 1, 1).add_days(i).unwrap(),
                temperature_c: 5.0,
            })
            .collect();
        let bills = UsageData::Billing {
            periods: vec![bill(60, huge), bill(0, Decimal::ONE), bill(30, huge)],
            temperatures,
        };
        // in date order: bill 1, then bill 2 overflows (bill 0 is last)
        let e = model.metered_savings(&bills, 0.9).unwrap_err();
        assert_eq!(e.location().and_then(|l| l.index), Some(2), "{e}");
    }

    #[test]
    fn savings_warn_about_short_periods_and_extrapolation() {
        let model = fit(
            &UsageData::Daily {
                days: year_without(&[]),
            },
            &yearly(),
        )
        .unwrap()
        .model
        .unwrap();
        // A whole year within the baseline's range: no warning.
        let s = model
            .metered_savings(
                &UsageData::Daily {
                    days: year_without(&[]),
                },
                0.9,
            )
            .unwrap();
        assert_eq!(s.reporting_span_days, 365);
        assert_eq!(s.extrapolated_share, 0.0);
        assert!(s.warnings.is_empty());
        // A cold January: 31 days, 10 of them below −5 °C.
        let days: Vec<DailyUsage> = (0..31)
            .map(|i| DailyUsage {
                date: date(2026, 1, 1).add_days(i).unwrap(),
                usage: Kwh::new(Decimal::from(10)),
                temperature_c: if i < 10 { -8.0 } else { 2.0 },
            })
            .collect();
        let s = model
            .metered_savings(&UsageData::Daily { days: days.clone() }, 0.9)
            .unwrap();
        assert_eq!(s.reporting_span_days, 31);
        assert_eq!(
            (s.days_colder_than_baseline, s.days_warmer_than_baseline),
            (10, 0)
        );
        assert_eq!(s.extrapolated_share, 10.0 / 31.0);
        let codes: Vec<_> = s.warnings.iter().map(|w| w.code).collect();
        assert_eq!(
            codes,
            vec![
                SavingsWarningCode::ShortReportingPeriod,
                SavingsWarningCode::TemperatureExtrapolation
            ]
        );
        assert_eq!((s.warnings[0].value, s.warnings[0].limit), (31.0, 365.0));
        // The same cautions on a prediction of the same days.
        let temps: Vec<DailyTemperature> = days
            .iter()
            .map(|d| DailyTemperature {
                date: d.date,
                temperature_c: d.temperature_c,
            })
            .collect();
        let p = model
            .predict_with(&temps, &SavingsOptions::default())
            .unwrap();
        assert_eq!(p.prediction, model.predict(&temps).unwrap());
        assert_eq!(
            (p.reporting_span_days, p.days_colder_than_baseline),
            (31, 10)
        );
        assert_eq!(p.warnings, s.warnings);
        // Both limits can be changed.
        let lenient = SavingsOptions::default()
            .min_reporting_days(31)
            .max_extrapolated_share(0.5);
        let s = model
            .metered_savings_with(&UsageData::Daily { days }, 0.9, &lenient)
            .unwrap();
        assert!(s.warnings.is_empty());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// For any window and any missing days inside it (and data outside
        /// it), valid + missing = window days, and the listed ranges are
        /// exactly the missing days (up to the cap).
        #[test]
        fn window_days_are_valid_or_missing(
            offset in -30i32..30,
            len in 1i64..120,
            keep in proptest::collection::vec(any::<bool>(), 180),
        ) {
            let start = date(2025, 1, 1);
            let days: Vec<DailyUsage> = keep
                .iter()
                .enumerate()
                .filter(|(_, &k)| k)
                .map(|(i, _)| DailyUsage {
                    date: start.add_days(i32::try_from(i).unwrap() - 30).unwrap(),
                    usage: Kwh::new(Decimal::ONE),
                    temperature_c: 1.0,
                })
                .collect();
            let w0 = start.add_days(offset).unwrap();
            let o = options()
                .baseline_days(len)
                .baseline_start(Some(w0));
            let s = fit(&UsageData::Daily { days: days.clone() }, &o).unwrap().sufficiency;
            prop_assert_eq!(s.window_days, len);
            prop_assert_eq!(s.valid_days + s.missing_days, s.window_days);
            let inside = |d: &crate::Date| {
                let k = i64::from(crate::date::day_number(*d) - crate::date::day_number(w0));
                (0..len).contains(&k)
            };
            let valid = days.iter().filter(|d| inside(&d.date)).count() as i64;
            prop_assert_eq!(s.valid_days, valid);
            prop_assert_eq!(s.outside_window, days.len() as i64 - valid);
            let missing: Vec<crate::Date> = (0..len)
                .map(|k| w0.add_days(k as i32).unwrap())
                .filter(|d| !days.iter().any(|x| x.date == *d))
                .collect();
            let listed: Vec<crate::Date> = s.missing.iter()
                .flat_map(|p| (0..p.days()).map(|k| p.first().add_days(k).unwrap()))
                .collect();
            if s.missing_ranges <= MAX_LISTED_MISSING {
                prop_assert_eq!(listed, missing);
            } else {
                prop_assert_eq!(s.missing.len(), MAX_LISTED_MISSING);
                prop_assert!(missing.starts_with(&listed));
            }
        }
    }

    #[test]
    fn billing_negative_and_empty() {
        let empty = fit(&UsageData::Daily { days: vec![] }, &options()).unwrap();
        assert_eq!(empty.no_model_reason, Some(NoModelReason::NoData));
        assert!(!empty.usable());
        let bad = options().max_p_value(Some(1.5));
        assert_eq!(
            fit(&UsageData::Daily { days: vec![] }, &bad)
                .unwrap_err()
                .code(),
            "invalid_value"
        );
    }

    #[test]
    fn p_value_limit_disqualifies_weak_slopes() {
        // Usage unrelated to temperature: with CalTRACK 1.0's limit of 0.1
        // the heating slopes are mostly disqualified, and the intercept-only
        // model is the one left when they all are.
        let start = date(2025, 1, 1);
        let days: Vec<DailyUsage> = (0..120)
            .map(|i| DailyUsage {
                date: start.add_days(i).unwrap(),
                usage: Kwh::new(Decimal::from(5 + (i * 7919) % 3)),
                temperature_c: f64::from((i * 37) % 30) - 5.0,
            })
            .collect();
        let o = options().max_p_value(Some(0.1)).keep_candidates(true);
        let b = fit(&UsageData::Daily { days }, &o).unwrap();
        let disq = b
            .candidates
            .iter()
            .filter(|c| c.issues.contains(&CandidateIssue::BetaHddPValueTooHigh))
            .count();
        assert!(disq > 0);
        let m = b.model.unwrap();
        let chosen = b
            .candidates
            .iter()
            .find(|c| {
                c.kind == m.kind
                    && c.heating_balance_point_c == m.heating_balance_point_c
                    && c.cooling_balance_point_c == m.cooling_balance_point_c
            })
            .unwrap();
        assert_eq!(chosen.status, CandidateStatus::Qualified);
    }
}
