"""The report: typed results, dicts, JSON, DataFrames, notebook view, plots."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal, localcontext
from typing import Any, Dict, Iterator, Tuple

import pytest

import ecodefi
from ecodefi import results


@pytest.fixture(scope="module")
def report(sample_json: str) -> ecodefi.Report:
    return ecodefi.compute(ecodefi.ChallengeData.from_json(sample_json))


def leaves(x: Any, path: str = "") -> Iterator[Tuple[str, Any]]:
    if isinstance(x, dict):
        for k, v in x.items():
            yield from leaves(v, f"{path}.{k}")
    elif isinstance(x, list):
        for i, v in enumerate(x):
            yield from leaves(v, f"{path}[{i}]")
    else:
        yield path, x


def test_to_dict_is_to_json_with_python_types(report: ecodefi.Report) -> None:
    as_dict = dict(leaves(report.to_dict()))
    as_json = dict(leaves(json.loads(report.to_json())))
    assert as_dict.keys() == as_json.keys()
    decimals = 0
    for path, v in as_dict.items():
        j = as_json[path]
        if isinstance(v, Decimal):
            decimals += 1
            assert str(v) == j, path  # exact: the core's own digits
        elif isinstance(v, dt.date):
            assert v.isoformat() == j, path
        else:
            assert v == j, path
            # Every decimal of the JSON is a Decimal in the dict (a message's
            # parameters are data as the message quotes them: text).
            if isinstance(j, str) and ".params." not in path and path.rsplit(".", 1)[-1] in {"reference", "saved", "change", "challenge"}:
                pytest.fail(f"{path} is a str in to_dict")
    assert decimals > 1000


def test_typed_results(report: ecodefi.Report) -> None:
    e = report.energy
    assert isinstance(e, results.EnergyReport)
    assert len(e.households) == report.households
    assert [t.rank for t in e.teams] == sorted(t.rank for t in e.teams)
    excluded = [h for h in e.households if h.excluded]
    assert excluded and all(h.exclusions for h in excluded)
    assert e.totals.totals.excluded == len(excluded)
    assert all(isinstance(h, results.EnergyHouseholdResult) for h in e.households)
    assert all(h.status == "excluded" and h.figures is None for h in excluded)
    computed = [h for h in e.households if not h.excluded]
    assert all(h.status == "computed" and not h.exclusions for h in computed)
    assert all(isinstance(h.figures, results.Saving) for h in computed)
    # Persons and consumption units are figures of the household's saving.
    assert all(h.figures.persons >= 1 and h.figures.consumption_units >= 1 for h in computed if h.figures)
    assert report.schema_version == ecodefi.REPORT_SCHEMA_VERSION == 2
    # The core sums with 28 significant digits, as Python's default context
    # does, but rounds in its own order: equal to 1e-20 kWh.
    with localcontext() as ctx:
        ctx.prec = 60
        total = sum(h.figures.saved for h in computed if h.figures)
    assert abs(total - e.totals.totals.saved) < Decimal("1e-20")
    assert report.headline == e.headline
    assert str(report) == report.headline
    assert report.challenge["name"] == "Défi Déclics énergie 2025-2026"


def test_to_pandas_drops_nothing(report: ecodefi.Report) -> None:
    f = report.to_pandas()
    h, t, c, m = f["households"], f["teams"], f["challenge"], f["meters"]
    assert len(h) == report.households and h["household"].is_unique
    assert len(t) == len(report.challenge["teams"])
    assert len(c) == 1 and c.loc[0, "headline"] == report.headline
    excluded = h[h["excluded"]]
    assert (excluded["exclusion_codes"] != "").all()
    assert excluded["reference"].isna().all()
    assert set(h.loc[~h["excluded"], "household"]) == set(m["household"])
    # Exact decimals by default, sums agree to the last digit.
    assert isinstance(h.loc[0, "saved"], Decimal)
    with localcontext() as ctx:
        ctx.prec = 60
        total = sum(h.loc[~h["excluded"], "saved"])
    assert abs(total - c.loc[0, "saved"]) < Decimal("1e-20")
    # Exclusion reasons as columns, counted per team.
    counts = {k: int(t[f"excluded_{k}"].sum()) for k in ecodefi.names()["exclusion_code"]}
    assert sum(counts.values()) == len(excluded)
    assert int(c.loc[0, "excluded"]) == len(excluded)


def test_to_pandas_floats(report: ecodefi.Report) -> None:
    h = report.to_pandas(decimals="float")["households"]
    assert h["saved"].dtype == "float64"
    with pytest.raises(ValueError):
        report.to_pandas(decimals="double")


def test_repr_html(report: ecodefi.Report) -> None:
    html = report._repr_html_()
    assert "<table>" in html and "Rang" in html
    assert "Marcq-en-Barœul" in html
    assert html.count("<tr>") == 1 + len(report.challenge["teams"])


def test_plots(report: ecodefi.Report) -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    from ecodefi import plot

    ax = plot.team_ranking(report)
    assert len(ax.patches) == len(report.challenge["teams"])
    ax = plot.household_savings(report)
    assert ax.get_ylabel() == "foyers"


def test_plot_module_does_not_import_matplotlib() -> None:
    import subprocess
    import sys

    code = "import ecodefi, ecodefi.plot, sys; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_documents_round_trip(sample_json: str) -> None:
    data = ecodefi.ChallengeData.from_json(sample_json)
    again = ecodefi.ChallengeData.from_dict(data.to_dict())
    assert again.to_json() == data.to_json()
    assert ecodefi.compute(data.to_dict()).to_json() == data.compute().to_json()


def test_python_objects_constructor(sample_doc: Dict[str, Any]) -> None:
    h = sample_doc["households"][0]
    h = {**h, "occupants": ecodefi.Occupants(2, [5])}
    c = {**sample_doc["challenge"], "reference_period": ecodefi.Period(dt.date(2024, 12, 1), dt.date(2025, 4, 30))}
    data = ecodefi.ChallengeData(c, [h], sample_doc["temperatures"], sample_doc["options"])
    assert data.households == 1
    assert data.to_dict()["households"][0]["occupants"] == {"adults": 2, "children": [5]}


def test_synthetic_challenge() -> None:
    data = ecodefi.synthetic_challenge(30, seed=1)
    assert data.households == 30
    assert data.compute().households == 30


def test_meter_reference_method(sample_doc: Dict[str, Any]) -> None:
    """A meter's ``reference_method``: ``None`` for the default reconstructed
    winter (the core's JSON leaves it out), ``"weather_regression"`` when
    the option asks for the regression baseline (tests/tests/regression.rs,
    the same household: daily usage 2 + 0.5·max(0, 15 − T), 90 % of it in
    the challenge)."""
    doc = json.loads(json.dumps(sample_doc))
    mean = {d["date"]: (Decimal(d["tn"]) + Decimal(d["tx"])) / 2 for d in doc["temperatures"]}
    readings, index = [], Decimal(1000)
    for key, factor in (("reference_period", Decimal(1)), ("challenge_period", Decimal("0.9"))):
        first = dt.date.fromisoformat(doc["challenge"][key]["first"])
        last = dt.date.fromisoformat(doc["challenge"][key]["last"])
        day = first
        while day <= last + dt.timedelta(days=1):
            readings.append({"date": day.isoformat(), "value": str(index)})
            if day <= last:
                index += (2 + Decimal("0.5") * max(Decimal(0), 15 - mean[day.isoformat()])) * factor
            day += dt.timedelta(days=1)
    doc["households"] = [
        {
            "id": "LINKY1",
            "team": doc["challenge"]["teams"][0]["id"],
            "occupants": {"adults": 2, "children": []},
            "meters": [
                {"id": "chauffage", "carrier": "district_heating", "unit": "kwh", "usage": "heating_only", "readings": readings}
            ],
        }
    ]

    def meter(doc: Dict[str, Any]) -> results.MeterResult:
        energy = ecodefi.compute(doc).energy
        assert energy is not None
        h = energy.households[0]
        assert h.status == "computed" and h.figures is not None
        return h.figures.meters[0]

    assert meter(doc).reference_method is None
    doc["options"]["energy"]["regression_baseline"] = True
    m = meter(doc)
    assert m.reference_method == "weather_regression"
    report = ecodefi.compute(doc)
    assert report.to_dict()["energy"]["households"][0]["figures"]["meters"][0]["reference_method"] == "weather_regression"
    energy = report.energy
    assert energy is not None and energy.households[0].figures is not None
    assert abs(energy.households[0].figures.change + Decimal("0.1")) < Decimal("1e-6")
