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
