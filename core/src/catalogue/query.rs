//! Queries and aggregation: which challenges, how many households, what
//! results, by territory, year, theme or organiser kind.
//!
//! Results are combined only where the combination means something:
//!
//! - **pooled change**, when every result of the group carries its absolute
//!   [`Totals`] in one unit: Σ(challenge − reference) /
//!   Σ reference, the weighted ratio the reports use (DOMAIN.md §2, "Savings
//!   and aggregation");
//! - **household-weighted change**, when every result has a household count:
//!   Σ(households × change) / Σ households. This treats each household as
//!   weighing the same, which is what a reader of "189 foyers, −11,3 %" can
//!   do with published figures; it is named for what it is;
//! - otherwise no combined figure: the results are **listed**, each with its
//!   record, households and change. Percentages are never averaged without
//!   weights.
//!
//! Combined figures are rounded to [`AGGREGATE_DECIMALS`] decimals of the
//! fraction, half away from zero.

use std::collections::{HashMap, HashSet};

use rust_decimal::{Decimal, RoundingStrategy};

use crate::challenge::{OrganiserKind, Theme};
use crate::error::{Error, Result};
use crate::named_enum;
use crate::quantity::{add, div, mul, Ratio};

use super::document::Catalogue;
use super::record::{CatalogueRecord, RecordRef, Status};
use super::result::{Indicator, ThemeResult, TotalUnit, Totals};
use super::territory::{group_territories, TerritoryKind};
use crate::{msg, noun};

/// Decimals kept in a combined change (of the fraction: 6 decimals are
/// 0.0001 %). (design choice) Enough to compare with any published figure, and the
/// same in every language.
pub const AGGREGATE_DECIMALS: u32 = 6;

/// The key of a group whose records do not state the grouped fact (themes or
/// organisers unknown).
pub const UNKNOWN_KEY: &str = "unknown";

named_enum! {
    /// How to group a catalogue's records.
    #[non_exhaustive]
    pub enum GroupBy ("group by") {
        /// One group with every selected record (the regional summary).
        All = "all",
        /// By territory (same kind and code, or same name).
        Territory = "territory",
        /// By calendar year: a record is in each year of its span, so sums
        /// over years count a multi-year challenge more than once.
        Year = "year",
        /// By theme: a record is in each of its themes, with only that
        /// theme's results; records whose themes are unknown form the group
        /// `unknown`.
        Theme = "theme",
        /// By organiser kind: a record is in each kind of its organisers;
        /// unknown organisers form the group `unknown`.
        OrganiserKind = "organiser_kind",
    }
}

/// Which records to look at. Every criterion given must hold; an empty
/// filter selects everything.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Filter {
    /// The territory's name (ignoring case) or its INSEE code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub territory: Option<String>,
    /// The territory's kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub territory_kind: Option<TerritoryKind>,
    /// A year the challenge covers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// A theme the challenge covers (its results on other themes are left
    /// out of the aggregates).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theme: Option<Theme>,
    /// A kind of one of its organisers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organiser_kind: Option<OrganiserKind>,
    /// Its status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
}

impl Filter {
    /// Whether `record` meets every criterion.
    pub fn matches(&self, record: &CatalogueRecord) -> bool {
        let t = &record.territory;
        self.territory.as_ref().is_none_or(|q| {
            t.name().as_str().to_lowercase() == q.to_lowercase() || t.insee_code() == Some(q)
        }) && self.territory_kind.is_none_or(|k| t.kind() == k)
            && self.year.is_none_or(|y| record.years.contains(y))
            && self
                .theme
                .is_none_or(|th| record.themes.known().is_some_and(|v| v.contains(&th)))
            && self
                .organiser_kind
                .is_none_or(|k| record.organiser_kinds().contains(&k))
            && self.status.is_none_or(|s| record.status == s)
    }
}

/// A catalogue's records grouped and summed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    /// How the records are grouped.
    pub group_by: GroupBy,
    /// Which records were selected.
    pub filter: Filter,
    /// The groups, sorted by key.
    pub groups: Vec<Group>,
}

/// One group of a [`Summary`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// The group's key: `all`, a territory's name, a year, a theme, an
    /// organiser kind, or [`UNKNOWN_KEY`].
    pub key: String,
    /// The number of challenges (records) in the group.
    pub challenges: u32,
    /// The records, in catalogue order.
    pub records: Vec<RecordRef>,
    /// Their households.
    pub households: HouseholdCount,
    /// Their results, one aggregate per indicator (in [`Indicator`] order).
    pub results: Vec<ResultAggregate>,
}

