//! Tests of the settings table: reading, errors located, round trip.
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::KEYS;
use crate::challenge::{OrganiserKind, Theme};
use crate::climate::Correction;
use crate::data::ChallengeData;
use crate::date::date;
use crate::error::{Error, Result};
use crate::meter::Basis;
use crate::quantity::Ratio;
use crate::table::{Source, Tables};
use crate::weather::Method;

/// The settings of the table demo, in French, one row per line.
const DEFI: &str = "paramètre;valeur
nom;Défi démo (tableur)
territoire;Lille
organisateur;association
thèmes;énergie
début_référence;01/12/2024
fin_référence;30/04/2025
début_défi;01/12/2025
fin_défi;30/04/2026
objectif;0,08
";

const FOYERS: &str = "foyer;equipe;adultes\nF1;t1;2\nF2;t2;1\n";

/// A challenge from the households above and a settings table.
fn with(settings: &str) -> Result<ChallengeData> {
    let mut t = Tables::new(Source::new("foyers.csv", FOYERS));
    t.settings = Some(Source::new("defi.csv", settings));
    t.challenge_data_from_tables()
}

#[cfg(feature = "themes")]
#[test]
fn written_settings_read_back() {
    use crate::table::write::{settings_table, CsvStyle};
    let read = with(DEFI).unwrap();
    let mut options = read.options.clone();
    options.energy.correction = Correction::Sdes;
    options.energy.estimate_share_from_summer = false;
    options.energy.degree_days.base = Decimal::new(175, 1);
    options.waste.reference_period = Some(period("2025-11-03", "2025-11-30"));
    options.waste.challenge_periods = vec![
        period("2025-12-01", "2025-12-31"),
        period("2026-01-05", "2026-02-28"),
    ];
    options.water.reference_period = Some(period("2025-03-01", "2025-05-31"));
    options.water.challenge_period = Some(period("2026-03-01", "2026-05-31"));
    options.water.reference_value = crate::water::WaterReference {
        litres_per_person_day: crate::Litres::new(Decimal::new(1095, 1)),
        year: 2022,
        source: "SISPEA; Nord-Pas-de-Calais".into(),
    };
    options.water.max_gap_days = 60;
    options.food.surveys = vec![
        crate::food::Survey {
            name: "relevé du début".into(),
            period: period("2025-12-01", "2025-12-14"),
        },
        crate::food::Survey {
            name: "fin".into(),
            period: period("2026-04-13", "2026-04-26"),
        },
    ];
    options.food.budget_tolerance = Ratio::new(Decimal::new(8, 2));
    options.mobility.reference_period = Some(period("2025-10-06", "2025-10-19"));
    options.mobility.challenge_period = Some(period("2026-03-02", "2026-03-15"));
    for style in [CsvStyle::FRENCH, CsvStyle::ENGLISH] {
        let text = settings_table(&read.challenge, &options, style).unwrap();
        let back = with(&text).unwrap();
        assert_eq!(back.challenge, read.challenge, "{text}");
        assert_eq!(back.options, options, "{text}");
    }
    // What the table cannot hold is refused, not dropped.
    let mut energy = options.clone();
    energy.energy.regression_baseline = true;
    let e = settings_table(&read.challenge, &energy, CsvStyle::FRENCH).unwrap_err();
    assert_eq!(e.code(), "invalid_value");
    assert!(e.to_string().contains("regression_baseline"), "{e}");
    let mut mobility = options.clone();
    mobility.mobility.factors.year = 1999;
    let e = settings_table(&read.challenge, &mobility, CsvStyle::FRENCH).unwrap_err();
    assert!(e.to_string().contains("mobility impact factors"), "{e}");
    let mut food = options;
    food.food.surveys[0].name = "avant, pendant".into();
    let e = settings_table(&read.challenge, &food, CsvStyle::FRENCH).unwrap_err();
    assert!(e.to_string().contains("food survey"), "{e}");
}

#[cfg(feature = "themes")]
fn period(first: &str, last: &str) -> crate::Period {
    crate::Period::new(first.parse().unwrap(), last.parse().unwrap()).unwrap()
}

