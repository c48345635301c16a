//! Why a household was left out of a result, and what to look at in one
//! that was kept: machine-readable codes with a human detail.
//!
//! The detail of each is a catalogue message ([`crate::message`]): its
//! parameters are kept as data (`params`), and the text is in English until
//! the report is rendered in another language ([`crate::Report::localize`]).
//!
//! Data-quality problems are not errors: a household whose data cannot give
//! a result is kept in the output with an [`Exclusion`], and the others are
//! computed. A result that was computed but deserves a look carries
//! [`Warning`]s.

use crate::id::MeterId;
use crate::message::{Lang, Message, Params};
use crate::named_enum;

named_enum! {
    /// Why a household has no result.
    #[non_exhaustive]
    pub enum ExclusionCode ("exclusion code") {
        /// The household has no meter (or nothing measured) for the theme.
        NoMeter = "no_meter",
        /// A meter has no measurement at all.
        NoData = "no_data",
        /// A meter has fewer readings than needed.
        TooFewReadings = "too_few_readings",
        /// Two readings of a meter share a day.
        DuplicateReading = "duplicate_reading",
        /// Two bills of a meter overlap.
        OverlappingBills = "overlapping_bills",
        /// An index goes down with no replacement or rollover declared.
        DecreasingIndex = "decreasing_index",
        /// The measurements do not cover the period (beyond the allowed
        /// extrapolation).
        PeriodNotCovered = "period_not_covered",
        /// The reference consumption is zero or negative: no percentage can
        /// be computed.
        ZeroReference = "zero_reference",
        /// Stock estimates give a negative consumption.
        NegativeConsumption = "negative_consumption",
        /// The household is in the input but not in the challenge's period
        /// (e.g. it left before the end).
        NotPresent = "not_present",
    }
}

named_enum! {
    /// What deserves a look in a computed result.
    #[non_exhaustive]
    pub enum WarningCode ("warning code") {
        /// Two consecutive readings are further apart than advised.
        LongGap = "long_gap",
        /// Part of a period was extrapolated beyond the measurements.
        Extrapolated = "extrapolated",
        /// An interval was prorated by days only, its degree-days being
        /// unknown (temperatures do not cover it).
        ProratedByDays = "prorated_by_days",
        /// Deliveries taken as consumption, with no stock estimate.
        DeliveriesWithoutStock = "deliveries_without_stock",
        /// The saving is far from the others' (an outlier).
        Outlier = "outlier",
        /// No emission factor for a carrier: its CO2e is not counted.
        MissingCo2eFactor = "missing_co2e_factor",
        /// No price for a carrier: its euros are not counted.
        MissingPrice = "missing_price",
        /// The climate-sensitive share was estimated from the summer base
        /// load.
        HeatingShareEstimated = "heating_share_estimated",
        /// A weather-regression baseline was asked for but the data gave
        /// no usable model: the reconstructed winter was used instead.
        RegressionUnusable = "regression_unusable",
        /// An item (weighing, purchase, trip) is dated outside every period
        /// of its theme: it is not counted.
        OutsidePeriods = "outside_periods",
    }
}

/// Why a household has no result.
#[derive(Debug, Clone, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    /// The reason, machine-readable.
    pub code: ExclusionCode,
    /// The meter concerned, if one is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meter: Option<MeterId>,
    /// The index of the reading, bill or item concerned, if one is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
    /// What exactly, for a person, in the report's language (English until
    /// [`crate::Report::localize`]).
    pub detail: String,
    /// The values the detail quotes, as data (days, dates, values…).
    #[serde(default, skip_serializing_if = "Params::is_empty")]
    pub params: Params,
    /// The catalogue message of the detail; `None` for one read back from
    /// JSON, whose detail stays as it was written.
    #[serde(skip)]
    pub message: Option<Message>,
}

/// Equal when everything a reader sees is: code, meter, item, detail and
/// parameters (a result read back from JSON equals the one written).
impl PartialEq for Exclusion {
    fn eq(&self, other: &Self) -> bool {
        (
            self.code,
            &self.meter,
            self.index,
            &self.detail,
            &self.params,
        ) == (
            other.code,
            &other.meter,
            other.index,
            &other.detail,
            &other.params,
        )
    }
}

impl Exclusion {
    /// An exclusion with no meter or item yet, its detail in English.
    pub fn new(code: ExclusionCode, detail: impl Into<Message>) -> Self {
        Self::of(code, detail.into())
    }

    #[inline(never)]
    fn of(code: ExclusionCode, detail: Message) -> Self {
        Exclusion {
            code,
            meter: None,
            index: None,
            detail: detail.render(Lang::En),
            params: detail.params(),
            message: Some(detail),
        }
    }

    /// This exclusion, about an item by its index.
    #[must_use]
    pub fn at_index(mut self, index: usize) -> Self {
        self.index = Some(index);
        self
    }

    /// This exclusion, about a meter.
    #[must_use]
    pub fn on_meter(mut self, meter: &MeterId) -> Self {
        self.meter = Some(meter.clone());
        self
    }

    /// Writes the detail in `lang` again from its template and parameters
    /// (nothing changes for one read back from JSON).
    pub fn localize(&mut self, lang: Lang) {
        if let Some(m) = &self.message {
            self.detail = m.render(lang);
        }
    }
}

/// What deserves a look in a computed result.
#[derive(Debug, Clone, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Warning {
    /// The warning, machine-readable.
    pub code: WarningCode,
    /// The meter concerned, if one is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meter: Option<MeterId>,
    /// What exactly, for a person, in the report's language (English until
    /// [`crate::Report::localize`]).
    pub detail: String,
    /// The values the detail quotes, as data.
    #[serde(default, skip_serializing_if = "Params::is_empty")]
    pub params: Params,
    /// The catalogue message of the detail; `None` for one read back from
    /// JSON.
    #[serde(skip)]
    pub message: Option<Message>,
}

/// Equal when everything a reader sees is (see [`Exclusion`]).
impl PartialEq for Warning {
    fn eq(&self, other: &Self) -> bool {
        (self.code, &self.meter, &self.detail, &self.params)
            == (other.code, &other.meter, &other.detail, &other.params)
    }
}

impl Warning {
    /// A warning with no meter yet, its detail in English.
    pub fn new(code: WarningCode, detail: impl Into<Message>) -> Self {
        Self::of(code, detail.into())
    }

    #[inline(never)]
    fn of(code: WarningCode, detail: Message) -> Self {
        Warning {
            code,
            meter: None,
            detail: detail.render(Lang::En),
            params: detail.params(),
            message: Some(detail),
        }
    }

    /// This warning, about a meter.
    #[must_use]
    pub fn on_meter(mut self, meter: &MeterId) -> Self {
        self.meter = Some(meter.clone());
        self
    }

    /// Writes the detail in `lang` again (see [`Exclusion::localize`]).
    pub fn localize(&mut self, lang: Lang) {
        if let Some(m) = &self.message {
            self.detail = m.render(lang);
        }
    }
}
