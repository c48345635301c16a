//! National references: the sourced French figures each theme's report
//! places the challenge next to (« repères nationaux »): litres of drinking
//! water per person and day, kg of residual household waste (OMR) and of
//! household and similar waste (DMA) per inhabitant and year, and the
//! average household's energy consumption in kWh per year.
//!
//! Like the impact factors ([`crate::energy::factors::ImpactFactors`]) they are
//! versioned data: each figure carries its year, its publisher and the
//! document it comes from, the set has an edition, and the caller can
//! replace any of them (`options.references` in the input document).
//!
//! The water report also has a *valeur repère*
//! ([`crate::water::WaterReference`], `options.water.reference_value`): the
//! organiser's own figure, often a local one, which every household is
//! compared with. The national reference does not replace it: it is always
//! the national figure, set beside the challenge's litres per person and
//! day whatever valeur repère the organiser chose. Both are 148 L by
//! default, then the two comparisons are equal.

use rust_decimal::{dec, Decimal};

use crate::error::{Error, Result};
use crate::quantity::{add, div, mul, Ratio};
use crate::rate::relative_change;
use crate::{msg, named_enum, noun};

/// The edition of the default figures: the month they were last checked.
pub const EDITION: &str = "2026-12";

named_enum! {
    /// The unit of a national figure.
    pub enum ReferenceUnit ("reference unit") {
        /// Litres per person and day.
        LitresPerPersonDay = "litres_per_person_day",
        /// kg per inhabitant and year.
        KgPerPersonYear = "kg_per_person_year",
        /// kWh per household (main residence) and year.
        KwhPerHouseholdYear = "kwh_per_household_year",
    }
}

/// One sourced national figure.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NationalFigure {
    /// The value, exact.
    pub value: Decimal,
    /// Its unit.
    pub unit: ReferenceUnit,
    /// The year the figure is for (the data's year, not the publication's).
    pub year: u16,
    /// Who publishes it, short, as the page cites it (e.g. `OFB, SISPEA`).
    pub source: String,
    /// The document it comes from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
}

/// The national figures of every theme, with their edition.
///
/// A document may give only some of them: the others keep their default.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct NationalReferences {
    /// The edition of the set ([`EDITION`] for the defaults; write your own
    /// when you replace a figure).
    pub edition: String,
    /// Drinking water used by households, litres per person and day
    /// ([`default_water`]).
    pub water: NationalFigure,
    /// Residual household waste (OMR), kg per inhabitant and year
    /// ([`default_residual_waste`]).
    pub residual_waste: NationalFigure,
    /// Household and similar waste (DMA), kg per inhabitant and year
    /// ([`default_household_waste`]).
    pub household_waste: NationalFigure,
    /// Energy used by a household in its main residence, kWh per year
    /// ([`default_energy`]).
    pub energy: NationalFigure,
}

impl Default for NationalReferences {
    fn default() -> Self {
        NationalReferences {
            edition: EDITION.into(),
            water: default_water(),
            residual_waste: default_residual_waste(),
            household_waste: default_household_waste(),
            energy: default_energy(),
        }
    }
}

/// 148 L of drinking water per inhabitant and day (domestic consumption),
/// 2020.
///
/// Source: Office français de la biodiversité (OFB), *Observatoire des
/// services publics d'eau et d'assainissement*, 12th national report
/// (SISPEA data for 2020): the average domestic consumption is 148
/// litres per inhabitant and day, 54 m³ per inhabitant and year (as
/// relayed by the Office de l'eau Réunion's notice of the report). The
/// 11th report (2019 data) gave 147 L. Checked with the search tool; the
/// report itself was not read.
pub fn default_water() -> NationalFigure {
    NationalFigure {
        value: dec!(148),
        unit: ReferenceUnit::LitresPerPersonDay,
        year: 2020,
        source: "OFB, SISPEA".into(),
        title: "Observatoire des services publics d'eau et d'assainissement, 12e rapport national (données 2020)".into(),
    }
}

