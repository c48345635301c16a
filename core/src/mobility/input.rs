//! Trips and travel diaries, emission factors per mode, and the mobility
//! theme's settings.

use crate::date::Date;
use rust_decimal::{dec, Decimal};

use crate::error::{Error, Location, Result};
use crate::named_enum;
use crate::period::Period;
use crate::quantity::Km;
use crate::{msg, noun};

named_enum! {
    /// A way of travelling.
    #[non_exhaustive]
    pub enum Mode ("travel mode") {
        /// Car, driver alone (*autosolisme*).
        CarAlone = "car_alone",
        /// Car shared with others (*covoiturage*).
        Carpool = "carpool",
        /// Motorbike or scooter.
        Motorbike = "motorbike",
        /// Urban bus.
        Bus = "bus",
        /// Tramway.
        Tram = "tram",
        /// Underground (*métro*).
        Metro = "metro",
        /// Coach (*autocar*).
        Coach = "coach",
        /// Regional train (TER).
        RegionalTrain = "regional_train",
        /// Intercity train (*Intercités*).
        IntercityTrain = "intercity_train",
        /// High-speed train (TGV).
        HighSpeedTrain = "high_speed_train",
        /// Bicycle.
        Bike = "bike",
        /// Electrically assisted bicycle or scooter.
        EBike = "e_bike",
        /// Walking.
        Walking = "walking",
        /// Plane.
        Plane = "plane",
        /// Anything else (no default factor).
        Other = "other",
    }
}

impl Mode {
    /// Whether the mode is a car (alone or shared): what "car share"
    /// counts.
    pub fn is_car(self) -> bool {
        matches!(self, Mode::CarAlone | Mode::Carpool)
    }
}

fn one() -> u32 {
    1
}

/// A trip, or a line of a weekly diary: `km` travelled by one person of the
/// household in `trips` trips by `mode`. Household members travelling
/// together each count their km (person-km).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trip {
    /// The day of the trip (for a diary line, a day of its week): it counts
    /// in the period containing it.
    pub date: Date,
    /// How.
    pub mode: Mode,
    /// Person-km travelled.
    pub km: Km,
    /// The number of trips this line stands for (1 if absent).
    #[serde(default = "one")]
    pub trips: u32,
}

impl Trip {
    /// Checks that the km are not negative and the trips at least one.
    ///
    /// # Errors
    /// [`Error::InvalidValue`].
    pub fn validate(&self) -> Result<()> {
        if self.km.value() < Decimal::ZERO {
            return Err(Error::invalid(
                noun!("trip km"),
                self.km.value(),
                msg!("km cannot be negative"),
            ));
        }
        if self.trips == 0 {
            return Err(Error::invalid(
                noun!("trip count"),
                0,
                msg!("a line stands for at least one trip"),
            ));
        }
        Ok(())
    }
}

/// kgCO2e per person-km of one mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModeFactor {
    /// The mode.
    pub mode: Mode,
    /// kgCO2e per person-km.
    pub kg_co2e_per_km: Decimal,
}

/// A table of emission factors per mode, with its year and source.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModeFactors {
    /// The year the values are for.
    pub year: u16,
    /// Where they come from.
    pub source: String,
    /// One factor per mode at most; a mode without one has no CO2e (the
    /// household gets a warning, never a silent zero).
    pub factors: Vec<ModeFactor>,
}

impl Default for ModeFactors {
    /// kgCO2e per person-km, ADEME *Impact CO2* transport figures (from
    /// Base Carbone / Base Empreinte; the 2023 version, which adds vehicle
    /// construction): direct and upstream (fuel, electricity) emissions plus
    /// vehicle construction, maintenance and end of life; not
    /// infrastructure. Usage + construction:
    /// car (thermal engine, one occupant) 0.192 + 0.0256 = 0.2176;
    /// motorbike 0.165 + 0.027 = 0.192; urban bus (thermal) 0.104 + 0.0087
    /// = 0.1127; tram 0.0038 + 0.00048 = 0.00428; metro 0.0042 + 0.00024 =
    /// 0.00444; coach 0.025 + 0.00442 = 0.02942; TER 0.0229 + 0.00479 =
    /// 0.02769; Intercités 0.0058 + 0.00318 = 0.00898; TGV 0.0023 +
    /// 0.00063 = 0.00293; e-bike 0.002 + 0.0087 = 0.0107; bike and walking
    /// 0; plane (medium haul, 1 000–3 500 km, with contrails) 0.1024 +
    /// 0.00036 + 0.0848 = 0.18756.
    /// Car-pool is the car factor shared by 2 occupants, 0.1088
    /// **\[design\]**: give your own occupancy through this table.
    fn default() -> Self {
        let f = |mode, v| ModeFactor {
            mode,
            kg_co2e_per_km: v,
        };
        ModeFactors {
            year: 2023,
            source: "ADEME Impact CO2 (Base Carbone / Base Empreinte), per person-km, with vehicle construction".into(),
            factors: vec![
                f(Mode::CarAlone, dec!(0.2176)),
                f(Mode::Carpool, dec!(0.1088)),
                f(Mode::Motorbike, dec!(0.192)),
                f(Mode::Bus, dec!(0.1127)),
                f(Mode::Tram, dec!(0.00428)),
                f(Mode::Metro, dec!(0.00444)),
                f(Mode::Coach, dec!(0.02942)),
                f(Mode::RegionalTrain, dec!(0.02769)),
                f(Mode::IntercityTrain, dec!(0.00898)),
                f(Mode::HighSpeedTrain, dec!(0.00293)),
                f(Mode::Bike, dec!(0)),
                f(Mode::EBike, dec!(0.0107)),
                f(Mode::Walking, dec!(0)),
                f(Mode::Plane, dec!(0.18756)),
            ],
        }
    }
}

