//! One household's food indicators per survey (organic and local shares
//! of spending, cost per person per meal, spending by channel) and their
//! change between the first and the last survey.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::error::{Location, Result};
use crate::exclusion::{Exclusion, ExclusionCode, Warning, WarningCode};
use crate::household::Household;
use crate::outcome::{HouseholdResult, Outcome};
use crate::quantity::{add, sub, Euros, Ratio};
use crate::rate::{relative_change, Presence};

use super::input::{Channel, Survey};
use crate::{msg, noun};

/// Sums of one survey's purchases, for a household or a group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct SurveySums {
    pub(crate) purchases: usize,
    pub(crate) spending: Decimal,
    pub(crate) organic: Decimal,
    pub(crate) local: Decimal,
    pub(crate) person_meals: Decimal,
    pub(crate) presence: Presence,
    pub(crate) channels: BTreeMap<Channel, Decimal>,
}

impl SurveySums {
    /// Adds `other` into `self`.
    pub(crate) fn merge(&mut self, other: &SurveySums) -> Result<()> {
        self.purchases = self.purchases.saturating_add(other.purchases);
        self.spending = add(self.spending, other.spending, noun!("spending"))?;
        self.organic = add(self.organic, other.organic, noun!("spending"))?;
        self.local = add(self.local, other.local, noun!("spending"))?;
        self.person_meals = add(self.person_meals, other.person_meals, noun!("person-meals"))?;
        self.presence.person_days = add(
            self.presence.person_days,
            other.presence.person_days,
            noun!("person-days"),
        )?;
        self.presence.unit_days = add(
            self.presence.unit_days,
            other.presence.unit_days,
            noun!("unit-days"),
        )?;
        for (&c, &v) in &other.channels {
            let e = self.channels.entry(c).or_default();
            *e = add(*e, v, noun!("spending"))?;
        }
        Ok(())
    }
}

/// Spending in one channel.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelSpending {
    /// The channel.
    pub channel: Channel,
    /// € spent there.
    pub amount: Euros,
    /// Its share of the survey's spending.
    pub share: Ratio,
}

/// One survey's figures.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveyFigures {
    /// The survey's name.
    pub survey: String,
    /// The number of purchases.
    pub purchases: usize,
    /// Σ€.
    pub spending: Euros,
    /// Organic share of spending: Σ€ organic ÷ Σ€.
    pub organic_share: Ratio,
    /// Local share of spending: Σ€ local ÷ Σ€.
    pub local_share: Ratio,
    /// Σ(meals × persons) fed by the purchases.
    pub person_meals: Decimal,
    /// Cost per person per meal: Σ€ ÷ Σ(meals × persons) (DOMAIN.md §6);
    /// `None` when no purchase feeds a meal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_per_person_meal: Option<Euros>,
    /// € per person per day of presence in the survey.
    pub spending_per_person_day: Euros,
    /// € per consumption unit per day of presence.
    pub spending_per_unit_day: Euros,
    /// Spending by channel, in the order of [`Channel`].
    pub channels: Vec<ChannelSpending>,
}

impl SurveyFigures {
    /// The figures of `sums` (whose spending is above zero).
    pub(crate) fn of(survey: &str, s: &SurveySums) -> Result<Self> {
        Ok(SurveyFigures {
            survey: survey.to_owned(),
            purchases: s.purchases,
            spending: Euros::new(s.spending),
            organic_share: Ratio::of(s.organic, s.spending, noun!("organic share"))?,
            local_share: Ratio::of(s.local, s.spending, noun!("local share"))?,
            person_meals: s.person_meals,
            cost_per_person_meal: if s.person_meals.is_zero() {
                None
            } else {
                Some(Euros::new(crate::quantity::div(
                    s.spending,
                    s.person_meals,
                    "cost per person-meal",
                )?))
            },
            spending_per_person_day: Euros::new(s.presence.per_person_day(s.spending)?),
            spending_per_unit_day: Euros::new(s.presence.per_unit_day(s.spending)?),
            channels: s
                .channels
                .iter()
                .map(|(&channel, &amount)| {
                    Ok(ChannelSpending {
                        channel,
                        amount: Euros::new(amount),
                        share: Ratio::of(amount, s.spending, noun!("channel share"))?,
                    })
                })
                .collect::<Result<_>>()?,
        })
    }
}

