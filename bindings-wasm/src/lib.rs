//! WebAssembly bindings of [`ecodefi`], published on npm as `ecodefi`.
//!
//! Thin by design: each exported function converts its input (JSON text or
//! a JS object, see [`convert`]), calls one core function, and converts the
//! result back, or the error (see [`error`]). All checks, defaults and
//! parsing are core's.
//!
//! Three modules are built from this crate (`bindings-wasm/build.sh`):
//! - `ecodefi/sheets`, without any feature: energy challenges from
//!   spreadsheet files (`computeSheets`, `decode`, `tableOf`, `version`), on
//!   the core without its `themes`, `regression` and `files` features and
//!   with no JSON deserialisation at all, which keeps it under the page's
//!   300 KB;
//! - `ecodefi/sheets-themes`, with the `themes` and `files` features: the
//!   same functions for challenges of every theme (the core's `themes`,
//!   still no regression and no JSON deserialisation of documents), and the
//!   files read directly (module `files`: Météo-France, Linky,
//!   Gazpar), within 690 KB;
//! - `ecodefi`, with `full` (the default): everything below.
//!
//! | JS | core |
//! |---|---|
//! | `computeSheets(files, options?)` | [`Tables::from_files`], [`Tables::challenge_data_from_tables`], [`ecodefi::compute`], [`write::energy_households`], [`write::energy_teams`], [`write::section_teams`], [`write::section_households`] |
//! | `compute(data, options?)` | [`ChallengeData::from_json`], [`ecodefi::compute`] or [`ecodefi::compute_as_of`] |
//! | `readTables(files, settings)` | [`Tables::from_files`], [`Tables::challenge_data`] |
//! | `householdsCsv(report)`, `teamsCsv(report)` | [`write::energy_households`], [`write::energy_teams`] |
//! | `decode(bytes)` | [`ecodefi::table::encoding::decode`] |
//! | `tableOf(name)` | [`Table::of_file`](ecodefi::table::Table::of_file) |
//! | `fileKind`, `readWeatherFile`, `weatherTemperatures`, `readMeterFile`, `computeFiles` | see module `files` |
//! | `catalogueValidate(doc)` | [`Catalogue::from_json`], [`Catalogue::validate`] |
//! | `catalogueSummary(doc, groupBy, filter)` | [`Catalogue::from_json`], [`Catalogue::summary`] |
//! | `catalogueTimelines(doc)` | [`Catalogue::from_json`], [`Catalogue::timelines`] |
//! | `regressionFit(usageData, options)` | [`regression::fit`] |
//! | `regressionFitMany(columns, options, fitOptions?)` | [`regression::fit_many`], [`regression::meter_rows`] (module `batch`) |
//! | `regressionPredict(model, days)` | [`FittedModel::predict`] |
//! | `regressionPredictReport(model, days, options?)` | [`FittedModel::predict_with`] |
//! | `regressionSavings(model, reporting, confidenceLevel, options?)` | [`FittedModel::metered_savings_with`] |
//!
//! The TypeScript types of inputs and results (`src/types.d.ts`) are
//! declared in a `typescript_custom_section` and checked by `tsc --strict`
//! against the documents core actually reads and writes
//! (`scripts/test-wasm`).

#[cfg(feature = "full")]
pub mod batch;
pub mod convert;
pub mod error;
#[cfg(feature = "files")]
pub mod files;

#[cfg(feature = "full")]
use ecodefi::catalogue::{Catalogue, Filter, GroupBy};
use ecodefi::message::Lang;
#[cfg(feature = "full")]
use ecodefi::regression::{
    self, DailyTemperature, FittedModel, RegressionOptions, SavingsOptions, UsageData,
};
use ecodefi::table::{write, Tables};
#[cfg(feature = "full")]
use ecodefi::ChallengeData;
use wasm_bindgen::prelude::*;

/// The allocator: talc's single-threaded WebAssembly allocator, smaller
/// than Rust's default (dlmalloc), which keeps `ecodefi/sheets` within the
/// page's 300 KB.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = include_str!("types.d.ts");

