"""Beyond one machine: regression_fit_many applied per partition of a dask
DataFrame partitioned by meter, under dask's distributed scheduler (a
LocalCluster of two worker processes, no network beyond this machine),
gives exactly the single-process result."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import ecodefi

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

OPTIONS = {"grid": {"points_c": [float(x) for x in range(8, 23, 2)]}, "baseline_days": 90}


def long_table(meters: int = 24, days: int = 90) -> pd.DataFrame:
    """Meter ``m``: usage = (2 + m/10) + (0.3 + m/50)·HDD(15) plus a small
    deterministic wobble, temperatures cycling over 0..24 °C; meter 20
    has a repeated day (its own error row)."""
    rows = []
    for m in range(meters):
        for i in range(days):
            t = float((i * 7 + m) % 25)
            wobble = ((i * 31 + m * 17) % 11 - 5) / 100
            rows.append(
                {
                    "meter": f"PRM{m:04d}",
                    "day": dt.date(2025, 1, 1) + dt.timedelta(days=i if (m, i) != (20, 3) else 2),
                    "usage": round(2 + m / 10 + (0.3 + m / 50) * max(0.0, 15 - t) + wobble, 3),
                    "temperature": t,
                }
            )
    return pd.DataFrame(rows)


def fit_partition(part: pd.DataFrame) -> pd.DataFrame:
    """What each worker runs: the batch function on its partition, one
    thread each (the cluster's processes share the cores)."""
    return ecodefi.regression_fit_many(part.reset_index(), options=OPTIONS, threads=1)


def test_dask_distributed_gives_the_single_process_result() -> None:
    table = long_table()
    single = ecodefi.regression_fit_many(table, options=OPTIONS)
    # Partitioned by meter: the meter is the index, and dask's divisions
    # never split one index value between two partitions.
    ddf = dd.from_pandas(table.set_index("meter"), npartitions=4, sort=True)
    assert ddf.npartitions > 1
    meta = fit_partition(table.set_index("meter").iloc[:0])
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        host="127.0.0.1",
    ) as cluster, distributed.Client(cluster, timeout="60s") as client:
        futures = ddf.map_partitions(fit_partition, meta=meta)
        result = client.compute(futures).result(timeout=120)
    distributed_out = result.sort_values("meter").reset_index(drop=True)
    expected = single.sort_values("meter").reset_index(drop=True)
    assert len(expected) == 24 and expected["meter"].is_unique
    assert (expected["error_code"] == "duplicate").sum() == 1
    # Everything is identical but the row a meter's error points at: the
    # row's position in the table fitted, here the worker's partition.
    pd.testing.assert_frame_equal(
        distributed_out.drop(columns="error_message"), expected.drop(columns="error_message")
    )
    ok = expected["error_code"].isna()
    assert distributed_out["error_message"][ok].isna().all()
    for message in (distributed_out, expected):
        text = message.loc[~ok, "error_message"].item()
        assert "`2025-01-03`" in text and "`PRM0020`" in text
    assert expected.loc[~ok, "error_message"].item().endswith("item 1803")
