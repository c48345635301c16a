//! From a meter's measurements to its consumption over an exact period.
//!
//! Readings rarely fall on a period's first and last days. The measurements
//! are first turned into a [`Series`] of intervals (days `start .. end`, a
//! quantity consumed over them): consecutive readings, or bills. The
//! quantity over a period is then the sum, over the intervals it touches, of
//! each interval's share: the temperature-independent part `(1 − p)` shared
//! per day, the heating part `p` shared per degree-day (**\[design\]**,
//! DOMAIN.md §2). A period that starts before the first interval or ends
//! after the last may be extrapolated by a few days at the neighbouring
//! interval's rate, with a warning.
//!
//! Data problems (too few readings, an index that goes down…) give an
//! [`Exclusion`]; only arithmetic overflow is an [`Error`].

use rust_decimal::Decimal;

use crate::date::{date_of, day_number};
use crate::error::Error;
use crate::exclusion::{Exclusion, ExclusionCode, Warning, WarningCode};
use crate::meter::{Bill, Meter, MeterEvent, Reading};
use crate::period::Period;
use crate::quantity::{add, div, mul, sub};
use crate::weather::DegreeDays;
use crate::{msg, noun};

/// Why a quantity could not be computed: a data problem that excludes the
/// household, or an error that stops the computation.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The household is excluded for this reason.
    Excluded(Exclusion),
    /// The computation cannot go on.
    Error(Error),
}

impl From<Error> for Problem {
    fn from(e: Error) -> Self {
        Problem::Error(e)
    }
}

impl From<Exclusion> for Problem {
    fn from(e: Exclusion) -> Self {
        Problem::Excluded(e)
    }
}

/// A quantity consumed over the days `start .. end` (day numbers, see
/// [`crate::date::day_number`]), in the meter's unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    /// First day.
    pub start: i32,
    /// Day after the last day.
    pub end: i32,
    /// Quantity consumed.
    pub quantity: Decimal,
}

impl Interval {
    fn days(&self) -> i32 {
        self.end - self.start
    }
}

/// How far measurements may be from a period's ends, and apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Days before the first or after the last measurement that may be
    /// extrapolated.
    pub max_extrapolation_days: i32,
    /// Intervals longer than this are warned about.
    pub max_gap_days: i32,
}

impl Limits {
    /// No extrapolation, and no gap warning.
    pub const STRICT: Limits = Limits {
        max_extrapolation_days: 0,
        max_gap_days: i32::MAX,
    };

    /// Extrapolation up to `days` days, and no gap warning.
    pub const fn extrapolating(days: i32) -> Limits {
        Limits {
            max_extrapolation_days: days,
            max_gap_days: i32::MAX,
        }
    }
}

/// How a quantity is shared among the days of its interval.
#[derive(Debug, Clone, Copy)]
pub struct Weighting<'a> {
    /// The climate-sensitive share p, in [0, 1]: that part is shared per
    /// degree-day, the rest per day.
    pub heating_share: Decimal,
    /// The degree-days, needed when the share is above zero.
    pub degree_days: Option<&'a DegreeDays>,
}

impl Weighting<'_> {
    /// Shared per day only (p = 0): water, or energy with no heating.
    pub const DAYS: Weighting<'static> = Weighting {
        heating_share: Decimal::ZERO,
        degree_days: None,
    };
}

/// A quantity over a period, in the meter's unit, with what to look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consumption {
    /// The quantity.
    pub quantity: Decimal,
    /// Warnings (extrapolation, proration by days…).
    pub warnings: Vec<Warning>,
}

/// A meter's consumption as consecutive intervals, in order, without
/// overlap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    intervals: Vec<Interval>,
}

