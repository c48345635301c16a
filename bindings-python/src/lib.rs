//! Python bindings of ecodefi: the `ecodefi._ecodefi` extension module,
//! re-exported by the `ecodefi` package (`python/ecodefi/__init__.py`).
//!
//! The bindings only translate: every function converts its arguments
//! ([`convert`]), calls one core function, and converts the result or the
//! error ([`error`]). Names (methods, carriers, units…) are the core's
//! spellings, parsed by the core.
#![allow(clippy::needless_pass_by_value)]
// pyo3 takes arguments by value.
// The doc comments of the #[pyfunction]s are their Python docstrings, which
// name the exceptions in prose; an `# Errors` heading would show in `help()`.
#![allow(clippy::missing_errors_doc)]

#[cfg(feature = "arrow")]
pub mod arrow;
#[cfg(not(feature = "arrow"))]
#[path = "no_arrow.rs"]
pub mod arrow;
pub mod batch;
pub mod catalogue;
pub mod convert;
pub mod error;
pub mod files;
pub mod frames;
pub mod regression;
pub mod report;

use ecodefi::{Date, Decimal};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{to_python, Wrap};

/// Parses a name with the core's `FromStr` (one spelling per variant).
fn parse<T: std::str::FromStr<Err = ecodefi::Error>>(s: &str) -> PyResult<T> {
    s.parse().map_err(|e| PyErr::from(Wrap(e)))
}

fn core<T>(r: ecodefi::Result<T>) -> PyResult<T> {
    r.map_err(|e| PyErr::from(Wrap(e)))
}

/// A period of whole days, both ends included (`ecodefi::Period`).
///
/// ``Period(first, last)``: ``first`` and ``last`` are ``datetime.date``
/// (or ISO ``str``); the last day may not be before the first.
#[pyclass(module = "ecodefi", name = "Period", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyPeriod(pub ecodefi::Period);

#[pymethods]
impl PyPeriod {
    #[new]
    fn new(first: Wrap<Date>, last: Wrap<Date>) -> PyResult<Self> {
        core(ecodefi::Period::new(first.0, last.0)).map(PyPeriod)
    }

    /// The first day.
    #[getter]
    fn first(&self) -> Wrap<Date> {
        Wrap(self.0.first())
    }

    /// The last day (included).
    #[getter]
    fn last(&self) -> Wrap<Date> {
        Wrap(self.0.last())
    }

    /// The number of days, both ends included.
    #[getter]
    fn days(&self) -> i64 {
        i64::from(self.0.days())
    }

    /// ``{"first": date, "last": date}``, the document's form.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!("Period('{}', '{}')", self.0.first(), self.0.last())
    }
}

/// Who lives in a household (``ecodefi::Occupants``): ``adults`` (at least
/// one) and the ages of the ``children`` (each under 18).
#[pyclass(module = "ecodefi", name = "Occupants", frozen, eq)]
#[derive(Clone, PartialEq, Eq)]
pub struct PyOccupants(pub ecodefi::Occupants);

#[pymethods]
impl PyOccupants {
    #[new]
    #[pyo3(signature = (adults, children = Vec::new()))]
    fn new(adults: u16, children: Vec<u8>) -> PyResult<Self> {
        core(ecodefi::Occupants::new(adults, children)).map(PyOccupants)
    }

    /// The number of adults.
    #[getter]
    fn adults(&self) -> u16 {
        self.0.adults()
    }

    /// The ages of the children.
    #[getter]
    fn children(&self) -> Vec<u16> {
        // Not Vec<u8>, which pyo3 gives as `bytes`.
        self.0.children().iter().map(|&a| u16::from(a)).collect()
    }

    /// The number of persons.
    #[getter]
    fn persons(&self) -> u32 {
        self.0.persons()
    }

    /// INSEE consumption units (1 for the first adult, 0.5 per other person
    /// aged 14 or more, 0.3 per child under 14), as a ``Decimal``.
    #[getter]
    fn consumption_units(&self) -> Wrap<Decimal> {
        Wrap(self.0.consumption_units())
    }

    /// ``{"adults": int, "children": [int, ...]}``, the document's form.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "Occupants(adults={}, children={:?})",
            self.0.adults(),
            self.0.children()
        )
    }
}

/// Degree-days of one day from its minimum ``tn`` and maximum ``tx``
/// temperatures (°C), as a ``Decimal``.
///
/// ``method`` (``"costic"`` or ``"meteo_france"``), ``base`` (°C) and
/// ``kind`` (``"heating"`` or ``"cooling"``) default to the core's defaults
/// (COSTIC, 18 °C, heating).
#[pyfunction]
#[pyo3(signature = (tn, tx, *, method = None, base = None, kind = None))]
fn degree_days(
    tn: Wrap<Decimal>,
    tx: Wrap<Decimal>,
    method: Option<&str>,
    base: Option<Wrap<Decimal>>,
    kind: Option<&str>,
) -> PyResult<Wrap<Decimal>> {
    let mut options = ecodefi::weather::DegreeDayOptions::default();
    if let Some(m) = method {
        options = options.method(parse(m)?);
    }
    if let Some(b) = base {
        options = options.base(b.0);
    }
    if let Some(k) = kind {
        options = options.kind(parse(k)?);
    }
    core(ecodefi::weather::degree_days(options, tn.0, tx.0)).map(Wrap)
}

