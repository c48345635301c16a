//! A challenge's result on one theme, and where the figure comes from.
//!
//! A result is either **computed** by ecodefi from the households' data (a
//! report), or **published**: a figure the organisers published, entered
//! with its source, e.g. "60 foyers, −26 % de production de déchets non
//! recyclables". Both have the same shape, so they aggregate the same way:
//! the theme, what was measured ([`Indicator`]), the households counted, the
//! change as a [`Ratio`] (`-0.26` for −26 %) and, when known, the absolute
//! totals of the reference and challenge periods ([`Totals`]), which let a
//! catalogue pool several challenges exactly.

use rust_decimal::Decimal;

use crate::challenge::Theme;
use crate::named_enum;
use crate::quantity::Ratio;

use super::fact::{value_or_marker, NOT_PUBLISHED};
use super::text::Text;

named_enum! {
    /// What a result measures. Results of different indicators are never
    /// combined, even on one theme (residual waste and total waste differ).
    #[non_exhaustive]
    pub enum Indicator ("indicator") {
        /// Energy use of the dwelling, kWh (climate-corrected when computed).
        EnergyUse = "energy_use",
        /// Water use.
        WaterUse = "water_use",
        /// Residual household waste, *déchets non recyclables* (OMR).
        ResidualWaste = "residual_waste",
        /// All household waste streams together.
        TotalWaste = "total_waste",
        /// Share of food spending that is organic.
        OrganicFoodShare = "organic_food_share",
        /// Share of food spending that is local.
        LocalFoodShare = "local_food_share",
        /// Share of trips made by car.
        CarShareOfTrips = "car_share_of_trips",
    }
}

impl Indicator {
    /// The theme this indicator belongs to.
    pub const fn theme(self) -> Theme {
        match self {
            Indicator::EnergyUse => Theme::Energy,
            Indicator::WaterUse => Theme::Water,
            Indicator::ResidualWaste | Indicator::TotalWaste => Theme::Waste,
            Indicator::OrganicFoodShare | Indicator::LocalFoodShare => Theme::Food,
            Indicator::CarShareOfTrips => Theme::Mobility,
        }
    }
}

named_enum! {
    /// The unit of a result's absolute totals.
    #[non_exhaustive]
    pub enum TotalUnit ("total unit") {
        /// Kilowatt-hours.
        Kwh = "kwh",
        /// Litres.
        Litres = "litres",
        /// Kilograms.
        Kg = "kg",
        /// Euros.
        Euros = "euros",
        /// Kilometres.
        Km = "km",
    }
}

/// The absolute totals behind a change, over the households counted: the
/// (corrected) reference and the challenge-period amount, in one unit for
/// both (so they cannot disagree). With totals, a catalogue pools results
/// exactly: Σ(challenge − reference) / Σ reference, the same weighted ratio
/// the reports use (DOMAIN.md §2, "Savings and aggregation").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Totals {
    /// The unit of both amounts.
    pub unit: TotalUnit,
    /// The reference amount (e.g. the climate-corrected reference winter).
    pub reference: Decimal,
    /// The amount over the challenge period.
    pub challenge: Decimal,
}

/// Where a result's figure comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Origin {
    /// Computed by ecodefi from the households' data.
    Computed {
        /// The ecodefi version that computed it, e.g. `0.1.0`.
        ecodefi_version: Text,
        /// The report it was taken from (a file name, an identifier), if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        report: Option<Text>,
    },
    /// A figure published by the organisers, entered by hand.
    Published {
        /// The document the figure is taken from.
        source: Text,
        /// The figure as the source words it, e.g. `60 foyers, -26 % de
        /// production de déchets non recyclables`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        quote: Option<Text>,
    },
}

/// A challenge's result on one indicator.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeResult {
    /// The theme.
    pub theme: Theme,
    /// What was measured.
    pub indicator: Indicator,
    /// The households counted in this result; absent: the record's
    /// household count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub households: Option<u32>,
    /// The change from reference to challenge period, as a fraction
    /// (`-0.113` for −11,3 %); for share indicators, the change in share
    /// points (`0.09` for 24 % → 33 %).
    pub change: Ratio,
    /// The absolute totals behind the change, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totals: Option<Totals>,
    /// Where the figure comes from.
    pub origin: Origin,
}

