//! Computes and prints the report of the shipped sample waste challenge
//! (`core/examples/data/waste/challenge.json`, made by
//! `cargo run --example generate_theme_samples`).
//!
//! Run: `cargo run --example waste_challenge` (`--json` for the whole
//! section as JSON).
#![allow(clippy::print_stdout)] // printing the report is this program's job

use std::path::Path;

use ecodefi::french::{number, percent};
use ecodefi::{ChallengeData, Ratio};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/waste/challenge.json");
    let data = ChallengeData::from_json(&std::fs::read_to_string(&path)?)?;
    let mut report = ecodefi::compute(&data)?;
    // The organisers' language: every detail from core's French catalogue.
    report.localize(ecodefi::message::Lang::Fr);
    let Some(w) = &report.waste else {
        return Err("the sample covers no waste".into());
    };
    if std::env::args().any(|a| a == "--json") {
        println!("{}", serde_json::to_string_pretty(w)?);
        return Ok(());
    }
    let fmt = |r: Option<Ratio>| r.map_or_else(|| "—".to_owned(), |r| percent(r, 1));
    println!("{} — {}", report.challenge.name, report.challenge.territory);
    let periods: Vec<String> = w
        .challenge_periods
        .iter()
        .map(ToString::to_string)
        .collect();
    println!(
        "Référence : {} ; défi : {}",
        w.reference_period,
        periods.join(" et ")
    );
    println!();
    println!("{}", w.headline);
    let t = &w.totals;
    println!(
        "Non recyclables : évolution pondérée {} ; moyenne des foyers {} ; médiane {} ; {} kg évités",
        fmt(t.residual.change),
        fmt(t.residual.mean_change),
        fmt(t.residual.median_change),
        number(t.residual.saved, 1)
    );
    println!("Tous flux : évolution pondérée {}", fmt(t.total.change));
    for s in &t.streams {
        println!("  {:<10} {}", s.stream.to_string(), fmt(s.totals.change));
    }
    println!();
    println!("Équipes (rang, évolution des non recyclables, foyers comptés) :");
    let mut teams: Vec<_> = w.teams.iter().collect();
    teams.sort_by_key(|t| t.rank);
    for team in teams {
        println!(
            "  {}. {:<14} {:>10}  {} foyers",
            team.rank,
            team.name,
            fmt(team.totals.residual.change),
            team.totals.residual.households
        );
    }
    println!();
    println!("Foyers exclus :");
    for h in &w.households {
        for e in &h.exclusions {
            println!("  {} ({}) : {} — {}", h.household, h.team, e.code, e.detail);
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