/// 245 kg of residual household waste (OMR, ordures ménagères
/// résiduelles) per inhabitant in 2021.
///
/// Source: Insee, *Insee Première* n° 2055 (June 2025), « Les déchets
/// ménagers et assimilés : plus de 600 kg collectés par habitant en 2021,
/// le tri en hausse de plus de 20 % en 10 ans », from ADEME's survey of
/// public waste collection (France métropolitaine and La Réunion): 245 kg
/// per inhabitant of OMR, 41 kg less than in 2011. The 245 kg was read in
/// the Banque des Territoires' account of that study (the Insee page's
/// summary gives the DMA total and the −14 % of OMR). ADEME's MODECOM 2017
/// campaign gave 254 kg for 2017 (metropolitan France).
pub fn default_residual_waste() -> NationalFigure {
    NationalFigure {
        value: dec!(245),
        unit: ReferenceUnit::KgPerPersonYear,
        year: 2021,
        source: "Insee, ADEME".into(),
        title: "Insee Première n° 2055, Les déchets ménagers et assimilés : plus de 600 kg collectés par habitant en 2021".into(),
    }
}

/// 615 kg of household and similar waste (DMA, déchets ménagers et
/// assimilés) collected per inhabitant in 2021.
///
/// Source: Insee, *Insee Première* n° 2055 (June 2025), same study as
/// [`default_residual_waste`]: 41 million tonnes of DMA collected by the
/// public waste service in 2021 (France métropolitaine and La Réunion),
/// 615 kg per inhabitant. DMA include the waste of businesses collected
/// with households' and, unlike a challenge's weighings, rubble and
/// déchèterie deposits; ADEME's own report on 2021 collection gives
/// 611 kg, and the CGDD 549 kg without rubble.
pub fn default_household_waste() -> NationalFigure {
    NationalFigure {
        value: dec!(615),
        unit: ReferenceUnit::KgPerPersonYear,
        year: 2021,
        source: "Insee, ADEME".into(),
        title: "Insee Première n° 2055, Les déchets ménagers et assimilés : plus de 600 kg collectés par habitant en 2021".into(),
    }
}

/// kWh in one tonne of oil equivalent (tep), by convention (41.868 GJ).
pub const KWH_PER_TEP: Decimal = dec!(11630);

/// 17 503.15 kWh of final energy per household and year in its main
/// residence, 2012: 1.505 tep × 11 630 kWh/tep.
///
/// Source: CGDD / SOeS, *Chiffres & Statistiques* n° 645 (June 2015),
/// « Consommations énergétiques des ménages en 2012 », from the Phébus
/// survey (2013): households with individual heating and hot-water
/// equipment in their main residence used 1.505 tep of energy on average
/// in 2012 (1 622 € a year). The figure covers those households only
/// (not district or collective heating), every use of the dwelling and
/// not transport. No sourced figure per person was found, so there is
/// none. Newer totals exist (450 TWh for the residential sector in 2020,
/// CGDD) but not per household with the same tool.
pub fn default_energy() -> NationalFigure {
    NationalFigure {
        value: dec!(17503.15),
        unit: ReferenceUnit::KwhPerHouseholdYear,
        year: 2012,
        source: "CGDD, SOeS, enquête Phébus".into(),
        title: "Chiffres & Statistiques n° 645, Consommations énergétiques des ménages en 2012"
            .into(),
    }
}

impl NationalReferences {
    /// Whether these are the defaults (a document then need not write them).
    pub fn is_default(&self) -> bool {
        *self == NationalReferences::default()
    }

    /// Checks that every figure is above zero and in its slot's unit.
    ///
    /// # Errors
    /// [`Error::InvalidValue`], at the figure's path
    /// (`options.references.water`…).
    pub fn validate(&self) -> Result<()> {
        let slots = [
            (
                "options.references.water",
                &self.water,
                ReferenceUnit::LitresPerPersonDay,
            ),
            (
                "options.references.residual_waste",
                &self.residual_waste,
                ReferenceUnit::KgPerPersonYear,
            ),
            (
                "options.references.household_waste",
                &self.household_waste,
                ReferenceUnit::KgPerPersonYear,
            ),
            (
                "options.references.energy",
                &self.energy,
                ReferenceUnit::KwhPerHouseholdYear,
            ),
        ];
        for (path, figure, unit) in slots {
            if figure.value <= Decimal::ZERO {
                return Err(Error::invalid(
                    noun!("national reference value"),
                    figure.value,
                    msg!("a national reference is above zero"),
                )
                .at_path(path));
            }
            if figure.unit != unit {
                return Err(Error::invalid(
                    noun!("national reference unit"),
                    figure.unit,
                    msg!("this figure is in {unit}", unit = unit.to_string()),
                )
                .at_path(path));
            }
        }
        Ok(())
    }
}

