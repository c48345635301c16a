//! The energy theme: from each household's meters to savings against a
//! climate-corrected reference, per household, per team and for the whole
//! challenge.
//!
//! The flow, one module per step: [`crate::consumption`] (measurements to
//! quantities over exact periods) → [`reference`](mod@reference) (the reference brought to
//! the challenge's days and climate, per meter) → [`savings`] (per
//! household, in kWh, %, per person, CO2e and €) → [`crate::aggregate`]
//! (teams and challenge) → [`report`] (ranking and headline).

pub mod factors;
mod options;
pub mod reference;
pub mod report;
pub mod savings;

pub use options::EnergyOptions;
pub use reference::{MeterResult, ReferenceMethod, ShareSource};
pub use report::{EnergyReport, EnergyTotals, TeamResult};
pub use savings::{HouseholdResult, Saving};

use rust_decimal::{dec, Decimal};

use crate::aggregate::{in_rank_order, quantile, totals, Entry, Totals};
use crate::challenge::Challenge;
use crate::climate::Correction;
use crate::error::{Error, Location, Result, CHALLENGE};
use crate::exclusion::{Warning, WarningCode};
use crate::household::Household;
use crate::id::TeamId;
use crate::quantity::{add, mul, sub, Euros, KgCo2e, Ratio};
use crate::weather::{DegreeDays, Temperatures};
use crate::{msg, noun};

/// How far from the median a household's change is an outlier, in
/// interquartile ranges: 3 (**\[design\]**, the rule CalTRACK uses for
/// outlying daily usage, DOMAIN.md §3).
const OUTLIER_IQRS: Decimal = dec!(3);

/// Computes the energy results of a challenge.
///
/// # Errors
/// [`Error::InvalidValue`] when the reference period is shorter than the
/// challenge period (the FAEP rule: the reference covers at least the
/// challenge period); [`Error::InsufficientData`] when the challenge corrects
/// for climate and the temperatures do not cover both periods; an error of a
/// household's data that is not a quality problem (located in it).
pub fn compute(
    challenge: &Challenge,
    households: &[Household],
    temperatures: Option<&Temperatures>,
    options: &EnergyOptions,
) -> Result<EnergyReport> {
    options.validate()?;
    let (reference, period) = (challenge.reference_period, challenge.challenge_period);
    if reference.days() < period.days() {
        return Err(Error::invalid(
            noun!("reference period"),
            reference,
            msg!(
                "the reference period ({reference_days} days) must cover at least the challenge period ({challenge_days} days)",
                reference_days = reference.days(),
                challenge_days = period.days()
            ),
        )
        .at_path("challenge.reference_period"));
    }
    let degree_days = degree_days(challenge, temperatures, options)?;
    let (reference_degree_days, challenge_degree_days) = match &degree_days {
        Some(d) => (Some(d.sum(reference)?), Some(d.sum(period)?)),
        None => (None, None),
    };
    let ctx = reference::Context {
        reference,
        challenge: period,
        degree_days: degree_days.as_ref(),
        period_degree_days: (
            reference_degree_days.unwrap_or_default(),
            challenge_degree_days.unwrap_or_default(),
        ),
        temperatures,
        options,
    };
    let mut results = crate::parallel::map(households, &|h| {
        savings::household_result(h, &ctx, challenge.objective)
    })?;
    warn_outliers(&mut results).map_err(|e| e.at_path(CHALLENGE))?;

    // Households by team, in one pass.
    let index: std::collections::HashMap<&TeamId, usize> = challenge
        .teams
        .iter()
        .enumerate()
        .map(|(i, t)| (&t.id, i))
        .collect();
    let mut members: Vec<Vec<&HouseholdResult>> = vec![Vec::new(); challenge.teams.len()];
    for r in &results {
        if let Some(list) = index.get(&r.team).and_then(|&i| members.get_mut(i)) {
            list.push(r);
        }
    }
    let mut teams = Vec::with_capacity(challenge.teams.len());
    for (team, members) in challenge.teams.iter().zip(&members) {
        let (totals, co2e_saved, euros_saved) =
            group(members).map_err(|e| e.within(&Location::team(&team.id)))?;
        teams.push(TeamResult {
            team: team.id.clone(),
            name: team.name.clone(),
            rank: 0,
            objective_reached: reaches(&totals, challenge.objective),
            totals,
            co2e_saved,
            euros_saved,
        });
    }
    let changes: Vec<_> = teams.iter().map(|t| t.totals.change).collect();
    let teams = in_rank_order(teams, &changes, |t, rank| t.rank = rank);

    let (totals, co2e_saved, euros_saved) =
        group(&results.iter().collect::<Vec<_>>()).map_err(|e| e.at_path(CHALLENGE))?;
    let households_reaching_objective = u32::try_from(
        results
            .iter()
            .filter(|r| r.figures().is_some_and(|s| s.objective_reached))
            .count(),
    )
    .unwrap_or(u32::MAX);
    let energy_totals = EnergyTotals {
        objective_reached: reaches(&totals, challenge.objective),
        totals,
        co2e_saved,
        euros_saved,
        objective: challenge.objective,
        households_reaching_objective,
    };
    Ok(EnergyReport {
        basis: options.basis,
        correction: options.correction,
        degree_days: options.degree_days,
        reference_degree_days,
        challenge_degree_days,
        headline: report::headline(&energy_totals, options.correction != Correction::None),
        households: results,
        teams,
        totals: energy_totals,
        national: None,
    })
}

