//! The input document of a challenge: its identity and calendar, its
//! households with their measurements, daily temperatures, and options.
//!
//! It is the one JSON format every language reads: versioned by
//! [`SCHEMA_VERSION`], unknown fields refused, decimals as strings.

use crate::challenge::Challenge;
use crate::energy::EnergyOptions;
use crate::error::{Error, Location, Result};
use crate::food::FoodOptions;
use crate::household::Household;
use crate::id::TeamId;
use crate::mobility::MobilityOptions;
use crate::noun;
use crate::references::NationalReferences;
use crate::waste::WasteOptions;
use crate::water::WaterOptions;
use crate::weather::Temperatures;

/// The version of the input and report documents this library reads and
/// writes.
pub const SCHEMA_VERSION: u32 = 1;

/// Options of every theme.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Options {
    /// Energy options.
    pub energy: EnergyOptions,
    /// Water options.
    pub water: WaterOptions,
    /// Waste options.
    pub waste: WasteOptions,
    /// Food options.
    pub food: FoodOptions,
    /// Mobility options.
    pub mobility: MobilityOptions,
    /// The national figures each theme's report is set beside (default
    /// [`NationalReferences::default`]: the sourced figures); a document
    /// may give only some of them, or none.
    #[serde(skip_serializing_if = "NationalReferences::is_default")]
    pub references: NationalReferences,
}

/// Everything needed to compute a challenge's results.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChallengeData {
    /// Must be [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The challenge.
    pub challenge: Challenge,
    /// Its households.
    pub households: Vec<Household>,
    /// Daily temperatures covering the reference and challenge periods
    /// (needed for climate correction).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperatures: Option<Temperatures>,
    /// Options (defaults when absent).
    #[serde(default)]
    pub options: Options,
}

impl ChallengeData {
    /// A document with default options.
    pub fn new(
        challenge: Challenge,
        households: Vec<Household>,
        temperatures: Option<Temperatures>,
    ) -> Self {
        ChallengeData {
            schema_version: SCHEMA_VERSION,
            challenge,
            households,
            temperatures,
            options: Options::default(),
        }
    }

    /// Reads and validates a JSON document.
    ///
    /// # Errors
    /// [`Error::Json`] for malformed JSON or a wrong shape (with line and
    /// column), [`Error::SchemaVersion`], or any error of
    /// [`ChallengeData::validate`].
    pub fn from_json(json: &str) -> Result<Self> {
        // Check the version first, so an old document gets the right error.
        #[derive(serde::Deserialize)]
        struct Version {
            schema_version: u32,
        }
        let v: Version = serde_json::from_str(json)?;
        if v.schema_version != SCHEMA_VERSION {
            return Err(Error::SchemaVersion {
                got: v.schema_version,
                supported: SCHEMA_VERSION,
            });
        }
        let data: ChallengeData = serde_json::from_str(json)?;
        data.validate()?;
        Ok(data)
    }

    /// The document as JSON.
    ///
    /// # Errors
    /// [`Error::Json`] (not expected: every value serialises).
    pub fn to_json(&self) -> Result<String> {
        Ok(serde_json::to_string_pretty(self)?)
    }

    /// Checks what types cannot: the version, the challenge, distinct
    /// household ids, households in known teams, captains who are
    /// households, and the options.
    ///
    /// # Errors
    /// [`Error::SchemaVersion`], [`Error::Duplicate`],
    /// [`Error::UnknownReference`] or [`Error::InvalidValue`], located.
    pub fn validate(&self) -> Result<()> {
        if self.schema_version != SCHEMA_VERSION {
            return Err(Error::SchemaVersion {
                got: self.schema_version,
                supported: SCHEMA_VERSION,
            });
        }
        self.challenge.validate()?;
        let teams: std::collections::HashSet<&TeamId> =
            self.challenge.teams.iter().map(|t| &t.id).collect();
        let mut ids = std::collections::HashSet::with_capacity(self.households.len());
        for (i, h) in self.households.iter().enumerate() {
            let at = || Location::household(&h.id).with_index(i);
            if !ids.insert(&h.id) {
                return Err(Error::Duplicate {
                    what: noun!("household"),
                    id: h.id.to_string(),
                    at: at(),
                });
            }
            if !teams.contains(&h.team) {
                return Err(Error::UnknownReference {
                    what: noun!("team"),
                    id: h.team.to_string(),
                    at: at(),
                });
            }
            h.validate()?;
        }
        for (i, t) in self.challenge.teams.iter().enumerate() {
            if let Some(c) = &t.captain {
                if !ids.contains(c) {
                    return Err(Error::UnknownReference {
                        what: noun!("captain household"),
                        id: c.to_string(),
                        at: Location::at_path("challenge.teams").with_index(i),
                    });
                }
            }
        }
        self.options.energy.validate()?;
        self.options.references.validate()?;
        self.validate_theme_options()
    }

