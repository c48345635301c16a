//! Catalogue-level rules: what cannot be checked one value at a time.
//!
//! [`Catalogue::validate`] applies every rule to every record and returns
//! **all** the problems it finds as data, a list of [`Finding`]s (empty when
//! the catalogue is sound), so that a regional coordinator can fix them in
//! one pass and a binding can show them in a table.

use rust_decimal::{dec, Decimal};

use crate::challenge::Theme;
use crate::error::Location;
use crate::named_enum;
use crate::quantity::Ratio;

use super::document::Catalogue;
use super::record::{CatalogueRecord, RecordRef};
use super::result::{Indicator, ThemeResult};

/// How far a stated change may be from the one its totals give before the
/// two are reported as disagreeing: half a tenth of a percentage point, the
/// rounding of a figure published with one decimal ("−11,3 %"). [design]
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
        let mut findings = Vec::new();
        for (i, r) in self.records.iter().enumerate() {
            record_findings(i, r, &mut findings);
            for (j, earlier) in self.records.iter().enumerate().take(i) {
                pair_findings((j, earlier), (i, r), &mut findings);
            }
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

fn pair_findings(
    (earlier_index, earlier): (usize, &CatalogueRecord),
    (index, r): (usize, &CatalogueRecord),
    out: &mut Vec<Finding>,
) {
    let same = |a: &str, b: &str| a.to_lowercase() == b.to_lowercase();
    if same(r.name.as_str(), earlier.name.as_str())
        && same(r.edition.as_str(), earlier.edition.as_str())
    {
        out.push(Finding::DuplicateIdentity {
            record: r.reference(index),
            other: earlier.reference(earlier_index),
        });
    }
    if !r.territory.same_as(&earlier.territory) || !overlap(r, earlier) {
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
