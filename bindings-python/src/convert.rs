//! Conversions between Python objects and core values, on the local newtype
//! [`Wrap`] (the core knows nothing of Python).
//!
//! - Scalars: [`Wrap<Decimal>`] from `decimal.Decimal`, `int`, `float`
//!   (through its shortest repr, so `0.1` is exactly `0.1`) or `str` (the
//!   JSON spelling); to `decimal.Decimal`. [`Wrap<Date>`] from
//!   `datetime.date` (a `datetime` or `pandas.Timestamp` only at midnight) or
//!   an ISO `str`; to `datetime.date`.
//! - Documents: [`PyDe`] is a serde `Deserializer` over a Python object
//!   (dicts, lists, scalars as above), so the core's serde input types are
//!   built from Python objects with the core's own rules, exactly as from
//!   JSON; [`to_python`] is a serde `Serializer` the other way, giving
//!   `decimal.Decimal` and `datetime.date` where the core has a decimal or a
//!   date.

use std::fmt;

use ecodefi::msg;
use ecodefi::{Date, Decimal};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyDate, PyDateAccess, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyString,
    PyTimeAccess, PyTuple, PyType,
};
use pyo3::IntoPyObjectExt;
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{self, Serialize};

/// A value converted at the Python boundary (polars' `Wrap<T>` pattern).
pub struct Wrap<T>(pub T);

static DECIMAL_TYPE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static PANDAS_MISSING: PyOnceLock<Option<(Py<PyAny>, Py<PyAny>)>> = PyOnceLock::new();

fn decimal_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DECIMAL_TYPE.import(py, "decimal", "Decimal")
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

/// Whether `obj` is a missing-value marker: `None`, a float NaN, `pandas.NA`
/// or `pandas.NaT`.
pub fn is_missing(obj: &Bound<'_, PyAny>) -> bool {
    if obj.is_none() {
        return true;
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return f.value().is_nan();
    }
    if obj.is_instance_of::<PyString>() || obj.is_instance_of::<PyInt>() {
        return false;
    }
    let py = obj.py();
    let missing = PANDAS_MISSING.get_or_init(py, || {
        // pandas is optional: without it there is no pandas.NA or NaT.
        let pd = py.import("pandas").ok()?;
        Some((
            pd.getattr("NA").ok()?.unbind(),
            pd.getattr("NaT").ok()?.unbind(),
        ))
    });
    match missing {
        Some((na, nat)) => obj.is(na.bind(py)) || obj.is(nat.bind(py)),
        None => false,
    }
}

/// The text of a Python scalar that stands for a decimal or a date, as the
/// JSON document spells it: `Decimal` and `int` exactly, `float` through its
/// shortest repr, `date` (or a `datetime` at midnight) in ISO form, `str`
/// as is. `Ok(None)` for any other type.
///
/// # Errors
/// A `float` that is NaN or infinite, a `Decimal` that is not finite or is
/// beyond the range of exact decimals, a `datetime` with a time of day.
pub fn scalar_text(obj: &Bound<'_, PyAny>) -> Result<Option<String>, String> {
    if let Ok(s) = obj.cast::<PyString>() {
        return s
            .to_cow()
            .map(|s| Some(s.into_owned()))
            .map_err(|e| e.to_string());
    }
    if obj.is_instance_of::<PyBool>() {
        return Ok(None);
    }
    if let Ok(i) = obj.cast::<PyInt>() {
        return Ok(Some(i.to_string()));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return float_text(f.value()).map(Some);
    }
    if let Ok(dt) = obj.cast::<PyDateTime>() {
        return datetime_text(dt).map(Some);
    }
    if let Ok(d) = obj.cast::<PyDate>() {
        return Ok(Some(date_text(d.get_year(), d.get_month(), d.get_day())));
    }
    let py = obj.py();
    if decimal_type(py).is_ok_and(|t| obj.is_instance(t).unwrap_or(false)) {
        return match obj.extract::<Decimal>() {
            Ok(d) => Ok(Some(d.to_string())),
            Err(_) => Err(format!(
                "`Decimal('{}')` is not a finite decimal within about ±7.9e28 with at most 28 decimal places",
                obj.str().map_or_else(|_| "?".to_owned(), |s| s.to_string())
            )),
        };
    }
    // numpy integers and other integer-like scalars.
    if obj.hasattr("__index__").unwrap_or(false) {
        if let Ok(i) = obj.call_method0("__index__") {
            return Ok(Some(i.to_string()));
        }
    }
    Ok(None)
}

