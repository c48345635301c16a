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
/// `meter`, `quantity`, `exclusion`, `outcome`, `report`, `section`,
/// `synthetic`. A text these share with `table/` (`household`, `meter`,
/// `cannot be negative`…) is in [`TABLE`], once.
const INPUTS: &[(&str, &str)] = &[
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
];

/// Energy: `energy/`, `consumption`, `climate`, `weather/`, `aggregate`.
const ENERGY: &[(&str, &str)] = &[
    ("change", "variation"),
    (
        "change {change} % is beyond the median {median} % ± 3 interquartile ranges",
        "variation de {change}\u{a0}% au-delà de la médiane ({median}\u{a0}%) ± 3\u{a0}écarts interquartiles",
    ),
    ("climate correction", "correction climatique"),
    (
        "climate correction needs daily temperatures (or set the correction to `none`)",
        "la correction climatique demande des températures journalières (ou réglez la correction sur «\u{a0}none\u{a0}»)",
    ),
    ("CO2e saved", "CO2e évité"),
    ("consumption", "consommation"),
    (
        "days are consecutive, in order, without gap: expected {date}",
        "les jours se suivent dans l’ordre, sans trou\u{a0}: attendu le {date}",
    ),
    ("degree-day kind", "type de degrés-jours"),
    ("degree-day method", "méthode de calcul des degrés-jours"),
    ("degree-days", "degrés-jours"),
    ("deliveries", "livraisons"),
    (
        "deliveries in {period} taken as consumption: no stock estimate",
        "livraisons du {period} comptées comme consommation\u{a0}: aucune estimation du stock",
    ),
    ("euros saved", "euros économisés"),
    ("factor carrier", "énergie du facteur"),
    ("factor conversion", "conversion du facteur"),
    ("factor value", "valeur du facteur"),
    ("heating share source", "origine de la part chauffage"),
    (
        "heating share {share} % estimated from the summer base load",
        "part chauffage de {share}\u{a0}% estimée d’après la consommation de base de l’été",
    ),
    ("hours are 0 to 23, minutes 0 to 59", "les heures vont de 0 à 23, les minutes de 0 à 59"),
    ("household saving", "économie du foyer"),
    ("median", "médiane"),
    ("no bill", "aucune facture"),
    ("no daily temperature", "aucune température journalière"),
    (
        "no day has observations in both its Tn and Tx windows",
        "aucun jour n’a d’observation à la fois dans sa fenêtre de Tn et dans celle de Tx",
    ),
    ("no emission factor for `{carrier}`", "aucun facteur d’émission pour «\u{a0}{carrier}\u{a0}»"),
    ("no energy meter", "aucun compteur d’énergie"),
    ("no measurement after {date}", "aucune mesure après le {date}"),
    ("no measurement from {first} to {last}", "aucune mesure du {first} au {last}"),
    (
        "no observation in the Tn or Tx window of {date}",
        "aucune observation dans la fenêtre de Tn ou de Tx du {date}",
    ),
    ("no price for `{carrier}`", "aucun prix pour «\u{a0}{carrier}\u{a0}»"),
    ("no reading, bill or delivery", "aucun relevé, aucune facture ni aucune livraison"),
    (
        "no stock estimate within {days} days of both ends of {period}",
        "aucune estimation du stock à moins de {days}\u{a0}jours de chacune des deux bornes de la période du {period}",
    ),
    (
        "no usable weather-regression baseline: the reconstructed winter is used",
        "aucune référence par régression météo utilisable\u{a0}: l’hiver reconstitué est utilisé",
    ),
    ("observation time", "heure d’observation"),
    ("outliers", "économies atypiques"),
    ("prorated consumption", "consommation au prorata"),
    ("quantile", "quantile"),
    ("reference", "référence"),
    ("reference method", "méthode de référence"),
    ("reference period", "période de référence"),
    (
        "seconds after midnight are 0 to 86 399",
        "les secondes après minuit vont de 0 à 86\u{202f}399",
    ),
    (
        "stock {start} + deliveries {delivered} − stock {end} is negative",
        "le bilan stock {start} + livraisons {delivered} − stock {end} est négatif",
    ),
    ("summer base load", "consommation de base de l’été"),
    (
        "the bill for {period} overlaps the previous one",
        "la facture du {period} chevauche la précédente",
    ),
    ("the corrected reference is {kwh} kWh", "la référence corrigée est de {kwh}\u{a0}kWh"),
    (
        "the index goes down from {from_value} on {from_date} to {to_value} on {to_date} with no replacement or rollover declared",
        "l’index baisse de {from_value} le {from_date} à {to_value} le {to_date} sans changement de compteur ni passage à zéro déclaré",
    ),
    (
        "the measurements end {days} days before it does",
        "les mesures s’arrêtent {days} jours avant sa fin",
    ),
    (
        "the measurements start {days} days after it does",
        "les mesures commencent {days}\u{a0}jours après son début",
    ),
    (
        "the reference period ({reference_days} days) must cover at least the challenge period ({challenge_days} days)",
        "la période de référence ({reference_days}\u{a0}jours) doit être au moins aussi longue que la période du défi ({challenge_days}\u{a0}jours)",
    ),
    (
        "the replacement on {date} does not fit the readings {from_value} ({from_date}) and {to_value} ({to_date})",
        "le changement de compteur du {date} ne concorde pas avec les relevés {from_value} ({from_date}) et {to_value} ({to_date})",
    ),
    (
        "the stock estimates do not span {period}",
        "les estimations du stock ne couvrent pas la période du {period}",
    ),
    (
        "the temperatures do not cover every interval: prorated by days only",
        "les températures ne couvrent pas tous les intervalles\u{a0}: réparti au prorata des jours seulement",
    ),
    (
        "the temperatures do not cover {period}",
        "les températures ne couvrent pas la période du {period}",
    ),
    ("time of day", "heure"),
    ("totals", "totaux"),
    ("two readings on {date}", "deux relevés le {date}"),
    (
        "weather-regression baselines (`regression_baseline`)",
        "les références par régression météo («\u{a0}regression_baseline\u{a0}»)",
    ),
    ("year", "année"),
    (
        "{count} reading(s); at least 2 are needed",
        "{count}\u{a0}relevé(s)\u{a0}; il en faut au moins 2",
    ),
    (
        "{days} day(s) after the last measurement extrapolated",
        "{days}\u{a0}jour(s) extrapolé(s) après la dernière mesure",
    ),
    (
        "{days} day(s) before the first measurement extrapolated",
        "{days}\u{a0}jour(s) extrapolé(s) avant la première mesure",
    ),
    (
        "{days} days between the measurements of {first} and {last}",
        "{days}\u{a0}jours entre les mesures du {first} et du {last}",
    ),
    ("{period}: {why}", "période du {period}\u{a0}: {why}"),
];

