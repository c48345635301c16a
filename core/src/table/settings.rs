//! A whole challenge from a JSON settings document and the tables: the
//! settings (name, territory, periods, objective, options…) stay JSON, the
//! households, meters, measurements and temperatures come from the tables.
//!
//! The settings document is a [`ChallengeData`] document without
//! `households` and `temperatures`. Its `challenge.teams` may be left out:
//! the teams then come from the tables (the teams table, or the distinct
//! teams of the households table). Teams given both in the settings and in
//! a teams table are refused, as ambiguous.

use serde_json::Value;

use crate::data::{ChallengeData, SCHEMA_VERSION};
use crate::error::{Error, Location, Result};
use crate::{msg, noun};

use super::Inputs;

/// Builds a challenge document from its settings (JSON) and the inputs read
/// from its tables; `teams_table` says whether the inputs' teams come from
/// a teams table.
pub(super) fn challenge_data(
    settings: &str,
    inputs: Inputs,
    teams_table: bool,
) -> Result<ChallengeData> {
    let settings_at = Location {
        file: Some("settings".to_owned()),
        ..Location::NONE
    };
    let mut doc: Value = serde_json::from_str(settings)?;
    let Some(object) = doc.as_object_mut() else {
        return Err(Error::Json {
            message: "the settings are a JSON object".into(),
        });
    };
    match object.get("schema_version").and_then(Value::as_u64) {
        Some(v) if v == u64::from(SCHEMA_VERSION) => {}
        Some(v) => {
            return Err(Error::SchemaVersion {
                got: u32::try_from(v).unwrap_or(u32::MAX),
                supported: SCHEMA_VERSION,
            })
        }
        None => {
            return Err(Error::Json {
                message: "missing field `schema_version` (a whole number) in the settings".into(),
            })
        }
    }
    for (key, why) in [
        (
            "households",
            msg!("the households come from the tables, not from the settings"),
        ),
        (
            "temperatures",
            msg!("the temperatures come from the tables, not from the settings"),
        ),
    ] {
        if object.contains_key(key) {
            return Err(Error::InvalidValue {
                what: noun!("settings"),
                got: format!("`{key}`"),
                why,
                at: settings_at,
            });
        }
    }
    let Some(challenge) = object.get_mut("challenge").and_then(Value::as_object_mut) else {
        return Err(Error::Json {
            message: "missing object `challenge` in the settings".into(),
        });
    };
    match challenge.get("teams") {
        Some(_) if teams_table => {
            return Err(Error::InvalidValue {
                what: noun!("settings"),
                got: "`challenge.teams`".into(),
                why: msg!("teams are given both in the settings and in a teams table: keep one"),
                at: settings_at,
            });
        }
        Some(_) => {}
        None => {
            let teams = inputs.teams.iter().map(|t| {
                let mut team = serde_json::Map::new();
                team.insert("id".into(), Value::String(t.id.to_string()));
                team.insert("name".into(), Value::String(t.name.clone()));
                if let Some(c) = &t.captain {
                    team.insert("captain".into(), Value::String(c.to_string()));
                }
                Value::Object(team)
            });
            challenge.insert("teams".into(), Value::Array(teams.collect()));
        }
    }
    // Read through the document's own parser (text, not `from_value`, whose
    // second deserializer would double the WebAssembly's JSON code), with
    // no household yet: captains are checked below, with the households.
    object.insert("households".into(), Value::Array(Vec::new()));
    let captains: Vec<Option<Value>> = object
        .get_mut("challenge")
        .and_then(|c| c.get_mut("teams"))
        .and_then(Value::as_array_mut)
        .map(|teams| {
            teams
                .iter_mut()
                .map(|t| t.as_object_mut().and_then(|t| t.remove("captain")))
                .collect()
        })
        .unwrap_or_default();
    let mut data = ChallengeData::from_json(&doc.to_string())?;
    for (team, captain) in data.challenge.teams.iter_mut().zip(captains) {
        if let Some(c) = captain {
            let text = doc_string(&c)?;
            team.captain = Some(crate::id::HouseholdId::new(text)?);
        }
    }
    data.households = inputs.households;
    data.temperatures = inputs.temperatures;
    data.validate()?;
    Ok(data)
}

/// A JSON string's text.
fn doc_string(v: &Value) -> Result<String> {
    v.as_str().map(str::to_owned).ok_or_else(|| Error::Json {
        message: format!("a team's `captain` is a string (got {v})"),
    })
}

#[cfg(test)]
mod tests {
    use crate::table::{Source, Tables};