/// A float's shortest round-trip decimal form, without exponent (Rust's
/// `Display` for `f64` gives the same digits as Python's `repr`).
fn float_text(f: f64) -> Result<String, String> {
    if f.is_finite() {
        Ok(format!("{f}"))
    } else {
        Err(format!(
            "the float `{f}` is not a quantity (NaN or infinite)"
        ))
    }
}

fn date_text(y: i32, m: u8, d: u8) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn datetime_text(dt: &Bound<'_, PyDateTime>) -> Result<String, String> {
    if dt.get_hour() != 0
        || dt.get_minute() != 0
        || dt.get_second() != 0
        || dt.get_microsecond() != 0
    {
        return Err(format!(
            "a day is expected, got the timestamp `{}` with a time of day",
            dt.str().map_or_else(|_| "?".to_owned(), |s| s.to_string())
        ));
    }
    Ok(date_text(dt.get_year(), dt.get_month(), dt.get_day()))
}

/// Reads a value through the core's serde implementation, from the text of a
/// Python scalar: the JSON spelling, so the core parses and checks it.
fn from_text<T: serde::de::DeserializeOwned>(
    obj: &Bound<'_, PyAny>,
    what: &'static str,
    expected: &str,
) -> PyResult<T> {
    let text = scalar_text(obj)
        .map_err(|why| {
            crate::error::to_pyerr(ecodefi::Error::invalid(
                what,
                type_name(obj),
                msg!("{reason}", reason = why),
            ))
        })?
        .ok_or_else(|| {
            PyTypeError::new_err(format!("expected {expected}, got `{}`", type_name(obj)))
        })?;
    T::deserialize(de::value::StrDeserializer::<de::value::Error>::new(&text)).map_err(|e| {
        crate::error::to_pyerr(ecodefi::Error::invalid(
            what,
            &text,
            msg!("{reason}", reason = e.to_string()),
        ))
    })
}

impl FromPyObject<'_, '_> for Wrap<Decimal> {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        from_text(&obj, "decimal", "a decimal.Decimal, int, float or str").map(Wrap)
    }
}

impl FromPyObject<'_, '_> for Wrap<Date> {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        if obj.is_instance_of::<PyInt>() || obj.is_instance_of::<PyFloat>() {
            return Err(PyTypeError::new_err(format!(
                "expected a datetime.date or an ISO date str, got `{}`",
                type_name(&obj)
            )));
        }
        from_text(&obj, "date", "a datetime.date or an ISO date str").map(Wrap)
    }
}

impl<'py> IntoPyObject<'py> for Wrap<Decimal> {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
        self.0.into_bound_py_any(py)
    }
}

impl<'py> IntoPyObject<'py> for Wrap<Date> {
    type Target = PyDate;
    type Output = Bound<'py, PyDate>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
        let d = self.0;
        PyDate::new(
            py,
            i32::from(d.year()),
            u8::try_from(d.month()).unwrap_or(1),
            u8::try_from(d.day()).unwrap_or(1),
        )
    }
}

// ---------------------------------------------------------------------------
// Python objects -> serde

/// An error while reading a Python object as a core input type: the message
/// and the path to the offending value (`households[2].occupants.adults`).
#[derive(Debug)]
pub struct DeError {
    message: String,
    path: Vec<String>,
}

impl DeError {
    fn at(mut self, segment: String) -> Self {
        self.path.push(segment);
        self
    }

    /// The path from the document's root, e.g. `households[2].occupants`.
    pub fn path(&self) -> String {
        let mut out = String::new();
        for seg in self.path.iter().rev() {
            if !seg.starts_with('[') && !out.is_empty() {
                out.push('.');
            }
            out.push_str(seg);
        }
        out
    }

