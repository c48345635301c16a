//! The long table of [`regression_fit_many`](crate::batch::regression_fit_many)
//! as an Arrow table (pyarrow, polars…): its four columns read on the Rust
//! side into the core's [`MeterTable`], converted as the pandas path
//! converts them (a float usage through its shortest repr, a decimal
//! exactly, a missing usage or temperature a missing day for the core).
//! Other columns are ignored, as in a DataFrame.

use arrow_array::cast::AsArray;
use arrow_array::Array;
use arrow_schema::DataType;
use ecodefi::regression::{self, factorize, MeterTable};
use ecodefi::{Decimal, Error, Kwh};
use pyo3::prelude::*;

use super::regression::{at, dates, missing_column, numbers};
use super::{core_err, table, typed, Column};
use crate::frames::cells::missing;
use crate::frames::{wrong_arrow_type, Expected, Numbers, Typed, Values};

/// The name the errors give the long table.
const WHAT: &str = "table";

/// The distinct meters of an Arrow table's integer meter column, in the
/// order of their first rows (so that the result's meter column keeps
/// the integers, as pandas' `factorize` does); `None` for text.
pub type IntMeters = Option<Vec<i64>>;

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
) -> PyResult<Option<(MeterTable, IntMeters)>> {
    let Some((all, mut cols)) = table(obj)? else {
        return Ok(None);
    };
    let mut typed_cols = Vec::with_capacity(names.len());
    let mut meter_column = None;
    for name in names {
        let Some(pos) = all.iter().position(|n| n == name) else {
            return Err(core_err(missing_column(WHAT, &all, name)));
        };
        let column = std::mem::replace(&mut cols[pos], Column::empty());
        // The meter column is coded from its Arrow arrays (no `String`
        // per row); the others read as every table's columns are.
        if typed_cols.is_empty() && text_type(&column.data_type) {
            meter_column = Some(column);
            typed_cols.push(Typed {
                days: None,
                numbers: None,
                values: None,
                arrow_type: String::new(),
            });
        } else {
            typed_cols.push(typed(&column, WHAT, name)?);
        }
    }
    let [meter, day, usage, temperature] = names;
    let read = || -> Result<(MeterTable, IntMeters), Error> {
        let (ids, codes, ints) = match &meter_column {
            Some(column) => {
                let (ids, codes) = text_codes(column, meter)?;
                (ids, codes, None)
            }
            None => meter_codes(meter, &typed_cols[0])?,
        };
        // A column of nothing but missing cells (as an empty DataFrame's
        // day column reaches Arrow): no row is no day, a row is missing one.
        let days = match &typed_cols[1].values {
            Some(Values::Nulls(0)) => Vec::new(),
            Some(Values::Nulls(_)) => return Err(missing(at(WHAT, 0, day))),
            _ => dates(WHAT, day, &typed_cols[1])?,
        };
        let usage = usage_values(usage, &typed_cols[2])?;
        let temps = super::regression::temperature(WHAT, temperature, &typed_cols[3])?;
        let table = MeterTable::from_codes(ids, codes, days, usage, temps)?;
        Ok((table, ints))
    };
    read().map(Some).map_err(core_err)
}

/// Whether a column of `t` is text read by [`text_codes`].
fn text_type(t: &DataType) -> bool {
    matches!(t, DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View)
}

/// Each row's key for [`factorize`], a missing one `required(row)`.
fn keyed<K>(
    keys: impl Iterator<Item = Option<K>>,
    required: impl Fn(usize) -> Error,
) -> impl Iterator<Item = Result<K, Error>> {
    keys.enumerate()
        .map(move |(row, key)| key.ok_or_else(|| required(row)))
}

/// The meters of a text column, coded from its arrays: the distinct
/// identifiers and each row's index among them.
fn text_codes(column: &Column, name: &str) -> Result<(Vec<String>, Vec<u32>), Error> {
    let cells = column
        .chunks
        .iter()
        .flat_map(|a| -> Box<dyn Iterator<Item = Option<&str>>> {
            match a.data_type() {
                DataType::Utf8 => Box::new(a.as_string::<i32>().iter()),
                DataType::LargeUtf8 => Box::new(a.as_string::<i64>().iter()),
                _ => Box::new(a.as_string_view().iter()),
            }
        });
    let (distinct, codes) = factorize(keyed(cells, |row| missing(at(WHAT, row, name))))?;
    Ok((distinct.into_iter().map(str::to_owned).collect(), codes))
}

/// The meters of a column read as any column (integers, a dictionary of
/// text…): the distinct identifiers as the core's text, each row's index
/// among them, and the distinct integers of an integer column.
fn meter_codes(column: &str, t: &Typed) -> Result<(Vec<String>, Vec<u32>, IntMeters), Error> {
    let required = |row: usize| missing(at(WHAT, row, column));
    let text = |(distinct, codes): (Vec<&str>, Vec<u32>)| {
        let ids = distinct.into_iter().map(str::to_owned).collect();
        (ids, codes, None)
    };
    match (&t.numbers, &t.values) {
        (Some(Numbers::Ints(v)), _) => {
            let (distinct, codes) = factorize(v.iter().copied().map(Ok))?;
            let ids = distinct.iter().map(i64::to_string).collect();
            Ok((ids, codes, Some(distinct)))
        }
        (None, Some(Values::Strings(v))) => factorize(v.iter().map(|s| Ok(s.as_str()))).map(text),
        (None, Some(Values::Text(v))) => {
            factorize(keyed(v.iter().map(Option::as_deref), required)).map(text)
        }
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
        (None, Some(Values::Nulls(_))) => Ok((Vec::new(), Vec::new(), None)),
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
