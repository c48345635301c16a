//! Team and challenge statistics for any theme: from each household's
//! reference and actual quantity (or its exclusion) to totals, the weighted
//! change, the mean and median of household changes, counts, and the team
//! ranking.
//!
//! For a team or a challenge ecodefi reports both the weighted change
//! Σactual / Σreference − 1 (what the group achieved together) and the mean
//! and median of household changes (what a typical household achieved),
//! with the number of households counted and excluded (**\[design\]**,
//! DOMAIN.md §2). Teams are ranked by their weighted change, the largest
//! reduction first (**\[source\]**: FAEP rules rank teams by percentage saved).

use rust_decimal::Decimal;

use crate::error::Result;
use crate::exclusion::ExclusionCode;
use crate::noun;
use crate::quantity::{add, div, sub, Ratio};

/// One household's figures for aggregation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// Computed: the reference and actual quantities, in the same unit.
    Counted {
        /// The reference (e.g. climate-corrected reference kWh).
        reference: Decimal,
        /// The actual quantity over the challenge.
        actual: Decimal,
    },
    /// Computed, with the household's change already known (it must be
    /// [`change`]`(reference, actual)`): saves a division.
    CountedWithChange {
        /// The reference.
        reference: Decimal,
        /// The actual quantity.
        actual: Decimal,
        /// actual / reference − 1.
        change: Ratio,
    },
    /// Left out, for this (first) reason.
    Excluded(ExclusionCode),
}

/// How many households were left out for one reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExclusionCount {
    /// The reason.
    pub code: ExclusionCode,
    /// How many households.
    pub households: u32,
}

/// Statistics of a group of households (a team or the whole challenge).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Totals {
    /// Households counted (with a result).
    pub households: u32,
    /// Households left out.
    pub excluded: u32,
    /// Households left out, by reason, in the order of [`ExclusionCode::ALL`].
    pub exclusions: Vec<ExclusionCount>,
    /// Σ reference of the counted households.
    pub reference: Decimal,
    /// Σ actual of the counted households.
    pub actual: Decimal,
    /// Σ reference − Σ actual: what was saved (negative if more was used).
    pub saved: Decimal,
    /// Σactual / Σreference − 1; `None` when nothing is counted or Σreference
    /// is zero.
    pub change: Option<Ratio>,
    /// Mean of household changes.
    pub mean_change: Option<Ratio>,
    /// Median of household changes (the mean of the two middle ones for an
    /// even count).
    pub median_change: Option<Ratio>,
}

/// A household's change: actual / reference − 1.
///
/// # Errors
/// [`crate::Error::Overflow`] when the reference is zero.
pub fn change(reference: Decimal, actual: Decimal) -> Result<Ratio> {
    const W: &str = noun!("change");
    Ok(Ratio::new(sub(
        div(actual, reference, W)?,
        Decimal::ONE,
        W,
    )?))
}

/// The median of `values` (sorted in place).
///
/// # Errors
/// [`crate::Error::Overflow`] beyond the decimal range.
pub fn median(values: &mut [Decimal]) -> Result<Option<Decimal>> {
    crate::sort::sort_decimals(values);
    let n = values.len();
    if n == 0 {
        return Ok(None);
    }
    let mid = n / 2;
    match (values.get(mid.wrapping_sub(1)), values.get(mid)) {
        (Some(a), Some(b)) if n % 2 == 0 => Ok(Some(div(
            add(*a, *b, noun!("median"))?,
            Decimal::TWO,
            noun!("median"),
        )?)),
        (_, Some(b)) => Ok(Some(*b)),
        _ => Ok(None),
    }
}

/// The `q`-quantile (0 ≤ q ≤ 1) of sorted `values`, interpolated linearly
/// between closest ranks (Hyndman & Fan type 7, the default of R and
/// NumPy).
///
/// # Errors
/// [`crate::Error::Overflow`] beyond the decimal range.
pub fn quantile(sorted: &[Decimal], q: Decimal) -> Result<Option<Decimal>> {
    const W: &str = noun!("quantile");
    let Some(last) = sorted.len().checked_sub(1) else {
        return Ok(None);
    };
    // The position h = (n − 1)·q, between ranks `below` and `below + 1`.
    let position = crate::quantity::mul(Decimal::from(last), q, W)?;
    let floor = floor_of(position)?;
    let below = usize::try_from(floor.mantissa() / 10i128.pow(floor.scale()))
        .unwrap_or(0)
        .min(last);
    let (Some(low), Some(high)) = (sorted.get(below), sorted.get((below + 1).min(last))) else {
        return Ok(None);
    };
    let weight = sub(position, floor, W)?;
    Ok(Some(add(
        *low,
        crate::quantity::mul(weight, sub(*high, *low, W)?, W)?,
        W,
    )?))
}

