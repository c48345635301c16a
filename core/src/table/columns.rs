//! The documented tables and their columns: one English name per column,
//! and the French (or usual) aliases a spreadsheet may use instead.
//!
//! Header cells are compared after [`fold`] (case,
//! accents, spaces and hyphens do not matter: `Équipe`, `equipe` and
//! `EQUIPE` are the same). A header cell that names no column of its table
//! is an error naming it; so is a column given twice (under two aliases),
//! and a required column that is missing. A column whose header cell is
//! blank is ignored, as long as its cells are blank too.

use crate::error::{Error, Location, Result};
use crate::{msg, named_enum, noun};

use super::value::fold;

/// One column of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The column's English name, used in errors of the columnar input.
    pub name: &'static str,
    /// Other accepted header spellings (compared folded).
    pub aliases: &'static [&'static str],
    /// Whether the column must be present.
    pub required: bool,
    /// What a cell holds.
    pub doc: &'static str,
}

const fn col(
    name: &'static str,
    aliases: &'static [&'static str],
    required: bool,
    doc: &'static str,
) -> Column {
    Column {
        name,
        aliases,
        required,
        doc,
    }
}

named_enum! {
    /// A table of the spreadsheet input.
    pub enum Table ("table") {
        /// One row per household (*foyers*).
        Households = "households",
        /// One row per team (*équipes*); optional.
        Teams = "teams",
        /// One row per meter (*compteurs*).
        Meters = "meters",
        /// One row per index reading (*relevés*).
        Readings = "readings",
        /// One row per meter replacement or rollover (*événements*).
        Events = "events",
        /// One row per bill (*factures*).
        Bills = "bills",
        /// One row per delivery of a stored fuel (*livraisons*).
        Deliveries = "deliveries",
        /// One row per stock estimate (*stocks*).
        Stock = "stock",
        /// One row per change of a household's occupants (*présences*).
        Presence = "presence",
        /// One row per day: minimum and maximum temperature (*températures*).
        Temperatures = "temperatures",
        /// One row per weighing of a household's waste (*pesées*): the
        /// waste theme's measurements.
        Weighings = "weighings",
        /// One row per food purchase recorded in a survey (*achats*): the
        /// food theme's measurements.
        Purchases = "purchases",
        /// One row per trip, or per line of a weekly travel diary
        /// (*déplacements*): the mobility theme's measurements.
        Trips = "trips",
        /// One row per setting of the challenge (*défi*, *paramètres*): its
        /// name, territory, periods, objective and energy options.
        Settings = "settings",
    }
}

const HOUSEHOLD: Column = col(
    "household",
    &["foyer", "household_id", "id_foyer"],
    true,
    "the household's identifier",
);
const METER: Column = col(
    "meter",
    &["compteur", "meter_id", "id_compteur"],
    true,
    "the meter's identifier within its household",
);
const DATE: Column = col(
    "date",
    &["jour"],
    true,
    "a day, `2025-12-01` or `01/12/2025`",
);
const QUANTITY: Column = col(
    "quantity",
    &["quantite", "quantité"],
    true,
    "a quantity in the meter's unit",
);

const HOUSEHOLDS: &[Column] = &[
    HOUSEHOLD,
    col("team", &["equipe", "équipe"], true, "the team's identifier"),
    col(
        "adults",
        &["adultes", "nb_adultes"],
        true,
        "the number of adults (at least 1)",
    ),
    col(
        "children_ages",
        &["ages_enfants", "âges_enfants", "enfants", "children"],
        false,
        "the children's ages (under 18) separated by spaces, e.g. `8 12`; blank for none",
    ),
    col(
        "surface",
        &["surface_m2", "surface_chauffee", "surface_chauffée"],
        false,
        "the heated surface in m²",
    ),
    col(
        "prm",
        &["pdl", "point_de_livraison", "linky"],
        false,
        "the household's electricity delivery point (PRM, 14 digits), which tells whose a Linky export is",
    ),
    col(
        "pce",
        &["point_de_comptage", "gazpar"],
        false,
        "the household's gas delivery point (PCE), which tells whose a Gazpar export is",
    ),
];

const TEAMS: &[Column] = &[
    col("team", &["equipe", "équipe"], true, "the team's identifier"),
    col(
        "name",
        &["nom"],
        false,
        "the team's display name (the identifier if blank)",
    ),
    col(
        "captain",
        &["capitaine"],
        false,
        "the captain's household identifier",
    ),
];

