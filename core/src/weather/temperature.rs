//! Daily minimum and maximum temperatures, and their construction from
//! sub-daily observations with the Météo-France day convention.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::date::{date_of, day_number, Date};
use crate::error::{Error, Location, Result};
use crate::period::Period;
use crate::{msg, noun};

/// One day's minimum (Tn) and maximum (Tx) temperature in °C.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DailyTemperature {
    /// The day.
    pub date: Date,
    /// Minimum temperature, °C.
    pub tn: Decimal,
    /// Maximum temperature, °C.
    pub tx: Decimal,
}

/// One sub-daily observation: a temperature at a time of a day, UTC.
///
/// An hourly value of Météo-France, labelled by the end of its hour, is an
/// observation at its label's time: the value labelled 18 UTC (17:00–18:00)
/// belongs to the Tn window of its own day, (D−1 18:00, D 18:00], and the
/// value labelled 06 UTC (05:00–06:00) to the Tx window of the day before,
/// (D−1 06:00, D 06:00]. See [`Temperatures::from_observations`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Observation {
    /// The day, UTC.
    pub date: Date,
    /// The time of the day, UTC, in seconds after midnight (0 to 86 399).
    pub seconds: u32,
    /// The temperature, °C.
    pub celsius: Decimal,
}

impl Observation {
    /// An observation at `hour:minute` UTC of `date`.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] for an hour over 23 or a minute over 59.
    pub fn at(date: Date, hour: u32, minute: u32, celsius: Decimal) -> Result<Self> {
        if hour > 23 || minute > 59 {
            return Err(Error::invalid(
                noun!("time of day"),
                format!("{hour}:{minute:02}"),
                msg!("hours are 0 to 23, minutes 0 to 59"),
            ));
        }
        Ok(Observation {
            date,
            seconds: hour * 3600 + minute * 60,
            celsius,
        })
    }
}

/// Daily temperatures over consecutive days, with no gap.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "Vec<DailyTemperature>", into = "Vec<DailyTemperature>")]
pub struct Temperatures {
    first_day: i32,
    days: Vec<(Decimal, Decimal)>,
}

impl TryFrom<Vec<DailyTemperature>> for Temperatures {
    type Error = Error;
    fn try_from(v: Vec<DailyTemperature>) -> Result<Self> {
        Temperatures::new(&v)
    }
}

impl From<Temperatures> for Vec<DailyTemperature> {
    fn from(t: Temperatures) -> Self {
        t.iter().collect()
    }
}

/// Temperatures beyond this are not plausible on Earth's surface (°C).
const PLAUSIBLE: Decimal = Decimal::from_parts(100, 0, 0, false, 0);

impl Temperatures {
    /// Daily temperatures, which must be on consecutive days in order, with
    /// Tn ≤ Tx and both within ±100 °C.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] naming the day's index when a day is missing,
    /// repeated or out of order, or a value is impossible.
    pub fn new(days: &[DailyTemperature]) -> Result<Self> {
        let first_day = match days.first() {
            Some(d) => day_number(d.date),
            None => {
                return Err(Error::InsufficientData {
                    why: msg!("no daily temperature"),
                    at: Location::NONE,
                })
            }
        };
        let mut out = Vec::with_capacity(days.len());
        for (i, d) in days.iter().enumerate() {
            let at = Location::NONE.with_index(i);
            let expected = first_day + i32::try_from(i).unwrap_or(i32::MAX);
            if day_number(d.date) != expected {
                return Err(Error::invalid(
                    noun!("temperature date"),
                    d.date,
                    msg!(
                        "days are consecutive, in order, without gap: expected {date}",
                        date = date_of(expected)?
                    ),
                )
                .within(&at));
            }
            if d.tn > d.tx {
                return Err(Error::invalid(
                    noun!("temperature"),
                    format!("Tn {} > Tx {}", d.tn, d.tx),
                    msg!("Tn ≤ Tx"),
                )
                .within(&at));
            }
            if d.tn.abs() > PLAUSIBLE || d.tx.abs() > PLAUSIBLE {
                return Err(
                    Error::invalid(noun!("temperature"), d.tx, msg!("beyond ±100 °C")).within(&at),
                );
            }
            out.push((d.tn, d.tx));
        }
        Ok(Temperatures {
            first_day,
            days: out,
        })
    }

