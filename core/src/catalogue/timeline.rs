//! The history of each territory: its challenges in time order.

use crate::challenge::Theme;

use super::document::Catalogue;
use super::fact::Fact;
use super::record::{RecordRef, Status, YearSpan};
use super::result::Indicator;
use super::territory::{group_territories, Territory};
use crate::quantity::Ratio;

/// A territory's challenges, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timeline {
    /// The territory (as its first record in the catalogue names it).
    pub territory: Territory,
    /// Its challenges, by first year, then last year, then catalogue order.
    pub entries: Vec<TimelineEntry>,
}

/// One challenge in a [`Timeline`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineEntry {
    /// The record.
    pub record: RecordRef,
    /// Its years.
    pub years: YearSpan,
    /// Its status.
    pub status: Status,
    /// Its themes.
    pub themes: Fact<Vec<Theme>>,
    /// Its households.
    pub households: Fact<u32>,
    /// Its results, one line each: indicator and change (empty when none
    /// are published).
    pub results: Vec<Headline>,
}

/// A result in one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Headline {
    /// What was measured.
    pub indicator: Indicator,
    /// The households counted, if known.
    pub households: Option<u32>,
    /// The change.
    pub change: Ratio,
}

impl Catalogue {
    /// One timeline per territory (territories are the same when
    /// [`Territory::same_as`] says so), ordered by their first challenge's
    /// first year, then by name.
    pub fn timelines(&self) -> Vec<Timeline> {
        let places = group_territories(self.records.iter().map(|r| &r.territory));
        let mut timelines: Vec<Timeline> = Vec::new();
        for ((i, r), &g) in self.records.iter().enumerate().zip(&places) {
            let entry = TimelineEntry {
                record: r.reference(i),
                years: r.years,
                status: r.status,
                themes: r.themes.clone(),
                households: r.households.clone(),
                results: r
                    .results()
                    .iter()
                    .map(|res| Headline {
                        indicator: res.indicator,
                        households: r.result_households(res),
                        change: res.change,
                    })
                    .collect(),
            };
            // Groups are numbered in order of appearance: `g` is either an
            // existing timeline or the next one.
            match timelines.get_mut(g) {
                Some(t) => t.entries.push(entry),
                None => timelines.push(Timeline {
                    territory: r.territory.clone(),
                    entries: vec![entry],
                }),
            }
        }
        for t in &mut timelines {
            // Stable: equal spans keep catalogue order.
            t.entries.sort_by_key(|e| (e.years.first(), e.years.last()));
        }
        timelines.sort_by(|a, b| {
            let first = |t: &Timeline| t.entries.first().map(|e| e.years.first());
            first(a)
                .cmp(&first(b))
                .then_with(|| a.territory.name().cmp(b.territory.name()))
        });
        timelines
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{record, waste};
    use super::super::{Catalogue, Results};
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn one_timeline_per_territory_oldest_first() {
        let mut late = record("B", "Lille", (2019, 2020));
        late.results = Results::Published(vec![waste(Some(30), dec!(-0.31))]);
        let c = Catalogue::new(
            None,
            vec![
                late,
                record("C", "Douai", (2016, 2018)),
                record("A", "LILLE", (2014, 2015)),
            ],
        );
        let t = c.timelines();
        let names: Vec<_> = t.iter().map(|t| t.territory.name().as_str()).collect();
        assert_eq!(names, vec!["Lille", "Douai"]);
        let lille: Vec<_> = t[0]
            .entries
            .iter()
            .map(|e| e.record.name.as_str())
            .collect();
        assert_eq!(lille, vec!["A", "B"]);
        assert_eq!(t[0].entries[1].results[0].households, Some(30));
        assert_eq!(t[0].entries[1].record.index, 0);
        let json = serde_json::to_value(&t).unwrap();
        assert_eq!(json[0]["entries"][0]["years"]["first"], 2014);
        assert_eq!(serde_json::from_value::<Vec<Timeline>>(json).unwrap(), t);
    }
}