/// The degree-days of the temperatures, checked to cover both periods;
/// `None` when the challenge does not correct for climate.
fn degree_days(
    challenge: &Challenge,
    temperatures: Option<&Temperatures>,
    options: &EnergyOptions,
) -> Result<Option<DegreeDays>> {
    match (options.correction, temperatures) {
        (Correction::None, _) => Ok(None),
        (_, None) => Err(Error::InsufficientData {
            why: msg!(
                "climate correction needs daily temperatures (or set the correction to `none`)"
            ),
            at: Location::at_path("options.energy.correction"),
        }),
        (_, Some(t)) => {
            let at = |e: Error| e.at_path("temperatures");
            let dd = DegreeDays::new(t, options.degree_days).map_err(at)?;
            dd.sum(challenge.reference_period).map_err(at)?;
            dd.sum(challenge.challenge_period).map_err(at)?;
            Ok(Some(dd))
        }
    }
}

/// Whether a group's weighted change reaches the objective.
fn reaches(totals: &Totals, objective: Ratio) -> bool {
    totals
        .change
        .is_some_and(|c| c.fraction() <= -objective.fraction())
}

/// A group's statistics, CO2e and euros.
fn group(members: &[&HouseholdResult]) -> Result<(Totals, KgCo2e, Euros)> {
    let entry = |r: &&HouseholdResult| match r.result() {
        Ok(s) => Entry::CountedWithChange {
            reference: s.reference_corrected.value(),
            actual: s.challenge.value(),
            change: s.change,
        },
        Err(e) => Entry::Excluded(e.code),
    };
    let mut co2e = Decimal::ZERO;
    let mut euros = Decimal::ZERO;
    for s in members.iter().filter_map(|r| r.figures()) {
        co2e = add(co2e, s.co2e_saved.value(), noun!("CO2e saved"))?;
        euros = add(euros, s.euros_saved.value(), noun!("euros saved"))?;
    }
    Ok((
        totals(members.iter().map(entry))?,
        KgCo2e::new(co2e),
        Euros::new(euros),
    ))
}

