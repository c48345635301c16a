//! Computes and prints the report of the shipped sample food challenge
//! (`core/examples/data/food/challenge.json`, made by
//! `cargo run --example generate_theme_samples`).
//!
//! Run: `cargo run --example food_challenge` (`--json` for the whole
//! section as JSON).
#![allow(clippy::print_stdout)] // printing the report is this program's job

use std::path::Path;

use ecodefi::french::{number, percent, share};
use ecodefi::ChallengeData;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/food/challenge.json");
    let data = ChallengeData::from_json(&std::fs::read_to_string(&path)?)?;
    let mut report = ecodefi::compute(&data)?;
    // The organisers' language: every detail from core's French catalogue.
    report.localize(ecodefi::message::Lang::Fr);
    let Some(f) = &report.food else {
        return Err("the sample covers no food".into());
    };
    if std::env::args().any(|a| a == "--json") {
        println!("{}", serde_json::to_string_pretty(f)?);
        return Ok(());
    }
    println!("{} — {}", report.challenge.name, report.challenge.territory);
    println!();
    println!("{}", f.headline);
    let t = &f.totals;
    println!("Relevé      dépenses     bio   local  €/pers./repas");
    for s in &t.surveys {
        println!(
            "{:<8} {:>10} € {:>7} {:>7} {:>10}",
            s.survey,
            number(s.spending.value(), 2),
            share(s.organic_share, 1),
            share(s.local_share, 1),
            s.cost_per_person_meal
                .map_or_else(|| "—".into(), |c| number(c.value(), 2))
        );
        let channels: Vec<String> = s
            .channels
            .iter()
            .map(|c| format!("{} {}", c.channel, share(c.share, 1)))
            .collect();
        println!("         {}", channels.join(", "));
    }
    if let Some(c) = &t.change {
        println!(
            "Évolution {} → {} : bio {} points, local {} points, coût par repas {} ; objectif « plus de bio et de local à budget constant » {}",
            c.from,
            c.to,
            number(c.organic_share_change.percent(), 1),
            number(c.local_share_change.percent(), 1),
            c.cost_per_person_meal_change.map_or_else(|| "—".into(), |r| percent(r, 1)),
            if c.goal_met { "atteint" } else { "non atteint" }
        );
    }
    println!(
        "Foyers comptés {} ; exclus {} ; objectif atteint par {} foyers",
        t.households, t.excluded, t.households_meeting_goal
    );
    println!();
    println!("Équipes (rang, gain bio + local en points) :");
    let mut teams: Vec<_> = f.teams.iter().collect();
    teams.sort_by_key(|t| t.rank);
    for team in teams {
        let gain = team.totals.change.as_ref().map_or_else(
            || "—".into(),
            |c| {
                number(
                    (c.organic_share_change.fraction() + c.local_share_change.fraction())
                        * ecodefi::Decimal::ONE_HUNDRED,
                    1,
                )
            },
        );
        println!("  {}. {:<14} {:>6}", team.rank, team.name, gain);
    }
    println!();
    println!("Foyers exclus :");
    for h in &f.households {
        for e in &h.exclusions {
            println!("  {} ({}) : {} — {}", h.household, h.team, e.code, e.detail);
        }
    }
    Ok(())
}
