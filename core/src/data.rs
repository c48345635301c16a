//! The input document of a challenge: its identity and calendar, its
//! households with their measurements, daily temperatures, and options.
//!
//! It is the one JSON format every language reads: versioned by
//! [`SCHEMA_VERSION`], unknown fields refused, decimals as strings.

use crate::challenge::Challenge;
use crate::energy::EnergyOptions;
use crate::error::{Error, Location, Result};
use crate::household::Household;
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
        let mut ids = std::collections::HashSet::with_capacity(self.households.len());
        for (i, h) in self.households.iter().enumerate() {
            let at = Location::household(&h.id).with_index(i);
            if !ids.insert(&h.id) {
                return Err(Error::Duplicate {
                    what: "household",
                    id: h.id.to_string(),
                    at,
                });
            }
            if self.challenge.team(&h.team).is_none() {
                return Err(Error::UnknownReference {
                    what: "team",
                    id: h.team.to_string(),
                    at,
                });
            }
            h.validate()?;
        }
        for (i, t) in self.challenge.teams.iter().enumerate() {
            if let Some(c) = &t.captain {
                if !ids.contains(c) {
                    return Err(Error::UnknownReference {
                        what: "captain household",
                        id: c.to_string(),
                        at: Location::NONE.with_index(i),
                    });
                }
            }
        }
        self.options.energy.validate()
    }
}
