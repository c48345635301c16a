//! The French table of the catalogue: each English template or noun, and
//! its French.
//!
//! The field's vocabulary: foyer (household), équipe (team), capitaine,
//! compteur (meter), relevé (reading), facture (bill), pesée (weighing),
//! flux (waste stream), ordures ménagères résiduelles (residual waste),
//! période de référence, période du défi. Typography: `’`, « … » with
//! no-break spaces (U+00A0), a no-break space before `:` `;` `?` `!`
//! (U+00A0 before `:`, as the Imprimerie nationale's rules; U+202F is
//! also usual before `;` `?` `!`).
//!
//! One table per part of the crate, in the order of its folders, so that
//! each part's messages are found together; the catalogue's test checks
//! that every `msg!` and `noun!` of the sources is here once, with the same
//! placeholders, and that nothing here is unused.

mod bindings;
mod catalogue;
mod energy;
mod errors;
mod files;
mod inputs;
mod labels;
mod regression;
mod table;
mod themes;

/// Every table, searched in order. The tables of the themes, of the
/// weather regression and of the file readers are empty in builds without
/// them (the page's small WebAssembly module pays for every byte);
/// `core/tests/messages.rs` checks that their texts are used by that code
/// alone.
pub(super) const TABLES: &[&[(&str, &str)]] = &[
    errors::ERRORS,
    labels::LABELS,
    inputs::INPUTS,
    energy::ENERGY,
    themes::THEMES,
    regression::REGRESSION,
    table::TABLE,
    files::FILES,
    catalogue::CATALOGUE,
    bindings::BINDINGS,
];
