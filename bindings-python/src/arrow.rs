//! The Arrow path (feature `arrow`): tables from any object with the Arrow
//! PyCapsule interface (`__arrow_c_stream__` or `__arrow_c_array__`:
//! pyarrow, polars, a pandas column of an Arrow dtype…) read a whole
//! column at a time on the Rust side, with [`pyo3_arrow`]; results exported
//! as an [`ArrowTable`] with the same interface.
//!
//! Column types read: text as `Utf8`, `LargeUtf8`, `Utf8View` or a
//! dictionary of any of these; days as `Date32`, `Date64` or timestamps at
//! midnight (a time zone is ignored: the stored value is read); numbers as
//! `Float64`/`Float32` (converted through the float's shortest repr, as the
//! pandas path does), integers, or `Decimal128`/`Decimal64`/`Decimal32`
//! (exact, with their scale); booleans; `Null`; a list column (children's
//! ages) as its items joined by spaces. Every error names the table, the
//! row and the column.

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Decimal128Type, Decimal32Type, Decimal64Type, Float32Type, Float64Type, Int16Type, Int32Type,
    Int64Type, Int8Type, UInt16Type, UInt32Type, UInt64Type, UInt8Type,
};
use arrow_array::{Array, ArrayRef};
use arrow_schema::{DataType, TimeUnit};
use ecodefi::table::Table;
use ecodefi::{msg, noun};
use ecodefi::{Decimal, Error, Location};
use pyo3::prelude::*;
use pyo3_arrow::input::AnyRecordBatch;
use pyo3_arrow::PyChunkedArray;

use crate::convert::Wrap;
use crate::frames::cells::{cell, out_of_range};
use crate::frames::{Numbers, Typed, Values};

pub mod batch;
pub mod export;
pub mod regression;

pub use export::{arrow_table, ArrowTable};

/// One column of an Arrow table: its chunks in order.
pub struct Column {
    chunks: Vec<ArrayRef>,
    data_type: DataType,
}

impl Column {
    /// A column of no rows, of the `Null` type.
    fn empty() -> Self {
        Column {
            chunks: Vec::new(),
            data_type: DataType::Null,
        }
    }
}

pub(crate) fn py_err(e: impl std::fmt::Display) -> PyErr {
    pyo3::exceptions::PyValueError::new_err(e.to_string())
}

fn core_err(e: Error) -> PyErr {
    PyErr::from(Wrap(e))
}

/// Whether `obj` is a pandas object: its own path reads it column by column
/// (a pandas DataFrame also has `__arrow_c_stream__`, through pyarrow, but
/// its object columns of `Decimal`s and dates are read better from cells).
fn is_pandas(obj: &Bound<'_, PyAny>) -> bool {
    obj.get_type()
        .module()
        .is_ok_and(|m| m.to_cow().is_ok_and(|m| m.starts_with("pandas")))
}

/// The column names and columns of `obj` if it is an Arrow table (an
/// object with `__arrow_c_stream__` or `__arrow_c_array__`, not pandas'),
/// `None` otherwise.
///
/// # Errors
/// The object's own export errors, or a stream that is not of record
/// batches.
pub fn table(obj: &Bound<'_, PyAny>) -> PyResult<Option<(Vec<String>, Vec<Column>)>> {
    if is_pandas(obj)
        || !(obj.hasattr("__arrow_c_stream__")? || obj.hasattr("__arrow_c_array__")?)
    {
        return Ok(None);
    }
    let obj = polars_without_null_columns(obj)?;
    let input: AnyRecordBatch = obj.extract()?;
    let reader = input.into_reader()?;
    let schema = reader.schema();
    let mut columns: Vec<Column> = schema
        .fields()
        .iter()
        .map(|f| Column {
            chunks: Vec::new(),
            data_type: f.data_type().clone(),
        })
        .collect();
    for batch in reader {
        let batch = batch.map_err(py_err)?;
        for (column, array) in columns.iter_mut().zip(batch.columns()) {
            column.chunks.push(Arc::clone(array));
        }
    }
    let names = schema.fields().iter().map(|f| f.name().clone()).collect();
    Ok(Some((names, columns)))
}

