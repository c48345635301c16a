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

/// The error a call threw (it must have thrown).
fn thrown<T>(r: Result<T, JsValue>) -> JsValue {
    match r {
        Ok(_) => panic!("expected the call to throw"),
        Err(e) => e,
    }
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(ecodefi_wasm::version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn errors_are_error_objects_with_code_and_location() {
    let bad = JsValue::from_str(
        r#"{"name":"x","territory":"t","organiser_kind":"association","themes":["energy"],
            "reference_period":{"first":"2024-12-01","last":"2025-03-31"},
            "challenge_period":{"first":"2025-12-01","last":"2026-03-31"},
            "teams":[{"id":"a","name":"A"},{"id":"a","name":"B"}]}"#,
    );
    let err = thrown(ecodefi_wasm::read_challenge(bad.unchecked_ref()));
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(get(&err, "name"), "EcodefiError");
    assert_eq!(get(&err, "code"), "duplicate");
    assert_eq!(get(&err, "index"), 1.0);
    assert!(get(&err, "household").is_undefined());
}

#[wasm_bindgen_test]
fn values_json_cannot_hold_are_json_errors() {
    let err = thrown(ecodefi_wasm::read_challenge(
        JsValue::UNDEFINED.unchecked_ref(),
    ));
    assert_eq!(get(&err, "code"), "json");
    let err = thrown(ecodefi_wasm::read_challenge(
        JsValue::bigint_from_str("1").unchecked_ref(),
    ));
    assert_eq!(get(&err, "code"), "json");
}
