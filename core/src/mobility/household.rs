//! One household's mobility indicators in the reference and challenge
//! periods: km per person per week by mode, car shares, kgCO2e, and their
//! change.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::error::{Location, Result};
use crate::exclusion::{Exclusion, ExclusionCode, Warning, WarningCode};
use crate::household::Household;
use crate::outcome::{HouseholdResult, Outcome};
use crate::period::Period;
use crate::quantity::{add, mul, sub, KgCo2e, Km, Ratio};
use crate::rate::{expected, relative_change, Presence};

use super::input::{Mode, ModeFactors};
use crate::{msg, noun};

/// One mode's figures in one period.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModeFigures {
    /// The mode.
    pub mode: Mode,
    /// Person-km.
    pub km: Km,
    /// Trips.
    pub trips: u64,
    /// km per person per week (km × 7 ÷ person-days).
    pub km_per_person_week: Km,
    /// kgCO2e (km × the mode's factor); `None` when the factor table has
    /// no factor for the mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub co2e: Option<KgCo2e>,
}

/// A household's (or a group's) travel in one period.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodMobility {
    /// Person-days of presence.
    pub person_days: Decimal,
    /// Consumption-unit-days of presence.
    pub unit_days: Decimal,
    /// Person-km, all modes.
    pub km: Km,
    /// Trips, all modes.
    pub trips: u64,
    /// km per person per week.
    pub km_per_person_week: Km,
    /// km per consumption unit per week.
    pub km_per_unit_week: Km,
    /// Share of trips by car (alone or shared): car trips ÷ trips.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub car_share_of_trips: Option<Ratio>,
    /// Share of km by car: car km ÷ km.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub car_share_of_km: Option<Ratio>,
    /// kgCO2e of the modes that have a factor.
    pub co2e: KgCo2e,
    /// kgCO2e per person per week.
    pub co2e_per_person_week: KgCo2e,
    /// kgCO2e per consumption unit per week.
    pub co2e_per_unit_week: KgCo2e,
    /// Each mode used, in the order of [`Mode`].
    pub modes: Vec<ModeFigures>,
}

/// A household's mobility indicators.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MobilityIndicators {
    /// The reference period.
    pub reference: PeriodMobility,
    /// The challenge period.
    pub challenge: PeriodMobility,
    /// Change of km per person: challenge ÷ reference − 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub km_change: Option<Ratio>,
    /// Change of kgCO2e per person: challenge ÷ reference − 1 (`None` when
    /// the reference emits nothing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub co2e_change: Option<Ratio>,
    /// Change of the car share of trips, in points (as a fraction: −0.22
    /// is −22 points).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub car_share_of_trips_change: Option<Ratio>,
    /// Change of the car share of km, in points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub car_share_of_km_change: Option<Ratio>,
    /// Person-km the challenge presence would have travelled at the
    /// reference rate ([`crate::rate::expected`]).
    pub expected_km: Km,
    /// kgCO2e the challenge presence would have emitted at the reference
    /// rate ([`crate::rate::expected`]).
    pub expected_co2e: KgCo2e,
    /// kgCO2e avoided: expected − challenge.
    pub avoided_co2e: KgCo2e,
}

/// km and trips per mode.
type Sums = BTreeMap<Mode, (Decimal, u64)>;

fn points(from: Option<Ratio>, to: Option<Ratio>) -> Result<Option<Ratio>> {
    match (from, to) {
        (Some(a), Some(b)) => Ok(Some(Ratio::new(sub(
            b.fraction(),
            a.fraction(),
            noun!("change in points"),
        )?))),
        _ => Ok(None),
    }
}

