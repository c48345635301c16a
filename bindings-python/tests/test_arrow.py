"""The Arrow path (feature ``arrow``): pyarrow tables, polars DataFrames and
pandas DataFrames of Arrow dtypes give the same challenge data and report as
the pandas path; bad cells are errors naming table, row and column; the
report's tables export as Arrow."""

from __future__ import annotations

import datetime as dt
import json
import math
from decimal import Decimal
from typing import Any, Dict, List

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

import ecodefi
from conftest import VECTORS
from ecodefi import _ecodefi
from tables import document_to_frames

pa = pytest.importorskip("pyarrow")
pl = pytest.importorskip("polars")
if not hasattr(_ecodefi, "_arrow_table"):  # pragma: no cover
    pytest.skip("built without the arrow feature", allow_module_level=True)


def arrow_tables(frames: Dict[str, Any]) -> Dict[str, Any]:
    """Each pandas DataFrame as a pyarrow Table (Decimal cells become
    ``decimal128`` at their largest scale, days ``timestamp``)."""
    return {k: pa.Table.from_pandas(v, preserve_index=False) for k, v in frames.items()}


def as_polars(frames: Dict[str, Any]) -> Dict[str, Any]:
    return {k: pl.from_arrow(v) for k, v in arrow_tables(frames).items()}


def as_arrow_dtypes(frames: Dict[str, Any]) -> Dict[str, Any]:
    return {k: v.to_pandas(types_mapper=pd.ArrowDtype) for k, v in arrow_tables(frames).items()}


def as_date32(frames: Dict[str, Any]) -> Dict[str, Any]:
    """Arrow tables with ``date32`` days and dictionary-encoded text."""
    out = {}
    for k, t in arrow_tables(frames).items():
        for i, field in enumerate(t.schema):
            if pa.types.is_timestamp(field.type):
                t = t.set_column(i, field.name, t.column(i).cast(pa.date32()))
            elif pa.types.is_string(field.type) or pa.types.is_large_string(field.type):
                t = t.set_column(i, field.name, t.column(i).dictionary_encode())
        out[k] = t
    return out


CONVERSIONS = {"pyarrow": arrow_tables, "polars": as_polars, "pandas-arrow": as_arrow_dtypes, "date32-dict": as_date32}


def from_frames(settings: Dict[str, Any], frames: Dict[str, Any]) -> Any:
    return ecodefi.ChallengeData.from_frames(settings, **frames)


def assert_same(settings: Dict[str, Any], frames: Dict[str, Any], convert: str) -> None:
    want = from_frames(settings, frames)
    got = from_frames(settings, CONVERSIONS[convert](frames))
    assert json.loads(got.to_json()) == json.loads(want.to_json())
    assert got.compute().to_json() == want.compute().to_json()


def split(doc: Dict[str, Any], floats: bool = False) -> "tuple[Dict[str, Any], Dict[str, Any]]":
    frames = document_to_frames(doc)
    settings = frames.pop("settings")
    frames.pop("teams", None)
    settings["challenge"]["teams"] = doc["challenge"]["teams"]
    if floats:
        # As the benchmark and a spreadsheet user have them: float64.
        for df in frames.values():
            for col in ("value", "quantity", "tn", "tx"):
                if col in df.columns:
                    df[col] = df[col].astype("float64")
    return settings, frames


@pytest.mark.parametrize("convert", list(CONVERSIONS))
@pytest.mark.parametrize("floats", [False, True])
def test_sample_as_the_pandas_path(sample_doc: Dict[str, Any], convert: str, floats: bool) -> None:
    settings, frames = split(sample_doc, floats)
    assert_same(settings, frames, convert)


@pytest.mark.parametrize("convert", list(CONVERSIONS))
@pytest.mark.parametrize("floats", [False, True])
def test_synthetic_challenge_as_the_pandas_path(convert: str, floats: bool) -> None:
    doc = ecodefi.synthetic_challenge(120, seed=7).to_dict()
    settings, frames = split(json.loads(json.dumps(doc, default=str)), floats)
    assert_same(settings, frames, convert)


