//! Provisional results while the challenge runs: the results "as of" a day
//! of the challenge period, computed as those of the same challenge whose
//! period ends that day and whose measurements stop that day.
//!
//! [`truncate`] turns a [`ChallengeData`] into that challenge; the report
//! of it ([`crate::report::compute_as_of`]) is marked provisional
//! ([`Provisional`], and every headline starts with « Résultats provisoires
//! au 15 février 2026 : »).
//!
//! ## What is truncated
//! - The challenge period ends on the as-of day (both included, as every
//!   [`Period`]); so do the themes' own challenge periods when they have
//!   some: water's and mobility's `challenge_period`, waste's
//!   `challenge_periods` (those that have not started are dropped), food's
//!   surveys (those that have not started are dropped; the one running is
//!   cut). The reference periods do not change.
//! - The measurements that tell about days after the as-of day are
//!   removed, as if computed on the evening of that day: index readings,
//!   meter events and stock estimates dated after the day after the as-of
//!   day (a reading dated `D` is the index at the *start* of `D`, so the
//!   reading of the next morning closes the as-of day, see
//!   [`crate::period`]); bills whose period ends after the as-of day;
//!   deliveries, weighings, food purchases and trips dated after it.
//!   Occupants, temperatures and options stay as they are (they only
//!   count over the periods).
//!
//! ## The reference over the elapsed days
//! Nothing else is needed for the energy reference: it is already brought
//! to the challenge period's number of days and to its degree-days
//! ([`crate::energy::reference`]: the reference quantity and degree-days
//! are multiplied by `days_C / days_R`, then corrected from the
//! reference's degree-days to the challenge's). With the challenge period
//! ending on the as-of day, `days_C` is the number of elapsed days and
//! `DJ_C` the degree-days of those days: the reference brought to the same
//! elapsed days and their climate. The per-person themes (water, waste,
//! mobility) divide by persons × days of presence over each period
//! ([`crate::rate`]), so a shorter challenge period is compared rate for
//! rate with the reference.
//!
//! ## Households without data yet
//! A household whose measurements stop before the as-of day is excluded
//! by its theme with the usual reason (e.g. `period_not_covered`, "the
//! measurements end 12 days before it does"): every household still
//! appears, with its result or its reason.

use crate::challenge::{Challenge, Theme};
use crate::data::ChallengeData;
use crate::date::Date;
use crate::error::{Error, Result};
use crate::household::Household;
use crate::period::Period;
use crate::{msg, noun};

/// The day provisional results are computed at.
///
/// As JSON and in the bindings: an ISO 8601 date (`"2026-02-15"`) or
/// `"last_data"`.
///
/// ```
/// use ecodefi::provisional::AsOf;
/// use ecodefi::date::date;
/// assert_eq!("2026-02-15".parse::<AsOf>()?, AsOf::Day(date(2026, 2, 15)));
/// assert_eq!("last_data".parse::<AsOf>()?, AsOf::LastData);
/// assert_eq!(AsOf::LastData.to_string(), "last_data");
/// # Ok::<(), ecodefi::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AsOf {
    /// This day (included) of the challenge period.
    Day(Date),
    /// The last day covered by every household that has measurements in
    /// the challenge period ([`last_data_day`]).
    LastData,
}

/// The name of [`AsOf::LastData`] in JSON and in the bindings.
pub const LAST_DATA: &str = "last_data";

impl std::fmt::Display for AsOf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AsOf::Day(d) => d.fmt(f),
            AsOf::LastData => f.write_str(LAST_DATA),
        }
    }
}

impl std::str::FromStr for AsOf {
    type Err = Error;

    fn from_str(text: &str) -> Result<AsOf> {
        if text == LAST_DATA {
            return Ok(AsOf::LastData);
        }
        text.parse::<Date>().map(AsOf::Day).map_err(|_| {
            Error::invalid(
                noun!("as-of day"),
                crate::error::quoted(text),
                msg!("an as-of day is a date written YYYY-MM-DD, or last_data"),
            )
        })
    }
}

