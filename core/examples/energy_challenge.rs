//! The main job: computes and prints the report of the shipped sample
//! energy challenge (`core/examples/data/energy/challenge.json`, made by
//! `cargo run --example generate_energy_sample`).
//!
//! Run: `cargo run --example energy_challenge`
//! With `--json`, prints the whole report as JSON instead.

use std::io::Write;
use std::path::Path;

use ecodefi::french::{number, percent};
use ecodefi::message::Lang;
use ecodefi::ChallengeData;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    match print_report(&mut std::io::stdout().lock()) {
        // The reader went away (e.g. `| head`): not an error.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            Ok(())
        }
        other => other,
    }
}

fn print_report(out: &mut impl Write) -> Result<(), Box<dyn std::error::Error>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/energy/challenge.json");
    let data = ChallengeData::from_json(&std::fs::read_to_string(&path)?)?;
    let mut report = ecodefi::compute(&data)?;
    if std::env::args().any(|a| a == "--json") {
        writeln!(out, "{}", report.to_json()?)?;
        return Ok(());
    }
    // The organisers' language: every detail from core's French catalogue.
    report.localize(Lang::Fr);
    let c = &report.challenge;
    writeln!(out, "{} — {}", c.name, c.territory)?;
    writeln!(
        out,
        "Référence : du {} au {} ; défi : du {} au {} ; objectif : −{} %",
        c.reference_period.first(),
        c.reference_period.last(),
        c.challenge_period.first(),
        c.challenge_period.last(),
        c.objective.percent().normalize()
    )?;
    let Some(energy) = &report.energy else {
        return Ok(());
    };
    writeln!(out)?;
    writeln!(out, "{}", energy.headline)?;
    let t = &energy.totals;
    if let (Some(r), Some(dj)) = (energy.reference_degree_days, energy.challenge_degree_days) {
        writeln!(
            out,
            "DJU (base {} °C, {}) : référence {}, défi {}",
            energy.degree_days.base,
            energy.degree_days.method,
            number(r, 1),
            number(dj, 1)
        )?;
    }
    let fmt = |r: Option<ecodefi::Ratio>| r.map_or_else(|| "—".to_owned(), |r| percent(r, 1));
    writeln!(
        out,
        "Évolution pondérée {} ; moyenne des foyers {} ; médiane {}",
        fmt(t.totals.change),
        fmt(t.totals.mean_change),
        fmt(t.totals.median_change)
    )?;
    writeln!(
        out,
        "Foyers comptés {} ; exclus {} ; objectif atteint par {} foyers ; objectif collectif {}",
        t.totals.households,
        t.totals.excluded,
        t.households_reaching_objective,
        if t.objective_reached {
            "atteint"
        } else {
            "non atteint"
        }
    )?;
    writeln!(out)?;
    writeln!(out, "Classement des équipes")?;
    for team in &energy.teams {
        writeln!(
            out,
            "{:>3}. {:<24} {:>9}  {:>2} foyers  {:>10} kWh  {:>7} €",
            team.rank,
            team.name,
            fmt(team.totals.change),
            team.totals.households,
            number(team.totals.saved, 0),
            number(team.euros_saved.value(), 0)
        )?;
    }
    writeln!(out)?;
    writeln!(out, "Foyers exclus")?;
    for h in energy.households.iter().filter(|h| h.is_excluded()) {
        for e in &h.exclusions {
            let meter = e
                .meter
                .as_ref()
                .map(|m| format!(" (compteur {m})"))
                .unwrap_or_default();
            writeln!(out, "  {}{meter} : {} — {}", h.household, e.code, e.detail)?;
        }
    }
    let warned = energy
        .households
        .iter()
        .filter(|h| !h.warnings.is_empty())
        .count();
    writeln!(out)?;
    writeln!(
        out,
        "{warned} foyers avec des avertissements (voir `--json`)"
    )?;
    Ok(())
}
