//! Catalogue-level rules: what cannot be checked one value at a time.
//!
//! [`Catalogue::validate`] applies every rule to every record and returns
//! **all** the problems it finds as data, a list of [`Finding`]s (empty when
//! the catalogue is sound), so that a regional coordinator can fix them in
//! one pass and a binding can show them in a table.

use std::collections::HashMap;

use rust_decimal::{dec, Decimal};

use crate::challenge::Theme;
use crate::error::Location;
use crate::named_enum;
use crate::quantity::Ratio;

use super::document::Catalogue;
use super::record::{CatalogueRecord, RecordRef};
use super::result::{Indicator, ThemeResult};
use super::territory::{TerritoryIndex, TerritoryKey};

/// How far a stated change may be from the one its totals give before the
/// two are reported as disagreeing: half a tenth of a percentage point, the
/// rounding of a figure published with one decimal ("−11,3 %"). (design choice)
pub const TOTALS_TOLERANCE: Ratio = Ratio::new(dec!(0.0005));

named_enum! {
    /// The rules of a catalogue, one spelling each (a finding's `rule`).
    #[non_exhaustive]
    pub enum Rule ("catalogue rule") {
        /// Two records have the same name and edition.
        DuplicateIdentity = "duplicate_identity",
        /// Two editions on one territory and theme overlap in time.
        OverlappingEditions = "overlapping_editions",
        /// A record's first year is after its last.
        YearsReversed = "years_reversed",
        /// A record's exact period is outside its years.
        PeriodOutsideYears = "period_outside_years",
        /// Fewer households than teams: every team has at least one.
        HouseholdsFewerThanTeams = "households_fewer_than_teams",
        /// A result with no household count, on the result or the record.
        ResultWithoutHouseholds = "result_without_households",
        /// A result counts more households than took part.
        ResultHouseholdsAboveRecord = "result_households_above_record",
        /// A reduction beyond −100 %: more than everything was saved.
        ChangeBeyondTotal = "change_beyond_total",
        /// A result's indicator belongs to another theme than its `theme`.
        IndicatorThemeMismatch = "indicator_theme_mismatch",
        /// A result on a theme the record does not list.
        ResultThemeNotListed = "result_theme_not_listed",
        /// Two results of one record on the same indicator.
        DuplicateResult = "duplicate_result",
        /// Totals with a reference not above zero or a negative challenge amount.
        InvalidTotals = "invalid_totals",
        /// A stated change that its own totals contradict.
        ChangeDisagreesWithTotals = "change_disagrees_with_totals",
    }
}

