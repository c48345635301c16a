//! The files organisers and households actually have
//! ([`ecodefi::files`]): Météo-France climatological files, Linky (Enedis)
//! and Gazpar (GRDF) exports, and a whole challenge from a folder of them.
//!
//! Only translation here: a path's bytes are read (the core reads bytes in
//! memory, never the file system), the core's reader is called, and its
//! values are given to Python as the typed classes of `ecodefi/files.py`
//! (built from the core's serde form) or as pandas DataFrames.

use std::path::{Path, PathBuf};

use ecodefi::files::meteo_france::{Fill, ReadOptions, StationTemperatures, WeatherFile};
use ecodefi::files::meter_file::MeterFile;
use ecodefi::files::set::{self, File, FileOptions, Kind};
use ecodefi::{Date, Decimal, Period};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyMapping, PyTuple};

use crate::convert::{to_python, Wrap};
use crate::report::PyChallengeData;

fn core<T>(r: ecodefi::Result<T>) -> PyResult<T> {
    r.map_err(|e| PyErr::from(Wrap(e)))
}

/// The name cited in errors for bytes given without a name.
const BYTES_NAME: &str = "<bytes>";

/// The class `class` of `ecodefi.files` built from the core's serde form
/// of `value` (its `from_dict`).
fn typed<'py, T: serde::Serialize + ?Sized>(
    py: Python<'py>,
    class: &str,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    py.import("ecodefi.files")?
        .getattr(class)?
        .call_method1("from_dict", (to_python(py, value)?,))
}

/// A list of the class `class` of `ecodefi.files`, one per item.
fn typed_list<'py, T: serde::Serialize>(
    py: Python<'py>,
    class: &str,
    values: &[T],
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    values.iter().map(|v| typed(py, class, v)).collect()
}

/// Calls a pandas helper of `ecodefi/files.py`.
fn frame<'py>(
    py: Python<'py>,
    function: &str,
    args: impl pyo3::call::PyCallArgs<'py>,
) -> PyResult<Bound<'py, PyAny>> {
    py.import("ecodefi.files")?.getattr(function)?.call1(args)
}

/// A path's last component, as the name cited in errors (and telling the
/// core which table a spreadsheet file is).
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The bytes of `bytes` or `bytearray`, or `None` for another object.
fn as_bytes(obj: &Bound<'_, PyAny>) -> Option<Vec<u8>> {
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Some(b.as_bytes().to_vec());
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Some(b.to_vec());
    }
    None
}

/// One file given as a path (``str`` or ``os.PathLike``: its bytes are
/// read, its name is the file's) or as ``bytes`` (named `name`, or
/// [`BYTES_NAME`]); `name` also overrides a path's name.
fn source(obj: &Bound<'_, PyAny>, name: Option<String>) -> PyResult<(String, Vec<u8>)> {
    if let Some(bytes) = as_bytes(obj) {
        return Ok((name.unwrap_or_else(|| BYTES_NAME.to_owned()), bytes));
    }
    let path: PathBuf = obj.extract().map_err(|_| {
        pyo3::exceptions::PyTypeError::new_err(format!(
            "a file is a path (str or os.PathLike) or bytes, got `{}`",
            obj.get_type()
                .name()
                .map_or_else(|_| "?".to_owned(), |n| n.to_string())
        ))
    })?;
    let bytes = std::fs::read(&path)?;
    Ok((name.unwrap_or_else(|| file_name(&path)), bytes))
}