#[wasm_bindgen]
extern "C" {
    /// A challenge document (core `ChallengeData`), as an object or its JSON
    /// text.
    #[wasm_bindgen(typescript_type = "ChallengeData | string")]
    pub type ChallengeDataInput;
    /// A challenge document as core writes it.
    #[wasm_bindgen(typescript_type = "ChallengeData")]
    pub type ChallengeDataOutput;
    /// A report (core `Report`), as an object or its JSON text.
    #[wasm_bindgen(typescript_type = "Report | string")]
    pub type ReportInput;
    /// A report as core writes it.
    #[wasm_bindgen(typescript_type = "Report")]
    pub type ReportOutput;
    /// CSV files, each `{ name, text }`, as an array or its JSON text.
    #[wasm_bindgen(typescript_type = "TableFile[] | string")]
    pub type TableFilesInput;
    /// A challenge's settings, as an object or its JSON text; absent or
    /// `null`: the settings table among the files.
    #[wasm_bindgen(typescript_type = "ChallengeSettings | string | null | undefined")]
    pub type SettingsInput;
    /// A catalogue document (core `Catalogue`), as an object or its JSON
    /// text.
    #[wasm_bindgen(typescript_type = "CatalogueDocument | string")]
    pub type CatalogueInput;
    /// A catalogue filter (core `catalogue::Filter`), as an object or its
    /// JSON text; absent or `null` selects every record.
    #[wasm_bindgen(typescript_type = "CatalogueFilter | string | null | undefined")]
    pub type FilterInput;
    /// The catalogue's findings (core `catalogue::Finding`).
    #[wasm_bindgen(typescript_type = "CatalogueFinding[]")]
    pub type FindingsOutput;
    /// A catalogue summary (core `catalogue::Summary`).
    #[wasm_bindgen(typescript_type = "CatalogueSummary")]
    pub type SummaryOutput;
    /// The catalogue's timelines (core `catalogue::Timeline`).
    #[wasm_bindgen(typescript_type = "Timeline[]")]
    pub type TimelinesOutput;
    /// Usage data for a regression baseline (core `regression::UsageData`),
    /// as an object or its JSON text.
    #[wasm_bindgen(typescript_type = "UsageData | string")]
    pub type UsageDataInput;
    /// Regression options (core `regression::RegressionOptions`), as an
    /// object or its JSON text; absent or `null`: CalTRACK 2.0 defaults.
    #[wasm_bindgen(typescript_type = "RegressionOptions | string | null | undefined")]
    pub type RegressionOptionsInput;
    /// Savings options (core `regression::SavingsOptions`: the limits of
    /// the savings' warnings), as an object or its JSON text; absent or
    /// `null`: the documented defaults.
    #[wasm_bindgen(typescript_type = "SavingsOptions | string | null | undefined")]
    pub type SavingsOptionsInput;
    /// A fitted model (core `regression::FittedModel`, a baseline's
    /// `model`), as an object or its JSON text.
    #[wasm_bindgen(typescript_type = "FittedModel | string")]
    pub type FittedModelInput;
    /// Daily mean temperatures (core `regression::DailyTemperature`), as an
    /// array or its JSON text.
    #[wasm_bindgen(typescript_type = "RegressionTemperature[] | string")]
    pub type TemperaturesInput;
    /// A baseline (core `regression::Baseline`).
    #[wasm_bindgen(typescript_type = "Baseline")]
    pub type BaselineOutput;
    /// A prediction (core `regression::Prediction`).
    #[wasm_bindgen(typescript_type = "Prediction")]
    pub type PredictionOutput;
    /// A prediction with its cautions (core `regression::PredictionReport`).
    #[wasm_bindgen(typescript_type = "PredictionReport")]
    pub type PredictionReportOutput;
    /// Metered savings (core `regression::Savings`).
    #[wasm_bindgen(typescript_type = "Savings")]
    pub type SavingsOutput;
    /// A report with its results as CSV.
    #[wasm_bindgen(typescript_type = "SheetsResult")]
    pub type SheetsResultOutput;
    /// Every section's results as CSV.
    #[wasm_bindgen(typescript_type = "SheetsSection[]")]
    pub type SheetsSectionsOutput;
    /// The options of a computation (`{ asOf, lang }`); absent or `null`:
    /// the defaults.
    #[wasm_bindgen(typescript_type = "ComputeOptions")]
    pub type ComputeOptionsInput;
}

