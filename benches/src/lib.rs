//! Criterion benchmarks of ecodefi live in `benches/`; this library is empty.