impl Series {
    /// Intervals from index readings (in any order) and the events that
    /// explain a decreasing index. An event dated `D` applies between the
    /// last reading before `D` and the first reading on or after `D`.
    ///
    /// # Errors
    /// [`Problem::Excluded`] with fewer than two readings, two readings on
    /// one day, or an index that goes down with no event to explain it;
    /// [`Problem::Error`] on overflow.
    pub fn from_readings(readings: &[Reading], events: &[MeterEvent]) -> Result<Series, Problem> {
        if readings.len() < 2 {
            return Err(Exclusion::new(
                ExclusionCode::TooFewReadings,
                msg!(
                    "{count} reading(s); at least 2 are needed",
                    count = readings.len()
                ),
            )
            .into());
        }
        // In date order (readings usually are), remembering each reading's
        // index in the input.
        let order: Vec<usize> = if readings.is_sorted_by_key(|r| r.date) {
            (0..readings.len()).collect()
        } else {
            let date = |i: usize| readings.get(i).map(|r| r.date);
            crate::sort::stable_order(readings.len(), &|a, b| date(a).cmp(&date(b)))
        };
        let mut intervals = Vec::with_capacity(readings.len() - 1);
        for pair in order.windows(2) {
            let (Some(a), Some(&j)) = (pair.first().and_then(|&i| readings.get(i)), pair.get(1))
            else {
                continue;
            };
            let Some(b) = readings.get(j) else { continue };
            let j = &j;
            if a.date == b.date {
                return Err(Exclusion::new(
                    ExclusionCode::DuplicateReading,
                    msg!("two readings on {date}", date = b.date),
                )
                .at_index(*j)
                .into());
            }
            let event = if events.is_empty() {
                None
            } else {
                events
                    .iter()
                    .find(|e| a.date < e.date() && e.date() <= b.date)
            };
            let quantity = match event {
                Some(MeterEvent::Replacement {
                    old_final,
                    new_initial,
                    ..
                }) => {
                    let before = sub(*old_final, a.value, noun!("consumption"))?;
                    let after = sub(b.value, *new_initial, noun!("consumption"))?;
                    if before < Decimal::ZERO || after < Decimal::ZERO {
                        return Err(Exclusion::new(
                            ExclusionCode::DecreasingIndex,
                            msg!(
                                "the replacement on {date} does not fit the readings {from_value} ({from_date}) and {to_value} ({to_date})",
                                date = event.map_or(b.date, MeterEvent::date),
                                from_date = a.date,
                                from_value = a.value,
                                to_date = b.date,
                                to_value = b.value
                            ),
                        )
                        .at_index(*j)
                        .into());
                    }
                    add(before, after, noun!("consumption"))?
                }
                Some(MeterEvent::Rollover { modulus, .. }) if b.value < a.value => add(
                    sub(b.value, a.value, noun!("consumption"))?,
                    *modulus,
                    noun!("consumption"),
                )?,
                _ => sub(b.value, a.value, noun!("consumption"))?,
            };
            if quantity.is_sign_negative() && !quantity.is_zero() {
                return Err(Exclusion::new(
                    ExclusionCode::DecreasingIndex,
                    msg!(
                        "the index goes down from {from_value} on {from_date} to {to_value} on {to_date} with no replacement or rollover declared",
                        from_value = a.value,
                        from_date = a.date,
                        to_value = b.value,
                        to_date = b.date
                    ),
                )
                .at_index(*j)
                .into());
            }
            let (start, end) = (day_number(a.date), day_number(b.date));
            intervals.push(Interval {
                start,
                end,
                quantity,
            });
        }
        Ok(Series { intervals })
    }

    /// Intervals from bills (in any order). Bills may leave gaps, but must
    /// not overlap.
    ///
    /// # Errors
    /// [`Problem::Excluded`] when two bills overlap or there is none.
    pub fn from_bills(bills: &[Bill]) -> Result<Series, Problem> {
        if bills.is_empty() {
            return Err(Exclusion::new(ExclusionCode::NoData, msg!("no bill")).into());
        }
        let first = |i: usize| bills.get(i).map(|b| b.period.first());
        let order = crate::sort::stable_order(bills.len(), &|a, b| first(a).cmp(&first(b)));
        let mut intervals: Vec<Interval> = Vec::with_capacity(bills.len());
        for &i in &order {
            let Some(b) = bills.get(i) else { continue };
            let next = Interval {
                start: b.period.start_day(),
                end: b.period.end_day(),
                quantity: b.quantity,
            };
            if intervals.last().is_some_and(|last| last.end > next.start) {
                return Err(Exclusion::new(
                    ExclusionCode::OverlappingBills,
                    msg!(
                        "the bill for {period} overlaps the previous one",
                        period = b.period
                    ),
                )
                .at_index(i)
                .into());
            }
            intervals.push(next);
        }
        Ok(Series { intervals })
    }

