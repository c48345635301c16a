//! Many meters at once (core [`regression::fit_many`]): a columns object
//! to core's `MeterTable`, core's `MeterRow`s back as objects. On
//! WebAssembly the meters are fitted one after the other (no threads).

use ecodefi::regression::{self, MeterTable, RegressionOptions};
use ecodefi::{Date, Error, Kwh, Location};
use wasm_bindgen::prelude::*;

use crate::{convert, lang_of, lang_option, throwing_in};

#[wasm_bindgen]
extern "C" {
    /// A long table of daily usage by columns (`MeterColumns`).
    #[wasm_bindgen(typescript_type = "MeterColumns")]
    pub type MeterColumnsInput;
    /// One row per meter (core `regression::MeterRow`).
    #[wasm_bindgen(typescript_type = "MeterRow[]")]
    pub type MeterRowsOutput;
    /// `{ lang }`: the language of the meters' error messages.
    #[wasm_bindgen(typescript_type = "FitManyOptions | null | undefined")]
    pub type FitManyOptionsInput;
}

/// What [`columns`] accepts.
const METER_COLUMNS: &str = "expected { meter, day, usage, temperature }: arrays of one value per row, meter and day strings, usage a decimal string, a number or null, temperature a number or null";

/// Column `name` of `table`, an array.
fn column(table: &JsValue, name: &str) -> Result<js_sys::Array, Error> {
    js_sys::Reflect::get(table, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Array>().ok())
        .ok_or_else(|| convert::json_error(&format!("{METER_COLUMNS}: no array `{name}`")))
}

/// A cell that is not what its column holds.
fn bad(name: &str, row: u32) -> Error {
    convert::json_error(&format!("{METER_COLUMNS}: `{name}` row {row}"))
}

/// A cell that is not what its column holds, and why.
fn bad_because(name: &str, row: u32, why: &str) -> Error {
    convert::json_error(&format!("{METER_COLUMNS}: `{name}` row {row}: {why}"))
}

/// The columns object read straight from JS (no serde: its buffering
/// costs the module kilobytes). A number usage is the decimal its
/// `toString` prints (core [`regression::kwh_from_f64`]); `null`,
/// `undefined` or NaN is a missing value.
fn columns(table: &JsValue) -> Result<MeterTable, Error> {
    if !table.is_object() || table.is_function() || js_sys::Array::is_array(table) {
        return Err(convert::json_error(METER_COLUMNS));
    }
    let keys = js_sys::Object::keys(table.unchecked_ref::<js_sys::Object>()).length();
    if keys != 4 {
        return Err(convert::json_error(METER_COLUMNS));
    }
    let (meter_col, day_col, usage_col, temperature_col) = (
        column(table, "meter")?,
        column(table, "day")?,
        column(table, "usage")?,
        column(table, "temperature")?,
    );
    let (mut meter, mut day, mut usage, mut temperature) = (vec![], vec![], vec![], vec![]);
    for (row, v) in (0u32..).zip(meter_col.iter()) {
        meter.push(v.as_string().ok_or_else(|| bad("meter", row))?);
    }
    for (row, v) in (0u32..).zip(day_col.iter()) {
        let text = v.as_string().ok_or_else(|| bad("day", row))?;
        day.push(
            text.parse::<Date>()
                .map_err(|e| e.within(&at("table.day", row)))?,
        );
    }
    for (row, v) in (0u32..).zip(usage_col.iter()) {
        let cell = if let Some(text) = v.as_string() {
            use serde::Deserialize as _;
            let d = serde::de::value::StrDeserializer::<serde::de::value::Error>::new(&text);
            Some(Kwh::deserialize(d).map_err(|e| bad_because("usage", row, &e.to_string()))?)
        } else if let Some(x) = v.as_f64() {
            (!x.is_nan())
                .then(|| regression::kwh_from_f64(x))
                .transpose()
                .map_err(|e| e.within(&at("table.usage", row)))?
        } else if v.is_null() || v.is_undefined() {
            None
        } else {
            return Err(bad("usage", row));
        };
        usage.push(cell);
    }
    for (row, v) in (0u32..).zip(temperature_col.iter()) {
        temperature.push(match v.as_f64() {
            Some(t) if !t.is_nan() => Some(t),
            Some(_) => None,
            None if v.is_null() || v.is_undefined() => None,
            None => return Err(bad("temperature", row)),
        });
    }
    MeterTable::new(&meter, day, usage, temperature)
}

/// Row `row` of a column.
fn at(path: &str, row: u32) -> Location {
    Location::at_path(path).with_index(row as usize)
}

const FIT_MANY_OPTIONS: &[&str] = &["lang"];

/// Fits a baseline (core [`regression::fit_many`], CalTRACK 2.0 as
/// `regressionFit`) for every meter of a long table given by columns:
/// `{ meter: string[], day: string[], usage: (string | number | null)[],
/// temperature: (number | null)[] }`, one value per row, rows in any
/// order. `options` are `regressionFit`'s, the same for every meter;
/// `fitOptions.lang` (`"en"` or `"fr"`) the language of the meters' error
/// messages. Returns one row per meter in the order of the meters' first
/// rows (core `MeterRow`): the model, its metrics, the sufficiency summary
/// or the meter's own error (`error_code`, `error_message`).
///
/// # Errors
/// An `EcodefiError` for what concerns the whole table: `json` for
/// columns or options core cannot read (a usage beyond the decimal
/// range), `invalid_value` for columns of different lengths or an option
/// out of range.
#[wasm_bindgen(js_name = regressionFitMany)]
pub fn regression_fit_many(
    table: &MeterColumnsInput,
    options: &crate::RegressionOptionsInput,
    fit_options: Option<FitManyOptionsInput>,
) -> Result<MeterRowsOutput, JsValue> {
    let fit_options: JsValue = fit_options.map_or(JsValue::UNDEFINED, Into::into);
    let bag = convert::option_bag(&fit_options, FIT_MANY_OPTIONS, "lang");
    throwing_in(lang_of(&bag), || {
        let mut lang = ecodefi::message::Lang::default();
        for (key, value) in bag? {
            lang = lang_option(&key, &value)?;
        }
        let options: RegressionOptions = if options.is_undefined() || options.is_null() {
            RegressionOptions::default()
        } else {
            serde_json::from_str(&convert::input_text(options)?)?
        };
        let table = columns(table)?;
        let results = regression::fit_many(&table, &options, None)?;
        convert::output_value(&serde_json::to_string(&regression::meter_rows(
            &results, lang,
        ))?)
    })
}