const METERS: &[Column] = &[
    HOUSEHOLD,
    METER,
    col(
        "carrier",
        &["energie", "énergie", "vecteur"],
        true,
        "the energy carrier, e.g. `electricity`, `natural_gas`, `gaz`, `fioul`; `water` (`eau`) for a water meter",
    ),
    col(
        "unit",
        &["unite", "unité"],
        true,
        "the unit of readings, bills or deliveries: `kwh`, `m3`, `l`, `kg`, `t`, `stere` (a water meter: `m3` or `l`)",
    ),
    col(
        "usage",
        &["utilisation"],
        false,
        "`heating_only` (`chauffage`), `mixed` (`mixte`) or `no_heating` (`hors_chauffage`); blank for a water meter",
    ),
    col(
        "kwh_per_unit",
        &[
            "coefficient",
            "coefficient_conversion",
            "kwh_par_unite",
            "kwh_par_unité",
        ],
        false,
        "a conversion coefficient (kWh per unit) from a bill, which wins over the official one",
    ),
    col(
        "basis",
        &["pci_pcs", "base"],
        false,
        "`pci` or `pcs`: the basis of `kwh_per_unit` (required with it)",
    ),
    col(
        "heating_share",
        &["part_chauffage"],
        false,
        "the known climate-sensitive share, `0,7` or `70 %`",
    ),
    col(
        "identifier",
        &["identifiant", "prm", "pce", "pdl"],
        false,
        "the meter's delivery point (PRM for electricity, PCE for gas), which tells whose a Linky or Gazpar export is",
    ),
];

const READINGS: &[Column] = &[
    HOUSEHOLD,
    METER,
    DATE,
    col(
        "value",
        &["index", "valeur", "releve", "relevé"],
        true,
        "the meter's index at the start of the day, in its unit",
    ),
];

const EVENTS: &[Column] = &[
    HOUSEHOLD,
    METER,
    DATE,
    col(
        "kind",
        &["type", "evenement", "événement"],
        true,
        "`replacement` (`remplacement`) or `rollover` (`remise_a_zero`)",
    ),
    col(
        "old_final",
        &["ancien_index", "index_final"],
        false,
        "for a replacement: the old meter's last index",
    ),
    col(
        "new_initial",
        &["nouvel_index", "index_initial"],
        false,
        "for a replacement: the new meter's first index",
    ),
    col(
        "modulus",
        &["modulo"],
        false,
        "for a rollover: the value at which the index restarts from zero, e.g. `100000`",
    ),
];

const BILLS: &[Column] = &[
    HOUSEHOLD,
    METER,
    col(
        "first",
        &["debut", "début", "du", "start"],
        true,
        "the first day billed",
    ),
    col(
        "last",
        &["fin", "au", "end"],
        true,
        "the last day billed (included)",
    ),
    QUANTITY,
];

const STOCK: &[Column] = &[
    HOUSEHOLD,
    METER,
    DATE,
    col(
        "quantity",
        &["quantite", "quantité", "stock"],
        true,
        "the quantity in stock at the start of the day, in the meter's unit",
    ),
];

const PRESENCE: &[Column] = &[
    HOUSEHOLD,
    col(
        "from",
        &["depuis", "a_partir_du", "à_partir_du", "date"],
        true,
        "the first day with these occupants",
    ),
    col(
        "adults",
        &["adultes", "nb_adultes"],
        true,
        "the number of adults from that day",
    ),
    col(
        "children_ages",
        &["ages_enfants", "âges_enfants", "enfants", "children"],
        false,
        "the children's ages from that day",
    ),
];

const TEMPERATURES: &[Column] = &[
    DATE,
    col(
        "tn",
        &["tmin", "t_min", "temperature_min"],
        true,
        "the day's minimum temperature, °C",
    ),
    col(
        "tx",
        &["tmax", "t_max", "temperature_max"],
        true,
        "the day's maximum temperature, °C",
    ),
];

