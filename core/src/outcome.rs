//! A household's result in one theme: its indicators, or the reason it has
//! none, with the warnings that deserve a look. Every theme's report lists
//! one [`HouseholdResult`] per household of the input: nothing is lost.

use crate::exclusion::{Exclusion, Warning};
use crate::id::{HouseholdId, TeamId};

/// Computed indicators, or why there are none.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Outcome<T> {
    /// The household's indicators.
    Computed(T),
    /// Why the household has no result.
    Excluded(Exclusion),
}

impl<T> Outcome<T> {
    /// The indicators, if computed.
    pub fn computed(&self) -> Option<&T> {
        match self {
            Outcome::Computed(t) => Some(t),
            Outcome::Excluded(_) => None,
        }
    }

    /// The exclusion, if excluded.
    pub fn exclusion(&self) -> Option<&Exclusion> {
        match self {
            Outcome::Computed(_) => None,
            Outcome::Excluded(e) => Some(e),
        }
    }
}

/// One household's result in one theme.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HouseholdResult<T> {
    /// The household.
    pub household: HouseholdId,
    /// Its team.
    pub team: TeamId,
    /// Its indicators, or why it has none.
    pub outcome: Outcome<T>,
    /// What deserves a look.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
}

/// A change as published in French: one decimal at most, a decimal comma,
/// a true minus sign and a no-break space before `%` (`−26 %`, `+3,5 %`).
pub fn french_percent(change: crate::quantity::Ratio) -> String {
    use rust_decimal::RoundingStrategy;
    let p = change
        .percent()
        .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    let digits = p.abs().to_string().replace('.', ",");
    let sign = if p.is_sign_negative() && !p.is_zero() {
        "\u{2212}"
    } else if p.is_zero() {
        ""
    } else {
        "+"
    };
    format!("{sign}{digits}\u{a0}%")
}

/// A share as published in French: one decimal at most, a decimal comma,
/// a no-break space before `%` (`68 %`, `24,5 %`).
pub fn french_share(share: crate::quantity::Ratio) -> String {
    use rust_decimal::RoundingStrategy;
    let p = share
        .percent()
        .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    format!(
        "{}\u{a0}%",
        p.to_string().replace('.', ",").replace('-', "\u{2212}")
    )
}

/// "1 foyer", "60 foyers".
pub fn french_households(n: u32) -> String {
    if n <= 1 {
        format!("{n} foyer")
    } else {
        format!("{n} foyers")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::Ratio;
    use rust_decimal::dec;

    #[test]
    fn french_style() {
        assert_eq!(french_percent(Ratio::new(dec!(-0.26))), "\u{2212}26\u{a0}%");
        assert_eq!(
            french_percent(Ratio::new(dec!(-0.11349))),
            "\u{2212}11,3\u{a0}%"
        );
        assert_eq!(french_percent(Ratio::new(dec!(0.03250))), "+3,3\u{a0}%");
        assert_eq!(french_percent(Ratio::new(dec!(0))), "0\u{a0}%");
        assert_eq!(french_share(Ratio::new(dec!(0.68))), "68\u{a0}%");
        assert_eq!(french_share(Ratio::new(dec!(0.2449))), "24,5\u{a0}%");
        assert_eq!(french_households(1), "1 foyer");
        assert_eq!(french_households(60), "60 foyers");
    }
}
