//! One household's water indicators: litres per person per day in the
//! reference and challenge periods, their change, and the comparison with
//! a reference value.

use rust_decimal::Decimal;

use crate::consumption::{Limits, Problem, Series, Weighting};
use crate::error::{Location, Result};
use crate::exclusion::{Exclusion, ExclusionCode, Warning};
use crate::household::Household;
use crate::outcome::{HouseholdResult, Outcome};
use crate::period::Period;
use crate::quantity::{add, mul, sub, Litres, Ratio};
use crate::rate::{expected, relative_change, Presence};

use super::input::{WaterMeter, WaterReference};
use crate::{msg, noun};

/// A household's water indicators.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaterIndicators {
    /// Litres over the reference period (all meters, prorated by day).
    pub reference_litres: Litres,
    /// Litres over the challenge period.
    pub challenge_litres: Litres,
    /// Person-days of presence in the reference period.
    pub reference_person_days: Decimal,
    /// Person-days of presence in the challenge period.
    pub challenge_person_days: Decimal,
    /// Litres per person per day, reference (L ÷ person-days, DOMAIN.md §4).
    pub reference_per_person_day: Litres,
    /// Litres per person per day, challenge.
    pub challenge_per_person_day: Litres,
    /// Litres per consumption unit per day, reference.
    pub reference_per_unit_day: Litres,
    /// Litres per consumption unit per day, challenge.
    pub challenge_per_unit_day: Litres,
    /// Litres the challenge presence would have used at the reference rate
    /// ([`crate::rate::expected`]).
    pub expected_litres: Litres,
    /// Litres saved: expected − challenge.
    pub saved_litres: Litres,
    /// Change of litres per person per day: challenge ÷ reference − 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Ratio>,
    /// The challenge's litres per person per day against the reference
    /// value: challenge ÷ reference value − 1 (−0.2 is 20 % below).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub versus_reference_value: Option<Ratio>,
}

/// A meter's series of intervals: from its readings, or its bills.
fn series(meter: &WaterMeter) -> std::result::Result<Series, Problem> {
    if meter.bills.is_empty() {
        Series::from_readings(&meter.readings, &meter.events)
    } else {
        Series::from_bills(&meter.bills)
    }
}

/// Litres of one meter's `series` over `period`, or the exclusion.
fn meter_litres(
    meter: &WaterMeter,
    series: &Series,
    period: Period,
    limits: Limits,
    warnings: &mut Vec<Warning>,
) -> std::result::Result<Decimal, Problem> {
    // Water has no climate-sensitive share: prorated by days only.
    let c = series.over(period, &Weighting::DAYS, limits)?;
    for w in c.warnings {
        let w = w.on_meter(&meter.id);
        if !warnings.contains(&w) {
            warnings.push(w);
        }
    }
    Ok(mul(c.quantity, meter.unit.litres(), noun!("litres"))?)
}