/// A problem found in a catalogue. `record` is the record at fault (for
/// pairs, the later one; `other` the earlier); `result` is the index of a
/// result in the record's results.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Finding {
    /// See [`Rule::DuplicateIdentity`].
    DuplicateIdentity {
        /// The later record.
        record: RecordRef,
        /// The earlier record with the same identity.
        other: RecordRef,
    },
    /// See [`Rule::OverlappingEditions`]. With exact periods on both records,
    /// any shared day overlaps; with years only, the spans must share more
    /// than one boundary year (consecutive winter editions `2017–2018` and
    /// `2018–2019` do not overlap).
    OverlappingEditions {
        /// The later record.
        record: RecordRef,
        /// The earlier record.
        other: RecordRef,
        /// The theme both cover.
        theme: Theme,
    },
    /// See [`Rule::YearsReversed`].
    YearsReversed {
        /// The record.
        record: RecordRef,
        /// Its first year.
        first: u16,
        /// Its last year.
        last: u16,
    },
    /// See [`Rule::PeriodOutsideYears`].
    PeriodOutsideYears {
        /// The record.
        record: RecordRef,
    },
    /// See [`Rule::HouseholdsFewerThanTeams`].
    HouseholdsFewerThanTeams {
        /// The record.
        record: RecordRef,
        /// Its households.
        households: u32,
        /// Its teams.
        teams: u32,
    },
    /// See [`Rule::ResultWithoutHouseholds`].
    ResultWithoutHouseholds {
        /// The record.
        record: RecordRef,
        /// The result's index.
        result: usize,
    },
    /// See [`Rule::ResultHouseholdsAboveRecord`].
    ResultHouseholdsAboveRecord {
        /// The record.
        record: RecordRef,
        /// The result's index.
        result: usize,
        /// The households the result counts.
        counted: u32,
        /// The households of the record.
        households: u32,
    },
    /// See [`Rule::ChangeBeyondTotal`].
    ChangeBeyondTotal {
        /// The record.
        record: RecordRef,
        /// The result's index.
        result: usize,
        /// The change stated.
        change: Ratio,
    },
    /// See [`Rule::IndicatorThemeMismatch`].
    IndicatorThemeMismatch {
        /// The record.
        record: RecordRef,
        /// The result's index.
        result: usize,
        /// The theme stated.
        theme: Theme,
        /// The indicator stated.
        indicator: Indicator,
    },
    /// See [`Rule::ResultThemeNotListed`].
    ResultThemeNotListed {
        /// The record.
        record: RecordRef,
        /// The result's index.
        result: usize,
        /// The result's theme.
        theme: Theme,
    },
    /// See [`Rule::DuplicateResult`].
    DuplicateResult {
        /// The record.
        record: RecordRef,
        /// The later result's index.
        result: usize,
        /// The indicator repeated.
        indicator: Indicator,
    },
    /// See [`Rule::InvalidTotals`].
    InvalidTotals {
        /// The record.
        record: RecordRef,
        /// The result's index.
        result: usize,
    },
    /// See [`Rule::ChangeDisagreesWithTotals`] and [`TOTALS_TOLERANCE`].
    ChangeDisagreesWithTotals {
        /// The record.
        record: RecordRef,
        /// The result's index.
        result: usize,
        /// The change stated.
        change: Ratio,
        /// The change the totals give, (challenge − reference) / reference.
        from_totals: Ratio,
    },
}

impl Finding {
    /// The rule broken.
    pub fn rule(&self) -> Rule {
        match self {
            Finding::DuplicateIdentity { .. } => Rule::DuplicateIdentity,
            Finding::OverlappingEditions { .. } => Rule::OverlappingEditions,
            Finding::YearsReversed { .. } => Rule::YearsReversed,
            Finding::PeriodOutsideYears { .. } => Rule::PeriodOutsideYears,
            Finding::HouseholdsFewerThanTeams { .. } => Rule::HouseholdsFewerThanTeams,
            Finding::ResultWithoutHouseholds { .. } => Rule::ResultWithoutHouseholds,
            Finding::ResultHouseholdsAboveRecord { .. } => Rule::ResultHouseholdsAboveRecord,
            Finding::ChangeBeyondTotal { .. } => Rule::ChangeBeyondTotal,
            Finding::IndicatorThemeMismatch { .. } => Rule::IndicatorThemeMismatch,
            Finding::ResultThemeNotListed { .. } => Rule::ResultThemeNotListed,
            Finding::DuplicateResult { .. } => Rule::DuplicateResult,
            Finding::InvalidTotals { .. } => Rule::InvalidTotals,
            Finding::ChangeDisagreesWithTotals { .. } => Rule::ChangeDisagreesWithTotals,
        }
    }

    /// The record at fault.
    pub fn record(&self) -> &RecordRef {
        match self {
            Finding::DuplicateIdentity { record, .. }
            | Finding::OverlappingEditions { record, .. }
            | Finding::YearsReversed { record, .. }
            | Finding::PeriodOutsideYears { record }
            | Finding::HouseholdsFewerThanTeams { record, .. }
            | Finding::ResultWithoutHouseholds { record, .. }
            | Finding::ResultHouseholdsAboveRecord { record, .. }
            | Finding::ChangeBeyondTotal { record, .. }
            | Finding::IndicatorThemeMismatch { record, .. }
            | Finding::ResultThemeNotListed { record, .. }
            | Finding::DuplicateResult { record, .. }
            | Finding::InvalidTotals { record, .. }
            | Finding::ChangeDisagreesWithTotals { record, .. } => record,
        }
    }

    /// Where it is: the record's index as the location's `index`.
    pub fn location(&self) -> Location {
        Location::NONE.with_index(self.record().index)
    }
}