#[cfg(feature = "themes")]
#[test]
fn water_options_in_french() {
    let defi = format!(
        "{DEFI}début_référence_eau;01/03/2025\nfin_référence_eau;31/05/2025\n\
         eau_litres_référence;109,5\neau_année_référence;2022\n\
         eau_source_référence;SISPEA, Nord-Pas-de-Calais\neau_lacune_max_jours;60\n"
    );
    let water = with(&defi).unwrap().options.water;
    assert_eq!(
        water.reference_period,
        Some(period("2025-03-01", "2025-05-31"))
    );
    assert_eq!(water.challenge_period, None);
    assert_eq!(
        water.reference_value.litres_per_person_day,
        crate::Litres::new(Decimal::new(1095, 1))
    );
    assert_eq!(water.reference_value.year, 2022);
    assert_eq!(water.reference_value.source, "SISPEA, Nord-Pas-de-Calais");
    assert_eq!((water.max_extrapolation_days, water.max_gap_days), (7, 60));
    // A figure without its year and source is refused, never mixed with
    // the default's source.
    let e = with(&format!("{DEFI}eau_litres_reference;109,5\n")).unwrap_err();
    located(&e, "invalid_value", None, Some("paramètre"));
    assert!(e.to_string().contains("water_reference_year"), "{e}");
}

#[cfg(feature = "themes")]
#[test]
fn food_surveys_in_french() {
    let defi = format!(
        "{DEFI}relevés_achats;\"relevé 1 du 01/12/2025 au 14/12/2025; relevé 2 du 13/04/2026 \
         au 26/04/2026\"\ntolérance_budget_alimentation;10 %\n"
    );
    let food = with(&defi).unwrap().options.food;
    let names: Vec<&str> = food.surveys.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["relevé 1", "relevé 2"]);
    assert_eq!(food.surveys[1].period, period("2026-04-13", "2026-04-26"));
    assert_eq!(food.budget_tolerance, Ratio::new(Decimal::new(10, 2)));
    for list in [
        "relevé 1 du 01/12/2025",
        "01/12/2025 au 14/12/2025",
        "début du 01/12/2025 au 14/12/2025 puis",
    ] {
        let e = with(&format!("{DEFI}releves_achats;{list}\n")).unwrap_err();
        located(&e, "invalid_value", Some(11), Some("valeur"));
    }
}

#[cfg(feature = "themes")]
#[test]
fn waste_periods_in_french() {
    let defi = format!(
        "{DEFI}début_référence_déchets;03/11/2025\nfin_référence_déchets;30/11/2025\n\
         périodes_défi_déchets;du 01/12/2025 au 31/12/2025 et du 05/01/2026 au 28/02/2026\n"
    );
    let data = with(&defi).unwrap();
    assert_eq!(
        data.options.waste.reference_period,
        Some(period("2025-11-03", "2025-11-30"))
    );
    assert_eq!(
        data.options.waste.challenge_periods,
        [
            period("2025-12-01", "2025-12-31"),
            period("2026-01-05", "2026-02-28")
        ]
    );
    // One end of the reference alone: the other is missing, at the key column.
    let e = with(&format!("{DEFI}debut_reference_dechets;03/11/2025\n")).unwrap_err();
    located(&e, "invalid_value", None, Some("paramètre"));
    assert!(e.to_string().contains("waste_reference_last"), "{e}");
    // An odd number of days, and a period that ends before it starts, at
    // the value's cell (line 11).
    for list in [
        "01/12/2025 au 31/12/2025 et 05/01/2026",
        "31/12/2025 au 01/12/2025",
    ] {
        let e = with(&format!("{DEFI}periodes_defi_dechets;{list}\n")).unwrap_err();
        located(&e, "invalid_value", Some(11), Some("valeur"));
    }
    let e = with(&format!(
        "{DEFI}periodes_defi_dechets;01/12/2025 jusqu'au 31/12/2025\n"
    ))
    .unwrap_err();
    located(&e, "invalid_value", Some(11), Some("valeur"));
}

