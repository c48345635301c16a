//! pandas DataFrames (or dicts of columns) to the core's columnar input,
//! [`ecodefi::table::Columns`], a whole column at a time.
//!
//! The DataFrame's column names are matched by the core
//! ([`ecodefi::table::Header`]: English names and French aliases, case and
//! accents ignored); a column is read with `tolist()` (or, for a
//! `datetime64` column, as whole days in one numpy conversion) and each cell
//! converted at the boundary: `Decimal`/`int` exactly, `float` through its
//! shortest repr, `datetime.date`/`Timestamp` (at midnight), `str` read by
//! the core's cell parsers ([`ecodefi::table::value`]: decimal comma, French
//! dates…). Missing cells (`None`, NaN, `pandas.NA`, `NaT`) are `None` in an
//! optional column and an error in a required one. Every error names the
//! table, the row (position from 0) and the column.

use ecodefi::table::{
    value, BillColumns, Columns, EventColumns, Header, HouseholdColumns, MeterColumns,
    PresenceColumns, PurchaseColumns, QuantityColumns, ReadingColumns, Table, TeamColumns,
    TemperatureColumns, TripColumns, WeighingColumns,
};
use ecodefi::{msg, noun};
use ecodefi::{Date, Decimal, Error, Location};
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyDate, PyDateAccess, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyString,
    PyTimeAccess, PyTuple,
};

use crate::convert::{is_missing, Wrap};

mod values;
pub use values::{wrong_arrow_type, Expected, Typed, Values};

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

/// The location of a cell of a DataFrame: table, row (from 0), column.
fn at(table: Table, row: usize, column: &str) -> Location {
    let mut at = Location::NONE.with_index(row);
    at.file = Some(table.as_str().to_owned());
    at.column = Some(column.to_owned());
    at
}

/// A cell that cannot stand for what its column holds.
fn bad_cell(
    table: Table,
    row: usize,
    column: &str,
    obj: &Bound<'_, PyAny>,
    expected: &str,
) -> Error {
    let got = obj
        .repr()
        .map_or_else(|_| type_name(obj), |r| r.to_string());
    Error::InvalidValue {
        what: noun!("cell"),
        got,
        why: msg!(
            "expected {expected}, got a value of type `{type}`",
            expected = expected,
            type = type_name(obj)
        ),
        at: at(table, row, column),
    }
}

fn missing(table: Table, row: usize, column: &str) -> Error {
    Error::InvalidValue {
        what: noun!("cell"),
        got: "a missing value".to_owned(),
        why: msg!(
            "the column `{column}` is required in every row",
            column = column
        ),
        at: at(table, row, column),
    }
}

/// One DataFrame column as Python objects, with its table and name.
struct Col<'py> {
    table: Table,
    name: &'static str,
    cells: Vec<Bound<'py, PyAny>>,
    /// Whole days since 1970-01-01, for a `datetime64` column.
    days: Option<Vec<Option<i64>>>,
    /// The values of a `float64` or integer column, read from its numpy
    /// buffer (NaN for a missing cell).
    numbers: Option<Numbers>,
    /// The cells of a column read from an Arrow table, other than numbers
    /// without missing values and days (`numbers`, `days`): taken by the
    /// one reader of the column (no copy of its text).
    values: std::cell::RefCell<Option<Values>>,
    /// The Arrow type of a column read from an Arrow table (for errors).
    arrow_type: String,
}

/// A numeric column's values, read at once from its numpy buffer (or its
/// Arrow buffer).
pub enum Numbers {
    /// Floats (`NaN`: a missing cell).
    Floats(Vec<f64>),
    /// Integers (no missing cell).
    Ints(Vec<i64>),
}

/// A float as an exact decimal through its shortest repr (the digits
/// Python's `repr` prints), written into `buf`; `None` if not finite or out
/// of the decimal range.
pub(crate) fn float_decimal(f: f64, buf: &mut String) -> Option<Decimal> {
    use std::fmt::Write as _;
    if !f.is_finite() {
        return None;
    }
    if f.fract() == 0.0 && f.abs() < 9.0e15 {
        // Integral and exactly representable: the same value, no text.
        #[allow(clippy::cast_possible_truncation)]
        return Some(Decimal::from(f as i64));
    }
    buf.clear();
    write!(buf, "{f}").ok()?;
    buf.parse().ok()
}

impl<'py> Col<'py> {
    fn locate(&self, row: usize) -> Location {
        at(self.table, row, self.name)
    }

