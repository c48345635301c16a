//! Values across the boundary: JSON text both ways.
//!
//! Inputs and outputs are core's serde structs; they cross as JSON text so
//! that core's own `from_json`/`to_json` do all the work (decimals stay
//! strings, enums keep core's one spelling, unknown fields are refused by
//! core's `deny_unknown_fields`). A JS object given as input is turned into
//! text by `JSON.stringify`, a result is turned into an object by
//! `JSON.parse`: nothing is interpreted here. CSV files are the exception:
//! `{ name, text }` pairs read with `JSON.parse` and property access, so
//! that `ecodefi/sheets` links no JSON deserialiser.
//!
//! Everything here compiles on the host too (plain `cargo test` covers the
//! Rust parts); the functions that call JS only run in WebAssembly.

use ecodefi::table::Source;
#[cfg(doc)]
use ecodefi::table::Tables;
use ecodefi::{msg, noun};
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

/// One CSV file: its name (which tells core the table it holds, and which
/// errors cite) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableFile {
    /// The file name, e.g. `releves.csv`.
    pub name: String,
    /// The CSV text.
    pub text: String,
}

/// What [`table_files`] accepts.
pub const TABLE_FILES: &str =
    "expected an array of { name, text } objects (or its JSON text), each a string";

/// The CSV files of an array of `{ name, text }` (or its JSON text).
///
/// # Errors
/// [`Error::Json`] when it is not such an array (an object with other
/// keys included, as core refuses unknown fields).
pub fn table_files(value: &JsValue) -> Result<Vec<TableFile>, Error> {
    let parsed;
    let value = if let Some(text) = value.as_string() {
        parsed = js_sys::JSON::parse(&text).map_err(|e| json_error(&js_message(&e)))?;
        &parsed
    } else {
        value
    };
    let files = value
        .dyn_ref::<js_sys::Array>()
        .ok_or_else(|| json_error(TABLE_FILES))?;
    files
        .iter()
        .map(|f| {
            let keys = f
                .dyn_ref::<js_sys::Object>()
                .map(|o| js_sys::Object::keys(o).length());
            let field = |key: &str| {
                js_sys::Reflect::get(&f, &JsValue::from_str(key))
                    .ok()
                    .and_then(|v| v.as_string())
            };
            match (keys, field("name"), field("text")) {
                (Some(2), Some(name), Some(text)) => Ok(TableFile { name, text }),
                _ => Err(json_error(TABLE_FILES)),
            }
        })
        .collect()
}

/// The files as core's sources, for [`Tables::from_files`], which tells the
/// tables by their names.
pub fn sources(files: &[TableFile]) -> Vec<Source<'_>> {
    files
        .iter()
        .map(|f| Source::new(&f.name, &f.text))
        .collect()
}

/// One file given as bytes: its name (cited in errors; for a spreadsheet
/// table, its table) and its bytes, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ByteFile {
    /// The file name, e.g. `foyers.csv` or `Q_62_latest-2024-2025_RR-T-Vent.csv.gz`.
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// What [`byte_files`] accepts.
pub const BYTE_FILES: &str =
    "expected an array of { name, bytes } objects, each name a string and bytes a Uint8Array";

/// The files of an array of `{ name, bytes }`, `bytes` a `Uint8Array`.
///
/// # Errors
/// [`Error::Json`] when it is not such an array (an object with other
/// keys included).
pub fn byte_files(value: &JsValue) -> Result<Vec<ByteFile>, Error> {
    let files = value
        .dyn_ref::<js_sys::Array>()
        .ok_or_else(|| json_error(BYTE_FILES))?;
    files
        .iter()
        .map(|f| {
            let keys = f
                .dyn_ref::<js_sys::Object>()
                .map(|o| js_sys::Object::keys(o).length());
            let field = |key: &str| js_sys::Reflect::get(&f, &JsValue::from_str(key)).ok();
            let name = field("name").and_then(|v| v.as_string());
            let bytes = field("bytes").and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok());
            match (keys, name, bytes) {
                (Some(2), Some(name), Some(bytes)) => Ok(ByteFile {
                    name,
                    bytes: bytes.to_vec(),
                }),
                _ => Err(json_error(BYTE_FILES)),
            }
        })
        .collect()
}

/// An option bag's properties, each `(key, value)`, in their order.
pub type OptionBag = Vec<(String, JsValue)>;

/// The properties of an option bag (`undefined` or `null`: none), each
/// key checked against `allowed`: an unknown key is an error, never
/// ignored.
///
/// # Errors
/// [`Error::UnknownName`] for a key not in `allowed` (`expected` lists
/// them), [`Error::Json`] for a value that is not an object.
pub fn option_bag(
    value: &JsValue,
    allowed: &'static [&'static str],
    expected: &'static str,
) -> Result<OptionBag, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    let object = value
        .dyn_ref::<js_sys::Object>()
        .filter(|_| !value.is_function() && !js_sys::Array::is_array(value))
        .ok_or_else(|| json_error("expected an object of options"))?;
    let mut bag = Vec::new();
    for key in js_sys::Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !allowed.contains(&key.as_str()) {
            return Err(Error::UnknownName {
                what: noun!("option"),
                got: key.clone(),
                expected,
                at: ecodefi::Location::at_path(key),
            });
        }
        let v = js_sys::Reflect::get(object, &JsValue::from_str(&key))
            .map_err(|e| json_error(&js_message(&e)))?;
        // An option given as `undefined` is an option not given.
        if !v.is_undefined() {
            bag.push((key, v));
        }
    }
    Ok(bag)
}