proptest! {
    // Any name, territory, objective and heating share survive the
    // round trip through the written table, in both styles.
    #[cfg(feature = "themes")]
    #[test]
    fn written_settings_round_trip(
        name in "[A-Za-zé0-9 ;,\"'-]{1,20}",
        objective in 0i64..1000,
        share in 0i64..=100,
        french in any::<bool>(),
        waste_days in proptest::collection::vec(1i32..40, 0..6),
    ) {
        use crate::table::write::{settings_table, CsvStyle};
        prop_assume!(!name.trim().is_empty());
        let mut data = with(DEFI).unwrap();
        data.challenge.name = name.trim().to_owned();
        data.challenge.objective = Ratio::new(Decimal::new(objective, 3));
        data.options.energy.mixed_heating_share = Ratio::new(Decimal::new(share, 2));
        // Consecutive waste periods of the given lengths from 2025-12-01.
        let mut start = crate::date::day_number(date(2025, 12, 1));
        for len in waste_days {
            let first = crate::date::date_of(start).unwrap();
            let last = crate::date::date_of(start + len - 1).unwrap();
            data.options.waste.challenge_periods.push(crate::Period::new(first, last).unwrap());
            start += len;
        }
        let style = if french { CsvStyle::FRENCH } else { CsvStyle::ENGLISH };
        let text = settings_table(&data.challenge, &data.options, style).unwrap();
        let back = with(&text).unwrap();
        prop_assert_eq!(back.challenge, data.challenge);
        prop_assert_eq!(back.options, data.options);
    }
}

/// Asserts an error's code and location (file, line, column).
fn located(e: &Error, code: &str, line: Option<usize>, column: Option<&str>) {
    assert_eq!(e.code(), code, "{e}");
    let at = e.location().unwrap();
    assert_eq!(at.file.as_deref(), Some("defi.csv"), "{e}");
    assert_eq!(at.line, line, "{e}");
    assert_eq!(at.column.as_deref(), column, "{e}");
}

