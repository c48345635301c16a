"""The file readers (``read_weather``, ``read_meter_file``): sources given as
paths or bytes, typed results, errors located at the file and line, and
every shipped sample file checked against an independent reading
(``files_oracle``: Python's ``csv``, ``gzip`` and ``decimal``)."""

from __future__ import annotations

import datetime as dt
import pickle
from decimal import ROUND_HALF_UP, Decimal
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


# ---------------------------------------------------------------- samples: Linky


def test_the_linky_daily_sample_is_its_wh_over_1000() -> None:
    (path,) = samples("enedis", "*quotidienne*.csv")
    kwh, empty = oracle.enedis_daily(oracle.text_of(path.read_bytes()))
    f = ecodefi.read_meter_file(path)
    assert (f.provider, f.content, f.carrier) == ("enedis", "daily_consumption", "electricity")
    assert {d.date: d.kwh for d in f.days} == kwh
    assert f.incomplete_days == empty and empty, "the sample has a gap"
    assert sum(d.kwh for d in f.days) == sum(kwh.values())


@pytest.mark.parametrize("path", samples("enedis", "*courbe*.csv"), ids=lambda p: p.name)
def test_a_load_curve_sample_gives_its_complete_local_days(path: Path) -> None:
    text = oracle.text_of(path.read_bytes())
    f = ecodefi.read_meter_file(path)
    assert f.content == "load_curve" and f.step_minutes == 30
    by_day = oracle.enedis_load_curve(text, 30)
    days = {d.date: d.kwh for d in f.days}
    for day, (kwh, count, empty) in by_day.items():
        # A day is complete with every half-hour of its local day (46 or 50
        # across the daylight-saving changes) and no empty value.
        if count == oracle.points_per_day(day, 30) and not empty:
            assert days.pop(day) == kwh, day
        else:
            assert day in f.incomplete_days, day
    assert days == {}
    counts = {oracle.points_per_day(d, 30) for d in by_day}
    assert counts - {48}, "the sample crosses a daylight-saving change"


def test_the_linky_index_sample_is_eas_t_in_kwh() -> None:
    (path,) = samples("enedis", "*index*.csv")
    expected = oracle.enedis_index(oracle.text_of(path.read_bytes()))
    f = ecodefi.read_meter_file(path)
    assert f.content == "index" and f.days == []
    assert {r.date: r.value for r in f.index} == expected
    assert all(isinstance(r, IndexReading) for r in f.index)
    frame = f.index_frame()
    assert list(frame["value"]) == [r.value for r in f.index]


# ---------------------------------------------------------------- samples: Gazpar


def test_the_gazpar_json_sample_is_its_releves() -> None:
    (path,) = samples("grdf", "*.json")
    releves = oracle.grdf_json_days(path.read_bytes())
    f = ecodefi.read_meter_file(path)
    assert (f.provider, f.content, f.carrier) == ("grdf", "gas_days", "natural_gas")
    assert [(d.date, d.kwh, d.m3, d.kwh_per_m3) for d in f.days] == [
        (dt.date.fromisoformat(r["journeeGaziere"]), r["energieConsomme"], r["volumeBrutConsomme"], r["coeffConversion"])
        for r in releves
    ]
    # The index at the start of each gas day, and the last end index on the
    # day after (m³).
    last = dt.date.fromisoformat(releves[-1]["journeeGaziere"]) + dt.timedelta(days=1)
    expected = [(dt.date.fromisoformat(r["journeeGaziere"]), r["indexDebut"]) for r in releves]
    assert [(r.date, r.value) for r in f.index] == expected + [(last, releves[-1]["indexFin"])]
    assert f.events == []


def test_the_gazpar_csv_sample_is_its_rows() -> None:
    (path,) = samples("grdf", "*.csv")
    rows = oracle.grdf_csv_days(path.read_bytes())
    f = ecodefi.read_meter_file(path)
    # Columns: date, start index, end index, volume (m³), energy (kWh),
    # coefficient (kWh/m³), decimal comma.
    assert [(d.date, d.m3, d.kwh, d.kwh_per_m3) for d in f.days] == [
        (dt.datetime.strptime(r[0], "%d/%m/%Y").date(), *(oracle.french_decimal(c) for c in r[3:6])) for r in rows
    ]
    assert f.identifier is not None and f.identifier in path.read_text(encoding="utf-8")


