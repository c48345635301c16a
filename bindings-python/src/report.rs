//! The input document ([`ecodefi::ChallengeData`]) and the report
//! ([`ecodefi::Report`]) as Python classes. Presentation helpers (pandas,
//! HTML, plots) are plain Python in the package, called from here.

use std::time::Instant;

use ecodefi::message::Lang;
use ecodefi::{AsOf, ChallengeData, Report, SCHEMA_VERSION};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use ecodefi::table::Table;

use crate::convert::{from_python, to_python, Wrap};

/// The settings as JSON text: a ``str`` as is, a dict through the same
/// conversions as documents (``Decimal``, ``float``, ``datetime.date`` to
/// their JSON spelling; an ``int`` stays a JSON whole number).
fn settings_json(settings: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(s) = settings.cast::<PyString>() {
        return Ok(s.to_cow()?.into_owned());
    }
    let value: serde_json::Value = from_python(settings)?;
    Ok(value.to_string())
}

fn core<T>(r: ecodefi::Result<T>) -> PyResult<T> {
    r.map_err(|e| PyErr::from(Wrap(e)))
}

/// The one input document of a challenge (``ecodefi::ChallengeData``): the
/// challenge, its households with their meters and measurements, the daily
/// temperatures and the options. Every constructor checks it with the
/// core's rules (``validate``) and raises a ``ValidationError`` naming what
/// is wrong and where.
///
/// ``ChallengeData(challenge, households, temperatures=None, options=None)``
/// builds it from Python objects: dicts and lists in the JSON document's
/// shape, with ``decimal.Decimal``, ``int`` or ``float`` quantities (a float
/// through its shortest repr), ``datetime.date`` days and the core's names.
#[pyclass(module = "ecodefi", name = "ChallengeData", frozen)]
pub struct PyChallengeData(pub ChallengeData);

/// The document of a dict, checked; an error's message in `lang`.
fn read_dict(data: &Bound<'_, PyAny>, lang: Lang) -> PyResult<PyChallengeData> {
    let in_lang = |e: ecodefi::Error| crate::error::to_pyerr_in(&e, lang);
    // The core reads the schema version first, so that a document of
    // another version gets that error rather than a shape error.
    if let Ok(d) = data.cast::<PyDict>() {
        if let Some(v) = d.get_item("schema_version")? {
            if let Ok(v) = v.extract::<u32>() {
                if v != SCHEMA_VERSION {
                    return Err(in_lang(ecodefi::Error::SchemaVersion {
                        got: v,
                        supported: SCHEMA_VERSION,
                    }));
                }
            }
        }
    }
    let data = from_python::<ChallengeData>(data).map_err(|e| {
        in_lang(ecodefi::Error::Json {
            message: e.to_string(),
        })
    })?;
    data.validate().map_err(in_lang)?;
    Ok(PyChallengeData(data))
}

#[pymethods]
impl PyChallengeData {
    #[new]
    #[pyo3(signature = (challenge, households, temperatures = None, options = None))]
    fn new(
        py: Python<'_>,
        challenge: Bound<'_, PyAny>,
        households: Bound<'_, PyAny>,
        temperatures: Option<Bound<'_, PyAny>>,
        options: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let d = PyDict::new(py);
        d.set_item("schema_version", SCHEMA_VERSION)?;
        d.set_item("challenge", challenge)?;
        d.set_item("households", households)?;
        if let Some(t) = temperatures {
            d.set_item("temperatures", t)?;
        }
        if let Some(o) = options {
            d.set_item("options", o)?;
        }
        Self::from_dict(&d.into_any())
    }

    /// Reads the JSON document (the core's ``ChallengeData::from_json``).
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Self> {
        core(ChallengeData::from_json(text)).map(PyChallengeData)
    }

    /// Reads the document from a dict in the JSON document's shape (as
    /// ``json.loads`` gives it, or with ``Decimal``, ``int``, ``float`` and
    /// ``datetime.date`` values). Unknown keys are refused.
    #[staticmethod]
    fn from_dict(data: &Bound<'_, PyAny>) -> PyResult<Self> {
        read_dict(data, Lang::En)
    }

