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

use super::{
    Day, DayStatus, Fill, FillMethod, FilledDay, Station, StationTemperatures, WeatherFile,
};
use crate::date::{date_of, day_number};
use crate::error::{Error, Location, Result};
use crate::message::{Arg, Message};
use crate::period::Period;
use crate::weather::{DailyTemperature, Temperatures};
use crate::{msg, noun};

/// How many days an error lists before saying how many more there are.
const LISTED: usize = 5;

/// The valid (Tn, Tx) of a day in a station's days, sorted by day.
fn valid(days: &[Day], day: i32) -> Option<(Decimal, Decimal)> {
    let i = days.binary_search_by_key(&day, |d| d.number).ok()?;
    days.get(i)
        .filter(|d| d.status == DayStatus::Valid)
        .map(|d| (d.tn, d.tx))
}

/// Why a day is not valid.
fn reason(days: &[Day], day: i32) -> &'static str {
    match days.binary_search_by_key(&day, |d| d.number) {
        Ok(i) => days.get(i).map_or(noun!("no row"), |d| d.status.reason()),
        Err(_) => noun!("no row"),
    }
}

/// A day's (Tn, Tx), or none yet.
type Values = Vec<Option<(Decimal, Decimal)>>;

pub(super) fn temperatures(
    weather: &WeatherFile,
    station: &str,
    period: Option<Period>,
    fill: &Fill,
) -> Result<StationTemperatures> {
    let at = Location::in_file(weather.name());
    let s = weather.index_of(station)?;
    let own = weather.days.get(s).map(Vec::as_slice).unwrap_or_default();
    let info = weather
        .stations
        .get(s)
        .cloned()
        .ok_or_else(|| Error::UnknownReference {
            what: noun!("station"),
            id: station.to_owned(),
            at: at.clone(),
        })?;
    let helper = match &fill.station {
        Some(other) => {
            let i = weather.index_of(other)?;
            let number = weather
                .stations
                .get(i)
                .map(|x| x.number.clone())
                .unwrap_or_default();
            Some((
                weather.days.get(i).map(Vec::as_slice).unwrap_or_default(),
                number,
            ))
        }
        None => None,
    };
    if own.is_empty() {
        return Err(Error::InsufficientData {
            why: msg!(
                "station `{number}` ({name}) has no day",
                number = info.number.as_str(),
                name = info.name.as_str()
            ),
            at,
        });
    }
    let period = match period {
        Some(p) => p,
        None => Period::new(info.first, info.last)?,
    };
    let start = day_number(period.first());
    // Own value, else the fill station's (with its number).
    let known = |d: i32| -> Option<((Decimal, Decimal), Option<&str>)> {
        valid(own, d).map(|v| (v, None)).or_else(|| {
            let (days, number) = helper.as_ref()?;
            valid(days, d).map(|v| (v, Some(number.as_str())))
        })
    };
    let mut values: Values = Vec::new();
    let mut filled = Vec::new();
    for d in start..=day_number(period.last()) {
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
    let neighbour = |d: i32| known(d).map(|(v, _)| v);
    interpolate_runs(
        &mut values,
        &mut filled,
        start,
        fill.interpolate_max_days,
        neighbour,
    )?;
    filled.sort_by_key(|f| f.date);
    let mut days = Vec::with_capacity(values.len());
    let mut missing = Vec::new();
    for (v, d) in values.iter().zip(start..) {
        match *v {
            Some((tn, tx)) => days.push(DailyTemperature {
                date: date_of(d)?,
                tn,
                tx,
            }),
            None => missing.push(d),
        }
    }
    if !missing.is_empty() {
        return Err(missing_days(&info, own, period, &missing).within(&at));
    }
    let temperatures = Temperatures::new(&days).map_err(|e| e.within(&at))?;
    Ok(StationTemperatures {
        station: info,
        temperatures,
        filled,
    })
}

/// Fills runs of at most `max` days still without a value, between the
/// known days just before and after them.
fn interpolate_runs(
    values: &mut Values,
    filled: &mut Vec<FilledDay>,
    start: i32,
    max: u32,
    neighbour: impl Fn(i32) -> Option<(Decimal, Decimal)>,
) -> Result<()> {
    let max = usize::try_from(max).unwrap_or(usize::MAX);
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
        let after_day = first_day + i32::try_from(run).unwrap_or(i32::MAX);
        let (Some(a), Some(b)) = (neighbour(first_day - 1), neighbour(after_day)) else {
            continue;
        };
        if run > max {
            continue;
        }
        let steps = Decimal::from(run + 1);
        for k in 1..=run {
            let tn = interpolate(a.0, b.0, Decimal::from(k), steps)?;
            let tx = interpolate(a.1, b.1, Decimal::from(k), steps)?;
            if let Some(slot) = values.get_mut(run_start + k - 1) {
                *slot = Some((tn, tx));
            }
            filled.push(FilledDay {
                date: date_of(first_day + i32::try_from(k).unwrap_or(i32::MAX) - 1)?,
                tn,
                tx,
                how: FillMethod::Interpolated,
            });
        }
    }
    Ok(())
}

/// The error listing the days left without a value.
fn missing_days(info: &Station, own: &[Day], period: Period, missing: &[i32]) -> Error {
    let mut list = Vec::new();
    for &d in missing.iter().take(LISTED) {
        let day = date_of(d).map_or_else(|_| Arg::from(d), Arg::from);
        list.push(msg!(
            "{day} ({reason})",
            day = day,
            reason = Arg::noun(reason(own, d))
        ));
    }
    let more = missing.len().saturating_sub(LISTED);
    let tail = if more > 0 {
        msg!(" and {more} more", more = more)
    } else {
        Message::new("")
    };
    Error::InsufficientData {
        why: msg!(
            "station `{number}` ({name}) has {count} day(s) without a valid Tn and Tx from \
             {first} to {last}: {days}{tail}; choose another station or period, or fill them \
             (another station, interpolation)",
            number = info.number.as_str(),
            name = info.name.as_str(),
            count = missing.len(),
            first = period.first(),
            last = period.last(),
            days = Arg::List(list),
            tail = tail
        ),
        at: Location::NONE,
    }
}

/// `a + (b − a)·k/n`, rounded to 0.1 (midpoint away from zero).
fn interpolate(from: Decimal, to: Decimal, step: Decimal, steps: Decimal) -> Result<Decimal> {
    use crate::quantity::{add, div, mul, sub};
    let what = noun!("an interpolated temperature");
    let part = div(mul(sub(to, from, what)?, step, what)?, steps, what)?;
    let value = add(from, part, what)?;
    Ok(value.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero))
}
