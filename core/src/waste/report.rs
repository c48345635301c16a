//! The waste section of a challenge's report: every household's result,
//! each team's and the challenge's totals, the team ranking and the
//! headline.

use crate::aggregate::{in_rank_order, totals, Entry, Totals};
use crate::challenge::Challenge;
use crate::error::{Location, Result, CHALLENGE};
use crate::exclusion::ExclusionCode;
use crate::french::{households as french_households, percent};
use crate::household::Household;
use crate::id::TeamId;
use crate::outcome::HouseholdResult;
use crate::period::Period;

use super::household::{household_waste, Flow, WasteIndicators};
use super::input::{Stream, WasteOptions};

/// One stream's totals in a group.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StreamTotals {
    /// The stream.
    pub stream: Stream,
    /// Its totals.
    pub totals: Totals,
}

/// A group's (team or challenge) waste statistics. In each [`Totals`],
/// `reference` is Σ of the kg the households would have produced over the
/// challenge at their reference rate ([`Flow::expected_kg`]) and `actual`
/// Σ of the kg weighed in the challenge, so `change` is the change of the
/// rate per person weighted by household size and presence **\[design\]**.
/// A household counts in a stream only if it weighed some of it in the
/// reference; otherwise it is listed as [`ExclusionCode::ZeroReference`]
/// for that stream.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WasteTotals {
    /// The residual stream ("déchets non recyclables").
    pub residual: Totals,
    /// All streams together.
    pub total: Totals,
    /// Each stream weighed by someone in the group, in the order of
    /// [`Stream`].
    pub streams: Vec<StreamTotals>,
}

/// A team's waste statistics and rank.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WasteTeam {
    /// The team.
    pub team: TeamId,
    /// Its name.
    pub name: String,
    /// Its rank by the change of residual waste (1 = the largest
    /// reduction).
    pub rank: u32,
    /// Its statistics.
    pub totals: WasteTotals,
}

/// The waste section of a report.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WasteReport {
    /// The reference period used.
    pub reference_period: Period,
    /// The challenge periods used.
    pub challenge_periods: Vec<Period>,
    /// Every household of the input, computed or excluded, in input order.
    pub households: Vec<HouseholdResult<WasteIndicators>>,
    /// Every team with its rank, best first (ties in the challenge's order).
    pub teams: Vec<WasteTeam>,
    /// The whole challenge.
    pub totals: WasteTotals,
    /// The published-style result, e.g. "60 foyers, −26 % de production de
    /// déchets non recyclables".
    pub headline: String,
    /// The challenge's kg per person and year next to the national figure ([`crate::references`]); set
    /// by [`crate::compute`] from `options.references`, `None` when the
    /// section is computed alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national: Option<crate::references::WasteComparison>,
}

fn entry(
    r: &HouseholdResult<WasteIndicators>,
    flow: impl Fn(&WasteIndicators) -> Option<&Flow>,
) -> Entry {
    match r.result() {
        Err(e) => Entry::Excluded(e.code),
        Ok(ind) => match flow(ind) {
            Some(f) if f.expected_kg.value() > rust_decimal::Decimal::ZERO => Entry::Counted {
                reference: f.expected_kg.value(),
                actual: f.challenge_kg.value(),
            },
            _ => Entry::Excluded(ExclusionCode::ZeroReference),
        },
    }
}

/// The statistics of `results`.
///
/// # Errors
/// [`crate::Error::Overflow`] beyond the decimal range.
pub fn waste_totals(results: &[&HouseholdResult<WasteIndicators>]) -> Result<WasteTotals> {
    let results = results.iter().copied();
    let mut weighed: Vec<Stream> = results
        .clone()
        .filter_map(|r| r.figures())
        .flat_map(|i| i.streams.iter().map(|s| s.stream))
        .collect();
    weighed.sort_unstable();
    weighed.dedup();
    Ok(WasteTotals {
        residual: totals(results.clone().map(|r| entry(r, |i| i.residual.as_ref())))?,
        total: totals(results.clone().map(|r| entry(r, |i| Some(&i.total))))?,
        streams: weighed
            .into_iter()
            .map(|s| {
                Ok(StreamTotals {
                    stream: s,
                    totals: totals(results.clone().map(|r| {
                        entry(r, |i| {
                            i.streams.iter().find(|f| f.stream == s).map(|f| &f.flow)
                        })
                    }))?,
                })
            })
            .collect::<Result<_>>()?,
    })
}

