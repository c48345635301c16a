//! The regional catalogue of challenges: reads a catalogue (by default the
//! Hauts-de-France sample shipped in the repo, from the MRES presentation),
//! checks it, and prints the regional summary and a timeline per territory.
//!
//! ```sh
//! cargo run --example regional_catalogue [-- path/to/catalogue.json]
//! ```

use std::io::Write;

use ecodefi::catalogue::{Catalogue, Fact, Filter, Group, GroupBy, ResultAggregate, Summary};
use ecodefi::Error;

/// Prints a line; a closed pipe (`| head`) ends the output quietly.
macro_rules! out {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/catalogue/hauts-de-france.json"
);

fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error ({}): {e}", e.code());
            std::process::ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Error> {
    let path = std::env::args().nth(1).unwrap_or_else(|| SAMPLE.to_owned());
    let json = std::fs::read_to_string(&path).map_err(|e| Error::Json {
        message: format!("cannot read `{path}`: {e}"),
    })?;
    let catalogue = Catalogue::from_json(&json)?;
    let all = Filter::default();

    if let Some(title) = &catalogue.title {
        out!("{title}");
        out!("{}", "=".repeat(title.as_str().chars().count()));
    }
    let findings = catalogue.validate();
    if findings.is_empty() {
        out!("Validation: no findings.");
    } else {
        out!("Validation: {} finding(s):", findings.len());
        for f in &findings {
            out!("  {}: {}", f.rule(), f.record());
        }
    }

    let region = catalogue.summary(GroupBy::All, &all)?;
    if let Some(g) = region.groups.first() {
        let timelines = catalogue.timelines();
        let first = catalogue.records.iter().map(|r| r.years.first()).min();
        let last = catalogue.records.iter().map(|r| r.years.last()).max();
        out!();
        out!(
            "{} challenges on {} territories{}",
            g.challenges,
            timelines.len(),
            match (first, last) {
                (Some(a), Some(b)) => format!(", {a}–{b}"),
                _ => String::new(),
            }
        );
        out!("{}", households(g));
        out!("Results (combined only where every figure has its weight):");
        print_results(g, "  ");
    }

    for group_by in [GroupBy::Year, GroupBy::Theme, GroupBy::OrganiserKind] {
        print_summary(&catalogue.summary(group_by, &all)?);
    }

    out!();
    out!("Timelines");
    out!("---------");
    for t in catalogue.timelines() {
        out!("{}", t.territory);
        for e in &t.entries {
            let themes = match &e.themes {
                Fact::Known(v) => v
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
                Fact::Unknown => "themes unknown".to_owned(),
            };
            let households = match e.households {
                Fact::Known(n) => format!("{n} households"),
                Fact::Unknown => "households unknown".to_owned(),
            };
            let results = if e.results.is_empty() {
                "no results published".to_owned()
            } else {
                e.results
                    .iter()
                    .map(|r| format!("{} {}", r.indicator, r.change))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            out!(
                "  {:<10} {} ({}) [{}]: {themes}; {households}; {results}",
                e.years.to_string(),
                e.record.name,
                e.record.edition,
                e.status,
            );
        }
    }
    Ok(())
}

fn households(g: &Group) -> String {
    match (g.households.known, g.households.records_unknown) {
        (k, 0) => format!("Households: {k}"),
        (0, n) => format!("Households: not stated ({n} challenge(s))"),
        (_, n) => format!(
            "Households: {} stated, and {n} challenge(s) without a count",
            g.households.known
        ),
    }
}

fn print_summary(s: &Summary) {
    out!();
    out!("By {}:", s.group_by);
    if s.group_by == GroupBy::Year {
        out!("  (a challenge counts in each year it covers: do not add the years up)");
    }
    for g in &s.groups {
        out!(
            "  {:<16} {} challenge(s); {}",
            g.key,
            g.challenges,
            households(g).to_lowercase()
        );
        print_results(g, "      ");
    }
}

fn print_results(g: &Group, indent: &str) {
    for r in &g.results {
        out!("{indent}{}", result_line(r));
    }
}

fn result_line(r: &ResultAggregate) -> String {
    let combined = match (r.pooled_change, r.household_weighted_change) {
        (Some(p), _) => format!("{p} (pooled totals)"),
        (None, Some(w)) => format!("{w} (weighted by {} households)", r.households),
        (None, None) => "not combined: some figures lack their weight".to_owned(),
    };
    let items = r
        .items
        .iter()
        .map(|i| match i.households {
            Some(n) => format!("{} {} on {n}", i.record.name, i.change),
            None => format!("{} {} (households unknown)", i.record.name, i.change),
        })
        .collect::<Vec<_>>()
        .join("; ");
    format!("{:<16} {combined} — {items}", r.indicator.to_string())
}