    fn map<T>(
        &self,
        mut f: impl FnMut(usize, &Bound<'py, PyAny>) -> Result<T, Error>,
    ) -> Result<Vec<T>, Error> {
        self.cells
            .iter()
            .enumerate()
            .map(|(row, cell)| f(row, cell))
            .collect()
    }

    fn text_of(&self, row: usize, cell: &Bound<'py, PyAny>) -> Result<Option<String>, Error> {
        // The common case first: a str cell.
        if let Ok(s) = cell.cast::<PyString>() {
            return s
                .to_cow()
                .map(|s| Some(s.into_owned()))
                .map_err(|_| bad_cell(self.table, row, self.name, cell, "text"));
        }
        if is_missing(cell) {
            return Ok(None);
        }
        if !cell.is_instance_of::<PyBool>() {
            if let Ok(i) = cell.cast::<PyInt>() {
                return Ok(Some(i.to_string()));
            }
            if !cell.is_instance_of::<PyFloat>() && cell.hasattr("__index__").unwrap_or(false) {
                if let Ok(i) = cell.call_method0("__index__") {
                    return Ok(Some(i.to_string()));
                }
            }
        }
        Err(bad_cell(
            self.table,
            row,
            self.name,
            cell,
            "text (str) or an integer identifier",
        ))
    }

    /// Text cells (identifiers, names): `str`, or an integer written in
    /// digits.
    fn text(&self) -> Result<Vec<String>, Error> {
        if let Some(v) = self.values.take() {
            return self.values_required_text(v);
        }
        if self.numbers.is_some() {
            return self.required(self.text_opt()?);
        }
        self.map(|row, cell| {
            self.text_of(row, cell)?
                .ok_or_else(|| missing(self.table, row, self.name))
        })
    }

    /// Text cells where a missing cell is a blank one (`""`), as a blank
    /// CSV cell reaches the core: the core decides whether blank is
    /// allowed (e.g. a meter's usage).
    fn text_blank(&self) -> Result<Vec<String>, Error> {
        if let Some(v) = self.values.take() {
            return self.values_blank_text(v);
        }
        Ok(self
            .text_opt()?
            .into_iter()
            .map(Option::unwrap_or_default)
            .collect())
    }

    fn text_opt(&self) -> Result<Vec<Option<String>>, Error> {
        if let Some(v) = self.values.take() {
            return self.values_text(v);
        }
        match &self.numbers {
            Some(Numbers::Ints(v)) => return Ok(v.iter().map(|i| Some(i.to_string())).collect()),
            Some(Numbers::Floats(v)) => {
                return match v.iter().position(|f| !f.is_nan()) {
                    // Identifiers are text: a float column is not one.
                    Some(row) => Err(Error::InvalidValue {
                        what: noun!("cell"),
                        got: format!("{}", v[row]),
                        why: msg!("expected text (str) or an integer identifier, got a float"),
                        at: self.locate(row),
                    }),
                    None => Ok(vec![None; v.len()]),
                };
            }
            None => {}
        }
        self.map(|row, cell| self.text_of(row, cell))
    }

    fn decimal_of(
        &self,
        row: usize,
        cell: &Bound<'py, PyAny>,
        ratio: bool,
    ) -> Result<Option<Decimal>, Error> {
        let what = if ratio { "share" } else { "quantity" };
        let parse = |text: &str| {
            if ratio {
                value::ratio(text, what)
            } else {
                value::decimal(text, what)
            }
            .map_err(|e| e.within(&self.locate(row)))
        };
        if is_missing(cell) {
            return Ok(None);
        }
        if let Ok(s) = cell.cast::<PyString>() {
            let s = s
                .to_cow()
                .map_err(|_| bad_cell(self.table, row, self.name, cell, "a number"))?;
            return parse(&s).map(Some);
        }
        if cell.is_instance_of::<PyBool>() {
            return Err(bad_cell(self.table, row, self.name, cell, "a number"));
        }
        if let Ok(f) = cell.cast::<PyFloat>() {
            let f = f.value();
            if !f.is_finite() {
                return Err(bad_cell(
                    self.table,
                    row,
                    self.name,
                    cell,
                    "a finite number",
                ));
            }
            // The float's shortest repr, read by the core's decimal parser.
            return parse(&format!("{f}")).map(Some);
        }
        if let Ok(i) = cell.cast::<PyInt>() {
            return parse(&i.to_string()).map(Some);
        }
        match crate::convert::scalar_text(cell) {
            // decimal.Decimal (exact) and numpy integers.
            Ok(Some(text)) if !cell.is_instance_of::<PyDate>() => parse(&text).map(Some),
            _ => Err(bad_cell(
                self.table,
                row,
                self.name,
                cell,
                "a number (Decimal, int, float or str)",
            )),
        }
    }

    /// A numeric column's cells as decimals (`None` for NaN), or the first
    /// cell that cannot be one.
    fn number_decimals(&self, numbers: &Numbers) -> Result<Vec<Option<Decimal>>, Error> {
        let mut buf = String::with_capacity(32);
        match numbers {
            Numbers::Ints(v) => Ok(v.iter().map(|&i| Some(Decimal::from(i))).collect()),
            Numbers::Floats(v) => v
                .iter()
                .enumerate()
                .map(|(row, &f)| {
                    if f.is_nan() {
                        return Ok(None);
                    }
                    float_decimal(f, &mut buf)
                        .map(Some)
                        .ok_or_else(|| Error::InvalidValue {
                            what: noun!("cell"),
                            got: format!("{f}"),
                            why: msg!("a finite number within about ±7.9e28 is expected"),
                            at: self.locate(row),
                        })
                })
                .collect(),
        }
    }

    fn required<T>(&self, cells: Vec<Option<T>>) -> Result<Vec<T>, Error> {
        cells
            .into_iter()
            .enumerate()
            .map(|(row, c)| c.ok_or_else(|| missing(self.table, row, self.name)))
            .collect()
    }

    fn decimal(&self) -> Result<Vec<Decimal>, Error> {
        if let Some(n) = &self.numbers {
            return self.required(self.number_decimals(n)?);
        }
        if let Some(v) = self.values.take() {
            return self.required(self.values_decimal(v, false)?);
        }
        self.map(|row, cell| {
            self.decimal_of(row, cell, false)?
                .ok_or_else(|| missing(self.table, row, self.name))
        })
    }

    fn decimal_opt(&self) -> Result<Vec<Option<Decimal>>, Error> {
        if let Some(n) = &self.numbers {
            return self.number_decimals(n);
        }
        if let Some(v) = self.values.take() {
            return self.values_decimal(v, false);
        }
        self.map(|row, cell| self.decimal_of(row, cell, false))
    }

    fn ratio_opt(&self) -> Result<Vec<Option<Decimal>>, Error> {
        if let Some(n) = &self.numbers {
            return self.number_decimals(n);
        }
        if let Some(v) = self.values.take() {
            return self.values_decimal(v, true);
        }
        self.map(|row, cell| self.decimal_of(row, cell, true))
    }

    fn date(&self) -> Result<Vec<Date>, Error> {
        if let Some(v) = self.values.take() {
            return self.values_date(v);
        }
        if let Some(numbers) = &self.numbers {
            // pandas gives an empty or all-missing column a float dtype:
            // no row is no date, a NaN is a missing cell; the first number
            // is the error.
            let (rows, number) = match numbers {
                Numbers::Floats(v) => (v.len(), v.iter().position(|f| !f.is_nan())),
                Numbers::Ints(v) => (v.len(), (!v.is_empty()).then_some(0)),
            };
            return match number {
                Some(row) => Err(Error::InvalidValue {
                    what: noun!("cell"),
                    got: "a number".to_owned(),
                    why: msg!(
                        "expected a date (datetime64, datetime.date, Timestamp or str), got a numeric column"
                    ),
                    at: self.locate(row),
                }),
                None if rows == 0 => Ok(Vec::new()),
                None => Err(missing(self.table, 0, self.name)),
            };
        }
        if let Some(days) = &self.days {
            return days
                .iter()
                .enumerate()
                .map(|(row, d)| {
                    let d = d.ok_or_else(|| missing(self.table, row, self.name))?;
                    i32::try_from(d)
                        .map_err(|_| {
                            Error::invalid(noun!("date"), d, msg!("out of the calendar range"))
                        })
                        .and_then(ecodefi::date::date_of)
                        .map_err(|e| e.within(&self.locate(row)))
                })
                .collect();
        }
        self.map(|row, cell| {
            if is_missing(cell) {
                return Err(missing(self.table, row, self.name));
            }
            if let Ok(s) = cell.cast::<PyString>() {
                let s = s
                    .to_cow()
                    .map_err(|_| bad_cell(self.table, row, self.name, cell, "a date"))?;
                return value::date(&s, "date").map_err(|e| e.within(&self.locate(row)));
            }
            if let Ok(dt) = cell.cast::<PyDateTime>() {
                if dt.get_hour() != 0
                    || dt.get_minute() != 0
                    || dt.get_second() != 0
                    || dt.get_microsecond() != 0
                {
                    return Err(bad_cell(
                        self.table,
                        row,
                        self.name,
                        cell,
                        "a day (a timestamp at midnight)",
                    ));
                }
            }
            if let Ok(d) = cell.cast::<PyDate>() {
                let (y, m, day) = (d.get_year(), d.get_month(), d.get_day());
                return i16::try_from(y)
                    .ok()
                    .and_then(|y| Date::new(y, i8::try_from(m).ok()?, i8::try_from(day).ok()?).ok())
                    .ok_or_else(|| {
                        bad_cell(
                            self.table,
                            row,
                            self.name,
                            cell,
                            "a day within years -9999 to 9999",
                        )
                    });
            }
            Err(bad_cell(
                self.table,
                row,
                self.name,
                cell,
                "a date (datetime.date, Timestamp or str)",
            ))
        })
    }

    /// Whole counts (adults, meals, persons, trips) read by the core's
    /// `parse` (e.g. [`value::count`]); `None` for a missing cell (the
    /// caller decides whether the column allows one).
    fn counts<T>(
        &self,
        parse: fn(&str, &'static str) -> Result<T, Error>,
        what: &'static str,
    ) -> Result<Vec<Option<T>>, Error> {
        if let Some(v) = self.values.take() {
            return self.values_counts(v, parse, what);
        }
        if let Some(n) = &self.numbers {
            return self
                .number_decimals(n)?
                .into_iter()
                .enumerate()
                .map(|(row, d)| {
                    d.map(|d| {
                        parse(&d.normalize().to_string(), what)
                            .map_err(|e| e.within(&self.locate(row)))
                    })
                    .transpose()
                })
                .collect();
        }
        self.map(|row, cell| {
            if is_missing(cell) {
                return Ok(None);
            }
            if let Ok(s) = cell.cast::<PyString>() {
                let s = s
                    .to_cow()
                    .map_err(|_| bad_cell(self.table, row, self.name, cell, "a count"))?;
                return parse(&s, what)
                    .map(Some)
                    .map_err(|e| e.within(&self.locate(row)));
            }
            let text = if let Ok(f) = cell.cast::<PyFloat>() {
                // A count column with a missing cell elsewhere is float64 in
                // pandas: 2.0 is the count 2.
                let f = f.value();
                if f.fract() == 0.0 && f.is_finite() {
                    format!("{f}")
                } else {
                    return Err(bad_cell(self.table, row, self.name, cell, "a whole number"));
                }
            } else {
                match self.text_of(row, cell) {
                    Ok(Some(t)) => t,
                    _ => return Err(bad_cell(self.table, row, self.name, cell, "a whole number")),
                }
            };
            parse(&text, what)
                .map(Some)
                .map_err(|e| e.within(&self.locate(row)))
        })
    }

    fn count(&self) -> Result<Vec<u16>, Error> {
        self.required(self.counts(value::count, "number of adults")?)
    }

    /// Larger required counts (meals, persons), read by [`value::count32`].
    fn count32(&self, what: &'static str) -> Result<Vec<u32>, Error> {
        self.required(self.counts(value::count32, what)?)
    }

    /// Yes/no cells: a `bool` (Python or numpy), or text or an integer read
    /// by the core's [`value::yes_no`] (`oui`/`non`, `true`/`false`, `1`/`0`…).
    fn yes_no(&self, what: &'static str) -> Result<Vec<bool>, Error> {
        if let Some(v) = self.values.take() {
            return self.values_yes_no(v, what);
        }
        let parse = |row: usize, text: &str| {
            value::yes_no(text, what).map_err(|e| e.within(&self.locate(row)))
        };
        match &self.numbers {
            Some(Numbers::Ints(v)) => {
                return v
                    .iter()
                    .enumerate()
                    .map(|(row, i)| parse(row, &i.to_string()))
                    .collect();
            }
            Some(Numbers::Floats(v)) => {
                // pandas gives an all-missing column a float dtype; any
                // other float is not a yes/no value.
                return match v.iter().position(|f| !f.is_nan()) {
                    Some(row) => Err(Error::InvalidValue {
                        what: noun!("cell"),
                        got: format!("{}", v[row]),
                        why: msg!("expected a yes/no value (bool or str), got a float"),
                        at: self.locate(row),
                    }),
                    None if v.is_empty() => Ok(Vec::new()),
                    None => Err(missing(self.table, 0, self.name)),
                };
            }
            None => {}
        }
        self.map(|row, cell| {
            if let Ok(b) = cell.cast::<PyBool>() {
                return Ok(b.is_true());
            }
            if is_missing(cell) {
                return Err(missing(self.table, row, self.name));
            }
            if let Ok(s) = cell.cast::<PyString>() {
                let s = s
                    .to_cow()
                    .map_err(|_| bad_cell(self.table, row, self.name, cell, "yes or no"))?;
                return parse(row, &s);
            }
            if is_numpy_bool(cell) {
                return cell
                    .is_truthy()
                    .map_err(|_| bad_cell(self.table, row, self.name, cell, "yes or no"));
            }
            // An integer (Python or numpy) is its digits: `1`/`0`.
            if let Ok(Some(digits)) = self.text_of(row, cell) {
                return parse(row, &digits);
            }
            Err(bad_cell(
                self.table,
                row,
                self.name,
                cell,
                "a yes/no value (bool, or str such as `oui`/`non`)",
            ))
        })
    }

    /// Children's ages: a `str` as the core reads it (`"8 12"`), a list or
    /// tuple of ages, a single age, or missing for none.
    fn ages(&self) -> Result<Vec<String>, Error> {
        if let Some(v) = self.values.take() {
            return self.values_ages(v);
        }
        if let Some(n) = &self.numbers {
            // An Arrow column of single ages.
            return Ok(self
                .number_decimals(n)?
                .into_iter()
                .map(|d| d.map(|d| d.normalize().to_string()).unwrap_or_default())
                .collect());
        }
        self.map(|row, cell| {
            if is_missing(cell) {
                return Ok(String::new());
            }
            if let Ok(s) = cell.cast::<PyString>() {
                return s
                    .to_cow()
                    .map(std::borrow::Cow::into_owned)
                    .map_err(|_| bad_cell(self.table, row, self.name, cell, "ages"));
            }
            let items: Vec<Bound<'py, PyAny>> = if let Ok(l) = cell.cast::<PyList>() {
                l.iter().collect()
            } else if let Ok(t) = cell.cast::<PyTuple>() {
                t.iter().collect()
            } else if cell.hasattr("tolist").unwrap_or(false) && !cell.is_instance_of::<PyFloat>() {
                match cell.call_method0("tolist").map(Bound::cast_into::<PyList>) {
                    Ok(Ok(l)) => l.iter().collect(),
                    Ok(Err(e)) => vec![e.into_inner()],
                    Err(_) => return Err(bad_cell(self.table, row, self.name, cell, "ages")),
                }
            } else {
                vec![cell.clone()]
            };
            let mut out = Vec::with_capacity(items.len());
            for item in &items {
                let text = if let Ok(f) = item.cast::<PyFloat>() {
                    let f = f.value();
                    if f.fract() == 0.0 && f.is_finite() {
                        format!("{f}")
                    } else {
                        return Err(bad_cell(self.table, row, self.name, cell, "whole ages"));
                    }
                } else {
                    match self.text_of(row, item) {
                        Ok(Some(t)) => t,
                        _ => {
                            return Err(bad_cell(
                                self.table,
                                row,
                                self.name,
                                cell,
                                "ages (e.g. `8 12` or [8, 12])",
                            ))
                        }
                    }
                };
                out.push(text);
            }
            Ok(out.join(" "))
        })
    }
}

/// A numpy boolean scalar (`numpy.bool_`), as an object column may hold.
fn is_numpy_bool(obj: &Bound<'_, PyAny>) -> bool {
    let t = obj.get_type();
    let module = t.module().map(|m| m.to_string()).unwrap_or_default();
    let name = t.name().map(|n| n.to_string()).unwrap_or_default();
    module == "numpy" && (name == "bool" || name == "bool_")
}

/// A table given as a DataFrame (or a dict of columns), matched to its
/// documented columns by the core.
struct Frame<'py> {
    table: Table,
    header: Header,
    columns: Vec<Bound<'py, PyAny>>,
    /// The columns of an Arrow table (then `columns` is empty).
    arrow: Vec<crate::arrow::Column>,
}

