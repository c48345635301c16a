//! Who lives in a household, and for how long: persons and consumption units.
//!
//! Energy challenges compare a household with itself, so its percentage needs
//! no size normalisation; water, waste and food are compared per person. For
//! comparisons between households ecodefi gives both per person and per
//! consumption unit (*unité de consommation*, UC) on the INSEE/OECD-modified
//! scale. A household whose size changes during a challenge is normalised per
//! day of presence: [`Occupancy::person_days`] and [`Occupancy::unit_days`].

use crate::date::Date;
use rust_decimal::Decimal;

use crate::date::day_number;
use crate::error::{Error, Location, Result};
use crate::food::Purchase;
use crate::id::{HouseholdId, MeterId, TeamId};
use crate::meter::Meter;
use crate::mobility::Trip;
use crate::period::Period;
use crate::quantity::{add, div, mul};
use crate::waste::Weighing;
use crate::water::WaterMeter;
use crate::{msg, noun};

/// Age from which a child counts as an adult on the INSEE/OECD-modified
/// scale (14 years).
///
/// Source: INSEE, *Définition — Unité de consommation*
/// (<https://www.insee.fr/fr/metadonnees/definition/c1802>), scale in force
/// since the 1990s.
pub const INSEE_ADULT_AGE: u8 = 14;

/// The persons living in a household at one time: a number of adults and
/// the age of each child.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "OccupantsRepr", into = "OccupantsRepr")]
pub struct Occupants {
    adults: u16,
    children: Vec<u8>,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct OccupantsRepr {
    adults: u16,
    #[serde(default)]
    children: Vec<u8>,
}

impl TryFrom<OccupantsRepr> for Occupants {
    type Error = Error;
    fn try_from(r: OccupantsRepr) -> Result<Self> {
        Occupants::new(r.adults, r.children)
    }
}

impl From<Occupants> for OccupantsRepr {
    fn from(o: Occupants) -> Self {
        OccupantsRepr {
            adults: o.adults,
            children: o.children,
        }
    }
}

impl Occupants {
    /// `adults` adults (at least one) and children of the given ages (under
    /// 18; a child's age is taken at the start of the challenge).
    ///
    /// # Errors
    /// [`Error::InvalidValue`] with no adult, or a child aged 18 or more.
    ///
    /// # Example
    /// ```
    /// use ecodefi::household::Occupants;
    /// use rust_decimal::dec;
    /// // Two adults, a child of 15 and one of 8: 1 + 0.5 + 0.5 + 0.3 UC.
    /// let o = Occupants::new(2, vec![15, 8])?;
    /// assert_eq!(o.persons(), 4);
    /// assert_eq!(o.consumption_units(), dec!(2.3));
    /// # Ok::<(), ecodefi::Error>(())
    /// ```
    pub fn new(adults: u16, children: Vec<u8>) -> Result<Self> {
        if adults == 0 {
            return Err(Error::invalid(
                noun!("number of adults"),
                0,
                msg!("a household has at least one adult"),
            ));
        }
        if let Some(age) = children.iter().find(|&&a| a >= 18) {
            return Err(Error::invalid(
                noun!("child age"),
                age,
                msg!("a child is under 18; count older persons as adults"),
            ));
        }
        Ok(Occupants { adults, children })
    }

    /// The number of adults.
    pub fn adults(&self) -> u16 {
        self.adults
    }

    /// The children's ages.
    pub fn children(&self) -> &[u8] {
        &self.children
    }

    /// The number of persons.
    pub fn persons(&self) -> u32 {
        u32::from(self.adults) + u32::try_from(self.children.len()).unwrap_or(u32::MAX)
    }

    /// Consumption units on the INSEE/OECD-modified scale: 1 for the first
    /// adult, 0.5 for each other person aged 14 or more, 0.3 for each child
    /// under 14.
    ///
    /// Source: INSEE, *Définition — Unité de consommation*
    /// (<https://www.insee.fr/fr/metadonnees/definition/c1802>).
    pub fn consumption_units(&self) -> Decimal {
        let older_children = self
            .children
            .iter()
            .filter(|&&a| a >= INSEE_ADULT_AGE)
            .count();
        let younger = self.children.len() - older_children;
        let older = usize::from(self.adults - 1) + older_children;
        // In tenths, as whole numbers: 1 + 0.5 × older + 0.3 × younger is
        // (10 + 5 × older + 3 × younger) / 10, at scale 1 as the decimal
        // operators gave it. Decimal's panicking `+` and `*` cost the page's
        // WebAssembly module 3 KB for this one formula. The counts of a
        // household are far from the bounds of `i64` (saturated, never hit).
        let tenths = |n: usize, k: i64| i64::try_from(n).map_or(i64::MAX, |n| n.saturating_mul(k));
        Decimal::new(
            10i64
                .saturating_add(tenths(older, 5))
                .saturating_add(tenths(younger, 3)),
            1,
        )
    }
}

/// From this day on, the household is these occupants.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PresenceChange {
    /// The first day with the new occupants.
    pub from: Date,
    /// The occupants from that day.
    pub occupants: Occupants,
}

