//! `message/`: each code in words (the page's labels).

pub(super) const LABELS: &[(&str, &str)] = &[
    ("no meter", "aucun compteur"),
    ("no measurement", "aucune mesure"),
    ("too few readings", "trop peu de relevés"),
    ("two readings on one day", "deux relevés le même jour"),
    ("overlapping bills", "factures qui se chevauchent"),
    (
        "index going down with no meter change",
        "index en baisse sans changement de compteur",
    ),
    (
        "period not covered by the measurements",
        "période non couverte par les mesures",
    ),
    (
        "zero reference consumption",
        "consommation de référence nulle",
    ),
    ("negative consumption", "consommation négative"),
    ("not present during the challenge", "absent pendant le défi"),
    ("readings far apart", "relevés très espacés"),
    ("period extrapolated", "période extrapolée"),
    (
        "prorated by days (temperatures missing)",
        "réparti au prorata des jours (températures manquantes)",
    ),
    (
        "deliveries without a stock estimate",
        "livraisons sans estimation du stock",
    ),
    ("unusual saving", "économie atypique"),
    ("emission factor missing", "facteur d’émission manquant"),
    ("price missing", "prix manquant"),
    ("heating share estimated", "part chauffage estimée"),
    (
        "weather regression unusable (reconstructed winter used)",
        "régression météo inutilisable (hiver reconstitué utilisé)",
    ),
    (
        "outside the challenge's periods (not counted)",
        "hors des périodes du défi (non compté)",
    ),
    ("invalid value", "valeur invalide"),
    ("unknown name", "nom inconnu"),
    ("duplicate", "doublon"),
    ("unknown reference", "référence inconnue"),
    ("arithmetic overflow", "dépassement de capacité"),
    ("invalid JSON", "JSON invalide"),
    (
        "unsupported schema version",
        "version de schéma non prise en charge",
    ),
    ("insufficient data", "données insuffisantes"),
    ("not in this module", "non pris en charge par ce module"),
];