def _energy_cases() -> List[Dict[str, Any]]:
    return json.loads((VECTORS / "energy_challenge.json").read_text(encoding="utf-8"))["cases"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("case", _energy_cases(), ids=lambda c: c["name"])
@pytest.mark.parametrize("convert", list(CONVERSIONS))
def test_conformance_vectors_as_the_pandas_path(case: Dict[str, Any], convert: str) -> None:
    settings, frames = split(case["input"])
    assert_same(settings, frames, convert)


def test_decimal128_keeps_its_scale_and_float64_its_shortest_repr() -> None:
    households = pa.table({"household": ["A", "B"], "team": ["t", "t"], "adults": pa.array([2, 1], pa.int8())})
    temps = pa.table(
        {
            "date": pa.array([dt.date(2024, 1, 1), dt.date(2024, 1, 2)], pa.date32()),
            "tn": pa.array([Decimal("0.10"), Decimal("-3.25")], pa.decimal128(5, 2)),
            "tx": pa.array([0.1, 7.3], pa.float64()),
        }
    )
    got = ecodefi.read_frames(households, temperatures=temps)["temperatures"]
    assert [t["tn"] for t in got] == [Decimal("0.10"), Decimal("-3.25")]
    assert [str(t["tn"]) for t in got] == ["0.10", "-3.25"]
    assert [t["tx"] for t in got] == [Decimal("0.1"), Decimal("7.3")]
    assert [t["date"] for t in got] == [dt.date(2024, 1, 1), dt.date(2024, 1, 2)]


def test_record_batch_children_lists_and_utf8_view() -> None:
    batch = pa.record_batch(
        {
            "Foyer": pa.array(["A", "B"], pa.string_view()),
            "équipe": ["t", "t"],
            "adultes": [2, 1],
            "âges_enfants": pa.array([[8, 12], None], pa.list_(pa.int64())),
        }
    )
    got = ecodefi.read_frames(batch)["households"]
    assert got[0]["occupants"] == {"adults": 2, "children": [8, 12]}
    want = ecodefi.read_frames(pd.DataFrame({"Foyer": ["A", "B"], "équipe": "t", "adultes": [2, 1], "âges_enfants": [[8, 12], None]}))
    assert got == want["households"]


def test_purchases_booleans_and_nullable_counts() -> None:
    households = pl.DataFrame({"household": ["A"], "team": ["t"], "adults": [2]})
    purchases = pl.DataFrame(
        {
            "household": ["A", "A"],
            "date": [dt.date(2024, 3, 1), dt.date(2024, 3, 2)],
            "amount": [Decimal("12.50"), Decimal("3")],
            "organic": [True, False],
            "local": ["oui", "non"],
            "channel": ["supermarket", "market"],
            "meals": [4, 2],
            "persons": [2, 2],
        }
    )
    frames = {"purchases": purchases}
    want = ecodefi.read_frames(households.to_pandas(), **{k: v.to_pandas() for k, v in frames.items()})
    assert ecodefi.read_frames(households, **frames) == want


def test_regression_from_an_arrow_table_as_from_series() -> None:
    days = pd.date_range("2023-01-01", periods=400, freq="D")
    temps = [float((i * 7) % 30) - 5.0 for i in range(400)]
    usage = [round(3.0 + max(0.0, 15.0 - t) * 0.8 + (i % 3) * 0.1, 2) for i, t in enumerate(temps)]
    want = ecodefi.regression_fit(pd.Series(usage, index=days), pd.Series(temps, index=days))
    table = pa.table({"date": pa.array(days.date, pa.date32()), "usage": usage, "temperature_c": temps})
    got = ecodefi.regression_fit(table)
    assert got.to_dict() == want.to_dict()
    later = pl.DataFrame({"date": list(days.date[:30]), "temperature_c": temps[:30]})
    rows = want.predict([{"date": d, "temperature_c": t} for d, t in zip(days.date[:30], temps[:30])])
    predicted = got.predict(later)
    assert isinstance(predicted, ecodefi.ArrowTable)
    keys = ("base", "heating", "cooling", "total")
    assert pa.table(predicted).to_pylist() == [{"date": d, **{k: r[k] for k in keys}} for d, r in zip(days.date[:30], rows)]
    with pytest.raises(ecodefi.InvalidValueError) as e:
        ecodefi.regression_fit(pa.table({"date": ["2023-01-01", "bad"], "usage": [1.0, 2.0], "temperature_c": [1.0, 2.0]}))
    assert (e.value.file, e.value.row, e.value.column) == ("usage", 1, "date")
    with pytest.raises(ecodefi.InvalidValueError, match="temperature_c"):
        ecodefi.regression_fit(pa.table({"date": ["2023-01-01"], "usage": [1.0]}))


# --- errors ----------------------------------------------------------------


def households(**extra: Any) -> Any:
    return pa.table({"household": ["A", "B"], "team": ["t", "t"], "adults": [2, 1], **extra})


def test_bad_cells_name_table_row_and_column_in_both_languages() -> None:
    temps = pa.table({"date": ["2024-01-01", "2024-13-01"], "tn": [1.0, 2.0], "tx": [3.0, 4.0]})
    with pytest.raises(ecodefi.InvalidValueError) as e:
        ecodefi.read_frames(households(), temperatures=temps)
    assert (e.value.file, e.value.row, e.value.column) == ("temperatures", 1, "date")
    assert e.value.messages["fr"] != e.value.messages["en"]

    noon = pa.array([dt.datetime(2024, 1, 1), dt.datetime(2024, 1, 2, 12)], pa.timestamp("us"))
    with pytest.raises(ecodefi.InvalidValueError, match="time of day") as e:
        ecodefi.read_frames(households(), temperatures=temps.set_column(0, "date", noon))
    assert (e.value.row, e.value.column) == (1, "date")
    assert "heure" in e.value.messages["fr"] or "jour" in e.value.messages["fr"]


def test_a_missing_required_cell() -> None:
    with pytest.raises(ecodefi.InvalidValueError, match="required") as e:
        ecodefi.read_frames(pa.table({"household": ["A", None], "team": ["t", "t"], "adults": [1, 2]}))
    assert (e.value.file, e.value.row, e.value.column) == ("households", 1, "household")


def test_a_column_of_the_wrong_type() -> None:
    with pytest.raises(ecodefi.InvalidValueError, match="cannot hold text") as e:
        ecodefi.read_frames(pa.table({"household": [True, False], "team": ["t", "t"], "adults": [1, 2]}))
    assert (e.value.file, e.value.column) == ("households", "household")
    assert "ne peut pas contenir de texte" in e.value.messages["fr"]
    with pytest.raises(ecodefi.InvalidValueError, match="cannot be read") as e:
        ecodefi.read_frames(pa.table({"household": [b"A"], "team": ["t"], "adults": [1]}))
    assert e.value.column == "household"


def test_a_decimal_out_of_range() -> None:
    big = pa.array([Decimal("1e30")], pa.decimal128(38, 0))
    with pytest.raises(ecodefi.InvalidValueError, match="7.9e28") as e:
        ecodefi.read_frames(households().slice(0, 1), temperatures=pa.table({"date": [dt.date(2024, 1, 1)], "tn": big, "tx": [1.0]}))
    assert (e.value.file, e.value.row, e.value.column) == ("temperatures", 0, "tn")


def test_an_unknown_column_as_on_the_pandas_path() -> None:
    with pytest.raises(ecodefi.UnknownNameError) as want:
        ecodefi.read_frames(pd.DataFrame({"household": ["A"], "team": ["t"], "adults": [1], "bogus": [1]}))
    with pytest.raises(ecodefi.UnknownNameError) as got:
        ecodefi.read_frames(pa.table({"household": ["A"], "team": ["t"], "adults": [1], "bogus": [1]}))
    assert str(got.value) == str(want.value)


# --- properties --------------------------------------------------------------


def _outcome(f: Any) -> Any:
    try:
        return ("ok", f())
    except ecodefi.EcodefiError as e:
        return ("error", e.code, e.row, e.column, str(e))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True, width=64)),
        min_size=1,
        max_size=6,
    )
)
def test_float64_cells_as_the_pandas_path(values: List[Any]) -> None:
    n = len(values)
    dates = [dt.date(2024, 1, 1) + dt.timedelta(days=i) for i in range(n)]
    floats = [math.nan if v is None else v for v in values]
    pandas_temps = pd.DataFrame({"date": pd.to_datetime(dates), "tn": pd.Series(floats, dtype="float64"), "tx": 1.0})
    arrow_temps = pa.table({"date": pa.array(dates, pa.date32()), "tn": pa.array(values, pa.float64()), "tx": [1.0] * n})
    h = households()
    want = _outcome(lambda: ecodefi.read_frames(h.to_pandas(), temperatures=pandas_temps))
    assert _outcome(lambda: ecodefi.read_frames(h, temperatures=arrow_temps)) == want


