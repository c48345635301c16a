//! Many meters at once ([`ecodefi::regression::fit_many`]): a long
//! DataFrame's columns to the core's `MeterTable`, the core's `MeterRow`s
//! back to a DataFrame (`ecodefi/_regression.py` picks the columns and
//! builds the frame; every check is the core's).

use ecodefi::regression::{self, MeterRow, MeterTable, RegressionOptions};
use ecodefi::{msg, noun};
use ecodefi::{Date, Error, Kwh, Location};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::convert::{from_python, is_missing, to_python, Wrap};
use crate::frames::cells;
use crate::frames::{datetime64_days, numpy_values};

fn core<T>(r: ecodefi::Result<T>) -> PyResult<T> {
    r.map_err(|e| PyErr::from(Wrap(e)))
}

/// Row `row` (position from 0) of column `name` (the long table has no
/// name).
fn cell(name: &str, row: usize) -> Location {
    cells::cell(None, row, name)
}

fn required(name: &str, row: usize) -> Error {
    cells::missing(cell(name, row))
}

/// A `float64` array's values, NaN as `None`.
fn floats(obj: &Bound<'_, PyAny>) -> PyResult<Vec<Option<f64>>> {
    Ok(numpy_values(obj, "float64", f64::from_ne_bytes)?
        .into_iter()
        .map(|x| (!x.is_nan()).then_some(x))
        .collect())
}

/// Fits a weather-regression baseline (CalTRACK 2.0, as
/// :func:`regression_fit`) for every meter of a long table, in parallel.
///
/// ``table`` is a pandas DataFrame, or an Arrow table (any object with
/// ``__arrow_c_stream__``: pyarrow, polars; read on the Rust side, the same
/// results), with one row per meter and day; the keyword arguments name
/// its columns, other columns are ignored: ``meter`` (any hashable
/// identifier), ``day`` (``datetime64``, ``datetime.date`` or ISO ``str``,
/// without a time of day), ``usage`` (kWh: ``float``, ``int`` or
/// ``decimal.Decimal``; a float is read as the decimal its ``repr``
/// prints) and ``temperature`` (the day's mean, °C). Rows may come in any
/// order; a missing usage or temperature leaves the day out (a missing day
/// for the sufficiency checks). ``options`` is a dict of the core's
/// ``RegressionOptions``, the same for every meter; ``threads`` the worker
/// threads (default: ``ECODEFI_THREADS`` or every core); ``lang`` the language of the error
/// messages (``"en"`` or ``"fr"``).
///
/// Returns a DataFrame with one row per meter, in the order of the
/// meters' first rows: the meter, the model (``model_kind``, balance points
/// in °C, coefficients), its metrics, the sufficiency summary
/// (``usable``, ``window_start``…, ``failed_checks``) and, for a meter
/// that could not be fitted (a repeated day, a temperature that is not a
/// number), ``error_code`` and ``error_message`` (its row index is the
/// position of the table's row). Raises an :class:`EcodefiError` only for
/// what concerns the whole table (an option out of range, a missing
/// meter or day, a usage that is not a quantity).
#[pyfunction]
#[pyo3(signature = (
    table, *, meter="meter", day="day", usage="usage", temperature="temperature",
    options=None, threads=None, lang="en"
))]
#[allow(clippy::too_many_arguments)]
pub fn regression_fit_many<'py>(
    py: Python<'py>,
    table: &Bound<'py, PyAny>,
    meter: &str,
    day: &str,
    usage: &str,
    temperature: &str,
    options: Option<&Bound<'py, PyAny>>,
    threads: Option<usize>,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let lang = crate::report::parse_lang(lang)?;
    let options: RegressionOptions = match options {
        Some(o) if !o.is_none() => from_python(o)?,
        _ => RegressionOptions::default(),
    };
    let helpers = py.import("ecodefi._regression")?;
    let names = [meter, day, usage, temperature];
    let (table, uniques) = match crate::arrow::batch::meter_table(table, names)? {
        Some((table, ints)) => {
            // The meters in the order of their first rows, as `factorize`
            // gives them: integers kept as integers.
            let uniques = match ints {
                Some(ints) => ints.into_pyobject(py)?.into_any(),
                None => table.meters().into_pyobject(py)?.into_any(),
            };
            (table, uniques)
        }
        None => frame_meter_table(&helpers, table, names)?,
    };
    let rows = py.detach(|| {
        regression::fit_many(&table, &options, threads)
            .map(|results| regression::meter_rows(&results, lang))
    });
    let rows = to_python(py, &core(rows)?)?;
    // The core's columns and their kinds: the frame's dtypes follow them.
    let columns: Vec<(&str, &str)> = MeterRow::COLUMN_KINDS
        .iter()
        .map(|(name, kind)| (*name, kind.as_str()))
        .collect();
    helpers
        .getattr("meter_frame")?
        .call1((rows, uniques, columns))
}

