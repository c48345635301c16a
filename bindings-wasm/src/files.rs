//! The files organisers and households actually have, read directly (core
//! [`ecodefi::files`]): Météo-France climatological files, Linky (Enedis)
//! and Gazpar (GRDF) exports, and a whole challenge from them and the
//! spreadsheet tables together. In `ecodefi/sheets-themes` and `ecodefi`
//! (the crate's `files` feature), not in `ecodefi/sheets`.
//!
//! | JS | core |
//! |---|---|
//! | `fileKind(name, bytes)` | [`set::kind`] |
//! | `readWeatherFile(bytes, name)` | [`WeatherFile::read`], [`WeatherFile::stations`] |
//! | `weatherTemperatures(bytes, name, station, options?)` | [`WeatherFile::read`], [`WeatherFile::temperatures`] |
//! | `new WeatherFile(bytes, name)`, `.summary()`, `.temperatures(station, options?)` | the same, the file read once |
//! | `readMeterFile(bytes, name)` | [`MeterFile::read`] |
//! | `computeFiles(files, options?)` | [`set::challenge_data`], [`ecodefi::compute`] and the CSV writers as `computeSheets` |
//!
//! As everywhere in the package, results cross as JSON text written by
//! serde and parsed by `JSON.parse` (decimals stay strings, names keep
//! core's spelling); option bags are read property by property, an
//! unknown key being an error.

use ecodefi::date::Date;
use ecodefi::files::meteo_france::{Fill, FilledDay, Resolution, Station, WeatherFile};
use ecodefi::files::meter_file::MeterFile;
use ecodefi::files::set::{self, File, FileOptions, Kind};
use ecodefi::message::Lang;
use ecodefi::period::Period;
use ecodefi::weather::Temperatures;
use ecodefi::Error;
use wasm_bindgen::prelude::*;

use crate::convert;

#[wasm_bindgen]
extern "C" {
    /// Files as bytes, `{ name, bytes }`.
    #[wasm_bindgen(typescript_type = "ByteFile[]")]
    pub type ByteFilesInput;
    /// The options of `computeFiles`.
    #[wasm_bindgen(typescript_type = "FilesOptions | null | undefined")]
    pub type FilesOptionsInput;
    /// The options of `weatherTemperatures`.
    #[wasm_bindgen(typescript_type = "WeatherTemperaturesOptions | null | undefined")]
    pub type TemperaturesOptionsInput;
    /// What a file is.
    #[wasm_bindgen(typescript_type = "FileKind")]
    pub type FileKindOutput;
    /// A Météo-France file's stations.
    #[wasm_bindgen(typescript_type = "WeatherFileSummary")]
    pub type WeatherFileOutput;
    /// One station's daily temperatures.
    #[wasm_bindgen(typescript_type = "StationTemperatures")]
    pub type StationTemperaturesOutput;
    /// A Linky or Gazpar export, read.
    #[wasm_bindgen(typescript_type = "MeterFile")]
    pub type MeterFileOutput;
    /// A report with its results as CSV and what the files became.
    #[wasm_bindgen(typescript_type = "FilesResult")]
    pub type FilesResultOutput;
}

/// What a file is (core [`set::kind`]): by its name for a spreadsheet
/// table (`{ kind: "table", table: "households" }`), by its first bytes
/// for a Météo-France file (`{ kind: "weather" }`) or a Linky or Gazpar
/// export (`{ kind: "meter" }`).
///
/// # Errors
/// An `EcodefiError` with code `unknown_name` for a file that is none of
/// these.
#[wasm_bindgen(js_name = fileKind)]
pub fn file_kind(name: &str, bytes: &[u8]) -> Result<FileKindOutput, JsValue> {
    crate::throwing(|| {
        let kind = set::kind(&File { name, bytes })?;
        let (kind, table) = match kind {
            Kind::Table(table) => ("table", Some(table.as_str())),
            Kind::Weather => ("weather", None),
            Kind::Meter => ("meter", None),
        };
        let object = js_sys::Object::new().into();
        convert::with_property(&object, "kind", &JsValue::from_str(kind))?;
        if let Some(table) = table {
            convert::with_property(&object, "table", &JsValue::from_str(table))?;
        }
        Ok(object)
    })
}

/// A Météo-France file as `readWeatherFile` gives it.
#[derive(serde::Serialize)]
struct WeatherFileView<'a> {
    name: &'a str,
    resolution: Resolution,
    stations: &'a [Station],
}

