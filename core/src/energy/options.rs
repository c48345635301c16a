//! The settings of an energy challenge's computation, with sourced defaults.

use crate::climate::Correction;
use crate::energy::factors::ImpactFactors;
use crate::error::{Error, Result};
use crate::meter::{Basis, DEFAULT_HEATING_SHARE};
use crate::quantity::Ratio;
use crate::weather::DegreeDayOptions;
use crate::{msg, noun};

/// How an energy challenge is computed. Every field has a documented
/// default; build with [`EnergyOptions::default`] and the setters.
///
/// # Example
/// ```
/// use ecodefi::energy::EnergyOptions;
/// use ecodefi::climate::Correction;
/// use ecodefi::meter::Basis;
/// let o = EnergyOptions::default().basis(Basis::Pci).correction(Correction::Sdes);
/// assert_eq!(o.max_extrapolation_days, 7);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EnergyOptions {
    /// The heating-value basis of reported kWh: PCS by default, the basis
    /// of gas bills and of the gas emission factor (**\[design\]**).
    pub basis: Basis,
    /// How degree-days are computed (COSTIC, base 18 °C, heating).
    pub degree_days: DegreeDayOptions,
    /// The climate-correction formula: EEA/ODYSSEE by default.
    pub correction: Correction,
    /// The climate-sensitive share of a mixed-use meter when the summer base
    /// load cannot tell ([`DEFAULT_HEATING_SHARE`], 0.66).
    pub mixed_heating_share: Ratio,
    /// Whether to estimate a mixed meter's share from its summer base load
    /// when its readings cover a summer (true).
    pub estimate_share_from_summer: bool,
    /// The summer days needed for that estimate (28 **\[design\]**: four weeks).
    pub min_summer_days: u16,
    /// How many days before the first or after the last measurement may be
    /// extrapolated (7 **\[design\]**: half the usual fortnight between
    /// readings, DOMAIN.md §1).
    pub max_extrapolation_days: u16,
    /// Readings further apart than this are warned about (45 days
    /// **\[design\]**: three missed fortnightly readings).
    pub max_gap_days: u16,
    /// CO2e and price tables.
    pub factors: ImpactFactors,
    /// Whether a meter whose reference-period data allow it (daily
    /// readings or bills, with the daily temperatures) gets a
    /// weather-regression baseline (CalTRACK 2.0, [`crate::regression`])
    /// instead of the reconstructed winter (false: opt-in).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub regression_baseline: bool,
}

impl Default for EnergyOptions {
    fn default() -> Self {
        EnergyOptions {
            basis: Basis::Pcs,
            degree_days: DegreeDayOptions::default(),
            correction: Correction::Eea,
            mixed_heating_share: DEFAULT_HEATING_SHARE,
            estimate_share_from_summer: true,
            min_summer_days: 28,
            max_extrapolation_days: 7,
            max_gap_days: 45,
            factors: ImpactFactors::default(),
            regression_baseline: false,
        }
    }
}

impl EnergyOptions {
    /// These options with another basis.
    #[must_use]
    pub fn basis(mut self, basis: Basis) -> Self {
        self.basis = basis;
        self
    }

    /// These options with another degree-day computation.
    #[must_use]
    pub fn degree_days(mut self, degree_days: DegreeDayOptions) -> Self {
        self.degree_days = degree_days;
        self
    }

    /// These options with another correction formula.
    #[must_use]
    pub fn correction(mut self, correction: Correction) -> Self {
        self.correction = correction;
        self
    }

    /// These options with another default share for mixed meters.
    #[must_use]
    pub fn mixed_heating_share(mut self, share: Ratio) -> Self {
        self.mixed_heating_share = share;
        self
    }

    /// These options with or without weather-regression baselines.
    #[must_use]
    pub fn regression_baseline(mut self, yes: bool) -> Self {
        self.regression_baseline = yes;
        self
    }

    /// These options with other impact factors.
    #[must_use]
    pub fn factors(mut self, factors: ImpactFactors) -> Self {
        self.factors = factors;
        self
    }

    /// Checks the share is in [0, 1], the factor tables are sound, and
    /// this build has what the options ask for.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] or [`Error::Duplicate`];
    /// [`Error::Unsupported`] for `regression_baseline` without the core's
    /// `regression` feature.
    pub fn validate(&self) -> Result<()> {
        let p = self.mixed_heating_share.fraction();
        if p.is_sign_negative() || p > rust_decimal::Decimal::ONE {
            return Err(Error::invalid(
                noun!("mixed heating share"),
                p,
                msg!("a share is between 0 and 1"),
            )
            .at_path("options.energy.mixed_heating_share"));
        }
        if self.regression_baseline && !cfg!(feature = "regression") {
            return Err(Error::Unsupported {
                what: noun!("weather-regression baselines (`regression_baseline`)"),
                feature: "regression",
            });
        }
        self.factors
            .co2e
            .validate()
            .map_err(|e| e.at_path("options.energy.factors.co2e"))?;
        self.factors
            .price
            .validate()
            .map_err(|e| e.at_path("options.energy.factors.price"))
    }
}
