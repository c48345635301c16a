//! The mobility section of a challenge's report.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::aggregate::{in_rank_order, totals, Entry, Totals};
use crate::challenge::Challenge;
use crate::error::{Location, Result, CHALLENGE};
use crate::french::{households as french_households, percent, share};
use crate::household::Household;
use crate::id::TeamId;
use crate::outcome::HouseholdResult;
use crate::period::Period;
use crate::quantity::{add, sub, Ratio};
use crate::rate::Presence;

use super::household::{
    household_mobility, household_sums, merge, period_figures, MobilityIndicators, PeriodMobility,
};
use super::input::{MobilityOptions, ModeFactors};
use crate::noun;

/// A group's (team or challenge) mobility statistics. `co2e` and `km` are
/// [`Totals`] whose `reference` is Σ of what the households would have
/// emitted (travelled) over the challenge at their reference rate and
/// `actual` Σ of the challenge's: `change` is weighted by household size
/// and presence **\[design\]**. `reference` and `challenge` pool the counted
/// households' km, trips and person-days (per mode, car shares).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MobilityTotals {
    /// kgCO2e statistics.
    pub co2e: Totals,
    /// Person-km statistics.
    pub km: Totals,
    /// The counted households' travel in the reference period, pooled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<PeriodMobility>,
    /// The counted households' travel in the challenge period, pooled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub challenge: Option<PeriodMobility>,
    /// Change of the pooled car share of trips, in points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub car_share_of_trips_change: Option<Ratio>,
    /// Change of the pooled car share of km, in points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub car_share_of_km_change: Option<Ratio>,
}

/// A team's mobility statistics and rank.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MobilityTeam {
    /// The team.
    pub team: TeamId,
    /// Its name.
    pub name: String,
    /// Its rank by the change of kgCO2e (1 = the largest reduction).
    pub rank: u32,
    /// Its statistics.
    pub totals: MobilityTotals,
}

/// The mobility section of a report.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MobilityReport {
    /// The reference period used.
    pub reference_period: Period,
    /// The challenge period used.
    pub challenge_period: Period,
    /// The factor table used: year and source.
    pub factors: ModeFactors,
    /// Every household of the input, computed or excluded, in input order.
    pub households: Vec<HouseholdResult<MobilityIndicators>>,
    /// Every team with its rank, best first (ties in the challenge's order).
    pub teams: Vec<MobilityTeam>,
    /// The whole challenge.
    pub totals: MobilityTotals,
    /// The published-style result, e.g. "12 foyers, part de la voiture
    /// dans les trajets 68 % → 46 %, −31 % d'émissions de CO2e".
    pub headline: String,
}

fn points(a: Option<Ratio>, b: Option<Ratio>) -> Result<Option<Ratio>> {
    match (a, b) {
        (Some(a), Some(b)) => Ok(Some(Ratio::new(sub(
            b.fraction(),
            a.fraction(),
            noun!("change in points"),
        )?))),
        _ => Ok(None),
    }
}

struct Periods {
    reference: Period,
    challenge: Period,
}

