//! One meter's result of [`fit_many`](super::fit_many) as plain fields:
//! the tidy row the Python and JavaScript bindings return.

use super::batch::MeterBaseline;
#[cfg(doc)]
use super::Baseline;
use super::{CheckName, CheckStatus, ModelKind, NoModelReason};
use crate::date::Date;
#[cfg(doc)]
use crate::error::Error;
use crate::message::Lang;

/// One meter's result as plain fields, for a table of results (a pandas
/// DataFrame, a JavaScript array of objects): absent values are `None`
/// (serialised as `null`, so every row has every field).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeterRow {
    /// The meter's identifier.
    pub meter: String,
    /// Rows of the table for this meter.
    pub rows: usize,
    /// Whether the baseline may be used ([`Baseline::usable`]); false on an
    /// error.
    pub usable: bool,
    /// The selected model's form.
    pub model_kind: Option<ModelKind>,
    /// Why there is no model (the meter was fitted, no model qualified).
    pub no_model_reason: Option<NoModelReason>,
    /// Usage per day independent of temperature.
    pub intercept: Option<f64>,
    /// Heating balance point, °C.
    pub heating_balance_point_c: Option<f64>,
    /// Usage per °C-degree-day of heating.
    pub beta_hdd: Option<f64>,
    /// Cooling balance point, °C.
    pub cooling_balance_point_c: Option<f64>,
    /// Usage per °C-degree-day of cooling.
    pub beta_cdd: Option<f64>,
    /// Observations the model was fitted on.
    pub observations: Option<usize>,
    /// R².
    pub r_squared: Option<f64>,
    /// Adjusted R² (the selection's).
    pub r_squared_adj: Option<f64>,
    /// CV(RMSE).
    pub cv_rmse: Option<f64>,
    /// Normalised mean bias error.
    pub nmbe: Option<f64>,
    /// Root mean square error (usage per day).
    pub rmse: Option<f64>,
    /// Effective observations `n′`.
    pub n_prime: Option<f64>,
    /// First day of the baseline window.
    pub window_start: Option<Date>,
    /// Last day of the baseline window.
    pub window_end: Option<Date>,
    /// Days of the window.
    pub window_days: Option<i64>,
    /// Days of the window with usage and temperature.
    pub valid_days: Option<i64>,
    /// Days of the window without.
    pub missing_days: Option<i64>,
    /// Days of data outside the window.
    pub outside_window: Option<i64>,
    /// The sufficiency checks that failed (the reasons the baseline is not
    /// usable), in the report's order.
    pub failed_checks: Vec<CheckName>,
    /// The sufficiency checks that warned (outliers).
    pub warned_checks: Vec<CheckName>,
    /// The error's code ([`Error::code`]), when the meter could not be
    /// fitted.
    pub error_code: Option<String>,
    /// The error's message in the language asked for.
    pub error_message: Option<String>,
}

impl MeterRow {
    /// The fields' names, in order: the columns of a table of rows, even
    /// an empty one.
    pub const COLUMNS: [&'static str; 27] = [
        "meter",
        "rows",
        "usable",
        "model_kind",
        "no_model_reason",
        "intercept",
        "heating_balance_point_c",
        "beta_hdd",
        "cooling_balance_point_c",
        "beta_cdd",
        "observations",
        "r_squared",
        "r_squared_adj",
        "cv_rmse",
        "nmbe",
        "rmse",
        "n_prime",
        "window_start",
        "window_end",
        "window_days",
        "valid_days",
        "missing_days",
        "outside_window",
        "failed_checks",
        "warned_checks",
        "error_code",
        "error_message",
    ];

    /// The plain fields of `result`, an error's message in `lang`.
    pub fn new(result: &MeterBaseline, lang: Lang) -> MeterRow {
        let mut row = MeterRow {
            meter: result.meter.clone(),
            rows: result.rows,
            usable: false,
            model_kind: None,
            no_model_reason: None,
            intercept: None,
            heating_balance_point_c: None,
            beta_hdd: None,
            cooling_balance_point_c: None,
            beta_cdd: None,
            observations: None,
            r_squared: None,
            r_squared_adj: None,
            cv_rmse: None,
            nmbe: None,
            rmse: None,
            n_prime: None,
            window_start: None,
            window_end: None,
            window_days: None,
            valid_days: None,
            missing_days: None,
            outside_window: None,
            failed_checks: Vec::new(),
            warned_checks: Vec::new(),
            error_code: None,
            error_message: None,
        };
        let b = match &result.result {
            Ok(b) => b,
            Err(e) => {
                row.error_code = Some(e.code().to_string());
                row.error_message = Some(e.message(lang));
                return row;
            }
        };
        row.usable = b.usable();
        row.no_model_reason = b.no_model_reason;
        if let Some(m) = &b.model {
            row.model_kind = Some(m.kind);
            row.intercept = Some(m.intercept);
            row.heating_balance_point_c = m.heating_balance_point_c;
            row.beta_hdd = m.beta_hdd;
            row.cooling_balance_point_c = m.cooling_balance_point_c;
            row.beta_cdd = m.beta_cdd;
            row.observations = Some(m.metrics.observed_length);
            row.r_squared = m.metrics.r_squared;
            row.r_squared_adj = Some(m.r_squared_adj);
            row.cv_rmse = m.metrics.cv_rmse;
            row.nmbe = m.metrics.nmbe;
            row.rmse = Some(m.metrics.rmse);
            row.n_prime = m.metrics.n_prime;
        }
        let s = &b.sufficiency;
        row.window_start = s.window.map(|w| w.start);
        row.window_end = s.window.map(|w| w.end);
        row.window_days = Some(s.window_days);
        row.valid_days = Some(s.valid_days);
        row.missing_days = Some(s.missing_days);
        row.outside_window = Some(s.outside_window);
        for c in &s.checks {
            match c.status {
                CheckStatus::Fail => row.failed_checks.push(c.name),
                CheckStatus::Warn => row.warned_checks.push(c.name),
                CheckStatus::Pass => {}
            }
        }
        row
    }
}

/// [`MeterRow::new`] of every result, in order.
pub fn meter_rows(results: &[MeterBaseline], lang: Lang) -> Vec<MeterRow> {
    results.iter().map(|r| MeterRow::new(r, lang)).collect()
}
