//! The food section of a challenge's report.

use rust_decimal::Decimal;

use crate::aggregate::{in_rank_order, median, ExclusionCount};
use crate::challenge::Challenge;
use crate::error::{Location, Result, CHALLENGE};
use crate::exclusion::ExclusionCode;
use crate::french::{households as french_households, percent, share};
use crate::household::Household;
use crate::id::TeamId;
use crate::outcome::HouseholdResult;
use crate::quantity::{add, div, Ratio};

use super::household::{
    household_food_and_sums, steps, FoodChange, FoodIndicators, SurveyFigures, SurveySums,
};
use super::input::{FoodOptions, Survey};
use crate::noun;

/// A group's (team or challenge) food statistics. Survey figures pool the
/// counted households' purchases (shares of the group's spending, cost per
/// person-meal of the group's meals) **\[design\]**; the goal is checked on
/// the pooled figures and counted per household.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FoodTotals {
    /// Households counted (with a result).
    pub households: u32,
    /// Households left out.
    pub excluded: u32,
    /// Households left out, by reason.
    pub exclusions: Vec<ExclusionCount>,
    /// Counted households that met the goal.
    pub households_meeting_goal: u32,
    /// Each survey's pooled figures (surveys with spending), in order.
    pub surveys: Vec<SurveyFigures>,
    /// From the first to the last survey, pooled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<FoodChange>,
    /// From each survey to the next, pooled.
    pub steps: Vec<FoodChange>,
    /// Mean of household changes of the organic share, in points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean_organic_share_change: Option<Ratio>,
    /// Median of household changes of the organic share, in points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub median_organic_share_change: Option<Ratio>,
    /// Mean of household changes of the local share, in points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean_local_share_change: Option<Ratio>,
}

/// A team's food statistics and rank.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FoodTeam {
    /// The team.
    pub team: TeamId,
    /// Its name.
    pub name: String,
    /// Its rank by the pooled gain of organic plus local share, in points
    /// (1 = the largest gain) **\[design\]**.
    pub rank: u32,
    /// Its statistics.
    pub totals: FoodTotals,
}

/// The food section of a report.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FoodReport {
    /// The surveys used.
    pub surveys: Vec<Survey>,
    /// The tolerance on the cost per person-meal for the goal.
    pub budget_tolerance: Ratio,
    /// Every household of the input, computed or excluded, in input order.
    pub households: Vec<HouseholdResult<FoodIndicators>>,
    /// Every team with its rank, best first (ties in the challenge's order).
    pub teams: Vec<FoodTeam>,
    /// The whole challenge.
    pub totals: FoodTotals,
    /// The published-style result, e.g. "12 foyers, part du bio 24,0 % →
    /// 33,0 %, part du local 18,0 % → 27,0 %, coût par repas et par personne
    /// −2,0 %".
    pub headline: String,
}

fn mean(values: &[Decimal]) -> Result<Option<Ratio>> {
    if values.is_empty() {
        return Ok(None);
    }
    let s = values
        .iter()
        .try_fold(Decimal::ZERO, |acc, v| add(acc, *v, noun!("mean")))?;
    Ok(Some(Ratio::new(div(
        s,
        Decimal::from(values.len()),
        noun!("mean"),
    )?)))
}

