//! Provisional results: a challenge computed as of a day of its period is
//! the same challenge whose period ends that day and whose measurements
//! stop that day, marked provisional.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use ecodefi::date::{date, Date};
use ecodefi::exclusion::ExclusionCode;
use ecodefi::provisional::{last_data_day, AsOf};
use ecodefi::{compute, compute_as_of, ChallengeData, Period, Report};

fn energy_sample() -> ChallengeData {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/energy/challenge.json"
    ))
    .unwrap();
    ChallengeData::from_json(&json).unwrap()
}

/// The measurements known on the evening of `day`, written out here
/// independently of the library: index readings, events and stocks of the
/// next morning at the latest (a reading dated D is the index at the start
/// of D), bills ended, deliveries, weighings, purchases and trips of that
/// day at the latest.
fn stop_data(data: &mut ChallengeData, day: Date) {
    let next = day.add_days(1).unwrap();
    for h in &mut data.households {
        for m in &mut h.meters {
            m.readings.retain(|r| r.date <= next);
            m.events.retain(|e| e.date() <= next);
            m.stock.retain(|s| s.date <= next);
            m.bills.retain(|b| b.period.last() <= day);
            m.deliveries.retain(|d| d.date <= day);
        }
        for m in &mut h.water_meters {
            m.readings.retain(|r| r.date <= next);
            m.events.retain(|e| e.date() <= next);
            m.bills.retain(|b| b.period.last() <= day);
        }
        h.weighings.retain(|w| w.date <= day);
        h.food_purchases.retain(|p| p.date <= day);
        h.trips.retain(|t| t.date <= day);
    }
}

/// The same challenge with its period ending on `day` (and, for the
/// Déclics sample, waste's own reference period unchanged: it is not a
/// challenge period).
fn end_period(data: &mut ChallengeData, day: Date) {
    let p = data.challenge.challenge_period;
    data.challenge.challenge_period = Period::new(p.first(), day).unwrap();
}

/// The provisional report without its provisional mark: what the final
/// report of the truncated challenge must be, field by field.
fn unmarked(mut r: Report) -> Report {
    let mark = r.provisional.take().expect("provisional").mark();
    let strip = |h: &mut String| {
        assert!(h.starts_with(&mark), "{h}");
        h.replace_range(..mark.len(), "");
    };
    if let Some(e) = &mut r.energy {
        strip(&mut e.headline);
    }
    #[cfg(feature = "themes")]
    {
        if let Some(w) = &mut r.water {
            strip(&mut w.headline);
        }
        if let Some(w) = &mut r.waste {
            strip(&mut w.headline);
        }
        if let Some(f) = &mut r.food {
            strip(&mut f.headline);
        }
        if let Some(m) = &mut r.mobility {
            strip(&mut m.headline);
        }
    }
    r
}

#[test]
fn mid_winter_equals_a_challenge_ending_that_day() {
    let day = date(2026, 2, 15);
    // A challenge whose data stop mid-way, as on 15 February.
    let mut running = energy_sample();
    stop_data(&mut running, day);
    let mut ended = running.clone();
    end_period(&mut ended, day);

    let provisional = compute_as_of(&running, AsOf::Day(day)).unwrap();
    let p = provisional.provisional.clone().unwrap();
    assert_eq!(p.as_of, day);
    assert!(!p.last_data);
    // 1–31 December, 1–31 January, 1–15 February; 1 December to 30 April.
    assert_eq!((p.elapsed_days, p.total_days), (31 + 31 + 15, 151));
    assert_eq!(
        p.challenge_period,
        Period::new(date(2025, 12, 1), date(2026, 4, 30)).unwrap()
    );
    assert_eq!(
        provisional.challenge.challenge_period,
        Period::new(date(2025, 12, 1), day).unwrap()
    );
    let headline = provisional.headline();
    assert!(
        headline.starts_with("Résultats provisoires au 15 février 2026\u{a0}: "),
        "{headline}"
    );

    let expected = compute(&ended).unwrap();
    let got = unmarked(provisional);
    let (e, g) = (
        expected.energy.as_ref().unwrap(),
        got.energy.as_ref().unwrap(),
    );
    assert_eq!(g.totals, e.totals);
    assert_eq!(g.teams, e.teams);
    assert_eq!(g.households, e.households);
    assert_eq!(g.headline, e.headline);
    assert_eq!(got, expected);
    // The full data give the same: what came after the day is not used.
    let from_full = unmarked(compute_as_of(&energy_sample(), AsOf::Day(day)).unwrap());
    assert_eq!(from_full, expected);
    // And it is not the final result.
    let fin = compute(&energy_sample()).unwrap();
    assert_ne!(fin.energy.unwrap().totals, e.totals);
    // The reference is brought to the 77 elapsed days: degree-days of the
    // challenge are those of 1 December to 15 February only.
    assert_ne!(
        e.challenge_degree_days,
        compute(&energy_sample())
            .unwrap()
            .energy
            .unwrap()
            .challenge_degree_days
    );
}

