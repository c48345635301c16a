//! The regional catalogue (`ecodefi::catalogue`): the JSON Schema in
//! `schemas/catalogue.schema.json` against the code, the conformance
//! vectors in `vectors/catalogue/`, serde round trips, and one failing input
//! per error.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::str::FromStr;

use ecodefi::catalogue::{
    Catalogue, CatalogueRecord, Fact, Filter, GroupBy, Indicator, Organiser, Origin, Partner,
    Provenance, Results, Status, Territory, TerritoryKind, Text, ThemeResult, TotalUnit, Totals,
    YearSpan,
};
use ecodefi::{Decimal, OrganiserKind, Period, Ratio, Theme};
use proptest::prelude::*;
use serde_json::{json, Value};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap()
}

fn schema() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&read("schemas/catalogue.schema.json")).unwrap();
    assert!(
        jsonschema::meta::is_valid(&schema),
        "not a valid JSON Schema"
    );
    jsonschema::validator_for(&schema).unwrap()
}

const SAMPLE: &str = "core/examples/data/catalogue/hauts-de-france.json";

fn sample() -> Value {
    serde_json::from_str(&read(SAMPLE)).unwrap()
}

fn schema_errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc).map(|e| e.to_string()).collect()
}

// ---------------------------------------------------------------- schema

#[test]
fn sample_is_valid_against_the_schema_and_the_code() {
    let v = schema();
    let doc = sample();
    assert_eq!(schema_errors(&v, &doc), Vec::<String>::new());
    let c = Catalogue::from_json(&read(SAMPLE)).unwrap();
    assert_eq!(c.records.len(), 7);
    assert!(c.validate().is_empty());
    // Written back, it is the same document, and still valid.
    let again: Value = serde_json::from_str(&c.to_json().unwrap()).unwrap();
    assert_eq!(again, doc);
    assert!(v.is_valid(&again));
}

#[test]
fn sample_holds_only_the_seed_facts() {
    let c = Catalogue::from_json(&read(SAMPLE)).unwrap();
    let by_name = |n: &str| {
        c.records
            .iter()
            .find(|r| r.territory.name().as_str() == n)
            .unwrap()
    };
    let mel = by_name("Métropole Européenne de Lille");
    assert_eq!(mel.households, Fact::Known(189));
    let changes: Vec<_> = mel.results().iter().map(|r| r.change.to_string()).collect();
    assert_eq!(changes, vec!["-11.3 %", "-8.1 %"]);
    assert_eq!(by_name("Loos-en-Gohelle").households, Fact::Known(30));
    assert_eq!(
        by_name("Communauté de Communes du Sud-Artois").results()[0].change,
        Ratio::new(Decimal::from_str("-0.26").unwrap())
    );
    for n in [
        "Lille",
        "SCoT du Grand Douaisis",
        "Communauté d'Agglomération de Lens-Liévin",
        "Communauté de Communes Pévèle Carembault",
    ] {
        let r = by_name(n);
        assert_eq!(r.results, Results::NotPublished, "{n}");
        assert_eq!(r.households, Fact::Unknown, "{n}");
        assert_eq!(r.themes, Fact::Unknown, "{n}");
    }
    for r in &c.records {
        assert_eq!(r.teams, Fact::Unknown, "the seed gives no team counts");
        assert!(r.provenance.source.as_str().starts_with("MRES"));
    }
}

/// Each case of `schema-violations.json` breaks one rule of the schema; both
/// the schema and the code must refuse it.
#[test]
fn every_schema_rule_is_enforced_by_the_code_too() {
    let v = schema();
    let cases: Value =
        serde_json::from_str(&read("tests/vectors/catalogue/schema-violations.json")).unwrap();
    let base: Value =
        serde_json::from_str(&read(cases["catalogue_file"].as_str().unwrap())).unwrap();
    assert!(v.is_valid(&base));
    let cases = cases["cases"].as_array().unwrap();
    assert!(cases.len() > 70);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let mut doc = base.clone();
        edit(
            &mut doc,
            case["pointer"].as_str().unwrap(),
            case.get("value"),
            case["remove"] == json!(true),
        );
        assert!(!v.is_valid(&doc), "the schema accepts: {name}");
        assert!(
            Catalogue::from_json(&doc.to_string()).is_err(),
            "the code accepts: {name}"
        );
    }
}

