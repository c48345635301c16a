"""regression_fit_many end to end from Python: the same long table of
meter-years (one row per meter and day, electricity-like usage with
heating and cooling terms and noise) as a pandas DataFrame and as a
pyarrow Table, each timed from the call to the result frame, in the same
run (so that a shared machine's load weighs on both alike). Prints the
meter-years per second of each and their ratio.

Usage (after ``maturin develop --release``)::

    .venv/bin/python bindings-python/benches/bench_fit_many.py [--meters N] [--repeat R] [--threads T]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import pandas as pd

import ecodefi


def long_table(meters: int, days: int = 365, seed: int = 2026) -> pd.DataFrame:
    """``meters`` meter-years of daily usage and mean temperature."""
    rng = np.random.default_rng(seed)
    day = pd.date_range("2025-01-01", periods=days, freq="D")
    season = 12 - 9 * np.cos(2 * np.pi * np.arange(days) / days)
    temps = np.round(season[None, :] + rng.normal(0, 3, (meters, days)), 1)
    base = rng.uniform(3, 12, (meters, 1))
    heating = rng.uniform(0.1, 1.5, (meters, 1)) * np.maximum(0, 15 - temps)
    cooling = rng.uniform(0, 0.8, (meters, 1)) * np.maximum(0, temps - 22)
    usage = np.round(np.maximum(0, base + heating + cooling + rng.normal(0, 0.8, (meters, days))), 3)
    return pd.DataFrame(
        {
            "meter": np.repeat([f"PRM-{m:06d}" for m in range(meters)], days),
            "day": np.tile(day.to_numpy(), meters),
            "usage": usage.ravel(),
            "temperature": temps.ravel(),
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meters", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--threads", type=int, default=None)
    args = parser.parse_args()
    import pyarrow as pa

    frame = long_table(args.meters)
    table = pa.Table.from_pandas(frame, preserve_index=False)
    times: dict[str, list[float]] = {"pandas": [], "pyarrow": []}
    results = {}
    for _ in range(args.repeat):
        for name, t in (("pandas", frame), ("pyarrow", table)):
            start = time.perf_counter()
            results[name] = ecodefi.regression_fit_many(t, threads=args.threads)
            times[name].append(time.perf_counter() - start)
    pd.testing.assert_frame_equal(results["pandas"], results["pyarrow"])
    rate = {k: args.meters / statistics.median(v) for k, v in times.items()}
    for name, r in rate.items():
        best = args.meters / min(times[name])
        print(f"{name:8} {args.meters} meter-years: median {r:,.0f} meter-years/s (best {best:,.0f})")
    print(f"pyarrow / pandas: {rate['pyarrow'] / rate['pandas']:.2f}x")


if __name__ == "__main__":
    main()