    /// Builds daily Tn/Tx from sub-daily observations (UTC date-time, °C)
    /// with the Météo-France day convention: Tn of day D is the minimum
    /// over the window (D−1 18:00, D 18:00] UTC, Tx the maximum over
    /// (D 06:00, D+1 06:00] UTC, each window open at its start and closed
    /// at its end. So an observation at exactly 18:00 UTC of D counts in
    /// D's Tn window (not D+1's), and one at exactly 06:00 UTC of D counts
    /// in the Tx window of D−1 (not D's).
    ///
    /// Why closed at the end: Météo-France labels an hourly value by the
    /// end of its hour. The value labelled 18 UTC describes 17:00–18:00,
    /// which lies inside D's Tn window; the one labelled 19 UTC describes
    /// 18:00–19:00, the start of D+1's. Likewise the value labelled 06 UTC
    /// describes 05:00–06:00, the end of D−1's Tx window. An hourly value
    /// is therefore given here as an [`Observation`] at its label's time.
    ///
    /// Days are returned from the first to the last day whose both windows
    /// hold at least one observation.
    ///
    /// Source: Météo-France, *Données climatologiques de base — définitions*
    /// (Tn and Tx day conventions), as summarised in DOMAIN.md §2; the
    /// hourly labels in the fields description of the *données
    /// climatologiques de base horaires* on meteo.data.gouv.fr
    /// (`AAAAMMJJHH`, UTC; `TN`/`TX`: minimum/maximum *dans l'heure*).
    ///
    /// # Errors
    /// [`Error::InsufficientData`] when a day in that range has an empty
    /// window; [`Error::InvalidValue`] as for [`Temperatures::new`], and for
    /// a time of day of 86 400 seconds or more.
    pub fn from_observations(observations: &[Observation]) -> Result<Self> {
        let (minima, maxima) = window_extremes(observations, observations)?;
        let minima: BTreeMap<i32, Decimal> = minima.into_iter().map(|(d, (v, _))| (d, v)).collect();
        let maxima: BTreeMap<i32, Decimal> = maxima.into_iter().map(|(d, (v, _))| (d, v)).collect();
        let first = minima
            .keys()
            .next()
            .copied()
            .max(maxima.keys().next().copied());
        let last = minima
            .keys()
            .next_back()
            .copied()
            .min(maxima.keys().next_back().copied());
        let (Some(first), Some(last)) = (first, last) else {
            return Err(Error::InsufficientData {
                why: msg!("no day has observations in both its Tn and Tx windows"),
                at: Location::NONE,
            });
        };
        let mut days = Vec::new();
        for d in first..=last {
            let (Some(&n), Some(&x)) = (minima.get(&d), maxima.get(&d)) else {
                return Err(Error::InsufficientData {
                    why: msg!(
                        "no observation in the Tn or Tx window of {date}",
                        date = date_of(d)?
                    ),
                    at: Location::NONE,
                });
            };
            days.push(DailyTemperature {
                date: date_of(d)?,
                tn: n,
                tx: x,
            });
        }
        Temperatures::new(&days)
    }

    /// The days covered.
    ///
    /// # Errors
    /// Never in practice (the dates were valid when built).
    pub fn period(&self) -> Result<Period> {
        let last = self.first_day + i32::try_from(self.days.len()).unwrap_or(i32::MAX) - 1;
        Period::new(date_of(self.first_day)?, date_of(last)?)
    }

    /// Day number of the first day.
    pub fn first_day(&self) -> i32 {
        self.first_day
    }

    /// The number of days.
    pub fn len(&self) -> usize {
        self.days.len()
    }

    /// Whether there is no day (never: a series has at least one day).
    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
    }

    /// (Tn, Tx) of each day, in order.
    pub fn values(&self) -> &[(Decimal, Decimal)] {
        &self.days
    }

    /// The days as [`DailyTemperature`] values.
    pub fn iter(&self) -> impl Iterator<Item = DailyTemperature> + '_ {
        self.days
            .iter()
            .enumerate()
            .filter_map(move |(i, &(tn, tx))| {
                let date = date_of(self.first_day + i32::try_from(i).ok()?).ok()?;
                Some(DailyTemperature { date, tn, tx })
            })
    }
}