/// Sets `value` at `pointer` (creating the last key), or removes that key.
fn edit(doc: &mut Value, pointer: &str, value: Option<&Value>, remove: bool) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let parent = doc.pointer_mut(parent).unwrap().as_object_mut().unwrap();
    if remove {
        assert!(
            parent.remove(key).is_some(),
            "nothing to remove at {pointer}"
        );
    } else {
        parent.insert(key.to_owned(), value.unwrap().clone());
    }
}

/// The documented leniency: the library reads decimals in spellings the
/// schema refuses (it writes only the plain one). If this changes, update the
/// schema's description.
#[test]
fn decimal_spellings_the_schema_refuses_but_the_code_reads() {
    let v = schema();
    let mut doc = sample();
    doc["records"][1]["results"][0]["change"] = json!("-1.13e-1");
    assert!(!v.is_valid(&doc));
    let c = Catalogue::from_json(&doc.to_string()).unwrap();
    assert_eq!(c.records[1].results()[0].change.to_string(), "-11.3 %");
    let written: Value = serde_json::from_str(&c.to_json().unwrap()).unwrap();
    assert!(v.is_valid(&written));
}

/// Optional fields may be null in both.
#[test]
fn optional_fields_may_be_null() {
    let v = schema();
    let mut doc = sample();
    doc["title"] = Value::Null;
    doc["records"][1]["notes"] = Value::Null;
    doc["records"][1]["period"] = Value::Null;
    doc["records"][1]["territory"]["insee_code"] = Value::Null;
    doc["records"][1]["results"][0]["households"] = Value::Null;
    assert_eq!(schema_errors(&v, &doc), Vec::<String>::new());
    assert!(Catalogue::from_json(&doc.to_string()).is_ok());
}

// ----------------------------------------------------- one failing input per error

