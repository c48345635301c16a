//! A challenge's report: one section per theme it covers, and its headline.
//!
//! Without the core's `themes` feature the report has the energy section
//! only (the water, waste, food and mobility fields do not exist), so that
//! the small WebAssembly module carries no code for them.

use crate::challenge::{Challenge, Theme};
use crate::data::ChallengeData;
use crate::energy::{self, EnergyReport};
use crate::error::Result;
use crate::provisional::{AsOf, Provisional};
use crate::section::Section;
#[cfg(feature = "themes")]
use crate::{food::FoodReport, mobility::MobilityReport};
#[cfg(feature = "themes")]
use crate::{waste::WasteReport, water::WaterReport};

/// The version of the report document ([`Report`]) this library writes.
///
/// Version 2 gives every theme's households one shape
/// ([`crate::outcome::HouseholdResult`]: `status`, `exclusions`,
/// `warnings`, `figures`); in version 1 energy's households had `saving`
/// and `exclusions`, the other themes' an `outcome` with one exclusion. The
/// input document ([`crate::SCHEMA_VERSION`]) did not change.
pub const REPORT_SCHEMA_VERSION: u32 = 2;

/// The report of a challenge.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// The version of this document ([`REPORT_SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// The challenge it is about.
    pub challenge: Challenge,
    /// How many households the input had (each appears in every theme's
    /// section, computed or excluded).
    pub households: u32,
    /// The energy section, when the challenge covers energy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub energy: Option<EnergyReport>,
    /// The water section, when the challenge covers water.
    #[cfg(feature = "themes")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub water: Option<WaterReport>,
    /// The waste section, when the challenge covers waste.
    #[cfg(feature = "themes")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waste: Option<WasteReport>,
    /// The food section, when the challenge covers food.
    #[cfg(feature = "themes")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub food: Option<FoodReport>,
    /// The mobility section, when the challenge covers mobility.
    #[cfg(feature = "themes")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobility: Option<MobilityReport>,
    /// Set when the results are provisional: computed as of a day of the
    /// challenge period ([`compute_as_of`]); absent for final results.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provisional: Option<Provisional>,
}

impl Report {
    /// The headline of every theme, one per line.
    pub fn headline(&self) -> String {
        let lines: Vec<&str> = self.sections().iter().map(|s| s.headline()).collect();
        lines.join("\n")
    }

    /// Every theme's section, in the order energy, water, waste, food,
    /// mobility, each read the same way ([`Section`]).
    pub fn sections(&self) -> Vec<&dyn Section> {
        let mut out: Vec<&dyn Section> = Vec::new();
        if let Some(e) = &self.energy {
            out.push(e);
        }
        #[cfg(feature = "themes")]
        {
            if let Some(w) = &self.water {
                out.push(w);
            }
            if let Some(w) = &self.waste {
                out.push(w);
            }
            if let Some(f) = &self.food {
                out.push(f);
            }
            if let Some(m) = &self.mobility {
                out.push(m);
            }
        }
        out
    }

