//! Fuzz target `files`: see `ecodefi_fuzz_checks::targets::files` for what it
//! runs and checks.
#![no_main]

use ecodefi_fuzz_checks::{Checks, Target};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(finding) = Target::Files.run(data, &Checks::from_env()) {
        panic!("{finding}");
    }
});
