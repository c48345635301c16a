//! Writes the shipped samples of the water, waste, food and mobility
//! themes, `core/examples/data/<theme>/challenge.json`: synthetic but
//! realistic challenges, deterministic (seed 2026, SplitMix64), each with a
//! few households that have the data problems organisers meet.
//!
//! The models (all **[design]**, for demonstration; the sample is no
//! survey):
//! - water: 40 households, 100–170 L per person per day in spring 2025
//!   (regional figures range from ~109 to ~228 L, DOMAIN.md §4), about 8 %
//!   less in spring 2026 (spread ±6 points), monthly readings in m³;
//! - waste: 60 households, weekly weighings of residual (~4.5 kg per person
//!   per week, ~235 kg per person per year), packaging, glass and biowaste
//!   over a 4-week reference and two challenge periods of 4 and 6 weeks;
//!   about −26 % of residual waste (DOMAIN.md §1's typical result);
//! - food: 24 households, three 14-day surveys, organic share of spending
//!   ~24 % rising toward ~33 %, local share ~20 % toward ~30 %, at a nearly
//!   constant cost per meal;
//! - mobility: 30 households, weekly diaries over two weeks before and two
//!   weeks during the challenge, car share of trips ~68 % falling toward
//!   ~46 % (DOMAIN.md §1).
//!
//! The waste sample is also written as the spreadsheet files an organiser
//! of a zero-waste challenge keeps (`core/examples/data/zero-dechet/`:
//! `foyers.csv`, `equipes.csv`, `pesees.csv`, `defi.csv`, French style),
//! shaped like the Sud-Artois challenge (DOMAIN.md §1: 60 households, a
//! reference month, then challenge months). Its files read back as the
//! same challenge. A Déclics challenge with energy, water and waste
//! together is written the same way to `core/examples/data/declics/`
//! (see [`declics`]).
//!
//! Run: `cargo run --example generate_theme_samples`
// Synthetic data from small floats and counts: the casts cannot wrap.
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss
)]

use std::path::Path;
use std::str::FromStr;

use ecodefi::challenge::{Challenge, OrganiserKind, Team, Theme};
use ecodefi::date::date;
use ecodefi::date::{date_of, day_number};
use ecodefi::food::{Channel, Purchase, Survey};
use ecodefi::household::{Occupancy, PresenceChange};
use ecodefi::meter::{MeterEvent, Reading};
use ecodefi::mobility::{Mode, Trip};
use ecodefi::waste::{Stream, Weighing};
use ecodefi::water::{WaterMeter, WaterUnit};
use ecodefi::{
    ChallengeData, Date, Decimal, Euros, Household, HouseholdId, Kg, Km, MeterId, Occupants,
    Period, Ratio, TeamId,
};

type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// SplitMix64 (Steele, Lea & Flood 2014).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn uniform(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.uniform()
    }
    fn int(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % ((hi - lo + 1) as u64)) as i64
    }
    fn chance(&mut self, p: f64) -> bool {
        self.uniform() < p
    }
}

fn dec(x: f64, places: usize) -> Res<Decimal> {
    Ok(Decimal::from_str(&format!("{x:.places$}"))?)
}

fn day(d: Date, n: i64) -> Res<Date> {
    Ok(date_of(day_number(d) + i32::try_from(n)?)?)
}

const TEAM_NAMES: [&str; 6] = [
    "Les Terrils",
    "La Deûle",
    "Les Beffrois",
    "Le Marais",
    "Les Courées",
    "La Citadelle",
];

fn challenge(
    name: &str,
    theme: Theme,
    kind: OrganiserKind,
    periods: (Period, Period),
    teams: usize,
) -> Res<Challenge> {
    Ok(Challenge {
        name: name.into(),
        territory: "Métropole Européenne de Lille".into(),
        organiser_kind: kind,
        themes: vec![theme],
        reference_period: periods.0,
        challenge_period: periods.1,
        objective: Ratio::new(Decimal::new(10, 2)),
        teams: TEAM_NAMES
            .iter()
            .take(teams)
            .enumerate()
            .map(|(i, n)| {
                Ok(Team {
                    id: TeamId::new(format!("T{}", i + 1))?,
                    name: (*n).into(),
                    captain: None,
                })
            })
            .collect::<Res<_>>()?,
        weather_station: None,
    })
}

