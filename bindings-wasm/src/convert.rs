//! Values across the boundary: JSON text both ways.
//!
//! Inputs and outputs are core's serde structs; they cross as JSON text so
//! that core's own `from_json`/`to_json` do all the work (decimals stay
//! strings, enums keep core's one spelling, unknown fields are refused by
//! core's `deny_unknown_fields`). A JS object given as input is turned into
//! text by `JSON.stringify`, a result is turned into an object by
//! `JSON.parse`: nothing is interpreted here.
//!
//! Everything here compiles on the host too (plain `cargo test` covers the
//! Rust parts); the two functions that call JS only run in WebAssembly.

use std::collections::BTreeMap;
use std::str::FromStr;

use ecodefi::table::{Source, Table, Tables};
use ecodefi::{Error, Report};
use wasm_bindgen::{JsCast, JsValue};

/// The message of a JS value that is not a JSON document.
pub const NOT_JSON: &str =
    "expected a JSON document (an object, or its text); got a value JSON cannot represent";

/// The JSON text of an input: a string as it is, anything else through
/// `JSON.stringify`.
///
/// # Errors
/// [`Error::Json`] when `JSON.stringify` throws (a `BigInt`, a cycle) or
/// gives nothing (`undefined`, a function).
pub fn input_text(value: &JsValue) -> Result<String, Error> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    match js_sys::JSON::stringify(value) {
        Ok(text) => text.as_string().ok_or_else(|| json_error(NOT_JSON)),
        Err(e) => Err(json_error(&js_message(&e))),
    }
}

/// The JS object of a JSON text written by core.
///
/// # Errors
/// [`Error::Json`] if `JSON.parse` refuses it (which core's serializer does
/// not produce).
pub fn output_value(json: &str) -> Result<JsValue, Error> {
    js_sys::JSON::parse(json).map_err(|e| json_error(&js_message(&e)))
}

fn js_message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map_or_else(|| format!("{e:?}"), |e| String::from(e.message()))
}

/// A core JSON error with this message.
pub fn json_error(message: &str) -> Error {
    Error::Json {
        message: message.to_owned(),
    }
}

/// One CSV file: the name errors cite and its text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableFile {
    /// The file name (or any label) cited in errors.
    pub name: String,
    /// The CSV text.
    pub text: String,
}

/// CSV files by table name, as JS gives them: `{ households: { name, text
/// }, readings: {…}, … }`. The names are core's [`Table`] spellings, parsed
/// by core (an unknown one is core's `unknown_name` error).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableFiles(BTreeMap<String, TableFile>);

impl TableFiles {
    /// The files of a JSON object.
    ///
    /// # Errors
    /// [`Error::Json`] when it is not an object of `{ name, text }`.
    pub fn from_json(json: &str) -> Result<Self, Error> {
        Ok(TableFiles(serde_json::from_str(json)?))
    }

    /// Core's [`Tables`] over these files.
    ///
    /// # Errors
    /// [`Error::UnknownName`] for a name that is no table;
    /// [`Error::InvalidValue`] when the households table is missing.
    pub fn tables(&self) -> Result<Tables<'_>, Error> {
        let mut named = Vec::with_capacity(self.0.len());
        for (key, file) in &self.0 {
            named.push((Table::from_str(key)?, Source::new(&file.name, &file.text)));
        }
        let households = named
            .iter()
            .find(|(t, _)| *t == Table::Households)
            .map(|(_, s)| *s)
            .ok_or_else(|| {
                Error::invalid(
                    "tables",
                    format!("{:?}", self.0.keys().collect::<Vec<_>>()),
                    "the `households` table is required",
                )
            })?;
        let mut tables = Tables::new(households);
        for (table, source) in named {
            let slot = match table {
                Table::Households => continue,
                Table::Teams => &mut tables.teams,
                Table::Meters => &mut tables.meters,
                Table::Readings => &mut tables.readings,
                Table::Events => &mut tables.events,
                Table::Bills => &mut tables.bills,
                Table::Deliveries => &mut tables.deliveries,
                Table::Stock => &mut tables.stock,
                Table::Presence => &mut tables.presence,
                Table::Temperatures => &mut tables.temperatures,
            };
            *slot = Some(source);
        }
        Ok(tables)
    }
}

/// A report from its JSON text, as core writes it.
///
/// # Errors
/// [`Error::Json`] when it is not a report.
pub fn report_from_json(json: &str) -> Result<Report, Error> {
    Ok(serde_json::from_str(json)?)
}

/// The energy section of a report.
///
/// # Errors
/// [`Error::InvalidValue`] when the report has none (its challenge does not
/// cover energy).
pub fn energy_section(report: &Report) -> Result<&ecodefi::energy::EnergyReport, Error> {
    report.energy.as_ref().ok_or_else(|| {
        Error::invalid(
            "report",
            "no `energy` section",
            "results as CSV are the energy section's",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo(file: &str) -> String {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../core/examples/data/");
        std::fs::read_to_string(format!("{dir}{file}")).unwrap()
    }

    #[test]
    fn json_errors_keep_core_code() {
        let e = json_error(NOT_JSON);
        assert_eq!(e.code(), "json");
        assert!(e
            .to_string()
            .starts_with("invalid JSON: expected a JSON document"));
    }

    #[test]
    fn table_files_become_core_tables() {
        let json = serde_json::json!({
            "households": { "name": "foyers.csv", "text": demo("table-demo/foyers.csv") },
            "meters": { "name": "compteurs.csv", "text": demo("table-demo/compteurs.csv") },
            "readings": { "name": "releves.csv", "text": demo("table-demo-broken/releves.csv") },
        })
        .to_string();
        let files = TableFiles::from_json(&json).unwrap();
        let tables = files.tables().unwrap();
        assert_eq!(tables.households.name, "foyers.csv");
        assert_eq!(tables.meters.map(|s| s.name), Some("compteurs.csv"));
        assert!(tables.teams.is_none());
        // Core reads them, and locates the broken cell.
        let e = tables.read().unwrap_err();
        let at = e.location().unwrap();
        assert_eq!(
            (at.file.as_deref(), at.line, at.column.as_deref()),
            (Some("releves.csv"), Some(17), Some("valeur"))
        );
    }

    #[test]
    fn unknown_table_names_and_shapes_are_refused() {
        let e = TableFiles::from_json(r#"{"foyers": {"name": "f.csv", "text": ""}}"#)
            .unwrap()
            .tables()
            .unwrap_err();
        assert_eq!(e.code(), "unknown_name");
        let e = TableFiles::from_json(r#"{"meters": {"name": "m.csv", "text": ""}}"#)
            .unwrap()
            .tables()
            .unwrap_err();
        assert_eq!(e.code(), "invalid_value");
        let e = TableFiles::from_json(r#"{"households": {"name": "f.csv"}}"#).unwrap_err();
        assert_eq!(e.code(), "json");
        let e = TableFiles::from_json(r#"{"households": {"name": "f.csv", "text": "", "x": 1}}"#)
            .unwrap_err();
        assert_eq!(e.code(), "json");
    }

    #[test]
    fn reports_round_trip_and_need_energy_for_csv() {
        let data = ecodefi::synthetic::generate(ecodefi::synthetic::SyntheticOptions {
            households: 12,
            seed: 7,
            problems: true,
        })
        .unwrap();
        let mut report = ecodefi::compute(&data).unwrap();
        let back = report_from_json(&report.to_json().unwrap()).unwrap();
        assert_eq!(back, report);
        assert!(energy_section(&back).is_ok());
        report.energy = None;
        assert_eq!(energy_section(&report).unwrap_err().code(), "invalid_value");
    }
}