/// ``energy``, measured under ``dj_from`` degree-days with climate-sensitive
/// share ``heating_share``, brought to a climate of ``dj_to`` degree-days,
/// by ``method`` (``"eea"``, ``"sdes"``, ``"contract"`` or ``"none"``).
#[pyfunction]
fn correct_climate(
    method: &str,
    energy: Wrap<Decimal>,
    heating_share: Wrap<Decimal>,
    dj_from: Wrap<Decimal>,
    dj_to: Wrap<Decimal>,
) -> PyResult<Wrap<Decimal>> {
    core(ecodefi::climate::correct(
        parse(method)?,
        energy.0,
        heating_share.0,
        dj_from.0,
        dj_to.0,
    ))
    .map(Wrap)
}

/// The official kWh per ``unit`` of ``carrier`` on ``basis`` (``"pci"`` or
/// ``"pcs"``), as a ``Decimal``.
#[pyfunction]
fn official_conversion(carrier: &str, unit: &str, basis: &str) -> PyResult<Wrap<Decimal>> {
    core(ecodefi::meter::Conversion::official(
        parse(carrier)?,
        parse(unit)?,
        parse(basis)?,
    ))
    .map(|c| Wrap(c.kwh_per_unit))
}

/// The core's spellings of every enumeration, by name: ``{"theme": [...],
/// "carrier": [...], ...}``.
#[pyfunction]
fn names(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    fn all<T: std::fmt::Display>(v: &[T]) -> Vec<String> {
        v.iter().map(ToString::to_string).collect()
    }
    let d = PyDict::new(py);
    d.set_item("theme", all(ecodefi::Theme::ALL))?;
    d.set_item("organiser_kind", all(ecodefi::OrganiserKind::ALL))?;
    d.set_item("carrier", all(ecodefi::meter::Carrier::ALL))?;
    d.set_item("unit", all(ecodefi::meter::Unit::ALL))?;
    d.set_item("basis", all(ecodefi::meter::Basis::ALL))?;
    d.set_item("usage", all(ecodefi::meter::Usage::ALL))?;
    d.set_item("degree_day_method", all(ecodefi::weather::Method::ALL))?;
    d.set_item("degree_day_kind", all(ecodefi::weather::Kind::ALL))?;
    d.set_item("climate_correction", all(ecodefi::climate::Correction::ALL))?;
    d.set_item(
        "exclusion_code",
        all(ecodefi::exclusion::ExclusionCode::ALL),
    )?;
    d.set_item("warning_code", all(ecodefi::exclusion::WarningCode::ALL))?;
    Ok(d)
}

/// A machine-readable code (an exclusion's, a warning's or an error's
/// ``code``) in words, in ``lang`` (``"en"`` or ``"fr"``), from the core's
/// message catalogue: ``code_label("no_meter", "fr")`` is
/// ``"aucun compteur"``; ``None`` for a code the catalogue does not know.
#[pyfunction]
#[pyo3(signature = (code, lang = "en"))]
fn code_label(code: &str, lang: &str) -> PyResult<Option<&'static str>> {
    Ok(ecodefi::message::code_label(
        code,
        report::parse_lang(lang)?,
    ))
}

/// Reads a challenge's tables, given as pandas DataFrames (or dicts of
/// columns), with the core's columnar input: ``{"households": [...],
/// "teams": [...], "temperatures": [...] or None}`` in the document's form.
#[pyfunction]
#[pyo3(signature = (households, *, teams = None, meters = None, readings = None, events = None, bills = None, deliveries = None, stock = None, presence = None, temperatures = None, weighings = None, purchases = None, trips = None))]
#[allow(clippy::too_many_arguments)]
fn read_frames<'py>(
    py: Python<'py>,
    households: Bound<'py, PyAny>,
    teams: Option<Bound<'py, PyAny>>,
    meters: Option<Bound<'py, PyAny>>,
    readings: Option<Bound<'py, PyAny>>,
    events: Option<Bound<'py, PyAny>>,
    bills: Option<Bound<'py, PyAny>>,
    deliveries: Option<Bound<'py, PyAny>>,
    stock: Option<Bound<'py, PyAny>>,
    presence: Option<Bound<'py, PyAny>>,
    temperatures: Option<Bound<'py, PyAny>>,
    weighings: Option<Bound<'py, PyAny>>,
    purchases: Option<Bound<'py, PyAny>>,
    trips: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let inputs = frame_inputs(
        households,
        teams,
        meters,
        readings,
        events,
        bills,
        deliveries,
        stock,
        presence,
        temperatures,
        weighings,
        purchases,
        trips,
    )?;
    let d = PyDict::new(py);
    d.set_item("households", to_python(py, &inputs.households)?)?;
    d.set_item("teams", to_python(py, &inputs.teams)?)?;
    d.set_item("temperatures", to_python(py, &inputs.temperatures)?)?;
    Ok(d)
}

