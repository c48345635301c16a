//! Columns already typed on the Rust side (read from an Arrow table by
//! `crate::arrow`): each of [`Col`]'s readers takes them without a Python
//! call per cell. Numbers without missing values and days use [`Col`]'s
//! numpy fields (`numbers`, `days`), so a float is converted exactly as on
//! the pandas path (its shortest repr); the rest is a [`Values`].

use ecodefi::table::value;
use ecodefi::{msg, noun};
use ecodefi::{Date, Decimal, Error};

use super::{Col, Numbers};
use ecodefi::table::Table;

/// The cells of a typed column (`None`: a missing cell).
pub enum Values {
    /// Text (Arrow `Utf8`, `LargeUtf8`, `Utf8View` or a dictionary of them).
    Text(Vec<Option<String>>),
    /// Text without a missing cell (taken as it is by a required column).
    Strings(Vec<String>),
    /// Exact numbers (Arrow `Decimal128` with its scale, or integers with
    /// missing cells).
    Decimals(Vec<Option<Decimal>>),
    /// Booleans.
    Bools(Vec<Option<bool>>),
    /// A column of the Arrow `Null` type: every cell missing.
    Nulls(usize),
}

/// What a reader expects of a column.
#[derive(Clone, Copy)]
pub enum Expected {
    /// Text (identifiers, names, codes).
    Text,
    /// Numbers (quantities, counts).
    Numbers,
    /// Days.
    Dates,
}

/// A column of an Arrow type that cannot hold what its reader expects,
/// located at its table and column.
pub fn wrong_arrow_type(table: &str, column: &str, arrow_type: &str, expected: Expected) -> Error {
    let t = arrow_type.to_owned();
    let why = match expected {
        Expected::Text => msg!("an Arrow column of type `{type}` cannot hold text", type = t),
        Expected::Numbers => {
            msg!("an Arrow column of type `{type}` cannot hold numbers", type = t)
        }
        Expected::Dates => msg!("an Arrow column of type `{type}` cannot hold dates", type = t),
    };
    let mut at = ecodefi::Location::NONE;
    at.file = Some(table.to_owned());
    at.column = Some(column.to_owned());
    Error::InvalidValue {
        what: noun!("column"),
        got: arrow_type.to_owned(),
        why,
        at,
    }
}

/// A column read on the Rust side (from Arrow): whole days, numbers
/// without missing cells, or other [`Values`].
pub struct Typed {
    /// Whole days since 1970-01-01 (`None`: missing).
    pub days: Option<Vec<Option<i64>>>,
    /// Numbers (a float `NaN` is a missing cell).
    pub numbers: Option<Numbers>,
    /// Other cells.
    pub values: Option<Values>,
    /// The column's Arrow type, for errors.
    pub arrow_type: String,
}

impl Col<'_> {
    /// The column `name` of `table` from its typed cells.
    pub(super) fn typed(table: Table, name: &'static str, typed: Typed) -> Self {
        Col {
            table,
            name,
            cells: Vec::new(),
            days: typed.days,
            numbers: typed.numbers,
            values: std::cell::RefCell::new(typed.values),
            arrow_type: typed.arrow_type,
        }
    }
}

/// Text cells without a missing cell, as optional ones.
fn optional(s: Vec<String>) -> Values {
    Values::Text(s.into_iter().map(Some).collect())
}

