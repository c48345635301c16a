//! The rules that look at one record at a time: its years and period, its
//! counts, and each of its results.

use rust_decimal::Decimal;

use super::super::record::{CatalogueRecord, RecordRef};
use super::super::result::{Indicator, ThemeResult};
use super::{Finding, TOTALS_TOLERANCE};
use crate::quantity::Ratio;

/// The findings of record `i` alone, in the order of the rules.
pub(super) fn record_findings(i: usize, r: &CatalogueRecord, out: &mut Vec<Finding>) {
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
    // Indicators already seen among the record's results: a short list,
    // since there are few indicators, however many results repeat them.
    let mut seen: Vec<Indicator> = Vec::new();
    for (k, res) in r.results().iter().enumerate() {
        let repeated = seen.contains(&res.indicator);
        if !repeated {
            seen.push(res.indicator);
        }
        result_findings(r, k, res, repeated, &me, out);
    }
}

fn result_findings(
    r: &CatalogueRecord,
    k: usize,
    res: &ThemeResult,
    repeated: bool,
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
    if repeated {
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
