"""Every theme's tables from Python (issue 11): the food theme's purchases
(*achats*), the mobility theme's trips (*déplacements*) and the water
meters (rows of the meters table) as DataFrames through ``from_frames``;
the Déclics organiser's spreadsheet files (energy, water, waste) through
``from_csv``; the errors of a bad purchases or trips frame; a round-trip
property of the trips. The references are the theme samples as JSON
documents, ``core/examples/data/{food,mobility,water}/challenge.json``."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any, Dict, List, Optional, Tuple

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ecodefi
from conftest import REPO
from tables import document_to_frames

DATA = REPO / "core" / "examples" / "data"
DECLICS = sorted((DATA / "declics").glob("*.csv"))


def _doc(theme: str) -> Dict[str, Any]:
    return json.loads((DATA / theme / "challenge.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _settings(doc: Dict[str, Any]) -> Dict[str, Any]:
    """The document without its households, temperatures and teams: the
    JSON settings that go with the tables."""
    out = {k: v for k, v in doc.items() if k not in ("households", "temperatures")}
    out["challenge"] = {k: v for k, v in doc["challenge"].items() if k != "teams"}
    return out


# The samples' tables: which frames each one has, and the figures of the
# report both ways give.
SAMPLES = {
    "food": ({"settings", "households", "teams", "presence", "purchases"}, 24),
    "mobility": ({"settings", "households", "teams", "presence", "trips"}, 30),
    "water": ({"settings", "households", "teams", "presence", "meters", "readings", "events"}, 40),
}


FOOD_HEADLINE = (
    "22 foyers, part du bio 26,9\u00a0% → 39,9\u00a0%, part du local 17,5\u00a0% → 33,2\u00a0%, "
    "coût par repas et par personne +4,3\u00a0%"
)
DECLICS_EXCLUDED = ({"F00008": ["period_not_covered"]}, {"F00007": ["no_meter"]}, {"F00012": ["no_data"]})
DECLICS_HEADLINE = "\n".join(
    [
        "23 foyers, −9,4\u00a0% de consommation d'énergie corrigée du climat : "
        "26\u202f667\u00a0kWh, 4,1\u00a0tCO2e et 2\u202f969\u00a0€ économisés",
        "23 foyers, −5,4\u00a0% de consommation d'eau (131\u00a0L par personne et par jour ; référence 148\u00a0L)",
        "23 foyers, −25,2\u00a0% de production de déchets non recyclables",
    ]
)


@pytest.mark.parametrize("dates", ["datetime64", "object"])
@pytest.mark.parametrize("theme", sorted(SAMPLES))
def test_each_theme_sample_as_dataframes_gives_the_json_documents_report(theme: str, dates: str) -> None:
    doc = _doc(theme)
    reference = ecodefi.ChallengeData.from_json(json.dumps(doc)).compute()
    frames = document_to_frames(doc, dates=dates)
    tables, households = SAMPLES[theme]
    assert set(frames) == tables
    data = ecodefi.ChallengeData.from_frames(frames.pop("settings"), **frames)
    assert data.households == households
    assert data.to_dict() == ecodefi.ChallengeData.from_json(json.dumps(doc)).to_dict()
    report = data.compute()
    assert report.to_dict() == reference.to_dict()
    assert report.headline == reference.headline
    section = getattr(report, theme)
    assert section is not None and len(section.households) == households
    others = {"energy", "water", "waste", "food", "mobility"} - {theme}
    assert all(getattr(report, t) is None for t in others)


def test_the_food_sample_headline() -> None:
    frames = document_to_frames(_doc("food"))
    report = ecodefi.ChallengeData.from_frames(frames.pop("settings"), **frames).compute()
    assert report.food is not None
    assert report.food.headline == FOOD_HEADLINE


def test_water_meters_without_a_usage_column() -> None:
    """A meters table of water meters only needs no usage column at all."""
    doc = _doc("water")
    frames = document_to_frames(doc)
    meters = frames["meters"]
    assert set(meters["carrier"]) == {"water"} and meters["usage"].isna().all()
    frames["meters"] = meters[["household", "meter", "carrier", "unit"]]
    reference = ecodefi.ChallengeData.from_json(json.dumps(doc)).compute()
    report = ecodefi.ChallengeData.from_frames(frames.pop("settings"), **frames).compute()
    assert report.to_dict() == reference.to_dict()


def test_french_column_names_and_yes_no_words() -> None:
    """The purchases as an organiser types them: French column names,
    channels and ``oui``/``non`` (read by the core, as in ``achats.csv``),
    or numpy booleans, or ones and zeros; the same document as Python
    bools."""
    doc = _doc("food")
    frames = document_to_frames(doc)
    purchases = frames["purchases"]
    french_channels = {"supermarket": "grande surface", "market": "marché", "producer": "producteur", "shop": "commerce", "online": "internet", "other": "autre"}
    french = pd.DataFrame(
        {
            "foyer": purchases["household"],
            "jour": [d.strftime("%d/%m/%Y") for d in purchases["date"]],
            "montant": [str(a).replace(".", ",") for a in purchases["amount"]],
            "bio": ["oui" if b else "non" for b in purchases["organic"]],
            "locale": ["Oui" if b else "NON" for b in purchases["local"]],
            "circuit": [french_channels[c] for c in purchases["channel"]],
            "repas": purchases["meals"].astype(str),
            "personnes": purchases["persons"],
        }
    )
    settings_ = frames.pop("settings")
    want = ecodefi.ChallengeData.from_frames(settings_, **frames).to_dict()
    others = {k: v for k, v in frames.items() if k != "purchases"}
    assert ecodefi.ChallengeData.from_frames(settings_, purchases=french, **others).to_dict() == want
    numpy_bools = purchases.copy()
    numpy_bools["organic"] = pd.Series([np.bool_(b) for b in purchases["organic"]], dtype=object)
    numpy_bools["local"] = pd.Series([np.int64(b) for b in purchases["local"]], dtype=object)
    assert ecodefi.ChallengeData.from_frames(settings_, purchases=numpy_bools, **others).to_dict() == want
    ones_and_zeros = purchases.assign(organic=purchases["organic"].astype(int), local=purchases["local"].astype(int))
    assert ones_and_zeros["organic"].dtype == "int64"
    assert ecodefi.ChallengeData.from_frames(settings_, purchases=ones_and_zeros, **others).to_dict() == want


def test_the_declics_spreadsheet_files() -> None:
    """The Déclics organiser's French files (settings table ``defi.csv``
    included): energy, water and waste, 24 households each; the generator
    gave F00007 no water meter and F00012 no weighings."""
    assert [f.name for f in DECLICS] == [
        "compteurs.csv",
        "defi.csv",
        "equipes.csv",
        "foyers.csv",
        "livraisons.csv",
        "pesees.csv",
        "releves.csv",
        "stocks.csv",
        "températures.csv",
    ]
    data = ecodefi.ChallengeData.from_csv(None, DECLICS)
    assert data.households == 24
    report = data.compute()
    assert report.energy is not None and report.water is not None and report.waste is not None
    assert report.food is None and report.mobility is None
    ids = [f"F{i:05d}" for i in range(1, 25)]
    for section in (report.energy, report.water, report.waste):
        assert [h.household for h in section.households] == ids

    def excluded(section: Any) -> Dict[str, List[str]]:
        return {h.household: [e.code for e in h.exclusions] for h in section.households if h.excluded}

    assert excluded(report.water).get("F00007") == ["no_meter"]
    assert excluded(report.waste).get("F00012") == ["no_data"]
    assert DECLICS_EXCLUDED == (excluded(report.energy), excluded(report.water), excluded(report.waste))
    assert report.headline == DECLICS_HEADLINE


# A purchases and a trips frame, and the errors of a bad cell in each.

HOUSEHOLDS = pd.DataFrame({"household": ["A", "B"], "team": ["T1", "T1"], "adults": [2, 1]})


def _changed(frame: pd.DataFrame, change: Dict[str, Tuple[int, Any]]) -> pd.DataFrame:
    for column, (row, value) in change.items():
        frame[column] = frame[column].astype(object)
        frame.loc[row, column] = value
    return frame


def _purchases(**change: Tuple[int, Any]) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "household": ["A", "A", "B"],
            "date": pd.to_datetime(["2026-01-14", "2026-01-15", "2026-01-15"]),
            "amount": [Decimal("86.48"), Decimal("12.5"), Decimal("40")],
            "organic": [False, True, True],
            "local": [True, "non", "oui"],
            "channel": ["producer", "marché", "supermarket"],
            "meals": [5, 2, 4],
            "persons": [5, 2, 1],
        }
    )
    return _changed(frame, change)


def _trips(**change: Tuple[int, Any]) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "household": ["A", "B", "B"],
            "date": pd.to_datetime(["2026-03-02", "2026-03-02", "2026-03-03"]),
            "mode": ["bus", "vélo", "car_alone"],
            "km": [20.1, 3.0, 30.2],
            "trips": [4, None, 6],
        }
    )
    return _changed(frame, change)


def test_purchases_and_trips_frames_reach_the_households() -> None:
    got = ecodefi.read_frames(HOUSEHOLDS, purchases=_purchases(), trips=_trips())["households"]
    assert got[0]["food_purchases"][1] == {
        "date": dt.date(2026, 1, 15),
        "amount": Decimal("12.5"),
        "organic": True,
        "local": False,
        "channel": "market",
        "meals": 2,
        "persons": 2,
    }
    assert [p["channel"] for h in got for p in h["food_purchases"]] == ["producer", "market", "supermarket"]
    assert got[1]["trips"] == [
        {"date": dt.date(2026, 3, 2), "mode": "bike", "km": Decimal("3"), "trips": 1},
        {"date": dt.date(2026, 3, 3), "mode": "car_alone", "km": Decimal("30.2"), "trips": 6},
    ]


def test_a_bad_purchases_frame_names_table_row_and_column() -> None:
    with pytest.raises(ecodefi.UnknownNameError, match="troc") as e0:
        ecodefi.read_frames(HOUSEHOLDS, purchases=_purchases(channel=(1, "troc")))
    assert (e0.value.file, e0.value.row, e0.value.column) == ("purchases", 1, "channel")
    assert e0.value.code == "unknown_name"

    with pytest.raises(ecodefi.InvalidValueError, match="peut-être") as e1:
        ecodefi.read_frames(HOUSEHOLDS, purchases=_purchases(organic=(2, "peut-être")))
    assert (e1.value.file, e1.value.row, e1.value.column) == ("purchases", 2, "organic")

    with pytest.raises(ecodefi.InvalidValueError, match="required") as e2:
        ecodefi.read_frames(HOUSEHOLDS, purchases=_purchases(local=(0, None)))
    assert (e2.value.file, e2.value.row, e2.value.column) == ("purchases", 0, "local")

    with pytest.raises(ecodefi.InvalidValueError) as e3:
        ecodefi.read_frames(HOUSEHOLDS, purchases=_purchases(meals=(1, 2.5)))
    assert (e3.value.file, e3.value.row, e3.value.column) == ("purchases", 1, "meals")

    with pytest.raises(ecodefi.InvalidValueError, match="required column `persons` is missing") as e4:
        ecodefi.read_frames(HOUSEHOLDS, purchases=_purchases().drop(columns="persons"))
    assert (e4.value.file, e4.value.column) == ("purchases", "persons")


def test_a_bad_trips_frame_names_table_row_and_column() -> None:
    with pytest.raises(ecodefi.InvalidValueError, match="at least one trip") as e0:
        ecodefi.read_frames(HOUSEHOLDS, trips=_trips(trips=(2, 0)))
    assert (e0.value.file, e0.value.row, e0.value.column) == ("trips", 2, "trips")
    assert e0.value.code == "invalid_value"

    with pytest.raises(ecodefi.UnknownNameError, match="trottinette") as e1:
        ecodefi.read_frames(HOUSEHOLDS, trips=_trips(mode=(0, "trottinette")))
    assert (e1.value.file, e1.value.row, e1.value.column) == ("trips", 0, "mode")

    with pytest.raises(ecodefi.InvalidValueError) as e2:
        ecodefi.read_frames(HOUSEHOLDS, trips=_trips(trips=(1, -1)))
    assert (e2.value.file, e2.value.row, e2.value.column) == ("trips", 1, "trips")

    # The same error through from_frames.
    doc = _doc("mobility")
    with pytest.raises(ecodefi.InvalidValueError) as e3:
        ecodefi.ChallengeData.from_frames(_settings(doc), HOUSEHOLDS, trips=_trips(trips=(0, 0)))
    assert (e3.value.file, e3.value.row, e3.value.column) == ("trips", 0, "trips")


# The round-trip property: any trips given as a frame come back as the
# households' trips of the document, unchanged and in order (no number of
# trips: 1).

MODES = {
    "car_alone": "car_alone",
    "voiture": "car_alone",
    "carpool": "carpool",
    "covoiturage": "carpool",
    "bus": "bus",
    "tram": "tram",
    "metro": "metro",
    "métro": "metro",
    "regional_train": "regional_train",
    "TER": "regional_train",
    "bike": "bike",
    "vélo": "bike",
    "walking": "walking",
    "marche": "walking",
    "plane": "plane",
}
IDS = ["A", "B"]
trip = st.tuples(
    st.sampled_from(IDS),
    st.dates(min_value=dt.date(2025, 6, 1), max_value=dt.date(2026, 12, 31)),
    st.sampled_from(sorted(MODES)),
    st.decimals(min_value=0, max_value=100_000, places=2, allow_nan=False, allow_infinity=False),
    st.one_of(st.none(), st.integers(min_value=1, max_value=10_000)),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(trip, max_size=40), as_float=st.booleans())
def test_trips_round_trip_through_a_frame(
    rows: List[Tuple[str, dt.date, str, Decimal, Optional[int]]], as_float: bool
) -> None:
    frame = pd.DataFrame(
        {
            "household": pd.Series([r[0] for r in rows], dtype=object),
            "date": pd.to_datetime(pd.Series([r[1] for r in rows], dtype=object)),
            "mode": pd.Series([r[2] for r in rows], dtype=object),
            "km": pd.Series([float(r[3]) if as_float else r[3] for r in rows], dtype="float64" if as_float else object),
            # pandas makes a column of ints with a None float64 (NaN).
            "trips": [r[4] for r in rows],
        }
    )
    got = {h["id"]: h.get("trips", []) for h in ecodefi.read_frames(HOUSEHOLDS, trips=frame)["households"]}
    assert list(got) == IDS
    for household in IDS:
        want = [
            {"date": day, "mode": MODES[mode], "km": km, "trips": 1 if n is None else n}
            for (h, day, mode, km, n) in rows
            if h == household
        ]
        assert got[household] == want, household
