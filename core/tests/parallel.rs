//! Reports computed on several threads are the reports computed on one,
//! value for value and in the same order: the generated energy challenge
//! and each theme's shipped sample, scaled past `parallel`'s threshold
//! (1 000 households per thread) so that 1, 2 and 3 threads really differ
//! in how the households are cut.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use ecodefi::parallel::with_threads;
use ecodefi::synthetic::{generate, repeat_households, SyntheticOptions};
use ecodefi::{compute, ChallengeData};

/// A theme's shipped sample with `copies` copies of each household.
fn scaled(theme: &str, copies: usize) -> ChallengeData {
    let path = format!(
        "{}/examples/data/{theme}/challenge.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let json = std::fs::read_to_string(path).unwrap();
    repeat_households(ChallengeData::from_json(&json).unwrap(), copies).unwrap()
}

fn same_on_any_number_of_threads(data: &ChallengeData) {
    let one = with_threads(1, || compute(data)).unwrap();
    for threads in [2, 3] {
        let many = with_threads(threads, || compute(data)).unwrap();
        assert!(many == one, "{threads} threads differ from one");
    }
    // The serialised reports too, byte for byte.
    let json = |t| {
        with_threads(t, || compute(data))
            .unwrap()
            .to_json()
            .unwrap()
    };
    assert_eq!(json(3), json(1));
}

#[test]
fn energy() {
    let data = generate(SyntheticOptions {
        households: 3_100,
        seed: 11,
        problems: true,
    })
    .unwrap();
    same_on_any_number_of_threads(&data);
}

#[test]
fn themes() {
    for (theme, copies) in [
        ("water", 80),
        ("waste", 55),
        ("food", 130),
        ("mobility", 105),
    ] {
        let data = scaled(theme, copies);
        assert!(data.households.len() > 3_000, "{theme}");
        same_on_any_number_of_threads(&data);
    }
}

#[test]
fn an_error_is_the_first_in_input_order() {
    // Two households whose consumption is the largest decimal (an index
    // from 0 to Decimal::MAX), which overflows once prorated, in the first
    // and the third run of three threads: the error names the first one,
    // as the sequential computation does.
    let mut data = generate(SyntheticOptions {
        households: 3_000,
        seed: 5,
        problems: false,
    })
    .unwrap();
    let mut poison = |i: usize| {
        let id = data.households[i].id.to_string();
        let meter = data.households[i]
            .meters
            .iter_mut()
            .find(|m| m.readings.len() > 1)
            .unwrap();
        meter.readings[0].value = ecodefi::Decimal::ZERO;
        for r in &mut meter.readings[1..] {
            r.value = ecodefi::Decimal::MAX;
        }
        id
    };
    let (first, _) = (poison(400), poison(2_600));
    let error = |threads| match with_threads(threads, || compute(&data)) {
        Ok(_) => panic!("no error on {threads} thread(s)"),
        Err(e) => e,
    };
    let (one, three) = (error(1), error(3));
    assert_eq!(one.code(), "overflow");
    assert_eq!(three, one);
    assert!(one.to_string().contains(&first), "{one}");
}