/// A period's figures from per-mode sums (also used for groups).
///
/// # Errors
/// [`crate::Error::Overflow`] when there is no person-day.
pub(crate) fn period_figures(
    sums: &Sums,
    presence: &Presence,
    factors: &ModeFactors,
) -> Result<PeriodMobility> {
    let mut modes = Vec::new();
    let (mut km, mut car_km, mut co2e) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    let (mut trips, mut car_trips) = (0u64, 0u64);
    for (&mode, &(m_km, m_trips)) in sums {
        let m_co2e = match factors.get(mode) {
            Some(f) => Some(mul(m_km, f, noun!("kgCO2e"))?),
            None => None,
        };
        km = add(km, m_km, noun!("km"))?;
        trips = trips.saturating_add(m_trips);
        if mode.is_car() {
            car_km = add(car_km, m_km, noun!("km"))?;
            car_trips = car_trips.saturating_add(m_trips);
        }
        if let Some(c) = m_co2e {
            co2e = add(co2e, c, noun!("kgCO2e"))?;
        }
        modes.push(ModeFigures {
            mode,
            km: Km::new(m_km),
            trips: m_trips,
            km_per_person_week: Km::new(presence.per_person_week(m_km)?),
            co2e: m_co2e.map(KgCo2e::new),
        });
    }
    let share = |part: Decimal, whole: Decimal| -> Result<Option<Ratio>> {
        if whole.is_zero() {
            Ok(None)
        } else {
            Ratio::of(part, whole, noun!("car share")).map(Some)
        }
    };
    Ok(PeriodMobility {
        person_days: presence.person_days,
        unit_days: presence.unit_days,
        km: Km::new(km),
        trips,
        km_per_person_week: Km::new(presence.per_person_week(km)?),
        km_per_unit_week: Km::new(presence.per_unit_week(km)?),
        car_share_of_trips: share(Decimal::from(car_trips), Decimal::from(trips))?,
        car_share_of_km: share(car_km, km)?,
        co2e: KgCo2e::new(co2e),
        co2e_per_person_week: KgCo2e::new(presence.per_person_week(co2e)?),
        co2e_per_unit_week: KgCo2e::new(presence.per_unit_week(co2e)?),
        modes,
    })
}

/// The indicators from the two periods' sums and presences (also used for
/// groups).
///
/// # Errors
/// [`crate::Error::Overflow`] beyond the decimal range.
pub(crate) fn indicators_of(
    sums: (&Sums, &Sums),
    presence: (&Presence, &Presence),
    factors: &ModeFactors,
) -> Result<MobilityIndicators> {
    let reference = period_figures(sums.0, presence.0, factors)?;
    let challenge = period_figures(sums.1, presence.1, factors)?;
    let expected_co2e = expected(reference.co2e.value(), presence.0, presence.1)?;
    let expected_km = expected(reference.km.value(), presence.0, presence.1)?;
    // A rate's change is the actual quantity over the expected one, − 1.
    Ok(MobilityIndicators {
        km_change: relative_change(expected_km, challenge.km.value())?,
        co2e_change: relative_change(expected_co2e, challenge.co2e.value())?,
        car_share_of_trips_change: points(
            reference.car_share_of_trips,
            challenge.car_share_of_trips,
        )?,
        car_share_of_km_change: points(reference.car_share_of_km, challenge.car_share_of_km)?,
        expected_km: Km::new(expected_km),
        expected_co2e: KgCo2e::new(expected_co2e),
        avoided_co2e: KgCo2e::new(sub(expected_co2e, challenge.co2e.value(), noun!("kgCO2e"))?),
        reference,
        challenge,
    })
}

/// A household's km and trips per mode in the reference and challenge
/// periods.
pub(crate) struct HouseholdSums {
    pub(crate) reference: Sums,
    pub(crate) challenge: Sums,
}

fn sums_of(
    household: &Household,
    reference: Period,
    challenge: Period,
    warnings: &mut Vec<Warning>,
) -> Result<std::result::Result<HouseholdSums, Exclusion>> {
    if household.trips.is_empty() {
        return Ok(Err(Exclusion::new(ExclusionCode::NoData, msg!("no trip"))));
    }
    let mut s = HouseholdSums {
        reference: Sums::new(),
        challenge: Sums::new(),
    };
    let mut outside = Vec::new();
    for (i, t) in household.trips.iter().enumerate() {
        let target = if reference.contains(t.date) {
            &mut s.reference
        } else if challenge.contains(t.date) {
            &mut s.challenge
        } else {
            outside.push(i);
            continue;
        };
        let e = target.entry(t.mode).or_default();
        e.0 = add(e.0, t.km.value(), noun!("km"))?;
        e.1 = e.1.saturating_add(u64::from(t.trips));
    }
    if let Some(first) = outside.first() {
        warnings.push(Warning::new(
            WarningCode::OutsidePeriods,
            msg!(
                "{count} trip(s) dated outside the reference and challenge periods, not counted (first: item {first})",
                count = outside.len(),
                first = *first
            ),
        ));
    }
    if s.reference.is_empty() {
        return Ok(Err(Exclusion::new(
            ExclusionCode::PeriodNotCovered,
            msg!(
                "no trip in the reference period {period}",
                period = reference
            ),
        )));
    }
    if s.challenge.is_empty() {
        return Ok(Err(Exclusion::new(
            ExclusionCode::PeriodNotCovered,
            msg!(
                "no trip in the challenge period {period}",
                period = challenge
            ),
        )));
    }
    Ok(Ok(s))
}

