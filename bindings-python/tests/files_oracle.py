"""Independent readings of the files the core reads (``ecodefi.files``),
with Python's ``csv``, ``gzip``, ``json`` and ``decimal`` only, so that the
tests compare the core with a second, simpler computation; and a
deterministic writer of Linky files for the property tests.

The layouts are the ones the core documents with its sources:

- Enedis (Linky) customer exports: a metadata header ``Identifiant
  PRM;Type de donnees;…;Unite[;Pas en minutes]`` and its values line, a
  blank line, then ``Horodate;Valeur`` (daily Wh or load-curve W) or
  ``Horodate;Type de releve;EAS F1;…;EAS T`` (index, Wh) with ISO 8601
  timestamps carrying their offset (l-etabli/quoalise,
  ``formalisme/enedis.md``; the core's ``files/enedis.rs``).
- Météo-France daily climatological files (meteo.data.gouv.fr, *données
  climatologiques de base quotidiennes*): gzipped ``;``-separated CSV,
  ``NUM_POSTE;NOM_USUEL;LAT;LON;ALTI;AAAAMMJJ;RR;QRR;TN;QTN;…;TX;QTX;…``
  (the core's ``files/meteo_france``).
- GRDF (Gazpar) JSON of the customer API: ``releves`` with
  ``journeeGaziere``, ``indexDebut``, ``indexFin``, ``volumeBrutConsomme``,
  ``energieConsomme``, ``coeffConversion`` (ssenart/PyGazpar,
  ``pygazpar/jsonparser.py``; the core's ``files/grdf.rs``).
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
from decimal import Decimal
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

ENEDIS_HEADER = (
    "Identifiant PRM;Type de donnees;Date de debut;Date de fin;"
    "Grandeur physique;Grandeur metier;Etape metier;Unite"
)


def text_of(data: bytes) -> str:
    """The text of a CSV export: UTF-8 (with or without BOM), else
    Windows-1252 as French spreadsheets save it."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    return text.lstrip("\ufeff")


def enedis_table(text: str) -> Tuple[Dict[str, str], List[str], List[List[str]]]:
    """The metadata (header name → value), the data table's columns and its
    rows (up to the first blank line or row not starting with a digit)."""
    lines = text.splitlines()
    header = lines[0].split(";")
    values = lines[1].split(";")
    meta = {h.strip(): (values[i].strip() if i < len(values) else "") for i, h in enumerate(header)}
    rest = iter(lines[2:])
    columns: List[str] = []
    for line in rest:
        if line.strip():
            columns = [c.strip() for c in line.split(";")]
            break
    rows = []
    for line in rest:
        if not line.strip() or not line.strip()[0].isdigit():
            break
        rows.append(line.split(";"))
    return meta, columns, rows


def wh_to_kwh(wh: Decimal) -> Decimal:
    """Wh to kWh: an exact division by 1000 (``Decimal.scaleb`` only moves
    the exponent), normalised for comparisons."""
    return wh.scaleb(-3)


def enedis_daily(text: str) -> Tuple[Dict[dt.date, Decimal], List[dt.date]]:
    """A daily-consumption export: kWh by day (the timestamp's date), and
    the days from the first row to the last without a value (an empty
    value or no row)."""
    _, columns, rows = enedis_table(text)
    assert columns[:2] == ["Horodate", "Valeur"], columns
    kwh: Dict[dt.date, Decimal] = {}
    empty: List[dt.date] = []
    for row in rows:
        day = dt.date.fromisoformat(row[0][:10])
        if row[1].strip() == "":
            empty.append(day)
        else:
            kwh[day] = wh_to_kwh(Decimal(row[1]))
    every = sorted(set(kwh) | set(empty))
    if every:
        span = (every[-1] - every[0]).days + 1
        empty = [every[0] + dt.timedelta(days=i) for i in range(span)]
        empty = [d for d in empty if d not in kwh]
    return kwh, empty


def enedis_load_curve(text: str, step: int) -> Dict[dt.date, Tuple[Decimal, int, bool]]:
    """A load-curve export: by local day (the timestamp's date), the
    energy of its points in kWh (Σ W × step / 60 000), their number and
    whether one is empty."""
    _, columns, rows = enedis_table(text)
    assert columns[:2] == ["Horodate", "Valeur"], columns
    days: Dict[dt.date, Tuple[Decimal, int, bool]] = {}
    for row in rows:
        day = dt.date.fromisoformat(row[0][:10])
        watts, count, empty = days.get(day, (Decimal(0), 0, False))
        if row[1].strip() == "":
            days[day] = (watts, count + 1, True)
        else:
            days[day] = (watts + Decimal(row[1]), count + 1, empty)
    return {d: (w * step / 60000, n, e) for d, (w, n, e) in days.items()}