#[test]
fn each_error_has_a_failing_input() {
    // json: not JSON at all; then the right JSON of the wrong shape.
    let e = Catalogue::from_json("{\"schema_version\": 1, \"records\": [").unwrap_err();
    assert_eq!(e.code(), "json");
    let e = Catalogue::from_json(r#"{"schema_version": 1, "records": [{}]}"#).unwrap_err();
    assert_eq!(e.code(), "json");
    assert!(e.to_string().contains("missing field `name`"), "{e}");
    // schema_version.
    let e = Catalogue::from_json(r#"{"schema_version": 2, "records": []}"#).unwrap_err();
    assert_eq!(e.code(), "schema_version");
    assert_eq!(
        e.to_string(),
        "unsupported schema version 2 (this library reads version 1)"
    );
    // invalid_value, from the constructors (through serde it becomes json,
    // with the same message and the line and column).
    assert_eq!(Text::new(" x").unwrap_err().code(), "invalid_value");
    assert_eq!(
        YearSpan::new(2019, 2200).unwrap_err().code(),
        "invalid_value"
    );
    let e = Territory::new(
        Text::new("Lille").unwrap(),
        TerritoryKind::Commune,
        Some("5935".into()),
    )
    .unwrap_err();
    assert_eq!(e.code(), "invalid_value");
    let mut doc = sample();
    doc["records"][0]["territory"]["insee_code"] = json!("5935");
    let e = Catalogue::from_json(&serde_json::to_string_pretty(&doc).unwrap()).unwrap_err();
    assert!(
        e.to_string()
            .contains("invalid INSEE code (got \"5935\" for commune `Lille`)")
            && e.to_string().contains("line 31"),
        "{e}"
    );
    // unknown_name, from the enums' FromStr.
    assert_eq!(
        "metropole".parse::<TerritoryKind>().unwrap_err().code(),
        "unknown_name"
    );
    assert_eq!(
        "ongoing".parse::<Status>().unwrap_err().code(),
        "unknown_name"
    );
    assert_eq!(
        "energy".parse::<Indicator>().unwrap_err().code(),
        "unknown_name"
    );
    assert_eq!(
        "m3".parse::<TotalUnit>().unwrap_err().code(),
        "unknown_name"
    );
    assert_eq!(
        "region".parse::<GroupBy>().unwrap_err().code(),
        "unknown_name"
    );
    // overflow: households beyond u32 when summed.
    let mut c = Catalogue::from_json(&read(SAMPLE)).unwrap();
    c.records[0].households = Fact::Known(u32::MAX);
    c.records[1].households = Fact::Known(1);
    let e = c.summary(GroupBy::All, &Filter::default()).unwrap_err();
    assert_eq!(e.code(), "overflow");
    assert_eq!(
        e.to_string(),
        "arithmetic overflow while computing households at `records[1].households`"
    );
}

// ---------------------------------------------------------------- vectors

fn dec(v: &Value) -> Option<Decimal> {
    v.as_str().map(|s| Decimal::from_str(s).unwrap())
}

/// Checks a summary against a vector case's `expected` groups.
fn check_case(c: &Catalogue, case: &Value) {
    let name = case["name"].as_str().unwrap();
    let group_by: GroupBy = case["group_by"].as_str().unwrap().parse().unwrap();
    let filter: Filter = serde_json::from_value(case["filter"].clone()).unwrap();
    let got = serde_json::to_value(c.summary(group_by, &filter).unwrap()).unwrap();
    let (got, want) = (
        got["groups"].as_array().unwrap(),
        case["expected"].as_array().unwrap(),
    );
    let keys = |g: &[Value]| g.iter().map(|g| g["key"].clone()).collect::<Vec<_>>();
    assert_eq!(keys(got), keys(want), "{name}: group keys");
    for (g, w) in got.iter().zip(want) {
        let at = format!("{name}, group {}", w["key"]);
        assert_eq!(g["challenges"], w["challenges"], "{at}: challenges");
        assert_eq!(g["households"], w["households"], "{at}: households");
        let (gr, wr) = (
            g["results"].as_array().unwrap(),
            w["results"].as_array().unwrap(),
        );
        let inds = |r: &[Value]| r.iter().map(|r| r["indicator"].clone()).collect::<Vec<_>>();
        assert_eq!(inds(gr), inds(wr), "{at}: indicators");
        for (x, y) in gr.iter().zip(wr) {
            let at = format!("{at}, {}", y["indicator"]);
            assert_eq!(x["households"], y["households"], "{at}: households");
            assert_eq!(
                x["results_without_households"], y["results_without_households"],
                "{at}: results without households"
            );
            for f in ["household_weighted_change", "pooled_change"] {
                assert_eq!(dec(&x[f]), dec(&y[f]), "{at}: {f}");
                assert_eq!(x[f].is_null(), y[f].is_null(), "{at}: {f}");
            }
        }
    }
}

#[test]
fn vectors_aggregation() {
    let v: Value = serde_json::from_str(&read("tests/vectors/catalogue/aggregation.json")).unwrap();
    let c: Catalogue = serde_json::from_value(v["catalogue"].clone()).unwrap();
    assert!(schema().is_valid(&v["catalogue"]));
    let findings: Vec<String> = c.validate().iter().map(|f| f.rule().to_string()).collect();
    let want: Vec<String> = serde_json::from_value(v["expected_findings"].clone()).unwrap();
    assert_eq!(findings, want);
    let cases = v["cases"].as_array().unwrap();
    assert!(cases.len() >= 8);
    for case in cases {
        check_case(&c, case);
    }
}

#[test]
fn vectors_validation() {
    let v: Value = serde_json::from_str(&read("tests/vectors/catalogue/validation.json")).unwrap();
    let s = schema();
    for case in v["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        assert!(s.is_valid(&case["catalogue"]), "{name}: schema");
        let c: Catalogue = serde_json::from_value(case["catalogue"].clone()).unwrap();
        let findings = c.validate();
        let got: Vec<String> = findings.iter().map(|f| f.rule().to_string()).collect();
        let want: Vec<String> = serde_json::from_value(case["expected_rules"].clone()).unwrap();
        assert_eq!(got, want, "{name}");
        // The groups, through the JSON every binding sees.
        let groups: Vec<Value> = serde_json::to_value(&findings)
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f.get("members").is_some())
            .map(|f| {
                let members: Vec<&Value> = f["members"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|m| &m["index"])
                    .collect();
                serde_json::json!({
                    "rule": f["rule"], "members": members, "member_count": f["member_count"]
                })
            })
            .collect();
        assert_eq!(Value::Array(groups), case["expected_groups"], "{name}");
    }
}

#[test]
fn vectors_hauts_de_france() {
    let v: Value =
        serde_json::from_str(&read("tests/vectors/catalogue/hauts-de-france.json")).unwrap();
    let c = Catalogue::from_json(&read(v["catalogue_file"].as_str().unwrap())).unwrap();
    assert_eq!(serde_json::to_value(c.validate()).unwrap(), v["findings"]);
    for case in v["cases"].as_array().unwrap() {
        check_case(&c, case);
    }
    let names: Vec<String> = c
        .timelines()
        .iter()
        .map(|t| t.territory.name().to_string())
        .collect();
    let want: Vec<String> = serde_json::from_value(v["timeline_territories"].clone()).unwrap();
    assert_eq!(names, want);
}

// ---------------------------------------------------------------- round trips

fn text() -> impl Strategy<Value = Text> {
    "[A-Za-zÀ-ÿ0-9][A-Za-zÀ-ÿ0-9 '’().,-]{0,24}[A-Za-zÀ-ÿ0-9)]".prop_map(|s| Text::new(s).unwrap())
}

fn luhn_key(body: &str) -> u32 {
    // The key k makes the Luhn sum of body·k a multiple of 10.
    (0..10)
        .find(|k| {
            let s: u32 = format!("{body}{k}")
                .bytes()
                .rev()
                .enumerate()
                .map(|(i, b)| {
                    let d = u32::from(b - b'0');
                    if i % 2 == 1 {
                        if d * 2 > 9 {
                            d * 2 - 9
                        } else {
                            d * 2
                        }
                    } else {
                        d
                    }
                })
                .sum();
            s.is_multiple_of(10)
        })
        .unwrap()
}

fn territory() -> impl Strategy<Value = Territory> {
    (text(), 0usize..5, any::<bool>(), 0u32..100_000_000).prop_map(|(name, k, coded, n)| {
        let kind = TerritoryKind::ALL[k];
        let code = coded.then(|| match kind {
            TerritoryKind::Commune => format!("{:05}", n % 100_000),
            TerritoryKind::Department | TerritoryKind::Region => format!("{:02}", n % 100),
            _ => {
                let body = format!("{n:08}");
                format!("{body}{}", luhn_key(&body))
            }
        });
        Territory::new(name, kind, code).unwrap()
    })
}

fn fact<T: std::fmt::Debug + Clone>(s: impl Strategy<Value = T>) -> impl Strategy<Value = Fact<T>> {
    prop::option::of(s).prop_map(Fact::from)
}

fn decimal() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), 0u32..12).prop_map(|(m, s)| Decimal::new(m, s))
}

