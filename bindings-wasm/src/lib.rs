//! WebAssembly bindings of [`ecodefi`], published on npm as `ecodefi`.
//!
//! Thin by design: each exported function converts its input (JSON text or
//! a JS object, see [`convert`]), calls one core function, and converts the
//! result back, or the error (see [`error`]). All checks, defaults and
//! parsing are core's.
//!
//! | JS | core |
//! |---|---|
//! | `compute(data)` | [`ChallengeData::from_json`], [`ecodefi::compute`] |
//! | `readTables(files, settings)` | [`Tables::from_files`], [`Tables::challenge_data`] |
//! | `householdsCsv(report)`, `teamsCsv(report)` | [`write::energy_households`], [`write::energy_teams`] |
//! | `decode(bytes)` | [`ecodefi::table::encoding::decode`] |
//!
//! The TypeScript types of inputs and results (`src/types.d.ts`) are
//! declared in a `typescript_custom_section` and checked by `tsc --strict`
//! against the documents core actually reads and writes
//! (`scripts/test-wasm`).

pub mod convert;
pub mod error;

use ecodefi::table::{write, Tables};
use ecodefi::ChallengeData;
use wasm_bindgen::prelude::*;

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
    /// A challenge's settings, as an object or its JSON text.
    #[wasm_bindgen(typescript_type = "ChallengeSettings | string")]
    pub type SettingsInput;
}

/// Runs a conversion-and-call and turns a core error into the thrown JS
/// `Error`.
fn throwing<T: JsCast>(run: impl FnOnce() -> ecodefi::Result<JsValue>) -> Result<T, JsValue> {
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

/// Computes a challenge's report (core [`ecodefi::compute`]) from its
/// document (core [`ChallengeData::from_json`], which checks it).
///
/// # Errors
/// An `EcodefiError` with core's code and location.
#[wasm_bindgen]
pub fn compute(data: &ChallengeDataInput) -> Result<ReportOutput, JsValue> {
    throwing(|| {
        let data = ChallengeData::from_json(&convert::input_text(data)?)?;
        convert::output_value(&ecodefi::compute(&data)?.to_json()?)
    })
}

/// Reads a challenge's CSV files and its settings into a challenge
/// document (core [`Tables::from_files`], then
/// [`Tables::challenge_data`]). Each file is `{ name, text }`: core tells
/// its table by its name (`foyers.csv` or `households.csv`, `releves.csv`
/// or `readings.csv`…), and errors cite it.
///
/// # Errors
/// An `EcodefiError` naming the file, line and column.
#[wasm_bindgen(js_name = readTables)]
pub fn read_tables(
    files: &TableFilesInput,
    settings: &SettingsInput,
) -> Result<ChallengeDataOutput, JsValue> {
    throwing(|| {
        let files = convert::table_files(&convert::input_text(files)?)?;
        let settings = convert::input_text(settings)?;
        let data = Tables::from_files(&convert::sources(&files))?.challenge_data(&settings)?;
        convert::output_value(&data.to_json()?)
    })
}

/// The report's households as CSV, one row per household, French style
/// (core [`write::energy_households`]).
///
/// # Errors
/// An `EcodefiError` when the report cannot be read or has no energy
/// section.
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
