//! Food purchases recorded during surveys, and the food theme's settings.

use crate::date::Date;
use rust_decimal::{dec, Decimal};

use crate::challenge::Challenge;
use crate::error::{Error, Location, Result};
use crate::named_enum;
use crate::period::Period;
use crate::quantity::{Euros, Ratio};
use crate::{msg, noun};

named_enum! {
    /// Where food was bought.
    #[non_exhaustive]
    pub enum Channel ("food channel") {
        /// Supermarket or hypermarket (*grande surface*).
        Supermarket = "supermarket",
        /// Open-air or covered market.
        Market = "market",
        /// Direct from the producer (farm shop, AMAP basket…).
        Producer = "producer",
        /// Shop: grocer, baker, butcher, organic shop.
        Shop = "shop",
        /// Online shopping or delivery.
        Online = "online",
        /// Anything else (own garden excluded: it costs nothing).
        Other = "other",
    }
}

/// One purchase: what it cost, whether organic and local, where it was
/// bought, and the meals and persons it feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Purchase {
    /// The day of the purchase: it counts in the survey containing it.
    pub date: Date,
    /// The amount paid, in euros.
    pub amount: Euros,
    /// Whether the product is organic (*bio*, AB label or equivalent).
    pub organic: bool,
    /// Whether the product is local (as the challenge defines it, often
    /// within 100–150 km).
    pub local: bool,
    /// Where it was bought.
    pub channel: Channel,
    /// The number of meals it feeds.
    pub meals: u32,
    /// The number of persons at those meals.
    pub persons: u32,
}

impl Purchase {
    /// Σ(meals × persons) contribution of this purchase.
    pub fn person_meals(&self) -> Decimal {
        Decimal::from(u64::from(self.meals) * u64::from(self.persons))
    }

    /// Checks that the amount is not negative.
    ///
    /// # Errors
    /// [`Error::InvalidValue`].
    pub fn validate(&self) -> Result<()> {
        if self.amount.value() < Decimal::ZERO {
            return Err(Error::invalid(
                noun!("purchase amount"),
                self.amount.value(),
                msg!("an amount cannot be negative"),
            ));
        }
        Ok(())
    }
}

/// A survey (*relevé d'achats*, usually 14 days) at one stage of the
/// challenge: start, middle, end, or any other.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Survey {
    /// Its name, e.g. `start`.
    pub name: String,
    /// Its days.
    pub period: Period,
}

/// The default tolerance on the cost per person per meal for "at constant
/// budget": +5 % **\[design\]** (the Foyers à Alimentation Positive goal is
/// "more organic and local at constant budget", DOMAIN.md §6; prices and
/// menus vary by a few percent between surveys).
pub const DEFAULT_BUDGET_TOLERANCE: Ratio = Ratio::new(dec!(0.05));

/// The food theme's settings.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FoodOptions {
    /// The surveys, in order; if empty, `start` over the challenge's
    /// reference period and `end` over its challenge period.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub surveys: Vec<Survey>,
    /// How much the cost per person per meal may rise between the first and
    /// the last survey with the budget still "constant".
    #[serde(default = "default_tolerance")]
    pub budget_tolerance: Ratio,
}

fn default_tolerance() -> Ratio {
    DEFAULT_BUDGET_TOLERANCE
}

impl Default for FoodOptions {
    fn default() -> Self {
        FoodOptions {
            surveys: Vec::new(),
            budget_tolerance: DEFAULT_BUDGET_TOLERANCE,
        }
    }
}

