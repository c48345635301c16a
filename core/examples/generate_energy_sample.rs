//! Writes the shipped sample energy challenge,
//! `core/examples/data/energy/challenge.json`, from
//! [`ecodefi::synthetic::generate`] with its default options (190
//! households, seed 2026, a few data problems).
//!
//! Run: `cargo run --example generate_energy_sample`

use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let data = ecodefi::synthetic::generate(ecodefi::synthetic::SyntheticOptions::default())?;
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/energy/challenge.json");
    std::fs::write(&path, data.to_json()? + "\n")?;
    eprintln!("wrote {}", path.display());
    Ok(())
}