fn as_list<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    if let Ok(l) = obj.cast::<PyList>() {
        return Ok(l.iter().collect());
    }
    if let Ok(t) = obj.cast::<PyTuple>() {
        return Ok(t.iter().collect());
    }
    let list = if obj.hasattr("tolist")? {
        obj.call_method0("tolist")?
    } else {
        obj.py()
            .import("builtins")?
            .getattr("list")?
            .call1((obj,))?
    };
    Ok(list
        .cast_into::<PyList>()
        .map_err(PyErr::from)?
        .iter()
        .collect())
}

/// Clears the header line of a header error: a DataFrame has none.
fn without_line(e: Error, table: Table) -> Error {
    let relocate = |mut at: Location| {
        at.line = None;
        at.file = Some(table.as_str().to_owned());
        at
    };
    match e {
        Error::UnknownName {
            what,
            got,
            expected,
            at,
        } => Error::UnknownName {
            what,
            got,
            expected,
            at: relocate(at),
        },
        Error::Duplicate { what, id, at } => Error::Duplicate {
            what,
            id,
            at: relocate(at),
        },
        Error::InvalidValue { what, got, why, at } => Error::InvalidValue {
            what,
            got,
            why,
            at: relocate(at),
        },
        other => other,
    }
}

impl<'py> Frame<'py> {
    fn new(table: Table, obj: &Bound<'py, PyAny>) -> PyResult<Self> {
        if let Some((names, arrow)) = crate::arrow::table(obj)? {
            let header = Header::new(table, &names)
                .map_err(|e| PyErr::from(Wrap(without_line(e, table))))?;
            return Ok(Frame {
                table,
                header,
                columns: Vec::new(),
                arrow,
            });
        }
        let (names, columns): (Vec<String>, Vec<Bound<'py, PyAny>>) = if let Ok(d) =
            obj.cast::<PyDict>()
        {
            let mut names = Vec::new();
            let mut cols = Vec::new();
            for (k, v) in d.iter() {
                names.push(k.str()?.to_cow()?.into_owned());
                cols.push(v);
            }
            (names, cols)
        } else if obj.hasattr("columns")? {
            let mut names = Vec::new();
            let mut cols = Vec::new();
            for k in as_list(&obj.getattr("columns")?)? {
                names.push(k.str()?.to_cow()?.into_owned());
                cols.push(obj.get_item(&k)?);
            }
            (names, cols)
        } else {
            return Err(pyo3::exceptions::PyTypeError::new_err(format!(
                    "the `{table}` table is a DataFrame (pandas, polars), an Arrow table or a dict of columns, got `{}`",
                    type_name(obj)
                )));
        };
        let header =
            Header::new(table, &names).map_err(|e| PyErr::from(Wrap(without_line(e, table))))?;
        Ok(Frame {
            table,
            header,
            columns,
            arrow: Vec::new(),
        })
    }

    /// The `c`-th documented column, or `None` if the frame lacks it.
    fn column(&self, c: usize) -> PyResult<Option<Col<'py>>> {
        let Some(pos) = self.header.position(c) else {
            return Ok(None);
        };
        let name = self.table.columns().get(c).map_or("", |col| col.name);
        if let Some(column) = self.arrow.get(pos) {
            let typed = crate::arrow::typed(column, self.table.as_str(), name)?;
            return Ok(Some(Col::typed(self.table, name, typed)));
        }
        let Some(obj) = self.columns.get(pos) else {
            return Ok(None);
        };
        let dtype = if obj.hasattr("dtype")? {
            obj.getattr("dtype")?.str()?.to_cow()?.into_owned()
        } else {
            String::new()
        };
        // A pandas column of an Arrow dtype (`ArrowDtype`, e.g.
        // `int64[pyarrow]`): its Arrow array, read as from an Arrow table.
        if dtype.ends_with("[pyarrow]") {
            if let Some(typed) = crate::arrow::series(obj, self.table, name)? {
                return Ok(Some(Col::typed(self.table, name, typed)));
            }
        }
        // pandas' text columns (`str`, `string`) kept by pyarrow: their
        // Arrow array too (the same cells, without a Python `str` each);
        // any failure leaves them to the cell path below.
        if (dtype == "str" || dtype == "string") && name != "children_ages" {
            if let Ok(Some(typed)) = crate::arrow::series(obj, self.table, name) {
                return Ok(Some(Col::typed(self.table, name, typed)));
            }
        }
        let days = if dtype.starts_with("datetime64[") {
            Some(datetime_days(obj, self.table, name)?)
        } else {
            None
        };
        // numpy dtypes only (not pandas' nullable `Int64`/`Float64`), and
        // not for ages, which are read from cells.
        let numbers = match dtype.as_str() {
            _ if name == "children_ages" => None,
            "float64" => Some(Numbers::Floats(numpy_values(
                obj,
                "float64",
                f64::from_ne_bytes,
            )?)),
            "int64" | "int32" | "int16" | "int8" | "uint8" | "uint16" | "uint32" => Some(
                Numbers::Ints(numpy_values(obj, "int64", i64::from_ne_bytes)?),
            ),
            _ => None,
        };
        let cells = if days.is_some() || numbers.is_some() {
            Vec::new()
        } else {
            as_list(obj)?
        };
        Ok(Some(Col {
            numbers,
            table: self.table,
            name,
            cells,
            days,
            values: std::cell::RefCell::new(None),
            arrow_type: String::new(),
        }))
    }