    /// Builds the document from pandas DataFrames (or dicts of columns),
    /// one per table, read by the core's columnar input, and ``settings``:
    /// the JSON document without ``households`` and ``temperatures`` (a
    /// dict, or JSON text), whose ``challenge.teams``, if absent, come from
    /// the teams table or else from the households' ``team`` column (the
    /// core's ``Columns::challenge_data``). See the README for every table
    /// and column.
    #[staticmethod]
    #[pyo3(signature = (settings, households, *, teams = None, meters = None, readings = None, events = None, bills = None, deliveries = None, stock = None, presence = None, temperatures = None, weighings = None, purchases = None, trips = None))]
    #[allow(clippy::too_many_arguments)]
    fn from_frames(
        settings: Bound<'_, PyAny>,
        households: Bound<'_, PyAny>,
        teams: Option<Bound<'_, PyAny>>,
        meters: Option<Bound<'_, PyAny>>,
        readings: Option<Bound<'_, PyAny>>,
        events: Option<Bound<'_, PyAny>>,
        bills: Option<Bound<'_, PyAny>>,
        deliveries: Option<Bound<'_, PyAny>>,
        stock: Option<Bound<'_, PyAny>>,
        presence: Option<Bound<'_, PyAny>>,
        temperatures: Option<Bound<'_, PyAny>>,
        weighings: Option<Bound<'_, PyAny>>,
        purchases: Option<Bound<'_, PyAny>>,
        trips: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let settings = settings_json(&settings)?;
        let columns = crate::frames::Frames::new(
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
        )
        .columns()?;
        core(columns.challenge_data(&settings)).map(PyChallengeData)
    }

    /// Builds the document from CSV files, as the core reads spreadsheets
    /// (decimal comma or point, ISO or French dates, French column names):
    /// ``files`` are the paths of the tables, each known by its file name
    /// (``foyers.csv`` or ``households.csv``, ``compteurs.csv`` or
    /// ``meters.csv``…); ``settings`` as in ``from_frames``, or ``None`` when
    /// the settings are a table among the files (``defi.csv`` or
    /// ``settings.csv``). Errors name the file, line and column.
    #[staticmethod]
    fn from_csv(
        settings: Option<Bound<'_, PyAny>>,
        files: Vec<std::path::PathBuf>,
    ) -> PyResult<Self> {
        let settings = settings.map(|s| settings_json(&s)).transpose()?;
        let mut texts = Vec::with_capacity(files.len());
        for path in &files {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            // The core decodes a file's bytes (UTF-8, Windows-1252, UTF-16)
            // the same way in every language.
            let bytes = std::fs::read(path)?;
            texts.push((name, ecodefi::table::encoding::decode(&bytes).into_owned()));
        }
        let sources = crate::sources(&texts);
        core(
            ecodefi::table::Tables::from_files(&sources).and_then(|t| match &settings {
                Some(json) => t.challenge_data(json),
                None => t.challenge_data_from_tables(),
            }),
        )
        .map(PyChallengeData)
    }

    /// Builds the document from the files an organiser has, as
    /// ``ecodefi.read_files`` reads them (the spreadsheet tables with the
    /// settings table, Linky and Gazpar exports, a Météo-France file):
    /// ``sources`` is a folder, an iterable of paths or a mapping of file
    /// names to ``bytes``; what each file became is left out (see
    /// ``read_files``).
    #[staticmethod]
    #[pyo3(signature = (sources, *, station = None, fill_station = None, interpolate_max_days = 0))]
    fn from_files(
        py: Python<'_>,
        sources: &Bound<'_, PyAny>,
        station: Option<String>,
        fill_station: Option<String>,
        interpolate_max_days: u32,
    ) -> PyResult<Self> {
        let (data, _) = crate::files::challenge_files(
            py,
            sources,
            station,
            fill_station,
            interpolate_max_days,
        )?;
        Ok(PyChallengeData(data))
    }

