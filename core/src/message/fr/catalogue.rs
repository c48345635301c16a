//! The regional catalogue of challenges: `catalogue/`.

pub(super) const CATALOGUE: &[(&str, &str)] = &[
    (
        "a commune code is 5 characters: 2 digits (or 2A, 2B) then 3 digits",
        "un code de commune a 5\u{a0}caractères\u{a0}: 2\u{a0}chiffres (ou 2A, 2B) puis 3\u{a0}chiffres",
    ),
    (
        "a department code is 2 digits, 2A, 2B, or 3 digits from 971 to 976",
        "un code de département a 2\u{a0}chiffres, ou vaut 2A, 2B, ou 3\u{a0}chiffres de 971 à 976",
    ),
    (
        "a name or label is non-empty, without white space at either end",
        "un nom ou un libellé n’est pas vide et ne commence ni ne finit par une espace",
    ),
    ("a region code is 2 digits", "un code de région a 2\u{a0}chiffres"),
    ("a year is from {first} to {last}", "une année va de {first} à {last}"),
    ("a year is positive", "une année est positive"),
    (
        "an EPCI or SCoT is coded by a SIREN: 9 digits with a valid Luhn check digit",
        "un EPCI ou un SCoT a pour code un SIREN\u{a0}: 9\u{a0}chiffres avec une clé de Luhn valide",
    ),
    ("catalogue rule", "règle du catalogue"),
    ("challenges", "défis"),
    ("group by", "regroupement"),
    ("indicator", "indicateur"),
    ("INSEE code", "code INSEE"),
    ("no result to aggregate", "aucun résultat à agréger"),
    ("pooled change", "évolution globale"),
    ("pooled reference", "référence globale"),
    ("status", "statut"),
    ("teams", "équipes"),
    ("territory kind", "type de territoire"),
    ("total unit", "unité du total"),
    ("weighted change", "évolution pondérée"),
];
