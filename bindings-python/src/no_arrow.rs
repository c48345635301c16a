//! Built without the `arrow` feature: no object is an Arrow table, and the
//! readers of `crate::frames` and `crate::regression` take their pandas
//! paths.

use pyo3::prelude::*;

use crate::frames::Typed;

/// No column is an Arrow column without the feature.
pub enum Column {}

/// Never an Arrow table.
///
/// # Errors
/// None.
#[allow(clippy::unnecessary_wraps)]
pub fn table(_obj: &Bound<'_, PyAny>) -> PyResult<Option<(Vec<String>, Vec<Column>)>> {
    Ok(None)
}

/// Never a column of an Arrow dtype.
///
/// # Errors
/// None.
#[allow(clippy::unnecessary_wraps)]
pub fn series(
    _obj: &Bound<'_, PyAny>,
    _table: ecodefi::table::Table,
    _name: &str,
) -> PyResult<Option<Typed>> {
    Ok(None)
}

/// Unreachable: there is no column.
///
/// # Errors
/// None.
pub fn typed(column: &Column, _table: &str, _name: &str) -> PyResult<Typed> {
    match *column {}
}

/// The long table of `regression_fit_many`: never an Arrow table.
pub mod batch {
    use ecodefi::regression::MeterTable;
    use pyo3::prelude::*;

    /// The distinct integer meters of an Arrow table (never one without
    /// the feature).
    pub type IntMeters = Option<Vec<i64>>;

    /// Never an Arrow table.
    ///
    /// # Errors
    /// None.
    #[allow(clippy::unnecessary_wraps)]
    pub fn meter_table(
        _obj: &Bound<'_, PyAny>,
        _names: [&str; 4],
    ) -> PyResult<Option<(MeterTable, IntMeters)>> {
        Ok(None)
    }
}

/// The weather regression's inputs: never Arrow tables.
pub mod regression {
    use ecodefi::regression::{DailyTemperature, DailyUsage, Prediction};
    use pyo3::prelude::*;

    /// Never an Arrow table.
    ///
    /// # Errors
    /// None.
    #[allow(clippy::unnecessary_wraps)]
    pub fn daily_usage(_obj: &Bound<'_, PyAny>) -> PyResult<Option<Vec<DailyUsage>>> {
        Ok(None)
    }

    /// Never an Arrow table.
    ///
    /// # Errors
    /// None.
    #[allow(clippy::unnecessary_wraps)]
    pub fn temperatures(_obj: &Bound<'_, PyAny>) -> PyResult<Option<Vec<DailyTemperature>>> {
        Ok(None)
    }

    /// Unreachable without the feature (no table is an Arrow table).
    ///
    /// # Errors
    /// Always: built without the `arrow` feature.
    pub fn predictions<'py>(
        _py: Python<'py>,
        _days: &[DailyTemperature],
        _per_day: &[Prediction],
    ) -> PyResult<Bound<'py, PyAny>> {
        Err(pyo3::exceptions::PyNotImplementedError::new_err(
            "ecodefi was built without its `arrow` feature",
        ))
    }
}
