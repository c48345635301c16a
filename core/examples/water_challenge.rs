//! Computes and prints the report of the shipped sample water challenge
//! (`core/examples/data/water/challenge.json`, made by
//! `cargo run --example generate_theme_samples`).
//!
//! Run: `cargo run --example water_challenge` (`--json` for the whole
//! section as JSON).
#![allow(clippy::print_stdout)] // printing the report is this program's job

use std::path::Path;

use ecodefi::french::{number, percent};
use ecodefi::{ChallengeData, Ratio};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/water/challenge.json");
    let data = ChallengeData::from_json(&std::fs::read_to_string(&path)?)?;
    let mut report = ecodefi::compute(&data)?;
    // The organisers' language: every detail from core's French catalogue.
    report.localize(ecodefi::message::Lang::Fr);
    let Some(w) = &report.water else {
        return Err("the sample covers no water".into());
    };
    if std::env::args().any(|a| a == "--json") {
        println!("{}", serde_json::to_string_pretty(w)?);
        return Ok(());
    }
    let fmt = |r: Option<Ratio>| r.map_or_else(|| "—".to_owned(), |r| percent(r, 1));
    let litres =
        |l: Option<ecodefi::Litres>| l.map_or_else(|| "—".to_owned(), |l| number(l.value(), 1));
    println!("{} — {}", report.challenge.name, report.challenge.territory);
    println!(
        "Référence : {} ; défi : {}",
        w.reference_period, w.challenge_period
    );
    println!();
    println!("{}", w.headline);
    let t = &w.totals;
    println!(
        "Évolution pondérée {} ; moyenne des foyers {} ; médiane {} ; {} L économisés",
        fmt(t.totals.change),
        fmt(t.totals.mean_change),
        fmt(t.totals.median_change),
        number(t.totals.saved, 0)
    );
    println!(
        "L par personne et par jour : référence {}, défi {} ; écart à la référence nationale ({} L, {}, {}) : {}",
        litres(t.reference_per_person_day),
        litres(t.challenge_per_person_day),
        w.reference_value.litres_per_person_day.value(),
        w.reference_value.source,
        w.reference_value.year,
        fmt(t.versus_reference_value)
    );
    println!();
    println!("Équipes (rang, évolution, foyers comptés) :");
    let mut teams: Vec<_> = w.teams.iter().collect();
    teams.sort_by_key(|t| t.rank);
    for team in teams {
        println!(
            "  {}. {:<14} {:>10}  {} foyers",
            team.rank,
            team.name,
            fmt(team.totals.totals.change),
            team.totals.totals.households
        );
    }
    println!();
    println!("Foyers exclus ou à vérifier :");
    for h in &w.households {
        for e in &h.exclusions {
            let meter = e
                .meter
                .as_ref()
                .map(|m| format!(" [{m}]"))
                .unwrap_or_default();
            println!(
                "  {} ({}){meter} : {} — {}",
                h.household, h.team, e.code, e.detail
            );
        }
        for warning in &h.warnings {
            println!(
                "  {} : avertissement {} — {}",
                h.household, warning.code, warning.detail
            );
        }
    }
    Ok(())
}