def test_the_three_gazpar_layouts_read_the_same() -> None:
    paths = samples("grdf", "*.csv", "*.json", "*.xlsx")
    assert {p.suffix for p in paths} == {".csv", ".json", ".xlsx"}
    read = [ecodefi.read_meter_file(p).to_dict() for p in paths]
    for d in read:
        del d["name"]
    assert read[0] == read[1] == read[2]


def test_the_meter_file_samples_give_usage_for_a_regression() -> None:
    (path,) = samples("enedis", "*quotidienne*.csv")
    f = ecodefi.read_meter_file(path)
    # Temperatures of the same days, 2 °C and 10 °C: a mean of 6 °C.
    days = [f.first + dt.timedelta(days=i) for i in range((f.last - f.first).days + 1)]
    temperatures = [{"date": d, "tn": Decimal(2), "tx": Decimal(10)} for d in days]
    usage = f.usage_data(temperatures)
    assert usage["kind"] == "daily"
    assert [(u["date"], u["usage"], u["temperature_c"]) for u in usage["days"]] == [(d.date, d.kwh, 6.0) for d in f.days]
    baseline = ecodefi.regression_fit(usage)
    assert baseline.sufficiency is not None


# ---------------------------------------------------------------- samples: Météo-France


def daily_sample() -> Path:
    (path,) = samples("meteo-france", "Q_*.csv.gz")
    return path


def test_the_daily_weather_sample_stations_are_its_rows() -> None:
    path = daily_sample()
    rows = oracle.meteo_rows(path.read_bytes())
    w = ecodefi.read_weather(path)
    assert (w.name, w.resolution, len(w)) == (path.name, "daily", len(w.stations))
    assert all(isinstance(s, Station) for s in w.stations)
    numbers = list(dict.fromkeys(r["NUM_POSTE"] for r in rows))
    assert [s.number for s in w.stations] == numbers
    for s in w.stations:
        days = oracle.meteo_station_days(rows, s.number)
        quality = {
            dt.datetime.strptime(r["AAAAMMJJ"], "%Y%m%d").date(): (r["QTN"].strip(), r["QTX"].strip())
            for r in rows
            if r["NUM_POSTE"] == s.number
        }
        # A valid day has a Tn and a Tx, neither with quality code 2
        # (doubtful), and Tn ≤ Tx; every other day from the first to the
        # last is missing.
        valid = [
            d
            for d, (tn, tx) in days.items()
            if tn is not None and tx is not None and "2" not in quality[d] and tn <= tx
        ]
        assert (s.first, s.last) == (min(days), max(days))
        assert s.complete_days == len(valid)
        assert s.missing_days == (s.last - s.first).days + 1 - len(valid)
        row = next(r for r in rows if r["NUM_POSTE"] == s.number)
        assert (s.name, s.latitude, s.longitude, s.altitude) == (
            row["NOM_USUEL"], Decimal(row["LAT"]), Decimal(row["LON"]), Decimal(row["ALTI"])
        )
    assert any(s.missing_days for s in w.stations), "the sample has gaps"
    frame = w.stations_frame()
    assert list(frame["number"]) == numbers and list(frame["complete_days"]) == [s.complete_days for s in w.stations]


def test_the_gzipped_and_plain_weather_samples_read_the_same() -> None:
    gz = ecodefi.read_weather(daily_sample())
    (plain,) = samples("meteo-france", "Q_*.csv")
    assert ecodefi.read_weather(plain).stations == gz.stations


def test_a_complete_station_gives_its_tn_and_tx() -> None:
    path = daily_sample()
    rows = oracle.meteo_rows(path.read_bytes())
    w = ecodefi.read_weather(path)
    station = next(s for s in w.stations if s.missing_days == 0)
    t = w.temperatures(station.number)
    assert t.station == station and t.filled == [] and len(t) == station.complete_days
    expected = oracle.meteo_station_days(rows, station.number)
    assert [(d["date"], d["tn"], d["tx"]) for d in t.to_list()] == [(d, tn, tx) for d, (tn, tx) in sorted(expected.items())]
    frame = t.to_pandas()
    assert list(frame.columns) == ["date", "tn", "tx"] and len(frame) == len(t)
    assert t.period == ecodefi.Period(station.first, station.last)
    # By name too, and over a period.
    january = w.temperatures(station.name, dt.date(2025, 1, 1), "2025-01-31")
    assert len(january) == 31 and january.to_list() == t.to_list()[:31]
    with pytest.raises(TypeError, match="both"):
        w.temperatures(station.number, first=dt.date(2025, 1, 1))