/// A household's occupants over time: who lives there at the start, and the
/// changes during the challenge (a birth, a student who leaves…).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "OccupancyRepr", into = "OccupancyRepr")]
pub struct Occupancy {
    initial: Occupants,
    changes: Vec<PresenceChange>,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct OccupancyRepr {
    occupants: Occupants,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    presence: Vec<PresenceChange>,
}

impl TryFrom<OccupancyRepr> for Occupancy {
    type Error = Error;
    fn try_from(r: OccupancyRepr) -> Result<Self> {
        Occupancy::new(r.occupants, r.presence)
    }
}

impl From<Occupancy> for OccupancyRepr {
    fn from(o: Occupancy) -> Self {
        OccupancyRepr {
            occupants: o.initial,
            presence: o.changes,
        }
    }
}

impl Occupancy {
    /// The same occupants all along.
    pub fn constant(occupants: Occupants) -> Self {
        Occupancy {
            initial: occupants,
            changes: Vec::new(),
        }
    }

    /// `initial` occupants, then each change from its day on.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when the changes are not in strictly
    /// increasing order of day.
    pub fn new(initial: Occupants, changes: Vec<PresenceChange>) -> Result<Self> {
        if let Some(i) = changes.windows(2).position(|w| w[0].from >= w[1].from) {
            return Err(Error::InvalidValue {
                what: noun!("presence change"),
                got: changes[i + 1].from.to_string(),
                why: msg!("presence changes are in strictly increasing order of day"),
                at: crate::error::Location::NONE.with_index(i + 1),
            });
        }
        Ok(Occupancy { initial, changes })
    }

    /// The occupants at the start, before any change.
    pub fn initial(&self) -> &Occupants {
        &self.initial
    }

    /// The presence changes, in order.
    pub fn changes(&self) -> &[PresenceChange] {
        &self.changes
    }

    /// The occupants on `day`.
    pub fn on(&self, day: Date) -> &Occupants {
        self.changes
            .iter()
            .rev()
            .find(|c| c.from <= day)
            .map_or(&self.initial, |c| &c.occupants)
    }

    /// Σ over the period's days of `f(occupants of the day)`, segment by
    /// segment.
    fn integrate(&self, period: Period, f: impl Fn(&Occupants) -> Decimal) -> Result<Decimal> {
        let (start, end) = (period.start_day(), period.end_day());
        let mut total = Decimal::ZERO;
        let mut seg_start = start;
        let mut current = self.on(period.first());
        for change in &self.changes {
            let d = day_number(change.from);
            if d <= start {
                continue;
            }
            if d >= end {
                break;
            }
            let days = Decimal::from(d - seg_start);
            total = add(
                total,
                mul(days, f(current), noun!("person-days"))?,
                noun!("person-days"),
            )?;
            seg_start = d;
            current = &change.occupants;
        }
        let days = Decimal::from(end - seg_start);
        add(
            total,
            mul(days, f(current), noun!("person-days"))?,
            noun!("person-days"),
        )
    }

    /// Σ persons × days of presence over the period.
    ///
    /// # Errors
    /// [`Error::Overflow`] beyond the decimal range (not reachable with
    /// realistic input).
    pub fn person_days(&self, period: Period) -> Result<Decimal> {
        self.integrate(period, |o| Decimal::from(o.persons()))
    }

    /// Σ consumption units × days of presence over the period.
    ///
    /// # Errors
    /// As [`Occupancy::person_days`].
    pub fn unit_days(&self, period: Period) -> Result<Decimal> {
        self.integrate(period, Occupants::consumption_units)
    }

    /// The mean number of persons over the period (person-days ÷ days).
    ///
    /// # Errors
    /// As [`Occupancy::person_days`].
    pub fn mean_persons(&self, period: Period) -> Result<Decimal> {
        div(
            self.person_days(period)?,
            Decimal::from(period.days()),
            noun!("mean persons"),
        )
    }

