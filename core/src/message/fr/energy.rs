//! Energy: `energy/`, `consumption`, `climate`, `weather/`, `aggregate`.

pub(super) const ENERGY: &[(&str, &str)] = &[
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
