"""The tabular input vectors (tests/vectors/table), run through the Python
package's CSV entry point, as tests/tests/table.rs runs them in Rust."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal, InvalidOperation
from typing import Any, Dict, List, Tuple

import pytest

import ecodefi
from conftest import VECTORS


def load(name: str) -> Dict[str, Any]:
    return json.loads((VECTORS / "table" / name).read_text(encoding="utf-8"))


def tables(file: Dict[str, Any], case: Dict[str, Any]) -> List[Tuple[str, str]]:
    merged = {**file.get("base", {}), **case["tables"]}
    return [(f"{k}.csv", v) for k, v in merged.items()]


def same(got: Any, want: Any) -> bool:
    """JSON equality with decimals compared as numbers and dates as ISO text."""
    if isinstance(got, Decimal) and isinstance(want, str):
        try:
            return got == Decimal(want)
        except InvalidOperation:
            return False
    if isinstance(got, dt.date) and isinstance(want, str):
        return got.isoformat() == want
    if isinstance(got, str) and isinstance(want, str):
        if got == want:
            return True
        try:
            return Decimal(got) == Decimal(want)
        except InvalidOperation:
            return False
    if isinstance(got, list) and isinstance(want, list):
        return len(got) == len(want) and all(same(a, b) for a, b in zip(got, want))
    if isinstance(got, dict) and isinstance(want, dict):
        return set(got) == set(want) and all(same(got[k], want[k]) for k in want)
    return bool(got == want)


def _cases(name: str) -> List[Dict[str, Any]]:
    return load(name)["cases"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("case", _cases("read.json"), ids=lambda c: c["name"])
def test_tables_read_as_expected(case: Dict[str, Any]) -> None:
    got = ecodefi.read_csv_tables(tables(load("read.json"), case))
    for key, expected in case["expect"].items():
        assert same(got[key], expected), f"{key}\n got: {got[key]}\nwant: {expected}"


@pytest.mark.parametrize("case", _cases("errors.json"), ids=lambda c: c["name"])
def test_errors_name_file_line_and_column(case: Dict[str, Any]) -> None:
    with pytest.raises(ecodefi.EcodefiError) as e:
        ecodefi.read_csv_tables(tables(load("errors.json"), case))
    got = {"code": e.value.code, "file": e.value.file, "line": e.value.line, "column": e.value.column}
    assert got == case["error"], str(e.value)


def _settings_files(tmp_path: Any, case: Dict[str, Any]) -> List[Any]:
    """The base tables and the case's settings table `defi.csv`, as files."""
    texts = {f"{k}.csv": v for k, v in load("settings.json")["base"].items()}
    texts["defi.csv"] = case["settings"]
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [tmp_path / name for name in sorted(texts)]


@pytest.mark.parametrize("case", load("settings.json")["cases"], ids=lambda c: c["name"])
def test_settings_tables_read_as_expected(tmp_path: Any, case: Dict[str, Any]) -> None:
    # No JSON settings: the core reads them from the settings table.
    doc = ecodefi.ChallengeData.from_csv(None, _settings_files(tmp_path, case)).to_dict()
    assert same(doc["challenge"], case["expect"]["challenge"]), doc["challenge"]
    for key, want in case["expect"].get("energy", {}).items():
        assert same(doc["options"]["energy"][key], want), f"{key}: {doc['options']['energy'][key]}"


@pytest.mark.parametrize("case", load("settings.json")["errors"], ids=lambda c: c["name"])
def test_settings_table_errors(tmp_path: Any, case: Dict[str, Any]) -> None:
    with pytest.raises(ecodefi.EcodefiError) as e:
        ecodefi.ChallengeData.from_csv(None, _settings_files(tmp_path, case))
    got = {"code": e.value.code, "file": e.value.file, "line": e.value.line, "column": e.value.column}
    assert got == case["error"], str(e.value)