/// A polars DataFrame with its columns of the `Null` type (all missing)
/// cast to text: polars exports them with a buffer that arrow-rs refuses
/// (pola-rs/polars#22934). Any other object as it is.
fn polars_without_null_columns<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let polars = obj
        .get_type()
        .module()
        .is_ok_and(|m| m.to_cow().is_ok_and(|m| m.starts_with("polars")));
    if !polars || !obj.hasattr("with_columns")? {
        return Ok(obj.clone());
    }
    let pl = obj.py().import("polars")?;
    let nulls = pl.getattr("col")?.call1((pl.getattr("Null")?,))?;
    obj.call_method1(
        "with_columns",
        (nulls.call_method1("cast", (pl.getattr("String")?,))?,),
    )
}

/// A pandas column of an Arrow dtype read through its Arrow array
/// (`Series.array.__arrow_array__()`); `None` if it has none.
///
/// # Errors
/// pandas' or pyarrow's errors; the column's conversion errors.
pub fn series(obj: &Bound<'_, PyAny>, table: Table, name: &str) -> PyResult<Option<Typed>> {
    let array = obj.getattr("array")?;
    if !array.hasattr("__arrow_array__")? {
        return Ok(None);
    }
    let chunked: PyChunkedArray = array.call_method0("__arrow_array__")?.extract()?;
    let (chunks, field) = chunked.into_inner();
    let column = Column {
        chunks,
        data_type: field.data_type().clone(),
    };
    typed(&column, table.as_str(), name).map(Some)
}

fn at(table: &str, row: usize, column: &str) -> Location {
    cell(Some(table), row, column)
}

/// A column's cells gathered chunk by chunk with `f` (given each chunk and
/// the row of its first cell).
fn gather<T>(
    column: &Column,
    mut f: impl FnMut(&dyn Array, usize, &mut Vec<T>) -> PyResult<()>,
) -> PyResult<Vec<T>> {
    let mut v = Vec::with_capacity(column.chunks.iter().map(|c| Array::len(c.as_ref())).sum());
    let mut row0 = 0;
    for chunk in &column.chunks {
        f(chunk.as_ref(), row0, &mut v)?;
        row0 += chunk.len();
    }
    Ok(v)
}

/// A cell's text as Arrow writes it (for an error).
fn cell_text(a: &dyn Array, row: usize) -> String {
    arrow_cast::display::ArrayFormatter::try_new(a, &arrow_cast::display::FormatOptions::default())
        .map_or_else(|_| "?".to_owned(), |f| f.value(row).to_string())
}

/// Reads a column of an Arrow table into the cells the frame readers take.
///
/// # Errors
/// A type that no column holds; a decimal out of the core's range; a
/// timestamp with a time of day; each located at the table, row and column.
pub fn typed(column: &Column, table: &str, name: &str) -> PyResult<Typed> {
    let mut out = Typed {
        days: None,
        numbers: None,
        values: None,
        arrow_type: column.data_type.to_string(),
    };
    match &column.data_type {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View | DataType::Dictionary(..) => {
            out.values = Some(if column.chunks.iter().all(|c| c.null_count() == 0) {
                Values::Strings(gather(column, |a, _, v| strings_of(a, v).map_err(py_err))?)
            } else {
                Values::Text(gather(column, |a, _, v| text_of(a, v).map_err(py_err))?)
            });
        }
        DataType::Float64 | DataType::Float32 => {
            let floats = gather(column, |a, _, v| {
                if let Some(a) = a.as_primitive_opt::<Float64Type>() {
                    v.extend(a.iter().map(|f| f.unwrap_or(f64::NAN)));
                } else {
                    let a = a.as_primitive::<Float32Type>();
                    v.extend(a.iter().map(|f| f.map_or(f64::NAN, f64::from)));
                }
                Ok(())
            })?;
            out.numbers = Some(Numbers::Floats(floats));
        }
        t if t.is_integer() => {
            let ints = gather(column, |a, row0, v| {
                ints_of(a, row0, v).map_err(|row| {
                    core_err(out_of_range(cell_text(a, row - row0), at(table, row, name)))
                })
            })?;
            if ints.iter().all(Option::is_some) {
                out.numbers = Some(Numbers::Ints(ints.into_iter().flatten().collect()));
            } else {
                out.values = Some(Values::Decimals(
                    ints.into_iter().map(|i| i.map(Decimal::from)).collect(),
                ));
            }
        }
        DataType::Decimal128(_, scale)
        | DataType::Decimal64(_, scale)
        | DataType::Decimal32(_, scale) => {
            let decimals = gather(column, |a, row0, v| {
                decimals_of(a, *scale, row0, v).map_err(|row| {
                    core_err(out_of_range(cell_text(a, row - row0), at(table, row, name)))
                })
            })?;
            out.values = Some(Values::Decimals(decimals));
        }
        DataType::Date32 | DataType::Date64 | DataType::Timestamp(..) => {
            let days = gather(column, |a, row0, v| {
                days_of(a, row0, v).map_err(|row| {
                    core_err(Error::InvalidValue {
                        what: noun!("cell"),
                        got: cell_text(a, row - row0),
                        why: msg!("expected a day, got a timestamp with a time of day"),
                        at: at(table, row, name),
                    })
                })
            })?;
            out.days = Some(days);
        }
        DataType::Boolean => {
            let bools = gather(column, |a, _, v| {
                v.extend(a.as_boolean().iter());
                Ok(())
            })?;
            out.values = Some(Values::Bools(bools));
        }
        DataType::Null => {
            out.values = Some(Values::Nulls(
                column.chunks.iter().map(|c| Array::len(c.as_ref())).sum(),
            ));
        }
        DataType::List(_) | DataType::LargeList(_) | DataType::ListView(_) => {
            // Children's ages: each list's items joined by spaces, as the
            // core reads a cell of ages (`"8 12"`).
            let text = gather(column, |a, _, v| lists_of(a, v).map_err(py_err))?;
            out.values = Some(Values::Text(text));
        }
        other => return Err(core_err(unsupported(other, table, name))),
    }
    Ok(out)
}