    /// The document as a dict (``Decimal`` quantities, ``datetime.date``
    /// days), which ``from_dict`` reads back.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0)
    }

    /// The JSON document (decimals as strings), which ``from_json`` reads
    /// back.
    fn to_json(&self) -> PyResult<String> {
        core(self.0.to_json())
    }

    /// The number of households.
    #[getter]
    fn households(&self) -> usize {
        self.0.households.len()
    }

    /// Computes the challenge's results (``ecodefi.compute(self, ...)``):
    /// exclusion details, warnings and error messages in ``lang`` (``"en"``
    /// or ``"fr"``); provisional results as of a day with ``as_of`` (a
    /// ``datetime.date``, an ISO date ``str`` or ``"last_data"``); on
    /// ``threads`` threads (default: ``ECODEFI_THREADS`` or every core).
    #[pyo3(signature = (*, as_of = None, lang = "en", threads = None))]
    fn compute(
        &self,
        py: Python<'_>,
        as_of: Option<&Bound<'_, PyAny>>,
        lang: &str,
        threads: Option<usize>,
    ) -> PyResult<PyReport> {
        compute_data(py, &self.0, as_of_arg(as_of)?, parse_lang(lang)?, threads)
    }

    fn __repr__(&self) -> String {
        format!(
            "<ChallengeData {:?}: {} households>",
            self.0.challenge.name,
            self.0.households.len()
        )
    }
}

/// The language of the core's catalogue named `lang` (`"en"`, `"fr"`).
pub(crate) fn parse_lang(lang: &str) -> PyResult<Lang> {
    core(lang.parse())
}

/// The report of `data`, its texts in `lang`, computed on `threads`
/// threads ([`ecodefi::parallel::asked_threads`]: `None` is the core's
/// default) without the GIL.
fn compute_data(
    py: Python<'_>,
    data: &ChallengeData,
    as_of: Option<AsOf>,
    lang: Lang,
    threads: Option<usize>,
) -> PyResult<PyReport> {
    let threads = ecodefi::parallel::asked_threads(threads)
        .map_err(|e| crate::error::to_pyerr_in(&e, lang))?;
    let run = || {
        match as_of {
            None => ecodefi::compute(data),
            Some(a) => ecodefi::compute_as_of(data, a),
        }
        .map(|mut report| {
            report.localize(lang);
            report
        })
    };
    // The computation holds no Python object: other threads may run.
    let computed = py.detach(|| ecodefi::parallel::with_threads(threads, run));
    computed
        .map(PyReport)
        .map_err(|e| crate::error::to_pyerr_in(&e, lang))
}

/// The ``as_of`` argument: ``None``, ``"last_data"``, an ISO date ``str``
/// or a ``datetime.date`` (read by the core, [`AsOf`]).
fn as_of_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<AsOf>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    if let Ok(text) = obj.extract::<String>() {
        return core(text.parse::<AsOf>()).map(Some);
    }
    let day: Wrap<ecodefi::Date> = obj.extract()?;
    Ok(Some(AsOf::Day(day.0)))
}

/// Computes a challenge's results from its ``ChallengeData`` (or a dict in
/// the document's shape): every household appears in the report, with its
/// result or the reasons it was excluded. Exclusion details, warnings and
/// error messages are in ``lang``: ``"en"`` (the default) or ``"fr"``; their
/// codes and parameters are the same in both. With ``as_of`` (a
/// ``datetime.date``, an ISO date ``str`` or ``"last_data"``), the
/// provisional results of the part of the challenge period elapsed that day
/// (``Report.provisional``). The households are shared among ``threads``
/// threads (default: the ``ECODEFI_THREADS`` environment variable, else
/// every core; the report is the same on any number), the GIL released
/// while the core computes.
#[pyfunction]
#[pyo3(signature = (data, *, as_of = None, lang = "en", threads = None))]
pub fn compute(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    as_of: Option<&Bound<'_, PyAny>>,
    lang: &str,
    threads: Option<usize>,
) -> PyResult<PyReport> {
    let as_of = as_of_arg(as_of)?;
    let lang = parse_lang(lang)?;
    if let Ok(d) = data.cast::<PyChallengeData>() {
        return compute_data(py, &d.get().0, as_of, lang, threads);
    }
    let d = read_dict(data, lang)?;
    compute_data(py, &d.0, as_of, lang, threads)
}

/// The results of a challenge (``ecodefi::Report``): a section per theme
/// computed (``energy``…), with every household, the teams ranked and the
/// challenge's totals.
#[pyclass(module = "ecodefi", name = "Report", frozen)]
pub struct PyReport(pub Report);

pub(crate) fn helper<'py>(
    py: Python<'py>,
    module: &str,
    function: &str,
) -> PyResult<Bound<'py, PyAny>> {
    py.import(module)?.getattr(function)
}