/// The challenge next to a national figure.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NationalComparison {
    /// The national figure.
    pub reference: NationalFigure,
    /// The challenge's figure in the same unit; `None` when no household
    /// has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub challenge: Option<Decimal>,
    /// challenge ÷ national − 1 (−0.1 is 10 % below the national figure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub versus: Option<Ratio>,
}

impl NationalComparison {
    /// `challenge` next to `reference`.
    ///
    /// # Errors
    /// [`Error::Overflow`] beyond the decimal range.
    pub fn new(reference: &NationalFigure, challenge: Option<Decimal>) -> Result<Self> {
        Ok(NationalComparison {
            reference: reference.clone(),
            challenge,
            versus: match challenge {
                Some(c) => relative_change(reference.value, c)?,
                None => None,
            },
        })
    }
}

/// The waste section's national comparisons.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WasteComparison {
    /// The challenge's residual waste, kg per person and year, next to OMR.
    pub residual: NationalComparison,
    /// All the streams the households weighed, kg per person and year,
    /// next to DMA (which also count déchèterie deposits and rubble: read
    /// it as an order of magnitude).
    pub total: NationalComparison,
}

/// kg × 365 ÷ person-days over `(kg, person-days)` pairs: the waste
/// report's annualisation ([`crate::rate::Presence::per_person_year`]) of
/// the pooled households; `None` without a person-day.
///
/// # Errors
/// [`Error::Overflow`] beyond the decimal range.
pub fn per_person_year(
    pairs: impl IntoIterator<Item = (Decimal, Decimal)>,
) -> Result<Option<Decimal>> {
    let (mut kg, mut pd) = (Decimal::ZERO, Decimal::ZERO);
    for (k, p) in pairs {
        kg = add(kg, k, "kg")?;
        pd = add(pd, p, "person-days")?;
    }
    if pd <= Decimal::ZERO {
        return Ok(None);
    }
    div(
        mul(kg, dec!(365), "kg per person per year")?,
        pd,
        "kg per person per year",
    )
    .map(Some)
}

/// The energy comparison: the mean reference consumption of the counted
/// households, annualised by days, next to the national household figure.
///
/// `reference_kwh` holds each counted household's reference consumption
/// as measured (all its meters, over the reference period); the mean is
/// brought to a year as mean × 365 ÷ the reference period's days
/// **\[design\]**: a full-year reference (365 days) is taken as it is, a
/// shorter one is scaled by days. A winter-only reference scaled so
/// overstates a year, heating being concentrated in winter: the
/// comparison is then an upper bound, and the README says so.
///
/// # Errors
/// [`Error::Overflow`] beyond the decimal range.
pub fn energy_comparison(
    reference: &NationalReferences,
    reference_kwh: impl IntoIterator<Item = Decimal>,
    reference_days: i32,
) -> Result<NationalComparison> {
    let (mut sum, mut n) = (Decimal::ZERO, 0u32);
    for k in reference_kwh {
        sum = add(sum, k, "kWh")?;
        n += 1;
    }
    let annual = if n == 0 || reference_days <= 0 {
        None
    } else {
        let mean = div(sum, Decimal::from(n), "mean household kWh")?;
        Some(div(
            mul(mean, dec!(365), "kWh per household per year")?,
            Decimal::from(reference_days),
            "kWh per household per year",
        )?)
    };
    NationalComparison::new(&reference.energy, annual)
}

impl crate::energy::EnergyReport {
    /// Sets [`national`](crate::energy::EnergyReport::national): the
    /// counted households' mean reference consumption over
    /// `reference_days`, annualised ([`energy_comparison`]), next to
    /// `references.energy`.
    ///
    /// # Errors
    /// [`Error::Overflow`] beyond the decimal range.
    pub fn compare_with(
        &mut self,
        references: &NationalReferences,
        reference_days: i32,
    ) -> Result<()> {
        let kwh: Vec<Decimal> = self
            .households
            .iter()
            .filter_map(|h| h.figures())
            .map(|s| s.reference.value())
            .collect();
        self.national = Some(energy_comparison(references, kwh, reference_days)?);
        Ok(())
    }
}