/// The keys of `compute`'s and `computeSheets`'s options.
const COMPUTE_OPTIONS: &[&str] = &["asOf", "lang"];

/// The language the `lang` option of an option bag asks for (`"en"`, the
/// default, or `"fr"`), to write a thrown error in it; English when the
/// options themselves are wrong (checking them is the call's job). The bag
/// is read once ([`convert::option_bag`]), for this and for the call.
pub(crate) fn lang_of(bag: &ecodefi::Result<convert::OptionBag>) -> Lang {
    bag.as_ref()
        .ok()
        .and_then(|bag| bag.iter().find(|(k, _)| k == "lang"))
        .and_then(|(_, v)| v.as_string())
        .and_then(|l| l.parse().ok())
        .unwrap_or_default()
}

/// [`throwing`], the thrown error's `message` in `lang`.
pub(crate) fn throwing_in<T: JsCast>(
    lang: Lang,
    run: impl FnOnce() -> ecodefi::Result<JsValue>,
) -> Result<T, JsValue> {
    run()
        .map(JsCast::unchecked_into)
        .map_err(|e| error::to_js_in(&e, lang))
}

/// Runs a conversion-and-call and turns a core error into the thrown JS
/// `Error`.
#[cfg(any(feature = "full", feature = "files"))]
pub(crate) fn throwing<T: JsCast>(
    run: impl FnOnce() -> ecodefi::Result<JsValue>,
) -> Result<T, JsValue> {
    run()
        .map(JsCast::unchecked_into)
        .map_err(|e| error::to_js(&e))
}

/// The version of the package (the workspace version).
#[wasm_bindgen]
#[must_use]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Computes a challenge from its spreadsheet files alone: the settings
/// table (`defi.csv` or `settings.csv`: name, territory, themes, periods,
/// options) and the other tables (core [`Tables::from_files`], then
/// [`Tables::challenge_data_from_tables`]), then its report (core
/// [`ecodefi::compute`]) and its results as CSV, French style: the energy
/// section's households and teams (core [`write::energy_households`],
/// [`write::energy_teams`]; `null` without energy) and every section's
/// teams and households (core [`Report::sections`](ecodefi::Report::sections),
/// [`write::section_teams`], [`write::section_households`]). Each file is
/// `{ name, text }`. Returns `{ report, householdsCsv, teamsCsv, sections }`.
/// `options.lang` (`"en"`, the default, or `"fr"`): the language of the
/// exclusions' and warnings' details, of the CSV files' details and of a
/// thrown error's `message` (core [`Report::localize`](ecodefi::Report::localize)).
///
/// # Errors
/// An `EcodefiError` naming the file, line and column of a table's
/// problem, or core's error of the computation (`unsupported` in
/// `ecodefi/sheets` for a theme other than energy).
///
/// `options`: `{ asOf }`, provisional results as of a day of the challenge
/// period (an ISO date `"2026-02-15"` or `"last_data"`; core
/// [`ecodefi::compute_as_of`]); absent or `null`: final results. The result
/// also has `asOfDefault`: the day the page shows by default while the
/// challenge runs, or `null` (core
/// [`ecodefi::provisional::default_as_of`]).
#[wasm_bindgen(js_name = computeSheets)]
pub fn compute_sheets(
    files: &TableFilesInput,
    options: Option<ComputeOptionsInput>,
) -> Result<SheetsResultOutput, JsValue> {
    let bag = compute_bag(options);
    throwing_in(lang_of(&bag), || {
        let options = compute_options(bag?)?;
        let files = convert::table_files(files)?;
        let data = Tables::from_files(&convert::sources(&files))?.challenge_data_from_tables()?;
        sheets_output(&compute_report(&data, &options)?, &data)
    })
}

