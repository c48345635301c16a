//! From a computed report to a catalogue record, without retyping.
//!
//! A [`Report`] knows the challenge (name, territory name, organiser kind,
//! themes, periods, teams), its households and its computed results. What it
//! does not know — the territory's kind and code, the organiser's name, the
//! status, where the record comes from — is given in a [`ReportContext`].

use crate::date::Date;

use crate::error::{Error, Result};
use crate::report::Report;

use super::fact::Fact;
use super::record::{CatalogueRecord, Organiser, Partner, Provenance, Status, YearSpan};
use super::result::{Indicator, Results, ThemeResult, TotalUnit, Totals};
use super::territory::{Territory, TerritoryKind};
use super::text::Text;
use crate::{msg, noun};

/// What a catalogue record needs beyond its [`Report`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportContext {
    /// The kind of the challenge's territory (its name is the report's).
    pub territory_kind: TerritoryKind,
    /// The territory's INSEE code (SIREN for an EPCI or `SCoT`), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insee_code: Option<String>,
    /// The organiser's name (its kind is the report's).
    pub organiser: Text,
    /// The challenge's partners.
    #[serde(default)]
    pub partners: Vec<Partner>,
    /// Where the challenge stands.
    pub status: Status,
    /// Where the record comes from (e.g. the organiser's data file).
    pub provenance: Provenance,
    /// The report the results are taken from (a file name, an identifier).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<Text>,
}

fn year(d: Date) -> Result<u16> {
    u16::try_from(d.year())
        .map_err(|_| Error::invalid(noun!("year"), d.year(), msg!("a year is positive")))
}

impl CatalogueRecord {
    /// The catalogue record of a computed challenge: identity, territory,
    /// organiser kind, themes, years and exact period, teams and households
    /// from the report; one computed result per theme the report computed
    /// (energy, water, residual and total waste, with the households counted,
    /// the weighted change Σactual / Σreference − 1 and the kWh totals behind
    /// it). The edition is the challenge period's years (`2025-2026`).
    ///
    /// A theme the challenge covers but the report does not compute has no
    /// result; an energy section where no household could be counted gives
    /// no energy result (the record's notes say so).
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when the challenge's name or territory is not
    /// a valid [`Text`], the INSEE code does not have its kind's shape, or
    /// the challenge's years are outside the catalogue's range; or
    /// [`Error::Overflow`] for more than 2³² teams.
    ///
    /// # Example
    /// ```
    /// use ecodefi::catalogue::{CatalogueRecord, Provenance, ReportContext, Status, TerritoryKind, Text};
    /// let json = std::fs::read_to_string(concat!(
    ///     env!("CARGO_MANIFEST_DIR"),
    ///     "/examples/data/energy/challenge.json"
    /// ))?;
    /// let report = ecodefi::compute(&ecodefi::ChallengeData::from_json(&json)?)?;
    /// let record = CatalogueRecord::from_report(&report, ReportContext {
    ///     territory_kind: TerritoryKind::Epci,
    ///     insee_code: None,
    ///     organiser: Text::new("MRES")?,
    ///     partners: vec![],
    ///     status: Status::Finished,
    ///     provenance: Provenance { source: Text::new("challenge.json")?, url: None },
    ///     report: None,
    /// })?;
    /// assert_eq!(record.results()[0].households, Some(report.energy.unwrap().totals.totals.households));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_report(report: &Report, context: ReportContext) -> Result<Self> {
        let c = &report.challenge;
        let territory = Territory::new(
            Text::new(c.territory.clone())?,
            context.territory_kind,
            context.insee_code,
        )?;
        let period = c.challenge_period;
        let years = YearSpan::new(year(period.first())?, year(period.last())?)?;
        let edition = if years.first() == years.last() {
            years.first().to_string()
        } else {
            format!("{}-{}", years.first(), years.last())
        };
        let (results, notes) = computed_results(report, context.report.as_ref());
        Ok(CatalogueRecord {
            name: Text::new(c.name.clone())?,
            edition: Text::new(edition)?,
            territory,
            organisers: Fact::Known(vec![Organiser {
                name: context.organiser,
                kind: c.organiser_kind,
            }]),
            partners: context.partners,
            years,
            period: Some(period),
            themes: Fact::Known(c.themes.clone()),
            teams: Fact::Known(
                u32::try_from(c.teams.len()).map_err(|_| Error::overflow(noun!("teams")))?,
            ),
            households: Fact::Known(report.households),
            results: Results::Published(results),
            status: context.status,
            provenance: context.provenance,
            notes: (!notes.is_empty()).then(|| notes.join(" ")),
        })
    }
}