def points_per_day(day: dt.date, step: int, zone: str = "Europe/Paris") -> int:
    """The number of steps in a local day of ``zone`` (46, 48 or 50
    half-hours across the daylight-saving changes)."""
    from zoneinfo import ZoneInfo

    tz = ZoneInfo(zone)
    start = dt.datetime.combine(day, dt.time(), tz)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tz)
    # Aware datetimes of one zone subtract as wall clocks: compare in UTC.
    length = end.astimezone(dt.timezone.utc) - start.astimezone(dt.timezone.utc)
    return int(length.total_seconds() // 60) // step


def enedis_index(text: str) -> Dict[dt.date, Decimal]:
    """An index export: ``EAS T`` in kWh by the day of rows stamped at a
    local midnight."""
    _, columns, rows = enedis_table(text)
    total = columns.index("EAS T")
    out = {}
    for row in rows:
        if row[0][11:16] == "00:00" and total < len(row) and row[total].strip():
            out[dt.date.fromisoformat(row[0][:10])] = wh_to_kwh(Decimal(row[total]))
    return out


def linky_daily_file(prm: str, days: Sequence[Tuple[dt.date, Optional[int]]]) -> str:
    """A Linky daily-consumption export in the layout above: the metadata
    header and values, a blank line, then one ``Horodate;Valeur`` row per
    day stamped at its local midnight (offset +01:00 in winter, +02:00 in
    summer as Europe/Paris), the value in Wh or empty. Deterministic: the
    same arguments give the same text."""
    from zoneinfo import ZoneInfo

    tz = ZoneInfo("Europe/Paris")
    first = days[0][0] if days else dt.date(2026, 1, 1)
    last = days[-1][0] + dt.timedelta(days=1) if days else first
    out = io.StringIO()
    out.write(ENEDIS_HEADER + "\r\n")
    out.write(
        f"{prm};Consommation quotidienne;{first:%d/%m/%Y};{last:%d/%m/%Y};"
        "Energie active;Consommation;Comptage Brut;Wh\r\n\r\n"
    )
    out.write("Horodate;Valeur\r\n")
    for day, wh in days:
        stamp = dt.datetime.combine(day, dt.time(), tz).isoformat()
        out.write(f"{stamp};{'' if wh is None else wh}\r\n")
    return out.getvalue()


def meteo_rows(data: bytes) -> List[Dict[str, str]]:
    """The rows of a Météo-France file (gzipped or not) as dicts."""
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    text = text_of(data)
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def meteo_station_days(rows: Iterable[Dict[str, str]], number: str) -> Dict[dt.date, Tuple[Optional[Decimal], Optional[Decimal]]]:
    """One station's (TN, TX) by day, ``None`` for an empty value."""
    out = {}
    for row in rows:
        if row["NUM_POSTE"].strip() != number:
            continue
        day = dt.datetime.strptime(row["AAAAMMJJ"].strip(), "%Y%m%d").date()

        def value(key: str) -> Optional[Decimal]:
            text = (row.get(key) or "").strip()
            return Decimal(text) if text else None

        out[day] = (value("TN"), value("TX"))
    return out


def meteo_hourly_days(rows: Iterable[Dict[str, str]], number: str) -> Dict[dt.date, Tuple[Decimal, Decimal]]:
    """One station's daily Tn/Tx from an hourly file, by the Météo-France
    day convention (DOMAIN.md §2): Tn of day D is the lowest hourly
    minimum (``TN``, else ``T``) of the hours ending after D−1 18:00 UTC up
    to D 18:00, Tx the highest hourly maximum (``TX``, else ``T``) of the
    hours ending after D 06:00 up to D+1 06:00 (labels are the end of
    their hour). Only days with all 24 hours in both windows."""
    lows: Dict[dt.datetime, Decimal] = {}
    highs: Dict[dt.datetime, Decimal] = {}
    for row in rows:
        if row["NUM_POSTE"].strip() != number:
            continue
        label = dt.datetime.strptime(row["AAAAMMJJHH"].strip(), "%Y%m%d%H")
        t = (row.get("T") or "").strip()
        low = (row.get("TN") or "").strip() or t
        high = (row.get("TX") or "").strip() or t
        if low:
            lows[label] = Decimal(low)
        if high:
            highs[label] = Decimal(high)
    out = {}
    days = {label.date() for label in lows}
    for day in sorted(days):
        midnight = dt.datetime.combine(day, dt.time())
        tn_window = [midnight - dt.timedelta(hours=5) + dt.timedelta(hours=h) for h in range(24)]
        tx_window = [midnight + dt.timedelta(hours=7) + dt.timedelta(hours=h) for h in range(24)]
        if all(h in lows for h in tn_window) and all(h in highs for h in tx_window):
            out[day] = (min(lows[h] for h in tn_window), max(highs[h] for h in tx_window))
    return out


def grdf_json_days(data: bytes) -> List[Dict[str, object]]:
    """The ``releves`` of a GRDF JSON document, numbers as exact ``Decimal``."""
    import json

    doc = json.loads(data.decode("utf-8"), parse_float=Decimal, parse_int=Decimal)
    if isinstance(doc, dict) and "releves" not in doc:
        (doc,) = doc.values()
    return list(doc["releves"] if isinstance(doc, dict) else doc)


def grdf_csv_days(data: bytes) -> List[List[str]]:
    """The data rows of a GRDF table saved as CSV: the cells after the
    header row that names the start index, from its ``Date`` column on."""
    rows = list(csv.reader(io.StringIO(text_of(data)), delimiter=";"))
    for i, row in enumerate(rows):
        cells = [c.strip().lower() for c in row]
        if any(c.startswith("index de d") for c in cells):
            start = cells.index("date")
            return [r[start:] for r in rows[i + 1 :] if len(r) > start and r[start].strip()]
    raise AssertionError("no GRDF header row")


def french_decimal(text: str) -> Decimal:
    """``1,2`` or ``1.2`` as an exact ``Decimal``."""
    return Decimal(text.strip().replace(",", "."))