/// A household's mobility result over `reference` and `challenge`
/// (disjoint).
///
/// Excluded when it has no trip ([`ExclusionCode::NoData`]) or none in a
/// period ([`ExclusionCode::PeriodNotCovered`]). A trip outside both
/// periods is not counted, with a warning; a mode without a factor gets a
/// [`WarningCode::MissingCo2eFactor`] warning and no CO2e.
///
/// # Errors
/// [`crate::Error::Overflow`] beyond the decimal range, located in the
/// household.
pub fn household_mobility(
    household: &Household,
    reference: Period,
    challenge: Period,
    factors: &ModeFactors,
) -> Result<HouseholdResult<MobilityIndicators>> {
    let at = Location::household(&household.id);
    let mut warnings = Vec::new();
    let outcome = (|| -> Result<Outcome<MobilityIndicators>> {
        let s = match sums_of(household, reference, challenge, &mut warnings)? {
            Ok(s) => s,
            Err(e) => return Ok(Outcome::Excluded(e)),
        };
        let missing: std::collections::BTreeSet<Mode> = s
            .reference
            .keys()
            .chain(s.challenge.keys())
            .copied()
            .filter(|m| factors.get(*m).is_none())
            .collect();
        for mode in missing {
            warnings.push(Warning::new(
                WarningCode::MissingCo2eFactor,
                msg!(
                    "no emission factor for mode `{mode}`: its km carry no CO2e",
                    mode = crate::message::Arg::text(mode)
                ),
            ));
        }
        let pr = Presence::over(&household.occupancy, &[reference])?;
        let pc = Presence::over(&household.occupancy, &[challenge])?;
        indicators_of((&s.reference, &s.challenge), (&pr, &pc), factors).map(Outcome::Computed)
    })()
    .map_err(|e| e.within(&at))?;
    Ok(HouseholdResult::new(
        household.id.clone(),
        household.team.clone(),
        outcome,
        warnings,
    ))
}

/// Sums of a household's trips per mode in each period, for group totals;
/// `None` when the household is excluded.
pub(crate) fn household_sums(
    household: &Household,
    reference: Period,
    challenge: Period,
) -> Result<Option<HouseholdSums>> {
    Ok(sums_of(household, reference, challenge, &mut Vec::new())?.ok())
}

