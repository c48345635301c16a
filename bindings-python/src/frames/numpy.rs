//! Whole numpy arrays read at once: a numeric column's buffer, a
//! `datetime64` column's days (one conversion by numpy, no Python object
//! per cell).

use ecodefi::{msg, noun};
use ecodefi::{Error, Location};
use pyo3::prelude::*;

use crate::convert::Wrap;

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

/// A `datetime64` array or Series as whole days since 1970-01-01 (`None`
/// for NaT), converted by numpy in one pass; a value with a time of day is
/// refused, located by `locate(row)`.
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