def test_missing_days_are_an_error_naming_them_unless_filled() -> None:
    path = daily_sample()
    w = ecodefi.read_weather(path)
    gappy = next(s for s in w.stations if s.missing_days)
    other = next(s for s in w.stations if not s.missing_days)
    with pytest.raises(ecodefi.InsufficientDataError) as e:
        w.temperatures(gappy.number)
    assert e.value.file == path.name and gappy.number in str(e.value)
    t = w.temperatures(gappy.number, fill_station=other.number)
    assert len(t.filled) == gappy.missing_days
    source = {d["date"]: (d["tn"], d["tx"]) for d in w.temperatures(other.number).to_list()}
    for day in t.filled:
        assert (day.method, day.station) == ("station", other.number)
        assert (day.tn, day.tx) == source[day.date]
    frame = t.filled_frame()
    assert list(frame["station"]) == [other.number] * len(t.filled)


def test_interpolation_fills_short_gaps_linearly() -> None:
    w = ecodefi.read_weather(daily_sample())
    gappy = next(s for s in w.stations if s.missing_days)
    t = w.temperatures(gappy.number, interpolate_max_days=10)
    days = {d["date"]: (d["tn"], d["tx"]) for d in t.to_list()}
    filled = {f.date for f in t.filled}
    assert len(filled) == gappy.missing_days and all(f.method == "interpolated" and f.station is None for f in t.filled)
    for f in t.filled:
        # Between the valid days around the gap, in proportion to the
        # distance (computed here with Python's decimal), rounded to 0.1 °C
        # like Météo-France's values, a half away from zero.
        before = max(d for d in days if d < f.date and d not in filled)
        after = min(d for d in days if d > f.date and d not in filled)
        share = Decimal((f.date - before).days) / Decimal((after - before).days)
        for i in (0, 1):
            exact = days[before][i] + (days[after][i] - days[before][i]) * share
            assert (f.tn, f.tx)[i] == exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            assert days[f.date][i] == (f.tn, f.tx)[i]


def test_stations_are_found_by_number_name_or_nearness() -> None:
    w = ecodefi.read_weather(daily_sample())
    for s in w.stations:
        assert w.station(s.number) == s == w.station(s.name)
        assert w.nearest(s.latitude, s.longitude) == s
    assert w.nearest(float(w.stations[0].latitude) + 0.001, str(w.stations[0].longitude)) == w.stations[0]
    with pytest.raises(ecodefi.UnknownReferenceError) as e:
        w.station("00000000")
    assert e.value.file == w.name


def test_the_hourly_sample_follows_the_day_convention() -> None:
    (path,) = samples("meteo-france", "H_*.csv.gz")
    rows = oracle.meteo_rows(path.read_bytes())
    w = ecodefi.read_weather(path)
    assert w.resolution == "hourly"
    for s in w.stations:
        expected = oracle.meteo_hourly_days(rows, s.number)
        assert expected, "the sample has complete days"
        t = w.temperatures(s.number)
        assert {d["date"]: (d["tn"], d["tx"]) for d in t.to_list()} == expected


def test_station_temperatures_are_a_challenges_temperatures(sample_doc: dict) -> None:
    w = ecodefi.read_weather(daily_sample())
    t = w.temperatures(w.stations[0].number)
    doc = ecodefi.ChallengeData.from_dict(sample_doc).to_dict()
    from_object = ecodefi.ChallengeData(doc["challenge"], doc["households"], t, doc.get("options"))
    from_list = ecodefi.ChallengeData(doc["challenge"], doc["households"], t.to_list(), doc.get("options"))
    assert from_object.to_dict()["temperatures"] == from_list.to_dict()["temperatures"] == t.to_list()


def test_a_bad_weather_file_is_located() -> None:
    data = oracle.meteo_rows(daily_sample().read_bytes())
    header = ";".join(data[0].keys())
    row = ";".join("abc" if k == "TN" else v for k, v in data[0].items())
    with pytest.raises(ecodefi.InvalidValueError) as e:
        ecodefi.read_weather(f"{header}\n{row}\n".encode(), "Q_62.csv")
    assert (e.value.file, e.value.line, e.value.column) == ("Q_62.csv", 2, "TN")
    with pytest.raises(ecodefi.EcodefiError) as e:
        ecodefi.read_weather(b"\x1f\x8b\x08\x00broken", "Q_62.csv.gz")
    assert e.value.file == "Q_62.csv.gz"
