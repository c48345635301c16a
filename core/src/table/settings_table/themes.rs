//! The themes' settings in the settings table: water, waste, food and
//! mobility options, read and written back.

use rust_decimal::Decimal;

use crate::data::Options;
use crate::error::{Error, Result};
use crate::food::{FoodOptions, Survey};
use crate::message::Message;
use crate::period::Period;
use crate::water::WaterOptions;
#[cfg(feature = "themes")]
use crate::{mobility::MobilityOptions, waste::WasteOptions, water::WaterReference};
use crate::{msg, noun};

use super::super::value::{self, fold};
use super::keys::Key;
use super::Found;
#[cfg(feature = "themes")]
use super::{parse, period, share};

/// The waste theme's periods (DOMAIN.md §5): a reference period of its own
/// (`waste_reference_first` and `waste_reference_last`, both or neither;
/// the challenge's reference period otherwise) and the challenge periods,
/// which may differ in length (the challenge period otherwise). Whether
/// they overlap is checked when the challenge is computed
/// ([`WasteOptions::periods`]).
#[cfg(feature = "themes")]
fn waste_options(found: &Found<'_>) -> Result<WasteOptions> {
    let first = found.get(Key::WasteReferenceFirst);
    let last = found.get(Key::WasteReferenceLast);
    let reference_period = if first.is_some() || last.is_some() {
        Some(period(
            found,
            (
                Key::WasteReferenceFirst,
                noun!("waste reference period's first day"),
            ),
            (
                Key::WasteReferenceLast,
                noun!("waste reference period's last day"),
            ),
        )?)
    } else {
        None
    };
    let challenge_periods = match found.get(Key::WasteChallengePeriods) {
        Some(r) => periods(&r.value).map_err(|e| e.within(&r.value_at))?,
        None => Vec::new(),
    };
    Ok(WasteOptions {
        reference_period,
        challenge_periods,
    })
}

/// The water theme's options (DOMAIN.md §4): its own reference and
/// challenge periods (each both days or neither), the figure households are
/// compared with (litres per person and day, its year and its source: all
/// three or none, so that a figure never goes out under another's source),
/// and the limits of extrapolation and gaps; each one not given keeps its
/// default ([`WaterOptions::default`]).
#[cfg(feature = "themes")]
fn water_options(found: &Found<'_>) -> Result<WaterOptions> {
    let d = WaterOptions::default();
    let reference_period = optional_period(
        found,
        (
            Key::WaterReferenceFirst,
            noun!("water reference period's first day"),
        ),
        (
            Key::WaterReferenceLast,
            noun!("water reference period's last day"),
        ),
    )?;
    let challenge_period = optional_period(
        found,
        (
            Key::WaterChallengeFirst,
            noun!("water challenge period's first day"),
        ),
        (
            Key::WaterChallengeLast,
            noun!("water challenge period's last day"),
        ),
    )?;
    let value_keys = [
        Key::WaterReferenceLitres,
        Key::WaterReferenceYear,
        Key::WaterReferenceSource,
    ];
    let reference_value = if value_keys.iter().any(|k| found.get(*k).is_some()) {
        let litres = parse(
            found.required(Key::WaterReferenceLitres)?,
            value::decimal,
            noun!("water reference, litres per person per day"),
        )?;
        let year = parse(
            found.required(Key::WaterReferenceYear)?,
            value::count,
            noun!("water reference year"),
        )?;
        let source = found.required(Key::WaterReferenceSource)?.value.clone();
        WaterReference {
            litres_per_person_day: crate::quantity::Litres::new(litres),
            year,
            source,
        }
    } else {
        d.reference_value.clone()
    };
    Ok(WaterOptions {
        reference_period,
        challenge_period,
        reference_value,
        max_extrapolation_days: found.or(
            Key::WaterMaxExtrapolationDays,
            value::count,
            noun!("water maximum extrapolation days"),
            d.max_extrapolation_days,
        )?,
        max_gap_days: found.or(
            Key::WaterMaxGapDays,
            value::count,
            noun!("water maximum gap days"),
            d.max_gap_days,
        )?,
    })
}