/// The files of `sources`: a folder (its files, by name, not its
/// sub-folders), one file's path, an iterable of paths (or of `(name,
/// bytes)` pairs), or a mapping of names to bytes.
fn sources(obj: &Bound<'_, PyAny>) -> PyResult<Vec<(String, Vec<u8>)>> {
    if let Ok(map) = obj.cast::<PyMapping>() {
        let mut files = Vec::new();
        for item in map.items()?.iter() {
            let (name, value): (String, Bound<'_, PyAny>) = item.extract()?;
            files.push(source(&value, Some(name))?);
        }
        return Ok(files);
    }
    if let Ok(path) = obj.extract::<PathBuf>() {
        if !path.is_dir() {
            return Ok(vec![source(obj, None)?]);
        }
        let mut paths = Vec::new();
        for entry in std::fs::read_dir(&path)? {
            let entry = entry?;
            if entry.file_type()?.is_file() {
                paths.push(entry.path());
            }
        }
        // Sorted by name, so that the order (and the first error) does not
        // depend on the file system.
        paths.sort();
        return paths
            .iter()
            .map(|p| Ok((file_name(p), std::fs::read(p)?)))
            .collect();
    }
    let mut files = Vec::new();
    for item in obj.try_iter()? {
        let item = item?;
        if let Ok(pair) = item.cast::<PyTuple>() {
            let (name, value): (String, Bound<'_, PyAny>) = pair.extract()?;
            files.push(source(&value, Some(name))?);
        } else {
            files.push(source(&item, None)?);
        }
    }
    Ok(files)
}

/// The period from `first` to `last`, both or neither given.
fn period(first: Option<Wrap<Date>>, last: Option<Wrap<Date>>) -> PyResult<Option<Period>> {
    match (first, last) {
        (None, None) => Ok(None),
        (Some(f), Some(l)) => core(Period::new(f.0, l.0)).map(Some),
        _ => Err(pyo3::exceptions::PyTypeError::new_err(
            "give both `first` and `last`, or neither (all the station's days)",
        )),
    }
}

fn fill(station: Option<String>, interpolate_max_days: u32) -> Fill {
    Fill {
        station,
        interpolate_max_days,
    }
}

/// What a file is (the core's ``files::set::kind``), as ``read_files``
/// sees it: ``("table", "households")`` for a spreadsheet table (by its
/// name: ``foyers.csv``…), ``("weather", None)`` for a Météo-France file,
/// ``("meter", None)`` for a Linky or Gazpar export (by their first
/// bytes). ``source`` and ``name`` as in ``read_weather``; a file that is
/// none of these is an ``UnknownNameError``.
#[pyfunction]
#[pyo3(signature = (source, name = None))]
pub fn file_kind(
    source: &Bound<'_, PyAny>,
    name: Option<String>,
) -> PyResult<(&'static str, Option<&'static str>)> {
    let (name, bytes) = self::source(source, name)?;
    Ok(
        match core(set::kind(&File {
            name: &name,
            bytes: &bytes,
        }))? {
            Kind::Table(table) => ("table", Some(table.as_str())),
            Kind::Weather => ("weather", None),
            Kind::Meter => ("meter", None),
        },
    )
}

/// Reads a Météo-France climatological file (*données climatologiques de
/// base*, meteo.data.gouv.fr), daily or hourly, gzipped or not (the core's
/// ``files::meteo_france::WeatherFile::read``).
///
/// ``source`` is the file's path (``str`` or ``os.PathLike``) or its
/// ``bytes``; ``name`` (by default the file's name, or ``"<bytes>"``) is
/// cited in errors, which name the file, line and column. A value whose
/// quality code is 2 (*douteuse*, doubted and not yet verified) makes its
/// day invalid, like a missing one, unless ``accept_doubtful``.
#[pyfunction]
#[pyo3(signature = (source, name = None, *, accept_doubtful = false))]
pub fn read_weather(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    name: Option<String>,
    accept_doubtful: bool,
) -> PyResult<PyWeatherFile> {
    let (name, bytes) = self::source(source, name)?;
    let options = ReadOptions { accept_doubtful };
    core(py.detach(|| WeatherFile::read_with(&name, &bytes, &options))).map(PyWeatherFile)
}

/// A Météo-France file, read (the core's
/// ``files::meteo_france::WeatherFile``): its stations, and one station's
/// daily temperatures.
#[pyclass(module = "ecodefi", name = "WeatherFile", frozen)]
pub struct PyWeatherFile(pub WeatherFile);

#[pymethods]
impl PyWeatherFile {
    /// The name the file was read under (cited in errors).
    #[getter]
    fn name(&self) -> &str {
        self.0.name()
    }

    /// ``"daily"`` or ``"hourly"``.
    #[getter]
    fn resolution<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0.resolution())
    }

    /// The stations, in the order of the file, as
    /// ``ecodefi.files.Station``.
    #[getter]
    fn stations<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        typed_list(py, "Station", self.0.stations())
    }

    /// The stations as a pandas DataFrame, one row per station (the
    /// fields of ``Station``).
    fn stations_frame<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frame(py, "stations_frame", (self.stations(py)?,))
    }

    /// The station of this number (or this exact name); an
    /// ``UnknownReferenceError`` naming the file otherwise.
    fn station<'py>(&self, py: Python<'py>, station: &str) -> PyResult<Bound<'py, PyAny>> {
        typed(py, "Station", core(self.0.station(station))?)
    }

    /// The station nearest to a point (decimal degrees, great-circle
    /// distance), or ``None`` for a file without stations.
    fn nearest<'py>(
        &self,
        py: Python<'py>,
        latitude: Wrap<Decimal>,
        longitude: Wrap<Decimal>,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0
            .nearest(latitude.0, longitude.0)
            .map(|s| typed(py, "Station", s))
            .transpose()
    }

    /// One station's daily Tn/Tx (``station``: its number or name) from
    /// ``first`` to ``last`` (``datetime.date`` or ISO ``str``; both or
    /// neither: all its days). A day without a valid Tn or Tx is an
    /// ``InsufficientDataError`` naming the station and the days, unless
    /// filled: from the station ``fill_station`` of the same file first,
    /// then by linear interpolation over gaps of at most
    /// ``interpolate_max_days`` days (0: none).
    #[pyo3(signature = (station, first = None, last = None, *, fill_station = None, interpolate_max_days = 0))]
    fn temperatures(
        &self,
        py: Python<'_>,
        station: &str,
        first: Option<Wrap<Date>>,
        last: Option<Wrap<Date>>,
        fill_station: Option<String>,
        interpolate_max_days: u32,
    ) -> PyResult<PyStationTemperatures> {
        let period = period(first, last)?;
        let fill = fill(fill_station, interpolate_max_days);
        core(py.detach(|| self.0.temperatures(station, period, &fill))).map(PyStationTemperatures)
    }

    fn __len__(&self) -> usize {
        self.0.stations().len()
    }

    fn __repr__(&self) -> String {
        format!(
            "<WeatherFile {:?}: {} stations>",
            self.0.name(),
            self.0.stations().len()
        )
    }
}