    const SETTINGS: &str = r#"{
        "schema_version": 1,
        "challenge": {
            "name": "Défi démo",
            "territory": "Lille",
            "organiser_kind": "association",
            "themes": ["energy"],
            "reference_period": {"first": "2024-12-01", "last": "2025-04-30"},
            "challenge_period": {"first": "2025-12-01", "last": "2026-04-30"}
        }
    }"#;

    fn tables() -> Tables<'static> {
        let mut t = Tables::new(Source::new(
            "h.csv",
            "household,team,adults\nA,t1,1\nB,t2,1\n",
        ));
        t.teams = Some(Source::new("t.csv", "team,name\nt1,Un\nt2,Deux\n"));
        t
    }

    #[test]
    fn settings_and_tables_make_a_challenge() {
        let data = tables().challenge_data(SETTINGS).unwrap();
        assert_eq!(data.households.len(), 2);
        assert_eq!(data.challenge.teams.len(), 2);
        assert_eq!(data.challenge.teams[1].name, "Deux");
        assert_eq!(data.challenge.name, "Défi démo");
        // Teams in the settings, none in the tables.
        let mut t = tables();
        t.teams = None;
        let with_teams = SETTINGS.replace(
            r#""challenge_period""#,
            r#""teams": [{"id": "t1", "name": "Un", "captain": "A"}, {"id": "t2", "name": "Deux"}], "challenge_period""#,
        );
        let teams = t.challenge_data(&with_teams).unwrap().challenge.teams;
        assert_eq!(teams[0].name, "Un");
        assert_eq!(
            teams[0]
                .captain
                .as_ref()
                .map(ToString::to_string)
                .as_deref(),
            Some("A")
        );
        assert_eq!(teams[1].captain, None);
        // A captain who is no household.
        let e = t
            .challenge_data(&with_teams.replace(r#""captain": "A""#, r#""captain": "Z""#))
            .unwrap_err();
        assert_eq!(e.code(), "unknown_reference");
        // ...and in both: ambiguous.
        let e = tables().challenge_data(&with_teams).unwrap_err();
        assert_eq!(e.code(), "invalid_value");
        // Households in the settings: refused.
        let e = tables()
            .challenge_data(&SETTINGS.replace(
                r#""schema_version": 1,"#,
                r#""schema_version": 1, "households": [],"#,
            ))
            .unwrap_err();
        assert_eq!(e.code(), "invalid_value");
        assert_eq!(
            tables()
                .challenge_data(
                    &SETTINGS.replace(r#""schema_version": 1"#, r#""schema_version": 2"#)
                )
                .unwrap_err()
                .code(),
            "schema_version"
        );
        assert_eq!(
            tables()
                .challenge_data(&SETTINGS.replace(r#""territory""#, r#""territoire""#))
                .unwrap_err()
                .code(),
            "json"
        );
    }

    #[test]
    fn the_demo_set_computes() {
        let d = |f: &str| {
            let bytes = std::fs::read(format!(
                "{}/examples/data/table-demo/{f}",
                env!("CARGO_MANIFEST_DIR")
            ))
            .unwrap();
            crate::table::encoding::decode(&bytes).into_owned()
        };
        let texts: Vec<String> = [
            "foyers.csv",
            "equipes.csv",
            "compteurs.csv",
            "releves.csv",
            "evenements.csv",
            "livraisons.csv",
            "stocks.csv",
            "temperatures.csv",
            "challenge.json",
        ]
        .iter()
        .map(|f| d(f))
        .collect();
        let mut t = Tables::new(Source::new("foyers.csv", &texts[0]));
        t.teams = Some(Source::new("equipes.csv", &texts[1]));
        t.meters = Some(Source::new("compteurs.csv", &texts[2]));
        t.readings = Some(Source::new("releves.csv", &texts[3]));
        t.events = Some(Source::new("evenements.csv", &texts[4]));
        t.deliveries = Some(Source::new("livraisons.csv", &texts[5]));
        t.stock = Some(Source::new("stocks.csv", &texts[6]));
        t.temperatures = Some(Source::new("temperatures.csv", &texts[7]));
        let data = t.challenge_data(&texts[8]).unwrap();
        let report = crate::compute(&data).unwrap();
        let energy = report.energy.as_ref().unwrap();
        assert_eq!(energy.households.len(), 3);
        // Every household has the data to be computed.
        assert!(energy.households.iter().all(|h| !h.is_excluded()));
        assert!(report.headline().starts_with("3 foyers"));
    }
}