    /// A required column (the core's header check made sure it is there).
    fn req(&self, c: usize) -> PyResult<Col<'py>> {
        self.column(c)?.ok_or_else(|| {
            pyo3::exceptions::PyKeyError::new_err(format!("column {c} of `{}`", self.table))
        })
    }
}

/// A numeric column's values from its numpy buffer, as `dtype`, in one
/// copy.
pub(crate) fn numpy_values<T>(
    obj: &Bound<'_, PyAny>,
    dtype: &str,
    from: fn([u8; 8]) -> T,
) -> PyResult<Vec<T>> {
    let np = obj.py().import("numpy")?;
    let arr = np.call_method1("ascontiguousarray", (obj, dtype))?;
    let bytes = arr.call_method0("tobytes")?;
    let bytes = bytes.cast::<pyo3::types::PyBytes>()?.as_bytes();
    Ok(bytes
        .chunks_exact(8)
        .map(|c| {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            from(b)
        })
        .collect())
}

/// A `datetime64` column as whole days since 1970-01-01 (`None` for NaT),
/// converted by numpy in one pass; a value with a time of day is refused.
fn datetime_days(obj: &Bound<'_, PyAny>, table: Table, name: &str) -> PyResult<Vec<Option<i64>>> {
    datetime64_days(obj, |row| at(table, row, name))
}

