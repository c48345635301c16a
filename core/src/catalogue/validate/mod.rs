//! Catalogue-level rules: what cannot be checked one value at a time.
//!
//! [`Catalogue::validate`] applies every rule to every record and returns
//! **all** the problems it finds as data, a list of [`Finding`]s (empty when
//! the catalogue is sound), so that a regional coordinator can fix them in
//! one pass and a binding can show them in a table.
//!
//! - `record_rules`: the rules about one record and its results;
//! - `groups`: the rules relating records (duplicates, overlapping
//!   editions), one finding per group.

mod groups;
mod record_rules;

use rust_decimal::dec;

use crate::challenge::Theme;
use crate::error::Location;
use crate::named_enum;
use crate::quantity::Ratio;

use super::document::Catalogue;
use super::record::RecordRef;
use super::result::Indicator;

pub use groups::MEMBERS_LISTED;

/// How far a stated change may be from the one its totals give before the
/// two are reported as disagreeing: half a tenth of a percentage point, the
/// rounding of a figure published with one decimal ("−11,3 %"). (design choice)
pub const TOTALS_TOLERANCE: Ratio = Ratio::new(dec!(0.0005));

named_enum! {
    /// The rules of a catalogue, one spelling each (a finding's `rule`).
    #[non_exhaustive]
    pub enum Rule ("catalogue rule") {
        /// Records with the same name and edition (ignoring case).
        DuplicateIdentity = "duplicate_identity",
        /// Editions on one territory and theme that overlap in time.
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

/// A problem found in a catalogue. `record` is the record at fault (for a
/// group, its first member); `result` is the index of a result in the
/// record's results; a group lists its first [`MEMBERS_LISTED`] `members`
/// (the first being `record`) and counts them all in `member_count`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Finding {
    /// See [`Rule::DuplicateIdentity`].
    DuplicateIdentity {
        /// The group's first record.
        record: RecordRef,
        /// The records with this identity, in order (the first
        /// [`MEMBERS_LISTED`]).
        members: Vec<RecordRef>,
        /// How many records have this identity.
        member_count: usize,
    },
    /// See [`Rule::OverlappingEditions`]. With exact periods on both records,
    /// any shared day overlaps; otherwise the spans must share more than one
    /// boundary year (consecutive winter editions `2017–2018` and
    /// `2018–2019` do not overlap). Editions linked by overlaps form one
    /// group, even where two of them do not overlap each other.
    OverlappingEditions {
        /// The group's first record.
        record: RecordRef,
        /// The theme they all cover.
        theme: Theme,
        /// The editions of the group, in order (the first [`MEMBERS_LISTED`]).
        members: Vec<RecordRef>,
        /// How many editions the group holds.
        member_count: usize,
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
    /// Every problem of the catalogue: each record's own problems, in record
    /// order, then the groups of duplicates, then the groups of overlapping
    /// editions, each in order of its first record. A group is one finding
    /// however many records it holds (see [`MEMBERS_LISTED`]); validation
    /// costs O(n log n) in the records.
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
        let mut findings = Vec::new();
        for (i, r) in self.records.iter().enumerate() {
            record_rules::record_findings(i, r, &mut findings);
        }
        groups::duplicates(&self.records, &mut findings);
        groups::overlapping_editions(&self.records, &mut findings);
        findings
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{record, text, waste};
    use super::super::{CatalogueRecord, Fact, Results, TotalUnit, Totals, YearSpan};
    use super::*;
    use crate::date::date;
    use crate::period::Period;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

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
        assert_eq!(f[0].record().index, 0);
        assert_eq!(f[0].location().index, Some(0));
        assert!(
            matches!(&f[0], Finding::DuplicateIdentity { members, member_count: 2, .. }
            if members.iter().map(|m| m.index).eq([0, 1]))
        );
    }

    #[test]
    fn overlapping_editions() {
        let a = record("A", "Lille", (2016, 2020));
        let b = record("B", "lille", (2018, 2019));
        let f = Catalogue::new(None, vec![a.clone(), b.clone()]).validate();
        assert_eq!(
            f,
            vec![Finding::OverlappingEditions {
                record: a.reference(0),
                theme: Theme::Waste,
                members: vec![a.reference(0), b.reference(1)],
                member_count: 2,
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