/// A household of 1–2 adults and 0–3 children; one in eight has a child
/// leaving or arriving on `change_on`.
fn household(
    rng: &mut Rng,
    prefix: &str,
    i: usize,
    teams: usize,
    change_on: Date,
) -> Res<Household> {
    let adults = if rng.chance(0.3) { 1 } else { 2 };
    let children: Vec<u8> = (0..rng.int(0, 3)).map(|_| rng.int(1, 17) as u8).collect();
    let occupants = Occupants::new(adults, children.clone())?;
    let mut h = Household::new(
        HouseholdId::new(format!("{prefix}{:02}", i + 1))?,
        TeamId::new(format!("T{}", i % teams + 1))?,
        occupants.clone(),
    );
    if rng.chance(0.125) {
        let mut after = children;
        if after.pop().is_none() {
            after.push(0); // a birth
        }
        h.occupancy = Occupancy::new(
            occupants,
            vec![PresenceChange {
                from: change_on,
                occupants: Occupants::new(adults, after)?,
            }],
        )?;
    }
    Ok(h)
}

fn persons(h: &Household, on: Date) -> f64 {
    f64::from(h.occupancy.on(on).persons())
}

fn write(theme: &str, data: &ChallengeData) -> Res<()> {
    ChallengeData::from_json(&data.to_json()?)?; // what we ship reads back
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/data")
        .join(theme)
        .join("challenge.json");
    std::fs::write(&path, data.to_json()? + "\n")?;
    eprintln!("wrote {}", path.display());
    Ok(())
}

/// Writes `data` as spreadsheet files in `core/examples/data/<dir>/`, each
/// under its table's French name, in the French style, with its settings
/// table `defi.csv`; checks that they read back as the same challenge.
fn sheets(dir: &str, data: &ChallengeData) -> Res<()> {
    use ecodefi::table::write::{input_tables, settings_table, CsvStyle};
    use ecodefi::table::{Source, Table, Tables};
    let out = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/data")
        .join(dir);
    std::fs::create_dir_all(&out)?;
    let texts = input_tables(
        &data.households,
        &data.challenge.teams,
        data.temperatures.as_ref(),
        CsvStyle::FRENCH,
    );
    let mut settings = settings_table(&data.challenge, &data.options, CsvStyle::FRENCH)?;
    if !data.challenge.themes.contains(&Theme::Energy) {
        // The energy options, at their defaults, are no business of this
        // challenge's organiser.
        const ENERGY: &[&str] = &[
            "correction;",
            "basis;",
            "mixed_heating_share;",
            "estimate_share_from_summer;",
            "min_summer_days;",
            "max_extrapolation_days;",
            "max_gap_days;",
            "degree_day_",
        ];
        let kept: Vec<&str> = settings
            .lines()
            .filter(|l| !ENERGY.iter().any(|k| l.starts_with(k)))
            .collect();
        settings = kept.join("\n") + "\n";
    }
    let mut files: Vec<(String, String)> = vec![("defi.csv".into(), in_french(&settings)?)];
    for source in texts.files() {
        let table = Table::of_file(source.name).ok_or("a written table has its own name")?;
        let french = table.file_stems().get(1).copied().unwrap_or(table.as_str());
        files.push((format!("{french}.csv"), in_french(source.text)?));
    }
    for (name, text) in &files {
        std::fs::write(out.join(name), text)?;
    }
    let sources: Vec<Source<'_>> = files.iter().map(|(n, t)| Source::new(n, t)).collect();
    let back = Tables::from_files(&sources)?.challenge_data_from_tables()?;
    if back != *data {
        return Err(format!("the files of {dir} do not read back as the challenge").into());
    }
    eprintln!("wrote {} ({} files)", out.display(), files.len());
    Ok(())
}

