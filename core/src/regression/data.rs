//! Inputs of a weather regression: daily usage with the day's mean
//! temperature, or billing periods with the daily temperatures they span.
//!
//! Usage is measured, so it is an exact [`Kwh`]; temperatures are `f64`
//! degrees Celsius (a statistic of hourly readings, not a metered quantity).
//! Before fitting, both shapes become one list of *observations* in date
//! order: usage per day, the days it covers, and the daily temperatures
//! behind its mean degree-days (CalTRACK 2.0 §3.4.2: a billing period is one
//! observation of usage per day, weighted by its days).

use crate::named_enum;
use std::collections::BTreeMap;

use crate::date::Date;
use rust_decimal::Decimal;

use crate::date::day_number;
use crate::error::{Error, Location, Result};
use crate::period::Period;
use crate::quantity::Kwh;
use crate::{msg, noun};

/// Converts a temperature from degrees Fahrenheit to degrees Celsius:
/// `(F − 32) / 1.8`.
pub fn fahrenheit_to_celsius(fahrenheit: f64) -> f64 {
    (fahrenheit - 32.0) / 1.8
}

/// One day of metered usage and the day's mean outdoor temperature.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DailyUsage {
    /// The day.
    pub date: Date,
    /// The energy used that day.
    pub usage: Kwh,
    /// The day's mean outdoor temperature, °C.
    pub temperature_c: f64,
}

/// One day's mean outdoor temperature.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DailyTemperature {
    /// The day.
    pub date: Date,
    /// The day's mean outdoor temperature, °C.
    pub temperature_c: f64,
}

/// The usage of one billing period (a bill, or the difference of two meter
/// readings), both days included.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BillingPeriod {
    /// The days the usage covers.
    pub period: Period,
    /// The energy used over the whole period.
    pub usage: Kwh,
}

/// Metered usage to fit a baseline on, or to compare with one.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum UsageData {
    /// One value per day (smart-meter exports: Linky, Gazpar). Missing days
    /// are simply absent.
    Daily {
        /// The days, in any order.
        days: Vec<DailyUsage>,
    },
    /// One value per billing period, with the daily temperatures of the
    /// periods (days without a temperature are left out of the period's
    /// mean degree-days and of its weight).
    Billing {
        /// The periods, in any order; they must not overlap.
        periods: Vec<BillingPeriod>,
        /// Daily mean temperatures covering the periods.
        temperatures: Vec<DailyTemperature>,
    },
}

named_enum! {
    /// The time step of the data, which sets the CalTRACK presets and the
    /// Sun & Baltazar coefficients of the uncertainty.
    pub enum Interval ("interval") {
        /// Daily observations.
        Daily = "daily",
        /// Billing periods (typically monthly).
        Billing = "billing",
    }
}

/// Observations ready for fitting, in date order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Observations {
    /// Usage per day of each observation.
    pub usage_per_day: Vec<f64>,
    /// Days of each observation (1 for daily data; the period's length for
    /// a bill). Totals are `usage_per_day × days`.
    pub days: Vec<f64>,
    /// Regression weight: days with a temperature (CalTRACK 2.0 §3.4.2).
    pub weight: Vec<f64>,
    /// Daily temperatures (°C) of all observations, concatenated.
    pub temperatures: Vec<f64>,
    /// `temperatures[offsets[i]..offsets[i + 1]]` belong to observation `i`.
    pub offsets: Vec<usize>,
    /// Exact total usage of the observations.
    pub total_usage: Decimal,
}

impl Observations {
    pub fn len(&self) -> usize {
        self.usage_per_day.len()
    }

