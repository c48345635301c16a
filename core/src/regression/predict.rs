//! Using a fitted baseline: predicted usage over any days, split into base,
//! heating and cooling parts; metered savings over a reporting period; and
//! normalised annual consumption.
//!
//! Prediction follows CalTRACK 2.0 (eemeter 3.2.0
//! `_caltrack_predict_design_matrix`): each day contributes
//! `intercept + β_h·max(0, b_h − T) + β_c·max(0, T − b_c)`. Metered savings
//! are the predicted baseline ("counterfactual") usage minus the observed
//! usage over the reporting period (CalTRACK 2.0 §3.5.1). Normalised annual
//! consumption (PRISM, Fels 1986) is the model applied to a normal year's
//! daily temperatures, scaled to 365 days.

use crate::error::{Error, Location, Result};
use crate::named_enum;
use crate::quantity::Kwh;

use super::data::{prepare, to_f64, DailyTemperature, Interval, Total, UsageData};
use super::uncertainty::{error_bands, ErrorBands};
use super::FittedModel;
use crate::{msg, noun};

/// Predicted usage over some days, in the usage's unit, split by cause.
/// `f64`: a model estimate, not a measurement.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prediction {
    /// Days predicted.
    pub days: f64,
    /// Temperature-independent usage (intercept × days).
    pub base: f64,
    /// Heating-driven usage.
    pub heating: f64,
    /// Cooling-driven usage.
    pub cooling: f64,
    /// `base + heating + cooling`.
    pub total: f64,
}

impl Prediction {
    fn add(&mut self, other: &Prediction) {
        self.days += other.days;
        self.base += other.base;
        self.heating += other.heating;
        self.cooling += other.cooling;
        self.total += other.total;
    }

    fn scale(&self, k: f64) -> Prediction {
        Prediction {
            days: self.days * k,
            base: self.base * k,
            heating: self.heating * k,
            cooling: self.cooling * k,
            total: self.total * k,
        }
    }
}

/// When [`FittedModel::metered_savings_with`] warns about its result. Every
/// default is documented with its reasoning and can be changed.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SavingsOptions {
    min_reporting_days: i64,
    max_extrapolated_share: f64,
}

impl Default for SavingsOptions {
    fn default() -> Self {
        SavingsOptions {
            // An annual model compared with a few months carries a seasonal
            // bias (CalTRACK discussions #93 and #127, DOMAIN.md §11);
            // CalTRACK 2.0 reports savings over a 365-day reporting year.
            min_reporting_days: 365,
            // Our reasoning, not a CalTRACK rule: ASHRAE Guideline 14 asks
            // that a model be applied within the range of the independent
            // variable it was fitted on. We tolerate as large a share of
            // reporting days outside the baseline's temperatures as
            // CalTRACK tolerates missing baseline days (10 %,
            // `min_fraction_daily_coverage = 0.9`).
            max_extrapolated_share: 0.1,
        }
    }
}

impl SavingsOptions {
    /// Warn `short_reporting_period` below this many reporting days
    /// (default 365). In 0..=36525.
    #[must_use]
    pub fn min_reporting_days(mut self, days: i64) -> Self {
        self.min_reporting_days = days;
        self
    }

    /// Warn `temperature_extrapolation` when more than this share of the
    /// reporting days is outside the baseline's temperature range (default
    /// 0.1). In [0, 1].
    #[must_use]
    pub fn max_extrapolated_share(mut self, share: f64) -> Self {
        self.max_extrapolated_share = share;
        self
    }

    fn validate(&self) -> Result<()> {
        if !(0..=36_525).contains(&self.min_reporting_days) {
            return Err(Error::invalid(
                noun!("minimum reporting days"),
                self.min_reporting_days,
                msg!("must be between 0 and 36525"),
            )
            .at_path("options.min_reporting_days"));
        }
        if !(0.0..=1.0).contains(&self.max_extrapolated_share) {
            return Err(Error::invalid(
                noun!("maximum extrapolated share"),
                self.max_extrapolated_share,
                msg!("must be in [0, 1]"),
            )
            .at_path("options.max_extrapolated_share"));
        }
        Ok(())
    }
}

