//! The water section of a challenge's report.

use rust_decimal::Decimal;

use crate::aggregate::{in_rank_order, totals, Entry, Totals};
use crate::challenge::Challenge;
use crate::consumption::Limits;
use crate::error::{Location, Result, CHALLENGE};
use crate::french::{households as french_households, number, percent};
use crate::household::Household;
use crate::id::TeamId;
use crate::outcome::HouseholdResult;
use crate::period::Period;
use crate::quantity::{add, div, Litres, Ratio};
use crate::rate::relative_change;

use super::household::{household_water, WaterIndicators};
use super::input::{WaterOptions, WaterReference};
use crate::noun;

/// A group's (team or challenge) water statistics. In `totals`,
/// `reference` is Σ of the litres the households would have used over the
/// challenge at their reference rate and `actual` Σ of the challenge's
/// litres: `change` is the change of litres per person per day weighted by
/// household size and presence **\[design\]**.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaterTotals {
    /// Litres statistics.
    pub totals: Totals,
    /// Litres per person per day of the counted households, reference:
    /// Σ litres ÷ Σ person-days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_per_person_day: Option<Litres>,
    /// The same, challenge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub challenge_per_person_day: Option<Litres>,
    /// The challenge's litres per person per day against the reference
    /// value: challenge ÷ reference value − 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub versus_reference_value: Option<Ratio>,
}

/// A team's water statistics and rank.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaterTeam {
    /// The team.
    pub team: TeamId,
    /// Its name.
    pub name: String,
    /// Its rank by the change of water use (1 = the largest reduction).
    pub rank: u32,
    /// Its statistics.
    pub totals: WaterTotals,
}

/// The water section of a report.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaterReport {
    /// The reference period used.
    pub reference_period: Period,
    /// The challenge period used.
    pub challenge_period: Period,
    /// The value households are compared with, and its source.
    pub reference_value: WaterReference,
    /// Every household of the input, computed or excluded, in input order.
    pub households: Vec<HouseholdResult<WaterIndicators>>,
    /// Every team with its rank, best first (ties in the challenge's order).
    pub teams: Vec<WaterTeam>,
    /// The whole challenge.
    pub totals: WaterTotals,
    /// The published-style result, e.g. "40 foyers, −8,1 % de
    /// consommation d'eau (132 L par personne et par jour ; référence
    /// 148 L)".
    pub headline: String,
    /// The challenge's litres per person and day next to the national figure ([`crate::references`]); set
    /// by [`crate::compute`] from `options.references`, `None` when the
    /// section is computed alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national: Option<crate::references::NationalComparison>,
}