/// Warns the households whose change is further than [`OUTLIER_IQRS`]
/// interquartile ranges from the median (with at least four counted).
fn warn_outliers(results: &mut [HouseholdResult]) -> Result<()> {
    const W: &str = noun!("outliers");
    let mut changes: Vec<Decimal> = results
        .iter()
        .filter_map(|r| r.figures().map(|s| s.change.fraction()))
        .collect();
    if changes.len() < 4 {
        return Ok(());
    }
    crate::sort::sort_decimals(&mut changes);
    let (Some(q1), Some(med), Some(q3)) = (
        quantile(&changes, dec!(0.25))?,
        quantile(&changes, dec!(0.5))?,
        quantile(&changes, dec!(0.75))?,
    ) else {
        return Ok(());
    };
    let reach = mul(OUTLIER_IQRS, sub(q3, q1, W)?, W)?;
    let (low, high) = (sub(med, reach, W)?, add(med, reach, W)?);
    for r in results.iter_mut() {
        if let Some(c) = r.figures().map(|s| s.change) {
            if c.fraction() < low || c.fraction() > high {
                r.warnings.push(Warning::new(
                    WarningCode::Outlier,
                    msg!(
                        "change {change} % is beyond the median {median} % ± 3 interquartile ranges",
                        change = c.percent().round_dp(2),
                        median = Ratio::new(med).percent().round_dp(2)
                    ),
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synthetic::{generate, SyntheticOptions};
    use crate::ChallengeData;
    use proptest::prelude::*;

    fn small(seed: u64, problems: bool) -> ChallengeData {
        generate(SyntheticOptions {
            households: 30,
            seed,
            problems,
        })
        .unwrap()
    }

    fn run(data: &ChallengeData) -> EnergyReport {
        compute(
            &data.challenge,
            &data.households,
            data.temperatures.as_ref(),
            &data.options.energy,
        )
        .unwrap()
    }

    #[test]
    fn reference_must_cover_the_challenge() {
        let mut data = small(1, false);
        data.challenge.reference_period = crate::Period::new(
            crate::date::date(2025, 1, 1),
            crate::date::date(2025, 1, 31),
        )
        .unwrap();
        let e = compute(
            &data.challenge,
            &data.households,
            data.temperatures.as_ref(),
            &data.options.energy,
        )
        .unwrap_err();
        assert_eq!(e.code(), "invalid_value");
    }

    #[test]
    fn correction_needs_temperatures_unless_none() {
        let data = small(2, false);
        let e = compute(
            &data.challenge,
            &data.households,
            None,
            &data.options.energy,
        )
        .unwrap_err();
        assert_eq!(e.code(), "insufficient_data");
        let none = data.options.energy.clone().correction(Correction::None);
        let r = compute(&data.challenge, &data.households, None, &none).unwrap();
        assert_eq!(r.reference_degree_days, None);
        assert!(r.headline.contains("de consommation d'énergie :"));
    }

    #[test]
    #[cfg(not(feature = "regression"))]
    fn regression_baselines_need_the_regression_feature() {
        let mut data = small(5, false);
        data.options.energy.regression_baseline = true;
        let t = data.temperatures.as_ref();
        let e = compute(&data.challenge, &data.households, t, &data.options.energy).unwrap_err();
        assert_eq!(e.code(), "unsupported");
        assert!(e.to_string().contains("cargo feature `regression`"), "{e}");
    }

    #[test]
    #[cfg(feature = "regression")]
    fn fortnightly_readings_get_a_regression_baseline_over_the_reference() {
        // Fortnightly readings over one winter rarely start on the
        // reference's first day or end on its last: measured on the
        // readings' own span, the baseline was always shorter than the
        // reference and unusable. Measured on the reference period (the
        // baseline's window), the days before the first reading and after
        // the last count as missing days, and the households whose
        // readings cover 90 % of it get a weather-regression reference;
        // each of the others falls back and says so, and none does both.
        // (Here the first reading comes up to a fortnight after the
        // reference starts and the last up to a fortnight before it ends:
        // a few households cover 90 % of it, most do not.)
        let mut data = small(5, false);
        data.options.energy.regression_baseline = true;
        let r = run(&data);
        let (mut regression, mut warned, mut metered) = (0, 0, 0);
        for (h, result) in data.households.iter().zip(&r.households) {
            let Some(saving) = result.figures() else {
                continue;
            };
            if h.meters.iter().all(|m| m.readings.is_empty()) {
                continue;
            }
            metered += 1;
            let by_regression = saving
                .meters
                .iter()
                .any(|m| m.reference_method == crate::energy::ReferenceMethod::WeatherRegression);
            let unusable = result
                .warnings
                .iter()
                .any(|w| w.code == WarningCode::RegressionUnusable);
            assert!(by_regression || unusable, "{}", h.id);
            // (a household with two meters may have one of each)
            regression += usize::from(by_regression);
            warned += usize::from(unusable);
        }
        assert!(metered > 15, "{metered}");
        assert!(regression + warned >= metered);
        assert!(
            regression > 0 && warned > 0,
            "{regression} by regression, {warned} warned"
        );
    }

    #[test]
    fn every_household_appears_once_in_input_order() {
        let data = small(3, true);
        let r = run(&data);
        let ids: Vec<_> = r.households.iter().map(|h| &h.household).collect();
        let input: Vec<_> = data.households.iter().map(|h| &h.id).collect();
        assert_eq!(ids, input);
        for h in &r.households {
            assert_ne!(
                h.figures.is_some(),
                !h.exclusions.is_empty(),
                "{}",
                h.household
            );
        }
        assert_eq!(
            r.totals.totals.households + r.totals.totals.excluded,
            u32::try_from(data.households.len()).unwrap()
        );
    }

    #[test]
    fn documents_round_trip() {
        let data = small(4, true);
        let back = ChallengeData::from_json(&data.to_json().unwrap()).unwrap();
        assert_eq!(back, data);
        let report = crate::compute(&data).unwrap();
        let json = report.to_json().unwrap();
        let again: crate::Report = serde_json::from_str(&json).unwrap();
        assert_eq!(again, report);
    }

    fn scale(data: &mut ChallengeData, k: Decimal) {
        for m in data.households.iter_mut().flat_map(|h| h.meters.iter_mut()) {
            m.readings.iter_mut().for_each(|r| r.value *= k);
            m.deliveries.iter_mut().for_each(|d| d.quantity *= k);
            m.stock.iter_mut().for_each(|s| s.quantity *= k);
            for e in &mut m.events {
                match e {
                    crate::meter::MeterEvent::Replacement {
                        old_final,
                        new_initial,
                        ..
                    } => {
                        *old_final *= k;
                        *new_initial *= k;
                    }
                    crate::meter::MeterEvent::Rollover { modulus, .. } => *modulus *= k,
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(12))]

        /// Multiplying every consumption by k > 0 leaves every percentage
        /// unchanged.
        #[test]
        fn percentages_are_scale_free(seed in 0u64..1000, k in 2i64..40) {
            let data = small(seed, true);
            let mut scaled = data.clone();
            scale(&mut scaled, Decimal::from(k));
            let (a, b) = (run(&data), run(&scaled));
            let close = |x: Option<Ratio>, y: Option<Ratio>| match (x, y) {
                (Some(x), Some(y)) => (x.fraction() - y.fraction()).abs() < dec!(0.0000000000001),
                (x, y) => x == y,
            };
            for (x, y) in a.households.iter().zip(&b.households) {
                prop_assert!(close(x.figures().map(|s| s.change), y.figures().map(|s| s.change)));
                prop_assert_eq!(&x.exclusions.iter().map(|e| e.code).collect::<Vec<_>>(), &y.exclusions.iter().map(|e| e.code).collect::<Vec<_>>());
            }
            prop_assert!(close(a.totals.totals.change, b.totals.totals.change));
            for (x, y) in a.teams.iter().zip(&b.teams) {
                prop_assert!(close(x.totals.change, y.totals.change));
            }
        }

        /// Team totals add up to the challenge's (to the 28 significant
        /// digits of a decimal: summing in another order may round the last
        /// one differently).
        #[test]
        fn team_totals_add_up(seed in 0u64..1000) {
            let r = run(&small(seed, true));
            let sum = |f: fn(&TeamResult) -> Decimal| r.teams.iter().map(f).sum::<Decimal>();
            let same = |a: Decimal, b: Decimal| (a - b).abs() < dec!(0.000000000000000001);
            prop_assert!(same(sum(|t| t.totals.reference), r.totals.totals.reference));
            prop_assert!(same(sum(|t| t.totals.actual), r.totals.totals.actual));
            prop_assert!(same(sum(|t| t.totals.saved), r.totals.totals.saved));
            prop_assert!(same(sum(|t| t.co2e_saved.value()), r.totals.co2e_saved.value()));
            prop_assert!(same(sum(|t| t.euros_saved.value()), r.totals.euros_saved.value()));
            prop_assert_eq!(r.teams.iter().map(|t| t.totals.households + t.totals.excluded).sum::<u32>(), 30);
        }
    }
}
