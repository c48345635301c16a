//! The long table of [`regression_fit_many`](crate::batch::regression_fit_many)
//! as an Arrow table (pyarrow, polars…): its four columns read on the Rust
//! side into the core's [`MeterTable`], converted as the pandas path
//! converts them (a float usage through its shortest repr, a decimal
//! exactly, a missing usage or temperature a missing day for the core).
//! Other columns are ignored, as in a DataFrame.

use ecodefi::regression::{self, MeterTable};
use ecodefi::{msg, noun};
use ecodefi::{Decimal, Error, Kwh, Location};
use pyo3::prelude::*;
use rust_decimal::prelude::ToPrimitive;

use super::regression::{at, dates, numbers};
use super::{core_err, table, typed, Column};
use crate::frames::cells::{missing, out_of_range};
use crate::frames::{wrong_arrow_type, Expected, Numbers, Typed, Values};

/// The name the errors give the long table.
const WHAT: &str = "table";

/// The meter identifiers of an Arrow table: the core's text, and the
/// integers themselves for an integer column (so that the result's meter
/// column keeps them, as pandas' `factorize` does).
pub struct Meters {
    /// Each row's meter as text.
    pub text: Vec<String>,
    /// Each row's meter as an integer, for an integer column.
    pub ints: Option<Vec<i64>>,
}

/// The columns `meter`, `day`, `usage`, `temperature` (by these names) of
/// `obj` read into the core's table, with the meters' identifiers; `None`
/// if `obj` is not an Arrow table.
///
/// # Errors
/// A missing column; a column of a type that cannot hold what it should;
/// a missing meter or day, a day that is not one, a usage out of the
/// decimal range: each located at the table (`table`), row and column.
pub fn meter_table(
    obj: &Bound<'_, PyAny>,
    names: [&str; 4],
) -> PyResult<Option<(MeterTable, Meters)>> {
    let Some((all, mut cols)) = table(obj)? else {
        return Ok(None);
    };
    let mut typed_cols = Vec::with_capacity(names.len());
    for name in names {
        let Some(pos) = all.iter().position(|n| n == name) else {
            let mut at = Location::NONE;
            at.file = Some(WHAT.to_owned());
            return Err(core_err(Error::InvalidValue {
                what: noun!("column"),
                got: all.join(", "),
                why: msg!(
                    "the required column `{column}` is missing (accepted names: {names})",
                    column = name.to_owned(),
                    names = name.to_owned()
                ),
                at,
            }));
        };
        let column = std::mem::replace(&mut cols[pos], Column::empty());
        typed_cols.push(typed(&column, WHAT, name)?);
    }
    let [meter, day, usage, temperature] = names;
    let read = || -> Result<(MeterTable, Meters), Error> {
        let meters = meter_ids(meter, &typed_cols[0])?;
        // A column of nothing but missing cells (as an empty DataFrame's
        // day column reaches Arrow): no row is no day, a row is missing one.
        let days = match &typed_cols[1].values {
            Some(Values::Nulls(0)) => Vec::new(),
            Some(Values::Nulls(_)) => return Err(missing(at(WHAT, 0, day))),
            _ => dates(WHAT, day, &typed_cols[1])?,
        };
        let usage = usage_values(usage, &typed_cols[2])?;
        let temps = temperatures(temperature, &typed_cols[3])?;
        let table = MeterTable::new(&meters.text, days, usage, temps)?;
        Ok((table, meters))
    };
    read().map(Some).map_err(core_err)
}

/// Each row's meter: text, or integers (written in digits for the core).
fn meter_ids(column: &str, t: &Typed) -> Result<Meters, Error> {
    let required = |row: usize| missing(at(WHAT, row, column));
    match (&t.numbers, &t.values) {
        (Some(Numbers::Ints(v)), _) => Ok(Meters {
            text: v.iter().map(i64::to_string).collect(),
            ints: Some(v.clone()),
        }),
        (None, Some(Values::Strings(v))) => Ok(Meters {
            text: v.clone(),
            ints: None,
        }),
        (None, Some(Values::Text(v))) => Ok(Meters {
            text: v
                .iter()
                .enumerate()
                .map(|(row, s)| s.clone().ok_or_else(|| required(row)))
                .collect::<Result<_, _>>()?,
            ints: None,
        }),
        // Integers with a missing cell, or a column of nothing but
        // missing cells: the first missing cell is the error.
        (None, Some(Values::Decimals(v))) => match v.iter().position(Option::is_none) {
            Some(row) => Err(required(row)),
            None => Err(wrong_arrow_type(
                WHAT,
                column,
                &t.arrow_type,
                Expected::Text,
            )),
        },
        (None, Some(Values::Nulls(n))) if *n > 0 => Err(required(0)),
        (None, Some(Values::Nulls(_))) => Ok(Meters {
            text: Vec::new(),
            ints: None,
        }),
        _ => Err(wrong_arrow_type(
            WHAT,
            column,
            &t.arrow_type,
            Expected::Text,
        )),
    }
}

/// Usage in kWh: a float as the decimal its shortest repr prints
/// ([`regression::kwh_from_f64`], as for a pandas `float64` column), an
/// integer or a decimal exactly.
fn usage_values(column: &str, t: &Typed) -> Result<Vec<Option<Kwh>>, Error> {
    numbers(
        WHAT,
        column,
        t,
        |row, f| regression::kwh_from_f64(f).map_err(|e| e.within(&at(WHAT, row, column))),
        |i| Kwh::new(Decimal::from(i)),
        |_, d| Ok(Kwh::new(d)),
    )
}

/// The day's mean temperature, °C.
fn temperatures(column: &str, t: &Typed) -> Result<Vec<Option<f64>>, Error> {
    #[allow(clippy::cast_precision_loss)]
    numbers(
        WHAT,
        column,
        t,
        |_, f| Ok(f),
        |i| i as f64,
        |row, d| {
            d.to_f64()
                .ok_or_else(|| out_of_range(d.to_string(), at(WHAT, row, column)))
        },
    )
}