fn group<'a>(
    results: impl Iterator<Item = &'a HouseholdResult<WaterIndicators>> + Clone,
    value: &WaterReference,
) -> Result<WaterTotals> {
    let t = totals(results.clone().map(|r| match r.result() {
        Err(e) => Entry::Excluded(e.code),
        Ok(w) => Entry::Counted {
            reference: w.expected_litres.value(),
            actual: w.challenge_litres.value(),
        },
    }))?;
    let (mut lr, mut lc, mut pr, mut pc) =
        (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for w in results.filter_map(|r| r.figures()) {
        lr = add(lr, w.reference_litres.value(), noun!("litres"))?;
        lc = add(lc, w.challenge_litres.value(), noun!("litres"))?;
        pr = add(pr, w.reference_person_days, noun!("person-days"))?;
        pc = add(pc, w.challenge_person_days, noun!("person-days"))?;
    }
    let rate = |l, p: Decimal| -> Result<Option<Decimal>> {
        if p.is_zero() {
            Ok(None)
        } else {
            div(l, p, noun!("litres per person-day")).map(Some)
        }
    };
    let (rr, rc) = (rate(lr, pr)?, rate(lc, pc)?);
    Ok(WaterTotals {
        totals: t,
        reference_per_person_day: rr.map(Litres::new),
        challenge_per_person_day: rc.map(Litres::new),
        versus_reference_value: match rc {
            Some(c) => relative_change(value.litres_per_person_day.value(), c)?,
            None => None,
        },
    })
}

/// The water section for `households` of `challenge`.
///
/// # Errors
/// [`crate::Error::InvalidValue`] when the periods overlap or the reference
/// value is not above zero; [`crate::Error::Overflow`] beyond the decimal
/// range.
pub fn water_report(
    challenge: &Challenge,
    households: &[Household],
    options: &WaterOptions,
) -> Result<WaterReport> {
    options.validate()?;
    let (reference, period) = options.periods(challenge)?;
    let limits = Limits {
        max_extrapolation_days: i32::from(options.max_extrapolation_days),
        max_gap_days: i32::from(options.max_gap_days),
    };
    let value = &options.reference_value;
    let results = crate::parallel::map(households, &|h| {
        household_water(h, reference, period, value, limits)
    })?;
    let teams = challenge
        .teams
        .iter()
        .map(|t| {
            Ok(WaterTeam {
                team: t.id.clone(),
                name: t.name.clone(),
                rank: 0,
                totals: group(results.iter().filter(|r| r.team == t.id), value)
                    .map_err(|e| e.within(&Location::team(&t.id)))?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let changes: Vec<_> = teams.iter().map(|t| t.totals.totals.change).collect();
    let teams = in_rank_order(teams, &changes, |t, rank| t.rank = rank);
    let all = group(results.iter(), value).map_err(|e| e.at_path(CHALLENGE))?;
    let mut headline = french_households(all.totals.households);
    match all.totals.change {
        Some(c) => headline = format!("{headline}, {} de consommation d'eau", percent(c, 1)),
        None => headline = format!("{headline} : aucun résultat calculable"),
    }
    if let Some(l) = all.challenge_per_person_day {
        headline = format!(
            "{headline} ({}\u{a0}L par personne et par jour ; référence {}\u{a0}L)",
            number(l.value(), 0),
            number(value.litres_per_person_day.value(), 0)
        );
    }
    Ok(WaterReport {
        reference_period: reference,
        challenge_period: period,
        reference_value: value.clone(),
        households: results,
        teams,
        totals: all,
        headline,
        national: None,
    })
}

crate::section::impl_section!(WaterReport, Water, |t| (
    t.totals.totals.households,
    t.totals.totals.excluded,
    crate::section::Score::Change(t.totals.totals.change)
));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::challenge::{OrganiserKind, Team, Theme};
    use crate::date::date;
    use crate::household::Occupants;
    use crate::id::{HouseholdId, MeterId};
    use crate::meter::Reading;
    use crate::water::{WaterMeter, WaterUnit};
    use proptest::prelude::*;
    use rust_decimal::dec;

    fn challenge() -> Challenge {
        let team = |id: &str| Team {
            id: TeamId::new(id).unwrap(),
            name: format!("Team {id}"),
            captain: None,
        };
        Challenge {
            name: "Défi eau".into(),
            territory: "Lens".into(),
            organiser_kind: OrganiserKind::LocalAuthority,
            themes: vec![Theme::Water],
            reference_period: Period::new(date(2025, 3, 1), date(2025, 3, 31)).unwrap(),
            challenge_period: Period::new(date(2026, 3, 1), date(2026, 3, 31)).unwrap(),
            objective: Ratio::new(dec!(0.1)),
            teams: vec![team("A"), team("B")],
            weather_station: None,
        }
    }

    /// A household using `before` then `after` m³ over each March.
    fn h(id: &str, team: &str, adults: u16, before: Decimal, after: Decimal) -> Household {
        let mut h = Household::new(
            HouseholdId::new(id).unwrap(),
            TeamId::new(team).unwrap(),
            Occupants::new(adults, vec![]).unwrap(),
        );
        let mut m = WaterMeter::new(MeterId::new("eau").unwrap(), WaterUnit::M3);
        let r = |y, m, d, value| Reading {
            date: date(y, m, d),
            value,
        };
        m.readings = vec![
            r(2025, 3, 1, dec!(0)),
            r(2025, 4, 1, before),
            r(2026, 3, 1, dec!(500)),
            r(2026, 4, 1, dec!(500) + after),
        ];
        h.water_meters = vec![m];
        h
    }

    #[test]
    fn challenge_by_hand() {
        // W1: 1 person, 4.65 → 3.72 m³ (150 → 120 L/person/day);
        // W2: 2 persons, 9.3 → 9.3 m³ (150 L). W3 has no meter.
        let mut w3 = h("W3", "B", 1, dec!(1), dec!(1));
        w3.water_meters.clear();
        let hs = vec![
            h("W1", "A", 1, dec!(4.65), dec!(3.72)),
            h("W2", "B", 2, dec!(9.3), dec!(9.3)),
            w3,
        ];
        let rep = water_report(&challenge(), &hs, &WaterOptions::default()).unwrap();
        let t = &rep.totals;
        // Expected 4 650 + 9 300 = 13 950 L; used 3 720 + 9 300 = 13 020 L.
        assert_eq!(t.totals.reference, dec!(13950));
        assert_eq!(t.totals.actual, dec!(13020));
        // 13 020 / 13 950 − 1 = −0.0666…
        assert_eq!(
            t.totals.change.unwrap().fraction().round_dp(9),
            dec!(-0.066666667)
        );
        assert_eq!(t.totals.excluded, 1);
        // 13 020 L / 93 person-days = 140 L; 140 / 148 − 1 = −0.054054…
        assert_eq!(t.challenge_per_person_day, Some(Litres::new(dec!(140))));
        assert_eq!(
            t.versus_reference_value.unwrap().fraction().round_dp(9),
            dec!(-0.054054054)
        );
        assert_eq!((rep.teams[0].rank, rep.teams[1].rank), (1, 2));
        assert_eq!(
            rep.headline,
            "2 foyers, \u{2212}6,7\u{a0}% de consommation d'eau (140\u{a0}L par personne et par jour ; référence 148\u{a0}L)"
        );
    }

    proptest! {
        /// Adding a household with no change moves the challenge's change
        /// toward 0.
        #[test]
        fn unchanged_household_moves_toward_zero(a in 1u32..50_000, b in 0u32..50_000, c in 1u32..50_000, n in 1u16..6) {
            let mut hs = vec![h("X", "A", 2, Decimal::new(i64::from(a), 3), Decimal::new(i64::from(b), 3))];
            let before = water_report(&challenge(), &hs, &WaterOptions::default()).unwrap();
            let q = Decimal::new(i64::from(c), 3);
            hs.push(h("Y", "B", n, q, q));
            let after = water_report(&challenge(), &hs, &WaterOptions::default()).unwrap();
            let (x, y) = (before.totals.totals.change.unwrap().fraction(), after.totals.totals.change.unwrap().fraction());
            prop_assert!(y.abs() <= x.abs());
            prop_assert!(x * y >= Decimal::ZERO);
        }
    }
}
