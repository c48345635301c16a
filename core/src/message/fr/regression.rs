//! Weather-regression baselines: `regression/`.

#[cfg(not(feature = "regression"))]
pub(super) const REGRESSION: &[(&str, &str)] = &[];
#[cfg(feature = "regression")]
pub(super) const REGRESSION: &[(&str, &str)] = &[
    (
        "1 to {max} finite balance points in strictly increasing order",
        "de 1 à {max} températures d’équilibre finies, dans l’ordre strictement croissant",
    ),
    (
        "a normal year needs at least one daily temperature",
        "une année normale demande au moins une température journalière",
    ),
    ("a temperature must be a finite number of °C", "une température est un nombre fini de °C"),
    ("balance-point grid", "grille des températures d’équilibre"),
    ("baseline days", "jours de la période de base"),
    ("baseline end", "fin de la période de base"),
    ("billing period", "période de facturation"),
    ("billing periods must not overlap", "les périodes de facturation ne se chevauchent pas"),
    ("candidate issue", "défaut d’un modèle candidat"),
    ("candidate status", "statut d’un modèle candidat"),
    ("check status", "résultat d’une vérification"),
    ("confidence level", "niveau de confiance"),
    ("day", "jour"),
    ("interval", "pas de temps"),
    ("maximum extrapolated share", "part extrapolée maximale"),
    ("maximum p-value", "p-valeur maximale"),
    (
        "metered usage cannot be negative (net metering is not supported)",
        "la consommation mesurée ne peut pas être négative (le comptage net n’est pas pris en charge)",
    ),
    ("minimum reporting days", "nombre minimal de jours de suivi"),
    ("minimum share of valid days", "part minimale de jours valides"),
    ("minimum total degree-days", "total minimal de degrés-jours"),
    ("model kind", "type de modèle"),
    ("more than {max} points", "plus de {max}\u{a0}points"),
    ("must be a finite number ≥ 0", "doit être un nombre fini ≥ 0"),
    (
        "must be after the baseline window's last day",
        "doit être après le dernier jour de la période de base",
    ),
    ("must be between 0 and 36525", "doit être compris entre 0 et 36\u{202f}525"),
    ("must be between 1 and 36525", "doit être compris entre 1 et 36\u{202f}525"),
    ("must be in (0, 1]", "doit être dans ]0, 1]"),
    ("must be in [0, 1]", "doit être dans [0, 1]"),
    ("must be strictly between 0 and 1", "doit être strictement compris entre 0 et 1"),
    ("must not be before `baseline_start`", "ne doit pas être avant «\u{a0}baseline_start\u{a0}»"),
    ("no-model reason", "raison de l’absence de modèle"),
    ("observed usage", "consommation observée"),
    ("outlier IQR factor", "facteur d’écart interquartile des valeurs aberrantes"),
    ("regression counterfactual", "consommation contrefactuelle de la régression"),
    ("reporting start", "début de la période de suivi"),
    ("savings warning", "avertissement sur les économies"),
    ("sufficiency check", "vérification de suffisance des données"),
    ("temperature day", "jour de température"),
    (
        "the bounds must be finite with min ≤ max and the step positive",
        "les bornes sont finies avec min ≤ max, et le pas est positif",
    ),
    ("total usage", "consommation totale"),
    ("usage", "consommation"),
    ("window source", "origine de la période de base"),
];
