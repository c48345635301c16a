//! Runs the tabular input vectors of `tests/vectors/table/`: CSV texts in,
//! the core's inputs (as JSON) or an error's code, file, line and column out.
// A test helper that cannot read its vectors must fail loudly.
#![allow(clippy::unwrap_used, clippy::many_single_char_names)]

use std::path::Path;

use ecodefi::table::{Source, Tables};
use rust_decimal::Decimal;
use serde_json::{Map, Value};

fn load(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("vectors/table")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The case's tables over the file's base, as (table, file name, text).
fn tables(file: &Value, case: &Value) -> Vec<(String, String, String)> {
    let mut all: Map<String, Value> = file["base"].as_object().cloned().unwrap_or_default();
    for (k, v) in case["tables"].as_object().unwrap() {
        all.insert(k.clone(), v.clone());
    }
    all.into_iter()
        .map(|(k, v)| {
            (
                k.clone(),
                format!("{k}.csv"),
                v.as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn read(list: &[(String, String, String)]) -> ecodefi::Result<ecodefi::table::Inputs> {
    let find = |t: &str| {
        list.iter()
            .find(|(k, _, _)| k == t)
            .map(|(_, n, text)| Source::new(n, text))
    };
    for (k, _, _) in list {
        assert!(
            [
                "households",
                "teams",
                "meters",
                "readings",
                "events",
                "bills",
                "deliveries",
                "stock",
                "presence",
                "temperatures"
            ]
            .contains(&k.as_str()),
            "unknown table `{k}` in a vector"
        );
    }
    let mut t = Tables::new(find("households").unwrap());
    t.teams = find("teams");
    t.meters = find("meters");
    t.readings = find("readings");
    t.events = find("events");
    t.bills = find("bills");
    t.deliveries = find("deliveries");
    t.stock = find("stock");
    t.presence = find("presence");
    t.temperatures = find("temperatures");
    t.read()
}

/// JSON equality where two strings that are both decimals compare as
/// numbers (`"12.50"` equals `"12.5"`).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(x), Value::String(y)) => {
            x == y
                || matches!(
                    (x.parse::<Decimal>(), y.parse::<Decimal>()),
                    (Ok(p), Ok(q)) if p == q
                )
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

#[test]
fn tables_read_as_expected() {
    let file = load("read.json");
    let cases = file["cases"].as_array().unwrap();
    assert!(cases.len() >= 10);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let inputs = read(&tables(&file, case)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let got = serde_json::json!({
            "households": inputs.households,
            "teams": inputs.teams,
            "temperatures": inputs.temperatures,
        });
        for (key, expected) in case["expect"].as_object().unwrap() {
            assert!(
                same(&got[key], expected),
                "{name}: {key}\n got: {}\nwant: {expected}",
                got[key]
            );
        }
    }
}

#[test]
fn errors_name_file_line_and_column() {
    let file = load("errors.json");
    let cases = file["cases"].as_array().unwrap();
    assert!(cases.len() >= 30);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let Err(e) = read(&tables(&file, case)) else {
            panic!("{name}: no error")
        };
        let at = e.location().cloned().unwrap_or_default();
        let want = &case["error"];
        let got = serde_json::json!({
            "code": e.code(),
            "file": at.file,
            "line": at.line,
            "column": at.column,
        });
        assert_eq!(&got, want, "{name}: {e}");
    }
}

#[test]
fn bytes_decode_as_expected() {
    let file = load("decode.json");
    for case in file["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let hex = case["hex"].as_str().unwrap();
        let bytes: Vec<u8> = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
            .collect();
        assert_eq!(
            ecodefi::table::encoding::decode(&bytes),
            case["text"].as_str().unwrap(),
            "{name}"
        );
    }
}

#[test]
fn columns_assemble_as_expected() {
    use ecodefi::table::Columns;
    let file = load("columns.json");
    for case in file["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let columns: Columns = serde_json::from_value(case["columns"].clone())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let inputs = columns.assemble().unwrap_or_else(|e| panic!("{name}: {e}"));
        let got = serde_json::json!({
            "households": inputs.households,
            "teams": inputs.teams,
            "temperatures": inputs.temperatures,
        });
        for (key, expected) in case["expect"].as_object().unwrap() {
            assert!(
                same(&got[key], expected),
                "{name}: {key}\n got: {}\nwant: {expected}",
                got[key]
            );
        }
    }
    for case in file["errors"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let columns: Columns = serde_json::from_value(case["columns"].clone())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let Err(e) = columns.assemble() else {
            panic!("{name}: no error")
        };
        let at = e.location().cloned().unwrap_or_default();
        let got = serde_json::json!({
            "code": e.code(),
            "file": at.file,
            "index": at.index,
            "column": at.column,
        });
        assert_eq!(&got, &case["error"], "{name}: {e}");
    }
}

/// The challenge document of a settings-table case: `defi.csv` beside the
/// base tables.
fn settings_case(file: &Value, case: &Value) -> ecodefi::Result<ecodefi::ChallengeData> {
    let base = file["base"].as_object().unwrap();
    let mut texts: Vec<(String, String)> = base
        .iter()
        .map(|(k, v)| (format!("{k}.csv"), v.as_str().unwrap().to_owned()))
        .collect();
    texts.push((
        "defi.csv".to_owned(),
        case["settings"].as_str().unwrap().to_owned(),
    ));
    let sources: Vec<Source<'_>> = texts.iter().map(|(n, t)| Source::new(n, t)).collect();
    Tables::from_files(&sources)?.challenge_data_from_tables()
}

#[test]
fn settings_tables_read_as_expected() {
    let file = load("settings.json");
    for case in file["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let data = settings_case(&file, case).unwrap_or_else(|e| panic!("{name}: {e}"));
        let challenge = serde_json::to_value(&data.challenge).unwrap();
        assert!(
            same(&challenge, &case["expect"]["challenge"]),
            "{name}\n got: {challenge}\nwant: {}",
            case["expect"]["challenge"]
        );
        let energy = serde_json::to_value(&data.options.energy).unwrap();
        for (key, want) in case["expect"]["energy"].as_object().into_iter().flatten() {
            assert!(
                same(&energy[key], want),
                "{name}: {key}\n got: {}\nwant: {want}",
                energy[key]
            );
        }
    }
}

#[test]
fn settings_table_errors_name_file_line_and_column() {
    let file = load("settings.json");
    for case in file["errors"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let Err(e) = settings_case(&file, case) else {
            panic!("{name}: no error")
        };
        let at = e.location().cloned().unwrap_or_default();
        let got = serde_json::json!({
            "code": e.code(), "file": at.file, "line": at.line, "column": at.column,
        });
        assert_eq!(&got, &case["error"], "{name}: {e}");
    }
}