    /// The mean number of consumption units over the period.
    ///
    /// # Errors
    /// As [`Occupancy::person_days`].
    pub fn mean_units(&self, period: Period) -> Result<Decimal> {
        div(
            self.unit_days(period)?,
            Decimal::from(period.days()),
            noun!("mean consumption units"),
        )
    }
}

/// A household (*foyer*) taking part in a challenge.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "HouseholdRepr", into = "HouseholdRepr")]
pub struct Household {
    /// Identifies the household within the challenge.
    pub id: HouseholdId,
    /// The household's team.
    pub team: TeamId,
    /// Who lives there, and when.
    pub occupancy: Occupancy,
    /// The dwelling's heated surface in m², if known.
    pub surface_m2: Option<Decimal>,
    /// The energy meters.
    pub meters: Vec<Meter>,
    /// The water meters (water theme).
    pub water_meters: Vec<WaterMeter>,
    /// The weighings of its waste (waste theme).
    pub weighings: Vec<Weighing>,
    /// Its food purchases, recorded during surveys (food theme).
    pub food_purchases: Vec<Purchase>,
    /// Its trips or weekly travel diaries (mobility theme).
    pub trips: Vec<Trip>,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct HouseholdRepr {
    id: HouseholdId,
    team: TeamId,
    occupants: Occupants,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    presence: Vec<PresenceChange>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    surface_m2: Option<Decimal>,
    #[serde(default)]
    meters: Vec<Meter>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    water_meters: Vec<WaterMeter>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    weighings: Vec<Weighing>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    food_purchases: Vec<Purchase>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    trips: Vec<Trip>,
}

impl TryFrom<HouseholdRepr> for Household {
    type Error = Error;
    fn try_from(r: HouseholdRepr) -> Result<Self> {
        let at = Location::household(&r.id);
        let occupancy = Occupancy::new(r.occupants, r.presence).map_err(|e| e.within(&at))?;
        // The meters are checked by `Household::validate` (called by
        // `ChallengeData::validate`), not here: an error raised inside serde
        // would lose its structured location.
        Ok(Household {
            id: r.id,
            team: r.team,
            occupancy,
            surface_m2: r.surface_m2,
            meters: r.meters,
            water_meters: r.water_meters,
            weighings: r.weighings,
            food_purchases: r.food_purchases,
            trips: r.trips,
        })
    }
}

impl From<Household> for HouseholdRepr {
    fn from(h: Household) -> Self {
        HouseholdRepr {
            id: h.id,
            team: h.team,
            occupants: h.occupancy.initial,
            presence: h.occupancy.changes,
            surface_m2: h.surface_m2,
            meters: h.meters,
            water_meters: h.water_meters,
            weighings: h.weighings,
            food_purchases: h.food_purchases,
            trips: h.trips,
        }
    }
}

impl Household {
    /// A household with constant occupants and no meter yet.
    pub fn new(id: HouseholdId, team: TeamId, occupants: Occupants) -> Self {
        Household {
            id,
            team,
            occupancy: Occupancy::constant(occupants),
            surface_m2: None,
            meters: Vec::new(),
            water_meters: Vec::new(),
            weighings: Vec::new(),
            food_purchases: Vec::new(),
            trips: Vec::new(),
        }
    }

    /// Checks each meter and that meter ids are distinct, the surface
    /// positive, and each weighing, purchase and trip.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] or [`Error::Duplicate`], located in this
    /// household.
    pub fn validate(&self) -> Result<()> {
        let at = || Location::household(&self.id);
        if let Some(s) = self.surface_m2 {
            if s <= Decimal::ZERO {
                return Err(
                    Error::invalid(noun!("surface"), s, msg!("a surface is above zero"))
                        .within(&at()),
                );
            }
        }
        for (i, m) in self.meters.iter().enumerate() {
            m.validate().map_err(|e| e.within(&at()))?;
            if self.meters[..i].iter().any(|o| o.id == m.id) {
                return Err(Error::Duplicate {
                    what: noun!("meter"),
                    id: m.id.to_string(),
                    at: at().with_meter(&m.id),
                });
            }
        }
        for (i, m) in self.water_meters.iter().enumerate() {
            m.validate().map_err(|e| e.within(&at()))?;
            if self.water_meters[..i].iter().any(|o| o.id == m.id) {
                return Err(Error::Duplicate {
                    what: noun!("water meter"),
                    id: m.id.to_string(),
                    at: at().with_meter(&m.id),
                });
            }
        }
        for (i, w) in self.weighings.iter().enumerate() {
            w.validate().map_err(|e| e.within(&at().with_index(i)))?;
        }
        for (i, p) in self.food_purchases.iter().enumerate() {
            p.validate().map_err(|e| e.within(&at().with_index(i)))?;
        }
        for (i, t) in self.trips.iter().enumerate() {
            t.validate().map_err(|e| e.within(&at().with_index(i)))?;
        }
        Ok(())
    }

