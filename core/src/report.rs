//! A challenge's report: one section per theme it covers, and its headline.

use crate::challenge::{Challenge, Theme};
use crate::data::{ChallengeData, SCHEMA_VERSION};
use crate::energy::{self, EnergyReport};
use crate::error::Result;

/// The report of a challenge.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// The version of this document ([`SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// The challenge it is about.
    pub challenge: Challenge,
    /// How many households the input had (each appears in every theme's
    /// section, computed or excluded).
    pub households: u32,
    /// The energy section, when the challenge covers energy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub energy: Option<EnergyReport>,
}

impl Report {
    /// The headline of every theme, one per line.
    pub fn headline(&self) -> String {
        let mut lines = Vec::new();
        if let Some(e) = &self.energy {
            lines.push(e.headline.clone());
        }
        lines.join("\n")
    }

    /// The report as JSON.
    ///
    /// # Errors
    /// [`crate::Error::Json`] (not expected: every value serialises).
    pub fn to_json(&self) -> Result<String> {
        Ok(serde_json::to_string_pretty(self)?)
    }
}

/// Computes the report of a challenge: every theme it covers.
///
/// # Errors
/// Any error of [`ChallengeData::validate`] or of a theme's computation
/// (e.g. [`energy::compute`]).
///
/// # Example
/// ```
/// let json = std::fs::read_to_string(concat!(
///     env!("CARGO_MANIFEST_DIR"),
///     "/examples/data/energy/challenge.json"
/// ))?;
/// let data = ecodefi::ChallengeData::from_json(&json)?;
/// let report = ecodefi::compute(&data)?;
/// assert!(report.headline().contains("foyers"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn compute(data: &ChallengeData) -> Result<Report> {
    data.validate()?;
    let c = &data.challenge;
    let energy = if c.themes.contains(&Theme::Energy) {
        Some(energy::compute(
            c,
            &data.households,
            data.temperatures.as_ref(),
            &data.options.energy,
        )?)
    } else {
        None
    };
    Ok(Report {
        schema_version: SCHEMA_VERSION,
        challenge: c.clone(),
        households: u32::try_from(data.households.len()).unwrap_or(u32::MAX),
        energy,
    })
}
