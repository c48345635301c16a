//! The reference ("reconstructed winter") of one meter: its consumption over
//! the reference period, brought to the challenge period's length and
//! climate, next to its consumption over the challenge period.
//!
//! The tool of *Familles à Énergie Positive* compares "a winter
//! reconstructed from the reference data" with the current winter,
//! adjusting for each period's temperatures; the reference period must
//! cover at least the challenge period (**\[source\]**: Energy Neighbourhoods
//! FAQ on the FAEP tool, DOMAIN.md §2). Here the reference quantity `E_R`
//! is first scaled to the challenge's number of days (both the energy and
//! the degree-days: a mean day stays a mean day), then corrected with the
//! chosen formula ([`crate::climate::correct`]) from the reference's
//! degree-days to the challenge's. When both periods have the same number of
//! days this is exactly DOMAIN.md's formula, e.g. EEA:
//! `E_R·(1 − p) + E_R·p·DJ_C/DJ_R`.

use rust_decimal::Decimal;

use crate::climate::{correct, Correction};
use crate::consumption::{deliveries_over, Consumption, Limits, Problem, Series, Weighting};
use crate::energy::EnergyOptions;
use crate::exclusion::{Exclusion, ExclusionCode, Warning, WarningCode};
use crate::id::MeterId;
use crate::meter::{Carrier, Meter, Unit, Usage};
use crate::named_enum;
use crate::period::Period;
use crate::quantity::{div, mul, sub, Kwh, Ratio};
use crate::weather::{DegreeDays, Temperatures};
use crate::{msg, noun};

named_enum! {
    /// Where a meter's climate-sensitive share comes from.
    pub enum ShareSource ("heating share source") {
        /// Given for this meter.
        Given = "given",
        /// Set by the meter's usage (heating only: 1; no heating: 0).
        Usage = "usage",
        /// Estimated from the summer base load.
        Summer = "summer",
        /// The default share of mixed meters.
        Default = "default",
        /// Set to 1 by the contract correction formula.
        Contract = "contract",
    }
}

named_enum! {
    /// How a meter's reference was brought to the challenge period.
    #[derive(Default)]
    pub enum ReferenceMethod ("reference method") {
        /// The reference period's consumption, scaled to the challenge's
        /// days and corrected for climate (the FAEP method, DOMAIN.md §2).
        #[default]
        ReconstructedWinter = "reconstructed_winter",
        /// A weather regression fitted on the reference period's daily or
        /// billing data, applied to the challenge period's temperatures
        /// (CalTRACK 2.0, DOMAIN.md §3).
        WeatherRegression = "weather_regression",
    }
}

impl ReferenceMethod {
    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if takes &T
    fn is_reconstructed_winter(&self) -> bool {
        *self == ReferenceMethod::ReconstructedWinter
    }
}

/// One meter's figures, in its own unit and in kWh on the report's basis.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeterResult {
    /// The meter.
    pub meter: MeterId,
    /// Its carrier.
    pub carrier: Carrier,
    /// Its unit.
    pub unit: Unit,
    /// kWh per unit used for conversion, on the report's basis.
    pub kwh_per_unit: Decimal,
    /// The climate-sensitive share used.
    pub heating_share: Ratio,
    /// Where that share comes from.
    pub heating_share_source: ShareSource,
    /// Consumption over the reference period, in the meter's unit.
    pub reference_quantity: Decimal,
    /// Consumption over the challenge period, in the meter's unit.
    pub challenge_quantity: Decimal,
    /// Degree-days of the reference period (zero when not corrected).
    pub reference_degree_days: Decimal,
    /// Degree-days of the challenge period (zero when not corrected).
    pub challenge_degree_days: Decimal,
    /// The reference consumption in kWh, as measured.
    pub reference: Kwh,
    /// The reference brought to the challenge period's days and climate.
    pub reference_corrected: Kwh,
    /// The challenge consumption in kWh.
    pub challenge: Kwh,
    /// How the reference was brought to the challenge period (absent from
    /// JSON for the reconstructed winter).
    #[serde(
        default,
        skip_serializing_if = "ReferenceMethod::is_reconstructed_winter"
    )]
    pub reference_method: ReferenceMethod,
}

