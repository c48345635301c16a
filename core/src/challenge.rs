//! What a challenge is: who runs it, where, on which themes, over which
//! periods, with which teams and objective.

use rust_decimal::{dec, Decimal};

use crate::error::{Error, Result};
use crate::id::{HouseholdId, TeamId};
use crate::named_enum;
use crate::period::Period;
use crate::quantity::Ratio;
use crate::{msg, noun};

named_enum! {
    /// A theme of a challenge: what households commit to reduce or change.
    #[non_exhaustive]
    pub enum Theme ("theme") {
        /// Energy use of the dwelling (*énergie*).
        Energy = "energy",
        /// Water use (*eau*).
        Water = "water",
        /// Household waste (*déchets*).
        Waste = "waste",
        /// Food purchases (*alimentation*).
        Food = "food",
        /// Travel habits (*mobilité*).
        Mobility = "mobility",
    }
}

named_enum! {
    /// Who organises a challenge.
    #[non_exhaustive]
    pub enum OrganiserKind ("organiser kind") {
        /// A commune, an EPCI, a department, a region… (*collectivité*).
        LocalAuthority = "local_authority",
        /// An association.
        Association = "association",
        /// A company, for its employees.
        Company = "company",
        /// A group of citizens.
        CitizenGroup = "citizen_group",
    }
}

/// The default objective of an energy challenge: 8 % less than the
/// climate-corrected reference.
///
/// Source: *Familles à Énergie Positive* rules (Prioriterre / CLER, 2008–2019),
/// kept by the Déclics scheme; some editions use 10 %.
pub const DEFAULT_OBJECTIVE: Ratio = Ratio::new(dec!(0.08));

/// A team (*équipe*) of households, usually 4 to 12, with a captain.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Team {
    /// The team's identifier, referred to by its households.
    pub id: TeamId,
    /// The team's display name.
    pub name: String,
    /// The captain's household, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub captain: Option<HouseholdId>,
}

/// A challenge's identity and calendar.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Challenge {
    /// The challenge's name, e.g. `Défi Déclics énergie 2025-2026`.
    pub name: String,
    /// The territory where it runs, e.g. `Métropole Européenne de Lille`.
    pub territory: String,
    /// Who organises it.
    pub organiser_kind: OrganiserKind,
    /// The themes it covers.
    pub themes: Vec<Theme>,
    /// The households' reference period (their unchanged habits, e.g. the
    /// previous winter).
    pub reference_period: Period,
    /// The challenge period.
    pub challenge_period: Period,
    /// The saving aimed at, as a fraction ([`DEFAULT_OBJECTIVE`] if absent).
    #[serde(default = "default_objective")]
    pub objective: Ratio,
    /// The teams.
    pub teams: Vec<Team>,
    /// The Météo-France station whose temperatures the challenge uses (its
    /// `NUM_POSTE`, e.g. `62160001`), when they come from a Météo-France
    /// file ([`crate::files`]); settings-table key `station_meteo`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weather_station: Option<String>,
}

fn default_objective() -> Ratio {
    DEFAULT_OBJECTIVE
}

impl Challenge {
    /// Checks what serde cannot: distinct team ids, an objective in
    /// [0, 1), at least one theme, each listed once.
    ///
    /// # Errors
    /// [`Error::Duplicate`] or [`Error::InvalidValue`].
    pub fn validate(&self) -> Result<()> {
        let mut seen = std::collections::HashSet::with_capacity(self.teams.len());
        for (i, t) in self.teams.iter().enumerate() {
            if !seen.insert(&t.id) {
                return Err(Error::Duplicate {
                    what: noun!("team"),
                    id: t.id.to_string(),
                    at: crate::error::Location::at_path("challenge.teams").with_index(i),
                });
            }
        }
        // Every household appears in each theme's section: with no theme,
        // the report would list none.
        if self.themes.is_empty() {
            return Err(Error::invalid(
                noun!("themes"),
                "[]",
                msg!("a challenge covers at least one theme"),
            )
            .at_path("challenge.themes"));
        }
        for (i, t) in self.themes.iter().enumerate() {
            if self.themes[..i].contains(t) {
                return Err(Error::Duplicate {
                    what: noun!("theme"),
                    id: t.to_string(),
                    at: crate::error::Location::at_path("challenge.themes").with_index(i),
                });
            }
        }
        let o = self.objective.fraction();
        if o < Decimal::ZERO || o >= Decimal::ONE {
            return Err(Error::invalid(
                noun!("objective"),
                o,
                msg!("an objective is a fraction in [0, 1)"),
            )
            .at_path("challenge.objective"));
        }
        Ok(())
    }

    /// The team with this id.
    pub fn team(&self, id: &TeamId) -> Option<&Team> {
        self.teams.iter().find(|t| &t.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn names_round_trip() {
        for t in Theme::ALL {
            assert_eq!(t.to_string().parse::<Theme>().unwrap(), *t);
        }
        let e = "énergie".parse::<Theme>().unwrap_err();
        assert_eq!(e.code(), "unknown_name");
        assert_eq!(
            e.to_string(),
            "unknown theme `énergie` (expected one of: energy water waste food mobility)"
        );
        assert_eq!(
            serde_json::to_string(&OrganiserKind::LocalAuthority).unwrap(),
            "\"local_authority\""
        );
    }

    #[test]
    fn a_challenge_covers_at_least_one_theme() {
        // Found by the Python hypothesis suite: with no theme, no section
        // would list the households.
        let json = r#"{"name": "d", "territory": "t", "organiser_kind": "association",
            "themes": [], "reference_period": {"first": "2024-12-01", "last": "2025-04-30"},
            "challenge_period": {"first": "2025-12-01", "last": "2026-04-30"}, "teams": []}"#;
        let c: Challenge = serde_json::from_str(json).unwrap();
        let e = c.validate().unwrap_err();
        assert_eq!(e.code(), "invalid_value");
        assert!(e.to_string().contains("at least one theme"), "{e}");
        let one: Challenge = serde_json::from_str(&json.replacen("[]", r#"["water"]"#, 1)).unwrap();
        assert!(one.validate().is_ok());
    }

    proptest! {
        #[test]
        fn organiser_kind_round_trips(i in 0usize..4) {
            let k = OrganiserKind::ALL[i];
            let json = serde_json::to_string(&k).unwrap();
            prop_assert_eq!(serde_json::from_str::<OrganiserKind>(&json).unwrap(), k);
        }
    }
}