/// A group's totals from its members' results and sums per survey (as
/// [`household_food_and_sums`] gives them).
fn group_totals(
    members: &[(&HouseholdResult<FoodIndicators>, &[Option<SurveySums>])],
    surveys: &[Survey],
    tolerance: Ratio,
) -> Result<FoodTotals> {
    let mut pooled: Vec<Option<SurveySums>> = vec![None; surveys.len()];
    let mut by_code = vec![0u32; ExclusionCode::ALL.len()];
    let (mut counted, mut goal) = (0u32, 0u32);
    let (mut organic, mut local) = (Vec::new(), Vec::new());
    for (r, sums) in members {
        match r.result() {
            Err(e) => {
                if let Some(slot) = ExclusionCode::ALL
                    .iter()
                    .position(|c| *c == e.code)
                    .and_then(|i| by_code.get_mut(i))
                {
                    *slot += 1;
                }
            }
            Ok(ind) => {
                counted += 1;
                if ind.change.goal_met {
                    goal += 1;
                }
                organic.push(ind.change.organic_share_change.fraction());
                local.push(ind.change.local_share_change.fraction());
                for (slot, s) in pooled.iter_mut().zip(sums.iter()) {
                    if let Some(s) = s {
                        slot.get_or_insert_with(SurveySums::default).merge(s)?;
                    }
                }
            }
        }
    }
    let mut figures = Vec::new();
    for (s, survey) in pooled.iter().zip(surveys) {
        if let Some(s) = s {
            if s.spending > Decimal::ZERO {
                figures.push(SurveyFigures::of(&survey.name, s)?);
            }
        }
    }
    let change = match (figures.first(), figures.last()) {
        (Some(a), Some(b)) if figures.len() > 1 => Some(FoodChange::between(a, b, tolerance)?),
        _ => None,
    };
    Ok(FoodTotals {
        households: counted,
        excluded: by_code.iter().sum(),
        exclusions: ExclusionCode::ALL
            .iter()
            .zip(&by_code)
            .filter(|(_, &n)| n > 0)
            .map(|(&code, &households)| ExclusionCount { code, households })
            .collect(),
        households_meeting_goal: goal,
        steps: steps(&figures, tolerance)?,
        surveys: figures,
        change,
        mean_organic_share_change: mean(&organic)?,
        median_organic_share_change: median(&mut organic)?.map(Ratio::new),
        mean_local_share_change: mean(&local)?,
    })
}