    /// Writes every exclusion's and warning's detail in `lang`, from the
    /// catalogue ([`crate::message`]); their codes and parameters do not
    /// change. A report is computed in English.
    ///
    /// ```
    /// # let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/energy/challenge.json"))?;
    /// let mut report = ecodefi::compute(&ecodefi::ChallengeData::from_json(&json)?)?;
    /// report.localize(ecodefi::message::Lang::Fr);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn localize(&mut self, lang: crate::message::Lang) {
        fn each<T>(
            households: &mut [crate::outcome::HouseholdResult<T>],
            lang: crate::message::Lang,
        ) {
            for h in households {
                h.exclusions.iter_mut().for_each(|e| e.localize(lang));
                h.warnings.iter_mut().for_each(|w| w.localize(lang));
            }
        }
        if let Some(e) = &mut self.energy {
            each(&mut e.households, lang);
        }
        #[cfg(feature = "themes")]
        {
            if let Some(w) = &mut self.water {
                each(&mut w.households, lang);
            }
            if let Some(w) = &mut self.waste {
                each(&mut w.households, lang);
            }
            if let Some(f) = &mut self.food {
                each(&mut f.households, lang);
            }
            if let Some(m) = &mut self.mobility {
                each(&mut m.households, lang);
            }
        }
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
/// (e.g. [`energy::compute`]); without the `themes` feature,
/// [`crate::Error::Unsupported`] for a theme other than energy.
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
    let references = &data.options.references;
    let energy = if c.themes.contains(&Theme::Energy) {
        let mut e = energy::compute(
            c,
            &data.households,
            data.temperatures.as_ref(),
            &data.options.energy,
        )?;
        e.compare_with(references, c.reference_period.days())?;
        Some(e)
    } else {
        None
    };
    #[cfg(feature = "themes")]
    {
        use crate::{food::food_report, mobility::mobility_report};
        use crate::{waste::waste_report, water::water_report};
        let (hs, o) = (&data.households, &data.options);
        let has = |t| c.themes.contains(&t);
        Ok(Report {
            schema_version: REPORT_SCHEMA_VERSION,
            challenge: c.clone(),
            households: u32::try_from(hs.len()).unwrap_or(u32::MAX),
            energy,
            water: has(Theme::Water)
                .then(|| {
                    let mut w = water_report(c, hs, &o.water)?;
                    w.compare_with(references).map(|()| w)
                })
                .transpose()?,
            waste: has(Theme::Waste)
                .then(|| {
                    let mut w = waste_report(c, hs, &o.waste)?;
                    w.compare_with(references).map(|()| w)
                })
                .transpose()?,
            food: has(Theme::Food)
                .then(|| food_report(c, hs, &o.food))
                .transpose()?,
            mobility: has(Theme::Mobility)
                .then(|| mobility_report(c, hs, &o.mobility))
                .transpose()?,
            provisional: None,
        })
    }
    #[cfg(not(feature = "themes"))]
    {
        let other = |t: &Theme| match t {
            Theme::Energy => None,
            Theme::Water => Some("the water theme"),
            Theme::Waste => Some("the waste theme"),
            Theme::Food => Some("the food theme"),
            Theme::Mobility => Some("the mobility theme"),
        };
        if let Some(what) = c.themes.iter().find_map(other) {
            return Err(crate::Error::Unsupported {
                what,
                feature: "themes",
            });
        }
        Ok(Report {
            schema_version: REPORT_SCHEMA_VERSION,
            challenge: c.clone(),
            households: u32::try_from(data.households.len()).unwrap_or(u32::MAX),
            energy,
            provisional: None,
        })
    }
}

/// Computes provisional results: the report of the part of the challenge
/// period elapsed on the as-of day, the same as [`compute`]'s for the
/// challenge whose period ends that day and whose later measurements are
/// removed ([`crate::provisional::truncate`]). The report's `challenge`
/// has the elapsed period, its `provisional` says the day, the elapsed and
/// total days, and every headline starts with
/// « Résultats provisoires au 15 février 2026 : ».
///
/// # Errors
/// Any error of [`compute`]; [`crate::Error::InvalidValue`] naming the
/// as-of day when it is outside the challenge period, or for
/// [`AsOf::LastData`] when no household has measurements in it
/// ([`crate::provisional::resolve`]).
///
/// # Example
/// ```
/// use ecodefi::provisional::AsOf;
/// let json = std::fs::read_to_string(concat!(
///     env!("CARGO_MANIFEST_DIR"),
///     "/examples/data/energy/challenge.json"
/// ))?;
/// let data = ecodefi::ChallengeData::from_json(&json)?;
/// let day = ecodefi::date::date(2026, 2, 15);
/// let report = ecodefi::report::compute_as_of(&data, AsOf::Day(day))?;
/// assert_eq!(report.provisional.as_ref().map(|p| p.elapsed_days), Some(77));
/// assert!(report.headline().starts_with("Résultats provisoires au 15 février 2026\u{a0}: "));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn compute_as_of(data: &ChallengeData, as_of: AsOf) -> Result<Report> {
    data.validate()?;
    let day = crate::provisional::resolve(data, as_of)?;
    let truncated = crate::provisional::truncate(data, day)?;
    let mut report = compute(&truncated)?;
    let provisional = crate::provisional::provisional(data, day, matches!(as_of, AsOf::LastData));
    let mark = provisional.mark();
    report.for_each_headline(|h| h.insert_str(0, &mark));
    report.provisional = Some(provisional);
    Ok(report)
}

