//! The French table of the catalogue: each English template or noun, and
//! its French.
//!
//! The field's vocabulary: foyer (household), équipe (team), capitaine,
//! compteur (meter), relevé (reading), facture (bill), pesée (weighing),
//! flux (waste stream), ordures ménagères résiduelles (residual waste),
//! période de référence, période du défi. Typography: `’`, « … » with
//! no-break spaces (U+00A0), a no-break space before `:` `;` `?` `!`
//! (U+00A0 before `:`, as the Imprimerie nationale's rules; U+202F is
//! also usual before `;` `?` `!`).
//!
//! One table per part of the crate, in the order of its folders, so that
//! each part's messages are found together; the catalogue's test checks
//! that every `msg!` and `noun!` of the sources is here once, with the same
//! placeholders, and that nothing here is unused.

/// Every table, searched in order.
pub(super) const TABLES: &[&[(&str, &str)]] = &[
    ERRORS, LABELS, INPUTS, ENERGY, THEMES, REGRESSION, TABLE, FILES, CATALOGUE,
];

/// `error.rs`: the frame of each kind of error, and the parts of a
/// location.
const ERRORS: &[(&str, &str)] = &[
    // Frames of the error kinds.
    (
        "invalid {what} (got {got}): {why}{at}",
        "valeur invalide pour {what} (reçu {got})\u{a0}: {why}{at}",
    ),
    (
        "unknown {what} `{got}` (expected one of: {expected}){at}",
        "nom inconnu pour {what}\u{a0}: «\u{a0}{got}\u{a0}» (valeurs possibles\u{a0}: {expected}){at}",
    ),
    ("duplicate {what} `{id}`{at}", "{what} en double\u{a0}: «\u{a0}{id}\u{a0}»{at}"),
    ("unknown {what} `{id}`{at}", "{what} introuvable\u{a0}: «\u{a0}{id}\u{a0}»{at}"),
    (
        "arithmetic overflow while computing {what}{at}",
        "dépassement de capacité des nombres exacts (calcul\u{a0}: {what}){at}",
    ),
    ("invalid JSON: {message}", "JSON invalide\u{a0}: {message}"),
    (
        "unsupported schema version {got} (this library reads version {supported})",
        "version de schéma {got} non prise en charge (cette bibliothèque lit la version {supported})",
    ),
    ("insufficient data: {why}{at}", "données insuffisantes\u{a0}: {why}{at}"),
    (
        "{what} is not in this build of ecodefi (cargo feature `{feature}` of the core)",
        "{what}\u{a0}: absent de ce module d’ecodefi (fonctionnalité cargo «\u{a0}{feature}\u{a0}» du cœur)",
    ),
    // The parts of a location.
    (" at {place}", " ({place})"),
    ("file `{file}`", "fichier «\u{a0}{file}\u{a0}»"),
    ("line {line}", "ligne {line}"),
    ("column `{column}`", "colonne «\u{a0}{column}\u{a0}»"),
    ("household `{household}`", "foyer «\u{a0}{household}\u{a0}»"),
    ("meter `{meter}`", "compteur «\u{a0}{meter}\u{a0}»"),
    ("team `{team}`", "équipe «\u{a0}{team}\u{a0}»"),
    ("item {index}", "élément d’indice {index} (à partir de 0)"),
    ("`{path}`", "«\u{a0}{path}\u{a0}»"),
    // Nouns of `error.rs` and `names.rs`.
    ("language", "langue"),
];

/// `message/`: each code in words (the page's labels).
const LABELS: &[(&str, &str)] = &[
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

/// Inputs: `challenge`, `data`, `date`, `period`, `id`, `household`,
/// `meter`, `quantity`, `exclusion`, `outcome`, `report`, `section`.
const INPUTS: &[(&str, &str)] = &[];

/// Energy: `energy/`, `consumption`, `climate`, `weather/`, `aggregate`.
const ENERGY: &[(&str, &str)] = &[(
    "the measurements end {days} days before it does",
    "les mesures s’arrêtent {days} jours avant sa fin",
)];

/// The per-person themes: `water/`, `waste/`, `food/`, `mobility/`, `rate`.
const THEMES: &[(&str, &str)] = &[
    // references.rs
    ("national reference value", "valeur du repère national"),
    ("national reference unit", "unité du repère national"),
    ("reference unit", "unité de repère"),
    (
        "a national reference is above zero",
        "un repère national est supérieur à zéro",
    ),
    ("this figure is in {unit}", "ce repère s’exprime en {unit}"),
];

/// Weather-regression baselines: `regression/`.
const REGRESSION: &[(&str, &str)] = &[];

/// Spreadsheet tables: `table/`.
const TABLE: &[(&str, &str)] = &[];

/// Files as people have them: `files/`.
const FILES: &[(&str, &str)] = &[];

/// The regional catalogue of challenges: `catalogue/`.
const CATALOGUE: &[(&str, &str)] = &[];