impl Col<'_> {
    /// Required text cells: a column without a missing cell as it is.
    pub(super) fn values_required_text(&self, v: Values) -> Result<Vec<String>, Error> {
        match v {
            Values::Strings(s) => Ok(s),
            other => self.required(self.values_text(other)?),
        }
    }

    /// Text cells where a missing cell is blank.
    pub(super) fn values_blank_text(&self, v: Values) -> Result<Vec<String>, Error> {
        match v {
            Values::Strings(s) => Ok(s),
            other => Ok(self
                .values_text(other)?
                .into_iter()
                .map(Option::unwrap_or_default)
                .collect()),
        }
    }

    /// A column of the wrong type for what the reader expects.
    fn wrong_type(&self, expected: Expected) -> Error {
        wrong_arrow_type(self.table.as_str(), self.name, &self.arrow_type, expected)
    }

    pub(super) fn values_text(&self, v: Values) -> Result<Vec<Option<String>>, Error> {
        match v {
            Values::Text(t) => Ok(t),
            Values::Strings(s) => Ok(s.into_iter().map(Some).collect()),
            // Integer identifiers: their digits.
            Values::Decimals(d) => Ok(d.iter().map(|d| d.map(|d| d.to_string())).collect()),
            Values::Nulls(n) => Ok(vec![None; n]),
            Values::Bools(_) => Err(self.wrong_type(Expected::Text)),
        }
    }

    pub(super) fn values_decimal(
        &self,
        v: Values,
        ratio: bool,
    ) -> Result<Vec<Option<Decimal>>, Error> {
        let parse = |row: usize, text: &str| self.parse_decimal(row, text, ratio);
        match v {
            Values::Strings(s) => self.values_decimal(optional(s), ratio),
            Values::Decimals(d) if !ratio => Ok(d),
            Values::Decimals(d) => d
                .iter()
                .enumerate()
                .map(|(row, d)| d.map(|d| parse(row, &d.to_string())).transpose())
                .collect(),
            Values::Text(t) => t
                .iter()
                .enumerate()
                .map(|(row, s)| s.as_deref().map(|s| parse(row, s)).transpose())
                .collect(),
            Values::Nulls(n) => Ok(vec![None; n]),
            Values::Bools(_) => Err(self.wrong_type(Expected::Numbers)),
        }
    }

    pub(super) fn values_date(&self, v: Values) -> Result<Vec<Date>, Error> {
        match v {
            Values::Strings(s) => self.values_date(optional(s)),
            Values::Text(t) => t
                .iter()
                .enumerate()
                .map(|(row, s)| {
                    let s = s.as_deref().ok_or_else(|| self.missing(row))?;
                    value::date(s, "date").map_err(|e| e.within(&self.locate(row)))
                })
                .collect(),
            Values::Nulls(0) => Ok(Vec::new()),
            Values::Nulls(_) => Err(self.missing(0)),
            Values::Decimals(_) | Values::Bools(_) => Err(self.wrong_type(Expected::Dates)),
        }
    }

    pub(super) fn values_counts<T>(
        &self,
        v: Values,
        parse: fn(&str, &'static str) -> Result<T, Error>,
        what: &'static str,
    ) -> Result<Vec<Option<T>>, Error> {
        let text: Vec<Option<String>> = match v {
            Values::Strings(s) => s.into_iter().map(Some).collect(),
            Values::Decimals(d) => d
                .iter()
                .map(|d| d.map(|d| d.normalize().to_string()))
                .collect(),
            Values::Text(t) => t,
            Values::Nulls(n) => vec![None; n],
            Values::Bools(_) => return Err(self.wrong_type(Expected::Numbers)),
        };
        text.iter()
            .enumerate()
            .map(|(row, s)| {
                s.as_deref()
                    .map(|s| parse(s, what).map_err(|e| e.within(&self.locate(row))))
                    .transpose()
            })
            .collect()
    }

    pub(super) fn values_yes_no(&self, v: Values, what: &'static str) -> Result<Vec<bool>, Error> {
        let yes_no = |row: usize, cell: Option<bool>| cell.ok_or_else(|| self.missing(row));
        match v {
            Values::Bools(b) => b
                .iter()
                .enumerate()
                .map(|(row, b)| yes_no(row, *b))
                .collect(),
            Values::Nulls(0) => Ok(Vec::new()),
            Values::Nulls(_) => Err(self.missing(0)),
            Values::Text(_) | Values::Decimals(_) | Values::Strings(_) => self
                .values_text(v)?
                .iter()
                .enumerate()
                .map(|(row, s)| {
                    let s = s.as_deref().ok_or_else(|| self.missing(row))?;
                    value::yes_no(s, what).map_err(|e| e.within(&self.locate(row)))
                })
                .collect(),
        }
    }

    /// Children's ages: text as the core reads it (`"8 12"`, a list column
    /// arrives joined so), or a single age; missing for none.
    pub(super) fn values_ages(&self, v: Values) -> Result<Vec<String>, Error> {
        Ok(self
            .values_text(v)?
            .into_iter()
            .map(Option::unwrap_or_default)
            .collect())
    }
}