/// One station's daily temperatures, read from a Météo-France file (the
/// core's ``files::meteo_france::StationTemperatures``), and the days
/// filled. It stands for a challenge's ``temperatures`` (its ``to_list()``
/// is the document's list): ``ChallengeData(challenge, households,
/// temperatures=t)``; ``to_pandas()`` is a ``temperatures`` table for
/// ``ChallengeData.from_frames``.
#[pyclass(module = "ecodefi", name = "StationTemperatures", frozen)]
pub struct PyStationTemperatures(pub StationTemperatures);

#[pymethods]
impl PyStationTemperatures {
    /// The station, an ``ecodefi.files.Station``.
    #[getter]
    fn station<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        typed(py, "Station", &self.0.station)
    }

    /// Every day filled, in date order, as ``ecodefi.files.FilledDay``.
    #[getter]
    fn filled<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        typed_list(py, "FilledDay", &self.0.filled)
    }

    /// The first and last day, as a ``Period``.
    #[getter]
    fn period(&self) -> PyResult<crate::PyPeriod> {
        core(self.0.temperatures.period()).map(crate::PyPeriod)
    }

    /// The days in the document's form: ``[{"date": date, "tn": Decimal,
    /// "tx": Decimal}, ...]``, in date order.
    fn to_list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0.temperatures)
    }

    /// A pandas DataFrame, one row per day: ``date`` (``datetime64``),
    /// ``tn`` and ``tx`` (exact ``Decimal``, °C).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frame(py, "temperatures_frame", (self.to_list(py)?,))
    }

    /// The filled days as a pandas DataFrame: ``date``, ``tn``, ``tx``,
    /// ``method`` (``"station"`` or ``"interpolated"``) and ``station``
    /// (the filling station's number, or missing).
    fn filled_frame<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frame(py, "filled_frame", (self.filled(py)?,))
    }

    fn __len__(&self) -> usize {
        self.0.temperatures.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "<StationTemperatures {} {:?}: {} days, {} filled>",
            self.0.station.number,
            self.0.station.name,
            self.0.temperatures.len(),
            self.0.filled.len()
        )
    }
}

