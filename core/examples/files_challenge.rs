//! An energy challenge from the files an organiser really has: every file
//! of a directory (the spreadsheet tables `foyers.csv`, `equipes.csv`,
//! `defi.csv`…, a Météo-France département file, the households' Linky and
//! Gazpar exports), each recognised by its name or its first bytes. Prints
//! the station the temperatures come from, what each meter export became,
//! then every theme's headline, ranking and households left out, as
//! `table_demo` does.
//!
//! Run: `cargo run --example files_challenge` (the shipped
//! `core/examples/data/linky-gazpar/`), or with a directory and, to take
//! the temperatures from another station than the settings', its number:
//! `cargo run --example files_challenge -- DIR 62990103`. A mistake in a
//! file is reported with its file, line and column.
#![allow(clippy::print_stdout, clippy::print_stderr)] // printing is this program's job

use std::fmt::Write as _;
use std::path::PathBuf;

use ecodefi::files::set::{challenge_data, File, FileOptions, Imported};

#[path = "common/report_text.rs"]
mod report_text;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/data/linky-gazpar"),
        PathBuf::from,
    );
    let options = FileOptions {
        station: args.next(),
        ..FileOptions::default()
    };
    let mut read = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.is_file() {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            read.push((name, std::fs::read(&path)?));
        }
    }
    read.sort();
    let files: Vec<File<'_>> = read.iter().map(|(n, b)| File::new(n, b)).collect();
    let result = challenge_data(&files, &options)
        .and_then(|(data, imported)| Ok((ecodefi::compute(&data)?, imported)));
    match result {
        Ok((mut report, imported)) => {
            // The organisers' language: every detail from core's French
            // catalogue.
            report.localize(ecodefi::message::Lang::Fr);
            print!("{}", imports(&imported));
            print!("{}", report_text::render(&report));
            Ok(())
        }
        Err(e) => {
            eprintln!(
                "erreur ({}) : {}",
                e.code(),
                e.message(ecodefi::message::Lang::Fr)
            );
            std::process::exit(1);
        }
    }
}

/// The station and what each Linky or Gazpar file became.
fn imports(imported: &Imported) -> String {
    let mut out = String::new();
    if let Some(w) = &imported.weather {
        let s = &w.station;
        let _ = writeln!(
            out,
            "températures : station {} {} ({} m), fichier {}, {} jour(s) complété(s)",
            s.number,
            s.name,
            s.altitude,
            w.file,
            w.filled.len()
        );
    }
    for m in &imported.meters {
        let span = match (m.first, m.last) {
            (Some(a), Some(b)) => format!("du {a} au {b}"),
            _ => "vide".to_owned(),
        };
        let _ = writeln!(
            out,
            "fichier {} → foyer {}, compteur {}{} ({}), {span}",
            m.file,
            m.household,
            m.meter,
            if m.created { " (créé)" } else { "" },
            m.matched_by,
        );
    }
    out.push('\n');
    out
}