fn demo_file(f: &str) -> String {
    let bytes = std::fs::read(format!(
        "{}/examples/data/table-demo/{f}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    crate::table::encoding::decode(&bytes).into_owned()
}

#[test]
fn the_demo_settings_table_equals_its_json_settings() {
    let names = [
        "foyers.csv",
        "equipes.csv",
        "compteurs.csv",
        "releves.csv",
        "evenements.csv",
        "livraisons.csv",
        "stocks.csv",
        "temperatures.csv",
    ];
    let texts: Vec<String> = names.iter().map(|f| demo_file(f)).collect();
    let mut sources: Vec<Source<'_>> = names
        .iter()
        .zip(&texts)
        .map(|(n, t)| Source::new(n, t))
        .collect();
    let json = demo_file("challenge.json");
    let from_json = Tables::from_files(&sources)
        .unwrap()
        .challenge_data(&json)
        .unwrap();
    let defi = demo_file("defi.csv");
    assert_eq!(defi, DEFI, "the shipped defi.csv is the one tested here");
    sources.push(Source::new("defi.csv", &defi));
    let tables = Tables::from_files(&sources).unwrap();
    assert_eq!(tables.settings.map(|s| s.name), Some("defi.csv"));
    let from_table = tables.challenge_data_from_tables().unwrap();
    assert_eq!(from_table, from_json);
    // Real values, not only agreement.
    let c = &from_table.challenge;
    assert_eq!(c.name, "Défi démo (tableur)");
    assert_eq!(c.territory, "Lille");
    assert_eq!(c.organiser_kind, OrganiserKind::Association);
    assert_eq!(c.themes, vec![Theme::Energy]);
    assert_eq!(c.reference_period.first(), date(2024, 12, 1));
    assert_eq!(c.reference_period.last(), date(2025, 4, 30));
    assert_eq!(c.challenge_period.first(), date(2025, 12, 1));
    assert_eq!(c.challenge_period.last(), date(2026, 4, 30));
    assert_eq!(c.objective, Ratio::new(Decimal::new(8, 2)));
    assert_eq!(c.teams.len(), 2);
    assert_eq!(from_table.households.len(), 3);
    let report = crate::compute(&from_table).unwrap();
    assert!(report.headline().starts_with("3 foyers"));
    // The JSON path refuses a settings table: two sets of settings.
    let e = tables.challenge_data(&json).unwrap_err();
    assert_eq!(e.code(), "invalid_value");
    assert_eq!(
        e.location().and_then(|l| l.file.as_deref()),
        Some("defi.csv")
    );
    assert_eq!(e.location().and_then(|l| l.line), None);
    assert!(e.to_string().contains("given twice"), "{e}");
}

#[test]
fn english_keys_comma_delimiter_and_defaults() {
    let english = "setting,value
name,\"Energy challenge, North\"
territory,Lille
organiser_kind,local_authority
reference_first,2024-12-01
reference_last,2025-04-30
challenge_first,2025-12-01
challenge_last,2026-04-30
objective,8 %
";
    let d = with(english).unwrap();
    assert_eq!(d.challenge.name, "Energy challenge, North");
    assert_eq!(d.challenge.organiser_kind, OrganiserKind::LocalAuthority);
    // Defaults: energy, 8 %, the default options.
    assert_eq!(d.challenge.themes, vec![Theme::Energy]);
    assert_eq!(d.options, crate::data::Options::default());
    // `8 %` is `0,08`, is `0.08`, is the default objective.
    let french = with(DEFI).unwrap();
    assert_eq!(d.challenge.objective, french.challenge.objective);
    assert_eq!(d.challenge.objective, Ratio::new(Decimal::new(8, 2)));
    let without = with(&english.replace("objective,8 %\n", "")).unwrap();
    assert_eq!(
        without.challenge.objective,
        crate::challenge::DEFAULT_OBJECTIVE
    );
    // Teams from the households table, named by their identifier.
    let teams: Vec<&str> = d.challenge.teams.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(teams, ["t1", "t2"]);
    // Keys are folded like column names; a tab also delimits.
    let tab = DEFI.replace(';', "\t").replace("nom\t", "NOM \t");
    assert_eq!(with(&tab).unwrap(), french);
}

#[test]
fn every_option_is_read() {
    let options = "correction;SDES
base;PCI
part_chauffage_mixte;70 %
estimer_part_ete;non
jours_ete_min;21
extrapolation_max_jours;10
lacune_max_jours;60
methode_dju;Météo-France
base_dju;17,5
";
    let text = format!(
        "{}{options}",
        DEFI.replace("thèmes;énergie", "thèmes;\"énergie, eau\"")
    );
    let d = with(&text).unwrap();
    assert_eq!(d.challenge.themes, vec![Theme::Energy, Theme::Water]);
    let e = &d.options.energy;
    assert_eq!(e.correction, Correction::Sdes);
    assert_eq!(e.basis, Basis::Pci);
    assert_eq!(e.mixed_heating_share, Ratio::new(Decimal::new(7, 1)));
    assert!(!e.estimate_share_from_summer);
    assert_eq!(
        (e.min_summer_days, e.max_extrapolation_days, e.max_gap_days),
        (21, 10, 60)
    );
    assert_eq!(e.degree_days.method, Method::MeteoFrance);
    assert_eq!(e.degree_days.base, Decimal::new(175, 1));
    // The options not in the table keep their defaults.
    let defaults = crate::energy::EnergyOptions::default();
    assert_eq!(e.factors, defaults.factors);
    assert_eq!(e.degree_days.kind, defaults.degree_days.kind);
    assert_eq!(e.regression_baseline, defaults.regression_baseline);
    // The English keys read the same.
    let english = options
        .replace("base;", "basis;")
        .replace("part_chauffage_mixte;", "mixed_heating_share;")
        .replace("estimer_part_ete;", "estimate_share_from_summer;")
        .replace("jours_ete_min;", "min_summer_days;")
        .replace("extrapolation_max_jours;", "max_extrapolation_days;")
        .replace("lacune_max_jours;", "max_gap_days;")
        .replace("methode_dju;", "degree_day_method;")
        .replace("base_dju;", "degree_day_base;");
    let text = format!("{DEFI}{english}");
    assert_eq!(with(&text).unwrap().options.energy, *e);
}

#[test]
fn errors_are_located() {
    // An unknown key: line 11, the key column as written.
    let e = with(&format!("{DEFI}couleur;vert\n")).unwrap_err();
    located(&e, "unknown_name", Some(11), Some("paramètre"));
    assert!(e.to_string().contains("unknown setting `couleur`"), "{e}");
    assert!(e.to_string().contains("territory (territoire)"), "{e}");
    // A duplicate key, under another of its names: at the second row.
    let e = with(&format!("{DEFI}name;Autre\n")).unwrap_err();
    located(&e, "duplicate", Some(11), Some("paramètre"));
    assert!(e.to_string().contains("`nom` on line 2 and `name`"), "{e}");
    // A missing required key: the file and the key column, no line.
    let e = with(&DEFI.replace("territoire;Lille\n", "")).unwrap_err();
    located(&e, "invalid_value", None, Some("paramètre"));
    assert!(
        e.to_string()
            .contains("required setting `territory` is missing"),
        "{e}"
    );
    // A bad date: the value column of its line.
    let e = with(&DEFI.replace("30/04/2026", "31/04/2026")).unwrap_err();
    located(&e, "invalid_value", Some(9), Some("valeur"));
    assert!(e.to_string().contains("challenge period's last day"), "{e}");
    let e = with(&DEFI.replace("01/12/2024", "12/01/24")).unwrap_err();
    located(&e, "invalid_value", Some(6), Some("valeur"));
    // A period that ends before it starts: at its last day.
    let e = with(&DEFI.replace("30/04/2025", "30/04/2024")).unwrap_err();
    located(&e, "invalid_value", Some(7), Some("valeur"));
    // A bad ratio, and a ratio out of range.
    let e = with(&DEFI.replace("0,08", "8 pour cent")).unwrap_err();
    located(&e, "invalid_value", Some(10), Some("valeur"));
    assert!(e.to_string().contains("invalid objective"), "{e}");
    let e = with(&DEFI.replace("0,08", "100 %")).unwrap_err();
    located(&e, "invalid_value", Some(10), Some("valeur"));
    let e = with(&format!("{DEFI}part_chauffage_mixte;1,5\n")).unwrap_err();
    located(&e, "invalid_value", Some(11), Some("valeur"));
    // Unknown names in values, a theme twice, no theme.
    let e = with(&DEFI.replace(";association", ";club")).unwrap_err();
    located(&e, "unknown_name", Some(4), Some("valeur"));
    let e = with(&DEFI.replace(";énergie", ";énergie eau energy")).unwrap_err();
    located(&e, "duplicate", Some(5), Some("valeur"));
    let e = with(&DEFI.replace(";énergie", ";\",\"")).unwrap_err();
    located(&e, "invalid_value", Some(5), Some("valeur"));
    let e = with(&format!("{DEFI}estimer_part_ete;peut-être\n")).unwrap_err();
    located(&e, "invalid_value", Some(11), Some("valeur"));
    let e = with(&format!("{DEFI}jours_ete_min;-3\n")).unwrap_err();
    located(&e, "invalid_value", Some(11), Some("valeur"));
    // An empty value or key, the table's syntax and header.
    let e = with(&DEFI.replace(";Lille", ";")).unwrap_err();
    located(&e, "invalid_value", Some(3), Some("valeur"));
    let e = with(&format!("{DEFI};vert\n")).unwrap_err();
    located(&e, "invalid_value", Some(11), Some("paramètre"));
    let e = with(&DEFI.replace("paramètre;valeur", "paramètre;valeur;note")).unwrap_err();
    located(&e, "unknown_name", Some(1), Some("note"));
    // No settings table.
    let e = Tables::new(Source::new("foyers.csv", FOYERS))
        .challenge_data_from_tables()
        .unwrap_err();
    assert_eq!(e.code(), "insufficient_data");
    assert_eq!(e.location(), Some(&crate::Location::in_file("defi.csv")));
    assert!(e.to_string().contains("`defi.csv`"), "{e}");
    // Both a settings table and JSON settings.
    let mut t = Tables::new(Source::new("foyers.csv", FOYERS));
    t.settings = Some(Source::new("defi.csv", DEFI));
    let e = t.challenge_data(&demo_file("challenge.json")).unwrap_err();
    located(&e, "invalid_value", None, None);
    // The whole document is validated: a team's captain is a household.
    let mut t = Tables::new(Source::new("foyers.csv", FOYERS));
    t.teams = Some(Source::new("equipes.csv", "equipe;capitaine\nt1;F9\nt2;\n"));
    t.settings = Some(Source::new("defi.csv", DEFI));
    assert_eq!(
        t.challenge_data_from_tables().unwrap_err().code(),
        "unknown_reference"
    );
}

#[test]
fn file_names_of_the_settings_table() {
    for name in ["defi.csv", "Défi.CSV", "paramètres.csv", "settings.txt"] {
        let files = [Source::new("foyers.csv", FOYERS), Source::new(name, DEFI)];
        let t = Tables::from_files(&files).unwrap();
        assert_eq!(t.settings.map(|s| s.name), Some(name));
        assert_eq!(t.challenge_data_from_tables().unwrap(), with(DEFI).unwrap());
    }
    let files = [
        Source::new("foyers.csv", FOYERS),
        Source::new("defi.csv", DEFI),
        Source::new("settings.csv", DEFI),
    ];
    assert_eq!(Tables::from_files(&files).unwrap_err().code(), "duplicate");
}

#[test]
fn every_key_is_listed_and_unambiguous() {
    for s in KEYS {
        for n in s.names {
            assert_eq!(super::lookup(n).map(|f| f.key), Some(s.key), "{n}");
        }
        let english = s.names[0];
        assert!(super::KEY_NAMES.contains(english), "{english}");
        // Each key is documented in the README.
        assert!(
            include_str!("../../../../README.md").contains(&format!("`{english}`")),
            "{english}"
        );
    }
}

/// The settings' rows, shuffled by `order` (a permutation of 1..n).
fn rows_in(text: &str, order: &[usize]) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = format!("{}\n", lines[0]);
    for &i in order {
        out.push_str(lines[i]);
        out.push('\n');
    }
    out
}

proptest! {
    /// Any objective written as a decimal-comma fraction and as a
    /// percentage reads to the same ratio.
    #[test]
    fn an_objective_as_fraction_or_percent(v in 0i64..1_000_000, scale in 0u32..4) {
        // v / 10^(scale + 6) is a fraction in [0, 1), with up to 10
        // decimals; its percentage has two fewer.
        let fraction = Decimal::new(v, scale + 6);
        let percent = Decimal::new(v, scale + 4);
        let comma = |d: Decimal| d.to_string().replace('.', ",");
        let a = with(&DEFI.replace("0,08", &comma(fraction))).unwrap();
        let b = with(&DEFI.replace("0,08", &format!("{} %", comma(percent)))).unwrap();
        let c = with(&DEFI.replace("0,08", &format!("{}%", comma(percent)))).unwrap();
        prop_assert_eq!(a.challenge.objective, Ratio::new(fraction));
        prop_assert_eq!(b.challenge.objective, Ratio::new(fraction));
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(&b, &c);
    }

    /// The order of the rows does not matter.
    #[test]
    fn row_order_does_not_matter(
        order in Just((1..=18).collect::<Vec<usize>>()).prop_shuffle()
    ) {
        let full = format!(
            "{DEFI}correction;contrat\nbase;pci\npart_chauffage_mixte;0,5\nestimer_part_ete;oui\n\
             jours_ete_min;30\nextrapolation_max_jours;3\nlacune_max_jours;40\n\
             methode_dju;costic\nbase_dju;17\n"
        );
        let expected = with(&full).unwrap();
        prop_assert_eq!(with(&rows_in(&full, &order)).unwrap(), expected);
    }

    /// Any settings text gives a challenge or a typed error, never a
    /// panic.
    #[test]
    fn any_settings_text_is_ok_or_an_error(
        s in "(parametre;valeur\n)?([a-zéè_ ]{0,12}[;,\t][0-9a-zé%,./ -]{0,12}\n){0,6}"
    ) {
        let _ = with(&s);
        let _ = with(&format!("{DEFI}{s}"));
    }
}