/// Reads a Linky (Enedis) or Gazpar (GRDF) customer export, recognised by
/// its header (the core's ``files::meter_file::MeterFile::read``).
///
/// ``source`` is the file's path (``str`` or ``os.PathLike``) or its
/// ``bytes``; ``name`` (by default the file's name, or ``"<bytes>"``) is
/// cited in errors, which name the file, line and column; a file of
/// another shape is an ``UnknownNameError`` naming the layouts read.
#[pyfunction]
#[pyo3(signature = (source, name = None))]
pub fn read_meter_file(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    name: Option<String>,
) -> PyResult<PyMeterFile> {
    let (name, bytes) = self::source(source, name)?;
    core(py.detach(|| MeterFile::read(&name, &bytes))).map(PyMeterFile)
}

/// A Linky or Gazpar export, read (the core's
/// ``files::meter_file::MeterFile``): one meter's daily consumption (kWh,
/// and m³ for gas) and index readings.
#[pyclass(module = "ecodefi", name = "MeterFile", frozen)]
pub struct PyMeterFile(pub MeterFile);

#[pymethods]
impl PyMeterFile {
    /// The name the file was read under (cited in errors).
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// ``"enedis"`` or ``"grdf"``.
    #[getter]
    fn provider<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0.provider)
    }

    /// What it measures: ``"daily_consumption"``, ``"index"``,
    /// ``"load_curve"`` or ``"gas_days"``.
    #[getter]
    fn content<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0.content)?.get_item("kind")
    }

    /// A load curve's step in minutes (10, 30 or 60), else ``None``.
    #[getter]
    fn step_minutes(&self) -> Option<u32> {
        match self.0.content {
            ecodefi::files::meter_file::Content::LoadCurve { step_minutes } => Some(step_minutes),
            _ => None,
        }
    }

    /// The delivery point the file names (PRM for Enedis, PCE for GRDF),
    /// or ``None``.
    #[getter]
    fn identifier(&self) -> Option<&str> {
        self.0.identifier.as_deref()
    }

    /// ``"electricity"`` or ``"natural_gas"`` (the core's spelling).
    #[getter]
    fn carrier(&self) -> String {
        self.0.carrier.to_string()
    }

    /// Every complete day's consumption, in date order, as
    /// ``ecodefi.files.Day`` (``kwh``; ``m3`` and ``kwh_per_m3`` for gas).
    #[getter]
    fn days<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        typed_list(py, "Day", &self.0.days)
    }

    /// Index readings at the start of a day, in date order, as
    /// ``ecodefi.files.IndexReading`` (kWh for Enedis, m³ for GRDF); empty
    /// when the file has no index.
    #[getter]
    fn index<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        typed_list(py, "IndexReading", &self.0.index)
    }

    /// Days inside the file's span without a complete measurement (a
    /// missing or empty value, a load-curve day without all its points):
    /// gaps, never zeros.
    #[getter]
    fn incomplete_days(&self) -> Vec<Wrap<Date>> {
        self.0.incomplete_days.iter().copied().map(Wrap).collect()
    }

    /// The index discontinuities of a GRDF file, as meter events in the
    /// document's form (``{"kind": "replacement", "date", "old_final",
    /// "new_initial"}``).
    #[getter]
    fn events<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0.events)
    }

    /// The complete days as daily usage for a weather-regression baseline
    /// (the core's ``MeterFile::usage_data``): each day's kWh with its mean
    /// temperature (Tn + Tx) / 2 from ``temperatures`` (a
    /// ``StationTemperatures`` or the document's list of days); days
    /// without a temperature are left out. The core's dict form, which
    /// ``regression_fit`` and ``Baseline.savings`` read.
    fn usage_data<'py>(
        &self,
        py: Python<'py>,
        temperatures: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let usage = if let Ok(t) = temperatures.cast::<PyStationTemperatures>() {
            self.0.usage_data(&t.get().0.temperatures)
        } else {
            let t: ecodefi::weather::Temperatures = crate::convert::from_python(temperatures)?;
            self.0.usage_data(&t)
        };
        to_python(py, &usage)
    }

    /// The first day covered, or ``None`` for an empty file.
    #[getter]
    fn first(&self) -> Option<Wrap<Date>> {
        self.0.span().map(|(f, _)| Wrap(f))
    }

    /// The last day covered, or ``None`` for an empty file.
    #[getter]
    fn last(&self) -> Option<Wrap<Date>> {
        self.0.span().map(|(_, l)| Wrap(l))
    }

    /// The days as a pandas DataFrame: ``date`` (``datetime64``), ``kwh``,
    /// ``m3`` and ``kwh_per_m3`` (exact ``Decimal``; missing for
    /// electricity).
    fn days_frame<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frame(py, "days_frame", (to_python(py, &self.0.days)?,))
    }

    /// The index readings as a pandas DataFrame: ``date``, ``value``
    /// (exact ``Decimal``).
    fn index_frame<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frame(py, "index_frame", (to_python(py, &self.0.index)?,))
    }

    /// ``{"days": days_frame(), "index": index_frame()}``.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = pyo3::types::PyDict::new(py);
        d.set_item("days", self.days_frame(py)?)?;
        d.set_item("index", self.index_frame(py)?)?;
        Ok(d.into_any())
    }

    /// The file in the core's serde form (a dict: ``Decimal`` quantities,
    /// ``datetime.date`` days).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0)
    }

    fn __repr__(&self) -> String {
        let span = self
            .0
            .span()
            .map_or_else(String::new, |(f, l)| format!(", {f} to {l}"));
        format!(
            "<MeterFile {:?}: {} {} days{span}>",
            self.0.name,
            self.0.carrier,
            self.0.days.len()
        )
    }
}

