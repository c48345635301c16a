//! The exported functions in WebAssembly (`wasm-bindgen-test`, under Node):
//! what a JS caller receives, results and thrown errors.
#![cfg(target_arch = "wasm32")]
// Test helpers outside `#[test]` functions may unwrap too.
#![allow(clippy::unwrap_used)]

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn path(v: &JsValue, keys: &[&str]) -> JsValue {
    keys.iter().fold(v.clone(), |v, k| get(&v, k))
}

/// The error a call threw (it must have thrown).
fn thrown<T>(r: Result<T, JsValue>) -> JsValue {
    match r {
        Ok(_) => panic!("expected the call to throw"),
        Err(e) => e,
    }
}

fn js(text: &str) -> JsValue {
    JsValue::from_str(text)
}

macro_rules! demo {
    ($dir:literal, $file:literal) => {
        ecodefi_wasm::decode(include_bytes!(concat!(
            "../../core/examples/data/",
            $dir,
            "/",
            $file
        )))
    };
}

/// The demo tables (core/examples/data/table-demo), with the readings of
/// the broken twin when `broken`.
fn demo_tables(broken: bool) -> JsValue {
    let readings = if broken {
        demo!("table-demo-broken", "releves.csv")
    } else {
        demo!("table-demo", "releves.csv")
    };
    let files: [(&str, String); 8] = [
        ("foyers.csv", demo!("table-demo", "foyers.csv")),
        ("equipes.csv", demo!("table-demo", "equipes.csv")),
        ("compteurs.csv", demo!("table-demo", "compteurs.csv")),
        ("releves.csv", readings),
        ("evenements.csv", demo!("table-demo", "evenements.csv")),
        ("livraisons.csv", demo!("table-demo", "livraisons.csv")),
        ("stocks.csv", demo!("table-demo", "stocks.csv")),
        ("temperatures.csv", demo!("table-demo", "temperatures.csv")),
    ];
    // Core tells each table by its file name.
    let list = js_sys::Array::new();
    for (name, text) in files {
        let f = js_sys::Object::new();
        Reflect::set(&f, &js("name"), &js(name)).unwrap();
        Reflect::set(&f, &js("text"), &js(&text)).unwrap();
        list.push(&f);
    }
    list.into()
}