/// Households of a group: the sum of the counts that are known, and how many
/// records do not state theirs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HouseholdCount {
    /// Σ households of the records that state their count.
    pub known: u32,
    /// The number of records whose household count is unknown.
    pub records_unknown: u32,
}

/// The results of a group on one indicator.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultAggregate {
    /// The theme.
    pub theme: Theme,
    /// The indicator.
    pub indicator: Indicator,
    /// Σ households counted by the results that state a count.
    pub households: u32,
    /// The number of results without a household count.
    pub results_without_households: u32,
    /// Σ(households × change) / Σ households, when every result has a count
    /// (and the sum is not zero).
    pub household_weighted_change: Option<Ratio>,
    /// Σ(challenge − reference) / Σ reference, when every result has totals
    /// in one unit (and the reference sum is above zero).
    pub pooled_change: Option<Ratio>,
    /// Every result, listed.
    pub items: Vec<ResultItem>,
}

/// One result in a [`ResultAggregate`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultItem {
    /// The record.
    pub record: RecordRef,
    /// The households counted (the result's own count, else the record's).
    pub households: Option<u32>,
    /// The change.
    pub change: Ratio,
    /// Whether ecodefi computed it (else it is a published figure).
    pub computed: bool,
}

impl Catalogue {
    /// The records that `filter` selects, with their indexes.
    pub fn select<'a>(
        &'a self,
        filter: &'a Filter,
    ) -> impl Iterator<Item = (usize, &'a CatalogueRecord)> + 'a {
        self.records
            .iter()
            .enumerate()
            .filter(move |(_, r)| filter.matches(r))
    }

    /// The selected records, grouped and summed (see the module
    /// documentation for how results are combined).
    ///
    /// # Errors
    /// [`Error::Overflow`] if a sum goes beyond the range of its type.
    ///
    /// # Example
    /// ```
    /// use ecodefi::catalogue::{Catalogue, Filter, GroupBy};
    /// use ecodefi::{Ratio, Theme};
    /// use rust_decimal::dec;
    /// let json = std::fs::read_to_string(concat!(
    ///     env!("CARGO_MANIFEST_DIR"),
    ///     "/examples/data/catalogue/hauts-de-france.json"
    /// )).unwrap();
    /// let catalogue = Catalogue::from_json(&json)?;
    /// let waste = Filter { theme: Some(Theme::Waste), ..Filter::default() };
    /// let s = catalogue.summary(GroupBy::All, &waste)?;
    /// // Loos-en-Gohelle 30 households at −31 %, Sud-Artois 60 at −26 %:
    /// // (30 × −0.31 + 60 × −0.26) / 90 = −0.276667 (6 decimals).
    /// let r = &s.groups[0].results[0];
    /// assert_eq!(r.households, 90);
    /// assert_eq!(r.household_weighted_change, Some(Ratio::new(dec!(-0.276667))));
    /// # Ok::<(), ecodefi::Error>(())
    /// ```
    pub fn summary(&self, group_by: GroupBy, filter: &Filter) -> Result<Summary> {
        let selected: Vec<(usize, &CatalogueRecord)> = self.select(filter).collect();
        let places = if group_by == GroupBy::Territory {
            group_territories(selected.iter().map(|(_, r)| &r.territory))
        } else {
            Vec::new()
        };
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        let mut positions: HashMap<String, usize> = HashMap::new();
        let mut put = |key: String, i: usize| {
            if let Some(&p) = positions.get(&key) {
                if let Some((_, v)) = groups.get_mut(p) {
                    v.push(i);
                }
            } else {
                positions.insert(key.clone(), groups.len());
                groups.push((key, vec![i]));
            }
        };
        // The name of each territory group: that of its first record.
        let mut place_names: Vec<String> = Vec::new();
        let mut names_taken: HashSet<String> = HashSet::new();
        for (n, &(i, r)) in selected.iter().enumerate() {
            match group_by {
                GroupBy::All => put("all".to_owned(), i),
                GroupBy::Territory => {
                    let g = places.get(n).copied().unwrap_or(place_names.len());
                    if g >= place_names.len() {
                        // Two different territories of one name (a commune
                        // and an EPCI…) are told apart by kind and code.
                        let name = r.territory.name().to_string();
                        let name = if names_taken.contains(&name) {
                            r.territory.to_string()
                        } else {
                            name
                        };
                        names_taken.insert(name.clone());
                        place_names.push(name);
                    }
                    let key = place_names.get(g).cloned().unwrap_or_default();
                    put(key, i);
                }
                GroupBy::Year => r.years.years().for_each(|y| put(y.to_string(), i)),
                GroupBy::Theme => match r.themes.known() {
                    Some(themes) if !themes.is_empty() => {
                        let mut themes = themes.clone();
                        themes.sort_unstable();
                        themes.dedup();
                        for t in themes {
                            put(t.to_string(), i);
                        }
                    }
                    _ => put(UNKNOWN_KEY.to_owned(), i),
                },
                GroupBy::OrganiserKind => {
                    let kinds = r.organiser_kinds();
                    if kinds.is_empty() {
                        put(UNKNOWN_KEY.to_owned(), i);
                    }
                    for k in kinds {
                        put(k.to_string(), i);
                    }
                }
            }
        }
        if group_by == GroupBy::All && groups.is_empty() {
            groups.push(("all".to_owned(), Vec::new()));
        }
        groups.sort_by(|a, b| a.0.cmp(&b.0));
        let groups = groups
            .into_iter()
            .map(|(key, members)| {
                let only: Option<Theme> = match group_by {
                    GroupBy::Theme => key.parse().ok(),
                    _ => filter.theme,
                };
                self.group(key, &members, only)
            })
            .collect::<Result<_>>()?;
        Ok(Summary {
            group_by,
            filter: filter.clone(),
            groups,
        })
    }

    fn group(&self, key: String, members: &[usize], only: Option<Theme>) -> Result<Group> {
        let mut households = HouseholdCount::default();
        let mut records = Vec::new();
        let mut by_indicator: Vec<(Indicator, Vec<Item<'_>>)> = Vec::new();
        for &i in members {
            let Some(r) = self.records.get(i) else {
                continue;
            };
            records.push(r.reference(i));
            match r.households.known() {
                Some(&h) => {
                    households.known = households.known.checked_add(h).ok_or_else(|| {
                        Error::overflow(noun!("households"))
                            .at_path(format!("records[{i}].households"))
                    })?;
                }
                None => households.records_unknown += 1,
            }
            for (k, res) in r.results().iter().enumerate() {
                if only.is_some_and(|t| t != res.theme) {
                    continue;
                }
                match by_indicator
                    .iter_mut()
                    .find(|(ind, _)| *ind == res.indicator)
                {
                    Some((_, v)) => v.push((i, k, res)),
                    None => by_indicator.push((res.indicator, vec![(i, k, res)])),
                }
            }
        }
        by_indicator.sort_by_key(|(ind, _)| *ind);
        let results = by_indicator
            .into_iter()
            .map(|(_, items)| self.aggregate(&items))
            .collect::<Result<_>>()?;
        Ok(Group {
            key,
            challenges: u32::try_from(records.len())
                .map_err(|_| Error::overflow(noun!("challenges")))?,
            records,
            households,
            results,
        })
    }

    fn aggregate(&self, items: &[Item<'_>]) -> Result<ResultAggregate> {
        let mut listed = Vec::new();
        let mut households: u32 = 0;
        let mut without: u32 = 0;
        let mut weighted = Decimal::ZERO;
        // Pooled totals: unit, Σ reference and Σ (challenge − reference).
        let mut pooled: Option<(TotalUnit, Decimal, Decimal)> = None;
        let mut all_totals = true;
        for &(i, k, res) in items {
            let Some(r) = self.records.get(i) else {
                continue;
            };
            let at = |e: Error, field: &str| e.at_path(format!("records[{i}].results[{k}]{field}"));
            let n = r.result_households(res);
            match n {
                Some(n) => {
                    households = households
                        .checked_add(n)
                        .ok_or_else(|| at(Error::overflow(noun!("households")), ""))?;
                    weighted = mul(
                        Decimal::from(n),
                        res.change.fraction(),
                        noun!("weighted change"),
                    )
                    .and_then(|w| add(weighted, w, noun!("weighted change")))
                    .map_err(|e| at(e, ".change"))?;
                }
                None => without += 1,
            }
            let saved = |t: Totals| {
                t.challenge
                    .checked_sub(t.reference)
                    .ok_or_else(|| at(Error::overflow(noun!("pooled change")), ".totals"))
            };
            match (res.totals, pooled) {
                (Some(t), None) if all_totals => {
                    pooled = Some((t.unit, t.reference, saved(t)?));
                }
                (Some(t), Some((unit, reference, change))) if t.unit == unit => {
                    let reference = add(reference, t.reference, noun!("pooled reference"))
                        .map_err(|e| at(e, ".totals"))?;
                    let change = add(change, saved(t)?, noun!("pooled change"))
                        .map_err(|e| at(e, ".totals"))?;
                    pooled = Some((unit, reference, change));
                }
                _ => all_totals = false,
            }
            listed.push(ResultItem {
                record: r.reference(i),
                households: n,
                change: res.change,
                computed: res.is_computed(),
            });
        }
        let (first, first_result, theme, indicator) = items
            .first()
            .map(|&(i, k, r)| (i, k, r.theme, r.indicator))
            .ok_or_else(|| Error::InsufficientData {
                why: msg!("no result to aggregate"),
                at: crate::error::Location::NONE,
            })?;
        let household_weighted_change = if without == 0 && households > 0 {
            let change = div(
                weighted,
                Decimal::from(households),
                noun!("weighted change"),
            )
            .map_err(|e| e.at_path(format!("records[{first}].results[{first_result}].change")))?;
            Some(round(change))
        } else {
            None
        };
        let pooled_change = match pooled {
            Some((_, reference, saved)) if all_totals && reference > Decimal::ZERO => {
                // Σ saved / Σ reference overflows only with tiny references;
                // the group is named by its first result's totals.
                let change = div(saved, reference, noun!("pooled change")).map_err(|e| {
                    e.at_path(format!("records[{first}].results[{first_result}].totals"))
                })?;
                Some(round(change))
            }
            _ => None,
        };
        Ok(ResultAggregate {
            theme,
            indicator,
            households,
            results_without_households: without,
            household_weighted_change,
            pooled_change,
            items: listed,
        })
    }
}

/// A result to aggregate: its record's index, its index among the record's
/// results, and the result.
type Item<'a> = (usize, usize, &'a ThemeResult);

fn round(fraction: Decimal) -> Ratio {
    Ratio::new(
        fraction
            .round_dp_with_strategy(AGGREGATE_DECIMALS, RoundingStrategy::MidpointAwayFromZero)
            .normalize(),
    )
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{record, text, waste};
    use super::super::{Fact, Results, ThemeResult, Totals};
    use super::*;
    use proptest::prelude::*;
    use rust_decimal::dec;

    fn energy(
        households: Option<u32>,
        change: Decimal,
        totals: Option<(Decimal, Decimal)>,
    ) -> ThemeResult {
        let mut r = ThemeResult::published(
            Indicator::EnergyUse,
            households,
            Ratio::new(change),
            text("test"),
            None,
        );
        r.totals = totals.map(|(reference, challenge)| Totals {
            unit: TotalUnit::Kwh,
            reference,
            challenge,
        });
        r
    }

    /// R0 Lille 2017–2018, 10 households, energy −10 % (100 000 → 90 000 kWh);
    /// R1 Lille 2018–2019, 30 households, energy −20 % (200 000 → 160 000 kWh);
    /// R2 Douai 2019, households unknown, organisers unknown, energy −5 % on
    /// 20 households (no totals), residual waste −30 % (no count).
    fn catalogue() -> Catalogue {
        let mut r0 = record("A", "Lille", (2017, 2018));
        r0.themes = Fact::Known(vec![Theme::Energy]);
        r0.households = Fact::Known(10);
        r0.results = Results::Published(vec![energy(
            None,
            dec!(-0.10),
            Some((dec!(100000), dec!(90000))),
        )]);
        let mut r1 = record("B", "Lille", (2018, 2019));
        r1.themes = Fact::Known(vec![Theme::Energy]);
        r1.households = Fact::Known(30);
        r1.results = Results::Published(vec![energy(
            None,
            dec!(-0.20),
            Some((dec!(200000), dec!(160000))),
        )]);
        let mut r2 = record("C", "Douai", (2019, 2019));
        r2.themes = Fact::Known(vec![Theme::Waste, Theme::Energy]);
        r2.organisers = Fact::Unknown;
        r2.results = Results::Published(vec![
            waste(None, dec!(-0.3)),
            energy(Some(20), dec!(-0.05), None),
        ]);
        Catalogue::new(None, vec![r0, r1, r2])
    }

    /// A sum beyond the range of its type names the record and result that
    /// pushed it over, as a path.
    #[test]
    fn an_overflowing_sum_names_its_record() {
        let path = |c: &Catalogue| {
            let e = c.summary(GroupBy::All, &Filter::default()).unwrap_err();
            assert_eq!(e.code(), "overflow");
            e.location().and_then(|l| l.path.clone())
        };
        let max = Decimal::MAX; // 79228162514264337593543950335
        assert_eq!(max.to_string(), "79228162514264337593543950335");
        let mut c = catalogue();
        c.records[0].households = Fact::Known(u32::MAX);
        assert_eq!(path(&c).as_deref(), Some("records[1].households"));

        let mut c = catalogue();
        c.records[1].results = Results::Published(vec![energy(None, max, None)]);
        // 30 households × the largest decimal.
        assert_eq!(path(&c).as_deref(), Some("records[1].results[0].change"));

        let mut c = catalogue();
        c.records[1].results = Results::Published(vec![energy(None, dec!(-0.2), Some((max, max)))]);
        // 100 000 + the largest decimal, in the pooled reference.
        assert_eq!(path(&c).as_deref(), Some("records[1].results[0].totals"));

        let mut c = catalogue();
        c.records.truncate(1);
        c.records[0].results = Results::Published(vec![energy(
            None,
            dec!(-0.1),
            Some((dec!(0.0000000000000000000000000001), max)),
        )]);
        // (largest − 1e-28) / 1e-28 is beyond the range.
        assert_eq!(path(&c).as_deref(), Some("records[0].results[0].totals"));
    }

    fn keys(s: &Summary) -> Vec<&str> {
        s.groups.iter().map(|g| g.key.as_str()).collect()
    }

    #[test]
    fn regional_summary_weights_by_households_and_lists_the_rest() {
        let s = catalogue()
            .summary(GroupBy::All, &Filter::default())
            .unwrap();
        let g = &s.groups[0];
        assert_eq!((g.key.as_str(), g.challenges), ("all", 3));
        assert_eq!(
            g.households,
            HouseholdCount {
                known: 40,
                records_unknown: 1
            }
        );
        // energy: (10 × −0.10 + 30 × −0.20 + 20 × −0.05) / 60 = −8/60.
        let e = &g.results[0];
        assert_eq!(e.indicator, Indicator::EnergyUse);
        assert_eq!(e.households, 60);
        assert_eq!(
            e.household_weighted_change,
            Some(Ratio::new(dec!(-0.133333)))
        );
        assert_eq!(e.pooled_change, None, "R2 has no totals");
        assert_eq!(e.items.len(), 3);
        // residual waste: no household count, so only listed.
        let w = &g.results[1];
        assert_eq!(w.indicator, Indicator::ResidualWaste);
        assert_eq!((w.households, w.results_without_households), (0, 1));
        assert_eq!((w.household_weighted_change, w.pooled_change), (None, None));
        assert_eq!(w.items[0].change, Ratio::new(dec!(-0.3)));
    }

    #[test]
    fn pooled_change_needs_every_total() {
        let s = catalogue()
            .summary(GroupBy::Territory, &Filter::default())
            .unwrap();
        assert_eq!(keys(&s), vec!["Douai", "Lille"]);
        let lille = &s.groups[1].results[0];
        // Households: (10 × −0.10 + 30 × −0.20) / 40 = −0.175.
        assert_eq!(
            lille.household_weighted_change,
            Some(Ratio::new(dec!(-0.175)))
        );
        // Totals: (90 000 + 160 000 − 300 000) / 300 000 = −1/6.
        assert_eq!(lille.pooled_change, Some(Ratio::new(dec!(-0.166667))));
    }

    #[test]
    fn by_year_a_record_counts_in_each_year() {
        let s = catalogue()
            .summary(GroupBy::Year, &Filter::default())
            .unwrap();
        assert_eq!(keys(&s), vec!["2017", "2018", "2019"]);
        let counts: Vec<_> = s
            .groups
            .iter()
            .map(|g| (g.challenges, g.households))
            .collect();
        assert_eq!(
            counts,
            vec![
                (
                    1,
                    HouseholdCount {
                        known: 10,
                        records_unknown: 0
                    }
                ),
                (
                    2,
                    HouseholdCount {
                        known: 40,
                        records_unknown: 0
                    }
                ),
                (
                    2,
                    HouseholdCount {
                        known: 30,
                        records_unknown: 1
                    }
                ),
            ]
        );
    }

    #[test]
    fn by_theme_keeps_only_that_theme() {
        let s = catalogue()
            .summary(GroupBy::Theme, &Filter::default())
            .unwrap();
        assert_eq!(keys(&s), vec!["energy", "waste"]);
        assert_eq!(s.groups[0].challenges, 3);
        assert_eq!(s.groups[1].challenges, 1);
        assert_eq!(s.groups[1].results.len(), 1);
        assert_eq!(s.groups[1].results[0].indicator, Indicator::ResidualWaste);
    }

    #[test]
    fn by_organiser_kind_with_unknowns() {
        let s = catalogue()
            .summary(GroupBy::OrganiserKind, &Filter::default())
            .unwrap();
        assert_eq!(keys(&s), vec!["local_authority", "unknown"]);
        assert_eq!(s.groups[1].records[0].name.as_str(), "C");
    }

    #[test]
    fn filters() {
        let c = catalogue();
        let names =
            |f: Filter| -> Vec<String> { c.select(&f).map(|(_, r)| r.name.to_string()).collect() };
        let f = |t: &str| Filter {
            territory: Some(t.to_owned()),
            ..Filter::default()
        };
        assert_eq!(names(f("LILLE")), vec!["A", "B"]);
        assert_eq!(
            names(Filter {
                year: Some(2019),
                ..Filter::default()
            }),
            vec!["B", "C"]
        );
        assert_eq!(
            names(Filter {
                theme: Some(Theme::Waste),
                ..Filter::default()
            }),
            vec!["C"]
        );
        assert_eq!(
            names(Filter {
                organiser_kind: Some(OrganiserKind::Association),
                ..Filter::default()
            }),
            Vec::<String>::new()
        );
        assert_eq!(
            names(Filter {
                status: Some(Status::Running),
                ..Filter::default()
            })
            .len(),
            0
        );
        // A filter on a theme leaves the other themes' results out.
        let s = c
            .summary(
                GroupBy::All,
                &Filter {
                    theme: Some(Theme::Waste),
                    ..Filter::default()
                },
            )
            .unwrap();
        assert_eq!(s.groups[0].results.len(), 1);
        // Nothing selected: the regional group is still there, empty.
        let s = c.summary(GroupBy::All, &f("Arras")).unwrap();
        assert_eq!((s.groups.len(), s.groups[0].challenges), (1, 0));
        // Filters are serde structs; unknown criteria are refused.
        assert!(serde_json::from_str::<Filter>(r#"{"region": "32"}"#).is_err());
        assert_eq!(
            serde_json::from_str::<Filter>("{}").unwrap(),
            Filter::default()
        );
    }

    #[test]
    fn summaries_serialise_decimals_as_strings() {
        let s = catalogue()
            .summary(GroupBy::All, &Filter::default())
            .unwrap();
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(
            json["groups"][0]["results"][0]["household_weighted_change"],
            "-0.133333"
        );
        assert_eq!(serde_json::from_value::<Summary>(json).unwrap(), s);
    }

    proptest! {
        /// The household-weighted change lies between the smallest and the
        /// largest change it combines; territories partition the households.
        #[test]
        fn weighted_change_is_bounded_and_territories_partition(
            rows in prop::collection::vec((0usize..3, 0u32..500, -10_000i64..10_000), 1..12)
        ) {
            let places = ["Lille", "Douai", "Arras"];
            let records = rows.iter().enumerate().map(|(i, (p, h, c))| {
                let mut r = record(&format!("R{i}"), places[*p], (2019, 2020));
                r.households = Fact::Known(*h);
                r.results = Results::Published(vec![waste(None, Decimal::new(*c, 4))]);
                r
            }).collect();
            let c = Catalogue::new(None, records);
            let all = c.summary(GroupBy::All, &Filter::default()).unwrap();
            let by_place = c.summary(GroupBy::Territory, &Filter::default()).unwrap();
            let total: u32 = by_place.groups.iter().map(|g| g.households.known).sum();
            prop_assert_eq!(total, all.groups[0].households.known);
            let agg = &all.groups[0].results[0];
            let lo = agg.items.iter().map(|i| i.change).min().unwrap();
            let hi = agg.items.iter().map(|i| i.change).max().unwrap();
            if let Some(w) = agg.household_weighted_change {
                prop_assert!(lo <= w && w <= hi, "{lo} <= {w} <= {hi}");
            } else {
                prop_assert_eq!(agg.households, 0);
            }
        }
    }
}