/// The core's file-set reader on `files`.
pub(crate) fn challenge_files(
    py: Python<'_>,
    sources: &Bound<'_, PyAny>,
    station: Option<String>,
    fill_station: Option<String>,
    interpolate_max_days: u32,
) -> PyResult<(ecodefi::ChallengeData, set::Imported)> {
    let files = self::sources(sources)?;
    let options = FileOptions {
        station,
        fill: fill(fill_station, interpolate_max_days),
    };
    core(py.detach(|| {
        let files: Vec<File<'_>> = files
            .iter()
            .map(|(name, bytes)| File { name, bytes })
            .collect();
        set::challenge_data(&files, &options)
    }))
}

/// Reads a whole challenge from the files an organiser has (the core's
/// ``files::set::challenge_data``): the spreadsheet tables (``defi.csv``,
/// ``foyers.csv``…, known by their names), the households' Linky and
/// Gazpar exports and a Météo-France file (known by their headers).
///
/// ``sources`` is a folder (its files; not its sub-folders), an iterable
/// of paths (or of ``(name, bytes)`` pairs), or a mapping of file names to
/// ``bytes``. ``station`` is the Météo-France station (number or name;
/// default: the settings' ``station_meteo``, else the file's only
/// station); ``fill_station`` and ``interpolate_max_days`` fill days
/// without a temperature as in ``WeatherFile.temperatures``.
///
/// Returns ``(ChallengeData, Imported)``: the challenge, and what each
/// file became (``ecodefi.files.Imported``). Errors name the file, line
/// and column.
#[pyfunction]
#[pyo3(signature = (sources, *, station = None, fill_station = None, interpolate_max_days = 0))]
pub fn read_files<'py>(
    py: Python<'py>,
    sources: &Bound<'py, PyAny>,
    station: Option<String>,
    fill_station: Option<String>,
    interpolate_max_days: u32,
) -> PyResult<(PyChallengeData, Bound<'py, PyAny>)> {
    let (data, imported) =
        challenge_files(py, sources, station, fill_station, interpolate_max_days)?;
    Ok((PyChallengeData(data), typed(py, "Imported", &imported)?))
}
