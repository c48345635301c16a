//! The text both spreadsheet examples print for a report (`table_demo`,
//! `files_challenge`): every theme's headline, ranking and households left
//! out, and the energy households as CSV. The page's tests parse it.

use ecodefi::french::{households, number, percent};
use ecodefi::section::Score;
use ecodefi::table::write::{energy_households, CsvStyle};
use ecodefi::Decimal;

/// Every theme's section: its headline, its teams in rank order with the
/// figure they are ranked by, its households left out and why; for energy,
/// the households' results as CSV (French style).
pub fn render(report: &ecodefi::Report) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — {}\n",
        report.challenge.name, report.challenge.territory
    );
    for section in report.sections() {
        let _ = writeln!(out, "{}", section.headline());
        for t in section.ranking() {
            let figure = match t.score {
                Score::Change(Some(c)) => percent(c, 1),
                Score::Points(Some(p)) => {
                    format!("{} pts", number(p.fraction() * Decimal::ONE_HUNDRED, 1))
                }
                Score::Change(None) | Score::Points(None) => "—".to_owned(),
            };
            let counted = households(t.counted);
            let _ = writeln!(out, "  {}. {} : {figure} ({counted})", t.rank, t.name);
        }
        for h in section.households() {
            for e in h.exclusions {
                let _ = writeln!(
                    out,
                    "  exclu {} ({}) : {} — {}",
                    h.household, h.team, e.code, e.detail
                );
            }
        }
        out.push('\n');
    }
    if let Some(energy) = &report.energy {
        out.push_str(&energy_households(energy, CsvStyle::FRENCH));
    }
    out
}