const WEIGHINGS: &[Column] = &[
    HOUSEHOLD,
    col(
        "date",
        &["jour", "date_pesee", "date_pesée"],
        true,
        "the day of the weighing: it counts in the period that contains it",
    ),
    col(
        "stream",
        &[
            "flux",
            "type_dechet",
            "type_déchet",
            "categorie",
            "catégorie",
        ],
        true,
        "the waste stream, e.g. `residual` (`omr`, `ordures ménagères`), `packaging` \
         (`emballages`), `glass` (`verre`), `biowaste` (`biodéchets`)",
    ),
    col(
        "kg",
        &["poids", "poids_kg", "masse", "masse_kg"],
        true,
        "the mass weighed, in kg",
    ),
];

const PURCHASES: &[Column] = &[
    HOUSEHOLD,
    col(
        "date",
        &["jour", "date_achat"],
        true,
        "the day of the purchase: it counts in the survey that contains it",
    ),
    col(
        "amount",
        &["montant", "montant_eur", "montant_euros", "prix"],
        true,
        "the amount paid, €",
    ),
    col(
        "organic",
        &["bio"],
        true,
        "organic (AB label or equivalent): `oui`/`non`",
    ),
    col(
        "local",
        &["locale", "produit_local"],
        true,
        "local as the challenge defines it: `oui`/`non`",
    ),
    col(
        "channel",
        &["circuit", "lieu", "lieu_achat", "canal"],
        true,
        "where it was bought: `supermarket` (`grande surface`), `market` (`marché`), \
         `producer` (`producteur`), `shop` (`commerce`), `online` (`internet`), `other` (`autre`)",
    ),
    col(
        "meals",
        &["repas", "nb_repas"],
        true,
        "the number of meals it feeds",
    ),
    col(
        "persons",
        &["personnes", "convives", "nb_personnes"],
        true,
        "the number of persons at those meals",
    ),
];

const TRIPS: &[Column] = &[
    HOUSEHOLD,
    col(
        "date",
        &["jour", "semaine"],
        true,
        "the day of the trip (for a diary line, a day of its week)",
    ),
    col(
        "mode",
        &["mode_transport", "moyen", "moyen_de_transport"],
        true,
        "how: `car_alone` (`voiture`), `carpool` (`covoiturage`), `bus`, `tram`, \
         `metro` (`métro`), `regional_train` (`TER`), `bike` (`vélo`), `walking` (`marche`)…",
    ),
    col(
        "km",
        &["distance", "distance_km", "kilometres", "kilomètres"],
        true,
        "person-km travelled",
    ),
    col(
        "trips",
        &["trajets", "nb_trajets", "deplacements", "déplacements"],
        false,
        "the number of trips the line stands for (1 if blank)",
    ),
];

const SETTINGS: &[Column] = &[
    col(
        "setting",
        &["parametre", "paramètre", "cle", "clé"],
        true,
        "the setting's name, e.g. `nom`, `debut_defi`, `objectif` (see the README for the list)",
    ),
    col(
        "value",
        &["valeur"],
        true,
        "the setting's value, e.g. `Défi Déclics 2025`, `01/12/2025`, `8 %`",
    ),
];

