//! The rules that relate records to each other: duplicates and overlapping
//! editions, each reported **once per group** of records.
//!
//! A catalogue that repeats one record n times holds one group of n, not
//! n(n−1)/2 pairs: a group's finding lists its first [`MEMBERS_LISTED`]
//! members and counts them all. Groups are found through hash maps and one
//! sort per territory and theme, so validation costs O(n log n) in the
//! records, whatever their shape.

use std::collections::HashMap;
use std::hash::Hash;

use crate::challenge::Theme;

use super::super::record::{CatalogueRecord, RecordRef};
use super::super::territory::group_territories;
use super::Finding;

/// How many members a group's finding lists (its `member_count` counts them
/// all). (design choice) Enough to find and fix a handful of duplicates; a
/// catalogue repeating a record thousands of times needs a tool, not a list.
pub const MEMBERS_LISTED: usize = 20;

/// A group's members as a finding lists them: its first record, the first
/// [`MEMBERS_LISTED`], and how many there are.
fn listed(
    records: &[CatalogueRecord],
    members: &[usize],
) -> Option<(RecordRef, Vec<RecordRef>, usize)> {
    let refs: Vec<RecordRef> = members
        .iter()
        .take(MEMBERS_LISTED)
        .filter_map(|&i| records.get(i).map(|r| r.reference(i)))
        .collect();
    Some((refs.first()?.clone(), refs, members.len()))
}

/// The indexes of `keyed` grouped by key: groups in order of their first
/// index, each index in its order.
fn in_order<K: Eq + Hash + Clone>(
    keyed: impl IntoIterator<Item = (K, usize)>,
) -> Vec<(K, Vec<usize>)> {
    let mut position: HashMap<K, usize> = HashMap::new();
    let mut groups: Vec<(K, Vec<usize>)> = Vec::new();
    for (key, i) in keyed {
        if let Some(&g) = position.get(&key) {
            groups[g].1.push(i);
        } else {
            position.insert(key.clone(), groups.len());
            groups.push((key, vec![i]));
        }
    }
    groups
}

/// Records with the same name and edition (ignoring case): one finding per
/// identity that occurs more than once, in order of its first record.
pub(super) fn duplicates(records: &[CatalogueRecord], out: &mut Vec<Finding>) {
    let groups = in_order(records.iter().enumerate().map(|(i, r)| {
        let identity = (
            r.name.as_str().to_lowercase(),
            r.edition.as_str().to_lowercase(),
        );
        (identity, i)
    }));
    for (_, members) in groups.iter().filter(|(_, g)| g.len() > 1) {
        let Some((record, members, member_count)) = listed(records, members) else {
            continue;
        };
        out.push(Finding::DuplicateIdentity {
            record,
            members,
            member_count,
        });
    }
}

/// Editions of one territory and theme that overlap in time: one finding per
/// connected group (A overlapping B and B overlapping C make one group of
/// three, even when A and C do not overlap), in order of the group's first
/// record, then of theme.
///
/// Territories are grouped as [`Catalogue::timelines`](super::super::Catalogue::timelines)
/// and the territory summary group them. Two editions overlap when both
/// have exact periods sharing a day, or otherwise when their year spans share
/// more than a boundary year (consecutive winter editions `2017–2018` and
/// `2018–2019` do not). Records whose themes are unknown are not compared.
pub(super) fn overlapping_editions(records: &[CatalogueRecord], out: &mut Vec<Finding>) {
    let places = group_territories(records.iter().map(|r| &r.territory));
    let buckets = in_order(
        records
            .iter()
            .zip(&places)
            .enumerate()
            .flat_map(|(i, (r, &place))| {
                let themes = r.themes.known().map_or(&[][..], Vec::as_slice);
                Theme::ALL
                    .iter()
                    .filter(move |t| themes.contains(t))
                    .map(move |&theme| ((place, theme), i))
            }),
    );
    let mut found: Vec<(usize, Theme, Vec<usize>)> = Vec::new();
    for ((_, theme), members) in buckets.iter().filter(|(_, m)| m.len() > 1) {
        for group in overlap_groups(records, members) {
            found.push((group[0], *theme, group));
        }
    }
    found.sort_by_key(|(first, theme, _)| (*first, *theme));
    for (_, theme, group) in found {
        let Some((record, members, member_count)) = listed(records, &group) else {
            continue;
        };
        out.push(Finding::OverlappingEditions {
            record,
            theme,
            members,
            member_count,
        });
    }
}

