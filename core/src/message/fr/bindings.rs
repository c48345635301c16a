//! The bindings' own texts, on values they read (`bindings-python/src`,
//! `bindings-wasm/src`), and the examples' (`core/examples`).

pub(super) const BINDINGS: &[(&str, &str)] = &[
    (
        "no settings table and no readable `challenge.json` ({reason})",
        "ni tableau des réglages, ni fichier «\u{a0}challenge.json\u{a0}» lisible ({reason})",
    ),
    ("{reason}", "{reason}"),
    (
        "an Arrow column of type `{type}` cannot hold text",
        "une colonne Arrow de type «\u{a0}{type}\u{a0}» ne peut pas contenir de texte",
    ),
    (
        "an Arrow column of type `{type}` cannot hold numbers",
        "une colonne Arrow de type «\u{a0}{type}\u{a0}» ne peut pas contenir de nombres",
    ),
    (
        "an Arrow column of type `{type}` cannot hold dates",
        "une colonne Arrow de type «\u{a0}{type}\u{a0}» ne peut pas contenir de dates",
    ),
    (
        "this Arrow type cannot be read: text, numbers, days or booleans are expected",
        "ce type Arrow ne peut pas être lu\u{a0}: du texte, des nombres, des jours ou des booléens sont attendus",
    ),
    (
        "expected {expected}, got a value of type `{type}`",
        "attendu\u{a0}: {expected}, reçu une valeur de type «\u{a0}{type}\u{a0}»",
    ),
    (
        "the column `{column}` is required in every row",
        "la colonne «\u{a0}{column}\u{a0}» doit être remplie sur chaque ligne",
    ),
    (
        "expected text (str) or an integer identifier, got a float",
        "attendu un texte (str) ou un identifiant entier, reçu un nombre à virgule (float)",
    ),
    (
        "a finite number within about ±7.9e28 is expected",
        "un nombre fini, d’au plus environ ±7,9e28 en valeur absolue, est attendu",
    ),
    (
        "expected a date (datetime64, datetime.date, Timestamp or str), got a numeric column",
        "attendu une date (datetime64, datetime.date, Timestamp ou str), reçu une colonne de nombres",
    ),
    (
        "expected a yes/no value (bool or str), got a float",
        "attendu oui ou non (bool ou str), reçu un nombre à virgule (float)",
    ),
    (
        "expected a day, got a timestamp with a time of day",
        "attendu un jour, reçu un horodatage avec une heure",
    ),
    ("the baseline has no model ({reason})", "la référence n’a pas de modèle ({reason})"),
    ("the baseline has no model", "la référence n’a pas de modèle"),
    ("option", "option"),
    ("expected a string", "attendu un texte"),
    (
        "expected a whole number of days, 0 or more",
        "attendu un nombre entier de jours, 0 ou plus",
    ),
    ("report", "rapport"),
    (
        "results as CSV are the energy section's",
        "les résultats en CSV sont ceux de la section énergie",
    ),
];