/// A theme's section as the typed class ``class_name`` of
/// ``ecodefi.results``, built from its dict form (the same values as
/// ``to_dict``), or ``None`` when the challenge has no such theme.
fn section<'py, T: serde::Serialize>(
    py: Python<'py>,
    class_name: &str,
    section: Option<&T>,
) -> PyResult<Bound<'py, PyAny>> {
    match section {
        None => Ok(py.None().into_bound(py)),
        Some(s) => helper(py, "ecodefi.results", class_name)?
            .call_method1("from_dict", (to_python(py, s)?,)),
    }
}

#[pymethods]
impl PyReport {
    /// The headline, in the published French style, one line per theme.
    #[getter]
    fn headline(&self) -> String {
        self.0.headline()
    }

    /// The report's schema version.
    #[getter]
    fn schema_version(&self) -> u32 {
        self.0.schema_version
    }

    /// The number of households of the input.
    #[getter]
    fn households(&self) -> u32 {
        self.0.households
    }

    /// The challenge, as a dict in the document's form.
    #[getter]
    fn challenge<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0.challenge)
    }

    /// The energy section as typed objects (``ecodefi.results.EnergyReport``),
    /// or ``None`` if the challenge has no energy theme.
    #[getter]
    fn energy<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        section(py, "EnergyReport", self.0.energy.as_ref())
    }

    /// The water section as typed objects (``ecodefi.results.WaterReport``),
    /// or ``None``.
    #[getter]
    fn water<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        section(py, "WaterReport", self.0.water.as_ref())
    }

    /// The waste section as typed objects (``ecodefi.results.WasteReport``),
    /// or ``None``.
    #[getter]
    fn waste<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        section(py, "WasteReport", self.0.waste.as_ref())
    }

    /// The food section as typed objects (``ecodefi.results.FoodReport``),
    /// or ``None``.
    #[getter]
    fn food<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        section(py, "FoodReport", self.0.food.as_ref())
    }

    /// The mobility section as typed objects
    /// (``ecodefi.results.MobilityReport``), or ``None``.
    #[getter]
    fn mobility<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        section(py, "MobilityReport", self.0.mobility.as_ref())
    }

    /// When the results are provisional (computed with ``as_of``), the day
    /// and the elapsed and total days (``ecodefi.results.Provisional``);
    /// ``None`` for final results.
    #[getter]
    fn provisional<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        section(py, "Provisional", self.0.provisional.as_ref())
    }

    /// The report as a dict: ``Decimal`` quantities, ``datetime.date``
    /// days, names as ``str``; the same shape as ``to_json``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0)
    }

    /// The report as JSON text (decimals as strings).
    fn to_json(&self) -> PyResult<String> {
        core(self.0.to_json())
    }

    /// Tidy pandas DataFrames: ``{"households": one row per household and
    /// theme, "meters": one row per energy meter, "teams": one row per
    /// team and theme, "challenge": one row per theme, "national": one row
    /// per comparison with a national reference}`` and, per theme
    /// computed (``"energy"``, ``"water"``…), one row per household with
    /// its status, exclusions and every figure. ``decimals`` is
    /// ``"decimal"`` (exact ``Decimal`` values in object columns, the
    /// default) or ``"float"`` (``float64`` columns, rounded, for plotting).
    #[pyo3(signature = (decimals = "decimal"))]
    fn to_pandas<'py>(slf: &Bound<'py, Self>, decimals: &str) -> PyResult<Bound<'py, PyAny>> {
        helper(slf.py(), "ecodefi._pandas", "report_frames")?.call1((slf, decimals))
    }

    /// The same tables as :meth:`to_pandas` as Arrow tables
    /// (``ecodefi.ArrowTable``, read by ``pyarrow.table(t)`` or
    /// ``polars.DataFrame(t)``): the same columns, exact ``Decimal128``
    /// decimals (``decimals="decimal"``) or ``Float64``, ``Date32`` days.
    /// Needs the ``arrow`` feature (in the published wheels), not pandas.
    #[pyo3(signature = (decimals = "decimal"))]
    fn to_arrow<'py>(slf: &Bound<'py, Self>, decimals: &str) -> PyResult<Bound<'py, PyAny>> {
        helper(slf.py(), "ecodefi._pandas", "report_arrow")?.call1((slf, decimals))
    }

    /// The notebook view: the headline and the team ranking.
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        helper(slf.py(), "ecodefi._notebook", "report_html")?.call1((slf,))
    }

    fn __repr__(&self) -> String {
        format!(
            "<Report {:?}: {} households>",
            self.0.challenge.name, self.0.households
        )
    }

    fn __str__<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        PyString::new(py, &self.0.headline())
    }
}