/// The food section for `households` of `challenge`.
///
/// # Errors
/// [`crate::Error::InvalidValue`] or [`crate::Error::Duplicate`] for
/// invalid surveys; [`crate::Error::Overflow`] beyond the decimal range.
pub fn food_report(
    challenge: &Challenge,
    households: &[Household],
    options: &FoodOptions,
) -> Result<FoodReport> {
    let surveys = options.surveys(challenge)?;
    let tolerance = options.budget_tolerance;
    let (results, sums): (Vec<_>, Vec<_>) = crate::parallel::map(households, &|h| {
        household_food_and_sums(h, &surveys, tolerance)
    })?
    .into_iter()
    .unzip();
    let pairs: Vec<_> = results
        .iter()
        .zip(&sums)
        .map(|(r, s)| (r, s.as_slice()))
        .collect();
    let teams = challenge
        .teams
        .iter()
        .map(|t| {
            let members: Vec<_> = pairs
                .iter()
                .copied()
                .filter(|(r, _)| r.team == t.id)
                .collect();
            Ok(FoodTeam {
                team: t.id.clone(),
                name: t.name.clone(),
                rank: 0,
                totals: group_totals(&members, &surveys, tolerance)
                    .map_err(|e| e.within(&Location::team(&t.id)))?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    // `ranks` puts the lowest first: rank by the negated gain.
    let gains = teams
        .iter()
        .map(|t| {
            t.totals
                .change
                .as_ref()
                .map(|c| ranking_gain(c).map(|g| Ratio::new(-g.fraction())))
                .transpose()
        })
        .collect::<Result<Vec<_>>>()?;
    let teams = in_rank_order(teams, &gains, |t, rank| t.rank = rank);
    let all = group_totals(&pairs, &surveys, tolerance).map_err(|e| e.at_path(CHALLENGE))?;
    let mut headline = french_households(all.households);
    if let (Some(a), Some(b)) = (all.surveys.first(), all.surveys.last()) {
        headline = format!(
            "{headline}, part du bio {} \u{2192} {}, part du local {} \u{2192} {}",
            share(a.organic_share, 1),
            share(b.organic_share, 1),
            share(a.local_share, 1),
            share(b.local_share, 1)
        );
    }
    if let Some(c) = all
        .change
        .as_ref()
        .and_then(|c| c.cost_per_person_meal_change)
    {
        headline = format!(
            "{headline}, coût par repas et par personne {}",
            percent(c, 1)
        );
    }
    Ok(FoodReport {
        surveys,
        budget_tolerance: tolerance,
        households: results,
        teams,
        totals: all,
        headline,
    })
}

crate::section::impl_section!(FoodReport, Food, |t| (
    t.totals.households,
    t.totals.excluded,
    crate::section::Score::Points(t.totals.change.as_ref().and_then(|c| ranking_gain(c).ok()))
));

/// The gain a team is ranked by: organic plus local share, in points, from
/// the first survey to the last.
fn ranking_gain(c: &super::household::FoodChange) -> Result<Ratio> {
    add(
        c.organic_share_change.fraction(),
        c.local_share_change.fraction(),
        noun!("gain"),
    )
    .map(Ratio::new)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::challenge::{OrganiserKind, Team, Theme};
    use crate::date::date;
    use crate::food::{Channel, Purchase};
    use crate::household::Occupants;
    use crate::id::HouseholdId;
    use crate::period::Period;
    use crate::quantity::Euros;
    use rust_decimal::dec;

    fn challenge() -> Challenge {
        let team = |id: &str| Team {
            id: TeamId::new(id).unwrap(),
            name: format!("Team {id}"),
            captain: None,
        };
        Challenge {
            name: "Défi alimentation".into(),
            territory: "Arras".into(),
            organiser_kind: OrganiserKind::Association,
            themes: vec![Theme::Food],
            reference_period: Period::new(date(2026, 1, 5), date(2026, 1, 18)).unwrap(),
            challenge_period: Period::new(date(2026, 3, 2), date(2026, 3, 15)).unwrap(),
            objective: Ratio::new(dec!(0.1)),
            teams: vec![team("A"), team("B")],
            weather_station: None,
        }
    }

    fn h(id: &str, team: &str, end: &[(Decimal, bool, bool, Channel, u32)]) -> Household {
        let mut h = Household::new(
            HouseholdId::new(id).unwrap(),
            TeamId::new(team).unwrap(),
            Occupants::new(2, vec![10]).unwrap(),
        );
        let p = |date, (amount, organic, local, channel, meals): (Decimal, bool, bool, Channel, u32)| Purchase {
            date,
            amount: Euros::new(amount),
            organic,
            local,
            channel,
            meals,
            persons: 3,
        };
        let start = [
            (dec!(120), false, false, Channel::Supermarket, 10),
            (dec!(30), false, true, Channel::Market, 4),
            (dec!(20), true, true, Channel::Producer, 2),
            (dec!(30), true, false, Channel::Shop, 4),
        ];
        h.food_purchases = start
            .iter()
            .map(|&x| p(date(2026, 1, 10), x))
            .chain(end.iter().map(|&x| p(date(2026, 3, 10), x)))
            .collect();
        h
    }

    #[test]
    fn pooled_by_hand() {
        let hs = vec![
            h(
                "F1",
                "A",
                &[
                    (dec!(90), false, false, Channel::Supermarket, 10),
                    (dec!(50), true, true, Channel::Market, 6),
                    (dec!(40), true, true, Channel::Producer, 4),
                    (dec!(20), true, false, Channel::Shop, 2),
                ],
            ),
            h(
                "F2",
                "B",
                &[
                    (dec!(100), false, false, Channel::Supermarket, 10),
                    (dec!(140), true, true, Channel::Producer, 10),
                ],
            ),
            h("F3", "B", &[]),
        ];
        let rep = food_report(&challenge(), &hs, &FoodOptions::default()).unwrap();
        let t = &rep.totals;
        assert_eq!((t.households, t.excluded), (2, 1));
        // F1 met the goal; F2's cost per person-meal rose 20 %.
        assert_eq!(t.households_meeting_goal, 1);
        // Pooled end: 440 €, organic 250, local 230, 126 person-meals.
        let end = &t.surveys[1];
        assert_eq!(end.spending, Euros::new(dec!(440)));
        assert_eq!(end.organic_share.fraction().round_dp(9), dec!(0.568181818));
        // (440/126) / (400/120) − 1 = 52800/50400 − 1 = 0.047619…: within 5 %.
        let c = t.change.as_ref().unwrap();
        assert_eq!(
            c.cost_per_person_meal_change
                .unwrap()
                .fraction()
                .round_dp(9),
            dec!(0.047619048)
        );
        assert!(c.goal_met);
        // Mean of +30 and +33.33 points.
        assert_eq!(
            t.mean_organic_share_change.unwrap().fraction().round_dp(9),
            dec!(0.316666667)
        );
        // B gained 66.7 points (organic + local), A 50: B first.
        let ranked: Vec<(&str, u32)> = rep
            .teams
            .iter()
            .map(|t| (t.team.as_str(), t.rank))
            .collect();
        assert_eq!(ranked, [("B", 1), ("A", 2)]);
        assert_eq!(
            rep.headline,
            "2 foyers, part du bio 25,0\u{a0}% \u{2192} 56,8\u{a0}%, part du local 25,0\u{a0}% \u{2192} 52,3\u{a0}%, coût par repas et par personne +4,8\u{a0}%"
        );
    }
}
