//! Criterion benchmarks of ecodefi live in `benches/`; this library holds
//! what several of them and the examples (`benches/examples/`) share: the
//! shipped samples scaled up, the synthetic meter-year of the regression
//! benchmark and its instruction count, and the generator of many
//! meter-years for the batch benchmark and the million-meter example.

use std::path::Path;

use ecodefi::date::date;
use ecodefi::regression::{DailyUsage, MeterTable, UsageData};
use ecodefi::{ChallengeData, Decimal, Kwh, Result};

/// A theme's shipped sample (`core/examples/data/<theme>/challenge.json`)
/// with `copies` copies of each household, under new ids (`F001-0`,
/// `F001-1`…), in the sample's teams (core's
/// [`ecodefi::synthetic::repeat_households`]).
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
    let data = ChallengeData::from_json(&json).expect("the sample is valid");
    ecodefi::synthetic::repeat_households(data, copies).expect("valid ids")
}

/// A small deterministic generator (xorshift64*), uniform in [−0.5, 0.5).
pub struct Noise(pub u64);

impl Noise {
    /// The next draw, uniform in [−0.5, 0.5).
    pub fn draw(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        #[allow(clippy::cast_precision_loss)]
        let u = (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64;
        u - 0.5
    }
}

/// One temperate year of daily (temperature °C, usage kWh) from a fixed
/// seed: a seasonal temperature with day-to-day noise, usage with a base,
/// a heating part below 15.5 °C, with `cooling` a cooling part above 21 °C,
/// and noise.
pub fn year(cooling: bool) -> (Vec<f64>, Vec<f64>) {
    let mut noise = Noise(0x9e37_79b9_7f4a_7c15);
    (0..365)
        .map(|i| {
            let season = (f64::from(i) * std::f64::consts::TAU / 365.0).cos();
            let t = 12.0 - 9.0 * season + 6.0 * noise.draw();
            let mut u = 6.0 + 0.9 * (15.5 - t).max(0.0) + 3.0 * noise.draw();
            if cooling {
                u += 1.4 * (t - 21.0).max(0.0);
            }
            (t, u.max(0.0))
        })
        .unzip()
}

/// A [`year`] as the regression's daily input, from 2025-01-01, usage
/// rounded to Wh.
pub fn daily(temps: &[f64], usage: &[f64]) -> UsageData {
    let start = date(2025, 1, 1);
    let days = temps
        .iter()
        .zip(usage)
        .enumerate()
        .map(|(i, (&t, &u))| DailyUsage {
            date: start
                .add_days(i32::try_from(i).unwrap_or(0))
                .unwrap_or(start),
            usage: Kwh::new(Decimal::try_from(u).unwrap_or_default().round_dp(3)),
            temperature_c: t,
        })
        .collect();
    UsageData::Daily { days }
}

/// A long table of `meters` meter-years (365 days from 2025-01-01), meters
/// numbered from `first`, rows meter by meter.
///
/// Each meter is shaped like [`year`] (a
/// seasonal temperature with day-to-day noise; usage with base, heating,
/// with `cooling` a cooling part, and noise, rounded to Wh), with its own
/// seed, base load, slopes and balance points, so that the selected models
/// differ from meter to meter.
///
/// # Errors
/// None in practice (the table's columns have equal lengths).
pub fn meter_years(first: u64, meters: u64, cooling: bool) -> Result<MeterTable> {
    let n = usize::try_from(meters).unwrap_or(0) * 365;
    let (mut meter, mut day, mut usage, mut temperature) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    let start = date(2025, 1, 1);
    let days = (0..365)
        .map(|i| start.add_days(i))
        .collect::<Result<Vec<_>>>()?;
    for m in first..first + meters {
        let mut noise = Noise(0x9e37_79b9_7f4a_7c15 ^ m.wrapping_mul(0x2545_f491_4f6c_dd1d) | 1);
        let base = 4.0 + 4.0 * (noise.draw() + 0.5);
        let heating = 0.5 + 0.8 * (noise.draw() + 0.5);
        let balance_h = 14.0 + 4.0 * (noise.draw() + 0.5);
        let cool = 1.0 + noise.draw();
        let id = format!("PRM{m:014}");
        for (i, &d) in (0..365).zip(&days) {
            let season = (f64::from(i) * std::f64::consts::TAU / 365.0).cos();
            let t = 12.0 - 9.0 * season + 6.0 * noise.draw();
            let mut u = base + heating * (balance_h - t).max(0.0) + 3.0 * noise.draw();
            if cooling {
                u += cool * (t - 21.0).max(0.0);
            }
            meter.push(id.clone());
            day.push(d);
            // Wh, exactly
            #[allow(clippy::cast_possible_truncation)]
            let wh = (u.max(0.0) * 1000.0).round() as i64;
            usage.push(Some(Kwh::new(Decimal::new(wh, 3))));
            temperature.push(Some((t * 10.0).round() / 10.0));
        }
    }
    MeterTable::new(&meter, day, usage, temperature)
}
