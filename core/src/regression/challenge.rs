//! A regression baseline for a challenge meter: fitted on the meter's
//! reference-period measurements and the daily temperatures, it predicts
//! what the meter would have used over the challenge period (the
//! "counterfactual", CalTRACK 2.0 §3.5.1), in place of the reconstructed
//! winter (DOMAIN.md §2–3).
//!
//! Intervals of one day (daily readings: Linky, Gazpar) are fitted as daily
//! data; otherwise (bills, or readings a few days or weeks apart) as
//! billing periods. The daily mean temperature is `(Tn + Tx)/2`. The
//! baseline's window is the challenge's reference period (not CalTRACK's
//! 365 days: a challenge's reference is the previous winter), so readings
//! that start a few days into the reference, or stop a few days before its
//! end, count as missing days against CalTRACK's 90 % share instead of
//! making the baseline too short.

use rust_decimal::Decimal;

use crate::consumption::Interval;
use crate::date::date_of;
use crate::error::Result;
use crate::period::Period;
use crate::quantity::Kwh;
use crate::weather::Temperatures;

use super::data::to_f64;
use super::{
    fit, BillingPeriod, DailyTemperature, DailyUsage, FittedModel, RegressionOptions, UsageData,
};
use crate::noun;

/// The daily mean temperatures (°C) of `period`, or `None` when a day is
/// missing.
fn means(temperatures: &Temperatures, period: Period) -> Result<Option<Vec<f64>>> {
    let first = temperatures.first_day();
    let mut out = Vec::new();
    for day in period.start_day()..period.end_day() {
        let Some(&(tn, tx)) = usize::try_from(day - first)
            .ok()
            .and_then(|i| temperatures.values().get(i))
        else {
            return Ok(None);
        };
        out.push(f64::midpoint(
            to_f64(tn, noun!("temperature"))?,
            to_f64(tx, noun!("temperature"))?,
        ));
    }
    Ok(Some(out))
}

/// The model fitted on the intervals inside `reference`, when the data
/// allow a usable one (enough data, sufficiency checks passed).
///
/// # Errors
/// [`crate::Error`] only for input that cannot be read (overflow); data
/// that do not allow a model give `None`.
pub(crate) fn fit_reference(
    intervals: &[Interval],
    reference: Period,
    temperatures: &Temperatures,
    cooling: bool,
) -> Result<Option<FittedModel>> {
    let inside: Vec<&Interval> = intervals
        .iter()
        .filter(|i| i.start >= reference.start_day() && i.end <= reference.end_day())
        .collect();
    if inside.is_empty() {
        return Ok(None);
    }
    let daily = inside.iter().all(|i| i.end - i.start == 1);
    let data = if daily {
        let Some(temps) = means(temperatures, reference)? else {
            return Ok(None);
        };
        let mut days = Vec::with_capacity(inside.len());
        for i in &inside {
            let Some(&t) = usize::try_from(i.start - reference.start_day())
                .ok()
                .and_then(|k| temps.get(k))
            else {
                continue;
            };
            days.push(DailyUsage {
                date: date_of(i.start)?,
                usage: Kwh::new(i.quantity),
                temperature_c: t,
            });
        }
        UsageData::Daily { days }
    } else {
        let Some(temps) = means(temperatures, reference)? else {
            return Ok(None);
        };
        let mut periods = Vec::with_capacity(inside.len());
        for i in &inside {
            periods.push(BillingPeriod {
                period: Period::new(date_of(i.start)?, date_of(i.end - 1)?)?,
                usage: Kwh::new(i.quantity),
            });
        }
        let mut temperatures = Vec::with_capacity(temps.len());
        for (k, &t) in temps.iter().enumerate() {
            let day = reference.start_day() + i32::try_from(k).unwrap_or(i32::MAX);
            temperatures.push(DailyTemperature {
                date: date_of(day)?,
                temperature_c: t,
            });
        }
        UsageData::Billing {
            periods,
            temperatures,
        }
    };
    let options = RegressionOptions::default()
        .baseline_days(i64::from(reference.days()))
        .baseline_start(Some(reference.first()))
        .baseline_end(Some(reference.last()))
        .fit_cooling(cooling);
    let baseline = fit(&data, &options)?;
    Ok(if baseline.usable() {
        baseline.model
    } else {
        None
    })
}

/// What `model` predicts over `period`, in the meter's unit (rounded to
/// 6 decimals), or `None` when a day of the period has no temperature.
///
/// # Errors
/// [`crate::Error::Overflow`] when the prediction is not a finite number.
pub(crate) fn counterfactual(
    model: &FittedModel,
    period: Period,
    temperatures: &Temperatures,
) -> Result<Option<Decimal>> {
    let Some(temps) = means(temperatures, period)? else {
        return Ok(None);
    };
    let total: f64 = temps.iter().map(|&t| model.predict_total(t)).sum();
    Decimal::try_from(total)
        .map(|d| Some(d.round_dp(6)))
        .map_err(|_| crate::Error::overflow(noun!("regression counterfactual")))
}