named_enum! {
    /// Why a savings result deserves caution.
    #[non_exhaustive]
    pub enum SavingsWarningCode ("savings warning") {
        /// The reporting period is shorter than `min_reporting_days`: an
        /// annual model over a few months carries a seasonal bias.
        ShortReportingPeriod = "short_reporting_period",
        /// More than `max_extrapolated_share` of the reporting days are
        /// colder or warmer than any baseline day: the model extrapolates.
        TemperatureExtrapolation = "temperature_extrapolation",
    }
}

/// A warning on a savings result: what was measured against its limit.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavingsWarning {
    /// Which warning.
    pub code: SavingsWarningCode,
    /// The measured value (reporting days, or the extrapolated share).
    pub value: f64,
    /// The limit it broke.
    pub limit: f64,
}

/// A prediction over some days with the same cautions as [`Savings`]: the
/// days' span, how many are outside the baseline's temperatures, and the
/// warnings at the limits of a [`SavingsOptions`].
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PredictionReport {
    /// The prediction summed over the days.
    pub prediction: Prediction,
    /// Days from the first to the last day predicted, both included.
    pub reporting_span_days: i64,
    /// Days colder than the coldest baseline day.
    pub days_colder_than_baseline: usize,
    /// Days warmer than the warmest baseline day.
    pub days_warmer_than_baseline: usize,
    /// `(colder + warmer) / days` (0 without days or recorded range).
    pub extrapolated_share: f64,
    /// Warnings, as in [`Savings::warnings`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<SavingsWarning>,
}

/// Metered savings over a reporting period.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Savings {
    /// Reporting observations used (days, or bills).
    pub reporting_observations: usize,
    /// What the baseline predicts for the reporting period.
    pub counterfactual: Prediction,
    /// What was metered over the same observations (exact).
    pub observed: Kwh,
    /// `counterfactual − observed`: positive when usage went down.
    pub savings: f64,
    /// `savings / counterfactual` (absent when the counterfactual is 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub savings_fraction: Option<f64>,
    /// Error bands of `savings` (absent when undefined).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_bands: Option<ErrorBands>,
    /// Fractional savings uncertainty: FSU band / savings (absent when
    /// savings are 0 or the band undefined).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fractional_savings_uncertainty: Option<f64>,
    /// Days from the first to the last reporting day, both included.
    pub reporting_span_days: i64,
    /// Reporting days colder than the coldest baseline day.
    pub days_colder_than_baseline: usize,
    /// Reporting days warmer than the warmest baseline day.
    pub days_warmer_than_baseline: usize,
    /// `(colder + warmer) / reporting days with a temperature` (0 when
    /// there are none, or when the model has no recorded range).
    pub extrapolated_share: f64,
    /// Warnings, in a fixed order (`short_reporting_period`, then
    /// `temperature_extrapolation`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<SavingsWarning>,
}

impl FittedModel {
    /// The prediction for one day at mean temperature `temperature_c`.
    pub fn predict_day(&self, temperature_c: f64) -> Prediction {
        let base = self.intercept;
        let heating = match (self.heating_balance_point_c, self.beta_hdd) {
            (Some(b), Some(beta)) => beta * (b - temperature_c).max(0.0),
            _ => 0.0,
        };
        let cooling = match (self.cooling_balance_point_c, self.beta_cdd) {
            (Some(b), Some(beta)) => beta * (temperature_c - b).max(0.0),
            _ => 0.0,
        };
        Prediction {
            days: 1.0,
            base,
            heating,
            cooling,
            total: base + heating + cooling,
        }
    }

    /// The total prediction for one day (no split).
    pub(crate) fn predict_total(&self, temperature_c: f64) -> f64 {
        let mut total = self.intercept;
        if let (Some(b), Some(beta)) = (self.heating_balance_point_c, self.beta_hdd) {
            total += beta * (b - temperature_c).max(0.0);
        }
        if let (Some(b), Some(beta)) = (self.cooling_balance_point_c, self.beta_cdd) {
            total += beta * (temperature_c - b).max(0.0);
        }
        total
    }

    fn predict_temps(&self, temps: &[f64]) -> Prediction {
        let mut sum = Prediction::default();
        for &t in temps {
            sum.add(&self.predict_day(t));
        }
        sum
    }

