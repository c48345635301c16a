//! The energy theme: from each household's meters to savings against a
//! climate-corrected reference, per household, per team and for the whole
//! challenge.
//!
//! The flow, one module per step: [`crate::consumption`] (measurements to
//! quantities over exact periods) → [`reference`] (the reference brought to
//! the challenge's days and climate, per meter) → [`savings`] (per
//! household, in kWh, %, per person, CO2e and €) → [`crate::aggregate`]
//! (teams and challenge) → [`report`] (ranking and headline).

pub mod factors;
mod options;
pub mod reference;
pub mod report;
pub mod savings;

pub use options::EnergyOptions;
pub use reference::{MeterResult, ShareSource};
pub use report::{EnergyReport, EnergyTotals, TeamResult};
pub use savings::{HouseholdResult, Saving};

use rust_decimal::{dec, Decimal};

use crate::aggregate::{quantile, ranks, totals, Entry, Totals};
use crate::challenge::Challenge;
use crate::climate::Correction;
use crate::error::{Error, Location, Result};
use crate::exclusion::{ExclusionCode, Warning, WarningCode};
use crate::household::Household;
use crate::quantity::{add, mul, sub, Euros, KgCo2e, Ratio};
use crate::weather::{DegreeDays, Temperatures};

/// How far from the median a household's change is an outlier, in
/// interquartile ranges: 3 (**[design]**, the rule CalTRACK uses for
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
            "reference period",
            reference,
            format!(
                "the reference period ({} days) must cover at least the challenge period ({} days)",
                reference.days(),
                period.days()
            ),
        ));
    }
    let degree_days = degree_days(challenge, temperatures, options)?;
    let ctx = reference::Context {
        reference,
        challenge: period,
        degree_days: degree_days.as_ref(),
        options,
    };
    let mut results = households
        .iter()
        .map(|h| savings::household_result(h, &ctx, challenge.objective))
        .collect::<Result<Vec<_>>>()?;
    warn_outliers(&mut results)?;

    let mut teams = Vec::with_capacity(challenge.teams.len());
    for team in &challenge.teams {
        let members: Vec<&HouseholdResult> = results.iter().filter(|r| r.team == team.id).collect();
        let (totals, co2e_saved, euros_saved) = group(&members)?;
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
    let team_ranks = ranks(&teams.iter().map(|t| t.totals.change).collect::<Vec<_>>());
    for (t, rank) in teams.iter_mut().zip(team_ranks) {
        t.rank = rank;
    }
    teams.sort_by_key(|t| t.rank);

    let (totals, co2e_saved, euros_saved) = group(&results.iter().collect::<Vec<_>>())?;
    let households_reaching_objective = u32::try_from(
        results
            .iter()
            .filter(|r| r.saving.as_ref().is_some_and(|s| s.objective_reached))
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
        reference_degree_days: degree_days.as_ref().map(|d| d.sum(reference)).transpose()?,
        challenge_degree_days: degree_days.as_ref().map(|d| d.sum(period)).transpose()?,
        headline: report::headline(&energy_totals, options.correction != Correction::None),
        households: results,
        teams,
        totals: energy_totals,
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
            why: "climate correction needs daily temperatures (or set the correction to `none`)"
                .into(),
            at: Location::NONE,
        }),
        (_, Some(t)) => {
            let dd = DegreeDays::new(t, options.degree_days)?;
            dd.sum(challenge.reference_period)?;
            dd.sum(challenge.challenge_period)?;
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
    let entry = |r: &&HouseholdResult| match &r.saving {
        Some(s) => Entry::Counted {
            reference: s.reference_corrected.value(),
            actual: s.challenge.value(),
        },
        None => Entry::Excluded(
            r.exclusions
                .first()
                .map_or(ExclusionCode::NoData, |e| e.code),
        ),
    };
    let mut co2e = Decimal::ZERO;
    let mut euros = Decimal::ZERO;
    for s in members.iter().filter_map(|r| r.saving.as_ref()) {
        co2e = add(co2e, s.co2e_saved.value(), "CO2e saved")?;
        euros = add(euros, s.euros_saved.value(), "euros saved")?;
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
    const W: &str = "outliers";
    let mut changes: Vec<Decimal> = results
        .iter()
        .filter_map(|r| r.saving.as_ref().map(|s| s.change.fraction()))
        .collect();
    if changes.len() < 4 {
        return Ok(());
    }
    changes.sort_unstable();
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
        if let Some(c) = r.saving.as_ref().map(|s| s.change) {
            if c.fraction() < low || c.fraction() > high {
                r.warnings.push(Warning::new(
                    WarningCode::Outlier,
                    format!(
                        "change {} is beyond the median {} ± 3 interquartile ranges",
                        c,
                        Ratio::new(med)
                    ),
                ));
            }
        }
    }
    Ok(())
}
