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

/// What a column of [`MeterRow`] holds ([`MeterRow::COLUMN_KINDS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// Text (an identifier, a name, a code), absent as `None`.
    Text,
    /// A whole number, never absent.
    Count,
    /// A whole number, absent as `None` (no model, no window).
    OptionalCount,
    /// Yes or no, never absent.
    Bool,
    /// A real number, absent as `None`.
    Float,
    /// A day (ISO `YYYY-MM-DD` when serialised), absent as `None`.
    Date,
    /// A list of names (sufficiency checks), empty when none.
    Names,
}

impl ColumnKind {
    /// The kind's name: `text`, `count`, `optional_count`, `bool`,
    /// `float`, `date` or `names`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ColumnKind::Text => "text",
            ColumnKind::Count => "count",
            ColumnKind::OptionalCount => "optional_count",
            ColumnKind::Bool => "bool",
            ColumnKind::Float => "float",
            ColumnKind::Date => "date",
            ColumnKind::Names => "names",
        }
    }
}

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
    pub const COLUMNS: [&'static str; 27] = {
        let mut names = [""; 27];
        let mut i = 0;
        while i < names.len() {
            names[i] = Self::COLUMN_KINDS[i].0;
            i += 1;
        }
        names
    };

    /// Each field's name and what it holds, in the order of
    /// [`COLUMNS`](Self::COLUMNS): what a binding needs to give a table of
    /// rows its column types (pandas dtypes, Arrow types) without listing
    /// the columns again.
    pub const COLUMN_KINDS: [(&'static str, ColumnKind); 27] = [
        ("meter", ColumnKind::Text),
        ("rows", ColumnKind::Count),
        ("usable", ColumnKind::Bool),
        ("model_kind", ColumnKind::Text),
        ("no_model_reason", ColumnKind::Text),
        ("intercept", ColumnKind::Float),
        ("heating_balance_point_c", ColumnKind::Float),
        ("beta_hdd", ColumnKind::Float),
        ("cooling_balance_point_c", ColumnKind::Float),
        ("beta_cdd", ColumnKind::Float),
        ("observations", ColumnKind::OptionalCount),
        ("r_squared", ColumnKind::Float),
        ("r_squared_adj", ColumnKind::Float),
        ("cv_rmse", ColumnKind::Float),
        ("nmbe", ColumnKind::Float),
        ("rmse", ColumnKind::Float),
        ("n_prime", ColumnKind::Float),
        ("window_start", ColumnKind::Date),
        ("window_end", ColumnKind::Date),
        ("window_days", ColumnKind::OptionalCount),
        ("valid_days", ColumnKind::OptionalCount),
        ("missing_days", ColumnKind::OptionalCount),
        ("outside_window", ColumnKind::OptionalCount),
        ("failed_checks", ColumnKind::Names),
        ("warned_checks", ColumnKind::Names),
        ("error_code", ColumnKind::Text),
        ("error_message", ColumnKind::Text),
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

#[cfg(test)]
mod tests {
    use super::{ColumnKind, MeterRow};

    /// Each column's JSON values are of its kind, in a row with every
    /// value present and in one with every value absent.
    #[test]
    fn the_kinds_are_those_of_the_fields() {
        let full = r#"{"meter":"a","rows":3,"usable":true,"model_kind":"hdd_only",
            "no_model_reason":"no_data","intercept":1.5,"heating_balance_point_c":15.0,
            "beta_hdd":0.5,"cooling_balance_point_c":null,"beta_cdd":null,"observations":3,
            "r_squared":0.9,"r_squared_adj":0.8,"cv_rmse":0.1,"nmbe":0.0,"rmse":1.0,
            "n_prime":2.5,"window_start":"2024-01-01","window_end":"2024-12-31",
            "window_days":366,"valid_days":3,"missing_days":363,"outside_window":0,
            "failed_checks":["baseline_span"],"warned_checks":[],"error_code":"x",
            "error_message":"y"}"#;
        let row: MeterRow = serde_json::from_str(full).unwrap();
        let json = serde_json::to_value(&row).unwrap();
        for (name, kind) in MeterRow::COLUMN_KINDS {
            let v = &json[name];
            let ok = match kind {
                ColumnKind::Text => v.is_string(),
                ColumnKind::Count | ColumnKind::OptionalCount => v.is_u64() || v.is_i64(),
                ColumnKind::Bool => v.is_boolean(),
                ColumnKind::Float => v.is_f64() || v.is_null(),
                ColumnKind::Date => v.as_str().is_some_and(|d| d.len() == 10),
                ColumnKind::Names => v.is_array(),
            };
            assert!(ok, "{name}: {kind:?} but {v}");
        }
        let absent: MeterRow = serde_json::from_str(
            r#"{"meter":"a","rows":0,"usable":false,"model_kind":null,"no_model_reason":null,
            "intercept":null,"heating_balance_point_c":null,"beta_hdd":null,
            "cooling_balance_point_c":null,"beta_cdd":null,"observations":null,"r_squared":null,
            "r_squared_adj":null,"cv_rmse":null,"nmbe":null,"rmse":null,"n_prime":null,
            "window_start":null,"window_end":null,"window_days":null,"valid_days":null,
            "missing_days":null,"outside_window":null,"failed_checks":[],"warned_checks":[],
            "error_code":null,"error_message":null}"#,
        )
        .unwrap();
        let json = serde_json::to_value(&absent).unwrap();
        for (name, kind) in MeterRow::COLUMN_KINDS {
            let never_absent = matches!(
                kind,
                ColumnKind::Count | ColumnKind::Bool | ColumnKind::Names
            );
            assert_eq!(
                !json[name].is_null(),
                never_absent || name == "meter",
                "{name}"
            );
        }
        assert_eq!(MeterRow::COLUMNS[10], "observations");
    }
}
