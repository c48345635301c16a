//! The per-household step of every theme, on every core.
//!
//! Households are independent until their results are summed by team, and
//! meters until their baselines are listed: each theme maps its households
//! to results with `map`, the batch regression its meters with
//! `indices`. Threads (`std::thread::scope`) take blocks of items in turn
//! and the blocks are joined in input order. The results are the same,
//! value for value and in the same order, as a plain sequential map, and so
//! is the error returned: the first in input order. `core/tests/parallel.rs`
//! checks it on whole reports.
//!
//! How many threads: [`threads`], chosen for a computation with
//! [`with_threads`]. WebAssembly builds (one thread in the browser) and
//! small inputs run sequentially.

use crate::error::{Error, Result};
use crate::{msg, noun};

/// Below this many items per thread, a thread's start costs more than it
/// saves: a household takes a few microseconds, a thread's start tens of
/// them (measured: `benches/benches/energy.rs`, the 190-household sample is
/// no faster on two threads).
#[cfg(not(target_arch = "wasm32"))]
const MIN_ITEMS_PER_THREAD: usize = 1_000;

/// The number of threads the per-household steps may use: the number given
/// to an enclosing [`with_threads`] on this thread; else the
/// `ECODEFI_THREADS` environment variable when it holds a whole number
/// above zero (`1` computes on the calling thread only); else what the
/// system says is available (`std::thread::available_parallelism`), read
/// once per process.
pub fn threads() -> usize {
    #[cfg(target_arch = "wasm32")]
    {
        1
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        static DEFAULT: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
        CHOSEN.with(std::cell::Cell::get).unwrap_or_else(|| {
            *DEFAULT.get_or_init(|| {
                std::env::var("ECODEFI_THREADS")
                    .ok()
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .filter(|&n| n > 0)
                    .or_else(|| std::thread::available_parallelism().ok().map(usize::from))
                    .unwrap_or(1)
            })
        })
    }
}

/// The threads a caller asks for (a binding's or [`crate::regression::fit_many`]'s
/// `threads` argument): `None` is [`threads`], a number is that many.
///
/// # Errors
/// [`Error::InvalidValue`] at path `threads` for zero.
///
/// # Example
/// ```
/// use ecodefi::parallel::{asked_threads, threads};
/// assert_eq!(asked_threads(Some(3))?, 3);
/// assert_eq!(asked_threads(None)?, threads());
/// assert_eq!(asked_threads(Some(0)).unwrap_err().code(), "invalid_value");
/// # Ok::<(), ecodefi::Error>(())
/// ```
pub fn asked_threads(asked: Option<usize>) -> Result<usize> {
    match asked {
        Some(0) => {
            Err(Error::invalid(noun!("threads"), 0, msg!("must be at least 1")).at_path("threads"))
        }
        Some(n) => Ok(n),
        None => Ok(threads()),
    }
}