/// What a meter's computation needs from its challenge.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The reference period.
    pub reference: Period,
    /// The challenge period.
    pub challenge: Period,
    /// Degree-days, when the challenge corrects for climate.
    pub degree_days: Option<&'a DegreeDays>,
    /// Σ DJ over the reference and over the challenge period, computed
    /// once for every meter; zero when the challenge does not correct for
    /// climate.
    pub period_degree_days: (Decimal, Decimal),
    /// Daily temperatures, when given (for regression baselines).
    pub temperatures: Option<&'a Temperatures>,
    /// The options.
    pub options: &'a EnergyOptions,
}

/// A meter's measurements, whichever their kind.
enum Measured {
    Series(Series),
    Deliveries,
}

fn measured(meter: &Meter) -> Result<Measured, Problem> {
    if !meter.readings.is_empty() {
        Series::from_readings(&meter.readings, &meter.events).map(Measured::Series)
    } else if !meter.bills.is_empty() {
        Series::from_bills(&meter.bills).map(Measured::Series)
    } else if !meter.deliveries.is_empty() {
        Ok(Measured::Deliveries)
    } else {
        Err(Exclusion::new(ExclusionCode::NoData, msg!("no reading, bill or delivery")).into())
    }
}

fn over(
    meter: &Meter,
    m: &Measured,
    period: Period,
    p: Decimal,
    ctx: &Context<'_>,
) -> Result<Consumption, Problem> {
    let w = Weighting {
        heating_share: p,
        degree_days: ctx.degree_days,
    };
    let limits = Limits {
        max_extrapolation_days: i32::from(ctx.options.max_extrapolation_days),
        max_gap_days: i32::from(ctx.options.max_gap_days),
    };
    match m {
        Measured::Series(s) => s.over(period, &w, limits),
        Measured::Deliveries => deliveries_over(meter, period, &w, limits),
    }
}

/// The challenge-period consumption (in the meter's unit) predicted by a
/// weather regression fitted on the meter's reference-period data, when the
/// data allow a usable model.
#[cfg(feature = "regression")]
fn regression_reference(
    meter: &Meter,
    m: &Measured,
    ctx: &Context<'_>,
) -> Result<Option<Decimal>, Problem> {
    let (Measured::Series(s), Some(t)) = (m, ctx.temperatures) else {
        return Ok(None);
    };
    let cooling = meter.carrier == Carrier::Electricity;
    let Some(model) =
        crate::regression::challenge::fit_reference(s.intervals(), ctx.reference, t, cooling)?
    else {
        return Ok(None);
    };
    Ok(crate::regression::challenge::counterfactual(
        &model,
        ctx.challenge,
        t,
    )?)
}

/// Without the `regression` feature there is no model: `energy::compute`
/// refuses `regression_baseline` before any meter gets here.
#[cfg(not(feature = "regression"))]
#[allow(clippy::unnecessary_wraps)]
fn regression_reference(
    _meter: &Meter,
    _m: &Measured,
    _ctx: &Context<'_>,
) -> Result<Option<Decimal>, Problem> {
    Ok(None)
}