impl ThemeResult {
    /// A figure published by the organisers, with its source.
    ///
    /// # Example
    /// ```
    /// use ecodefi::catalogue::{Indicator, ThemeResult, Text};
    /// use ecodefi::{Ratio, Theme};
    /// use rust_decimal::dec;
    /// let r = ThemeResult::published(
    ///     Indicator::ResidualWaste,
    ///     Some(60),
    ///     Ratio::new(dec!(-0.26)),
    ///     Text::new("MRES presentation")?,
    ///     None,
    /// );
    /// assert_eq!(r.theme, Theme::Waste);
    /// # Ok::<(), ecodefi::Error>(())
    /// ```
    pub fn published(
        indicator: Indicator,
        households: Option<u32>,
        change: Ratio,
        source: Text,
        quote: Option<Text>,
    ) -> Self {
        ThemeResult {
            theme: indicator.theme(),
            indicator,
            households,
            change,
            totals: None,
            origin: Origin::Published { source, quote },
        }
    }

    /// A result computed by ecodefi (this version of it): the households
    /// counted, the weighted change and, when known, the totals behind it.
    pub fn computed(
        indicator: Indicator,
        households: u32,
        change: Ratio,
        totals: Option<Totals>,
        report: Option<Text>,
    ) -> Self {
        ThemeResult {
            theme: indicator.theme(),
            indicator,
            households: Some(households),
            change,
            totals,
            origin: Origin::Computed {
                // The crate version is a non-empty literal without spaces.
                ecodefi_version: Text(env!("CARGO_PKG_VERSION").to_owned()),
                report,
            },
        }
    }

    /// Whether the figure was computed by ecodefi.
    pub fn is_computed(&self) -> bool {
        matches!(self.origin, Origin::Computed { .. })
    }
}

/// A record's results: a list (possibly empty: no result on any theme), or
/// `"not_published"` in JSON when the source gives none.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Results {
    /// The results the source gives.
    Published(Vec<ThemeResult>),
    /// The source gives no results.
    NotPublished,
}

impl Results {
    /// The results, empty when not published.
    pub fn as_slice(&self) -> &[ThemeResult] {
        match self {
            Results::Published(v) => v,
            Results::NotPublished => &[],
        }
    }
}

impl serde::Serialize for Results {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Results::Published(v) => v.serialize(s),
            Results::NotPublished => s.serialize_str(NOT_PUBLISHED),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Results {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(value_or_marker(d, NOT_PUBLISHED)?.map_or(Results::NotPublished, Results::Published))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn indicators_belong_to_one_theme() {
        for i in Indicator::ALL {
            assert!(Theme::ALL.contains(&i.theme()));
        }
        assert_eq!(Indicator::ResidualWaste.theme(), Theme::Waste);
    }

    #[test]
    fn origin_is_tagged_and_strict() {
        let r = ThemeResult::published(
            Indicator::EnergyUse,
            Some(189),
            Ratio::new(dec!(-0.113)),
            Text::new("MRES").unwrap(),
            None,
        );
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"theme":"energy","indicator":"energy_use","households":189,
                "change":"-0.113","origin":{"kind":"published","source":"MRES"}})
        );
        let mut bad = json.clone();
        bad["origin"]["page"] = serde_json::json!(3);
        assert!(serde_json::from_value::<ThemeResult>(bad).is_err());
        let mut bad = json;
        bad["origin"]["kind"] = serde_json::json!("guessed");
        assert!(serde_json::from_value::<ThemeResult>(bad).is_err());
    }

    #[test]
    fn computed_results_name_the_version() {
        let r = ThemeResult::computed(Indicator::WaterUse, 10, Ratio::ZERO, None, None);
        assert!(r.is_computed());
        assert_eq!(r.theme, Theme::Water);
    }

    #[test]
    fn results_not_published_is_spelled_out() {
        assert_eq!(
            serde_json::to_string(&Results::NotPublished).unwrap(),
            "\"not_published\""
        );
        assert_eq!(
            serde_json::from_str::<Results>("[]").unwrap(),
            Results::Published(vec![])
        );
        assert!(serde_json::from_str::<Results>("\"unknown\"").is_err());
    }
}