impl ModeFactors {
    /// The factor of `mode`, if the table has one.
    pub fn get(&self, mode: Mode) -> Option<Decimal> {
        self.factors
            .iter()
            .find(|f| f.mode == mode)
            .map(|f| f.kg_co2e_per_km)
    }

    /// Checks that each mode appears once and no value is negative.
    ///
    /// # Errors
    /// [`Error::Duplicate`] or [`Error::InvalidValue`].
    pub fn validate(&self) -> Result<()> {
        for (i, f) in self.factors.iter().enumerate() {
            let at = Location::NONE.with_index(i);
            if self.factors[..i].iter().any(|g| g.mode == f.mode) {
                return Err(Error::Duplicate {
                    what: noun!("mode factor"),
                    id: f.mode.to_string(),
                    at,
                });
            }
            if f.kg_co2e_per_km < Decimal::ZERO {
                return Err(Error::invalid(
                    noun!("mode factor"),
                    f.kg_co2e_per_km,
                    msg!("cannot be negative"),
                )
                .within(&at));
            }
        }
        Ok(())
    }
}

/// The mobility theme's settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MobilityOptions {
    /// The reference period; the challenge's reference period if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_period: Option<Period>,
    /// The challenge period; the challenge's if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub challenge_period: Option<Period>,
    /// kgCO2e per person-km by mode (default [`ModeFactors::default`]).
    #[serde(default)]
    pub factors: ModeFactors,
}

impl MobilityOptions {
    /// The reference and challenge periods in force for `challenge`,
    /// checked: they share no day.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when they overlap.
    pub fn periods(&self, challenge: &crate::challenge::Challenge) -> Result<(Period, Period)> {
        let reference = self.reference_period.unwrap_or(challenge.reference_period);
        let period = self.challenge_period.unwrap_or(challenge.challenge_period);
        crate::rate::check_disjoint(reference, &[period])?;
        Ok((reference, period))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn default_factors_from_their_sources() {
        let f = ModeFactors::default();
        assert!(f.validate().is_ok());
        // Impact CO2: thermal car 0.192 (use) + 0.0256 (construction).
        assert_eq!(f.get(Mode::CarAlone), Some(dec!(0.192) + dec!(0.0256)));
        // Car-pool: the same car shared by two.
        assert_eq!(
            f.get(Mode::Carpool),
            Some((dec!(0.192) + dec!(0.0256)) / dec!(2))
        );
        assert_eq!(
            f.get(Mode::HighSpeedTrain),
            Some(dec!(0.0023) + dec!(0.00063))
        );
        assert_eq!(
            f.get(Mode::Plane),
            Some(dec!(0.1024) + dec!(0.00036) + dec!(0.0848))
        );
        assert_eq!(f.get(Mode::Other), None);
        let mut twice = f.clone();
        twice.factors.push(ModeFactor {
            mode: Mode::Bike,
            kg_co2e_per_km: dec!(0),
        });
        assert_eq!(twice.validate().unwrap_err().code(), "duplicate");
    }

    #[test]
    fn trips_are_checked() {
        let t: Trip =
            serde_json::from_str(r#"{"date":"2026-03-02","mode":"bike","km":"12.5"}"#).unwrap();
        assert_eq!(t.trips, 1);
        assert!(t.validate().is_ok());
        assert!(Trip { trips: 0, ..t }.validate().is_err());
        assert!(Trip {
            km: Km::new(dec!(-1)),
            ..t
        }
        .validate()
        .is_err());
        assert!(Mode::Carpool.is_car() && !Mode::Bus.is_car());
    }

    proptest! {
        #[test]
        fn modes_round_trip(i in 0usize..15) {
            let m = Mode::ALL[i];
            prop_assert_eq!(m.to_string().parse::<Mode>().unwrap(), m);
            let json = serde_json::to_string(&m).unwrap();
            prop_assert_eq!(serde_json::from_str::<Mode>(&json).unwrap(), m);
        }
    }
}
