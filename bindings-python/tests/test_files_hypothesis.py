"""Property tests of the file readers: generated Linky files read exactly,
the same from bytes and from a path, and arbitrary bytes end in a result
or a typed error, never a crash."""

from __future__ import annotations

import datetime as dt
import gzip
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
    for read in (ecodefi.read_meter_file, ecodefi.read_weather, ecodefi.file_kind):
        try:
            read(data, "x.csv")
        except ecodefi.EcodefiError as e:
            assert e.code and e.file == "x.csv"
    try:
        ecodefi.read_files({"foyers.csv": b"foyer;equipe;adultes\nA;T1;2\n", "x.csv": data})
    except ecodefi.EcodefiError as e:
        assert e.code


#: A station's days: (day offset, Tn in tenths, Tx in tenths, QTN, QTX), Tn
#: or Tx possibly empty.
meteo_days = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=60),
        st.one_of(st.none(), st.integers(min_value=-300, max_value=300)),
        st.one_of(st.none(), st.integers(min_value=-300, max_value=400)),
        st.sampled_from(["0", "1", "9", "2"]),
        st.sampled_from(["0", "1", "9", "2"]),
    ),
    min_size=1,
    max_size=40,
    unique_by=lambda d: d[0],
)

METEO_HEADER = "NUM_POSTE;NOM_USUEL;LAT;LON;ALTI;AAAAMMJJ;RR;QRR;TN;QTN;TX;QTX"


def _tenths(v: Optional[int]) -> str:
    return "" if v is None else str(Decimal(v).scaleb(-1))


@SETTINGS
@given(days=meteo_days, gz=st.booleans())
def test_a_weather_files_coverage_is_its_valid_days(days: List[Tuple[int, Optional[int], Optional[int], str, str]], gz: bool) -> None:
    """A generated daily file (the columns the reader needs, in the real
    order): a day is complete with a Tn and a Tx, no quality code 2 and
    Tn ≤ Tx; every other day from the first row to the last is missing;
    a complete station's temperatures are its rows."""
    first = dt.date(2026, 1, 1)
    lines = [METEO_HEADER]
    for offset, tn, tx, qtn, qtx in sorted(days):
        day = first + dt.timedelta(days=offset)
        lines.append(f"62990001;SYNTHETIQUE;50.5;2.5;80;{day:%Y%m%d};;;{_tenths(tn)};{qtn};{_tenths(tx)};{qtx}")
    data = ("\n".join(lines) + "\n").encode()
    if gz:
        data = gzip.compress(data, mtime=0)
    (station,) = ecodefi.read_weather(data, "Q_99.csv.gz" if gz else "Q_99.csv").stations
    valid = [
        offset
        for offset, tn, tx, qtn, qtx in days
        if tn is not None and tx is not None and "2" not in (qtn, qtx) and tn <= tx
    ]
    offsets = [d[0] for d in days]
    assert (station.first, station.last) == (first + dt.timedelta(days=min(offsets)), first + dt.timedelta(days=max(offsets)))
    assert station.complete_days == len(valid)
    assert station.missing_days == max(offsets) - min(offsets) + 1 - len(valid)
