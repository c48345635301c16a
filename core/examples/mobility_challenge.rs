//! Computes and prints the report of the shipped sample mobility challenge
//! (`core/examples/data/mobility/challenge.json`, made by
//! `cargo run --example generate_theme_samples`).
//!
//! Run: `cargo run --example mobility_challenge` (`--json` for the whole
//! section as JSON).
#![allow(clippy::print_stdout)] // printing the report is this program's job

use std::path::Path;

use ecodefi::french::{number, percent, share};
use ecodefi::{ChallengeData, Ratio};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/mobility/challenge.json");
    let data = ChallengeData::from_json(&std::fs::read_to_string(&path)?)?;
    let mut report = ecodefi::compute(&data)?;
    // The organisers' language: every detail from core's French catalogue.
    report.localize(ecodefi::message::Lang::Fr);
    let Some(m) = &report.mobility else {
        return Err("the sample covers no mobility".into());
    };
    if std::env::args().any(|a| a == "--json") {
        println!("{}", serde_json::to_string_pretty(m)?);
        return Ok(());
    }
    let fmt = |r: Option<Ratio>| r.map_or_else(|| "—".to_owned(), |r| percent(r, 1));
    let sh = |r: Option<Ratio>| r.map_or_else(|| "—".to_owned(), |r| share(r, 1));
    println!("{} — {}", report.challenge.name, report.challenge.territory);
    println!(
        "Référence : {} ; défi : {}",
        m.reference_period, m.challenge_period
    );
    println!("Facteurs : {} ({})", m.factors.source, m.factors.year);
    println!();
    println!("{}", m.headline);
    let t = &m.totals;
    println!(
        "kgCO2e : évolution pondérée {} ; moyenne {} ; médiane {} ; {} kgCO2e évités",
        fmt(t.co2e.change),
        fmt(t.co2e.mean_change),
        fmt(t.co2e.median_change),
        number(t.co2e.saved, 1)
    );
    if let (Some(r), Some(c)) = (&t.reference, &t.challenge) {
        println!(
            "Part de la voiture : trajets {} → {}, km {} → {}",
            sh(r.car_share_of_trips),
            sh(c.car_share_of_trips),
            sh(r.car_share_of_km),
            sh(c.car_share_of_km)
        );
        println!("km par personne et par semaine, par mode (référence → défi) :");
        for mode in r
            .modes
            .iter()
            .map(|x| x.mode)
            .chain(c.modes.iter().map(|x| x.mode))
            .collect::<std::collections::BTreeSet<_>>()
        {
            let km = |p: &ecodefi::mobility::PeriodMobility| {
                p.modes
                    .iter()
                    .find(|x| x.mode == mode)
                    .map_or_else(|| "0".into(), |x| number(x.km_per_person_week.value(), 1))
            };
            println!("  {:<16} {:>7} → {:>7}", mode.to_string(), km(r), km(c));
        }
    }
    println!();
    println!("Équipes (rang, évolution des kgCO2e) :");
    let mut teams: Vec<_> = m.teams.iter().collect();
    teams.sort_by_key(|t| t.rank);
    for team in teams {
        println!(
            "  {}. {:<14} {:>10}",
            team.rank,
            team.name,
            fmt(team.totals.co2e.change)
        );
    }
    println!();
    println!("Foyers exclus ou à vérifier :");
    for h in &m.households {
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