/// The change from the first to the last survey, and the goal.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FoodChange {
    /// The first survey's name.
    pub from: String,
    /// The last survey's name.
    pub to: String,
    /// Change of the organic share, in points (as a fraction: 0.09 is +9
    /// points).
    pub organic_share_change: Ratio,
    /// Change of the local share, in points.
    pub local_share_change: Ratio,
    /// Relative change of the cost per person per meal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_per_person_meal_change: Option<Ratio>,
    /// Relative change of the spending per person per day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spending_per_person_day_change: Option<Ratio>,
    /// "More organic and local at constant budget": both shares went up and
    /// the cost per person per meal (or, without meals, the spending per
    /// person per day) rose by no more than the tolerance.
    pub goal_met: bool,
}

impl FoodChange {
    /// The change between two surveys' figures.
    pub(crate) fn between(
        first: &SurveyFigures,
        last: &SurveyFigures,
        tolerance: Ratio,
    ) -> Result<Self> {
        let pts = |a: Ratio, b: Ratio| {
            sub(b.fraction(), a.fraction(), noun!("change in points")).map(Ratio::new)
        };
        let cost = match (first.cost_per_person_meal, last.cost_per_person_meal) {
            (Some(a), Some(b)) => relative_change(a.value(), b.value())?,
            _ => None,
        };
        let per_day = relative_change(
            first.spending_per_person_day.value(),
            last.spending_per_person_day.value(),
        )?;
        let organic = pts(first.organic_share, last.organic_share)?;
        let local = pts(first.local_share, last.local_share)?;
        let budget = if first.cost_per_person_meal.is_some() {
            cost
        } else {
            per_day
        };
        let goal_met = organic.fraction() > Decimal::ZERO
            && local.fraction() > Decimal::ZERO
            && budget.is_some_and(|b| b <= tolerance);
        Ok(FoodChange {
            from: first.survey.clone(),
            to: last.survey.clone(),
            organic_share_change: organic,
            local_share_change: local,
            cost_per_person_meal_change: cost,
            spending_per_person_day_change: per_day,
            goal_met,
        })
    }
}

/// A household's food indicators.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FoodIndicators {
    /// Each survey in which the household bought something, in order.
    pub surveys: Vec<SurveyFigures>,
    /// From the first to the last survey.
    pub change: FoodChange,
    /// From each survey to the next (of those with spending).
    pub steps: Vec<FoodChange>,
}

/// The changes from each survey's figures to the next.
pub(crate) fn steps(figures: &[SurveyFigures], tolerance: Ratio) -> Result<Vec<FoodChange>> {
    figures
        .windows(2)
        .filter_map(|w| match w {
            [a, b] => Some(FoodChange::between(a, b, tolerance)),
            _ => None,
        })
        .collect()
}

/// A household's sums per survey (`None` for a survey without purchase),
/// and the indices of purchases outside every survey.
pub(crate) fn survey_sums(
    household: &Household,
    surveys: &[Survey],
) -> Result<(Vec<Option<SurveySums>>, Vec<usize>)> {
    let mut sums: Vec<Option<SurveySums>> = vec![None; surveys.len()];
    let mut outside = Vec::new();
    for (i, p) in household.food_purchases.iter().enumerate() {
        let Some(k) = surveys.iter().position(|s| s.period.contains(p.date)) else {
            outside.push(i);
            continue;
        };
        let Some(slot) = sums.get_mut(k) else {
            continue;
        };
        let s = slot.get_or_insert_with(SurveySums::default);
        let amount = p.amount.value();
        s.purchases += 1;
        s.spending = add(s.spending, amount, noun!("spending"))?;
        if p.organic {
            s.organic = add(s.organic, amount, noun!("spending"))?;
        }
        if p.local {
            s.local = add(s.local, amount, noun!("spending"))?;
        }
        s.person_meals = add(s.person_meals, p.person_meals(), noun!("person-meals"))?;
        let c = s.channels.entry(p.channel).or_default();
        *c = add(*c, amount, noun!("spending"))?;
    }
    for (slot, survey) in sums.iter_mut().zip(surveys) {
        if let Some(s) = slot {
            s.presence = Presence::over(&household.occupancy, &[survey.period])?;
        }
    }
    Ok((sums, outside))
}

