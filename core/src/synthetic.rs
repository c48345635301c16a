//! Synthetic but realistic energy challenges, for the shipped sample, the
//! benchmarks and the tests of every language. Deterministic: the same
//! options give the same challenge, byte for byte.
//!
//! The model: a Lille-like climate (daily mean 3.5 °C in mid-January,
//! 18.5 °C in mid-July, day-to-day anomalies with memory, a diurnal range of
//! 6 to 10 °C); each household has a base load per day and a heating need
//! per degree-day, and cuts both by its own effort during the challenge
//! (about 11 % on average). Readings are fortnightly, from about 1 December
//! to 1 May, in the previous winter (the reference) and in the challenge
//! winter. With `problems`, a few households have the data problems
//! organisers meet: too few readings, an index that goes down, readings that
//! stop early, a duplicated reading, a meter replaced or rolled over.

use crate::date::{date, Date};
use rust_decimal::prelude::FromPrimitive;
use rust_decimal::Decimal;

use crate::challenge::{Challenge, OrganiserKind, Team, Theme, DEFAULT_OBJECTIVE};
use crate::data::ChallengeData;
use crate::date::{date_of, day_number};
use crate::error::{Error, Result};
use crate::household::{Household, Occupants};
use crate::id::{HouseholdId, MeterId, TeamId};
use crate::meter::{Carrier, Delivery, Meter, MeterEvent, Reading, StockEstimate, Unit, Usage};
use crate::period::Period;
use crate::weather::{DailyTemperature, Temperatures};
use crate::{msg, noun};

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyntheticOptions {
    /// The number of households.
    pub households: usize,
    /// The random seed.
    pub seed: u64,
    /// Whether some households have data problems.
    pub problems: bool,
}

impl Default for SyntheticOptions {
    /// The shipped sample: 190 households, seed 2026, with problems.
    fn default() -> Self {
        SyntheticOptions {
            households: 190,
            seed: 2026,
            problems: true,
        }
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): small, fast, and good enough for
/// synthetic data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    #[allow(clippy::cast_precision_loss)]
    fn uniform(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.uniform()
    }

    /// An integer in `lo ..= hi`.
    fn int(&mut self, lo: i64, hi: i64) -> i64 {
        let span = u64::try_from(hi - lo + 1).unwrap_or(1);
        lo + i64::try_from(self.next() % span).unwrap_or(0)
    }