/// One computed result per theme section of the report (energy, water,
/// residual and total waste), with a note on each.
fn computed_results(report: &Report, report_id: Option<&Text>) -> (Vec<ThemeResult>, Vec<String>) {
    let mut results = Vec::new();
    let mut notes = Vec::new();
    let mut add = |indicator: Indicator,
                   t: &crate::aggregate::Totals,
                   unit: TotalUnit,
                   detail: String| {
        match t.change {
            Some(change) => {
                results.push(ThemeResult::computed(
                    indicator,
                    t.households,
                    change,
                    Some(Totals {
                        unit,
                        reference: t.reference,
                        challenge: t.actual,
                    }),
                    report_id.cloned(),
                ));
                notes.push(format!(
                    "`{indicator}` computed by ecodefi: {} household(s) counted, {} excluded{detail}.",
                    t.households, t.excluded
                ));
            }
            None => notes.push(format!(
                "`{indicator}`: no household could be counted ({} excluded), so no result.",
                t.excluded
            )),
        }
    };
    if let Some(energy) = &report.energy {
        let detail = format!(
            "; kWh on the {} basis, climate correction `{}`",
            energy.basis.as_str().to_uppercase(),
            energy.correction
        );
        add(
            Indicator::EnergyUse,
            &energy.totals.totals,
            TotalUnit::Kwh,
            detail,
        );
    }
    #[cfg(feature = "themes")]
    if let Some(water) = &report.water {
        let detail =
            "; litres against each household's reference rate over the challenge".to_owned();
        add(
            Indicator::WaterUse,
            &water.totals.totals,
            TotalUnit::Litres,
            detail,
        );
    }
    #[cfg(feature = "themes")]
    if let Some(waste) = &report.waste {
        let detail = "; kg against each household's reference rate over the challenge".to_owned();
        add(
            Indicator::ResidualWaste,
            &waste.totals.residual,
            TotalUnit::Kg,
            detail.clone(),
        );
        add(
            Indicator::TotalWaste,
            &waste.totals.total,
            TotalUnit::Kg,
            detail,
        );
    }
    (results, notes)
}

#[cfg(test)]
mod tests {
    use super::super::Catalogue;
    use super::*;
    use crate::report::compute;

    fn sample(theme: &str) -> Report {
        let path = format!(
            "{}/examples/data/{theme}/challenge.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let json = std::fs::read_to_string(path).unwrap();
        compute(&crate::ChallengeData::from_json(&json).unwrap()).unwrap()
    }

    fn report() -> Report {
        sample("energy")
    }

    #[test]
    #[cfg(feature = "themes")]
    fn water_and_waste_results_come_from_their_totals() {
        let water = sample("water");
        let record = CatalogueRecord::from_report(&water, context()).unwrap();
        let t = &water.water.as_ref().unwrap().totals.totals;
        let r = &record.results()[0];
        assert_eq!(
            (r.indicator, r.households, Some(r.change)),
            (Indicator::WaterUse, Some(t.households), t.change)
        );
        let waste = sample("waste");
        let record = CatalogueRecord::from_report(&waste, context()).unwrap();
        let totals = &waste.waste.as_ref().unwrap().totals;
        let got: Vec<_> = record
            .results()
            .iter()
            .map(|r| (r.indicator, Some(r.change)))
            .collect();
        assert_eq!(
            got,
            vec![
                (Indicator::ResidualWaste, totals.residual.change),
                (Indicator::TotalWaste, totals.total.change)
            ]
        );
        // Each computed result agrees with its own totals (the catalogue's rule).
        assert_eq!(Catalogue::new(None, vec![record]).validate(), vec![]);
    }

    fn context() -> ReportContext {
        ReportContext {
            territory_kind: TerritoryKind::Epci,
            insee_code: None,
            organiser: Text::new("Organiser").unwrap(),
            partners: vec![],
            status: Status::Finished,
            provenance: Provenance {
                source: Text::new("challenge.json").unwrap(),
                url: None,
            },
            report: Some(Text::new("report.json").unwrap()),
        }
    }

    #[test]
    fn a_report_fills_a_record() {
        let report = report();
        let r = CatalogueRecord::from_report(&report, context()).unwrap();
        let c = &report.challenge;
        assert_eq!(r.name.as_str(), c.name);
        assert_eq!(r.territory.name().as_str(), c.territory);
        assert_eq!(r.households, Fact::Known(report.households));
        assert_eq!(r.teams, Fact::Known(u32::try_from(c.teams.len()).unwrap()));
        assert_eq!(r.period, Some(c.challenge_period));
        let energy = &report.energy.as_ref().unwrap().totals.totals;
        let res = &r.results()[0];
        assert!(res.is_computed());
        assert_eq!(res.households, Some(energy.households));
        assert_eq!(Some(res.change), energy.change);
        // Independent check: the change is what its totals give.
        let t = res.totals.unwrap();
        let from_totals = t.challenge / t.reference - rust_decimal::Decimal::ONE;
        assert_eq!(res.change.fraction(), from_totals);
        // The record passes every catalogue rule, alone and next to the
        // Hauts-de-France sample.
        let mut catalogue = Catalogue::from_json(
            &std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/examples/data/catalogue/hauts-de-france.json"
            ))
            .unwrap(),
        )
        .unwrap();
        catalogue.records.push(r.clone());
        assert_eq!(catalogue.validate(), vec![]);
        let back = Catalogue::from_json(&catalogue.to_json().unwrap()).unwrap();
        assert_eq!(back.records.last(), Some(&r));
    }

    #[test]
    fn failing_inputs() {
        let mut report = report();
        let mut ctx = context();
        ctx.insee_code = Some("123".into());
        let e = CatalogueRecord::from_report(&report, ctx).unwrap_err();
        assert_eq!(e.code(), "invalid_value");
        report.challenge.name = " padded".into();
        let e = CatalogueRecord::from_report(&report, context()).unwrap_err();
        assert_eq!(e.code(), "invalid_value");
        // No energy section: no result, still a record.
        let mut report = self::report();
        report.energy = None;
        let r = CatalogueRecord::from_report(&report, context()).unwrap();
        assert!(r.results().is_empty());
    }
}
