//! Queries and aggregation: which challenges, how many households, what
//! results, by territory, year, theme or organiser kind.
//!
//! Results are combined only where the combination means something:
//!
//! - **pooled change**, when every result of the group carries its absolute
//!   [`Totals`](super::Totals) in one unit: Σ(challenge − reference) /
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

use rust_decimal::{Decimal, RoundingStrategy};

use crate::challenge::{OrganiserKind, Theme};
use crate::error::{Error, Result};
use crate::named_enum;
use crate::quantity::{add, div, mul, Ratio};

use super::document::Catalogue;
use super::record::{CatalogueRecord, RecordRef, Status};
use super::result::{Indicator, ThemeResult, TotalUnit};
use super::territory::TerritoryKind;

/// Decimals kept in a combined change (of the fraction: 6 decimals are
/// 0.0001 %). [design] Enough to compare with any published figure, and the
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
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        let mut put = |key: String, i: usize| match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => v.push(i),
            None => groups.push((key, vec![i])),
        };
        let mut territories: Vec<(usize, String)> = Vec::new();
        for (i, r) in self.select(filter) {
            match group_by {
                GroupBy::All => put("all".to_owned(), i),
                GroupBy::Territory => {
                    let key = territories
                        .iter()
                        .find(|(j, _)| {
                            self.records
                                .get(*j)
                                .is_some_and(|o| o.territory.same_as(&r.territory))
                        })
                        .map_or_else(|| r.territory.name().to_string(), |(_, k)| k.clone());
                    territories.push((i, key.clone()));
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
        let mut by_indicator: Vec<(Indicator, Vec<(usize, &ThemeResult)>)> = Vec::new();
        for &i in members {
            let Some(r) = self.records.get(i) else {
                continue;
            };
            records.push(r.reference(i));
            match r.households.known() {
                Some(&h) => {
                    households.known = households
                        .known
                        .checked_add(h)
                        .ok_or(Error::overflow("households"))?;
                }
                None => households.records_unknown += 1,
            }
            for res in r.results() {
                if only.is_some_and(|t| t != res.theme) {
                    continue;
                }
                match by_indicator
                    .iter_mut()
                    .find(|(ind, _)| *ind == res.indicator)
                {
                    Some((_, v)) => v.push((i, res)),
                    None => by_indicator.push((res.indicator, vec![(i, res)])),
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
            challenges: u32::try_from(records.len()).map_err(|_| Error::overflow("challenges"))?,
            records,
            households,
            results,
        })
    }

    fn aggregate(&self, items: &[(usize, &ThemeResult)]) -> Result<ResultAggregate> {
        let mut listed = Vec::new();
        let mut households: u32 = 0;
        let mut without: u32 = 0;
        let mut weighted = Decimal::ZERO;
        let mut pooled: Option<(TotalUnit, Decimal, Decimal)> = None;
        let mut all_totals = true;
        for &(i, res) in items {
            let Some(r) = self.records.get(i) else {
                continue;
            };
            let n = r.result_households(res);
            match n {
                Some(n) => {
                    households = households
                        .checked_add(n)
                        .ok_or(Error::overflow("households"))?;
                    let w = mul(Decimal::from(n), res.change.fraction(), "weighted change")?;
                    weighted = add(weighted, w, "weighted change")?;
                }
                None => without += 1,
            }
            match (res.totals, pooled) {
                (Some(t), None) if all_totals => {
                    pooled = Some((t.unit, t.reference, t.challenge));
                }
                (Some(t), Some((unit, reference, challenge))) if t.unit == unit => {
                    pooled = Some((
                        unit,
                        add(reference, t.reference, "pooled reference")?,
                        add(challenge, t.challenge, "pooled challenge")?,
                    ));
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
        let (theme, indicator) = items
            .first()
            .map(|(_, r)| (r.theme, r.indicator))
            .ok_or_else(|| Error::InsufficientData {
                why: "no result to aggregate".to_owned(),
                at: crate::error::Location::NONE,
            })?;
        let household_weighted_change = if without == 0 && households > 0 {
            Some(round(div(
                weighted,
                Decimal::from(households),
                "weighted change",
            )?))
        } else {
            None
        };
        let pooled_change = match pooled {
            Some((_, reference, challenge)) if all_totals && reference > Decimal::ZERO => {
                let saved = challenge
                    .checked_sub(reference)
                    .ok_or(Error::overflow("pooled change"))?;
                Some(round(div(saved, reference, "pooled change")?))
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

fn round(fraction: Decimal) -> Ratio {
    Ratio::new(
        fraction
            .round_dp_with_strategy(AGGREGATE_DECIMALS, RoundingStrategy::MidpointAwayFromZero)
            .normalize(),
    )
}