/// English header names and setting keys, and the French aliases the
/// reader accepts for them.
const NAMES: &[(&str, &str)] = &[
    ("setting", "paramètre"),
    ("value", "valeur"),
    ("household", "foyer"),
    ("team", "équipe"),
    ("name", "nom"),
    ("captain", "capitaine"),
    ("adults", "adultes"),
    ("children_ages", "âges_enfants"),
    ("surface", "surface_m2"),
    ("from", "à_partir_du"),
    ("stream", "flux"),
    ("kg", "poids"),
    ("meter", "compteur"),
    ("carrier", "énergie"),
    ("unit", "unité"),
    ("kwh_per_unit", "coefficient"),
    ("heating_share", "part_chauffage"),
    ("quantity", "quantité"),
    ("kind", "type"),
    ("first", "début"),
    ("last", "fin"),
    ("old_final", "ancien_index"),
    ("new_initial", "nouvel_index"),
    ("modulus", "modulo"),
    ("tn", "tmin"),
    ("tx", "tmax"),
    ("territory", "territoire"),
    ("organiser_kind", "organisateur"),
    ("themes", "thèmes"),
    ("reference_first", "début_référence"),
    ("reference_last", "fin_référence"),
    ("challenge_first", "début_défi"),
    ("challenge_last", "fin_défi"),
    ("objective", "objectif"),
    ("correction", "correction_climatique"),
    ("basis", "base"),
    ("mixed_heating_share", "part_chauffage_mixte"),
    ("estimate_share_from_summer", "estimer_part_été"),
    ("min_summer_days", "jours_été_min"),
    ("max_extrapolation_days", "extrapolation_max_jours"),
    ("max_gap_days", "lacune_max_jours"),
    ("degree_day_method", "méthode_dju"),
    ("degree_day_base", "base_dju"),
    ("waste_reference_first", "début_référence_déchets"),
    ("waste_reference_last", "fin_référence_déchets"),
    ("waste_challenge_periods", "périodes_défi_déchets"),
];
/// Cells below the header: names of streams, themes, carriers…
const VALUES: &[(&str, &str)] = &[
    ("residual", "ordures ménagères"),
    ("packaging", "emballages"),
    ("glass", "verre"),
    ("biowaste", "biodéchets"),
    ("waste", "déchets"),
    ("local_authority", "collectivité"),
    ("energy", "énergie"),
    ("water", "eau"),
    ("electricity", "électricité"),
    ("natural_gas", "gaz"),
    ("fuel_oil", "fioul"),
    ("pellets", "granulés"),
    ("logs", "bois"),
    ("mixed", "mixte"),
    ("heating_only", "chauffage"),
    ("no_heating", "hors_chauffage"),
    ("replacement", "remplacement"),
    ("rollover", "remise_a_zero"),
];

/// A written table as a French organiser's spreadsheet has it: French
/// column names and setting keys (aliases the reader accepts), days as
/// `dd/mm/yyyy`, streams and organiser kinds by their French names.
fn in_french(text: &str) -> Res<String> {
    use ecodefi::table::csv::{read, write_record};
    use ecodefi::table::Delimiter;
    let french_day = |w: &str| {
        let (day, comma) = w.strip_suffix(',').map_or((w, ""), |d| (d, ","));
        match Date::from_str(day) {
            Ok(d) if day.len() == 10 => {
                format!("{:02}/{:02}/{:04}{comma}", d.day(), d.month(), d.year())
            }
            _ => w.to_owned(),
        }
    };
    let mut out = String::new();
    for (i, record) in read(text, Delimiter::Semicolon)?.iter().enumerate() {
        // The header's names; below it, the values (and the settings
        // table's keys, in its first column).
        let fields: Vec<String> = record
            .fields
            .iter()
            .enumerate()
            .map(|(c, f)| {
                let names = if i == 0 || (c == 0 && record.fields.len() == 2) {
                    NAMES
                } else {
                    VALUES
                };
                match names.iter().find(|(en, _)| en == f) {
                    Some((_, fr)) => (*fr).to_owned(),
                    // Days, alone or in a list of periods; themes listed.
                    None => f
                        .split(' ')
                        .map(|w| match VALUES.iter().find(|(en, _)| *en == w) {
                            Some((_, fr)) => (*fr).to_owned(),
                            None => french_day(w),
                        })
                        .collect::<Vec<_>>()
                        .join(" "),
                }
            })
            .collect();
        write_record(
            &mut out,
            fields.iter().map(String::as_str),
            Delimiter::Semicolon,
        );
    }
    Ok(out)
}

