//! Values across the boundary: JSON text both ways.
//!
//! Inputs and outputs are core's serde structs; they cross as JSON text so
//! that core's own `from_json`/`to_json` do all the work (decimals stay
//! strings, enums keep core's one spelling, unknown fields are refused by
//! core's `deny_unknown_fields`). A JS object given as input is turned into
//! text by `JSON.stringify`, a result is turned into an object by
//! `JSON.parse`: nothing is interpreted here.

/// The message of a JS value that is not a JSON document.
pub const NOT_JSON: &str =
    "expected a JSON document (an object, or its text); got a value JSON cannot represent";

/// The JSON text of an input: a string as it is, anything else through
/// `JSON.stringify`.
///
/// # Errors
/// [`ecodefi::Error::Json`] when `JSON.stringify` throws (a `BigInt`, a
/// cycle) or gives nothing (`undefined`, a function).
#[cfg(target_arch = "wasm32")]
pub fn input_text(value: &wasm_bindgen::JsValue) -> Result<String, ecodefi::Error> {
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
/// [`ecodefi::Error::Json`] if `JSON.parse` refuses it (which core's
/// serializer does not produce).
#[cfg(target_arch = "wasm32")]
pub fn output_value(json: &str) -> Result<wasm_bindgen::JsValue, ecodefi::Error> {
    js_sys::JSON::parse(json).map_err(|e| json_error(&js_message(&e)))
}

#[cfg(target_arch = "wasm32")]
fn js_message(e: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    e.dyn_ref::<js_sys::Error>()
        .map_or_else(|| format!("{e:?}"), |e| String::from(e.message()))
}

/// A core JSON error with this message.
pub fn json_error(message: &str) -> ecodefi::Error {
    ecodefi::Error::Json {
        message: message.to_owned(),
    }
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
}