/// `d.floor()`, its subtraction checked: `Decimal::floor` takes 1 from a
/// negative value with Decimal's panicking `-`, which cost the page's
/// WebAssembly module 2 KB for [`quantile`]'s one call. The same value, of
/// the same scale: a truncated fraction is far from the decimal range's
/// bounds.
fn floor_of(d: Decimal) -> Result<Decimal> {
    let trunc = d.trunc();
    if d.is_sign_negative() && trunc != d {
        sub(trunc, Decimal::ONE, noun!("quantile"))
    } else {
        Ok(trunc)
    }
}

/// Statistics of the entries.
///
/// # Errors
/// [`crate::Error::Overflow`] beyond the decimal range, or a counted entry
/// with a zero reference (excluded before it reaches here).
///
/// # Example
/// ```
/// use ecodefi::aggregate::{totals, Entry};
/// use rust_decimal::dec;
/// let t = totals([
///     Entry::Counted { reference: dec!(1000), actual: dec!(900) },
///     Entry::Counted { reference: dec!(3000), actual: dec!(2900) },
/// ])?;
/// // Weighted: 3800 / 4000 − 1 = −5 %; mean of −10 % and −3.33… %.
/// assert_eq!(t.change.unwrap().fraction(), dec!(-0.05));
/// assert_eq!(t.saved, dec!(200));
/// # Ok::<(), ecodefi::Error>(())
/// ```
pub fn totals(entries: impl IntoIterator<Item = Entry>) -> Result<Totals> {
    // The work is done once, behind `dyn`: each theme's iterator type would
    // otherwise compile its own copy (WebAssembly size).
    totals_of(&mut entries.into_iter())
}

fn totals_of(entries: &mut dyn Iterator<Item = Entry>) -> Result<Totals> {
    const W: &str = noun!("totals");
    let mut reference = Decimal::ZERO;
    let mut actual = Decimal::ZERO;
    let mut changes = Vec::new();
    let mut by_code = vec![0u32; ExclusionCode::ALL.len()];
    for e in entries {
        match e {
            Entry::Counted {
                reference: r,
                actual: a,
            } => {
                reference = add(reference, r, W)?;
                actual = add(actual, a, W)?;
                changes.push(change(r, a)?.fraction());
            }
            Entry::CountedWithChange {
                reference: r,
                actual: a,
                change: c,
            } => {
                reference = add(reference, r, W)?;
                actual = add(actual, a, W)?;
                changes.push(c.fraction());
            }
            Entry::Excluded(code) => {
                if let Some(slot) = ExclusionCode::ALL
                    .iter()
                    .position(|c| *c == code)
                    .and_then(|i| by_code.get_mut(i))
                {
                    *slot += 1;
                }
            }
        }
    }
    let households = u32::try_from(changes.len()).unwrap_or(u32::MAX);
    let exclusions: Vec<ExclusionCount> = ExclusionCode::ALL
        .iter()
        .zip(&by_code)
        .filter(|(_, &n)| n > 0)
        .map(|(&code, &households)| ExclusionCount { code, households })
        .collect();
    let excluded = by_code.iter().sum();
    let weighted = if changes.is_empty() || reference.is_zero() {
        None
    } else {
        Some(change(reference, actual)?)
    };
    let mean = if changes.is_empty() {
        None
    } else {
        let sum = changes
            .iter()
            .try_fold(Decimal::ZERO, |acc, c| add(acc, *c, W))?;
        Some(Ratio::new(div(sum, Decimal::from(households), W)?))
    };
    let median = median(&mut changes)?.map(Ratio::new);
    Ok(Totals {
        households,
        excluded,
        exclusions,
        reference,
        actual,
        saved: sub(reference, actual, W)?,
        change: weighted,
        mean_change: mean,
        median_change: median,
    })
}

