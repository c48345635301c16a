//! Inputs: `challenge`, `data`, `date`, `period`, `id`, `household`,
//! `meter`, `quantity`, `exclusion`, `outcome`, `report`, `section`,
//! `synthetic`, `parallel`. A text these share with `table/` (`household`, `meter`,
//! `cannot be negative`…) is in [`TABLE`], once.

pub(super) const INPUTS: &[(&str, &str)] = &[
    (
        "`{carrier}` is measured in `{unit}`, `kg` or `kwh`",
        "«\u{a0}{carrier}\u{a0}» se mesure en «\u{a0}{unit}\u{a0}», «\u{a0}kg\u{a0}» ou «\u{a0}kwh\u{a0}»",
    ),
    ("a challenge covers at least one theme", "un défi porte sur au moins un thème"),
    (
        "a child is under 18; count older persons as adults",
        "un enfant a moins de 18\u{a0}ans\u{a0}; comptez les personnes plus âgées comme adultes",
    ),
    (
        "a computed result has figures and no exclusion, an excluded one has exclusions and no figures",
        "un résultat calculé a des chiffres et aucune exclusion, un résultat exclu a des exclusions et aucun chiffre",
    ),
    ("a date is written YYYY-MM-DD (ISO 8601)", "une date s’écrit AAAA-MM-JJ (ISO 8601)"),
    ("a household has at least one adult", "un foyer compte au moins un adulte"),
    (
        "a meter has readings, or bills, or deliveries, not several kinds",
        "un compteur a des relevés, ou des factures, ou des livraisons, pas plusieurs sortes à la fois",
    ),
    ("a share is between 0 and 1", "une part est comprise entre 0 et 1"),
    (
        "an identifier is non-empty, without white space at either end",
        "un identifiant n’est pas vide et ne commence ni ne finit par une espace",
    ),
    ("an objective is a fraction in [0, 1)", "un objectif est une fraction dans [0, 1["),
    ("captain household", "foyer capitaine"),
    ("carrier", "énergie"),
    ("child age", "âge d’un enfant"),
    ("day number", "numéro de jour"),
    ("energy basis", "base énergétique (PCI ou PCS)"),
    ("exclusion code", "code d’exclusion"),
    ("generate at least one household", "générez au moins un foyer"),
    ("household id", "identifiant de foyer"),
    ("household result", "résultat d’un foyer"),
    ("households", "foyers"),
    ("kWh per kg", "kWh par kg"),
    ("kWh per unit", "kWh par unité"),
    ("mean consumption units", "unités de consommation moyennes"),
    ("mean persons", "nombre moyen de personnes"),
    ("meter id", "identifiant de compteur"),
    ("meter measurements", "mesures du compteur"),
    ("meter usage", "usage du compteur"),
    ("missing", "absente"),
    ("no figures and no reason given", "ni chiffres ni raison donnée"),
    (
        "no such day in the calendar (years -9999 to 9999)",
        "ce jour n’existe pas dans le calendrier (années -9999 à 9999)",
    ),
    ("organiser kind", "type d’organisateur"),
    ("out of the calendar range", "hors du calendrier"),
    ("out of the calendar range (years -9999 to 9999)", "hors du calendrier (années -9999 à 9999)"),
    ("period", "période"),
    ("person-days", "jours-personnes"),
    (
        "presence changes are in strictly increasing order of day",
        "les changements de présence sont dans l’ordre strictement croissant des jours",
    ),
    ("replacement index", "index du changement de compteur"),
    ("team id", "identifiant d’équipe"),
    ("the last day is before the first day", "le dernier jour est avant le premier"),
    ("theme", "thème"),
    ("unit", "unité"),
    ("warning code", "code d’avertissement"),
    ("year -0 is written 0000", "l’année -0 s’écrit 0000"),
    // provisional.rs
    ("as-of day", "date des résultats provisoires"),
    (
        "an as-of day is a date written YYYY-MM-DD, or last_data",
        "une date de résultats provisoires s’écrit AAAA-MM-JJ, ou last_data",
    ),
    (
        "no household has measurements in the challenge period {period}",
        "aucun foyer n’a de mesures sur la période du défi, du {period}",
    ),
    (
        "the as-of day is before the challenge period, which starts on {first}",
        "cette date précède la période du défi, qui commence le {first}",
    ),
    (
        "the as-of day is after the challenge period, which ends on {last}",
        "cette date est après la période du défi, qui se termine le {last}",
    ),
    (
        "the theme's challenge period starts after the as-of day",
        "la période du défi de ce thème commence après cette date",
    ),
    (
        "fewer than two food surveys have started by the as-of day",
        "moins de deux relevés d’achats ont commencé à cette date",
    ),
    (
        "Provisional results as of {day}: ",
        "Résultats provisoires au {day}\u{a0}: ",
    ),
    // parallel: the threads a caller asks for.
    ("threads", "fils d’exécution"),
    ("must be at least 1", "doit valoir au moins 1"),
];
