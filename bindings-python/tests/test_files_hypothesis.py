"""Property tests of the file readers: generated Linky files read exactly,
the same from bytes and from a path, and arbitrary bytes end in a result
or a typed error, never a crash."""

from __future__ import annotations

import datetime as dt
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import List, Optional, Tuple

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ecodefi
import files_oracle as oracle

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Consecutive days from a first day, each with its Wh (up to 10⁹, about
#: a year of a large house) or empty.
linky_days = st.tuples(
    st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2035, 12, 31)),
    st.lists(st.one_of(st.none(), st.integers(min_value=0, max_value=10**9)), min_size=1, max_size=60),
).map(lambda t: [(t[0] + dt.timedelta(days=i), wh) for i, wh in enumerate(t[1])])

prms = st.text(alphabet="0123456789", min_size=14, max_size=14)


@SETTINGS
@given(days=linky_days, prm=prms)
def test_a_linky_daily_file_sums_to_its_wh_over_1000(days: List[Tuple[dt.date, Optional[int]]], prm: str) -> None:
    text = oracle.linky_daily_file(prm, days)
    f = ecodefi.read_meter_file(text.encode(), "linky.csv")
    assert f.identifier == prm
    measured = [(d, wh) for d, wh in days if wh is not None]
    # Exact: the sum of the days' kWh is the sum of the Wh divided by 1000.
    assert sum((d.kwh for d in f.days), Decimal(0)) == Decimal(sum(wh for _, wh in measured)) / 1000
    assert [(d.date, d.kwh) for d in f.days] == [(d, oracle.wh_to_kwh(Decimal(wh))) for d, wh in measured]
    # An empty day is never a zero: it is an incomplete day of the span.
    empty = {d for d, wh in days if wh is None}
    assert set(f.incomplete_days) <= empty
    if measured:
        first, last = measured[0][0], measured[-1][0]
        assert {d for d in empty if first <= d <= last} <= set(f.incomplete_days)


@SETTINGS
@given(days=linky_days, prm=prms)
def test_bytes_and_path_read_the_same(days: List[Tuple[dt.date, Optional[int]]], prm: str) -> None:
    text = oracle.linky_daily_file(prm, days)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "Enedis_Conso_Jour.csv"
        path.write_bytes(text.encode("cp1252"))
        from_path = ecodefi.read_meter_file(path)
        from_bytes = ecodefi.read_meter_file(text.encode("utf-8"), "Enedis_Conso_Jour.csv")
    assert from_path.to_dict() == from_bytes.to_dict()


@SETTINGS
@given(data=st.binary(max_size=400) | st.text(max_size=400).map(lambda t: (oracle.ENEDIS_HEADER + "\n" + t).encode()))
def test_arbitrary_bytes_are_a_file_or_a_typed_error(data: bytes) -> None:
    for read in (ecodefi.read_meter_file, ecodefi.read_weather):
        try:
            read(data, "x.csv")
        except ecodefi.EcodefiError as e:
            assert e.code and e.file == "x.csv"