/// Reads a Météo-France climatological file, daily or hourly, gzipped or
/// not (core [`WeatherFile::read`]): `{ name, resolution, stations }`,
/// each station with its number, name, position, altitude, first and last
/// day, complete and missing days.
///
/// # Errors
/// An `EcodefiError` located at the file, line and column.
#[wasm_bindgen(js_name = readWeatherFile)]
pub fn read_weather_file(bytes: &[u8], name: &str) -> Result<WeatherFileOutput, JsValue> {
    crate::throwing(|| summary(&WeatherFile::read(name, bytes)?))
}

/// `{ name, resolution, stations }` of a file read.
fn summary(file: &WeatherFile) -> ecodefi::Result<JsValue> {
    output(&WeatherFileView {
        name: file.name(),
        resolution: file.resolution(),
        stations: file.stations(),
    })
}

/// One station's temperatures as `weatherTemperatures` gives them.
#[derive(serde::Serialize)]
struct TemperaturesView<'a> {
    station: &'a Station,
    temperatures: &'a Temperatures,
    filled: &'a [FilledDay],
}

/// The keys of `weatherTemperatures`'s options.
const TEMPERATURES_OPTIONS: &[&str] = &["first", "last", "fillStation", "interpolateMaxDays"];

/// One station's daily Tn/Tx (core [`WeatherFile::temperatures`]) from the
/// first to the last day given (`first` and `last`, ISO dates; one absent:
/// the station's own first or last day; both absent: all its days), days
/// without a valid value filled from `fillStation` then by interpolation
/// over at most `interpolateMaxDays` days (core [`Fill`]; none by
/// default). `station` is its number or its name. Returns `{ station,
/// temperatures: [{ date, tn, tx }], filled: [{ date, tn, tx, how }] }`.
///
/// # Errors
/// An `EcodefiError`: `unknown_reference` for a station the file does not
/// have, `insufficient_data` naming the days left without a value,
/// `unknown_name` for an unknown option.
#[wasm_bindgen(js_name = weatherTemperatures)]
pub fn weather_temperatures(
    bytes: &[u8],
    name: &str,
    station: &str,
    options: &TemperaturesOptionsInput,
) -> Result<StationTemperaturesOutput, JsValue> {
    crate::throwing(|| {
        // The options first: a mistake there is cheaper to find than the file is to read.
        let options = TemperaturesOptions::from_js(options)?;
        temperatures(&WeatherFile::read(name, bytes)?, station, &options)
    })
}

/// What `weatherTemperatures` asks for (see [`weather_temperatures`]).
struct TemperaturesOptions {
    first: Option<Date>,
    last: Option<Date>,
    fill: Fill,
}

impl TemperaturesOptions {
    /// The option bag, key by key.
    fn from_js(options: &JsValue) -> ecodefi::Result<Self> {
        let mut read = TemperaturesOptions {
            first: None,
            last: None,
            fill: Fill::default(),
        };
        for (key, value) in convert::option_bag(
            options,
            TEMPERATURES_OPTIONS,
            "first, last, fillStation, interpolateMaxDays",
        )? {
            match key.as_str() {
                "first" => read.first = option_date(&key, &value)?,
                "last" => read.last = option_date(&key, &value)?,
                "fillStation" => read.fill.station = convert::option_text(&key, &value)?,
                _ => {
                    read.fill.interpolate_max_days =
                        convert::option_count(&key, &value)?.unwrap_or(0);
                }
            }
        }
        Ok(read)
    }
}

/// One station's temperatures with these options (see
/// [`weather_temperatures`]).
fn temperatures(
    weather: &WeatherFile,
    station: &str,
    options: &TemperaturesOptions,
) -> ecodefi::Result<JsValue> {
    let period = if options.first.is_none() && options.last.is_none() {
        None
    } else {
        let span = weather.station(station)?;
        Some(Period::new(
            options.first.unwrap_or(span.first),
            options.last.unwrap_or(span.last),
        )?)
    };
    let read = weather.temperatures(station, period, &options.fill)?;
    output(&TemperaturesView {
        station: &read.station,
        temperatures: &read.temperatures,
        filled: &read.filled,
    })
}

/// A Météo-France file read once and kept (core [`WeatherFile`]), for
/// asking many stations without reading the file again (a département's
/// file is about 10 MB and half a second to read): `new WeatherFile(bytes,
/// name)`, then `summary()` and `temperatures(station, options?)`, which
/// give what `readWeatherFile` and `weatherTemperatures` give. Call
/// `free()` when done with it.
#[wasm_bindgen(js_name = WeatherFile)]
pub struct JsWeatherFile(WeatherFile);