fn result() -> impl Strategy<Value = ThemeResult> {
    (
        0usize..Indicator::ALL.len(),
        prop::option::of(0u32..100_000),
        decimal(),
        prop::option::of((0usize..5, decimal(), decimal())),
        any::<bool>(),
        text(),
        prop::option::of(text()),
    )
        .prop_map(|(i, households, change, totals, computed, a, b)| {
            let indicator = Indicator::ALL[i];
            ThemeResult {
                theme: indicator.theme(),
                indicator,
                households,
                change: Ratio::new(change),
                totals: totals.map(|(u, reference, challenge)| Totals {
                    unit: TotalUnit::ALL[u],
                    reference,
                    challenge,
                }),
                origin: if computed {
                    Origin::Computed {
                        ecodefi_version: a,
                        report: b,
                    }
                } else {
                    Origin::Published {
                        source: a,
                        quote: b,
                    }
                },
            }
        })
}

prop_compose! {
    fn record()(
        name in text(),
        edition in text(),
        territory in territory(),
        organisers in fact(prop::collection::vec((text(), 0usize..4), 0..3)),
        partners in prop::collection::vec((text(), prop::option::of(0usize..4), prop::option::of(text())), 0..3),
        years in (1990u16..=2100, 1990u16..=2100),
        period in prop::option::of((0i32..20_000, 0i32..400)),
        themes in fact(prop::collection::vec(0usize..5, 0..5)),
        teams in fact(any::<u32>()),
        households in fact(any::<u32>()),
        results in prop::option::of(prop::collection::vec(result(), 0..4)),
        status in 0usize..3,
        source in text(),
        url in prop::option::of(text()),
        notes in prop::option::of(".{0,40}"),
    ) -> CatalogueRecord {
        let period = period.map(|(start, len)| {
            let first = ecodefi::date::date_of(start).unwrap();
            let last = ecodefi::date::date_of(start + len).unwrap();
            Period::new(first, last).unwrap()
        });
        CatalogueRecord {
            name,
            edition,
            territory,
            organisers: match organisers {
                Fact::Known(v) => Fact::Known(v.into_iter().map(|(name, k)| Organiser { name, kind: OrganiserKind::ALL[k] }).collect()),
                Fact::Unknown => Fact::Unknown,
            },
            partners: partners.into_iter().map(|(name, k, role)| Partner { name, kind: k.map(|k| OrganiserKind::ALL[k]), role }).collect(),
            years: YearSpan::new(years.0, years.1).unwrap(),
            period,
            themes: match themes {
                Fact::Known(v) => Fact::Known(v.into_iter().map(|t| Theme::ALL[t]).collect()),
                Fact::Unknown => Fact::Unknown,
            },
            teams,
            households,
            results: results.map_or(Results::NotPublished, Results::Published),
            status: Status::ALL[status],
            provenance: Provenance { source, url },
            notes,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Any catalogue the code can build is written as JSON the schema
    /// accepts, and reads back equal.
    #[test]
    fn serde_round_trip_and_schema(records in prop::collection::vec(record(), 0..4)) {
        let c = Catalogue::new(None, records);
        let json = c.to_json().unwrap();
        let value: Value = serde_json::from_str(&json).unwrap();
        let v = schema();
        let errors = schema_errors(&v, &value);
        prop_assert!(errors.is_empty(), "{errors:?}\n{json}");
        prop_assert_eq!(Catalogue::from_json(&json).unwrap(), c.clone());
        // Summaries and timelines are serde structs too.
        for g in GroupBy::ALL {
            if let Ok(s) = c.summary(*g, &Filter::default()) {
                let back: ecodefi::catalogue::Summary =
                    serde_json::from_value(serde_json::to_value(&s).unwrap()).unwrap();
                prop_assert_eq!(back, s);
            }
        }
        let t = c.timelines();
        let back: Vec<ecodefi::catalogue::Timeline> =
            serde_json::from_value(serde_json::to_value(&t).unwrap()).unwrap();
        prop_assert_eq!(back, t);
    }
}

/// A record filled from a computed energy report is valid against the
/// schema, and sound.
#[test]
fn record_from_a_report_is_schema_valid() {
    let data = ecodefi::ChallengeData::from_json(&read("core/examples/data/energy/challenge.json"))
        .unwrap();
    let report = ecodefi::compute(&data).unwrap();
    let record = CatalogueRecord::from_report(
        &report,
        ecodefi::catalogue::ReportContext {
            territory_kind: TerritoryKind::Commune,
            insee_code: Some("59350".into()),
            organiser: Text::new("Ville de Lille").unwrap(),
            partners: vec![],
            status: Status::Finished,
            provenance: Provenance {
                source: Text::new("core/examples/data/energy/challenge.json").unwrap(),
                url: None,
            },
            report: None,
        },
    )
    .unwrap();
    let c = Catalogue::new(None, vec![record]);
    assert!(c.validate().is_empty());
    let doc: Value = serde_json::from_str(&c.to_json().unwrap()).unwrap();
    assert_eq!(schema_errors(&schema(), &doc), Vec::<String>::new());
    assert_eq!(
        doc["records"][0]["results"][0]["origin"]["kind"],
        "computed"
    );
}