/// Ranks of groups by their weighted change, the largest reduction first;
/// groups with no change (nothing counted) come last. Equal changes share a
/// rank (1, 2, 2, 4). Returns one rank per group, in the groups' order.
pub fn ranks(changes: &[Option<Ratio>]) -> Vec<u32> {
    // Sort key: Some(change) ascending, None last.
    let key = |i: usize| {
        changes
            .get(i)
            .map(|c| (c.is_none(), c.map(Ratio::fraction)))
    };
    let order = crate::sort::stable_order(changes.len(), &|a, b| key(a).cmp(&key(b)));
    let mut out = vec![0u32; changes.len()];
    let mut previous: Option<(usize, u32)> = None;
    for (position, &i) in order.iter().enumerate() {
        let rank = match previous {
            // Equal to the one before: the same rank.
            Some((j, rank)) if key(j) == key(i) => rank,
            _ => u32::try_from(position + 1).unwrap_or(u32::MAX),
        };
        if let Some(slot) = out.get_mut(i) {
            *slot = rank;
        }
        previous = Some((i, rank));
    }
    out
}

/// Gives each item its rank by `changes` (one per item, as [`ranks`]:
/// the lowest first, ties share a rank, `None` last) and returns the items
/// in rank order, ties in their given order: how every theme lists its
/// teams.
pub fn in_rank_order<T>(
    mut items: Vec<T>,
    changes: &[Option<Ratio>],
    set: fn(&mut T, u32),
) -> Vec<T> {
    let ranked = ranks(changes);
    for (item, &rank) in items.iter_mut().zip(&ranked) {
        set(item, rank);
    }
    let rank = |i: usize| ranked.get(i).copied();
    let order = crate::sort::stable_order(items.len(), &|a, b| rank(a).cmp(&rank(b)));
    crate::sort::reorder(items, &order)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal::dec;

    fn counted(reference: Decimal, actual: Decimal) -> Entry {
        Entry::Counted { reference, actual }
    }

    #[test]
    fn totals_by_hand() {
        let t = totals([
            counted(dec!(1000), dec!(900)),  // −10 %
            counted(dec!(2000), dec!(1900)), // −5 %
            counted(dec!(1000), dec!(1020)), // +2 %
            Entry::Excluded(ExclusionCode::TooFewReadings),
            Entry::Excluded(ExclusionCode::TooFewReadings),
            Entry::Excluded(ExclusionCode::ZeroReference),
        ])
        .unwrap();
        assert_eq!(t.households, 3);
        assert_eq!(t.excluded, 3);
        assert_eq!(
            t.exclusions,
            vec![
                ExclusionCount {
                    code: ExclusionCode::TooFewReadings,
                    households: 2
                },
                ExclusionCount {
                    code: ExclusionCode::ZeroReference,
                    households: 1
                },
            ]
        );
        // 3820 / 4000 − 1 = −4.5 %.
        assert_eq!(t.change.unwrap().fraction(), dec!(-0.045));
        assert_eq!(t.saved, dec!(180));
        // Mean (−0.10 − 0.05 + 0.02) / 3 = −0.04333…; median −0.05.
        assert_eq!(
            t.mean_change.unwrap().fraction().round_dp(6),
            dec!(-0.043333)
        );
        assert_eq!(t.median_change.unwrap().fraction(), dec!(-0.05));
    }

    #[test]
    fn nothing_counted() {
        let t = totals([Entry::Excluded(ExclusionCode::NoMeter)]).unwrap();
        assert_eq!(
            (t.households, t.change, t.mean_change, t.median_change),
            (0, None, None, None)
        );
    }

    #[test]
    fn ranking_shares_ties() {
        let r = |f| Some(Ratio::new(f));
        assert_eq!(
            ranks(&[r(dec!(-0.05)), None, r(dec!(-0.12)), r(dec!(-0.05))]),
            vec![2, 4, 1, 2]
        );
    }

    #[test]
    fn quantiles_type_7() {
        // NumPy: np.quantile([1, 2, 3, 4, 10], [0.25, 0.5, 0.75]) = [2, 3, 4];
        // np.quantile([1, 2, 3, 4], 0.25) = 1.75.
        let v = [dec!(1), dec!(2), dec!(3), dec!(4), dec!(10)];
        assert_eq!(quantile(&v, dec!(0.25)).unwrap(), Some(dec!(2)));
        assert_eq!(quantile(&v, dec!(0.75)).unwrap(), Some(dec!(4)));
        assert_eq!(quantile(&v[..4], dec!(0.25)).unwrap(), Some(dec!(1.75)));
        assert_eq!(quantile(&v, dec!(1)).unwrap(), Some(dec!(10)));
        assert_eq!(quantile(&[], dec!(0.5)).unwrap(), None);
    }

    proptest! {
        /// `floor_of` is `Decimal::floor`, digit for digit.
        #[test]
        fn floor_of_is_floor(mantissa in any::<i64>(), scale in 0u32..28) {
            let d = Decimal::new(mantissa, scale);
            prop_assert_eq!(floor_of(d).unwrap().to_string(), d.floor().to_string());
        }

        /// A rank is one more than the number of strictly better groups.
        #[test]
        fn ranks_count_better_groups(cs in proptest::collection::vec(proptest::option::of(-50i64..50), 0..30)) {
            let cs: Vec<Option<Ratio>> = cs.into_iter().map(|c| c.map(|c| Ratio::new(Decimal::new(c, 2)))).collect();
            let key = |c: &Option<Ratio>| (c.is_none(), c.map(Ratio::fraction));
            for (c, r) in cs.iter().zip(ranks(&cs)) {
                let better = cs.iter().filter(|o| key(o) < key(c)).count();
                prop_assert_eq!(r as usize, better + 1);
            }
        }
    }

    #[test]
    fn even_median() {
        assert_eq!(
            median(&mut [dec!(4), dec!(1), dec!(3), dec!(2)]).unwrap(),
            Some(dec!(2.5))
        );
    }

    fn entry() -> impl Strategy<Value = (i64, i64)> {
        (1i64..1_000_000, 0i64..1_000_000)
    }

    proptest! {
        /// Multiplying every quantity by k > 0 leaves every change unchanged.
        #[test]
        fn changes_are_scale_free(es in proptest::collection::vec(entry(), 1..20), k in 1i64..10_000) {
            let k = Decimal::new(k, 2);
            let one = totals(es.iter().map(|&(r, a)| counted(Decimal::from(r), Decimal::from(a)))).unwrap();
            let scaled = totals(es.iter().map(|&(r, a)| counted(Decimal::from(r) * k, Decimal::from(a) * k))).unwrap();
            let close = |a: Option<Ratio>, b: Option<Ratio>| (a.unwrap().fraction() - b.unwrap().fraction()).abs() < dec!(0.000000000001);
            prop_assert!(close(one.change, scaled.change));
            prop_assert!(close(one.mean_change, scaled.mean_change));
            prop_assert!(close(one.median_change, scaled.median_change));
        }

        /// Team totals add up to the challenge's.
        #[test]
        fn totals_add_up(es in proptest::collection::vec(entry(), 1..30), split in 0usize..30) {
            let all: Vec<_> = es.iter().map(|&(r, a)| counted(Decimal::from(r), Decimal::from(a))).collect();
            let split = split.min(all.len());
            let (a, b) = all.split_at(split);
            let (ta, tb, t) = (totals(a.to_vec()).unwrap(), totals(b.to_vec()).unwrap(), totals(all.clone()).unwrap());
            prop_assert_eq!(ta.reference + tb.reference, t.reference);
            prop_assert_eq!(ta.actual + tb.actual, t.actual);
            prop_assert_eq!(ta.saved + tb.saved, t.saved);
            prop_assert_eq!(ta.households + tb.households, t.households);
        }

        /// Adding a household with no change moves the weighted change toward 0.
        #[test]
        fn a_steady_household_dilutes(es in proptest::collection::vec(entry(), 1..10), r in 1i64..1_000_000) {
            let mut all: Vec<_> = es.iter().map(|&(r, a)| counted(Decimal::from(r), Decimal::from(a))).collect();
            let before = totals(all.clone()).unwrap().change.unwrap().fraction();
            all.push(counted(Decimal::from(r), Decimal::from(r)));
            let after = totals(all).unwrap().change.unwrap().fraction();
            prop_assert!(after.abs() <= before.abs());
            prop_assert!(after.is_zero() || after.is_sign_negative() == before.is_sign_negative());
        }
    }
}