/// Computes one meter's reference and challenge figures.
///
/// # Errors
/// [`Problem::Excluded`] for a data problem (located on the meter),
/// [`Problem::Error`] on overflow or an invalid unit.
pub fn meter_result(
    meter: &Meter,
    ctx: &Context<'_>,
) -> Result<(MeterResult, Vec<Warning>), Problem> {
    const W: &str = noun!("reference");
    let on_meter = |p: Problem| match p {
        Problem::Excluded(e) => Problem::Excluded(e.on_meter(&meter.id)),
        Problem::Error(e) => Problem::Error(e.within(&crate::Location::NONE.with_meter(&meter.id))),
    };
    let options = ctx.options;
    let m = measured(meter).map_err(on_meter)?;
    let mut warnings = Vec::new();

    // The climate-sensitive share.
    let (mut p, mut source) = match (options.correction, meter.heating_share, meter.usage) {
        (Correction::Contract, _, _) => (Decimal::ONE, ShareSource::Contract),
        (_, Some(p), _) => (p.fraction(), ShareSource::Given),
        (_, None, Usage::HeatingOnly) => (Decimal::ONE, ShareSource::Usage),
        (_, None, Usage::NoHeating) => (Decimal::ZERO, ShareSource::Usage),
        (_, None, Usage::Mixed) => (options.mixed_heating_share.fraction(), ShareSource::Default),
    };
    let mut reference = over(meter, &m, ctx.reference, p, ctx).map_err(on_meter)?;
    if source == ShareSource::Default && options.estimate_share_from_summer {
        if let Measured::Series(s) = &m {
            let base = s.summer_base_per_day(i32::from(options.min_summer_days))?;
            if let Some(base) = base.filter(|_| reference.quantity > Decimal::ZERO) {
                // p = 1 − base load over the reference period / its consumption.
                let base_total = mul(base, Decimal::from(ctx.reference.days()), W)?;
                let estimate = sub(Decimal::ONE, div(base_total, reference.quantity, W)?, W)?;
                p = estimate.clamp(Decimal::ZERO, Decimal::ONE);
                source = ShareSource::Summer;
                warnings.push(
                    Warning::new(
                        WarningCode::HeatingShareEstimated,
                        msg!(
                            "heating share {share} % estimated from the summer base load",
                            share = Ratio::new(p).percent().round_dp(2)
                        ),
                    )
                    .on_meter(&meter.id),
                );
                reference = over(meter, &m, ctx.reference, p, ctx).map_err(on_meter)?;
            }
        }
    }
    let challenge = over(meter, &m, ctx.challenge, p, ctx).map_err(on_meter)?;
    for w in reference.warnings.into_iter().chain(challenge.warnings) {
        warnings.push(w.on_meter(&meter.id));
    }

    let kwh_per_unit = meter
        .conversion_on(options.basis)
        .map_err(|e| on_meter(e.into()))?
        .kwh_per_unit;
    let reference_kwh = mul(reference.quantity, kwh_per_unit, W)?;
    let challenge_kwh = mul(challenge.quantity, kwh_per_unit, W)?;

    // Degree-days of both periods (the caller checked they are covered when
    // correcting).
    let (dj_r, dj_c) = ctx.period_degree_days;
    // Bring the reference to the challenge's number of days, then climate.
    let (days_r, days_c) = (ctx.reference.days(), ctx.challenge.days());
    let (e, dj) = if days_r == days_c {
        (reference_kwh, dj_r)
    } else {
        let k = div(Decimal::from(days_c), Decimal::from(days_r), W)?;
        (mul(reference_kwh, k, W)?, mul(dj_r, k, W)?)
    };
    let mut corrected = correct(options.correction, e, p, dj, dj_c)?;

    // A weather-regression baseline instead, when asked for and the data
    // allow a usable model.
    let mut method = ReferenceMethod::ReconstructedWinter;
    if options.regression_baseline {
        match regression_reference(meter, &m, ctx)? {
            Some(c) => {
                corrected = mul(c, kwh_per_unit, W)?;
                method = ReferenceMethod::WeatherRegression;
            }
            None => warnings.push(
                Warning::new(
                    WarningCode::RegressionUnusable,
                    msg!("no usable weather-regression baseline: the reconstructed winter is used"),
                )
                .on_meter(&meter.id),
            ),
        }
    }

    Ok((
        MeterResult {
            meter: meter.id.clone(),
            carrier: meter.carrier,
            unit: meter.unit,
            kwh_per_unit,
            heating_share: Ratio::new(p),
            heating_share_source: source,
            reference_quantity: reference.quantity,
            challenge_quantity: challenge.quantity,
            reference_degree_days: dj_r,
            challenge_degree_days: dj_c,
            reference: Kwh::new(reference_kwh),
            reference_corrected: Kwh::new(corrected),
            challenge: Kwh::new(challenge_kwh),
            reference_method: method,
        },
        warnings,
    ))
}