/// [`datetime_days`] of any `datetime64` array or Series, a bad value
/// located by `locate(row)`.
pub(crate) fn datetime64_days(
    obj: &Bound<'_, PyAny>,
    locate: impl Fn(usize) -> Location,
) -> PyResult<Vec<Option<i64>>> {
    let np = obj.py().import("numpy")?;
    let arr = obj.call_method0("to_numpy")?;
    let days = arr.call_method1("astype", ("datetime64[D]",))?;
    // A value with a time of day is not a day: find the first, if any.
    let back = days.call_method1("astype", (arr.getattr("dtype")?,))?;
    let nat = np.call_method1("isnat", (&arr,))?;
    let bad = arr
        .call_method1("__ne__", (&back,))?
        .call_method1("__and__", (nat.call_method0("__invert__")?,))?;
    if bad.call_method0("any")?.is_truthy()? {
        let row: usize = bad.call_method0("argmax")?.extract()?;
        let cell = arr.get_item(row)?;
        return Err(PyErr::from(Wrap(Error::InvalidValue {
            what: noun!("cell"),
            got: cell.repr()?.to_string(),
            why: msg!("expected a day, got a timestamp with a time of day"),
            at: locate(row),
        })));
    }
    // NaT is the smallest int64 in numpy's datetime64.
    let ints = numpy_values(&days, "int64", i64::from_ne_bytes)?;
    Ok(ints
        .into_iter()
        .map(|d| if d == i64::MIN { None } else { Some(d) })
        .collect())
}

