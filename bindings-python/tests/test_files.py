"""The file readers (``read_weather``, ``read_meter_file``): sources given as
paths or bytes, typed results, errors located at the file and line, and
every shipped sample file checked against an independent reading
(``files_oracle``: Python's ``csv``, ``gzip`` and ``decimal``)."""

from __future__ import annotations

import datetime as dt
import pickle
from decimal import Decimal
from pathlib import Path
from typing import List

import pytest

import ecodefi
from ecodefi.files import AttachedFile, Day, FilledDay, Imported, IndexReading, Station
from conftest import REPO
import files_oracle as oracle

DATA = REPO / "core" / "examples" / "data"

DAILY = oracle.linky_daily_file(
    "12345678901234",
    [(dt.date(2026, 1, 1), 12345), (dt.date(2026, 1, 2), None), (dt.date(2026, 1, 3), 10001)],
)


def samples(folder: str, *patterns: str) -> List[Path]:
    return sorted(p for pattern in patterns for p in (DATA / folder).glob(pattern))


# ---------------------------------------------------------------- sources


def test_a_path_bytes_and_a_pathlike_read_the_same(tmp_path: Path) -> None:
    path = tmp_path / "Enedis_Conso_Jour_A.csv"
    path.write_text(DAILY, encoding="utf-8", newline="")
    by_str = ecodefi.read_meter_file(str(path))
    by_path = ecodefi.read_meter_file(path)
    by_bytes = ecodefi.read_meter_file(path.read_bytes(), "Enedis_Conso_Jour_A.csv")
    by_bytearray = ecodefi.read_meter_file(bytearray(path.read_bytes()), name="Enedis_Conso_Jour_A.csv")
    assert by_str.name == "Enedis_Conso_Jour_A.csv"
    assert by_str.to_dict() == by_path.to_dict() == by_bytes.to_dict() == by_bytearray.to_dict()
    assert ecodefi.read_meter_file(path, name="other.csv").name == "other.csv"
    assert ecodefi.read_meter_file(DAILY.encode()).name == "<bytes>"


def test_a_missing_path_is_an_os_error_and_a_number_a_type_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        ecodefi.read_meter_file(tmp_path / "absent.csv")
    with pytest.raises(FileNotFoundError):
        ecodefi.read_weather(str(tmp_path / "absent.csv.gz"))
    with pytest.raises(TypeError, match="path .* or bytes"):
        ecodefi.read_meter_file(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ecodefi.read_files(42)  # type: ignore[arg-type]


# ---------------------------------------------------------------- Linky, by hand


def test_a_linky_daily_file_is_typed_days_in_kwh() -> None:
    f = ecodefi.read_meter_file(DAILY.encode(), "a.csv")
    assert (f.provider, f.content, f.step_minutes, f.carrier) == ("enedis", "daily_consumption", None, "electricity")
    assert f.identifier == "12345678901234"
    # 12 345 Wh and 10 001 Wh, divided by 1000; the empty 2 January is a
    # gap, not a zero.
    assert f.days == [
        Day(dt.date(2026, 1, 1), Decimal("12.345"), None, None),
        Day(dt.date(2026, 1, 3), Decimal("10.001"), None, None),
    ]
    assert all(isinstance(d.kwh, Decimal) for d in f.days)
    assert f.incomplete_days == [dt.date(2026, 1, 2)]
    assert f.index == [] and f.events == []
    assert (f.first, f.last) == (dt.date(2026, 1, 1), dt.date(2026, 1, 3))
    frames = f.to_pandas()
    assert list(frames["days"].columns) == ["date", "kwh", "m3", "kwh_per_m3"]
    assert list(frames["days"]["kwh"]) == [Decimal("12.345"), Decimal("10.001")]
    assert str(frames["days"]["date"].dtype).startswith("datetime64")
    assert list(frames["index"].columns) == ["date", "value"] and frames["index"].empty
    assert f.days_frame().equals(frames["days"])
    assert "a.csv" in repr(f)


def test_a_bad_value_is_located_at_its_file_line_and_column() -> None:
    # Line 7: header, values, blank, table header, then the third row.
    bad = DAILY.replace("10001", "1x")
    with pytest.raises(ecodefi.InvalidValueError) as e:
        ecodefi.read_meter_file(bad.encode(), "Enedis_A.csv")
    assert (e.value.code, e.value.file, e.value.line, e.value.column) == ("invalid_value", "Enedis_A.csv", 7, "Valeur")
    assert "1x" in str(e.value)
    # The location survives pickling (multiprocessing).
    again = pickle.loads(pickle.dumps(e.value))
    assert (again.file, again.line) == ("Enedis_A.csv", 7)


def test_a_file_of_another_shape_is_an_unknown_name_naming_the_layouts() -> None:
    with pytest.raises(ecodefi.UnknownNameError) as e:
        ecodefi.read_meter_file(b"foyer;equipe\nA;T1\n", "foyers.csv")
    assert e.value.code == "unknown_name" and e.value.file == "foyers.csv" and e.value.line == 1
    assert "Identifiant PRM" in str(e.value)


# ---------------------------------------------------------------- typed classes


def test_typed_classes_refuse_unknown_keys() -> None:
    with pytest.raises(TypeError, match="unknown fields"):
        Day.from_dict({"date": dt.date(2026, 1, 1), "kwh": Decimal(1), "litres": 3})
    with pytest.raises(TypeError, match="unknown fields"):
        FilledDay.from_dict({"date": dt.date(2026, 1, 1), "tn": 1, "tx": 2, "how": {"method": "interpolated", "x": 1}})
    with pytest.raises(TypeError, match="unknown fields"):
        Imported.from_dict({"weather": None, "meters": [], "extra": 1})


def test_tagged_values_are_flattened() -> None:
    day = FilledDay.from_dict(
        {"date": dt.date(2026, 1, 2), "tn": Decimal("1.5"), "tx": Decimal("7"), "how": {"method": "station", "number": "62160001"}}
    )
    assert (day.method, day.station) == ("station", "62160001")
    day = FilledDay.from_dict({"date": dt.date(2026, 1, 2), "tn": Decimal(1), "tx": Decimal(2), "how": {"method": "interpolated"}})
    assert (day.method, day.station) == ("interpolated", None)
    attached = AttachedFile.from_dict(
        {
            "file": "A_linky.csv",
            "provider": "enedis",
            "content": {"kind": "load_curve", "step_minutes": 30},
            "identifier": None,
            "household": "A",
            "meter": "linky",
            "created": True,
            "matched_by": "file_name",
            "first": dt.date(2026, 1, 1),
            "last": None,
        }
    )
    assert (attached.content, attached.step_minutes, attached.last) == ("load_curve", 30, None)
    imported = Imported.from_dict({"weather": None, "meters": [attached.__dict__ | {"content": {"kind": "index"}}]})
    frames = imported.to_pandas()
    assert list(frames["meters"]["content"]) == ["index"]
    assert list(frames["filled"].columns) == ["date", "tn", "tx", "method", "station"]


def test_an_object_with_to_list_stands_for_the_temperatures(sample_doc: dict) -> None:
    class Days:
        def __init__(self, days: list) -> None:
            self.days = days

        def to_list(self) -> list:
            return self.days

    data = ecodefi.ChallengeData.from_dict(sample_doc)
    doc = data.to_dict()
    same = ecodefi.ChallengeData(doc["challenge"], doc["households"], Days(doc["temperatures"]), doc.get("options"))
    assert same.to_dict() == doc