impl FoodOptions {
    /// The surveys in force for `challenge`, checked: at least two, in
    /// order, distinct names, no shared day.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] or [`Error::Duplicate`].
    pub fn surveys(&self, challenge: &Challenge) -> Result<Vec<Survey>> {
        let surveys = if self.surveys.is_empty() {
            vec![
                Survey {
                    name: "start".into(),
                    period: challenge.reference_period,
                },
                Survey {
                    name: "end".into(),
                    period: challenge.challenge_period,
                },
            ]
        } else {
            self.surveys.clone()
        };
        if surveys.len() < 2 {
            return Err(Error::invalid(
                noun!("food surveys"),
                surveys.len(),
                msg!("a change needs at least two surveys"),
            ));
        }
        for (i, s) in surveys.iter().enumerate() {
            let at = Location::NONE.with_index(i);
            if surveys[..i].iter().any(|t| t.name == s.name) {
                return Err(Error::Duplicate {
                    what: noun!("survey"),
                    id: s.name.clone(),
                    at,
                });
            }
            if let Some(prev) = i.checked_sub(1).and_then(|j| surveys.get(j)) {
                if prev.period.last() >= s.period.first() {
                    return Err(Error::InvalidValue {
                        what: noun!("survey period"),
                        got: s.period.to_string(),
                        why: msg!(
                            "surveys are in order and do not overlap (previous: {previous})",
                            previous = prev.period
                        ),
                        at,
                    });
                }
            }
        }
        if self.budget_tolerance.fraction() < Decimal::ZERO {
            return Err(Error::invalid(
                noun!("budget tolerance"),
                self.budget_tolerance.fraction(),
                msg!("a tolerance cannot be negative"),
            ));
        }
        Ok(surveys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::date;
    use proptest::prelude::*;

    fn challenge() -> Challenge {
        Challenge {
            name: "x".into(),
            territory: "y".into(),
            organiser_kind: crate::challenge::OrganiserKind::Association,
            themes: vec![crate::challenge::Theme::Food],
            reference_period: Period::new(date(2026, 1, 1), date(2026, 1, 14)).unwrap(),
            challenge_period: Period::new(date(2026, 3, 1), date(2026, 3, 14)).unwrap(),
            objective: Ratio::new(dec!(0.1)),
            teams: vec![],
            weather_station: None,
        }
    }

    #[test]
    fn surveys_are_checked() {
        let c = challenge();
        let default = FoodOptions::default().surveys(&c).unwrap();
        assert_eq!(default[0].name, "start");
        assert_eq!(default[1].period, c.challenge_period);
        let s = |name: &str, a, b| Survey {
            name: name.into(),
            period: Period::new(a, b).unwrap(),
        };
        let overlapping = FoodOptions {
            surveys: vec![
                s("a", date(2026, 1, 1), date(2026, 1, 14)),
                s("b", date(2026, 1, 10), date(2026, 1, 20)),
            ],
            ..FoodOptions::default()
        };
        assert_eq!(overlapping.surveys(&c).unwrap_err().code(), "invalid_value");
        let twice = FoodOptions {
            surveys: vec![
                s("a", date(2026, 1, 1), date(2026, 1, 14)),
                s("a", date(2026, 2, 1), date(2026, 2, 14)),
            ],
            ..FoodOptions::default()
        };
        assert_eq!(twice.surveys(&c).unwrap_err().code(), "duplicate");
        let one = FoodOptions {
            surveys: vec![s("a", date(2026, 1, 1), date(2026, 1, 14))],
            ..FoodOptions::default()
        };
        assert!(one.surveys(&c).is_err());
        let o: FoodOptions = serde_json::from_str("{}").unwrap();
        assert_eq!(o.budget_tolerance, DEFAULT_BUDGET_TOLERANCE);
        assert!(serde_json::from_str::<FoodOptions>(r#"{"tolerance":"0.1"}"#).is_err());
    }

    proptest! {
        #[test]
        fn channels_round_trip(i in 0usize..6) {
            let c = Channel::ALL[i];
            prop_assert_eq!(c.to_string().parse::<Channel>().unwrap(), c);
            let json = serde_json::to_string(&c).unwrap();
            prop_assert_eq!(serde_json::from_str::<Channel>(&json).unwrap(), c);
        }
    }
}