/// A Déclics challenge with energy, water and waste together: the core's
/// synthetic energy challenge (24 households, Lille-like winters, seed
/// 2027, with its data problems), each household also reading its water
/// meter about monthly over both winters (100–170 L per person per day,
/// about 6 % less during the challenge) and weighing its waste weekly
/// during a November reference month and the challenge (residual ~4.5 kg
/// per person per week, about −20 %); one household never gave its water
/// meter, one never weighed its waste.
fn declics(rng: &mut Rng) -> Res<ChallengeData> {
    use ecodefi::synthetic::{generate, SyntheticOptions};
    let mut data = generate(SyntheticOptions {
        households: 24,
        seed: 2027,
        problems: true,
    })?;
    data.challenge.name = "Défi Déclics 2025-2026".into();
    data.challenge.territory = "Communauté urbaine d'Arras".into();
    data.challenge.organiser_kind = OrganiserKind::Association;
    data.challenge.themes = vec![Theme::Energy, Theme::Water, Theme::Waste];
    let waste_reference = Period::new(date(2025, 11, 3), date(2025, 11, 30))?;
    let challenge_period = data.challenge.challenge_period;
    data.options.waste.reference_period = Some(waste_reference);
    for (i, h) in data.households.iter_mut().enumerate() {
        let base = rng.range(100.0, 170.0);
        let effort = rng.range(-0.02, 0.12);
        let mut m = WaterMeter::new(MeterId::new("eau")?, WaterUnit::M3);
        let mut index = rng.range(50.0, 900.0);
        for (year, rate) in [(2024, base), (2025, base * (1.0 - effort))] {
            let mut d = day(date(year, 11, 20), rng.int(0, 6))?;
            m.readings.push(Reading {
                date: d,
                value: dec(index, 3)?,
            });
            while d < date(year + 1, 5, 1) {
                let gap = rng.int(27, 34);
                for k in 0..gap {
                    index += rate * persons(h, day(d, k)?) * rng.range(0.85, 1.15) / 1000.0;
                }
                d = day(d, gap)?;
                m.readings.push(Reading {
                    date: d,
                    value: dec(index, 3)?,
                });
            }
            index += rng.range(40.0, 90.0); // summer, unread
        }
        if i != 6 {
            h.water_meters.push(m);
        }
        let rates = [
            (Stream::Residual, rng.range(3.2, 5.8), rng.range(0.05, 0.35)),
            (Stream::Packaging, rng.range(0.9, 2.0), rng.range(0.0, 0.2)),
            (Stream::Glass, rng.range(0.3, 1.0), rng.range(-0.1, 0.1)),
        ];
        for (period, during) in [(waste_reference, false), (challenge_period, true)] {
            for w in 0..i64::from(period.days()) / 7 {
                let sunday = day(period.first(), 7 * w + 6)?;
                if i == 11 {
                    break; // never weighed
                }
                for &(stream, rate, cut) in &rates {
                    let r = if during { rate * (1.0 - cut) } else { rate };
                    let kg = r * persons(h, sunday) * rng.range(0.7, 1.3);
                    h.weighings.push(Weighing {
                        date: sunday,
                        stream,
                        kg: Kg::new(dec(kg, 2)?),
                    });
                }
            }
        }
    }
    Ok(data)
}