    /// The message without the path.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{} at `{}`", self.message, self.path())
        }
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError {
            message: msg.to_string(),
            path: Vec::new(),
        }
    }
}

/// A serde `Deserializer` over a Python object: `dict` (or any object with a
/// `to_dict()` method, such as this package's value classes) for structs
/// and maps, `list`/`tuple` (or any object with a `to_list()` method, such
/// as `StationTemperatures`) for sequences, `None`/NaN/`pandas.NA`/`NaT` for
/// a missing optional value, and the scalars of [`scalar_text`].
pub struct PyDe<'py> {
    obj: Bound<'py, PyAny>,
}

impl<'py> PyDe<'py> {
    /// Reads `obj`.
    pub fn new(obj: Bound<'py, PyAny>) -> Self {
        PyDe { obj }
    }

    fn fail(&self, expected: &str) -> DeError {
        de::Error::custom(format!(
            "expected {expected}, got `{}`",
            type_name(&self.obj)
        ))
    }

    /// `obj.to_dict()` for objects that have it (not for dicts themselves).
    fn as_dict(&self) -> Result<Option<Bound<'py, PyDict>>, DeError> {
        if let Ok(d) = self.obj.cast::<PyDict>() {
            return Ok(Some(d.clone()));
        }
        if self.obj.hasattr("to_dict").unwrap_or(false) && !self.obj.is_instance_of::<PyType>() {
            let d = self
                .obj
                .call_method0("to_dict")
                .map_err(<DeError as de::Error>::custom)?;
            return Ok(d.cast_into::<PyDict>().ok());
        }
        Ok(None)
    }
}

fn py_err(e: &PyErr) -> DeError {
    de::Error::custom(e)
}