impl Catalogue {
    /// Every problem of the catalogue, in record order (a record's own
    /// problems, then those it has with earlier records).
    ///
    /// # Example
    /// ```
    /// use ecodefi::catalogue::{Catalogue, Rule};
    /// let json = std::fs::read_to_string(concat!(
    ///     env!("CARGO_MANIFEST_DIR"),
    ///     "/examples/data/catalogue/hauts-de-france.json"
    /// )).unwrap();
    /// let catalogue = Catalogue::from_json(&json)?;
    /// assert!(catalogue.validate().is_empty());
    /// let mut twice = catalogue.clone();
    /// twice.records.push(catalogue.records[0].clone());
    /// assert_eq!(twice.validate()[0].rule(), Rule::DuplicateIdentity);
    /// # Ok::<(), ecodefi::Error>(())
    /// ```
    pub fn validate(&self) -> Vec<Finding> {
        // Pairs are found through indexes (identity, territory), not by
        // comparing every record with every other: a catalogue of thousands
        // of records validates in linear time plus the pairs it reports.
        let mut findings = Vec::new();
        let identities: Vec<(String, String)> = self
            .records
            .iter()
            .map(|r| {
                (
                    r.name.as_str().to_lowercase(),
                    r.edition.as_str().to_lowercase(),
                )
            })
            .collect();
        let mut by_identity: HashMap<&(String, String), Vec<usize>> = HashMap::new();
        let mut territories = TerritoryIndex::default();
        for (i, (r, identity)) in self.records.iter().zip(&identities).enumerate() {
            record_findings(i, r, &mut findings);
            let key = TerritoryKey::of(&r.territory);
            let same_place = territories.matches(&key);
            let same_identity = by_identity.get(identity).cloned().unwrap_or_default();
            let mut earlier: Vec<usize> =
                same_place.iter().chain(&same_identity).copied().collect();
            earlier.sort_unstable();
            earlier.dedup();
            for j in earlier {
                let Some(e) = self.records.get(j) else {
                    continue;
                };
                if same_identity.contains(&j) {
                    findings.push(Finding::DuplicateIdentity {
                        record: r.reference(i),
                        other: e.reference(j),
                    });
                }
                if same_place.contains(&j) {
                    overlap_findings((j, e), (i, r), &mut findings);
                }
            }
            territories.push(key);
            by_identity.entry(identity).or_default().push(i);
        }
        findings
    }
}

fn record_findings(i: usize, r: &CatalogueRecord, out: &mut Vec<Finding>) {
    let me = || r.reference(i);
    if r.years.first() > r.years.last() {
        out.push(Finding::YearsReversed {
            record: me(),
            first: r.years.first(),
            last: r.years.last(),
        });
    }
    if let Some(p) = r.period {
        let (a, b) = (p.first().year(), p.last().year());
        let inside = |y: i16| u16::try_from(y).is_ok_and(|y| r.years.contains(y));
        if !inside(a) || !inside(b) {
            out.push(Finding::PeriodOutsideYears { record: me() });
        }
    }
    if let (Some(&h), Some(&t)) = (r.households.known(), r.teams.known()) {
        if h < t {
            out.push(Finding::HouseholdsFewerThanTeams {
                record: me(),
                households: h,
                teams: t,
            });
        }
    }
    for (k, res) in r.results().iter().enumerate() {
        result_findings(r, k, res, &me, out);
    }
}

