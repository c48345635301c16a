//! `error.rs`: the frame of each kind of error, and the parts of a
//! location.

pub(super) const ERRORS: &[(&str, &str)] = &[
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