    /// Temperatures of observation `i` (empty when out of range).
    pub fn temperatures_of(&self, i: usize) -> &[f64] {
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => self.temperatures.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// What [`prepare`] learnt about the data besides the observations.
#[derive(Debug, Clone, Default)]
pub(crate) struct Coverage {
    /// Days from the first to the last day of the data, both included.
    pub span_days: i64,
    /// Days with both a usage and a temperature.
    pub valid_days: i64,
    /// Indices (in the input) of negative usage values.
    pub negative: Vec<usize>,
    /// Day numbers of the valid days (usage and temperature), sorted.
    pub valid: Vec<i32>,
    /// First and last day number of all the data (inside the window or
    /// not), for a window taken from the data.
    pub first_last: Option<(i32, i32)>,
    /// Days of data left out because they are not inside the window (for
    /// a bill: all its days, when it is not wholly inside).
    pub outside_window: i64,
}

#[cold]
fn bad_temperature(t: f64, index: usize) -> Error {
    Error::InvalidValue {
        what: noun!("temperature"),
        got: t.to_string(),
        why: msg!("a temperature must be a finite number of °C"),
        at: Location::NONE.with_index(index),
    }
}

#[inline]
fn check_temperature(t: f64, index: usize) -> Result<()> {
    if t.is_finite() {
        Ok(())
    } else {
        Err(bad_temperature(t, index))
    }
}

/// `value` as the nearest `f64` (correctly rounded). Fast path: a mantissa below 2⁵³ and a
/// scale up to 22 are both exact in `f64`, so one division rounds correctly.
#[inline]
pub(crate) fn to_f64(value: Decimal, what: &'static str) -> Result<f64> {
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let mantissa = value.mantissa();
    if let Ok(a) = u64::try_from(mantissa.unsigned_abs()) {
        if a < (1u64 << 53) {
            if let Some(p) = usize::try_from(value.scale())
                .ok()
                .and_then(|s| POW10.get(s))
            {
                // Exact: both halves are exact and their sum is below 2⁵³
                // (and it spares a 128-bit integer-to-float call).
                #[allow(clippy::cast_possible_truncation)]
                let m = f64::from((a >> 32) as u32) * 4_294_967_296.0 + f64::from(a as u32);
                return Ok(if mantissa < 0 { -m } else { m } / p);
            }
        }
    }
    // Rare (more than 15 significant digits): Rust's float parser rounds
    // correctly, which `Decimal::to_f64` does not always do.
    value
        .to_string()
        .parse::<f64>()
        .map_err(|_| Error::overflow(what))
}

/// Whether the exact total usage is needed (savings) or not (fitting).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Total {
    Needed,
    NotNeeded,
}

/// Adds `value`, the usage of input item `index`, to `total`: an overflow
/// names the day or bill whose usage made the total overflow.
#[inline]
fn add_total(total: &mut Decimal, value: Decimal, need: Total, index: usize) -> Result<()> {
    if need == Total::Needed {
        *total = total.checked_add(value).ok_or_else(|| {
            Error::overflow(noun!("total usage")).within(&Location::NONE.with_index(index))
        })?;
    }
    Ok(())
}

/// `to_f64` of the usage of input item `index`, located.
#[inline]
fn usage_f64(value: Decimal, index: usize) -> Result<f64> {
    to_f64(value, noun!("usage")).map_err(|e| e.within(&Location::NONE.with_index(index)))
}

/// Turns the input into observations in date order.
///
/// Negative usage values are not an error: they are counted in
/// [`Coverage::negative`] and the caller refuses to fit (a named
/// sufficiency failure).
///
/// With a `window` (day numbers, half-open), only the days (or the bills
/// wholly) inside it are kept; the others are counted in
/// [`Coverage::outside_window`].
pub(crate) fn prepare(
    data: &UsageData,
    total: Total,
    window: Option<(i32, i32)>,
) -> Result<(Interval, Observations, Coverage)> {
    match data {
        UsageData::Daily { days } => {
            prepare_daily(days, total, window).map(|(o, c)| (Interval::Daily, o, c))
        }
        UsageData::Billing {
            periods,
            temperatures,
        } => prepare_billing(periods, temperatures, total, window)
            .map(|(o, c)| (Interval::Billing, o, c)),
    }
}

fn prepare_daily(
    days: &[DailyUsage],
    total: Total,
    window: Option<(i32, i32)>,
) -> Result<(Observations, Coverage)> {
    // Exports are usually in date order already: then no sort is needed.
    let in_order = days.windows(2).all(|w| match w {
        [a, b] => a.date < b.date,
        _ => true,
    });
    let order: Vec<usize> = if in_order {
        Vec::new()
    } else {
        let mut order: Vec<usize> = (0..days.len()).collect();
        order.sort_by_key(|&i| days.get(i).map(|d| d.date));
        order
    };
    let n = days.len();
    let mut obs = Observations {
        usage_per_day: Vec::with_capacity(n),
        temperatures: Vec::with_capacity(n),
        total_usage: Decimal::ZERO,
        ..Observations::default()
    };
    let mut cov = Coverage {
        valid: Vec::with_capacity(n),
        ..Coverage::default()
    };
    let mut previous: Option<Date> = None;
    for k in 0..n {
        let i = if in_order {
            k
        } else {
            order.get(k).copied().unwrap_or(k)
        };
        let Some(day) = days.get(i) else { continue };
        check_temperature(day.temperature_c, i)?;
        if !in_order {
            if previous == Some(day.date) {
                return Err(Error::Duplicate {
                    what: noun!("day"),
                    id: day.date.to_string(),
                    at: Location::NONE.with_index(i),
                });
            }
            previous = Some(day.date);
        }
        let d = day_number(day.date);
        if window.is_some_and(|(a, b)| d < a || d >= b) {
            cov.outside_window += 1;
            continue;
        }
        let usage = day.usage.value();
        if usage.is_sign_negative() && !usage.is_zero() {
            cov.negative.push(i);
        }
        obs.usage_per_day.push(usage_f64(usage, i)?);
        obs.temperatures.push(day.temperature_c);
        cov.valid.push(d);
    }
    let kept = obs.usage_per_day.len();
    obs.days = vec![1.0; kept];
    obs.weight = vec![1.0; kept];
    obs.offsets = (0..=kept).collect();
    if total == Total::Needed {
        for (i, day) in days.iter().enumerate() {
            if window.is_some_and(|(a, b)| {
                let d = day_number(day.date);
                d < a || d >= b
            }) {
                continue;
            }
            add_total(&mut obs.total_usage, day.usage.value(), total, i)?;
        }
    }
    cov.negative.sort_unstable();
    let (first, last) = if in_order {
        (days.first().map(|d| d.date), days.last().map(|d| d.date))
    } else {
        (
            days.iter().map(|d| d.date).min(),
            days.iter().map(|d| d.date).max(),
        )
    };
    if let (Some(first), Some(last)) = (first, last) {
        cov.span_days = i64::from(day_number(last) - day_number(first)) + 1;
        cov.first_last = Some((day_number(first), day_number(last)));
    }
    cov.valid_days = i64::try_from(obs.len()).unwrap_or(i64::MAX);
    Ok((obs, cov))
}

fn prepare_billing(
    periods: &[BillingPeriod],
    temperatures: &[DailyTemperature],
    total: Total,
    window: Option<(i32, i32)>,
) -> Result<(Observations, Coverage)> {
    let mut by_day: BTreeMap<i32, f64> = BTreeMap::new();
    for (i, t) in temperatures.iter().enumerate() {
        check_temperature(t.temperature_c, i)?;
        if by_day.insert(day_number(t.date), t.temperature_c).is_some() {
            return Err(Error::Duplicate {
                what: noun!("temperature day"),
                id: t.date.to_string(),
                at: Location::NONE.with_index(i),
            });
        }
    }
    let mut order: Vec<usize> = (0..periods.len()).collect();
    order.sort_by_key(|&i| periods.get(i).map(|p| p.period.start_day()));
    let mut obs = Observations {
        offsets: vec![0],
        ..Observations::default()
    };
    let mut cov = Coverage::default();
    let mut previous_end: Option<i32> = None;
    for &i in &order {
        let Some(bill) = periods.get(i) else { continue };
        let (start, end) = (bill.period.start_day(), bill.period.end_day());
        if previous_end.is_some_and(|e| start < e) {
            return Err(Error::InvalidValue {
                what: noun!("billing period"),
                got: format!("{} to {}", bill.period.first(), bill.period.last()),
                why: msg!("billing periods must not overlap"),
                at: Location::NONE.with_index(i),
            });
        }
        previous_end = Some(end);
        if window.is_some_and(|(a, b)| start < a || end > b) {
            cov.outside_window += i64::from(end - start);
            continue;
        }
        if bill.usage.value().is_sign_negative() && !bill.usage.value().is_zero() {
            cov.negative.push(i);
        }
        let before = obs.temperatures.len();
        obs.temperatures
            .extend(by_day.range(start..end).map(|(_, &t)| t));
        let with_temperature = obs.temperatures.len() - before;
        if with_temperature == 0 {
            // No temperature at all: the period cannot be an observation.
            continue;
        }
        cov.valid.extend(by_day.range(start..end).map(|(&d, _)| d));
        let days = f64::from(bill.period.days());
        add_total(&mut obs.total_usage, bill.usage.value(), total, i)?;
        obs.usage_per_day
            .push(usage_f64(bill.usage.value(), i)? / days);
        obs.days.push(days);
        #[allow(clippy::cast_precision_loss)]
        obs.weight.push(with_temperature as f64);
        obs.offsets.push(obs.temperatures.len());
        cov.valid_days += i64::try_from(with_temperature).unwrap_or(i64::MAX);
    }
    cov.negative.sort_unstable();
    let first = order.first().and_then(|&i| periods.get(i));
    let last = order.last().and_then(|&i| periods.get(i));
    if let (Some(first), Some(last)) = (first, last) {
        // `end_day` is the day after the period (half-open).
        cov.span_days = i64::from(last.period.end_day() - first.period.start_day());
        cov.first_last = Some((first.period.start_day(), last.period.end_day() - 1));
    }
    Ok((obs, cov))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::date;
    use rust_decimal::dec;

    #[test]
    fn fahrenheit_conversion() {
        assert!((fahrenheit_to_celsius(212.0) - 100.0).abs() < 1e-12);
        assert!((fahrenheit_to_celsius(32.0)).abs() < 1e-12);
        assert!((fahrenheit_to_celsius(-40.0) + 40.0).abs() < 1e-12);
    }

    #[test]
    fn daily_is_sorted_and_duplicates_refused() {
        let d = |day, u: Decimal, t| DailyUsage {
            date: date(2025, 1, day),
            usage: Kwh::new(u),
            temperature_c: t,
        };
        let data = UsageData::Daily {
            days: vec![d(3, dec!(3), 3.0), d(1, dec!(1), 1.0)],
        };
        let (_, obs, cov) = prepare(&data, Total::Needed, None).unwrap();
        assert_eq!(obs.usage_per_day, vec![1.0, 3.0]);
        assert_eq!(cov.span_days, 3);
        assert_eq!(cov.valid_days, 2);
        let dup = UsageData::Daily {
            days: vec![d(1, dec!(1), 1.0), d(1, dec!(2), 1.0)],
        };
        assert_eq!(
            prepare(&dup, Total::Needed, None).unwrap_err().code(),
            "duplicate"
        );
        let nan = UsageData::Daily {
            days: vec![d(1, dec!(1), f64::NAN)],
        };
        assert_eq!(
            prepare(&nan, Total::Needed, None).unwrap_err().code(),
            "invalid_value"
        );
        let neg = UsageData::Daily {
            days: vec![d(1, dec!(-1), 1.0), d(2, dec!(1), 1.0)],
        };
        assert_eq!(
            prepare(&neg, Total::Needed, None).unwrap().2.negative,
            vec![0]
        );
    }

    #[test]
    fn billing_is_usage_per_day_weighted_by_days_with_temperature() {
        let p = |a, b, u| BillingPeriod {
            period: Period::new(date(2025, 1, a), date(2025, 1, b)).unwrap(),
            usage: Kwh::new(u),
        };
        let temps: Vec<DailyTemperature> = (1..=9)
            .filter(|&d| d != 2)
            .map(|d| DailyTemperature {
                date: date(2025, 1, d),
                temperature_c: f64::from(d),
            })
            .collect();
        let data = UsageData::Billing {
            periods: vec![p(5, 9, dec!(50)), p(1, 4, dec!(40))],
            temperatures: temps,
        };
        let (interval, obs, cov) = prepare(&data, Total::Needed, None).unwrap();
        assert_eq!(interval, Interval::Billing);
        assert_eq!(obs.usage_per_day, vec![10.0, 10.0]);
        assert_eq!(obs.days, vec![4.0, 5.0]);
        assert_eq!(obs.weight, vec![3.0, 5.0]);
        assert_eq!(obs.temperatures_of(0), &[1.0, 3.0, 4.0]);
        assert_eq!(cov.span_days, 9);
        assert_eq!(cov.valid_days, 8);
        let overlap = UsageData::Billing {
            periods: vec![p(1, 5, dec!(1)), p(5, 9, dec!(1))],
            temperatures: vec![],
        };
        assert_eq!(
            prepare(&overlap, Total::Needed, None).unwrap_err().code(),
            "invalid_value"
        );
    }
}
