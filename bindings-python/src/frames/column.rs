//! One column of a table ([`Col`]) and its readers: each reads the whole
//! column into the core's cells of one kind (text, decimals, dates,
//! counts, yes/no, ages), from its Python cells, its numpy buffer or its
//! Arrow arrays ([`super::values`]), converting each cell at the boundary.

use ecodefi::table::{value, Table};
use ecodefi::{msg, noun};
use ecodefi::{Date, Decimal, Error, Location};
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyDate, PyDateAccess, PyDateTime, PyFloat, PyInt, PyList, PyString, PyTimeAccess,
    PyTuple,
};

use super::cells::{cell, day, missing, out_of_range};
use super::{type_name, Values};
use crate::convert::is_missing;

/// A cell that cannot stand for what its column holds.
fn bad_cell(at: Location, obj: &Bound<'_, PyAny>, expected: &str) -> Error {
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
        at,
    }
}

/// One DataFrame column as Python objects, with its table and name.
pub(super) struct Col<'py> {
    pub(super) table: Table,
    pub(super) name: &'static str,
    pub(super) cells: Vec<Bound<'py, PyAny>>,
    /// Whole days since 1970-01-01, for a `datetime64` column.
    pub(super) days: Option<Vec<Option<i64>>>,
    /// The values of a `float64` or integer column, read from its numpy
    /// buffer (NaN for a missing cell).
    pub(super) numbers: Option<Numbers>,
    /// The cells of a column read from an Arrow table, other than numbers
    /// without missing values and days (`numbers`, `days`): taken by the
    /// one reader of the column (no copy of its text).
    pub(super) values: std::cell::RefCell<Option<Values>>,
    /// The Arrow type of a column read from an Arrow table (for errors).
    pub(super) arrow_type: String,
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
    pub(super) fn locate(&self, row: usize) -> Location {
        cell(Some(self.table.as_str()), row, self.name)
    }

    /// The text of the cell of `row` read by the core as a share
    /// ([`value::ratio`]) or a quantity ([`value::decimal`]).
    pub(super) fn parse_decimal(
        &self,
        row: usize,
        text: &str,
        ratio: bool,
    ) -> Result<Decimal, Error> {
        if ratio {
            value::ratio(text, "share")
        } else {
            value::decimal(text, "quantity")
        }
        .map_err(|e| e.within(&self.locate(row)))
    }

    /// The cell of `row` is missing in this required column.
    pub(super) fn missing(&self, row: usize) -> Error {
        missing(self.locate(row))
    }

    /// The cell `obj` of `row` cannot stand for `expected`.
    fn bad(&self, row: usize, obj: &Bound<'py, PyAny>, expected: &str) -> Error {
        bad_cell(self.locate(row), obj, expected)
    }

    pub(super) fn map<T>(
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
                .map_err(|_| self.bad(row, cell, "text"));
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
        Err(self.bad(row, cell, "text (str) or an integer identifier"))
    }

    /// Text cells (identifiers, names): `str`, or an integer written in
    /// digits.
    pub(super) fn text(&self) -> Result<Vec<String>, Error> {
        if let Some(v) = self.values.take() {
            return self.values_required_text(v);
        }
        if self.numbers.is_some() {
            return self.required(self.text_opt()?);
        }
        self.map(|row, cell| self.text_of(row, cell)?.ok_or_else(|| self.missing(row)))
    }

    /// Text cells where a missing cell is a blank one (`""`), as a blank
    /// CSV cell reaches the core: the core decides whether blank is
    /// allowed (e.g. a meter's usage).
    pub(super) fn text_blank(&self) -> Result<Vec<String>, Error> {
        if let Some(v) = self.values.take() {
            return self.values_blank_text(v);
        }
        Ok(self
            .text_opt()?
            .into_iter()
            .map(Option::unwrap_or_default)
            .collect())
    }

    pub(super) fn text_opt(&self) -> Result<Vec<Option<String>>, Error> {
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
        let parse = |text: &str| self.parse_decimal(row, text, ratio);
        if is_missing(cell) {
            return Ok(None);
        }
        if let Ok(s) = cell.cast::<PyString>() {
            let s = s.to_cow().map_err(|_| self.bad(row, cell, "a number"))?;
            return parse(&s).map(Some);
        }
        if cell.is_instance_of::<PyBool>() {
            return Err(self.bad(row, cell, "a number"));
        }
        if let Ok(f) = cell.cast::<PyFloat>() {
            let f = f.value();
            if !f.is_finite() {
                return Err(self.bad(row, cell, "a finite number"));
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
            _ => Err(self.bad(row, cell, "a number (Decimal, int, float or str)")),
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
                        .ok_or_else(|| out_of_range(format!("{f}"), self.locate(row)))
                })
                .collect(),
        }
    }

    pub(super) fn required<T>(&self, cells: Vec<Option<T>>) -> Result<Vec<T>, Error> {
        cells
            .into_iter()
            .enumerate()
            .map(|(row, c)| c.ok_or_else(|| self.missing(row)))
            .collect()
    }

    pub(super) fn decimal(&self) -> Result<Vec<Decimal>, Error> {
        if let Some(n) = &self.numbers {
            return self.required(self.number_decimals(n)?);
        }
        if let Some(v) = self.values.take() {
            return self.required(self.values_decimal(v, false)?);
        }
        self.map(|row, cell| {
            self.decimal_of(row, cell, false)?
                .ok_or_else(|| self.missing(row))
        })
    }

    pub(super) fn decimal_opt(&self) -> Result<Vec<Option<Decimal>>, Error> {
        if let Some(n) = &self.numbers {
            return self.number_decimals(n);
        }
        if let Some(v) = self.values.take() {
            return self.values_decimal(v, false);
        }
        self.map(|row, cell| self.decimal_of(row, cell, false))
    }

    pub(super) fn ratio_opt(&self) -> Result<Vec<Option<Decimal>>, Error> {
        if let Some(n) = &self.numbers {
            return self.number_decimals(n);
        }
        if let Some(v) = self.values.take() {
            return self.values_decimal(v, true);
        }
        self.map(|row, cell| self.decimal_of(row, cell, true))
    }

    pub(super) fn date(&self) -> Result<Vec<Date>, Error> {
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
                None => Err(self.missing(0)),
            };
        }
        if let Some(days) = &self.days {
            return days
                .iter()
                .enumerate()
                .map(|(row, &d)| day(d, || self.locate(row)))
                .collect();
        }
        self.map(|row, cell| {
            if is_missing(cell) {
                return Err(self.missing(row));
            }
            if let Ok(s) = cell.cast::<PyString>() {
                let s = s.to_cow().map_err(|_| self.bad(row, cell, "a date"))?;
                return value::date(&s, "date").map_err(|e| e.within(&self.locate(row)));
            }
            if let Ok(dt) = cell.cast::<PyDateTime>() {
                if dt.get_hour() != 0
                    || dt.get_minute() != 0
                    || dt.get_second() != 0
                    || dt.get_microsecond() != 0
                {
                    return Err(self.bad(row, cell, "a day (a timestamp at midnight)"));
                }
            }
            if let Ok(d) = cell.cast::<PyDate>() {
                let (y, m, day) = (d.get_year(), d.get_month(), d.get_day());
                return i16::try_from(y)
                    .ok()
                    .and_then(|y| Date::new(y, i8::try_from(m).ok()?, i8::try_from(day).ok()?).ok())
                    .ok_or_else(|| self.bad(row, cell, "a day within years -9999 to 9999"));
            }
            Err(self.bad(row, cell, "a date (datetime.date, Timestamp or str)"))
        })
    }

    /// Whole counts (adults, meals, persons, trips) read by the core's
    /// `parse` (e.g. [`value::count`]); `None` for a missing cell (the
    /// caller decides whether the column allows one).
    pub(super) fn counts<T>(
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
                let s = s.to_cow().map_err(|_| self.bad(row, cell, "a count"))?;
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
                    return Err(self.bad(row, cell, "a whole number"));
                }
            } else {
                match self.text_of(row, cell) {
                    Ok(Some(t)) => t,
                    _ => return Err(self.bad(row, cell, "a whole number")),
                }
            };
            parse(&text, what)
                .map(Some)
                .map_err(|e| e.within(&self.locate(row)))
        })
    }

    pub(super) fn count(&self) -> Result<Vec<u16>, Error> {
        self.required(self.counts(value::count, "number of adults")?)
    }

    /// Larger required counts (meals, persons), read by [`value::count32`].
    pub(super) fn count32(&self, what: &'static str) -> Result<Vec<u32>, Error> {
        self.required(self.counts(value::count32, what)?)
    }

    /// Yes/no cells: a `bool` (Python or numpy), or text or an integer read
    /// by the core's [`value::yes_no`] (`oui`/`non`, `true`/`false`, `1`/`0`…).
    pub(super) fn yes_no(&self, what: &'static str) -> Result<Vec<bool>, Error> {
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
                    None => Err(self.missing(0)),
                };
            }
            None => {}
        }
        self.map(|row, cell| {
            if let Ok(b) = cell.cast::<PyBool>() {
                return Ok(b.is_true());
            }
            if is_missing(cell) {
                return Err(self.missing(row));
            }
            if let Ok(s) = cell.cast::<PyString>() {
                let s = s.to_cow().map_err(|_| self.bad(row, cell, "yes or no"))?;
                return parse(row, &s);
            }
            if is_numpy_bool(cell) {
                return cell
                    .is_truthy()
                    .map_err(|_| self.bad(row, cell, "yes or no"));
            }
            // An integer (Python or numpy) is its digits: `1`/`0`.
            if let Ok(Some(digits)) = self.text_of(row, cell) {
                return parse(row, &digits);
            }
            Err(self.bad(
                row,
                cell,
                "a yes/no value (bool, or str such as `oui`/`non`)",
            ))
        })
    }

    /// Children's ages: a `str` as the core reads it (`"8 12"`), a list or
    /// tuple of ages, a single age, or missing for none.
    pub(super) fn ages(&self) -> Result<Vec<String>, Error> {
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
                    .map_err(|_| self.bad(row, cell, "ages"));
            }
            let items: Vec<Bound<'py, PyAny>> = if let Ok(l) = cell.cast::<PyList>() {
                l.iter().collect()
            } else if let Ok(t) = cell.cast::<PyTuple>() {
                t.iter().collect()
            } else if cell.hasattr("tolist").unwrap_or(false) && !cell.is_instance_of::<PyFloat>() {
                match cell.call_method0("tolist").map(Bound::cast_into::<PyList>) {
                    Ok(Ok(l)) => l.iter().collect(),
                    Ok(Err(e)) => vec![e.into_inner()],
                    Err(_) => return Err(self.bad(row, cell, "ages")),
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
                        return Err(self.bad(row, cell, "whole ages"));
                    }
                } else {
                    match self.text_of(row, item) {
                        Ok(Some(t)) => t,
                        _ => return Err(self.bad(row, cell, "ages (e.g. `8 12` or [8, 12])")),
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
