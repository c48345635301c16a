//! A short fuzzing run inside the normal test suite, on stable: every target
//! on its committed corpus (`fuzz/corpus/<target>`), then on a fixed series
//! of pseudo-random inputs (the same on every run, so a failure reproduces).
//! `ECODEFI_SMOKE_RUNS` sets how many per target (default 200).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test runner

use std::path::Path;

use ecodefi_fuzz_checks::{Checks, Target};

/// A xorshift64* generator: inputs that are the same on every machine.
struct Bytes(u64);

impl Bytes {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn input(&mut self) -> Vec<u8> {
        let len = usize::try_from(self.next() % 300).unwrap() + 1;
        (0..len).map(|_| self.next().to_le_bytes()[0]).collect()
    }
}

fn corpus(target: Target) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../corpus")
        .join(target.name());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|f| f.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect()
}

/// Runs `target` on its corpus and on the pseudo-random series; fails with
/// every distinct finding (by message), each with the first input that
/// showed it.
fn smoke(target: Target) {
    let checks = Checks::default();
    let files = corpus(target);
    assert!(!files.is_empty(), "no corpus for {}", target.name());
    let mut findings: Vec<(String, String)> = Vec::new();
    let mut found = |input: String, what: String| {
        if !findings.iter().any(|(_, w)| *w == what) {
            findings.push((input, what));
        }
    };
    for (name, bytes) in &files {
        if let Err(f) = target.run(bytes, &checks) {
            found(name.clone(), f.to_string());
        }
    }
    let runs: u64 = std::env::var("ECODEFI_SMOKE_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    let mut gen = Bytes(0x9E37_79B9_7F4A_7C15 ^ target.name().len() as u64);
    for i in 0..runs {
        let bytes = gen.input();
        if let Err(f) = target.run(&bytes, &checks) {
            found(format!("pseudo-random input {i}"), f.to_string());
        }
    }
    assert!(
        findings.is_empty(),
        "{} findings:\n{}",
        findings.len(),
        findings
            .iter()
            .map(|(input, what)| format!("- {input}: {what}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn document() {
    smoke(Target::Document);
}

#[test]
fn tables() {
    smoke(Target::Tables);
}

#[test]
fn decode() {
    smoke(Target::Decode);
}

#[test]
fn catalogue() {
    smoke(Target::Catalogue);
}

#[test]
fn regression() {
    smoke(Target::Regression);
}

#[test]
fn files() {
    smoke(Target::Files);
}
