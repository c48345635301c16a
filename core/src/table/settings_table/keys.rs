//! The settings table's keys: one English name and French ones each,
//! compared folded.

use super::super::value::fold;

/// A setting of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Key {
    Name,
    Territory,
    WeatherStation,
    OrganiserKind,
    Themes,
    ReferenceFirst,
    ReferenceLast,
    ChallengeFirst,
    ChallengeLast,
    Objective,
    Correction,
    Basis,
    MixedHeatingShare,
    EstimateShareFromSummer,
    MinSummerDays,
    MaxExtrapolationDays,
    MaxGapDays,
    DegreeDayMethod,
    DegreeDayBase,
    WasteReferenceFirst,
    WasteReferenceLast,
    WasteChallengePeriods,
    WaterReferenceFirst,
    WaterReferenceLast,
    WaterChallengeFirst,
    WaterChallengeLast,
    WaterReferenceLitres,
    WaterReferenceYear,
    WaterReferenceSource,
    WaterMaxExtrapolationDays,
    WaterMaxGapDays,
    FoodSurveys,
    FoodBudgetTolerance,
    MobilityReferenceFirst,
    MobilityReferenceLast,
    MobilityChallengeFirst,
    MobilityChallengeLast,
}

/// A key's spellings: its English name first, then its French ones.
/// (Whether it is required is said where it is read: [`Found::required`].)
pub(super) struct Spelling {
    pub key: Key,
    pub names: &'static [&'static str],
}

const fn key(key: Key, names: &'static [&'static str]) -> Spelling {
    Spelling { key, names }
}

/// Every key, English name first, then the French names (compared folded:
/// `début_référence` is `debut_reference`).
pub(super) const KEYS: &[Spelling] = &[
    key(Key::Name, &["name", "nom"]),
    key(Key::Territory, &["territory", "territoire"]),
    key(
        Key::WeatherStation,
        &[
            "weather_station",
            "station_meteo",
            "station_météo",
            "station",
        ],
    ),
    key(
        Key::OrganiserKind,
        &["organiser_kind", "organisateur", "type_organisateur"],
    ),
    key(Key::Themes, &["themes", "thèmes"]),
    key(
        Key::ReferenceFirst,
        &["reference_first", "debut_reference", "début_référence"],
    ),
    key(
        Key::ReferenceLast,
        &["reference_last", "fin_reference", "fin_référence"],
    ),
    key(
        Key::ChallengeFirst,
        &["challenge_first", "debut_defi", "début_défi"],
    ),
    key(
        Key::ChallengeLast,
        &["challenge_last", "fin_defi", "fin_défi"],
    ),
    key(Key::Objective, &["objective", "objectif"]),
    key(Key::Correction, &["correction", "correction_climatique"]),
    key(Key::Basis, &["basis", "base"]),
    key(
        Key::MixedHeatingShare,
        &["mixed_heating_share", "part_chauffage_mixte"],
    ),
    key(
        Key::EstimateShareFromSummer,
        &[
            "estimate_share_from_summer",
            "estimer_part_ete",
            "estimer_part_été",
        ],
    ),
    key(
        Key::MinSummerDays,
        &["min_summer_days", "jours_ete_min", "jours_été_min"],
    ),
    key(
        Key::MaxExtrapolationDays,
        &["max_extrapolation_days", "extrapolation_max_jours"],
    ),
    key(Key::MaxGapDays, &["max_gap_days", "lacune_max_jours"]),
    key(
        Key::DegreeDayMethod,
        &["degree_day_method", "methode_dju", "méthode_dju"],
    ),
    key(Key::DegreeDayBase, &["degree_day_base", "base_dju"]),
    key(
        Key::WasteReferenceFirst,
        &[
            "waste_reference_first",
            "debut_reference_dechets",
            "début_référence_déchets",
        ],
    ),
    key(
        Key::WasteReferenceLast,
        &[
            "waste_reference_last",
            "fin_reference_dechets",
            "fin_référence_déchets",
        ],
    ),
    key(
        Key::WasteChallengePeriods,
        &[
            "waste_challenge_periods",
            "periodes_defi_dechets",
            "périodes_défi_déchets",
        ],
    ),
    key(
        Key::WaterReferenceFirst,
        &[
            "water_reference_first",
            "debut_reference_eau",
            "début_référence_eau",
        ],
    ),
    key(
        Key::WaterReferenceLast,
        &[
            "water_reference_last",
            "fin_reference_eau",
            "fin_référence_eau",
        ],
    ),
    key(
        Key::WaterChallengeFirst,
        &["water_challenge_first", "debut_defi_eau", "début_défi_eau"],
    ),
    key(
        Key::WaterChallengeLast,
        &["water_challenge_last", "fin_defi_eau", "fin_défi_eau"],
    ),
    key(
        Key::WaterReferenceLitres,
        &[
            "water_reference_litres",
            "eau_litres_reference",
            "eau_litres_référence",
        ],
    ),
    key(
        Key::WaterReferenceYear,
        &[
            "water_reference_year",
            "eau_annee_reference",
            "eau_année_référence",
        ],
    ),
    key(
        Key::WaterReferenceSource,
        &[
            "water_reference_source",
            "eau_source_reference",
            "eau_source_référence",
        ],
    ),
    key(
        Key::WaterMaxExtrapolationDays,
        &[
            "water_max_extrapolation_days",
            "eau_extrapolation_max_jours",
        ],
    ),
    key(
        Key::WaterMaxGapDays,
        &["water_max_gap_days", "eau_lacune_max_jours"],
    ),
    key(
        Key::FoodSurveys,
        &["food_surveys", "releves_achats", "relevés_achats"],
    ),
    key(
        Key::FoodBudgetTolerance,
        &[
            "food_budget_tolerance",
            "tolerance_budget_alimentation",
            "tolérance_budget_alimentation",
        ],
    ),
    key(
        Key::MobilityReferenceFirst,
        &[
            "mobility_reference_first",
            "debut_reference_mobilite",
            "début_référence_mobilité",
        ],
    ),
    key(
        Key::MobilityReferenceLast,
        &[
            "mobility_reference_last",
            "fin_reference_mobilite",
            "fin_référence_mobilité",
        ],
    ),
    key(
        Key::MobilityChallengeFirst,
        &[
            "mobility_challenge_first",
            "debut_defi_mobilite",
            "début_défi_mobilité",
        ],
    ),
    key(
        Key::MobilityChallengeLast,
        &[
            "mobility_challenge_last",
            "fin_defi_mobilite",
            "fin_défi_mobilité",
        ],
    ),
];