#[test]
fn a_household_without_data_yet_is_listed_with_its_reason() {
    let day = date(2026, 2, 15);
    let mut data = energy_sample();
    // F00001's last reading before the day is on 14 January (the next ones
    // have not come yet).
    let h = data
        .households
        .iter_mut()
        .find(|h| h.id.as_str() == "F00001")
        .unwrap();
    h.meters[0].readings.retain(|r| r.date <= date(2026, 1, 14));
    let report = compute_as_of(&data, AsOf::Day(day)).unwrap();
    let energy = report.energy.unwrap();
    let f1 = energy
        .households
        .iter()
        .find(|h| h.household.as_str() == "F00001")
        .unwrap();
    assert_eq!(f1.exclusions.len(), 1, "{:?}", f1.exclusions);
    let x = &f1.exclusions[0];
    assert_eq!(x.code, ExclusionCode::PeriodNotCovered);
    assert_eq!(
        x.meter.as_ref().map(ecodefi::MeterId::as_str),
        Some("chauffage")
    );
    // The readings end at the start of 14 January; the elapsed period at
    // the end of 15 February: 33 days (17 in January, 16 in February).
    // (The detail's text is being moved to the catalogue by another
    // change: only its figure is checked here.)
    assert!(
        x.detail
            .contains("the measurements end 33 days before it does"),
        "{}",
        x.detail
    );
    // Every household is still there.
    assert_eq!(energy.households.len(), data.households.len());
    // In the final results F00001 is counted.
    let fin = compute(&energy_sample()).unwrap().energy.unwrap();
    let f1 = fin
        .households
        .iter()
        .find(|h| h.household.as_str() == "F00001")
        .unwrap();
    assert!(f1.exclusions.is_empty());
}

#[test]
fn last_data_is_the_last_day_every_household_covers() {
    // Computed by hand from the sample: F00146's readings stop on
    // 12 December 2025 (it covers up to 11 December), every other household
    // with data in the challenge period covers a later day (F00008 up to
    // 12 December, the pellet households up to their delivery of
    // 15 January, the others up to May 2026).
    let data = energy_sample();
    assert_eq!(last_data_day(&data).unwrap(), date(2025, 12, 11));
    // Without those two, the pellet households' deliveries of 15 January.
    let mut data = energy_sample();
    data.households
        .retain(|h| !["F00008", "F00146"].contains(&h.id.as_str()));
    assert_eq!(last_data_day(&data).unwrap(), date(2026, 1, 15));
    let report = compute_as_of(&data, AsOf::LastData).unwrap();
    let p = report.provisional.as_ref().unwrap();
    assert_eq!(
        (p.as_of, p.last_data, p.elapsed_days),
        (date(2026, 1, 15), true, 46)
    );
    assert!(report
        .headline()
        .starts_with("Résultats provisoires au 15 janvier 2026\u{a0}: "));
    // With data to the end, the last day of the challenge period.
    data.households.retain(|h| {
        h.meters
            .iter()
            .all(|m| m.deliveries.is_empty() && m.stock.is_empty())
    });
    assert_eq!(last_data_day(&data).unwrap(), date(2026, 4, 30));
    // A household with no measurement in the challenge period is not
    // waited for: F00008 covers up to 12 December.
    let mut data = energy_sample();
    data.households.retain(|h| h.id.as_str() != "F00146");
    stop_data(&mut data, date(2026, 1, 31));
    let f8 = data
        .households
        .iter_mut()
        .find(|h| h.id.as_str() == "F00008")
        .unwrap();
    f8.meters[0]
        .readings
        .retain(|r| r.date <= date(2025, 12, 1));
    // F00008 now covers up to 30 November: not in the challenge period.
    // The others' last readings on or before 1 February: the earliest
    // household is one whose meters were all last read on 20 January or
    // so — computed independently below.
    let expected = data
        .households
        .iter()
        .filter_map(|h| {
            let mut days: Vec<Date> = Vec::new();
            for m in &h.meters {
                days.extend(m.readings.iter().map(|r| r.date.add_days(-1).unwrap()));
                days.extend(m.stock.iter().map(|s| s.date.add_days(-1).unwrap()));
                days.extend(m.deliveries.iter().map(|d| d.date));
            }
            days.into_iter().max()
        })
        .filter(|d| *d >= date(2025, 12, 1))
        .min()
        .unwrap();
    assert_eq!(last_data_day(&data).unwrap(), expected);
    assert_eq!(expected, date(2026, 1, 15));
}

#[test]
fn the_default_day_is_last_data_while_the_challenge_runs() {
    use ecodefi::provisional::{default_as_of, latest_data_day};
    // The sample's data reach 3 May 2026 (readings of 4 May): final results.
    let data = energy_sample();
    assert_eq!(latest_data_day(&data), Some(date(2026, 5, 3)));
    assert_eq!(default_as_of(&data), None);
    // Data that stop on 15 February: the last day every household covers.
    let mut running = energy_sample();
    running
        .households
        .retain(|h| !["F00008", "F00146"].contains(&h.id.as_str()));
    stop_data(&mut running, date(2026, 2, 15));
    assert_eq!(latest_data_day(&running), Some(date(2026, 2, 15)));
    assert_eq!(default_as_of(&running), Some(date(2026, 1, 15)));
}