fn water(rng: &mut Rng) -> Res<ChallengeData> {
    let periods = (
        Period::new(date(2025, 3, 1), date(2025, 5, 31))?,
        Period::new(date(2026, 3, 1), date(2026, 5, 31))?,
    );
    let c = challenge(
        "Défi Déclics eau 2026",
        Theme::Water,
        OrganiserKind::LocalAuthority,
        periods,
        5,
    )?;
    let mut hs = Vec::new();
    for i in 0..40 {
        let mut h = household(rng, "E", i, 5, date(2026, 4, 1))?;
        let base = rng.range(100.0, 170.0); // L per person per day
        let effort = rng.range(-0.02, 0.14);
        let mut m = WaterMeter::new(MeterId::new("eau")?, WaterUnit::M3);
        let mut index = rng.range(50.0, 900.0);
        for (year, rate) in [(2025, base), (2026, base * (1.0 - effort))] {
            let mut d = day(date(year, 2, 20), rng.int(0, 6))?;
            m.readings.push(Reading {
                date: d,
                value: dec(index, 3)?,
            });
            while d < date(year, 6, 1) {
                let gap = rng.int(27, 34);
                for k in 0..gap {
                    index += rate * persons(&h, day(d, k)?) * rng.range(0.85, 1.15) / 1000.0;
                }
                d = day(d, gap)?;
                m.readings.push(Reading {
                    date: d,
                    value: dec(index, 3)?,
                });
            }
            index += rng.range(20.0, 60.0); // summer to winter, unread
        }
        h.water_meters.push(m);
        hs.push(h);
    }
    // Data problems.
    if let Some(m) = hs.get_mut(3).and_then(|h| h.water_meters.first_mut()) {
        m.readings.truncate(1); // a single reading
    }
    if let Some(m) = hs.get_mut(8).and_then(|h| h.water_meters.first_mut()) {
        if let Some(r) = m.readings.get_mut(2) {
            r.value -= Decimal::from(40); // an index that goes down
        }
    }
    if let Some(m) = hs.get_mut(13).and_then(|h| h.water_meters.first_mut()) {
        m.readings.truncate(m.readings.len() - 2); // stopped before the end
    }
    if let Some(h) = hs.get_mut(21) {
        h.water_meters.clear(); // never gave a meter
    }
    if let Some(m) = hs.get_mut(27).and_then(|h| h.water_meters.first_mut()) {
        // The meter was replaced in April 2026: the new one starts at 0.
        let cut = date(2026, 4, 15);
        let old = m
            .readings
            .iter()
            .filter(|r| r.date < cut)
            .map(|r| r.value)
            .max()
            .unwrap_or_default();
        let first_after = m.readings.iter().find(|r| r.date >= cut).map(|r| r.value);
        if let Some(first_after) = first_after {
            let shift = first_after - Decimal::new(1500, 3);
            for r in m.readings.iter_mut().filter(|r| r.date >= cut) {
                r.value -= shift;
            }
            m.events.push(MeterEvent::Replacement {
                date: cut,
                old_final: old + Decimal::new(700, 3),
                new_initial: Decimal::ZERO,
            });
        }
    }
    Ok(ChallengeData::new(c, hs, None))
}

