//! Runs the file readers' vectors of `tests/vectors/files/` (made by
//! `tests/vectors/make_file_vectors.py`, expected values computed there
//! independently): Linky and Gazpar exports through `MeterFile::read`,
//! Météo-France files through `WeatherFile::read` and `temperatures`.
// A test helper that cannot read its vectors must fail loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::str::FromStr;

use base64::Engine as _;
use ecodefi::files::meteo_france::{Fill, WeatherFile};
use ecodefi::files::meter_file::MeterFile;
use ecodefi::{Date, Period};
use rust_decimal::Decimal;
use serde_json::{json, Value};

fn load(name: &str) -> Vec<Value> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("vectors/files")
        .join(name);
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    doc["cases"].as_array().unwrap().clone()
}

fn bytes(file: &Value) -> Vec<u8> {
    match (file["text"].as_str(), file["base64"].as_str()) {
        (Some(t), _) => t.as_bytes().to_vec(),
        (None, Some(b)) => base64::engine::general_purpose::STANDARD.decode(b).unwrap(),
        _ => panic!("a vector file without text or base64"),
    }
}

/// `actual` holds `expected`: objects by key, arrays element by element
/// (same length), decimals (strings on both sides that read as decimals)
/// by value.
fn contains(actual: &Value, expected: &Value, at: &str) {
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => {
            for (k, v) in e {
                let got = a.get(k).unwrap_or(&Value::Null);
                let got = if got.is_null() && v.as_array().is_some_and(Vec::is_empty) {
                    &Value::Array(Vec::new())
                } else {
                    got
                };
                contains(got, v, &format!("{at}/{k}"));
            }
        }
        (Value::Array(a), Value::Array(e)) => {
            assert_eq!(a.len(), e.len(), "{at}: {actual} vs {expected}");
            for (i, (x, y)) in a.iter().zip(e).enumerate() {
                contains(x, y, &format!("{at}/{i}"));
            }
        }
        (Value::String(a), Value::String(e)) => {
            match (Decimal::from_str(a), Decimal::from_str(e)) {
                (Ok(x), Ok(y)) => assert_eq!(x, y, "{at}"),
                _ => assert_eq!(a, e, "{at}"),
            }
        }
        _ => assert_eq!(actual, expected, "{at}"),
    }
}

fn error(e: &ecodefi::Error, expected: &Value, case: &str) {
    assert_eq!(e.code(), expected["code"].as_str().unwrap(), "{case}: {e}");
    let at = e.location().unwrap();
    assert_eq!(at.file.as_deref(), expected["file"].as_str(), "{case}: {e}");
    if let Some(line) = expected["line"].as_u64() {
        assert_eq!(at.line, usize::try_from(line).ok(), "{case}: {e}");
    }
}

#[test]
fn meter_files() {
    for case in load("meter_files.json") {
        let name = case["name"].as_str().unwrap();
        let file = &case["file"];
        let read = MeterFile::read(file["name"].as_str().unwrap(), &bytes(file));
        match (read, case.get("expected")) {
            (Ok(m), Some(expected)) => contains(&serde_json::to_value(&m).unwrap(), expected, name),
            (Err(e), None) => error(&e, &case["error"], name),
            (got, _) => panic!("{name}: {got:?}"),
        }
    }
}

fn date(v: &Value) -> Option<Date> {
    v.as_str().map(|s| Date::from_str(s).unwrap())
}

#[test]
fn weather_files() {
    for case in load("weather_files.json") {
        let name = case["name"].as_str().unwrap();
        let file = &case["file"];
        let result =
            WeatherFile::read(file["name"].as_str().unwrap(), &bytes(file)).and_then(|w| {
                let mut out = json!({
                    "resolution": w.resolution(),
                    "stations": w.stations(),
                });
                if let Some(station) = case["station"].as_str() {
                    let filling = Fill {
                        station: case["fill"]["station"].as_str().map(str::to_owned),
                        interpolate_max_days: case["fill"]["interpolate_max_days"]
                            .as_u64()
                            .and_then(|n| u32::try_from(n).ok())
                            .unwrap_or(0),
                    };
                    let period = match (date(&case["first"]), date(&case["last"])) {
                        (Some(a), Some(b)) => Some(Period::new(a, b)?),
                        _ => None,
                    };
                    let t = w.temperatures(station, period, &filling)?;
                    out["temperatures"] = serde_json::to_value(&t.temperatures).unwrap();
                    out["filled"] = serde_json::to_value(&t.filled).unwrap();
                }
                Ok(out)
            });
        match (result, case.get("expected")) {
            (Ok(out), Some(expected)) => contains(&out, expected, name),
            (Err(e), None) => error(&e, &case["error"], name),
            (got, _) => panic!("{name}: {got:?}"),
        }
    }
}