    /// The prediction summed over the given days.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] for a temperature that is not finite.
    pub fn predict(&self, days: &[DailyTemperature]) -> Result<Prediction> {
        let mut sum = Prediction::default();
        for (i, d) in days.iter().enumerate() {
            if !d.temperature_c.is_finite() {
                return Err(Error::invalid(
                    noun!("temperature"),
                    d.temperature_c,
                    msg!("a temperature must be a finite number of °C"),
                )
                .within(&Location::NONE.with_index(i)));
            }
            sum.add(&self.predict_day(d.temperature_c));
        }
        Ok(sum)
    }

    /// The prediction summed over `days`, as [`predict`](Self::predict),
    /// with the span of the days, those outside the baseline's temperature
    /// range and the warnings at the limits of `options`.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] for a temperature that is not finite (located
    /// at its index) or an option out of range (located at its path).
    pub fn predict_with(
        &self,
        days: &[DailyTemperature],
        options: &SavingsOptions,
    ) -> Result<PredictionReport> {
        options.validate()?;
        let prediction = self.predict(days)?;
        let first = days.iter().map(|d| crate::date::day_number(d.date)).min();
        let last = days.iter().map(|d| crate::date::day_number(d.date)).max();
        let span = match (first, last) {
            (Some(a), Some(b)) => i64::from(b) - i64::from(a) + 1,
            _ => 0,
        };
        let temperatures: Vec<f64> = days.iter().map(|d| d.temperature_c).collect();
        let (colder, warmer, extrapolated_share, warnings) =
            self.reporting_warnings(&temperatures, span, options);
        Ok(PredictionReport {
            prediction,
            reporting_span_days: span,
            days_colder_than_baseline: colder,
            days_warmer_than_baseline: warmer,
            extrapolated_share,
            warnings,
        })
    }

    /// Normalised annual consumption (PRISM's NAC, Fels 1986): the model
    /// applied to a normal year's daily mean temperatures (°C), scaled to
    /// 365 days.
    ///
    /// # Errors
    /// [`Error::InsufficientData`] for an empty series;
    /// [`Error::InvalidValue`] for a temperature that is not finite.
    pub fn normalised_annual_consumption(&self, normal_year_c: &[f64]) -> Result<Prediction> {
        if normal_year_c.is_empty() {
            return Err(Error::InsufficientData {
                why: msg!("a normal year needs at least one daily temperature"),
                at: crate::error::Location::NONE,
            });
        }
        if let Some(i) = normal_year_c.iter().position(|t| !t.is_finite()) {
            return Err(Error::invalid(
                noun!("temperature"),
                normal_year_c[i],
                msg!("a temperature must be a finite number of °C"),
            )
            .within(&Location::NONE.with_index(i)));
        }
        let p = self.predict_temps(normal_year_c);
        #[allow(clippy::cast_precision_loss)]
        Ok(p.scale(365.0 / normal_year_c.len() as f64))
    }

    /// The days of `temperatures` outside the baseline's range, their
    /// share, and the warnings of a reporting period spanning `span_days`.
    fn reporting_warnings(
        &self,
        temperatures: &[f64],
        span_days: i64,
        options: &SavingsOptions,
    ) -> (usize, usize, f64, Vec<SavingsWarning>) {
        let (mut colder, mut warmer) = (0usize, 0usize);
        if let (Some(lo), Some(hi)) = (
            self.baseline_min_temperature_c,
            self.baseline_max_temperature_c,
        ) {
            for &t in temperatures {
                colder += usize::from(t < lo);
                warmer += usize::from(t > hi);
            }
        }
        #[allow(clippy::cast_precision_loss)]
        let extrapolated_share = if temperatures.is_empty() {
            0.0
        } else {
            (colder + warmer) as f64 / temperatures.len() as f64
        };
        let mut warnings = Vec::new();
        #[allow(clippy::cast_precision_loss)]
        if span_days < options.min_reporting_days {
            warnings.push(SavingsWarning {
                code: SavingsWarningCode::ShortReportingPeriod,
                value: span_days as f64,
                limit: options.min_reporting_days as f64,
            });
        }
        if extrapolated_share > options.max_extrapolated_share {
            warnings.push(SavingsWarning {
                code: SavingsWarningCode::TemperatureExtrapolation,
                value: extrapolated_share,
                limit: options.max_extrapolated_share,
            });
        }
        (colder, warmer, extrapolated_share, warnings)
    }

