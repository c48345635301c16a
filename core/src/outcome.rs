//! A household's result in one theme, in the one shape every theme shares:
//! the household and its team, its [`Status`], every reason it was left out,
//! its warnings, and the theme's figures when they could be computed. Every
//! theme's report lists one [`HouseholdResult`] per household of the input:
//! nothing is lost.
//!
//! In JSON (report schema version 2, [`crate::REPORT_SCHEMA_VERSION`]):
//! `{"household", "team", "status": "computed" | "excluded", "exclusions":
//! [{"code", "meter"?, "index"?, "detail"}…], "warnings": […], "figures":
//! {…} | null}`.

use crate::exclusion::{Exclusion, Warning};
use crate::id::{HouseholdId, TeamId};
use crate::{msg, noun};

/// What a theme's computation found for one household: its figures, or why
/// there are none (the first reason found; [`HouseholdResult::excluded`]
/// takes several).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome<T> {
    /// The household's figures.
    Computed(T),
    /// Why the household has no result.
    Excluded(Exclusion),
}

/// What [`HouseholdResult::result`] gives for a result built with no
/// figures and no exclusion (only possible by setting the fields by hand).
static NO_REASON: Exclusion = Exclusion {
    code: crate::exclusion::ExclusionCode::NoData,
    meter: None,
    index: None,
    detail: String::new(),
    params: crate::message::Params::new(),
    message: None,
};

/// Whether a household's figures could be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The figures are there.
    Computed,
    /// The household was left out; `exclusions` says why.
    Excluded,
}

/// One household's result in one theme.
///
/// Exactly one of `figures` and `exclusions` is filled: `status` is
/// [`Status::Computed`] with figures and no exclusion, or
/// [`Status::Excluded`] with no figures and at least one exclusion. The
/// constructors keep it so, and reading a document refuses anything else.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(
    try_from = "HouseholdResultRepr<T>",
    bound(deserialize = "T: serde::Deserialize<'de>")
)]
pub struct HouseholdResult<T> {
    /// The household.
    pub household: HouseholdId,
    /// Its team.
    pub team: TeamId,
    /// Computed or excluded.
    pub status: Status,
    /// Why it was left out: every reason found (empty when computed).
    pub exclusions: Vec<Exclusion>,
    /// What deserves a look, computed or not.
    pub warnings: Vec<Warning>,
    /// The theme's figures, when computed.
    pub figures: Option<T>,
}

/// The fields as read, before the status is checked against them.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct HouseholdResultRepr<T> {
    household: HouseholdId,
    team: TeamId,
    status: Status,
    #[serde(default)]
    exclusions: Vec<Exclusion>,
    #[serde(default)]
    warnings: Vec<Warning>,
    figures: Option<T>,
}

impl<T> TryFrom<HouseholdResultRepr<T>> for HouseholdResult<T> {
    type Error = crate::Error;

    fn try_from(r: HouseholdResultRepr<T>) -> crate::Result<Self> {
        let consistent = match r.status {
            Status::Computed => r.figures.is_some() && r.exclusions.is_empty(),
            Status::Excluded => r.figures.is_none() && !r.exclusions.is_empty(),
        };
        if !consistent {
            return Err(crate::Error::InvalidValue {
                what: noun!("household result"),
                got: match r.status {
                    Status::Computed => "computed",
                    Status::Excluded => "excluded",
                }
                .into(),
                why: msg!(
                    "a computed result has figures and no exclusion, an excluded one \
                     has exclusions and no figures"
                ),
                at: crate::Location::household(&r.household),
            });
        }
        Ok(HouseholdResult {
            household: r.household,
            team: r.team,
            status: r.status,
            exclusions: r.exclusions,
            warnings: r.warnings,
            figures: r.figures,
        })
    }
}

impl<T> HouseholdResult<T> {
    /// A household's result from what its theme found.
    pub fn new(
        household: HouseholdId,
        team: TeamId,
        outcome: Outcome<T>,
        warnings: Vec<Warning>,
    ) -> Self {
        match outcome {
            Outcome::Computed(figures) => Self::computed(household, team, figures, warnings),
            Outcome::Excluded(e) => Self::excluded(household, team, vec![e], warnings),
        }
    }

    /// A household with its figures.
    pub fn computed(
        household: HouseholdId,
        team: TeamId,
        figures: T,
        warnings: Vec<Warning>,
    ) -> Self {
        HouseholdResult {
            household,
            team,
            status: Status::Computed,
            exclusions: Vec::new(),
            warnings,
            figures: Some(figures),
        }
    }

    /// A household left out for every reason in `exclusions`. An empty
    /// list is the caller's mistake: rather than panic or report an
    /// excluded household with no reason, the result then says `no_data`.
    pub fn excluded(
        household: HouseholdId,
        team: TeamId,
        mut exclusions: Vec<Exclusion>,
        warnings: Vec<Warning>,
    ) -> Self {
        if exclusions.is_empty() {
            exclusions.push(Exclusion::new(
                crate::exclusion::ExclusionCode::NoData,
                msg!("no figures and no reason given"),
            ));
        }
        HouseholdResult {
            household,
            team,
            status: Status::Excluded,
            exclusions,
            warnings,
            figures: None,
        }
    }

    /// The figures, if computed.
    pub fn figures(&self) -> Option<&T> {
        self.figures.as_ref()
    }

    /// Whether the household was left out.
    pub fn is_excluded(&self) -> bool {
        self.status == Status::Excluded
    }

    /// The first reason it was left out, if it was.
    pub fn exclusion(&self) -> Option<&Exclusion> {
        self.exclusions.first()
    }

    /// The figures, or the first reason there are none (for totals that
    /// count exclusions by code).
    ///
    /// # Errors
    /// The first [`Exclusion`] when the household was left out.
    pub fn result(&self) -> std::result::Result<&T, &Exclusion> {
        match (&self.figures, self.exclusions.first()) {
            (Some(f), _) => Ok(f),
            (None, Some(e)) => Err(e),
            (None, None) => Err(&NO_REASON),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type R = HouseholdResult<u32>;

    #[test]
    fn a_result_reads_back_only_when_its_status_agrees() {
        let computed: R = serde_json::from_str(
            r#"{"household":"F1","team":"t","status":"computed","exclusions":[],"warnings":[],"figures":7}"#,
        )
        .unwrap();
        assert_eq!(computed.figures(), Some(&7));
        let text = serde_json::to_string(&computed).unwrap();
        assert_eq!(serde_json::from_str::<R>(&text).unwrap(), computed);
        let excluded = R::excluded(
            HouseholdId::new("F2").unwrap(),
            TeamId::new("t").unwrap(),
            Vec::new(),
            Vec::new(),
        );
        // No reason given: `no_data` rather than an excluded household
        // without one.
        assert_eq!(
            excluded.exclusion().map(|e| e.code),
            Some(crate::exclusion::ExclusionCode::NoData)
        );
        for bad in [
            r#"{"household":"F1","team":"t","status":"computed","figures":null}"#,
            r#"{"household":"F1","team":"t","status":"excluded","figures":null}"#,
            r#"{"household":"F1","team":"t","status":"excluded","exclusions":[{"code":"no_data","detail":"x"}],"figures":3}"#,
        ] {
            let e = serde_json::from_str::<R>(bad).unwrap_err().to_string();
            assert!(e.contains("household result"), "{bad}: {e}");
        }
    }
}