/// The food theme's options (DOMAIN.md §7): its surveys, in order (each a
/// name and its days: `début du 01/12/2025 au 14/12/2025, fin du
/// 13/04/2026 au 26/04/2026`; the reference and challenge periods if not
/// given), and how much the cost per meal may rise with the budget still
/// constant ([`crate::food::DEFAULT_BUDGET_TOLERANCE`] if not given).
#[cfg(feature = "themes")]
fn food_options(found: &Found<'_>) -> Result<FoodOptions> {
    let d = FoodOptions::default();
    let surveys = match found.get(Key::FoodSurveys) {
        Some(r) => surveys(&r.value).map_err(|e| e.within(&r.value_at))?,
        None => d.surveys,
    };
    let budget_tolerance = match found.get(Key::FoodBudgetTolerance) {
        Some(r) => share(r, noun!("food budget tolerance"), true)?,
        None => d.budget_tolerance,
    };
    Ok(FoodOptions {
        surveys,
        budget_tolerance,
    })
}

/// The mobility theme's own periods (both days of each, or neither); its
/// impact factors stay the default table's (JSON settings change them).
#[cfg(feature = "themes")]
fn mobility_options(found: &Found<'_>) -> Result<MobilityOptions> {
    Ok(MobilityOptions {
        reference_period: optional_period(
            found,
            (
                Key::MobilityReferenceFirst,
                noun!("mobility reference period's first day"),
            ),
            (
                Key::MobilityReferenceLast,
                noun!("mobility reference period's last day"),
            ),
        )?,
        challenge_period: optional_period(
            found,
            (
                Key::MobilityChallengeFirst,
                noun!("mobility challenge period's first day"),
            ),
            (
                Key::MobilityChallengeLast,
                noun!("mobility challenge period's last day"),
            ),
        )?,
        ..MobilityOptions::default()
    })
}

/// A survey as the settings table writes it: `début du 2025-12-01 au
/// 2025-12-14`.
pub(super) fn survey_text(s: &Survey) -> String {
    format!("{} du {} au {}", s.name, s.period.first(), s.period.last())
}

/// Food surveys: entries separated by commas or semicolons, each a name
/// (words) then its first and last days, with the words of
/// [`PERIOD_WORDS`] between them if wished.
pub(super) fn surveys(text: &str) -> Result<Vec<Survey>> {
    let bad =
        |why: Message| Error::invalid(noun!("list of surveys"), crate::error::quoted(text), why);
    let mut out = Vec::new();
    for entry in text
        .split([',', ';'])
        .map(value::trim)
        .filter(|e| !e.is_empty())
    {
        let mut name: Vec<&str> = Vec::new();
        let mut days = Vec::new();
        for word in entry
            .split(|c: char| c.is_whitespace() || c == '\u{a0}')
            .filter(|w| !w.is_empty())
        {
            let filler = PERIOD_WORDS.iter().any(|p| fold(p) == fold(word));
            if let Ok(day) = value::date(word, noun!("survey day")) {
                days.push(day);
            } else if days.is_empty() {
                name.push(word);
            } else if !filler {
                return Err(bad(msg!(
                    "a survey is a name, then its first and last days"
                )));
            }
        }
        // `début du 01/12/2025…`: the words before the first day, less
        // the linking words that end them.
        while name
            .last()
            .is_some_and(|w| PERIOD_WORDS.iter().any(|p| fold(p) == fold(w)))
        {
            name.pop();
        }
        let [first, last] = days[..] else {
            return Err(bad(msg!(
                "each survey has a first and a last day: `début du 01/12/2025 au 14/12/2025`"
            )));
        };
        if name.is_empty() {
            return Err(bad(msg!(
                "each survey has a name before its days: `début du 01/12/2025 au 14/12/2025`"
            )));
        }
        out.push(Survey {
            name: name.join(" "),
            period: Period::new(first, last)?,
        });
    }
    if out.is_empty() {
        return Err(bad(msg!(
            "at least one survey: `début du 01/12/2025 au 14/12/2025, fin du 13/04/2026 au \
             26/04/2026`"
        )));
    }
    Ok(out)
}