fn waste(rng: &mut Rng) -> Res<ChallengeData> {
    let reference = Period::new(date(2026, 1, 12), date(2026, 2, 8))?; // 4 weeks
    let parts = vec![
        Period::new(date(2026, 2, 16), date(2026, 3, 15))?, // 4 weeks
        Period::new(date(2026, 3, 23), date(2026, 5, 3))?,  // 6 weeks
    ];
    let c = challenge(
        "Défi familles zéro déchet 2026",
        Theme::Waste,
        OrganiserKind::LocalAuthority,
        (reference, Period::new(date(2026, 2, 16), date(2026, 5, 3))?),
        6,
    )?;
    let mut hs = Vec::new();
    for i in 0..60 {
        let mut h = household(rng, "D", i, 6, date(2026, 3, 1))?;
        let composts = rng.chance(0.3);
        let rates = [
            (Stream::Residual, rng.range(3.2, 5.8), rng.range(0.10, 0.42)),
            (Stream::Packaging, rng.range(0.9, 2.0), rng.range(0.0, 0.2)),
            (Stream::Glass, rng.range(0.3, 1.0), rng.range(-0.1, 0.1)),
            (Stream::Biowaste, rng.range(0.8, 1.6), rng.range(-0.2, 0.1)),
        ];
        for (period, during) in
            std::iter::once((reference, false)).chain(parts.iter().map(|p| (*p, true)))
        {
            let weeks = i64::from(period.days()) / 7;
            for w in 0..weeks {
                let sunday = day(period.first(), 7 * w + 6)?;
                for &(stream, rate, cut) in &rates {
                    if stream == Stream::Biowaste && composts {
                        continue;
                    }
                    if stream == Stream::Glass && rng.chance(0.5) {
                        continue; // glass goes out every other week or so
                    }
                    let r = if during { rate * (1.0 - cut) } else { rate };
                    let kg = r * persons(&h, sunday) * rng.range(0.7, 1.3);
                    h.weighings.push(Weighing {
                        date: sunday,
                        stream,
                        kg: Kg::new(dec(kg, 2)?),
                    });
                }
            }
        }
        hs.push(h);
    }
    // Data problems.
    if let Some(h) = hs.get_mut(4) {
        h.weighings.retain(|w| w.date < date(2026, 2, 16)); // dropped out
    }
    if let Some(h) = hs.get_mut(11) {
        h.weighings.retain(|w| w.date >= date(2026, 2, 16)); // joined late
    }
    if let Some(h) = hs.get_mut(17) {
        h.weighings.clear(); // never weighed
    }
    if let Some(h) = hs.get_mut(29) {
        // Weighed during the break between the two challenge periods.
        h.weighings.push(Weighing {
            date: date(2026, 3, 18),
            stream: Stream::Residual,
            kg: Kg::new(Decimal::new(42, 1)),
        });
    }
    let mut data = ChallengeData::new(c, hs, None);
    data.options.waste.challenge_periods = parts;
    Ok(data)
}

fn food(rng: &mut Rng) -> Res<ChallengeData> {
    let surveys = vec![
        Survey {
            name: "start".into(),
            period: Period::new(date(2026, 1, 12), date(2026, 1, 25))?,
        },
        Survey {
            name: "middle".into(),
            period: Period::new(date(2026, 3, 9), date(2026, 3, 22))?,
        },
        Survey {
            name: "end".into(),
            period: Period::new(date(2026, 5, 4), date(2026, 5, 17))?,
        },
    ];
    let c = challenge(
        "Foyers à alimentation positive 2026",
        Theme::Food,
        OrganiserKind::Association,
        (surveys[0].period, surveys[2].period),
        4,
    )?;
    let mut hs = Vec::new();
    for i in 0..24 {
        let mut h = household(rng, "A", i, 4, date(2026, 4, 1))?;
        let organic0 = rng.range(0.10, 0.38);
        let local0 = rng.range(0.08, 0.32);
        let gain = rng.range(0.0, 0.18);
        for (k, s) in surveys.iter().enumerate() {
            let step = k as f64 / 2.0;
            let p_org = organic0 + gain * step;
            let p_loc = local0 + gain * 0.9 * step;
            for _ in 0..rng.int(10, 20) {
                let d = day(s.period.first(), rng.int(0, 13))?;
                let local = rng.chance(p_loc);
                let channel = if local && rng.chance(0.6) {
                    if rng.chance(0.5) {
                        Channel::Market
                    } else {
                        Channel::Producer
                    }
                } else {
                    match rng.int(0, 9) {
                        0..=6 => Channel::Supermarket,
                        7 | 8 => Channel::Shop,
                        _ => Channel::Online,
                    }
                };
                let n = h.occupancy.on(d).persons();
                let meals = rng.int(1, 5) as u32;
                // About 3.3 € per person-meal, organic a little dearer.
                let organic = rng.chance(p_org);
                let price = rng.range(2.4, 4.2) * if organic { 1.1 } else { 1.0 };
                let amount = price * f64::from(meals) * f64::from(n);
                h.food_purchases.push(Purchase {
                    date: d,
                    amount: Euros::new(dec(amount, 2)?),
                    organic,
                    local,
                    channel,
                    meals,
                    persons: n,
                });
            }
        }
        hs.push(h);
    }
    if let Some(h) = hs.get_mut(5) {
        h.food_purchases.retain(|p| p.date < date(2026, 5, 1)); // no end survey
    }
    if let Some(h) = hs.get_mut(14) {
        h.food_purchases.clear(); // never filled a survey
    }
    let mut data = ChallengeData::new(c, hs, None);
    data.options.food.surveys = surveys;
    Ok(data)
}