fn core<T>(r: Result<T, Error>) -> PyResult<T> {
    r.map_err(|e| PyErr::from(Wrap(e)))
}

/// An optional column read with `f`; empty (the core's "absent") if the
/// frame lacks it.
fn opt<'py, T: Default>(
    col: Option<Col<'py>>,
    f: impl FnOnce(&Col<'py>) -> Result<T, Error>,
) -> PyResult<T> {
    core(col.as_ref().map_or_else(|| Ok(T::default()), f))
}

/// The DataFrames (or dicts of columns) of a challenge's tables, by table;
/// only the households table is required.
#[derive(Default)]
pub struct Frames<'py> {
    /// One frame per table given.
    pub tables: Vec<(Table, Bound<'py, PyAny>)>,
}

impl<'py> Frames<'py> {
    /// The households frame and the other tables given (`None`s skipped).
    pub fn new<const N: usize>(
        households: Bound<'py, PyAny>,
        others: [(Table, Option<Bound<'py, PyAny>>); N],
    ) -> Self {
        let mut tables = vec![(Table::Households, households)];
        tables.extend(others.into_iter().filter_map(|(t, f)| f.map(|f| (t, f))));
        Frames { tables }
    }

    fn get(&self, table: Table) -> PyResult<Option<Frame<'py>>> {
        match self.tables.iter().find(|(t, _)| *t == table) {
            Some((_, obj)) if !obj.is_none() => Frame::new(table, obj).map(Some),
            _ => Ok(None),
        }
    }

    /// Reads the frames into the core's columns.
    ///
    /// # Errors
    /// The core's header errors (unknown, duplicate or missing column); a
    /// cell that cannot stand for its column's type; the core's cell
    /// parsers' errors; each located at the table, row and column.
    pub fn columns(&self) -> PyResult<Columns> {
        let h = self.get(Table::Households)?.ok_or_else(|| {
            pyo3::exceptions::PyTypeError::new_err("the households table is required")
        })?;
        let mut out = Columns {
            households: HouseholdColumns {
                household: core(h.req(0)?.text())?,
                team: core(h.req(1)?.text())?,
                adults: core(h.req(2)?.count())?,
                children_ages: opt(h.column(3)?, Col::ages)?,
                surface: opt(h.column(4)?, Col::decimal_opt)?,
                prm: opt(h.column(5)?, Col::text_opt)?,
                pce: opt(h.column(6)?, Col::text_opt)?,
            },
            ..Columns::default()
        };
        if let Some(f) = self.get(Table::Teams)? {
            out.teams = Some(TeamColumns {
                team: core(f.req(0)?.text())?,
                name: opt(f.column(1)?, Col::text_opt)?,
                captain: opt(f.column(2)?, Col::text_opt)?,
            });
        }
        if let Some(f) = self.get(Table::Meters)? {
            out.meters = Some(MeterColumns {
                household: core(f.req(0)?.text())?,
                meter: core(f.req(1)?.text())?,
                carrier: core(f.req(2)?.text())?,
                unit: core(f.req(3)?.text())?,
                // A blank usage reaches the core as `""`, as from a CSV
                // file: the core accepts or refuses it (it has no meaning
                // for every carrier).
                usage: opt(f.column(4)?, Col::text_blank)?,
                kwh_per_unit: opt(f.column(5)?, Col::decimal_opt)?,
                basis: opt(f.column(6)?, Col::text_opt)?,
                heating_share: opt(f.column(7)?, Col::ratio_opt)?,
                identifier: opt(f.column(8)?, Col::text_opt)?,
            });
        }
        if let Some(f) = self.get(Table::Readings)? {
            out.readings = Some(ReadingColumns {
                household: core(f.req(0)?.text())?,
                meter: core(f.req(1)?.text())?,
                date: core(f.req(2)?.date())?,
                value: core(f.req(3)?.decimal())?,
            });
        }
        if let Some(f) = self.get(Table::Events)? {
            out.events = Some(EventColumns {
                household: core(f.req(0)?.text())?,
                meter: core(f.req(1)?.text())?,
                date: core(f.req(2)?.date())?,
                kind: core(f.req(3)?.text())?,
                old_final: opt(f.column(4)?, Col::decimal_opt)?,
                new_initial: opt(f.column(5)?, Col::decimal_opt)?,
                modulus: opt(f.column(6)?, Col::decimal_opt)?,
            });
        }
        if let Some(f) = self.get(Table::Bills)? {
            out.bills = Some(BillColumns {
                household: core(f.req(0)?.text())?,
                meter: core(f.req(1)?.text())?,
                first: core(f.req(2)?.date())?,
                last: core(f.req(3)?.date())?,
                quantity: core(f.req(4)?.decimal())?,
            });
        }
        if let Some(f) = self.get(Table::Deliveries)? {
            out.deliveries = Some(quantities(&f)?);
        }
        if let Some(f) = self.get(Table::Stock)? {
            out.stock = Some(quantities(&f)?);
        }
        if let Some(f) = self.get(Table::Presence)? {
            out.presence = Some(PresenceColumns {
                household: core(f.req(0)?.text())?,
                from: core(f.req(1)?.date())?,
                adults: core(f.req(2)?.count())?,
                children_ages: opt(f.column(3)?, Col::ages)?,
            });
        }
        if let Some(f) = self.get(Table::Temperatures)? {
            out.temperatures = Some(TemperatureColumns {
                date: core(f.req(0)?.date())?,
                tn: core(f.req(1)?.decimal())?,
                tx: core(f.req(2)?.decimal())?,
            });
        }
        self.theme_tables(&mut out)?;
        Ok(out)
    }

    /// The tables of the waste, food and mobility themes: weighings,
    /// purchases, trips.
    fn theme_tables(&self, out: &mut Columns) -> PyResult<()> {
        if let Some(f) = self.get(Table::Weighings)? {
            // The stream is text, read by the core's `value::stream` when
            // the columns are assembled (English name or French alias).
            out.weighings = Some(WeighingColumns {
                household: core(f.req(0)?.text())?,
                date: core(f.req(1)?.date())?,
                stream: core(f.req(2)?.text())?,
                kg: core(f.req(3)?.decimal())?,
            });
        }
        if let Some(f) = self.get(Table::Purchases)? {
            // Channels are text, read by the core's `value::channel` when
            // the columns are assembled (English name or French alias).
            out.purchases = Some(PurchaseColumns {
                household: core(f.req(0)?.text())?,
                date: core(f.req(1)?.date())?,
                amount: core(f.req(2)?.decimal())?,
                organic: core(f.req(3)?.yes_no("organic"))?,
                local: core(f.req(4)?.yes_no("local"))?,
                channel: core(f.req(5)?.text())?,
                meals: core(f.req(6)?.count32("number of meals"))?,
                persons: core(f.req(7)?.count32("number of persons"))?,
            });
        }
        if let Some(f) = self.get(Table::Trips)? {
            // Modes are text, read by the core's `value::mode`; a missing
            // number of trips is `None` (the core counts it as 1 and
            // refuses 0).
            out.trips = Some(TripColumns {
                household: core(f.req(0)?.text())?,
                date: core(f.req(1)?.date())?,
                mode: core(f.req(2)?.text())?,
                km: core(f.req(3)?.decimal())?,
                trips: opt(f.column(4)?, |c| {
                    c.counts(value::count32, "number of trips")
                })?,
            });
        }
        Ok(())
    }
}

fn quantities(f: &Frame<'_>) -> PyResult<QuantityColumns> {
    Ok(QuantityColumns {
        household: core(f.req(0)?.text())?,
        meter: core(f.req(1)?.text())?,
        date: core(f.req(2)?.date())?,
        quantity: core(f.req(3)?.decimal())?,
    })
}
