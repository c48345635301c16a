//! The energy section of a challenge's report: households, ranked teams,
//! challenge totals and the headline in the published style.

use rust_decimal::Decimal;

use crate::aggregate::Totals;
use crate::climate::Correction;
use crate::energy::savings::HouseholdResult;
use crate::french::{number, percent, NBSP};
use crate::id::TeamId;
use crate::meter::Basis;
use crate::quantity::{Euros, KgCo2e, Ratio};
use crate::weather::DegreeDayOptions;

/// A team's energy result.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamResult {
    /// The team.
    pub team: TeamId,
    /// Its display name.
    pub name: String,
    /// Its rank by weighted change, 1 for the largest reduction; teams with
    /// no counted household come last.
    pub rank: u32,
    /// Its statistics (kWh on the report's basis).
    pub totals: Totals,
    /// Emissions avoided by its counted households.
    pub co2e_saved: KgCo2e,
    /// Money saved by its counted households.
    pub euros_saved: Euros,
    /// Whether its weighted change reaches the objective.
    pub objective_reached: bool,
}

/// The whole challenge's energy figures.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnergyTotals {
    /// Statistics over every household (kWh on the report's basis).
    pub totals: Totals,
    /// Emissions avoided.
    pub co2e_saved: KgCo2e,
    /// Money saved.
    pub euros_saved: Euros,
    /// The objective (a reduction, e.g. 0.08).
    pub objective: Ratio,
    /// Whether the weighted change reaches it.
    pub objective_reached: bool,
    /// How many counted households reached it.
    pub households_reaching_objective: u32,
}

/// The energy section of a report.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnergyReport {
    /// The basis of every kWh figure.
    pub basis: Basis,
    /// The climate-correction formula used.
    pub correction: Correction,
    /// How degree-days were computed.
    pub degree_days: DegreeDayOptions,
    /// Degree-days of the reference period (when corrected).
    pub reference_degree_days: Option<Decimal>,
    /// Degree-days of the challenge period (when corrected).
    pub challenge_degree_days: Option<Decimal>,
    /// Every household of the input, in input order.
    pub households: Vec<HouseholdResult>,
    /// Teams, best first.
    pub teams: Vec<TeamResult>,
    /// The challenge's figures.
    pub totals: EnergyTotals,
    /// The headline, in the published French style.
    pub headline: String,
    /// The counted households' mean reference consumption, annualised,
    /// next to the national household figure
    /// ([`crate::references::energy_comparison`]); set by
    /// [`crate::compute`] from `options.references`, `None` when the
    /// section is computed alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national: Option<crate::references::NationalComparison>,
}

/// The headline, e.g. "189 foyers, −11,3 % de consommation d'énergie
/// corrigée du climat : 312 450 kWh, 61,2 tCO2e et 38 740 € économisés".
pub fn headline(totals: &EnergyTotals, corrected: bool) -> String {
    let n = totals.totals.households;
    let foyers = if n > 1 { "foyers" } else { "foyer" };
    let what = if corrected {
        "de consommation d'énergie corrigée du climat"
    } else {
        "de consommation d'énergie"
    };
    let Some(change) = totals.totals.change else {
        return format!("{n} {foyers} : aucun résultat calculable");
    };
    // Dividing by a thousand cannot overflow; the fallback is never taken.
    let tonnes = totals
        .co2e_saved
        .value()
        .checked_div(Decimal::ONE_THOUSAND)
        .unwrap_or_default();
    format!(
        "{n} {foyers}, {} {what} : {}{NBSP}kWh, {}{NBSP}tCO2e et {}{NBSP}€ économisés",
        percent(change, 1),
        number(totals.totals.saved, 0),
        number(tonnes, 1),
        number(totals.euros_saved.value(), 0),
    )
}

crate::section::impl_section!(EnergyReport, Energy, |t| (
    t.totals.households,
    t.totals.excluded,
    crate::section::Score::Change(t.totals.change)
));