/// The per-person themes: `water/`, `waste/`, `food/`, `mobility/`, `rate`.
const THEMES: &[(&str, &str)] = &[
    ("a change needs at least two surveys", "une évolution demande au moins deux relevés d’achats"),
    ("a line stands for at least one trip", "une ligne compte au moins un trajet"),
    ("a mass cannot be negative", "une masse ne peut pas être négative"),
    (
        "a meter has readings or bills, not both",
        "un compteur a des relevés ou des factures, pas les deux",
    ),
    ("a tolerance cannot be negative", "une tolérance ne peut pas être négative"),
    ("an amount cannot be negative", "un montant ne peut pas être négatif"),
    ("avoided kg", "kg évités"),
    ("budget tolerance", "tolérance sur le budget"),
    ("car share", "part de la voiture"),
    ("change in points", "évolution en points"),
    ("channel share", "part du circuit d’achat"),
    ("expected quantity", "quantité attendue"),
    ("food channel", "circuit d’achat"),
    ("food surveys", "relevés d’achats"),
    ("gain", "gain"),
    (
        "it overlaps the period {period}; a day belongs to one period only",
        "elle chevauche la période du {period}\u{a0}; un jour n’appartient qu’à une seule période",
    ),
    ("kg weighed", "kg pesés"),
    ("kgCO2e", "kgCO2e"),
    ("km", "km"),
    ("km cannot be negative", "les km ne peuvent pas être négatifs"),
    ("litres", "litres"),
    (
        "litres per person per day are above zero",
        "les litres par personne et par jour sont supérieurs à zéro",
    ),
    ("litres per person-day", "litres par jour-personne"),
    ("litres saved", "litres économisés"),
    ("local share", "part locale"),
    ("mean", "moyenne"),
    ("mode factor", "facteur d’émission d’un mode"),
    (
        "no emission factor for mode `{mode}`: its km carry no CO2e",
        "aucun facteur d’émission pour le mode «\u{a0}{mode}\u{a0}»\u{a0}: ses km ne comptent aucun CO2e",
    ),
    ("no purchase", "aucun achat"),
    (
        "no purchase in the survey `{survey}`",
        "aucun achat dans le relevé d’achats «\u{a0}{survey}\u{a0}»",
    ),
    ("no survey with spending", "aucun relevé d’achats avec des dépenses"),
    ("no trip", "aucun déplacement"),
    (
        "no trip in the challenge period {period}",
        "aucun déplacement pendant la période du défi (du {period})",
    ),
    (
        "no trip in the reference period {period}",
        "aucun déplacement pendant la période de référence (du {period})",
    ),
    ("no water meter", "aucun compteur d’eau"),
    (
        "no water used in the reference period {period}",
        "aucune consommation d’eau pendant la période de référence (du {period})",
    ),
    ("no weighing", "aucune pesée"),
    ("no weighing in the challenge periods", "aucune pesée pendant les périodes du défi"),
    (
        "no weighing in the reference period {period}",
        "aucune pesée pendant la période de référence (du {period})",
    ),
    (
        "nothing spent in the survey `{survey}`",
        "aucune dépense dans le relevé d’achats «\u{a0}{survey}\u{a0}»",
    ),
    ("organic share", "part bio"),
    ("person-meals", "repas-personnes"),
    ("purchase amount", "montant de l’achat"),
    ("rate", "taux"),
    ("rate per person-day", "taux par jour-personne"),
    ("rate per unit-day", "taux par jour-unité de consommation"),
    ("relative change", "évolution relative"),
    ("spending", "dépenses"),
    ("survey", "relevé d’achats"),
    ("survey period", "période du relevé d’achats"),
    (
        "surveys are in order and do not overlap (previous: {previous})",
        "les relevés d’achats se suivent dans l’ordre sans se chevaucher (précédent\u{a0}: du {previous})",
    ),
    (
        "the reference weighings add up to 0 kg",
        "les pesées de la période de référence totalisent 0\u{a0}kg",
    ),
    ("travel mode", "mode de déplacement"),
    ("trip count", "nombre de trajets"),
    ("trip km", "km du déplacement"),
    ("unit-days", "jours-unités de consommation"),
    ("waste stream", "flux de déchets"),
    ("water meter measurements", "mesures du compteur d’eau"),
    ("water reference value", "valeur de référence de l’eau"),
    ("water unit", "unité d’eau"),
    ("weighing", "pesée"),
    (
        "{count} purchase(s) dated outside every survey, not counted (first: item {first})",
        "{count}\u{a0}achat(s) daté(s) hors de tout relevé d’achats, non compté(s) (le premier\u{a0}: élément d’indice {first})",
    ),
    (
        "{count} trip(s) dated outside the reference and challenge periods, not counted (first: item {first})",
        "{count}\u{a0}déplacement(s) daté(s) hors des périodes de référence et du défi, non compté(s) (le premier\u{a0}: élément d’indice {first})",
    ),
    (
        "{count} weighing(s) dated outside the reference and challenge periods, not counted (first: item {first})",
        "{count}\u{a0}pesée(s) datée(s) hors des périodes de référence et du défi, non comptée(s) (la première\u{a0}: élément d’indice {first})",
    ),
];

/// Weather-regression baselines: `regression/`.
const REGRESSION: &[(&str, &str)] = &[
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

/// Spreadsheet tables: `table/`.
const TABLE: &[(&str, &str)] = &[];

/// Files as people have them: `files/`.
const FILES: &[(&str, &str)] = &[];

/// The regional catalogue of challenges: `catalogue/`.
const CATALOGUE: &[(&str, &str)] = &[
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
