//! One household's waste indicators: kg per stream in the reference and
//! challenge periods, as rates per person and per consumption unit, and
//! their change.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::error::{Location, Result};
use crate::exclusion::{Exclusion, ExclusionCode, Warning, WarningCode};
use crate::household::Household;
use crate::outcome::{HouseholdResult, Outcome};
use crate::period::Period;
use crate::quantity::{add, sub, Kg, Ratio};
use crate::rate::{expected, relative_change, Presence};

use super::input::Stream;
use crate::{msg, noun};

/// A quantity of waste (one stream, the residual stream or all streams)
/// over the reference and the challenge, for one household or a group.
///
/// Rates are kg per person per week (kg × 7 ÷ person-days) and annualised
/// per person per year (kg × 365 ÷ person-days); per consumption unit the
/// same with unit-days (INSEE scale, DOMAIN.md §8). Periods differ in
/// length, so rates are compared, not raw totals (DOMAIN.md §5).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    /// kg weighed in the reference period.
    pub reference_kg: Kg,
    /// kg weighed in the challenge periods.
    pub challenge_kg: Kg,
    /// kg per person per week, reference.
    pub reference_per_person_week: Kg,
    /// kg per person per week, challenge.
    pub challenge_per_person_week: Kg,
    /// kg per person per year, reference.
    pub reference_per_person_year: Kg,
    /// kg per person per year, challenge.
    pub challenge_per_person_year: Kg,
    /// kg per consumption unit per year, reference.
    pub reference_per_unit_year: Kg,
    /// kg per consumption unit per year, challenge.
    pub challenge_per_unit_year: Kg,
    /// kg the challenge presence would have produced at the reference rate
    /// ([`crate::rate::expected`]).
    pub expected_kg: Kg,
    /// kg avoided: expected − challenge (negative when more was thrown).
    pub avoided_kg: Kg,
    /// The change of the rate per person: challenge ÷ reference − 1
    /// (`None` when nothing was weighed in the reference).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Ratio>,
}

impl Flow {
    /// The flow of `reference_kg` over `reference` presence and
    /// `challenge_kg` over `challenge` presence.
    ///
    /// # Errors
    /// [`crate::Error::Overflow`] when a presence has no person-day.
    pub fn new(
        reference_kg: Decimal,
        challenge_kg: Decimal,
        reference: &Presence,
        challenge: &Presence,
    ) -> Result<Self> {
        let expected_kg = expected(reference_kg, reference, challenge)?;
        Ok(Flow {
            reference_kg: Kg::new(reference_kg),
            challenge_kg: Kg::new(challenge_kg),
            reference_per_person_week: Kg::new(reference.per_person_week(reference_kg)?),
            challenge_per_person_week: Kg::new(challenge.per_person_week(challenge_kg)?),
            reference_per_person_year: Kg::new(reference.per_person_year(reference_kg)?),
            challenge_per_person_year: Kg::new(challenge.per_person_year(challenge_kg)?),
            reference_per_unit_year: Kg::new(reference.per_unit_year(reference_kg)?),
            challenge_per_unit_year: Kg::new(challenge.per_unit_year(challenge_kg)?),
            expected_kg: Kg::new(expected_kg),
            avoided_kg: Kg::new(sub(expected_kg, challenge_kg, noun!("avoided kg"))?),
            // (kg_c ÷ pd_c) ÷ (kg_r ÷ pd_r) − 1 = kg_c ÷ expected − 1: the
            // same figure the team and challenge statistics average.
            change: relative_change(expected_kg, challenge_kg)?,
        })
    }
}

/// One stream's flow.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StreamFlow {
    /// The stream.
    pub stream: Stream,
    /// Its figures.
    pub flow: Flow,
}

/// A household's waste indicators.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WasteIndicators {
    /// Person-days of presence in the reference period.
    pub reference_person_days: Decimal,
    /// Person-days of presence in the challenge periods.
    pub challenge_person_days: Decimal,
    /// The residual stream ("déchets non recyclables"); `None` when the
    /// household weighed none in either period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residual: Option<Flow>,
    /// All streams together.
    pub total: Flow,
    /// Each stream weighed in either period, in the order of [`Stream`].
    pub streams: Vec<StreamFlow>,
}

/// kg per stream in (reference, challenge).
type Sums = BTreeMap<Stream, (Decimal, Decimal)>;