impl<'de> de::Deserializer<'de> for PyDe<'_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let obj = &self.obj;
        if obj.is_none() {
            return visitor.visit_unit();
        }
        if let Ok(b) = obj.cast::<PyBool>() {
            return visitor.visit_bool(b.is_true());
        }
        if let Ok(i) = obj.cast::<PyInt>() {
            if let Ok(v) = i.extract::<i64>() {
                return visitor.visit_i64(v);
            }
            if let Ok(v) = i.extract::<u64>() {
                return visitor.visit_u64(v);
            }
            return visitor.visit_string(i.to_string());
        }
        if let Ok(s) = obj.cast::<PyString>() {
            return visitor.visit_str(&s.to_cow().map_err(|e| py_err(&e))?);
        }
        if let Ok(l) = obj.cast::<PyList>() {
            return visit_seq(l.iter().collect(), visitor);
        }
        if let Ok(t) = obj.cast::<PyTuple>() {
            return visit_seq(t.iter().collect(), visitor);
        }
        if let Some(d) = self.as_dict()? {
            return visit_map(&d, visitor);
        }
        if is_missing(obj) {
            return Err(de::Error::custom(
                "a value is missing (None, NaN, pandas.NA or NaT)",
            ));
        }
        match scalar_text(obj).map_err(de::Error::custom)? {
            Some(text) => visitor.visit_string(text),
            None => {
                Err(self.fail("a dict, list, str, int, float, decimal.Decimal or datetime.date"))
            }
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        if self.obj.is_instance_of::<PyBool>() {
            return Err(self.fail("a str, decimal.Decimal, int, float or datetime.date"));
        }
        if is_missing(&self.obj) {
            return Err(de::Error::custom(
                "a value is missing (None, NaN, pandas.NA or NaT)",
            ));
        }
        match scalar_text(&self.obj).map_err(de::Error::custom)? {
            Some(text) => visitor.visit_string(text),
            None => Err(self.fail("a str, decimal.Decimal, int, float or datetime.date")),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.obj.cast::<PyString>() {
            Ok(s) => visitor.visit_str(&s.to_cow().map_err(|e| py_err(&e))?),
            Err(_) => Err(self.fail("a str key")),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        if is_missing(&self.obj) {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        if let Ok(l) = self.obj.cast::<PyList>() {
            return visit_seq(l.iter().collect(), visitor);
        }
        if let Ok(t) = self.obj.cast::<PyTuple>() {
            return visit_seq(t.iter().collect(), visitor);
        }
        // An object with a `to_list()` giving a list (`StationTemperatures`
        // for a challenge's temperatures), as `to_dict()` for a dict.
        if self.obj.hasattr("to_list").unwrap_or(false) && !self.obj.is_instance_of::<PyType>() {
            let l = self
                .obj
                .call_method0("to_list")
                .map_err(<DeError as de::Error>::custom)?;
            if let Ok(l) = l.cast::<PyList>() {
                return visit_seq(l.iter().collect(), visitor);
            }
        }
        Err(self.fail("a list"))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.as_dict()? {
            Some(d) => visit_map(&d, visitor),
            None => Err(self.fail("a dict")),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match self.obj.cast::<PyString>() {
            Ok(s) => {
                let s = s.to_cow().map_err(|e| py_err(&e))?.into_owned();
                visitor.visit_enum(IntoDeserializer::<DeError>::into_deserializer(s))
            }
            Err(_) => Err(self.fail("a str")),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    /// Statistics (`f64` in the core, e.g. temperatures of the regression):
    /// a Python `float` or `int` as is (NaN and infinities too, so that the
    /// core's finiteness checks name them); anything else as for `any`.
    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let numeric = !self.obj.is_instance_of::<PyBool>()
            && (self.obj.is_instance_of::<PyFloat>() || self.obj.is_instance_of::<PyInt>());
        if numeric {
            if let Ok(v) = self.obj.extract::<f64>() {
                return visitor.visit_f64(v);
            }
        }
        self.deserialize_any(visitor)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_f64(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 char
        bytes byte_buf unit unit_struct
    }
}

fn visit_seq<'de, 'py, V: Visitor<'de>>(
    items: Vec<Bound<'py, PyAny>>,
    visitor: V,
) -> Result<V::Value, DeError> {
    struct Seq<'py> {
        items: std::vec::IntoIter<Bound<'py, PyAny>>,
        index: usize,
    }
    impl<'de> SeqAccess<'de> for Seq<'_> {
        type Error = DeError;
        fn next_element_seed<T: DeserializeSeed<'de>>(
            &mut self,
            seed: T,
        ) -> Result<Option<T::Value>, DeError> {
            match self.items.next() {
                None => Ok(None),
                Some(obj) => {
                    let i = self.index;
                    self.index += 1;
                    seed.deserialize(PyDe::new(obj))
                        .map(Some)
                        .map_err(|e| e.at(format!("[{i}]")))
                }
            }
        }
        fn size_hint(&self) -> Option<usize> {
            Some(self.items.len())
        }
    }
    let len = items.len();
    let mut seq = Seq {
        items: items.into_iter(),
        index: 0,
    };
    let value = visitor.visit_seq(&mut seq)?;
    if seq.items.len() == 0 {
        Ok(value)
    } else {
        Err(de::Error::invalid_length(len, &"fewer elements"))
    }
}

fn visit_map<'de, V: Visitor<'de>>(
    dict: &Bound<'_, PyDict>,
    visitor: V,
) -> Result<V::Value, DeError> {
    struct Map<'py> {
        items: std::vec::IntoIter<(Bound<'py, PyAny>, Bound<'py, PyAny>)>,
        value: Option<(String, Bound<'py, PyAny>)>,
    }
    impl<'de> MapAccess<'de> for Map<'_> {
        type Error = DeError;
        fn next_key_seed<K: DeserializeSeed<'de>>(
            &mut self,
            seed: K,
        ) -> Result<Option<K::Value>, DeError> {
            match self.items.next() {
                None => Ok(None),
                Some((k, v)) => {
                    let name = k
                        .cast::<PyString>()
                        .ok()
                        .and_then(|s| s.to_cow().ok().map(std::borrow::Cow::into_owned))
                        .unwrap_or_else(|| k.to_string());
                    let key = seed.deserialize(PyDe::new(k))?;
                    self.value = Some((name, v));
                    Ok(Some(key))
                }
            }
        }
        fn next_value_seed<T: DeserializeSeed<'de>>(
            &mut self,
            seed: T,
        ) -> Result<T::Value, DeError> {
            match self.value.take() {
                Some((name, v)) => seed.deserialize(PyDe::new(v)).map_err(|e| e.at(name)),
                None => Err(de::Error::custom("a map value is missing")),
            }
        }
        fn size_hint(&self) -> Option<usize> {
            Some(self.items.len())
        }
    }
    let items: Vec<_> = dict.iter().collect();
    visitor.visit_map(Map {
        items: items.into_iter(),
        value: None,
    })
}