thread_local! {
    /// The number of threads chosen by [`with_threads`] on this thread.
    static CHOSEN: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// Runs `f` with the per-household steps it starts on this thread using at
/// most `threads` threads (at least one), then restores the previous
/// choice:
///
/// ```
/// # let data = ecodefi::synthetic::generate(Default::default())?;
/// let sequential = ecodefi::parallel::with_threads(1, || ecodefi::compute(&data))?;
/// assert_eq!(sequential, ecodefi::compute(&data)?);
/// # Ok::<(), ecodefi::Error>(())
/// ```
pub fn with_threads<R>(threads: usize, f: impl FnOnce() -> R) -> R {
    /// Puts the previous choice back, also when `f` panics.
    struct Restore(Option<usize>);
    impl Drop for Restore {
        fn drop(&mut self) {
            CHOSEN.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(CHOSEN.with(|c| c.replace(Some(threads.max(1)))));
    f()
}

/// `items.iter().map(f).collect::<Result<Vec<_>>>()`, on up to
/// [`threads`] threads.
///
/// # Errors
/// The first error of `f` in input order.
pub(crate) fn map<T: Sync, R: Send>(
    items: &[T],
    f: &(dyn Fn(&T) -> Result<R> + Sync),
) -> Result<Vec<R>> {
    map_on(threads(), items, f)
}

/// [`map`] on at most `threads` threads.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn map_on<T: Sync, R: Send>(
    threads: usize,
    items: &[T],
    f: &(dyn Fn(&T) -> Result<R> + Sync),
) -> Result<Vec<R>> {
    let threads = threads.min(items.len() / MIN_ITEMS_PER_THREAD).max(1);
    // Every item is computed (an error is rare), then the results are
    // read in input order, up to the first error.
    let results: Vec<Option<Result<R>>> = indices(items.len(), threads, &|i| items.get(i).map(f));
    results.into_iter().flatten().collect()
}

/// `(0..n).map(f)` on up to `threads` scoped threads, in order. Threads
/// take blocks of [`BLOCK`] indices from a shared counter, so a slow item
/// (a meter with many candidates, a household with many meters) does not
/// hold the others back; the blocks are put back in order at the end.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn indices<T: Send>(
    n: usize,
    threads: usize,
    f: &(dyn Fn(usize) -> T + Sync),
) -> Vec<T> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let threads = threads.min(n.div_ceil(BLOCK));
    if threads <= 1 {
        return (0..n).map(f).collect();
    }
    let counter = AtomicUsize::new(0);
    let mut blocks: Vec<(usize, Vec<T>)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let first = counter.fetch_add(BLOCK, Ordering::Relaxed);
                        if first >= n {
                            break done;
                        }
                        let end = (first + BLOCK).min(n);
                        done.push((first, (first..end).map(f).collect::<Vec<T>>()));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    blocks.sort_unstable_by_key(|&(first, _)| first);
    blocks.into_iter().flat_map(|(_, b)| b).collect()
}

/// In WebAssembly, one thread: the sequential map, in the least code (the
/// modules have size budgets).
#[cfg(target_arch = "wasm32")]
pub(crate) fn map_on<T: Sync, R: Send>(
    _threads: usize,
    items: &[T],
    f: &(dyn Fn(&T) -> Result<R> + Sync),
) -> Result<Vec<R>> {
    items.iter().map(f).collect()
}

/// In WebAssembly, one thread: the sequential map (and no thread code in
/// the module). Only the batch regression uses it there.
#[cfg(all(target_arch = "wasm32", feature = "regression"))]
pub(crate) fn indices<T: Send>(
    n: usize,
    _threads: usize,
    f: &(dyn Fn(usize) -> T + Sync),
) -> Vec<T> {
    (0..n).map(f).collect()
}

/// Items a thread takes at a time: tens of households or meters, a few
/// hundred microseconds of work, so that the shared counter is touched
/// rarely.
#[cfg(not(target_arch = "wasm32"))]
const BLOCK: usize = 32;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::noun;
    use proptest::prelude::*;

    /// Doubles a number, and fails on multiples of `bad` naming the number.
    fn double(bad: u32) -> impl Fn(&u32) -> Result<u64> + Sync {
        move |&x| {
            if bad > 0 && x % bad == 0 {
                Err(Error::overflow(noun!("consumption")).at_path(format!("n{x}")))
            } else {
                Ok(u64::from(x) * 2)
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        // The same values, order and first error as the sequential map,
        // whatever the number of threads.
        #[test]
        fn same_as_sequential(len in 0usize..5_000, bad in 0u32..4_000, threads in 1usize..6) {
            let items: Vec<u32> = (1..=u32::try_from(len).unwrap()).collect();
            let f = double(bad);
            let sequential: Result<Vec<u64>> = items.iter().map(&f).collect();
            prop_assert_eq!(map_on(threads, &items, &f), sequential);
        }
    }

    #[test]
    fn the_first_error_in_input_order() {
        // 4 000 items on 4 threads taking blocks of 32 in turn; errors at
        // 1 500 and 3 000: the first is returned, whichever thread finds
        // its error first.
        let items: Vec<u32> = (1..=4_000).collect();
        let f = |&x: &u32| -> Result<u32> {
            if x == 1_500 || x == 3_000 {
                Err(Error::overflow(noun!("consumption")).at_path(format!("n{x}")))
            } else {
                Ok(x)
            }
        };
        let e = map_on(4, &items, &f).unwrap_err();
        assert!(e.to_string().contains("n1500"), "{e}");
    }
}