/// A column of a type no table column holds.
fn unsupported(t: &DataType, table: &str, name: &str) -> Error {
    let mut at = Location::NONE;
    at.file = Some(table.to_owned());
    at.column = Some(name.to_owned());
    Error::InvalidValue {
        what: noun!("column"),
        got: t.to_string(),
        why: msg!("this Arrow type cannot be read: text, numbers, days or booleans are expected"),
        at,
    }
}

/// Text cells of a string array without a missing cell (a dictionary's
/// unpacked first).
fn strings_of(a: &dyn Array, v: &mut Vec<String>) -> Result<(), arrow_schema::ArrowError> {
    v.reserve(a.len());
    match a.data_type() {
        DataType::Utf8 => {
            let a = a.as_string::<i32>();
            v.extend((0..a.len()).map(|i| a.value(i).to_owned()));
        }
        DataType::LargeUtf8 => {
            let a = a.as_string::<i64>();
            v.extend((0..a.len()).map(|i| a.value(i).to_owned()));
        }
        DataType::Utf8View => {
            let a = a.as_string_view();
            v.extend((0..a.len()).map(|i| a.value(i).to_owned()));
        }
        _ => strings_of(arrow_cast::cast(a, &DataType::Utf8)?.as_ref(), v)?,
    }
    Ok(())
}

/// Text cells of a string array (a dictionary's unpacked first).
fn text_of(a: &dyn Array, v: &mut Vec<Option<String>>) -> Result<(), arrow_schema::ArrowError> {
    v.reserve(a.len());
    match a.data_type() {
        DataType::Utf8 => v.extend(a.as_string::<i32>().iter().map(|s| s.map(str::to_owned))),
        DataType::LargeUtf8 => v.extend(a.as_string::<i64>().iter().map(|s| s.map(str::to_owned))),
        DataType::Utf8View => v.extend(a.as_string_view().iter().map(|s| s.map(str::to_owned))),
        _ => {
            // A dictionary (or any other type): cast to text by arrow-rs;
            // its numbers are written as Arrow writes them.
            let text = arrow_cast::cast(a, &DataType::Utf8)?;
            v.extend(text.as_string::<i32>().iter().map(|s| s.map(str::to_owned)));
        }
    }
    Ok(())
}

