//! One station's days as [`Temperatures`], and the filling of days without
//! a valid Tn and Tx.
//!
//! Rules, in this order, for each day of the period without a valid value:
//! 1. [`Fill::station`]: the same day of that other station of the file,
//!    when valid there;
//! 2. [`Fill::interpolate_max_days`]: for a run of at most that many
//!    consecutive days still without a value, linear interpolation between
//!    the valid (or station-filled) days just before and just after the
//!    run — which may lie outside the period. Tn and Tx are interpolated
//!    separately, exactly in decimals, then rounded to 0.1 °C (midpoint
//!    away from zero), the precision of Météo-France's values, so a filled
//!    day looks like a measured one. Rounding is monotonic, so a filled day
//!    keeps Tn ≤ Tx when both ends have it;
//! 3. otherwise the day stays missing, and [`Error::InsufficientData`]
//!    lists every such day: nothing is filled silently.

use rust_decimal::{Decimal, RoundingStrategy};

use super::{Day, DayStatus, Fill, FillMethod, FilledDay, StationTemperatures, WeatherFile};
use crate::date::{date_of, day_number};
use crate::error::{Error, Location, Result};
use crate::period::Period;
use crate::weather::{DailyTemperature, Temperatures};

/// How many days an error lists before saying how many more there are.
const LISTED: usize = 5;

/// The valid (Tn, Tx) of a day in a station's days, sorted by day.
fn valid(days: &[Day], day: i32) -> Option<(Decimal, Decimal)> {
    let i = days.binary_search_by_key(&day, |d| d.day).ok()?;
    days.get(i)
        .filter(|d| d.status == DayStatus::Valid)
        .map(|d| (d.tn, d.tx))
}

/// Why a day is not valid.
fn reason(days: &[Day], day: i32) -> &'static str {
    match days.binary_search_by_key(&day, |d| d.day) {
        Ok(i) => days.get(i).map_or("no row", |d| d.status.reason()),
        Err(_) => "no row",
    }
}

pub(super) fn temperatures(
    file: &WeatherFile,
    station: &str,
    period: Option<Period>,
    fill: &Fill,
) -> Result<StationTemperatures> {
    let at = Location::in_file(file.name());
    let s = file.index_of(station)?;
    let own = file.days.get(s).map(Vec::as_slice).unwrap_or_default();
    let info = file
        .stations
        .get(s)
        .cloned()
        .ok_or_else(|| Error::UnknownReference {
            what: "station",
            id: station.to_owned(),
            at: at.clone(),
        })?;
    let helper = match &fill.station {
        Some(other) => {
            let i = file.index_of(other)?;
            let number = file
                .stations
                .get(i)
                .map(|x| x.number.clone())
                .unwrap_or_default();
            Some((
                file.days.get(i).map(Vec::as_slice).unwrap_or_default(),
                number,
            ))
        }
        None => None,
    };
    if own.is_empty() {
        return Err(Error::InsufficientData {
            why: format!("station `{}` ({}) has no day", info.number, info.name),
            at,
        });
    }
    let period = match period {
        Some(p) => p,
        None => Period::new(info.first, info.last)?,
    };
    let (start, end) = (day_number(period.first()), day_number(period.last()));
    // Own value, else the fill station's.
    let known = |d: i32| -> Option<((Decimal, Decimal), Option<&str>)> {
        valid(own, d).map(|v| (v, None)).or_else(|| {
            let (days, number) = helper.as_ref()?;
            valid(days, d).map(|v| (v, Some(number.as_str())))
        })
    };
    let mut values: Vec<Option<(Decimal, Decimal)>> = Vec::new();
    let mut filled = Vec::new();
    for d in start..=end {
        let k = known(d);
        if let Some((v, Some(number))) = k {
            filled.push(FilledDay {
                date: date_of(d)?,
                tn: v.0,
                tx: v.1,
                how: FillMethod::Station {
                    number: number.to_owned(),
                },
            });
        }
        values.push(k.map(|(v, _)| v));
    }
    // Runs of days still without a value, interpolated when short enough.
    let max = i64::from(fill.interpolate_max_days);
    let mut i = 0usize;
    while i < values.len() {
        if values.get(i).is_some_and(Option::is_some) {
            i += 1;
            continue;
        }
        let run_start = i;
        while values.get(i).is_some_and(Option::is_none) {
            i += 1;
        }
        let run = i - run_start;
        let first_day = start + i32::try_from(run_start).unwrap_or(i32::MAX);
        let last_day = first_day + i32::try_from(run).unwrap_or(i32::MAX) - 1;
        if i64::try_from(run).unwrap_or(i64::MAX) > max {
            continue;
        }
        let before = known(first_day - 1).map(|(v, _)| v);
        let after = known(last_day + 1).map(|(v, _)| v);
        let (Some(a), Some(b)) = (before, after) else {
            continue;
        };
        let steps = Decimal::from(run + 1);
        for k in 1..=run {
            let day = first_day + i32::try_from(k).unwrap_or(i32::MAX) - 1;
            let tn = interpolate(a.0, b.0, Decimal::from(k), steps)?;
            let tx = interpolate(a.1, b.1, Decimal::from(k), steps)?;
            if let Some(slot) = values.get_mut(run_start + k - 1) {
                *slot = Some((tn, tx));
            }
            filled.push(FilledDay {
                date: date_of(day)?,
                tn,
                tx,
                how: FillMethod::Interpolated,
            });
        }
    }
    filled.sort_by_key(|f| f.date);
    let missing: Vec<i32> = values
        .iter()
        .zip(start..=end)
        .filter(|(v, _)| v.is_none())
        .map(|(_, d)| d)
        .collect();
    if !missing.is_empty() {
        let mut list = Vec::new();
        for &d in missing.iter().take(LISTED) {
            list.push(format!("{} ({})", date_of(d)?, reason(own, d)));
        }
        let more = missing.len().saturating_sub(LISTED);
        let tail = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        return Err(Error::InsufficientData {
            why: format!(
                "station `{}` ({}) has {} day(s) without a valid Tn and Tx from {} to {}: {}{tail}; \
                 choose another station or period, or fill them (another station, interpolation)",
                info.number,
                info.name,
                missing.len(),
                period.first(),
                period.last(),
                list.join(", "),
            ),
            at,
        });
    }
    let mut days = Vec::with_capacity(values.len());
    for (v, d) in values.iter().zip(start..=end) {
        if let Some((tn, tx)) = *v {
            days.push(DailyTemperature {
                date: date_of(d)?,
                tn,
                tx,
            });
        }
    }
    let temperatures = Temperatures::new(&days).map_err(|e| e.within(&at))?;
    Ok(StationTemperatures {
        station: info,
        temperatures,
        filled,
    })
}

/// `a + (b − a)·k/n`, rounded to 0.1 (midpoint away from zero).
fn interpolate(a: Decimal, b: Decimal, k: Decimal, n: Decimal) -> Result<Decimal> {
    let what = "an interpolated temperature";
    let step = crate::quantity::mul(crate::quantity::sub(b, a, what)?, k, what)?;
    let v = crate::quantity::add(a, crate::quantity::div(step, n, what)?, what)?;
    Ok(v.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero))
}