/// Builds a core input value from a Python object with the core's serde
/// rules (unknown keys refused, names parsed by the core, constructors'
/// checks applied).
///
/// # Errors
/// [`DeError`] with the path to the value that does not fit.
pub fn from_python<T: serde::de::DeserializeOwned>(obj: &Bound<'_, PyAny>) -> Result<T, DeError> {
    T::deserialize(PyDe::new(obj.clone()))
}

// ---------------------------------------------------------------------------
// serde -> Python objects

/// What a serialised value is at the boundary, from its Rust type: the core
/// serialises decimals (bare or in unit newtypes such as `Kwh`) and dates as
/// strings, which become `decimal.Decimal` and `datetime.date` here.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Leaf {
    Decimal,
    Date,
    Other,
}

fn leaf_of<T: ?Sized>() -> Leaf {
    // A sequence serialises its items by reference (`Vec<Date>`'s items
    // are `&Date`).
    let name = std::any::type_name::<T>().trim_start_matches('&');
    if name == std::any::type_name::<Decimal>() || name.starts_with("ecodefi::quantity::") {
        Leaf::Decimal
    } else if name == std::any::type_name::<Date>() {
        Leaf::Date
    } else {
        Leaf::Other
    }
}

/// An error while converting a core value to Python objects.
#[derive(Debug)]
pub struct SerError(String);

impl fmt::Display for SerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SerError {}

impl ser::Error for SerError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        SerError(msg.to_string())
    }
}

impl From<PyErr> for SerError {
    fn from(e: PyErr) -> Self {
        SerError(e.to_string())
    }
}

/// Converts a core value to Python objects: structs and maps to `dict`,
/// sequences to `list`, decimals to `decimal.Decimal`, dates to
/// `datetime.date`, names to their `str` spelling.
///
/// # Errors
/// Only if Python itself fails (e.g. out of memory).
pub fn to_python<'py, T: ?Sized + Serialize>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    value_to_python(py, value).map_err(|e| PyTypeError::new_err(e.0))
}

fn value_to_python<'py, T: ?Sized + Serialize>(
    py: Python<'py>,
    value: &T,
) -> Result<Bound<'py, PyAny>, SerError> {
    let leaf = leaf_of::<T>();
    value.serialize(PySer { py, leaf })
}

struct PySer<'py> {
    py: Python<'py>,
    leaf: Leaf,
}

struct PySeq<'py> {
    py: Python<'py>,
    items: Vec<Bound<'py, PyAny>>,
    tuple: bool,
}

struct PyMap<'py> {
    py: Python<'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
    /// For an enum variant with fields: `{variant: {...}}`.
    variant: Option<&'static str>,
}