fn group_totals(
    members: &[(&Household, &HouseholdResult<MobilityIndicators>)],
    periods: &Periods,
    factors: &ModeFactors,
) -> Result<MobilityTotals> {
    let entry = |r: &HouseholdResult<MobilityIndicators>, km: bool| match r.result() {
        Err(e) => Entry::Excluded(e.code),
        Ok(m) => {
            let (expected, actual) = if km {
                (m.expected_km.value(), m.challenge.km.value())
            } else {
                (m.expected_co2e.value(), m.challenge.co2e.value())
            };
            if expected > Decimal::ZERO {
                Entry::Counted {
                    reference: expected,
                    actual,
                }
            } else {
                Entry::Excluded(crate::exclusion::ExclusionCode::ZeroReference)
            }
        }
    };
    let co2e = totals(members.iter().map(|(_, r)| entry(r, false)))?;
    let km = totals(members.iter().map(|(_, r)| entry(r, true)))?;
    let (mut sr, mut sc) = (BTreeMap::default(), BTreeMap::default());
    let (mut pr, mut pc) = (Presence::default(), Presence::default());
    let mut any = false;
    for (h, r) in members {
        let Some(m) = r.figures() else {
            continue;
        };
        let Some(s) = household_sums(h, periods.reference, periods.challenge)? else {
            continue;
        };
        any = true;
        merge(&mut sr, &s.reference)?;
        merge(&mut sc, &s.challenge)?;
        for (into, from) in [(&mut pr, &m.reference), (&mut pc, &m.challenge)] {
            into.person_days = add(into.person_days, from.person_days, noun!("person-days"))?;
            into.unit_days = add(into.unit_days, from.unit_days, noun!("unit-days"))?;
        }
    }
    let (reference, challenge) = if any {
        (
            Some(period_figures(&sr, &pr, factors)?),
            Some(period_figures(&sc, &pc, factors)?),
        )
    } else {
        (None, None)
    };
    let share = |p: &Option<PeriodMobility>, trips: bool| {
        p.as_ref().and_then(|p| {
            if trips {
                p.car_share_of_trips
            } else {
                p.car_share_of_km
            }
        })
    };
    Ok(MobilityTotals {
        co2e,
        km,
        car_share_of_trips_change: points(share(&reference, true), share(&challenge, true))?,
        car_share_of_km_change: points(share(&reference, false), share(&challenge, false))?,
        reference,
        challenge,
    })
}