    /// A series of one interval (e.g. a stock balance between two
    /// estimates).
    pub fn single(interval: Interval) -> Series {
        Series {
            intervals: vec![interval],
        }
    }

    /// The intervals, in order.
    pub fn intervals(&self) -> &[Interval] {
        &self.intervals
    }

    /// The part of `interval`'s quantity consumed on the days `start .. end`
    /// — a part of it, or days next to it when extrapolating — at its rates
    /// per day and per degree-day: `q·((1 − p)·d/L + p·dj/DJ)` for `d` of its
    /// `L` days and `dj` of its `DJ` degree-days, computed as one division
    /// `q·((1 − p)·d·DJ + p·dj·L) / (L·DJ)` (fewer roundings, and faster).
    /// Also says whether degree-days were missing (then days only).
    fn part(
        interval: &Interval,
        start: i32,
        end: i32,
        weighting: &Weighting<'_>,
    ) -> Result<(Decimal, bool), Error> {
        const W: &str = noun!("prorated consumption");
        let quantity = interval.quantity;
        let days = Decimal::from(end - start);
        let length = Decimal::from(interval.days());
        let by_days = || div(mul(quantity, days, W)?, length, W);
        let w = weighting;
        if w.heating_share.is_zero() {
            return Ok((by_days()?, false));
        }
        let dj = w.degree_days.and_then(|dd| {
            let part = dd.sum_days(start, end)?;
            let whole = dd.sum_days(interval.start, interval.end)?;
            Some((part, whole))
        });
        match dj {
            // No heating need over the whole interval: nothing to share by
            // degree-day, the day share is exact.
            Some((_, whole)) if whole.is_zero() => Ok((by_days()?, false)),
            Some((part, whole)) => {
                let share = w.heating_share;
                let base = mul(mul(sub(Decimal::ONE, share, W)?, days, W)?, whole, W)?;
                let heat = mul(mul(share, part, W)?, length, W)?;
                let numerator = mul(quantity, add(base, heat, W)?, W)?;
                Ok((div(numerator, mul(length, whole, W)?, W)?, false))
            }
            None => Ok((by_days()?, true)),
        }
    }

