//! Stable orders, through one instantiation of the standard library's
//! stable sort.
//!
//! Each `sort_by_key` with its own closure or element type is compiled anew,
//! 4 to 5 KB of WebAssembly each, and the small module of the browser page
//! has a 300 KB budget (issue 5): so the core sorts *indices* with a
//! comparison given as a trait object, here, and moves items once sorted.

use std::cmp::Ordering;

/// The indices `0..len` in the order `compare` gives their items; equal
/// items keep their order (a stable sort).
pub(crate) fn stable_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        // The same as the standard stable sort by key.
        #[test]
        fn is_a_stable_sort(keys in proptest::collection::vec(0u8..6, 0..40)) {
            let order = stable_order(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
            let items: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|&(k, _)| k);
            prop_assert_eq!(reorder(items, &order), expected);
        }
    }
}