/// What `compute`'s and `computeSheets`'s options ask for.
pub(crate) struct Compute {
    /// Provisional results as of that day.
    pub as_of: Option<ecodefi::AsOf>,
    /// The language of the texts.
    pub lang: Lang,
}

/// The option bag of `compute` and `computeSheets` (absent: empty), read
/// once: an unknown key is an error.
fn compute_bag(options: Option<ComputeOptionsInput>) -> ecodefi::Result<convert::OptionBag> {
    let options: JsValue = options.map_or(JsValue::UNDEFINED, Into::into);
    convert::option_bag(&options, COMPUTE_OPTIONS, "asOf, lang")
}

/// The options of a computation, checked: a language or day that is not
/// one is an error, as core names it.
fn compute_options(bag: convert::OptionBag) -> ecodefi::Result<Compute> {
    let mut out = Compute {
        as_of: None,
        lang: Lang::default(),
    };
    for (key, value) in bag {
        match key.as_str() {
            "asOf" => out.as_of = as_of_option(&key, &value)?,
            _ => out.lang = lang_option(&key, &value)?,
        }
    }
    Ok(out)
}

/// An `asOf` option: an ISO date or `"last_data"` (core
/// [`ecodefi::AsOf`]), `null`: none.
pub(crate) fn as_of_option(key: &str, value: &JsValue) -> ecodefi::Result<Option<ecodefi::AsOf>> {
    convert::option_text(key, value)?
        .map(|t| t.parse().map_err(|e: ecodefi::Error| e.at_path(key)))
        .transpose()
}

/// A `lang` option: `"en"` or `"fr"`, `null`: English.
pub(crate) fn lang_option(key: &str, value: &JsValue) -> ecodefi::Result<Lang> {
    convert::option_text(key, value)?
        .map(|t| t.parse().map_err(|e: ecodefi::Error| e.at_path(key)))
        .transpose()
        .map(Option::unwrap_or_default)
}

/// The final report, or the provisional one with an as-of day, its texts
/// in the language asked for.
pub(crate) fn compute_report(
    data: &ecodefi::ChallengeData,
    options: &Compute,
) -> ecodefi::Result<ecodefi::Report> {
    let mut report = match options.as_of {
        None => ecodefi::compute(data),
        Some(a) => ecodefi::compute_as_of(data, a),
    }?;
    report.localize(options.lang);
    Ok(report)
}

/// `{ report, householdsCsv, teamsCsv, sections, asOfDefault }` of a
/// report, as `computeSheets` returns it (and `computeFiles`, which adds
/// `imported`).
fn sheets_output(
    report: &ecodefi::Report,
    data: &ecodefi::ChallengeData,
) -> ecodefi::Result<JsValue> {
    let style = write::CsvStyle::FRENCH;
    let energy = report.energy.as_ref().map(|e| {
        (
            write::energy_households(e, style),
            write::energy_teams(e, style),
        )
    });
    let result = convert::sheets_result(
        &report.to_json()?,
        energy.as_ref().map(|(h, t)| (h.as_str(), t.as_str())),
        &section_csvs(report),
    )?;
    let default = ecodefi::provisional::default_as_of(data)
        .map_or(JsValue::NULL, |d| JsValue::from_str(&d.to_string()));
    convert::with_property(&result, "asOfDefault", &default)?;
    Ok(result)
}

/// The table a spreadsheet file holds, by its name (core
/// [`Table::of_file`](ecodefi::table::Table::of_file)): `"households"`
/// for `foyers.csv` or `Households.CSV`, `"settings"` for `defi.csv`…, or
/// `undefined` for a name that is no table's (a Météo-France file, a
/// Linky or Gazpar export: `fileKind` tells them, in the modules that read
/// them). Never fails.
#[wasm_bindgen(js_name = tableOf)]
#[must_use]
pub fn table_of(name: &str) -> Option<String> {
    ecodefi::table::Table::of_file(name).map(|t| t.as_str().to_owned())
}

