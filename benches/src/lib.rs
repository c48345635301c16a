//! Criterion benchmarks of ecodefi live in `benches/`; this library holds
//! the data they share with the callgrind examples (`benches/examples/`).

use std::path::Path;

use ecodefi::{ChallengeData, HouseholdId};

/// A theme's shipped sample (`core/examples/data/<theme>/challenge.json`)
/// with `copies` copies of each household, under new ids (`F001-0`,
/// `F001-1`…), in the sample's teams.
///
/// # Panics
/// When the sample is missing or invalid (a benchmark on shipped data).
#[allow(clippy::expect_used)]
pub fn scaled_sample(theme: &str, copies: usize) -> ChallengeData {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/examples/data")
        .join(theme)
        .join("challenge.json");
    let json = std::fs::read_to_string(path).expect("the sample is shipped");
    let mut data = ChallengeData::from_json(&json).expect("the sample is valid");
    let one = std::mem::take(&mut data.households);
    for k in 0..copies {
        for h in &one {
            let mut h = h.clone();
            h.id = HouseholdId::new(format!("{}-{k}", h.id)).expect("a valid id");
            data.households.push(h);
        }
    }
    data
}