    /// Metered savings over `reporting`: the baseline's prediction for each
    /// reporting observation minus its metered usage, with error bands at
    /// `confidence_level` (e.g. 0.9), and the default
    /// [`SavingsOptions`]' warnings.
    ///
    /// # Errors
    /// As [`metered_savings_with`](Self::metered_savings_with).
    pub fn metered_savings(&self, reporting: &UsageData, confidence_level: f64) -> Result<Savings> {
        self.metered_savings_with(reporting, confidence_level, &SavingsOptions::default())
    }

    /// Metered savings as [`metered_savings`](Self::metered_savings), with
    /// the warnings' limits of `options`.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] for a negative usage value, a temperature
    /// that is not finite (located at its index), a confidence level
    /// outside (0, 1) or an option out of range (located at its path);
    /// [`Error::Duplicate`] for a repeated day; [`Error::Overflow`] when the
    /// exact total overflows (located at the day or bill that made it
    /// overflow).
    pub fn metered_savings_with(
        &self,
        reporting: &UsageData,
        confidence_level: f64,
        options: &SavingsOptions,
    ) -> Result<Savings> {
        if !(confidence_level > 0.0 && confidence_level < 1.0) {
            return Err(Error::invalid(
                noun!("confidence level"),
                confidence_level,
                msg!("must be strictly between 0 and 1"),
            )
            .at_path("confidence_level"));
        }
        options.validate()?;
        let (interval, obs, coverage) = prepare(reporting, Total::Needed, None)?;
        if let Some(&i) = coverage.negative.first() {
            return Err(Error::invalid(
                noun!("usage"),
                "a negative value",
                msg!("metered usage cannot be negative (net metering is not supported)"),
            )
            .within(&Location::NONE.with_index(i)));
        }
        let mut counterfactual = Prediction::default();
        let mut observed_sum = 0.0;
        for i in 0..obs.len() {
            let temps = obs.temperatures_of(i);
            let days = obs.days.get(i).copied().unwrap_or(0.0);
            #[allow(clippy::cast_precision_loss)]
            let mean = self.predict_temps(temps).scale(1.0 / temps.len() as f64);
            let mut part = mean.scale(days);
            part.days = days;
            counterfactual.add(&part);
            observed_sum += obs.usage_per_day.get(i).copied().unwrap_or(0.0) * days;
        }
        let observed = obs.total_usage;
        let observed_f64 = to_f64(observed, noun!("observed usage"))?;
        let (colder, warmer, extrapolated_share, warnings) =
            self.reporting_warnings(&obs.temperatures, coverage.span_days, options);
        let savings = counterfactual.total - observed_f64;
        #[allow(clippy::cast_precision_loss)]
        let n = obs.len() as f64;
        let reporting_obs = match interval {
            Interval::Daily => n,
            // eemeter 3.2.0: months between the first and last bill, rounded
            // as Python rounds (half to even).
            #[allow(clippy::cast_precision_loss)]
            Interval::Billing => (coverage.span_days as f64 / 30.0).round_ties_even(),
        };
        let bands = if n > 0.0 {
            error_bands(
                &self.metrics,
                interval,
                reporting_obs,
                observed_sum / n,
                confidence_level,
            )
        } else {
            None
        };
        let fsu = bands
            .as_ref()
            .map(|b| b.fsu_error_band / savings)
            .filter(|x| x.is_finite());
        Ok(Savings {
            reporting_observations: obs.len(),
            counterfactual,
            observed: Kwh::new(observed),
            savings,
            savings_fraction: Some(savings / counterfactual.total).filter(|x| x.is_finite()),
            error_bands: bands,
            fractional_savings_uncertainty: fsu,
            reporting_span_days: coverage.span_days,
            days_colder_than_baseline: colder,
            days_warmer_than_baseline: warmer,
            extrapolated_share,
            warnings,
        })
    }
}
