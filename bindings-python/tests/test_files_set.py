"""A whole challenge from its files (``read_files``): the sample folder
``core/examples/data/linky-gazpar/`` read from a folder, paths or bytes;
the document checked against an assembly of the same files by other
means (the CSV tables read by ``ChallengeData.from_csv``, each export by
``read_meter_file``, the temperatures by ``read_weather``); the report
against the Rust example's; errors located at their file."""

from __future__ import annotations

import collections
import csv
import dataclasses
import datetime as dt
import random
import re
import shutil
import subprocess
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, Dict, List

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ecodefi
from conftest import REPO
import files_oracle as oracle

FOLDER = REPO / "core" / "examples" / "data" / "linky-gazpar"


def files() -> List[Path]:
    return sorted(p for p in FOLDER.iterdir() if p.is_file())


def by_name() -> Dict[str, bytes]:
    return {p.name: p.read_bytes() for p in files()}


@pytest.fixture(scope="module")
def read() -> Any:
    return ecodefi.read_files(FOLDER)


def test_a_folder_paths_and_bytes_read_the_same(read: Any) -> None:
    data, imported = read
    expected = data.to_dict()
    assert ecodefi.read_files(str(FOLDER))[0].to_dict() == expected
    assert ecodefi.read_files(files())[0].to_dict() == expected
    assert ecodefi.read_files(by_name())[0].to_dict() == expected
    again, imported_again = ecodefi.read_files(list(by_name().items()))
    assert again.to_dict() == expected and imported_again == imported
    assert ecodefi.ChallengeData.from_files(FOLDER).to_dict() == expected


def test_imported_lists_every_meter_file_and_the_station(read: Any) -> None:
    data, imported = read
    meter_files = [p for p in files() if _is_meter_file(p)]
    assert sorted(m.file for m in imported.meters) == sorted(p.name for p in meter_files)
    households = {h["id"]: h for h in data.to_dict()["households"]}
    for m in imported.meters:
        f = ecodefi.read_meter_file(FOLDER / m.file)
        assert (m.provider, m.content, m.step_minutes, m.identifier) == (f.provider, f.content, f.step_minutes, f.identifier)
        assert (m.first, m.last) == (f.first, f.last)
        assert m.matched_by in ("identifier", "file_name")
        assert m.meter in [meter["id"] for meter in households[m.household]["meters"]]
    assert imported.weather is not None
    weather = ecodefi.read_weather(FOLDER / imported.weather.file)
    assert imported.weather.station == weather.station(imported.weather.station.number)
    frames = imported.to_pandas()
    assert list(frames["meters"]["file"]) == [m.file for m in imported.meters]
    assert len(frames["filled"]) == len(imported.weather.filled)


def _is_meter_file(path: Path) -> bool:
    try:
        ecodefi.read_meter_file(path)
    except ecodefi.EcodefiError:
        return False
    return True


def _measurements(meter: Dict[str, Any]) -> Dict[str, Any]:
    return {k: meter.get(k, []) for k in ("readings", "bills", "events")}


