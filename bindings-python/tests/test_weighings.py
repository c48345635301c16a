"""The waste theme's weighings table (*pesées*) from Python: the organiser's
spreadsheet files (``from_csv``, settings table ``defi.csv`` included), the
same tables as DataFrames (``from_frames``), its errors and a round-trip
property. The reference is the same challenge as a JSON document,
``core/examples/data/waste/challenge.json``."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ecodefi
from conftest import REPO
from tables import document_to_frames

ZERO_DECHET = REPO / "core" / "examples" / "data" / "zero-dechet"
WASTE_JSON = REPO / "core" / "examples" / "data" / "waste" / "challenge.json"
FILES = sorted(ZERO_DECHET.glob("*.csv"))


@pytest.fixture(scope="module")
def waste_doc() -> Dict[str, Any]:
    return json.loads(WASTE_JSON.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def reference(waste_doc: Dict[str, Any]) -> ecodefi.Report:
    return ecodefi.ChallengeData.from_json(json.dumps(waste_doc)).compute()


def _settings(doc: Dict[str, Any]) -> Dict[str, Any]:
    """The document without its households and teams: the JSON settings
    that go with the tables."""
    out = {k: v for k, v in doc.items() if k not in ("households", "temperatures")}
    out["challenge"] = {k: v for k, v in doc["challenge"].items() if k != "teams"}
    return out


def test_the_sample_files_are_the_ones_expected() -> None:
    assert [f.name for f in FILES] == ["defi.csv", "equipes.csv", "foyers.csv", "pesees.csv", "presences.csv"]


def test_the_spreadsheet_files_give_the_json_documents_report(reference: ecodefi.Report) -> None:
    # The settings are the table `defi.csv` among the files: no JSON at all.
    data = ecodefi.ChallengeData.from_csv(None, FILES)
    assert data.households == 60
    report = data.compute()
    assert report.to_dict() == reference.to_dict()
    assert report.headline == reference.headline

    waste = report.waste
    assert waste is not None and report.energy is None and report.water is None
    assert waste.headline == "57 foyers, −24,3\u00a0% de production de déchets non recyclables"
    residual = waste.totals.residual
    assert (residual.households, residual.excluded) == (57, 3)
    assert {e.code: e.households for e in residual.exclusions} == {"no_data": 1, "period_not_covered": 2}
    excluded = {h.household: [e.code for e in h.exclusions] for h in waste.households if h.excluded}
    assert excluded == {"D05": ["period_not_covered"], "D12": ["period_not_covered"], "D18": ["no_data"]}
    assert residual.actual == Decimal("5965.69")
    assert round(residual.reference, 4) == Decimal("7878.6454")
    assert residual.change is not None and round(residual.change, 4) == Decimal("-0.2428")
    assert [h.household for h in waste.households] == [f"D{i:02d}" for i in range(1, 61)]
    ranking = sorted(
        (t.rank, t.team, t.name, t.totals.residual.households, round(t.totals.residual.change or Decimal("NaN"), 4))
        for t in waste.teams
    )
    assert ranking == [
        (1, "T2", "La Deûle", 10, Decimal("-0.3293")),
        (2, "T5", "Les Courées", 9, Decimal("-0.2637")),
        (3, "T4", "Le Marais", 10, Decimal("-0.2426")),
        (4, "T3", "Les Beffrois", 10, Decimal("-0.2386")),
        (5, "T1", "Les Terrils", 10, Decimal("-0.2115")),
        (6, "T6", "La Citadelle", 8, Decimal("-0.1669")),
    ]


def test_the_spreadsheet_files_with_json_settings(waste_doc: Dict[str, Any], reference: ecodefi.Report) -> None:
    tables = [f for f in FILES if f.name != "defi.csv"]
    report = ecodefi.ChallengeData.from_csv(_settings(waste_doc), tables).compute()
    assert report.to_dict() == reference.to_dict()


def test_read_csv_tables_reads_the_weighings(waste_doc: Dict[str, Any]) -> None:
    files = [(f.name, f.read_text(encoding="utf-8")) for f in FILES if f.name != "defi.csv"]
    got = ecodefi.read_csv_tables(files)
    want = ecodefi.ChallengeData.from_json(json.dumps(waste_doc)).to_dict()["households"]
    assert [h.get("weighings") for h in got["households"]] == [h.get("weighings") for h in want]
    assert sum(len(h.get("weighings", [])) for h in got["households"]) == 2483
    first = got["households"][0]["weighings"][0]
    assert first == {"date": dt.date(2026, 1, 18), "stream": "residual", "kg": Decimal("16.84")}


@pytest.mark.parametrize("dates", ["datetime64", "object"])
def test_the_same_households_as_dataframes(waste_doc: Dict[str, Any], reference: ecodefi.Report, dates: str) -> None:
    frames = document_to_frames(waste_doc, dates=dates)
    assert set(frames) == {"settings", "households", "teams", "presence", "weighings"}
    assert frames["weighings"]["kg"].map(type).eq(Decimal).all()
    report = ecodefi.ChallengeData.from_frames(frames.pop("settings"), **frames).compute()
    assert report.to_dict() == reference.to_dict()


def test_the_spreadsheet_files_read_by_pandas(waste_doc: Dict[str, Any], reference: ecodefi.Report) -> None:
    """The organiser's files as pandas reads them: French column names,
    French stream names, ``dd/mm/yyyy`` dates as text, float masses."""

    def read(name: str) -> pd.DataFrame:
        return pd.read_csv(ZERO_DECHET / name, sep=";", decimal=",", dtype={"âges_enfants": str})

    weighings = read("pesees.csv")
    assert weighings["poids"].dtype == "float64"
    assert "ordures ménagères" in set(weighings["flux"])
    report = ecodefi.ChallengeData.from_frames(
        _settings(waste_doc),
        read("foyers.csv"),
        teams=read("equipes.csv"),
        presence=read("presences.csv"),
        weighings=weighings,
    ).compute()
    assert report.to_dict() == reference.to_dict()


HOUSEHOLDS = pd.DataFrame({"household": ["A", "B"], "team": ["T1", "T1"], "adults": [2, 1]})


def _weighings(**change: Tuple[int, Any]) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "household": ["A", "A", "B"],
            "date": pd.to_datetime(["2026-01-18", "2026-01-18", "2026-01-19"]),
            "stream": ["residual", "verre", "emballages"],
            "kg": [Decimal("4.2"), Decimal("2"), Decimal("1.35")],
        }
    )
    for column, (row, value) in change.items():
        frame[column] = frame[column].astype(object)
        frame.loc[row, column] = value
    return frame


def test_a_weighings_frame_error_names_table_row_and_column() -> None:
    assert len(ecodefi.read_frames(HOUSEHOLDS, weighings=_weighings())["households"][0]["weighings"]) == 2

    with pytest.raises(ecodefi.UnknownNameError, match="carton") as e0:
        ecodefi.read_frames(HOUSEHOLDS, weighings=_weighings(stream=(1, "carton")))
    assert (e0.value.file, e0.value.row, e0.value.column) == ("weighings", 1, "stream")
    assert e0.value.code == "unknown_name" and "ordures ménagères" in str(e0.value)

    with pytest.raises(ecodefi.InvalidValueError) as e1:
        ecodefi.read_frames(HOUSEHOLDS, weighings=_weighings(kg=(2, Decimal("-0.5"))))
    assert (e1.value.file, e1.value.row, e1.value.column) == ("weighings", 2, "kg")
    assert e1.value.code == "invalid_value" and "invalid weighed mass (got -0.5): cannot be negative" in str(e1.value)

    with pytest.raises(ecodefi.InvalidValueError, match="required") as e2:
        ecodefi.read_frames(HOUSEHOLDS, weighings=_weighings(kg=(0, None)))
    assert (e2.value.file, e2.value.row, e2.value.column) == ("weighings", 0, "kg")

    with pytest.raises(ecodefi.InvalidValueError) as e3:
        ecodefi.read_frames(HOUSEHOLDS, weighings=_weighings(date=(2, "31/02/2026")))
    assert (e3.value.file, e3.value.row, e3.value.column) == ("weighings", 2, "date")

    with pytest.raises(ecodefi.UnknownReferenceError) as e4:
        ecodefi.read_frames(HOUSEHOLDS, weighings=_weighings(household=(2, "Z")))
    assert (e4.value.file, e4.value.row) == ("weighings", 2)

    with pytest.raises(ecodefi.InvalidValueError, match="required column `stream` is missing") as e5:
        ecodefi.read_frames(HOUSEHOLDS, weighings=_weighings().drop(columns="stream"))
    assert (e5.value.file, e5.value.line, e5.value.column) == ("weighings", None, "stream")


def test_the_same_errors_through_from_frames(waste_doc: Dict[str, Any]) -> None:
    with pytest.raises(ecodefi.InvalidValueError) as e:
        ecodefi.ChallengeData.from_frames(_settings(waste_doc), HOUSEHOLDS, weighings=_weighings(kg=(1, -3.0)))
    assert (e.value.file, e.value.row, e.value.column) == ("weighings", 1, "kg")


def test_a_blank_meter_usage_reaches_the_core() -> None:
    """A missing usage cell is passed on as a blank one, as from a CSV
    file; the core decides (a heating usage is needed for an energy meter,
    and its error names the table, row and column; a water meter has
    none)."""
    meters = pd.DataFrame(
        {"household": ["A", "B"], "meter": ["g", "g"], "carrier": "natural_gas", "unit": "m3", "usage": ["mixed", None]}
    )
    for blank in (None, float("nan"), ""):
        meters["usage"] = pd.Series(["mixed", blank], dtype=object)
        # The core's error for a blank usage, not the binding's "required".
        with pytest.raises(ecodefi.InvalidValueError, match="an energy meter needs its usage") as e:
            ecodefi.read_frames(HOUSEHOLDS, meters=meters)
        assert (e.value.file, e.value.row, e.value.column) == ("meters", 1, "usage")
    meters.loc[1, "usage"] = "no_heating"
    assert len(ecodefi.read_frames(HOUSEHOLDS, meters=meters)["households"][1]["meters"]) == 1
    water = meters.assign(carrier=["natural_gas", "eau"])
    for blank in (None, float("nan"), ""):
        water["usage"] = pd.Series(["mixed", blank], dtype=object)
        got = ecodefi.read_frames(HOUSEHOLDS, meters=water)["households"][1]
        assert (got["meters"], [m["id"] for m in got["water_meters"]]) == ([], ["g"])


# The round-trip property: any weighings given as a frame come back as the
# households' weighings of the document, unchanged and in order.

STREAMS = {
    "residual": "residual",
    "omr": "residual",
    "ordures ménagères": "residual",
    "packaging": "packaging",
    "emballages": "packaging",
    "glass": "glass",
    "verre": "glass",
    "biowaste": "biowaste",
    "biodéchets": "biowaste",
    "garden": "garden",
    "textiles": "textiles",
    "bulky": "bulky",
    "electronic": "electronic",
    "hazardous": "hazardous",
    "other": "other",
}
IDS = [f"D{i:02d}" for i in range(1, 61)]
ROUND_TRIP_HOUSEHOLDS = pd.read_csv(ZERO_DECHET / "foyers.csv", sep=";", decimal=",", dtype={"âges_enfants": str})
weighing = st.tuples(
    st.sampled_from(IDS),
    st.dates(min_value=dt.date(2025, 6, 1), max_value=dt.date(2026, 12, 31)),
    st.sampled_from(sorted(STREAMS)),
    st.decimals(min_value=0, max_value=100_000, places=3, allow_nan=False, allow_infinity=False),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(rows=st.lists(weighing, max_size=40), as_float=st.booleans(), dates=st.sampled_from(["datetime64", "date", "str"]))
def test_weighings_round_trip_through_a_frame(
    waste_doc: Dict[str, Any], rows: List[Tuple[str, dt.date, str, Decimal]], as_float: bool, dates: str
) -> None:
    assert list(ROUND_TRIP_HOUSEHOLDS["foyer"]) == IDS
    days: Any = [r[1] for r in rows]
    if dates == "datetime64":
        days = pd.to_datetime(pd.Series(days, dtype=object))
    elif dates == "str":
        days = [d.strftime("%d/%m/%Y") for d in days]
    frame = pd.DataFrame(
        {
            "household": pd.Series([r[0] for r in rows], dtype=object),
            "date": days,
            "stream": pd.Series([r[2] for r in rows], dtype=object),
            "kg": pd.Series([float(r[3]) if as_float else r[3] for r in rows], dtype="float64" if as_float else object),
        }
    )
    data = ecodefi.ChallengeData.from_frames(_settings(waste_doc), ROUND_TRIP_HOUSEHOLDS, weighings=frame)
    got = {h["id"]: h.get("weighings", []) for h in data.to_dict()["households"]}
    assert list(got) == IDS
    for household in IDS:
        want = [
            {"date": day, "stream": STREAMS[stream], "kg": kg} for (h, day, stream, kg) in rows if h == household
        ]
        assert got[household] == want, household
