//! Results as Arrow: [`ArrowTable`], a table that any Arrow reader takes
//! through the PyCapsule interface (`pyarrow.table(t)`,
//! `polars.DataFrame(t)`), built from the same
//! rows as the pandas frames (`Report.to_arrow`, `ecodefi/_pandas.py`).

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Decimal128Builder, Float64Builder, Int64Builder, StringBuilder,
};
use arrow_array::{Array, ArrayRef, NullArray, RecordBatch, StructArray};
use arrow_schema::{Field, Schema};
use ecodefi::Decimal;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyCapsule, PyDate, PyDateAccess, PyDateTime, PyFloat, PyInt, PyString};
use pyo3_arrow::error::PyArrowResult;
use pyo3_arrow::ffi::{to_schema_pycapsule, to_stream_pycapsule, ArrayIterator};

/// A table of results in Arrow form: pass it to ``pyarrow.table``,
/// ``polars.DataFrame`` or any reader of the Arrow PyCapsule interface
/// (``__arrow_c_stream__``).
#[pyclass(module = "ecodefi", name = "ArrowTable", frozen)]
pub struct ArrowTable(pub RecordBatch);

#[pymethods]
impl ArrowTable {
    /// The Arrow C stream of the table (the Arrow PyCapsule interface).
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyCapsule>>,
    ) -> PyArrowResult<Bound<'py, PyCapsule>> {
        let batch = self.0.clone();
        let schema = batch.schema();
        let field = Field::new_struct("", schema.fields().clone(), false)
            .with_metadata(schema.metadata().clone());
        let arrays = std::iter::once(Ok(Arc::new(StructArray::from(batch)) as ArrayRef));
        let reader = Box::new(ArrayIterator::new(arrays, Arc::new(field)));
        to_stream_pycapsule(py, reader, requested_schema)
    }

    /// The Arrow C schema of the table.
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyArrowResult<Bound<'py, PyCapsule>> {
        to_schema_pycapsule(py, self.0.schema().as_ref())
    }

    /// The number of rows.
    #[getter]
    fn num_rows(&self) -> usize {
        self.0.num_rows()
    }

    /// The column names, in order.
    #[getter]
    fn column_names(&self) -> Vec<String> {
        self.0
            .schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect()
    }

    fn __len__(&self) -> usize {
        self.0.num_rows()
    }

    fn __repr__(&self) -> String {
        let schema = self.0.schema();
        let columns: Vec<String> = schema
            .fields()
            .iter()
            .map(|f| format!("{}: {}", f.name(), f.data_type()))
            .collect();
        format!(
            "<ArrowTable {} rows: {}>",
            self.0.num_rows(),
            columns.join(", ")
        )
    }
}

/// What a column of Python values holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Null,
    Bool,
    Text,
    Date,
    Int,
    Decimal,
    Float,
}

fn kind_of(v: &Bound<'_, PyAny>) -> PyResult<Option<Kind>> {
    Ok(Some(if v.is_none() {
        return Ok(None);
    } else if v.is_instance_of::<PyBool>() {
        Kind::Bool
    } else if v.is_instance_of::<PyString>() {
        Kind::Text
    } else if v.is_instance_of::<PyDateTime>() {
        return Err(pyo3::exceptions::PyTypeError::new_err(
            "a datetime is not a day",
        ));
    } else if v.is_instance_of::<PyDate>() {
        Kind::Date
    } else if v.is_instance_of::<PyInt>() {
        Kind::Int
    } else if let Ok(f) = v.cast::<PyFloat>() {
        if f.value().is_nan() {
            return Ok(None);
        }
        Kind::Float
    } else if v.extract::<Decimal>().is_ok() {
        Kind::Decimal
    } else {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "a value of type `{}` has no Arrow form here",
            v.get_type().name()?
        )));
    }))
}

