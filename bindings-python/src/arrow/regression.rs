//! The weather regression's inputs as Arrow tables: daily usage
//! (`date`, `usage`, `temperature_c`: the core's
//! [`DailyUsage`] fields) and daily
//! temperatures (`date`, `temperature_c`). As with pandas Series, a day
//! missing its usage or temperature is left out (the core counts it in its
//! coverage check); a missing or bad date is an error naming the row.

use ecodefi::regression::{DailyTemperature, DailyUsage, Prediction};
use ecodefi::table::value;
use ecodefi::{msg, noun};
use ecodefi::{Date, Decimal, Error, Kwh, Location};
use pyo3::prelude::*;
use rust_decimal::prelude::ToPrimitive;

use super::{core_err, table, typed, Column};
use crate::frames::cells::{cell, day, missing, out_of_range};
use crate::frames::{float_decimal, wrong_arrow_type, Expected, Numbers, Typed, Values};

pub(super) fn at(table: &str, row: usize, column: &str) -> Location {
    cell(Some(table), row, column)
}

/// The column `name` is not among the `names` of table `what`.
pub(super) fn missing_column(what: &str, names: &[String], name: &str) -> Error {
    let mut at = Location::NONE;
    at.file = Some(what.to_owned());
    Error::InvalidValue {
        what: noun!("column"),
        got: names.join(", "),
        why: msg!(
            "the required column `{column}` is missing (accepted names: {names})",
            column = name.to_owned(),
            names = name.to_owned()
        ),
        at,
    }
}