    /// The quantity consumed over `period`, in the meter's unit.
    ///
    /// Days before the first interval or after the last are extrapolated at
    /// the nearest interval's rate when there are at most
    /// `limits.max_extrapolation_days` of them on each side; days in a gap
    /// between intervals are never filled. An interval used that is longer
    /// than `limits.max_gap_days` is warned about.
    ///
    /// # Errors
    /// [`Problem::Excluded`] ([`ExclusionCode::PeriodNotCovered`]) when the
    /// period is not covered; [`Problem::Error`] on overflow.
    // One pass over the intervals; its messages, with their parameters
    // named, take the few lines beyond clippy's limit.
    #[allow(clippy::too_many_lines)]
    pub fn over(
        &self,
        period: Period,
        w: &Weighting<'_>,
        limits: Limits,
    ) -> Result<Consumption, Problem> {
        const W: &str = noun!("prorated consumption");
        let max_extrapolation_days = limits.max_extrapolation_days;
        let (a, b) = (period.start_day(), period.end_day());
        let (Some(first), Some(last)) = (self.intervals.first(), self.intervals.last()) else {
            return Err(Exclusion::new(ExclusionCode::NoData, msg!("no measurement")).into());
        };
        let not_covered = |why: crate::message::Message| -> Problem {
            Exclusion::new(
                ExclusionCode::PeriodNotCovered,
                msg!("{period}: {why}", period = period, why = why),
            )
            .into()
        };
        let mut warnings = Vec::new();
        let mut days_only = false;
        // Whole intervals (in the meter's own scale, added cheaply) and
        // prorated parts, summed apart.
        let mut whole = Decimal::ZERO;
        let mut partial = Decimal::ZERO;
        // Days before the first interval.
        if a < first.start {
            let gap = first.start - a;
            if gap > max_extrapolation_days {
                return Err(not_covered(msg!(
                    "the measurements start {days} days after it does",
                    days = gap
                )));
            }
            let (start, end) = (a, first.start.min(b));
            let (q, missing) = Self::part(first, start, end, w)?;
            days_only |= missing;
            partial = add(partial, q, W)?;
            warnings.push(Warning::new(
                WarningCode::Extrapolated,
                msg!(
                    "{days} day(s) before the first measurement extrapolated",
                    days = end - start
                ),
            ));
        }
        // Days after the last interval.
        if b > last.end {
            let gap = b - last.end;
            if gap > max_extrapolation_days {
                return Err(not_covered(msg!(
                    "the measurements end {days} days before it does",
                    days = gap
                )));
            }
            let (start, end) = (last.end.max(a), b);
            let (q, missing) = Self::part(last, start, end, w)?;
            days_only |= missing;
            partial = add(partial, q, W)?;
            warnings.push(Warning::new(
                WarningCode::Extrapolated,
                msg!(
                    "{days} day(s) after the last measurement extrapolated",
                    days = end - start
                ),
            ));
        }
        // Intervals that overlap the period, found by binary search.
        let from = self.intervals.partition_point(|i| i.end <= a);
        let mut covered_to = a.max(first.start);
        for interval in self.intervals.iter().skip(from).take_while(|i| i.start < b) {
            if interval.start > covered_to {
                return Err(not_covered(msg!(
                    "no measurement from {first} to {last}",
                    first = date_of(covered_to)?,
                    last = date_of(interval.start - 1)?
                )));
            }
            let (start, end) = (interval.start.max(a), interval.end.min(b));
            if start == interval.start && end == interval.end {
                whole = add(whole, interval.quantity, W)?;
            } else {
                let (q, missing) = Self::part(interval, start, end, w)?;
                days_only |= missing;
                partial = add(partial, q, W)?;
            }
            covered_to = end;
            if interval.days() > limits.max_gap_days {
                warnings.push(Warning::new(
                    WarningCode::LongGap,
                    msg!(
                        "{days} days between the measurements of {first} and {last}",
                        days = interval.days(),
                        first = date_of(interval.start)?,
                        last = date_of(interval.end)?
                    ),
                ));
            }
        }
        if covered_to < b.min(last.end) {
            return Err(not_covered(msg!(
                "no measurement after {date}",
                date = date_of(covered_to - 1)?
            )));
        }
        if days_only {
            warnings.push(Warning::new(
                WarningCode::ProratedByDays,
                msg!("the temperatures do not cover every interval: prorated by days only"),
            ));
        }
        Ok(Consumption {
            quantity: add(whole, partial, W)?,
            warnings,
        })
    }

    /// The mean consumption per day over the summer (1 June – 31 August)
    /// intervals, when they cover at least `min_days` days: the base load
    /// with no heating, used to estimate a mixed meter's heating share.
    ///
    /// # Errors
    /// [`Error::Overflow`] beyond the decimal range.
    pub fn summer_base_per_day(&self, min_days: i32) -> Result<Option<Decimal>, Error> {
        let mut quantity = Decimal::ZERO;
        let mut days = 0;
        // The days of the current year, and its summer (1 June ..= 31
        // August), recomputed when an interval starts in another year.
        let (mut year, mut summer) = ((0, 0), (0, 0));
        for i in &self.intervals {
            if !(year.0 <= i.start && i.start < year.1) {
                let y = date_of(i.start)?.year();
                let day = |m, d| {
                    crate::date::Date::new(y, m, d)
                        .map(day_number)
                        .map_err(|e| Error::invalid(noun!("year"), y, e.to_message()))
                };
                year = (day(1, 1)?, day(12, 31)? + 1);
                summer = (day(6, 1)?, day(8, 31)? + 1);
            }
            if summer.0 <= i.start && i.end <= summer.1 {
                quantity = add(quantity, i.quantity, noun!("summer base load"))?;
                days += i.days();
            }
        }
        if days < min_days || days == 0 {
            return Ok(None);
        }
        div(quantity, Decimal::from(days), noun!("summer base load")).map(Some)
    }
}