impl<'py> ser::Serializer for PySer<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    type SerializeSeq = PySeq<'py>;
    type SerializeTuple = PySeq<'py>;
    type SerializeTupleStruct = PySeq<'py>;
    type SerializeTupleVariant = PySeq<'py>;
    type SerializeMap = PyMap<'py>;
    type SerializeStruct = PyMap<'py>;
    type SerializeStructVariant = PyMap<'py>;

    fn serialize_bool(self, v: bool) -> Result<Self::Ok, SerError> {
        Ok(PyBool::new(self.py, v).to_owned().into_any())
    }
    fn serialize_i8(self, v: i8) -> Result<Self::Ok, SerError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<Self::Ok, SerError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<Self::Ok, SerError> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<Self::Ok, SerError> {
        Ok(v.into_bound_py_any(self.py)?)
    }
    fn serialize_u8(self, v: u8) -> Result<Self::Ok, SerError> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<Self::Ok, SerError> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<Self::Ok, SerError> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<Self::Ok, SerError> {
        Ok(v.into_bound_py_any(self.py)?)
    }
    fn serialize_f32(self, v: f32) -> Result<Self::Ok, SerError> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<Self::Ok, SerError> {
        Ok(v.into_bound_py_any(self.py)?)
    }
    fn serialize_char(self, v: char) -> Result<Self::Ok, SerError> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<Self::Ok, SerError> {
        match self.leaf {
            // Exact: `decimal.Decimal` reads the core's own decimal text.
            Leaf::Decimal => Ok(decimal_type(self.py)?.call1((v,))?),
            Leaf::Date => {
                let d: Date = v
                    .parse()
                    .map_err(|e: ecodefi::Error| SerError(e.to_string()))?;
                Ok(Wrap(d).into_pyobject(self.py)?.into_any())
            }
            Leaf::Other => Ok(PyString::new(self.py, v).into_any()),
        }
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Self::Ok, SerError> {
        Ok(v.to_vec().into_bound_py_any(self.py)?)
    }
    fn serialize_none(self) -> Result<Self::Ok, SerError> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<Self::Ok, SerError> {
        value_to_python(self.py, value)
    }
    fn serialize_unit(self) -> Result<Self::Ok, SerError> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok, SerError> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok, SerError> {
        Ok(PyString::new(self.py, variant).into_any())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Self::Ok, SerError> {
        value_to_python(self.py, value)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Self::Ok, SerError> {
        let d = PyDict::new(self.py);
        d.set_item(variant, value_to_python(self.py, value)?)?;
        Ok(d.into_any())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<PySeq<'py>, SerError> {
        Ok(PySeq {
            py: self.py,
            items: Vec::with_capacity(len.unwrap_or(0)),
            tuple: false,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<PySeq<'py>, SerError> {
        Ok(PySeq {
            py: self.py,
            items: Vec::with_capacity(len),
            tuple: true,
        })
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<PySeq<'py>, SerError> {
        self.serialize_tuple(len)
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        len: usize,
    ) -> Result<PySeq<'py>, SerError> {
        self.serialize_tuple(len)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<PyMap<'py>, SerError> {
        Ok(PyMap {
            py: self.py,
            dict: PyDict::new(self.py),
            key: None,
            variant: None,
        })
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<PyMap<'py>, SerError> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<PyMap<'py>, SerError> {
        let mut m = self.serialize_map(None)?;
        m.variant = Some(variant);
        Ok(m)
    }
}

impl<'py> PySeq<'py> {
    fn push<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), SerError> {
        self.items.push(value_to_python(self.py, value)?);
        Ok(())
    }
    fn done(self) -> Result<Bound<'py, PyAny>, SerError> {
        if self.tuple {
            Ok(PyTuple::new(self.py, self.items)?.into_any())
        } else {
            Ok(PyList::new(self.py, self.items)?.into_any())
        }
    }
}

impl<'py> ser::SerializeSeq for PySeq<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), SerError> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok, SerError> {
        self.done()
    }
}

impl<'py> ser::SerializeTuple for PySeq<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), SerError> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok, SerError> {
        self.done()
    }
}

impl<'py> ser::SerializeTupleStruct for PySeq<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), SerError> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok, SerError> {
        self.done()
    }
}

impl<'py> ser::SerializeTupleVariant for PySeq<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), SerError> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok, SerError> {
        self.done()
    }
}

impl<'py> PyMap<'py> {
    fn done(self) -> Result<Bound<'py, PyAny>, SerError> {
        match self.variant {
            None => Ok(self.dict.into_any()),
            Some(v) => {
                let outer = PyDict::new(self.py);
                outer.set_item(v, self.dict)?;
                Ok(outer.into_any())
            }
        }
    }
}

