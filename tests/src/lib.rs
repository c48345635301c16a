//! The conformance vectors live in `vectors/`; the Rust runner is `tests/vectors.rs`.