#[cfg(feature = "themes")]
impl crate::water::WaterReport {
    /// Sets [`national`](crate::water::WaterReport::national): the
    /// challenge's litres per person and day (Σ litres ÷ Σ person-days of
    /// the counted households, as in its totals) next to
    /// `references.water`.
    ///
    /// # Errors
    /// [`Error::Overflow`] beyond the decimal range.
    pub fn compare_with(&mut self, references: &NationalReferences) -> Result<()> {
        let litres = self
            .totals
            .challenge_per_person_day
            .map(crate::quantity::Litres::value);
        self.national = Some(NationalComparison::new(&references.water, litres)?);
        Ok(())
    }
}

#[cfg(feature = "themes")]
impl crate::waste::WasteReport {
    /// Sets [`national`](crate::waste::WasteReport::national): kg per
    /// person and year over the challenge periods (Σ kg × 365 ÷ Σ
    /// person-days, [`per_person_year`]) of the households counted in the
    /// residual totals, next to `references.residual_waste` (OMR), and of
    /// those counted in the all-streams totals, next to
    /// `references.household_waste` (DMA).
    ///
    /// # Errors
    /// [`Error::Overflow`] beyond the decimal range.
    pub fn compare_with(&mut self, references: &NationalReferences) -> Result<()> {
        let counted = |f: Option<&crate::waste::Flow>| {
            f.filter(|f| f.expected_kg.value() > Decimal::ZERO)
                .map(|f| f.challenge_kg.value())
        };
        let figures: Vec<_> = self.households.iter().filter_map(|h| h.figures()).collect();
        let residual =
            per_person_year(figures.iter().filter_map(|i| {
                counted(i.residual.as_ref()).map(|kg| (kg, i.challenge_person_days))
            }))?;
        let total = per_person_year(
            figures
                .iter()
                .filter_map(|i| counted(Some(&i.total)).map(|kg| (kg, i.challenge_person_days))),
        )?;
        self.national = Some(WasteComparison {
            residual: NationalComparison::new(&references.residual_waste, residual)?,
            total: NationalComparison::new(&references.household_waste, total)?,
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_sourced_figures() {
        let r = NationalReferences::default();
        assert_eq!((r.water.value, r.water.year), (dec!(148), 2020));
        assert_eq!(
            (r.residual_waste.value, r.residual_waste.year),
            (dec!(245), 2021)
        );
        assert_eq!(
            (r.household_waste.value, r.household_waste.year),
            (dec!(615), 2021)
        );
        // 1.505 tep × 11 630 kWh/tep.
        assert_eq!(r.energy.value, dec!(1.505) * KWH_PER_TEP);
        assert_eq!(r.edition, EDITION);
        assert!(r.validate().is_ok() && r.is_default());
    }

    #[test]
    fn a_document_may_replace_one_figure() {
        let r: NationalReferences = serde_json::from_str(
            r#"{"edition":"local-2024","water":{"value":"109.5","unit":"litres_per_person_day","year":2022,"source":"SISPEA, Nord-Pas-de-Calais"}}"#,
        )
        .unwrap();
        assert_eq!(r.water.value, dec!(109.5));
        assert_eq!(r.water.title, "");
        assert_eq!(r.energy, default_energy());
        assert!(!r.is_default());
        let mut bad = r.clone();
        bad.residual_waste.value = Decimal::ZERO;
        let e = bad.validate().unwrap_err();
        assert_eq!(e.code(), "invalid_value");
        assert_eq!(
            e.location().and_then(|l| l.path.clone()).as_deref(),
            Some("options.references.residual_waste")
        );
        let mut unit = r;
        unit.energy.unit = ReferenceUnit::KgPerPersonYear;
        assert_eq!(unit.validate().unwrap_err().code(), "invalid_value");
    }

    #[test]
    fn comparisons_by_hand() {
        let r = NationalReferences::default();
        // 140 L against 148 L: 140 / 148 − 1 = −0.054054…
        let w = NationalComparison::new(&r.water, Some(dec!(140))).unwrap();
        assert_eq!(w.versus.unwrap().fraction().round_dp(9), dec!(-0.054054054));
        assert_eq!(
            NationalComparison::new(&r.water, None).unwrap().versus,
            None
        );
        // 10 kg over 14 person-days and 20 kg over 28: 30 × 365 / 42.
        let y = per_person_year([(dec!(10), dec!(14)), (dec!(20), dec!(28))]).unwrap();
        assert_eq!(y.unwrap().round_dp(6), dec!(260.714286));
        assert_eq!(per_person_year([]).unwrap(), None);
        // Two households, 6 000 and 8 000 kWh over a 182-day winter:
        // mean 7 000 × 365 / 182 = 14 038.46… kWh a year.
        let e = energy_comparison(&r, [dec!(6000), dec!(8000)], 182).unwrap();
        assert_eq!(e.challenge.unwrap().round_dp(2), dec!(14038.46));
        // 14 038.46… / 17 503.15 − 1 = −0.1979466…
        assert_eq!(e.versus.unwrap().fraction().round_dp(6), dec!(-0.197947));
        assert_eq!(energy_comparison(&r, [], 182).unwrap().challenge, None);
    }

    proptest::proptest! {
        /// The challenge is the national figure × (1 + versus), and
        /// pooling households gives a rate between their own rates.
        #[test]
        fn versus_and_pooling(v in 1u32..1_000_000, c in 0u32..1_000_000, k1 in 0u32..100_000, p1 in 1u32..10_000, k2 in 0u32..100_000, p2 in 1u32..10_000) {
            let figure = NationalFigure { value: Decimal::new(i64::from(v), 2), ..default_water() };
            let challenge = Decimal::new(i64::from(c), 2);
            let cmp = NationalComparison::new(&figure, Some(challenge)).unwrap();
            let back = (cmp.versus.unwrap().fraction() + Decimal::ONE) * figure.value;
            proptest::prop_assert!((back - challenge).abs() < dec!(0.000000001));
            let (k1, p1, k2, p2) = (Decimal::from(k1), Decimal::from(p1), Decimal::from(k2), Decimal::from(p2));
            let pooled = per_person_year([(k1, p1), (k2, p2)]).unwrap().unwrap();
            let (a, b) = (k1 * dec!(365) / p1, k2 * dec!(365) / p2);
            proptest::prop_assert!(pooled >= a.min(b) - dec!(0.000000001) && pooled <= a.max(b) + dec!(0.000000001));
        }
    }

    #[cfg(feature = "themes")]
    mod in_a_report {
        use super::*;
        use crate::challenge::{Challenge, OrganiserKind, Team, Theme};
        use crate::data::ChallengeData;
        use crate::date::date;
        use crate::household::{Household, Occupants};
        use crate::id::{HouseholdId, MeterId, TeamId};
        use crate::meter::Reading;
        use crate::period::Period;
        use crate::quantity::Kg;
        use crate::waste::{Stream, Weighing};
        use crate::water::{WaterMeter, WaterUnit};

        type Spec<'a> = (
            &'a str,
            u16,
            Decimal,
            Decimal,
            &'a [(Stream, Decimal, Decimal)],
        );

        /// Water and waste over March 2025 (reference) and March 2026
        /// (challenge), 31 days each.
        fn data() -> ChallengeData {
            let challenge = Challenge {
                name: "Défi eau et déchets".into(),
                territory: "Lens".into(),
                organiser_kind: OrganiserKind::LocalAuthority,
                themes: vec![Theme::Water, Theme::Waste],
                reference_period: Period::new(date(2025, 3, 1), date(2025, 3, 31)).unwrap(),
                challenge_period: Period::new(date(2026, 3, 1), date(2026, 3, 31)).unwrap(),
                objective: Ratio::new(dec!(0.1)),
                teams: vec![Team {
                    id: TeamId::new("A").unwrap(),
                    name: "A".into(),
                    captain: None,
                }],
                weather_station: None,
            };
            // (id, adults, m³ before, m³ after, [(stream, kg before, kg after)])
            let spec: [Spec; 2] = [
                (
                    "H1",
                    1,
                    dec!(4.65),
                    dec!(3.72),
                    &[(Stream::Residual, dec!(3.1), dec!(2.48))],
                ),
                (
                    "H2",
                    2,
                    dec!(9.3),
                    dec!(9.3),
                    &[
                        (Stream::Residual, dec!(6.2), dec!(6.2)),
                        (Stream::Packaging, dec!(1.24), dec!(1.24)),
                    ],
                ),
            ];
            let households = spec
                .iter()
                .map(|(id, adults, before, after, kg)| {
                    let mut h = Household::new(
                        HouseholdId::new(*id).unwrap(),
                        TeamId::new("A").unwrap(),
                        Occupants::new(*adults, vec![]).unwrap(),
                    );
                    let mut m = WaterMeter::new(MeterId::new("eau").unwrap(), WaterUnit::M3);
                    let r = |y, mo, d, value| Reading {
                        date: date(y, mo, d),
                        value,
                    };
                    m.readings = vec![
                        r(2025, 3, 1, dec!(0)),
                        r(2025, 4, 1, *before),
                        r(2026, 3, 1, dec!(500)),
                        r(2026, 4, 1, dec!(500) + *after),
                    ];
                    h.water_meters = vec![m];
                    for &(stream, b, a) in *kg {
                        h.weighings.push(Weighing {
                            date: date(2025, 3, 10),
                            stream,
                            kg: Kg::new(b),
                        });
                        h.weighings.push(Weighing {
                            date: date(2026, 3, 10),
                            stream,
                            kg: Kg::new(a),
                        });
                    }
                    h
                })
                .collect();
            ChallengeData::new(challenge, households, None)
        }

        #[test]
        fn water_and_waste_by_hand() {
            let report = crate::compute(&data()).unwrap();
            let w = report.water.unwrap().national.unwrap();
            // (3 720 + 9 300) L over 31 + 62 person-days = 140 L;
            // 140 / 148 − 1 = −0.054054…
            assert_eq!(w.challenge, Some(dec!(140)));
            assert_eq!(w.versus.unwrap().fraction().round_dp(9), dec!(-0.054054054));
            assert_eq!(w.reference, default_water());
            let d = report.waste.unwrap().national.unwrap();
            // Residual: (2.48 + 6.2) kg × 365 / 93 person-days = 34.0666… kg;
            // 34.0666… / 245 − 1 = −0.860952…
            assert_eq!(d.residual.challenge.unwrap().round_dp(6), dec!(34.066667));
            assert_eq!(
                d.residual.versus.unwrap().fraction().round_dp(6),
                dec!(-0.860952)
            );
            // All streams: (2.48 + 7.44) × 365 / 93 = 38.9333… kg; / 615 − 1.
            assert_eq!(d.total.challenge.unwrap().round_dp(6), dec!(38.933333));
            assert_eq!(
                d.total.versus.unwrap().fraction().round_dp(6),
                dec!(-0.936694)
            );
        }

        #[test]
        fn options_replace_the_figures() {
            let mut data = data();
            data.options.references.water.value = dec!(140);
            data.options.references.residual_waste.value = dec!(34.066666666666666666666666667);
            data.options.references.edition = "test".into();
            let json = data.to_json().unwrap();
            assert!(json.contains("\"references\""));
            let data = ChallengeData::from_json(&json).unwrap();
            let report = crate::compute(&data).unwrap();
            let w = report.water.unwrap().national.unwrap();
            assert_eq!(w.reference.value, dec!(140));
            assert_eq!(w.versus.unwrap().fraction(), Decimal::ZERO);
            let d = report.waste.unwrap().national.unwrap();
            assert_eq!(
                d.residual.versus.unwrap().fraction().round_dp(9),
                Decimal::ZERO
            );
            // The defaults are not written: documents without the field
            // read and write as before.
            let plain = self::data().to_json();
            assert!(!plain.unwrap().contains("\"references\""));
            let mut bad = data;
            bad.options.references.energy.value = dec!(-1);
            assert_eq!(bad.validate().unwrap_err().code(), "invalid_value");
        }

        #[test]
        fn energy_is_the_mean_reference_annualised() {
            let mut data = crate::synthetic::generate(crate::synthetic::SyntheticOptions {
                households: 12,
                seed: 3,
                problems: false,
            })
            .unwrap();
            let days = data.challenge.reference_period.days();
            let report = crate::compute(&data).unwrap();
            let e = report.energy.unwrap();
            let kwh: Vec<Decimal> = e
                .households
                .iter()
                .filter_map(|h| h.figures())
                .map(|s| s.reference.value())
                .collect();
            let mean = kwh.iter().sum::<Decimal>() / Decimal::from(kwh.len());
            let national = e.national.unwrap();
            let got = national.challenge.unwrap();
            assert_eq!(
                got.round_dp(6),
                (mean * dec!(365) / Decimal::from(days)).round_dp(6)
            );
            // Doubling the national figure halves challenge ÷ national.
            data.options.references.energy.value = dec!(2) * default_energy().value;
            let twice = crate::compute(&data)
                .unwrap()
                .energy
                .unwrap()
                .national
                .unwrap();
            let ratio = |c: &NationalComparison| c.versus.unwrap().fraction() + Decimal::ONE;
            assert_eq!(
                (ratio(&national) / dec!(2)).round_dp(12),
                ratio(&twice).round_dp(12)
            );
        }
    }
}