#[test]
fn days_outside_the_challenge_period_are_refused() {
    let data = energy_sample();
    let before = compute_as_of(&data, AsOf::Day(date(2025, 11, 30))).unwrap_err();
    assert_eq!(before.code(), "invalid_value");
    assert_eq!(
        before.to_string(),
        "invalid as-of day (got 2025-11-30): the as-of day is before the challenge period, \
         which starts on 2025-12-01 at `challenge.challenge_period`"
    );
    assert_eq!(
        before.message(ecodefi::message::Lang::Fr),
        "valeur invalide pour date des résultats provisoires (reçu 2025-11-30)\u{a0}: \
         cette date précède la période du défi, qui commence le 1er décembre 2025 \
         («\u{a0}challenge.challenge_period\u{a0}»)"
    );
    let after = compute_as_of(&data, AsOf::Day(date(2026, 5, 1))).unwrap_err();
    assert_eq!(
        after.to_string(),
        "invalid as-of day (got 2026-05-01): the as-of day is after the challenge period, \
         which ends on 2026-04-30 at `challenge.challenge_period`"
    );
    // The first and the last day are in it.
    assert!(compute_as_of(&data, AsOf::Day(date(2025, 12, 1))).is_ok());
    let last = compute_as_of(&data, AsOf::Day(date(2026, 4, 30))).unwrap();
    // On the last day, the readings of 2 May and later are not known
    // yet: the same as the final results of data that stop on 1 May.
    let mut stopped = energy_sample();
    stop_data(&mut stopped, date(2026, 4, 30));
    assert_eq!(unmarked(last), compute(&stopped).unwrap());
    // No household with measurements in the challenge period.
    let mut none = energy_sample();
    stop_data(&mut none, date(2025, 11, 29));
    let e = compute_as_of(&none, AsOf::LastData).unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid as-of day (got last_data): no household has measurements in the challenge \
         period 2025-12-01 to 2026-04-30 at `challenge.challenge_period`"
    );
}

/// The Déclics sample (energy, water, waste), read from its spreadsheet
/// files.
#[cfg(feature = "themes")]
fn declics() -> ChallengeData {
    use ecodefi::table::{Source, Tables};
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/declics/");
    let names = [
        "compteurs.csv",
        "defi.csv",
        "equipes.csv",
        "foyers.csv",
        "livraisons.csv",
        "pesees.csv",
        "releves.csv",
        "stocks.csv",
        "températures.csv",
    ];
    let texts: Vec<String> = names
        .iter()
        .map(|n| std::fs::read_to_string(format!("{dir}{n}")).unwrap())
        .collect();
    let files: Vec<Source<'_>> = names
        .iter()
        .zip(&texts)
        .map(|(n, t)| Source::new(n, t))
        .collect();
    Tables::from_files(&files)
        .unwrap()
        .challenge_data_from_tables()
        .unwrap()
}

#[test]
#[cfg(feature = "themes")]
fn themes_as_of_a_day() {
    let day = date(2026, 1, 31);
    let data = declics();
    let report = compute_as_of(&data, AsOf::Day(day)).unwrap();
    let headline = report.headline();
    let lines: Vec<&str> = headline.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines
        .iter()
        .all(|l| l.starts_with("Résultats provisoires au 31 janvier 2026\u{a0}: ")));
    let mut ended = data.clone();
    stop_data(&mut ended, day);
    end_period(&mut ended, day);
    let expected = compute(&ended).unwrap();
    let got = unmarked(report);
    assert_eq!(got.water, expected.water);
    assert_eq!(got.waste, expected.waste);
    assert_eq!(got, expected);
    // Waste's weighings after 31 January are not counted: the households'
    // challenge figures differ from the final ones.
    let fin = compute(&data).unwrap();
    assert_ne!(fin.waste, got.waste);
}

mod property {
    use super::*;
    use ecodefi::synthetic::{generate, SyntheticOptions};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        /// For any as-of day of the challenge period, the provisional
        /// report is the final report of the challenge ending that day.
        #[test]
        fn provisional_is_truncated(offset in 0i32..151, seed in 0u64..1000, problems: bool) {
            let data = generate(SyntheticOptions { households: 10, seed, problems }).unwrap();
            let p = data.challenge.challenge_period;
            let day = p.first().add_days(offset % p.days()).unwrap();
            let got = compute_as_of(&data, AsOf::Day(day));
            let mut ended = data.clone();
            stop_data(&mut ended, day);
            end_period(&mut ended, day);
            let expected = compute(&ended);
            match (got, expected) {
                (Ok(g), Ok(e)) => prop_assert_eq!(unmarked(g), e),
                (Err(g), Err(e)) => prop_assert_eq!(g, e),
                (g, e) => prop_assert!(false, "{:?} vs {:?}", g.map(|_| ()), e.map(|_| ())),
            }
        }
    }
}