impl Report {
    /// Calls `f` on every section's stored headline.
    fn for_each_headline(&mut self, mut f: impl FnMut(&mut String)) {
        if let Some(e) = &mut self.energy {
            f(&mut e.headline);
        }
        #[cfg(feature = "themes")]
        {
            if let Some(w) = &mut self.water {
                f(&mut w.headline);
            }
            if let Some(w) = &mut self.waste {
                f(&mut w.headline);
            }
            if let Some(x) = &mut self.food {
                f(&mut x.headline);
            }
            if let Some(m) = &mut self.mobility {
                f(&mut m.headline);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synthetic::{generate, SyntheticOptions};

    fn with_water() -> ChallengeData {
        let mut data = generate(SyntheticOptions {
            households: 12,
            seed: 3,
            problems: false,
        })
        .unwrap();
        data.challenge.themes.push(Theme::Water);
        data
    }

    #[test]
    #[cfg(feature = "themes")]
    fn every_theme_of_the_challenge_has_its_section() {
        let report = compute(&with_water()).unwrap();
        assert!(report.energy.is_some() && report.water.is_some());
        assert_eq!(report.headline().lines().count(), 2);
        assert!(report.waste.is_none() && report.food.is_none() && report.mobility.is_none());
    }

    #[test]
    #[cfg(feature = "themes")]
    fn sections_read_every_theme_alike() {
        let data = with_water();
        let report = compute(&data).unwrap();
        let sections = report.sections();
        let themes: Vec<Theme> = sections.iter().map(|s| s.theme()).collect();
        assert_eq!(themes, [Theme::Energy, Theme::Water]);
        let energy = report.energy.as_ref().unwrap();
        assert_eq!(sections[0].headline(), energy.headline);
        for s in &sections {
            // Every household, in input order, with the status of its result.
            let ids: Vec<&str> = s
                .households()
                .iter()
                .map(|h| h.household.as_str())
                .collect();
            let input: Vec<&str> = data.households.iter().map(|h| h.id.as_str()).collect();
            assert_eq!(ids, input);
            // Teams in rank order, as many as the challenge has.
            let ranks: Vec<u32> = s.ranking().iter().map(|t| t.rank).collect();
            assert_eq!(ranks.len(), data.challenge.teams.len());
            assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
        }
        let first = sections[0].ranking()[0];
        let team = energy.teams.iter().find(|t| t.rank == 1).unwrap();
        assert_eq!(first.team, &team.team);
        assert_eq!(
            first.score,
            crate::section::Score::Change(team.totals.change)
        );
        let statuses: Vec<_> = sections[0].households().iter().map(|h| h.status).collect();
        let expected: Vec<_> = energy.households.iter().map(|h| h.status).collect();
        assert_eq!(statuses, expected);
    }

    #[test]
    #[cfg(not(feature = "themes"))]
    fn other_themes_need_the_themes_feature() {
        let e = compute(&with_water()).unwrap_err();
        assert_eq!(e.code(), "unsupported");
        assert_eq!(
            e.to_string(),
            "the water theme is not in this build of ecodefi (cargo feature `themes` of the core)"
        );
    }
}
