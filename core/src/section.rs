//! What every theme's section of a report shares, read the same way
//! whatever the theme: its headline, its teams in rank order with the
//! figure they are ranked by, and each household's status with its
//! reasons and warnings. Each theme implements [`Section`] in its own
//! `report` module; [`crate::Report::sections`] lists a report's sections.
//!
//! This is what a program that shows any challenge needs without knowing
//! each theme's figures: the examples print it, and
//! [`crate::table::write::section_teams`] writes it as CSV.

use crate::challenge::Theme;
use crate::exclusion::{Exclusion, Warning};
use crate::id::{HouseholdId, TeamId};
use crate::outcome::{HouseholdResult, Status};
use crate::quantity::Ratio;

/// The figure a theme ranks its teams by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Score {
    /// A relative change (−0.11: 11 % less), the lowest ranked first:
    /// energy, water, residual waste, mobility's kgCO2e.
    Change(Option<Ratio>),
    /// A gain in percentage points (0.05: 5 points more), the highest
    /// ranked first: food's organic plus local share.
    Points(Option<Ratio>),
}

/// One team of a section, in rank order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RankedTeam<'a> {
    /// Its rank (1 = the best).
    pub rank: u32,
    /// The team.
    pub team: &'a TeamId,
    /// Its name.
    pub name: &'a str,
    /// Its households with a result.
    pub counted: u32,
    /// Its households left out.
    pub excluded: u32,
    /// The figure it is ranked by.
    pub score: Score,
}

/// One household of a section, in input order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HouseholdLine<'a> {
    /// The household.
    pub household: &'a HouseholdId,
    /// Its team.
    pub team: &'a TeamId,
    /// Computed or excluded.
    pub status: Status,
    /// Why it was left out.
    pub exclusions: &'a [Exclusion],
    /// What deserves a look.
    pub warnings: &'a [Warning],
}

impl<'a, T> From<&'a HouseholdResult<T>> for HouseholdLine<'a> {
    fn from(h: &'a HouseholdResult<T>) -> Self {
        HouseholdLine {
            household: &h.household,
            team: &h.team,
            status: h.status,
            exclusions: &h.exclusions,
            warnings: &h.warnings,
        }
    }
}

/// A theme's section of a report, read the same way for every theme.
pub trait Section {
    /// The theme.
    fn theme(&self) -> Theme;
    /// The headline, in the published style (French).
    fn headline(&self) -> &str;
    /// The teams, in rank order (ties keep the challenge's order).
    fn ranking(&self) -> Vec<RankedTeam<'_>>;
    /// Every household of the input, in input order.
    fn households(&self) -> Vec<HouseholdLine<'_>>;
}

/// Implements [`Section`] for a theme's report whose `teams` are in rank
/// order and carry `team`, `name` and `rank`: given the theme, and, for a
/// team `t`, its counted and excluded households and its [`Score`].
macro_rules! impl_section {
    ($report:ty, $theme:ident, |$t:ident| ($counted:expr, $excluded:expr, $score:expr)) => {
        impl $crate::section::Section for $report {
            fn theme(&self) -> $crate::challenge::Theme {
                $crate::challenge::Theme::$theme
            }

            fn headline(&self) -> &str {
                &self.headline
            }

            fn ranking(&self) -> Vec<$crate::section::RankedTeam<'_>> {
                self.teams
                    .iter()
                    .map(|$t| $crate::section::RankedTeam {
                        rank: $t.rank,
                        team: &$t.team,
                        name: &$t.name,
                        counted: $counted,
                        excluded: $excluded,
                        score: $score,
                    })
                    .collect()
            }

            fn households(&self) -> Vec<$crate::section::HouseholdLine<'_>> {
                self.households.iter().map(Into::into).collect()
            }
        }
    };
}
pub(crate) use impl_section;