const SETTINGS: &str = include_str!("../../core/examples/data/table-demo/challenge.json");

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(ecodefi_wasm::version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn tables_to_report_as_objects_with_decimal_strings() {
    let data = ecodefi_wasm::read_tables(
        demo_tables(false).unchecked_ref(),
        js(SETTINGS).unchecked_ref(),
    )
    .unwrap();
    let households = path(&data, &["households"]);
    assert_eq!(js_sys::Array::from(&households).length(), 3);
    let report: JsValue = ecodefi_wasm::compute(data.unchecked_ref(), None)
        .unwrap()
        .into();
    let headline = path(&report, &["energy", "headline"]).as_string().unwrap();
    assert!(headline.starts_with("3 foyers"), "{headline}");
    // Decimals are strings, never numbers.
    let saved = path(&report, &["energy", "totals", "totals", "saved"]);
    assert!(saved.is_string(), "{saved:?}");
    // The same document as JSON text gives the same report.
    let text = js_sys::JSON::stringify(&data).unwrap().as_string().unwrap();
    let again: JsValue = ecodefi_wasm::compute(js(&text).unchecked_ref(), None)
        .unwrap()
        .into();
    assert_eq!(
        js_sys::JSON::stringify(&again).unwrap(),
        js_sys::JSON::stringify(&report).unwrap()
    );
    let csv = ecodefi_wasm::households_csv(report.unchecked_ref()).unwrap();
    assert_eq!(csv.lines().count(), 4);
    assert!(csv.starts_with("household;team;status;"));
}

#[wasm_bindgen_test]
fn errors_are_error_objects_with_code_and_location() {
    let err = thrown(ecodefi_wasm::read_tables(
        demo_tables(true).unchecked_ref(),
        js(SETTINGS).unchecked_ref(),
    ));
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(get(&err, "name"), "EcodefiError");
    assert_eq!(get(&err, "code"), "invalid_value");
    assert_eq!(get(&err, "file"), "releves.csv");
    assert_eq!(get(&err, "line"), 17.0);
    assert_eq!(get(&err, "column"), "valeur");
    assert!(get(&err, "household").is_undefined());
    let message = get(&err, "message").as_string().unwrap();
    assert!(
        message.ends_with("at file `releves.csv`, line 17, column `valeur`"),
        "{message}"
    );
}

#[wasm_bindgen_test]
fn values_json_cannot_hold_are_json_errors() {
    let err = thrown(ecodefi_wasm::compute(
        JsValue::UNDEFINED.unchecked_ref(),
        None,
    ));
    assert_eq!(get(&err, "code"), "json");
    let err = thrown(ecodefi_wasm::compute(
        JsValue::bigint_from_str("1").unchecked_ref(),
        None,
    ));
    assert_eq!(get(&err, "code"), "json");
    let err = thrown(ecodefi_wasm::compute(
        js(r#"{"schema_version": 9}"#).unchecked_ref(),
        None,
    ));
    assert_eq!(get(&err, "code"), "schema_version");
}

#[wasm_bindgen_test]
fn decode_is_cores() {
    assert_eq!(ecodefi_wasm::decode(b"\xe9quipe"), "équipe");
    assert_eq!(ecodefi_wasm::decode("équipe".as_bytes()), "équipe");
}

#[wasm_bindgen_test]
fn sheets_compute_from_their_settings_table() {
    let files = js_sys::Array::from(&demo_tables(false));
    let table = js_sys::Object::new();
    Reflect::set(&table, &js("name"), &js("defi.csv")).unwrap();
    Reflect::set(&table, &js("text"), &js(&demo!("table-demo", "defi.csv"))).unwrap();
    files.push(&table);
    let result: JsValue = ecodefi_wasm::compute_sheets(files.unchecked_ref(), None)
        .unwrap()
        .into();
    // The report of the same tables with the JSON settings.
    let data = ecodefi_wasm::read_tables(
        demo_tables(false).unchecked_ref(),
        js(SETTINGS).unchecked_ref(),
    )
    .unwrap();
    let expected: JsValue = ecodefi_wasm::compute(data.unchecked_ref(), None)
        .unwrap()
        .into();
    assert_eq!(
        js_sys::JSON::stringify(&get(&result, "report")).unwrap(),
        js_sys::JSON::stringify(&expected).unwrap()
    );
    let csv = get(&result, "householdsCsv").as_string().unwrap();
    assert_eq!(
        csv,
        ecodefi_wasm::households_csv(expected.unchecked_ref()).unwrap()
    );
    // Without it, core's error.
    let err = thrown(ecodefi_wasm::compute_sheets(
        demo_tables(false).unchecked_ref(),
        None,
    ));
    assert_eq!(get(&err, "name"), "EcodefiError");
}

#[wasm_bindgen_test]
fn sheets_compute_a_challenge_without_energy() {
    // The zero-waste sample (core/examples/data/zero-dechet).
    let files = js_sys::Array::new();
    for (name, text) in [
        ("defi.csv", demo!("zero-dechet", "defi.csv")),
        ("equipes.csv", demo!("zero-dechet", "equipes.csv")),
        ("foyers.csv", demo!("zero-dechet", "foyers.csv")),
        ("pesees.csv", demo!("zero-dechet", "pesees.csv")),
        ("presences.csv", demo!("zero-dechet", "presences.csv")),
    ] {
        let f = js_sys::Object::new();
        Reflect::set(&f, &js("name"), &js(name)).unwrap();
        Reflect::set(&f, &js("text"), &js(&text)).unwrap();
        files.push(&f);
    }
    let result: JsValue = ecodefi_wasm::compute_sheets(files.unchecked_ref(), None)
        .unwrap()
        .into();
    // No energy: its CSV are null; one section, waste's, with its CSV.
    assert!(get(&result, "householdsCsv").is_null());
    assert!(get(&result, "teamsCsv").is_null());
    let sections = js_sys::Array::from(&get(&result, "sections"));
    assert_eq!(sections.length(), 1);
    let waste = sections.get(0);
    assert_eq!(get(&waste, "theme"), "waste");
    let json = js(include_str!(
        "../../core/examples/data/waste/challenge.json"
    ));
    let expected: JsValue = ecodefi_wasm::compute(json.unchecked_ref(), None)
        .unwrap()
        .into();
    assert_eq!(
        get(&waste, "headline"),
        path(&expected, &["waste", "headline"])
    );
    let teams = get(&waste, "teamsCsv").as_string().unwrap();
    assert!(teams.starts_with("theme;rank;team;name;"));
    assert_eq!(
        teams.lines().count(),
        1 + js_sys::Array::from(&path(&expected, &["waste", "teams"])).length() as usize
    );
}

/// `[{ name, bytes }]` as `computeFiles` takes it.
fn byte_files(files: &[(&str, &[u8])]) -> JsValue {
    let list = js_sys::Array::new();
    for (name, bytes) in files {
        let f = js_sys::Object::new();
        Reflect::set(&f, &js("name"), &js(name)).unwrap();
        Reflect::set(&f, &js("bytes"), &js_sys::Uint8Array::from(*bytes)).unwrap();
        list.push(&f);
    }
    list.into()
}

/// An object of these properties.
fn object(entries: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in entries {
        Reflect::set(&o, &js(k), v).unwrap();
    }
    o.into()
}

#[wasm_bindgen_test]
fn file_options_are_checked_key_by_key() {
    let files = byte_files(&[("foyers.csv", b"foyer;equipe\nF1;E1\n")]);
    let err = thrown(ecodefi_wasm::files::compute_files(
        files.unchecked_ref(),
        object(&[("stations", js("62160001"))]).unchecked_ref(),
    ));
    assert_eq!(get(&err, "code"), "unknown_name");
    assert_eq!(get(&err, "path"), "stations");
    for bad in [JsValue::from_f64(-1.0), JsValue::from_f64(2.5), js("2")] {
        let err = thrown(ecodefi_wasm::files::compute_files(
            files.unchecked_ref(),
            object(&[("interpolateMaxDays", bad)]).unchecked_ref(),
        ));
        assert_eq!(get(&err, "code"), "invalid_value");
        assert_eq!(get(&err, "path"), "interpolateMaxDays");
    }
    let err = thrown(ecodefi_wasm::files::compute_files(
        files.unchecked_ref(),
        object(&[("station", JsValue::from_f64(62.0))]).unchecked_ref(),
    ));
    assert_eq!(get(&err, "path"), "station");
    // Files as text are not files as bytes.
    let text = js_sys::JSON::parse(r#"[{"name": "foyers.csv", "text": "foyer"}]"#).unwrap();
    let err = thrown(ecodefi_wasm::files::compute_files(
        text.unchecked_ref(),
        JsValue::UNDEFINED.unchecked_ref(),
    ));
    assert_eq!(get(&err, "code"), "json");
    let err = thrown(ecodefi_wasm::files::weather_temperatures(
        b"",
        "x.csv",
        "1",
        object(&[("first", js("01/12/2025"))]).unchecked_ref(),
    ));
    assert_eq!(get(&err, "code"), "invalid_value");
    assert_eq!(get(&err, "path"), "first");
}

#[wasm_bindgen_test]
fn table_of_is_cores() {
    assert_eq!(
        ecodefi_wasm::table_of("Relevés.csv").as_deref(),
        Some("readings")
    );
    assert_eq!(
        ecodefi_wasm::table_of("defi.csv").as_deref(),
        Some("settings")
    );
    assert_eq!(ecodefi_wasm::table_of("Enedis_Conso_Jour.csv"), None);
}