/// The long table of a pandas DataFrame (or a dict of columns): its columns
/// picked by `ecodefi/_regression.py`, converted here; with the distinct
/// meters as pandas' `factorize` gives them.
fn frame_meter_table<'py>(
    helpers: &Bound<'py, PyModule>,
    table: &Bound<'py, PyAny>,
    names: [&str; 4],
) -> PyResult<(MeterTable, Bound<'py, PyAny>)> {
    let [meter, day, usage, temperature] = names;
    let cols =
        helpers
            .getattr("meter_table_columns")?
            .call1((table, meter, day, usage, temperature))?;
    let cols = cols.cast::<PyTuple>()?;
    let (uniques, codes, days, usage_col, usage_is_float, temps) = (
        cols.get_item(0)?,
        cols.get_item(1)?,
        cols.get_item(2)?,
        cols.get_item(3)?,
        cols.get_item(4)?.is_truthy()?,
        cols.get_item(5)?,
    );
    let ids: Vec<String> = helpers
        .getattr("meter_ids")?
        .call1((&uniques,))?
        .extract()?;
    let codes = numpy_values(&codes, "int64", i64::from_ne_bytes)?
        .into_iter()
        .enumerate()
        .map(|(row, c)| u32::try_from(c).map_err(|_| required(meter, row)))
        .collect::<Result<Vec<u32>, Error>>();
    let codes = core(codes)?;
    let days = datetime64_days(&days, |row| cell(day, row))?
        .into_iter()
        .enumerate()
        .map(|(row, d)| {
            let d = d.ok_or_else(|| required(day, row))?;
            i32::try_from(d)
                .map_err(|_| {
                    Error::invalid(
                        noun!("day number"),
                        d,
                        msg!("out of the calendar range (years -9999 to 9999)"),
                    )
                })
                .and_then(Date::from_day_number)
                .map_err(|e| e.within(&cell(day, row)))
        })
        .collect::<Result<Vec<Date>, Error>>();
    let days = core(days)?;
    let usage_values: Vec<Option<Kwh>> = if usage_is_float {
        core(
            floats(&usage_col)?
                .into_iter()
                .enumerate()
                .map(|(row, u)| {
                    u.map(regression::kwh_from_f64)
                        .transpose()
                        .map_err(|e| e.within(&cell(usage, row)))
                })
                .collect(),
        )?
    } else {
        usage_col
            .try_iter()?
            .map(|u| {
                let u = u?;
                Ok(if is_missing(&u) {
                    None
                } else {
                    Some(Kwh::new(u.extract::<Wrap<ecodefi::Decimal>>()?.0))
                })
            })
            .collect::<PyResult<_>>()?
    };
    let temps = floats(&temps)?;
    let table = core(MeterTable::from_codes(
        ids,
        codes,
        days,
        usage_values,
        temps,
    ))?;
    Ok((table, uniques))
}
