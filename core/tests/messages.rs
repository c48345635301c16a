//! The message catalogue is complete: every text of the sources written
//! for a person (`msg!` templates, `noun!` nouns, the names of
//! `named_enum!` kinds) has its French, with the same placeholders, and the
//! French table holds nothing else. Like gettext's `xgettext`, the texts
//! are read from the sources.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use ecodefi::message::{placeholders, table, Lang};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The Rust string literal starting at `text` (on its opening quote), as
/// the compiler reads it, and the length of its source.
fn literal(text: &str) -> Option<(String, usize)> {
    let mut out = String::new();
    let mut chars = text.char_indices();
    if chars.next()?.1 != '"' {
        return None;
    }
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, i + 1)),
            '\\' => match chars.next()?.1 {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                '0' => out.push('\0'),
                '\\' => out.push('\\'),
                '"' => out.push('"'),
                '\'' => out.push('\''),
                'u' => {
                    let rest: String = chars
                        .by_ref()
                        .map(|(_, c)| c)
                        .take_while(|c| *c != '}')
                        .collect();
                    let hex = rest.trim_start_matches('{');
                    out.push(char::from_u32(u32::from_str_radix(hex, 16).ok()?)?);
                }
                '\n' => {
                    // A line continuation skips the next line's indentation.
                    let peek = chars.clone();
                    for (_, w) in peek {
                        if !w.is_whitespace() {
                            break;
                        }
                        chars.next();
                    }
                }
                other => panic!("escape \\{other} not read by this test"),
            },
            c => out.push(c),
        }
    }
    None
}

/// Every text marked for the catalogue in `source`, with its line.
fn marked(source: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for marker in ["msg!(", "noun!("] {
        for (at, _) in source.match_indices(marker) {
            let rest = source[at + marker.len()..].trim_start();
            if let Some((text, _)) = literal(rest) {
                out.push((text, source[..at].lines().count()));
            }
        }
    }
    // The name of a `named_enum!` kind: `pub enum Carrier ("carrier") {`.
    for (at, _) in source.match_indices("enum ") {
        let rest = &source[at + 5..];
        let name_end = rest
            .find(|c: char| !c.is_alphanumeric() && c != '_')
            .unwrap_or(0);
        let after = rest[name_end..].trim_start();
        if let Some(after) = after.strip_prefix('(') {
            if let Some((text, _)) = literal(after.trim_start()) {
                out.push((text, source[..at].lines().count()));
            }
        }
    }
    out
}

/// Text for a person that does not go through the catalogue.
const UNMARKED: &[&str] = &[
    "Error::invalid(\"",
    "Error::overflow(\"",
    "what: \"",
    "why: \"",
    "why: format!(",
    "Exclusion::new(ExclusionCode::",
    "Warning::new(WarningCode::",
];

/// The sources whose texts reach a person: the core's and the bindings'
/// (their own errors, on values a binding reads), each without its unit
/// tests (whose texts are for developers).
fn source_files() -> Vec<(String, String)> {
    let core = Path::new(env!("CARGO_MANIFEST_DIR"));
    let workspace = core.parent().unwrap();
    let mut files = Vec::new();
    for dir in [
        "core/src",
        "core/examples",
        "bindings-python/src",
        "bindings-wasm/src",
    ] {
        sources(&workspace.join(dir), &mut files);
    }
    files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            let without_tests = match text.find("#[cfg(test)]\nmod tests {") {
                Some(at) => text[..at].to_owned(),
                None => text,
            };
            (
                f.strip_prefix(workspace).unwrap().display().to_string(),
                without_tests,
            )
        })
        .collect()
}

fn catalogue_texts() -> BTreeMap<String, Vec<String>> {
    let mut texts: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (name, source) in source_files() {
        for (text, line) in marked(&source) {
            texts
                .entry(text)
                .or_default()
                .push(format!("{name}:{line}"));
        }
    }
    texts
}

