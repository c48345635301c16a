//! The one mapping from the core's [`ecodefi::Error`] to the Python
//! exception hierarchy defined in `ecodefi/exceptions.py`:
//!
//! | core `code()`        | Python exception          | also a          |
//! |----------------------|---------------------------|-----------------|
//! | `invalid_value`      | `InvalidValueError`       | `ValueError`    |
//! | `unknown_name`       | `UnknownNameError`        | `ValueError`    |
//! | `duplicate`          | `DuplicateError`          | `ValueError`    |
//! | `unknown_reference`  | `UnknownReferenceError`   | `ValueError`    |
//! | `json`               | `DocumentError`           | `ValueError`    |
//! | `schema_version`     | `SchemaVersionError`      | `ValueError`    |
//! | `insufficient_data`  | `InsufficientDataError`   | `ValueError`    |
//! | `overflow`           | `DecimalOverflowError`    | `ArithmeticError` |
//! | `unsupported`        | `UnsupportedError`        | `NotImplementedError` |
//! | any code added later | `EcodefiError`            |                 |
//!
//! All of them derive from `EcodefiError`, which carries `code` and the
//! error's location: `household`, `meter`, `row` (the index, from 0, of the
//! reading, bill or table row), `file` (or table), `line`, `column`, `path`
//! (of an option or a catalogue record's field in the input document),
//! `team` (for an error in a team's totals), and the catalogue's view of
//! it: `params` (its parameters as data) and `messages` (`{"en": …, "fr":
//! …}`); `message` is in the language the call asked for.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyModule};

use ecodefi::message::{Lang, ParamValue};

use crate::convert::{DeError, Wrap};

static EXCEPTIONS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

/// The name of the Python exception class for a core error code.
pub fn class_name(code: &str) -> &'static str {
    match code {
        "invalid_value" => "InvalidValueError",
        "unknown_name" => "UnknownNameError",
        "duplicate" => "DuplicateError",
        "unknown_reference" => "UnknownReferenceError",
        "json" => "DocumentError",
        "schema_version" => "SchemaVersionError",
        "insufficient_data" => "InsufficientDataError",
        "overflow" => "DecimalOverflowError",
        "unsupported" => "UnsupportedError",
        // The core's Error is non-exhaustive: a code added there later is
        // still an EcodefiError, with its code, until it gets its class.
        _ => "EcodefiError",
    }
}

fn build(py: Python<'_>, e: &ecodefi::Error, lang: Lang) -> PyResult<PyErr> {
    let module =
        EXCEPTIONS.get_or_try_init(py, || py.import("ecodefi.exceptions").map(Bound::unbind))?;
    let class = module.bind(py).getattr(class_name(e.code()))?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("code", e.code())?;
    if let Some(at) = e.location() {
        kwargs.set_item("household", at.household.as_deref())?;
        kwargs.set_item("meter", at.meter.as_deref())?;
        kwargs.set_item("row", at.index)?;
        kwargs.set_item("file", at.file.as_deref())?;
        kwargs.set_item("line", at.line)?;
        kwargs.set_item("column", at.column.as_deref())?;
        kwargs.set_item("path", at.path.as_deref())?;
        kwargs.set_item("team", at.team.as_deref())?;
    }
    let params = PyDict::new(py);
    for (name, value) in e.params() {
        match value {
            ParamValue::Int(n) => params.set_item(name, n)?,
            ParamValue::Text(t) => params.set_item(name, t)?,
        }
    }
    kwargs.set_item("params", params)?;
    let messages = PyDict::new(py);
    for l in Lang::ALL {
        messages.set_item(l.as_str(), e.message(*l))?;
    }
    kwargs.set_item("messages", messages)?;
    let instance = class.call((e.message(lang),), Some(&kwargs))?;
    Ok(PyErr::from_value(instance))
}

/// The Python exception for a core error, its message in English.
pub fn to_pyerr(e: ecodefi::Error) -> PyErr {
    PyErr::from(Wrap(e))
}

/// The Python exception for a core error, its message in `lang`.
pub fn to_pyerr_in(e: &ecodefi::Error, lang: Lang) -> PyErr {
    Python::attach(|py| build(py, e, lang).unwrap_or_else(|import_error| import_error))
}

impl From<Wrap<ecodefi::Error>> for PyErr {
    fn from(Wrap(e): Wrap<ecodefi::Error>) -> PyErr {
        // If the exceptions module itself cannot be imported (a broken
        // installation), that import error is what the user needs to see.
        to_pyerr_in(&e, Lang::En)
    }
}

/// A Python object that does not fit the core's input document is a
/// document of the wrong shape: the core's `json` kind, with the path to
/// the value in the message.
impl From<DeError> for PyErr {
    fn from(e: DeError) -> PyErr {
        to_pyerr(ecodefi::Error::Json {
            message: e.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_core_code_has_its_own_class() {
        let errors = [
            ecodefi::Error::invalid("x", 1, ecodefi::msg!("bad")),
            ecodefi::Error::overflow("x"),
            ecodefi::Error::Json {
                message: String::new(),
            },
            ecodefi::Error::SchemaVersion {
                got: 2,
                supported: 1,
            },
            ecodefi::Error::Duplicate {
                what: "team",
                id: "a".into(),
                at: ecodefi::Location::NONE,
            },
            ecodefi::Error::UnknownReference {
                what: "team",
                id: "a".into(),
                at: ecodefi::Location::NONE,
            },
            ecodefi::Error::UnknownName {
                what: "unit",
                got: "a".into(),
                expected: "b",
                at: ecodefi::Location::NONE,
            },
            ecodefi::Error::InsufficientData {
                why: ecodefi::msg!("none"),
                at: ecodefi::Location::NONE,
            },
            ecodefi::Error::Unsupported {
                what: "the water theme",
                feature: "themes",
            },
        ];
        let mut names: Vec<_> = errors.iter().map(|e| class_name(e.code())).collect();
        assert!(names.iter().all(|n| *n != "EcodefiError"));
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), errors.len());
    }
}