/// Deliveries of a stored fuel over `period`: with stock estimates near both
/// ends of the period (within `limits.max_extrapolation_days`), the stock balance
/// `stock at start + deliveries − stock at end`, prorated to the period's
/// exact days; with no stock estimate at all, the deliveries dated in the
/// period, as they are, with a warning.
///
/// # Errors
/// [`Problem::Excluded`] when stock estimates exist but none is near an end
/// of the period, or the balance is negative; [`Problem::Error`] on overflow.
pub fn deliveries_over(
    meter: &Meter,
    period: Period,
    w: &Weighting<'_>,
    limits: Limits,
) -> Result<Consumption, Problem> {
    const W: &str = noun!("deliveries");
    let max_extrapolation_days = limits.max_extrapolation_days;
    let (a, b) = (period.start_day(), period.end_day());
    if meter.stock.is_empty() {
        let quantity = meter
            .deliveries
            .iter()
            .filter(|d| period.contains(d.date))
            .try_fold(Decimal::ZERO, |acc, d| add(acc, d.quantity, W))?;
        return Ok(Consumption {
            quantity,
            warnings: vec![Warning::new(
                WarningCode::DeliveriesWithoutStock,
                msg!(
                    "deliveries in {period} taken as consumption: no stock estimate",
                    period = period
                ),
            )],
        });
    }
    let nearest = |day: i32| {
        meter
            .stock
            .iter()
            .map(|s| (day_number(s.date), s.quantity))
            .filter(|(d, _)| (d - day).abs() <= max_extrapolation_days)
            .min_by_key(|(d, _)| (d - day).abs())
    };
    let (Some((s0, q0)), Some((s1, q1))) = (nearest(a), nearest(b)) else {
        return Err(Exclusion::new(
            ExclusionCode::PeriodNotCovered,
            msg!(
                "no stock estimate within {days} days of both ends of {period}",
                days = max_extrapolation_days,
                period = period
            ),
        )
        .into());
    };
    if s1 <= s0 {
        return Err(Exclusion::new(
            ExclusionCode::PeriodNotCovered,
            msg!("the stock estimates do not span {period}", period = period),
        )
        .into());
    }
    let delivered = meter
        .deliveries
        .iter()
        .map(|d| (day_number(d.date), d.quantity))
        .filter(|(d, _)| s0 <= *d && *d < s1)
        .try_fold(Decimal::ZERO, |acc, (_, q)| add(acc, q, W))?;
    let balance = sub(add(q0, delivered, W)?, q1, W)?;
    if balance < Decimal::ZERO {
        return Err(Exclusion::new(
            ExclusionCode::NegativeConsumption,
            msg!(
                "stock {start} + deliveries {delivered} − stock {end} is negative",
                start = q0,
                delivered = delivered,
                end = q1
            ),
        )
        .into());
    }
    Series::single(Interval {
        start: s0,
        end: s1,
        quantity: balance,
    })
    // One interval between two stock estimates is no gap in the readings.
    .over(
        period,
        w,
        Limits {
            max_gap_days: i32::MAX,
            ..limits
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::{date, Date};
    use crate::meter::{Carrier, Delivery, StockEstimate, Unit, Usage};
    use crate::weather::{DailyTemperature, DegreeDayOptions, Method, Temperatures};
    use crate::MeterId;
    use proptest::prelude::*;
    use rust_decimal::dec;

    fn r(d: Date, v: Decimal) -> Reading {
        Reading { date: d, value: v }
    }

    fn jan(d: i8) -> Date {
        date(2026, 1, d)
    }

    #[test]
    fn readings_in_any_order() {
        let s = Series::from_readings(
            &[
                r(jan(11), dec!(150)),
                r(jan(1), dec!(100)),
                r(jan(21), dec!(170)),
            ],
            &[],
        )
        .unwrap();
        let q: Vec<_> = s.intervals().iter().map(|i| i.quantity).collect();
        assert_eq!(q, vec![dec!(50), dec!(20)]);
    }

    #[test]
    fn data_problems_exclude() {
        let code = |p: Problem| match p {
            Problem::Excluded(e) => (e.code, e.index),
            Problem::Error(e) => panic!("{e}"),
        };
        let one = Series::from_readings(&[r(jan(1), dec!(1))], &[]).unwrap_err();
        assert_eq!(code(one), (ExclusionCode::TooFewReadings, None));
        let down =
            Series::from_readings(&[r(jan(1), dec!(100)), r(jan(5), dec!(90))], &[]).unwrap_err();
        assert_eq!(code(down), (ExclusionCode::DecreasingIndex, Some(1)));
        let dup =
            Series::from_readings(&[r(jan(1), dec!(100)), r(jan(1), dec!(100))], &[]).unwrap_err();
        assert_eq!(code(dup).0, ExclusionCode::DuplicateReading);
        let bills = [
            Bill {
                period: Period::new(jan(1), jan(10)).unwrap(),
                quantity: dec!(1),
            },
            Bill {
                period: Period::new(jan(10), jan(20)).unwrap(),
                quantity: dec!(1),
            },
        ];
        assert_eq!(
            code(Series::from_bills(&bills).unwrap_err()),
            (ExclusionCode::OverlappingBills, Some(1))
        );
    }

    #[test]
    fn replacement_and_rollover() {
        // Old meter read 100 on 1 Jan, removed at 130 on 5 Jan; new meter
        // installed at 0, read 25 on 11 Jan: 30 + 25 = 55.
        let replaced = Series::from_readings(
            &[r(jan(1), dec!(100)), r(jan(11), dec!(25))],
            &[MeterEvent::Replacement {
                date: jan(5),
                old_final: dec!(130),
                new_initial: dec!(0),
            }],
        )
        .unwrap();
        assert_eq!(replaced.intervals()[0].quantity, dec!(55));
        // A five-digit counter: 99 950 → 00 040 is 90.
        let rolled = Series::from_readings(
            &[r(jan(1), dec!(99950)), r(jan(11), dec!(40))],
            &[MeterEvent::Rollover {
                date: jan(6),
                modulus: dec!(100000),
            }],
        )
        .unwrap();
        assert_eq!(rolled.intervals()[0].quantity, dec!(90));
    }

    /// 1–10 Jan at 2/10 °C (12 COSTIC DJ a day), 11–20 Jan at 12/18 (3 DJ).
    fn temps() -> DegreeDays {
        let days: Vec<_> = (1..=31)
            .map(|d| {
                let (tn, tx) = if d <= 10 {
                    (dec!(2), dec!(10))
                } else {
                    (dec!(12), dec!(18))
                };
                DailyTemperature {
                    date: jan(d),
                    tn,
                    tx,
                }
            })
            .collect();
        DegreeDays::new(
            &Temperatures::new(&days).unwrap(),
            DegreeDayOptions::default().method(Method::Costic),
        )
        .unwrap()
    }

    #[test]
    fn prorating_by_days_and_degree_days() {
        // 300 consumed from 1 Jan to 21 Jan (20 days, 120 + 30 = 150 DJ).
        let s = Series::from_readings(&[r(jan(1), dec!(0)), r(jan(21), dec!(300))], &[]).unwrap();
        let p = Period::new(jan(1), jan(10)).unwrap();
        // p = 0: 300 × 10/20 = 150.
        assert_eq!(
            s.over(p, &Weighting::DAYS, Limits::STRICT)
                .unwrap()
                .quantity,
            dec!(150)
        );
        // p = 0.6: 300 × (0.4 × 10/20 + 0.6 × 120/150) = 300 × 0.68 = 204.
        let dd = temps();
        let w = Weighting {
            heating_share: dec!(0.6),
            degree_days: Some(&dd),
        };
        assert_eq!(s.over(p, &w, Limits::STRICT).unwrap().quantity, dec!(204));
        // The rest of the interval gets 300 − 204 = 96.
        let rest = Period::new(jan(11), jan(20)).unwrap();
        assert_eq!(s.over(rest, &w, Limits::STRICT).unwrap().quantity, dec!(96));
    }

    #[test]
    fn extrapolation_is_bounded_and_warned() {
        let s = Series::from_readings(&[r(jan(3), dec!(0)), r(jan(13), dec!(100))], &[]).unwrap();
        let p = Period::new(jan(1), jan(12)).unwrap();
        assert!(matches!(
            s.over(p, &Weighting::DAYS, Limits::extrapolating(1)),
            Err(Problem::Excluded(Exclusion {
                code: ExclusionCode::PeriodNotCovered,
                ..
            }))
        ));
        // Two days before, at 10 a day: 100 + 20.
        let c = s
            .over(p, &Weighting::DAYS, Limits::extrapolating(2))
            .unwrap();
        assert_eq!(c.quantity, dec!(120));
        assert_eq!(c.warnings[0].code, WarningCode::Extrapolated);
    }

    #[test]
    fn gaps_between_bills_are_not_filled() {
        let bill = |a, b, q| Bill {
            period: Period::new(jan(a), jan(b)).unwrap(),
            quantity: q,
        };
        let s = Series::from_bills(&[bill(1, 10, dec!(10)), bill(15, 31, dec!(17))]).unwrap();
        let all = Period::new(jan(1), jan(31)).unwrap();
        assert!(matches!(
            s.over(all, &Weighting::DAYS, Limits::STRICT),
            Err(Problem::Excluded(_))
        ));
        let second = Period::new(jan(15), jan(31)).unwrap();
        assert_eq!(
            s.over(second, &Weighting::DAYS, Limits::STRICT)
                .unwrap()
                .quantity,
            dec!(17)
        );
    }

    #[test]
    fn deliveries_and_stock() {
        let mut m = Meter::new(
            MeterId::new("fioul").unwrap(),
            Carrier::FuelOil,
            Unit::L,
            Usage::HeatingOnly,
        );
        m.deliveries = vec![Delivery {
            date: jan(15),
            quantity: dec!(500),
        }];
        let p = Period::new(jan(1), jan(31)).unwrap();
        let as_is = deliveries_over(&m, p, &Weighting::DAYS, Limits::STRICT).unwrap();
        assert_eq!(as_is.quantity, dec!(500));
        assert_eq!(as_is.warnings[0].code, WarningCode::DeliveriesWithoutStock);
        // 300 L in the tank on 1 Jan, 500 delivered, 450 left on 1 Feb: 350 L.
        m.stock = vec![
            StockEstimate {
                date: jan(1),
                quantity: dec!(300),
            },
            StockEstimate {
                date: date(2026, 2, 1),
                quantity: dec!(450),
            },
        ];
        assert_eq!(
            deliveries_over(&m, p, &Weighting::DAYS, Limits::STRICT)
                .unwrap()
                .quantity,
            dec!(350)
        );
        m.stock[1].quantity = dec!(900);
        assert!(matches!(
            deliveries_over(&m, p, &Weighting::DAYS, Limits::STRICT),
            Err(Problem::Excluded(_))
        ));
    }

    #[test]
    fn summer_base_load() {
        let s = Series::from_readings(
            &[
                r(date(2025, 6, 1), dec!(0)),
                r(date(2025, 7, 1), dec!(90)),
                r(date(2025, 9, 1), dec!(300)),
            ],
            &[],
        )
        .unwrap();
        // June, then July–August, both wholly in the summer:
        // (90 + 210) / (30 + 62) days = 3.2608695…
        assert_eq!(
            s.summer_base_per_day(28).unwrap().map(|v| v.round_dp(6)),
            Some(dec!(3.260870))
        );
        assert_eq!(s.summer_base_per_day(100).unwrap(), None);
    }

    proptest! {
        /// The consumption of two consecutive periods adds up to that of the
        /// whole, with or without degree-days.
        #[test]
        fn consecutive_periods_add_up(
            values in proptest::collection::vec(0i64..100_000, 2..8),
            split in 1i32..30,
            p in 0i64..=100,
        ) {
            let dd = temps();
            let w = Weighting { heating_share: Decimal::new(p, 2), degree_days: Some(&dd) };
            let mut index = Decimal::ZERO;
            let readings: Vec<_> = values.iter().enumerate().map(|(k, v)| {
                index += Decimal::new(*v, 2);
                r(date_of(day_number(jan(1)) + i32::try_from(k).unwrap() * 30 / i32::try_from(values.len() - 1).unwrap()).unwrap(), index)
            }).collect();
            prop_assume!(readings.windows(2).all(|w| w[0].date < w[1].date));
            let s = Series::from_readings(&readings, &[]).unwrap();
            let whole = Period::new(jan(1), jan(30)).unwrap();
            let a = Period::new(jan(1), date_of(day_number(jan(1)) + split - 1).unwrap()).unwrap();
            let b = Period::new(date_of(day_number(jan(1)) + split).unwrap(), jan(30)).unwrap();
            let (qa, qb, qw) = (
                s.over(a, &w, Limits::STRICT).unwrap().quantity,
                s.over(b, &w, Limits::STRICT).unwrap().quantity,
                s.over(whole, &w, Limits::STRICT).unwrap().quantity,
            );
            prop_assert!((qa + qb - qw).abs() <= dec!(0.0000000000001));
        }
    }
}