/// The columns `wanted` of an Arrow table, by name; an unknown or missing
/// column is an error (the names are the core's field names).
fn columns(
    obj: &Bound<'_, PyAny>,
    what: &'static str,
    wanted: &[&'static str],
    expected: &'static str,
) -> PyResult<Option<Vec<Typed>>> {
    let Some((names, mut cols)) = table(obj)? else {
        return Ok(None);
    };
    let mut out = Vec::with_capacity(wanted.len());
    for name in wanted {
        let Some(pos) = names.iter().position(|n| n == name) else {
            return Err(core_err(missing_column(what, &names, name)));
        };
        let column: Column = std::mem::replace(&mut cols[pos], Column::empty());
        out.push(typed(&column, what, name)?);
    }
    if let Some(extra) = names.iter().find(|n| !wanted.contains(&n.as_str())) {
        let mut at = Location::NONE;
        at.file = Some(what.to_owned());
        return Err(core_err(Error::UnknownName {
            what: noun!("column"),
            got: extra.clone(),
            expected,
            at,
        }));
    }
    Ok(Some(out))
}

fn wrong_type(what: &str, column: &str, t: &Typed, expected: Expected) -> Error {
    wrong_arrow_type(what, column, &t.arrow_type, expected)
}

/// The days of column `column` of table `what`: Arrow dates (or
/// timestamps at midnight) or text read by the core ([`value::date`]).
pub(super) fn dates(what: &str, column: &str, t: &Typed) -> Result<Vec<Date>, Error> {
    if let Some(days) = &t.days {
        return days
            .iter()
            .enumerate()
            .map(|(row, &d)| day(d, || at(what, row, column)))
            .collect();
    }
    match &t.values {
        Some(Values::Strings(text)) => text
            .iter()
            .enumerate()
            .map(|(row, s)| value::date(s, "date").map_err(|e| e.within(&at(what, row, column))))
            .collect(),
        Some(Values::Text(text)) => text
            .iter()
            .enumerate()
            .map(|(row, s)| {
                let s = s.as_deref().ok_or_else(|| missing(at(what, row, column)))?;
                value::date(s, "date").map_err(|e| e.within(&at(what, row, column)))
            })
            .collect(),
        _ => Err(wrong_type(what, column, t, Expected::Dates)),
    }
}

/// Numbers of a column: `None` for a missing cell.
pub(super) fn numbers<T>(
    what: &str,
    column: &str,
    t: &Typed,
    float: impl Fn(usize, f64) -> Result<T, Error>,
    int: impl Fn(i64) -> T,
    decimal: impl Fn(usize, Decimal) -> Result<T, Error>,
) -> Result<Vec<Option<T>>, Error> {
    match (&t.numbers, &t.values) {
        (Some(Numbers::Floats(v)), _) => v
            .iter()
            .enumerate()
            .map(|(row, &f)| (!f.is_nan()).then(|| float(row, f)).transpose())
            .collect(),
        (Some(Numbers::Ints(v)), _) => Ok(v.iter().map(|&i| Some(int(i))).collect()),
        (None, Some(Values::Decimals(v))) => v
            .iter()
            .enumerate()
            .map(|(row, d)| d.map(|d| decimal(row, d)).transpose())
            .collect(),
        (None, Some(Values::Nulls(n))) => Ok((0..*n).map(|_| None).collect()),
        _ => Err(wrong_type(what, column, t, Expected::Numbers)),
    }
}

fn usage(what: &str, t: &Typed) -> Result<Vec<Option<Kwh>>, Error> {
    let column = "usage";
    numbers(
        what,
        column,
        t,
        |row, f| {
            // As a Python float reaches the core: its shortest repr.
            let mut buf = String::new();
            float_decimal(f, &mut buf)
                .map(Kwh::new)
                .ok_or_else(|| out_of_range(format!("{f}"), at(what, row, column)))
        },
        |i| Kwh::new(Decimal::from(i)),
        |_, d| Ok(Kwh::new(d)),
    )
}

/// Temperatures (°C) of column `column` of table `what`: floats, integers
/// or decimals (`None`: a missing cell).
pub(super) fn temperature(what: &str, column: &str, t: &Typed) -> Result<Vec<Option<f64>>, Error> {
    #[allow(clippy::cast_precision_loss)]
    numbers(
        what,
        column,
        t,
        |_, f| Ok(f),
        |i| i as f64,
        |row, d| {
            d.to_f64()
                .ok_or_else(|| out_of_range(d.to_string(), at(what, row, column)))
        },
    )
}

/// Daily usage from an Arrow table with the columns `date`, `usage` (kWh)
/// and `temperature_c` (°C); `None` if `obj` is not an Arrow table.
///
/// # Errors
/// A missing or unknown column, a column of the wrong type, a missing or
/// bad date; each naming the table (`usage`), the row and the column.
pub fn daily_usage(obj: &Bound<'_, PyAny>) -> PyResult<Option<Vec<DailyUsage>>> {
    let what = "usage";
    let Some(cols) = columns(
        obj,
        what,
        &["date", "usage", "temperature_c"],
        "date, usage, temperature_c",
    )?
    else {
        return Ok(None);
    };
    let read = || -> Result<Vec<DailyUsage>, Error> {
        let dates = dates(what, "date", &cols[0])?;
        let usage = usage(what, &cols[1])?;
        let temps = temperature(what, "temperature_c", &cols[2])?;
        Ok(dates
            .into_iter()
            .zip(usage)
            .zip(temps)
            .filter_map(|((date, usage), t)| {
                Some(DailyUsage {
                    date,
                    usage: usage?,
                    temperature_c: t?,
                })
            })
            .collect())
    };
    read().map(Some).map_err(core_err)
}

/// Daily temperatures from an Arrow table with the columns `date` and
/// `temperature_c` (°C); a day without a temperature is left out; `None`
/// if `obj` is not an Arrow table.
///
/// # Errors
/// As [`daily_usage`], naming the table `temperatures`.
pub fn temperatures(obj: &Bound<'_, PyAny>) -> PyResult<Option<Vec<DailyTemperature>>> {
    let what = "temperatures";
    let Some(cols) = columns(obj, what, &["date", "temperature_c"], "date, temperature_c")? else {
        return Ok(None);
    };
    let read = || -> Result<Vec<DailyTemperature>, Error> {
        let dates = dates(what, "date", &cols[0])?;
        let temps = temperature(what, "temperature_c", &cols[1])?;
        Ok(dates
            .into_iter()
            .zip(temps)
            .filter_map(|(date, t)| {
                Some(DailyTemperature {
                    date,
                    temperature_c: t?,
                })
            })
            .collect())
    };
    read().map(Some).map_err(core_err)
}

/// Per-day predictions as an [`ArrowTable`](super::ArrowTable): `date`
/// (`Date32`), `base`, `heating`, `cooling`, `total` (`Float64`, kWh).
///
/// # Errors
/// None in practice (the columns have the same length).
pub fn predictions<'py>(
    py: Python<'py>,
    days: &[DailyTemperature],
    per_day: &[Prediction],
) -> PyResult<Bound<'py, PyAny>> {
    use std::sync::Arc;

    use arrow_array::{ArrayRef, Date32Array, Float64Array, RecordBatch};

    let floats = |f: fn(&Prediction) -> f64| -> ArrayRef {
        Arc::new(Float64Array::from_iter_values(per_day.iter().map(f)))
    };
    let batch = RecordBatch::try_from_iter([
        (
            "date",
            Arc::new(Date32Array::from_iter_values(
                days.iter().map(|d| ecodefi::date::day_number(d.date)),
            )) as ArrayRef,
        ),
        ("base", floats(|p| p.base)),
        ("heating", floats(|p| p.heating)),
        ("cooling", floats(|p| p.cooling)),
        ("total", floats(|p| p.total)),
    ])
    .map_err(super::py_err)?;
    Ok(Bound::new(py, super::ArrowTable(batch))?.into_any())
}
