//! The per-person themes: `water/`, `waste/`, `food/`, `mobility/`, `rate`.

#[cfg(not(feature = "themes"))]
pub(super) const THEMES: &[(&str, &str)] = &[];
#[cfg(feature = "themes")]
pub(super) const THEMES: &[(&str, &str)] = &[
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
    ("trip count", "nombre de trajets"),
    ("trip km", "km du déplacement"),
    ("unit-days", "jours-unités de consommation"),
    ("water meter measurements", "mesures du compteur d’eau"),
    ("water reference value", "valeur de référence de l’eau"),
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