@settings(max_examples=60, deadline=None)
@given(st.lists(st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-60, max_value=60), min_size=1, max_size=6))
def test_decimal128_cells_as_decimal_objects(values: List[Decimal]) -> None:
    n = len(values)
    dates = [dt.date(2024, 1, 1) + dt.timedelta(days=i) for i in range(n)]
    arrow = pa.table({"date": pa.array(dates, pa.date32()), "tn": pa.array(values, pa.decimal128(12, 3)), "tx": [61] * n})
    got = ecodefi.read_frames(households(), temperatures=arrow)["temperatures"]
    assert [t["tn"] for t in got] == [v.quantize(Decimal("0.001")) for v in values]


# --- outputs ---------------------------------------------------------------


def test_report_to_arrow_has_the_pandas_tables(sample_doc: Dict[str, Any]) -> None:
    report = ecodefi.compute(ecodefi.ChallengeData.from_dict(sample_doc))
    frames = report.to_pandas()
    tables = report.to_arrow()
    assert set(tables) == set(frames)
    for name, t in tables.items():
        df = frames[name]
        assert isinstance(t, ecodefi.ArrowTable)
        assert t.column_names == list(df.columns), name
        assert t.num_rows == len(df) == len(t)
        at = pa.table(t)
        assert at.column_names == list(df.columns)
        for col in df.columns:
            want = [None if (isinstance(v, float) and math.isnan(v)) or v is None else v for v in df[col]]
            got = at.column(col).to_pylist()
            assert got == want, (name, col)
    pl_households = pl.DataFrame(tables["households"])
    assert pl_households.height == len(frames["households"])
    assert pl_households.columns == list(frames["households"].columns)
    floats = report.to_arrow(decimals="float")["energy"]
    assert all(not pa.types.is_decimal(f.type) for f in pa.table(floats).schema)
    with pytest.raises(ValueError):
        report.to_arrow(decimals="exact")


def test_decimal_columns_keep_their_digits() -> None:
    small, large = Decimal("0.1234567890123456789012345678"), Decimal("886.4228875713987137794459990")
    t = pa.table(_ecodefi._arrow_table([("x", [small, large, None, Decimal(3)])]))
    assert t.schema.field("x").type == pa.decimal128(38, 28)
    assert t.column("x").to_pylist() == [small, large, None, Decimal(3)]
    # 12 whole digits and 28 decimals need 40 digits: rounded to 26.
    big = Decimal("123456789012.5")
    t = pa.table(_ecodefi._arrow_table([("x", [small, big])]))
    assert t.schema.field("x").type == pa.decimal128(38, 26)
    assert t.column("x").to_pylist() == [small.quantize(Decimal(1).scaleb(-26)), big]


def test_arrow_tables_round_trip_into_from_frames(sample_doc: Dict[str, Any]) -> None:
    # An exported table reads back through the Arrow path.
    settings, frames = split(sample_doc)
    t = _ecodefi._arrow_table([(c, list(frames["readings"][c])) for c in ("household", "meter", "value")])
    back = pa.table(t)
    assert back.column("value").to_pylist() == list(frames["readings"]["value"])
    assert pa.types.is_decimal(back.schema.field("value").type)