/// The accepted keys, for error messages: English name (French name).
pub(super) const KEY_NAMES: &str = "name (nom), territory (territoire), weather_station \
    (station_meteo), organiser_kind \
    (organisateur), themes (thèmes), reference_first (debut_reference), reference_last \
    (fin_reference), challenge_first (debut_defi), challenge_last (fin_defi), objective \
    (objectif), correction, basis (base), mixed_heating_share (part_chauffage_mixte), \
    estimate_share_from_summer (estimer_part_ete), min_summer_days (jours_ete_min), \
    max_extrapolation_days (extrapolation_max_jours), max_gap_days (lacune_max_jours), \
    degree_day_method (methode_dju), degree_day_base (base_dju), waste_reference_first \
    (debut_reference_dechets), waste_reference_last (fin_reference_dechets), \
    waste_challenge_periods (periodes_defi_dechets), water_reference_first (debut_reference_eau), \
    water_reference_last (fin_reference_eau), water_challenge_first (debut_defi_eau), \
    water_challenge_last (fin_defi_eau), water_reference_litres (eau_litres_reference), \
    water_reference_year (eau_annee_reference), water_reference_source (eau_source_reference), \
    water_max_extrapolation_days (eau_extrapolation_max_jours), water_max_gap_days \
    (eau_lacune_max_jours), food_surveys (releves_achats), food_budget_tolerance \
    (tolerance_budget_alimentation), mobility_reference_first (debut_reference_mobilite), \
    mobility_reference_last (fin_reference_mobilite), mobility_challenge_first \
    (debut_defi_mobilite), mobility_challenge_last (fin_defi_mobilite)";

/// The keys of the water, waste, food and mobility settings.
#[cfg(not(feature = "themes"))]
pub(super) const THEME_KEYS: &[Key] = &[
    Key::WasteReferenceFirst,
    Key::WasteReferenceLast,
    Key::WasteChallengePeriods,
    Key::WaterReferenceFirst,
    Key::WaterReferenceLast,
    Key::WaterChallengeFirst,
    Key::WaterChallengeLast,
    Key::WaterReferenceLitres,
    Key::WaterReferenceYear,
    Key::WaterReferenceSource,
    Key::WaterMaxExtrapolationDays,
    Key::WaterMaxGapDays,
    Key::FoodSurveys,
    Key::FoodBudgetTolerance,
    Key::MobilityReferenceFirst,
    Key::MobilityReferenceLast,
    Key::MobilityChallengeFirst,
    Key::MobilityChallengeLast,
];

/// The key a cell names, if any.
pub(super) fn lookup(cell: &str) -> Option<&'static Spelling> {
    let folded = fold(cell);
    KEYS.iter()
        .find(|s| s.names.iter().any(|n| fold(n) == folded))
}