fn mobility(rng: &mut Rng) -> Res<ChallengeData> {
    let periods = (
        Period::new(date(2026, 3, 2), date(2026, 3, 15))?,
        Period::new(date(2026, 5, 4), date(2026, 5, 17))?,
    );
    let c = challenge(
        "Défi mobilité entreprises 2026",
        Theme::Mobility,
        OrganiserKind::Company,
        periods,
        5,
    )?;
    let mut hs = Vec::new();
    for i in 0..30 {
        let mut h = household(rng, "M", i, 5, date(2026, 4, 1))?;
        let commute = rng.range(4.0, 25.0); // km one way
        let by_car = rng.range(0.5, 1.0); // share of commutes by car before
        let shift = rng.range(0.15, 0.6); // share of car commutes moved
        for (period, during) in [(periods.0, false), (periods.1, true)] {
            for w in 0..2 {
                let monday = day(period.first(), 7 * w)?;
                let commutes = 10.0 * f64::from(h.occupancy.on(monday).adults());
                let before = (commutes * by_car).round();
                let car_trips = if during {
                    (before * (1.0 - shift)).round()
                } else {
                    before
                };
                let moved = before - car_trips;
                let mut line = |mode, km: f64, trips: f64| -> Res<()> {
                    if trips > 0.0 {
                        h.trips.push(Trip {
                            date: monday,
                            mode,
                            km: Km::new(dec(km, 1)?),
                            trips: trips as u32,
                        });
                    }
                    Ok(())
                };
                line(Mode::Bus, (commutes - before) * commute, commutes - before)?;
                line(Mode::CarAlone, car_trips * commute, car_trips)?;
                if during {
                    let bike = (moved * 0.4).round();
                    let carpool = (moved * 0.3).round();
                    let bus = moved - bike - carpool;
                    line(Mode::Bike, bike * commute.min(8.0), bike)?;
                    line(Mode::Carpool, carpool * commute, carpool)?;
                    line(Mode::Bus, bus * commute, bus)?;
                }
                // Errands and school runs: on foot, by bike, by car.
                let walks = rng.int(3, 8) as f64;
                line(Mode::Walking, walks * rng.range(0.8, 1.6), walks)?;
                let errands = rng.int(2, 5) as f64;
                line(
                    if during && rng.chance(0.5) {
                        Mode::Bike
                    } else {
                        Mode::CarAlone
                    },
                    errands * rng.range(3.0, 8.0),
                    errands,
                )?;
                if rng.chance(0.15) {
                    line(Mode::RegionalTrain, rng.range(40.0, 120.0), 2.0)?;
                }
            }
        }
        hs.push(h);
    }
    if let Some(h) = hs.get_mut(6) {
        h.trips.retain(|t| t.date < date(2026, 5, 1)); // no diary during the challenge
    }
    if let Some(h) = hs.get_mut(19) {
        h.trips.push(Trip {
            date: date(2026, 5, 5),
            mode: Mode::Other,
            km: Km::new(Decimal::new(12, 0)),
            trips: 2,
        }); // a mode with no factor
    }
    if let Some(h) = hs.get_mut(23) {
        h.trips.push(Trip {
            date: date(2026, 4, 10),
            mode: Mode::CarAlone,
            km: Km::new(Decimal::new(30, 0)),
            trips: 2,
        }); // between the periods
    }
    Ok(ChallengeData::new(c, hs, None))
}

fn main() -> Res<()> {
    let mut rng = Rng(2026);
    write("water", &water(&mut rng)?)?;
    let waste = waste(&mut rng)?;
    write("waste", &waste)?;
    sheets("zero-dechet", &waste)?;
    sheets("declics", &declics(&mut Rng(2027))?)?;
    write("food", &food(&mut rng)?)?;
    write("mobility", &mobility(&mut rng)?)?;
    Ok(())
}