/// Every section's teams and households as CSV, French style (core
/// [`write::section_teams`], [`write::section_households`]).
fn section_csvs(report: &ecodefi::Report) -> Vec<convert::SectionCsv> {
    let style = write::CsvStyle::FRENCH;
    report
        .sections()
        .into_iter()
        .map(|s| convert::SectionCsv {
            theme: s.theme().to_string(),
            headline: s.headline().to_owned(),
            teams: write::section_teams(s, style),
            households: write::section_households(s, style),
        })
        .collect()
}

/// Every theme section of a report (as `compute` returns it) with its teams
/// and households as CSV, French style: `[{ theme, headline, teamsCsv,
/// householdsCsv }…]`, as `computeSheets` gives them (core
/// [`Report::sections`](ecodefi::Report::sections),
/// [`write::section_teams`], [`write::section_households`]).
///
/// # Errors
/// An `EcodefiError` when the report cannot be read.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = sectionsCsv)]
pub fn sections_csv(report: &ReportInput) -> Result<SheetsSectionsOutput, JsValue> {
    throwing(|| {
        let report = convert::report_from_json(&convert::input_text(report)?)?;
        convert::sections_value(&section_csvs(&report))
    })
}

/// Computes a challenge's report (core [`ecodefi::compute`]) from its
/// document (core [`ChallengeData::from_json`], which checks it).
/// `options`: `{ asOf, lang }`: provisional results as of a day of the
/// challenge period (an ISO date or `"last_data"`; core
/// [`ecodefi::compute_as_of`]: the report then has `provisional` and every
/// headline starts with « Résultats provisoires au … »), and the language
/// (`"en"`, the default, or `"fr"`) of the details and of a thrown error's
/// `message`.
///
/// # Errors
/// An `EcodefiError` with core's code and location; `invalid_value` at
/// `asOf` for a day that is no date, at `challenge.challenge_period` for a
/// day outside the challenge period.
#[cfg(feature = "full")]
#[wasm_bindgen]
pub fn compute(
    data: &ChallengeDataInput,
    options: Option<ComputeOptionsInput>,
) -> Result<ReportOutput, JsValue> {
    let bag = compute_bag(options);
    throwing_in(lang_of(&bag), || {
        let options = compute_options(bag?)?;
        let data = ChallengeData::from_json(&convert::input_text(data)?)?;
        convert::output_value(&compute_report(&data, &options)?.to_json()?)
    })
}

/// A machine-readable code (an exclusion's, a warning's or an error's
/// `code`) in words, in `lang` (`"en"` or `"fr"`), from core's message
/// catalogue ([`ecodefi::message::code_label`]): `codeLabel("no_meter",
/// "fr")` is `"aucun compteur"`; `undefined` for a code or a language it
/// does not know. Never fails.
#[wasm_bindgen(js_name = codeLabel)]
#[must_use]
pub fn code_label(code: &str, lang: &str) -> Option<String> {
    let lang: Lang = lang.parse().ok()?;
    ecodefi::message::code_label(code, lang).map(str::to_owned)
}

/// Reads a challenge's CSV files and its settings into a challenge
/// document (core [`Tables::from_files`], then [`Tables::challenge_data`],
/// or [`Tables::challenge_data_from_tables`] without `settings`: the
/// settings table `defi.csv` is then among the files). Each file is
/// `{ name, text }`: core tells its table by its name (`foyers.csv` or
/// `households.csv`, `releves.csv` or `readings.csv`…), and errors cite
/// it.
///
/// # Errors
/// An `EcodefiError` naming the file, line and column.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = readTables)]
pub fn read_tables(
    files: &TableFilesInput,
    settings: &SettingsInput,
) -> Result<ChallengeDataOutput, JsValue> {
    throwing(|| {
        let files = convert::table_files(files)?;
        let tables = Tables::from_files(&convert::sources(&files))?;
        let data = if settings.is_undefined() || settings.is_null() {
            tables.challenge_data_from_tables()?
        } else {
            tables.challenge_data(&convert::input_text(settings)?)?
        };
        convert::output_value(&data.to_json()?)
    })
}