/// Adds `other`'s per-mode sums into `into`.
pub(crate) fn merge(into: &mut Sums, other: &Sums) -> Result<()> {
    for (&mode, &(km, trips)) in other {
        let e = into.entry(mode).or_default();
        e.0 = add(e.0, km, noun!("km"))?;
        e.1 = e.1.saturating_add(trips);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::{date, Date};
    use crate::household::Occupants;
    use crate::id::{HouseholdId, TeamId};
    use crate::mobility::Trip;
    use proptest::prelude::*;
    use rust_decimal::dec;

    fn t(date: Date, mode: Mode, km: Decimal, trips: u32) -> Trip {
        Trip {
            date,
            mode,
            km: Km::new(km),
            trips,
        }
    }

    fn couple(trips: Vec<Trip>) -> Household {
        let mut h = Household::new(
            HouseholdId::new("M1").unwrap(),
            TeamId::new("A").unwrap(),
            Occupants::new(2, vec![]).unwrap(),
        );
        h.trips = trips;
        h
    }

    fn periods() -> (Period, Period) {
        (
            Period::new(date(2026, 3, 2), date(2026, 3, 15)).unwrap(),
            Period::new(date(2026, 4, 6), date(2026, 4, 19)).unwrap(),
        )
    }

    #[test]
    fn figures_by_hand() {
        let (r, c) = periods();
        let h = couple(vec![
            t(date(2026, 3, 3), Mode::CarAlone, dec!(200), 10),
            t(date(2026, 3, 4), Mode::Bus, dec!(20), 4),
            t(date(2026, 3, 5), Mode::Walking, dec!(6), 6),
            t(date(2026, 4, 7), Mode::CarAlone, dec!(80), 4),
            t(date(2026, 4, 8), Mode::Carpool, dec!(60), 2),
            t(date(2026, 4, 9), Mode::Bike, dec!(40), 8),
            t(date(2026, 4, 10), Mode::Bus, dec!(20), 4),
        ]);
        let res = household_mobility(&h, r, c, &ModeFactors::default()).unwrap();
        assert!(res.warnings.is_empty());
        let m = res.figures().unwrap();
        // 2 persons × 14 days = 28 person-days each period.
        assert_eq!(m.reference.km_per_person_week, Km::new(dec!(56.5)));
        assert_eq!(m.reference.car_share_of_trips, Some(Ratio::new(dec!(0.5))));
        // 200 × 0.2176 + 20 × 0.1127 = 45.774 kgCO2e; × 7 / 28 = 11.4435.
        assert_eq!(m.reference.co2e, KgCo2e::new(dec!(45.774)));
        assert_eq!(m.reference.co2e_per_person_week, KgCo2e::new(dec!(11.4435)));
        // 80 × 0.2176 + 60 × 0.1088 + 20 × 0.1127 = 26.19 kgCO2e.
        assert_eq!(m.challenge.co2e, KgCo2e::new(dec!(26.19)));
        assert_eq!(m.challenge.car_share_of_km, Some(Ratio::new(dec!(0.7))));
        // Python decimal: 26.19 / 45.774 − 1 = −0.42784113252064490758946…
        assert_eq!(
            m.co2e_change.unwrap().fraction().round_dp(12),
            dec!(-0.427841132521)
        );
        // 6/18 − 10/20 = −1/6 points; 140/200 − 200/226 = −0.18495575…
        assert_eq!(
            m.car_share_of_trips_change.unwrap().fraction().round_dp(6),
            dec!(-0.166667)
        );
        assert_eq!(
            m.car_share_of_km_change.unwrap().fraction().round_dp(9),
            dec!(-0.184955752)
        );
        assert_eq!(
            m.km_change.unwrap().fraction().round_dp(9),
            dec!(-0.115044248)
        );
        assert_eq!(m.avoided_co2e, KgCo2e::new(dec!(19.584)));
    }

    #[test]
    fn exclusions_and_warnings() {
        let (r, c) = periods();
        let factors = ModeFactors::default();
        let code = |h: &Household| {
            household_mobility(h, r, c, &factors)
                .unwrap()
                .exclusion()
                .map(|e| e.code)
        };
        assert_eq!(code(&couple(vec![])), Some(ExclusionCode::NoData));
        assert_eq!(
            code(&couple(vec![t(date(2026, 4, 7), Mode::Bike, dec!(3), 1)])),
            Some(ExclusionCode::PeriodNotCovered)
        );
        let h = couple(vec![
            t(date(2026, 3, 3), Mode::Other, dec!(10), 1),
            t(date(2026, 4, 7), Mode::Other, dec!(10), 1),
            t(date(2026, 5, 7), Mode::Bike, dec!(10), 1),
        ]);
        let res = household_mobility(&h, r, c, &factors).unwrap();
        let codes: Vec<_> = res.warnings.iter().map(|w| w.code).collect();
        assert_eq!(
            codes,
            vec![WarningCode::OutsidePeriods, WarningCode::MissingCo2eFactor]
        );
        let m = res.figures().unwrap();
        assert_eq!(m.co2e_change, None);
        assert_eq!(m.reference.modes[0].co2e, None);
    }

    proptest! {
        /// Splitting each diary line in two (km and trips) changes no
        /// indicator.
        #[test]
        fn splitting_lines_changes_nothing(lines in proptest::collection::vec((0usize..14, 1u32..2000, 1u32..10, any::<bool>()), 2..12)) {
            let (r, c) = periods();
            let mk = |split: bool| {
                let mut trips = vec![
                    t(date(2026, 3, 3), Mode::CarAlone, dec!(10), 2),
                    t(date(2026, 4, 7), Mode::CarAlone, dec!(8), 2),
                ];
                for &(m, km, n, during) in &lines {
                    let d = if during { date(2026, 4, 8) } else { date(2026, 3, 4) };
                    let km = Decimal::from(km * 2);
                    if split {
                        trips.push(t(d, Mode::ALL[m], km / dec!(2), n));
                        trips.push(t(d, Mode::ALL[m], km / dec!(2), n));
                    } else {
                        trips.push(t(d, Mode::ALL[m], km, n * 2));
                    }
                }
                household_mobility(&couple(trips), r, c, &ModeFactors::default()).unwrap()
            };
            prop_assert_eq!(mk(false), mk(true));
        }

        /// Replacing car-alone km by bike km never raises the CO2e and
        /// never raises the car share of km.
        #[test]
        fn shifting_to_bike_lowers_co2e(km in 1u32..1000, shift in 0u32..1000) {
            let shift = shift.min(km);
            let (r, c) = periods();
            let h = couple(vec![
                t(date(2026, 3, 3), Mode::CarAlone, Decimal::from(km), 1),
                t(date(2026, 4, 7), Mode::CarAlone, Decimal::from(km - shift), 1),
                t(date(2026, 4, 8), Mode::Bike, Decimal::from(shift), 1),
            ]);
            let res = household_mobility(&h, r, c, &ModeFactors::default()).unwrap();
            let m = res.figures().unwrap();
            prop_assert!(m.co2e_change.unwrap().fraction() <= Decimal::ZERO);
            prop_assert_eq!(m.km_change.unwrap().fraction(), Decimal::ZERO);
            prop_assert!(m.car_share_of_km_change.unwrap().fraction() <= Decimal::ZERO);
        }
    }
}
