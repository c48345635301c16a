//! Writes the shipped Météo-France samples into
//! `core/examples/data/meteo-france/` (synthetic, deterministic: see
//! `samples/weather.rs` for the model):
//!
//! - `Q_62_synthetique_2025_RR-T-Vent.csv.gz` (and the same uncompressed,
//!   `.csv`): a daily file of three stations of the Pas-de-Calais from
//!   2025-01-01 to 2025-03-31. The third, `62990003`, has the problems real
//!   files have: 2025-01-10 with Tx empty, 2025-01-11 with quality code 2
//!   (doubtful), no row from 2025-02-03 to 2025-02-05, and 2025-03-01 with
//!   Tn above Tx;
//! - `H_62_synthetique_2025-01.csv.gz`: an hourly file of two stations
//!   from 2025-01-01 00 UTC to 2025-01-05 23 UTC.
//!
//! Run: `cargo run -p ecodefi --example generate_weather_samples`.

#[path = "samples/weather.rs"]
mod weather;

use ecodefi::{Date, Decimal};
use weather::{daily_file_with, daily_values, gzip, hourly_file, hourly_values, StationMeta};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/meteo-france");
    std::fs::create_dir_all(&dir)?;
    let (first, last) = (Date::new(2025, 1, 1)?, Date::new(2025, 3, 31)?);
    let stations = [
        StationMeta::new(
            "62990001",
            "LITTORAL-SYNTHETIQUE",
            "50.7312",
            "1.5974",
            "73",
        ),
        StationMeta::new("62990002", "ARTOIS-SYNTHETIQUE", "50.2915", "2.7779", "98"),
        StationMeta::new(
            "62990003",
            "AUDOMAROIS-SYNTHETIQUE",
            "50.7500",
            "2.2500",
            "24",
        ),
    ];
    let day = |m, d| Date::new(2025, m, d);
    let (empty, doubtful, inverted) = (day(1, 10)?, day(1, 11)?, day(3, 1)?);
    let gap = [day(2, 3)?, day(2, 4)?, day(2, 5)?];
    let mut daily = Vec::new();
    for (i, s) in stations.iter().enumerate() {
        let mut rows: Vec<(Date, Option<Decimal>, Option<Decimal>)> =
            daily_values(62 + i as u64, first, last)
                .into_iter()
                .map(|(d, n, x)| (d, Some(n), Some(x)))
                .collect();
        if i == 2 {
            rows.retain(|r| !gap.contains(&r.0));
            for r in &mut rows {
                if r.0 == empty {
                    r.2 = None;
                }
                if r.0 == inverted {
                    (r.1, r.2) = (r.2, r.1);
                }
            }
        }
        daily.push((s.clone(), rows));
    }
    let text = daily_file_with(&daily, |number, d| {
        if number == "62990003" && d == doubtful {
            2
        } else {
            1
        }
    });
    std::fs::write(dir.join("Q_62_synthetique_2025_RR-T-Vent.csv"), &text)?;
    std::fs::write(
        dir.join("Q_62_synthetique_2025_RR-T-Vent.csv.gz"),
        gzip(text.as_bytes()),
    )?;

    let (first, last) = (Date::new(2025, 1, 1)?, Date::new(2025, 1, 5)?);
    let hourly: Vec<_> = stations[..2]
        .iter()
        .enumerate()
        .map(|(i, s)| (s.clone(), hourly_values(620 + i as u64, first, last)))
        .collect();
    let text = hourly_file(&hourly);
    std::fs::write(
        dir.join("H_62_synthetique_2025-01.csv.gz"),
        gzip(text.as_bytes()),
    )?;
    Ok(())
}