fn result_findings(
    r: &CatalogueRecord,
    k: usize,
    res: &ThemeResult,
    me: &dyn Fn() -> RecordRef,
    out: &mut Vec<Finding>,
) {
    match (res.households, r.households.known()) {
        (None, None) => out.push(Finding::ResultWithoutHouseholds {
            record: me(),
            result: k,
        }),
        (Some(counted), Some(&households)) if counted > households => {
            out.push(Finding::ResultHouseholdsAboveRecord {
                record: me(),
                result: k,
                counted,
                households,
            });
        }
        _ => {}
    }
    if res.change.fraction() < -Decimal::ONE {
        out.push(Finding::ChangeBeyondTotal {
            record: me(),
            result: k,
            change: res.change,
        });
    }
    if res.indicator.theme() != res.theme {
        out.push(Finding::IndicatorThemeMismatch {
            record: me(),
            result: k,
            theme: res.theme,
            indicator: res.indicator,
        });
    }
    if let Some(themes) = r.themes.known() {
        if !themes.contains(&res.theme) {
            out.push(Finding::ResultThemeNotListed {
                record: me(),
                result: k,
                theme: res.theme,
            });
        }
    }
    if r.results()
        .iter()
        .take(k)
        .any(|e| e.indicator == res.indicator)
    {
        out.push(Finding::DuplicateResult {
            record: me(),
            result: k,
            indicator: res.indicator,
        });
    }
    if let Some(t) = res.totals {
        if t.reference <= Decimal::ZERO || t.challenge < Decimal::ZERO {
            out.push(Finding::InvalidTotals {
                record: me(),
                result: k,
            });
        } else if let Some(from_totals) = t
            .challenge
            .checked_sub(t.reference)
            .and_then(|d| d.checked_div(t.reference))
        {
            let gap = from_totals
                .checked_sub(res.change.fraction())
                .map(|g| g.abs());
            if gap.is_none_or(|g| g > TOTALS_TOLERANCE.fraction()) {
                out.push(Finding::ChangeDisagreesWithTotals {
                    record: me(),
                    result: k,
                    change: res.change,
                    from_totals: Ratio::new(from_totals),
                });
            }
        }
    }
}

/// Overlapping editions of two records on the same territory.
fn overlap_findings(
    (earlier_index, earlier): (usize, &CatalogueRecord),
    (index, r): (usize, &CatalogueRecord),
    out: &mut Vec<Finding>,
) {
    if !overlap(r, earlier) {
        return;
    }
    let (Some(mine), Some(theirs)) = (r.themes.known(), earlier.themes.known()) else {
        return;
    };
    for theme in Theme::ALL {
        if mine.contains(theme) && theirs.contains(theme) {
            out.push(Finding::OverlappingEditions {
                record: r.reference(index),
                other: earlier.reference(earlier_index),
                theme: *theme,
            });
        }
    }
}