/// The groups (of two or more, members in record order) that overlaps link
/// among `members` (record indexes, in order).
///
/// Two sweeps find them without looking at pairs. Each sorts closed
/// intervals by start; a new interval overlaps some earlier one exactly when
/// it overlaps the earlier one reaching furthest, so joining it to that one
/// alone builds the same groups as joining every overlapping pair.
/// - By days, among records with exact periods (the rule for two such records).
/// - By years, the span `first..=last − 1` (sharing more than a boundary year
///   is sharing one of these), for every pair in which a record has no exact
///   period. Earlier records without one that reach a start all hold that
///   year, so overlap each other: joining the furthest suffices. Earlier
///   records with one need not be linked to each other, so a record without
///   one joins each that reaches it; once joined they are one group, kept as
///   its furthest member, so each record is joined this way once.
fn overlap_groups(records: &[CatalogueRecord], members: &[usize]) -> Vec<Vec<usize>> {
    let mut sets = DisjointSets::new(members.len());
    let rec = |k: usize| &records[members[k]];

    let mut by_day: Vec<(i64, i64, usize)> = (0..members.len())
        .filter_map(|k| {
            rec(k).period.map(|p| {
                (
                    i64::from(p.first().day_number()),
                    i64::from(p.last().day_number()),
                    k,
                )
            })
        })
        .collect();
    by_day.sort_unstable();
    let mut reach: Option<(i64, usize)> = None;
    for &(start, end, k) in &by_day {
        if let Some((furthest, j)) = reach {
            if start <= furthest {
                sets.join(k, j);
            }
        }
        if reach.is_none_or(|(furthest, _)| end > furthest) {
            reach = Some((end, k));
        }
    }

    let mut by_year: Vec<(i64, i64, usize)> = (0..members.len())
        .filter_map(|k| {
            let years = rec(k).years;
            let (first, last) = (i64::from(years.first()), i64::from(years.last()) - 1);
            (first <= last).then_some((first, last, k))
        })
        .collect();
    by_year.sort_unstable();
    // The furthest-reaching record without an exact period so far, and the
    // records with one that may still overlap what comes (each merged group
    // of them kept as its furthest-reaching member).
    let mut yearly: Option<(i64, usize)> = None;
    let mut exact_open: Vec<(i64, usize)> = Vec::new();
    for &(start, end, k) in &by_year {
        if let Some((furthest, j)) = yearly {
            if start <= furthest {
                sets.join(k, j);
            }
        }
        if rec(k).period.is_some() {
            exact_open.push((end, k));
            continue;
        }
        // Every open record with an exact period reaching `start` overlaps
        // this one: join them all, keep the furthest, drop the ended ones.
        let mut kept: Option<(i64, usize)> = None;
        for &(e, j) in &exact_open {
            if e >= start {
                sets.join(k, j);
                if kept.is_none_or(|(furthest, _)| e > furthest) {
                    kept = Some((e, j));
                }
            }
        }
        exact_open.clear();
        exact_open.extend(kept);
        if yearly.is_none_or(|(furthest, _)| end > furthest) {
            yearly = Some((end, k));
        }
    }

    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut order = Vec::new();
    for (k, &i) in members.iter().enumerate() {
        let root = sets.root(k);
        let group = groups.entry(root).or_insert_with(|| {
            order.push(root);
            Vec::new()
        });
        group.push(i);
    }
    order
        .into_iter()
        .filter_map(|root| groups.remove(&root))
        .filter(|g| g.len() > 1)
        .collect()
}