    /// The meter with this id.
    pub fn meter(&self, id: &MeterId) -> Option<&Meter> {
        self.meters.iter().find(|m| &m.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::date;
    use proptest::prelude::*;
    use rust_decimal::dec;

    #[test]
    fn insee_scale() {
        // INSEE examples: a couple = 1.5 UC; a couple with two children under
        // 14 = 2.1 UC; a single adult = 1 UC.
        assert_eq!(
            Occupants::new(2, vec![]).unwrap().consumption_units(),
            dec!(1.5)
        );
        assert_eq!(
            Occupants::new(2, vec![3, 9]).unwrap().consumption_units(),
            dec!(2.1)
        );
        assert_eq!(
            Occupants::new(1, vec![]).unwrap().consumption_units(),
            dec!(1)
        );
        assert_eq!(
            Occupants::new(1, vec![14]).unwrap().consumption_units(),
            dec!(1.5)
        );
        assert!(Occupants::new(0, vec![5]).is_err());
        assert!(Occupants::new(1, vec![18]).is_err());
    }

    #[test]
    fn presence_is_counted_per_day() {
        // 2 persons for 10 days, then 3 persons for 20 days: 80 person-days.
        let two = Occupants::new(2, vec![]).unwrap();
        let three = Occupants::new(2, vec![0]).unwrap();
        let occ = Occupancy::new(
            two,
            vec![PresenceChange {
                from: date(2026, 1, 11),
                occupants: three,
            }],
        )
        .unwrap();
        let p = Period::new(date(2026, 1, 1), date(2026, 1, 30)).unwrap();
        assert_eq!(occ.person_days(p).unwrap(), dec!(80));
        // UC: 1.5 × 10 + 1.8 × 20 = 51.
        assert_eq!(occ.unit_days(p).unwrap(), dec!(51));
        assert_eq!(occ.mean_persons(p).unwrap().round_dp(6), dec!(2.666667));
        // A period that starts after the change sees only the new occupants.
        let later = Period::new(date(2026, 2, 1), date(2026, 2, 10)).unwrap();
        assert_eq!(occ.person_days(later).unwrap(), dec!(30));
    }

    #[test]
    fn changes_must_be_ordered() {
        let o = Occupants::new(1, vec![]).unwrap();
        let c = |d| PresenceChange {
            from: d,
            occupants: o.clone(),
        };
        assert!(Occupancy::new(o.clone(), vec![c(date(2026, 2, 1)), c(date(2026, 1, 1))]).is_err());
    }

    proptest! {
        /// Consumption units in tenths are the INSEE formula computed with
        /// the decimal operators, digit for digit (scale 1 included).
        #[test]
        fn consumption_units_are_the_decimal_formula(
            adults in 1u16..2000,
            children in proptest::collection::vec(0u8..18, 0..40),
        ) {
            let o = Occupants::new(adults, children.clone()).unwrap();
            let older = children.iter().filter(|&&a| a >= INSEE_ADULT_AGE).count();
            let younger = children.len() - older;
            let formula = Decimal::ONE
                + dec!(0.5) * (Decimal::from(adults - 1) + Decimal::from(older))
                + dec!(0.3) * Decimal::from(younger);
            prop_assert_eq!(o.consumption_units().to_string(), formula.to_string());
        }

        /// Person-days add up when a period is split in two.
        #[test]
        fn person_days_are_additive(split in 1i32..60, change_at in 0i32..90, len in 61i32..90) {
            let start = date(2026, 1, 1);
            let occ = Occupancy::new(
                Occupants::new(2, vec![]).unwrap(),
                vec![PresenceChange {
                    from: crate::date::date_of(day_number(start) + change_at).unwrap(),
                    occupants: Occupants::new(1, vec![4]).unwrap(),
                }],
            ).unwrap();
            let at = |n| crate::date::date_of(day_number(start) + n).unwrap();
            let whole = Period::new(start, at(len - 1)).unwrap();
            let a = Period::new(start, at(split - 1)).unwrap();
            let b = Period::new(at(split), at(len - 1)).unwrap();
            prop_assert_eq!(
                occ.person_days(whole).unwrap(),
                occ.person_days(a).unwrap() + occ.person_days(b).unwrap()
            );
            prop_assert_eq!(
                occ.unit_days(whole).unwrap(),
                occ.unit_days(a).unwrap() + occ.unit_days(b).unwrap()
            );
        }
    }
}
