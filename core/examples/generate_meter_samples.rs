//! Writes the synthetic Linky and Gazpar sample exports of
//! `core/examples/data/enedis/` and `core/examples/data/grdf/`, in their
//! real layouts, from the deterministic generators of `samples/meters.rs`.
//!
//! Run: `cargo run -p ecodefi --example generate_meter_samples`.
//!
//! The values follow simple formulas so that tests can check them by hand:
//! - daily consumption, day i (0-based) from 2024-10-01: 6 000 + 250 × (i mod
//!   7) Wh, day 2024-10-15 absent (a gap);
//! - index, from 2024-10-01: EAS T = 12 345 678 + 7 250 × i Wh;
//! - load curves (30 minutes): 300 W at night (00:00–06:00 local, step
//!   index < 12) and 800 W otherwise; the autumn file's 2025-10-27 lacks
//!   the value of its 13th step (an incomplete day);
//! - gas, from 2024-10-01: volume 1.2 + 0.1 × (i mod 5) m³, coefficient
//!   11.25 kWh/m³, index from 4 321 m³.

use std::path::Path;

use ecodefi::date::{date_of, day_number};
use ecodefi::{Date, Decimal};

#[path = "samples/meters.rs"]
mod meters;

/// The PRM and PCE of the samples (not real meters).
const PRM: &str = "09999999999999";
const PCE: &str = "29999999999999";

fn day(first: Date, i: u32) -> Result<Date, ecodefi::Error> {
    date_of(day_number(first) + i32::try_from(i).unwrap_or(0))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let enedis = root.join("enedis");
    let grdf = root.join("grdf");
    std::fs::create_dir_all(&enedis)?;
    std::fs::create_dir_all(&grdf)?;
    let first = Date::new(2024, 10, 1)?;
    let mut files: Vec<(std::path::PathBuf, Vec<u8>)> = Vec::new();

    let mut daily = Vec::new();
    for i in 0..31 {
        let d = day(first, i)?;
        if d != Date::new(2024, 10, 15)? {
            daily.push((d, 6_000 + 250 * u64::from(i % 7)));
        }
    }
    files.push((
        enedis.join("linky-consommation-quotidienne.csv"),
        meters::linky_daily(PRM, &daily).into_bytes(),
    ));

    let index: Vec<(Date, u64)> = (0..31)
        .map(|i| Ok((day(first, i)?, 12_345_678 + 7_250 * u64::from(i))))
        .collect::<Result<_, ecodefi::Error>>()?;
    files.push((
        enedis.join("linky-index.csv"),
        meters::linky_index(PRM, &index).into_bytes(),
    ));

    let watts = |_: Date, i: u32| Some(if i < 12 { 300 } else { 800 });
    files.push((
        enedis.join("linky-courbe-de-charge-printemps.csv"),
        meters::linky_load_curve(PRM, 30, Date::new(2025, 3, 29)?, 3, watts).into_bytes(),
    ));
    let autumn_gap = Date::new(2025, 10, 27)?;
    files.push((
        enedis.join("linky-courbe-de-charge-automne.csv"),
        meters::linky_load_curve(PRM, 30, Date::new(2025, 10, 25)?, 3, |d, i| {
            if d == autumn_gap && i == 12 {
                None
            } else {
                watts(d, i)
            }
        })
        .into_bytes(),
    ));

    let volumes: Vec<Decimal> = (0..31_u32)
        .map(|i| Decimal::new(12 + i64::from(i % 5), 1))
        .collect();
    let gas = meters::gas_days(first, 4_321, Decimal::new(1125, 2), &volumes);
    files.push((
        grdf.join("gazpar-quotidien.xlsx"),
        meters::gazpar_xlsx(PCE, &gas),
    ));
    files.push((
        grdf.join("gazpar-quotidien.csv"),
        meters::gazpar_csv(PCE, &gas).into_bytes(),
    ));
    files.push((
        grdf.join("gazpar-api.json"),
        meters::gazpar_json(PCE, &gas).into_bytes(),
    ));

    for (path, bytes) in files {
        std::fs::write(&path, bytes)?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}