#[wasm_bindgen(js_class = WeatherFile)]
impl JsWeatherFile {
    /// Reads the file (core [`WeatherFile::read`]).
    ///
    /// # Errors
    /// As `readWeatherFile`.
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: &[u8], name: &str) -> Result<JsWeatherFile, JsValue> {
        WeatherFile::read(name, bytes)
            .map(JsWeatherFile)
            .map_err(|e| crate::error::to_js(&e))
    }

    /// `{ name, resolution, stations }`, as `readWeatherFile`.
    ///
    /// # Errors
    /// Not expected (a JSON error if the result cannot be built).
    pub fn summary(&self) -> Result<WeatherFileOutput, JsValue> {
        crate::throwing(|| summary(&self.0))
    }

    /// One station's temperatures, as `weatherTemperatures`.
    ///
    /// # Errors
    /// As `weatherTemperatures`.
    pub fn temperatures(
        &self,
        station: &str,
        options: &TemperaturesOptionsInput,
    ) -> Result<StationTemperaturesOutput, JsValue> {
        crate::throwing(|| temperatures(&self.0, station, &TemperaturesOptions::from_js(options)?))
    }
}

/// An option's ISO date (`null`: none), read by core.
fn option_date(key: &str, value: &JsValue) -> Result<Option<Date>, Error> {
    convert::option_text(key, value)?
        .map(|text| text.parse::<Date>().map_err(|e| e.at_path(key)))
        .transpose()
}

/// Reads a Linky (Enedis) or Gazpar (GRDF) export (core
/// [`MeterFile::read`]): `{ name, provider, content, identifier, carrier,
/// days: [{ date, kwh, m3?, kwh_per_m3? }], index: [{ date, value }],
/// incomplete_days?, events? }`.
///
/// # Errors
/// An `EcodefiError`: `unknown_name` for a file of another shape (naming
/// the layouts expected), otherwise located at the file, line and column.
#[wasm_bindgen(js_name = readMeterFile)]
pub fn read_meter_file(bytes: &[u8], name: &str) -> Result<MeterFileOutput, JsValue> {
    crate::throwing(|| output(&MeterFile::read(name, bytes)?))
}

/// The keys of `computeFiles`'s options.
const FILES_OPTIONS: &[&str] = &[
    "station",
    "fillStation",
    "interpolateMaxDays",
    "asOf",
    "lang",
];

/// Computes a challenge from all its files at once (core
/// [`set::challenge_data`], then [`ecodefi::compute`]): the spreadsheet
/// tables (each told by its name, the settings table `defi.csv` among
/// them), the households' Linky and Gazpar exports and a Météo-France
/// file, each `{ name, bytes }`. `options`: the Météo-France `station`
/// (its number or name; absent: the settings table's `station_meteo`,
/// else the file's only station), and how missing days are filled
/// (`fillStation`, `interpolateMaxDays`), and `asOf` as `computeSheets`'s
/// (provisional results). Returns what `computeSheets`
/// returns and `imported`: the station used with its filled days, and
/// where each Linky or Gazpar file went.
///
/// # Errors
/// An `EcodefiError` located at the file (and line, column) at fault,
/// `unknown_reference` for a meter export no household claims, or for a
/// station the file does not have; `insufficient_data` for days without
/// temperature left unfilled; `unknown_name` for an unknown option.
#[wasm_bindgen(js_name = computeFiles)]
pub fn compute_files(
    files: &ByteFilesInput,
    options: &FilesOptionsInput,
) -> Result<FilesResultOutput, JsValue> {
    let bag = convert::option_bag(
        options,
        FILES_OPTIONS,
        "station, fillStation, interpolateMaxDays, asOf, lang",
    );
    crate::throwing_in(crate::lang_of(&bag), || {
        let mut file_options = FileOptions::default();
        let mut compute = crate::Compute {
            as_of: None,
            lang: Lang::default(),
        };
        for (key, value) in bag? {
            match key.as_str() {
                "asOf" => compute.as_of = crate::as_of_option(&key, &value)?,
                "station" => file_options.station = convert::option_text(&key, &value)?,
                "fillStation" => file_options.fill.station = convert::option_text(&key, &value)?,
                "lang" => compute.lang = crate::lang_option(&key, &value)?,
                _ => {
                    file_options.fill.interpolate_max_days =
                        convert::option_count(&key, &value)?.unwrap_or(0);
                }
            }
        }
        let files = convert::byte_files(files)?;
        let files: Vec<File<'_>> = files
            .iter()
            .map(|f| File {
                name: &f.name,
                bytes: &f.bytes,
            })
            .collect();
        let (data, imported) = set::challenge_data(&files, &file_options)?;
        let result = crate::sheets_output(&crate::compute_report(&data, &compute)?, &data)?;
        convert::with_property(&result, "imported", &output(&imported)?)?;
        Ok(result)
    })
}

/// A serde value as a JS object (through its JSON text).
fn output<T: serde::Serialize>(value: &T) -> ecodefi::Result<JsValue> {
    convert::output_value(&serde_json::to_string(value)?)
}
