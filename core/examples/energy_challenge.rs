//! The main job: computes and prints the report of the shipped sample
//! energy challenge (`core/examples/data/energy/challenge.json`, made by
//! `cargo run --example generate_energy_sample`).
//!
//! Run: `cargo run --example energy_challenge`
//! With `--json`, prints the whole report as JSON instead.
#![allow(clippy::print_stdout)] // printing the report is this program's job

use std::path::Path;

use ecodefi::french::{number, percent};
use ecodefi::ChallengeData;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/energy/challenge.json");
    let data = ChallengeData::from_json(&std::fs::read_to_string(&path)?)?;
    let report = ecodefi::compute(&data)?;
    if std::env::args().any(|a| a == "--json") {
        println!("{}", report.to_json()?);
        return Ok(());
    }
    let c = &report.challenge;
    println!("{} — {}", c.name, c.territory);
    println!(
        "Référence : {} ; défi : {} ; objectif : −{} %",
        c.reference_period,
        c.challenge_period,
        c.objective.percent().normalize()
    );
    let Some(energy) = &report.energy else {
        return Ok(());
    };
    println!();
    println!("{}", energy.headline);
    let t = &energy.totals;
    if let (Some(r), Some(dj)) = (energy.reference_degree_days, energy.challenge_degree_days) {
        println!(
            "DJU (base {} °C, {}) : référence {}, défi {}",
            energy.degree_days.base,
            energy.degree_days.method,
            number(r, 1),
            number(dj, 1)
        );
    }
    let fmt = |r: Option<ecodefi::Ratio>| r.map_or_else(|| "—".to_owned(), |r| percent(r, 1));
    println!(
        "Évolution pondérée {} ; moyenne des foyers {} ; médiane {}",
        fmt(t.totals.change),
        fmt(t.totals.mean_change),
        fmt(t.totals.median_change)
    );
    println!(
        "Foyers comptés {} ; exclus {} ; objectif atteint par {} foyers ; objectif collectif {}",
        t.totals.households,
        t.totals.excluded,
        t.households_reaching_objective,
        if t.objective_reached {
            "atteint"
        } else {
            "non atteint"
        }
    );
    println!();
    println!("Classement des équipes");
    for team in &energy.teams {
        println!(
            "{:>3}. {:<24} {:>9}  {:>2} foyers  {:>10} kWh  {:>7} €",
            team.rank,
            team.name,
            fmt(team.totals.change),
            team.totals.households,
            number(team.totals.saved, 0),
            number(team.euros_saved.value(), 0)
        );
    }
    println!();
    println!("Foyers exclus");
    for h in energy.households.iter().filter(|h| h.is_excluded()) {
        for e in &h.exclusions {
            let meter = e
                .meter
                .as_ref()
                .map(|m| format!(" (compteur {m})"))
                .unwrap_or_default();
            println!("  {}{meter} : {} — {}", h.household, e.code, e.detail);
        }
    }
    let warned = energy
        .households
        .iter()
        .filter(|h| !h.warnings.is_empty())
        .count();
    println!();
    println!("{warned} foyers avec des avertissements (voir `--json`)");
    Ok(())
}