/// The report's households as CSV, one row per household, French style
/// (core [`write::energy_households`]).
///
/// # Errors
/// An `EcodefiError` when the report cannot be read or has no energy
/// section.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = householdsCsv)]
pub fn households_csv(report: &ReportInput) -> Result<String, JsValue> {
    energy_csv(report, write::energy_households)
}

/// The report's teams as CSV, best first, French style (core
/// [`write::energy_teams`]).
///
/// # Errors
/// An `EcodefiError` when the report cannot be read or has no energy
/// section.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = teamsCsv)]
pub fn teams_csv(report: &ReportInput) -> Result<String, JsValue> {
    energy_csv(report, write::energy_teams)
}

/// The text of a file's bytes as spreadsheets export them (core
/// [`ecodefi::table::encoding::decode`]): UTF-16 with a byte-order mark,
/// else UTF-8, else Windows-1252 (Excel's plain CSV on French Windows).
/// Read files as bytes and decode them here, so that every language reads
/// a file the same way. Never fails.
#[wasm_bindgen]
#[must_use]
pub fn decode(bytes: &[u8]) -> String {
    ecodefi::table::encoding::decode(bytes).into_owned()
}

#[cfg(feature = "full")]
fn energy_csv(
    report: &ReportInput,
    writer: fn(&ecodefi::energy::EnergyReport, write::CsvStyle) -> String,
) -> Result<String, JsValue> {
    let run = || {
        let report = convert::report_from_json(&convert::input_text(report)?)?;
        let energy = convert::energy_section(&report)?;
        Ok(writer(energy, write::CsvStyle::FRENCH))
    };
    run().map_err(|e| error::to_js(&e))
}

/// The findings of the catalogue-level rules (core
/// [`Catalogue::validate`]) of a catalogue document (core
/// [`Catalogue::from_json`], which checks its shape). An empty array when
/// the catalogue is sound.
///
/// # Errors
/// An `EcodefiError` (`json`, `schema_version`) when the document cannot be
/// read.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = catalogueValidate)]
pub fn catalogue_validate(doc: &CatalogueInput) -> Result<FindingsOutput, JsValue> {
    throwing(|| {
        let catalogue = Catalogue::from_json(&convert::input_text(doc)?)?;
        convert::output_value(&serde_json::to_string(&catalogue.validate())?)
    })
}

/// The selected records of a catalogue, grouped and summed (core
/// [`Catalogue::summary`]). `groupBy` is core's spelling (`all`,
/// `territory`, `year`, `theme`, `organiser_kind`); `filter` is core's
/// `Filter` (absent: every record).
///
/// # Errors
/// An `EcodefiError`: `unknown_name` for another `groupBy`, `json` for a
/// document or filter core cannot read, `overflow` from the sums.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = catalogueSummary)]
pub fn catalogue_summary(
    doc: &CatalogueInput,
    group_by: &str,
    filter: &FilterInput,
) -> Result<SummaryOutput, JsValue> {
    throwing(|| {
        let catalogue = Catalogue::from_json(&convert::input_text(doc)?)?;
        let group_by: GroupBy = group_by.parse()?;
        let filter: Filter = if filter.is_undefined() || filter.is_null() {
            Filter::default()
        } else {
            serde_json::from_str(&convert::input_text(filter)?)?
        };
        let summary = catalogue.summary(group_by, &filter)?;
        convert::output_value(&serde_json::to_string(&summary)?)
    })
}

/// One timeline per territory, its challenges oldest first (core
/// [`Catalogue::timelines`]).
///
/// # Errors
/// An `EcodefiError` (`json`, `schema_version`) when the document cannot be
/// read.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = catalogueTimelines)]
pub fn catalogue_timelines(doc: &CatalogueInput) -> Result<TimelinesOutput, JsValue> {
    throwing(|| {
        let catalogue = Catalogue::from_json(&convert::input_text(doc)?)?;
        convert::output_value(&serde_json::to_string(&catalogue.timelines())?)
    })
}

