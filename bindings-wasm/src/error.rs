//! From [`ecodefi::Error`] to a JavaScript `Error` object.
//!
//! Every error thrown by the package is a real `Error` (never a string) whose
//! `name` is always [`ERROR_NAME`], whose `code` is core's
//! [`ecodefi::Error::code`] and which carries core's [`ecodefi::Location`]
//! as flat fields: `household`, `meter`, `index`, `file`, `line`, `column`,
//! `path`, `team` (absent when unknown). The message is core's `Display`.
//!
//! The mapping is split in two: [`ErrorInfo::from_core`] is plain Rust (tested
//! on the host by `cargo test`), [`to_js`] builds the JS object (it compiles on the host but calls JS).

/// The `name` of every error thrown by the package.
pub const ERROR_NAME: &str = "EcodefiError";

use ecodefi::message::{Lang, ParamValue, Params};

/// What a JS error carries, before it becomes a JS object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorInfo {
    /// The message, in the language asked for.
    pub message: String,
    /// The message in each language of the catalogue.
    pub messages: Vec<(Lang, String)>,
    /// The error's parameters as data (core [`ecodefi::Error::params`]).
    pub params: Params,
    /// Core's stable code (`invalid_value`, `unknown_name`…).
    pub code: &'static str,
    /// The household identifier, when known.
    pub household: Option<String>,
    /// The meter identifier, when known.
    pub meter: Option<String>,
    /// The index (from 0) of the item in its list, when known.
    pub index: Option<usize>,
    /// The input file, when known.
    pub file: Option<String>,
    /// The line (from 1) in the input file, when known.
    pub line: Option<usize>,
    /// The column name in the input file, when known.
    pub column: Option<String>,
    /// The path of the value in the input document (an option, a
    /// catalogue record's field), when known.
    pub path: Option<String>,
    /// The team, for an error in a team's totals, when known.
    pub team: Option<String>,
}

impl ErrorInfo {
    /// Everything a core error says, field by field, its message in `lang`.
    pub fn from_core(e: &ecodefi::Error, lang: Lang) -> Self {
        let at = e.location().cloned().unwrap_or_default();
        ErrorInfo {
            message: e.message(lang),
            messages: Lang::ALL.iter().map(|l| (*l, e.message(*l))).collect(),
            params: e.params(),
            code: e.code(),
            household: at.household,
            meter: at.meter,
            index: at.index,
            file: at.file,
            line: at.line,
            column: at.column,
            path: at.path,
            team: at.team,
        }
    }
}

/// The JS `Error` for a core error, its message in English.
pub fn to_js(e: &ecodefi::Error) -> wasm_bindgen::JsValue {
    to_js_in(e, Lang::En)
}

/// The JS `Error` for a core error, its message in `lang` (in WebAssembly
/// only: it calls JS).
pub fn to_js_in(e: &ecodefi::Error, lang: Lang) -> wasm_bindgen::JsValue {
    use js_sys::Reflect;
    use wasm_bindgen::JsValue;

    let info = ErrorInfo::from_core(e, lang);
    let err = js_sys::Error::new(&info.message);
    err.set_name(ERROR_NAME);
    let obj: &JsValue = err.as_ref();
    // `Reflect::set` on a fresh ordinary object cannot fail; if it ever did,
    // the error would still be an `Error` with its message and name.
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(obj, &JsValue::from_str(key), &value);
    };
    set("code", JsValue::from_str(info.code));
    let messages = js_sys::Object::new();
    for (l, text) in &info.messages {
        let _ = Reflect::set(
            &messages,
            &JsValue::from_str(l.as_str()),
            &JsValue::from_str(text),
        );
    }
    set("messages", messages.into());
    let params = js_sys::Object::new();
    for (name, value) in &info.params {
        let value = match value {
            // Parameters are counts of days, lines, items: far below 2^53.
            #[allow(clippy::cast_precision_loss)]
            ParamValue::Int(n) => JsValue::from_f64(*n as f64),
            ParamValue::Text(t) => JsValue::from_str(t),
        };
        let _ = Reflect::set(&params, &JsValue::from_str(name), &value);
    }
    set("params", params.into());
    let text = |v: Option<String>| v.map(|s| JsValue::from_str(&s));
    #[allow(clippy::cast_precision_loss)] // indexes and lines are far below 2^53
    let number = |v: Option<usize>| v.map(|n| JsValue::from_f64(n as f64));
    for (key, value) in [
        ("household", text(info.household)),
        ("meter", text(info.meter)),
        ("index", number(info.index)),
        ("file", text(info.file)),
        ("line", number(info.line)),
        ("column", text(info.column)),
        ("path", text(info.path)),
        ("team", text(info.team)),
    ] {
        if let Some(value) = value {
            set(key, value);
        }
    }
    err.into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ecodefi::{Error, Location};

    #[test]
    fn location_fields_are_carried() {
        let e = Error::invalid(
            "reading value",
            "-3",
            ecodefi::msg!("an index cannot be negative"),
        )
        .within(&Location::household("h1").with_meter("gas").with_file(
            "readings.csv",
            12,
            Some("value".into()),
        ));
        let info = ErrorInfo::from_core(&e, Lang::Fr);
        assert_eq!(info.code, "invalid_value");
        assert_eq!(info.household.as_deref(), Some("h1"));
        assert_eq!(info.meter.as_deref(), Some("gas"));
        assert_eq!(info.file.as_deref(), Some("readings.csv"));
        assert_eq!(info.line, Some(12));
        assert_eq!(info.column.as_deref(), Some("value"));
        assert_eq!(info.index, None);
        assert_eq!(info.message, e.message(Lang::Fr));
        assert_eq!(
            info.messages,
            vec![(Lang::En, e.to_string()), (Lang::Fr, e.message(Lang::Fr))]
        );
        assert_eq!(info.params.get("got"), Some(&ParamValue::Text("-3".into())));
    }

    #[test]
    fn errors_without_location() {
        let e = Error::SchemaVersion {
            got: 7,
            supported: 1,
        };
        let info = ErrorInfo::from_core(&e, Lang::En);
        assert_eq!(info.code, "schema_version");
        assert_eq!(
            (
                info.household,
                info.meter,
                info.index,
                info.file,
                info.line,
                info.column
            ),
            (None, None, None, None, None, None)
        );
    }
}