/// The minimum of each day's Tn window and the maximum of each day's Tx
/// window (the Météo-France day convention of
/// [`Temperatures::from_observations`]), with the number of observations in
/// each window, by day number. The minima are taken over `lows`, the
/// maxima over `highs`: an hourly file gives the hour's own minimum and
/// maximum when it has them.
///
/// # Errors
/// [`Error::InvalidValue`] for a time of day of 86 400 seconds or more.
pub(crate) fn window_extremes(
    lows: &[Observation],
    highs: &[Observation],
) -> Result<(WindowExtremes, WindowExtremes)> {
    let six = 6 * 3600;
    let eighteen = 18 * 3600;
    let check = |o: &Observation| {
        if o.seconds >= 86_400 {
            Err(Error::invalid(
                noun!("observation time"),
                o.seconds,
                msg!("seconds after midnight are 0 to 86 399"),
            ))
        } else {
            Ok(())
        }
    };
    let mut minima = WindowExtremes::new();
    for o in lows {
        check(o)?;
        let d = day_number(o.date);
        // Tn window (D−1 18:00, D 18:00]: an observation after 18:00
        // belongs to the next day.
        let day = if o.seconds > eighteen { d + 1 } else { d };
        minima
            .entry(day)
            .and_modify(|(v, n)| {
                *v = (*v).min(o.celsius);
                *n += 1;
            })
            .or_insert((o.celsius, 1));
    }
    let mut maxima = WindowExtremes::new();
    for o in highs {
        check(o)?;
        let d = day_number(o.date);
        // Tx window (D 06:00, D+1 06:00]: at or before 06:00 it belongs
        // to the previous day.
        let day = if o.seconds <= six { d - 1 } else { d };
        maxima
            .entry(day)
            .and_modify(|(v, n)| {
                *v = (*v).max(o.celsius);
                *n += 1;
            })
            .or_insert((o.celsius, 1));
    }
    Ok((minima, maxima))
}

/// By day number: the extreme of the day's window and how many
/// observations it was taken over.
pub(crate) type WindowExtremes = BTreeMap<i32, (Decimal, u32)>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::date;
    use rust_decimal::dec;

    fn day(d: Date, tn: Decimal, tx: Decimal) -> DailyTemperature {
        DailyTemperature { date: d, tn, tx }
    }

    #[test]
    fn series_must_be_consecutive() {
        let ok = Temperatures::new(&[
            day(date(2026, 1, 1), dec!(2), dec!(10)),
            day(date(2026, 1, 2), dec!(-3), dec!(5)),
        ])
        .unwrap();
        assert_eq!(ok.len(), 2);
        let gap = Temperatures::new(&[
            day(date(2026, 1, 1), dec!(2), dec!(10)),
            day(date(2026, 1, 3), dec!(-3), dec!(5)),
        ])
        .unwrap_err();
        assert_eq!(gap.location().and_then(|l| l.index), Some(1));
        assert!(Temperatures::new(&[day(date(2026, 1, 1), dec!(11), dec!(10))]).is_err());
    }

    #[test]
    fn meteo_france_day_convention() {
        let at = |d: Date, h: u32, t: Decimal| Observation::at(d, h, 0, t).unwrap();
        let d1 = date(2026, 1, 1);
        let d2 = date(2026, 1, 2);
        let d3 = date(2026, 1, 3);
        // Observations from 1 Jan 19:00 to 3 Jan 06:00.
        let obs = vec![
            at(d1, 19, dec!(-4)), // Tn window of 2 Jan; Tx window of 1 Jan
            at(d2, 3, dec!(-6)),  // Tn of 2 Jan; Tx of 1 Jan (before 06:00)
            at(d2, 6, dec!(-5)),  // Tn of 2 Jan; Tx of 1 Jan (06:00 closes it)
            at(d2, 14, dec!(7)),  // Tn and Tx of 2 Jan
            at(d2, 18, dec!(3)),  // Tn of 2 Jan (18:00 closes it), Tx of 2 Jan
            at(d2, 21, dec!(-9)), // Tn of 3 Jan; Tx of 2 Jan
            at(d3, 6, dec!(-10)), // Tn of 3 Jan; Tx of 2 Jan
        ];
        let t = Temperatures::from_observations(&obs).unwrap();
        // Only 2 Jan has both windows filled... and 1 Jan has a Tx window
        // but no Tn window, 3 Jan a Tn window but no Tx window.
        let days: Vec<_> = t.iter().collect();
        assert_eq!(days, vec![day(d2, dec!(-6), dec!(7))]);
    }
}