/// The kind of a column: numbers of different kinds meet as the widest
/// (int < Decimal, and float with either is float).
fn column_kind(name: &str, values: &[Bound<'_, PyAny>]) -> PyResult<Kind> {
    let mut kind = Kind::Null;
    for v in values {
        let Some(k) = kind_of(v)? else { continue };
        kind = match (kind, k) {
            (Kind::Null, k) => k,
            (a, b) if a == b => a,
            (Kind::Int, Kind::Decimal) | (Kind::Decimal, Kind::Int) => Kind::Decimal,
            (Kind::Int | Kind::Decimal | Kind::Float, Kind::Int | Kind::Decimal | Kind::Float) => {
                Kind::Float
            }
            _ => {
                return Err(pyo3::exceptions::PyTypeError::new_err(format!(
                    "the column `{name}` mixes values of different types"
                )))
            }
        };
    }
    Ok(kind)
}

fn days_since_epoch(d: &Bound<'_, PyDate>) -> PyResult<i32> {
    let day = ecodefi::Date::new(
        i16::try_from(d.get_year()).map_err(crate::arrow::py_err)?,
        i8::try_from(d.get_month()).map_err(crate::arrow::py_err)?,
        i8::try_from(d.get_day()).map_err(crate::arrow::py_err)?,
    )
    .map_err(crate::arrow::py_err)?;
    Ok(ecodefi::date::day_number(day))
}

/// At most 38 digits in a `Decimal128`.
const DIGITS: u32 = 38;

/// The digits of `d` left of its decimal point (at least 1).
fn integer_digits(d: Decimal) -> u32 {
    let whole = d.trunc().abs().mantissa();
    if whole == 0 {
        1
    } else {
        whole.ilog10() + 1
    }
}

/// The scale of a decimal column: its largest, so that every value is
/// exact, unless a value's whole digits and that scale would need more
/// than 38 digits; then the largest scale that fits them (the values with
/// more decimals are rounded to it, half to even).
fn column_scale(decimals: &[Option<Decimal>]) -> u32 {
    let largest = decimals
        .iter()
        .flatten()
        .map(Decimal::scale)
        .max()
        .unwrap_or(0);
    let whole = decimals
        .iter()
        .flatten()
        .map(|d| integer_digits(*d))
        .max()
        .unwrap_or(1);
    largest.min(DIGITS.saturating_sub(whole))
}

/// The mantissa of `d` at `scale` (exact when `scale` is at least its own).
fn at_scale(d: Decimal, scale: u32) -> Option<i128> {
    let d = d.round_dp(scale);
    10i128
        .checked_pow(scale - d.scale())
        .and_then(|f| d.mantissa().checked_mul(f))
}

/// One column of Python values as an Arrow array of its kind; decimals as
/// `Decimal128(38, s)` at the column's largest scale, or as `Float64` with
/// `floats`.
fn array(name: &str, values: &[Bound<'_, PyAny>], floats: bool) -> PyResult<ArrayRef> {
    let kind = column_kind(name, values)?;
    let present = |v: &Bound<'_, PyAny>| -> PyResult<bool> { Ok(kind_of(v)?.is_some()) };
    Ok(match kind {
        Kind::Null => Arc::new(NullArray::new(values.len())),
        Kind::Bool => {
            let mut b = BooleanBuilder::with_capacity(values.len());
            for v in values {
                b.append_option(if present(v)? {
                    Some(v.extract::<bool>()?)
                } else {
                    None
                });
            }
            Arc::new(b.finish())
        }
        Kind::Text => {
            let mut b = StringBuilder::new();
            for v in values {
                if present(v)? {
                    b.append_value(v.cast::<PyString>()?.to_cow()?);
                } else {
                    b.append_null();
                }
            }
            Arc::new(b.finish())
        }
        Kind::Date => {
            let mut b = Date32Builder::with_capacity(values.len());
            for v in values {
                b.append_option(if present(v)? {
                    Some(days_since_epoch(v.cast::<PyDate>()?)?)
                } else {
                    None
                });
            }
            Arc::new(b.finish())
        }
        Kind::Int => {
            let mut b = Int64Builder::with_capacity(values.len());
            for v in values {
                b.append_option(if present(v)? {
                    Some(v.extract::<i64>()?)
                } else {
                    None
                });
            }
            Arc::new(b.finish())
        }
        Kind::Float | Kind::Decimal if floats || kind == Kind::Float => {
            let mut b = Float64Builder::with_capacity(values.len());
            for v in values {
                b.append_option(if present(v)? {
                    Some(v.extract::<f64>()?)
                } else {
                    None
                });
            }
            Arc::new(b.finish())
        }
        Kind::Float | Kind::Decimal => {
            let decimals: Vec<Option<Decimal>> = values
                .iter()
                .map(|v| {
                    if present(v)? {
                        v.extract::<Decimal>().map(Some)
                    } else {
                        Ok(None)
                    }
                })
                .collect::<PyResult<_>>()?;
            let scale = column_scale(&decimals);
            let mut b = Decimal128Builder::with_capacity(values.len())
                .with_precision_and_scale(38, i8::try_from(scale).map_err(crate::arrow::py_err)?)
                .map_err(crate::arrow::py_err)?;
            for d in decimals {
                b.append_option(d.and_then(|d| at_scale(d, scale)));
            }
            Arc::new(b.finish())
        }
    })
}

/// An [`ArrowTable`] from named columns of Python values (``None`` or a
/// float NaN: missing): `str`, `bool`, `int` (`Int64`), `datetime.date`
/// (`Date32`), `float` (`Float64`), `decimal.Decimal` (exact `Decimal128`
/// at the column's largest scale, unless it would need more than 38
/// digits (see `column_scale`); or `Float64` with ``decimals="float"``).
/// Not public API: ``Report.to_arrow`` builds its tables with it.
#[pyfunction]
#[pyo3(name = "_arrow_table", signature = (columns, decimals = "decimal"))]
pub fn arrow_table(
    columns: Vec<(String, Vec<Bound<'_, PyAny>>)>,
    decimals: &str,
) -> PyResult<ArrowTable> {
    let floats = match decimals {
        "decimal" => false,
        "float" => true,
        other => {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "decimals is 'decimal' or 'float', got {other:?}"
            )))
        }
    };
    let mut fields = Vec::with_capacity(columns.len());
    let mut arrays = Vec::with_capacity(columns.len());
    let rows = columns.first().map_or(0, |(_, v)| v.len());
    for (name, values) in &columns {
        if values.len() != rows {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "the column `{name}` has {} values, the first {rows}",
                values.len()
            )));
        }
        let a = array(name, values, floats)?;
        fields.push(Field::new(name, a.data_type().clone(), true));
        arrays.push(a);
    }
    let schema = Arc::new(Schema::new(fields));
    let options = arrow_array::RecordBatchOptions::new().with_row_count(Some(rows));
    RecordBatch::try_new_with_options(schema, arrays, &options)
        .map(ArrowTable)
        .map_err(crate::arrow::py_err)
}