/// The core's times, in seconds, to assemble the given tables (already
/// converted to columns) and compute the challenge, ``repeat`` times: the
/// reference for the bindings' overhead in ``benches/``. Not public API.
#[pyfunction]
#[pyo3(signature = (settings, tables, *, repeat = 1))]
pub fn _core_seconds(
    py: Python<'_>,
    settings: Bound<'_, PyAny>,
    tables: Bound<'_, pyo3::types::PyMapping>,
    repeat: u32,
) -> PyResult<Vec<f64>> {
    let settings = settings_json(&settings)?;
    let mut frames = crate::frames::Frames::default();
    for item in tables.items()?.iter() {
        let (name, frame): (String, Bound<'_, PyAny>) = item.extract()?;
        let table: Table = core(name.parse())?;
        frames.tables.push((table, frame));
    }
    let columns = frames.columns()?;
    let mut times = Vec::new();
    for _ in 0..repeat {
        let seconds = py.detach(|| -> ecodefi::Result<f64> {
            let start = Instant::now();
            let data = columns.challenge_data(&settings)?;
            let report = ecodefi::compute(&data)?;
            let seconds = start.elapsed().as_secs_f64();
            drop(report);
            Ok(seconds)
        });
        times.push(core(seconds)?);
    }
    Ok(times)
}

/// The binding's times, in seconds, to read ``tables`` (pandas or Arrow)
/// into the core's columns and drop them: the part of ``from_frames``
/// before the core's (``_core_seconds``), for ``benches/``. Not public API.
#[pyfunction]
#[pyo3(signature = (tables, *, repeat = 1))]
pub fn _columns_seconds(
    tables: Bound<'_, pyo3::types::PyMapping>,
    repeat: u32,
) -> PyResult<Vec<f64>> {
    let mut frames = crate::frames::Frames::default();
    for item in tables.items()?.iter() {
        let (name, frame): (String, Bound<'_, PyAny>) = item.extract()?;
        let table: Table = core(name.parse())?;
        frames.tables.push((table, frame));
    }
    let mut times = Vec::new();
    for _ in 0..repeat {
        let start = Instant::now();
        drop(frames.columns()?);
        times.push(start.elapsed().as_secs_f64());
    }
    Ok(times)
}

/// The core's times, in seconds, to read the same tables as CSV texts
/// (``(file name, text)`` pairs) and compute the challenge: a Rust user's
/// path from spreadsheets, for comparison in ``benches/``. Not public API.
#[pyfunction]
#[pyo3(signature = (settings, files, *, repeat = 1))]
pub fn _core_csv_seconds(
    py: Python<'_>,
    settings: Bound<'_, PyAny>,
    files: Vec<(String, String)>,
    repeat: u32,
) -> PyResult<Vec<f64>> {
    let settings = settings_json(&settings)?;
    let sources = crate::sources(&files);
    let mut times = Vec::new();
    for _ in 0..repeat {
        let seconds = py.detach(|| -> ecodefi::Result<f64> {
            let start = Instant::now();
            let data = ecodefi::table::Tables::from_files(&sources)?.challenge_data(&settings)?;
            let report = ecodefi::compute(&data)?;
            let seconds = start.elapsed().as_secs_f64();
            drop(report);
            Ok(seconds)
        });
        times.push(core(seconds)?);
    }
    Ok(times)
}

/// A synthetic challenge from the core's generator (``households``
/// households, ``seed``, with some data problems if ``problems``): sample
/// data for tests, benchmarks and demonstrations.
#[pyfunction]
#[pyo3(signature = (households = 190, *, seed = 2026, problems = true))]
pub fn synthetic_challenge(
    households: usize,
    seed: u64,
    problems: bool,
) -> PyResult<PyChallengeData> {
    let options = ecodefi::synthetic::SyntheticOptions {
        households,
        seed,
        problems,
    };
    core(ecodefi::synthetic::generate(options)).map(PyChallengeData)
}