/// A period of its own for a theme: both days given, or neither (the
/// challenge's period then applies).
#[cfg(feature = "themes")]
fn optional_period(
    found: &Found<'_>,
    first: (Key, &'static str),
    last: (Key, &'static str),
) -> Result<Option<Period>> {
    if found.get(first.0).is_none() && found.get(last.0).is_none() {
        return Ok(None);
    }
    period(found, first, last).map(Some)
}

/// The food and mobility options' rows: those that differ from the
/// defaults.
pub(super) fn food_and_mobility_rows(
    options: &Options,
    name: &dyn Fn(Key) -> String,
    decimal: &dyn Fn(Decimal) -> String,
    rows: &mut Vec<[String; 2]>,
) {
    let food = &options.food;
    if !food.surveys.is_empty() {
        let list: Vec<String> = food.surveys.iter().map(survey_text).collect();
        rows.push([name(Key::FoodSurveys), list.join(", ")]);
    }
    if food.budget_tolerance != FoodOptions::default().budget_tolerance {
        rows.push([
            name(Key::FoodBudgetTolerance),
            decimal(food.budget_tolerance.fraction()),
        ]);
    }
    let m = &options.mobility;
    for (period, first, last) in [
        (
            m.reference_period,
            Key::MobilityReferenceFirst,
            Key::MobilityReferenceLast,
        ),
        (
            m.challenge_period,
            Key::MobilityChallengeFirst,
            Key::MobilityChallengeLast,
        ),
    ] {
        if let Some(p) = period {
            rows.push([name(first), p.first().to_string()]);
            rows.push([name(last), p.last().to_string()]);
        }
    }
}

/// The water options' rows: those that differ from the defaults.
pub(super) fn water_rows(
    water: &WaterOptions,
    name: &dyn Fn(Key) -> String,
    decimal: &dyn Fn(Decimal) -> String,
    rows: &mut Vec<[String; 2]>,
) {
    let d = WaterOptions::default();
    for (period, first, last) in [
        (
            water.reference_period,
            Key::WaterReferenceFirst,
            Key::WaterReferenceLast,
        ),
        (
            water.challenge_period,
            Key::WaterChallengeFirst,
            Key::WaterChallengeLast,
        ),
    ] {
        if let Some(p) = period {
            rows.push([name(first), p.first().to_string()]);
            rows.push([name(last), p.last().to_string()]);
        }
    }
    let r = &water.reference_value;
    if *r != d.reference_value {
        rows.push([
            name(Key::WaterReferenceLitres),
            decimal(r.litres_per_person_day.value()),
        ]);
        rows.push([name(Key::WaterReferenceYear), r.year.to_string()]);
        rows.push([name(Key::WaterReferenceSource), r.source.clone()]);
    }
    if water.max_extrapolation_days != d.max_extrapolation_days {
        rows.push([
            name(Key::WaterMaxExtrapolationDays),
            water.max_extrapolation_days.to_string(),
        ]);
    }
    if water.max_gap_days != d.max_gap_days {
        rows.push([name(Key::WaterMaxGapDays), water.max_gap_days.to_string()]);
    }
}

/// Words that may stand between the days of a list of periods, compared
/// folded: `du 01/02/2026 au 28/02/2026 et du 01/03/2026 au 31/03/2026`.
const PERIOD_WORDS: &[&str] = &["du", "au", "a", "-", "–", "—", "et", "from", "to", "and"];

/// A list of periods: its days in pairs (first, last), separated by
/// spaces, commas or semicolons, with the words of [`PERIOD_WORDS`] between
/// them if wished; each day `01/02/2026` or `2026-02-01`.
#[cfg(feature = "themes")]
fn periods(text: &str) -> Result<Vec<Period>> {
    let mut days = Vec::new();
    for word in text
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
    {
        if !PERIOD_WORDS.iter().any(|p| fold(p) == fold(word)) {
            days.push(value::date(word, noun!("period day"))?);
        }
    }
    if days.is_empty() || days.len() % 2 != 0 {
        return Err(Error::invalid(
            noun!("list of periods"),
            crate::error::quoted(text),
            msg!(
                "periods are pairs of days, first and last: `01/02/2026 au 28/02/2026, \
                 01/03/2026 au 31/03/2026`"
            ),
        ));
    }
    days.chunks(2)
        .map(|pair| match *pair {
            [first, last] => Period::new(first, last),
            _ => Err(Error::invalid(
                noun!("list of periods"),
                text,
                msg!("pairs of days"),
            )),
        })
        .collect()
}

/// The water, waste, food and mobility settings.
#[cfg(feature = "themes")]
pub(super) fn theme_options(found: &Found<'_>, options: &mut Options) -> Result<()> {
    options.waste = waste_options(found)?;
    options.water = water_options(found)?;
    options.food = food_options(found)?;
    options.mobility = mobility_options(found)?;
    Ok(())
}

/// Without the `themes` feature, a theme's setting is refused, never
/// ignored.
#[cfg(not(feature = "themes"))]
pub(super) fn theme_options(found: &Found<'_>, _: &mut Options) -> Result<()> {
    if super::keys::THEME_KEYS
        .iter()
        .any(|k| found.get(*k).is_some())
    {
        return Err(Error::Unsupported {
            what: noun!("a water, waste, food or mobility setting"),
            feature: "themes",
        });
    }
    Ok(())
}