    /// Checks the options of the per-person themes the challenge covers:
    /// water's reference value, waste's periods, food's surveys, mobility's
    /// factors and periods.
    fn validate_theme_options(&self) -> Result<()> {
        use crate::challenge::Theme;
        let (c, o) = (&self.challenge, &self.options);
        if c.themes.contains(&Theme::Water) {
            let at = |e: Error| e.at_path("options.water");
            o.water.validate().map_err(at)?;
            o.water.periods(c).map_err(at)?;
        }
        if c.themes.contains(&Theme::Waste) {
            o.waste.periods(c).map_err(|e| e.at_path("options.waste"))?;
        }
        if c.themes.contains(&Theme::Food) {
            o.food.surveys(c).map_err(|e| e.at_path("options.food"))?;
        }
        if c.themes.contains(&Theme::Mobility) {
            let at = |e: Error| e.at_path("options.mobility");
            o.mobility.factors.validate().map_err(at)?;
            o.mobility.periods(c).map_err(at)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synthetic::{generate, SyntheticOptions};

    fn sample() -> ChallengeData {
        generate(SyntheticOptions {
            households: 8,
            seed: 3,
            problems: false,
        })
        .unwrap()
    }

    fn json_with(f: impl FnOnce(&mut serde_json::Value)) -> String {
        let mut v = serde_json::to_value(sample()).unwrap();
        f(&mut v);
        v.to_string()
    }

    #[test]
    fn versions_and_unknown_fields_are_refused() {
        let old = json_with(|v| v["schema_version"] = 0.into());
        assert_eq!(
            ChallengeData::from_json(&old).unwrap_err(),
            Error::SchemaVersion {
                got: 0,
                supported: SCHEMA_VERSION
            }
        );
        let extra = json_with(|v| v["households"][0]["pets"] = 2.into());
        let e = ChallengeData::from_json(&extra).unwrap_err();
        assert_eq!(e.code(), "json");
        assert!(e.to_string().contains("unknown field `pets`"), "{e}");
        let number =
            json_with(|v| v["households"][0]["meters"][0]["readings"][0]["value"] = 12.5.into());
        assert_eq!(
            ChallengeData::from_json(&number).unwrap_err().code(),
            "json"
        );
    }

    #[test]
    fn settings_and_options_errors_name_their_path() {
        let path = |f: fn(&mut serde_json::Value)| {
            let e = ChallengeData::from_json(&json_with(f)).unwrap_err();
            (
                e.code(),
                e.location().and_then(|l| l.path.clone()),
                e.to_string(),
            )
        };
        let (code, at, text) = path(|v| v["challenge"]["themes"] = serde_json::json!([]));
        assert_eq!(
            (code, at.as_deref()),
            ("invalid_value", Some("challenge.themes"))
        );
        assert!(text.ends_with("at `challenge.themes`"), "{text}");
        let (code, at, _) = path(|v| v["challenge"]["objective"] = "1.5".into());
        assert_eq!(
            (code, at.as_deref()),
            ("invalid_value", Some("challenge.objective"))
        );
        let (code, at, _) = path(|v| v["options"]["energy"]["mixed_heating_share"] = "2".into());
        assert_eq!(
            (code, at.as_deref()),
            ("invalid_value", Some("options.energy.mixed_heating_share"))
        );
        let (code, at, _) = path(|v| v["challenge"]["teams"][0]["captain"] = "nobody".into());
        assert_eq!(
            (code, at.as_deref()),
            ("unknown_reference", Some("challenge.teams"))
        );
    }

    #[test]
    fn references_are_checked() {
        let dup = json_with(|v| v["households"][1]["id"] = v["households"][0]["id"].clone());
        let e = ChallengeData::from_json(&dup).unwrap_err();
        assert_eq!(e.code(), "duplicate");
        assert_eq!(e.location().and_then(|l| l.index), Some(1));
        let team = json_with(|v| v["households"][2]["team"] = "T99".into());
        let e = ChallengeData::from_json(&team).unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown team `T99` at household `F00003`, item 2"
        );
        let captain = json_with(|v| v["challenge"]["teams"][0]["captain"] = "nobody".into());
        assert_eq!(
            ChallengeData::from_json(&captain).unwrap_err().code(),
            "unknown_reference"
        );
    }

    #[test]
    fn a_bad_meter_is_located() {
        let bad =
            json_with(|v| v["households"][0]["meters"][0]["readings"][2]["value"] = "-4".into());
        let e = ChallengeData::from_json(&bad).unwrap_err();
        let at = e.location().unwrap();
        assert_eq!(
            (at.household.as_deref(), at.meter.as_deref(), at.index),
            (Some("F00001"), Some("chauffage"), Some(2))
        );
    }
}