impl Table {
    /// The table's columns, in the documented order.
    pub fn columns(self) -> &'static [Column] {
        match self {
            Table::Households => HOUSEHOLDS,
            Table::Teams => TEAMS,
            Table::Meters => METERS,
            Table::Readings => READINGS,
            Table::Events => EVENTS,
            Table::Bills => BILLS,
            Table::Deliveries => &[HOUSEHOLD, METER, DATE, QUANTITY],
            Table::Stock => STOCK,
            Table::Presence => PRESENCE,
            Table::Temperatures => TEMPERATURES,
            Table::Weighings => WEIGHINGS,
            Table::Purchases => PURCHASES,
            Table::Trips => TRIPS,
            Table::Settings => SETTINGS,
        }
    }

    /// The accepted header spellings of the table, for error messages.
    pub fn expected(self) -> &'static str {
        match self {
            Table::Households => {
                "household (foyer), team (equipe), adults (adultes), \
                                  children_ages (ages_enfants), surface (surface_m2), \
                                  prm (pdl), pce"
            }
            Table::Teams => "team (equipe), name (nom), captain (capitaine)",
            Table::Meters => {
                "household (foyer), meter (compteur), carrier (energie), unit \
                              (unite), usage, kwh_per_unit (coefficient), basis (pci_pcs), \
                              heating_share (part_chauffage), identifier (identifiant)"
            }
            Table::Readings => "household (foyer), meter (compteur), date, value (index, valeur)",
            Table::Events => {
                "household (foyer), meter (compteur), date, kind (type), old_final \
                              (ancien_index), new_initial (nouvel_index), modulus (modulo)"
            }
            Table::Bills => {
                "household (foyer), meter (compteur), first (debut), last (fin), \
                             quantity (quantite)"
            }
            Table::Deliveries => "household (foyer), meter (compteur), date, quantity (quantite)",
            Table::Stock => "household (foyer), meter (compteur), date, quantity (quantite, stock)",
            Table::Presence => {
                "household (foyer), from (depuis), adults (adultes), \
                                children_ages (ages_enfants)"
            }
            Table::Temperatures => "date, tn (tmin), tx (tmax)",
            Table::Weighings => "household (foyer), date, stream (flux), kg (poids)",
            Table::Purchases => {
                "household (foyer), date, amount (montant), organic (bio), local, channel \
                 (circuit), meals (repas), persons (personnes)"
            }
            Table::Trips => "household (foyer), date, mode, km (distance), trips (trajets)",
            Table::Settings => "setting (parametre, cle), value (valeur)",
        }
    }

    /// The file names (without extension, compared folded) that hold this
    /// table: its English name and its French one, e.g. `readings`,
    /// `releves`.
    pub fn file_stems(self) -> &'static [&'static str] {
        match self {
            Table::Households => &["households", "foyers"],
            Table::Teams => &["teams", "equipes", "équipes"],
            Table::Meters => &["meters", "compteurs"],
            Table::Readings => &["readings", "releves", "relevés"],
            Table::Events => &["events", "evenements", "événements"],
            Table::Bills => &["bills", "factures"],
            Table::Deliveries => &["deliveries", "livraisons"],
            Table::Stock => &["stock", "stocks"],
            Table::Presence => &["presence", "presences", "présences"],
            Table::Temperatures => &["temperatures", "températures"],
            Table::Weighings => &["weighings", "pesees", "pesées"],
            Table::Purchases => &["purchases", "achats"],
            Table::Trips => &["trips", "deplacements", "déplacements"],
            Table::Settings => &["settings", "defi", "défi", "parametres", "paramètres"],
        }
    }

    /// The table a file holds, by its name: the name without directory and
    /// extension, folded, is one of [`Table::file_stems`] (`Relevés.csv`
    /// and `data/readings.csv` both hold readings).
    pub fn of_file(name: &str) -> Option<Table> {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
        let folded = fold(stem);
        Table::ALL
            .iter()
            .copied()
            .find(|t| t.file_stems().iter().any(|s| fold(s) == folded))
    }

    /// The position in [`Table::columns`] of the column named `name` (its
    /// English name or an alias, compared folded).
    pub fn column(self, name: &str) -> Option<usize> {
        let folded = fold(name);
        self.columns()
            .iter()
            .position(|c| fold(c.name) == folded || c.aliases.iter().any(|a| fold(a) == folded))
    }
}

/// A header line matched to a table's columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    table: Table,
    /// For each column of the table, the field position and the header
    /// spelling, if present.
    found: Vec<Option<(usize, String)>>,
    /// Field positions with a blank header cell.
    blank: Vec<usize>,
    width: usize,
}