/// A household's food result over `surveys` (in order, at least two).
///
/// Excluded when it has no purchase ([`ExclusionCode::NoData`]), none in
/// the first or the last survey ([`ExclusionCode::PeriodNotCovered`]), or
/// spent nothing in one of them ([`ExclusionCode::ZeroReference`]). A
/// purchase outside every survey is not counted, with a warning.
///
/// # Errors
/// [`crate::Error::Overflow`] beyond the decimal range, located in the
/// household.
pub fn household_food(
    household: &Household,
    surveys: &[Survey],
    tolerance: Ratio,
) -> Result<HouseholdResult<FoodIndicators>> {
    household_food_and_sums(household, surveys, tolerance).map(|(result, _)| result)
}

/// [`household_food`], and the household's sums per survey when it is
/// counted (empty otherwise): the report pools them by team and for the
/// challenge without reading the purchases again.
pub(crate) fn household_food_and_sums(
    household: &Household,
    surveys: &[Survey],
    tolerance: Ratio,
) -> Result<(HouseholdResult<FoodIndicators>, Vec<Option<SurveySums>>)> {
    let at = Location::household(&household.id);
    let mut warnings = Vec::new();
    let mut counted_sums = Vec::new();
    let outcome = (|| -> Result<Outcome<FoodIndicators>> {
        if household.food_purchases.is_empty() {
            return Ok(Outcome::Excluded(Exclusion::new(
                ExclusionCode::NoData,
                msg!("no purchase"),
            )));
        }
        let (sums, outside) = survey_sums(household, surveys)?;
        if let Some(first) = outside.first() {
            warnings.push(Warning::new(
                WarningCode::OutsidePeriods,
                msg!(
                    "{count} purchase(s) dated outside every survey, not counted (first: item {first})",
                    count = outside.len(),
                    first = *first
                ),
            ));
        }
        for (end, survey) in [
            (sums.first(), surveys.first()),
            (sums.last(), surveys.last()),
        ] {
            let name = survey.map_or("", |s| s.name.as_str());
            match end.and_then(Option::as_ref) {
                None => {
                    return Ok(Outcome::Excluded(Exclusion::new(
                        ExclusionCode::PeriodNotCovered,
                        msg!("no purchase in the survey `{survey}`", survey = name),
                    )))
                }
                Some(s) if s.spending <= Decimal::ZERO => {
                    return Ok(Outcome::Excluded(Exclusion::new(
                        ExclusionCode::ZeroReference,
                        msg!("nothing spent in the survey `{survey}`", survey = name),
                    )))
                }
                Some(_) => {}
            }
        }
        let mut figures = Vec::new();
        for (s, survey) in sums.iter().zip(surveys) {
            if let Some(s) = s {
                if s.spending > Decimal::ZERO {
                    figures.push(SurveyFigures::of(&survey.name, s)?);
                }
            }
        }
        let (Some(first), Some(last)) = (figures.first(), figures.last()) else {
            return Ok(Outcome::Excluded(Exclusion::new(
                ExclusionCode::NoData,
                msg!("no survey with spending"),
            )));
        };
        let change = FoodChange::between(first, last, tolerance)?;
        let steps = steps(&figures, tolerance)?;
        counted_sums = sums;
        Ok(Outcome::Computed(FoodIndicators {
            surveys: figures,
            change,
            steps,
        }))
    })()
    .map_err(|e| e.within(&at))?;
    let result = HouseholdResult::new(
        household.id.clone(),
        household.team.clone(),
        outcome,
        warnings,
    );
    Ok((result, counted_sums))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::{date, Date};
    use crate::food::{Purchase, DEFAULT_BUDGET_TOLERANCE};
    use crate::household::Occupants;
    use crate::id::{HouseholdId, TeamId};
    use crate::period::Period;
    use proptest::prelude::*;
    use rust_decimal::dec;

    #[allow(clippy::fn_params_excessive_bools)]
    fn p(
        date: Date,
        amount: Decimal,
        organic: bool,
        local: bool,
        channel: Channel,
        meals: u32,
    ) -> Purchase {
        Purchase {
            date,
            amount: Euros::new(amount),
            organic,
            local,
            channel,
            meals,
            persons: 3,
        }
    }

    fn surveys() -> Vec<Survey> {
        vec![
            Survey {
                name: "start".into(),
                period: Period::new(date(2026, 1, 5), date(2026, 1, 18)).unwrap(),
            },
            Survey {
                name: "end".into(),
                period: Period::new(date(2026, 3, 2), date(2026, 3, 15)).unwrap(),
            },
        ]
    }

    fn family(purchases: Vec<Purchase>) -> Household {
        let mut h = Household::new(
            HouseholdId::new("A1").unwrap(),
            TeamId::new("A").unwrap(),
            Occupants::new(2, vec![10]).unwrap(),
        );
        h.food_purchases = purchases;
        h
    }

    fn start() -> Vec<Purchase> {
        let d = date(2026, 1, 10);
        vec![
            p(d, dec!(120), false, false, Channel::Supermarket, 10),
            p(d, dec!(30), false, true, Channel::Market, 4),
            p(d, dec!(20), true, true, Channel::Producer, 2),
            p(d, dec!(30), true, false, Channel::Shop, 4),
        ]
    }

    #[test]
    fn shares_cost_and_goal_by_hand() {
        let d = date(2026, 3, 10);
        let mut all = start();
        all.extend([
            p(d, dec!(90), false, false, Channel::Supermarket, 10),
            p(d, dec!(50), true, true, Channel::Market, 6),
            p(d, dec!(40), true, true, Channel::Producer, 4),
            p(d, dec!(20), true, false, Channel::Shop, 2),
        ]);
        let res = household_food(&family(all), &surveys(), DEFAULT_BUDGET_TOLERANCE).unwrap();
        let f = res.figures().unwrap();
        let (a, b) = (&f.surveys[0], &f.surveys[1]);
        // Start: 200 €, organic 20 + 30 = 50 (25 %), local 30 + 20 = 50
        // (25 %), 60 person-meals → 3.3333 €/person/meal; 200 / 42
        // person-days.
        assert_eq!(a.spending, Euros::new(dec!(200)));
        assert_eq!(a.organic_share, Ratio::new(dec!(0.25)));
        assert_eq!(a.local_share, Ratio::new(dec!(0.25)));
        assert_eq!(a.person_meals, dec!(60));
        assert_eq!(
            a.cost_per_person_meal.unwrap().value().round_dp(6),
            dec!(3.333333)
        );
        assert_eq!(
            a.spending_per_person_day.value().round_dp(6),
            dec!(4.761905)
        );
        assert_eq!(a.channels[0].channel, Channel::Supermarket);
        assert_eq!(a.channels[0].share, Ratio::new(dec!(0.6)));
        // End: 200 €, organic 110 (55 %), local 90 (45 %), 66 person-meals.
        assert_eq!(b.organic_share, Ratio::new(dec!(0.55)));
        assert_eq!(b.local_share, Ratio::new(dec!(0.45)));
        assert_eq!(f.change.organic_share_change, Ratio::new(dec!(0.30)));
        assert_eq!(f.change.local_share_change, Ratio::new(dec!(0.20)));
        // 60 / 66 − 1 = −0.090909…
        assert_eq!(
            f.change
                .cost_per_person_meal_change
                .unwrap()
                .fraction()
                .round_dp(6),
            dec!(-0.090909)
        );
        assert!(f.change.goal_met);
    }

    #[test]
    fn goal_missed_when_cost_rises() {
        // Same shares up, but 240 € for the same 60 person-meals: +20 %.
        let d = date(2026, 3, 10);
        let mut all = start();
        all.extend([
            p(d, dec!(100), false, false, Channel::Supermarket, 10),
            p(d, dec!(140), true, true, Channel::Producer, 10),
        ]);
        let res = household_food(&family(all), &surveys(), DEFAULT_BUDGET_TOLERANCE).unwrap();
        let c = &res.figures().unwrap().change;
        assert_eq!(c.cost_per_person_meal_change, Some(Ratio::new(dec!(0.2))));
        assert!(!c.goal_met);
    }

    #[test]
    fn exclusions() {
        let s = surveys();
        let t = DEFAULT_BUDGET_TOLERANCE;
        let code = |h: &Household| {
            household_food(h, &s, t)
                .unwrap()
                .exclusion()
                .map(|e| e.code)
        };
        assert_eq!(code(&family(vec![])), Some(ExclusionCode::NoData));
        assert_eq!(
            code(&family(start())),
            Some(ExclusionCode::PeriodNotCovered)
        );
        let mut free = start();
        free.push(p(date(2026, 3, 3), dec!(0), true, true, Channel::Other, 1));
        assert_eq!(code(&family(free)), Some(ExclusionCode::ZeroReference));
        let mut outside = start();
        outside.push(p(date(2026, 3, 3), dec!(10), true, true, Channel::Other, 1));
        outside.push(p(date(2026, 2, 3), dec!(10), true, true, Channel::Other, 1));
        let res = household_food(&family(outside), &s, t).unwrap();
        assert_eq!(res.warnings[0].code, WarningCode::OutsidePeriods);
    }

    proptest! {
        /// Splitting every purchase into two halves (amount and meals)
        /// changes no indicator but the number of purchases.
        #[test]
        fn splitting_purchases_changes_nothing(items in proptest::collection::vec((1u32..5_000, any::<bool>(), any::<bool>(), 0usize..6, 1u32..6), 1..12)) {
            let mk = |halves: bool| {
                let mut all = Vec::new();
                for (k, &(c, o, l, ch, m)) in items.iter().enumerate() {
                    let d = if k % 2 == 0 { date(2026, 1, 10) } else { date(2026, 3, 10) };
                    let (amount, meals) = (Decimal::new(i64::from(c) * 2, 2), m * 2);
                    if halves {
                        let half = p(d, amount / dec!(2), o, l, Channel::ALL[ch], meals / 2);
                        all.extend([half, half]);
                    } else {
                        all.push(p(d, amount, o, l, Channel::ALL[ch], meals));
                    }
                }
                all.push(p(date(2026, 1, 11), dec!(1), false, false, Channel::Shop, 1));
                all.push(p(date(2026, 3, 11), dec!(1), false, false, Channel::Shop, 1));
                household_food(&family(all), &surveys(), DEFAULT_BUDGET_TOLERANCE).unwrap()
            };
            let (whole, halves) = (mk(false), mk(true));
            let (a, b) = (whole.figures().unwrap(), halves.figures().unwrap());
            prop_assert_eq!(&a.change, &b.change);
            for (x, y) in a.surveys.iter().zip(&b.surveys) {
                prop_assert_eq!(x.organic_share, y.organic_share);
                prop_assert_eq!(x.cost_per_person_meal, y.cost_per_person_meal);
                prop_assert_eq!(&x.channels, &y.channels);
            }
        }

        /// Shares are in [0, 1] and channel shares add up to 1.
        #[test]
        fn shares_are_fractions(items in proptest::collection::vec((1u32..10_000, any::<bool>(), any::<bool>(), 0usize..6, 0u32..20), 1..30)) {
            let d = date(2026, 1, 10);
            let mut all: Vec<Purchase> = items.iter().map(|&(c, o, l, ch, m)| p(d, Decimal::new(i64::from(c), 2), o, l, Channel::ALL[ch], m)).collect();
            all.push(p(date(2026, 3, 10), dec!(1), false, false, Channel::Shop, 1));
            let res = household_food(&family(all), &surveys(), DEFAULT_BUDGET_TOLERANCE).unwrap();
            let a = &res.figures().unwrap().surveys[0];
            prop_assert!(a.organic_share.fraction() >= Decimal::ZERO && a.organic_share.fraction() <= Decimal::ONE);
            prop_assert!(a.local_share.fraction() >= Decimal::ZERO && a.local_share.fraction() <= Decimal::ONE);
            let total: Decimal = a.channels.iter().map(|c| c.share.fraction()).sum();
            prop_assert!((total - Decimal::ONE).abs() < dec!(0.000000000001));
        }
    }
}