/// An option's text (`null`: none).
///
/// # Errors
/// [`Error::InvalidValue`] at the option's path when it is not a string.
pub fn option_text(key: &str, value: &JsValue) -> Result<Option<String>, Error> {
    if value.is_null() {
        return Ok(None);
    }
    value.as_string().map(Some).ok_or_else(|| {
        Error::invalid(
            noun!("option"),
            format!("{value:?}"),
            msg!("expected a string"),
        )
        .at_path(key)
    })
}

/// An option's whole number from 0 to 2^32 − 1 (`null`: none).
///
/// # Errors
/// [`Error::InvalidValue`] at the option's path for anything else.
pub fn option_count(key: &str, value: &JsValue) -> Result<Option<u32>, Error> {
    if value.is_null() {
        return Ok(None);
    }
    match value.as_f64() {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // checked just before
        Some(n) if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) => {
            Ok(Some(n as u32))
        }
        _ => Err(Error::invalid(
            noun!("option"),
            format!("{value:?}"),
            msg!("expected a whole number of days, 0 or more"),
        )
        .at_path(key)),
    }
}

/// Adds a property to an object made by this module.
///
/// # Errors
/// [`Error::Json`] when it cannot be set (not expected).
pub fn with_property(object: &JsValue, key: &str, value: &JsValue) -> Result<(), Error> {
    js_sys::Reflect::set(object, &JsValue::from_str(key), value)
        .map(|_| ())
        .map_err(|e| json_error(&js_message(&e)))
}

/// A report from its JSON text, as core writes it.
#[cfg(feature = "full")]
///
/// # Errors
/// [`Error::Json`] when it is not a report.
pub fn report_from_json(json: &str) -> Result<Report, Error> {
    Ok(serde_json::from_str(json)?)
}

/// One section of a report as [`sheets_result`] gives it: the theme (core's
/// spelling), its headline, and its teams and households as CSV (core's
/// `section_teams` and `section_households`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionCsv {
    /// The theme, e.g. `waste`.
    pub theme: String,
    /// The section's headline.
    pub headline: String,
    /// Its teams as CSV, in rank order.
    pub teams: String,
    /// Its households as CSV, in input order.
    pub households: String,
}

/// `{ report, householdsCsv, teamsCsv, sections }`: the report's JSON text
/// as an object, the energy section's households and teams as CSV (`null`
/// when `energy` is `None`: the challenge has no energy theme), and one
/// `{ theme, headline, teamsCsv, householdsCsv }` per section, in the
/// order given.
///
/// # Errors
/// [`Error::Json`] as [`output_value`].
pub fn sheets_result(
    report: &str,
    energy: Option<(&str, &str)>,
    sections: &[SectionCsv],
) -> Result<JsValue, Error> {
    let text = |s: Option<&str>| s.map_or(JsValue::NULL, JsValue::from_str);
    object(&[
        ("report", output_value(report)?),
        ("householdsCsv", text(energy.map(|e| e.0))),
        ("teamsCsv", text(energy.map(|e| e.1))),
        ("sections", sections_value(sections)?),
    ])
}

/// `[{ theme, headline, teamsCsv, householdsCsv }…]`, in the order given.
///
/// # Errors
/// [`Error::Json`] when a property cannot be set (not expected).
pub fn sections_value(sections: &[SectionCsv]) -> Result<JsValue, Error> {
    let list = js_sys::Array::new();
    for s in sections {
        list.push(&object(&[
            ("theme", JsValue::from_str(&s.theme)),
            ("headline", JsValue::from_str(&s.headline)),
            ("teamsCsv", JsValue::from_str(&s.teams)),
            ("householdsCsv", JsValue::from_str(&s.households)),
        ])?);
    }
    Ok(list.into())
}

/// A plain JS object with these properties, in this order.
fn object(entries: &[(&str, JsValue)]) -> Result<JsValue, Error> {
    let result = js_sys::Object::new();
    for (key, value) in entries {
        js_sys::Reflect::set(&result, &JsValue::from_str(key), value)
            .map_err(|e| json_error(&js_message(&e)))?;
    }
    Ok(result.into())
}

/// The energy section of a report.
///
/// # Errors
/// [`Error::InvalidValue`] when the report has none (its challenge does not
/// cover energy).
pub fn energy_section(report: &Report) -> Result<&ecodefi::energy::EnergyReport, Error> {
    report.energy.as_ref().ok_or_else(|| {
        Error::invalid(
            noun!("report"),
            "no `energy` section",
            msg!("results as CSV are the energy section's"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_errors_keep_core_code() {
        let e = json_error(NOT_JSON);
        assert_eq!(e.code(), "json");
        assert!(e
            .to_string()
            .starts_with("invalid JSON: expected a JSON document"));
    }

    #[test]
    #[cfg(feature = "full")]
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
