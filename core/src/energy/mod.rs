//! The energy theme: from each household's meters to savings against a
//! climate-corrected reference.

pub mod factors;
