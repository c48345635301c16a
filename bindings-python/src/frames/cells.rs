//! Where a cell is and what is wrong with it, for every table reader of
//! the binding (DataFrames, Arrow tables, the long table of the batch
//! regression): one location and one error per kind, so that a cell is
//! named the same way whichever path read it.

use ecodefi::{msg, noun};
use ecodefi::{Date, Error, Location};

/// The location of a cell: its table (`None` for a table that has no
/// name, as the batch regression's long table), row (position from 0)
/// and column.
pub(crate) fn cell(table: Option<&str>, row: usize, column: &str) -> Location {
    let mut at = Location::NONE.with_index(row);
    at.file = table.map(str::to_owned);
    at.column = Some(column.to_owned());
    at
}

/// A missing cell in a column that requires a value in every row; `at`
/// names the cell (its column is named in the message).
pub(crate) fn missing(at: Location) -> Error {
    let column = at.column.clone().unwrap_or_default();
    Error::InvalidValue {
        what: noun!("cell"),
        got: "a missing value".to_owned(),
        why: msg!(
            "the column `{column}` is required in every row",
            column = column
        ),
        at,
    }
}

/// A number that is not finite or out of the core's decimal range
/// (`got`: the number as written).
pub(crate) fn out_of_range(got: String, at: Location) -> Error {
    Error::InvalidValue {
        what: noun!("cell"),
        got,
        why: msg!("a finite number within about ±7.9e28 is expected"),
        at,
    }
}

/// A day given as whole days since 1970-01-01 (a `datetime64` or Arrow
/// date); `None` (missing) is an error, as a day out of the calendar. `at`
/// gives the cell's location, built only for an error (a table has
/// hundreds of thousands of days).
pub(crate) fn day(days: Option<i64>, at: impl Fn() -> Location) -> Result<Date, Error> {
    let d = days.ok_or_else(|| missing(at()))?;
    i32::try_from(d)
        .map_err(|_| Error::invalid(noun!("date"), d, msg!("out of the calendar range")))
        .and_then(ecodefi::date::date_of)
        .map_err(|e| e.within(&at()))
}