def test_the_document_is_the_tables_plus_each_export(read: Any) -> None:
    """The same challenge assembled by other means: the spreadsheet tables
    by ``ChallengeData.from_csv``, then each Linky or Gazpar file's
    measurements (``read_meter_file``) added to its meter as the core
    documents (an Enedis index or a GRDF file on an m³ meter: index
    readings, and GRDF's events; otherwise one one-day bill per complete
    day), the temperatures from ``read_weather``."""
    data, imported = read
    doc = data.to_dict()
    meter_files = {m.file for m in imported.meters} | {imported.weather.file}
    tables = [p for p in files() if p.name not in meter_files]
    expected = ecodefi.ChallengeData.from_csv(None, tables).to_dict()
    households = {h["id"]: h for h in expected["households"]}
    got = {h["id"]: h for h in doc["households"]}
    assert list(got) == list(households)
    for m in imported.meters:
        f = ecodefi.read_meter_file(FOLDER / m.file)
        meters = {x["id"]: x for x in households[m.household]["meters"]}
        if m.created:
            assert m.meter not in meters
            created = next(x for x in got[m.household]["meters"] if x["id"] == m.meter)
            meters[m.meter] = {k: v for k, v in created.items() if k not in ("readings", "bills", "events")}
            households[m.household]["meters"].append(meters[m.meter])
        meter = meters[m.meter]
        assert meter["carrier"] == f.carrier
        if f.content == "index" or meter["unit"] == "m3":
            meter.setdefault("readings", []).extend({"date": r.date, "value": r.value} for r in f.index)
            meter.setdefault("events", []).extend(f.events)
        else:
            meter.setdefault("bills", []).extend(
                {"period": {"first": d.date, "last": d.date}, "quantity": d.kwh} for d in f.days
            )
    for hid, household in households.items():
        mine = {x["id"]: _measurements(x) for x in household["meters"]}
        theirs = {x["id"]: _measurements(x) for x in got[hid]["meters"]}
        assert theirs == mine, hid
    # The temperatures: the settings' station's days, as read_weather
    # gives them (the sample's station has no gap, nothing is filled).
    assert imported.weather.filled == []
    weather = ecodefi.read_weather(FOLDER / imported.weather.file)
    station = {d["date"]: d for d in weather.temperatures(imported.weather.station.number).to_list()}
    assert doc["temperatures"] and all(station[d["date"]] == d for d in doc["temperatures"])
    assert doc["challenge"]["weather_station"] == imported.weather.station.number


