"""The 10 000-household challenge from pandas DataFrames: the Python call
(DataFrames to the core's columns, assembly, computation) against the
core's own time on the same data (assembly and computation of the same
columns, timed inside Rust). The goal: at most twice the core's time.
With pyarrow (and polars) installed and the ``arrow`` feature built, the
Arrow path too: the same tables as pyarrow Tables (float64 quantities,
``date32`` days, text) and polars DataFrames, timed in the same run
against the same core time. Its goal: at most 1.5 times the core's.

Usage (after ``maturin develop --release``)::

    .venv/bin/python bindings-python/benches/bench_frames.py [--households N] [--repeat R] [--check]

Prints the median and best times and the ratios; ``--check`` exits with
status 1 when the median ratio to the core from columns is above 2 (or
the Arrow path's above 1.5). The
core is also timed reading the same tables as CSV texts (a Rust user's
path from spreadsheets), for context.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import ecodefi  # noqa: E402
from ecodefi import _ecodefi  # noqa: E402
from tables import document_to_frames  # noqa: E402


def frames_of(households: int, seed: int) -> dict:
    """A synthetic challenge cut into DataFrames as a spreadsheet user has
    them: float64 quantities, datetime64 days, str identifiers."""
    doc = ecodefi.synthetic_challenge(households, seed=seed).to_dict()
    doc = {**doc, "households": doc["households"]}
    frames = document_to_frames(doc)
    for name, df in frames.items():
        if name == "settings":
            continue
        for col in ("value", "quantity", "tn", "tx"):
            if col in df.columns:
                df[col] = df[col].astype("float64")
    frames.pop("teams", None)
    frames["settings"]["challenge"]["teams"] = [
        {k: v for k, v in t.items()} for t in doc["challenge"]["teams"]
    ]
    return frames


def arrow_of(frames: dict) -> dict:
    """The same tables as pyarrow Tables, days as ``date32`` (as a user
    reading Parquet or a database has them); ``{}`` without pyarrow or the
    ``arrow`` feature."""
    try:
        import pyarrow as pa
    except ImportError:
        return {}
    if not hasattr(_ecodefi, "_arrow_table"):
        return {}
    out = {}
    for name, df in frames.items():
        t = pa.Table.from_pandas(df, preserve_index=False)
        for i, field in enumerate(t.schema):
            if pa.types.is_timestamp(field.type):
                t = t.set_column(i, field.name, t.column(i).cast(pa.date32()))
        out[name] = t
    return out


def timed(settings: dict, tables: dict, repeat: int, households: int) -> list:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        report = ecodefi.ChallengeData.from_frames(settings, **tables).compute()
        times.append(time.perf_counter() - start)
    assert report.households == households
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()

    frames = frames_of(args.households, args.seed)
    settings = frames.pop("settings")
    rows = {k: len(v) for k, v in frames.items()}
    print(f"{args.households} households; rows per table: {rows}")

    arrow = arrow_of(frames)
    try:
        import polars as pl

        polars = {k: pl.from_arrow(v) for k, v in arrow.items()}
    except ImportError:
        polars = {}

    # Interleaved, so that the machine's load weighs on every path alike.
    python: list = []
    arrow_times: list = []
    polars_times: list = []
    for _ in range(args.repeat):
        python += timed(settings, frames, 1, args.households)
        if arrow:
            arrow_times += timed(settings, arrow, 1, args.households)
        if polars:
            polars_times += timed(settings, polars, 1, args.households)

    core = _ecodefi._core_seconds(settings, frames, repeat=args.repeat)
    files = [(f"{name}.csv", df.to_csv(index=False)) for name, df in frames.items()]
    csv = _ecodefi._core_csv_seconds(settings, files, repeat=args.repeat)

    p, c, v = statistics.median(python), statistics.median(core), statistics.median(csv)
    print(f"python from_frames + compute:        median {p * 1000:.1f} ms, best {min(python) * 1000:.1f} ms")
    print(f"core columns: assemble + compute:    median {c * 1000:.1f} ms, best {min(core) * 1000:.1f} ms")
    print(f"core CSV texts: read + compute:      median {v * 1000:.1f} ms, best {min(csv) * 1000:.1f} ms")
    print(f"ratio to the core from columns (median): {p / c:.2f} (goal: at most 2); best: {min(python) / min(core):.2f}")
    print(f"ratio to the core from CSV (median):     {p / v:.2f}")
    failed = args.check and p / c > 2
    for label, times in (("pyarrow", arrow_times), ("polars", polars_times)):
        if not times:
            continue
        a = statistics.median(times)
        print(f"arrow ({label}) from_frames + compute:  median {a * 1000:.1f} ms, best {min(times) * 1000:.1f} ms")
        print(f"ratio to the core, Arrow path ({label}, median): {a / c:.2f} (goal: at most 1.5); best: {min(times) / min(core):.2f}")
        failed = failed or (args.check and a / c > 1.5)
    # Where the time goes: the binding's reading of the tables into the
    # core's columns (timed inside Rust), beside the core's part.
    for label, tables in (("pandas", frames), ("pyarrow", arrow), ("polars", polars)):
        if tables:
            r = statistics.median(_ecodefi._columns_seconds(tables, repeat=args.repeat))
            print(f"reading the {label} tables into columns (inside Rust): median {r * 1000:.1f} ms ({r / c:.2f} of the core's time)")
    if failed:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