/// The mobility section for `households` of `challenge`.
///
/// # Errors
/// [`crate::Error::InvalidValue`] when the periods overlap or the factor
/// table is invalid; [`crate::Error::Overflow`] beyond the decimal range.
pub fn mobility_report(
    challenge: &Challenge,
    households: &[Household],
    options: &MobilityOptions,
) -> Result<MobilityReport> {
    options.factors.validate()?;
    let (reference, period) = options.periods(challenge)?;
    let periods = Periods {
        reference,
        challenge: period,
    };
    let results = crate::parallel::map(households, &|h| {
        household_mobility(h, periods.reference, periods.challenge, &options.factors)
    })?;
    let pairs: Vec<_> = households.iter().zip(&results).collect();
    let teams = challenge
        .teams
        .iter()
        .map(|t| {
            let members: Vec<_> = pairs
                .iter()
                .copied()
                .filter(|(h, _)| h.team == t.id)
                .collect();
            Ok(MobilityTeam {
                team: t.id.clone(),
                name: t.name.clone(),
                rank: 0,
                totals: group_totals(&members, &periods, &options.factors)
                    .map_err(|e| e.within(&Location::team(&t.id)))?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let changes: Vec<_> = teams.iter().map(|t| t.totals.co2e.change).collect();
    let teams = in_rank_order(teams, &changes, |t, rank| t.rank = rank);
    let all = group_totals(&pairs, &periods, &options.factors).map_err(|e| e.at_path(CHALLENGE))?;
    let mut headline = french_households(all.co2e.households);
    if let (Some(a), Some(b)) = (
        all.reference.as_ref().and_then(|p| p.car_share_of_trips),
        all.challenge.as_ref().and_then(|p| p.car_share_of_trips),
    ) {
        headline = format!(
            "{headline}, part de la voiture dans les trajets {} \u{2192} {}",
            share(a, 1),
            share(b, 1)
        );
    }
    if let Some(c) = all.co2e.change {
        headline = format!("{headline}, {} d'émissions de CO2e", percent(c, 1));
    }
    Ok(MobilityReport {
        reference_period: periods.reference,
        challenge_period: periods.challenge,
        factors: options.factors.clone(),
        households: results,
        teams,
        totals: all,
        headline,
    })
}

crate::section::impl_section!(MobilityReport, Mobility, |t| (
    t.totals.co2e.households,
    t.totals.co2e.excluded,
    crate::section::Score::Change(t.totals.co2e.change)
));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::challenge::{OrganiserKind, Team, Theme};
    use crate::date::date;
    use crate::household::Occupants;
    use crate::id::HouseholdId;
    use crate::mobility::{Mode, Trip};
    use crate::quantity::Km;
    use proptest::prelude::*;
    use rust_decimal::dec;

    fn challenge() -> Challenge {
        let team = |id: &str| Team {
            id: TeamId::new(id).unwrap(),
            name: format!("Team {id}"),
            captain: None,
        };
        Challenge {
            name: "Défi mobilité".into(),
            territory: "Lille".into(),
            organiser_kind: OrganiserKind::Company,
            themes: vec![Theme::Mobility],
            reference_period: Period::new(date(2026, 3, 2), date(2026, 3, 15)).unwrap(),
            challenge_period: Period::new(date(2026, 4, 6), date(2026, 4, 19)).unwrap(),
            objective: Ratio::new(dec!(0.1)),
            teams: vec![team("A"), team("B")],
            weather_station: None,
        }
    }

    fn h(id: &str, team: &str, adults: u16, trips: &[(i8, i8, Mode, u32, u32)]) -> Household {
        let mut h = Household::new(
            HouseholdId::new(id).unwrap(),
            TeamId::new(team).unwrap(),
            Occupants::new(adults, vec![]).unwrap(),
        );
        h.trips = trips
            .iter()
            .map(|&(m, d, mode, km, n)| Trip {
                date: date(2026, m, d),
                mode,
                km: Km::new(Decimal::from(km)),
                trips: n,
            })
            .collect();
        h
    }

    fn sample() -> Vec<Household> {
        vec![
            h(
                "M1",
                "A",
                2,
                &[
                    (3, 3, Mode::CarAlone, 200, 10),
                    (3, 4, Mode::Bus, 20, 4),
                    (3, 5, Mode::Walking, 6, 6),
                    (4, 7, Mode::CarAlone, 80, 4),
                    (4, 8, Mode::Carpool, 60, 2),
                    (4, 9, Mode::Bike, 40, 8),
                    (4, 10, Mode::Bus, 20, 4),
                ],
            ),
            h(
                "M2",
                "B",
                1,
                &[
                    (3, 3, Mode::CarAlone, 100, 5),
                    (4, 7, Mode::CarAlone, 100, 5),
                ],
            ),
            h("M3", "B", 1, &[]),
        ]
    }

    #[test]
    fn challenge_by_hand() {
        let rep = mobility_report(&challenge(), &sample(), &MobilityOptions::default()).unwrap();
        let t = &rep.totals;
        // M1 45.774 → 26.19 kgCO2e; M2 21.76 → 21.76 (100 km × 0.2176).
        assert_eq!(t.co2e.reference, dec!(67.534));
        assert_eq!(t.co2e.actual, dec!(47.95));
        // Python decimal: 47.95 / 67.534 − 1 = −0.28998726567358663784…
        assert_eq!(
            t.co2e.change.unwrap().fraction().round_dp(12),
            dec!(-0.289987265674)
        );
        assert_eq!(t.co2e.excluded, 1);
        // Car trips 15 of 25, then 11 of 23.
        let r = t.reference.as_ref().unwrap();
        assert_eq!(r.car_share_of_trips, Some(Ratio::new(dec!(0.6))));
        assert_eq!(
            t.car_share_of_trips_change.unwrap().fraction().round_dp(9),
            dec!(-0.121739130)
        );
        assert_eq!((rep.teams[0].rank, rep.teams[1].rank), (1, 2));
        assert_eq!(
            rep.headline,
            "2 foyers, part de la voiture dans les trajets 60,0\u{a0}% \u{2192} 47,8\u{a0}%, \u{2212}29,0\u{a0}% d'émissions de CO2e"
        );
    }

    proptest! {
        /// Adding a household whose travel does not change moves the
        /// challenge's CO2e change toward 0.
        #[test]
        fn unchanged_household_moves_toward_zero(km in 1u32..2000, km2 in 0u32..2000, other in 1u32..2000) {
            let mut hs = vec![h("X", "A", 1, &[(3, 3, Mode::CarAlone, km, 1), (4, 7, Mode::CarAlone, km2, 1)])];
            let before = mobility_report(&challenge(), &hs, &MobilityOptions::default()).unwrap();
            hs.push(h("Y", "B", 3, &[(3, 3, Mode::Bus, other, 1), (4, 7, Mode::Bus, other, 1)]));
            let after = mobility_report(&challenge(), &hs, &MobilityOptions::default()).unwrap();
            let (b, a) = (before.totals.co2e.change.unwrap().fraction(), after.totals.co2e.change.unwrap().fraction());
            prop_assert!(a.abs() <= b.abs());
            prop_assert!(a * b >= Decimal::ZERO);
        }
    }
}