/// The waste section for `households` of `challenge`.
///
/// # Errors
/// [`crate::Error::InvalidValue`] when periods overlap;
/// [`crate::Error::Overflow`] beyond the decimal range.
///
/// # Example
/// ```
/// use ecodefi::waste::{waste_report, Stream, WasteOptions, Weighing};
/// use ecodefi::{Challenge, Household, HouseholdId, Kg, Occupants, OrganiserKind, Period, Team, TeamId};
/// use ecodefi::date::date;
/// use rust_decimal::dec;
/// let challenge = Challenge {
///     name: "Défi zéro déchet".into(),
///     territory: "Lille".into(),
///     organiser_kind: OrganiserKind::LocalAuthority,
///     themes: vec![ecodefi::Theme::Waste],
///     reference_period: Period::new(date(2026, 1, 5), date(2026, 1, 18))?,
///     challenge_period: Period::new(date(2026, 2, 2), date(2026, 3, 1))?,
///     objective: ecodefi::Ratio::new(dec!(0.1)),
///     teams: vec![Team { id: TeamId::new("A")?, name: "Les Pesons".into(), captain: None }],
///     weather_station: None,
/// };
/// let mut h = Household::new(HouseholdId::new("F1")?, TeamId::new("A")?, Occupants::new(1, vec![])?);
/// let w = |d, kg| Weighing { date: d, stream: Stream::Residual, kg: Kg::new(kg) };
/// // 7 kg in 14 days, then 10.36 kg in 28 days: −26 % per person.
/// h.weighings = vec![w(date(2026, 1, 10), dec!(7)), w(date(2026, 2, 20), dec!(10.36))];
/// let report = waste_report(&challenge, &[h], &WasteOptions::default())?;
/// assert_eq!(report.headline, "1 foyer, \u{2212}26,0\u{a0}% de production de déchets non recyclables");
/// # Ok::<(), ecodefi::Error>(())
/// ```
pub fn waste_report(
    challenge: &Challenge,
    households: &[Household],
    options: &WasteOptions,
) -> Result<WasteReport> {
    let (reference, periods) = options.periods(challenge)?;
    let results = crate::parallel::map(households, &|h| household_waste(h, reference, &periods))?;
    let teams = challenge
        .teams
        .iter()
        .map(|t| {
            Ok(WasteTeam {
                team: t.id.clone(),
                name: t.name.clone(),
                rank: 0,
                totals: waste_totals(
                    &results
                        .iter()
                        .filter(|r| r.team == t.id)
                        .collect::<Vec<_>>(),
                )
                .map_err(|e| e.within(&Location::team(&t.id)))?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let changes: Vec<_> = teams.iter().map(|t| t.totals.residual.change).collect();
    let teams = in_rank_order(teams, &changes, |t, rank| t.rank = rank);
    let all =
        waste_totals(&results.iter().collect::<Vec<_>>()).map_err(|e| e.at_path(CHALLENGE))?;
    let headline = match all.residual.change {
        Some(c) => format!(
            "{}, {} de production de déchets non recyclables",
            french_households(all.residual.households),
            percent(c, 1)
        ),
        None => format!(
            "{}, aucune pesée de déchets non recyclables comparable",
            french_households(all.residual.households)
        ),
    };
    Ok(WasteReport {
        reference_period: reference,
        challenge_periods: periods,
        households: results,
        teams,
        totals: all,
        headline,
        national: None,
    })
}

crate::section::impl_section!(WasteReport, Waste, |t| (
    t.totals.residual.households,
    t.totals.residual.excluded,
    crate::section::Score::Change(t.totals.residual.change)
));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::challenge::{OrganiserKind, Team, Theme};
    use crate::date::{date, Date};
    use crate::household::Occupants;
    use crate::id::HouseholdId;
    use crate::quantity::{Kg, Ratio};
    use crate::waste::Weighing;
    use proptest::prelude::*;
    use rust_decimal::{dec, Decimal};

    fn challenge() -> Challenge {
        let team = |id: &str| Team {
            id: TeamId::new(id).unwrap(),
            name: format!("Team {id}"),
            captain: None,
        };
        Challenge {
            name: "Défi déchets".into(),
            territory: "Roubaix".into(),
            organiser_kind: OrganiserKind::LocalAuthority,
            themes: vec![Theme::Waste],
            reference_period: Period::new(date(2026, 1, 5), date(2026, 1, 18)).unwrap(),
            challenge_period: Period::new(date(2026, 2, 2), date(2026, 3, 1)).unwrap(),
            objective: Ratio::new(dec!(0.1)),
            teams: vec![team("A"), team("B")],
            weather_station: None,
        }
    }

    fn household(id: &str, team: &str, adults: u16, kg: &[(Date, Decimal)]) -> Household {
        let mut h = Household::new(
            HouseholdId::new(id).unwrap(),
            TeamId::new(team).unwrap(),
            Occupants::new(adults, vec![]).unwrap(),
        );
        h.weighings = kg
            .iter()
            .map(|&(date, kg)| Weighing {
                date,
                stream: Stream::Residual,
                kg: Kg::new(kg),
            })
            .collect();
        h
    }

    fn sample() -> Vec<Household> {
        let (r, c) = (date(2026, 1, 10), date(2026, 2, 20));
        vec![
            household("F1", "A", 1, &[(r, dec!(7)), (c, dec!(10.36))]),
            household("F2", "A", 2, &[(r, dec!(14)), (c, dec!(28))]),
            household("F3", "B", 1, &[(r, dec!(7)), (c, dec!(14))]),
            household("F4", "B", 3, &[]),
        ]
    }

    #[test]
    fn teams_and_challenge_by_hand() {
        let rep = waste_report(&challenge(), &sample(), &WasteOptions::default()).unwrap();
        assert_eq!(rep.households.len(), 4);
        let t = &rep.totals.residual;
        // Expected 14 + 28 + 14 = 56 kg, weighed 10.36 + 28 + 14 = 52.36.
        assert_eq!(t.households, 3);
        assert_eq!(t.excluded, 1);
        assert_eq!(t.reference, dec!(56));
        assert_eq!(t.actual, dec!(52.36));
        assert_eq!(t.change, Some(Ratio::new(dec!(-0.065))));
        // Mean of −26 %, 0, 0; median 0.
        assert_eq!(
            t.mean_change.unwrap().fraction().round_dp(9),
            dec!(-0.086666667)
        );
        assert_eq!(t.median_change, Some(Ratio::new(dec!(0))));
        // Team A: 38.36 / 42 − 1; team B: 0.
        assert_eq!(
            rep.teams[0]
                .totals
                .residual
                .change
                .unwrap()
                .fraction()
                .round_dp(9),
            dec!(-0.086666667)
        );
        assert_eq!((rep.teams[0].rank, rep.teams[1].rank), (1, 2));
        assert_eq!(
            rep.headline,
            "3 foyers, \u{2212}6,5\u{a0}% de production de déchets non recyclables"
        );
    }

    #[test]
    fn a_team_total_that_overflows_names_the_team() {
        // Each household's figures fit in a decimal (2·10^26 kg over 14
        // days, 4·10^26 expected over 28 days, 1.9·10^28 kg a year); the sum
        // of team A's 200 expected kg (8·10^28) does not: the largest
        // decimal is about 7.9·10^28.
        let (r, c) = (date(2026, 1, 10), date(2026, 2, 20));
        let huge = dec!(200_000_000_000_000_000_000_000_000);
        let mut households: Vec<Household> = (1..=200)
            .map(|i| household(&format!("F{i}"), "A", 1, &[(r, huge), (c, dec!(1))]))
            .collect();
        households.push(household("F201", "B", 1, &[(r, dec!(7)), (c, dec!(7))]));
        let e = waste_report(&challenge(), &households, &WasteOptions::default()).unwrap_err();
        assert_eq!(e.code(), "overflow");
        assert_eq!(e.location(), Some(&Location::team("A")), "{e}");
        assert!(e.to_string().ends_with("at team `A`"), "{e}");
    }

    #[test]
    fn several_challenge_periods() {
        // Two challenge periods of 7 and 21 days, same pooled rate as one
        // period of 28 days when the weighings are the same.
        let opts = WasteOptions {
            reference_period: None,
            challenge_periods: vec![
                Period::new(date(2026, 2, 2), date(2026, 2, 8)).unwrap(),
                Period::new(date(2026, 2, 9), date(2026, 3, 1)).unwrap(),
            ],
        };
        let a = waste_report(&challenge(), &sample(), &opts).unwrap();
        let b = waste_report(&challenge(), &sample(), &WasteOptions::default()).unwrap();
        assert_eq!(a.totals, b.totals);
        let overlapping = WasteOptions {
            reference_period: Some(Period::new(date(2026, 2, 1), date(2026, 2, 3)).unwrap()),
            challenge_periods: vec![],
        };
        assert_eq!(
            waste_report(&challenge(), &sample(), &overlapping)
                .unwrap_err()
                .code(),
            "invalid_value"
        );
    }

    proptest! {
        /// Adding a household whose rate does not change moves the
        /// challenge's weighted change toward 0 (never across it).
        #[test]
        fn unchanged_household_moves_toward_zero(
            r in 1u32..10_000, c in 0u32..20_000, adults in 1u16..6, kg in 1u32..10_000,
        ) {
            let (dr, dc) = (date(2026, 1, 10), date(2026, 2, 20));
            let mut hs = vec![household("X", "A", 2, &[(dr, Decimal::new(i64::from(r), 2)), (dc, Decimal::new(i64::from(c), 2))])];
            let before = waste_report(&challenge(), &hs, &WasteOptions::default()).unwrap();
            // Same rate: twice the kg in twice the days.
            let k = Decimal::new(i64::from(kg), 2);
            hs.push(household("Y", "B", adults, &[(dr, k), (dc, k * dec!(2))]));
            let after = waste_report(&challenge(), &hs, &WasteOptions::default()).unwrap();
            let (b, a) = (
                before.totals.residual.change.unwrap().fraction(),
                after.totals.residual.change.unwrap().fraction(),
            );
            prop_assert!(a.abs() <= b.abs());
            prop_assert!(a * b >= Decimal::ZERO);
        }
    }
}