impl Header {
    /// Matches a header record to `table`'s columns.
    ///
    /// # Errors
    /// At line 1, column named as written: [`Error::UnknownName`] for a
    /// header cell that names no column, [`Error::Duplicate`] for a column
    /// given twice, [`Error::InvalidValue`] for a missing required column.
    pub fn new(table: Table, fields: &[String]) -> Result<Self> {
        let columns = table.columns();
        let mut found: Vec<Option<(usize, String)>> = vec![None; columns.len()];
        let mut blank = Vec::new();
        let at = |name: &str| Location {
            line: Some(1),
            column: Some(name.to_owned()),
            ..Location::NONE
        };
        for (i, field) in fields.iter().enumerate() {
            let written = super::value::trim(field);
            if written.is_empty() {
                blank.push(i);
                continue;
            }
            let Some(c) = table.column(written) else {
                return Err(Error::UnknownName {
                    what: noun!("column"),
                    got: written.to_owned(),
                    expected: table.expected(),
                    at: at(written),
                });
            };
            if let Some(slot) = found.get_mut(c) {
                if slot.is_some() {
                    return Err(Error::Duplicate {
                        what: noun!("column"),
                        id: written.to_owned(),
                        at: at(written),
                    });
                }
                *slot = Some((i, written.to_owned()));
            }
        }
        for (c, slot) in columns.iter().zip(&found) {
            if c.required && slot.is_none() {
                return Err(Error::InvalidValue {
                    what: noun!("CSV header"),
                    got: crate::error::quoted(&fields.join(",")),
                    why: msg!(
                        "the required column `{column}` is missing (accepted names: {names})",
                        column = c.name,
                        names = std::iter::once(c.name)
                            .chain(c.aliases.iter().copied())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    at: at(c.name),
                });
            }
        }
        Ok(Header {
            table,
            found,
            blank,
            width: fields.len(),
        })
    }

    /// The table matched.
    pub fn table(&self) -> Table {
        self.table
    }

    /// The number of fields of the header.
    pub fn width(&self) -> usize {
        self.width
    }

    /// The field position of the `c`-th column of the table, if present.
    pub fn position(&self, c: usize) -> Option<usize> {
        self.found.get(c).and_then(|f| f.as_ref().map(|(i, _)| *i))
    }

    /// The column's name as written in the header (its English name if
    /// absent).
    pub fn written(&self, c: usize) -> &str {
        match self.found.get(c) {
            Some(Some((_, w))) => w,
            _ => self.table.columns().get(c).map_or("", |col| col.name),
        }
    }

    /// Field positions whose header cell is blank.
    pub fn blank(&self) -> &[usize] {
        &self.blank
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(t: Table, names: &[&str]) -> Result<Header> {
        Header::new(
            t,
            &names.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>(),
        )
    }

    #[test]
    fn aliases_are_folded() {
        let h = header(Table::Readings, &["Foyer", "Compteur", "Date", "Valeur"]).unwrap();
        assert_eq!(h.position(3), Some(3));
        assert_eq!(h.written(3), "Valeur");
        let h = header(
            Table::Households,
            &["équipe", "FOYER", "Âges enfants", "adultes", ""],
        )
        .unwrap();
        assert_eq!(h.position(0), Some(1));
        assert_eq!(h.position(3), Some(2));
        assert_eq!(h.position(4), None);
        assert_eq!(h.blank(), &[4]);
    }

    #[test]
    fn header_errors_name_the_column() {
        let e = header(
            Table::Readings,
            &["foyer", "compteur", "date", "valeur", "commentaire"],
        )
        .unwrap_err();
        assert_eq!(e.code(), "unknown_name");
        assert_eq!(
            e.location().and_then(|l| l.column.as_deref()),
            Some("commentaire")
        );
        let e = header(
            Table::Readings,
            &["foyer", "compteur", "date", "valeur", "index"],
        )
        .unwrap_err();
        assert_eq!(e.code(), "duplicate");
        let e = header(Table::Readings, &["foyer", "compteur", "valeur"]).unwrap_err();
        assert_eq!(e.code(), "invalid_value");
        assert_eq!(e.location().and_then(|l| l.column.as_deref()), Some("date"));
    }

    #[test]
    fn tables_by_file_name() {
        assert_eq!(Table::of_file("Relevés.csv"), Some(Table::Readings));
        assert_eq!(Table::of_file("data/readings.csv"), Some(Table::Readings));
        assert_eq!(
            Table::of_file("C:\\défi\\FOYERS.CSV"),
            Some(Table::Households)
        );
        assert_eq!(Table::of_file("temperatures"), Some(Table::Temperatures));
        assert_eq!(Table::of_file("notes.csv"), None);
        for t in Table::ALL {
            for s in t.file_stems() {
                assert_eq!(Table::of_file(&format!("{s}.csv")), Some(*t));
            }
        }
    }

    #[test]
    fn every_alias_is_unambiguous() {
        for t in Table::ALL {
            let cols = t.columns();
            for (i, c) in cols.iter().enumerate() {
                for name in std::iter::once(&c.name).chain(c.aliases) {
                    assert_eq!(t.column(name), Some(i), "{t} {name}");
                    // The error message lists the English name of each column.
                }
                assert!(t.expected().contains(c.name), "{t} {}", c.name);
            }
        }
    }
}