    /// Standard normal (Box–Muller).
    fn normal(&mut self) -> f64 {
        let u = 1.0 - self.uniform();
        let v = self.uniform();
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}

fn dec(x: f64, places: u32) -> Decimal {
    Decimal::from_f64(x).unwrap_or_default().round_dp(places)
}

const TEAM_NAMES: [&str; 24] = [
    "Wazemmes",
    "Fives",
    "Moulins",
    "Vauban",
    "Saint-Maurice",
    "Bois-Blancs",
    "Hellemmes",
    "Lomme",
    "Faubourg de Béthune",
    "Vieux-Lille",
    "Lille-Centre",
    "Lille-Sud",
    "Esquermes",
    "Roubaix Épeule",
    "Tourcoing Blanc-Seau",
    "Triolo",
    "Marcq-en-Barœul",
    "La Madeleine",
    "Lambersart",
    "Ronchin",
    "Loos",
    "Mons-en-Barœul",
    "Croix",
    "Wattrelos",
];

/// Daily temperatures from `first` to `last`, Lille-like.
fn temperatures(rng: &mut Rng, first: Date, last: Date) -> Result<Temperatures> {
    let (a, b) = (day_number(first), day_number(last));
    let mut anomaly = 0.0;
    let mut days = Vec::new();
    for d in a..=b {
        let doy = f64::from(date_of(d)?.day_of_year());
        // The reference winter a little colder than the challenge winter,
        // so that climate correction shows.
        let winter = if d < day_number(date(2025, 7, 1)) {
            -0.6
        } else {
            0.4
        };
        let seasonal = 11.0 + winter + 7.5 * (std::f64::consts::TAU * (doy - 200.0) / 365.25).cos();
        // An AR(1) anomaly: weather lasts a few days.
        anomaly = 0.7 * anomaly + 2.2 * rng.normal();
        let mean = seasonal + anomaly;
        let range = 8.0
            + 2.0 * (std::f64::consts::TAU * (doy - 200.0) / 365.25).cos()
            + rng.range(-1.5, 1.5);
        days.push(DailyTemperature {
            date: date_of(d)?,
            tn: dec(mean - range / 2.0, 1),
            tx: dec(mean + range / 2.0, 1),
        });
    }
    Temperatures::new(&days)
}

/// A household's consumption model for one meter.
struct Profile {
    base: f64,
    per_dj: f64,
    effort: f64,
}

/// Fortnightly readings of a meter from about `first` to about `last`,
/// with daily consumption `profile` (cut by `effort` when `challenge`).
#[allow(clippy::too_many_arguments)]
fn readings(
    rng: &mut Rng,
    temps: &Temperatures,
    first: Date,
    last: Date,
    profile: &Profile,
    challenge: bool,
    start_index: f64,
    places: u32,
) -> Result<(Vec<Reading>, f64)> {
    let mut day = day_number(first) - i32::try_from(rng.int(0, 3)).unwrap_or(0);
    let end = day_number(last) + 1 + i32::try_from(rng.int(0, 3)).unwrap_or(0);
    let mut index = start_index;
    let mut out = vec![Reading {
        date: date_of(day)?,
        value: dec(index, places),
    }];
    let factor = if challenge { 1.0 - profile.effort } else { 1.0 };
    while day < end {
        let next = (day + i32::try_from(rng.int(13, 16)).unwrap_or(14)).min(end);
        for d in day..next {
            let i = usize::try_from(d - temps.first_day()).unwrap_or(0);
            let (tn, tx) = temps.values().get(i).copied().unwrap_or_default();
            let mean = f64::try_from((tn + tx) / Decimal::TWO).unwrap_or(10.0);
            let dj = (18.0 - mean).max(0.0);
            index += factor * (profile.base + profile.per_dj * dj) * rng.range(0.85, 1.15);
        }
        day = next;
        out.push(Reading {
            date: date_of(day)?,
            value: dec(index, places),
        });
    }
    Ok((out, index))
}

/// Generates a challenge.
///
/// # Errors
/// Never with the default options; [`Error::InvalidValue`] when asked for
/// no household.
///
/// # Example
/// ```
/// use ecodefi::synthetic::{generate, SyntheticOptions};
/// let data = generate(SyntheticOptions { households: 12, seed: 1, problems: false })?;
/// assert_eq!(data.households.len(), 12);
/// assert!(ecodefi::compute(&data)?.energy.is_some());
/// # Ok::<(), ecodefi::Error>(())
/// ```
#[allow(clippy::too_many_lines)]
pub fn generate(options: SyntheticOptions) -> Result<ChallengeData> {
    if options.households == 0 {
        return Err(Error::invalid(
            noun!("households"),
            0,
            msg!("generate at least one household"),
        ));
    }
    let mut rng = Rng(options.seed);
    let reference = Period::new(date(2024, 12, 1), date(2025, 4, 30))?;
    let challenge_period = Period::new(date(2025, 12, 1), date(2026, 4, 30))?;
    let temps = temperatures(&mut rng, date(2024, 11, 1), date(2026, 5, 31))?;

    // Teams of 4 to 12 households.
    let mut sizes = Vec::new();
    let mut left = options.households;
    while left > 0 {
        let size = usize::try_from(rng.int(6, 12)).unwrap_or(8).min(left);
        sizes.push(size);
        left -= size;
    }
    let teams: Vec<Team> = sizes
        .iter()
        .enumerate()
        .map(|(i, _)| {
            let base = TEAM_NAMES
                .get(i % TEAM_NAMES.len())
                .copied()
                .unwrap_or("Équipe");
            let name = if i < TEAM_NAMES.len() {
                base.to_owned()
            } else {
                format!("{base} {}", i / TEAM_NAMES.len() + 1)
            };
            Ok(Team {
                id: TeamId::new(format!("T{:02}", i + 1))?,
                name,
                captain: None,
            })
        })
        .collect::<Result<_>>()?;

    let mut households = Vec::with_capacity(options.households);
    let mut n = 0usize;
    for (t, &size) in sizes.iter().enumerate() {
        for _ in 0..size {
            n += 1;
            let id = HouseholdId::new(format!("F{n:05}"))?;
            let team = teams
                .get(t)
                .map(|t| t.id.clone())
                .ok_or_else(|| Error::invalid(noun!("team"), t, msg!("missing")))?;
            let adults = u16::try_from(rng.int(1, 2)).unwrap_or(1);
            let children: Vec<u8> = (0..rng.int(0, 3))
                .map(|_| u8::try_from(rng.int(0, 17)).unwrap_or(8))
                .collect();
            let mut h = Household::new(id, team, Occupants::new(adults, children)?);
            h.surface_m2 = Some(Decimal::from(rng.int(35, 160)));
            let effort = (0.11 + 0.07 * rng.normal()).clamp(-0.10, 0.40);
            let kind = rng.uniform();
            let (carrier, unit, usage, places, kwh_per_unit) = if kind < 0.55 {
                let usage = if rng.uniform() < 0.5 {
                    Usage::Mixed
                } else {
                    Usage::HeatingOnly
                };
                (Carrier::NaturalGas, Unit::M3, usage, 0, 10.5)
            } else if kind < 0.80 {
                (Carrier::Electricity, Unit::Kwh, Usage::Mixed, 0, 1.0)
            } else if kind < 0.88 {
                (
                    Carrier::DistrictHeating,
                    Unit::Kwh,
                    Usage::HeatingOnly,
                    0,
                    1.0,
                )
            } else if kind < 0.94 {
                (Carrier::FuelOil, Unit::L, Usage::HeatingOnly, 0, 9.97)
            } else {
                (Carrier::Pellets, Unit::Kg, Usage::HeatingOnly, 0, 4.6)
            };
            let heat = Profile {
                base: if usage == Usage::HeatingOnly {
                    0.0
                } else {
                    rng.range(4.0, 12.0) / kwh_per_unit
                },
                per_dj: rng.range(2.0, 8.0) / kwh_per_unit,
                effort,
            };
            let mut main = Meter::new(MeterId::new("chauffage")?, carrier, unit, usage);
            if carrier.is_stored() {
                // Deliveries: the tank or store is filled in autumn and once
                // in the winter; stock estimates at the periods' ends.
                let mut stock = Vec::new();
                let mut deliveries = Vec::new();
                for (period, challenge) in [(reference, false), (challenge_period, true)] {
                    let need: f64 = (period.start_day()..period.end_day())
                        .map(|d| {
                            let i = usize::try_from(d - temps.first_day()).unwrap_or(0);
                            let (tn, tx) = temps.values().get(i).copied().unwrap_or_default();
                            let mean = f64::try_from((tn + tx) / Decimal::TWO).unwrap_or(10.0);
                            heat.per_dj
                                * (18.0 - mean).max(0.0)
                                * if challenge { 1.0 - effort } else { 1.0 }
                        })
                        .sum();
                    let start_stock = rng.range(0.3, 0.6) * need;
                    // Enough to end the period with some stock left.
                    let delivered = need - start_stock + rng.range(0.05, 0.3) * need;
                    deliveries.push(Delivery {
                        date: date_of(period.start_day() + 45)?,
                        quantity: dec(delivered, 0),
                    });
                    stock.push(StockEstimate {
                        date: period.first(),
                        quantity: dec(start_stock, 0),
                    });
                    stock.push(StockEstimate {
                        date: date_of(period.end_day())?,
                        quantity: dec(start_stock + delivered - need, 0),
                    });
                }
                main.deliveries = deliveries;
                // Pellet households keep no stock estimates: deliveries as-is.
                if carrier != Carrier::Pellets {
                    main.stock = stock;
                }
            } else {
                let start = rng.range(1000.0, 40000.0);
                let (r1, end_index) = readings(
                    &mut rng,
                    &temps,
                    reference.first(),
                    reference.last(),
                    &heat,
                    false,
                    start,
                    places,
                )?;
                let summer_gap = rng.range(200.0, 2000.0);
                let (r2, _) = readings(
                    &mut rng,
                    &temps,
                    challenge_period.first(),
                    challenge_period.last(),
                    &heat,
                    true,
                    end_index + summer_gap,
                    places,
                )?;
                main.readings = r1.into_iter().chain(r2).collect();
            }
            h.meters.push(main);
            // Most households with another heating also have an electricity
            // meter for their other uses.
            if carrier != Carrier::Electricity && rng.uniform() < 0.8 {
                let appliances = Profile {
                    base: rng.range(5.0, 12.0),
                    per_dj: 0.0,
                    effort,
                };
                let start = rng.range(1000.0, 60000.0);
                let mut elec = Meter::new(
                    MeterId::new("electricite")?,
                    Carrier::Electricity,
                    Unit::Kwh,
                    Usage::NoHeating,
                );
                let (r1, end_index) = readings(
                    &mut rng,
                    &temps,
                    reference.first(),
                    reference.last(),
                    &appliances,
                    false,
                    start,
                    0,
                )?;
                let summer_gap = rng.range(500.0, 2000.0);
                let (r2, _) = readings(
                    &mut rng,
                    &temps,
                    challenge_period.first(),
                    challenge_period.last(),
                    &appliances,
                    true,
                    end_index + summer_gap,
                    0,
                )?;
                elec.readings = r1.into_iter().chain(r2).collect();
                h.meters.push(elec);
            }
            households.push(h);
        }
    }
    if options.problems {
        add_problems(&mut households);
    }
    let challenge = Challenge {
        name: "Défi Déclics énergie 2025-2026".into(),
        territory: "Métropole Européenne de Lille".into(),
        organiser_kind: OrganiserKind::LocalAuthority,
        themes: vec![Theme::Energy],
        reference_period: reference,
        challenge_period,
        objective: DEFAULT_OBJECTIVE,
        teams,
        weather_station: None,
    };
    Ok(ChallengeData::new(challenge, households, Some(temps)))
}

/// Gives a few households (every 23rd, when they have readings) the data
/// problems organisers meet.
fn add_problems(households: &mut [Household]) {
    let mut kind = 0;
    for h in households.iter_mut().skip(7).step_by(23) {
        let Some(m) = h.meters.first_mut().filter(|m| m.readings.len() > 4) else {
            continue;
        };
        match kind % 6 {
            // Only one reading in the challenge winter.
            0 => {
                let cut = m
                    .readings
                    .iter()
                    .position(|r| r.date.year() == 2025 && r.date.month() == 12);
                if let Some(c) = cut {
                    m.readings.truncate(c + 1);
                }
            }
            // A typo: an index lower than the one before.
            1 => {
                if let Some(r) = m.readings.get_mut(3) {
                    r.value = (r.value / Decimal::TEN).round();
                }
            }
            // Readings that stop in March.
            2 => m
                .readings
                .retain(|r| !(r.date.year() == 2026 && r.date.month() >= 3)),
            // The same day read twice.
            3 => {
                if let Some(&r) = m.readings.get(2) {
                    m.readings.insert(3, r);
                }
            }
            // A meter replaced in January: not a problem when declared.
            4 => {
                let at = m.readings.iter().position(|r| r.date >= date(2026, 1, 15));
                if let (Some(i), Some(prev)) = (
                    at,
                    at.and_then(|i| m.readings.get(i.wrapping_sub(1))).copied(),
                ) {
                    let old_final = prev.value + Decimal::from(5);
                    let offset = old_final;
                    for r in m.readings.iter_mut().skip(i) {
                        r.value -= offset;
                    }
                    if let Some(r) = m.readings.get(i) {
                        m.events.push(MeterEvent::Replacement {
                            date: r.date,
                            old_final,
                            new_initial: Decimal::ZERO,
                        });
                    }
                }
            }
            // A meter rolled over but nobody said so.
            _ => {
                if let Some(last) = m.readings.last_mut() {
                    last.value = Decimal::from(12);
                }
            }
        }
        kind += 1;
    }
}

/// A larger challenge of the same shape, for tests and benchmarks at
/// scale of any theme (`generate` models energy only): `data` with its
/// households repeated `copies` times (all of them, then all of them
/// again…), each copy in its household's team under a new id, the
/// household's followed by `-` and the copy's number (`F001-0`,
/// `F002-0`…, `F001-1`…).
///
/// # Example
/// ```
/// use ecodefi::synthetic::{generate, repeat_households, SyntheticOptions};
/// let data = generate(SyntheticOptions { households: 3, seed: 1, problems: false })?;
/// let first = data.households[0].id.to_string();
/// let bigger = repeat_households(data, 2)?;
/// assert_eq!(bigger.households.len(), 6);
/// assert_eq!(bigger.households[3].id.to_string(), format!("{first}-1"));
/// # Ok::<(), ecodefi::Error>(())
/// ```
///
/// # Errors
/// None in practice: a valid id followed by `-k` is valid.
pub fn repeat_households(mut data: ChallengeData, copies: usize) -> Result<ChallengeData> {
    let one = std::mem::take(&mut data.households);
    data.households.reserve(one.len().saturating_mul(copies));
    for k in 0..copies {
        for h in &one {
            let mut h = h.clone();
            h.id = HouseholdId::new(format!("{}-{k}", h.id))?;
            data.households.push(h);
        }
    }
    Ok(data)
}