/// Fits a weather-regression baseline (core [`regression::fit`], CalTRACK
/// 2.0) on daily or billing usage. Data problems are not errors: they are
/// the baseline's sufficiency checks and `no_model_reason`.
///
/// # Errors
/// An `EcodefiError`: `json` for data or options core cannot read,
/// `invalid_value`, `duplicate` or `overflow` as core's `fit` says.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = regressionFit)]
pub fn regression_fit(
    usage_data: &UsageDataInput,
    options: &RegressionOptionsInput,
) -> Result<BaselineOutput, JsValue> {
    throwing(|| {
        let data: UsageData = serde_json::from_str(&convert::input_text(usage_data)?)?;
        let options: RegressionOptions = if options.is_undefined() || options.is_null() {
            RegressionOptions::default()
        } else {
            serde_json::from_str(&convert::input_text(options)?)?
        };
        convert::output_value(&serde_json::to_string(&regression::fit(&data, &options)?)?)
    })
}

/// What a fitted model predicts over these days (core
/// [`FittedModel::predict`]).
///
/// # Errors
/// An `EcodefiError`: `json` for a model or days core cannot read,
/// `invalid_value` (with the day's `index`) for a temperature that is not
/// finite.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = regressionPredict)]
pub fn regression_predict(
    model: &FittedModelInput,
    days: &TemperaturesInput,
) -> Result<PredictionOutput, JsValue> {
    throwing(|| {
        let model: FittedModel = serde_json::from_str(&convert::input_text(model)?)?;
        let days: Vec<DailyTemperature> = serde_json::from_str(&convert::input_text(days)?)?;
        convert::output_value(&serde_json::to_string(&model.predict(&days)?)?)
    })
}

/// What a fitted model predicts over these days, with the days' span,
/// those outside the baseline's temperature range and the warnings at the
/// limits of `options` (core [`FittedModel::predict_with`]).
///
/// # Errors
/// An `EcodefiError`: `json` for a model, days or options core cannot read,
/// `invalid_value` for a temperature that is not finite (with its `index`)
/// or an option out of range (with its `path`).
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = regressionPredictReport)]
pub fn regression_predict_report(
    model: &FittedModelInput,
    days: &TemperaturesInput,
    options: &SavingsOptionsInput,
) -> Result<PredictionReportOutput, JsValue> {
    throwing(|| {
        let model: FittedModel = serde_json::from_str(&convert::input_text(model)?)?;
        let days: Vec<DailyTemperature> = serde_json::from_str(&convert::input_text(days)?)?;
        let options: SavingsOptions = if options.is_undefined() || options.is_null() {
            SavingsOptions::default()
        } else {
            serde_json::from_str(&convert::input_text(options)?)?
        };
        convert::output_value(&serde_json::to_string(
            &model.predict_with(&days, &options)?,
        )?)
    })
}

/// Metered savings over a reporting period against a fitted model, with
/// error bands at `confidenceLevel` and warnings at the limits of
/// `options` (core [`FittedModel::metered_savings_with`]).
///
/// # Errors
/// An `EcodefiError`: `json` for a model, data or options core cannot
/// read; `invalid_value` for a negative usage, a temperature that is not
/// finite, a confidence level outside (0, 1) or an option out of range
/// (with its `path`); `duplicate` for a repeated day; `overflow` (with the
/// day's `index`) when the total usage overflows.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = regressionSavings)]
pub fn regression_savings(
    model: &FittedModelInput,
    reporting: &UsageDataInput,
    confidence_level: f64,
    options: &SavingsOptionsInput,
) -> Result<SavingsOutput, JsValue> {
    throwing(|| {
        let model: FittedModel = serde_json::from_str(&convert::input_text(model)?)?;
        let reporting: UsageData = serde_json::from_str(&convert::input_text(reporting)?)?;
        let options: SavingsOptions = if options.is_undefined() || options.is_null() {
            SavingsOptions::default()
        } else {
            serde_json::from_str(&convert::input_text(options)?)?
        };
        let savings = model.metered_savings_with(&reporting, confidence_level, &options)?;
        convert::output_value(&serde_json::to_string(&savings)?)
    })
}