/// Whether two editions overlap in time: any shared day when both have exact
/// periods; else year spans sharing more than a boundary year.
fn overlap(a: &CatalogueRecord, b: &CatalogueRecord) -> bool {
    match (a.period, b.period) {
        (Some(p), Some(q)) => p.intersection(q).is_some(),
        _ => a.years.first().max(b.years.first()) < a.years.last().min(b.years.last()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{record, text, waste};
    use super::super::{Fact, Results, TotalUnit, Totals, YearSpan};
    use super::*;
    use crate::date::date;
    use crate::period::Period;
    use proptest::prelude::*;

    fn rules(c: &Catalogue) -> Vec<Rule> {
        c.validate().iter().map(Finding::rule).collect()
    }

    fn one(r: CatalogueRecord) -> Catalogue {
        Catalogue::new(None, vec![r])
    }

    #[test]
    fn a_sound_catalogue_has_no_findings() {
        let mut a = record("A", "Lille", (2017, 2018));
        a.households = Fact::Known(12);
        a.teams = Fact::Known(3);
        a.results = Results::Published(vec![waste(None, dec!(-0.2))]);
        // The next winter edition on the same territory and theme shares a
        // boundary year only.
        let b = record("A", "Lille", (2018, 2019));
        assert!(Catalogue::new(None, vec![a, b]).validate().is_empty());
    }

    #[test]
    fn duplicate_identity() {
        let a = record("Défi", "Lille", (2017, 2018));
        let mut b = record("DÉFI", "Douai", (2017, 2018));
        b.themes = Fact::Known(vec![Theme::Energy]);
        let f = Catalogue::new(None, vec![a, b]).validate();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].rule(), Rule::DuplicateIdentity);
        assert_eq!(f[0].record().index, 1);
        assert_eq!(f[0].location().index, Some(1));
    }

    #[test]
    fn overlapping_editions() {
        let a = record("A", "Lille", (2016, 2020));
        let b = record("B", "lille", (2018, 2019));
        let f = Catalogue::new(None, vec![a.clone(), b.clone()]).validate();
        assert_eq!(
            f,
            vec![Finding::OverlappingEditions {
                record: b.reference(1),
                other: a.reference(0),
                theme: Theme::Waste,
            }]
        );
        // Another theme, or another territory: no overlap.
        let mut energy = b.clone();
        energy.themes = Fact::Known(vec![Theme::Energy]);
        assert!(Catalogue::new(None, vec![a.clone(), energy])
            .validate()
            .is_empty());
        // Exact periods decide when both have them.
        let (mut first, mut second) = (a, b);
        first.period = Some(Period::new(date(2018, 12, 1), date(2019, 4, 30)).unwrap());
        second.period = Some(Period::new(date(2019, 5, 1), date(2019, 6, 30)).unwrap());
        assert!(Catalogue::new(None, vec![first.clone(), second.clone()])
            .validate()
            .is_empty());
        second.period = Some(Period::new(date(2019, 4, 30), date(2019, 6, 30)).unwrap());
        assert_eq!(
            rules(&Catalogue::new(None, vec![first, second])),
            vec![Rule::OverlappingEditions]
        );
    }

    #[test]
    fn years_reversed() {
        let mut r = record("A", "Lille", (2019, 2019));
        r.years = YearSpan::new(2020, 2019).unwrap();
        assert_eq!(rules(&one(r)), vec![Rule::YearsReversed]);
    }

    #[test]
    fn period_outside_years() {
        let mut r = record("A", "Lille", (2019, 2020));
        r.period = Some(Period::new(date(2018, 12, 1), date(2019, 4, 30)).unwrap());
        assert_eq!(rules(&one(r)), vec![Rule::PeriodOutsideYears]);
    }

    #[test]
    fn households_fewer_than_teams() {
        let mut r = record("A", "Lille", (2019, 2020));
        r.households = Fact::Known(5);
        r.teams = Fact::Known(6);
        assert_eq!(
            one(r.clone()).validate(),
            vec![Finding::HouseholdsFewerThanTeams {
                record: r.reference(0),
                households: 5,
                teams: 6
            }]
        );
    }

    #[test]
    fn result_without_households() {
        let mut r = record("A", "Lille", (2019, 2020));
        r.results = Results::Published(vec![waste(None, dec!(-0.26))]);
        assert_eq!(rules(&one(r.clone())), vec![Rule::ResultWithoutHouseholds]);
        // A count on the result, or on the record, is enough.
        r.households = Fact::Known(60);
        assert!(one(r).validate().is_empty());
    }

    #[test]
    fn result_households_above_record() {
        let mut r = record("A", "Lille", (2019, 2020));
        r.households = Fact::Known(60);
        r.results = Results::Published(vec![waste(Some(61), dec!(-0.26))]);
        assert_eq!(rules(&one(r)), vec![Rule::ResultHouseholdsAboveRecord]);
    }

    #[test]
    fn change_beyond_total() {
        let mut r = record("A", "Lille", (2019, 2020));
        r.households = Fact::Known(60);
        r.results = Results::Published(vec![waste(None, dec!(-1.0001))]);
        assert_eq!(rules(&one(r.clone())), vec![Rule::ChangeBeyondTotal]);
        // −100 % exactly is possible (no residual waste at all).
        r.results = Results::Published(vec![waste(None, dec!(-1))]);
        assert!(one(r).validate().is_empty());
    }

    #[test]
    fn indicator_theme_mismatch() {
        let mut r = record("A", "Lille", (2019, 2020));
        r.households = Fact::Known(60);
        let mut w = waste(None, dec!(-0.1));
        w.indicator = Indicator::EnergyUse;
        r.results = Results::Published(vec![w]);
        assert_eq!(rules(&one(r)), vec![Rule::IndicatorThemeMismatch]);
    }

    #[test]
    fn result_theme_not_listed() {
        let mut r = record("A", "Lille", (2019, 2020));
        r.households = Fact::Known(60);
        r.themes = Fact::Known(vec![Theme::Energy]);
        r.results = Results::Published(vec![waste(None, dec!(-0.1))]);
        assert_eq!(rules(&one(r.clone())), vec![Rule::ResultThemeNotListed]);
        // Themes unknown: nothing to contradict.
        r.themes = Fact::Unknown;
        assert!(one(r).validate().is_empty());
    }

    #[test]
    fn duplicate_result() {
        let mut r = record("A", "Lille", (2019, 2020));
        r.households = Fact::Known(60);
        r.results = Results::Published(vec![waste(None, dec!(-0.1)), waste(None, dec!(-0.2))]);
        let f = one(r).validate();
        assert_eq!(f.len(), 1);
        assert!(matches!(f[0], Finding::DuplicateResult { result: 1, .. }));
    }

    fn with_totals(reference: Decimal, challenge: Decimal, change: Decimal) -> Catalogue {
        let mut r = record("A", "Lille", (2019, 2020));
        r.households = Fact::Known(10);
        let mut w = waste(None, change);
        w.totals = Some(Totals {
            unit: TotalUnit::Kg,
            reference,
            challenge,
        });
        r.results = Results::Published(vec![w]);
        one(r)
    }

    #[test]
    fn invalid_totals() {
        assert_eq!(
            rules(&with_totals(dec!(0), dec!(10), dec!(0))),
            vec![Rule::InvalidTotals]
        );
        assert_eq!(
            rules(&with_totals(dec!(100), dec!(-1), dec!(-1.01))),
            vec![Rule::ChangeBeyondTotal, Rule::InvalidTotals]
        );
    }

    #[test]
    fn change_disagrees_with_totals() {
        // 1000 kg → 740 kg is −26 %; −26.04 % is within half a tenth of a
        // point, −26.06 % is not.
        assert!(with_totals(dec!(1000), dec!(740), dec!(-0.2604))
            .validate()
            .is_empty());
        let f = with_totals(dec!(1000), dec!(740), dec!(-0.2606)).validate();
        assert_eq!(f.len(), 1);
        assert!(matches!(
            &f[0],
            Finding::ChangeDisagreesWithTotals { from_totals, .. } if from_totals.fraction() == dec!(-0.26)
        ));
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut a = record("A", "Lille", (2019, 2020));
        a.households = Fact::Known(2);
        a.teams = Fact::Known(3);
        a.results = Results::Published(vec![waste(None, dec!(-2))]);
        let b = a.clone();
        let found = rules(&Catalogue::new(None, vec![a, b]));
        assert_eq!(
            found,
            vec![
                Rule::HouseholdsFewerThanTeams,
                Rule::ChangeBeyondTotal,
                Rule::HouseholdsFewerThanTeams,
                Rule::ChangeBeyondTotal,
                Rule::DuplicateIdentity,
                Rule::OverlappingEditions,
            ]
        );
    }

    #[test]
    fn findings_serialise_with_their_rule() {
        let mut r = record("A", "Lille", (2019, 2020));
        r.households = Fact::Known(5);
        r.teams = Fact::Known(6);
        let json = serde_json::to_value(one(r).validate()).unwrap();
        assert_eq!(json[0]["rule"], "households_fewer_than_teams");
        assert_eq!(json[0]["record"]["name"], "A");
        let back: Vec<Finding> = serde_json::from_value(json).unwrap();
        assert_eq!(back[0].rule(), Rule::HouseholdsFewerThanTeams);
        assert_eq!(text("x").as_str(), "x");
    }

    proptest! {
        /// A change is beyond −100 % exactly when the rule says so.
        #[test]
        fn beyond_total_iff_below_minus_one(cents in -30_000i64..10_000) {
            let change = Decimal::new(cents, 4);
            let mut r = record("A", "Lille", (2019, 2020));
            r.households = Fact::Known(10);
            r.results = Results::Published(vec![waste(None, change)]);
            let flagged = rules(&one(r)).contains(&Rule::ChangeBeyondTotal);
            prop_assert_eq!(flagged, change < dec!(-1));
        }

        /// Households below teams is flagged exactly when it holds.
        #[test]
        fn fewer_households_iff_flagged(h in 0u32..50, t in 0u32..50) {
            let mut r = record("A", "Lille", (2019, 2020));
            r.households = Fact::Known(h);
            r.teams = Fact::Known(t);
            let flagged = rules(&one(r)).contains(&Rule::HouseholdsFewerThanTeams);
            prop_assert_eq!(flagged, h < t);
        }
    }
}