/// Integers of any width as `i64`; the row of a `UInt64` above `i64::MAX`
/// as the error.
fn ints_of(a: &dyn Array, row0: usize, v: &mut Vec<Option<i64>>) -> Result<(), usize> {
    macro_rules! widen {
        ($t:ty) => {
            if let Some(a) = a.as_primitive_opt::<$t>() {
                v.extend(a.iter().map(|i| i.map(i64::from)));
                return Ok(());
            }
        };
    }
    widen!(Int64Type);
    widen!(Int32Type);
    widen!(Int16Type);
    widen!(Int8Type);
    widen!(UInt32Type);
    widen!(UInt16Type);
    widen!(UInt8Type);
    let a = a.as_primitive::<UInt64Type>();
    for (row, i) in a.iter().enumerate() {
        v.push(
            i.map(|i| i64::try_from(i).map_err(|_| row0 + row))
                .transpose()?,
        );
    }
    Ok(())
}

/// Exact decimals from Arrow decimals of `scale`; the row of one out of
/// the core's range as the error.
fn decimals_of(
    a: &dyn Array,
    scale: i8,
    row0: usize,
    v: &mut Vec<Option<Decimal>>,
) -> Result<(), usize> {
    let exact = |mantissa: i128| -> Option<Decimal> {
        if scale >= 0 {
            Decimal::try_from_i128_with_scale(mantissa, u32::from(scale.unsigned_abs())).ok()
        } else {
            let factor = 10i128.checked_pow(u32::from(scale.unsigned_abs()))?;
            Decimal::try_from_i128_with_scale(mantissa.checked_mul(factor)?, 0).ok()
        }
    };
    let mantissas: Vec<Option<i128>> = if let Some(a) = a.as_primitive_opt::<Decimal128Type>() {
        a.iter().collect()
    } else if let Some(a) = a.as_primitive_opt::<Decimal64Type>() {
        a.iter().map(|m| m.map(i128::from)).collect()
    } else {
        let a = a.as_primitive::<Decimal32Type>();
        a.iter().map(|m| m.map(i128::from)).collect()
    };
    for (row, m) in mantissas.into_iter().enumerate() {
        v.push(m.map(|m| exact(m).ok_or(row0 + row)).transpose()?);
    }
    Ok(())
}

/// Whole days since 1970-01-01 of dates or timestamps at midnight; the
/// row of one with a time of day as the error.
fn days_of(a: &dyn Array, row0: usize, v: &mut Vec<Option<i64>>) -> Result<(), usize> {
    if let DataType::Date32 = a.data_type() {
        v.extend(
            a.as_primitive::<arrow_array::types::Date32Type>()
                .iter()
                .map(|d| d.map(i64::from)),
        );
        return Ok(());
    }
    // Date64 and timestamps: a whole number of days in their unit.
    let per_day: i64 = match a.data_type() {
        DataType::Timestamp(TimeUnit::Second, _) => 86_400,
        DataType::Timestamp(TimeUnit::Microsecond, _) => 86_400_000_000,
        DataType::Timestamp(TimeUnit::Nanosecond, _) => 86_400_000_000_000,
        _ => 86_400_000,
    };
    let ticks = arrow_cast::cast(a, &DataType::Int64).map_err(|_| row0)?;
    let ticks = ticks.as_primitive::<Int64Type>();
    for (row, t) in ticks.iter().enumerate() {
        v.push(match t {
            None => None,
            Some(t) if t.rem_euclid(per_day) == 0 => Some(t.div_euclid(per_day)),
            Some(_) => return Err(row0 + row),
        });
    }
    Ok(())
}

/// Each list's items (cast to text by arrow-rs) joined by spaces.
fn lists_of(a: &dyn Array, v: &mut Vec<Option<String>>) -> Result<(), arrow_schema::ArrowError> {
    let items = |i: usize| -> Result<String, arrow_schema::ArrowError> {
        let item = match a.data_type() {
            DataType::List(_) => a.as_list::<i32>().value(i),
            DataType::LargeList(_) => a.as_list::<i64>().value(i),
            _ => a.as_list_view::<i32>().value(i),
        };
        let mut text = Vec::new();
        text_of(item.as_ref(), &mut text)?;
        Ok(text.into_iter().flatten().collect::<Vec<_>>().join(" "))
    };
    for i in 0..a.len() {
        v.push(if a.is_null(i) { None } else { Some(items(i)?) });
    }
    Ok(())
}