/// A household's waste result over `reference` and the `challenge`
/// periods (disjoint, as [`super::WasteOptions::periods`] gives them).
///
/// Excluded when it has no weighing ([`ExclusionCode::NoData`]), none in
/// the reference or none in the challenge periods
/// ([`ExclusionCode::PeriodNotCovered`]), or only zero weighings in the
/// reference ([`ExclusionCode::ZeroReference`]). A weighing dated outside
/// every period is not counted, with a warning.
///
/// # Errors
/// [`crate::Error::Overflow`] beyond the decimal range, located in the
/// household.
pub fn household_waste(
    household: &Household,
    reference: Period,
    challenge: &[Period],
) -> Result<HouseholdResult<WasteIndicators>> {
    let at = Location::household(&household.id);
    let mut warnings = Vec::new();
    let outcome =
        indicators(household, reference, challenge, &mut warnings).map_err(|e| e.within(&at))?;
    Ok(HouseholdResult::new(
        household.id.clone(),
        household.team.clone(),
        outcome,
        warnings,
    ))
}

fn indicators(
    household: &Household,
    reference: Period,
    challenge: &[Period],
    warnings: &mut Vec<Warning>,
) -> Result<Outcome<WasteIndicators>> {
    if household.weighings.is_empty() {
        return Ok(Outcome::Excluded(Exclusion::new(
            ExclusionCode::NoData,
            msg!("no weighing"),
        )));
    }
    let mut sums = Sums::new();
    let (mut in_reference, mut in_challenge) = (0usize, 0usize);
    let mut outside = Vec::new();
    for (i, w) in household.weighings.iter().enumerate() {
        if reference.contains(w.date) {
            let entry = sums.entry(w.stream).or_default();
            entry.0 = add(entry.0, w.kg.value(), noun!("kg weighed"))?;
            in_reference += 1;
        } else if challenge.iter().any(|p| p.contains(w.date)) {
            let entry = sums.entry(w.stream).or_default();
            entry.1 = add(entry.1, w.kg.value(), noun!("kg weighed"))?;
            in_challenge += 1;
        } else {
            outside.push(i);
        }
    }
    if let Some(first) = outside.first() {
        warnings.push(Warning::new(
            WarningCode::OutsidePeriods,
            msg!(
                "{count} weighing(s) dated outside the reference and challenge periods, not counted (first: item {first})",
                count = outside.len(),
                first = *first
            ),
        ));
    }
    if in_reference == 0 {
        return Ok(Outcome::Excluded(Exclusion::new(
            ExclusionCode::PeriodNotCovered,
            msg!(
                "no weighing in the reference period {period}",
                period = reference
            ),
        )));
    }
    if in_challenge == 0 {
        return Ok(Outcome::Excluded(Exclusion::new(
            ExclusionCode::PeriodNotCovered,
            msg!("no weighing in the challenge periods"),
        )));
    }
    let total_reference = crate::quantity::sum(sums.values().map(|s| s.0), noun!("kg weighed"))?;
    if total_reference <= Decimal::ZERO {
        return Ok(Outcome::Excluded(Exclusion::new(
            ExclusionCode::ZeroReference,
            msg!("the reference weighings add up to 0 kg"),
        )));
    }
    let total_challenge = crate::quantity::sum(sums.values().map(|s| s.1), noun!("kg weighed"))?;
    let pr = Presence::over(&household.occupancy, &[reference])?;
    let pc = Presence::over(&household.occupancy, challenge)?;
    let residual = match sums.get(&Stream::Residual) {
        Some(&(r, c)) => Some(Flow::new(r, c, &pr, &pc)?),
        None => None,
    };
    let streams = sums
        .iter()
        .map(|(&stream, &(r, c))| {
            Ok(StreamFlow {
                stream,
                flow: Flow::new(r, c, &pr, &pc)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Outcome::Computed(WasteIndicators {
        reference_person_days: pr.person_days,
        challenge_person_days: pc.person_days,
        residual,
        total: Flow::new(total_reference, total_challenge, &pr, &pc)?,
        streams,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::{date, Date};
    use crate::household::Occupants;
    use crate::id::{HouseholdId, TeamId};
    use proptest::prelude::*;
    use rust_decimal::dec;

    use super::super::Weighing;

    fn w(date: Date, stream: Stream, kg: Decimal) -> Weighing {
        Weighing {
            date,
            stream,
            kg: Kg::new(kg),
        }
    }

    fn family(weighings: Vec<Weighing>) -> Household {
        let mut h = Household::new(
            HouseholdId::new("F1").unwrap(),
            TeamId::new("A").unwrap(),
            Occupants::new(2, vec![8]).unwrap(),
        );
        h.weighings = weighings;
        h
    }

    fn periods() -> (Period, Vec<Period>) {
        (
            Period::new(date(2026, 1, 5), date(2026, 1, 18)).unwrap(),
            vec![Period::new(date(2026, 2, 2), date(2026, 3, 1)).unwrap()],
        )
    }

    #[test]
    fn rates_and_changes_by_hand() {
        // 3 persons (1.8 UC); reference 14 days (42 person-days), challenge
        // 28 days (84 person-days).
        let h = family(vec![
            w(date(2026, 1, 10), Stream::Residual, dec!(10.5)),
            w(date(2026, 1, 17), Stream::Residual, dec!(4.2)),
            w(date(2026, 1, 17), Stream::Packaging, dec!(6)),
            w(date(2026, 2, 15), Stream::Residual, dec!(21)),
            w(date(2026, 2, 15), Stream::Packaging, dec!(14)),
            w(date(2026, 3, 1), Stream::Glass, dec!(3)),
            w(date(2026, 1, 25), Stream::Residual, dec!(99)),
        ]);
        let (r, c) = periods();
        let res = household_waste(&h, r, &c).unwrap();
        let ind = res.figures().unwrap();
        assert_eq!(ind.reference_person_days, dec!(42));
        assert_eq!(ind.challenge_person_days, dec!(84));
        let residual = ind.residual.as_ref().unwrap();
        // 14.7 kg × 7 / 42 = 2.45 kg/person/week; 21 × 7 / 84 = 1.75.
        assert_eq!(residual.reference_per_person_week, Kg::new(dec!(2.45)));
        assert_eq!(residual.challenge_per_person_week, Kg::new(dec!(1.75)));
        // 14.7 × 365 / 42 = 127.75 kg/person/year; 21 × 365 / 84 = 91.25.
        assert_eq!(residual.reference_per_person_year, Kg::new(dec!(127.75)));
        assert_eq!(residual.challenge_per_person_year, Kg::new(dec!(91.25)));
        // 14.7 × 365 / (1.8 × 14) = 212.91666… kg/UC/year.
        assert_eq!(
            residual.reference_per_unit_year.value().round_dp(6),
            dec!(212.916667)
        );
        // 1.75 / 2.45 − 1 = −2/7.
        assert_eq!(
            residual.change.unwrap().fraction().round_dp(9),
            dec!(-0.285714286)
        );
        // 14.7 × 84 / 42 = 29.4 kg expected, 8.4 avoided.
        assert_eq!(residual.expected_kg, Kg::new(dec!(29.4)));
        assert_eq!(residual.avoided_kg, Kg::new(dec!(8.4)));
        // Total: 20.7 kg then 38 kg: (38/84)/(20.7/42) − 1 (Python decimal:
        // −0.0821256038647342995169082126).
        assert_eq!(
            ind.total.change.unwrap().fraction().round_dp(12),
            dec!(-0.082125603865)
        );
        let glass = ind
            .streams
            .iter()
            .find(|s| s.stream == Stream::Glass)
            .unwrap();
        assert_eq!(glass.flow.change, None);
        assert_eq!(ind.streams.len(), 3);
        // The weighing of 25 January is in no period.
        assert_eq!(res.warnings.len(), 1);
        assert_eq!(res.warnings[0].code, WarningCode::OutsidePeriods);
    }

    #[test]
    fn exclusions() {
        let (r, c) = periods();
        let code = |h: &Household| {
            household_waste(h, r, &c)
                .unwrap()
                .exclusion()
                .map(|e| e.code)
        };
        assert_eq!(code(&family(vec![])), Some(ExclusionCode::NoData));
        let only_challenge = family(vec![w(date(2026, 2, 10), Stream::Residual, dec!(3))]);
        assert_eq!(code(&only_challenge), Some(ExclusionCode::PeriodNotCovered));
        let only_reference = family(vec![w(date(2026, 1, 10), Stream::Residual, dec!(3))]);
        assert_eq!(code(&only_reference), Some(ExclusionCode::PeriodNotCovered));
        let zero = family(vec![
            w(date(2026, 1, 10), Stream::Residual, dec!(0)),
            w(date(2026, 2, 10), Stream::Residual, dec!(2)),
        ]);
        assert_eq!(code(&zero), Some(ExclusionCode::ZeroReference));
    }

    proptest! {
        /// Splitting the challenge period in two challenge periods leaves
        /// every rate and change unchanged.
        #[test]
        fn split_challenge_period(split in 1i32..27, kgs in proptest::collection::vec((0i32..42, 0u32..5000), 1..12)) {
            let (r, c) = periods();
            let whole = c[0];
            let at = |n: i32| crate::date::date_of(whole.start_day() + n).unwrap();
            let parts = vec![
                Period::new(at(0), at(split - 1)).unwrap(),
                Period::new(at(split), whole.last()).unwrap(),
            ];
            let mut ws = vec![w(date(2026, 1, 6), Stream::Residual, dec!(5))];
            for (day, g) in kgs {
                ws.push(w(at(day.min(27)), Stream::Residual, Decimal::new(i64::from(g), 2)));
            }
            let h = family(ws);
            let one = household_waste(&h, r, &[whole]).unwrap();
            let two = household_waste(&h, r, &parts).unwrap();
            prop_assert_eq!(one, two);
        }
    }
}
