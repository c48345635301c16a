//! Fuzz target `catalogue`: see `ecodefi_fuzz_checks::targets::catalogue` for what it
//! runs and checks.
#![no_main]

use ecodefi_fuzz_checks::{Checks, Target};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(finding) = Target::Catalogue.run(data, &Checks::from_env()) {
        panic!("{finding}");
    }
});