/// Union–find with path halving and union by size.
struct DisjointSets {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl DisjointSets {
    fn new(n: usize) -> Self {
        DisjointSets {
            parent: (0..n).collect(),
            size: vec![1; n],
        }
    }

    fn root(&mut self, mut k: usize) -> usize {
        while self.parent[k] != k {
            self.parent[k] = self.parent[self.parent[k]];
            k = self.parent[k];
        }
        k
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        if a == b {
            return;
        }
        let (big, small) = if self.size[a] >= self.size[b] {
            (a, b)
        } else {
            (b, a)
        };
        self.parent[small] = big;
        self.size[big] += self.size[small];
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::test_support::record;
    use super::super::super::{Catalogue, Fact, Territory, TerritoryKind, Text};
    use super::*;
    use crate::date::date;
    use crate::period::Period;
    use proptest::prelude::*;

    fn groups_of(c: &Catalogue) -> Vec<(Theme, Vec<usize>, usize)> {
        c.validate()
            .into_iter()
            .filter_map(|f| match f {
                Finding::OverlappingEditions {
                    theme,
                    members,
                    member_count,
                    ..
                } => Some((
                    theme,
                    members.iter().map(|m| m.index).collect(),
                    member_count,
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_chain_of_overlaps_is_one_group() {
        // 2016–2018 and 2018–2020 share only the boundary year 2018, but
        // 2017–2019 overlaps both (it shares 2017–2018 with the first and
        // 2018–2019 with the last).
        let a = record("A", "Lille", (2016, 2018));
        let b = record("B", "Lille", (2017, 2019));
        let c = record("C", "Lille", (2018, 2020));
        let far = record("D", "Lille", (2030, 2032));
        let cat = Catalogue::new(None, vec![a.clone(), c.clone(), far, b]);
        assert_eq!(groups_of(&cat), vec![(Theme::Waste, vec![0, 1, 3], 3)]);
        // Without the middle edition, nothing overlaps.
        assert!(Catalogue::new(None, vec![a, c]).validate().is_empty());
    }

    #[test]
    fn exact_periods_and_years_mix_as_the_rule_says() {
        // Two exact periods in 2019 that do not share a day, and a record
        // known by its years only (2018–2020), which overlaps both by years.
        let mut p = record("P", "Lille", (2019, 2020));
        p.period = Some(Period::new(date(2019, 1, 1), date(2019, 3, 31)).unwrap());
        let mut q = record("Q", "Lille", (2019, 2020));
        q.period = Some(Period::new(date(2019, 4, 1), date(2019, 6, 30)).unwrap());
        assert!(Catalogue::new(None, vec![p.clone(), q.clone()])
            .validate()
            .is_empty());
        let y = record("Y", "Lille", (2018, 2020));
        let cat = Catalogue::new(None, vec![p, q, y]);
        assert_eq!(groups_of(&cat), vec![(Theme::Waste, vec![0, 1, 2], 3)]);
    }

    #[test]
    fn a_group_lists_twenty_members_and_counts_them_all() {
        let r = record("A", "Lille", (2019, 2020));
        let cat = Catalogue::new(None, vec![r; 25]);
        let f = cat.validate();
        assert_eq!(f.len(), 2, "one duplicate group and one overlap group");
        for finding in &f {
            let (members, count) = match finding {
                Finding::DuplicateIdentity {
                    members,
                    member_count,
                    ..
                }
                | Finding::OverlappingEditions {
                    members,
                    member_count,
                    ..
                } => (members, *member_count),
                _ => panic!("unexpected {finding:?}"),
            };
            assert_eq!(count, 25);
            assert_eq!(members.len(), MEMBERS_LISTED);
            assert!(members.iter().map(|m| m.index).eq(0..20));
            assert_eq!(finding.record().index, 0);
        }
    }

    /// The groups built from every overlapping pair, by comparing all pairs
    /// and walking the graph: the definition, without the sweeps.
    fn brute_force(c: &Catalogue) -> Vec<(Theme, Vec<usize>, usize)> {
        let rs = &c.records;
        let places = group_territories(rs.iter().map(|r| &r.territory));
        let overlap = |a: &CatalogueRecord, b: &CatalogueRecord| match (a.period, b.period) {
            (Some(p), Some(q)) => p.intersection(q).is_some(),
            _ => a.years.first().max(b.years.first()) < a.years.last().min(b.years.last()),
        };
        let has = |r: &CatalogueRecord, t: &Theme| r.themes.known().is_some_and(|v| v.contains(t));
        let mut out = Vec::new();
        for theme in Theme::ALL {
            let mut seen = vec![false; rs.len()];
            for start in 0..rs.len() {
                if seen[start] || !has(&rs[start], theme) {
                    continue;
                }
                let mut group = vec![start];
                seen[start] = true;
                let mut next = 0;
                while let Some(&i) = group.get(next) {
                    next += 1;
                    for j in 0..rs.len() {
                        if !seen[j]
                            && has(&rs[j], theme)
                            && places[i] == places[j]
                            && overlap(&rs[i], &rs[j])
                        {
                            seen[j] = true;
                            group.push(j);
                        }
                    }
                }
                if group.len() > 1 {
                    group.sort_unstable();
                    let n = group.len();
                    group.truncate(MEMBERS_LISTED);
                    out.push((*theme, group, n));
                }
            }
        }
        out.sort_by_key(|(t, g, _)| (g[0], *t));
        out
    }

    fn arbitrary_record() -> impl Strategy<Value = CatalogueRecord> {
        let themes =
            prop::sample::subsequence(vec![Theme::Energy, Theme::Water, Theme::Waste], 0..=3);
        (
            0usize..3,
            prop::option::of(0usize..2),
            2015u16..2022,
            0u16..4,
            prop::option::of((0i32..900, 0i32..200)),
            prop::option::of(themes),
        )
            .prop_map(|(place, code, first, len, period, themes)| {
                let names = ["Lille", "LILLE", "Douai"];
                let mut r = record("R", names[place], (first, first + len));
                r.territory = Territory::new(
                    Text::new(names[place]).unwrap(),
                    TerritoryKind::Commune,
                    code.map(|c| ["59350", "59178"][c].to_owned()),
                )
                .unwrap();
                r.period = period.map(|(start, days)| {
                    let first = date(2015, 1, 1).add_days(start).unwrap();
                    Period::new(first, first.add_days(days).unwrap()).unwrap()
                });
                r.themes = themes.map_or(Fact::Unknown, Fact::Known);
                r
            })
    }

    proptest! {
        /// k copies of a record are one duplicate finding counting k.
        #[test]
        fn copies_are_one_group(k in 2usize..60, other in 0usize..5) {
            let mut records = vec![record("A", "Lille", (2019, 2020)); k];
            records.extend((0..other).map(|i| record(&format!("B{i}"), "Douai", (2010, 2011))));
            let f = Catalogue::new(None, records).validate();
            let dups: Vec<&Finding> = f.iter().filter(|f| f.rule() == super::super::Rule::DuplicateIdentity).collect();
            prop_assert_eq!(dups.len(), 1);
            let Finding::DuplicateIdentity { members, member_count, .. } = dups[0] else { unreachable!() };
            prop_assert_eq!(*member_count, k);
            prop_assert_eq!(members.len(), k.min(MEMBERS_LISTED));
        }

        /// The sweeps find the groups every overlapping pair makes.
        #[test]
        fn sweeps_agree_with_every_pair(records in prop::collection::vec(arbitrary_record(), 0..14)) {
            let c = Catalogue::new(None, records);
            prop_assert_eq!(groups_of(&c), brute_force(&c));
        }
    }
}
