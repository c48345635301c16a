//! WebAssembly bindings of [`ecodefi`], published on npm as `ecodefi`.
//!
//! Thin by design: each exported function converts its input (JSON text or
//! a JS object, see [`convert`]), calls one core function, and converts the
//! result back, or the error (see [`error`]). All checks, defaults and
//! parsing are core's.
//!
//! The TypeScript types of inputs and results are declared below in a
//! `typescript_custom_section` and checked by `tsc --strict` against the
//! documents core actually reads and writes (`scripts/test-wasm`).

pub mod convert;
pub mod error;

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = include_str!("types.d.ts");

#[wasm_bindgen]
extern "C" {
    /// A challenge as core reads it: a `Challenge` object or its JSON text.
    #[wasm_bindgen(typescript_type = "Challenge | string")]
    pub type ChallengeInput;
    /// A challenge as core writes it.
    #[wasm_bindgen(typescript_type = "Challenge")]
    pub type ChallengeOutput;
}

/// The version of the package (the workspace version).
#[wasm_bindgen]
#[must_use]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Reads and checks a challenge's identity and calendar, and gives it back as
/// core writes it (with its defaults filled in).
///
/// # Errors
/// An `EcodefiError` with core's code and location.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen(js_name = readChallenge)]
pub fn read_challenge(challenge: &ChallengeInput) -> Result<ChallengeOutput, JsValue> {
    let run = || -> Result<JsValue, ecodefi::Error> {
        let text = convert::input_text(challenge)?;
        let c: ecodefi::Challenge = serde_json::from_str(&text)?;
        c.validate()?;
        convert::output_value(&serde_json::to_string(&c)?)
    };
    run()
        .map(JsCast::unchecked_into)
        .map_err(|e| error::to_js(&e))
}
