//! One household's energy saving: its meters summed, compared with the
//! climate-corrected reference, per person and per consumption unit, in
//! kWh, kgCO2e and euros.
//!
//! Household saving % = 1 − E_challenge / E_reference_corrected
//! (**\[source\]**: FAEP method, DOMAIN.md §2); ecodefi reports the signed
//! change E_challenge / E_reference_corrected − 1, negative for a saving, as
//! published results are written ("−11,3 %").

use rust_decimal::Decimal;

use crate::aggregate::change;
use crate::consumption::Problem;
use crate::energy::reference::{meter_result, Context, MeterResult};
use crate::error::Result;
use crate::exclusion::{Exclusion, ExclusionCode, Warning, WarningCode};
use crate::household::Household;
use crate::quantity::{add, div, sub, Euros, KgCo2e, Kwh, Ratio};
use crate::{msg, noun};

/// A household's saving, when it could be computed: the figures of its
/// energy result.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Saving {
    /// Mean persons over the challenge period.
    pub persons: Decimal,
    /// Mean INSEE consumption units over the challenge period.
    pub consumption_units: Decimal,
    /// Reference consumption as measured, all meters.
    pub reference: Kwh,
    /// Reference brought to the challenge's days and climate.
    pub reference_corrected: Kwh,
    /// Consumption over the challenge period.
    pub challenge: Kwh,
    /// reference_corrected − challenge.
    pub saved: Kwh,
    /// challenge / reference_corrected − 1 (−0.113 is 11.3 % less).
    pub change: Ratio,
    /// Saved kWh per person (mean persons over the challenge period).
    pub saved_per_person: Kwh,
    /// Saved kWh per INSEE consumption unit.
    pub saved_per_unit: Kwh,
    /// Emissions avoided, for the carriers with a factor.
    pub co2e_saved: KgCo2e,
    /// Money saved, for the carriers with a price.
    pub euros_saved: Euros,
    /// Whether the change reaches the challenge's objective.
    pub objective_reached: bool,
    /// Each meter's figures.
    pub meters: Vec<MeterResult>,
}

/// A household's energy result: its [`Saving`] as figures, or every reason
/// it has none (one per meter at most), in the shape every theme shares.
pub type HouseholdResult = crate::outcome::HouseholdResult<Saving>;

/// Computes a household's energy result.
///
/// # Errors
/// [`crate::Error`] on overflow or invalid input, located in the household;
/// data problems exclude the household instead.
pub fn household_result(
    h: &Household,
    ctx: &Context<'_>,
    objective: Ratio,
) -> Result<HouseholdResult> {
    const W: &str = noun!("household saving");
    let at = || crate::Location::household(&h.id);
    let persons = h
        .occupancy
        .mean_persons(ctx.challenge)
        .map_err(|e| e.within(&at()))?;
    let units = h
        .occupancy
        .mean_units(ctx.challenge)
        .map_err(|e| e.within(&at()))?;
    let excluded = |exclusions, warnings| {
        Ok(HouseholdResult::excluded(
            h.id.clone(),
            h.team.clone(),
            exclusions,
            warnings,
        ))
    };
    let mut warnings = Vec::new();
    if h.meters.is_empty() {
        let e = Exclusion::new(ExclusionCode::NoMeter, msg!("no energy meter"));
        return excluded(vec![e], warnings);
    }
    let mut meters = Vec::with_capacity(h.meters.len());
    let mut exclusions = Vec::new();
    for meter in &h.meters {
        match meter_result(meter, ctx) {
            Ok((m, w)) => {
                meters.push(m);
                warnings.extend(w);
            }
            Err(Problem::Excluded(e)) => exclusions.push(e),
            Err(Problem::Error(e)) => return Err(e.within(&at())),
        }
    }
    if !exclusions.is_empty() {
        return excluded(exclusions, warnings);
    }
    let sum = |f: fn(&MeterResult) -> Kwh| {
        meters
            .iter()
            .try_fold(Decimal::ZERO, |acc, m| add(acc, f(m).value(), W))
    };
    let reference = sum(|m| m.reference).map_err(|e| e.within(&at()))?;
    let corrected = sum(|m| m.reference_corrected).map_err(|e| e.within(&at()))?;
    let challenge = sum(|m| m.challenge).map_err(|e| e.within(&at()))?;
    if corrected <= Decimal::ZERO {
        let e = Exclusion::new(
            ExclusionCode::ZeroReference,
            msg!("the corrected reference is {kwh} kWh", kwh = corrected),
        );
        return excluded(vec![e], warnings);
    }
    let saved = sub(corrected, challenge, W)?;
    let change = change(corrected, challenge).map_err(|e| e.within(&at()))?;

    let (co2e_saved, euros) = impacts(&meters, ctx, &mut warnings)?;
    let saving = Saving {
        persons,
        consumption_units: units,
        reference: Kwh::new(reference),
        reference_corrected: Kwh::new(corrected),
        challenge: Kwh::new(challenge),
        saved: Kwh::new(saved),
        change,
        saved_per_person: Kwh::new(div(saved, persons, W)?),
        saved_per_unit: Kwh::new(div(saved, units, W)?),
        co2e_saved,
        euros_saved: euros,
        objective_reached: change.fraction() <= -objective.fraction(),
        meters,
    };
    Ok(HouseholdResult::computed(
        h.id.clone(),
        h.team.clone(),
        saving,
        warnings,
    ))
}

/// CO2e and euros saved, meter by meter, for the carriers with a factor; a
/// carrier without one adds a warning on its meter, never a silent zero.
fn impacts(
    meters: &[MeterResult],
    ctx: &Context<'_>,
    warnings: &mut Vec<Warning>,
) -> Result<(KgCo2e, Euros)> {
    const W: &str = noun!("household saving");
    let mut co2e = Decimal::ZERO;
    let mut euros = Decimal::ZERO;
    let factors = &ctx.options.factors;
    for m in meters {
        let kwh = sub(m.reference_corrected.value(), m.challenge.value(), W)?;
        match factors.co2e.value_of(m.carrier, kwh, ctx.options.basis)? {
            Some(v) => co2e = add(co2e, v, W)?,
            None => warnings.push(
                Warning::new(
                    WarningCode::MissingCo2eFactor,
                    msg!(
                        "no emission factor for `{carrier}`",
                        carrier = crate::message::Arg::text(m.carrier)
                    ),
                )
                .on_meter(&m.meter),
            ),
        }
        match factors.price.value_of(m.carrier, kwh, ctx.options.basis)? {
            Some(v) => euros = add(euros, v, W)?,
            None => warnings.push(
                Warning::new(
                    WarningCode::MissingPrice,
                    msg!(
                        "no price for `{carrier}`",
                        carrier = crate::message::Arg::text(m.carrier)
                    ),
                )
                .on_meter(&m.meter),
            ),
        }
    }
    Ok((KgCo2e::new(co2e), Euros::new(euros)))
}