impl<'py> ser::SerializeMap for PyMap<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), SerError> {
        self.key = Some(value_to_python(self.py, key)?);
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), SerError> {
        let key = self
            .key
            .take()
            .ok_or_else(|| SerError("a map value without its key".into()))?;
        self.dict.set_item(key, value_to_python(self.py, value)?)?;
        Ok(())
    }
    fn end(self) -> Result<Self::Ok, SerError> {
        self.done()
    }
}

impl<'py> ser::SerializeStruct for PyMap<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), SerError> {
        self.dict.set_item(key, value_to_python(self.py, value)?)?;
        Ok(())
    }
    fn end(self) -> Result<Self::Ok, SerError> {
        self.done()
    }
}

impl<'py> ser::SerializeStructVariant for PyMap<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = SerError;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), SerError> {
        self.dict.set_item(key, value_to_python(self.py, value)?)?;
        Ok(())
    }
    fn end(self) -> Result<Self::Ok, SerError> {
        self.done()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pyo3::types::PyDict;

    #[test]
    fn floats_use_their_shortest_repr() {
        assert_eq!(float_text(0.1).unwrap(), "0.1");
        assert_eq!(float_text(1e-7).unwrap(), "0.0000001");
        assert_eq!(float_text(2.0).unwrap(), "2");
        assert!(float_text(f64::NAN).is_err());
        assert!(float_text(f64::INFINITY).is_err());
    }

    #[test]
    fn python_objects_to_core_values_and_back() {
        Python::initialize();
        Python::attach(|py| {
            let dict = PyDict::new(py);
            dict.set_item("first", PyDate::new(py, 2026, 1, 1).unwrap())
                .unwrap();
            dict.set_item("last", "2026-01-31").unwrap();
            let period: ecodefi::Period = from_python(&dict.into_any()).unwrap();
            assert_eq!(period.days(), 31);
            let back = to_python(py, &period).unwrap();
            let first = back.get_item("first").unwrap();
            assert!(first.is_instance_of::<PyDate>());

            let occupants = PyDict::new(py);
            occupants.set_item("adults", 0).unwrap();
            let err = from_python::<ecodefi::Occupants>(&occupants.into_any()).unwrap_err();
            assert!(err.to_string().contains("at least one adult"), "{err}");

            let kwh = ecodefi::Kwh::new(rust_decimal::Decimal::new(1135, 1));
            let value = to_python(py, &kwh).unwrap();
            assert_eq!(type_name(&value), "Decimal");
            assert_eq!(value.str().unwrap().to_string(), "113.5");
        });
    }

    #[test]
    fn items_of_a_sequence_are_dates_and_decimals_too() {
        // `Vec<T>` serialises its items as `&T`: they are still leaves.
        Python::initialize();
        Python::attach(|py| {
            let days: Vec<ecodefi::Date> = vec!["2026-01-02".parse().unwrap()];
            let list = to_python(py, &days).unwrap();
            assert!(list.get_item(0).unwrap().is_instance_of::<PyDate>());
            let values = vec![rust_decimal::Decimal::new(15, 1)];
            let list = to_python(py, &values).unwrap();
            assert_eq!(type_name(&list.get_item(0).unwrap()), "Decimal");
        });
    }

    #[test]
    fn errors_carry_the_path() {
        Python::initialize();
        Python::attach(|py| {
            let dict = PyDict::new(py);
            let inner = PyDict::new(py);
            inner.set_item("first", "2026-13-01").unwrap();
            inner.set_item("last", "2026-01-31").unwrap();
            dict.set_item("p", pyo3::types::PyList::new(py, [inner]).unwrap())
                .unwrap();
            let err = from_python::<std::collections::BTreeMap<String, Vec<ecodefi::Period>>>(
                &dict.into_any(),
            )
            .unwrap_err();
            assert_eq!(err.path(), "p[0].first");
        });
    }
}