/// A household's water result over `reference` and `challenge`, compared
/// with `reference_value`.
///
/// Excluded when it has no water meter ([`ExclusionCode::NoMeter`]), when a
/// meter's readings cannot give its consumption over a period (too few,
/// decreasing, not covering it: the exclusion names the meter), or when
/// the reference consumption is zero ([`ExclusionCode::ZeroReference`]).
///
/// # Errors
/// [`crate::Error::Overflow`] beyond the decimal range, located in the
/// household.
pub fn household_water(
    household: &Household,
    reference: Period,
    challenge: Period,
    reference_value: &WaterReference,
    limits: Limits,
) -> Result<HouseholdResult<WaterIndicators>> {
    let at = Location::household(&household.id);
    let mut warnings = Vec::new();
    let outcome = (|| -> Result<Outcome<WaterIndicators>> {
        if household.water_meters.is_empty() {
            return Ok(Outcome::Excluded(Exclusion::new(
                ExclusionCode::NoMeter,
                msg!("no water meter"),
            )));
        }
        let (mut lr, mut lc) = (Decimal::ZERO, Decimal::ZERO);
        for m in &household.water_meters {
            let s = match series(m) {
                Ok(s) => s,
                Err(Problem::Excluded(e)) => return Ok(Outcome::Excluded(e.on_meter(&m.id))),
                Err(Problem::Error(e)) => return Err(e.within(&Location::NONE.with_meter(&m.id))),
            };
            for (period, total) in [(reference, &mut lr), (challenge, &mut lc)] {
                match meter_litres(m, &s, period, limits, &mut warnings) {
                    Ok(l) => *total = add(*total, l, noun!("litres"))?,
                    Err(Problem::Excluded(e)) => {
                        return Ok(Outcome::Excluded(e.on_meter(&m.id)));
                    }
                    Err(Problem::Error(e)) => {
                        return Err(e.within(&Location::NONE.with_meter(&m.id)))
                    }
                }
            }
        }
        if lr <= Decimal::ZERO {
            return Ok(Outcome::Excluded(Exclusion::new(
                ExclusionCode::ZeroReference,
                msg!(
                    "no water used in the reference period {period}",
                    period = reference
                ),
            )));
        }
        let pr = Presence::over(&household.occupancy, &[reference])?;
        let pc = Presence::over(&household.occupancy, &[challenge])?;
        let exp = expected(lr, &pr, &pc)?;
        let per_day = pc.per_person_day(lc)?;
        let rate_ref = pr.per_person_day(lr)?;
        Ok(Outcome::Computed(WaterIndicators {
            reference_litres: Litres::new(lr),
            challenge_litres: Litres::new(lc),
            reference_person_days: pr.person_days,
            challenge_person_days: pc.person_days,
            reference_per_person_day: Litres::new(rate_ref),
            challenge_per_person_day: Litres::new(per_day),
            reference_per_unit_day: Litres::new(pr.per_unit_day(lr)?),
            challenge_per_unit_day: Litres::new(pc.per_unit_day(lc)?),
            expected_litres: Litres::new(exp),
            saved_litres: Litres::new(sub(exp, lc, noun!("litres saved"))?),
            // The rate's change, as actual ÷ expected − 1.
            change: relative_change(exp, lc)?,
            versus_reference_value: relative_change(
                reference_value.litres_per_person_day.value(),
                per_day,
            )?,
        }))
    })()
    .map_err(|e| e.within(&at))?;
    Ok(HouseholdResult::new(
        household.id.clone(),
        household.team.clone(),
        outcome,
        warnings,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::{date, Date};
    use crate::household::Occupants;
    use crate::id::{HouseholdId, MeterId, TeamId};
    use crate::meter::Reading;
    use crate::water::WaterUnit;
    use proptest::prelude::*;
    use rust_decimal::dec;

    fn r(date: Date, value: Decimal) -> Reading {
        Reading { date, value }
    }

    fn family(readings: Vec<Reading>) -> Household {
        let mut h = Household::new(
            HouseholdId::new("E1").unwrap(),
            TeamId::new("A").unwrap(),
            Occupants::new(2, vec![5]).unwrap(),
        );
        let mut m = WaterMeter::new(MeterId::new("eau").unwrap(), WaterUnit::M3);
        m.readings = readings;
        h.water_meters = vec![m];
        h
    }

    fn periods() -> (Period, Period) {
        (
            Period::new(date(2025, 3, 1), date(2025, 3, 31)).unwrap(),
            Period::new(date(2026, 3, 1), date(2026, 3, 31)).unwrap(),
        )
    }

    const LIMITS: Limits = Limits::STRICT;

    #[test]
    fn litres_per_person_day_by_hand() {
        let (p, c) = periods();
        let h = family(vec![
            r(date(2025, 3, 1), dec!(100)),
            r(date(2025, 4, 1), dec!(113.95)),
            r(date(2026, 2, 22), dec!(200)),
            r(date(2026, 4, 5), dec!(216.8)),
        ]);
        let res = household_water(&h, p, c, &WaterReference::default(), LIMITS).unwrap();
        let w = res.figures().unwrap();
        // 13.95 m³ over March 2025, 3 persons × 31 days: 150 L/person/day;
        // per UC (1.8 × 31 = 55.8 UC-days): 250 L.
        assert_eq!(w.reference_litres, Litres::new(dec!(13950)));
        assert_eq!(w.reference_per_person_day.value(), dec!(150));
        assert_eq!(w.reference_per_unit_day.value(), dec!(250));
        // 16.8 m³ over 42 days (22 Feb – 4 Apr 2026) = 0.4 m³/day: 12.4 m³
        // in March, 12 400 / 93 = 133.33 L/person/day.
        assert_eq!(w.challenge_litres, Litres::new(dec!(12400)));
        assert_eq!(
            w.challenge_per_person_day.value().round_dp(6),
            dec!(133.333333)
        );
        // 133.33 / 150 − 1 = −1/9; against 148 L: −0.0990990…
        assert_eq!(w.change.unwrap().fraction().round_dp(9), dec!(-0.111111111));
        assert_eq!(
            w.versus_reference_value.unwrap().fraction().round_dp(9),
            dec!(-0.099099099)
        );
        assert_eq!(w.saved_litres, Litres::new(dec!(1550)));
    }

    #[test]
    fn exclusions_name_the_meter() {
        let (p, c) = periods();
        let v = WaterReference::default();
        let ex = |h: &Household| {
            household_water(h, p, c, &v, LIMITS)
                .unwrap()
                .exclusion()
                .cloned()
        };
        let mut none = family(vec![]);
        none.water_meters.clear();
        assert_eq!(ex(&none).unwrap().code, ExclusionCode::NoMeter);
        let one = ex(&family(vec![r(date(2025, 3, 1), dec!(1))])).unwrap();
        assert_eq!(one.code, ExclusionCode::TooFewReadings);
        assert_eq!(one.meter.unwrap().as_str(), "eau");
        let down = ex(&family(vec![
            r(date(2025, 3, 1), dec!(100)),
            r(date(2025, 4, 1), dec!(90)),
            r(date(2026, 4, 1), dec!(95)),
        ]))
        .unwrap();
        assert_eq!(down.code, ExclusionCode::DecreasingIndex);
        let short = ex(&family(vec![
            r(date(2025, 3, 1), dec!(100)),
            r(date(2025, 4, 1), dec!(110)),
        ]))
        .unwrap();
        assert_eq!(short.code, ExclusionCode::PeriodNotCovered);
    }

    proptest! {
        /// Litres over a period are the sum of the litres over its two
        /// parts, whatever the reading dates.
        #[test]
        fn prorating_is_additive(gaps in proptest::collection::vec((1i32..40, 0u32..50_000), 2..8), split in 1i32..30) {
            let mut day = crate::date::day_number(date(2026, 2, 20));
            let mut value = Decimal::ZERO;
            let mut readings = vec![r(date(2026, 2, 20), value)];
            for (g, q) in gaps {
                day += g;
                value += Decimal::new(i64::from(q), 3);
                readings.push(r(crate::date::date_of(day).unwrap(), value));
            }
            let h = family(readings);
            let m = &h.water_meters[0];
            let (_, whole) = periods();
            let at = |n| crate::date::date_of(whole.start_day() + n).unwrap();
            let a = Period::new(whole.first(), at(split - 1)).unwrap();
            let b = Period::new(at(split), whole.last()).unwrap();
            let mut w = Vec::new();
            let lim = Limits::extrapolating(0);
            let s = series(m).unwrap();
            if let (Ok(x), Ok(y), Ok(z)) = (
                meter_litres(m, &s, whole, lim, &mut w),
                meter_litres(m, &s, a, lim, &mut w),
                meter_litres(m, &s, b, lim, &mut w),
            ) {
                prop_assert!((x - y - z).abs() < dec!(0.000000000001));
            }
        }
    }
}