def _french_percent(change: Decimal) -> str:
    """``−11,2 %``: a change as the core's French text writes it (a
    no-break space before ``%``)."""
    tenths = (change * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    sign = "−" if tenths < 0 else ("+" if tenths > 0 else "")
    return f"{sign}{abs(tenths)}".replace(".", ",") + "\u00a0%"


@pytest.fixture(scope="module")
def rust_example() -> List[str]:
    """The lines the Rust example ``files_challenge`` prints for the
    sample folder: it reads the same files with the core alone."""
    cargo = shutil.which("cargo") or str(Path.home() / ".cargo" / "bin" / "cargo")
    out = subprocess.run(
        [cargo, "run", "--quiet", "-p", "ecodefi", "--example", "files_challenge", "--", str(FOLDER)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.splitlines()


def test_imported_is_what_the_rust_example_prints(read: Any, rust_example: List[str]) -> None:
    _, imported = read
    w = imported.weather
    s = w.station
    # The example's own format (examples/files_challenge.rs, `imports`).
    expected = [
        f"températures : station {s.number} {s.name} ({s.altitude} m), fichier {w.file}, "
        f"{len(w.filled)} jour(s) complété(s)"
    ]
    for m in imported.meters:
        span = f"du {m.first} au {m.last}" if m.first and m.last else "vide"
        created = " (créé)" if m.created else ""
        expected.append(f"fichier {m.file} → foyer {m.household}, compteur {m.meter}{created} ({m.matched_by}), {span}")
    assert rust_example[: len(expected)] == expected
    assert rust_example[len(expected)] == ""


def test_the_report_is_the_rust_examples(read: Any, rust_example: List[str]) -> None:
    """The headline, the ranking, the households left out and every
    household's figures of the example's report are this report's."""
    energy = read[0].compute().energy
    assert energy.headline in rust_example
    ranking = [l.strip() for l in rust_example if re.match(r"^  \d+\. ", l)]
    teams = sorted(energy.teams, key=lambda t: t.rank)
    assert ranking == [
        f"{t.rank}. {t.name} : {_french_percent(t.totals.change)} ({t.totals.households} foyers)" for t in teams
    ]
    excluded = [l for l in rust_example if l.startswith("  exclu ")]
    assert [l.split(" : ")[0].strip() for l in excluded] == [
        f"exclu {h.household} ({h.team})" for h in energy.households if h.excluded
    ]
    start = next(i for i, l in enumerate(rust_example) if l.startswith("household;team;status;"))
    rows = list(csv.DictReader(rust_example[start:], delimiter=";"))
    assert [r["household"] for r in rows] == [h.household for h in energy.households]
    for row, h in zip(rows, energy.households):
        assert (row["team"], row["status"]) == (h.team, h.status)
        if h.excluded:
            assert row["exclusions"] == " ".join(e.code for e in h.exclusions)
            continue
        # The example writes two decimals with a decimal comma.
        for column, value in (
            ("reference_kwh", h.figures.reference),
            ("reference_corrected_kwh", h.figures.reference_corrected),
            ("challenge_kwh", h.figures.challenge),
            ("saved_kwh", h.figures.saved),
        ):
            assert abs(Decimal(row[column].replace(",", ".")) - value) <= Decimal("0.005"), (h.household, column)


# ---------------------------------------------------------------- errors


def test_a_meter_file_no_household_claims_is_an_unknown_reference() -> None:
    sources = by_name()
    stranger = oracle.linky_daily_file("01234567890123", [(dt.date(2026, 1, 1), 1000)])
    sources["ZZZ_inconnu_linky.csv"] = stranger.encode()
    with pytest.raises(ecodefi.ValidationError) as e:
        ecodefi.read_files(sources)
    assert e.value.file == "ZZZ_inconnu_linky.csv"
    assert "01234567890123" in str(e.value) and "prm" in str(e.value)


def test_a_bad_cell_of_a_table_is_located() -> None:
    sources = by_name()
    name = next(n for n in sources if n.startswith("foyers"))
    lines = sources[name].decode("utf-8").splitlines()
    cells = lines[1].split(";")
    header = lines[0].lower().split(";")
    adults = next(i for i, h in enumerate(header) if h.startswith("adult"))
    cells[adults] = "deux"
    lines[1] = ";".join(cells)
    sources[name] = "\n".join(lines).encode("utf-8")
    with pytest.raises(ecodefi.InvalidValueError) as e:
        ecodefi.read_files(sources)
    assert (e.value.file, e.value.line) == (name, 2)


def test_a_broken_export_is_located_at_its_line() -> None:
    sources = by_name()
    name = next(n for n in sources if "linky" in n.lower() and "quotid" in n.lower() or n.lower().startswith("enedis"))
    lines = sources[name].decode("utf-8").splitlines()
    row = next(i for i, l in enumerate(lines) if l[:1].isdigit() and "T00:00" in l)
    lines[row] = lines[row].split(";")[0] + ";beaucoup"
    sources[name] = "\r\n".join(lines).encode("utf-8")
    with pytest.raises(ecodefi.InvalidValueError) as e:
        ecodefi.read_files(sources)
    assert (e.value.file, e.value.line) == (name, row + 1)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_the_order_of_the_files_does_not_matter(read: Any, seed: int) -> None:
    """The same files in any order: the same challenge (a household's
    meters come in the order of their files, so they are compared by
    name) and the same results."""
    items = list(by_name().items())
    random.Random(seed).shuffle(items)
    data, imported = ecodefi.read_files(items)
    assert _by_name(data.to_dict()) == _by_name(read[0].to_dict())
    # Which of two files of one meter created it depends on their order.
    assert _attached(imported) == _attached(read[1])
    assert data.compute().energy.teams == read[0].compute().energy.teams


def _attached(imported: Any) -> Any:
    """The meter files by name with ``created`` left out, and how many
    files created each meter."""
    files = sorted((dataclasses.replace(m, created=False) for m in imported.meters), key=lambda m: m.file)
    created = collections.Counter((m.household, m.meter) for m in imported.meters if m.created)
    return files, created


def _by_name(doc: Dict[str, Any]) -> Dict[str, Any]:
    """The document with each household's meters sorted by name, and
    their bills and readings by date."""
    for h in doc["households"]:
        h["meters"].sort(key=lambda m: m["id"])
        for m in h["meters"]:
            m.get("bills", []).sort(key=lambda b: b["period"]["first"])
            m.get("readings", []).sort(key=lambda r: r["date"])
    return doc


def test_file_kind_tells_what_read_files_made_of_each_file(read: Any) -> None:
    _, imported = read
    meters = {m.file for m in imported.meters}
    for path in files():
        kind = ecodefi.file_kind(path)
        if path.name in meters:
            assert kind == ("meter", None)
        elif path.name == imported.weather.file:
            assert kind == ("weather", None)
        else:
            assert kind[0] == "table" and kind[1] in ecodefi.names().get("table", [kind[1]])
    assert ecodefi.file_kind(FOLDER / "foyers.csv") == ("table", "households")
    with pytest.raises(ecodefi.UnknownNameError) as e:
        ecodefi.file_kind(b"bonjour", "notes.txt")
    assert e.value.file == "notes.txt"
