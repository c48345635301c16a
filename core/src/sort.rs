//! Stable orders, through one instantiation of the standard library's
//! stable sort, and the sort of decimals.
//!
//! Each `sort_by_key` with its own closure or element type is compiled anew,
//! 4 to 5 KB of WebAssembly each, and the small module of the browser page
//! has a 300 KB budget (issue 5): so the core sorts *indices* with a
//! comparison given as a trait object, here, and moves items once sorted.

use std::cmp::Ordering;

use rust_decimal::Decimal;

/// The indices `0..len` in the order `compare` gives their items; equal
/// items keep their order (a stable sort).
///
/// WebAssembly builds sort with the unstable sort, ties broken by index:
/// one total order, so the same permutation, without the stable sort's
/// code (the only stable sort of the page's module).
pub(crate) fn stable_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    if cfg!(target_arch = "wasm32") {
        sort_with_index_ties(&mut order, compare);
    } else {
        order.sort_by(|&a, &b| compare(a, b));
    }
    order
}

/// Sorts indices in the order `compare` gives their items, equal items by
/// index: the stable order, with the unstable sort.
fn sort_with_index_ties(order: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_unstable_by(|&a, &b| compare(a, b).then(a.cmp(&b)));
}

/// `items` in `order` (a permutation of their indices, as
/// [`stable_order`] gives).
pub(crate) fn reorder<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|&i| slots.get_mut(i).and_then(Option::take))
        .collect()
}

/// Sorts decimals in increasing order, for medians, quantiles and outliers.
///
/// Comparing two `Decimal`s of different scales rescales one of them each
/// time (issue 15's profile: a third of the 10 000-household report went to
/// sorting changes). Here each value is brought once to the largest scale
/// among them, as an `i128` (exact: `|mantissa| < 2⁹⁶` and the key is
/// checked), and the keys are compared as integers; when a key would not
/// fit, the decimals are compared directly. Equal values of different
/// scales (`0.1`, `0.10`) are ordered by scale, then sign (`-0` before
/// `0`), so the order is one total order whatever the input's, and the same
/// on both paths.
///
/// WebAssembly builds compare the decimals directly (the same order, in
/// less code: the page's module has a size budget).
pub(crate) fn sort_decimals(values: &mut [Decimal]) {
    let tie = |d: &Decimal| (d.scale(), !d.is_sign_negative());
    if cfg!(target_arch = "wasm32") {
        values.sort_unstable_by(|a, b| a.cmp(b).then_with(|| tie(a).cmp(&tie(b))));
        return;
    }
    let common = values.iter().map(Decimal::scale).max().unwrap_or(0);
    let key = |d: &Decimal| -> Option<Key> {
        let up = usize::try_from(common.checked_sub(d.scale())?).ok()?;
        Some((d.mantissa().checked_mul(*POWERS_OF_TEN.get(up)?)?, tie(d)))
    };
    let keyed: Option<Vec<(Key, Decimal)>> = values.iter().map(|d| Some((key(d)?, *d))).collect();
    match keyed {
        Some(mut keyed) => {
            keyed.sort_unstable_by_key(|&(k, _)| k);
            for (slot, (_, d)) in values.iter_mut().zip(keyed) {
                *slot = d;
            }
        }
        None => values.sort_unstable_by(|a, b| a.cmp(b).then_with(|| tie(a).cmp(&tie(b)))),
    }
}

/// 10⁰ to 10²⁸, the scales a decimal may have.
const POWERS_OF_TEN: [i128; 29] = {
    let mut p = [1i128; 29];
    let mut i = 1;
    while i < p.len() {
        p[i] = p[i - 1] * 10;
        i += 1;
    }
    p
};

/// A decimal's sort key: its value at the common scale, then its scale and
/// whether it is not negative.
type Key = (i128, (u32, bool));

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal::dec;

    #[test]
    fn decimals_of_any_scale() {
        let mut v = [
            dec!(0.10),
            dec!(-2),
            dec!(0.1),
            dec!(-0.0000000000000000000000000001),
            Decimal::MAX,
            dec!(1e-28),
            Decimal::MIN,
            dec!(0),
        ];
        sort_decimals(&mut v);
        // Decimal::MAX at scale 28 does not fit an i128: the direct path.
        let shown: Vec<String> = v.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "-79228162514264337593543950335",
                "-2",
                "-0.0000000000000000000000000001",
                "0",
                "0.0000000000000000000000000001",
                "0.1",
                "0.10",
                "79228162514264337593543950335",
            ]
        );
        let mut w = [dec!(0.10), dec!(-2.5), dec!(0.1), dec!(3)];
        sort_decimals(&mut w);
        assert_eq!(
            w.map(|d| d.to_string()),
            ["-2.5", "0.1", "0.10", "3"].map(String::from)
        );
    }

    proptest! {
        // The same as the standard stable sort by key.
        #[test]
        fn is_a_stable_sort(keys in proptest::collection::vec(0u8..6, 0..40)) {
            let order = stable_order(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
            let items: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|&(k, _)| k);
            prop_assert_eq!(reorder(items.clone(), &order), expected.clone());
            // The WebAssembly builds' way: the same order.
            let mut unstable: Vec<usize> = (0..keys.len()).collect();
            sort_with_index_ties(&mut unstable, &|a, b| keys[a].cmp(&keys[b]));
            prop_assert_eq!(reorder(items, &unstable), expected);
        }
    }

    /// Small mantissas and scales (every key fits: the integer path), or
    /// any (mostly the direct path).
    fn decimals() -> impl Strategy<Value = Vec<Decimal>> {
        let small = (-1_000_000i64..1_000_000, 0u32..=9).prop_map(|(m, s)| Decimal::new(m, s));
        let any = (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s));
        prop_oneof![
            proptest::collection::vec(small, 0..60),
            proptest::collection::vec(any, 0..60),
        ]
    }

    proptest! {
        // The same order as comparing the decimals, ties by scale then sign.
        #[test]
        fn sorts_decimals_as_they_compare(mut values in decimals()) {
            let mut expected = values.clone();
            expected.sort_by(|a, b| {
                a.cmp(b)
                    .then(a.scale().cmp(&b.scale()))
                    .then(b.is_sign_negative().cmp(&a.is_sign_negative()))
            });
            sort_decimals(&mut values);
            let repr = |v: &[Decimal]| {
                v.iter()
                    .map(|d| (d.mantissa(), d.scale(), d.is_sign_negative()))
                    .collect::<Vec<_>>()
            };
            prop_assert_eq!(repr(&values), repr(&expected));
        }
    }
}