impl serde::Serialize for AsOf {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for AsOf {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<AsOf, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// What makes a report provisional: the day it is computed at and how much
/// of the challenge period has elapsed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provisional {
    /// The last day counted (included).
    pub as_of: Date,
    /// Whether `as_of` was chosen as the last day of data
    /// ([`AsOf::LastData`]) rather than given.
    pub last_data: bool,
    /// Days of the challenge period up to `as_of` (both included).
    pub elapsed_days: u32,
    /// Days of the whole challenge period.
    pub total_days: u32,
    /// The whole challenge period (the report's `challenge` has the
    /// elapsed part).
    pub challenge_period: Period,
}

impl Provisional {
    /// The mark at the start of every headline of a provisional report, in
    /// French: `Résultats provisoires au 15 février 2026 : ` (no-break
    /// space before the colon).
    pub fn mark(&self) -> String {
        msg!("Provisional results as of {day}: ", day = self.as_of).render(crate::message::Lang::Fr)
    }
}

/// The last day of `data`'s challenge period covered by every household
/// that has measurements in it, theme by theme.
///
/// For each household and each theme of the challenge, the last day its
/// measurements of that theme cover is the latest of: the day before each
/// index reading, meter event date or stock estimate (they are taken at the
/// start of their day), the last day of each bill, and the day of each
/// delivery, weighing, food purchase or trip. A household that covers no
/// day of the challenge period in a theme (no data yet, or none at all) is
/// not counted for that theme: it will be excluded with its reason. The
/// result is the earliest of those days, and at most the last day of the
/// challenge period.
///
/// # Errors
/// [`Error::InvalidValue`] when no household has measurements in the
/// challenge period.
pub fn last_data_day(data: &ChallengeData) -> Result<Date> {
    let period = data.challenge.challenge_period;
    let mut earliest: Option<Date> = None;
    for h in &data.households {
        for theme in &data.challenge.themes {
            if let Some(last) = last_covered(h, *theme) {
                if last >= period.first() {
                    earliest = Some(earliest.map_or(last, |e| e.min(last)));
                }
            }
        }
    }
    earliest.map(|d| d.min(period.last())).ok_or_else(|| {
        Error::invalid(
            noun!("as-of day"),
            LAST_DATA,
            msg!(
                "no household has measurements in the challenge period {period}",
                period = period
            ),
        )
        .at_path("challenge.challenge_period")
    })
}

/// The last day covered by any household in any theme of the challenge:
/// when it is before the end of the challenge period, the challenge is
/// still running (the page then shows provisional results by default).
pub fn latest_data_day(data: &ChallengeData) -> Option<Date> {
    data.households
        .iter()
        .flat_map(|h| data.challenge.themes.iter().map(move |t| (h, *t)))
        .filter_map(|(h, t)| last_covered(h, t))
        .max()
}

/// The as-of day to show by default: the last day of data
/// ([`last_data_day`]) while the challenge is still running, i.e. while no
/// household's data reach the last day of the challenge period
/// ([`latest_data_day`]); `None` (final results) once some do, or when no
/// household has data in the challenge period yet. The page's date picker
/// starts on it.
pub fn default_as_of(data: &ChallengeData) -> Option<Date> {
    let period = data.challenge.challenge_period;
    match latest_data_day(data) {
        Some(latest) if latest < period.last() => last_data_day(data).ok(),
        _ => None,
    }
}

/// The day before `d` (the day a start-of-day measurement closes).
fn before(d: Date) -> Option<Date> {
    d.add_days(-1).ok()
}

/// The last day `h`'s measurements of `theme` cover, if it has any.
fn last_covered(h: &Household, theme: Theme) -> Option<Date> {
    let mut days: Vec<Date> = Vec::new();
    match theme {
        Theme::Energy => {
            for m in &h.meters {
                days.extend(m.readings.iter().filter_map(|r| before(r.date)));
                days.extend(m.stock.iter().filter_map(|s| before(s.date)));
                days.extend(m.bills.iter().map(|b| b.period.last()));
                days.extend(m.deliveries.iter().map(|d| d.date));
            }
        }
        Theme::Water => {
            for m in &h.water_meters {
                days.extend(m.readings.iter().filter_map(|r| before(r.date)));
                days.extend(m.bills.iter().map(|b| b.period.last()));
            }
        }
        Theme::Waste => days.extend(h.weighings.iter().map(|w| w.date)),
        Theme::Food => days.extend(h.food_purchases.iter().map(|p| p.date)),
        Theme::Mobility => days.extend(h.trips.iter().map(|t| t.date)),
    }
    days.into_iter().max()
}

/// The day `as_of` names for `data`, checked to be in the challenge
/// period.
///
/// # Errors
/// [`Error::InvalidValue`] naming the day when it is before the challenge
/// period starts or after it ends, or any error of [`last_data_day`].
pub fn resolve(data: &ChallengeData, as_of: AsOf) -> Result<Date> {
    let period = data.challenge.challenge_period;
    let day = match as_of {
        AsOf::Day(d) => d,
        AsOf::LastData => last_data_day(data)?,
    };
    let why = if day < period.first() {
        msg!(
            "the as-of day is before the challenge period, which starts on {first}",
            first = period.first()
        )
    } else if day > period.last() {
        msg!(
            "the as-of day is after the challenge period, which ends on {last}",
            last = period.last()
        )
    } else {
        return Ok(day);
    };
    Err(Error::invalid(noun!("as-of day"), day, why).at_path("challenge.challenge_period"))
}

/// `data`'s challenge as it stands on the evening of `day`: its challenge
/// periods end on `day` and the measurements of later days are removed
/// (see the [module's documentation](self) for each kind).
///
/// # Errors
/// [`Error::InvalidValue`] when `day` is outside the challenge period, when
/// a theme's own challenge period starts after it, or when fewer than two
/// food surveys have started by then.
pub fn truncate(data: &ChallengeData, day: Date) -> Result<ChallengeData> {
    resolve(data, AsOf::Day(day))?;
    let mut out = data.clone();
    let c: &mut Challenge = &mut out.challenge;
    c.challenge_period = until(c.challenge_period, day).ok_or_else(|| starts_after(day))?;
    let o = &mut out.options;
    if let Some(p) = o.water.challenge_period {
        let cut = until(p, day).ok_or_else(|| starts_after(day));
        o.water.challenge_period = Some(cut.map_err(|e| e.at_path("options.water"))?);
    }
    if let Some(p) = o.mobility.challenge_period {
        let cut = until(p, day).ok_or_else(|| starts_after(day));
        o.mobility.challenge_period = Some(cut.map_err(|e| e.at_path("options.mobility"))?);
    }
    if !o.waste.challenge_periods.is_empty() {
        let kept: Vec<Period> = o
            .waste
            .challenge_periods
            .iter()
            .filter_map(|p| until(*p, day))
            .collect();
        if kept.is_empty() {
            return Err(starts_after(day).at_path("options.waste"));
        }
        o.waste.challenge_periods = kept;
    }
    if !o.food.surveys.is_empty() {
        let mut kept = o.food.surveys.clone();
        kept.retain_mut(|s| match until(s.period, day) {
            Some(p) => {
                s.period = p;
                true
            }
            None => false,
        });
        if kept.len() < 2 {
            return Err(Error::invalid(
                noun!("as-of day"),
                day,
                msg!("fewer than two food surveys have started by the as-of day"),
            )
            .at_path("options.food"));
        }
        o.food.surveys = kept;
    }
    let next = day.add_days(1)?;
    for h in &mut out.households {
        for m in &mut h.meters {
            m.readings.retain(|r| r.date <= next);
            m.events.retain(|e| e.date() <= next);
            m.stock.retain(|s| s.date <= next);
            m.bills.retain(|b| b.period.last() <= day);
            m.deliveries.retain(|d| d.date <= day);
        }
        for m in &mut h.water_meters {
            m.readings.retain(|r| r.date <= next);
            m.events.retain(|e| e.date() <= next);
            m.bills.retain(|b| b.period.last() <= day);
        }
        h.weighings.retain(|w| w.date <= day);
        h.food_purchases.retain(|p| p.date <= day);
        h.trips.retain(|t| t.date <= day);
    }
    Ok(out)
}

/// The days of `p` up to `day` (included), if it has started by then.
fn until(p: Period, day: Date) -> Option<Period> {
    if p.first() > day {
        return None;
    }
    Period::new(p.first(), p.last().min(day)).ok()
}

fn starts_after(day: Date) -> Error {
    Error::invalid(
        noun!("as-of day"),
        day,
        msg!("the theme's challenge period starts after the as-of day"),
    )
}

/// What the report of `data` truncated at `day` is marked with.
pub(crate) fn provisional(data: &ChallengeData, day: Date, last_data: bool) -> Provisional {
    let period = data.challenge.challenge_period;
    let elapsed = day.day_number() - period.first().day_number() + 1;
    Provisional {
        as_of: day,
        last_data,
        elapsed_days: u32::try_from(elapsed).unwrap_or(0),
        total_days: u32::try_from(period.days()).unwrap_or(0),
        challenge_period: period,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::date;

    #[test]
    fn periods_end_on_the_day() {
        let p = Period::new(date(2025, 12, 1), date(2026, 4, 30)).unwrap();
        assert_eq!(
            until(p, date(2026, 2, 15)),
            Some(Period::new(date(2025, 12, 1), date(2026, 2, 15)).unwrap())
        );
        assert_eq!(until(p, date(2026, 5, 15)), Some(p));
        assert_eq!(until(p, date(2025, 11, 30)), None);
        assert_eq!(until(p, date(2025, 12, 1)).unwrap().days(), 1);
    }

    #[test]
    fn as_of_reads_and_writes() {
        assert_eq!(
            serde_json::to_string(&AsOf::Day(date(2026, 2, 15))).unwrap(),
            "\"2026-02-15\""
        );
        assert_eq!(
            serde_json::from_str::<AsOf>("\"last_data\"").unwrap(),
            AsOf::LastData
        );
        let e = "15/02/2026".parse::<AsOf>().unwrap_err();
        assert_eq!(e.code(), "invalid_value");
        assert_eq!(
            e.to_string(),
            "invalid as-of day (got \"15/02/2026\"): an as-of day is a date written YYYY-MM-DD, or last_data"
        );
    }
}
