//! The documents structured inputs start from: the shipped samples and the
//! conformance vectors' inputs, embedded so that a fuzz target needs no file
//! at run time. An input's first bytes choose one (see [`crate::Target`]).

use std::sync::OnceLock;

use serde_json::Value;

use crate::mutate::File;

/// Every case's `field` in a vector file's `cases`.
fn cases(vectors: &str, field: &str) -> Vec<Value> {
    let doc: Value = serde_json::from_str(vectors).unwrap_or(Value::Null);
    doc.get("cases")
        .and_then(Value::as_array)
        .map(|cases| cases.iter().filter_map(|c| c.get(field).cloned()).collect())
        .unwrap_or_default()
}

/// Challenge documents: the inputs of the energy, water, waste, food,
/// mobility and multi-theme vectors, and the spreadsheet demo's document.
pub fn documents() -> &'static [Value] {
    static SEEDS: OnceLock<Vec<Value>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut out = Vec::new();
        for vectors in [
            include_str!("../../../tests/vectors/energy_challenge.json"),
            include_str!("../../../tests/vectors/water/challenge.json"),
            include_str!("../../../tests/vectors/waste/challenge.json"),
            include_str!("../../../tests/vectors/food/challenge.json"),
            include_str!("../../../tests/vectors/mobility/challenge.json"),
            include_str!("../../../tests/vectors/themes/challenge.json"),
        ] {
            out.extend(cases(vectors, "input"));
        }
        out.extend(serde_json::from_str(include_str!(
            "../../../core/examples/data/table-demo/challenge.json"
        )));
        out
    })
}

/// Catalogues: the regional sample and the validation vectors' catalogues.
pub fn catalogues() -> &'static [Value] {
    static SEEDS: OnceLock<Vec<Value>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut out: Vec<Value> = serde_json::from_str(include_str!(
            "../../../core/examples/data/catalogue/hauts-de-france.json"
        ))
        .into_iter()
        .collect();
        out.extend(
            serde_json::from_str::<Value>(include_str!(
                "../../../tests/vectors/catalogue/aggregation.json"
            ))
            .ok()
            .and_then(|v| v.get("catalogue").cloned()),
        );
        out.extend(cases(
            include_str!("../../../tests/vectors/catalogue/validation.json"),
            "catalogue",
        ));
        out
    })
}

/// Regression inputs, `{"data": …, "options": …}`: the hand-made vectors
/// (daily and billing data).
pub fn regressions() -> &'static [Value] {
    static SEEDS: OnceLock<Vec<Value>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let doc: Value =
            serde_json::from_str(include_str!("../../../tests/vectors/regression/hand.json"))
                .unwrap_or(Value::Null);
        doc.get("cases")
            .and_then(Value::as_array)
            .map(|cases| {
                cases
                    .iter()
                    .map(|c| {
                        serde_json::json!({
                            "data": c.get("data").cloned().unwrap_or(Value::Null),
                            "options": c.get("options").cloned().unwrap_or(Value::Null),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default()
    })
}

/// The spreadsheet demo's files (`core/examples/data/table-demo`), decoded
/// as the page decodes them (one is in Windows-1252), and a few rows of
/// each theme table (weighings, purchases, trips) for its households, so
/// that mutations reach their reading.
pub fn tables() -> Vec<File> {
    let decode = ecodefi::table::encoding::decode;
    macro_rules! file {
        ($name:literal) => {
            File::new(
                $name,
                &decode(include_bytes!(concat!(
                    "../../../core/examples/data/table-demo/",
                    $name
                ))),
            )
        };
    }
    vec![
        file!("foyers.csv"),
        file!("equipes.csv"),
        file!("compteurs.csv"),
        file!("releves.csv"),
        file!("evenements.csv"),
        file!("livraisons.csv"),
        file!("stocks.csv"),
        file!("temperatures.csv"),
        file!("defi.csv"),
        File::new(
            "pesees.csv",
            "foyer;date;flux;poids\nF01;07/12/2025;ordures ménagères;4,2\n\
             F02;07/12/2025;emballages;1,35\nF03;14/12/2025;verre;2\n",
        ),
        File::new(
            "achats.csv",
            "foyer;date;montant;bio;local;circuit;repas;personnes\n\
             F01;02/12/2025;12,40;oui;non;marché;3;2\nF02;03/12/2025;5;non;oui;amap;1;4\n",
        ),
        File::new(
            "deplacements.csv",
            "foyer;date;mode;km;trajets\nF01;06/12/2025;voiture;84,5;10\n\
             F03;06/12/2025;vélo;12;\n",
        ),
    ]
}

/// The shipped sample exports of `core/examples/data/` (Enedis, GRDF,
/// Météo-France), as named files of bytes.
pub fn exports() -> Vec<(&'static str, &'static [u8])> {
    macro_rules! file {
        ($dir:literal, $name:literal) => {
            (
                $name,
                &include_bytes!(concat!("../../../core/examples/data/", $dir, "/", $name))[..],
            )
        };
    }
    vec![
        file!("enedis", "linky-consommation-quotidienne.csv"),
        file!("enedis", "linky-courbe-de-charge-automne.csv"),
        file!("enedis", "linky-courbe-de-charge-printemps.csv"),
        file!("enedis", "linky-index.csv"),
        file!("grdf", "gazpar-api.json"),
        file!("grdf", "gazpar-quotidien.csv"),
        file!("grdf", "gazpar-quotidien.xlsx"),
        file!("meteo-france", "H_62_synthetique_2025-01.csv.gz"),
        file!("meteo-france", "Q_62_synthetique_2025_RR-T-Vent.csv"),
        file!("meteo-france", "Q_62_synthetique_2025_RR-T-Vent.csv.gz"),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seed_is_there() {
        // 6 vector files of one case each (water's has a second, with the
        // national reference overridden), and the demo's document.
        assert_eq!(documents().len(), 8);
        assert!(catalogues().len() >= 3);
        assert!(regressions().len() >= 3);
        assert_eq!(tables().len(), 12);
        assert!(regressions().iter().all(|r| r["data"].is_object()));
    }
}