#[allow(clippy::too_many_arguments)]
fn frame_inputs<'py>(
    households: Bound<'py, PyAny>,
    teams: Option<Bound<'py, PyAny>>,
    meters: Option<Bound<'py, PyAny>>,
    readings: Option<Bound<'py, PyAny>>,
    events: Option<Bound<'py, PyAny>>,
    bills: Option<Bound<'py, PyAny>>,
    deliveries: Option<Bound<'py, PyAny>>,
    stock: Option<Bound<'py, PyAny>>,
    presence: Option<Bound<'py, PyAny>>,
    temperatures: Option<Bound<'py, PyAny>>,
    weighings: Option<Bound<'py, PyAny>>,
    purchases: Option<Bound<'py, PyAny>>,
    trips: Option<Bound<'py, PyAny>>,
) -> PyResult<ecodefi::table::Inputs> {
    use ecodefi::table::Table;
    let frames = frames::Frames::new(
        households,
        [
            (Table::Teams, teams),
            (Table::Meters, meters),
            (Table::Readings, readings),
            (Table::Events, events),
            (Table::Bills, bills),
            (Table::Deliveries, deliveries),
            (Table::Stock, stock),
            (Table::Presence, presence),
            (Table::Temperatures, temperatures),
            (Table::Weighings, weighings),
            (Table::Purchases, purchases),
            (Table::Trips, trips),
        ],
    );
    core(frames.columns()?.assemble())
}

/// The core's CSV sources of `(file name, text)` pairs.
pub(crate) fn sources(files: &[(String, String)]) -> Vec<ecodefi::table::Source<'_>> {
    files
        .iter()
        .map(|(name, text)| ecodefi::table::Source::new(name, text))
        .collect()
}

/// Reads CSV texts with the core's tabular input: ``files`` is a sequence
/// of ``(file name, CSV text)``, each file's table known by its name as the
/// core reads it (``foyers.csv`` or ``households.csv``, ``releves.csv`` or
/// ``readings.csv``…). Returns ``{"households": [...], "teams": [...],
/// "temperatures": [...] or None}`` in the document's form; errors name the
/// file, line and column.
#[pyfunction]
fn read_csv_tables(py: Python<'_>, files: Vec<(String, String)>) -> PyResult<Bound<'_, PyDict>> {
    let sources = sources(&files);
    let inputs = core(ecodefi::table::Tables::from_files(&sources).and_then(|t| t.read()))?;
    let d = PyDict::new(py);
    d.set_item("households", to_python(py, &inputs.households)?)?;
    d.set_item("teams", to_python(py, &inputs.teams)?)?;
    d.set_item("temperatures", to_python(py, &inputs.temperatures)?)?;
    Ok(d)
}

/// The compiled part of the `ecodefi` package.
#[pymodule]
fn _ecodefi(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<PyPeriod>()?;
    m.add_class::<PyOccupants>()?;
    m.add_function(wrap_pyfunction!(degree_days, m)?)?;
    m.add_function(wrap_pyfunction!(correct_climate, m)?)?;
    m.add_function(wrap_pyfunction!(official_conversion, m)?)?;
    m.add_function(wrap_pyfunction!(names, m)?)?;
    m.add_function(wrap_pyfunction!(code_label, m)?)?;
    m.add_function(wrap_pyfunction!(read_frames, m)?)?;
    #[cfg(feature = "arrow")]
    {
        m.add_class::<arrow::ArrowTable>()?;
        m.add_function(wrap_pyfunction!(arrow::arrow_table, m)?)?;
    }
    m.add_function(wrap_pyfunction!(read_csv_tables, m)?)?;
    m.add("SCHEMA_VERSION", ecodefi::SCHEMA_VERSION)?;
    m.add("REPORT_SCHEMA_VERSION", ecodefi::REPORT_SCHEMA_VERSION)?;
    m.add_class::<report::PyChallengeData>()?;
    m.add_class::<report::PyReport>()?;
    m.add_class::<catalogue::PyCatalogue>()?;
    m.add_class::<regression::PyBaseline>()?;
    m.add_function(wrap_pyfunction!(regression::regression_fit, m)?)?;
    m.add_function(wrap_pyfunction!(batch::regression_fit_many, m)?)?;
    m.add_function(wrap_pyfunction!(report::compute, m)?)?;
    m.add_function(wrap_pyfunction!(report::synthetic_challenge, m)?)?;
    m.add_function(wrap_pyfunction!(report::_core_seconds, m)?)?;
    m.add_function(wrap_pyfunction!(report::_core_csv_seconds, m)?)?;
    m.add_function(wrap_pyfunction!(report::_columns_seconds, m)?)?;
    m.add_class::<files::PyWeatherFile>()?;
    m.add_class::<files::PyStationTemperatures>()?;
    m.add_class::<files::PyMeterFile>()?;
    m.add_function(wrap_pyfunction!(files::read_weather, m)?)?;
    m.add_function(wrap_pyfunction!(files::read_meter_file, m)?)?;
    m.add_function(wrap_pyfunction!(files::read_files, m)?)?;
    m.add_function(wrap_pyfunction!(files::file_kind, m)?)?;
    Ok(())
}