#[test]
fn every_text_has_its_french_and_the_table_nothing_else() {
    let texts = catalogue_texts();
    assert!(texts.len() > 20, "the sources were not read: {texts:?}");
    let french = table(Lang::Fr);
    let mut seen = BTreeSet::new();
    for (en, _) in &french {
        assert!(seen.insert(*en), "French table: {en:?} twice");
    }
    let fr: BTreeMap<&str, &str> = french.iter().copied().collect();
    let missing: Vec<String> = texts
        .iter()
        .filter(|(en, _)| !fr.contains_key(en.as_str()))
        .map(|(en, at)| format!("{en:?} ({})", at.join(", ")))
        .collect();
    assert!(
        missing.is_empty(),
        "{} texts have no French:\n{}",
        missing.len(),
        missing.join("\n")
    );
    let unused: Vec<&&str> = fr.keys().filter(|en| !texts.contains_key(**en)).collect();
    assert!(
        unused.is_empty(),
        "French entries no source uses: {unused:?}"
    );
    for (en, text) in &fr {
        let a: BTreeSet<&str> = placeholders(en).into_iter().collect();
        let b: BTreeSet<&str> = placeholders(text).into_iter().collect();
        assert_eq!(a, b, "placeholders of {en:?} and {text:?}");
        assert!(
            !text.is_empty() || en.is_empty(),
            "{en:?} has an empty French"
        );
    }
}

#[test]
fn every_text_for_a_person_goes_through_the_catalogue() {
    let mut found = Vec::new();
    for (name, source) in source_files() {
        for (n, line) in source.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            for pattern in UNMARKED {
                if line.contains(pattern) && !line.contains("msg!(") && !line.contains("noun!(") {
                    found.push(format!("{name}:{}: {code}", n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "{} texts bypass the catalogue:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn every_code_and_kind_has_its_french() {
    use ecodefi::exclusion::{ExclusionCode, WarningCode};
    // Each code's name in the page's words comes from the catalogue too.
    for code in ExclusionCode::ALL {
        let label = ecodefi::message::code_label(code.as_str(), Lang::Fr);
        assert!(
            label.is_some_and(|l| l != code.as_str()),
            "exclusion {code}"
        );
    }
    for code in WarningCode::ALL {
        let label = ecodefi::message::code_label(code.as_str(), Lang::Fr);
        assert!(label.is_some_and(|l| l != code.as_str()), "warning {code}");
    }
    for kind in ecodefi::error::KINDS {
        let label = ecodefi::message::code_label(kind, Lang::Fr);
        assert!(label.is_some_and(|l| l != *kind), "error kind {kind}");
    }
}

/// The English of each entry of the French table `name`, read from the
/// source of `message/fr/` (an entry is `    ("english", "français"),` or the same
/// over several lines).
fn table_part(name: &str) -> Vec<String> {
    let fr = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/message/fr")
        .join(format!("{}.rs", name.to_lowercase()));
    let source = std::fs::read_to_string(fr).unwrap();
    let start = source
        .find(&format!("const {name}: &[(&str, &str)] = &[\n"))
        .unwrap();
    let end = start + source[start..].find("\n];").unwrap();
    let lines: Vec<&str> = source[start..end].lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let english = if let Some(rest) = line.strip_prefix("    (\"") {
            Some(format!("\"{rest}"))
        } else if *line == "    (" {
            lines.get(i + 1).map(|l| l.trim_start().to_owned())
        } else {
            None
        };
        if let Some(text) = english.and_then(|e| literal(&e)) {
            out.push(text.0);
        }
    }
    out
}

#[test]
fn the_optional_parts_tables_hold_only_their_texts() {
    // Builds without a part (the page's small module has no themes, no
    // regression, no file readers) leave its table out: each of its texts
    // must be used by that part's code only.
    let texts = catalogue_texts();
    for (table, folders) in [
        ("FILES", &["core/src/files/"][..]),
        (
            "REGRESSION",
            &["core/src/regression/", "bindings-python/src/regression.rs"][..],
        ),
        (
            "THEMES",
            &[
                "core/src/water/",
                "core/src/waste/",
                "core/src/food/",
                "core/src/mobility/",
                "core/src/references.rs",
                "core/src/rate.rs",
            ][..],
        ),
    ] {
        let entries = table_part(table);
        assert!(entries.len() > 20, "{table}: {}", entries.len());
        for text in entries {
            let used = texts.get(&text).cloned().unwrap_or_default();
            assert!(
                used.iter()
                    .all(|at| folders.iter().any(|f| at.starts_with(f))),
                "{table}: {text:?} is also used elsewhere: {used:?}; move it to another table"
            );
        }
    }
}
